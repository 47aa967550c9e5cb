/* ui/ui.h: the interactive reader (main.c's way in; the rest of ui/ is its parts). */
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
	const char *libdir;	/* the library directory (paperboy fetch's), for an empty library; or NULL */
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
 * with options from the environment (launch_opts_init) and the settings:
 * a browser from $BROWSER, else xdg-open (open on macOS), started without
 * a shell; over SSH the URL is copied with OSC 52 instead.  A browser that
 * keeps running is reaped when SIGCHLD arrives.  R (and fetch-on-start)
 * fetch in the background through ui/fetch.h: the fetch's descriptor is
 * one more in the loop.
 */
int ui_run(struct lib *lib, const struct ui_opts *opts);

#endif
