/* ui/layout.c: pane rectangles, list rows and scrolling (pure, no curses). */
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

#define UI_PAPERS_W 71	/* papers pane wanted in the wide layout: 60 columns of title */
#define UI_SUMMARY_MIN_W 26	/* the summary keeps at least this when papers take their width */

/*
 * Three columns: days over categories (as narrow as their content, at
 * most a sixth of the screen but at least 20 columns, so that a date and
 * its counts stay whole), papers (its share or UI_PAPERS_W, which is
 * more), summary over links.
 */
static void
layout_wide(struct ui_layout *l, int h, int w, int lists_w)
{
	int lw = lists_w > 0 ? clamp(lists_w, 12, clamp(w / 6, 20, 34)) : clamp(w / 5, 24, 34);
	int pw = (w - lw) * 2 / 5;
	int want = w - lw - UI_SUMMARY_MIN_W < UI_PAPERS_W ? w - lw - UI_SUMMARY_MIN_W : UI_PAPERS_W;
	int sw;

	if (pw < want)
		pw = want;
	sw = w - lw - pw;
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
layout_stacked(struct ui_layout *l, int h, int w, int lists_w)
{
	int lh = h >= 30 ? 7 : h >= 20 ? 4 : 3;
	int th = (h - lh) * 2 / 5;
	int dw = lists_w > 0 ? clamp(lists_w, 10, w * 23 / 100) : w * 23 / 100;
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
ui_layout_compute(struct ui_layout *l, int rows, int cols, enum ui_pane focus, int lists_w,
    int zoom)
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
		layout_wide(l, h, l->cols, lists_w);
	} else if (l->cols >= UI_STACK_COLS && l->rows >= UI_STACK_ROWS) {
		l->mode = UI_MODE_STACKED;
		layout_stacked(l, h, l->cols, lists_w);
	}
	if (l->mode == UI_MODE_SINGLE || zoom) {
		memset(l->pane, 0, sizeof l->pane);
		l->pane[focus < UI_NPANES ? focus : UI_PAPERS] = rect(0, 0, h, l->cols);
	}
}

/* True when the rectangle is big enough for a border. */
int
ui_layout_boxed(struct ui_rect r)
{
	return r.h >= 2 && r.w >= 2;
}

/* The content area inside the border. */
struct ui_rect
ui_layout_inner(struct ui_rect r)
{
	struct ui_rect in = r;

	if (ui_layout_boxed(r)) {
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
ui_layout_pane_name(enum ui_pane p)
{
	static const char *const names[UI_NPANES] = {
		"Days", "Categories", "Papers", "Summary", "Links",
	};

	return p < UI_NPANES ? names[p] : "?";
}

/* A row of exactly width cells: truncated left text, right-aligned right text. */
void
ui_layout_row(struct buf *out, const char *left, const char *right, size_t width)
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
ui_layout_scroll(size_t *top, size_t sel, size_t n, size_t rows)
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
