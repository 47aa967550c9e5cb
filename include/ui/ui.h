/* ui/ui.h: the interactive reader. */
#ifndef PB_UI_H
#define PB_UI_H

#include "model/lib.h"

struct settings;
struct marks;

struct ui_opts {
	const char *lang;	/* summary language shown first ("en", "ko") or NULL */
	/*
	 * Re-read the inputs from disk: returns a new library (the reader
	 * takes ownership) or NULL, and sets *msg to a one-line message for
	 * the status line (static or owned by the callback's arg).
	 */
	struct lib *(*reload)(void *arg, const char **msg);
	void *reload_arg;
	const char *status;	/* first status line message, or NULL */
	/*
	 * Reading marks, loaded (may be NULL): the reader may set marks and
	 * call marks_save; the caller frees it after ui_run.
	 */
	struct marks *state;
	const struct settings *config;	/* settings (may be NULL: defaults); the caller's */
};

/*
 * Run the reader on lib until the user quits.  Takes ownership of lib
 * (and of every library returned by reload) and frees them.  Returns the
 * process exit status.
 *
 * With PAPERBOY_BENCH_KEYS=N in the environment it instead draws into a
 * 200x60 terminal on /dev/null, feeds N keystrokes (a mix of moves, focus
 * changes, paging and the language toggle) through the key
 * handler and the drawing code, prints the median and p99 time per key
 * to stderr and returns 0.
 *
 * Links (o, y, Enter and 1-9 in the Links pane) are opened or copied with
 * links.h, with options from the environment (launch_opts_init): a browser
 * from $BROWSER, else xdg-open (open on macOS), started without a shell;
 * over SSH the URL is copied with OSC 52 instead.
 */
int ui_run(struct lib *lib, const struct ui_opts *opts);

#endif
