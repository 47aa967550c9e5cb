/* ingest/fields.h: the one table of field names per role, and reading one
 * paper object through it.
 *
 * Publishers name the same things differently (title, title_en, paper_title;
 * summary, abstract, details.abstract; date, scraped_date,
 * paper.submittedOnDailyAt ...).  Every structured format (JSON, JSON Lines,
 * YAML, front matter, labelled markdown fields) looks names up here instead
 * of knowing each publisher: a new spelling is one row.  Names match
 * ignoring ASCII case and "_", "-", " " (so "Publish Date", "publish_date"
 * and "publishDate" are one name).
 *
 * YAML documents are read by turning them into the same json-c objects, so
 * jsonrec.c is the only reader of a paper object.
 */
#ifndef PB_FIELDS_H
#define PB_FIELDS_H

#include <stddef.h>

#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"


enum field_role {
	ROLE_TITLE,		/* the paper's title (first by rank wins) */
	ROLE_SUMMARY,		/* the main summary, usually the abstract */
	ROLE_AUTHORS,		/* "A, B and C", ["A", "B"] or [{"name": "A"}] */
	ROLE_DAY,		/* the day it was listed: an ISO date, a timestamp or YYYYMMDD */
	ROLE_VOTES,		/* upvotes or stars: a whole number */
	ROLE_LINK,		/* a URL or a list of URLs, classified (or of the row's kind) */
	ROLE_ID,		/* the arXiv id */
	ROLE_CATS,		/* categories, tags: a list, or "['A', 'B']", or "A, B" */
	ROLE_MORE,		/* a further summary, named by the row ("translation", "ai_summary") */
	ROLE_SECTION,		/* a labelled section of the "AI" summary (TL;DR, Method, ...) */
	ROLE_KEYWORDS,		/* keywords: a "Keywords" block of the ai_summary */
	ROLE_NEST,		/* an object whose members are read as the paper's (paper, details, AI) */
};

struct field {
	const char *name;	/* as spelt by publishers */
	enum field_role role;
	int rank;		/* single-valued roles: the lower rank wins */
	const char *label;	/* ROLE_SECTION: the label; ROLE_MORE: the summary's name */
	int hint;		/* ROLE_LINK: the link kind (enum link_kind), or LINK_NKINDS */
	unsigned flags;
};

/* Field flags. */
enum {
	FIELD_NOT_API = 1,	/* ignored inside a Hugging Face API element: publishedAt is the arXiv date */
	FIELD_QUIET = 2,	/* a value that does not fit is ignored without a warning ("id") */
};

/* The row for a field name s[0..n), or NULL. */
const struct field *fields_find(const char *s, size_t n);
/*
 * A paragraph s[0..n) that opens with a known field name and a colon
 * ("TL;DR: ...", "摘要：..."): its row, the label's length and the offset of
 * the text after the colon; else NULL.
 */
const struct field *fields_label(const char *s, size_t n, size_t *llen, size_t *rest);
/*
 * Apply a labelled markdown value s[0..n) ("**Authors**: A, B", "投稿日:
 * 2026-02-12") by its row's role: title (when none yet), authors, day (when
 * none yet), categories, id and links are set on b and 1 is returned; for
 * the summary roles nothing is done and 0 is returned (the caller keeps it
 * as a labelled block).
 */
int fields_apply_text(struct pctx *p, struct rec_build *b, const struct field *f, size_t line,
    const char *s, size_t n);
/* True when s[0..n) holds a title field spelt for people ("原文标题", "original title"), for sniffing HTML. */
int fields_title_label_in(const char *s, size_t n);
/* Number of rows, and row i (for the README and tests). */
size_t fields_count(void);
const struct field *fields_row(size_t i);
/* Name of a role ("title", "summary", ...). */
const char *fields_role_name(enum field_role r);

/*
 * The day a value names: "2025-05-06", "2025-05-06T01:02:03Z" or
 * "20250506" (but not a range such as "2026-02-05 ~ 2026-03-06"); 1 and out
 * set, else 0.
 */
int fields_day(const char *s, size_t n, char out[11]);

#endif
