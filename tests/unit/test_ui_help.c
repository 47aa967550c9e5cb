/* test_ui_help.c: the help screen from the key and command tables (ui/help.h). */
#include "unit.h"

#include "base/buf.h"
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
	ui_help_build(&st, &b);
	assert_non_null(strstr(b.buf, "j, Down"));
	assert_non_null(strstr(b.buf, "Ctrl-D"));
	assert_non_null(strstr(b.buf, "Tab, l, Right"));
	assert_non_null(strstr(b.buf, "Shift-Tab, h, Left"));
	assert_non_null(strstr(b.buf, "Ctrl-L"));
	buf_free(&b);
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
