/* test_ui_state.c: the state as a whole: a reload keeps the selection (ui/state.h). */
#include "unit.h"

#include "model/lib.h"
#include "ui/state.h"

/* Reload keeps day, category, paper and read marks by key. */
static void
test_state_reload(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'j');	/* Beta, read */
	st.nav.focus = UI_CATS;
	ui_keys_handle(&st, 'j');	/* NLP */
	st.nav.focus = UI_PAPERS;
	ui_keys_handle(&st, 'j');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_true(ui_keys_handle(&st, 'r') & UI_ACT_RELOAD);
	ui_state_replace_lib(&st, unit_lib(1));	/* Epsilon joins the day, ranked first */
	unit_fit(&st, 24, 80);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-06");
	assert_string_equal(st.list.cats[st.list.cat - 1].name, "NLP");
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_int_equal(st.list.n, 3);
	ui_keys_handle(&st, 'g');
	assert_string_equal(unit_title(&st), "Epsilon new paper");
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_reload),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
