/* store/indexer.c: the full-text index's content: the index form, and writing the index. */
#include "store/indexer.h"
#include "store/intern.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define STR_(x) #x
#define STR(x) STR_(x)

/* Append form[0..n) with a marker after every vowel jamo that no final follows. */
void
indexer_marks(struct buf *out, const char *form, size_t n)
{
	size_t i = 0, start;
	int prev_vowel = 0;

	while (i < n) {
		int32_t cp;

		start = i;
		cp = text_decode(form, n, &i);
		if (prev_vowel && !text_jamo_final(cp))
			buf_addch(out, INDEXER_MARK);
		buf_add(out, form + start, i - start);
		prev_vowel = text_jamo_vowel(cp);
	}
	if (prev_vowel)
		buf_addch(out, INDEXER_MARK);
}

/* The index form of s. */
void
indexer_form(struct buf *out, const char *s, size_t n)
{
	struct buf f = BUF_INIT;

	buf_init(&f);
	text_search_form(&f, s, n, NULL, NULL);
	indexer_marks(out, f.buf, f.len);
	buf_free(&f);
}

/* The index form of each field, each followed by a newline. */
void
indexer_fields(struct buf *out, const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] == NULL)
			continue;
		indexer_form(out, v[i], strlen(v[i]));
		buf_addch(out, '\n');
	}
}

/* The four index columns of a paper: title, authors, categories, summaries. */
static void
columns(const struct paper *p, struct buf col[4])
{
	size_t k;
	const char *t = p->title;

	for (k = 0; k < 4; k++)
		buf_setlen(&col[k], 0);
	indexer_fields(&col[0], &t, 1);
	indexer_fields(&col[1], p->authors, p->nauthors);
	indexer_fields(&col[2], p->cats, p->ncats);
	for (k = 0; k < p->nsums; k++)
		indexer_fields(&col[3], &p->sums[k].text, 1);
}

/* The narrow search form: title, authors and categories. */
void
indexer_narrow(struct buf *out, const struct paper *p)
{
	const char *t = p->title;

	buf_setlen(out, 0);
	indexer_fields(out, &t, 1);
	indexer_fields(out, p->authors, p->nauthors);
	indexer_fields(out, p->cats, p->ncats);
}

/*
 * Insert (del 0) or delete (del 1) the index rows of papers ids[0..n),
 * merged again from their records; their ids come from their keys.
 */
static int
put_rows(struct store *s, const int64_t *ids, size_t n, int del, struct buf *msg)
{
	struct lib *lib = replay_ids(s, ids, n, NULL, NULL, msg);
	sqlite3_stmt *key = store_prep(s, "SELECT id FROM papers WHERE key = ?", msg);
	sqlite3_stmt *ins = store_prep(s, del ?
	    "INSERT INTO fts(fts, rowid, title, authors, cats, sums) VALUES ('delete', ?, ?, ?, ?, ?)" :
	    "INSERT INTO fts(rowid, title, authors, cats, sums) VALUES (?, ?, ?, ?, ?)", msg);
	struct buf col[4];
	size_t i, k;
	int rc = lib && key && ins ? SQLITE_DONE : SQLITE_ERROR;

	for (k = 0; k < 4; k++)
		buf_init(&col[k]);
	for (i = 0; rc == SQLITE_DONE && i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i);

		sqlite3_bind_text(key, 1, p->key, -1, SQLITE_STATIC);
		if (sqlite3_step(key) == SQLITE_ROW) {
			columns(p, col);
			sqlite3_bind_int64(ins, 1, sqlite3_column_int64(key, 0));
			for (k = 0; k < 4; k++)
				sqlite3_bind_text(ins, 2 + (int)k, col[k].buf, (int)col[k].len, SQLITE_STATIC);
			rc = sqlite3_step(ins);
			if (rc != SQLITE_DONE) {	/* before the resets put SQLITE_OK back */
				buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
				store_damaged(s, rc);
			}
			sqlite3_reset(ins);
		}
		sqlite3_reset(key);
	}
	for (k = 0; k < 4; k++)
		buf_free(&col[k]);
	sqlite3_finalize(key);
	sqlite3_finalize(ins);
	lib_free(lib);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Those of ids[0..n) in the index (see indexer.h). */
