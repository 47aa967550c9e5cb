/* ui/act.h: actions, from the commands that ask for them to carrying them out.
 *
 * Handlers return UI_ACT_* flags; those that need the world outside the
 * state (a browser, the clipboard, a file, the inputs) leave a request in
 * the state's struct ui_request and return a flag.  ui_act_run carries the
 * flags out in the reader's loop: it starts browsers (posix_spawnp through
 * launch/launch.h, never a shell), writes OSC 52, exports the list into a
 * new file (the tagged papers when some are tagged, ui/tags.h; named at a
 * prompt), starts reading the inputs again (ui/load.h) and a fetch; a
 * launcher that keeps running is reaped
 * by ui_act_reap when SIGCHLD arrives.  No curses.
 */
#ifndef PB_UI_ACT_H
#define PB_UI_ACT_H

#include <stddef.h>
#include <sys/types.h>

#include "base/buf.h"
#include "launch/launch.h"

/* Action flags returned by handlers. */
enum {
	UI_ACT_NONE = 0,
	UI_ACT_REDRAW = 1 << 0,		/* draw again */
	UI_ACT_QUIT = 1 << 1,		/* leave the reader */
	UI_ACT_RELOAD = 1 << 2,		/* re-read the inputs in the background (ui/load.h) */
	UI_ACT_REPAINT = 1 << 3,	/* clear the terminal and repaint everything */
	UI_ACT_OPEN = 1 << 4,		/* open req.target (browser, or clipboard over SSH) */
	UI_ACT_COPY = 1 << 5,		/* copy req.target to the clipboard (OSC 52) */
	UI_ACT_EXPORT = 1 << 6,		/* write the list as req.export_fmt into a new file */
	UI_ACT_FETCH = 1 << 7,		/* start a fetch in the background (ui/fetch.h) */
	UI_ACT_OPEN_MANY = 1 << 8,	/* open req.urls (browser, or clipboard over SSH) */
};

struct link;
struct lib;
struct prefs;
struct ui_fetcher;
struct ui_loader;
struct ui_state;
struct ui_term;

/* What the handlers ask for; part of struct ui_state, owned by act.c. */
struct ui_request {
	const struct link *target;	/* the link UI_ACT_OPEN / UI_ACT_COPY act on */
	int export_fmt;			/* enum export_fmt picked at the export prompt, or -1 */
	struct buf export_name;		/* the file name accepted at the name prompt */
	char **urls;			/* the pages UI_ACT_OPEN_MANY opens, owned */
	size_t nurls, aurls;
};

/* What carrying out actions needs (the loop's, not the state's). */
struct ui_act {
	struct ui_term *t;		/* NULL: no terminal (OSC 52 is only logged) */
	struct launch_opts lo;
	struct ui_loader *loader;	/* reads the inputs again */
	struct ui_fetcher *fetcher;	/* NULL: fetching is not available */
	pid_t *kids;			/* launchers still running */
	size_t nkids, akids;
	int repaint;			/* a text-mode browser had the terminal */
};

/* No request yet: no link, no export format (free with ui_act_request_free). */
void ui_act_request_init(struct ui_request *r);
/* Free the request's buffers. */
void ui_act_request_free(struct ui_request *r);
/* Forget the request of the last key (before each key); frees req.urls. */
void ui_act_clear(struct ui_state *st);

/* Handlers (see ui/cmd.h). */
unsigned ui_act_open_num(struct ui_state *st);
unsigned ui_act_open_arxiv(struct ui_state *st);
unsigned ui_act_copy(struct ui_state *st);
unsigned ui_act_export(struct ui_state *st);
unsigned ui_act_reload(struct ui_state *st);
unsigned ui_act_redraw(struct ui_state *st);
unsigned ui_act_quit(struct ui_state *st);
/* Enter on the Links pane: open the selected link. */
unsigned ui_act_open_link(struct ui_state *st);
/*
 * A key at the export prompt: b, m or j picks the format and asks for the
 * file name, the generated one typed in already; anything else cancels.
 */
unsigned ui_act_export_key(struct ui_state *st, int key);
/*
 * A key at the file name prompt: a character is typed, Backspace and
 * Ctrl-U edit, Enter writes the file (UI_ACT_EXPORT; an existing file is
 * never replaced), Esc cancels and writes nothing.
 */
unsigned ui_act_export_name_key(struct ui_state *st, int key);

/*
 * Start with the environment's link facts and the preferences' defaults
 * (launch_opts_init) until ui_act_configure; t may be NULL.
 */
void ui_act_init(struct ui_act *a, struct ui_term *t);
/*
 * Use the preferences' link options (p->launch: browser, open, osc8 and
 * the environment's facts, resolved by settings/prefs.h); NULL keeps them.
 */
void ui_act_configure(struct ui_act *a, const struct prefs *p);
/* Carry out the flags a handler returned; 1 means quit. */
int ui_act_run(struct ui_act *a, struct ui_state *st, unsigned flags);
/* Reap launchers that have ended; UI_ACT_REDRAW when one failed (a message was set). */
unsigned ui_act_reap(struct ui_act *a, struct ui_state *st);
/* Reap what has ended and free (launchers still running are left to run). */
void ui_act_free(struct ui_act *a, struct ui_state *st);

#endif
