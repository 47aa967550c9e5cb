/* store/manifest.c: the sync -- stat every input, read what changed, merge again what it touches.
 *
 * One sync is one transaction (BEGIN IMMEDIATE ... COMMIT):
 *  1. list the inputs as ingest_path would read them (ingest_list), in
 *     order; an input whose size, mtime and inode are those of its row is
 *     unchanged; one whose stat changed is hashed, and is unchanged when
 *     the hash is too; new, changed and failed inputs are read again; rows
 *     of inputs no longer listed are gone;
 *  2. the records read go into recs with their merge keys (the id, and
 *     64-bit hashes of the title key and text key: two keys that share a
 *     hash only bring one paper more to step 3, which merges it again to
 *     what it was) and paper 0 ("not merged yet");
 *  3. the papers to merge again are those of the gone records, closed
 *     under sharing a merge key (the merge of a set of records closed so
 *     depends on nothing else); their old content is merged again to take
 *     it out of the FTS index, then every record of theirs and the new
 *     ones is merged again, in reading order (replay.c, lib.c's rules);
 *  4. the days they touch are counted again.
 * On an empty store (the first build) the records are merged as they are
 * read, in the ingester's own library, with no second pass; with
 * store_set_early its papers are then written on a thread of their own
 * (struct manifest_tail) while the caller prints that library.
 */
#include "store/syncint.h"
#include "base/hashmap.h"
#include "base/safeio.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Record the SQLite error in msg once; returns -1. */
int
manifest_fail(struct sync *y)
{
	if (!y->err && y->msg->len == 0)
		buf_printf(y->msg, "store '%s': %s", y->s->path, sqlite3_errmsg(y->s->db));
	y->err = 1;
	store_damaged(y->s, sqlite3_extended_errcode(y->s->db));
	return -1;
}

/* Step a statement that returns no row and reset it; -1 on error. */
int
manifest_step(struct sync *y, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : manifest_fail(y);
}


/* Order old rows by path. */
static int
old_cmp(const void *a, const void *b)
{
	return strcmp(((const struct oldfile *)a)->path, ((const struct oldfile *)b)->path);
}

/* Load the manifest rows; -1 on error. */
static int
load_old(struct sync *y)
{
	sqlite3_stmt *st = store_prep(y->s, "SELECT id, path, size, mtime, ino, hash, failed, ord FROM files", y->msg);
	size_t alloc = 0;
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct oldfile *o;

		ALLOC_GROW(y->old, y->nold + 1, alloc);
		o = &y->old[y->nold++];
		o->id = sqlite3_column_int64(st, 0);
		o->path = xstrdup(store_col(st, 1));
		o->size = sqlite3_column_int64(st, 2);
		o->mtime = sqlite3_column_int64(st, 3);
		o->ino = sqlite3_column_int64(st, 4);
		o->hash = xstrdup(store_col(st, 5));
		o->failed = sqlite3_column_int(st, 6);
		o->ord = sqlite3_column_int64(st, 7);
		o->item = -1;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return manifest_fail(y);
	if (y->nold > 1)
		qsort(y->old, y->nold, sizeof *y->old, old_cmp);
	return 0;
}

/* The old row of a path, or NULL. */
static struct oldfile *
find_old(struct sync *y, const char *path)
{
	struct oldfile k;

	k.path = (char *)path;
	return y->nold ? bsearch(&k, y->old, y->nold, sizeof *y->old, old_cmp) : NULL;
}

/* Hash the content of a regular file of at most max bytes into hex; -1 when it cannot be read. */
int
manifest_hash_file(const char *path, unsigned long long max, char hex[17])
{
	struct buf b = BUF_INIT;
	int rc;

	buf_init(&b);
	rc = safeio_read_max(path, max > SIZE_MAX - 1 ? SIZE_MAX - 1 : (size_t)max, &b, NULL);
	if (rc == 0)
		snprintf(hex, 17, "%016llx", (unsigned long long)hash_bytes(b.buf, b.len));
	buf_free(&b);
	return rc;
}

/* Stat listed input i once per sync; 0, or -1 when it cannot be. */
static int
stat_once(struct sync *y, size_t i)
{
	struct now *n = &y->now[i];
	struct stat st;

	if (n->stated == 0) {
		n->stated = -1;
		if (y->items[i].err_what == NULL && stat(y->items[i].path, &st) == 0) {
			n->stated = 1;
			n->size = (int64_t)st.st_size;
			n->mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
			n->ino = (int64_t)st.st_ino;
			n->reg = S_ISREG(st.st_mode);
		}
	}
	return n->stated > 0 ? 0 : -1;
}

