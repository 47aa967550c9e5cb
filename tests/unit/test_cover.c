/* test_cover.c: a phrase's cover (store/cover.c) is the trigrams it
 * should be, and finds through pb_cover exactly the rows FTS5's phrase
 * query finds, on hand-made traps and on random text. */
#include "unit.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/cover.h"

/* The index's tokenizer and detail (store/store.c's schema), two columns. */
#define FTS_SQL "CREATE VIRTUAL TABLE fts USING fts5(a, b, tokenize='trigram case_sensitive 1'," \
	" content='', detail=full)"

/* A fresh in-memory database with the table and pb_cover. */
static sqlite3 *
open_db(void)
{
	sqlite3 *db = NULL;

	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, FTS_SQL, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(cover_register(db), 0);
	return db;
}

/* Add row id with columns a and b. */
static void
add_row(sqlite3 *db, int64_t id, const char *a, const char *b)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO fts(rowid, a, b) VALUES (?, ?, ?)", -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, b, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

/* The rowids a statement gives, ascending, each followed by a space. */
static void
rowids(sqlite3_stmt *st, struct buf *out)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		buf_printf(out, "%lld ", (long long)sqlite3_column_int64(st, 0));
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(st);
}

/* The rows FTS5's phrase query for p finds. */
static void
by_phrase(sqlite3 *db, const char *p, struct buf *out)
{
	sqlite3_stmt *st = NULL;
	struct buf q = BUF_INIT;

	cover_quote(&q, p, strlen(p));
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT rowid FROM fts WHERE fts MATCH ?1 ORDER BY rowid", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, q.buf, (int)q.len, SQLITE_STATIC);
	rowids(st, out);
	buf_free(&q);
}

