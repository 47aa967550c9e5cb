/* ui/term.h: the terminal, the only user of curses.
 *
 * Keys in (as settings/keyname.h codes), text out.  Every string reaches
 * curses through ui_term_text: it is cut to the cells available by
 * width_trunc (which emits only printable clusters), then each cluster is
 * checked against the C library's wcwidth, which curses and the terminal
 * use; a cluster they would measure differently is drawn as U+FFFD plus
 * spaces, so pane borders stay in the same column on every row.  URLs
 * drawn with ui_term_link become OSC 8 hyperlinks after the frame is on
 * the screen (ui/hyperlink.h).
 */
#ifndef PB_UI_TERM_H
#define PB_UI_TERM_H

#include <stddef.h>

#include "base/buf.h"

#include "settings/prefs.h"
#include "ui/layout.h"

struct ui_term;

/* Key codes returned by ui_term_getkey besides keys. */
enum {
	UI_TERM_AGAIN = -2,	/* no key now */
	UI_TERM_EOF = -1,	/* input is gone */
};

/*
 * How text is drawn: a theme element (enum settings_elem, coloured by the
 * theme), or one of the fixed attributes below; UI_STYLE_MATCH added to
 * either draws a search match over it (the match colour replaces its colour).
 */
enum {
	UI_STYLE_PLAIN = SETTINGS_NELEMS,	/* no attribute */
	UI_STYLE_BOLD,
	UI_STYLE_DIM,
	UI_STYLE_MATCH = 0x100,
};

/*
 * Open the terminal in a UTF-8 locale, with bracketed paste on (off
 * again on close and while suspended).  With bench_rows > 0, open a
 * terminal writing to /dev/null of bench_rows x bench_cols instead (for
 * timing).  Returns NULL with *err set when curses cannot start.
 */
struct ui_term *ui_term_open(int bench_rows, int bench_cols, const char **err);
/* Restore the terminal and free. */
void ui_term_close(struct ui_term *t);
/* The descriptor keys come from (to wait on with poll). */
int ui_term_fd(const struct ui_term *t);
/* The current size. */
void ui_term_size(struct ui_term *t, int *rows, int *cols);
/* Take the terminal's new size after SIGWINCH (a KEYNAME_RESIZE key follows). */
void ui_term_resize(struct ui_term *t);
/* A key: a code point, a KEYNAME_* code, UI_TERM_AGAIN when none is waiting, or UI_TERM_EOF. */
int ui_term_getkey(struct ui_term *t);
/* Let getkey return UI_TERM_AGAIN after ms milliseconds without a key (ms < 0: wait). */
void ui_term_timeout(struct ui_term *t, int ms);
/*
 * Use the preferences' theme and colours (NULL or monochrome: attributes
 * only) and their line-graphics for the borders (NULL: curses's own).
 */
void ui_term_set_theme(struct ui_term *t, const struct prefs *p);
/* Report mouse clicks and the wheel as KEYNAME_MOUSE, or not. */
void ui_term_set_mouse(struct ui_term *t, int on);
/* The mouse event behind the last KEYNAME_MOUSE: 1 with cell and button (1-3; 4, 5: wheel). */
int ui_term_mouse(struct ui_term *t, int *y, int *x, int *button);
/* Write OSC 8 hyperlinks around the URLs drawn with ui_term_link (never on the bench terminal). */
void ui_term_set_osc8(struct ui_term *t, int on);
/*
 * Write bytes that change no cell (an OSC 52 sequence) straight to the
 * terminal, after what curses has drawn.  Returns 0, or -1 on a write error.
 */
int ui_term_write(struct ui_term *t, const char *s, size_t n);
/*
 * After getkey returned KEYNAME_PASTE: read the pasted text straight from
 * the terminal up to its end marker (ui/paste.h), keeping at most max
 * bytes in out; keys typed after it are read next.  Returns the pasted
 * length (kept or not).
 */
size_t ui_term_paste(struct ui_term *t, struct buf *out, size_t max);
/* Hand the terminal to another program (endwin, keeping the program mode). */
void ui_term_suspend(struct ui_term *t);
/* Take the terminal back after ui_term_suspend; draw with repaint next. */
void ui_term_resume(struct ui_term *t);

/* Start a frame: blank screen; repaint clears the terminal too. */
void ui_term_begin(struct ui_term *t, int repaint);
/*
 * Draw s[0..n) at (y, x) in at most w cells, in style; flags are
 * width_trunc's (WIDTH_PAD pads to w).  Off-screen parts are cut.
 */
void ui_term_text(struct ui_term *t, int y, int x, int w, const char *s, size_t n, int style,
    unsigned flags);
/* Draw s[0..n), which width_trunc already cut to fit, at (y, x) in style. */
void ui_term_fitted(struct ui_term *t, int y, int x, const char *s, size_t n, int style);
/* Draw the border of r (double lines when focused) with a title and a footer (may be NULL). */
void ui_term_box(struct ui_term *t, struct ui_rect r, int focused, const char *title,
    const char *footer);
/* The URL url is drawn at (y, x) over w cells: make it a hyperlink after the frame. */
void ui_term_link(struct ui_term *t, int y, int x, int w, const char *url);
/* Put the frame on the screen; then the hyperlinks, unless links is 0 (something covers them). */
void ui_term_end(struct ui_term *t, int links);

#endif
