/* store/manifest.c: the sync -- stat every input, read what changed, merge again what it touches.
 *
 * One sync is one transaction (BEGIN IMMEDIATE ... COMMIT):
 *  1. list the inputs as ingest_path would read them (ingest_list), in
 *     order; an input whose size, mtime and inode are those of its row is
 *     unchanged; one whose stat changed is hashed, and is unchanged when
 *     the hash is too; new, changed and failed inputs are read again; rows
 *     of inputs no longer listed are gone;
 *  2. the records read go into recs with their merge keys (id, title key,
 *     text key) and paper 0 ("not merged yet");
 *  3. the papers to merge again are those of the gone records, closed
 *     under sharing a merge key (the merge of a set of records closed so
 *     depends on nothing else); their old content is merged again to take
 *     it out of the FTS index, then every record of theirs and the new
 *     ones is merged again, in reading order (replay.c, lib.c's rules);
 *  4. the days they touch are counted again.
 * On an empty store (the first build) the records are merged as they are
 * read, in the ingester's own library, with no second pass.
 */
#include "store/intern.h"
#include "store/index.h"
#include "store/row.h"
#include "base/hashmap.h"
#include "base/safeio.h"
#include "text/text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A manifest row as it was before the sync. */
struct oldfile {
	int64_t id, ord, size, mtime, ino;
	char *path, *hash;
	int failed;
	long item;		/* the listed input it is, or -1: gone */
};

/* What an input is now: stat, hash, and its row. */
struct now {
	int64_t size, mtime, ino;
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
	size_t *todo;			/* items to read, in order */
	size_t ntodo;
	sqlite3_stmt *ins_rec;
	struct buf row, key;
	struct lib *lib;		/* first build: merged as read */
	long cur;			/* todo index of the file being read */
	int64_t seq;
	int err;
	int all;			/* read every input again (max-file-size changed) */
	const struct store_progress *prog;
};

/* Record the SQLite error in msg once; returns -1. */
static int
fail(struct sync *y)
{
	if (!y->err && y->msg->len == 0)
		buf_printf(y->msg, "store '%s': %s", y->s->path, sqlite3_errmsg(y->s->db));
	y->err = 1;
	store_damaged(y->s, sqlite3_extended_errcode(y->s->db));
	return -1;
}

