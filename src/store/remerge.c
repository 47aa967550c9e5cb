/* store/remerge.c: a sync's merging again -- the papers the changed records touch, and their days (see store/syncint.h). */
#include "store/syncint.h"
#include "store/indexer.h"

#include <stdlib.h>
#include <string.h>

/*
 * Keys of the new records, the gone ones and those of papers in tp; then
 * papers that share them.  (+paper: the planner must seek by the key, not
 * walk every merged record through recs_paper.)
 */
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
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE kid IN tk_id AND +paper > 0;"
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE ktitle IN tk_title AND +paper > 0;"
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE ktext IN tk_text AND +paper > 0;"
"INSERT OR IGNORE INTO tp SELECT paper FROM recs WHERE file IN tgone AND +paper > 0;";

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
 * them go into tp to be merged again (+paper: through recs_lday, which
 * holds only those, not recs_paper, which holds every record).
 */
static int
relabel(struct sync *y)
{
	struct buf now = BUF_INIT;
	char *was = meta_value(y, "dated");
	int rc = 0;

	buf_init(&now);
	if (manifest_dated(y->s, 1, &now, y->msg) < 0)
		rc = manifest_fail(y);
	else if (was == NULL || strcmp(was, buf_str(&now)) != 0)
		rc = store_exec(y->s, "INSERT OR IGNORE INTO tp SELECT paper FROM recs"
		    " WHERE lday IS NOT NULL AND +paper > 0", y->msg) < 0 ? manifest_fail(y) : 0;
	free(was);
	buf_free(&now);
	return rc;
}

/* Record the dates that resolved the labels of this sync (manifest_dated). */
int
remerge_set_dated(struct sync *y)
{
	struct buf now = BUF_INIT;
	sqlite3_stmt *st;

	buf_init(&now);
	if (manifest_dated(y->s, 0, &now, y->msg) < 0) {
		buf_free(&now);
		return manifest_fail(y);
	}
	st = store_prep(y->s, "INSERT OR REPLACE INTO meta VALUES ('dated', ?)", y->msg);
	if (st) {
		sqlite3_bind_text(st, 1, buf_str(&now), -1, SQLITE_TRANSIENT);
		manifest_step(y, st);
	}
	sqlite3_finalize(st);
	buf_free(&now);
	return st && !y->err ? 0 : manifest_fail(y);
}

/* Find the papers to merge again: those of gone records, closed under shared keys. */
int
remerge_closure(struct sync *y)
{
	sqlite3_stmt *g = store_prep(y->s, "INSERT INTO tgone VALUES (?)", y->msg);
	long long before = -1, after = 0;
	size_t i;

	for (i = 0; g && i < y->nold && !y->err; i++) {
		if (y->old[i].item >= 0 && !y->now[y->old[i].item].read)
			continue;
		sqlite3_bind_int64(g, 1, y->old[i].id);
		manifest_step(y, g);
	}
	sqlite3_finalize(g);
	if (g == NULL || y->err || relabel(y) < 0)
		return -1;
	while (after != before) {
		before = after;
		if (store_exec(y->s, closure_keys_sql, y->msg) < 0 ||
		    store_exec(y->s, closure_papers_sql, y->msg) < 0)
			return manifest_fail(y);
		if ((after = store_int(y->s, "SELECT count(*) FROM tp", -1, y->msg)) < 0)
			return manifest_fail(y);
	}
	return 0;
}

/* The ids in tp (plus 0, the new records, when with_new); returns how many, -1 on error. */
static long
tp_ids(struct sync *y, int64_t **ids, int with_new)
{
	long n = store_ids(y->s, with_new ? "SELECT 0 UNION ALL SELECT id FROM tp" : "SELECT id FROM tp", 0,
	    ids, y->msg);

	return n < 0 ? manifest_fail(y) : n;
}

/*
 * True when the k indexed papers that go are all the indexed papers (the
 * same files under another root, say); counted only when k is large.
 */
static int
all_indexed(struct sync *y, size_t k)
{
	if (k < 64)
		return 0;	/* merging them again costs more than counting */
	return store_int(y->s, "SELECT (SELECT count(*) FROM papers) - (SELECT count(*) FROM fts_todo)", -1,
	    NULL) == (long long)k;
}

