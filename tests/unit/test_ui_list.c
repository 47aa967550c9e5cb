/* test_ui_list.c: stars, the Starred view, filters, order and minimum votes (ui/list.h). */
#include "unit.h"

#include "base/buf.h"
#include "export/export.h"
#include "model/lib.h"
#include "ui/state.h"

/* Stars and the Starred view; filters, order and minimum votes. */
static void
test_star_filter_order(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 's');
	assert_true(st.marks.star[st.list.v[0]]);
	assert_string_equal(st.status.buf, "starred (1 starred)");
	st.nav.focus = UI_DAYS;
	ui_keys_handle(&st, 'j');		/* 2025-05-05 */
	st.nav.focus = UI_PAPERS;
	ui_keys_handle(&st, 's');		/* Gamma */
	ui_keys_handle(&st, 'S');
	assert_int_equal(st.list.view, UI_VIEW_STARRED);
	assert_int_equal(st.list.n, 2);
	assert_string_equal(unit_title(&st), "Alpha paper");	/* newest day first */
	buf_init(&b);
	ui_state_position(&st, &b);
	assert_non_null(strstr(b.buf, "starred"));
	assert_null(strstr(b.buf, "2025-05-05"));
	buf_free(&b);
	ui_keys_handle(&st, 'O');		/* as published: the position says it, once */
	assert_string_equal(st.status.buf, "");
	buf_init(&b);
	ui_state_position(&st, &b);
	assert_non_null(strstr(b.buf, "as published"));
	buf_free(&b);
	ui_keys_handle(&st, 'O');		/* by title */
	buf_init(&b);
	ui_state_position(&st, &b);
	assert_non_null(strstr(b.buf, "by title"));
	buf_free(&b);
	ui_keys_handle(&st, 'O');		/* by date */
	ui_keys_handle(&st, 'O');		/* back to votes */
	assert_string_equal(st.status.buf, "ordered by votes");
	ui_keys_handle(&st, 'f');		/* unread only: said by the position only */
	assert_string_equal(st.status.buf, "");
	ui_keys_handle(&st, 'f');
	ui_keys_handle(&st, 'f');		/* all again */
	assert_string_equal(st.status.buf, "showing all papers");
	ui_keys_handle(&st, 'S');
	assert_int_equal(st.list.view, UI_VIEW_DAYS);
	/* filters on the first day: Alpha starred, Beta not */
	st.nav.focus = UI_DAYS;
	ui_keys_handle(&st, 'g');
	st.nav.focus = UI_PAPERS;
	assert_int_equal(st.list.n, 2);
	ui_keys_handle(&st, 'f');		/* unread only: both */
	assert_int_equal(st.list.n, 2);
	ui_keys_handle(&st, 'f');		/* starred only */
	assert_int_equal(st.list.n, 1);
	assert_string_equal(unit_title(&st), "Alpha paper");
	ui_keys_handle(&st, 'f');		/* all */
	/* order by title puts Alpha before Beta; by votes too */
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Alpha paper");
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	/* at least 20 votes: Alpha (50) only */
	ui_keys_handle(&st, 'v');
	assert_int_equal(st.prompt.kind, UI_PROMPT_VOTES);
	unit_type(&st, "2x0");			/* letters are ignored */
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.list.min_votes, 20);
	assert_int_equal(st.list.n, 1);
	buf_init(&b);
	ui_list_filters(&st, &b);
	assert_string_equal(b.buf, "1 of 2 shown (1 under 20 votes hidden: v 0 shows all)");
	buf_free(&b);
	ui_keys_handle(&st, 'v');
	ui_keys_handle(&st, KEYNAME_ENTER);	/* empty: no minimum */
	assert_int_equal(st.list.n, 2);
	/* export: E then a format letter asks the loop to write the list */
	ui_keys_handle(&st, 'E');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT);
	ui_keys_handle(&st, 'b');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT_NAME);	/* then the file name */
	assert_true(ui_keys_handle(&st, KEYNAME_ENTER) & UI_ACT_EXPORT);
	assert_int_equal(st.req.export_fmt, EXPORT_BIBTEX);
	ui_keys_handle(&st, 'E');
	assert_false(ui_keys_handle(&st, KEYNAME_ESC) & UI_ACT_EXPORT);
	ui_state_free(&st);
}

