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
	ui_keys_handle(&st, 'O');		/* by title: the position says it, once */
	assert_string_equal(st.status.buf, "");
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
	assert_string_equal(b.buf, ">= 20 votes");
	buf_free(&b);
	ui_keys_handle(&st, 'v');
	ui_keys_handle(&st, KEYNAME_ENTER);	/* empty: no minimum */
	assert_int_equal(st.list.n, 2);
	/* export: E then a format letter asks the loop to write the list */
	ui_keys_handle(&st, 'E');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT);
	assert_true(ui_keys_handle(&st, 'b') & UI_ACT_EXPORT);
	assert_int_equal(st.req.export_fmt, EXPORT_BIBTEX);
	ui_keys_handle(&st, 'E');
	assert_false(ui_keys_handle(&st, KEYNAME_ESC) & UI_ACT_EXPORT);
	ui_state_free(&st);
}

/* The left part of the status line, in b. */
static const char *
position(const struct ui_state *st, struct buf *b)
{
	buf_setlen(b, 0);
	ui_state_position(st, b);
	return b->buf;
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
	assert_string_equal(position(&st, &b), "paper 3/4 | 4 results for 'paper', newest first");
	assert_string_equal(st.status.buf, "q: back");
	ui_keys_handle(&st, 'O');			/* the order stays */
	assert_string_equal(st.status.buf, "results stay newest first");
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
	/* the unread filter hides read results, and the name still counts them all */
	ui_keys_handle(&st, 'u');			/* Gamma read by hand */
	ui_keys_handle(&st, 'f');
	assert_int_equal(st.list.n, 3);
	assert_string_equal(position(&st, &b),
	    "paper 3/3 | 4 results for 'paper', newest first | unread only");
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_filter_order),
		cmocka_unit_test(test_results_view),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
