/* test_layout.c: pane geometry, summary layout and key handling without a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <unistd.h>

#include "base/buf.h"
#include "settings/settings.h"
#include "export/export.h"
#include "model/lib.h"
#include "base/safeio.h"
#include "model/search.h"
#include "marks/marks.h"
#include "text/width.h"
#include "ui/layout.h"
#include "ui/state.h"

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

	ui_layout_compute(&l, rows, cols, focus);
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
	ui_layout_compute(&l, 24, 80, UI_PAPERS);
	assert_int_equal(l.mode, UI_MODE_STACKED);
	assert_true(ui_layout_inner(l.pane[UI_SUMMARY]).h >= 8);
	assert_true(ui_layout_inner(l.pane[UI_PAPERS]).h >= 4);
	assert_true(ui_layout_inner(l.pane[UI_LINKS]).h >= 2);
	ui_layout_compute(&l, 40, 120, UI_PAPERS);
	assert_int_equal(l.mode, UI_MODE_WIDE);
	ui_layout_compute(&l, 60, 200, UI_PAPERS);
	assert_int_equal(l.mode, UI_MODE_WIDE);
	ui_layout_compute(&l, 24, 99, UI_PAPERS);
	assert_int_equal(l.mode, UI_MODE_STACKED);
	ui_layout_compute(&l, 10, 80, UI_LINKS);
	assert_int_equal(l.mode, UI_MODE_SINGLE);
	assert_int_equal(l.pane[UI_LINKS].h, 9);
	ui_layout_compute(&l, 1, 1, UI_DAYS);
	assert_int_equal(l.pane[UI_DAYS].h, 0);
	assert_int_equal(l.status.h, 1);
	ui_layout_compute(&l, 0, 0, UI_DAYS);
	assert_int_equal(l.status.h, 0);
}

/* List rows have exactly the width asked for. */
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

/* Build a small library: two dated days, a label day, an undated paper. */
static struct lib *
make_lib(int extra)
{
	static const char *const cats1[] = { "Vision", "NLP" };
	static const char *const cats2[] = { "NLP" };
	static const char *const authors[] = { "Ann Author", "Bo Writer" };
	static const struct link links[] = {
		{ LINK_ARXIV, "https://arxiv.org/abs/2505.00001" },
		{ LINK_GITHUB, "https://github.com/x/y" },
	};
	struct block en[] = {
		{ BLOCK_PARA, NULL, "First paragraph of the English summary." },
		{ BLOCK_BULLET, NULL, "a bullet point that is long enough to wrap" },
		{ BLOCK_BULLET, "What's New", "the news" },
	};
	struct block ko[] = {
		{ BLOCK_PARA, NULL, "\xED\x95\x9C\xEA\xB8\x80 \xEC\x9A\x94\xEC\x95\xBD" },
	};
	struct lib *lib = lib_new();
	struct rec r;

	memset(&r, 0, sizeof r);
	r.file = "t";
	r.votes = -1;
	r.source = "table";
	r.id = "2505.00001";
	r.title = "Alpha paper";
	r.day = "2025-05-06";
	r.authors = authors;
	r.nauthors = 2;
	r.cats = cats1;
	r.ncats = 2;
	r.votes = 50;
	r.blocks = en;
	r.nblocks = 3;
	r.links = links;
	r.nlinks = 2;
	lib_add_paper(lib, &r);
	r.source = "ko-digest";
	r.blocks = ko;
	r.nblocks = 1;
	lib_add_paper(lib, &r);

	memset(&r, 0, sizeof r);
	r.file = "t";
	r.source = "table";
	r.id = "2505.00002";
	r.title = "Beta paper";
	r.day = "2025-05-06";
	r.cats = cats2;
	r.ncats = 1;
	r.votes = 10;
	r.blocks = en;
	r.nblocks = 1;
	lib_add_paper(lib, &r);

	r.id = "2505.00003";
	r.title = "Gamma paper";
	r.day = "2025-05-05";
	r.votes = -1;
	lib_add_paper(lib, &r);

	r.id = NULL;
	r.title = "Delta label-day paper";
	r.day = "May 9";
	lib_add_paper(lib, &r);

	r.title = NULL;
	r.day = NULL;
	r.cats = NULL;
	r.ncats = 0;
	r.blocks = ko;
	lib_add_paper(lib, &r);
	if (extra) {
		r.title = "Epsilon new paper";
		r.day = "2025-05-06";
		r.votes = 99;
		r.cats = cats2;
		r.ncats = 1;
		lib_add_paper(lib, &r);
	}
	lib_finish(lib);
	return lib;
}

