/* test_ui_nav.c: focus, moves, drilling in and the mouse (ui/nav.h). */
#include "unit.h"

#include "base/buf.h"
#include "model/lib.h"
#include "ui/state.h"

/* Start state, focus cycling and drilling in. */
static void
test_state_start(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, "hello");
	unit_fit(&st, 24, 80);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_int_equal(st.list.day, 0);
	assert_string_equal(lib_day(st.lib, 0)->label, "2025-05-06");
	assert_int_equal(st.list.cat, 0);
	assert_int_equal(st.list.n, 2);
	assert_string_equal(unit_title(&st), "Alpha paper");
	assert_string_equal(st.status.buf, "hello");
	buf_init(&b);
	ui_state_position(&st, &b);
	assert_string_equal(b.buf, "paper 1/2 | 2025-05-06");	/* the Summary title names the summary */
	buf_free(&b);
	/* Tab cycles Days -> Categories -> Papers -> Summary -> Links -> Days */
	for (i = 0; i < UI_NPANES; i++) {
		enum ui_pane before = st.nav.focus;

		assert_true(ui_keys_handle(&st, '\t') & UI_ACT_REDRAW);
		assert_int_equal(st.nav.focus, (before + 1) % UI_NPANES);
	}
	assert_int_equal(st.nav.focus, UI_PAPERS);
	ui_keys_handle(&st, KEYNAME_BTAB);
	assert_int_equal(st.nav.focus, UI_CATS);
	ui_keys_handle(&st, 'h');
	assert_int_equal(st.nav.focus, UI_DAYS);
	ui_keys_handle(&st, 'h');
	assert_int_equal(st.nav.focus, UI_LINKS);
	ui_keys_handle(&st, 'l');
	assert_int_equal(st.nav.focus, UI_DAYS);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.nav.focus, UI_CATS);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_int_equal(st.nav.focus, UI_LINKS);
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.paper.link, 1);
	assert_true(ui_keys_handle(&st, KEYNAME_ENTER) & UI_ACT_OPEN);
	assert_string_equal(ui_paper_link(&st)->url, "https://arxiv.org/pdf/2505.00001");
	assert_true(ui_keys_handle(&st, 'Q') & UI_ACT_QUIT);	/* Q quits from the Links pane */
	ui_state_free(&st);
}

/* q goes back one level (help, zoom, summary focus, search, Starred) and quits at the top; Esc and Backspace never quit. */
static void
test_back(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 's');		/* a starred paper for the Starred view */
	ui_keys_handle(&st, 'S');
	assert_int_equal(st.list.view, UI_VIEW_STARRED);
	ui_keys_handle(&st, '/');
	unit_type(&st, "alpha");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_true(st.search.active);
	ui_keys_handle(&st, KEYNAME_ENTER);	/* the summary */
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	ui_keys_handle(&st, 'z');
	ui_keys_handle(&st, '?');
	assert_true(st.help.open);
	assert_false(ui_keys_handle(&st, 'q') & UI_ACT_QUIT);
	assert_false(st.help.open);
	assert_true(st.nav.zoom);
	assert_false(ui_keys_handle(&st, KEYNAME_BACKSPACE) & UI_ACT_QUIT);
	assert_false(st.nav.zoom);
	assert_int_equal(st.nav.focus, UI_SUMMARY);
	assert_false(ui_keys_handle(&st, 'q') & UI_ACT_QUIT);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_true(st.search.active);
	assert_false(ui_keys_handle(&st, KEYNAME_ESC) & UI_ACT_QUIT);
	assert_false(st.search.active);
	assert_int_equal(st.list.view, UI_VIEW_STARRED);
	assert_false(ui_keys_handle(&st, 'q') & UI_ACT_QUIT);
	assert_int_equal(st.list.view, UI_VIEW_DAYS);
	/* the top: Esc and Backspace say so, q quits */
	assert_false(ui_keys_handle(&st, KEYNAME_ESC) & UI_ACT_QUIT);
	assert_string_equal(st.status.buf, "at the top: q or Q quits");
	assert_false(ui_keys_handle(&st, KEYNAME_BACKSPACE) & UI_ACT_QUIT);
	assert_true(ui_keys_handle(&st, 'q') & UI_ACT_QUIT);
	/* Q from deep inside */
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'z');
	ui_keys_handle(&st, '?');
	assert_true(ui_keys_handle(&st, 'Q') & UI_ACT_QUIT);
	ui_state_free(&st);
}

