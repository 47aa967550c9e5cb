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
#include "ui/layout.h"

/* The help screen; part of struct ui_state, owned by help.c. */
struct ui_help {
	int open;
	size_t top;			/* first line shown */
	const char *title;		/* the box's title: "Help", or another page's */
	const struct buf *page;		/* another page shown instead of the keys, or NULL */
	const struct buf *problems;	/* the Problems page (the caller's, ui/ui.h), or NULL */
};

struct ui_layout;
struct ui_state;

/* Open the help box on another page (a report; it may grow while shown), at its top. */
void ui_help_show(struct ui_state *st, const char *title, const struct buf *page);
/*
 * Append the help screen text (or the page shown), lines separated by
 * newlines, wrapped to width cells (0: not wrapped; ui_help_width gives
 * a box's): a key's bind name is always whole.
 */
void ui_help_build(const struct ui_state *st, size_t width, struct buf *out);
/* The cells of text in the help box r. */
size_t ui_help_width(struct ui_rect r);
/* A command while the help is open: scroll or close it. */
unsigned ui_help_cmd(struct ui_state *st, enum ui_cmd c);
/* Keep the scrolling within the text for the help box of l. */
void ui_help_fit(struct ui_state *st, const struct ui_layout *l);

/*
 * Append " (! lists them)" with the key bound to the Problems page, when
 * it has lines; nothing when it is empty.
 */
void ui_help_problems_hint(const struct ui_state *st, struct buf *out);

/* Handlers (see ui/cmd.h): ? opens the help, ! the Problems page. */
unsigned ui_help_open(struct ui_state *st);
unsigned ui_help_problems(struct ui_state *st);

#endif
