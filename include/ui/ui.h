/* ui/ui.h: the interactive reader (cli/reader.c's way in; the rest of ui/ is its parts). */
#ifndef PB_UI_H
#define PB_UI_H

#include "base/buf.h"
#include "model/lib.h"
#include "ui/load.h"

struct marks;
struct prefs;
struct store;

struct ui_opts {
	/*
	 * Read the inputs, on a thread of the reader's (ui/load.h): at start
	 * when load_at_start is set, on r, and after a fetch.  NULL: reload
	 * is not available.
	 */
	ui_load_fn load;
	void *load_arg;
	ui_index_fn index;	/* after each load (ui/load.h), or NULL */
	int load_at_start;
	const char *status;	/* first status line message, or NULL */
	/*
	 * The Problems page (may be NULL): every problem with the settings,
	 * the marks and the inputs, as --check prints them, a line each; the
	 * caller's, which reload may rewrite.  When it is not empty, the
	 * status line's first message and reload's say the key that shows it.
	 */
	const struct buf *problems;
	/*
	 * Reading marks, loaded (may be NULL): the reader may set marks and
	 * call marks_save; the caller frees it after ui_run.
	 */
	struct marks *state;
	/*
	 * The preferences (settings/prefs.h; the caller's, read-only): the
	 * summary language, bindings, mark-read, mouse, theme, link options
	 * and fetching.  NULL: the defaults, and no fetching.
	 */
	const struct prefs *prefs;
	/*
	 * The library store a light library's papers are read from in full
	 * (store_lib_paper), or NULL; ui_run takes it and closes it.
	 */
	struct store *store;
};

/*
 * Run the reader on lib until the user quits.  Takes ownership of lib
 * (and of every library returned by reload) and frees them.  Returns the
 * process exit status: 0, or 1 when the terminal could not be used or
 * SIGTERM or SIGHUP ended the reader (the terminal is restored first).
 *
 * The loop (ui/loop.h) waits in poll() for keys, signals (SIGWINCH,
 * SIGCHLD, SIGTERM, SIGHUP) and the mark-read timer.  Links (o, y, Enter
 * and 1-9 in the Links pane) are opened or copied with launch/launch.h,
 * with the preferences' link options (prefs->launch): a browser from the
 * settings or $BROWSER, else xdg-open (open on macOS), started without
 * a shell; over SSH the URL is copied with OSC 52 instead.  A browser that
 * keeps running is reaped when SIGCHLD arrives.  R (and fetch-on-start)
 * fetch in the background through ui/fetch.h: the fetch's descriptor is
 * one more in the loop.  The inputs are read again in the background
 * (ui/load.h) at start (opts->load_at_start), on r and after a fetch; the
 * reader stays usable meanwhile and a new library keeps the selection.
 */
int ui_run(struct lib *lib, const struct ui_opts *opts);

#endif
