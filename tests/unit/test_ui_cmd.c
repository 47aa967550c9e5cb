/* test_ui_cmd.c: the command table: names, help, default keys, flags and dispatch (ui/cmd.h). */
#include "unit.h"

#include "base/buf.h"
#include "settings/keyname.h"
#include "ui/state.h"

/* Every row is complete: a unique bind name, a help line, keys that are key names. */
static void
test_rows(void **unused)
{
	struct buf name = BUF_INIT;
	int c, d;

	(void)unused;
	buf_init(&name);
	for (c = 0; c < UI_NCMDS; c++) {
		const char *s = ui_cmd_keys((enum ui_cmd)c);

		assert_true(ui_cmd_name((enum ui_cmd)c)[0] != '\0');
		assert_true(ui_cmd_help((enum ui_cmd)c)[0] != '\0');
		assert_int_equal(ui_cmd_parse(ui_cmd_name((enum ui_cmd)c)), c);
		for (d = 0; d < c; d++)
			assert_string_not_equal(ui_cmd_name((enum ui_cmd)c), ui_cmd_name((enum ui_cmd)d));
		/* each default key is a key name, written once */
		while (*s) {
			size_t n = strcspn(s, " ");

			buf_setlen(&name, 0);
			buf_add(&name, s, n);
			assert_true(n > 0);
			assert_true(keyname_parse(name.buf) >= 0);
			s += n + (s[n] == ' ');
		}
	}
	assert_int_equal(ui_cmd_parse("no-such-command"), -1);
	assert_int_equal(ui_cmd_parse(""), -1);
	assert_string_equal(ui_cmd_name(UI_NCMDS), "");
	buf_free(&name);
}

/* The default key table is the one the reader always had, in its order. */
static void
test_default_keys(void **unused)
{
	static const struct ui_binding want[] = {
		{ 'j', UI_CMD_DOWN }, { KEYNAME_DOWN, UI_CMD_DOWN },
		{ 'k', UI_CMD_UP }, { KEYNAME_UP, UI_CMD_UP },
		{ 'g', UI_CMD_TOP }, { KEYNAME_HOME, UI_CMD_TOP },
		{ 'G', UI_CMD_BOTTOM }, { KEYNAME_END, UI_CMD_BOTTOM },
		{ KEYNAME_PGDN, UI_CMD_PAGE_DOWN }, { ' ', UI_CMD_PAGE_DOWN },
		{ KEYNAME_PGUP, UI_CMD_PAGE_UP },
		{ KEYNAME_CTRL('d'), UI_CMD_HALF_DOWN }, { KEYNAME_CTRL('u'), UI_CMD_HALF_UP },
		{ '\t', UI_CMD_FOCUS_NEXT }, { 'l', UI_CMD_FOCUS_NEXT }, { KEYNAME_RIGHT, UI_CMD_FOCUS_NEXT },
		{ KEYNAME_BTAB, UI_CMD_FOCUS_PREV }, { 'h', UI_CMD_FOCUS_PREV },
		{ KEYNAME_LEFT, UI_CMD_FOCUS_PREV },
		{ KEYNAME_ENTER, UI_CMD_ENTER }, { 'z', UI_CMD_ZOOM },
		{ '1', UI_CMD_OPEN_NUM }, { '2', UI_CMD_OPEN_NUM }, { '3', UI_CMD_OPEN_NUM },
		{ '4', UI_CMD_OPEN_NUM }, { '5', UI_CMD_OPEN_NUM }, { '6', UI_CMD_OPEN_NUM },
		{ '7', UI_CMD_OPEN_NUM }, { '8', UI_CMD_OPEN_NUM }, { '9', UI_CMD_OPEN_NUM },
		{ 'o', UI_CMD_OPEN_ARXIV }, { 'y', UI_CMD_COPY }, { 't', UI_CMD_LANG },
		{ 'T', UI_CMD_VERSION },
		{ 'a', UI_CMD_AUTHORS }, { 'u', UI_CMD_TOGGLE_READ }, { 'J', UI_CMD_NEXT_PAPER }, { 'K', UI_CMD_PREV_PAPER },
		{ 'U', UI_CMD_NEXT_UNREAD }, { ']', UI_CMD_NEXT_UNREAD }, { '[', UI_CMD_PREV_UNREAD },
		{ '}', UI_CMD_NEXT_DAY }, { '{', UI_CMD_PREV_DAY }, { 'D', UI_CMD_GO_DAY },
		{ 'A', UI_CMD_DAY_READ }, { 'C', UI_CMD_CAT_READ },
		{ 's', UI_CMD_STAR }, { 'x', UI_CMD_TAG }, { 'X', UI_CMD_TAG_CLEAR },
		{ ';', UI_CMD_TAG_PREFIX }, { 'S', UI_CMD_STARRED },
		{ '/', UI_CMD_SEARCH }, { 'n', UI_CMD_SEARCH_NEXT }, { 'N', UI_CMD_SEARCH_PREV },
		{ 'L', UI_CMD_RESULTS },
		{ 'f', UI_CMD_FILTER }, { 'v', UI_CMD_MIN_VOTES }, { 'O', UI_CMD_ORDER },
		{ 'E', UI_CMD_EXPORT }, { 'r', UI_CMD_RELOAD }, { 'R', UI_CMD_FETCH },
		{ 'F', UI_CMD_FETCH_REPORT }, { '!', UI_CMD_PROBLEMS },
		{ KEYNAME_CTRL('l'), UI_CMD_REDRAW },
		{ '?', UI_CMD_HELP }, { 'q', UI_CMD_BACK }, { KEYNAME_ESC, UI_CMD_CLOSE },
		{ KEYNAME_BACKSPACE, UI_CMD_CLOSE }, { 'Q', UI_CMD_QUIT },
	};
	struct ui_keys k;
	size_t i;

	(void)unused;
	ui_keys_init(&k);
	assert_int_equal(k.n, sizeof want / sizeof want[0]);
	for (i = 0; i < k.n; i++) {
		assert_int_equal(k.v[i].key, want[i].key);
		assert_int_equal(k.v[i].cmd, want[i].cmd);
	}
	ui_keys_free(&k);
}

