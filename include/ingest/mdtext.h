/* ingest/mdtext.h: markdown text shared by the parsers: headings, links, and
 * a body of paragraphs, lists and headed sections turned into summary blocks.
 *
 * Nothing here allocates beyond the pctx scratch; all scans are linear.
 */
#ifndef PB_MDTEXT_H
#define PB_MDTEXT_H

#include <stddef.h>

#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"

/* mdtext_blocks flags. */
enum {
	MDTEXT_LINKS = 1,	/* also add every http(s) link of the text to the record */
	MDTEXT_SECTIONS = 2,	/* an "Abstract"/"摘要" heading starts a summary of its own */
	MDTEXT_FIELDS = 4,	/* "**Authors**: ..." and other known fields set the record */
	MDTEXT_ONLY_SUMMARIES = 8,	/* with MDTEXT_SECTIONS: keep only the Abstract/摘要 sections */
};

/* An ATX heading "## Text ##": its level (1-6) and text, else 0. */
int mdtext_heading(const char *s, size_t n, const char **t, size_t *tn);
/*
 * The next "[text](url)" at or after s[*i] (brackets and parentheses may
 * nest): 1 with its parts and *i past it, else 0.  Linear over s.
 */
int mdtext_next_link(const char *s, size_t n, size_t *i, const char **text, size_t *tn,
    const char **url, size_t *un);
/* The next bare "http://" or "https://" URL at or after s[*i]: 1 with *i past it, else 0. */
int mdtext_next_url(const char *s, size_t n, size_t *i, const char **url, size_t *un);
/* Add every http(s) URL of s (markdown links and bare URLs) found at line to the record. */
void mdtext_links(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n);
/*
 * Add a markdown body s[0..n) (first line first_line) to the record's
 * current summary (rec_into): paragraphs, list items as bullets, a heading's
 * text as the label of the block under it, "**Label**: text" and known
 * "Label: text" (fields.h) as labels.  Code blocks, images, rules and lines
 * of bare HTML tags are left out.
 */
void mdtext_blocks(struct pctx *p, struct rec_build *b, const char *s, size_t n,
    size_t first_line, unsigned flags);

#endif
