/* ui/fetch.h: fetching in the background from the reader (R, F, fetch-on-start; no curses).
 *
 * Two halves.  struct ui_fetch is the state's part: the progress shown on
 * the status line while a fetch runs, and the report of the last one,
 * which F shows in the help box.  struct ui_fetcher is the loop's side:
 * it starts a fetch (fetch/fetch.h) with the preferences' sources,
 * ca-file and library directory (settings/prefs.h), and registers the fetch's descriptor with the
 * loop (ui/loop.h).  The fetch thread does the network and writes the
 * files; its events are taken by a loop callback on the reader's thread,
 * the only one that touches the state.  When it ends, the status line
 * gives the total and the inputs are read again in the background
 * (ui/load.h, which keeps day, category and paper).
 */
#ifndef PB_UI_FETCH_H
#define PB_UI_FETCH_H

#include "base/buf.h"

/* The state's part, owned by fetch.c. */
struct ui_fetch {
	int running;			/* a fetch is running */
	struct buf activity;		/* its progress, for the status line ("" when none) */
	struct buf report;		/* the last fetch's lines: days, failures, total */
};

struct fetch;
struct report;
struct prefs;
struct ui_act;
struct ui_loop;
struct ui_state;

/* The loop's side. */
struct ui_fetcher {
	struct fetch *f;		/* the running fetch, or NULL */
	struct report *rep;		/* its report */
	struct ui_loop *loop;
	const struct prefs *prefs;	/* sources, ca-file, library directory; NULL: no fetching */
	struct ui_state *st;
	struct ui_act *act;		/* reloads when a fetch ends */
};

/* Free the part's buffers. */
void ui_fetch_free(struct ui_fetch *uf);

/* Handlers (see ui/cmd.h): R asks for a fetch, F shows the last report. */
unsigned ui_fetch_start(struct ui_state *st);
unsigned ui_fetch_show(struct ui_state *st);

/* Set up the loop's side (p may be NULL: fetching is not available). */
void ui_fetcher_init(struct ui_fetcher *fr, struct ui_loop *loop, const struct prefs *p,
    struct ui_state *st, struct ui_act *act);
/* Start a fetch unless one runs; says why not on the status line.  UI_ACT_* flags. */
unsigned ui_fetcher_begin(struct ui_fetcher *fr);
/* Stop a running fetch (what is not done is cancelled) and wait for its thread. */
void ui_fetcher_free(struct ui_fetcher *fr);

#endif
