/* ui/draw.h: drawing the reader's screen from its state (through ui/term.h, no curses). */
#ifndef PB_UI_DRAW_H
#define PB_UI_DRAW_H

#include "ui/layout.h"
#include "ui/state.h"
#include "ui/term.h"

/* Draw the whole screen from the state (fitted to l); repaint clears the terminal first. */
void ui_draw(struct ui_term *t, const struct ui_state *st, const struct ui_layout *l, int repaint);
/* Lay out *l for the terminal's current size and fit the state to it (before handling a key). */
void ui_draw_fit(struct ui_term *t, struct ui_state *st, struct ui_layout *l);
/* Lay out for the terminal's current size, fit the state to that layout and draw. */
void ui_draw_screen(struct ui_term *t, struct ui_state *st, int repaint);

#endif
