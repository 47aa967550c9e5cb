/* ui_draw.h: the terminal (the only user of curses) and drawing from state. */
#ifndef PB_UI_DRAW_H
#define PB_UI_DRAW_H

#include "ui_layout.h"
#include "ui_state.h"

struct ui_term;

/* Key codes returned by ui_term_getkey besides keys. */
enum {
	UI_TERM_AGAIN = -2,	/* interrupted, nothing read */
	UI_TERM_EOF = -1,	/* input is gone */
};

/*
 * Open the terminal in a UTF-8 locale.  With bench_rows > 0, open a
 * terminal writing to /dev/null of bench_rows x bench_cols instead (for
 * timing).  Returns NULL with *err set when curses cannot start.
 */
struct ui_term *ui_term_open(int bench_rows, int bench_cols, const char **err);
/* Restore the terminal and free. */
void ui_term_close(struct ui_term *t);
/* The current size (after a resize, the new one). */
void ui_term_size(struct ui_term *t, int *rows, int *cols);
/* Wait for a key: a code point, a UI_KEY_* code, or UI_TERM_AGAIN / UI_TERM_EOF. */
int ui_term_getkey(struct ui_term *t);
/* Draw the whole screen from the state (fitted to l); repaint clears the terminal first. */
void ui_draw(struct ui_term *t, const struct ui_state *st, const struct ui_layout *l, int repaint);

#endif