long
indexer_indexed(struct store *s, const int64_t *ids, size_t n, int64_t *out, struct buf *msg)
{
	sqlite3_stmt *todo = store_prep(s, "SELECT 1 FROM fts_todo WHERE id = ?", msg);
	size_t i, k = 0;

	if (todo == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(todo, 1, ids[i]);
		if (sqlite3_step(todo) != SQLITE_ROW)
			out[k++] = ids[i];
		sqlite3_reset(todo);
	}
	sqlite3_finalize(todo);
	return (long)k;
}

/* Take papers out of the index. */
int
indexer_remove(struct store *s, const int64_t *ids, size_t n, struct buf *msg)
{
	return put_rows(s, ids, n, 1, msg);
}

/* Take every paper out of the index. */
int
indexer_clear(struct store *s, struct buf *msg)
{
	return store_exec(s, "INSERT INTO fts(fts) VALUES ('delete-all')", msg);
}

/* Forget that papers ids[0..n) wait to be indexed. */
static int
done_ids(struct store *s, const int64_t *ids, size_t n, struct buf *msg)
{
	sqlite3_stmt *st = store_prep(s, "DELETE FROM fts_todo WHERE id = ?", msg);
	size_t i;
	int rc = st ? SQLITE_DONE : SQLITE_ERROR;

	for (i = 0; i < n && rc == SQLITE_DONE; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	if (rc != SQLITE_DONE && st)
		buf_printf(msg, "store '%s': %s", s->path, sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * A share of the papers waiting to be indexed at least this large (of
 * all) asks for the index's segments to be merged into one afterwards
 * (meta 'tidy' = 'all'): a first build, which leaves many.  A day added
 * leaves one small segment, which FTS5's own merging takes care of:
 * merging the whole index into one again for it would rewrite it all.
 */
#define TIDY_ALL_SHARE 4	/* a quarter */

/* Note that a full merge is wanted when the n papers waiting are many (inside the transaction). */
static int
want_full_merge(struct store *s, long long n, struct buf *msg)
{
	if (store_int(s, "SELECT count(*) FROM meta WHERE k = 'tidy'", 0, NULL) > 0)
		return 0;
	if (n * TIDY_ALL_SHARE < store_int(s, "SELECT count(*) FROM papers", 0, NULL))
		return 0;
	return store_exec(s, "INSERT OR REPLACE INTO meta VALUES ('tidy', 'all')", msg);
}

/* Index up to max waiting papers in one transaction. */
long
indexer_build(struct store *s, size_t max, struct buf *msg)
{
	int64_t *ids = NULL;
	long n;
	long long rest = -1;

	if (manifest_wait(s, msg) < 0 || store_exec(s, "BEGIN IMMEDIATE", msg) < 0)
		return -1;
	n = store_ids(s, "SELECT id FROM fts_todo ORDER BY id LIMIT ?", (int64_t)max, &ids, msg);
	if (n >= 0 && put_rows(s, ids, (size_t)n, 0, msg) == 0 && done_ids(s, ids, (size_t)n, msg) == 0)
		rest = store_int(s, "SELECT count(*) FROM fts_todo", -1, msg);
	if (n > 0 && rest >= 0 && want_full_merge(s, rest + n, msg) < 0)
		rest = -1;
	if (rest < 0 || store_exec(s, "COMMIT", msg) < 0) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		rest = -1;
	}
	free(ids);
	return (long)rest;
}

/* Pages one merge step writes at most: a short transaction. */
#define TIDY_PAGES 1000

/*
 * Merge the index's segments a step further (see indexer.h): all of them
 * into one when a full merge is wanted (FTS5's 'merge' with a negative
 * count), else only a level that has reached FTS5's usermerge segments.
 */
int
indexer_tidy(struct store *s, struct buf *msg)
{
	int before;
	long long all;

	if (manifest_wait(s, msg) < 0)
		return -1;
	if ((all = store_int(s, "SELECT count(*) FROM meta WHERE k = 'tidy'", -1, msg)) < 0)
		return -1;
	before = sqlite3_total_changes(s->db);
	if (store_exec(s, all ? "INSERT INTO fts(fts, rank) VALUES ('merge', -" STR(TIDY_PAGES) ")" :
	    "INSERT INTO fts(fts, rank) VALUES ('merge', " STR(TIDY_PAGES) ")", msg) < 0)
		return -1;
	if (sqlite3_total_changes(s->db) - before >= 2)
		return 1;
	/* done, unless another process has given the index more to take since */
	if (all && store_exec(s, "DELETE FROM meta WHERE k = 'tidy' AND NOT EXISTS (SELECT 1 FROM fts_todo)", msg) < 0)
		return -1;
	return 0;
}