/* Take the old papers out of the index (indexer_remove or indexer_clear) and the tables. */
static int
drop_old(struct sync *y, const int64_t *ids, size_t n)
{
	int64_t *done = xcalloc(n + 1, sizeof *done);
	/* the papers already in the index come out of it; the others were never in */
	long k = indexer_indexed(y->s, ids, n, done, y->msg);
	int rc = k < 0 ? -1 : 0;

	if (rc == 0 && k && all_indexed(y, (size_t)k))
		rc = indexer_clear(y->s, y->msg);
	else if (rc == 0 && k)
		rc = indexer_remove(y->s, done, (size_t)k, y->msg);
	free(done);
	if (rc < 0)
		return manifest_fail(y);
	return store_exec(y->s, "INSERT OR IGNORE INTO tdays SELECT day, NULL FROM paper_days WHERE paper IN tp;"
	    "DELETE FROM fts_todo WHERE id IN tp;"
	    "DELETE FROM paper_days WHERE paper IN tp; DELETE FROM papers WHERE id IN tp;"
	    "DELETE FROM bodies WHERE id IN (SELECT id FROM recs WHERE file IN tgone);"
	    "DELETE FROM recs WHERE file IN tgone; DELETE FROM msgs WHERE file IN tgone;"
	    "DELETE FROM files WHERE id IN tgone", y->msg) < 0 ? manifest_fail(y) : 0;
}

/* Set the new order (and stat) of the inputs that were not read again. */
int
remerge_set_order(struct sync *y)
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
		y->reordered |= o->ord != o->item;
		sqlite3_bind_int64(up, 1, o->item);
		sqlite3_bind_int64(up, 2, n->size);
		sqlite3_bind_int64(up, 3, n->mtime);
		sqlite3_bind_int64(up, 4, n->ino);
		sqlite3_bind_int64(up, 5, o->id);
		manifest_step(y, up);
	}
	sqlite3_finalize(up);
	return up && !y->err ? 0 : -1;
}

/* Order by paper pointer. */
static int
pid_cmp(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct pid *)a)->p, y = (uintptr_t)((const struct pid *)b)->p;

	return (x > y) - (x < y);
}

/* qsort: pids by id. */
static int
id_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct pid *)a)->id, y = ((const struct pid *)b)->id;

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

/* The merged categories of p, each ended by CATS_SEP (store/intern.h), into out. */
static void
merged_cats(struct buf *out, const struct paper *p)
{
	size_t n, i;
	const char *const *c = lib_merged_cats(p, &n);

	buf_setlen(out, 0);
	for (i = 0; i < n; i++) {
		buf_puts(out, c[i]);
		buf_addch(out, CATS_SEP);
	}
}

/*
 * Insert one merged paper, its days and its index row; returns its id or
 * -1.  b[0] and b[1] are scratch buffers.
 */
static int64_t
put_paper(struct sync *y, const struct lib *lib, const struct paper *p, sqlite3_stmt *const st[5],
    struct buf b[2], int64_t want)
{
	const struct day *newest = lib_day(lib, p->days[0]);
	/* known by its text (no id, no title key): the light library needs that text */
	int by_text = p->id == NULL && p->nsums && strncmp(p->key, "text:", 5) == 0;
	int64_t id;
	size_t k;

	indexer_narrow(&b[0], p);
	merged_cats(&b[1], p);
	store_bind_str(st[0], 1, p->key);
	sqlite3_bind_int64(st[0], 2, paper_dkey(y, st[3], newest));
	sqlite3_bind_int64(st[0], 3, -(int64_t)p->votes);
	sqlite3_bind_int(st[0], 4, p->title == NULL);
	store_bind_str(st[0], 5, p->title);
	sqlite3_bind_text(st[0], 6, newest->label, -1, SQLITE_STATIC);
	sqlite3_bind_text(st[0], 7, b[0].buf, (int)b[0].len, SQLITE_STATIC);
	if (want > 0)
		sqlite3_bind_int64(st[0], 8, want);
	else
		sqlite3_bind_null(st[0], 8);
	store_bind_str(st[0], 9, p->id);
	if (b[1].len)
		sqlite3_bind_text(st[0], 10, b[1].buf, (int)b[1].len, SQLITE_STATIC);
	else
		sqlite3_bind_null(st[0], 10);
	store_bind_str(st[0], 11, by_text ? p->sums[0].text : NULL);
	if (manifest_step(y, st[0]) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(y->s->db);
	for (k = 0; k < p->ndays; k++) {
		const struct day *d = lib_day(lib, p->days[k]);

		sqlite3_bind_text(st[1], 1, d->label, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st[1], 2, id);
		manifest_step(y, st[1]);
		sqlite3_bind_text(st[4], 1, d->label, -1, SQLITE_STATIC);
		sqlite3_bind_int(st[4], 2, (int)d->kind);
		manifest_step(y, st[4]);
	}
	sqlite3_bind_int64(st[2], 1, id);
	manifest_step(y, st[2]);
	return y->err ? -1 : id;
}

/*
 * Insert the papers of a merged library; *map gets (paper, id) sorted by
 * paper.  With fixed (sorted the same way, one for each paper of lib),
 * each paper gets the id given there.
 */
static int
put_papers(struct sync *y, const struct lib *lib, struct pid **map, const struct pid *fixed)
{
	static const char *const sql[5] = {
		("INSERT INTO papers(key, dkey, nvotes, untitled, title, newest, nform, id, aid, cats, utext)"
		 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
		"INSERT INTO paper_days VALUES (?1, ?2)",
		"INSERT INTO fts_todo VALUES (?)",
		"SELECT dkey FROM days WHERE label = ?",
		"INSERT INTO tdays VALUES (?1, ?2) ON CONFLICT(label) DO UPDATE SET kind = ?2",
	};
	sqlite3_stmt *st[5];
	struct buf b[2] = { BUF_INIT, BUF_INIT };
	size_t i, n = lib_npapers(lib);
	int k, ok = 1;

	buf_init(&b[0]);
	buf_init(&b[1]);
	for (k = 0; k < 5; k++)
		ok &= (st[k] = store_prep(y->s, sql[k], y->msg)) != NULL;
	*map = xcalloc(n + 1, sizeof **map);
	if (fixed) {
		/* in the order of their ids: rows appended, not put between others */
		memcpy(*map, fixed, n * sizeof **map);
		qsort(*map, n, sizeof **map, id_cmp);
	}
	for (i = 0; ok && i < n && !y->err; i++) {
		if (!fixed)
			(*map)[i].p = lib_paper(lib, i);
		(*map)[i].id = put_paper(y, lib, (*map)[i].p, st, b, fixed ? (*map)[i].id : 0);
	}
	qsort(*map, n, sizeof **map, pid_cmp);
	for (k = 0; k < 5; k++)
		sqlite3_finalize(st[k]);
	buf_free(&b[0]);
	buf_free(&b[1]);
	return ok && !y->err ? 0 : manifest_fail(y);
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
		manifest_step(y, up);
	}
	sqlite3_finalize(up);
	return up && !y->err ? 0 : manifest_fail(y);
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
			manifest_step(y, del);
			continue;
		}
		sqlite3_bind_text(put, 1, d.label, -1, SQLITE_STATIC);
		sqlite3_bind_int(put, 2, (int)d.kind);
		sqlite3_bind_int64(put, 3, manifest_day_key(&d, 999999));
		sqlite3_bind_int64(put, 4, n);
		manifest_step(y, put);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(del);
	sqlite3_finalize(put);
	return q && del && put && !y->err && rc == SQLITE_DONE ? 0 : manifest_fail(y);
}

