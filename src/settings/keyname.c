/* settings/keyname.c: key names, parsed and printed (see settings/keyname.h). */
#include "settings/keyname.h"

#include <stdint.h>
#include <string.h>

#include "text/text.h"

/* The named keys: the code, its "bind" name (NULL: not bindable), its shown name. */
static const struct {
	int key;
	const char *bind, *shown;
} names[] = {
	{ KEYNAME_UP, "Up", "Up" }, { KEYNAME_DOWN, "Down", "Down" },
	{ KEYNAME_LEFT, "Left", "Left" }, { KEYNAME_RIGHT, "Right", "Right" },
	{ KEYNAME_PGUP, "PgUp", "PgUp" }, { KEYNAME_PGDN, "PgDn", "PgDn" },
	{ KEYNAME_HOME, "Home", "Home" }, { KEYNAME_END, "End", "End" },
	{ '\t', "Tab", "Tab" }, { KEYNAME_BTAB, "S-Tab", "Shift-Tab" },
	{ KEYNAME_ENTER, "Enter", "Enter" }, { KEYNAME_ESC, "Esc", "Esc" },
	{ ' ', "Space", "Space" }, { KEYNAME_BACKSPACE, "Backspace", "Backspace" },
	{ KEYNAME_DELETE, "Delete", "Delete" }, { KEYNAME_INSERT, "Insert", "Insert" },
	{ KEYNAME_RESIZE, NULL, "Resize" }, { KEYNAME_MOUSE, NULL, "Mouse" },
	{ KEYNAME_PASTE, NULL, "Paste" },
};

#define NNAMES (sizeof names / sizeof names[0])

/* F1 to F12: the key, or -1. */
static int
parse_fkey(const char *name, size_t n)
{
	if (n < 2 || n > 3 || name[0] != 'F' || name[1] < '1' || name[1] > '9')
		return -1;
	if (n == 2)
		return KEYNAME_F1 + (name[1] - '1');
	if (name[2] < '0' || name[2] > '9')
		return -1;
	n = (size_t)(name[1] - '0') * 10 + (size_t)(name[2] - '0');
	return n <= 12 ? KEYNAME_F1 + (int)n - 1 : -1;
}

/* C-x: a control key (a letter of either case, or @ [ \ ] ^ _), or -1. */
static int
parse_ctrl(const char *name, size_t n)
{
	char c;

	if (n != 3 || name[0] != 'C' || name[1] != '-')
		return -1;
	c = name[2];
	if ((c >= 'a' && c <= 'z') || (c >= '@' && c <= '_'))
		return KEYNAME_CTRL(c);
	return -1;
}

/* True when cp is a printable character that can be a key of its own. */
static int
printable(int32_t cp)
{
	return cp > 0x20 && cp != 0x7f && cp < 0x110000 && (cp < 0xD800 || cp > 0xDFFF) &&
	    !text_is_stripped(cp);
}

/* Parse a "bind" key name. */
int
keyname_parse(const char *name)
{
	size_t i, n = strlen(name);
	int32_t cp;
	int key;

	for (i = 0; i < NNAMES; i++)
		if (names[i].bind && strcmp(name, names[i].bind) == 0)
			return names[i].key;
	if ((key = parse_fkey(name, n)) >= 0 || (key = parse_ctrl(name, n)) >= 0)
		return key;
	if (n == 0)
		return -1;
	i = 0;
	cp = text_decode(name, n, &i);
	/* U+FFFD is what invalid UTF-8 decodes to: never a key name */
	return i == n && cp != 0xFFFD && printable(cp) ? cp : -1;
}

/* Append the name of a control key (0x00-0x1f). */
static void
print_ctrl(struct buf *out, int key, enum keyname_style style)
{
	if (style == KEYNAME_SHOWN)
		buf_printf(out, "Ctrl-%c", key + '@');
	else if (key >= 1 && key <= 26)
		buf_printf(out, "C-%c", key + '`');
	else
		buf_printf(out, "C-%c", key + '@');
}

/* Append a key's name. */
void
keyname_print(struct buf *out, int key, enum keyname_style style)
{
	size_t i;

	for (i = 0; i < NNAMES; i++)
		if (names[i].key == key) {
			const char *s = style == KEYNAME_SHOWN ? names[i].shown : names[i].bind;

			if (s == NULL)
				break;
			buf_puts(out, s);
			return;
		}
	if (i == NNAMES && key >= KEYNAME_F1 && key < KEYNAME_F1 + 12)
		buf_printf(out, "F%d", key - KEYNAME_F1 + 1);
	else if (i == NNAMES && key >= 0 && key < 0x20)
		print_ctrl(out, key, style);
	else if (i == NNAMES && printable(key))
		text_encode(out, key);
	else
		buf_printf(out, "<%d>", key);
}
