/* ui/layout.c: pane rectangles and summary wrapping (pure, no curses). */
#include "ui/layout.h"

#include <stdlib.h>
#include <string.h>

#include "text/width.h"

/* Clamp v into [lo, hi] (hi wins when lo > hi). */
static int
clamp(int v, int lo, int hi)
{
	if (v < lo)
		v = lo;
	if (v > hi)
		v = hi;
	return v;
}

/* Fill a rectangle. */
static struct ui_rect
rect(int y, int x, int h, int w)
{
	struct ui_rect r;

	r.y = y;
	r.x = x;
	r.h = h > 0 ? h : 0;
	r.w = w > 0 ? w : 0;
	if (r.h == 0 || r.w == 0)
		r.h = r.w = 0;
	return r;
}

/* Three columns: days over categories, papers, summary over links. */
static void
layout_wide(struct ui_layout *l, int h, int w)
{
	int lw = clamp(w / 5, 24, 34);
	int pw = (w - lw) * 2 / 5;
	int sw = w - lw - pw;
	int dh = h / 2;
	int lh = clamp(h / 4, 4, 12);

	l->pane[UI_DAYS] = rect(0, 0, dh, lw);
	l->pane[UI_CATS] = rect(dh, 0, h - dh, lw);
	l->pane[UI_PAPERS] = rect(0, lw, h, pw);
	l->pane[UI_SUMMARY] = rect(0, lw + pw, h - lh, sw);
	l->pane[UI_LINKS] = rect(h - lh, lw + pw, lh, sw);
}

/* Days, categories and papers side by side above the summary, links below. */
static void
layout_stacked(struct ui_layout *l, int h, int w)
{
	int lh = h >= 30 ? 7 : h >= 20 ? 4 : 3;
	int th = (h - lh) * 2 / 5;
	int dw = w * 23 / 100;
	int sh;

	if (th < 3)
		th = 3;
	sh = h - lh - th;
	l->pane[UI_DAYS] = rect(0, 0, th, dw);
	l->pane[UI_CATS] = rect(0, dw, th, dw);
	l->pane[UI_PAPERS] = rect(0, 2 * dw, th, w - 2 * dw);
	l->pane[UI_SUMMARY] = rect(th, 0, sh, w);
	l->pane[UI_LINKS] = rect(th + sh, 0, lh, w);
}

/* Compute the layout for a terminal of rows x cols. */
void
ui_layout_compute(struct ui_layout *l, int rows, int cols, enum ui_pane focus)
{
	int h;

	memset(l, 0, sizeof *l);
	l->rows = rows > 0 ? rows : 0;
	l->cols = cols > 0 ? cols : 0;
	l->mode = UI_MODE_SINGLE;
	if (l->rows == 0 || l->cols == 0)
		return;
	l->status = rect(l->rows - 1, 0, 1, l->cols);
	h = l->rows - 1;
	if (h == 0)
		return;
	if (h >= 10 && l->cols >= 40)
		l->help = rect(1, 2, h - 2, l->cols - 4);
	else
		l->help = rect(0, 0, h, l->cols);
	if (l->cols >= UI_WIDE_COLS && l->rows >= UI_STACK_ROWS) {
		l->mode = UI_MODE_WIDE;
		layout_wide(l, h, l->cols);
	} else if (l->cols >= UI_STACK_COLS && l->rows >= UI_STACK_ROWS) {
		l->mode = UI_MODE_STACKED;
		layout_stacked(l, h, l->cols);
	} else {
		l->pane[focus < UI_NPANES ? focus : UI_PAPERS] = rect(0, 0, h, l->cols);
	}
}

/* True when the rectangle is big enough for a border. */
int
ui_rect_boxed(struct ui_rect r)
{
	return r.h >= 2 && r.w >= 2;
}

/* The content area inside the border. */
struct ui_rect
ui_rect_inner(struct ui_rect r)
{
	struct ui_rect in = r;

	if (ui_rect_boxed(r)) {
		in.y = r.y + 1;
		in.x = r.x + 1;
		in.h = r.h - 2;
		in.w = r.w - 2;
	}
	if (in.h <= 0 || in.w <= 0)
		in.h = in.w = 0;
	return in;
}

