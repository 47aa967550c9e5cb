/* test_store.c: the store gives what parsing gives -- library, days, day
 * lists, single papers and search -- through incremental syncs; rows
 * round-trip and damaged rows are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "unit.h"

#include "base/buf.h"
#include "export/dump.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "model/search.h"
#include "store/index.h"
#include "store/indexer.h"
#include "store/intern.h"
#include "store/row.h"
#include "store/store.h"

#define PB_STR(x) PB_STR2(x)
#define PB_STR2(x) #x

static char dir[256], lib_dir[300], db[300];
static char root[310];		/* the path synced and parsed: lib_dir, or another name of it */

/* Write a file under the library directory. */
static void
put(const char *name, const char *text)
{
	char path[400];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", lib_dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Remove a file of the library directory. */
static void
del(const char *name)
{
	char path[400];

	snprintf(path, sizeof path, "%s/%s", lib_dir, name);
	assert_int_equal(unlink(path), 0);
}

/* Every paper of lib as --dump lines. */
static void
dump_all(struct buf *out, const struct lib *lib)
{
	size_t i;

	for (i = 0; i < lib_npapers(lib); i++) {
		dump_paper(out, lib, NULL, lib_paper(lib, i));
		buf_addch(out, '\n');
	}
}

/* A paper's line: its key and its categories as spelled. */
static void
paper_line(struct buf *out, const struct paper *p)
{
	size_t k;

	buf_puts(out, p->key);
	for (k = 0; k < p->ncats; k++)
		buf_printf(out, " [%s]", p->cats[k]);
	buf_addch(out, '\n');
}

/* The keys of a library's papers with their categories, one per line. */
static void
keys_of(struct buf *out, const struct lib *lib)
{
	size_t i;

	for (i = 0; i < lib_npapers(lib); i++)
		paper_line(out, lib_paper(lib, i));
}

/* The days of a library, a line each: label, kind, papers. */
static void
day_labels(struct buf *out, const struct lib *lib)
{
	size_t i;

	for (i = 0; i < lib_ndays(lib); i++)
		buf_printf(out, "%s %d %zu\n", lib_day(lib, i)->label, (int)lib_day(lib, i)->kind,
		    lib_day(lib, i)->npapers);
}

/* Each summary of b has the publisher of a's (which --dump does not print). */
static void
same_publishers(const struct paper *a, const struct paper *b)
{
	size_t i;

	assert_int_equal(a->nsums, b->nsums);
	for (i = 0; i < a->nsums; i++) {
		assert_non_null(a->sums[i].publisher);	/* the test's files are in a folder named "lib" */
		assert_non_null(b->sums[i].publisher);
		assert_string_equal(a->sums[i].publisher, b->sums[i].publisher);
	}
}

/* A paper's key, categories and day labels in lib, a line. */
static void
paper_days_line(struct buf *out, const struct lib *lib, const struct paper *p)
{
	size_t k;

	buf_setlen(out, 0);
	paper_line(out, p);
	for (k = 0; k < p->ndays; k++)
		buf_printf(out, " %s", lib_day(lib, p->days[k])->label);
}

/*
 * The window on day d holding the papers of every third paper's key too
 * (and an unknown key): exactly those papers, each with lib's days.
 */
static void
check_window_with(struct store *s, const struct lib *lib, size_t d)
{
	struct buf msg = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	size_t np = lib_npapers(lib), i, k, n = 0, nwant = 0;
	const char **keys = calloc(np + 1, sizeof *keys);
	char *in = calloc(np + 1, 1);
	struct lib *w;

	keys[n++] = "arxiv:0000.00000";
	for (i = 0; i < np; i += 3) {
		keys[n++] = lib_paper(lib, i)->key;
		in[i] = 1;
	}
	for (k = 0; k < lib_day(lib, d)->npapers; k++)
		in[lib_day(lib, d)->papers[k]] = 1;
	w = store_lib_window_with(s, lib_day(lib, d)->label, keys, n, &msg);
	assert_non_null(w);
	for (i = 0; i < np; i++)
		nwant += in[i];
	assert_int_equal(lib_npapers(w), nwant);
	for (i = 0; i < lib_npapers(w); i++) {
		long j;

		for (j = 0; j < (long)np && strcmp(lib_paper(lib, (size_t)j)->key, lib_paper(w, i)->key); j++)
			;
		assert_true(j < (long)np && in[j]);
		paper_days_line(&want, lib, lib_paper(lib, (size_t)j));
		paper_days_line(&got, w, lib_paper(w, i));
		assert_string_equal(buf_str(&got), buf_str(&want));
	}
	assert_int_equal(lib_day(w, d)->npapers, lib_day(w, d)->count);
	lib_free(w);
	free(keys);
	free(in);
	buf_free(&msg);
	buf_free(&want);
	buf_free(&got);
}

/* The window on day d of lib (every day with its count, d's papers) matches lib. */
static void
check_window(struct store *s, const struct lib *lib, size_t d)
{
	struct buf msg = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	struct lib *w = store_lib_window(s, lib_day(lib, d)->label, &msg);
	size_t i, k;

	assert_non_null(w);
	assert_true(lib_is_light(w));
	assert_int_equal(lib_ndays(w), lib_ndays(lib));
	for (i = 0; i < lib_ndays(lib); i++) {
		assert_string_equal(lib_day(w, i)->label, lib_day(lib, i)->label);
		assert_int_equal(lib_day(w, i)->kind, lib_day(lib, i)->kind);
		assert_int_equal(lib_day(w, i)->count, lib_day(lib, i)->npapers);
		assert_int_equal(lib_day_find(w, lib_day(lib, i)->label), (long)i);
	}
	assert_int_equal(lib_day(w, d)->npapers, lib_day(w, d)->count);
	buf_setlen(&want, 0);
	buf_setlen(&got, 0);
	for (k = 0; k < lib_day(lib, d)->npapers; k++)
		paper_line(&want, lib_paper(lib, lib_day(lib, d)->papers[k]));
	for (k = 0; k < lib_day(w, d)->npapers; k++)
		paper_line(&got, lib_paper(w, lib_day(w, d)->papers[k]));
	assert_string_equal(buf_str(&got), buf_str(&want));
	assert_int_equal(lib_whole(w), lib_npapers(w) == lib_npapers(lib));
	lib_free(w);
	buf_free(&msg);
	buf_free(&want);
	buf_free(&got);
}

/* What check_reads counts: keys of every other paper of lib, and the days they are on. */
struct reads {
	const struct lib *lib, *w;
	const char **keys;
	size_t nkeys;
	size_t *got;
	long last;		/* the day of the last call */
	int apart;		/* a day's papers came apart */
};

/* store_key_fn: count key on its day when it is one of r's keys. */
static void
count_key(void *arg, const char *day, const char *key)
{
	struct reads *r = arg;
	long d = lib_day_find(r->w, day ? day : "undated");
	size_t i;

	assert_true(d >= 0);
	r->apart |= d < r->last;
	r->last = d;
	for (i = 0; i < r->nkeys; i++)
		if (strcmp(r->keys[i], key) == 0)
			r->got[d]++;
}

/*
 * store_days_keys gives every day's keys (as counted for every other
 * paper of lib, on each of its days), for a range of days and all;
 * store_count_keys counts the keys the store has.
 */
static void
check_reads(struct store *s, const struct lib *lib)
{
	struct buf msg = BUF_INIT;
	struct lib *w = store_lib_window(s, NULL, &msg);
	size_t nd = lib_ndays(lib), np = lib_npapers(lib), i, k;
	const char **keys = calloc(np + 1, sizeof *keys);
	size_t *want = calloc(nd + 1, sizeof *want), *got = calloc(nd + 1, sizeof *got);
	struct reads r = { lib, w, keys, 0, got, -1, 0 };

	assert_non_null(w);
	keys[r.nkeys++] = "arxiv:0000.00000";
	for (i = 0; i < np; i += 2) {
		const struct paper *p = lib_paper(lib, i);

		keys[r.nkeys++] = p->key;
		for (k = 0; k < p->ndays; k++)
			want[p->days[k]]++;
	}
	assert_int_equal(store_days_keys(s, 0, nd + 5, count_key, &r, &msg), 0);
	for (i = 0; i < nd; i++)
		assert_int_equal(got[i], want[i]);
	assert_false(r.apart);
	memset(got, 0, (nd + 1) * sizeof *got);
	r.last = -1;
	assert_int_equal(store_days_keys(s, 1, 1, count_key, &r, &msg), 0);
	for (i = 0; i < nd; i++)
		assert_int_equal(got[i], i == 1 ? want[i] : 0);
	assert_int_equal(store_count_keys(s, keys, r.nkeys, &msg), (long)r.nkeys - 1);
	assert_int_equal(store_count_keys(s, keys, 0, &msg), 0);
	free(keys);
	free(want);
	free(got);
	lib_free(w);
	buf_free(&msg);
}

/* The days, day lists and single papers of the store match lib. */
static void
check_views(struct store *s, const struct lib *lib)
{
	struct store_day *days;
	struct buf msg = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	long n = store_days(s, &days, &msg), i;
	size_t k;

	assert_int_equal(n, (long)lib_ndays(lib));
	for (i = 0; i < n; i++) {
		const struct day *d = lib_day(lib, (size_t)i);
		struct lib *dl = store_lib_day(s, days[i].label, &msg);

		assert_string_equal(days[i].label, d->label);
		assert_int_equal(days[i].npapers, d->npapers);
		assert_non_null(dl);
		buf_setlen(&want, 0);
		for (k = 0; k < d->npapers; k++)
			paper_line(&want, lib_paper(lib, d->papers[k]));
		buf_setlen(&got, 0);
		keys_of(&got, dl);
		assert_string_equal(buf_str(&got), buf_str(&want));
		lib_free(dl);
		/* the same day, light (the reader's first screen): the same papers and days */
		dl = store_lib_light(s, days[i].label, &msg);
		assert_non_null(dl);
		assert_true(lib_is_light(dl));
		buf_setlen(&got, 0);
		keys_of(&got, dl);
		assert_string_equal(buf_str(&got), buf_str(&want));
		buf_setlen(&got, 0);
		buf_setlen(&want, 0);
		day_labels(&got, dl);
		lib_free(dl);
		dl = store_lib_day(s, days[i].label, &msg);
		day_labels(&want, dl);
		assert_string_equal(buf_str(&got), buf_str(&want));
		lib_free(dl);
		check_window(s, lib, (size_t)i);
		check_window_with(s, lib, (size_t)i);
	}
	store_days_free(days, (size_t)n);
	check_reads(s, lib);
	buf_setlen(&got, 0);	/* the newest day, read alone, is the first of them */
	assert_int_equal(store_newest_day(s, &got, &msg), n > 0);
	assert_string_equal(buf_str(&got), n > 0 ? lib_day(lib, 0)->label : "");
	for (k = 0; k < lib_npapers(lib); k++) {
		const struct paper *p = lib_paper(lib, k);
		struct lib *one = store_lib_paper(s, p->key, &msg);

		assert_non_null(one);
		assert_int_equal(lib_npapers(one), 1);
		buf_setlen(&want, 0);
		buf_setlen(&got, 0);
		dump_paper(&want, lib, NULL, p);
		dump_paper(&got, one, NULL, lib_paper(one, 0));
		assert_string_equal(buf_str(&got), buf_str(&want));
		same_publishers(p, lib_paper(one, 0));
		lib_free(one);
	}
	buf_free(&msg);
	buf_free(&want);
	buf_free(&got);
}

/* What a light library lists of its papers, a line each: pos, key, id, title, votes, days, cats, untitled text. */
static void
light_lines(struct buf *out, const struct lib *lib)
{
	size_t i, k;

	day_labels(out, lib);
	for (i = 0; i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i);

		buf_printf(out, "%u %s %s %s %ld", p->pos, p->key, p->id ? p->id : "-",
		    p->title ? p->title : "-", p->votes);
		for (k = 0; k < p->ndays; k++)
			buf_printf(out, " d:%s", lib_day(lib, p->days[k])->label);
		for (k = 0; k < p->ncats; k++)
			buf_printf(out, " c:%s", p->cats[k]);
		assert_int_equal(p->nauthors, 0);
		assert_int_equal(p->nlinks, 0);
		buf_printf(out, " %zu %s\n", p->nsums, p->nsums ? p->sums[0].text : "");
	}
}

