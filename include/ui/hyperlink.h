/* ui/hyperlink.h: OSC 8 hyperlinks over what curses drew (pure, no curses).
 *
 * OSC 8 sequences never pass through curses, which would count their
 * bytes as cells.  After curses has put a frame on the screen, each
 * visible URL of the Links pane is written once more straight to the
 * terminal: cursor address, the cell attributes, OSC 8 open, the very
 * characters curses drew there (read back from its window), OSC 8 close,
 * attributes off.  The cells do not change, so neither does the screen
 * curses believes in.  The terminal layer (ui/term.h) records the spots,
 * reads the cells back and writes the bytes; this file decides whether a
 * spot can be linked exactly and composes its bytes.
 */
#ifndef PB_UI_HYPERLINK_H
#define PB_UI_HYPERLINK_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* A URL drawn at row y from column x over w cells. */
struct ui_hyperlink {
	int y, x, w;
	const char *url;		/* not owned: valid until the next frame */
};

/* The URLs of one frame. */
struct ui_hyperlinks {
	struct ui_hyperlink *v;
	size_t n, alloc;
};

/* Attributes of a cell, as far as a hyperlink can copy them. */
enum {
	UI_HYPERLINK_BOLD = 1 << 0,
	UI_HYPERLINK_REVERSE = 1 << 1,
	UI_HYPERLINK_OTHER = 1 << 2,	/* any other attribute: the spot is not linked */
};

/* A cell read back from the screen. */
struct ui_hyperlink_cell {
	int32_t cp;			/* its character */
	int plain;			/* one character of width 1, default colours */
	unsigned attrs;			/* UI_HYPERLINK_* */
};

/* Terminal capabilities (NULL when the terminal has none). */
struct ui_hyperlink_caps {
	const char *go;			/* cursor address of the spot's first cell */
	const char *sgr0;		/* attributes off */
	const char *bold, *reverse;
};

/* Remember a spot (w <= 0: nothing). */
void ui_hyperlink_add(struct ui_hyperlinks *h, int y, int x, int w, const char *url);
/* Forget the spots (a new frame). */
void ui_hyperlink_clear(struct ui_hyperlinks *h);
/* Free. */
void ui_hyperlink_free(struct ui_hyperlinks *h);
/*
 * Append the bytes that make spot h, whose cells[0..h->w) were read back,
 * a hyperlink: the cells up to the last non-blank one.  Returns the number
 * of cells written, 0 when they cannot be copied exactly (a cell that is
 * not plain, mixed or unknown attributes, a missing capability, nothing
 * but blanks); nothing is appended then.
 */
int ui_hyperlink_write(struct buf *out, const struct ui_hyperlink *h,
    const struct ui_hyperlink_cell *cells, const struct ui_hyperlink_caps *caps);

#endif
