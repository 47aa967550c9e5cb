/* ingest/mdscan.h: where a markdown text's papers are, for the headings
 * format and the generic fallback.
 *
 * A paper is a link to its arXiv or Hugging Face page (a markdown link or a
 * bare URL; a badge image's link is not one), named by its arXiv id.  The
 * scans here allocate nothing, so sniffs may use them; they skip fenced code
 * and are linear in the text.
 */
#ifndef PB_INGEST_MDSCAN_H
#define PB_INGEST_MDSCAN_H

#include <stddef.h>

#define MDSCAN_ID_MAX 24
#define MDSCAN_NONE ((size_t)-1)

/* One link to a paper page. */
struct mdscan_link {
	const char *text;	/* the link text ("" for a bare URL) */
	size_t tn;
	const char *url;
	size_t un;
	char id[MDSCAN_ID_MAX];	/* the arXiv id, NUL-terminated */
};

/* The next paper link of s[0..n) at or after *i (*i moves past it): 1, or 0 when none is left. */
int mdscan_next_paper(const char *s, size_t n, size_t *i, struct mdscan_link *l);
/* Offset of the first line of s[0..n) with a paper link, or MDSCAN_NONE. */
size_t mdscan_first_paper(const char *s, size_t n);
/*
 * The heading level whose sections hold the papers, one each: at least two
 * sections at one level that each link to exactly one paper or name one by
 * an "original title" field (fields.h), the level with most of them
 * winning; or level 1 for a text with one "# " title and exactly one paper
 * (linked, or named by an "arXiv ID" field) mentioned near the title, not
 * in a table.
 * Returns the offset of the first such section's heading, or MDSCAN_NONE;
 * *level is set.
 */
size_t mdscan_sections(const char *s, size_t n, int *level);

#endif