/*
 * Give labelled days (no year) their keys: by date, then in the order the
 * whole library first saw them (the first record, in reading order), as
 * lib.c orders them; papers whose newest day it is follow.
 */
static int
label_days(struct sync *y)
{
	sqlite3_stmt *q = store_prep(y->s, "SELECT d.label, d.dkey, (SELECT min" READING_ORDER_SQL
	    " FROM recs r JOIN files f ON f.id = r.file WHERE r.lday = d.label AND r.paper IS NOT NULL) AS first"
	    " FROM days d WHERE d.kind = 1 ORDER BY first", y->msg);
	sqlite3_stmt *ud = store_prep(y->s, "UPDATE days SET dkey = ? WHERE label = ?", y->msg);
	sqlite3_stmt *up = store_prep(y->s, "UPDATE papers SET dkey = ?1 WHERE id IN"
	    " (SELECT paper FROM paper_days WHERE day = ?2) AND newest = ?2", y->msg);
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
		manifest_step(y, ud);
		sqlite3_bind_int64(up, 1, key);
		sqlite3_bind_text(up, 2, d.label, -1, SQLITE_STATIC);
		manifest_step(y, up);
	}
	sqlite3_finalize(q);
	sqlite3_finalize(ud);
	sqlite3_finalize(up);
	return q && ud && up && !y->err && rc == SQLITE_DONE ? 0 : manifest_fail(y);
}

/* Write a merged library's papers and where each record went (as, or fixed ids), then the days. */
int
remerge_write(struct sync *y, const struct lib *lib, const struct replay_rec *as, size_t nas,
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
int
remerge_papers(struct sync *y, size_t *npapers)
{
	int64_t *ids = NULL;
	long n = tp_ids(y, &ids, 0);
	struct replay_rec *rr = NULL;
	struct lib *lib = NULL;
	size_t nrr = 0;
	int rc = n < 0 ? -1 : drop_old(y, ids, (size_t)n);

	if (rc == 0)
		rc = remerge_set_order(y);
	free(ids);
	ids = NULL;
	if (rc == 0 && (n = tp_ids(y, &ids, 1)) < 0)
		rc = -1;
	if (rc == 0 && (lib = replay_ids(y->s, ids, (size_t)n, &rr, &nrr, y->msg)) == NULL)
		rc = manifest_fail(y);
	if (rc == 0) {
		*npapers = lib_npapers(lib);
		rc = remerge_write(y, lib, rr, nrr, NULL);
	}
	free(ids);
	free(rr);
	lib_free(lib);
	return rc;
}


/*
 * The ids of the first build's papers, before lib_finish: the merge order
 * (what lib_add_paper returned) plus one, as the sink stored them.
 */
struct pid *
remerge_first_ids(const struct lib *lib)
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