/* The store's light library is a light parse's. */
static void
check_light(struct store *s)
{
	struct buf msg = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	struct lib *lib = unit_parse_path_light(root, 1), *sl = store_lib_light(s, NULL, &msg);

	assert_non_null(sl);
	assert_true(lib_is_light(sl));
	light_lines(&want, lib);
	light_lines(&got, sl);
	assert_string_equal(buf_str(&got), buf_str(&want));
	lib_free(sl);
	lib_free(lib);
	buf_free(&msg);
	buf_free(&want);
	buf_free(&got);
}

/* index_hits marks the library's papers that model/search.c matches. */
static void
check_hits(struct index *ix, struct search *se, const struct lib *lib, const char *q, size_t nwant)
{
	struct buf msg = BUF_INIT;
	size_t i, np = lib_npapers(lib);
	uint8_t *hit = xcalloc(np + 1, 1);

	assert_int_equal(index_hits(ix, q, strlen(q), hit, &msg), -2);	/* no library bound */
	index_bind(ix, lib);
	assert_int_equal(index_hits(ix, q, strlen(q), hit, &msg), (long)nwant);
	for (i = 0; i < np; i++)
		assert_int_equal(hit[i], search_paper(se, i));
	index_bind(ix, NULL);
	buf_free(&msg);
	free(hit);
}

/* A query gives model/search.c's matches, in display order; split: the index splits every query. */
static void
check_query_split(struct store *s, const struct lib *lib, const char *q, int indexed, int split)
{
	struct index *ix = index_new(s);
	struct search *se = search_new(lib);
	struct buf msg = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	size_t i, nwant = 0;
	long n;

	if (split)
		index_set_split(ix, 0);
	n = index_set(ix, q, strlen(q), &msg);

	search_set(se, q, strlen(q));
	for (i = 0; i < lib_npapers(lib); i++)
		if (search_paper(se, i)) {
			buf_printf(&want, "%s\n", lib_paper(lib, i)->key);
			nwant++;
		}
	assert_int_equal(n, (long)nwant);
	for (i = 0; i < (size_t)n; i++) {
		assert_int_equal(index_key(ix, i, &got), 0);
		buf_addch(&got, '\n');
	}
	assert_string_equal(buf_str(&got), buf_str(&want));
	/* each match's rank is its place */
	for (i = 0; i < (size_t)n && i < 5; i++) {
		int m;

		buf_setlen(&got, 0);
		index_key(ix, i, &got);
		assert_int_equal(index_rank(ix, got.buf, &m), (long)i);
		assert_true(m);
	}
	buf_setlen(&got, 0);
	assert_int_equal(index_pending(ix), 0);
	check_hits(ix, se, lib, q, nwant);
	if (indexed)
		assert_int_equal(index_ranked(ix, 3, &got, &msg), n < 3 ? n : 3);
	search_free(se);
	index_free(ix);
	buf_free(&msg);
	buf_free(&want);
	buf_free(&got);
}

/* A query gives model/search.c's matches, in display order, on one core and split on two. */
static void
check_query(struct store *s, const struct lib *lib, const char *q, int indexed)
{
	check_query_split(s, lib, q, indexed, 0);
	check_query_split(s, lib, q, indexed, 1);
}

/* Number of matches of q in the index. */
static long
nmatches(struct store *s, const char *q)
{
	struct index *ix = index_new(s);
	struct buf msg = BUF_INIT;
	long n = index_set(ix, q, strlen(q), &msg);

	index_free(ix);
	buf_free(&msg);
	return n;
}

