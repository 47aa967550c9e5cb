/* ingest/rec.h: the record builder the parsers fill, one paper at a time.
 *
 * Every string handed in is raw input: it is cleaned (text_clean, with
 * inline markup reduced where it is prose) into the parser context's
 * scratch arena, which pctx_emit resets after every record.  Nothing is
 * kept past pctx_emit; the batch copies what it keeps.
 */
#ifndef PB_INGEST_REC_H
#define PB_INGEST_REC_H

#include <stddef.h>

#include "model/lib.h"
#include "ingest/pctx.h"

/* A further summary being built: its name and blocks. */
struct sum_build {
	const char *name;
	struct block *blocks; size_t nblocks, ablocks;
};

/* A growing list of records' parts, in scratch memory. */
struct rec_build {
	struct rec r;
	const char **authors; size_t nauthors, aauthors;
	const char **cats; size_t ncats, acats;
	struct block *blocks; size_t nblocks, ablocks;
	struct sum_build *more; size_t nmore, amore;
	struct sum_build *into;	/* where blocks go (rec_into), NULL: the main summary */
	struct link *links; size_t nlinks, alinks;
	int warned_links, warned_cats;	/* the "too many" warning was given */
};

/* Start a record at line. */
void rec_init(struct pctx *p, struct rec_build *b, size_t line, const char *source);
/* Add an author (cleaned, one line); empty ones are ignored. */
void rec_author(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/*
 * Split an author list and add each name: commas and " and " separate
 * names; "et al." / "et.al." is never part of a name and marks
 * the list as shortened (rec.authors_cut).
 */
void rec_authors(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Add a category (cleaned); empty and duplicate ones are ignored. */
void rec_cat(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/*
 * Split "**Label**: text", "**Label:** text" or "**Label**：text" into the
 * label and the text; 1 when s has such a label.
 */
int rec_split_label(const char *s, size_t n, const char **label, size_t *llen,
    const char **rest, size_t *rlen);
/* Add one paragraph, with its "**Label**: text" label when present. */
void rec_para(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Add one bullet line, with its "**Label**: text" label when present. */
void rec_bullet(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/*
 * Send the blocks added from now on to the further summary called name
 * (created on first use; name must outlive the record), or back to the main
 * summary with NULL.
 */
void rec_into(struct pctx *p, struct rec_build *b, const char *name);
/* Add a summary block with an optional label (both cleaned with inline reduction). */
void rec_block(struct pctx *p, struct rec_build *b, enum block_kind k,
    const char *label, size_t llen, const char *s, size_t n);
/*
 * Add a link found at line: normalised, classified (hint overrides the
 * classification when not LINK_NKINDS), or dropped with a warning.  A link
 * to an arXiv abstract sets the id when none is set yet.
 */
void rec_link(struct pctx *p, struct rec_build *b, size_t line,
    const char *s, size_t n, enum link_kind hint);
/*
 * Add a summary's text, splitting "- " bullets (also run together on one
 * line) and "Label: text" sections; a text without bullets is paragraphs.
 */
void rec_summary(struct pctx *p, struct rec_build *b, const char *s, size_t n);

#endif
