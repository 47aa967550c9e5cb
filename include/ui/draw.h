/* ui/draw.h: drawing the reader's screen from its state. */
#ifndef PB_UI_DRAW_H
#define PB_UI_DRAW_H

#include "ui/layout.h"
#include "ui/state.h"
#include "ui/term.h"

/* Draw the whole screen from the state (fitted to l); repaint clears the terminal first. */
void ui_draw(struct ui_term *t, const struct ui_state *st, const struct ui_layout *l, int repaint);

#endif