/* The rules the queries above check against model/search.c, on what the first b.md holds. */
static void
check_rules(void)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(db, &msg);
	struct index *ix;
	struct lib *lib;
	uint8_t *hit;

	assert_non_null(s);
	assert_int_equal(indexer_build(s, 1000, &msg), 0);
	/* 강화 학습 finds 강화학습; 강화학 (no space) does not find 강화 학 */
	assert_int_equal(nmatches(s, "\xEA\xB0\x95\xED\x99\x94 \xED\x95\x99\xEC\x8A\xB5"), 1);
	assert_int_equal(nmatches(s, "\xEA\xB5\xAD\xEC\x96\xB4\xED\x95\x99"), 0);
	/* a short query: 中 in a title, not in a summary; "vi" in a title only */
	assert_int_equal(nmatches(s, "\xE4\xB8\xAD"), 1);
	assert_int_equal(nmatches(s, "short"), 1);
	assert_int_equal(nmatches(s, "sh"), 0);
	/* ᄀ ᄂ: without its gap too short for a trigram, so the index declines it */
	lib = unit_parse_path(root);
	ix = index_new(s);
	index_bind(ix, lib);
	hit = xcalloc(lib_npapers(lib) + 1, 1);
	assert_int_equal(index_hits(ix, "\xE1\x84\x80 \xE1\x84\x82", 7, hit, &msg), -2);
	assert_int_equal(index_hits(ix, "\xEA\xB0\x95\xED\x99\x94 \xED\x95\x99", 10, hit, &msg), 1);
	free(hit);
	index_free(ix);
	lib_free(lib);
	store_close(s);
	buf_free(&msg);
}

/*
 * The dates that resolve labels as the store keeps them (meta 'dated') are
 * what grouping every dated record by year gives: the first date of each
 * year, then the last of all.
 */
static void
check_dated(void)
{
	sqlite3 *d = NULL;
	sqlite3_stmt *st = NULL;
	struct buf want = BUF_INIT;
	const char *have;

	assert_int_equal(sqlite3_open_v2(db, &d, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(d, "SELECT d FROM (SELECT min(dday) AS d FROM recs"
	    " WHERE dday IS NOT NULL GROUP BY substr(dday, 1, 4) UNION SELECT max(dday) FROM recs)"
	    " WHERE d IS NOT NULL ORDER BY d", -1, &st, NULL), SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		buf_printf(&want, "%s%s", want.len ? " " : "", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(d, "SELECT v FROM meta WHERE k = 'dated'", -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	have = (const char *)sqlite3_column_text(st, 0);
	assert_string_equal(have ? have : "", buf_str(&want));
	sqlite3_finalize(st);
	sqlite3_close(d);
	buf_free(&want);
}

/* Sync s with root, then compare the whole library and the light one with lib, parsed from root. */
static void
check_whole(struct store *s, const struct lib *lib)
{
	struct buf msg = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	char *paths[1] = { root };
	struct lib *sl;

	assert_non_null(s);
	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	assert_string_equal(buf_str(&msg), "");
	assert_true(store_has_paths(s, paths, 1));
	sl = store_lib(s, &msg);
	assert_non_null(sl);
	dump_all(&want, lib);
	dump_all(&got, sl);
	assert_string_equal(buf_str(&got), buf_str(&want));
	check_light(s);
	/* the light library's papers are the whole one's, keys and order */
	lib_free(sl);
	sl = store_lib_light(s, NULL, &msg);
	assert_non_null(sl);
	buf_setlen(&want, 0);
	buf_setlen(&got, 0);
	keys_of(&want, lib);
	keys_of(&got, sl);
	assert_string_equal(buf_str(&got), buf_str(&want));
	lib_free(sl);
	buf_free(&msg);
	buf_free(&want);
	buf_free(&got);
}

/* Sync, then compare everything with parsing. */
static void
check_all(void)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(db, &msg);
	struct lib *lib = unit_parse_path(root);
	static const char *const queries[] = {
		"transformer", "TRANSFORMERS", "diffusion", "\xED\x95\x99\xEC\x8A\xB5" /* 학습 */,
		"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB" /* 한, NFD */, "\xED\x95\x98" /* 하 */,
		"lee", "kim, ", "\"quoted\"", "nothing-like-this",
		/* short: titles, authors and categories only */
		"e", "Wu", "vi", "\xE4\xB8\xAD" /* 中 */, "n ", "ee", "E", "zz",
		/* a space between Hangul matches a space or none */
		"\xEA\xB0\x95\xED\x99\x94 \xED\x95\x99\xEC\x8A\xB5" /* 강화 학습 */,
		"\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xED\x95\x99" /* 한국어 학 */,
		"\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4\xED\x95\x99\xEC\x8A\xB5" /* 한국어학습 */,
		"\xEC\x96\xB4 \xED\x95\x99 \xEB\xAA\xA8" /* 어 학 모 */,
		/* more gaps than are spelled out: the pieces' matches, each checked */
		"\xED\x95\x9C \xEA\xB5\xAD \xEC\x96\xB4 \xED\x95\x99 \xEC\x8A\xB5 \xEB\xAA\xA8" /* 한 국 어 학 습 모 */,
		"\xED\x95\x9C \xEA\xB5\xAD \xEC\x96\xB4 \xED\x95\x99 \xEC\x8A\xB5 \xEC\x97\x86" /* 한 국 어 학 습 없 */,
	};
	size_t i;
	int rc = -1;

	check_whole(s, lib);
	check_dated();
	assert_int_equal(store_npapers(s, &msg), (long)lib_npapers(lib));
	check_views(s, lib);
	/* papers waiting to be indexed are searched one by one; then through FTS5 */
	for (i = 0; i < sizeof queries / sizeof *queries; i++)
		check_query(s, lib, queries[i], 0);
	assert_int_equal(indexer_build(s, 2, &msg) >= 0, 1);
	assert_int_equal(indexer_build(s, 1000, &msg), 0);
	/* merged into one segment in steps, the index answers the same */
	for (i = 0; i < 100 && (rc = indexer_tidy(s, &msg)) > 0; i++)
		;
	assert_int_equal(rc, 0);
	for (i = 0; i < sizeof queries / sizeof *queries; i++)
		check_query(s, lib, queries[i], 1);
	lib_free(lib);
	store_close(s);
	buf_free(&msg);
}

#define HEAD "| Title | Authors | Summary |\n|---|---|---|\n"

static void
test_sync_and_views(void **state)
{
	(void)state;
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD
	    "| Scaling Transformers (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | Ann Lee, Bo Kim | We train \"quoted\" transformers. |\n"
	    "| Diffusion Models | Cy Park | Diffusion for video. |\n"
	    /* titles with no title key: known by their text, as untitled papers are */
	    "| ??? | Ed Fox | A first text. |\n| !!! | Ed Fox | A second text. |\n");
	put("b.md", "## Daily Papers (2024-01-02)\n\n### [Scaling Transformers](https://arxiv.org/abs/2401.00001)\n\n"
	    "Authors: Ann Lee\n\n- \xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4 \xED\x95\x99\xEC\x8A\xB5 \xEB\xAA\xA8\xEB\x8D\xB8\n"
	    "\n### [Korean Only](https://arxiv.org/abs/2401.00009)\n\n- \xED\x95\x98\xEB\x8A\x94 \xEA\xB2\x83\n"
	    "- \xEA\xB0\x95\xED\x99\x94\xED\x95\x99\xEC\x8A\xB5 \xE4\xB8\xAD\n" /* 강화학습 中 */
	    "\n### [Video \xE4\xB8\xAD\xE6\x96\x87](https://arxiv.org/abs/2401.00010)\n\n- short\n");
	put("c.txt", "Abstract: an untitled abstract about diffusion.\nAbstract: another one.\n");
	check_all();
	check_rules();
	/* add, change, delete, and a paper moving to another day */
	put("d.md", "## Papers for 2024-01-03\n\n" HEAD
	    "| Diffusion Models | Cy Park, Di Wu | Diffusion for video, again. |\n");
	check_all();
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD
	    "| Scaling Transformers (Read more on [arXiv](https://arxiv.org/abs/2401.00001)) | Ann Lee | Changed. |\n");
	check_all();
	del("c.txt");
	check_all();
	put("d.md", "## Papers for 2024-01-04\n\n" HEAD
	    "| Diffusion Models | Cy Park, Di Wu | Diffusion moved a day. |\n");
	check_all();
	put("e.txt", "May 9\n\nSome Label Paper\n\nSubmitted by x\n");
	check_all();
	/* a label the dated days resolve (one year fits: 2024-01-05), merged alone */
	put("f.txt", "Jan 5\n\nA Label In Range\n\nSubmitted by x\n");
	check_all();
	/* another year fits it too: the unchanged paper's label stays a label */
	put("g.md", "## Papers for 2025-01-03\n\n" HEAD
	    "| Next Year | Ed Fox | Much later. |\n");
	check_all();
	/* and resolves again when that day is gone */
	del("g.md");
	check_all();
}

/* A front-matter paper: id, title, day, categories (a YAML flow list). */
static void
put_fm(const char *name, const char *id, const char *title, const char *day, const char *cats)
{
	struct buf text = BUF_INIT;

	buf_printf(&text, "---\ntitle: \"%s\"\ndate: %s\narxiv_id: \"%s\"\n"
	    "categories: [%s]\n---\n\nBody of %s.\n", title, day, id, cats, title);
	put(name, text.buf);
	buf_free(&text);
}

/*
 * The store synced from root against a parse of it: the views (a day, a
 * paper) first, as a sync leaves them, then check_whole and the views
 * again.
 */
static void
check_root_views(void)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(db, &msg);
	struct lib *lib = unit_parse_path(root);
	char *paths[1] = { root };

	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	check_views(s, lib);
	check_whole(s, lib);
	check_views(s, lib);
	lib_free(lib);
	store_close(s);
	buf_free(&msg);
}

