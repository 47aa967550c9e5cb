/* ui/layout.h: pane geometry and text layout of the reader (no curses).
 *
 * Everything here is pure: given a terminal size and the focused pane it
 * computes rectangles; given a paper it wraps the summary into lines.  The
 * drawing code only copies these results to the screen.
 */
#ifndef PB_UI_LAYOUT_H
#define PB_UI_LAYOUT_H

#include <stddef.h>

#include "base/buf.h"
#include "model/lib.h"

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

/* Compute the layout of a rows x cols terminal (any size, even 0 x 0). */
void ui_layout_compute(struct ui_layout *l, int rows, int cols, enum ui_pane focus);
/* The inside of a pane rectangle (border removed when there is room for one). */
struct ui_rect ui_rect_inner(struct ui_rect r);
/* True when r has a border (at least 2 x 2). */
int ui_rect_boxed(struct ui_rect r);
/* Name of a pane as shown in its heading. */
const char *ui_pane_name(enum ui_pane p);

/* Kinds of summary lines (the drawing code picks attributes from them). */
enum ui_line_kind {
	UI_LINE_TITLE,		/* the paper title */
	UI_LINE_META,		/* authors, days, categories, votes */
	UI_LINE_HEAD,		/* a section label such as "What's New" */
	UI_LINE_TEXT,		/* paragraph text */
	UI_LINE_BULLET,		/* first line of a bullet: a bullet is drawn before it */
	UI_LINE_BLANK,
};

/* One line of a laid-out summary: bytes [off, off+len) of the view's text. */
struct ui_line {
	size_t off, len, width;
	int indent;		/* cells before the text */
	enum ui_line_kind kind;
};

/* A summary laid out for one width; rebuilt when paper, summary or width change. */
struct ui_sumview {
	struct buf text;	/* all line text, copied */
	struct ui_line *v;
	size_t n, alloc;
	const struct paper *paper;	/* cache key */
	size_t sum;
	int width;
	int valid;
};

/* Prepare an empty view. */
void ui_sumview_init(struct ui_sumview *sv);
/* Free the view's memory. */
void ui_sumview_free(struct ui_sumview *sv);
/* Forget the cached layout (after a reload frees the papers). */
void ui_sumview_invalidate(struct ui_sumview *sv);
/*
 * Lay out paper p (NULL: nothing selected) with its summary number sum at
 * width cells: title, authors, days, categories, votes, then the blocks
 * (paragraphs, bullets, labelled sections).  Cached: a no-op when nothing
 * changed.
 */
void ui_sumview_build(struct ui_sumview *sv, const struct lib *lib,
    const struct paper *p, size_t sum, int width);

/* The title shown for a paper: its title, else the start of its summary. */
const char *ui_paper_label(const struct paper *p);
/*
 * Append a list row of exactly width cells: left text truncated with "…"
 * and right text (may be NULL) right-aligned after at least one space.
 */
void ui_format_row(struct buf *out, const char *left, const char *right, size_t width);
/* Keep sel visible in a list of n rows shown rows at a time from *top. */
void ui_scroll_to(size_t *top, size_t sel, size_t n, size_t rows);

#endif
