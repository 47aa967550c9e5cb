/* ui/term.h: the terminal: curses I/O behind a small interface (no other file includes curses). */
#ifndef PB_UI_TERM_H
#define PB_UI_TERM_H

#include <stddef.h>

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
/* Wait for a key: a code point, a KEYNAME_* code, or UI_TERM_AGAIN / UI_TERM_EOF. */
int ui_term_getkey(struct ui_term *t);
/* Let getkey return UI_TERM_AGAIN after ms milliseconds without a key (ms < 0: wait). */
void ui_term_timeout(struct ui_term *t, int ms);
struct settings;
/* Use the settings' theme and colours (NULL, monochrome or NO_COLOR: attributes only). */
void ui_term_set_theme(struct ui_term *t, const struct settings *c);
/* Report mouse clicks and the wheel as KEYNAME_MOUSE, or not. */
void ui_term_set_mouse(struct ui_term *t, int on);
/* The mouse event behind the last KEYNAME_MOUSE: 1 with cell and button (1-3; 4, 5: wheel). */
int ui_term_mouse(struct ui_term *t, int *y, int *x, int *button);
/* Write OSC 8 hyperlinks around the URLs of the Links pane (see ui_draw.c). */
void ui_term_set_osc8(struct ui_term *t, int on);
/*
 * Write bytes that change no cell (an OSC 52 sequence) straight to the
 * terminal, after what curses has drawn.  Returns 0, or -1 on a write error.
 */
int ui_term_write(struct ui_term *t, const char *s, size_t n);
/* Hand the terminal to another program (endwin, keeping the program mode). */
void ui_term_suspend(struct ui_term *t);
/* Take the terminal back after ui_term_suspend; draw with repaint next. */
void ui_term_resume(struct ui_term *t);

#endif
