/* settings/prefs.h: the preferences, resolved once, read by everyone.
 *
 * prefs_resolve is the one place where a preference's value is decided.
 * It applies, lowest first:
 *
 *     the defaults < the settings file < the environment < the command line
 *
 * with the exceptions the README documents: the browser setting beats
 * $BROWSER (the environment only fills in when the file is silent), and
 * NO_COLOR forces the monochrome theme whatever the file says.  The
 * environment is read only here (or through a caller's fake one, for
 * tests); the consumers (src/cli/, the reader's state, keys and marks, the
 * terminal's theme, launching, fetching, ingest's size limit) take a
 * const struct prefs * and read its fields directly.
 *
 * Per preference (environment variables count when set and not empty):
 *
 *     lang            --lang, else lang, else NULL (the library's order)
 *     launch.browser  browser, else $BROWSER, else NULL (xdg-open / open)
 *     launch.open     PAPERBOY_OPEN (copy, browser; any other value: auto),
 *                     else link-mode (default auto)
 *     launch.osc8     PAPERBOY_OSC8 (0, no, off: off; else on), else off
 *                     when TERM is empty, dumb or linux, else osc8 (default yes)
 *     launch.*        the rest of launch_opts_init: SSH, multiplexer, PATH, ...
 *     mark_read, mark_read_delay, mouse, fetch_on_start, max_file_size,
 *     sources, bindings: the file's, else the defaults (settings/settings.h)
 *     theme, colors   NO_COLOR: monochrome, else theme; colors[] are the
 *                     theme's with the file's color.ELEMENT lines
 *     libraries       the library settings, none when PAPERBOY_LIBRARY is set
 *     library_dir     PAPERBOY_LIBRARY, else the first library, else
 *                     $XDG_DATA_HOME/paperboy/library, else
 *                     $HOME/.local/share/paperboy/library, else NULL
 *     ca_file         PAPERBOY_CA_FILE, else ca-file, else NULL
 *     line_graphics   PAPERBOY_LINE_GRAPHICS (default, ascii, utf-8; any
 *                     other value is ignored), else line-graphics
 *                     (default default)
 *     state_path      the read and starred marks: PAPERBOY_STATE, else
 *                     $XDG_STATE_HOME/paperboy/state, else
 *                     $HOME/.local/state/paperboy/state, else NULL
 *
 * A new setting is one field here, its line in prefs_resolve, and (when
 * the file names it) its parsing in settings.c.
 *
 * Ownership: struct prefs is the caller's (on its stack, say).  Its
 * strings and tables point into the settings, the environment and the
 * arguments given to prefs_resolve, which must outlive it; what
 * prefs_resolve allocates (library_dir, state_path, the libraries and
 * bindings arrays) is freed by prefs_free.  After prefs_resolve the struct is
 * read-only: consumers take it const.
 */
#ifndef PB_PREFS_H
#define PB_PREFS_H

#include <stddef.h>

#include "fetch/sources.h"
#include "launch/launch.h"
#include "settings/settings.h"

/* The environment: get(arg, NAME) is NAME's value, NULL when unset. */
struct prefs_env {
	launch_getenv_fn *get;
	void *arg;
};

/* What the command line says (NULL: not given). */
struct prefs_args {
	const char *lang;		/* --lang, checked by the caller */
};

struct prefs {
	const char *lang;			/* summary languages in order ("ko,en"), or NULL */
	struct launch_opts launch;		/* link options: browser, open, osc8 and the environment's facts */
	enum settings_mark_read mark_read;
	long mark_read_delay;			/* milliseconds */
	int mouse;
	enum settings_theme theme;		/* the theme in use (NO_COLOR: monochrome) */
	struct settings_color colors[SETTINGS_NELEMS];	/* each element's colour in that theme */
	const struct settings_binding *bindings;	/* in file order, one per key */
	size_t nbindings;
	unsigned long long max_file_size;	/* larger inputs are skipped (bytes) */
	const char *const *libraries;		/* library settings read when no PATH is given */
	size_t nlibraries;
	const char *library_dir;		/* fetched into, and read when there are no libraries; or NULL */
	const struct sources *sources;		/* built-in and source lines */
	const char *ca_file;			/* extra CAs for fetching, or NULL */
	int fetch_on_start;
	enum settings_line_graphics line_graphics;	/* how pane borders are drawn */
	const char *state_path;			/* the marks file (marks/marks.h), or NULL */
	struct settings *own;			/* private: the defaults, when no file was given */
};

/*
 * Resolve the preferences into out: the defaults, then file (NULL: no
 * settings file), then env (NULL: the process environment), then args
 * (NULL: nothing on the command line).  The caller frees with prefs_free.
 */
void prefs_resolve(struct prefs *out, const struct settings *file, const struct prefs_env *env,
    const struct prefs_args *args);
/* Free what prefs_resolve allocated (not the settings, environment or arguments it points into). */
void prefs_free(struct prefs *p);

#endif