/* Remove a store's files: path and its WAL files. */
static void
remove_store(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm" };
	struct buf f = BUF_INIT;
	size_t i;

	for (i = 0; i < 3; i++) {
		buf_setlen(&f, 0);
		buf_printf(&f, "%s%s", path, ext[i]);
		unlink(f.buf);
	}
	buf_free(&f);
}

/* After sql changes a paper's row, the light library cannot be read: NULL, and a message. */
static void
light_damaged(const char *sql)
{
	struct buf msg = BUF_INIT;
	struct store *s;
	sqlite3 *d = NULL;

	assert_int_equal(sqlite3_open(db, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_changes(d), 1);
	sqlite3_close(d);
	s = store_open(db, &msg);
	assert_non_null(s);
	assert_null(store_lib_light(s, NULL, &msg));
	assert_non_null(strstr(buf_str(&msg), "': paper "));
	assert_non_null(strstr(buf_str(&msg), " cannot be read"));
	store_close(s);
	buf_free(&msg);
}

/*
 * Categories spelled two ways: the library's commonest spelling counts
 * every paper's merged spellings, also those of papers a sync did not
 * merge again (the store keeps them as merged, not as tidied).  A day or
 * a paper read alone (store_lib_day, store_lib_paper, a light day) spells
 * them as the whole library does, though its own papers count otherwise:
 * 2024-01-01 alone has Multimodal twice and Multi-Modal once, the library
 * Multi-Modal three times.  As a first build leaves the store, then as a
 * sync and a whole read do; a tie too.
 */
static void
test_category_spellings(void **state)
{
	(void)state;
	put_fm("x.md", "2401.00101", "Paper X", "2024-01-01", "Multimodal, Multi-Modal");
	put_fm("y.md", "2401.00102", "Paper Y", "2024-01-01", "Multimodal");
	check_root_views();
	put_fm("z.md", "2401.00103", "Paper Z", "2024-01-02", "Multi-Modal");
	put_fm("zz.md", "2401.00104", "Paper W", "2024-01-02", "Multi-Modal");
	remove_store(db);
	check_root_views();
	del("zz.md");
	put_fm("zz.md", "2401.00104", "Paper W", "2024-01-02", "Multimodal");
	check_root_views();
	put_fm("zz.md", "2401.00104", "Paper W", "2024-01-02", "Multi-Modal");
	check_root_views();
	/*
	 * A tie (two each), which the order decides: a.md is read first but
	 * was stored last, so counting the rows in any order gets it wrong
	 */
	del("y.md");
	del("zz.md");
	put_fm("a.md", "2401.00105", "Paper A", "2024-01-03", "Multimodal");
	check_root_views();
	/* a tie between lists of one name, where the name read first sorts last */
	put_fm("x.md", "2401.00101", "Paper X", "2024-01-01", "Multi-Modal");
	put_fm("b.md", "2401.00106", "Paper B", "2024-01-03", "Multimodal");
	check_root_views();
	del("b.md");
	light_damaged("UPDATE papers SET cats = 'Multimodal' WHERE key = 'arxiv:2401.00101'");
	light_damaged("UPDATE papers SET title = 'a' || char(1) || 'b' WHERE key = 'arxiv:2401.00101'");
	del("x.md");
	del("z.md");
	del("a.md");
}

/* The line (paper_line) of the paper of key in lib, into out. */
static void
line_of(struct buf *out, const struct lib *lib, const char *key)
{
	size_t i;

	buf_setlen(out, 0);
	for (i = 0; i < lib_npapers(lib); i++)
		if (strcmp(lib_paper(lib, i)->key, key) == 0)
			paper_line(out, lib_paper(lib, i));
}

/*
 * A tie between two spellings, one in each of two directories: the order
 * of the paths decides it, and a sync that only reorders them spells a
 * day read alone as the whole library again.
 */
static void
test_spelling_order(void **state)
{
	struct buf msg = BUF_INIT, whole = BUF_INIT, day = BUF_INIT;
	char a[400], b[400];
	char *orders[2][2] = { { a, b }, { b, a } };
	static const char *const want[2] = { "arxiv:2401.00101 [Multimodal]\n", "arxiv:2401.00101 [Multi-Modal]\n" };
	struct store *s;
	int k;

	(void)state;
	snprintf(a, sizeof a, "%s/a", lib_dir);
	snprintf(b, sizeof b, "%s/b", lib_dir);
	assert_int_equal(mkdir(a, 0700), 0);
	assert_int_equal(mkdir(b, 0700), 0);
	put_fm("a/x.md", "2401.00101", "Paper X", "2024-01-01", "Multimodal");
	put_fm("b/y.md", "2401.00102", "Paper Y", "2024-01-02", "Multi-Modal");
	s = store_open(db, &msg);
	for (k = 0; k < 2; k++) {
		struct lib *wl, *dl;

		assert_int_equal(store_sync(s, orders[k], 2, NULL, NULL, &msg), 0);
		wl = store_lib_light(s, NULL, &msg);
		dl = store_lib_day(s, "2024-01-01", &msg);
		assert_non_null(wl);
		assert_non_null(dl);
		line_of(&whole, wl, "arxiv:2401.00101");
		line_of(&day, dl, "arxiv:2401.00101");
		assert_string_equal(buf_str(&whole), want[k]);
		assert_string_equal(buf_str(&day), want[k]);
		lib_free(wl);
		lib_free(dl);
	}
	store_close(s);
	del("a/x.md");
	del("b/y.md");
	rmdir(a);
	rmdir(b);
	buf_free(&msg);
	buf_free(&whole);
	buf_free(&day);
}

/* Sync root, index every paper, and check the index's answers to qs against a parse. */
static void
sync_index_query(const char *const *qs, size_t nq)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(db, &msg);
	struct lib *lib = unit_parse_path(root);
	char *paths[1] = { root };
	size_t i;

	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	for (i = 0; i < nq; i++)	/* those waiting to be indexed searched one by one */
		check_query(s, lib, qs[i], 0);
	assert_int_equal(indexer_build(s, 1000, &msg), 0);
	for (i = 0; i < nq; i++)
		check_query(s, lib, qs[i], 1);
	lib_free(lib);
	store_close(s);
	buf_free(&msg);
}

/*
 * The index spells categories as the whole library: indexed with one
 * spelling, a group whose spelling changes comes out of the index under
 * the old one (or a search for it would still find those papers) and
 * goes in again under the new.
 */
