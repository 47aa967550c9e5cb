/* test_ui_sumview.c: a paper's summary laid out for the Summary pane (ui/sumview.h). */
#include "unit.h"

#include "ui/state.h"
#include "ui/sumview.h"

/* The summary lays out headers, bullets and sections, and scrolls. */
static void
test_state_summary(void **state)
{
	struct ui_state st;
	const struct ui_sumview *sv = &st.paper.sv;
	size_t i, bullets = 0, heads = 0;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 30);	/* single mode: only Papers is shown */
	st.nav.focus = UI_SUMMARY;
	unit_fit(&st, 24, 30);
	assert_true(sv->valid);
	assert_int_equal(sv->width, 28);
	for (i = 0; i < sv->n; i++) {
		assert_true(sv->v[i].width + (size_t)sv->v[i].indent <= 28);
		bullets += sv->v[i].kind == UI_LINE_BULLET;
		heads += sv->v[i].kind == UI_LINE_HEAD;
	}
	assert_int_equal(bullets, 1);
	assert_int_equal(heads, 1);
	assert_int_equal(sv->v[0].kind, UI_LINE_TITLE);
	assert_memory_equal(sv->text.buf + sv->v[1].off, "Authors: Ann Author, Bo", 23);
	/* scrolling is bounded by the summary length */
	unit_fit(&st, 8, 30);
	ui_keys_handle(&st, 'G');
	assert_int_equal(st.paper.sum_top, st.paper.sum_lines - st.nav.rows[UI_SUMMARY]);
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.paper.sum_top, st.paper.sum_lines - st.nav.rows[UI_SUMMARY]);
	ui_keys_handle(&st, 'g');
	assert_int_equal(st.paper.sum_top, 0);
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