/* The rows the cover of p finds (p must have one). */
static void
by_cover(sqlite3 *db, const char *p, struct buf *out)
{
	struct cover c;
	sqlite3_stmt *st = NULL;

	cover_init(&c);
	assert_int_equal(cover_make(&c, p, strlen(p)), 1);
	assert_int_equal(sqlite3_prepare_v2(db, COVER_SQL " ORDER BY rowid", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, c.q.buf, (int)c.q.len, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, c.off, (int)(c.n * sizeof *c.off), SQLITE_STATIC);
	rowids(st, out);
	cover_free(&c);
}

/* The cover of p finds the rows want (ids, each followed by a space), as the phrase does. */
static void
check_finds(sqlite3 *db, const char *p, const char *want)
{
	struct buf got = BUF_INIT, phrase = BUF_INIT;

	by_cover(db, p, &got);
	by_phrase(db, p, &phrase);
	assert_string_equal(buf_str(&got), want);
	assert_string_equal(buf_str(&phrase), want);
	buf_free(&got);
	buf_free(&phrase);
}

/* The trigrams and offsets of a few phrases; none for the short and the too long. */
static void
test_make(void **state)
{
	struct cover c;
	struct buf p = BUF_INIT;
	size_t i;

	(void)state;
	cover_init(&c);
	assert_int_equal(cover_make(&c, "transformer", 11), 1);
	assert_string_equal(buf_str(&c.q), "\"tra\" AND \"nsf\" AND \"orm\" AND \"mer\"");
	assert_int_equal(c.n, 4);
	assert_int_equal(c.off[0], 0);
	assert_int_equal(c.off[1], 3);
	assert_int_equal(c.off[2], 6);
	assert_int_equal(c.off[3], 8);
	/* five code points: two trigrams (the phrase has three); a quote doubled; code points, not bytes */
	assert_int_equal(cover_make(&c, "a\"b\xC3\xA9z", 6), 1);
	assert_string_equal(buf_str(&c.q), "\"a\"\"b\" AND \"b\xC3\xA9z\"");
	assert_int_equal(c.off[1], 2);
	/* four code points: the cover would be the phrase */
	assert_int_equal(cover_make(&c, "tran", 4), 0);
	assert_int_equal(cover_make(&c, "\xEA\xB0\x95\xED\x99\x94", 6), 0);
	/* the longest phrase with a cover of COVER_MAX trigrams, and one code point more */
	for (i = 0; i < 3 * (COVER_MAX - 1) + 3; i++)
		buf_addch(&p, (char)('a' + i % 26));
	assert_int_equal(cover_make(&c, p.buf, p.len), 1);
	assert_int_equal(c.n, COVER_MAX);
	assert_int_equal(c.off[COVER_MAX - 1], (int32_t)p.len - 3);
	buf_addch(&p, 'x');
	assert_int_equal(cover_make(&c, p.buf, p.len), 0);
	assert_int_equal(c.n, 0);
	buf_free(&p);
	cover_free(&c);
}

/*
 * Rows that hold every trigram of the cover but not the phrase: apart,
 * in two columns, overlapping wrongly; and rows that hold it once among
 * many near misses, at a line end, or twice.
 */
static void
test_traps(void **state)
{
	sqlite3 *db = open_db();

	(void)state;
	add_row(db, 1, "transformed former", "");
	add_row(db, 2, "transfo", "xxxxxxormer");	/* in line, were the columns one */
	add_row(db, 3, "tra nsf orm mer transforme", "");
	add_row(db, 4, "transfo transfor transformer", "");
	add_row(db, 5, "", "x\ntransformer\ntransformer");
	add_row(db, 6, "transformertransformer", "mer");
	check_finds(db, "transformer", "4 5 6 ");
	check_finds(db, "\ntransformer\n", "5 ");
	check_finds(db, "mer transf", "3 ");
	check_finds(db, "nsf orm", "3 ");
	sqlite3_close(db);
}

/* pb_cover refuses offsets that do not fit the query, and the query fails. */
static void
test_bad_offsets(void **state)
{
	sqlite3 *db = open_db();
	sqlite3_stmt *st = NULL;
	int32_t off[3] = { 0, 3, 6 };

	(void)state;
	add_row(db, 1, "transformer", "");
	assert_int_equal(sqlite3_prepare_v2(db, COVER_SQL, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, "\"tra\" AND \"nsf\" AND \"orm\" AND \"mer\"", -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, off, (int)sizeof off, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ERROR);
	sqlite3_finalize(st);
	sqlite3_close(db);
}

/* A letter of a small alphabet that makes near misses likely: a, b, space, é, a quote. */
static const char *
letter(unsigned r)
{
	static const char *const abc[] = { "a", "b", " ", "\xC3\xA9", "\"" };

	return abc[r % (sizeof abc / sizeof *abc)];
}

/* Random text of n letters (xorshift, seeded by the caller). */
static void
random_text(uint32_t *seed, size_t n, struct buf *out)
{
	size_t i;

	buf_setlen(out, 0);
	for (i = 0; i < n; i++) {
		*seed ^= *seed << 13;
		*seed ^= *seed >> 17;
		*seed ^= *seed << 5;
		buf_puts(out, letter(*seed >> 8));
	}
}

/* On random rows, random phrases of 5 to 9 letters: the cover finds what the phrase finds. */
static void
test_random(void **state)
{
	sqlite3 *db = open_db();
	struct buf a = BUF_INIT, b = BUF_INIT, p = BUF_INIT, got = BUF_INIT, want = BUF_INIT;
	uint32_t seed = 2463534242u;
	size_t i, nonempty = 0;

	(void)state;
	for (i = 0; i < 300; i++) {
		random_text(&seed, 12 + i % 40, &a);
		random_text(&seed, i % 7, &b);
		add_row(db, (int64_t)i + 1, a.buf, b.buf);
	}
	for (i = 0; i < 400; i++) {
		random_text(&seed, 5 + i % 5, &p);
		buf_setlen(&got, 0);
		buf_setlen(&want, 0);
		by_cover(db, p.buf, &got);
		by_phrase(db, p.buf, &want);
		assert_string_equal(buf_str(&got), buf_str(&want));
		nonempty += want.len > 0;
	}
	assert_true(nonempty > 50);	/* the comparison was not of empty sets alone */
	buf_free(&a);
	buf_free(&b);
	buf_free(&p);
	buf_free(&got);
	buf_free(&want);
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_make),
		cmocka_unit_test(test_traps),
		cmocka_unit_test(test_bad_offsets),
		cmocka_unit_test(test_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