/* The filters name what they hide: the Starred view with unread only, the minimum votes. */
static void
test_hidden(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	buf_init(&b);
	ui_keys_handle(&st, 's');		/* Alpha starred */
	ui_keys_handle(&st, 'j');
	ui_keys_handle(&st, 's');		/* Beta starred */
	ui_keys_handle(&st, 'u');		/* Beta read */
	ui_keys_handle(&st, 'S');
	ui_keys_handle(&st, 'f');		/* unread only */
	assert_int_equal(st.list.n, 1);
	ui_list_filters(&st, &b);
	assert_string_equal(b.buf, "1 of 2 starred shown (1 read hidden: f twice shows all)");
	buf_setlen(&b, 0);
	ui_state_message(&st, "a message");	/* it needs the room: the short form */
	ui_list_filters(&st, &b);
	assert_string_equal(b.buf, "1 of 2 starred shown");
	ui_state_clear_status(&st);
	buf_setlen(&b, 0);
	ui_keys_handle(&st, 'f');		/* starred only: in the Starred view, nothing hidden */
	ui_list_filters(&st, &b);
	assert_string_equal(b.buf, "starred | starred only");
	buf_setlen(&b, 0);
	ui_keys_handle(&st, 'f');
	ui_keys_handle(&st, 'S');		/* the days: the first day, Alpha 50 and Beta 10 votes */
	ui_keys_handle(&st, 'f');		/* unread only */
	ui_list_set_min_votes(&st, 20);
	ui_list_filters(&st, &b);
	assert_int_equal(st.list.n, 1);
	assert_string_equal(b.buf, "1 of 2 shown (1 read hidden: f twice shows all)");
	buf_setlen(&b, 0);
	ui_keys_handle(&st, 'f');		/* starred only: Alpha and Beta, both starred */
	ui_list_set_min_votes(&st, 60);
	ui_list_filters(&st, &b);
	assert_int_equal(st.list.n, 0);
	assert_string_equal(b.buf, "0 of 2 shown (2 under 60 votes hidden: v 0 shows all)");
	buf_setlen(&b, 0);
	ui_keys_handle(&st, 'f');		/* all, no minimum: nothing to say */
	ui_list_set_min_votes(&st, 0);
	ui_list_filters(&st, &b);
	assert_string_equal(b.buf, "");
	buf_free(&b);
	ui_state_free(&st);
}

/* Go to a day: a date, its month or year, a label, the nearest; none. */
static void
test_find_day(void **state)
{
	struct lib *lib = unit_lib(0);
	int exact;

	(void)state;
	/* the days: 2025-05-06, 2025-05-05, Dec 25, undated */
	assert_int_equal(ui_list_find_day(lib, "2025-05-05", &exact), 1);
	assert_true(exact);
	assert_int_equal(ui_list_find_day(lib, "dec 25", &exact), 2);	/* a label, any case */
	assert_int_equal(ui_list_find_day(lib, "December 25", &exact), 2);	/* its month and day */
	assert_int_equal(ui_list_find_day(lib, "May 5", &exact), 1);	/* a dated day's */
	assert_true(exact);
	assert_int_equal(ui_list_find_day(lib, "2025-05", &exact), 0);	/* a prefix: the newest */
	assert_true(exact);
	assert_int_equal(ui_list_find_day(lib, "Dec", &exact), 2);
	/* no such day: the nearest dated one (the newer of two as near) */
	assert_int_equal(ui_list_find_day(lib, "2025-05-30", &exact), 0);
	assert_false(exact);
	assert_int_equal(ui_list_find_day(lib, "2024-01-01", &exact), 1);
	assert_int_equal(ui_list_find_day(lib, "2026", &exact), 0);
	assert_int_equal(ui_list_find_day(lib, "2025-04", &exact), 1);
	assert_false(exact);
	/* nothing */
	assert_int_equal(ui_list_find_day(lib, "", &exact), -1);
	assert_int_equal(ui_list_find_day(lib, "yesterday", &exact), -1);
	assert_int_equal(ui_list_find_day(lib, "2025-13-01", &exact), -1);
	lib_free(lib);
}