/* Moves are navigation (going to a paper opens it); the rest are not. */
static void
test_flags(void **unused)
{
	(void)unused;
	assert_true(ui_cmd_flags(UI_CMD_DOWN) & UI_CMDF_NAV);
	assert_true(ui_cmd_flags(UI_CMD_HALF_UP) & UI_CMDF_NAV);
	assert_true(ui_cmd_flags(UI_CMD_NEXT_UNREAD) & UI_CMDF_NAV);
	assert_true(ui_cmd_flags(UI_CMD_NEXT_DAY) & UI_CMDF_NAV);
	assert_true(ui_cmd_flags(UI_CMD_SEARCH_PREV) & UI_CMDF_NAV);
	assert_false(ui_cmd_flags(UI_CMD_FOCUS_NEXT) & UI_CMDF_NAV);
	assert_false(ui_cmd_flags(UI_CMD_SEARCH) & UI_CMDF_NAV);
	assert_false(ui_cmd_flags(UI_CMD_STAR) & UI_CMDF_NAV);
}

/* ui_cmd_run carries out the row's handler; on the help screen the help's meaning. */
static void
test_run(void **unused)
{
	struct ui_state st;

	(void)unused;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	assert_int_equal(ui_cmd_run(&st, UI_CMD_QUIT), UI_ACT_QUIT);
	assert_true(ui_cmd_run(&st, UI_CMD_RELOAD) & UI_ACT_RELOAD);
	assert_true(ui_cmd_run(&st, UI_CMD_REDRAW) & UI_ACT_REPAINT);
	ui_cmd_run(&st, UI_CMD_DOWN);
	assert_string_equal(unit_title(&st), "Beta paper");
	ui_cmd_run(&st, UI_CMD_HELP);
	assert_true(st.help.open);
	ui_cmd_run(&st, UI_CMD_DOWN);			/* scrolls the help */
	assert_int_equal(st.help.top, 1);
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_false(ui_cmd_run(&st, UI_CMD_STAR) & UI_ACT_REDRAW);	/* means nothing there */
	assert_false(st.marks.star[st.list.v[st.list.sel]]);
	assert_int_equal(ui_cmd_run(&st, UI_CMD_BACK), UI_ACT_REDRAW);	/* closes the help */
	assert_false(st.help.open);
	ui_cmd_run(&st, UI_CMD_HELP);
	assert_int_equal(ui_cmd_run(&st, UI_CMD_QUIT), UI_ACT_QUIT);	/* Q: from anywhere */
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_default_keys),
		cmocka_unit_test(test_flags),
		cmocka_unit_test(test_run),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
