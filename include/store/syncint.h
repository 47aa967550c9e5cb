/* store/syncint.h: what the sync's files share (manifest.c, syncread.c, remerge.c; private).
 *
 * One struct sync lives for one manifest_sync.  manifest.c plans (stat,
 * hash, decide what to read) and runs the transaction; syncread.c reads
 * the inputs to read and stores their records; remerge.c finds the papers
 * those records touch, merges them again and writes them with their days.
 * Every function returns -1 after manifest_fail has put the first error
 * in y->msg; y->err stays set from then on.
 */
#ifndef PB_STORE_SYNCINT_H
#define PB_STORE_SYNCINT_H

#include "store/intern.h"

/* A manifest row as it was before the sync. */
struct oldfile {
	int64_t id, ord, size, mtime, ino;
	char *path, *hash;
	int failed;
	long item;		/* the listed input it is, or -1: gone */
};

/*
 * What an input is now: stat, hash, and its row.  The stat and hash are
 * taken once per sync (the check for nothing changed plans first; the
 * sync's transaction plans again with them).
 */
struct now {
	int64_t size, mtime, ino;
	int stated;		/* 1: size, mtime, ino and reg are set; -1: stat failed; 0: not yet */
	int reg;		/* a regular file */
	char hash[17];		/* "" until hashed */
	int64_t id;		/* its row (old or new), 0 while none */
	int read;		/* to be read again */
};

struct sync {
	struct store *s;
	struct buf *msg;
	struct ingest_item *items;
	size_t nitems;
	struct now *now;
	struct oldfile *old;
	size_t nold;
	long long version;		/* data_version the old rows were loaded at; -1: not loaded */
	size_t *todo;			/* items to read, in order */
	size_t ntodo;
	sqlite3_stmt *ins_rec, *ins_body;	/* the writer's */
	struct buf key;			/* scratch */
	struct lib *lib;		/* first build: merged as read */
	struct pid *first_ids;		/* first build: its papers' ids, until written */
	char *roots;			/* the paths synced, as meta keeps them */
	long cur;			/* todo index of the file being read */
	int64_t seq;
	int err;
	int all;			/* read every input again (max-file-size changed) */
	int reordered;			/* remerge_set_order moved an input in reading order */
	const struct store_progress *prog;
};

/* A paper and its row id, for the assignment of records. */
struct pid {
	const struct paper *p;
	int64_t id;
};

/* manifest.c: record the SQLite error in y->msg once; returns -1. */
int manifest_fail(struct sync *y);
/* manifest.c: step a statement that returns no row and reset it; -1 on error. */
int manifest_step(struct sync *y, sqlite3_stmt *st);
/* manifest.c: hash a regular file of at most max bytes into hex; -1 when it cannot be read. */
int manifest_hash_file(const char *path, unsigned long long max, char hex[17]);

/* syncread.c: give the gone rows placeholder paths and add a row for every input to read. */
int syncread_rows(struct sync *y);
/* syncread.c: read the inputs to read, storing their records (merged as read on a first build). */
int syncread_files(struct sync *y);

/* remerge.c: find the papers to merge again (tp): those of gone records, closed under shared keys. */
int remerge_closure(struct sync *y);
/* remerge.c: merge again the papers in tp with the new records and write them; *npapers gets how many. */
int remerge_papers(struct sync *y, size_t *npapers);
/*
 * remerge.c: write a merged library's papers and where each record went
 * (as, or the fixed ids), then the days.
 */
int remerge_write(struct sync *y, const struct lib *lib, const struct replay_rec *as, size_t nas,
    const struct pid *fixed);
/* remerge.c: set the new order (and stat) of the inputs that were not read again. */
int remerge_set_order(struct sync *y);
/* remerge.c: record the dates that resolved this sync's labels (manifest_dated). */
int remerge_set_dated(struct sync *y);
/* remerge.c: the first build's paper ids (merge order plus one), sorted by paper (caller frees). */
struct pid *remerge_first_ids(const struct lib *lib);

#endif
