/* store/replay.c: a paper's content is its records merged again (lib.c). */
#include "store/intern.h"
#include "store/row.h"
#include "base/queue.h"
#include "ingest/pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A record row waiting to be merged. */
struct pending {
	int64_t ord, seq, file;
	char *body;		/* owned */
	char *lday;		/* owned; a day label without a year, or NULL */
	char *path;		/* owned; the file it was read from */
};

/* Order pending rows by reading order. */
static int
pending_cmp(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;

	if (x->ord != y->ord)
		return x->ord < y->ord ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Say that a stored record cannot be read. */
static void
row_damaged(const struct store *s, struct buf *msg)
{
	buf_printf(msg, "store '%s': a record cannot be read", s->path);
}

/* Decode one row and merge it (noting where it went in *as); -1 with msg when it is damaged. */
static int
merge_row(struct store *s, struct lib *lib, struct arena *a, const char *body, const char *path,
    struct replay_rec *as, struct buf *msg)
{
	struct arena_mark m = arena_mark(a);
	struct rec r;
	int rc = row_decode(body, strlen(body), a, &r);

	if (rc == 0) {
		r.file = path;	/* its summaries' publisher comes from it, as when parsed */
		long i = lib_add_paper(lib, &r);

		if (as)
			as->paper = i >= 0 ? lib_paper(lib, (size_t)i) : NULL;
	} else
		row_damaged(s, msg);
	arena_reset(a, m);
	return rc;
}

/*
 * Replaying the whole library reads and decodes its rows on a thread of
 * its own (the feeder: SQLite and json-c) while the calling thread merges
 * them (lib.c) in the same order, so the library is the same as when one
 * thread does both.  Decoded records travel in chunks, a chunk's records
 * and strings in its own arena.  REPLAY_CHUNKS chunks go round, full ones
 * to the merge and merged ones back, so memory stays bounded.  The feeder
 * alone uses the connection until the merge has joined it.
 */
#define CHUNK_RECS 512
#define REPLAY_CHUNKS 4

struct chunk {
	struct arena *a;		/* the records' strings and arrays */
	struct arena_mark empty;	/* a's mark when empty */
	struct rec recs[CHUNK_RECS];
	size_t n;
};

struct feed {
	sqlite3_stmt *st;		/* body, path of every record in reading order */
	struct queue *full, *empty;
	struct chunk *chunks[REPLAY_CHUNKS];
	int rc;				/* how the feeding ended: SQLITE_DONE, the failing code,
					   or -1: a row that cannot be read */
};

/* Fill c with the next records: SQLITE_ROW when it is full, SQLITE_DONE at the end, else the error (-1: a damaged row). */
static int
fill(struct feed *f, struct chunk *c)
{
	int rc = SQLITE_ROW;

	arena_reset(c->a, c->empty);
	c->n = 0;
	while (c->n < CHUNK_RECS && (rc = sqlite3_step(f->st)) == SQLITE_ROW) {
		struct rec *r = &c->recs[c->n];
		const char *body = store_col(f->st, 0), *path;

		if (row_decode(body, strlen(body), c->a, r) < 0)
			return -1;
		path = store_col(f->st, 1);
		/* its summaries' publisher comes from it, as when parsed; a file's records come together */
		r->file = c->n && strcmp(c->recs[c->n - 1].file, path) == 0 ? c->recs[c->n - 1].file :
		    arena_strndup(c->a, path, strlen(path));
		c->n++;
	}
	return rc;
}

/* The feeder thread: fill the chunks handed back until the rows end, then close the queue of full ones. */
static void *
feed_run(void *arg)
{
	struct feed *f = arg;
	struct chunk *c;
	int rc = SQLITE_ROW;

	while (rc == SQLITE_ROW && (c = queue_pop(f->empty)) != NULL) {
		rc = fill(f, c);
		if ((rc == SQLITE_ROW || rc == SQLITE_DONE) && c->n)
			queue_push(f->full, c);
		else
			queue_push(f->empty, c);
	}
	f->rc = rc;
	queue_close(f->full);
	return NULL;
}

/* Merge a chunk's records. */
static void
merge_chunk(struct lib *lib, const struct chunk *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		lib_add_paper(lib, &c->recs[i]);
}

/* Read and merge every chunk: on the feeder thread and this one, or on this one alone. */
static void
feed_merge(struct feed *f, struct lib *lib)
{
	pthread_t tid;
	struct chunk *c;

	if (pool_threads() > 1 && pthread_create(&tid, NULL, feed_run, f) == 0) {
		while ((c = queue_pop(f->full)) != NULL) {
			merge_chunk(lib, c);
			queue_push(f->empty, c);
		}
		pthread_join(tid, NULL);
		return;
	}
	c = f->chunks[0];
	while ((f->rc = fill(f, c)) == SQLITE_ROW || f->rc == SQLITE_DONE) {
		merge_chunk(lib, c);
		if (f->rc == SQLITE_DONE)
			break;
	}
}

/* Every record, in reading order, into lib; -1 with msg. */
static int
replay_all(struct store *s, struct lib *lib, struct buf *msg)
{
	struct feed f;
	size_t i;

	memset(&f, 0, sizeof f);
	f.st = store_prep(s, "SELECT b.body, f.path FROM files f JOIN recs r ON r.file = f.id"
	    " JOIN bodies b ON b.id = r.id ORDER BY f.ord, r.seq", msg);
	if (f.st == NULL)
		return -1;
	f.full = queue_new(REPLAY_CHUNKS);
	f.empty = queue_new(REPLAY_CHUNKS);
	for (i = 0; i < REPLAY_CHUNKS; i++) {
		f.chunks[i] = xcalloc(1, sizeof *f.chunks[i]);
		f.chunks[i]->a = arena_new();
		f.chunks[i]->empty = arena_mark(f.chunks[i]->a);
		queue_push(f.empty, f.chunks[i]);
	}
	feed_merge(&f, lib);
	if (f.rc == -1)
		row_damaged(s, msg);
	else if (f.rc != SQLITE_DONE)
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
	for (i = 0; i < REPLAY_CHUNKS; i++) {
		arena_free(f.chunks[i]->a);
		free(f.chunks[i]);
	}
	queue_free(f.full);
	queue_free(f.empty);
	sqlite3_finalize(f.st);
	return f.rc == SQLITE_DONE ? 0 : -1;
}

/* Collect the records of papers ids[0..n) into *v; returns how many, or -1 with msg. */
static long
collect(struct store *s, const int64_t *ids, size_t n, struct pending **v, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "SELECT f.ord, r.seq, b.body, r.lday, r.file, f.path FROM recs r"
	    " JOIN files f ON f.id = r.file JOIN bodies b ON b.id = r.id WHERE r.paper = ?", msg);
	size_t i, k = 0, alloc = 0;
	int rc = SQLITE_DONE;

	*v = NULL;
	if (st == NULL)
		return -1;
	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			ALLOC_GROW(*v, k + 1, alloc);
			(*v)[k].ord = sqlite3_column_int64(st, 0);
			(*v)[k].seq = sqlite3_column_int64(st, 1);
			(*v)[k].file = sqlite3_column_int64(st, 4);
			(*v)[k].body = xstrdup(store_col(st, 2));
			(*v)[k].path = xstrdup(store_col(st, 5));
			(*v)[k++].lday = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL :
			    xstrdup(store_col(st, 3));
		}
		sqlite3_reset(st);
	}
	if (rc != SQLITE_DONE)
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? (long)k : -1;
}

