/* store/store.h: the library store, a cache of the merged library in SQLite.
 *
 * The store is derived from the input files and nothing else: deleting it
 * loses nothing, the next run builds it again.  store_sync brings it up to
 * date with a set of paths (stat every input; read and hash only what
 * changed; merge again only the papers those files touch, with lib.c's
 * rules); the readers then load only what they show (store_days,
 * store_lib_day, store_lib_paper) or the whole library (store_lib).
 *
 * Every failure is a return value with a one-line, lowercase message
 * (subject quoted, no full stop) and never a crash: a store written by
 * another version, a damaged or foreign file is rebuilt by store_open; a
 * locked, read-only or full one makes the caller parse instead.  The store
 * uses WAL, so readers never wait for a writer, and every sync is one
 * transaction: a process killed at any moment leaves the old store or the
 * new one.  One struct store is used by one thread at a time.
 */
#ifndef PB_STORE_H
#define PB_STORE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "text/diag.h"

struct store;

/*
 * Append the default store path: $PAPERBOY_CACHE (a directory), else
 * $XDG_CACHE_HOME/paperboy, else ~/.cache/paperboy, then "library.db"
 * for the library (npaths == 0) or "paths-HASH.db" for paths given on the
 * command line (HASH of the paths and, when one is relative, the working
 * directory).  Returns 0, or -1 when no directory is known.
 */
int store_default_path(struct buf *out, char *const *paths, size_t npaths);
/*
 * Open the store at path, creating its directory and the file, or building
 * it anew when it is damaged, foreign or of another schema or parser
 * version (a note goes to msg).  NULL with a one-line reason in msg when it
 * cannot be used (caller parses instead).  Caller frees with store_close.
 */
struct store *store_open(const char *path, struct buf *msg);
/* Close the store. */
void store_close(struct store *s);

/*
 * Progress of a sync: fn (may be NULL) is called as each file to read is
 * begun, from the syncing thread.  A nonzero *cancel (may be NULL; set by
 * any thread) stops the sync early: it reads no more files, writes nothing
 * and returns -1 with "cancelled".
 */
struct store_progress {
	void (*fn)(void *arg, size_t done, size_t total);
	void *arg;
	const atomic_int *cancel;
};

/* What a sync did. */
struct store_stats {
	size_t files;		/* inputs listed */
	size_t read;		/* inputs read and parsed again */
	size_t removed;		/* inputs gone */
	size_t papers;		/* papers merged again */
	int built;		/* a first build: store_lib now costs nothing (it takes what the build merged) */
};

/*
 * Bring the store up to date with paths[0..npaths) (files or directories,
 * read as ingest_path reads them).  Returns 0, or -1 with a one-line
 * reason in msg (busy, full disk, read-only...), the store unchanged.
 * prog and stats may be NULL.
 */
int store_sync(struct store *s, char *const *paths, size_t npaths,
    const struct store_progress *prog, struct store_stats *stats, struct buf *msg);
/*
 * Skip files larger than max bytes from now on, as ingest_set_max_file_size
 * (default INGEST_MAX_FILE_SIZE).  A sync with another maximum than the
 * last one reads every input again.
 */
void store_set_max_file_size(struct store *s, unsigned long long max);
/*
 * True when the store's content is that of a sync of exactly these paths
 * (another process may have synced other paths since).
 */
int store_has_paths(struct store *s, char *const *paths, size_t npaths);

/*
 * Inputs and messages as the last sync read them, for --check and --dump:
 * the same as an ingester that read them gives (ingest_file, ingest_diags).
 */
struct store_report {
	struct ingest_file *files;	/* in reading order; first_msg and nmsgs index diags */
	size_t nfiles;
	struct diag_list diags;		/* the files' messages, in file order */
	size_t npapers;			/* merged papers */
	int failed;			/* a path named (not met in a directory) failed, as ingest_path's -1 */
	struct arena *a;		/* the paths */
};

/* Fill r (caller frees with store_report_free); -1 with msg on failure. */
int store_report(struct store *s, struct store_report *r, struct buf *msg);
/* Free what store_report filled. */
void store_report_free(struct store_report *r);

/* The whole library, merged and finished (caller frees); NULL with msg. */
struct lib *store_lib(struct store *s, struct buf *msg);