/* Step a statement that returns no row and reset it; -1 on error. */
static int
step(struct sync *y, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : fail(y);
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
		return fail(y);
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
static int
hash_file(const char *path, unsigned long long max, char hex[17])
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

/* Decide whether listed input i must be read again. */
static void
classify(struct sync *y, size_t i)
{
	const struct ingest_item *it = &y->items[i];
	struct now *n = &y->now[i];
	struct oldfile *o = find_old(y, it->path);
	struct stat st;

	n->read = 1;
	if (o && o->item < 0)
		o->item = (long)i;
	else
		o = NULL;	/* the same path listed twice: read again */
	if (it->err_what || stat(it->path, &st) < 0)
		return;		/* failures are reported afresh every time */
	n->size = (int64_t)st.st_size;
	n->mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
	n->ino = (int64_t)st.st_ino;
	if (o == NULL || o->failed || y->all)
		return;
	if (o->size == n->size && o->mtime == n->mtime && o->ino == n->ino) {
		n->read = 0;
	} else if (o->size == n->size && !it->mode && S_ISREG(st.st_mode) &&
	    hash_file(it->path, y->s->max_bytes, n->hash) == 0 && strcmp(n->hash, o->hash) == 0) {
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

/* The dates that decide the labels' resolution, space-separated. */
int
manifest_dated(struct store *s, int skip_gone, struct buf *out, struct buf *msg)
{
	static const char *const sql[2] = {
		("SELECT d FROM (SELECT min(dday) AS d FROM recs WHERE dday IS NOT NULL"
		 " GROUP BY substr(dday, 1, 4) UNION SELECT max(dday) FROM recs) WHERE d IS NOT NULL ORDER BY d"),
		("SELECT d FROM (SELECT min(dday) AS d FROM recs WHERE dday IS NOT NULL AND file NOT IN tgone"
		 " GROUP BY substr(dday, 1, 4) UNION SELECT max(dday) FROM recs WHERE file NOT IN tgone)"
		 " WHERE d IS NOT NULL ORDER BY d"),
	};
	sqlite3_stmt *st = store_prep(s, sql[skip_gone != 0], msg);
	int rc;

	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_printf(out, "%s%s", out->len ? " " : "", store_col(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	return 0;
}

/* The merge keys of a record: id, title key, and the text key of an untitled one. */
static void
rec_keys(struct sync *y, const struct rec *r, char **tkey, char **xkey)
{
	*tkey = *xkey = NULL;
	buf_setlen(&y->key, 0);
	if (r->title)
		text_title_key(&y->key, r->title, strlen(r->title));
	if (y->key.len)
		*tkey = xstrdup(y->key.buf);
	if (r->id == NULL && *tkey == NULL && r->nblocks) {
		char hex[17];

		buf_setlen(&y->key, 0);
		lib_summary_text(&y->key, r->blocks, r->nblocks);
		snprintf(hex, sizeof hex, "%016llx", (unsigned long long)hash_str(y->key.buf));
		*xkey = xstrdup(hex);
	}
}

/* Ingest sink: store a record read from todo file f. */
static void
sink(void *arg, size_t f, const struct rec *r, long paper)
{
	struct sync *y = arg;
	sqlite3_stmt *st = y->ins_rec;
	char *tkey, *xkey;
	int64_t fid = y->now[y->todo[f]].id;

	if (y->err)
		return;
	if ((long)f != y->cur) {
		y->cur = (long)f;
		y->seq = 0;
		if (y->prog && y->prog->fn)
			y->prog->fn(y->prog->arg, f, y->ntodo);
	}
	buf_setlen(&y->row, 0);
	row_encode(&y->row, r);
	rec_keys(y, r, &tkey, &xkey);
	sqlite3_bind_int64(st, 1, fid);
	sqlite3_bind_int64(st, 2, y->seq);
	if (!y->lib)
		sqlite3_bind_int64(st, 3, 0);		/* merged after reading */
	else if (paper >= 0)
		sqlite3_bind_int64(st, 3, paper + 1);	/* the first build's paper ids */
	else
		sqlite3_bind_null(st, 3);
	store_bind_str(st, 4, r->id);
	store_bind_str(st, 5, tkey);
	store_bind_str(st, 6, xkey);
	store_bind_str(st, 7, lib_day_kind(r->day) == DAY_LABEL ? r->day : NULL);
	/* the dates that resolve labels are those of the records the library keeps */
	store_bind_str(st, 8, lib_day_kind(r->day) == DAY_DATED && !lib_rec_empty(r) ? r->day : NULL);
	sqlite3_bind_text(st, 9, y->row.buf, (int)y->row.len, SQLITE_STATIC);
	step(y, st);
	free(tkey);
	free(xkey);
	y->seq++;
}

/* Give the gone rows placeholder paths and add a row for every input to read. */
static int
add_rows(struct sync *y)
{
	sqlite3_stmt *mv = store_prep(y->s, "UPDATE files SET path = ? WHERE id = ?", y->msg);
	sqlite3_stmt *ins = store_prep(y->s, "INSERT INTO files(ord, path, fmt, parser, nrecs, bytes,"
	    " failed, quiet) VALUES (?, ?, NULL, '', 0, 0, 1, ?)", y->msg);
	size_t i;

	for (i = 0; mv && ins && i < y->nold && !y->err; i++) {
		struct oldfile *o = &y->old[i];

		if (o->item >= 0 && !y->now[o->item].read)
			continue;
		buf_setlen(&y->key, 0);
		buf_printf(&y->key, "\001gone %lld", (long long)o->id);
		sqlite3_bind_text(mv, 1, y->key.buf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(mv, 2, o->id);
		step(y, mv);
	}
	for (i = 0; mv && ins && i < y->ntodo && !y->err; i++) {
		size_t k = y->todo[i];

		sqlite3_bind_int64(ins, 1, (int64_t)k);
		sqlite3_bind_text(ins, 2, y->items[k].path, -1, SQLITE_STATIC);
		sqlite3_bind_int(ins, 3, y->items[k].quiet);
		if (step(y, ins) == 0)
			y->now[k].id = sqlite3_last_insert_rowid(y->s->db);
	}
	sqlite3_finalize(mv);
	sqlite3_finalize(ins);
	return mv && ins && !y->err ? 0 : -1;
}

/* Fill the rows of the inputs read with what reading them gave, and their messages. */
static int
fill_rows(struct sync *y, struct ingest *ing)
{
	sqlite3_stmt *up = store_prep(y->s, "UPDATE files SET size = ?, mtime = ?, ino = ?, hash = ?,"
	    " fmt = ?, parser = (SELECT v FROM meta WHERE k = 'parser'), nrecs = ?, bytes = ?,"
	    " failed = ? WHERE id = ?", y->msg);
	sqlite3_stmt *im = store_prep(y->s, "INSERT INTO msgs VALUES (?, ?, ?, ?, ?)", y->msg);
	size_t i, m;

	for (i = 0; up && im && i < y->ntodo && !y->err; i++) {
		const struct ingest_file *f = ingest_file(ing, i);
		struct now *n = &y->now[y->todo[i]];
		int64_t seq = 0;

		if (!f->failed && f->fmt && n->hash[0] == '\0' &&
		    hash_file(y->items[y->todo[i]].path, y->s->max_bytes, n->hash) < 0)
			n->hash[0] = '\0';
		sqlite3_bind_int64(up, 1, n->size);
		sqlite3_bind_int64(up, 2, n->mtime);
		sqlite3_bind_int64(up, 3, n->ino);
		sqlite3_bind_text(up, 4, n->hash, -1, SQLITE_STATIC);
		store_bind_str(up, 5, f->fmt ? ingest_format_name(f->fmt) : NULL);
		sqlite3_bind_int64(up, 6, (int64_t)f->npapers);
		sqlite3_bind_int64(up, 7, (int64_t)f->bytes);
		sqlite3_bind_int(up, 8, f->failed);
		sqlite3_bind_int64(up, 9, n->id);
		step(y, up);
		for (m = f->first_msg; m < f->first_msg + f->nmsgs && !y->err; m++) {
			const struct diag *g = ingest_msg(ing, m);

			sqlite3_bind_int64(im, 1, n->id);
			sqlite3_bind_int64(im, 2, seq++);
			sqlite3_bind_int(im, 3, (int)g->level);
			sqlite3_bind_int64(im, 4, (int64_t)g->line);
			sqlite3_bind_text(im, 5, g->text, -1, SQLITE_STATIC);
			step(y, im);
		}
	}
	sqlite3_finalize(up);
	sqlite3_finalize(im);
	return up && im && !y->err ? 0 : -1;
}

/* Read the inputs to read, storing their records (and merging them on a first build). */
static int
read_todo(struct sync *y)
{
	struct ingest *ing = ingest_new(y->lib);
	struct ingest_item *v = xcalloc(y->ntodo + 1, sizeof *v);
	size_t i;
	int rc;

	ingest_set_max_file_size(ing, y->s->max_bytes);
	for (i = 0; i < y->ntodo; i++)
		v[i] = y->items[y->todo[i]];
	y->ins_rec = store_prep(y->s, "INSERT INTO recs(file, seq, paper, kid, ktitle, ktext, lday, dday,"
	    " body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", y->msg);
	y->cur = -1;
	if (y->ins_rec == NULL) {
		y->err = 1;
	} else {
		ingest_set_sink(ing, sink, y);
		ingest_items(ing, v, y->ntodo);
	}
	sqlite3_finalize(y->ins_rec);
	y->ins_rec = NULL;
	rc = y->err ? -1 : fill_rows(y, ing);
	free(v);
	ingest_free(ing);
	return rc;
}

/* The temporary tables of a sync: papers to merge again, their keys, the days touched. */
static const char temp_sql[] =
"CREATE TEMP TABLE IF NOT EXISTS tp(id INTEGER PRIMARY KEY);"
"CREATE TEMP TABLE IF NOT EXISTS tk_id(k TEXT PRIMARY KEY) WITHOUT ROWID;"
"CREATE TEMP TABLE IF NOT EXISTS tk_title(k TEXT PRIMARY KEY) WITHOUT ROWID;"
"CREATE TEMP TABLE IF NOT EXISTS tk_text(k TEXT PRIMARY KEY) WITHOUT ROWID;"
"CREATE TEMP TABLE IF NOT EXISTS tgone(id INTEGER PRIMARY KEY);"
"CREATE TEMP TABLE IF NOT EXISTS tdays(label TEXT PRIMARY KEY, kind INTEGER) WITHOUT ROWID;"
"DELETE FROM tp; DELETE FROM tk_id; DELETE FROM tk_title; DELETE FROM tk_text;"
"DELETE FROM tgone; DELETE FROM tdays;";

/* Keys of the new records, the gone ones and those of papers in tp; then papers that share them. */
static const char closure_keys_sql[] =
"INSERT OR IGNORE INTO tk_id SELECT kid FROM recs WHERE paper = 0 AND kid IS NOT NULL;"
"INSERT OR IGNORE INTO tk_id SELECT kid FROM recs WHERE paper IN tp AND kid IS NOT NULL;"
"INSERT OR IGNORE INTO tk_id SELECT kid FROM recs WHERE file IN tgone AND kid IS NOT NULL;"
"INSERT OR IGNORE INTO tk_title SELECT ktitle FROM recs WHERE paper = 0 AND ktitle IS NOT NULL;"
"INSERT OR IGNORE INTO tk_title SELECT ktitle FROM recs WHERE paper IN tp AND ktitle IS NOT NULL;"
"INSERT OR IGNORE INTO tk_title SELECT ktitle FROM recs WHERE file IN tgone AND ktitle IS NOT NULL;"
"INSERT OR IGNORE INTO tk_text SELECT ktext FROM recs WHERE paper = 0 AND ktext IS NOT NULL;"
"INSERT OR IGNORE INTO tk_text SELECT ktext FROM recs WHERE paper IN tp AND ktext IS NOT NULL;"
"INSERT OR IGNORE INTO tk_text SELECT ktext FROM recs WHERE file IN tgone AND ktext IS NOT NULL;";
static const char closure_papers_sql[] =
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE kid IN tk_id AND paper > 0;"
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE ktitle IN tk_title AND paper > 0;"
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE ktext IN tk_text AND paper > 0;"
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE file IN tgone AND paper > 0;";

/* The meta value of k (caller frees), or NULL. */
static char *
meta_value(struct sync *y, const char *k)
{
	sqlite3_stmt *st = store_prep(y->s, "SELECT v FROM meta WHERE k = ?", NULL);
	char *v = NULL;

	if (st == NULL)
		return NULL;
	sqlite3_bind_text(st, 1, k, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		v = xstrdup(store_col(st, 0));
	sqlite3_finalize(st);
	return v;
}

/*
 * When the dates that resolve labels without a year change (a year more
 * or less, a wider range), every paper on such a label may move: all of
 * them go into tp to be merged again.
 */
static int
relabel(struct sync *y)
{
	struct buf now = BUF_INIT;
	char *was = meta_value(y, "dated");
	int rc = 0;

	buf_init(&now);
	if (manifest_dated(y->s, 1, &now, y->msg) < 0)
		rc = fail(y);
	else if (was == NULL || strcmp(was, buf_str(&now)) != 0)
		rc = store_exec(y->s, "INSERT OR IGNORE INTO tp SELECT paper FROM recs"
		    " WHERE lday IS NOT NULL AND paper > 0", y->msg) < 0 ? fail(y) : 0;
	free(was);
	buf_free(&now);
	return rc;
}

/* Record the dates that resolved the labels of this sync (manifest_dated). */
static int
set_dated(struct sync *y)
{
	struct buf now = BUF_INIT;
	sqlite3_stmt *st;

	buf_init(&now);
	if (manifest_dated(y->s, 0, &now, y->msg) < 0) {
		buf_free(&now);
		return fail(y);
	}
	st = store_prep(y->s, "INSERT OR REPLACE INTO meta VALUES ('dated', ?)", y->msg);
	if (st) {
		sqlite3_bind_text(st, 1, buf_str(&now), -1, SQLITE_TRANSIENT);
		step(y, st);
	}
	sqlite3_finalize(st);
	buf_free(&now);
	return st && !y->err ? 0 : fail(y);
}

/* Find the papers to merge again: those of gone records, closed under shared keys. */
static int
closure(struct sync *y)
{
	sqlite3_stmt *g = store_prep(y->s, "INSERT INTO tgone VALUES (?)", y->msg);
	long long before = -1, after = 0;
	size_t i;

	for (i = 0; g && i < y->nold && !y->err; i++) {
		if (y->old[i].item >= 0 && !y->now[y->old[i].item].read)
			continue;
		sqlite3_bind_int64(g, 1, y->old[i].id);
		step(y, g);
	}
	sqlite3_finalize(g);
	if (g == NULL || y->err || relabel(y) < 0)
		return -1;
	while (after != before) {
		sqlite3_stmt *c;

		before = after;
		if (store_exec(y->s, closure_keys_sql, y->msg) < 0 ||
		    store_exec(y->s, closure_papers_sql, y->msg) < 0)
			return fail(y);
		c = store_prep(y->s, "SELECT count(*) FROM tp", y->msg);
		if (c == NULL || sqlite3_step(c) != SQLITE_ROW) {
			sqlite3_finalize(c);
			return fail(y);
		}
		after = sqlite3_column_int64(c, 0);
		sqlite3_finalize(c);
	}
	return 0;
}

/* The ids in tp (plus 0, the new records, when with_new); returns how many, -1 on error. */
static long
tp_ids(struct sync *y, int64_t **ids, int with_new)
{
	sqlite3_stmt *st = store_prep(y->s, "SELECT id FROM tp", y->msg);
	size_t n = 0, alloc = 16;
	int rc;

	*ids = xcalloc(alloc, sizeof **ids);
	if (with_new)
		(*ids)[n++] = 0;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*ids, n + 1, alloc);
		(*ids)[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (st == NULL || rc != SQLITE_DONE)
		return fail(y);
	return (long)n;
}

/* Take the old papers out of the index (index_remove) and the tables. */
static int
drop_old(struct sync *y, const int64_t *ids, size_t n)
{
	size_t i, k = 0;
	int64_t *done = xcalloc(n + 1, sizeof *done);
	sqlite3_stmt *todo = store_prep(y->s, "SELECT 1 FROM fts_todo WHERE id = ?", y->msg);
	int rc = todo ? 0 : -1;

	/* the papers already in the index come out of it; the others were never in */
	for (i = 0; todo && i < n; i++) {
		sqlite3_bind_int64(todo, 1, ids[i]);
		if (sqlite3_step(todo) != SQLITE_ROW)
			done[k++] = ids[i];
		sqlite3_reset(todo);
	}
	sqlite3_finalize(todo);
	if (rc == 0 && k)
		rc = index_remove(y->s, done, k, y->msg);
	free(done);
	if (rc < 0)
		return fail(y);
	return store_exec(y->s, "INSERT OR IGNORE INTO tdays SELECT day, NULL FROM paper_days WHERE paper IN tp;"
	    "DELETE FROM fts_todo WHERE id IN tp;"
	    "DELETE FROM paper_days WHERE paper IN tp; DELETE FROM papers WHERE id IN tp;"
	    "DELETE FROM recs WHERE file IN tgone; DELETE FROM msgs WHERE file IN tgone;"
	    "DELETE FROM files WHERE id IN tgone", y->msg) < 0 ? fail(y) : 0;
}

/* Set the new order (and stat) of the inputs that were not read again. */
static int
set_order(struct sync *y)
{
	sqlite3_stmt *up = store_prep(y->s, "UPDATE files SET ord = ?, size = ?, mtime = ?, ino = ?"
	    " WHERE id = ?", y->msg);
	size_t i;

	for (i = 0; up && i < y->nold && !y->err; i++) {
		const struct oldfile *o = &y->old[i];
		const struct now *n;

		if (o->item < 0 || y->now[o->item].read)
			continue;
		n = &y->now[o->item];
		if (o->ord == o->item && o->size == n->size && o->mtime == n->mtime && o->ino == n->ino)
			continue;
		sqlite3_bind_int64(up, 1, o->item);
		sqlite3_bind_int64(up, 2, n->size);
		sqlite3_bind_int64(up, 3, n->mtime);
		sqlite3_bind_int64(up, 4, n->ino);
		sqlite3_bind_int64(up, 5, o->id);
		step(y, up);
	}
	sqlite3_finalize(up);
	return up && !y->err ? 0 : -1;
}

/* A paper and its row id, for the assignment of records. */
struct pid {
	const struct paper *p;
	int64_t id;
};

/* Order by paper pointer. */
static int
pid_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct pid *)a)->p, y = (uintptr_t)((const struct pid *)b)->p;

	return (x > y) - (x < y);
}

/* The day key to give a paper whose newest day is d (labels: their key so far). */
static int64_t
paper_dkey(struct sync *y, sqlite3_stmt *dk, const struct day *d)
{
	int64_t key = manifest_day_key(d, 999999);

	if (d->kind != DAY_LABEL)
		return key;
	sqlite3_bind_text(dk, 1, d->label, -1, SQLITE_STATIC);
	if (sqlite3_step(dk) == SQLITE_ROW)
		key = sqlite3_column_int64(dk, 0);
	sqlite3_reset(dk);
	return key;
}

/* The narrow search form: title, authors and categories. */
static void
narrow_form(struct buf *out, const struct paper *p)
{
	const char *t = p->title;

	buf_setlen(out, 0);
	index_fields(out, &t, 1);
	index_fields(out, p->authors, p->nauthors);
	index_fields(out, p->cats, p->ncats);
}

/* Insert one merged paper, its days and its index row; returns its id or -1. */
static int64_t
put_paper(struct sync *y, const struct lib *lib, const struct paper *p, sqlite3_stmt *const st[5],
    struct buf *nform, int64_t want)
{
	const struct day *newest = lib_day(lib, p->days[0]);
	int64_t id;
	size_t k;

	narrow_form(nform, p);
	store_bind_str(st[0], 1, p->key);
	sqlite3_bind_int64(st[0], 2, paper_dkey(y, st[3], newest));
	sqlite3_bind_int64(st[0], 3, -(int64_t)p->votes);
	sqlite3_bind_int(st[0], 4, p->title == NULL);
	store_bind_str(st[0], 5, p->title);
	sqlite3_bind_text(st[0], 6, newest->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st[0], 7, nform->buf, (int)nform->len, SQLITE_STATIC);
	if (want > 0)
		sqlite3_bind_int64(st[0], 8, want);
	else
		sqlite3_bind_null(st[0], 8);
	if (step(y, st[0]) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(y->s->db);
	for (k = 0; k < p->ndays; k++) {
		const struct day *d = lib_day(lib, p->days[k]);

		sqlite3_bind_text(st[1], 1, d->label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st[1], 2, id);
		step(y, st[1]);
		sqlite3_bind_text(st[4], 1, d->label, -1, SQLITE_STATIC);
		sqlite3_bind_int(st[4], 2, (int)d->kind);
		step(y, st[4]);
	}
	sqlite3_bind_int64(st[2], 1, id);
	step(y, st[2]);
	return y->err ? -1 : id;
}

/*
 * Insert the papers of a merged library; *map gets (paper, id) sorted by
 * paper.  With fixed (sorted the same way), each paper gets the id given
 * there.
 */
static int
put_papers(struct sync *y, const struct lib *lib, struct pid **map, const struct pid *fixed)
{
	static const char *const sql[5] = {
		("INSERT INTO papers(key, dkey, nvotes, untitled, title, newest, nform, id)"
		 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
		"INSERT INTO paper_days VALUES (?1, ?2)",
		"INSERT INTO fts_todo VALUES (?)",
		"SELECT dkey FROM days WHERE label = ?",
		"INSERT INTO tdays VALUES (?1, ?2) ON CONFLICT(label) DO UPDATE SET kind = ?2",
	};
	sqlite3_stmt *st[5];
	struct buf nform = BUF_INIT;
	size_t i, n = lib_npapers(lib);
	int k, ok = 1;

	buf_init(&nform);
	for (k = 0; k < 5; k++)
		ok &= (st[k] = store_prep(y->s, sql[k], y->msg)) != NULL;
	*map = xcalloc(n + 1, sizeof **map);
	for (i = 0; ok && i < n && !y->err; i++) {
		struct pid *f = NULL;

		(*map)[i].p = lib_paper(lib, i);
		if (fixed)
			f = bsearch(&(*map)[i], fixed, n, sizeof *fixed, pid_cmp);
		(*map)[i].id = put_paper(y, lib, (*map)[i].p, st, &nform, f ? f->id : 0);
	}
	qsort(*map, n, sizeof **map, pid_cmp);
	for (k = 0; k < 5; k++)
		sqlite3_finalize(st[k]);
	buf_free(&nform);
	return ok && !y->err ? 0 : fail(y);
}

/* Note in recs which paper each record went to. */
static int
assign(struct sync *y, const struct pid *map, size_t n, const struct replay_rec *as, size_t nas)
{
	sqlite3_stmt *up = store_prep(y->s, "UPDATE recs SET paper = ? WHERE file = ? AND seq = ?", y->msg);
	size_t i;

	for (i = 0; up && i < nas && !y->err; i++) {
		struct pid k, *hit;

		k.p = as[i].paper;
		hit = k.p ? bsearch(&k, map, n, sizeof *map, pid_cmp) : NULL;
		if (hit)
			sqlite3_bind_int64(up, 1, hit->id);
		else
			sqlite3_bind_null(up, 1);
		sqlite3_bind_int64(up, 2, as[i].file);
		sqlite3_bind_int64(up, 3, as[i].seq);
		step(y, up);
	}
	sqlite3_finalize(up);
	return up && !y->err ? 0 : fail(y);
}

/* Count the touched days again: new rows, new counts, or gone. */
static int
recount_days(struct sync *y)
{
	sqlite3_stmt *q = store_prep(y->s, "SELECT t.label, t.kind, (SELECT count(*) FROM paper_days"
	    " WHERE day = t.label) FROM tdays t", y->msg);
	sqlite3_stmt *del = store_prep(y->s, "DELETE FROM days WHERE label = ?", y->msg);
	sqlite3_stmt *put = store_prep(y->s, "INSERT INTO days VALUES (?1, ?2, ?3, ?4)"
	    " ON CONFLICT(label) DO UPDATE SET n = ?4", y->msg);
	int rc = SQLITE_DONE;

	while (q && del && put && !y->err && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct day d;
		int64_t n = sqlite3_column_int64(q, 2);

		memset(&d, 0, sizeof d);
		d.label = store_col(q, 0);
		d.kind = (enum day_kind)sqlite3_column_int(q, 1);
		if (n == 0) {
			sqlite3_bind_text(del, 1, d.label, -1, SQLITE_STATIC);
			step(y, del);
			continue;
		}
		sqlite3_bind_text(put, 1, d.label, -1, SQLITE_STATIC);
		sqlite3_bind_int(put, 2, (int)d.kind);
		sqlite3_bind_int64(put, 3, manifest_day_key(&d, 999999));
		sqlite3_bind_int64(put, 4, n);
		step(y, put);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(del);
	sqlite3_finalize(put);
	return q && del && put && !y->err && rc == SQLITE_DONE ? 0 : fail(y);
}

/*
 * Give labelled days (no year) their keys: by date, then in the order the
 * whole library first saw them (the first record, in reading order), as
 * lib.c orders them; papers whose newest day it is follow.
 */
static int
label_days(struct sync *y)
{
	sqlite3_stmt *q = store_prep(y->s, "SELECT d.label, d.dkey, (SELECT min(f.ord * 4294967296 + r.seq)"
	    " FROM recs r JOIN files f ON f.id = r.file WHERE r.lday = d.label AND r.paper IS NOT NULL) AS first"
	    " FROM days d WHERE d.kind = 1 ORDER BY first", y->msg);
	sqlite3_stmt *ud = store_prep(y->s, "UPDATE days SET dkey = ? WHERE label = ?", y->msg);
	sqlite3_stmt *up = store_prep(y->s, "UPDATE papers SET dkey = ? WHERE newest = ?", y->msg);
	int64_t seen = 0;
	int rc = SQLITE_DONE;

	while (q && ud && up && !y->err && (rc = sqlite3_step(q)) == SQLITE_ROW) {
		struct day d;
		int64_t key;

		memset(&d, 0, sizeof d);
		d.kind = DAY_LABEL;
		d.label = store_col(q, 0);
		key = manifest_day_key(&d, seen++);
		if (key == sqlite3_column_int64(q, 1))
			continue;
		sqlite3_bind_int64(ud, 1, key);
		sqlite3_bind_text(ud, 2, d.label, -1, SQLITE_STATIC);
		step(y, ud);
		sqlite3_bind_int64(up, 1, key);
		sqlite3_bind_text(up, 2, d.label, -1, SQLITE_STATIC);
		step(y, up);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ud);
	sqlite3_finalize(up);
	return q && ud && up && !y->err && rc == SQLITE_DONE ? 0 : fail(y);
}

/* Write a merged library's papers and where each record went (as, or fixed ids), then the days. */
static int
write_merged(struct sync *y, const struct lib *lib, const struct replay_rec *as, size_t nas,
    const struct pid *fixed)
{
	struct pid *map = NULL;
	int rc = put_papers(y, lib, &map, fixed);

	if (rc == 0 && !fixed)
		rc = assign(y, map, lib_npapers(lib), as, nas);
	free(map);
	if (rc == 0)
		rc = recount_days(y);
	if (rc == 0)
		rc = label_days(y);
	return rc;
}

/* Merge again the papers in tp with the new records, and write them. */
static int
merge_again(struct sync *y, size_t *npapers)
{
	int64_t *ids = NULL;
	long n = tp_ids(y, &ids, 0);
	struct replay_rec *rr = NULL;
	struct lib *lib = NULL;
	size_t nrr = 0;
	int rc = n < 0 ? -1 : drop_old(y, ids, (size_t)n);

	if (rc == 0)
		rc = set_order(y);
	free(ids);
	if (rc == 0 && (n = tp_ids(y, &ids, 1)) < 0)
		rc = -1;
	if (rc == 0 && (lib = replay_ids(y->s, ids, (size_t)n, &rr, &nrr, y->msg)) == NULL)
		rc = fail(y);
	if (rc == 0) {
		*npapers = lib_npapers(lib);
		rc = write_merged(y, lib, rr, nrr, NULL);
	}
	free(ids);
	free(rr);
	lib_free(lib);
	return rc;
}

/* Forget what load_old and plan found, to plan again. */
static void
plan_free(struct sync *y)
{
	size_t i;

	for (i = 0; i < y->nold; i++) {
		free(y->old[i].path);
		free(y->old[i].hash);
	}
	free(y->old);
	free(y->now);
	free(y->todo);
	y->old = NULL;
	y->now = NULL;
	y->todo = NULL;
	y->nold = y->ntodo = 0;
}

/* Free what a sync holds. */
static void
sync_free(struct sync *y)
{
	plan_free(y);
	ingest_items_free(y->items, y->nitems);
	buf_free(&y->row);
	buf_free(&y->key);
	lib_free(y->lib);
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

/*
 * The ids of the first build's papers, before lib_finish: the merge order
 * (what lib_add_paper returned) plus one, as the sink stored them.
 */
static struct pid *
first_ids(const struct lib *lib)
{
	size_t i, n = lib_npapers(lib);
	struct pid *v = xcalloc(n + 1, sizeof *v);

	for (i = 0; i < n; i++) {
		v[i].p = lib_paper(lib, i);
		v[i].id = (int64_t)i + 1;
	}
	qsort(v, n, sizeof *v, pid_cmp);
	return v;
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
set_roots(struct sync *y, const char *roots)
{
	sqlite3_stmt *st = store_prep(y->s, "INSERT OR REPLACE INTO meta VALUES ('roots', ?1), ('max', ?2)",
	    y->msg);
	char max[32];

	if (st == NULL)
		return fail(y);
	max_text(max, y->s->max_bytes);
	sqlite3_bind_text(st, 1, roots, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, max, -1, SQLITE_STATIC);
	step(y, st);
	sqlite3_finalize(st);
	return y->err ? -1 : 0;
}

/*
 * True when the store already is a sync of these inputs (read in a read
 * transaction, so that starting readers do not queue for the write lock).
 */
static int
up_to_date(struct sync *y, const char *roots, struct store_stats *stats)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int same = 0;

	if (sqlite3_exec(y->s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return 0;
	if (load_old(y) == 0 && y->nold && plan(y, stats) == 0 &&
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
	y->err = 0;
	buf_setlen(y->msg, 0);
	plan_free(y);
	return same;
}

/* The body of a sync, inside the transaction. */
static int
sync_body(struct sync *y, const char *roots, struct store_stats *stats)
{
	size_t npapers = 0;
	int first;

	if (load_old(y) < 0)
		return -1;
	first = y->nold == 0;
	if (plan(y, stats) == 0)
		return set_order(y) < 0 ? -1 : set_roots(y, roots);
	if (first) {
		/* a big transaction: keep its pages in memory rather than spill them to the WAL again and again */
		store_exec(y->s, "PRAGMA cache_size = -262144", NULL);
		y->lib = lib_new();
	}
	if (store_exec(y->s, temp_sql, y->msg) < 0 || add_rows(y) < 0 || read_todo(y) < 0)
		return fail(y);
	if (first) {
		struct pid *ids = first_ids(y->lib);
		int rc;

		lib_finish(y->lib);
		npapers = lib_npapers(y->lib);
		rc = write_merged(y, y->lib, NULL, 0, ids);
		free(ids);
		if (rc < 0)
			return -1;
	} else if (closure(y) < 0 || merge_again(y, &npapers) < 0) {
		return -1;
	}
	if (stats)
		stats->papers = npapers;
	return set_dated(y) < 0 ? -1 : set_roots(y, roots);
}

/* After a first build, the library it merged (caller frees), else NULL. */
static struct lib *
take_built(struct sync *y)
{
	struct lib *lib = y->lib;

	y->lib = NULL;
	return lib;
}

/* Bring the store up to date with paths. */
int
manifest_sync(struct store *s, const char *roots, char *const *paths, size_t npaths,
    const struct store_progress *prog, struct store_stats *stats, struct buf *msg)
{
	struct sync y;
	int rc;

	memset(&y, 0, sizeof y);
	y.s = s;
	y.msg = msg;
	y.prog = prog;
	buf_init(&y.row);
	buf_init(&y.key);
	if (stats)
		memset(stats, 0, sizeof *stats);
	list_inputs(&y, paths, npaths);
	y.all = max_changed(&y);
	if (up_to_date(&y, roots, stats)) {
		sync_free(&y);
		return 0;	/* nothing to write: no write lock taken */
	}
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		buf_printf(msg, "store '%s' is busy or cannot be written: %s", s->path, sqlite3_errmsg(s->db));
		sync_free(&y);
		return -1;
	}
	rc = sync_body(&y, roots, stats);
	store_exec(s, "PRAGMA cache_size = -16384", NULL);
	if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		rc = fail(&y);
	if (rc < 0)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	else if (y.lib)
		s->built = take_built(&y);
	sync_free(&y);
	return rc;
}