/* } and { move between days from any pane; D goes to a day typed at the prompt. */
static void
test_day_keys(void **state)
{
	struct ui_state st;
	const char *s;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	ui_nav_focus(&st, UI_SUMMARY);
	ui_keys_handle(&st, '}');
	assert_int_equal(st.list.day, 1);
	assert_int_equal(st.nav.focus, UI_SUMMARY);	/* the focus stays */
	ui_keys_handle(&st, '{');
	ui_keys_handle(&st, '{');
	assert_int_equal(st.list.day, 0);
	assert_string_equal(st.status.buf, "the newest day");
	/* the Starred view: } goes back to the days, on the day it was on */
	ui_keys_handle(&st, 'S');
	ui_keys_handle(&st, '}');
	assert_int_equal(st.list.view, UI_VIEW_DAYS);
	assert_int_equal(st.list.day, 0);
	/* D: a prefix, the nearest, none, Esc */
	ui_keys_handle(&st, 'D');
	assert_int_equal(st.prompt.kind, UI_PROMPT_DAY);
	for (s = "dec"; *s; s++)
		ui_keys_handle(&st, *s);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_int_equal(st.list.day, 2);
	ui_keys_handle(&st, 'D');
	for (s = " 2025-05-05 "; *s; s++)	/* spaces around it (a paste's newline) are ignored */
		ui_keys_handle(&st, *s);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.list.day, 1);
	ui_keys_handle(&st, 'D');
	for (s = "2025-06-01"; *s; s++)
		ui_keys_handle(&st, *s);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.list.day, 0);
	assert_string_equal(st.status.buf, "no day 2025-06-01: the nearest is 2025-05-06");
	ui_keys_handle(&st, 'D');
	for (s = "xyz"; *s; s++)
		ui_keys_handle(&st, *s);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.list.day, 0);
	assert_non_null(strstr(st.status.buf, "no day matches 'xyz'"));
	ui_keys_handle(&st, 'D');
	ui_keys_handle(&st, '2');
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_int_equal(st.list.day, 0);
	ui_state_free(&st);
}