/* Fit the state to an 80x24 terminal. */
static void
fit(struct ui_state *st, int rows, int cols)
{
	struct ui_layout l;

	ui_layout_compute(&l, rows, cols, st->nav.focus);
	ui_state_fit(st, &l);
}

/* Title of the selected paper. */
static const char *
sel_title(const struct ui_state *st)
{
	const struct paper *p = ui_list_paper(st);

	return p ? ui_paper_label(p) : "";
}

/* Start state, focus cycling and drilling in. */
static void
test_state_start(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;
	int i;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, "hello");
	fit(&st, 24, 80);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_int_equal(st.list.day, 0);
	assert_string_equal(lib_day(st.lib, 0)->label, "2025-05-06");
	assert_int_equal(st.list.cat, 0);
	assert_int_equal(st.list.n, 2);
	assert_string_equal(sel_title(&st), "Alpha paper");
	assert_string_equal(st.status.buf, "hello");
	buf_init(&b);
	ui_state_position(&st, &b);
	assert_string_equal(b.buf, "paper 1/2 | 2025-05-06 | en table 1/2");
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
	assert_string_equal(ui_paper_link(&st)->url, "https://github.com/x/y");
	assert_true(ui_keys_handle(&st, 'q') & UI_ACT_QUIT);
	ui_state_free(&st);
}

/* The Links pane adds the arXiv page, PDF and HF page by id; o, y and 1-9 pick targets. */
static void
test_state_links(void **state)
{
	struct ui_state st;
	struct buf h = BUF_INIT;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
	/* Alpha: arxiv + github from the source; the abs link is not repeated */
	assert_int_equal(st.paper.nlinks, 4);
	assert_string_equal(st.paper.links[0].url, "https://arxiv.org/abs/2505.00001");
	assert_string_equal(st.paper.links[1].url, "https://github.com/x/y");
	assert_int_equal(st.paper.links[2].kind, LINK_PDF);
	assert_string_equal(st.paper.links[2].url, "https://arxiv.org/pdf/2505.00001");
	assert_int_equal(st.paper.links[3].kind, LINK_HUGGINGFACE);
	assert_string_equal(st.paper.links[3].url, "https://huggingface.co/papers/2505.00001");
	/* o opens the arXiv page from any pane; y copies it outside the Links pane */
	assert_true(ui_keys_handle(&st, 'o') & UI_ACT_OPEN);
	assert_string_equal(st.req.target->url, "https://arxiv.org/abs/2505.00001");
	assert_true(ui_keys_handle(&st, 'y') & UI_ACT_COPY);
	assert_string_equal(st.req.target->url, "https://arxiv.org/abs/2505.00001");
	/* number keys only in the Links pane */
	assert_false(ui_keys_handle(&st, '3') & UI_ACT_OPEN);
	assert_string_equal(st.status.buf, "number keys open links in the Links pane");
	ui_keys_handle(&st, 'l');
	ui_keys_handle(&st, 'l');
	assert_int_equal(st.nav.focus, UI_LINKS);
	assert_true(ui_keys_handle(&st, '3') & UI_ACT_OPEN);
	assert_int_equal(st.paper.link, 2);
	assert_string_equal(st.req.target->url, "https://arxiv.org/pdf/2505.00001");
	assert_true(ui_keys_handle(&st, 'y') & UI_ACT_COPY);
	assert_string_equal(st.req.target->url, "https://arxiv.org/pdf/2505.00001");
	assert_false(ui_keys_handle(&st, '9') & UI_ACT_OPEN);
	assert_string_equal(st.status.buf, "no link 9 (this paper has 4)");
	/* Beta has no links: all three are built from its id */
	ui_keys_handle(&st, 'h');
	ui_keys_handle(&st, 'h');
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.paper.nlinks, 3);
	assert_string_equal(st.paper.links[0].url, "https://arxiv.org/abs/2505.00002");
	assert_int_equal(st.paper.link, 0);
	/* the help lists the new keys, digits as a range */
	buf_init(&h);
	ui_help_build(&st, &h);
	assert_non_null(strstr(h.buf, "  1-9 "));
	assert_non_null(strstr(h.buf, "  o "));
	assert_non_null(strstr(h.buf, "  y "));
	buf_free(&h);
	ui_state_free(&st);
}

