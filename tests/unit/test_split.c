/* test_split.c: the helper (store/split.c) reads the rows a query gives
 * from a rowid up, as the asking connection would; it can be asked again
 * and again; a helper that cannot open the store, finds another mark or
 * cannot prepare says so. */
#include "unit.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/cover.h"
#include "store/intern.h"
#include "store/split.h"

static char path[64], mark[64];
static sqlite3 *db;

/* A store-like file: an FTS5 table of 400 rows, every third one holding "transformer". */
static int
setup(void **unused)
{
	char dir[] = "/tmp/pbsplit.XXXXXX";
	sqlite3_stmt *st = NULL;
	int i;

	(void)unused;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/s.db", dir);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL; CREATE VIRTUAL TABLE fts USING fts5(a, b,"
	    " tokenize='trigram case_sensitive 1', content='', detail=full);"
	    "CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID;"
	    "INSERT INTO meta VALUES ('made', 'c0ffee'), ('parser', 'test/1')", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, STORE_MARK_SQL, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(mark, sizeof mark, "%s", (const char *)sqlite3_column_text(st, 0));
	assert_string_equal(mark, "c0ffee test/1");
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO fts(rowid, a, b) VALUES (?, ?, 'x')", -1, &st, NULL),
	    SQLITE_OK);
	for (i = 1; i <= 400; i++) {
		sqlite3_bind_int(st, 1, i);
		sqlite3_bind_text(st, 2, i % 3 ? "transformed former" : "a transformer", -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	assert_int_equal(cover_register(db), 0);
	return 0;
}

/* Remove the file and its directory. */
static int
teardown(void **unused)
{
	char dir[64], *slash;

	(void)unused;
	sqlite3_close(db);
	snprintf(dir, sizeof dir, "%s", path);
	slash = strrchr(dir, '/');
	*slash = '\0';
	unlink(path);
	strcat(dir, "/s.db-wal");
	unlink(dir);
	*strrchr(dir, '/') = '\0';
	rmdir(dir);
	return 0;
}

/* The rowids this connection reads for sql (?1 q, ?2 blob, ?3 from), each followed by a space. */
static void
direct(const char *sql, const char *q, const void *blob, size_t nblob, int64_t from, struct buf *out)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
	if (blob)
		sqlite3_bind_blob(st, 2, blob, (int)nblob, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, from);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(out, "%lld ", (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
}

/* The helper's answer, in the same form. */
static long
helped(struct split *sp, struct buf *out)
{
	const int64_t *ids;
	long n = split_answer(sp, &ids), i;

	for (i = 0; i < n; i++)
		buf_printf(out, "%lld ", (long long)ids[i]);
	return n;
}

/* The helper reads what this connection reads, for a phrase and for a cover, from several rowids. */
static void
test_same_rows(void **state)
{
	static const char phrase_sql[] = "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid >= ?3";
	static const char cover_sql[] = COVER_SQL " AND rowid >= ?3";
	struct split *sp = split_new(path, mark);
	struct buf want = BUF_INIT, got = BUF_INIT;
	struct cover c;
	int64_t from;

	(void)state;
	cover_init(&c);
	assert_int_equal(cover_make(&c, "transformer", 11), 1);
	for (from = 0; from <= 450; from += 50) {
		buf_setlen(&want, 0);
		buf_setlen(&got, 0);
		direct(phrase_sql, "\"transformer\"", NULL, 0, from, &want);
		assert_int_equal(split_ask(sp, phrase_sql, "\"transformer\"", 13, NULL, 0, from), 0);
		assert_int_equal(helped(sp, &got), from <= 400 ? 400 / 3 - ((from ? from : 1) - 1) / 3 : 0);
		assert_string_equal(buf_str(&got), buf_str(&want));
		buf_setlen(&got, 0);
		assert_int_equal(split_ask(sp, cover_sql, c.q.buf, c.q.len, c.off, c.n * sizeof *c.off, from), 0);
		helped(sp, &got);
		assert_string_equal(buf_str(&got), buf_str(&want));
	}
	cover_free(&c);
	split_free(sp);
	buf_free(&want);
	buf_free(&got);
}

/*
 * A helper never asked ends cleanly.  One whose store cannot open, or
 * whose file has another mark (a store built anew at its path), says so
 * and is not asked again; one whose statement fails answers -1 and then
 * the next question.  One freed while asked ends cleanly.
 */
static void
test_failures(void **state)
{
	static const char sql[] = "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid >= ?3";
	struct split *sp = split_new(path, mark);
	const int64_t *ids;

	(void)state;
	split_free(sp);
	sp = split_new("/nonexistent/pb/s.db", mark);
	assert_int_equal(split_ask(sp, sql, "\"abc\"", 5, NULL, 0, 0), 0);
	assert_int_equal(split_answer(sp, &ids), -1);
	assert_int_equal(split_ask(sp, sql, "\"abc\"", 5, NULL, 0, 0), -1);
	split_free(sp);
	sp = split_new(path, "another test/1");
	assert_int_equal(split_ask(sp, sql, "\"tra\"", 5, NULL, 0, 0), 0);
	assert_int_equal(split_answer(sp, &ids), -1);
	assert_int_equal(split_ask(sp, sql, "\"tra\"", 5, NULL, 0, 0), -1);
	split_free(sp);
	sp = split_new(path, mark);
	assert_int_equal(split_ask(sp, "SELECT rowid FROM no_such_table", "", 0, NULL, 0, 0), 0);
	assert_int_equal(split_answer(sp, &ids), -1);
	assert_int_equal(split_ask(sp, sql, "\"abc\"", 5, NULL, 0, 0), 0);
	assert_int_equal(split_answer(sp, &ids), 0);	/* failed once, answers again */
	assert_int_equal(split_ask(sp, sql, "\"tra\"", 5, NULL, 0, 0), 0);
	split_free(sp);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_rows),
		cmocka_unit_test(test_failures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