/* Decide whether listed input i must be read again. */
static void
classify(struct sync *y, size_t i)
{
	const struct ingest_item *it = &y->items[i];
	struct now *n = &y->now[i];
	struct oldfile *o = find_old(y, it->path);

	n->read = 1;
	n->id = 0;
	if (o && o->item < 0)
		o->item = (long)i;
	else
		o = NULL;	/* the same path listed twice: read again */
	if (stat_once(y, i) < 0)
		return;		/* failures are reported afresh every time */
	if (o == NULL || o->failed || y->all)
		return;
	if (o->size == n->size && o->mtime == n->mtime && o->ino == n->ino) {
		n->read = 0;
	} else if (o->size == n->size && !it->mode && n->reg &&
	    (n->hash[0] || manifest_hash_file(it->path, y->s->max_bytes, n->hash) == 0) &&
	    strcmp(n->hash, o->hash) == 0) {
		n->read = 0;	/* touched, not changed */
	}
	if (!n->read)
		n->id = o->id;
}

/* The order key of a day. */
int64_t
manifest_day_key(const struct day *d, int64_t seen)
{
	int month = 0, mday = 0;
	int64_t ymd = 0;
	size_t i;

	if (d->kind == DAY_DATED) {
		for (i = 0; d->label[i]; i++)
			if (d->label[i] >= '0' && d->label[i] <= '9')
				ymd = ymd * 10 + (d->label[i] - '0');
		return 99999999 - ymd;
	}
	if (d->kind == DAY_NONE)
		return INT64_C(1000000000000);
	lib_label_date(d->label, &month, &mday);
	if (seen > 999999)
		seen = 999999;
	return INT64_C(100000000) + (int64_t)(500 - (month * 32 + mday)) * 1000000 + seen;
}

/*
 * The first date of the year after the one that d begins (d is
 * YYYY-MM-DD, lib.c's dated label; ddays hold nothing else): the year's
 * four bytes with the last one raised, which sorts after every date of
 * that year and before every later one.  0 when d is no date.
 */
static int
next_year(char out[5], const struct buf *d)
{
	if (d->len < 4 || (unsigned char)d->buf[3] == 0xff)
		return 0;	/* not a date: cannot happen */
	memcpy(out, d->buf, 4);
	out[4] = '\0';
	out[3]++;
	return 1;
}

/*
 * One date of the kept records: the first one from "from" on (sql[0]) or
 * the last one (sql[1]) of the records left; 1 with it in out, 0 when none,
 * -1 on error.
 */