static void
test_spelling_index(void **state)
{
	static const char *const qs[] = { "multimodal", "multi-modal", "Multi-Modal", "ulti-", "i-" };

	(void)state;
	put_fm("x.md", "2401.00101", "Paper X", "2024-01-01", "Multimodal, Multi-Modal");
	put_fm("y.md", "2401.00102", "Paper Y", "2024-01-01", "Multimodal");
	put_fm("z.md", "2401.00103", "Paper Z", "2024-01-02", "Multi-Modal");
	sync_index_query(qs, 5);	/* two each: Multimodal, first there */
	put_fm("zz.md", "2401.00104", "Paper W", "2024-01-02", "Multi-Modal");
	sync_index_query(qs, 5);	/* now Multi-Modal, for every paper */
	del("zz.md");
	sync_index_query(qs, 5);	/* and back */
	del("x.md");
	del("y.md");
	del("z.md");
}

/*
 * The same files under another name of their directory (a relative path,
 * then an absolute one): every input is gone and every one is new, with
 * every paper in the index; and back.
 */
static void
test_root_renamed(void **state)
{
	struct buf many = BUF_INIT;
	int i;

	(void)state;
	/* enough papers that every indexed one going empties the index at once */
	buf_puts(&many, "## Papers for 2023-05-01\n\n" HEAD);
	for (i = 0; i < 80; i++)
		buf_printf(&many, "| Many %d | Ann Lee | Transformers, part %d. |\n", i, i);
	put("many.md", many.buf);
	buf_free(&many);
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD
	    "| Scaling Transformers | Ann Lee, Bo Kim | We train transformers. |\n"
	    "| Diffusion Models | Cy Park | Diffusion for video. |\n");
	put("b.md", "## Papers for 2024-01-02\n\n" HEAD
	    "| Diffusion Models | Cy Park, Di Wu | Diffusion again. |\n");
	put("e.txt", "Jan 2\n\nA Label In Range\n\nSubmitted by x\n");
	check_all();
	snprintf(root, sizeof root, "%s/.", lib_dir);
	check_all();
	snprintf(root, sizeof root, "%s", lib_dir);
	check_all();
	del("a.md");
	del("b.md");
	del("e.txt");
	del("many.md");
}

/* Sync root into s; the number of matches of q through ix (warmed first). */
static long
sync_and_count(struct store *s, struct index *ix, const char *q)
{
	struct buf msg = BUF_INIT;
	char *paths[1] = { root };
	long n;

	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	assert_int_equal(index_warm(ix, &msg), 0);
	n = index_set(ix, q, strlen(q), &msg);
	buf_free(&msg);
	return n;
}

/* Index what the store holds, then count the matches of q (through FTS5, not the pending scan). */
static long
indexed_count(struct store *s, struct index *ix, const char *q)
{
	struct buf msg = BUF_INIT;
	long n;

	assert_true(indexer_build(s, 1000, &msg) >= 0);
	n = index_set(ix, q, strlen(q), &msg);
	assert_int_equal(index_pending(ix), 0);
	buf_free(&msg);
	return n;
}

/*
 * One search kept over changes of the store: what it keeps in memory (the
 * display order, the narrow forms) follows them.
 */
static void
test_index_follows_store(void **state)
{
	struct buf msg = BUF_INIT;
	struct store *s;
	struct index *ix;

	(void)state;
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD "| Alpha Zq | Ann Lee | One. |\n");
	s = store_open(db, &msg);
	assert_non_null(s);
	ix = index_new(s);
	index_set_split(ix, 0);	/* the helper's connection follows the store too */
	assert_int_equal(sync_and_count(s, ix, "zq"), 1);
	assert_int_equal(indexed_count(s, ix, "alpha zq"), 1);
	put("b.md", "## Papers for 2024-01-02\n\n" HEAD "| Beta Zq | Bo Kim | Two. |\n");
	assert_int_equal(sync_and_count(s, ix, "zq"), 2);
	assert_int_equal(indexed_count(s, ix, "eta z"), 1);
	assert_int_equal(index_set(ix, "bo", 2, &msg), 1);
	del("a.md");
	assert_int_equal(sync_and_count(s, ix, "zq"), 1);
	assert_int_equal(index_key(ix, 0, &msg), 0);
	assert_int_equal(indexed_count(s, ix, "alpha zq"), 0);
	del("b.md");
	assert_int_equal(sync_and_count(s, ix, "zq"), 0);
	index_free(ix);
	store_close(s);
	buf_free(&msg);
}

/*
 * A store's mark stays while the file does, and a store built anew at
 * the same path has another (what store/split.c's helper checks).
 */
static void
test_mark(void **state)
{
	struct buf msg = BUF_INIT;
	char path[320], *m1, *m2, *m3;
	struct store *s;

	(void)state;
	snprintf(path, sizeof path, "%s/cache/mark.db", dir);
	s = store_open(path, &msg);
	assert_non_null(s);
	m1 = store_mark(s);
	store_close(s);
	s = store_open(path, &msg);
	assert_non_null(s);
	m2 = store_mark(s);
	store_close(s);
	remove_store(path);
	s = store_open(path, &msg);
	assert_non_null(s);
	m3 = store_mark(s);
	store_close(s);
	remove_store(path);
	assert_non_null(m1);
	assert_non_null(m3);
	assert_string_equal(m1, m2);
	assert_string_not_equal(m1, m3);
	assert_int_equal(strlen(m1), 16 + 1 + strlen(strchr(m1, ' ') + 1));	/* 8 random bytes, a space, the parser */
	free(m1);
	free(m2);
	free(m3);
	buf_free(&msg);
}

/* index_set_split_hook for test_split_retry: once, another connection stores and indexes a new paper. */
static void
commit_meanwhile(void *arg)
{
	struct buf msg = BUF_INIT;
	char *paths[1] = { root };
	struct store *other;
	int *ran = arg;

	if ((*ran)++)
		return;
	put("r3.md", "## Papers for 2024-03-03\n\n" HEAD "| Gamma Zqx | Cy Park | Three. |\n");
	other = store_open(db, &msg);
	assert_non_null(other);
	assert_int_equal(store_sync(other, paths, 1, NULL, NULL, &msg), 0);
	assert_true(indexer_build(other, 1000, &msg) >= 0);
	store_close(other);
	buf_free(&msg);
}

/*
 * Another connection commits while a split query runs: the query is sent
 * again alone and gives the new snapshot's matches.  The new paper's id
 * is above the median, so the helper may see it while the first attempt's
 * display order cannot place it: without the second attempt it is lost.
 */
static void
test_split_retry(void **state)
{
	struct buf msg = BUF_INIT;
	struct store *s;
	struct index *ix;
	int ran = 0;

	(void)state;
	put("r1.md", "## Papers for 2024-03-01\n\n" HEAD "| Alpha Zqx | Ann Lee | One. |\n");
	put("r2.md", "## Papers for 2024-03-02\n\n" HEAD "| Beta Zqx | Bo Kim | Two. |\n");
	s = store_open(db, &msg);
	assert_non_null(s);
	ix = index_new(s);
	index_set_split(ix, 0);
	assert_int_equal(sync_and_count(s, ix, "zqx"), 2);
	assert_int_equal(indexed_count(s, ix, "zqx"), 2);
	index_set_split_hook(ix, commit_meanwhile, &ran);
	assert_int_equal(index_set(ix, "zqx", 3, &msg), 3);
	assert_int_equal(ran, 1);
	assert_int_equal(index_pending(ix), 0);
	index_free(ix);
	store_close(s);
	del("r1.md");
	del("r2.md");
	del("r3.md");
	buf_free(&msg);
}

/*
 * Many days over several years, then a new day in a new year (the dates
 * that resolve labels change), a day file changed and a paper moving to
 * a newer day: the days, their counts and order stay those of parsing.
 */