/* Pane names for headings. */
const char *
ui_pane_name(enum ui_pane p)
{
	static const char *const names[UI_NPANES] = {
		"Days", "Categories", "Papers", "Summary", "Links",
	};

	return p < UI_NPANES ? names[p] : "?";
}

/* Prepare an empty summary view. */
void
ui_sumview_init(struct ui_sumview *sv)
{
	memset(sv, 0, sizeof *sv);
	buf_init(&sv->text);
}

/* Free a summary view. */
void
ui_sumview_free(struct ui_sumview *sv)
{
	buf_free(&sv->text);
	free(sv->v);
	ui_sumview_init(sv);
}

/* Drop the cache key so the next build lays out again. */
void
ui_sumview_invalidate(struct ui_sumview *sv)
{
	sv->valid = 0;
	sv->paper = NULL;
}

/* Append one line whose text is s[0..n) (copied). */
static void
add_line(struct ui_sumview *sv, const char *s, size_t n, size_t width,
    int indent, enum ui_line_kind kind)
{
	struct ui_line *ln;

	if (sv->n == sv->alloc) {
		sv->alloc = sv->alloc ? sv->alloc * 2 : 64;
		sv->v = xrealloc(sv->v, sv->alloc * sizeof *sv->v);
	}
	ln = &sv->v[sv->n++];
	ln->off = sv->text.len;
	ln->len = n;
	ln->width = width;
	ln->indent = indent;
	ln->kind = kind;
	buf_add(&sv->text, s, n);
}

/* Append a blank line unless the view is empty or already ends in one. */
static void
add_blank(struct ui_sumview *sv)
{
	if (sv->n && sv->v[sv->n - 1].kind != UI_LINE_BLANK)
		add_line(sv, "", 0, 0, 0, UI_LINE_BLANK);
}

/* Wrap s[0..n) into width - indent cells; the first line gets kind first. */
static void
add_wrapped(struct ui_sumview *sv, const char *s, size_t n, int width, int indent,
    enum ui_line_kind first, enum ui_line_kind rest)
{
	struct width_lines tl = { NULL, 0, 0 };
	int avail = width - indent;
	size_t i;

	if (avail < 1) {
		avail = width > 0 ? width : 1;
		indent = 0;
	}
	width_wrap(&tl, s, n, (size_t)avail);
	for (i = 0; i < tl.n; i++)
		add_line(sv, s + tl.v[i].off, tl.v[i].len, tl.v[i].width, indent,
		    i == 0 ? first : rest);
	width_lines_free(&tl);
}

/* Append "Label: a, b, c" as a wrapped metadata line. */
static void
add_meta_list(struct ui_sumview *sv, struct buf *tmp, const char *label,
    const char *const *items, size_t nitems, int width)
{
	size_t i;

	if (nitems == 0)
		return;
	buf_setlen(tmp, 0);
	buf_puts(tmp, label);
	for (i = 0; i < nitems; i++) {
		if (i)
			buf_puts(tmp, ", ");
		buf_puts(tmp, items[i] ? items[i] : "");
	}
	add_wrapped(sv, tmp->buf, tmp->len, width, 0, UI_LINE_META, UI_LINE_META);
}

/* Lay out the header lines: title, authors, days, categories, votes. */
static void
build_header(struct ui_sumview *sv, const struct lib *lib, const struct paper *p,
    struct buf *tmp, int width)
{
	const char *title = p->title ? p->title : "(untitled)";
	size_t i;

	add_wrapped(sv, title, strlen(title), width, 0, UI_LINE_TITLE, UI_LINE_TITLE);
	add_meta_list(sv, tmp, "Authors: ", p->authors, p->nauthors, width);
	if (p->ndays) {
		buf_setlen(tmp, 0);
		buf_puts(tmp, "Days: ");
		for (i = 0; i < p->ndays; i++) {
			const struct day *d = p->days[i] < lib_ndays(lib) ?
			    lib_day(lib, p->days[i]) : NULL;

			if (i)
				buf_puts(tmp, ", ");
			buf_puts(tmp, d && d->label ? d->label : "?");
		}
		if (p->votes >= 0)
			buf_printf(tmp, " | Votes: %ld", p->votes);
		add_wrapped(sv, tmp->buf, tmp->len, width, 0, UI_LINE_META, UI_LINE_META);
	} else if (p->votes >= 0) {
		buf_setlen(tmp, 0);
		buf_printf(tmp, "Votes: %ld", p->votes);
		add_wrapped(sv, tmp->buf, tmp->len, width, 0, UI_LINE_META, UI_LINE_META);
	}
	add_meta_list(sv, tmp, "Categories: ", p->cats, p->ncats, width);
}

