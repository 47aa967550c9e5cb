/* ingest/lines.c: line iteration and the small scanning helpers the parsers share. */
#include "ingest/lines.h"

#include <string.h>

/* Start iterating over lines, the first being number first_line. */
void
lines_init(struct lines *it, const char *data, size_t len, size_t first_line)
{
	it->data = data;
	it->len = len;
	it->pos = 0;
	it->lineno = first_line ? first_line - 1 : 0;
}

/* Next line without its terminator (LF, CR LF or lone CR); 0 at the end. */
int
lines_next(struct lines *it, const char **s, size_t *n)
{
	const char *p, *e;
	size_t start = it->pos, end;

	if (start >= it->len)
		return 0;
	p = it->data + start;
	e = memchr(p, '\n', it->len - start);
	end = e ? (size_t)(e - it->data) : it->len;
	it->pos = e ? end + 1 : it->len;
	/* a lone CR also ends a line */
	{
		const char *cr = memchr(p, '\r', end - start);

		if (cr && (size_t)(cr - it->data) + 1 < end) {
			end = (size_t)(cr - it->data);
			it->pos = end + 1;
		}
	}
	if (end > start && it->data[end - 1] == '\r')
		end--;
	*s = p;
	*n = end - start;
	it->lineno++;
	return 1;
}

/* Only spaces and tabs. */
int
lines_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Offset of the first byte of s[0..n) that is not a space, tab, CR or LF (n if none). */
size_t
lines_skip_space(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Trim spaces and tabs (and stray CRs) at both ends. */
void
lines_trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || **s == '\r'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

/* ASCII prefix test. */
int
lines_starts(const char *s, size_t n, const char *pre)
{
	size_t m = strlen(pre);

	return n >= m && memcmp(s, pre, m) == 0;
}

/* First YYYY-MM-DD in s (with plausible month and day). */
int
lines_find_date(const char *s, size_t n, char out[11])
{
	size_t i;

	for (i = 0; i + 10 <= n; i++) {
		const char *d = s + i;
		int k, ok = 1;

		for (k = 0; k < 10 && ok; k++)
			ok = (k == 4 || k == 7) ? d[k] == '-' : (d[k] >= '0' && d[k] <= '9');
		if (!ok)
			continue;
		if (i + 10 < n && s[i + 10] >= '0' && s[i + 10] <= '9')
			continue;
		{
			int mo = (d[5] - '0') * 10 + (d[6] - '0');
			int da = (d[8] - '0') * 10 + (d[9] - '0');

			if (mo < 1 || mo > 12 || da < 1 || da > 31)
				continue;
		}
		memcpy(out, d, 10);
		out[10] = '\0';
		return 1;
	}
	return 0;
}


/* True when the ASCII needle occurs in s[0..n). */
int
lines_has(const char *s, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	const char *q = s, *e = s + n;

	if (m == 0)
		return 1;
	while (q + m <= e && (q = memchr(q, needle[0], (size_t)(e - q) - m + 1)) != NULL) {
		if (memcmp(q, needle, m) == 0)
			return 1;
		q++;
	}
	return 0;
}
