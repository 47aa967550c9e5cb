/* storeread.c: a reader of the library store, for the concurrency test.
 *
 *   storeread STORE N
 *
 * N times: the days with their counts, the newest day's papers, its first
 * paper in full, and a search.  Exits 1 at the first call that fails
 * (a busy or damaged store, an error) or gives an empty answer where the
 * store has papers; prints what it did.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
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

int
main(int argc, char **argv)
{
	struct buf msg = BUF_INIT;
	struct store *s;
	struct index *ix;
	long i, n = argc == 3 ? atol(argv[2]) : 0;
	int rc = 0;

	if (n <= 0) {
		fprintf(stderr, "usage: storeread STORE N\n");
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