/* L after a search: every match of every day in one list, newest first; q goes back. */
static void
test_results_view(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	buf_init(&b);
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'L');			/* no search yet */
	assert_int_equal(st.list.view, UI_VIEW_DAYS);
	assert_string_equal(st.status.buf, "no search: / starts one, then L lists its matches");
	st.nav.focus = UI_DAYS;
	ui_keys_handle(&st, 'j');			/* the user is on 2025-05-05, Gamma */
	st.nav.focus = UI_PAPERS;
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');			/* by title: results stay newest first */
	ui_keys_handle(&st, '/');
	unit_type(&st, "paper");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'L');
	assert_int_equal(st.list.view, UI_VIEW_RESULTS);
	assert_int_equal(st.list.n, 4);			/* Alpha, Beta, Gamma, Delta: not the untitled one */
	assert_string_equal(unit_title(&st), "Gamma paper");	/* the match the user was on */
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Alpha paper");
	assert_string_equal(lib_paper(st.lib, st.list.v[1])->title, "Beta paper");
	assert_string_equal(lib_paper(st.lib, st.list.v[2])->title, "Gamma paper");
	assert_string_equal(lib_paper(st.lib, st.list.v[3])->title, "Delta label-day paper");
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_string_equal(unit_position(&st, &b), "paper 3/4 | 4 results for 'paper', newest first");
	assert_string_equal(st.status.buf, "q: back");
	ui_keys_handle(&st, 'O');			/* the order stays: no store to rank them */
	assert_string_equal(st.status.buf, "results stay newest first (best match first needs the library store's index)");
	assert_string_equal(unit_title(&st), "Gamma paper");
	ui_keys_handle(&st, 'g');
	assert_string_equal(unit_title(&st), "Alpha paper");
	/* walking it shows each paper as usual */
	ui_keys_handle(&st, 'j');
	ui_keys_handle(&st, 'j');
	assert_string_equal(unit_title(&st), "Gamma paper");
	ui_keys_handle(&st, KEYNAME_ENTER);		/* the summary */
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	ui_keys_handle(&st, 'q');			/* back to the results first */
	assert_int_equal(st.list.view, UI_VIEW_RESULTS);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	/* the unread filter hides read results: the name counts them all, and what is hidden is said */
	ui_keys_handle(&st, 'u');			/* Gamma read by hand */
	ui_keys_handle(&st, 'f');
	assert_int_equal(st.list.n, 3);
	assert_string_equal(unit_position(&st, &b), "paper 3/3 | 4 results for 'paper', newest first"
	    " | 3 of 4 shown (1 read hidden: f twice shows all)");
	ui_keys_handle(&st, 'f');
	ui_keys_handle(&st, 'f');
	/* a reload finds the matches in the new library: Epsilon is one more */
	ui_state_replace_lib(&st, unit_lib(1));
	assert_int_equal(st.list.view, UI_VIEW_RESULTS);
	assert_int_equal(st.list.n, 5);
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Epsilon new paper");
	/* q and Esc go back to where the user was: 2025-05-05, Gamma, by title */
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.list.view, UI_VIEW_DAYS);
	assert_string_equal(st.status.buf, "back from the search results");
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	assert_string_equal(unit_title(&st), "Gamma paper");
	assert_int_equal(st.list.order, UI_ORDER_TITLE);
	assert_true(st.search.active);			/* the next q clears the search */
	ui_keys_handle(&st, 'q');
	assert_false(st.search.active);
	ui_state_free(&st);
	buf_free(&b);
}

/* A day without votes is shown as published; O names that order, then goes on to titles. */
static void
test_published_order(void **state)
{
	static const char md[] = "## Papers for 2025-05-06\n\n| Title | Authors | Summary |\n|---|---|---|\n"
	    "| Zeta comes first (Read more on [arXiv](https://arxiv.org/abs/2505.00003)) | A B | Z. |\n"
	    "| Alpha comes second (Read more on [arXiv](https://arxiv.org/abs/2505.00002)) | C D | A. |\n"
	    "| Mu comes third (Read more on [arXiv](https://arxiv.org/abs/2505.00001)) | E F | M. |\n"
	    "| Beta comes last (Read more on [arXiv](https://arxiv.org/abs/2505.00004)) | G H | B. |\n";
	struct unit_run r = unit_ingest_str("day.md", md);
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, r.lib, NULL, NULL);
	r.lib = NULL;	/* the state has it */
	unit_fit(&st, 24, 80);
	buf_init(&b);
	assert_int_equal(st.list.n, 4);
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Zeta comes first");
	assert_string_equal(lib_paper(st.lib, st.list.v[3])->title, "Beta comes last");
	/* ] and [ follow the list as shown, not the title order underneath */
	ui_keys_handle(&st, 'j');				/* Alpha */
	ui_keys_handle(&st, ']');
	assert_string_equal(unit_title(&st), "Mu comes third");
	ui_keys_handle(&st, '[');
	assert_string_equal(unit_title(&st), "Alpha comes second");
	ui_keys_handle(&st, 'g');
	assert_null(strstr(unit_position(&st, &b), "as published"));	/* the default says nothing */
	ui_keys_handle(&st, 'O');
	assert_non_null(strstr(unit_position(&st, &b), "as published"));
	assert_string_equal(lib_paper(st.lib, st.list.v[1])->title, "Alpha comes second");
	ui_keys_handle(&st, 'O');				/* by title */
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Alpha comes second");
	assert_string_equal(lib_paper(st.lib, st.list.v[3])->title, "Zeta comes first");
	ui_state_free(&st);
	unit_run_free(&r);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_filter_order),
		cmocka_unit_test(test_find_day),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_day_keys),
		cmocka_unit_test(test_results_view),
		cmocka_unit_test(test_published_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
