/* settings/keyname.h: key codes and key names, the one parser and printer.
 *
 * A key is an int: a Unicode code point for an ordinary key (control keys
 * are C0 codes, KEYNAME_CTRL), or one of the KEYNAME_* codes above the
 * Unicode range for the special keys.  The terminal layer of the reader
 * translates what the terminal sends into these codes; the settings'
 * "bind KEY COMMAND" lines name them.
 *
 * Names as written in the settings ("bind" names): a single printable
 * character ("j", "?", a Hangul syllable), C-x for a control key (x a
 * letter of either case, which is the same key, or one of @ [ \ ] ^ _),
 * F1 to F12, and Up Down Left Right PgUp PgDn Home End Tab S-Tab Enter Esc
 * Space Backspace Delete Insert.  Names as shown to the user (the help
 * screen, --help, messages) are the same but Ctrl-X and Shift-Tab.
 * Pure functions, no state.
 */
#ifndef PB_KEYNAME_H
#define PB_KEYNAME_H

#include "base/buf.h"

/* Special keys, above the Unicode range. */
enum {
	KEYNAME_ESC = 27,
	KEYNAME_UP = 0x110001,
	KEYNAME_DOWN,
	KEYNAME_LEFT,
	KEYNAME_RIGHT,
	KEYNAME_PGUP,
	KEYNAME_PGDN,
	KEYNAME_HOME,
	KEYNAME_END,
	KEYNAME_BTAB,
	KEYNAME_ENTER,
	KEYNAME_RESIZE,		/* the terminal changed size (not bindable) */
	KEYNAME_BACKSPACE,
	KEYNAME_DELETE,
	KEYNAME_INSERT,
	KEYNAME_F1,		/* F1 .. F12 follow */
	KEYNAME_MOUSE = KEYNAME_F1 + 12,	/* a mouse event (not bindable) */
	KEYNAME_PASTE,		/* a bracketed paste begins (not bindable) */
};

/* The control key of letter or symbol c ('d' gives Ctrl-D, 0x04). */
#define KEYNAME_CTRL(c) ((c) & 0x1f)

/* How keyname_print writes a key. */
enum keyname_style {
	KEYNAME_SHOWN,		/* for people: "Ctrl-D", "Shift-Tab", "PgDn" */
	KEYNAME_BIND,		/* as "bind" takes it: "C-d", "S-Tab", "PgDn" */
};

/* The key a "bind" name stands for, or -1 when name is not a key name. */
int keyname_parse(const char *name);
/*
 * Append the name of key to out in the given style.  A key that has no
 * name (a code no terminal sends) is written "<N>".  For every key
 * keyname_parse accepts, keyname_parse of the KEYNAME_BIND name gives the
 * key back.
 */
void keyname_print(struct buf *out, int key, enum keyname_style style);

#endif