/*
 * The whole library (day NULL), light (lib_set_light: no summary text but
 * an untitled paper's, no authors, no links), read from the merged papers
 * without merging anything again: what a light parse of the inputs gives,
 * for a reader that reads each paper in full when it shows it
 * (store_lib_paper).  With a day label, that day's papers only, as
 * store_lib_day gives them but light.  Caller frees; NULL with msg.
 */
struct lib *store_lib_light(struct store *s, const char *day, struct buf *msg);

/*
 * A reader's part of the library: every day with its count
 * (lib_add_day_count) and the papers of day (NULL: the newest), light as
 * store_lib_light's.  Caller frees; NULL with msg.
 */
struct lib *store_lib_window(struct store *s, const char *day, struct buf *msg);
/*
 * store_lib_window, holding the papers of keys[0..n) too (the starred or
 * tagged papers of every day: a key the store does not have is left out).
 */
struct lib *store_lib_window_with(struct store *s, const char *day, const char *const *keys, size_t n,
    struct buf *msg);
/*
 * Append the label of the first day, in display order, of the paper with
 * this key ("undated" for the undated group: a library's label), where a
 * reader shows it: 1, 0 when the store has no such paper, -1 with msg.
 */
int store_paper_day(struct store *s, const char *key, struct buf *label, struct buf *msg);
/* How many of keys[0..n) the store's papers have (the starred papers of a window), or -1 with msg. */
long store_count_keys(struct store *s, const char *const *keys, size_t n, struct buf *msg);
/* Called with a day's label (NULL: the undated group) and the key of a paper on it. */
typedef void (*store_key_fn)(void *arg, const char *day, const char *key);
/*
 * Call fn for every paper of the days [first, first + n) in display order
 * (store_days' order, a window's day indices), a day's papers together:
 * the unread counts of the days a window shows but does not hold.  0, or
 * -1 with msg.
 */
int store_days_keys(struct store *s, size_t first, size_t n, store_key_fn fn, void *arg, struct buf *msg);
/* A day and how many papers it has. */
struct store_day {
	char *label;
	size_t npapers;
};

/*
 * The days in display order (dated newest first, then labels, then
 * undated) into *days (caller frees with store_days_free); returns how
 * many, or -1 with msg.
 */
long store_days(struct store *s, struct store_day **days, struct buf *msg);
/* Free what store_days returned. */
void store_days_free(struct store_day *days, size_t n);
/*
 * The first day in display order, the one the reader opens on, appended
 * to label without reading the others: 1, or 0 when there is none, or -1
 * with msg.
 */
int store_newest_day(struct store *s, struct buf *label, struct buf *msg);
/*
 * The papers of one day, merged and finished (caller frees); NULL with
 * msg.  A part of the library read alone (store_lib_day, store_lib_paper,
 * store_lib_keys, store_lib_light of a day) spells each category as the
 * whole library does (lib_finish: as most of all papers spell it), not
 * as its own papers would; each sync keeps those spellings.
 */
struct lib *store_lib_day(struct store *s, const char *label, struct buf *msg);
/* One paper in full by its key, as a library of one paper (caller frees); NULL with msg. */
struct lib *store_lib_paper(struct store *s, const char *key, struct buf *msg);
/*
 * The papers of keys[0..n) in full, as one library in display order
 * (caller frees; a key the store does not have is left out); NULL with msg.
 */
struct lib *store_lib_keys(struct store *s, const char *const *keys, size_t n, struct buf *msg);
/*
 * Keep little in memory from now on: a page cache of 2 MB instead of a
 * sync's 16, and what it held beyond that given back, and no library
 * merged by a first build (store_lib then reads it back): for a reader
 * that reads a paper at a time.
 */
void store_shrink(struct store *s);
/* Number of merged papers, or -1 with msg. */
long store_npapers(struct store *s, struct buf *msg);

/*
 * With on set, a first build (stats->built) returns as soon as its
 * library is merged, and writes that library's papers and commits on a
 * thread of its own while the caller goes on: for --dump, which prints
 * the library meanwhile.  Until store_wait, store_lib and store_report
 * give what the build read, and the library store_lib gave must not be
 * freed; any other call on s waits for the writing first (index_new
 * too, but not the calls on an index made before: an index and early
 * syncs do not go together).
 */
void store_set_early(struct store *s, int on);
/*
 * Wait for what an early first build still writes; 0 when nothing is
 * pending or it was written, else -1 with the reason in msg (the store
 * is then left empty, to be built again by the next run).  store_close
 * waits too.
 */
int store_wait(struct store *s, struct buf *msg);

#endif
