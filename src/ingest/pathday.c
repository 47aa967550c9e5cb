/* ingest/pathday.c: the day a file's path gives, for digests whose content has none.
 *
 * Publishers that write one file per day often put the date only in the
 * path: ".../2025/05/06.md", "data/2025-05-06.jsonl", "20230910-hf.md",
 * "docs/201706/12/x.md".  The component nearest the file name that holds
 * one date wins; a component with two dates is a range ("20260205-20260306")
 * and gives none, nor do weeks and months ("2025-W48", "2025-12").
 */
#include "ingest/pathday.h"
#include "base/date.h"

#include <string.h>

/* Digits s[0..n) as a number; -1 unless all are digits. */
static int
num(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* True when y-m-d is a plausible digest day (1990-2099, a real date). */
static int
plausible(int y, int m, int d)
{
	return y >= 1990 && y <= 2099 && date_valid(y, m, d);
}

/* True for a byte that may not touch a date's digits. */
static int
digitish(char c)
{
	return (c >= '0' && c <= '9');
}

/*
 * Dates in one path component c[0..n): YYYY-MM-DD (also with _ or .) or
 * YYYYMMDD, not inside a longer run of digits.  Returns how many (0, 1, or
 * 2 meaning "two or more"), the first in out.
 */
static int
dates_in(const char *c, size_t n, char out[11])
{
	size_t i;
	int found = 0;

	for (i = 0; i + 8 <= n && found < 2; i++) {
		int y, m, d;
		size_t len;

		if (i > 0 && digitish(c[i - 1]))
			continue;
		if (i + 10 <= n && (c[i + 4] == '-' || c[i + 4] == '_' || c[i + 4] == '.') &&
		    c[i + 7] == c[i + 4]) {
			y = num(c + i, 4), m = num(c + i + 5, 2), d = num(c + i + 8, 2);
			len = 10;
		} else {
			y = num(c + i, 4), m = num(c + i + 4, 2), d = num(c + i + 6, 2);
			len = 8;
		}
		if (y < 0 || m < 0 || d < 0 || !plausible(y, m, d))
			continue;
		if (i + len < n && digitish(c[i + len]))
			continue;
		if (found == 0)
			date_format(date_from_ymd(y, m, d), out);
		found++;
		i += len - 1;
	}
	return found;
}

/* Start and length of the path component before the one ending at *end; 0 when none. */
static int
prev_component(const char *path, size_t *end, const char **c, size_t *n)
{
	size_t e = *end, a;

	while (e > 0 && path[e - 1] == '/')
		e--;
	if (e == 0)
		return 0;
	a = e;
	while (a > 0 && path[a - 1] != '/')
		a--;
	*c = path + a;
	*n = e - a;
	*end = a;
	return 1;
}

/* "DD" or "DD.ext": a day of the month, else -1. */
static int
day_part(const char *c, size_t n)
{
	const char *dot = memchr(c, '.', n);
	size_t k = dot ? (size_t)(dot - c) : n;

	return k == 2 ? num(c, 2) : -1;
}

/* The day of a file's path (see the top of this file); 1 and out set, or 0. */
int
pathday_find(const char *path, char out[11])
{
	const char *c[3];
	size_t n[3], end = strlen(path);
	int k, got;

	for (k = 0; k < 3 && prev_component(path, &end, &c[k], &n[k]); k++) {
		got = dates_in(c[k], n[k], out);
		if (got == 1)
			return 1;
		if (got > 1)
			return 0;	/* a range */
	}
	if (k < 2)
		return 0;
	/* ".../YYYY/MM/DD.md" or ".../YYYYMM/DD/name" */
	if (k == 3 && n[2] == 4 && n[1] == 2 && day_part(c[0], n[0]) >= 0) {
		int y = num(c[2], 4), m = num(c[1], 2), d = day_part(c[0], n[0]);

		if (y >= 0 && m >= 0 && plausible(y, m, d)) {
			date_format(date_from_ymd(y, m, d), out);
			return 1;
		}
	}
	if (n[1] == 2 && k == 3 && n[2] == 6) {
		int y = num(c[2], 4), m = num(c[2] + 4, 2), d = num(c[1], 2);

		if (y >= 0 && m >= 0 && d >= 0 && plausible(y, m, d)) {
			date_format(date_from_ymd(y, m, d), out);
			return 1;
		}
	}
	return 0;
}