/* Lay out the blocks of one summary. */
static void
build_blocks(struct ui_sumview *sv, const struct summary *s, int width)
{
	int prev = -1;	/* kind of the previous block, -1 at the start */
	size_t i;

	for (i = 0; i < s->nblocks; i++) {
		const struct block *b = &s->blocks[i];
		const char *t = b->text ? b->text : "";

		if (b->label && *b->label) {
			add_blank(sv);
			add_wrapped(sv, b->label, strlen(b->label), width, 0,
			    UI_LINE_HEAD, UI_LINE_HEAD);
			add_wrapped(sv, t, strlen(t), width, 2, UI_LINE_TEXT, UI_LINE_TEXT);
			prev = 2;	/* a section: blank line before what follows */
		} else if (b->kind == BLOCK_BULLET) {
			if (prev != BLOCK_BULLET)
				add_blank(sv);
			add_wrapped(sv, t, strlen(t), width, 2, UI_LINE_BULLET, UI_LINE_TEXT);
			prev = BLOCK_BULLET;
		} else {
			add_blank(sv);
			add_wrapped(sv, t, strlen(t), width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
			prev = BLOCK_PARA;
		}
	}
	if (s->nblocks == 0 && s->text && *s->text) {
		add_blank(sv);
		add_wrapped(sv, s->text, strlen(s->text), width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
	}
}

/* Lay out a paper and one of its summaries at a width (cached). */
void
ui_sumview_build(struct ui_sumview *sv, const struct lib *lib,
    const struct paper *p, size_t sum, int width)
{
	struct buf tmp = BUF_INIT;

	if (sv->valid && sv->paper == p && sv->sum == sum && sv->width == width)
		return;
	sv->valid = 1;
	sv->paper = p;
	sv->sum = sum;
	sv->width = width;
	sv->n = 0;
	buf_setlen(&sv->text, 0);
	if (width < 1)
		width = 1;
	if (p == NULL) {
		add_wrapped(sv, "No paper selected.", 18, width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
		return;
	}
	buf_init(&tmp);
	build_header(sv, lib, p, &tmp, width);
	buf_free(&tmp);
	if (p->nsums == 0) {
		add_blank(sv);
		add_wrapped(sv, "(no summary)", 12, width, 0, UI_LINE_TEXT, UI_LINE_TEXT);
		return;
	}
	build_blocks(sv, &p->sums[sum < p->nsums ? sum : 0], width);
}

/* Title for lists: the title, else the beginning of the first summary. */
const char *
ui_paper_label(const struct paper *p)
{
	if (p->title && *p->title)
		return p->title;
	if (p->nsums && p->sums[0].text && *p->sums[0].text)
		return p->sums[0].text;
	return "(untitled)";
}

/* A row of exactly width cells: truncated left text, right-aligned right text. */
void
ui_format_row(struct buf *out, const char *left, const char *right, size_t width)
{
	size_t rw = right ? width_str(right) : 0;

	if (right && rw > 0 && rw + 2 <= width) {
		width_trunc(out, left, strlen(left), width - rw - 1, WIDTH_PAD);
		buf_addch(out, ' ');
		width_trunc(out, right, strlen(right), rw, 0);
	} else {
		width_trunc(out, left, strlen(left), width, WIDTH_PAD);
	}
}

/* Adjust a list's first visible row so that sel is on screen. */
void
ui_scroll_to(size_t *top, size_t sel, size_t n, size_t rows)
{
	if (rows == 0) {
		*top = sel;
		return;
	}
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
	if (*top + rows > n)
		*top = n > rows ? n - rows : 0;
}