/* Moving through days, categories and papers. */
static void
test_state_moves(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	st.marks.markread = SETTINGS_MARK_OPEN;
	unit_fit(&st, 24, 80);
	ui_keys_handle(&st, 'j');
	assert_string_equal(unit_title(&st), "Beta paper");
	assert_true(!st.marks.read[st.list.v[0]] && st.marks.read[st.list.v[1]]);	/* Alpha came before the mode */
	ui_keys_handle(&st, 'j');	/* stays on the last */
	assert_int_equal(st.list.sel, 1);
	ui_keys_handle(&st, 'g');
	assert_int_equal(st.list.sel, 0);
	ui_keys_handle(&st, 'G');
	assert_int_equal(st.list.sel, 1);
	/* categories of the day: All, NLP (2), Vision (1) */
	st.nav.focus = UI_CATS;
	assert_int_equal(st.list.ncats, 2);
	assert_string_equal(st.list.cats[0].name, "NLP");
	assert_int_equal(st.list.cats[0].count, 2);
	assert_string_equal(st.list.cats[1].name, "Vision");
	ui_keys_handle(&st, 'G');
	assert_int_equal(st.list.cat, 2);
	assert_int_equal(st.list.n, 1);
	assert_string_equal(unit_title(&st), "Alpha paper");
	/* days: dated newest first, then the label, then undated */
	st.nav.focus = UI_DAYS;
	ui_keys_handle(&st, KEYNAME_DOWN);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	assert_int_equal(st.list.cat, 0);
	assert_string_equal(unit_title(&st), "Gamma paper");
	ui_keys_handle(&st, 'j');
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "Dec 25");
	ui_keys_handle(&st, KEYNAME_END);
	assert_int_equal(lib_day(st.lib, st.list.day)->kind, DAY_NONE);
	assert_int_equal(st.list.n, 1);
	assert_null(ui_list_paper(&st)->title);
	assert_string_equal(unit_title(&st), "\xED\x95\x9C\xEA\xB8\x80 \xEC\x9A\x94\xEC\x95\xBD");
	ui_keys_handle(&st, KEYNAME_PGUP);
	assert_int_equal(st.list.day, 0);
	ui_keys_handle(&st, KEYNAME_CTRL('d'));
	assert_true(st.list.day > 0);
	ui_state_free(&st);
}

/* The mouse: a click selects and focuses, the wheel scrolls; off by the setting. */
static void
test_mouse(void **state)
{
	struct ui_state st;
	struct ui_rect in;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 24, 80);
	assert_int_equal(ui_nav_mouse(&st, 1, 1, 1), UI_ACT_NONE);	/* off */
	st.nav.mouse = 1;
	in = ui_layout_inner(st.nav.layout.pane[UI_PAPERS]);
	ui_nav_mouse(&st, in.y + 1, in.x + 3, 1);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_string_equal(unit_title(&st), "Beta paper");
	in = ui_layout_inner(st.nav.layout.pane[UI_DAYS]);
	ui_nav_mouse(&st, in.y + 1, in.x + 1, 1);
	assert_int_equal(st.nav.focus, UI_DAYS);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	ui_nav_mouse(&st, in.y, in.x, 5);	/* wheel down moves in Days */
	assert_int_equal(st.list.day, 3);
	ui_state_free(&st);
}

/* z zooms the focused pane to the whole screen and back; the lists fit their content. */
static void
test_zoom(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	unit_fit(&st, 40, 120);
	/* "2025-05-06", the widest label, with "N/N" counts, a marker and the border */
	assert_int_equal(ui_list_width(&st), 2 + 10 + 1 + 3 + 2);
	assert_true(st.nav.layout.pane[UI_DAYS].w > 0);
	ui_keys_handle(&st, 'z');
	assert_true(st.nav.zoom);
	assert_string_equal(st.status.buf, "Papers zoomed (z: back)");
	unit_fit(&st, 40, 120);
	assert_int_equal(st.nav.layout.pane[UI_PAPERS].w, 120);
	assert_int_equal(st.nav.layout.pane[UI_DAYS].w, 0);
	ui_keys_handle(&st, 'z');
	unit_fit(&st, 40, 120);
	assert_int_equal(st.nav.layout.pane[UI_DAYS].w, 18);
	ui_state_free(&st);
}

/* The lists' width is measured again for each library the state takes (not at every frame). */
static void
test_width_relib(void **state)
{
	struct ui_state st;
	struct lib *lib = lib_new();

	(void)state;
	ui_state_init(&st, unit_lib(0), NULL, NULL);
	assert_int_equal(ui_list_width(&st), 2 + 10 + 1 + 3 + 2);
	lib_add_day_count(lib, "September 30", 1234);	/* a window: a day it holds none of */
	lib_finish(lib);
	ui_state_replace_lib(&st, lib);
	assert_int_equal(ui_list_width(&st), 2 + 12 + 1 + 9 + 2);
	ui_state_replace_lib(&st, unit_lib(0));
	assert_int_equal(ui_list_width(&st), 2 + 10 + 1 + 3 + 2);
	ui_state_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_start),
		cmocka_unit_test(test_back),
		cmocka_unit_test(test_state_moves),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_width_relib),
		cmocka_unit_test(test_zoom),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