static void
test_many_days(void **state)
{
	char name[64], text[512];
	int i;

	(void)state;
	for (i = 0; i < 60; i++) {
		int year = 2021 + i / 20, month = 1 + (i % 20) / 2, mday = 1 + i % 2 * 14;

		snprintf(name, sizeof name, "d%02d.md", i);
		snprintf(text, sizeof text, "## Papers for %04d-%02d-%02d\n\n" HEAD
		    "| Paper %d | Ann Lee | About %d. |\n| Shared %d | Bo Kim | Shared %d. |\n",
		    year, month, mday, i, i, i % 7, i % 7);
		put(name, text);
	}
	put("l1.txt", "Mar 1\n\nLabelled One\n\nSubmitted by x\n");
	put("l2.txt", "Dec 30\n\nLabelled Two\n\nSubmitted by x\n");
	check_all();
	put("zz-new.md", "## Papers for 2024-01-01\n\n" HEAD
	    "| Brand New | Cy Park | New. |\n| Shared 3 | Bo Kim | Shared 3, newest. |\n");
	check_all();
	put("d10.md", "## Papers for 2021-06-01\n\n" HEAD "| Paper 10 | Ann Lee | Changed. |\n");
	check_all();
	del("zz-new.md");
	check_all();
	for (i = 0; i < 60; i++) {
		snprintf(name, sizeof name, "d%02d.md", i);
		del(name);
	}
	del("l1.txt");
	del("l2.txt");
}

/* Progress that counts its calls. */
static void
count_progress(void *arg, size_t done, size_t total)
{
	(void)done;
	(void)total;
	(*(int *)arg)++;
}

/* A cancelled sync writes nothing and says so; the next one builds the store, with stats. */
static void
test_cancel_and_stats(void **state)
{
	struct buf msg = BUF_INIT;
	char *paths[1] = { lib_dir };
	struct store *s;
	atomic_int stop;
	int calls = 0;
	struct store_progress prog = { count_progress, &calls, &stop };
	struct store_stats st;

	(void)state;
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD "| One | Ann Lee | A. |\n");
	put("b.md", "## Papers for 2024-01-02\n\n" HEAD "| Two | Bo Kim | B. |\n");
	s = store_open(db, &msg);
	assert_non_null(s);
	atomic_init(&stop, 1);
	assert_int_equal(store_sync(s, paths, 1, &prog, &st, &msg), -1);
	assert_string_equal(msg.buf, "cancelled");
	assert_false(store_has_paths(s, paths, 1));
	assert_int_equal(store_npapers(s, &msg), 0);
	atomic_store(&stop, 0);
	buf_setlen(&msg, 0);
	assert_int_equal(store_sync(s, paths, 1, &prog, &st, &msg), 0);
	assert_true(calls >= 2);
	assert_int_equal(st.files, 2);
	assert_int_equal(st.read, 2);
	assert_true(st.built);
	assert_int_equal(store_npapers(s, &msg), 2);
	assert_int_equal(store_sync(s, paths, 1, &prog, &st, &msg), 0);
	assert_int_equal(st.read, 0);
	assert_false(st.built);
	store_close(s);
	buf_free(&msg);
}

