/* cli/load.h: what a run reads (cli/load.c).
 *
 * load_run reads every path of the options through the library store
 * (synced first) unless --no-store, or by parsing when the store cannot
 * be used (a one-line message says why).  struct loaded holds either the
 * ingester's files and messages or the store's report of them; load_free
 * frees it (the library too, unless the caller took it).
 */
#ifndef PB_CLI_LOAD_H
#define PB_CLI_LOAD_H

#include <stdatomic.h>
#include <stdio.h>

#include "cli/opts.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "store/store.h"
#include "text/diag.h"

/* What a run read: the library and the files and messages, parsed or from the store. */
struct loaded {
	struct lib *lib;		/* NULL for --check from the store */
	struct ingest *ing;		/* when parsed */
	struct store_report rep;	/* when read from the store */
	int from_store;
	int rc;				/* -1 when something named could not be read */
	struct store_stats stats;	/* what the store's sync did, when from the store */
	struct store *store;		/* a first build still writing (store_set_early), or NULL */
};

/* How a load goes (load_run); all zero: as the command line loads. */
struct load_how {
	const struct store_progress *prog;	/* follows the sync, or NULL */
	int built_only;				/* see load_store */
	struct buf *note;			/* the store's problem when there is no FILE, or NULL */
	struct store **keep;			/* gets the store when up to date (caller closes), or NULL */
	/* after a sync that changed the store, before anything is parsed (may be NULL) */
	void (*synced)(void *arg, struct store *s);
	void *arg;
	/*
	 * With keep (may be NULL): when the store is up to date, read a
	 * window on it (store_lib_window: light, every day with its count,
	 * the newest day's papers) whose other days and whose papers' text
	 * the reader reads from the store as it shows them, through a second
	 * connection put here (caller closes); the problems come from the
	 * store's report (failing the window, the whole light library parsed)
	 */
	struct store **light;
	/* without keep: a first build writes while the caller prints (store_set_early; l->store) */
	int early;
};


/* Read every path into l as how says; problems with the store go to f (or how->note when f is NULL). */
void load_run(const struct opts *o, struct loaded *l, FILE *f, const struct load_how *how);
/* Read every path into l as the command line does (a first build writes while the caller prints). */
void load_plain(const struct opts *o, struct loaded *l, FILE *f);
/* Wait for a first build still writing the store; a note on f when it could not. */
void load_settle(struct loaded *l, FILE *f);
/* Free what a load gave. */
void load_free(struct loaded *l);
/* Number of files read. */
size_t load_nfiles(const struct loaded *l);
/* File i. */
const struct ingest_file *load_file(const struct loaded *l, size_t i);
/* The messages about the files, in file order (a file's: first_msg, nmsgs). */
const struct diag_list *load_diags(const struct loaded *l);
/*
 * The newest day's papers in store s, merged in full, as a library
 * (caller frees), or NULL: what the reader shows as soon as a sync
 * changed the store.
 */
struct lib *load_newest_day(struct store *s);
/* Open the store named by --store, else the default one (a rebuild noted on f); NULL with the reason in msg. */
struct store *load_open_store(const struct opts *o, struct buf *msg, FILE *f);

#endif
