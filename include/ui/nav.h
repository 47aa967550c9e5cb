/* ui/nav.h: moving around the reader: focus, moves, paging, scrolling, the mouse (no curses).
 *
 * A move goes to the focused pane's own list: days, categories and papers
 * (ui/list.h), the summary's lines and the links (ui/paper.h).
 */
#ifndef PB_UI_NAV_H
#define PB_UI_NAV_H

#include <stddef.h>

#include "ui/layout.h"

/* Focus and scrolling; part of struct ui_state, owned by nav.c. */
struct ui_nav {
	enum ui_pane focus;
	size_t top[UI_NPANES];		/* first row shown of each list pane */
	size_t rows[UI_NPANES];		/* content rows of each pane in the last layout */
	struct ui_layout layout;	/* the last layout (for mouse clicks) */
	int mouse;			/* mouse events are wanted */
	int zoom;			/* the focused pane fills the screen */
};

struct ui_state;

/* Start with the Papers pane focused, nothing scrolled, no mouse. */
void ui_nav_init(struct ui_nav *nv);
/* Take mouse events (on), or not. */
void ui_nav_set_mouse(struct ui_state *st, int on);
/* New index after moving by delta (may be negative) within [0, n), clamped; 0 when n is 0. */
size_t ui_nav_step(size_t cur, long delta, size_t n);
/* Focus pane p. */
void ui_nav_focus(struct ui_state *st, enum ui_pane p);
/* Scroll pane p back to its first row (its list was rebuilt). */
void ui_nav_unscroll(struct ui_state *st, enum ui_pane p);
/* Remember the layout and the panes' heights and keep the selections visible. */
void ui_nav_fit(struct ui_state *st, const struct ui_layout *l);
/* A mouse event at cell (y, x): button 1-3 click selects and focuses, 4/5 wheel up/down scrolls. */
unsigned ui_nav_mouse(struct ui_state *st, int y, int x, int button);

/* Handlers (see ui/cmd.h). */
unsigned ui_nav_down(struct ui_state *st);
unsigned ui_nav_up(struct ui_state *st);
unsigned ui_nav_top(struct ui_state *st);
unsigned ui_nav_bottom(struct ui_state *st);
unsigned ui_nav_page_down(struct ui_state *st);
unsigned ui_nav_page_up(struct ui_state *st);
unsigned ui_nav_half_down(struct ui_state *st);
unsigned ui_nav_half_up(struct ui_state *st);
unsigned ui_nav_focus_next(struct ui_state *st);
unsigned ui_nav_focus_prev(struct ui_state *st);
unsigned ui_nav_enter(struct ui_state *st);
unsigned ui_nav_zoom(struct ui_state *st);
/* J, K: the next or previous paper of the list from any pane (the Summary keeps the focus). */
unsigned ui_nav_next_paper(struct ui_state *st);
unsigned ui_nav_prev_paper(struct ui_state *st);
/*
 * q: back one level: close the help, undo the zoom, leave the Summary or
 * Links pane for Papers, clear the search, leave the Starred view; at the
 * top (none of these), quit (ui_marks_quit may ask first).
 */
unsigned ui_nav_back(struct ui_state *st);
/* Esc, Backspace: back one level as q, but never quit. */
unsigned ui_nav_close(struct ui_state *st);

#endif
