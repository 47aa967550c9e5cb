/* ui/help.h: the help screen (no curses).
 *
 * Its text comes from the key table in use (ui/keys.h) and the command
 * table (ui/cmd.h).  While it is open, commands scroll or close it.
 */
#ifndef PB_UI_HELP_H
#define PB_UI_HELP_H

#include <stddef.h>

#include "base/buf.h"
#include "ui/cmd.h"

/* The help screen; part of struct ui_state, owned by help.c. */
struct ui_help {
	int open;
	size_t top;			/* first line shown */
};

struct ui_layout;
struct ui_state;

/* Append the help screen text, lines separated by newlines. */
void ui_help_build(const struct ui_state *st, struct buf *out);
/* A command while the help is open: scroll or close it. */
unsigned ui_help_cmd(struct ui_state *st, enum ui_cmd c);
/* Keep the scrolling within the text for the help box of l. */
void ui_help_fit(struct ui_state *st, const struct ui_layout *l);

/* Handler (see ui/cmd.h). */
unsigned ui_help_open(struct ui_state *st);

#endif
