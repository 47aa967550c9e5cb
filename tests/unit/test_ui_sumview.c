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

/* A long author list shows the first 10 and "+N more"; a shows them all, a new paper collapses them. */
static void
test_long_authors(void **state)
{
	static const char *names[663];
	static char store[663][16];
	struct ui_state st;
	struct lib *lib = lib_new();
	struct rec r = unit_rec("2505.00020", "Many authors", "2025-05-06");
	const struct ui_sumview *sv = &st.paper.sv;
	size_t i, lines;

	(void)state;
	for (i = 0; i < 663; i++) {
		snprintf(store[i], sizeof store[i], "Author %zu", i + 1);
		names[i] = store[i];
	}
	r.file = "t";
	r.votes = 10;		/* first in the list */
	r.authors = names;
	r.nauthors = 663;
	lib_add_paper(lib, &r);
	r = unit_rec("2505.00021", "Few authors", "2025-05-06");
	r.file = "t";
	r.authors = names;
	r.nauthors = 3;
	lib_add_paper(lib, &r);
	lib_finish(lib);
	ui_state_init(&st, lib, NULL, NULL);
	unit_fit(&st, 24, 200);
	assert_string_equal(unit_title(&st), "Many authors");
	lines = sv->n;
	assert_int_equal(sv->v[1].kind, UI_LINE_META);
	assert_non_null(strstr(sv->text.buf, "+653 more (a: all)"));
	assert_null(strstr(sv->text.buf, "Author 11,"));
	ui_keys_handle(&st, 'a');
	assert_string_equal(st.status.buf, "all 663 authors (a: the first 10)");
	unit_fit(&st, 24, 200);
	assert_true(sv->n > lines + 5);
	assert_non_null(strstr(sv->text.buf, "Author 663"));
	ui_keys_handle(&st, 'j');		/* a new paper: collapsed again */
	ui_keys_handle(&st, 'k');
	unit_fit(&st, 24, 200);
	assert_int_equal(sv->n, lines);
	ui_keys_handle(&st, 'j');
	ui_keys_handle(&st, 'a');
	assert_string_equal(st.status.buf, "every author is shown");
	ui_state_free(&st);
}

/* An empty library fills the reader with how to get papers: paperboy fetch, R, the library directory. */
static void
test_empty_library(void **state)
{
	struct ui_state st;
	struct lib *lib = lib_new();
	const struct ui_sumview *sv = &st.paper.sv;

	(void)state;
	lib_finish(lib);
	ui_state_init(&st, lib, NULL, NULL);
	ui_paper_set_libdir(&st.paper, "/home/u/.local/share/paperboy/library");
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	assert_true(st.nav.zoom);
	unit_fit(&st, 24, 80);
	assert_non_null(strstr(sv->text.buf, "No papers yet."));
	assert_non_null(strstr(sv->text.buf, "paperboy fetch"));
	assert_non_null(strstr(sv->text.buf, "/home/u/.local/share/paperboy/library"));
	/* papers arrive (a fetch, a reload): the lists come back */
	ui_state_replace_lib(&st, unit_lib(0));
	assert_false(st.nav.zoom);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	unit_fit(&st, 24, 80);
	assert_null(strstr(sv->text.buf, "No papers yet."));
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_summary),
		cmocka_unit_test(test_long_authors),
		cmocka_unit_test(test_empty_library),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
