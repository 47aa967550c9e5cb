/* fuzz_cover.c: libFuzzer target for a phrase's cover (store/cover.c).
 *
 * The input is a query, then after the first NUL byte the rows: each
 * ended by \x01, its two columns split by \x02; every piece is cleaned as
 * the store's text is (text_clean).  The rows go into an in-memory FTS5
 * table with the index's tokenizer.  Oracles:
 *  - when cover_make gives a cover, COVER_SQL finds exactly the rows the
 *    phrase query finds;
 *  - it gives one for every phrase of 5 to 3 * (COVER_MAX - 1) + 3 code
 *    points and for no other.
 *
 * Build and run: tests/fuzz/run.sh (make fuzz).
 */
#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "store/cover.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Most rows one input adds. */
#define MAX_ROWS 64

/* The rowids a bound statement gives, each followed by a space (finalizes it). */
static void
rowids(sqlite3_stmt *st, struct buf *out)
{
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(out, "%lld ", (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
}

/* Add row id: s[0..n) cleaned, its columns split at the first \x02. */
static void
add_row(sqlite3_stmt *ins, int64_t id, const char *s, size_t n)
{
	const char *sep = memchr(s, '\x02', n);
	size_t na = sep ? (size_t)(sep - s) : n;
	struct buf a = BUF_INIT, b = BUF_INIT;

	text_clean(&a, s, na, 0);
	if (sep)
		text_clean(&b, sep + 1, n - na - 1, 0);
	sqlite3_bind_int64(ins, 1, id);
	sqlite3_bind_text(ins, 2, buf_str(&a), (int)a.len, SQLITE_STATIC);
	sqlite3_bind_text(ins, 3, buf_str(&b), (int)b.len, SQLITE_STATIC);
	sqlite3_step(ins);
	sqlite3_reset(ins);
	buf_free(&a);
	buf_free(&b);
}

/* Fill the table from the rows part of the input. */
static void
add_rows(sqlite3 *db, const char *s, size_t n)
{
	sqlite3_stmt *ins = NULL;
	size_t at = 0;
	int64_t id = 1;

	if (sqlite3_prepare_v2(db, "INSERT INTO fts(rowid, a, b) VALUES (?, ?, ?)", -1, &ins, NULL) != SQLITE_OK)
		abort();
	while (at < n && id <= MAX_ROWS) {
		const char *end = memchr(s + at, '\x01', n - at);
		size_t len = end ? (size_t)(end - (s + at)) : n - at;

		add_row(ins, id++, s + at, len);
		at += len + 1;
	}
	sqlite3_finalize(ins);
}

/* The phrase query's rows and the cover's, compared. */
static void
compare(sqlite3 *db, const struct buf *q, const struct cover *c)
{
	struct buf phrase = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	sqlite3_stmt *st = NULL;

	cover_quote(&phrase, q->buf, q->len);
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(st, 1, phrase.buf, (int)phrase.len, SQLITE_STATIC);
	rowids(st, &want);
	if (sqlite3_prepare_v2(db, COVER_SQL " ORDER BY rowid", -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_text(st, 1, c->q.buf, (int)c->q.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, c->off, (int)(c->n * sizeof *c->off), SQLITE_STATIC);
	rowids(st, &got);
	if (strcmp(buf_str(&want), buf_str(&got)) != 0)
		abort();
	buf_free(&phrase);
	buf_free(&want);
	buf_free(&got);
}

/* Code points in s[0..n) (valid UTF-8). */
static size_t
ncp(const char *s, size_t n)
{
	size_t i = 0, k = 0;

	while (i < n) {
		text_decode(s, n, &i);
		k++;
	}
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nul = memchr(s, '\0', size);
	size_t nq = nul ? (size_t)(nul - s) : size, k;
	struct buf q = BUF_INIT;
	struct cover c;
	sqlite3 *db = NULL;
	int has;

	text_clean(&q, s, nq, 0);
	cover_init(&c);
	has = cover_make(&c, buf_str(&q), q.len);
	k = ncp(q.buf ? q.buf : "", q.len);
	if (has != (k >= 5 && k <= 3 * (COVER_MAX - 1) + 3))
		abort();
	if (has && nul) {
		if (sqlite3_open(":memory:", &db) != SQLITE_OK || cover_register(db) != 0 ||
		    sqlite3_exec(db, "CREATE VIRTUAL TABLE fts USING fts5(a, b, tokenize='trigram case_sensitive 1',"
		    " content='', detail=full)", NULL, NULL, NULL) != SQLITE_OK)
			abort();
		add_rows(db, nul + 1, size - nq - 1);
		compare(db, &q, &c);
		sqlite3_close(db);
	}
	cover_free(&c);
	buf_free(&q);
	return 0;
}