static int
dated_seek(sqlite3_stmt *st, const char *from, struct buf *out)
{
	int rc;

	if (from)
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	buf_setlen(out, 0);
	if (rc == SQLITE_ROW)
		buf_puts(out, store_col(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/*
 * The dates that decide the labels' resolution, space-separated: the
 * first date of every year, then the last date of all.  One index seek
 * per year (the records of gone files, skipped one by one, are what
 * changed), not a pass over every record.
 */
int
manifest_dated(struct store *s, int skip_gone, struct buf *out, struct buf *msg)
{
	static const char *const sql[2][2] = {
		{ "SELECT dday FROM recs WHERE dday >= ?1 ORDER BY dday LIMIT 1",
		  "SELECT dday FROM recs WHERE dday IS NOT NULL ORDER BY dday DESC LIMIT 1" },
		{ "SELECT dday FROM recs WHERE dday >= ?1 AND file NOT IN tgone ORDER BY dday LIMIT 1",
		  ("SELECT dday FROM recs WHERE dday IS NOT NULL AND file NOT IN tgone"
		   " ORDER BY dday DESC LIMIT 1") },
	};
	sqlite3_stmt *first = store_prep(s, sql[skip_gone != 0][0], msg);
	sqlite3_stmt *last = first ? store_prep(s, sql[skip_gone != 0][1], msg) : NULL;
	struct buf d = BUF_INIT, prev = BUF_INIT;
	char from[5] = "";
	int rc = last ? 1 : -1;

	buf_init(&d);
	buf_init(&prev);
	while (rc == 1 && (rc = dated_seek(first, from, &d)) == 1) {
		buf_printf(out, "%s%s", out->len ? " " : "", d.buf);
		buf_setlen(&prev, 0);
		buf_puts(&prev, d.buf);
		if (!next_year(from, &d))
			rc = 0;
	}
	if (rc == 0 && (rc = dated_seek(last, NULL, &d)) == 1 && strcmp(d.buf, buf_str(&prev)) != 0)
		buf_printf(out, "%s%s", out->len ? " " : "", d.buf);
	if (rc < 0 && last)
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
	sqlite3_finalize(first);
	sqlite3_finalize(last);
	buf_free(&d);
	buf_free(&prev);
	return rc < 0 ? -1 : 0;
}


/* The temporary tables of a sync: papers to merge again, their keys, the days touched. */
static const char temp_sql[] =
"CREATE TEMP TABLE IF NOT EXISTS tp(id INTEGER PRIMARY KEY);"
"CREATE TEMP TABLE IF NOT EXISTS tk_id(k TEXT PRIMARY KEY) WITHOUT ROWID;"
"CREATE TEMP TABLE IF NOT EXISTS tk_title(k INTEGER PRIMARY KEY);"
"CREATE TEMP TABLE IF NOT EXISTS tk_text(k INTEGER PRIMARY KEY);"
"CREATE TEMP TABLE IF NOT EXISTS tgone(id INTEGER PRIMARY KEY);"
"CREATE TEMP TABLE IF NOT EXISTS tdays(label TEXT PRIMARY KEY, kind INTEGER) WITHOUT ROWID;"
"DELETE FROM tp; DELETE FROM tk_id; DELETE FROM tk_title; DELETE FROM tk_text;"
"DELETE FROM tgone; DELETE FROM tdays;";

/*
 * Forget what plan found, and what load_old found unless keep_old, to
 * plan again (with the same stat and hashes).
 */
static void
plan_free(struct sync *y, int keep_old)
{
	size_t i;

	free(y->todo);
	y->todo = NULL;
	y->ntodo = 0;
	for (i = 0; i < y->nold; i++) {
		if (keep_old) {
			y->old[i].item = -1;
			continue;
		}
		free(y->old[i].path);
		free(y->old[i].hash);
	}
	if (keep_old)
		return;
	free(y->old);
	y->old = NULL;
	y->nold = 0;
	y->version = -1;
}

/* The store's PRAGMA data_version (another connection's commit changes it), or -1. */
static long long
data_version(struct sync *y)
{
	sqlite3_stmt *st = store_prep(y->s, "PRAGMA data_version", NULL);
	long long v = -1;

	if (st && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Free what a sync holds. */
static void
sync_free(struct sync *y)
{
	plan_free(y, 0);
	free(y->now);
	ingest_items_free(y->items, y->nitems);
	buf_free(&y->key);
	lib_free(y->lib);
	free(y->first_ids);
	free(y->roots);
}

/* List every path's inputs, in order. */
static void
list_inputs(struct sync *y, char *const *paths, size_t npaths)
{
	struct ingest *ing = ingest_new(NULL);
	size_t i, k, alloc = 0;

	for (i = 0; i < npaths; i++) {
		struct ingest_item *v;
		size_t n = ingest_list(ing, paths[i], &v);

		ALLOC_GROW(y->items, y->nitems + n + 1, alloc);
		for (k = 0; k < n; k++)
			y->items[y->nitems++] = v[k];
		free(v);	/* the paths moved to y->items */
	}
	ingest_free(ing);
}

/* Decide what to read; returns how much changed (inputs to read plus rows gone). */
static size_t
plan(struct sync *y, struct store_stats *stats)
{
	size_t i, gone = 0;

	if (y->now == NULL)
		y->now = xcalloc(y->nitems + 1, sizeof *y->now);
	y->todo = xcalloc(y->nitems + 1, sizeof *y->todo);
	for (i = 0; i < y->nitems; i++) {
		classify(y, i);
		if (y->now[i].read)
			y->todo[y->ntodo++] = i;
	}
	for (i = 0; i < y->nold; i++)
		gone += y->old[i].item < 0;
	if (stats) {
		stats->files = y->nitems;
		stats->read = y->ntodo;
		stats->removed = gone;
	}
	return y->ntodo + gone;
}


/* The maximum file size as meta keeps it. */
static void
max_text(char out[32], unsigned long long max)
{
	snprintf(out, 32, "%llu", max);
}

/* True when the last sync skipped files over another maximum size than this one's. */
static int
max_changed(struct sync *y)
{
	sqlite3_stmt *st = store_prep(y->s, "SELECT v FROM meta WHERE k = 'max'", NULL);
	char want[32];
	int changed = 1;

	max_text(want, y->s->max_bytes);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		changed = strcmp(store_col(st, 0), want) != 0;
	sqlite3_finalize(st);
	return changed;
}

/* Record the paths synced and the maximum file size they were read with. */
static int
set_roots(struct sync *y)
{
	sqlite3_stmt *st = store_prep(y->s, "INSERT OR REPLACE INTO meta VALUES ('roots', ?1), ('max', ?2)",
	    y->msg);
	char max[32];

	if (st == NULL)
		return manifest_fail(y);
	max_text(max, y->s->max_bytes);
	sqlite3_bind_text(st, 1, y->roots, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, max, -1, SQLITE_STATIC);
	manifest_step(y, st);
	sqlite3_finalize(st);
	return y->err ? -1 : 0;
}

/*
 * True when the store already is a sync of these inputs (read in a read
 * transaction, so that starting readers do not queue for the write lock).
 * The rows read stay for the sync, which uses them when no other
 * connection wrote in between (y->version).
 */
static int
up_to_date(struct sync *y, const char *roots, struct store_stats *stats)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int same = 0;

	if (sqlite3_exec(y->s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return 0;
	if (load_old(y) == 0 && (y->version = data_version(y)) >= 0 && y->nold && plan(y, stats) == 0 &&
	    (st = store_prep(y->s, "SELECT v FROM meta WHERE k = 'roots'", NULL)) &&
	    sqlite3_step(st) == SQLITE_ROW)
		same = strcmp(store_col(st, 0), roots) == 0;
	sqlite3_finalize(st);
	for (i = 0; same && i < y->nold; i++) {
		const struct oldfile *o = &y->old[i];
		const struct now *n = &y->now[o->item];

		same = o->ord == o->item && o->size == n->size && o->mtime == n->mtime && o->ino == n->ino;
	}
	sqlite3_exec(y->s->db, "COMMIT", NULL, NULL, NULL);
	plan_free(y, y->version >= 0 && !y->err);
	y->err = 0;
	buf_setlen(y->msg, 0);
	return same;
}

/* After a first build, the library it merged (caller frees), else NULL. */
static struct lib *
take_built(struct sync *y)
{
	struct lib *lib = y->lib;

	y->lib = NULL;
	return lib;
}

/* A first build's merging done: its papers' ids (in merge order), then the library ordered. */
static void
first_merge(struct sync *y, struct store_stats *stats)
{
	y->first_ids = remerge_first_ids(y->lib);	/* merge order: before lib_finish sorts */
	lib_finish(y->lib);
	if (stats)
		stats->papers = lib_npapers(y->lib);
}

/* A first build's writing: index the records, write the papers and index them, the dates, the roots. */
static int
first_write(struct sync *y)
{
	if (store_sorted_indexes(y->s, IDX_RECS, y->msg) < 0)
		return manifest_fail(y);
	if (remerge_write(y, y->lib, NULL, 0, y->first_ids) < 0)
		return -1;
	if (store_sorted_indexes(y->s, IDX_PAPERS, y->msg) < 0)
		return manifest_fail(y);
	if (spell_write(y->s, y->lib, y->msg) < 0)
		return manifest_fail(y);
	return remerge_set_dated(y) < 0 ? -1 : set_roots(y);
}

/*
 * The body of a sync, inside the transaction.  A first build returns 1
 * once merged: first_write then writes what it merged.
 */
static int
sync_body(struct sync *y, struct store_stats *stats)
{
	size_t npapers = 0;
	int first;

	if (y->version < 0 || data_version(y) != y->version) {
		plan_free(y, 0);
		if (load_old(y) < 0)
			return -1;
	}
	first = y->nold == 0;
	if (plan(y, stats) == 0) {
		if (remerge_set_order(y) < 0)
			return -1;
		/* the order decides a tie between spellings */
		if (y->reordered && spell_update(y->s, y->msg) < 0)
			return manifest_fail(y);
		return set_roots(y);
	}
	if (first) {
		/* a big transaction: keep its pages in memory rather than spill them to the WAL again and again */
		if (!y->s->bulk)
			store_exec(y->s, "PRAGMA cache_size = -262144", NULL);
		y->lib = lib_new();
		if (store_sorted_indexes(y->s, IDX_DROP, y->msg) < 0)
			return manifest_fail(y);
	}
	if (store_exec(y->s, temp_sql, y->msg) < 0 || syncread_rows(y) < 0 || syncread_files(y) < 0)
		return manifest_fail(y);
	if (first) {
		first_merge(y, stats);
		return 1;
	}
	if (remerge_closure(y) < 0 || remerge_papers(y, &npapers) < 0)
		return -1;
	if (spell_update(y->s, y->msg) < 0)
		return manifest_fail(y);
	if (stats)
		stats->papers = npapers;
	return remerge_set_dated(y) < 0 ? -1 : set_roots(y);
}

/* End the sync's transaction: commit when rc is 0, else roll back; the first build's mode too. */
static int
sync_end(struct sync *y, int rc, int bulk)
{
	struct store *s = y->s;

	store_exec(s, "PRAGMA cache_size = -16384", NULL);
	if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = manifest_fail(y);
	if (rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (bulk && rc == 0 && store_bulk_end(s, y->msg) < 0)
		rc = -1;
	if (bulk && rc < 0)
		store_bulk_abandon(s);
	return rc;
}

/*
 * An early first build's writing (store_set_early), on a thread of its
 * own: the sync moved here, its library shared with the caller (who may
 * only read it until manifest_wait joins the thread).
 */
struct manifest_tail {
	pthread_t tid;
	struct sync y;
	struct buf msg;		/* y.msg */
	int bulk, rc;
};

/* The tail's thread: write, commit, and leave the library to the store's caller. */
static void *
tail_run(void *arg)
{
	struct manifest_tail *t = arg;

	t->rc = sync_end(&t->y, first_write(&t->y), t->bulk);
	t->y.lib = NULL;	/* s->built, or the caller's since store_lib */
	sync_free(&t->y);
	return NULL;
}

/*
 * Go on with a first build's writing on a thread (y moved there) after
 * taking what the report reads; -1 (nothing started, y unchanged) when
 * that cannot be done, and the caller writes it itself.
 */
static int
tail_start(struct store *s, struct sync *y, int bulk)
{
	struct manifest_tail *t;
	struct store_report *r = xcalloc(1, sizeof *r);
	struct buf why = BUF_INIT;
	int rc;

	buf_init(&why);
	rc = store_report_fill(s, r, &why);
	buf_free(&why);		/* when it fails, the caller writes and the report is read after */
	if (rc < 0) {
		store_report_drop(r);
		return -1;
	}
	r->npapers = lib_npapers(y->lib);
	t = xcalloc(1, sizeof *t);
	t->y = *y;
	t->bulk = bulk;
	buf_init(&t->msg);
	t->y.msg = &t->msg;
	if (pthread_create(&t->tid, NULL, tail_run, t) != 0) {
		buf_free(&t->msg);
		free(t);
		store_report_drop(r);
		return -1;
	}
	s->tail = t;
	s->built = y->lib;
	s->built_rep = r;
	return 0;
}

/* Wait for an early first build's writing. */
int
manifest_wait(struct store *s, struct buf *msg)
{
	struct manifest_tail *t = s->tail;
	int rc;

	if (t == NULL)
		return 0;
	pthread_join(t->tid, NULL);
	s->tail = NULL;
	rc = t->rc;
	if (rc < 0 && msg)
		buf_add(msg, t->msg.buf, t->msg.len);
	buf_free(&t->msg);
	free(t);
	return rc;
}

/* Bring the store up to date with paths. */
int
manifest_sync(struct store *s, const char *roots, char *const *paths, size_t npaths,
    const struct store_progress *prog, struct store_stats *stats, struct buf *msg)
{
	struct sync y;
	int rc, bulk;

	store_drop_built(s);	/* only the last sync's first build may be taken */
	memset(&y, 0, sizeof y);
	y.version = -1;
	y.s = s;
	y.msg = msg;
	y.prog = prog;
	y.roots = xstrdup(roots);
	buf_init(&y.key);
	if (stats)
		memset(stats, 0, sizeof *stats);
	list_inputs(&y, paths, npaths);
	y.all = max_changed(&y);
	if (up_to_date(&y, roots, stats)) {
		sync_free(&y);
		return 0;	/* nothing to write: no write lock taken */
	}
	bulk = store_bulk_begin(s);
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		buf_printf(msg, "store '%s' is busy or cannot be written: %s", s->path, sqlite3_errmsg(s->db));
		if (bulk)
			store_bulk_abandon(s);
		sync_free(&y);
		return -1;
	}
	rc = sync_body(&y, stats);
	if (rc == 1 && s->early && tail_start(s, &y, bulk) == 0) {
		if (stats)
			stats->built = 1;
		return 0;	/* y is the tail's now */
	}
	if (rc == 1)
		rc = first_write(&y);
	rc = sync_end(&y, rc, bulk);
	if (rc == 0 && y.lib) {
		s->built = take_built(&y);
		if (stats)
			stats->built = 1;
	}
	sync_free(&y);
	return rc;
}
