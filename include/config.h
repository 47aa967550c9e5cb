/* config.h: the settings file.
 *
 * $PAPERBOY_CONFIG, else $XDG_CONFIG_HOME/paperboy/config, else
 * ~/.config/paperboy/config.  A text file of lines:
 *
 *     # a comment (only at the start of a line)
 *     NAME = VALUE
 *     bind KEY COMMAND
 *
 * with no sections (colours are named color.ELEMENT).  A later line
 * overrides an earlier one, except library (each adds a path) and bind
 * (each binds one key, a later bind of the same key replacing it).  The
 * settings, their values and defaults are listed in assets/config.example.
 *
 * Each line that cannot be used (bad syntax, unknown name, bad value,
 * unknown colour or key name) becomes a message "FILE:LINE: reason" and is
 * ignored; the rest of the file and the defaults still apply.  Nothing
 * here prints.  NO_COLOR in the environment (set and not empty) forces
 * the monochrome theme.
 */
#ifndef PB_CONFIG_H
#define PB_CONFIG_H

#include <stddef.h>

#include "buf.h"

enum config_link_mode {
	CONFIG_LINK_AUTO,	/* copy over SSH, else open */
	CONFIG_LINK_OPEN,	/* run the browser */
	CONFIG_LINK_COPY,	/* copy to the clipboard (OSC 52) */
};

enum config_mark_read {
	CONFIG_MARK_DELAY,	/* read once the summary has been shown mark-read-delay ms */
	CONFIG_MARK_OPEN,	/* read as soon as the summary is shown */
	CONFIG_MARK_MANUAL,	/* only by hand */
};

enum config_theme { CONFIG_THEME_DEFAULT, CONFIG_THEME_MONOCHROME };

/* Screen elements that can be coloured (color.NAME). */
enum config_elem {
	CONFIG_EL_NORMAL,	/* normal */
	CONFIG_EL_BORDER,	/* border */
	CONFIG_EL_TITLE,	/* title: a pane's name */
	CONFIG_EL_TITLE_FOCUS,	/* title-focus: the focused pane's name */
	CONFIG_EL_SELECTED,	/* selected: the selected row */
	CONFIG_EL_UNREAD,	/* unread: an unread paper */
	CONFIG_EL_STAR,		/* star: the star mark */
	CONFIG_EL_HEADING,	/* heading: titles and labels in the summary */
	CONFIG_EL_LINK,		/* link */
	CONFIG_EL_STATUS,	/* status: the status line */
	CONFIG_EL_MATCH,	/* match: a search match */
	CONFIG_NELEMS
};

/* Attributes of a colour (bit flags). */
enum {
	CONFIG_ATTR_BOLD = 1 << 0,
	CONFIG_ATTR_DIM = 1 << 1,
	CONFIG_ATTR_ITALIC = 1 << 2,
	CONFIG_ATTR_UNDERLINE = 1 << 3,
	CONFIG_ATTR_REVERSE = 1 << 4,
	CONFIG_ATTR_BLINK = 1 << 5,
};

/* A colour: fg and bg are 0-255, or -1 for the terminal's default. */
struct config_color {
	int fg, bg;
	unsigned attrs;
};

/* A key binding as written: the UI resolves the names. */
struct config_binding {
	const char *key;	/* "j", "C-d", "PgDn", "S-Tab", "F5", ... */
	const char *cmd;	/* "down", "quit", ... (syntax checked only) */
};

struct config;

/*
 * Append the default path to out: $PAPERBOY_CONFIG, else
 * $XDG_CONFIG_HOME/paperboy/config, else $HOME/.config/paperboy/config.
 * Returns -1 (nothing appended) when none is set.
 */
int config_default_path(struct buf *out);
/* The defaults, with NO_COLOR looked up now (caller frees with config_free). */
struct config *config_defaults(void);
/*
 * The defaults, then the file at path (NULL: the default path).  A
 * missing file is not an error when path is NULL.  Never NULL; caller
 * frees with config_free.
 */
struct config *config_load(const char *path);
/* Apply the text data[0..len) as a file called name; returns the number of lines rejected. */
size_t config_parse(struct config *c, const char *name, const char *data, size_t len);
/* Free the settings. */
void config_free(struct config *c);

/* lang: "en" or "ko", or NULL when not set. */
const char *config_lang(const struct config *c);
/* browser: a $BROWSER-style command, or NULL when not set. */
const char *config_browser(const struct config *c);
/* link-mode (default auto). */
enum config_link_mode config_link_mode(const struct config *c);
/* osc8: mark links as OSC 8 hyperlinks (default yes). */
int config_osc8(const struct config *c);
/* mark-read (default delay). */
enum config_mark_read config_mark_read(const struct config *c);
/* mark-read-delay in milliseconds (default 1000). */
long config_mark_read_delay(const struct config *c);
/* theme, monochrome when NO_COLOR is set. */
enum config_theme config_theme(const struct config *c);
/* The colour of an element in the theme in use (no fg/bg when monochrome). */
struct config_color config_color(const struct config *c, enum config_elem e);
/* Name of an element ("title-focus"). */
const char *config_elem_name(enum config_elem e);
/* mouse: clicks and the wheel (default yes). */
int config_mouse(const struct config *c);
/* library paths, in file order (~/ expanded). */
size_t config_nlibraries(const struct config *c);
const char *config_library(const struct config *c, size_t i);
/* Key bindings, in file order, one per key. */
size_t config_nbindings(const struct config *c);
const struct config_binding *config_binding(const struct config *c, size_t i);
/* True when name is a valid key name for bind. */
int config_key_name_valid(const char *name);
/* Messages ("FILE:LINE: reason"), in order. */
size_t config_nmsgs(const struct config *c);
const char *config_msg(const struct config *c, size_t i);

#endif
