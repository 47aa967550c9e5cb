/* test_ui_layout.c: pane geometry, list rows and scrolling (ui/layout.h). */
#include "unit.h"

#include "base/buf.h"
#include "text/width.h"
#include "ui/layout.h"

/* True when a and b (non-empty) overlap. */
static int
overlap(struct ui_rect a, struct ui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Check one terminal size: rectangles inside the screen, disjoint, all reachable. */
static void
check_size(int rows, int cols, enum ui_pane focus)
{
	struct ui_layout l;
	int i, j, shown = 0;

	ui_layout_compute(&l, rows, cols, focus, 0, 0);
	for (i = 0; i < UI_NPANES; i++) {
		struct ui_rect r = l.pane[i], in = ui_layout_inner(r);

		if (r.h == 0 || r.w == 0) {
			assert_int_equal(r.h, 0);
			assert_int_equal(r.w, 0);
			continue;
		}
		shown++;
		assert_true(r.y >= 0 && r.x >= 0);
		assert_true(r.y + r.h <= rows - 1);	/* above the status line */
		assert_true(r.x + r.w <= cols);
		assert_true(in.h >= 0 && in.w >= 0);
		if (in.h)
			assert_true(in.y >= r.y && in.y + in.h <= r.y + r.h);
		for (j = 0; j < i; j++)
			if (l.pane[j].h && l.pane[j].w)
				assert_false(overlap(r, l.pane[j]));
	}
	if (rows >= 1 && cols >= 1) {
		assert_int_equal(l.status.y, rows - 1);
		assert_int_equal(l.status.w, cols);
	}
	if (l.mode == UI_MODE_SINGLE) {
		assert_true(shown <= 1);
		if (rows >= 2 && cols >= 1)
			assert_true(l.pane[focus].h > 0);	/* the focused pane is reachable */
	} else {
		assert_int_equal(shown, UI_NPANES);
	}
	if (l.help.h)
		assert_true(l.help.y + l.help.h <= rows - 1 && l.help.x + l.help.w <= cols);
}

/* Every size from 0x0 to 130x70 and a few large ones. */
static void
test_layout_sizes(void **state)
{
	int r, c, f;

	(void)state;
	for (r = 0; r <= 70; r++)
		for (c = 0; c <= 130; c++)
			check_size(r, c, (enum ui_pane)((r + c) % UI_NPANES));
	for (f = 0; f < UI_NPANES; f++) {
		check_size(1, 1, (enum ui_pane)f);
		check_size(2, 1, (enum ui_pane)f);
		check_size(500, 1000, (enum ui_pane)f);
	}
}

/* The modes switch where documented. */
static void
test_layout_modes(void **state)
{
	struct ui_layout l;

	(void)state;
	ui_layout_compute(&l, 24, 80, UI_PAPERS, 0, 0);
	assert_int_equal(l.mode, UI_MODE_STACKED);
	assert_true(ui_layout_inner(l.pane[UI_SUMMARY]).h >= 8);
	assert_true(ui_layout_inner(l.pane[UI_PAPERS]).h >= 4);
	assert_true(ui_layout_inner(l.pane[UI_LINKS]).h >= 2);
	ui_layout_compute(&l, 40, 120, UI_PAPERS, 0, 0);
	assert_int_equal(l.mode, UI_MODE_WIDE);
	ui_layout_compute(&l, 60, 200, UI_PAPERS, 0, 0);
	assert_int_equal(l.mode, UI_MODE_WIDE);
	ui_layout_compute(&l, 24, 99, UI_PAPERS, 0, 0);
	assert_int_equal(l.mode, UI_MODE_STACKED);
	ui_layout_compute(&l, 10, 80, UI_LINKS, 0, 0);
	assert_int_equal(l.mode, UI_MODE_SINGLE);
	assert_int_equal(l.pane[UI_LINKS].h, 9);
	ui_layout_compute(&l, 1, 1, UI_DAYS, 0, 0);
	assert_int_equal(l.pane[UI_DAYS].h, 0);
	assert_int_equal(l.status.h, 1);
	ui_layout_compute(&l, 0, 0, UI_DAYS, 0, 0);
	assert_int_equal(l.status.h, 0);
}

/* List rows have exactly the width asked for. */
/* The lists are as narrow as their content; Papers gets 60 columns of title at 120x40; zoom. */
static void
test_layout_widths(void **state)
{
	struct ui_layout l;
	int i;

	(void)state;
	ui_layout_compute(&l, 40, 120, UI_PAPERS, 19, 0);
	assert_int_equal(l.pane[UI_DAYS].w, 19);
	assert_int_equal(l.pane[UI_CATS].w, 19);
	/* marker 2, marks 3, a space and 3 digits of votes leave 60 of title */
	assert_true(ui_layout_inner(l.pane[UI_PAPERS]).w - 2 - 3 - 1 - 3 >= 60);
	assert_true(ui_layout_inner(l.pane[UI_SUMMARY]).w >= 24);
	assert_int_equal(l.pane[UI_DAYS].w + l.pane[UI_PAPERS].w + l.pane[UI_SUMMARY].w, 120);
	/* long category names are cut at a sixth of the screen, 20 columns at least (a date and counts) */
	ui_layout_compute(&l, 40, 120, UI_PAPERS, 60, 0);
	assert_int_equal(l.pane[UI_CATS].w, 20);
	assert_true(ui_layout_inner(l.pane[UI_PAPERS]).w - 9 >= 60);
	ui_layout_compute(&l, 24, 80, UI_PAPERS, 15, 0);
	assert_int_equal(l.pane[UI_DAYS].w, 15);
	assert_int_equal(l.pane[UI_PAPERS].w, 50);
	/* zoom: the focused pane alone, in any mode */
	ui_layout_compute(&l, 40, 120, UI_SUMMARY, 19, 1);
	assert_int_equal(l.pane[UI_SUMMARY].w, 120);
	assert_int_equal(l.pane[UI_SUMMARY].h, 39);
	for (i = 0; i < UI_NPANES; i++)
		if (i != UI_SUMMARY)
			assert_int_equal(l.pane[i].w, 0);
	assert_int_equal(l.mode, UI_MODE_WIDE);
}

static void
test_format_row(void **state)
{
	struct buf b = BUF_INIT;
	size_t w;

	(void)state;
	buf_init(&b);
	for (w = 0; w < 40; w++) {
		buf_setlen(&b, 0);
		ui_layout_row(&b, "\xED\x95\x9C\xEA\xB8\x80 title of a paper", "123", w);
		assert_int_equal(width_of(b.buf, b.len), w);
	}
	buf_setlen(&b, 0);
	ui_layout_row(&b, "abc", "7", 8);
	assert_string_equal(b.buf, "abc    7");
	buf_setlen(&b, 0);
	ui_layout_row(&b, "abcdefgh", "7", 6);
	assert_string_equal(b.buf, "abc\xE2\x80\xA6 7");
	buf_free(&b);
}

/* Scrolling keeps the selection visible and the window full. */
static void
test_scroll(void **state)
{
	size_t top = 0;

	(void)state;
	ui_layout_scroll(&top, 5, 100, 10);
	assert_int_equal(top, 0);
	ui_layout_scroll(&top, 15, 100, 10);
	assert_int_equal(top, 6);
	ui_layout_scroll(&top, 3, 100, 10);
	assert_int_equal(top, 3);
	top = 95;
	ui_layout_scroll(&top, 99, 100, 10);
	assert_int_equal(top, 90);
	ui_layout_scroll(&top, 2, 3, 10);
	assert_int_equal(top, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_sizes),
		cmocka_unit_test(test_layout_modes),
		cmocka_unit_test(test_layout_widths),
		cmocka_unit_test(test_format_row),
		cmocka_unit_test(test_scroll),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
