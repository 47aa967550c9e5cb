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
	ui_keys_handle(&st, 'b');
	assert_int_equal(st.prompt.kind, UI_PROMPT_EXPORT_NAME);	/* then the file name */
	assert_true(ui_keys_handle(&st, KEYNAME_ENTER) & UI_ACT_EXPORT);
	assert_int_equal(st.req.export_fmt, EXPORT_BIBTEX);
	ui_keys_handle(&st, 'E');
	assert_false(ui_keys_handle(&st, KEYNAME_ESC) & UI_ACT_EXPORT);
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_star_filter_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
