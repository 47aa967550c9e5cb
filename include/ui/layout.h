/* ui/layout.h: pane geometry of the reader, list rows and scrolling (no curses).
 *
 * Everything here is pure: given a terminal size and the focused pane it
 * computes rectangles; given texts and a width it composes a list row.
 * The drawing code only copies these results to the screen.
 */
#ifndef PB_UI_LAYOUT_H
#define PB_UI_LAYOUT_H

#include <stddef.h>

#include "base/buf.h"

enum ui_pane { UI_DAYS, UI_CATS, UI_PAPERS, UI_SUMMARY, UI_LINKS, UI_NPANES };

/* Layout modes, chosen from the terminal size. */
enum ui_mode {
	UI_MODE_WIDE,		/* five panes in three columns (>= 100 columns) */
	UI_MODE_STACKED,	/* lists side by side above the summary and links */
	UI_MODE_SINGLE,		/* too small: the focused pane alone */
};

#define UI_WIDE_COLS 100	/* narrowest terminal for the wide layout */
#define UI_STACK_COLS 40	/* narrowest terminal for the stacked layout */
#define UI_STACK_ROWS 12	/* lowest terminal for the stacked layout */

/* A rectangle in cells; a zero height or width means hidden. */
struct ui_rect {
	int y, x, h, w;
};

struct ui_layout {
	int rows, cols;
	enum ui_mode mode;
	struct ui_rect pane[UI_NPANES];	/* outer rectangles, border included */
	struct ui_rect status;		/* the status line */
	struct ui_rect help;		/* the help box */
};

/*
 * Compute the layout of a rows x cols terminal (any size, even 0 x 0).
 * lists_w is the width (border included) the Days and Categories panes'
 * content wants (0: a share of the terminal): they get no more than it,
 * so that the Papers pane gets the width (at least 71 columns, 60 of
 * title, from 120 columns on).  zoom: the focused pane alone fills the
 * screen.
 */
void ui_layout_compute(struct ui_layout *l, int rows, int cols, enum ui_pane focus, int lists_w,
    int zoom);
/* The inside of a pane rectangle (border removed when there is room for one). */
struct ui_rect ui_layout_inner(struct ui_rect r);
/* True when r has a border (at least 2 x 2). */
int ui_layout_boxed(struct ui_rect r);
/* Name of a pane as shown in its heading. */
const char *ui_layout_pane_name(enum ui_pane p);

/*
 * Append a list row of exactly width cells: left text truncated with "…"
 * and right text (may be NULL) right-aligned after at least one space.
 */
void ui_layout_row(struct buf *out, const char *left, const char *right, size_t width);
/* Keep sel visible in a list of n rows shown rows at a time from *top. */
void ui_layout_scroll(size_t *top, size_t sel, size_t n, size_t rows);

#endif