/* Moving through days, categories and papers. */
static void
test_state_moves(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	st.marks.markread = UI_MARKREAD_OPEN;
	fit(&st, 24, 80);
	ui_keys_handle(&st, 'j');
	assert_string_equal(sel_title(&st), "Beta paper");
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
	assert_string_equal(sel_title(&st), "Alpha paper");
	/* days: dated newest first, then the label, then undated */
	st.nav.focus = UI_DAYS;
	ui_keys_handle(&st, KEYNAME_DOWN);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	assert_int_equal(st.list.cat, 0);
	assert_string_equal(sel_title(&st), "Gamma paper");
	ui_keys_handle(&st, 'j');
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "May 9");
	ui_keys_handle(&st, KEYNAME_END);
	assert_int_equal(lib_day(st.lib, st.list.day)->kind, DAY_NONE);
	assert_int_equal(st.list.n, 1);
	assert_null(ui_list_paper(&st)->title);
	assert_string_equal(sel_title(&st), "\xED\x95\x9C\xEA\xB8\x80 \xEC\x9A\x94\xEC\x95\xBD");
	ui_keys_handle(&st, KEYNAME_PGUP);
	assert_int_equal(st.list.day, 0);
	ui_keys_handle(&st, KEYNAME_CTRL('d'));
	assert_true(st.list.day > 0);
	ui_state_free(&st);
}

/* The summary lays out headers, bullets and sections, and scrolls. */
static void
test_state_summary(void **state)
{
	struct ui_state st;
	const struct ui_sumview *sv = &st.paper.sv;
	size_t i, bullets = 0, heads = 0;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 30);	/* single mode: only Papers is shown */
	st.nav.focus = UI_SUMMARY;
	fit(&st, 24, 30);
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
	fit(&st, 8, 30);
	ui_keys_handle(&st, 'G');
	assert_int_equal(st.paper.sum_top, st.paper.sum_lines - st.nav.rows[UI_SUMMARY]);
	ui_keys_handle(&st, 'j');
	assert_int_equal(st.paper.sum_top, st.paper.sum_lines - st.nav.rows[UI_SUMMARY]);
	ui_keys_handle(&st, 'g');
	assert_int_equal(st.paper.sum_top, 0);
	ui_state_free(&st);
}

/* t cycles summaries and remembers the language; --lang picks the first. */
static void
test_state_lang(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, make_lib(0), "ko", NULL);
	fit(&st, 24, 80);
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "ko");
	ui_keys_handle(&st, 't');
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "en");
	assert_string_equal(st.status.buf, "summary: en table 1/2");
	ui_keys_handle(&st, 't');
	assert_string_equal(ui_list_paper(&st)->sums[st.paper.sum].lang, "ko");
	ui_keys_handle(&st, 'j');	/* Beta has only English */
	ui_keys_handle(&st, 't');
	assert_string_equal(st.status.buf, "only one summary: en table");
	ui_keys_handle(&st, 'x');
	assert_string_equal(st.status.buf, "unknown key x (? shows the keys)");
	ui_keys_handle(&st, '?');
	assert_true(st.help.open);
	ui_keys_handle(&st, 'q');	/* q closes the help first */
	assert_false(st.help.open);
	ui_keys_handle(&st, '?');
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_false(st.help.open);
	ui_state_free(&st);
}

/* Reload keeps day, category, paper and read marks by key. */
static void
test_state_reload(void **state)
{
	struct ui_state st;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
	ui_keys_handle(&st, 'j');	/* Beta, read */
	st.nav.focus = UI_CATS;
	ui_keys_handle(&st, 'j');	/* NLP */
	st.nav.focus = UI_PAPERS;
	ui_keys_handle(&st, 'j');
	assert_string_equal(sel_title(&st), "Beta paper");
	assert_true(ui_keys_handle(&st, 'r') & UI_ACT_RELOAD);
	ui_state_replace_lib(&st, make_lib(1));	/* Epsilon joins the day, ranked first */
	fit(&st, 24, 80);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-06");
	assert_string_equal(st.list.cats[st.list.cat - 1].name, "NLP");
	assert_string_equal(sel_title(&st), "Beta paper");
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_int_equal(st.list.n, 3);
	ui_keys_handle(&st, 'g');
	assert_string_equal(sel_title(&st), "Epsilon new paper");
	ui_state_free(&st);
}

