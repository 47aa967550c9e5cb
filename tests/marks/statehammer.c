/* statehammer.c: drives the state module for tests/marks/marks.sh.
 *
 *   statehammer grow PATH MAX        star k:000001, k:000002, ... up to MAX,
 *                                    continuing after what PATH holds,
 *                                    saving after each mark
 *   statehammer star PATH PREFIX N   star PREFIX-1 .. PREFIX-N, saving after each
 *   statehammer check PATH           the file loads without a message, is
 *                                    exactly what a save writes, and its
 *                                    starred keys are k:000001..k:N; prints N
 *   statehammer count PATH           prints the number of starred keys
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/safeio.h"
#include "marks/marks.h"

/* Print the state's messages to stderr; returns how many. */
static size_t
report(const struct marks *st)
{
	size_t i;

	for (i = 0; i < marks_nmsgs(st); i++)
		fprintf(stderr, "statehammer: %s\n", marks_msg(st, i));
	return marks_nmsgs(st);
}

/* Set key starred and save; exits 1 on failure. */
static void
star_save(struct marks *st, const char *key)
{
	marks_set(st, key, MARKS_STARRED, 1);
	if (marks_save(st) < 0) {
		report(st);
		exit(1);
	}
}

/* grow mode. */
static int
grow(const char *path, long max)
{
	struct marks *st = marks_new(path);
	char key[32];
	long j;

	marks_load(st);
	if (report(st))
		return 1;
	for (j = (long)marks_count(st, MARKS_STARRED) + 1; j <= max; j++) {
		int w = snprintf(key, sizeof key, "k:%06ld", j);

		if (w < 0 || (size_t)w >= sizeof key)
			return 1;
		star_save(st, key);
	}
	marks_free(st);
	return 0;
}

/* star mode. */
static int
star(const char *path, const char *prefix, long n)
{
	struct marks *st = marks_new(path);
	struct buf key = BUF_INIT;
	long i;

	buf_init(&key);
	marks_load(st);
	for (i = 1; i <= n; i++) {
		buf_setlen(&key, 0);
		buf_printf(&key, "%s-%ld", prefix, i);
		star_save(st, key.buf);
	}
	buf_free(&key);
	marks_free(st);
	return 0;
}

/* check mode. */
static int
check(const char *path)
{
	struct marks *st = marks_new(path);
	struct buf raw = BUF_INIT, again = BUF_INIT;
	size_t n, i;
	char key[32];
	int rc = 0;

	buf_init(&raw);
	buf_init(&again);
	if (safeio_read(path, &raw) < 0 || raw.len == 0) {
		fprintf(stderr, "statehammer: '%s' is missing or empty\n", path);
		return 1;
	}
	marks_load(st);
	if (report(st))
		rc = 1;
	marks_format(st, &again);
	if (rc == 0 && (again.len != raw.len || memcmp(again.buf, raw.buf, raw.len) != 0)) {
		fprintf(stderr, "statehammer: '%s' is not what a save writes\n", path);
		rc = 1;
	}
	n = marks_count(st, MARKS_STARRED);
	for (i = 1; rc == 0 && i <= n; i++) {
		int w = snprintf(key, sizeof key, "k:%06zu", i);

		if (w < 0 || (size_t)w >= sizeof key || !marks_get(st, key, MARKS_STARRED)) {
			fprintf(stderr, "statehammer: '%s' lacks %s of %zu\n", path, key, n);
			rc = 1;
		}
	}
	if (rc == 0)
		printf("%zu\n", n);
	buf_free(&raw);
	buf_free(&again);
	marks_free(st);
	return rc;
}

/* Entry point. */
int
main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "grow") == 0)
		return grow(argv[2], strtol(argv[3], NULL, 10));
	if (argc == 5 && strcmp(argv[1], "star") == 0)
		return star(argv[2], argv[3], strtol(argv[4], NULL, 10));
	if (argc == 3 && strcmp(argv[1], "check") == 0)
		return check(argv[2]);
	if (argc == 3 && strcmp(argv[1], "count") == 0) {
		struct marks *st = marks_new(argv[2]);

		marks_load(st);
		printf("%zu\n", marks_count(st, MARKS_STARRED));
		marks_free(st);
		return 0;
	}
	fprintf(stderr, "usage: statehammer grow|star|check|count PATH ...\n");
	return 2;
}
