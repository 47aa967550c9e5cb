/* settings/settings.h: the settings file.
 *
 * $PAPERBOY_CONFIG, else $XDG_CONFIG_HOME/paperboy/config, else
 * ~/.config/paperboy/config.  A text file of lines:
 *
 *     # a comment
 *     NAME = VALUE        # a comment
 *     bind KEY COMMAND    # a comment
 *     source NAME URL-TEMPLATE|off|on    (fetch/sources.h)
 *
 * A '#' at the start of a line or after a space or tab starts a comment
 * that runs to the end of the line; a '#' inside a word stays ("a#b",
 * "https://x/#frag").  The key of a bind line is never a comment
 * ("bind # help" binds '#').
 * with no sections (colours are named color.ELEMENT).  A later line
 * overrides an earlier one, except library (each adds a path) and bind
 * (each binds one key, a later bind of the same key replacing it).  The
 * settings, their values and defaults are listed in assets/config.example.
 *
 * Each line that cannot be used (bad syntax, unknown name, bad value,
 * unknown colour or key name) becomes a message (a text/diag.h diagnostic
 * of level DIAG_PLAIN, shown "FILE:LINE: reason") and is ignored; the rest
 * of the file and the defaults still apply.  Nothing here prints.  A
 * settings path that is not a regular file (a FIFO, a device) or is
 * larger than 1 MB is reported and not read; /dev/null means no settings.
 *
 * These are the file's values only: how they combine with the defaults,
 * the environment and the command line is decided in settings/prefs.h,
 * which the rest of the program reads.
 */
#ifndef PB_CONFIG_H
#define PB_CONFIG_H

#include <stddef.h>

#include "base/buf.h"
#include "fetch/sources.h"
#include "launch/launch.h"
#include "text/diag.h"

enum settings_mark_read {
	SETTINGS_MARK_DELAY,	/* read once the summary has been shown mark-read-delay ms */
	SETTINGS_MARK_OPEN,	/* read as soon as the summary is shown */
	SETTINGS_MARK_MANUAL,	/* only by hand */
};

enum settings_theme { SETTINGS_THEME_DEFAULT, SETTINGS_THEME_MONOCHROME };

/* line-graphics: how pane borders are drawn (tig's line-graphics, neomutt's ascii_chars). */
enum settings_line_graphics {
	SETTINGS_LINES_DEFAULT,	/* the terminal's line drawing, as curses chooses it */
	SETTINGS_LINES_ASCII,	/* - | + (and = for the focused pane): for terminals that draw boxes badly */
	SETTINGS_LINES_UTF8,	/* the Unicode box drawing characters */
};

/* Screen elements that can be coloured (color.NAME). */
enum settings_elem {
	SETTINGS_EL_NORMAL,	/* normal */
	SETTINGS_EL_BORDER,	/* border */
	SETTINGS_EL_TITLE,	/* title: a pane's name */
	SETTINGS_EL_TITLE_FOCUS,	/* title-focus: the focused pane's name */
	SETTINGS_EL_SELECTED,	/* selected: the selected row */
	SETTINGS_EL_UNREAD,	/* unread: an unread paper */
	SETTINGS_EL_STAR,		/* star: the star mark */
	SETTINGS_EL_HEADING,	/* heading: titles and labels in the summary */
	SETTINGS_EL_LINK,		/* link */
	SETTINGS_EL_STATUS,	/* status: the status line */
	SETTINGS_EL_MATCH,	/* match: a search match */
	SETTINGS_NELEMS
};

/* Attributes of a colour (bit flags). */
enum {
	SETTINGS_ATTR_BOLD = 1 << 0,
	SETTINGS_ATTR_DIM = 1 << 1,
	SETTINGS_ATTR_ITALIC = 1 << 2,
	SETTINGS_ATTR_UNDERLINE = 1 << 3,
	SETTINGS_ATTR_REVERSE = 1 << 4,
	SETTINGS_ATTR_BLINK = 1 << 5,
};

/* A colour: fg and bg are 0-255, or -1 for the terminal's default. */
struct settings_color {
	int fg, bg;
	unsigned attrs;
};