/* A key table in the help text. */
static void
test_help(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
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

/* Run the groups. */
/* Type a string at the prompt, one code point at a time. */
static void
type(struct ui_state *st, const char *s)
{
	size_t i = 0, n = strlen(s);

	while (i < n) {
		int32_t cp = width_decode(s, n, &i);

		ui_keys_handle(st, (int)cp);
	}
}

/* Read marks: after a delay (the default), on open, or only by hand. */
static void
test_markread(void **state)
{
	struct ui_state st;
	long wait;
	uint32_t alpha, beta;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
	alpha = st.list.v[0];
	beta = st.list.v[1];
	assert_int_equal(st.marks.markread, UI_MARKREAD_DELAY);
	assert_false(st.marks.read[alpha]);
	assert_int_equal(st.marks.unread_day[0], 2);
	ui_marks_tick(&st, 100000, &wait);	/* the clock starts at the first tick */
	assert_false(st.marks.read[alpha]);
	assert_true(wait > 0 && wait <= 1001);
	ui_marks_tick(&st, 100500, &wait);
	assert_false(st.marks.read[alpha]);
	assert_true(wait > 0 && wait <= 501);
	assert_true(ui_marks_tick(&st, 101000, &wait) & UI_ACT_REDRAW);
	assert_true(st.marks.read[alpha]);
	assert_int_equal(st.marks.unread_day[0], 1);
	assert_int_equal(wait, -1);
	/* moving on before the delay leaves Beta unread */
	ui_keys_handle(&st, 'j');
	ui_marks_tick(&st, 101500, &wait);
	ui_marks_tick(&st, 102000, &wait);
	ui_keys_handle(&st, 'k');
	ui_marks_tick(&st, 109000, &wait);
	assert_false(st.marks.read[beta]);
	/* by hand: u toggles, and the delay does not undo it */
	st.marks.markread = UI_MARKREAD_MANUAL;
	ui_keys_handle(&st, 'j');
	ui_marks_tick(&st, 20000, &wait);
	assert_false(st.marks.read[beta]);
	ui_keys_handle(&st, 'u');
	assert_true(st.marks.read[beta]);
	assert_string_equal(st.status.buf, "marked read");
	assert_int_equal(st.marks.unread_day[0], 0);
	ui_keys_handle(&st, 'u');
	assert_false(st.marks.read[beta]);
	/* U: the next unread paper, across days */
	ui_keys_handle(&st, 'u');
	ui_keys_handle(&st, 'U');
	assert_string_equal(sel_title(&st), "Gamma paper");
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	ui_state_free(&st);
}

/* Stars and the Starred view; filters, order and minimum votes. */
static void
test_star_filter_order(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
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
	assert_string_equal(sel_title(&st), "Alpha paper");	/* newest day first */
	buf_init(&b);
	ui_state_position(&st, &b);
	assert_non_null(strstr(b.buf, "starred"));
	assert_null(strstr(b.buf, "2025-05-05"));
	buf_free(&b);
	ui_keys_handle(&st, 'O');		/* by title */
	assert_string_equal(st.status.buf, "ordered by title");
	ui_keys_handle(&st, 'O');		/* by date */
	ui_keys_handle(&st, 'O');		/* back to votes */
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
	assert_string_equal(sel_title(&st), "Alpha paper");
	ui_keys_handle(&st, 'f');		/* all */
	/* order by title puts Alpha before Beta; by votes too */
	ui_keys_handle(&st, 'O');
	assert_string_equal(lib_paper(st.lib, st.list.v[0])->title, "Alpha paper");
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	/* at least 20 votes: Alpha (50) only */
	ui_keys_handle(&st, 'v');
	assert_int_equal(st.prompt.kind, UI_PROMPT_VOTES);
	type(&st, "2x0");			/* letters are ignored */
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

/* Search: as you type, any case, NFD Hangul; n/N; Tab scope; Esc goes back. */
static void
test_search_keys(void **state)
{
	struct ui_state st;
	struct buf b = BUF_INIT;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
	ui_keys_handle(&st, '/');
	assert_int_equal(st.prompt.kind, UI_PROMPT_SEARCH);
	type(&st, "GAMMA");
	assert_string_equal(sel_title(&st), "Gamma paper");
	assert_string_equal(st.status.buf, "match 1 of 1 in every day");
	buf_init(&b);
	ui_prompt_text(&st, &b);
	assert_string_equal(b.buf, "/GAMMA");
	buf_free(&b);
	ui_keys_handle(&st, KEYNAME_ESC);		/* back where we were */
	assert_int_equal(st.prompt.kind, UI_PROMPT_NONE);
	assert_string_equal(sel_title(&st), "Alpha paper");
	assert_false(st.search.active);
	/* NFD jamo find the NFC Korean summary of the untitled paper */
	ui_keys_handle(&st, '/');
	type(&st, "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB");	/* 한 in NFD */
	assert_string_equal(sel_title(&st), "Alpha paper");	/* its Korean summary */
	assert_string_equal(st.status.buf, "match 1 of 2 in every day");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_true(st.search.active);
	ui_keys_handle(&st, 'n');
	assert_int_equal(lib_day(st.lib, st.list.day)->kind, DAY_NONE);
	/* "paper" matches every titled paper; n and N walk them across days */
	ui_keys_handle(&st, '/');
	type(&st, "pap");
	ui_keys_handle(&st, KEYNAME_BACKSPACE);
	type(&st, "per");
	assert_string_equal(sel_title(&st), "Alpha paper");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'n');
	assert_string_equal(sel_title(&st), "Beta paper");
	assert_string_equal(st.status.buf, "/paper: match 2 of 4 in every day");
	ui_keys_handle(&st, 'n');
	assert_string_equal(sel_title(&st), "Gamma paper");
	ui_keys_handle(&st, 'N');
	assert_string_equal(sel_title(&st), "Beta paper");
	/* Tab limits the search to the current list */
	ui_keys_handle(&st, '/');
	ui_keys_handle(&st, '\t');
	type(&st, "gamma");
	assert_string_equal(st.status.buf, "not found in this day");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_string_equal(sel_title(&st), "Beta paper");
	ui_state_free(&st);
}

/* Marks are saved to the store at once and read back by another reader. */
static void
test_marks_store(void **state)
{
	char dir[] = "/tmp/pbmarks.XXXXXX";
	struct buf path = BUF_INIT, file = BUF_INIT;
	struct ui_state st;
	struct marks *marks;

	(void)state;
	assert_non_null(mkdtemp(dir));
	buf_printf(&path, "%s/state", dir);
	marks = marks_new(path.buf);
	assert_int_equal(marks_load(marks), 0);
	ui_state_init(&st, make_lib(0), NULL, NULL);
	ui_marks_use(&st, marks);
	fit(&st, 24, 80);
	ui_keys_handle(&st, 's');
	ui_keys_handle(&st, 'u');
	assert_int_equal(safeio_read(path.buf, &file), 0);
	assert_non_null(strstr(file.buf, "arxiv:2505.00001\tread=1@"));
	assert_non_null(strstr(file.buf, "starred=1@"));
	ui_state_free(&st);
	marks_free(marks);
	/* a second reader starts with the marks */
	marks = marks_new(path.buf);
	assert_int_equal(marks_load(marks), 0);
	ui_state_init(&st, make_lib(0), NULL, NULL);
	ui_marks_use(&st, marks);
	assert_true(st.marks.star[st.list.v[0]]);
	assert_true(st.marks.read[st.list.v[0]]);
	assert_int_equal(st.marks.unread_day[0], 1);
	/* two readers at once: each save brings in the other's marks */
	{
		struct marks *m2 = marks_new(path.buf);
		struct ui_state st2;

		assert_int_equal(marks_load(m2), 0);
		ui_state_init(&st2, make_lib(0), NULL, NULL);
		ui_marks_use(&st2, m2);
		fit(&st2, 24, 80);
		ui_keys_handle(&st, 'j');
		ui_keys_handle(&st, 's');		/* the first reader stars Beta */
		assert_false(st2.marks.star[st2.list.v[1]]);	/* not seen yet */
		ui_keys_handle(&st2, 'G');
		ui_keys_handle(&st2, 'U');		/* the second reader goes on... */
		ui_keys_handle(&st2, 'u');		/* ...and its save merges */
		assert_true(st2.marks.star[1]);		/* Beta's star arrived */
		assert_true(st2.marks.star[0]);
		ui_state_free(&st2);
		marks_free(m2);
	}
	ui_state_free(&st);
	marks_free(marks);
	unlink(path.buf);
	buf_setlen(&file, 0);
	buf_printf(&file, "%s/state.lock", dir);
	unlink(file.buf);
	rmdir(dir);
	buf_free(&path);
	buf_free(&file);
}

/* The mouse: a click selects and focuses, the wheel scrolls; off by the setting. */
static void
test_mouse(void **state)
{
	struct ui_state st;
	struct ui_rect in;

	(void)state;
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
	assert_int_equal(ui_nav_mouse(&st, 1, 1, 1), UI_ACT_NONE);	/* off */
	st.nav.mouse = 1;
	in = ui_layout_inner(st.nav.layout.pane[UI_PAPERS]);
	ui_nav_mouse(&st, in.y + 1, in.x + 3, 1);
	assert_int_equal(st.nav.focus, UI_PAPERS);
	assert_string_equal(sel_title(&st), "Beta paper");
	in = ui_layout_inner(st.nav.layout.pane[UI_DAYS]);
	ui_nav_mouse(&st, in.y + 1, in.x + 1, 1);
	assert_int_equal(st.nav.focus, UI_DAYS);
	assert_string_equal(lib_day(st.lib, st.list.day)->label, "2025-05-05");
	ui_nav_mouse(&st, in.y, in.x, 5);	/* wheel down moves in Days */
	assert_int_equal(st.list.day, 3);
	ui_state_free(&st);
}

/* Settings: bindings by name (bad ones reported), mark-read, mouse. */
static void
test_configure(void **state)
{
	static const char text[] =
		"mark-read = manual\n"
		"mouse = no\n"
		"bind J next-unread\n"
		"bind x no-such-command\n"
		"bind C-n down\n";
	struct settings *c = settings_defaults();
	struct ui_state st;
	struct buf msgs = BUF_INIT;

	(void)state;
	settings_parse(c, "cfg", text, sizeof text - 1);
	ui_state_init(&st, make_lib(0), NULL, NULL);
	buf_init(&msgs);
	ui_state_configure(&st, c, &msgs);
	assert_int_equal(st.marks.markread, UI_MARKREAD_MANUAL);
	assert_int_equal(st.nav.mouse, 0);
	assert_non_null(strstr(msgs.buf, "bind x no-such-command: unknown command"));
	fit(&st, 24, 80);
	ui_keys_handle(&st, KEYNAME_CTRL('n'));
	assert_string_equal(sel_title(&st), "Beta paper");
	ui_keys_handle(&st, 'J');
	assert_string_equal(sel_title(&st), "Gamma paper");	/* the next unread, next day */
	assert_int_equal(keyname_parse("PgDn"), KEYNAME_PGDN);
	assert_int_equal(keyname_parse("F5"), KEYNAME_F1 + 4);
	assert_int_equal(keyname_parse("C-d"), KEYNAME_CTRL('d'));
	assert_int_equal(keyname_parse("\xED\x95\x9C"), 0xD55C);
	assert_int_equal(keyname_parse("jj"), -1);
	assert_string_equal(ui_cmd_name(UI_CMD_NEXT_UNREAD), "next-unread");
	buf_free(&msgs);
	ui_state_free(&st);
	settings_free(c);
}

/* Review regressions: what a search, a reload or a filter must not change. */
static void
test_triage_regressions(void **state)
{
	struct ui_state st;
	struct search_span sp[2];
	size_t n;

	(void)state;
	/* Esc after a search brings back the filter and minimum votes */
	ui_state_init(&st, make_lib(0), NULL, NULL);
	fit(&st, 24, 80);
	ui_keys_handle(&st, 'v');
	type(&st, "20");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, '/');
	type(&st, "gamma");				/* hidden by the minimum: cleared */
	assert_string_equal(sel_title(&st), "Gamma paper");
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_int_equal(st.list.min_votes, 20);
	assert_int_equal(st.list.n, 1);
	assert_string_equal(sel_title(&st), "Alpha paper");
	/* a reload keeps the search's query, not the last prompt's text */
	ui_keys_handle(&st, 'v');
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, '/');
	type(&st, "beta");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_keys_handle(&st, 'v');
	type(&st, "5");
	ui_keys_handle(&st, KEYNAME_ENTER);
	ui_state_replace_lib(&st, make_lib(0));
	assert_true(st.search.active);
	ui_keys_handle(&st, 'n');
	assert_string_equal(st.status.buf, "/beta: match 1 of 1 in every day");
	/* with nothing selected, n goes to the first match */
	ui_keys_handle(&st, 'S');			/* nothing starred: empty */
	assert_null(ui_list_paper(&st));
	ui_keys_handle(&st, '/');
	type(&st, "paper");
	ui_keys_handle(&st, KEYNAME_ENTER);
	assert_string_equal(sel_title(&st), "Alpha paper");
	ui_keys_handle(&st, 'S');			/* the Starred view again... */
	ui_keys_handle(&st, 'S');
	ui_keys_handle(&st, 'S');
	assert_int_equal(st.list.view, UI_VIEW_STARRED);
	assert_null(ui_list_paper(&st));
	ui_keys_handle(&st, 'n');			/* ...where n starts at the first */
	assert_string_equal(sel_title(&st), "Alpha paper");
	assert_string_equal(st.status.buf, "/paper: match 1 of 4 in every day");
	ui_state_free(&st);

	/* on open: only papers the user moves to are read, not rebuilt selections */
	ui_state_init(&st, make_lib(0), NULL, NULL);
	st.marks.markread = UI_MARKREAD_OPEN;
	fit(&st, 24, 80);
	ui_keys_handle(&st, 'G');			/* Beta: read */
	ui_keys_handle(&st, 'u');			/* unread by hand */
	ui_keys_handle(&st, '/');
	type(&st, "gamma");				/* passes Gamma while typing */
	ui_keys_handle(&st, KEYNAME_ESC);
	assert_string_equal(sel_title(&st), "Beta paper");
	assert_false(st.marks.read[st.list.v[st.list.sel]]);	/* going back did not read it */
	assert_false(st.marks.read[2]);			/* nor Gamma */
	ui_keys_handle(&st, 'f');			/* unread only: a rebuilt list */
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	ui_keys_handle(&st, 'O');
	assert_int_equal(st.list.n, 2);			/* nothing was used up */
	ui_state_replace_lib(&st, make_lib(1));	/* Epsilon arrives first */
	assert_false(st.marks.read[0]);
	ui_state_free(&st);

	/* a Hangul syllable does not match inside a longer one */
	{
		struct lib *lib = make_lib(0);
		struct search *s = search_new(lib);

		search_set(s, "\xED\x95\x98", 3);		/* 하 */
		n = search_spans(s, "\xED\x95\x9C \xED\x95\x98", 7, sp, 2);	/* 한 하 */
		assert_int_equal(n, 1);
		assert_int_equal(sp[0].off, 4);
		search_set(s, "\xED\x95\x9C", 3);		/* 한 still matches 한 */
		assert_int_equal(search_spans(s, "\xED\x95\x9C", 3, sp, 2), 1);
		search_free(s);
		lib_free(lib);
	}
	assert_int_equal(keyname_parse("F1x"), -1);
	assert_int_equal(keyname_parse("F12"), KEYNAME_F1 + 11);
}

int
main(void)
{
	const struct CMUnitTest layout[] = {
		cmocka_unit_test(test_layout_sizes),
		cmocka_unit_test(test_layout_modes),
		cmocka_unit_test(test_format_row),
		cmocka_unit_test(test_scroll),
	};
	const struct CMUnitTest keys[] = {
		cmocka_unit_test(test_state_start),
		cmocka_unit_test(test_state_moves),
		cmocka_unit_test(test_state_summary),
		cmocka_unit_test(test_state_lang),
		cmocka_unit_test(test_state_reload),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_state_links),
		cmocka_unit_test(test_markread),
		cmocka_unit_test(test_star_filter_order),
		cmocka_unit_test(test_search_keys),
		cmocka_unit_test(test_marks_store),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_configure),
		cmocka_unit_test(test_triage_regressions),
	};
	int rc = cmocka_run_group_tests_name("layout", layout, NULL, NULL);

	return rc | cmocka_run_group_tests_name("keys", keys, NULL, NULL);
}
