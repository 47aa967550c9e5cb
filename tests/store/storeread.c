/* storeread.c: a reader of the library store, for the concurrency and
 * equivalence tests.
 *
 *   storeread STORE N
 *
 * N times: the days with their counts, the newest day's papers, its first
 * paper in full, and a search.  Exits 1 at the first call that fails
 * (a busy or damaged store, an error) or gives an empty answer where the
 * store has papers; prints what it did.
 *
 *   storeread --light STORE
 *   storeread --light-parse PATH...
 *   storeread --views STORE
 *
 * Print the light library (what the reader lists) that the store gives
 * (store_lib_light), or that a light parse of the paths gives: every
 * paper in display order with its place in reading order, key, id, title,
 * votes, days, categories and, untitled, its text.  Exits 1 on failure.
 *
 * --views: every day read alone, light and in full, spells each of its
 * papers' categories as the store's whole light library does; prints how
 * many days and papers it compared, or the first differences and exits 1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "base/buf.h"
#include "ingest/ingest.h"
#include "model/lib.h"
#include "store/index.h"
#include "store/store.h"

/* One round of what a reader loads; 0, or -1 with msg. */
static int
round_once(struct store *s, struct index *ix, struct buf *msg)
{
	struct store_day *days;
	long nd = store_days(s, &days, msg), n;
	struct lib *day = NULL, *one = NULL;
	int rc = nd > 0 ? 0 : -1;

	if (nd == 0)
		buf_puts(msg, "no days");
	if (rc == 0 && (day = store_lib_day(s, days[0].label, msg)) == NULL)
		rc = -1;
	if (rc == 0 && lib_npapers(day) == 0) {
		buf_printf(msg, "day %s has no papers", days[0].label);
		rc = -1;
	}
	if (rc == 0 && (one = store_lib_paper(s, lib_paper(day, 0)->key, msg)) == NULL)
		rc = -1;
	if (rc == 0 && lib_npapers(one) != 1) {
		buf_printf(msg, "paper %s not found", lib_paper(day, 0)->key);
		rc = -1;
	}
	if (rc == 0 && (n = index_set(ix, "\xED\x95\x99\xEC\x8A\xB5", 6, msg)) < 0)	/* 학습 */
		rc = -1;
	lib_free(one);
	lib_free(day);
	if (nd > 0)
		store_days_free(days, (size_t)nd);
	return rc;
}

/* Print one string field, or "-" for none. */
static void
field(const char *name, const char *v)
{
	printf(" %s=%s", name, v ? v : "-");
}

/* Print lib as --light says, a paper a line. */
static void
print_light(const struct lib *lib)
{
	size_t i, k;

	for (i = 0; i < lib_ndays(lib); i++)
		printf("day %s %d %zu\n", lib_day(lib, i)->label, (int)lib_day(lib, i)->kind,
		    lib_day(lib, i)->npapers);
	for (i = 0; i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i);

		printf("%u", p->pos);
		field("key", p->key);
		field("id", p->id);
		field("title", p->title);
		printf(" votes=%ld days=", p->votes);
		for (k = 0; k < p->ndays; k++)
			printf("%s%s", k ? "," : "", lib_day(lib, p->days[k])->label);
		printf(" cats=");
		for (k = 0; k < p->ncats; k++)
			printf("%s%s", k ? "," : "", p->cats[k]);
		printf(" nsums=%zu", p->nsums);
		if (p->title == NULL && p->nsums)
			field("text", p->sums[0].text);
		printf("\n");
	}
}

/* storeread --light and --light-parse. */
static int
light(int argc, char **argv)
{
	struct buf msg = BUF_INIT;
	struct lib *lib = NULL;
	struct store *s;
	int i;

	if (strcmp(argv[1], "--light") == 0) {
		if ((s = store_open(argv[2], &msg)) != NULL)
			lib = store_lib_light(s, NULL, &msg);
		store_close(s);
	} else {
		struct ingest *ing;

		lib = lib_new();
		lib_set_light(lib, 1);
		ing = ingest_new(lib);
		for (i = 2; i < argc; i++)
			ingest_path(ing, argv[i]);
		ingest_free(ing);
		lib_finish(lib);
	}
	if (lib == NULL) {
		fprintf(stderr, "storeread: %s\n", msg.buf);
		buf_free(&msg);
		return 1;
	}
	print_light(lib);
	lib_free(lib);
	buf_free(&msg);
	return 0;
}