/* A key binding: the key as written and parsed (settings/keyname.h), the command by name. */
struct settings_binding {
	const char *key;	/* "j", "C-d", "PgDn", "S-Tab", "F5", ... */
	int code;		/* the key it names (keyname_parse) */
	const char *cmd;	/* "down", "quit", ... (syntax checked only; see settings_check_commands) */
	const char *file;	/* where the bind line is: the settings file ... */
	size_t line;		/* ... and its line */
};

struct settings;

/*
 * Append the default path to out: $PAPERBOY_CONFIG, else
 * $XDG_CONFIG_HOME/paperboy/config, else $HOME/.config/paperboy/config.
 * Returns -1 (nothing appended) when none is set.
 */
int settings_default_path(struct buf *out);
/* The defaults (caller frees with settings_free). */
struct settings *settings_defaults(void);
/*
 * The defaults, then the file at path (NULL: the default path).  A
 * missing file is not an error when path is NULL.  Never NULL; caller
 * frees with settings_free.
 */
struct settings *settings_load(const char *path);
/* Apply the text data[0..len) as a file called name; returns the number of lines rejected. */
size_t settings_parse(struct settings *c, const char *name, const char *data, size_t len);
/* Free the settings. */
void settings_free(struct settings *c);

/* lang: language codes in order of preference ("ko,en"), or NULL when not set. */
const char *settings_lang(const struct settings *c);
/* browser: a $BROWSER-style command, or NULL when not set. */
const char *settings_browser(const struct settings *c);
/* link-mode: auto, open (LAUNCH_OPEN_BROWSER) or copy (default auto). */
enum launch_open settings_link_mode(const struct settings *c);
/* osc8: mark links as OSC 8 hyperlinks (default yes). */
int settings_osc8(const struct settings *c);
/* mark-read (default delay). */
enum settings_mark_read settings_mark_read(const struct settings *c);
/* mark-read-delay in milliseconds (default 1000). */
long settings_mark_read_delay(const struct settings *c);
/* theme (default default). */
enum settings_theme settings_theme(const struct settings *c);
/*
 * The colour of an element in theme: the file's color.ELEMENT, else the
 * theme's (no fg/bg when monochrome).
 */
struct settings_color settings_theme_color(const struct settings *c, enum settings_elem e,
    enum settings_theme theme);
/* The colour of an element in the file's theme (settings_theme_color with settings_theme). */
struct settings_color settings_color(const struct settings *c, enum settings_elem e);
/* Name of an element ("title-focus"). */
const char *settings_elem_name(enum settings_elem e);
/* max-file-size: inputs larger than this are skipped (bytes; "64M", "1G" in the file; default 64 MB). */
unsigned long long settings_max_file_size(const struct settings *c);
/* mouse: clicks and the wheel (default yes). */
int settings_mouse(const struct settings *c);
/* library paths, in file order (~/ expanded). */
size_t settings_nlibraries(const struct settings *c);
const char *settings_library(const struct settings *c, size_t i);
/* The sources: the built-in table with the file's source lines applied. */
const struct sources *settings_sources(const struct settings *c);
/* ca-file: extra CAs for fetching (~/ expanded), or NULL. */
const char *settings_ca_file(const struct settings *c);
/* fetch-on-start: the reader fetches when it starts (default no). */
int settings_fetch_on_start(const struct settings *c);
/* line-graphics (default default). */
enum settings_line_graphics settings_line_graphics(const struct settings *c);
/* A line-graphics value ("default", "ascii", "utf-8"), or -1 when it is none. */
int settings_line_graphics_parse(const char *v);
/* Key bindings, in file order, one per key (a later bind of a key replaces the earlier one in place). */
size_t settings_nbindings(const struct settings *c);
const struct settings_binding *settings_binding(const struct settings *c, size_t i);
/*
 * Check the bound command names with known (the reader's command table,
 * which this layer cannot include): each bind whose command it rejects
 * becomes a "FILE:LINE: unknown command" message and is dropped.
 * Returns how many were dropped.
 */
size_t settings_check_commands(struct settings *c, int (*known)(const char *cmd));
/* Messages, in order; settings_msg(c, i) is diag_line(settings_diags(c), i) ("FILE:LINE: reason"). */
const struct diag_list *settings_diags(const struct settings *c);
size_t settings_nmsgs(const struct settings *c);
const char *settings_msg(const struct settings *c, size_t i);

#endif