struct lday {
	const char *label;
	int64_t key;
};

/* Order labels by their day key. */
static int
lday_cmp(const void *a, const void *b)
{
	const struct lday *x = a, *y = b;

	return (x->key > y->key) - (x->key < y->key);
}

/*
 * Create the labelled days of v in the store's day order, so that labels
 * of one date keep the order in which the whole library first saw them.
 */
static void
seed_days(struct store *s, struct lib *lib, const struct pending *v, size_t n)
{
	sqlite3_stmt *st = store_prep(s, "SELECT dkey FROM days WHERE label = ?", NULL);
	struct lday *d = xcalloc(n + 1, sizeof *d);
	size_t i, k, nd = 0;

	for (i = 0; st && i < n; i++) {
		if (v[i].lday == NULL)
			continue;
		for (k = 0; k < nd && strcmp(d[k].label, v[i].lday) != 0; k++)
			;
		if (k < nd)
			continue;
		d[nd].label = v[i].lday;
		sqlite3_bind_text(st, 1, v[i].lday, -1, SQLITE_STATIC);
		d[nd++].key = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : INT64_MAX;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	qsort(d, nd, sizeof *d, lday_cmp);
	for (k = 0; k < nd; k++)
		lib_add_day(lib, d[k].label);
	free(d);
}

/*
 * When some of v[0..n) are on labels without a year, create the dated
 * days that decide how the whole library resolves them (manifest_dated),
 * so that lib_finish resolves them here the same way (it drops those no
 * paper is on).
 */
static int
seed_dated(struct store *s, struct lib *lib, const struct pending *v, size_t n, struct buf *msg)
{
	struct buf d = BUF_INIT;
	size_t i;
	char *p, *sp;

	for (i = 0; i < n && v[i].lday == NULL; i++)
		;
	if (i == n)
		return 0;
	buf_init(&d);
	if (manifest_dated(s, 0, &d, msg) < 0) {
		buf_free(&d);
		return -1;
	}
	for (p = d.len ? d.buf : NULL; p; p = sp ? sp + 1 : NULL) {
		if ((sp = strchr(p, ' ')) != NULL)
			*sp = '\0';
		lib_add_day(lib, p);
	}
	buf_free(&d);
	return 0;
}

/* The records of some papers, in reading order, into lib; -1 with msg. */
static int
replay_some(struct store *s, struct lib *lib, struct arena *a, const int64_t *ids, size_t n,
    struct replay_rec **as, size_t *nas, struct buf *msg)
{
	struct pending *v;
	long k = collect(s, ids, n, &v, msg), i;
	int rc = k < 0 ? -1 : 0;

	if (k > 1)
		qsort(v, (size_t)k, sizeof *v, pending_cmp);
	if (k > 0 && seed_dated(s, lib, v, (size_t)k, msg) < 0)
		rc = -1;
	if (k > 0)
		seed_days(s, lib, v, (size_t)k);
	if (as) {
		*as = xcalloc(k > 0 ? (size_t)k : 1, sizeof **as);
		*nas = k > 0 ? (size_t)k : 0;
	}
	for (i = 0; i < k; i++) {
		struct replay_rec *r = as ? &(*as)[i] : NULL;

		if (r) {
			r->file = v[i].file;
			r->seq = v[i].seq;
		}
		if (rc == 0 && merge_row(s, lib, a, v[i].body, v[i].path, r, msg) < 0)
			rc = -1;
		free(v[i].body);
		free(v[i].path);
		free(v[i].lday);
	}
	free(v);
	return rc;
}

/*
 * Merge the records of some papers (or all) into a new finished library;
 * some papers are spelled as the whole library (spell_prefer).
 */
struct lib *
replay_ids(struct store *s, const int64_t *ids, size_t n, struct replay_rec **as, size_t *nas,
    struct buf *msg)
{
	struct lib *lib = lib_new();
	struct arena *a = ids ? arena_new() : NULL;
	int rc = ids ? replay_some(s, lib, a, ids, n, as, nas, msg) : replay_all(s, lib, msg);

	arena_free(a);
	if (rc == 0 && ids)
		rc = spell_prefer(s, lib, msg);
	if (rc < 0) {
		lib_free(lib);
		return NULL;
	}
	lib_finish(lib);
	return lib;
}