/* One integer a query on the file at path gives, through a connection of its own. */
static long long
raw_int(const char *path, const char *sql)
{
	sqlite3 *d = NULL;
	sqlite3_stmt *st = NULL;
	long long v = -1;

	assert_int_equal(sqlite3_open(path, &d), SQLITE_OK);
	if (sqlite3_prepare_v2(d, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_type(st, 0) == SQLITE_TEXT ? (long long)strlen((const char *)sqlite3_column_text(st, 0))
		    : sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(d);
	return v;
}

/* Sync root into the store and index everything waiting; returns the open store. */
static struct store *
sync_indexed(void)
{
	struct buf msg = BUF_INIT;
	char *paths[1] = { root };
	struct store *s = store_open(db, &msg);

	assert_non_null(s);
	assert_int_equal(store_sync(s, paths, 1, NULL, NULL, &msg), 0);
	while (indexer_build(s, 3, &msg) > 0)
		;
	assert_string_equal(buf_str(&msg), "");
	buf_free(&msg);
	return s;
}

/*
 * A first build asks for the index to be merged into one segment, and
 * the tidy does it in steps, then forgets the wish; a day added later
 * (a small share of the papers, a second segment) is left to FTS5's own
 * merging: the tidy has nothing to do (a full merge would merge the two),
 * and every search still finds it.
 */
static void
test_tidy(void **state)
{
	struct buf msg = BUF_INIT, many = BUF_INIT;
	struct store *s;
	int i, rc, steps = 0;	/* FTS5's automerge may have merged them already */

	(void)state;
	buf_puts(&many, "## Papers for 2024-02-01\n\n" HEAD);
	for (i = 0; i < 40; i++)
		buf_printf(&many, "| Tidy paper %d | Ann Lee | Transformers, part %d. |\n", i, i);
	put("many.md", many.buf);
	s = sync_indexed();
	assert_int_equal(raw_int(db, "SELECT count(*) FROM meta WHERE k = 'tidy'"), 1);
	while ((rc = indexer_tidy(s, &msg)) > 0 && steps < 1000)
		steps++;
	assert_int_equal(rc, 0);
	assert_int_equal(raw_int(db, "SELECT count(*) FROM meta WHERE k = 'tidy'"), 0);
	assert_int_equal(indexer_tidy(s, &msg), 0);
	store_close(s);
	put("late.md", "## Papers for 2024-02-02\n\n" HEAD "| A late diffusion paper | Bo Kim | Diffusion. |\n");
	s = sync_indexed();
	assert_int_equal(raw_int(db, "SELECT count(*) FROM meta WHERE k = 'tidy'"), 0);
	assert_int_equal(indexer_tidy(s, &msg), 0);	/* not the whole index again */
	assert_int_equal(nmatches(s, "late diffusion"), 1);
	assert_int_equal(nmatches(s, "tidy paper"), 40);
	assert_string_equal(buf_str(&msg), "");
	store_close(s);
	del("many.md");
	del("late.md");
	buf_free(&many);
	buf_free(&msg);
}

/* Open the store at path, sync lib_dir and check it has n papers; closes it. */
static void
build(const char *path, long n, const char *note)
{
	struct buf msg = BUF_INIT;
	char *paths[1] = { lib_dir };
	struct store_stats st;
	struct store *s = store_open(path, &msg);

	assert_non_null(s);
	if (note)
		assert_non_null(strstr(msg.buf, note));
	else
		assert_int_equal(msg.len, 0);
	buf_setlen(&msg, 0);
	assert_int_equal(store_sync(s, paths, 1, NULL, &st, &msg), 0);
	assert_true(st.built);
	assert_int_equal(store_npapers(s, &msg), n);
	store_close(s);
	buf_free(&msg);
}

/*
 * Touch every file (another mtime, the same content): a sync of the store
 * at path reads none again, so the hashes the parsing threads took
 * (ingest_set_hash) are those of the files.
 */
static void
touched_not_read(const char *path)
{
	static const char *const names[] = { "a.md", "b.md" };
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { 1000000000, 0 } };
	struct buf msg = BUF_INIT, f = BUF_INIT;
	char *paths[1] = { lib_dir };
	struct store_stats st;
	struct store *s;
	size_t i;

	for (i = 0; i < 2; i++) {
		buf_setlen(&f, 0);
		buf_printf(&f, "%s/%s", lib_dir, names[i]);
		assert_int_equal(utimensat(AT_FDCWD, f.buf, ts, 0), 0);
	}
	s = store_open(path, &msg);
	assert_non_null(s);
	assert_int_equal(store_sync(s, paths, 1, NULL, &st, &msg), 0);
	assert_int_equal(st.files, 2);
	assert_int_equal(st.read, 0);
	store_close(s);
	buf_free(&f);
	buf_free(&msg);
}

/* Open the store at path for an early first build of lib_dir; returns it synced. */
static struct store *
early_sync(const char *path, struct buf *msg)
{
	char *paths[1] = { lib_dir };
	struct store_stats st;
	struct store *s = store_open(path, msg);

	assert_non_null(s);
	store_set_early(s, 1);
	if (store_sync(s, paths, 1, NULL, &st, msg) != 0)
		fail_msg("%s", msg->buf);
	assert_true(st.built);
	assert_int_equal(st.papers, 2);
	return s;
}

/*
 * An early first build (store_set_early) gives its report and library
 * while it writes; store_wait gives its outcome, and one that fails
 * leaves the store empty, to be built again.
 */
static void
test_early_build(void **state)
{
	struct buf msg = BUF_INIT, p = BUF_INIT;
	struct store_report r;
	struct store *s;
	struct lib *lib;
	sqlite3 *d = NULL;

	(void)state;
	buf_printf(&p, "%s/cache/early.db", dir);
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD "| One | Ann Lee | A. |\n");
	put("b.md", "## Papers for 2024-01-02\n\n" HEAD "| Two | Bo Kim | B. |\n| | | |\n");
	s = early_sync(p.buf, &msg);
	assert_int_equal(store_report(s, &r, &msg), 0);
	assert_int_equal(r.nfiles, 2);
	assert_int_equal(r.npapers, 2);
	assert_int_equal(r.diags.n, 1);		/* b.md's empty row */
	store_report_free(&r);
	lib = store_lib(s, &msg);
	assert_non_null(lib);
	assert_int_equal(lib_npapers(lib), 2);
	assert_int_equal(store_wait(s, &msg), 0);
	assert_int_equal(store_wait(s, &msg), 0);	/* nothing pending any more */
	assert_int_equal(store_npapers(s, &msg), 2);
	store_close(s);
	lib_free(lib);
	assert_int_equal(raw_int(p.buf, "PRAGMA user_version"), STORE_SCHEMA);
	assert_int_equal(raw_int(p.buf, "SELECT count(*) FROM papers"), 2);

	/* the papers cannot be written: the outcome comes with store_wait */
	unlink(p.buf);
	s = store_open(p.buf, &msg);
	assert_non_null(s);
	store_close(s);
	assert_int_equal(sqlite3_open(p.buf, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "CREATE TRIGGER boom BEFORE INSERT ON papers"
	    " BEGIN SELECT RAISE(ABORT, 'no room for papers'); END", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(d);
	s = early_sync(p.buf, &msg);
	lib = store_lib(s, &msg);
	assert_int_equal(lib_npapers(lib), 2);
	assert_int_equal(store_wait(s, &msg), -1);
	assert_non_null(strstr(msg.buf, "no room for papers"));
	store_close(s);
	lib_free(lib);
	assert_int_equal(raw_int(p.buf, "SELECT count(*) FROM files"), 0);
	assert_int_equal(raw_int(p.buf, "SELECT count(*) FROM sqlite_master WHERE name = 'boom'"), 0);
	build(p.buf, 2, NULL);
	del("a.md");
	del("b.md");
	buf_free(&msg);
	buf_free(&p);
}

/* Write name: n papers of 2024-01-01, "Paper 0" on. */
static void
put_many(const char *name, int n)
{
	struct buf t = BUF_INIT;
	int i;

	buf_init(&t);
	buf_puts(&t, "## Papers for 2024-01-01\n\n" HEAD);
	for (i = 0; i < n; i++)
		buf_printf(&t, "| Paper %d | Ann Lee | About paper %d. |\n", i, i);
	put(name, t.buf);
	buf_free(&t);
}

/* store_lib of the store at path on nthreads threads: its --dump lines, or NULL with msg. */
static int
read_back(const char *path, const char *nthreads, struct buf *out, struct buf *msg)
{
	struct store *s;
	struct lib *lib;

	setenv("PAPERBOY_THREADS", nthreads, 1);
	s = store_open(path, msg);
	assert_non_null(s);
	lib = store_lib(s, msg);
	if (lib)
		dump_all(out, lib);
	lib_free(lib);
	store_close(s);
	unsetenv("PAPERBOY_THREADS");
	return lib ? 0 : -1;
}

/*
 * store_lib reads the records back on a thread of their own in chunks of
 * 512 (store/replay.c): exactly two chunks, and more than go round, read
 * back as parsed, on two threads and on one; a damaged row near the end
 * fails the read with a message, on both.
 */
static void
test_read_back(void **state)
{
	static const int sizes[] = { 1024, 2600 };
	static const char *const threads[] = { "2", "1" };
	struct buf msg = BUF_INIT, p = BUF_INIT, want = BUF_INIT, got = BUF_INIT;
	sqlite3 *d = NULL;
	struct lib *lib;
	size_t k, t;

	(void)state;
	buf_printf(&p, "%s/cache/readback.db", dir);
	for (k = 0; k < sizeof sizes / sizeof *sizes; k++) {
		put_many("many.md", sizes[k]);
		unlink(p.buf);
		build(p.buf, sizes[k], NULL);
		buf_setlen(&want, 0);
		lib = unit_parse_path(lib_dir);
		dump_all(&want, lib);
		lib_free(lib);
		for (t = 0; t < 2; t++) {
			buf_setlen(&got, 0);
			assert_int_equal(read_back(p.buf, threads[t], &got, &msg), 0);
			assert_string_equal(got.buf, want.buf);
		}
		assert_int_equal(sqlite3_open(p.buf, &d), SQLITE_OK);
		assert_int_equal(sqlite3_exec(d, "UPDATE bodies SET body = 'not a row'"
		    " WHERE id = (SELECT max(id) FROM bodies)", NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(d);
		for (t = 0; t < 2; t++) {
			buf_setlen(&msg, 0);
			assert_int_equal(read_back(p.buf, threads[t], &got, &msg), -1);
			assert_non_null(strstr(msg.buf, "a record cannot be read"));
		}
	}
	del("many.md");
	buf_free(&msg);
	buf_free(&p);
	buf_free(&want);
	buf_free(&got);
}

/*
 * A first build is written without WAL and marked whole when done, then
 * the store is in WAL again; a build cut short (still marked) is built
 * again; one that another process is building is left to it; with
 * another connection open the first build keeps WAL.
 */
static void
test_first_build(void **state)
{
	struct buf msg = BUF_INIT, p = BUF_INIT;
	char *paths[1] = { lib_dir };
	struct store *s, *other;
	sqlite3 *d = NULL;

	(void)state;
	buf_printf(&p, "%s/cache/first.db", dir);
	put("a.md", "## Papers for 2024-01-01\n\n" HEAD "| One | Ann Lee | A. |\n");
	put("b.md", "\xEF\xBB\xBF## Papers for 2024-01-02\n\n" HEAD "| Two | Bo Kim | B. |\n");
	build(p.buf, 2, NULL);
	assert_int_equal(raw_int(p.buf, "PRAGMA user_version"), STORE_SCHEMA);
	touched_not_read(p.buf);
	assert_int_equal(raw_int(p.buf, "PRAGMA journal_mode"), 3);	/* "wal" */
	/* the indexes a first build makes after its rows are there */
	assert_int_equal(raw_int(p.buf, "SELECT count(*) FROM sqlite_master WHERE name LIKE 'recs_%'"), 7);
	assert_int_equal(raw_int(p.buf, "SELECT count(*) FROM sqlite_master WHERE name IN"
	    " ('papers_order', 'papers_key', 'papers_cats', 'paper_days_paper')"), 4);

	/* killed during its first build: marked, no lock held */
	assert_int_equal(raw_int(p.buf, "PRAGMA user_version = " PB_STR(STORE_BUILDING)), -1);
	build(p.buf, 2, "its first build did not finish: building it again");

	/* another process is building it: it holds the lock */
	assert_int_equal(sqlite3_open(p.buf, &d), SQLITE_OK);
	assert_int_equal(sqlite3_exec(d, "PRAGMA user_version = " PB_STR(STORE_BUILDING) "; BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	assert_null(store_open(p.buf, &msg));
	assert_non_null(strstr(msg.buf, "being built by another process"));
	assert_int_equal(access(p.buf, F_OK), 0);
	sqlite3_exec(d, "PRAGMA user_version = " PB_STR(STORE_SCHEMA) "; COMMIT", NULL, NULL, NULL);
	sqlite3_close(d);

	/* another connection is open: the first build keeps WAL, and works */
	buf_setlen(&msg, 0);
	unlink(p.buf);
	buf_puts(&p, "-wal");
	unlink(p.buf);
	buf_setlen(&p, p.len - 4);
	other = store_open(p.buf, &msg);
	s = store_open(p.buf, &msg);
	assert_non_null(other);
	assert_non_null(s);
	if (store_sync(s, paths, 1, NULL, NULL, &msg) != 0)
		fail_msg("%s", msg.buf);
	store_close(s);
	store_close(other);
	assert_int_equal(raw_int(p.buf, "PRAGMA user_version"), STORE_SCHEMA);
	assert_int_equal(raw_int(p.buf, "SELECT count(*) FROM files"), 2);
	del("a.md");
	del("b.md");
	buf_free(&msg);
	buf_free(&p);
}

static void
test_rows(void **state)
{
	static const char *const authors[] = { "A B", "C\tD" };
	static const struct block blocks[] = { { BLOCK_BULLET, "What's New", "x \"y\" \\ z\n2" },
		{ BLOCK_PARA, NULL, "\xED\x95\x9C" } };
	static const struct link links[] = { { LINK_GITHUB, "https://github.com/a/b" } };
	static const struct block more0[] = { { BLOCK_PARA, NULL, "\xE8\xAE\xBA\xE6\x96\x87" } };
	static const struct rec_sum more[] = { { "translation", more0, 1 }, { NULL, blocks, 2 } };
	struct rec r, back;
	struct buf a = BUF_INIT, b = BUF_INIT;
	struct arena *ar = arena_new();
	static const char *const bad[] = {
		"", "[]", "{", "{\"l\":\"x\"}", "{\"t\":1}", "{\"a\":[1]}", "{\"b\":[[9,null,\"x\"]]}",
		"{\"b\":[[0,null]]}", "{\"k\":[[99,\"u\"]]}", "{\"t\":\"a\\u0001b\"}", "{} x",
		"{\"a\":[\"x\\u0000y\"]}", "{\"u\":\"1\"}", "{\"m\":[[null]]}", "{\"m\":[[1,[]]]}",
		"{\"m\":[[\"n\",[[0,null]]]]}", "{\"m\":{}}",
	};
	size_t i;

	(void)state;
	memset(&r, 0, sizeof r);
	r.line = 7;
	r.id = "2401.00001";
	r.title = "T";
	r.day = "May 9";
	r.authors = authors;
	r.nauthors = 2;
	r.authors_cut = 1;
	r.votes = 12;
	r.source = "table";
	r.blocks = blocks;
	r.nblocks = 2;
	r.more = more;
	r.nmore = 2;
	r.links = links;
	r.nlinks = 1;
	row_encode(&a, &r);
	assert_int_equal(row_decode(a.buf, a.len, ar, &back), 0);
	row_encode(&b, &back);
	assert_string_equal(buf_str(&a), buf_str(&b));
	assert_string_equal(back.blocks[0].text, "x \"y\" \\ z\n2");
	assert_null(back.blocks[1].label);
	/* every field of the record comes back: the cut author list, the further summaries */
	assert_int_equal(back.authors_cut, 1);
	assert_int_equal(back.nmore, 2);
	assert_string_equal(back.more[0].name, "translation");
	assert_int_equal(back.more[0].nblocks, 1);
	assert_string_equal(back.more[0].blocks[0].text, "\xE8\xAE\xBA\xE6\x96\x87");
	assert_null(back.more[1].name);
	assert_int_equal(back.more[1].nblocks, 2);
	assert_string_equal(back.more[1].blocks[0].label, "What's New");
	for (i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(row_decode(bad[i], strlen(bad[i]), ar, &back), -1);
	arena_free(ar);
	buf_free(&a);
	buf_free(&b);
}

/*
 * Once a store is open, SQLite keeps no allocation statistics (their
 * global mutex at each malloc slowed FTS5's long phrase queries by about
 * 15%): the first open turned them off, before SQLite initialised.
 */
static void
test_no_memstatus(void **state)
{
	struct buf msg = BUF_INIT, path = BUF_INIT;
	struct store *s;
	static const char *const ext[] = { "", "-wal", "-shm" };
	size_t i;

	(void)state;
	buf_printf(&path, "%s/memstatus.db", dir);
	s = store_open(path.buf, &msg);
	assert_non_null(s);
	assert_int_equal(store_npapers(s, &msg), 0);
	assert_int_equal(sqlite3_memory_used(), 0);
	assert_int_equal(sqlite3_memory_highwater(0), 0);
	store_close(s);
	for (i = 0; i < 3; i++) {
		struct buf f = BUF_INIT;

		buf_printf(&f, "%s%s", path.buf, ext[i]);
		unlink(f.buf);
		buf_free(&f);
	}
	buf_free(&path);
	buf_free(&msg);
}

static void
test_forms(void **state)
{
	struct buf f = BUF_INIT;

	(void)state;
	/* 하 gets the marker after its vowel; 한 does not */
	indexer_form(&f, "\xED\x95\x98", 3);
	assert_int_equal(f.len, 7);
	assert_int_equal(f.buf[6], '\x01');
	buf_setlen(&f, 0);
	indexer_form(&f, "\xED\x95\x9C", 3);
	assert_int_equal(f.len, 9);
	buf_setlen(&f, 0);
	indexer_form(&f, "AbC", 3);
	assert_string_equal(f.buf, "abc");
	buf_free(&f);
}

static void
test_default_path(void **state)
{
	struct buf a = BUF_INIT, b = BUF_INIT;
	char *p1[] = { "/x/y" }, *p2[] = { "/x/z" };

	(void)state;
	setenv("PAPERBOY_CACHE", "/tmp/c", 1);
	assert_int_equal(store_default_path(&a, NULL, 0), 0);
	assert_string_equal(a.buf, "/tmp/c/library.db");
	buf_setlen(&a, 0);
	store_default_path(&a, p1, 1);
	store_default_path(&b, p2, 1);
	assert_true(strncmp(a.buf, "/tmp/c/paths-", 13) == 0);
	assert_string_not_equal(a.buf, b.buf);
	buf_free(&a);
	buf_free(&b);
}

/* Make the library directory. */
static int
mkdir_p(void)
{
	return mkdir(lib_dir, 0700);
}

/* Remove the temporary tree (files one level deep). */
static int
teardown(void **state)
{
	struct buf p = BUF_INIT;
	static const char *const sub[] = { "lib", "cache" };
	size_t i;
	DIR *d;
	struct dirent *e;

	(void)state;
	for (i = 0; i < 2; i++) {
		buf_setlen(&p, 0);
		buf_printf(&p, "%s/%s", dir, sub[i]);
		if ((d = opendir(p.buf)) == NULL)
			continue;
		while ((e = readdir(d)) != NULL) {
			struct buf f = BUF_INIT;

			if (e->d_name[0] == '.')
				continue;
			buf_printf(&f, "%s/%s", p.buf, e->d_name);
			unlink(f.buf);
			buf_free(&f);
		}
		closedir(d);
		rmdir(p.buf);
	}
	rmdir(dir);
	buf_free(&p);
	return 0;
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "%s/pbstore.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(lib_dir, sizeof lib_dir, "%s/lib", dir);
	snprintf(db, sizeof db, "%s/cache/store.db", dir);
	snprintf(root, sizeof root, "%s", lib_dir);
	return mkdir_p();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_memstatus),	/* first: the process's first store_open */
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_default_path),
		cmocka_unit_test(test_cancel_and_stats),
		cmocka_unit_test(test_first_build),
		cmocka_unit_test(test_early_build),
		cmocka_unit_test(test_read_back),
		cmocka_unit_test(test_sync_and_views),
		cmocka_unit_test(test_root_renamed),
		cmocka_unit_test(test_category_spellings),
		cmocka_unit_test(test_spelling_index),
		cmocka_unit_test(test_spelling_order),
		cmocka_unit_test(test_tidy),
		cmocka_unit_test(test_index_follows_store),
		cmocka_unit_test(test_split_retry),
		cmocka_unit_test(test_mark),
		cmocka_unit_test(test_many_days),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
