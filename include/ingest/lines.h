/* ingest/lines.h: line iteration over a buffer without allocation, and the
 * small byte-level scanning helpers the parsers share (blank lines,
 * trimming, prefixes, ISO dates).  Nothing here allocates or decodes UTF-8;
 * every function works on (pointer, length) ranges the caller owns.
 */
#ifndef PB_INGEST_LINES_H
#define PB_INGEST_LINES_H

#include <stddef.h>

struct lines {
	const char *data;
	size_t len;
	size_t pos;	/* offset of the next line */
	size_t lineno;	/* number of the line last returned */
};

/* Start iterating at line first_line. */
void lines_init(struct lines *it, const char *data, size_t len, size_t first_line);
/* Next line without its LF, CR LF or lone CR; 0 at the end. */
int lines_next(struct lines *it, const char **s, size_t *n);

/* True when s[0..n) holds only spaces, tabs and CRs. */
int lines_blank(const char *s, size_t n);
/* Offset of the first byte of s[0..n) that is not a space, tab, CR or LF (n if none). */
size_t lines_skip_space(const char *s, size_t n);
/* Trim spaces, tabs and stray CRs at both ends of *s[0..*n). */
void lines_trim(const char **s, size_t *n);
/* True when s[0..n) starts with the ASCII prefix pre. */
int lines_starts(const char *s, size_t n, const char *pre);
/* True when the ASCII needle occurs in s[0..n). */
int lines_has(const char *s, size_t n, const char *needle);
/* Find an ISO date YYYY-MM-DD in s and copy it to out (11 bytes); 1 on success. */
int lines_find_date(const char *s, size_t n, char out[11]);

#endif
