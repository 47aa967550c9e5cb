/* ui/load.h: reading the library in the background (at start, r, after a fetch; no curses).
 *
 * Two halves, as in ui/fetch.h.  struct ui_load is the state's part: whether
 * a load runs, and its progress for the status line and the empty screen.
 * struct ui_loader is the loop's side: it runs the caller's load function
 * (ui_load_fn, cli/reader.c's: bring the store up to date and read it, or parse)
 * on a thread of its own.  The thread's progress and its result reach the
 * reader's thread through ui_loop_post, and only there is the state
 * touched: a new library replaces the shown one with ui_state_replace_lib,
 * which keeps the day, the category, the paper and the scroll.
 *
 * One load runs at a time; asking while one runs asks for one more after
 * it (a fetch that ends during a load must not be missed).  Leaving the
 * reader cancels a running load (ui_load_cancel_flag) and waits for it:
 * the store's sync is one transaction, so nothing is half written.
 */
#ifndef PB_UI_LOAD_H
#define PB_UI_LOAD_H

#include <stdatomic.h>
#include <stddef.h>

#include "base/buf.h"

struct lib;
struct store;
struct ui_loop;
struct ui_state;
struct ui_load_ctl;

/* The state's part, owned by load.c. */
struct ui_load {
	int running;			/* a load runs */
	size_t done, total;		/* its files read and to read (total 0: not known yet) */
	struct buf activity;		/* its progress for the status line ("" when none) */
};

/*
 * Read the inputs, on the loader's thread: touch nothing the reader's
 * thread may touch, except through arg, which only loads use, one at a
 * time.  Returns 1 with a new library in *lib (the reader takes it), 0
 * when nothing changed since the last load, -1 when nothing could be
 * read.  msg gets a line for the status line ("" for none).  ctl is for
 * ui_load_progress and ui_load_cancel_flag.
 */
typedef int (*ui_load_fn)(void *arg, struct ui_load_ctl *ctl, struct lib **lib, struct buf *msg);

/*
 * Where, in a load's msg, the reader puts " (! lists them)" with the key
 * bound to the Problems page (ui_help_problems_hint): sanitised text never
 * holds this byte.
 */
#define UI_LOAD_HINT "\001"

/* From the load's thread: done of total files read (the status line shows it). */
void ui_load_progress(struct ui_load_ctl *c, size_t done, size_t total);
/*
 * From the load's thread: show lib (the reader takes it), a part of the
 * library such as its newest day, until the load's result replaces it.
 */
void ui_load_preview(struct ui_load_ctl *c, struct lib *lib);
/*
 * From the load's thread: with a light library (lib_is_light), a
 * connection to the store its papers are read from in full, which the
 * reader takes with the library (ui_paper_set_store); NULL: none.
 */
void ui_load_detail(struct ui_load_ctl *c, struct store *s);
/*
 * From the load's thread: the Problems page to fill (every problem, a
 * line each, as --check prints them); a load that returns 1 replaces the
 * reader's page with it.
 */
struct buf *ui_load_problems(struct ui_load_ctl *c);
/*
 * From the load's thread: the flag that turns nonzero when the reader
 * leaves (and, once the library is the reader's, when it asks for another
 * load: the index function then stops soon).
 */
const atomic_int *ui_load_cancel_flag(struct ui_load_ctl *c);

struct index;

/*
 * After a load that did not fail, on the same thread once the reader has
 * taken its library lib (the reader's: read it, never free it; it stays
 * while this runs; NULL for a window on the library, lib_whole false,
 * which the reader may replace at once): make the library store's search index ready (stop
 * soon when the cancel flag turns nonzero) and hand the reader a
 * connection to the store in *store for its searches, and (may stay
 * NULL) a search over it bound to lib and warmed up in *ix (index_bind,
 * index_warm): both the reader's from then on.  Uses arg as the load does.
 */
typedef void (*ui_index_fn)(void *arg, struct ui_load_ctl *ctl, const struct lib *lib,
    struct store **store, struct index **ix);

/* The loop's side. */
struct ui_loader {
	struct ui_loop *loop;
	struct ui_state *st;
	ui_load_fn fn;			/* NULL: loading is not available */
	void *arg;
	struct ui_load_ctl *cur;	/* the running load, or NULL */
	int again;			/* asked for while one ran: one more after it */
	struct buf problems;		/* the Problems page (the state's help.problems points here) */
	struct buf note;		/* the status line's words when it ends ("": the load's) */
	unsigned said;			/* the state's nsaid when the load began: a message since stays */
	ui_index_fn index;		/* NULL: searches never use the store */
};

/* Free the part's buffer. */
void ui_load_free(struct ui_load *ul);

/*
 * Set up the loop's side (fn may be NULL: reload is not available), with
 * problems (may be NULL) as the Problems page until a load replaces it.
 */
void ui_loader_init(struct ui_loader *ld, struct ui_loop *loop, struct ui_state *st, ui_load_fn fn,
    void *arg, const struct buf *problems);
/* Run fn after each load (see ui_index_fn). */
void ui_loader_set_index(struct ui_loader *ld, ui_index_fn fn);
/*
 * Start a load, or ask for one more after the running one.  note (may be
 * NULL) is what the status line says when it has ended well, instead of
 * the load's own line (a fetch's summary).  UI_ACT_* flags.
 */
unsigned ui_loader_begin(struct ui_loader *ld, const char *note);
/* Cancel a running load and wait for its thread; what it read is dropped. */
void ui_loader_free(struct ui_loader *ld);

#endif