/* qsort and bsearch: papers by key. */
static int
by_key(const void *a, const void *b)
{
	return strcmp((*(const struct paper *const *)a)->key, (*(const struct paper *const *)b)->key);
}

/* The differences of lib's papers from the same papers of whole (sorted by key), the first ten in all printed; how many. */
static size_t
view_diffs(const struct lib *lib, const struct paper **whole, size_t nwhole, const char *what, size_t *shown)
{
	size_t i, k, bad = 0;

	for (i = 0; i < lib_npapers(lib); i++) {
		const struct paper *p = lib_paper(lib, i), **w = bsearch(&p, whole, nwhole, sizeof *whole, by_key);
		int same = w && (*w)->ncats == p->ncats;

		for (k = 0; same && k < p->ncats; k++)
			same = strcmp((*w)->cats[k], p->cats[k]) == 0;
		bad += !same;
		if (!same && (*shown)++ < 10)
			printf("%s: %s: categories %s%s\n", what, p->key, p->ncats ? p->cats[0] : "-",
			    w ? "" : " (not in the whole library)");
	}
	return bad;
}

/* storeread --views. */
static int
views(const char *path)
{
	struct buf msg = BUF_INIT;
	struct store *s = store_open(path, &msg);
	struct lib *whole = s ? store_lib_light(s, NULL, &msg) : NULL;
	struct store_day *days = NULL;
	long nd = whole ? store_days(s, &days, &msg) : -1, d;
	const struct paper **sorted = xcalloc(lib_npapers(whole) + 1, sizeof *sorted);
	size_t i, n = lib_npapers(whole), bad = 0, np = 0, shown = 0;

	for (i = 0; i < n; i++)
		sorted[i] = lib_paper(whole, i);
	qsort(sorted, n, sizeof *sorted, by_key);
	for (d = 0; d < nd; d++) {
		struct lib *light = store_lib_light(s, days[d].label, &msg), *full = store_lib_day(s, days[d].label, &msg);

		if (light == NULL || full == NULL)
			bad++;
		else
			bad += view_diffs(light, sorted, n, "light day", &shown) + view_diffs(full, sorted, n, "day", &shown);
		np += lib_npapers(full);
		lib_free(light);
		lib_free(full);
	}
	if (nd < 0 || msg.len)
		fprintf(stderr, "storeread: %s\n", msg.buf);
	else
		printf("storeread: %ld days (%zu papers in them) spelled as the whole library%s\n", nd, np,
		    bad ? ", with differences" : "");
	store_days_free(days, nd > 0 ? (size_t)nd : 0);
	free(sorted);
	lib_free(whole);
	store_close(s);
	buf_free(&msg);
	return nd < 0 || msg.len || bad ? 1 : 0;
}

int
main(int argc, char **argv)
{
	struct buf msg = BUF_INIT;
	struct store *s;
	struct index *ix;
	long i, n = argc == 3 ? atol(argv[2]) : 0;
	int rc = 0;

	if (argc >= 3 && (strcmp(argv[1], "--light") == 0 || strcmp(argv[1], "--light-parse") == 0))
		return light(argc, argv);
	if (argc == 3 && strcmp(argv[1], "--views") == 0)
		return views(argv[2]);
	if (n <= 0) {
		fprintf(stderr, "usage: storeread STORE N | --light STORE | --light-parse PATH... | --views STORE\n");
		return 2;
	}
	s = store_open(argv[1], &msg);
	if (s == NULL) {
		fprintf(stderr, "storeread: %s\n", msg.buf);
		return 1;
	}
	ix = index_new(s);
	for (i = 0; i < n && rc == 0; i++) {
		buf_setlen(&msg, 0);
		if (round_once(s, ix, &msg) < 0) {
			fprintf(stderr, "storeread: round %ld: %s\n", i, msg.buf);
			rc = 1;
		}
	}
	printf("storeread: %ld rounds\n", i);
	index_free(ix);
	store_close(s);
	buf_free(&msg);
	return rc;
}
