/* test_ui_help.c: the help screen from the key and command tables (ui/help.h). */
#include "unit.h"

#include "base/buf.h"
#include "text/width.h"
#include "ui/state.h"

/* A key table in the help text. */
static void
test_help(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	buf_init(&b);
	ui_help_build(&st, 0, &b);
	assert_non_null(strstr(b.buf, "j, Down"));
	assert_non_null(strstr(b.buf, "Ctrl-D"));
	assert_non_null(strstr(b.buf, "Tab, l, Right"));
	assert_non_null(strstr(b.buf, "Shift-Tab, h, Left"));
	assert_non_null(strstr(b.buf, "Ctrl-L"));
	buf_free(&b);
	ui_state_free(&st);
}

/* Every line of text fits width cells and every command's [bind name] is on one line. */
static void
check_wrapped(const struct buf *b, size_t width)
{
	const char *line = b->buf;
	int c;

	while (*line) {
		const char *nl = strchr(line, '\n');
		size_t n = nl ? (size_t)(nl - line) : strlen(line);

		assert_true(width_of(line, n) <= width);
		line += n + (nl != NULL);
	}
	for (c = 0; c < UI_NCMDS; c++) {
		struct buf name = BUF_INIT;

		buf_init(&name);
		buf_printf(&name, "[%s]", ui_cmd_name((enum ui_cmd)c));
		assert_non_null(strstr(b->buf, name.buf));
		buf_free(&name);
	}
}

/* The help wrapped for 80 and 100 columns (and narrower) keeps the bind names whole. */
static void
test_help_wrapped(void **state)
{
	static const size_t widths[] = { 73, 93, 55 };	/* the help box's text at 80, 100 columns */
	struct ui_state st;
	size_t i;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		struct buf b = BUF_INIT;

		buf_init(&b);
		ui_help_build(&st, widths[i], &b);
		check_wrapped(&b, widths[i]);
		buf_free(&b);
	}
	ui_state_free(&st);
}

/* !: a message when there are no problems, else the Problems page (wrapped to the box). */
static void
test_problems(void **state)
{
	struct ui_state st;
	struct buf page = BUF_INIT, b = BUF_INIT, hint = BUF_INIT;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	buf_init(&page);
	buf_init(&b);
	buf_init(&hint);
	ui_help_problems(&st);
	assert_false(st.help.open);
	assert_non_null(strstr(st.status.buf, "no problems"));
	ui_help_problems_hint(&st, &hint);
	assert_int_equal(hint.len, 0);
	st.help.problems = &page;
	buf_puts(&page, "/a/very/long/path/to/the/settings/file/config:2: unknown setting 'x'\n");
	ui_help_problems_hint(&st, &hint);
	assert_string_equal(hint.buf, " (! lists them)");
	assert_int_equal(ui_cmd_run(&st, UI_CMD_PROBLEMS) & UI_ACT_REDRAW, UI_ACT_REDRAW);
	assert_true(st.help.open);
	assert_string_equal(st.help.title, "Problems");
	ui_help_build(&st, 40, &b);
	assert_non_null(strstr(b.buf, "\n  "));	/* the long line went on, indented */
	assert_non_null(strstr(b.buf, "unknown setting 'x'"));
	ui_help_cmd(&st, UI_CMD_BACK);
	assert_false(st.help.open);
	ui_keys_bind(&st.keys, '!', UI_CMD_HELP);	/* the key rebound: the command line says it */
	buf_setlen(&hint, 0);
	ui_help_problems_hint(&st, &hint);
	assert_string_equal(hint.buf, " (paperboy --check lists them)");
	buf_free(&page);
	buf_free(&b);
	buf_free(&hint);
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_help_wrapped),
		cmocka_unit_test(test_problems),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
