/* ui/keys.h: the key table and handling one key (no curses).
 *
 * The table starts as the commands' default keys (ui/cmd.h) and the
 * settings' bind lines change it.  A key goes to the prompt when one is
 * open, else to the command it is bound to.
 */
#ifndef PB_UI_KEYS_H
#define PB_UI_KEYS_H

#include <stddef.h>

#include "base/buf.h"
#include "ui/cmd.h"

/* One key binding. */
struct ui_binding {
	int key;			/* settings/keyname.h */
	enum ui_cmd cmd;
};

/* The key table in use; part of struct ui_state, owned by keys.c. */
struct ui_keys {
	struct ui_binding *v;		/* in the order of the commands' default keys, then added ones */
	size_t n, alloc;
	int pressed;			/* the key being handled (number keys pick a link) */
};

struct prefs;
struct ui_state;

/* The default key table (free with ui_keys_free). */
void ui_keys_init(struct ui_keys *k);
/* Free the table. */
void ui_keys_free(struct ui_keys *k);
/* Bind key to c, in place when the key is bound already, else at the end. */
void ui_keys_bind(struct ui_keys *k, int key, enum ui_cmd c);
/* Apply the preferences' bind lines (p may be NULL); an unknown command is a line in msgs. */
void ui_keys_configure(struct ui_keys *k, const struct prefs *p, struct buf *msgs);
/* The fewest cells of help text per line for ui_keys_describe to wrap it. */
#define UI_KEYS_WRAP_MIN 20
/*
 * Append one line per command that has keys: its keys (runs of three or
 * more consecutive characters as "1-9"), what it does and its bind name.
 * With width (cells, 0: no limit) the text after the keys wraps under its
 * own column, so that the bind name is always whole (when at least
 * UI_KEYS_WRAP_MIN cells are left for it).
 */
void ui_keys_describe(const struct ui_keys *k, size_t width, struct buf *out);
/* Append the names of the keys bound to c ("U, ]"); nothing when none is. */
void ui_keys_names(const struct ui_keys *k, enum ui_cmd c, struct buf *out);
/* Handle one key; returns UI_ACT_* flags. */
unsigned ui_keys_handle(struct ui_state *st, int key);

#endif
