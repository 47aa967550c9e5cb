/* model/lib.h: papers, days and the merged library.
 *
 * A library owns all its memory in one arena: every pointer reachable from
 * a struct paper or struct day stays valid until lib_free.  Strings are
 * clean (see text.h).  Parsers feed the library through lib_add_paper with a
 * struct rec whose strings they own; the library copies what it keeps.
 */
#ifndef PB_MODEL_H
#define PB_MODEL_H

#include <stddef.h>
#include <stdint.h>

enum link_kind {
	LINK_ARXIV, LINK_PDF, LINK_HUGGINGFACE, LINK_GITHUB, LINK_THUMBNAIL,
	LINK_PROJECT, LINK_DATASET, LINK_MODEL, LINK_SPACE, LINK_OTHER,
	LINK_NKINDS
};

struct link {
	enum link_kind kind;
	const char *url;	/* http or https, no control or space */
};

enum block_kind { BLOCK_PARA, BLOCK_BULLET };

/* One block of a summary: a paragraph, a bullet, or a labelled section. */
struct block {
	enum block_kind kind;
	const char *label;	/* "What's New", ...; NULL when unlabelled */
	const char *text;
};

struct summary {
	const char *lang;	/* "en", "ko", "zh", "ja", "und-Cyrl", ... detected from the text (text/lang.h) */
	const char *source;	/* format it came from, e.g. "table", "ko-digest" */
	const char *name;	/* what the source calls it ("ai_summary", "translation"), or NULL */
	const char *publisher;	/* who published it, from its file's path (publisher_of), or NULL */
	const struct block *blocks;
	size_t nblocks;
	const char *text;	/* the blocks flattened: bullets as "- ", labels as "Label: " */
};

enum day_kind { DAY_DATED, DAY_LABEL, DAY_NONE };

struct day {
	enum day_kind kind;
	const char *label;	/* "2025-05-06", "May 9", or "undated" */
	const uint32_t *papers;	/* paper indices in display order (after lib_finish) */
	size_t npapers;
	size_t count;		/* papers on this day in the whole library: npapers, or more in
				   a part of it that holds only some days (lib_add_day_count) */
};

struct paper {
	const char *id;		/* arXiv id such as "2505.02707", or NULL */
	const char *title;	/* NULL for an untitled abstract */
	const char *key;	/* stable identity: "arxiv:ID", "title:KEY" or "text:HASH" */
	const char *const *authors;
	size_t nauthors;
	int authors_cut;	/* the list kept was shortened by its source ("A et al.") */
	const uint32_t *days;	/* day indices, ascending by day order; undated: the undated group */
	size_t ndays;
	const char *const *cats;
	size_t ncats;
	long votes;		/* -1 when no source gave one */
	const struct summary *sums;
	size_t nsums;
	const struct link *links;
	size_t nlinks;
	uint32_t pos;		/* when first read: the inputs in order, each in its own order
				   (sorting a day's papers by pos gives the "as published" order) */
};

/* A further summary of a record: an AI summary, a translation, ... */
struct rec_sum {
	const char *name;		/* "ai_summary", "translation", ...; NULL: unnamed */
	const struct block *blocks;
	size_t nblocks;
};

/* A paper as one parser read it; all strings clean, owned by the parser. */
struct rec {
	const char *file;
	size_t line;
	const char *id;
	const char *title;
	const char *day;		/* ISO date, a label such as "May 9", or NULL */
	const char *const *authors;
	size_t nauthors;
	int authors_cut;		/* the source shortened the list ("A et al.") */
	const char *const *cats;
	size_t ncats;
	long votes;			/* -1 when absent */
	const char *source;		/* parser name */
	const struct block *blocks;	/* the summary, may be empty */
	size_t nblocks;
	const struct rec_sum *more;	/* further summaries (not kept by a light library) */
	size_t nmore;
	const struct link *links;
	size_t nlinks;
};

struct lib;

/* A new empty library (caller frees with lib_free). */
struct lib *lib_new(void);
/* Free the library and everything in it. */
void lib_free(struct lib *lib);
/*
 * Keep no summary text (except that of a paper known by its text: no id
 * and no title key, such as an untitled abstract)
 * and no authors: for --check, which needs the merge but not the text.  The
 * parsers skip that work too (pctx.light).  Call before adding.
 */
void lib_set_light(struct lib *lib, int light);
/* True when the library keeps no summary text. */
int lib_is_light(const struct lib *lib);
/*
 * Merge one record: by arXiv id, else by normalised title, else by summary
 * text.  A paper keeps the most complete author list (a list its source
 * shortened loses to any complete one), every day it appeared on (undated
 * only when it has no day), and every distinct summary.  Returns the index
 * of the paper it went to (lib_paper's order before lib_finish; the pointer
 * stays valid), or -1 when the record is empty and was dropped.
 */
long lib_add_paper(struct lib *lib, const struct rec *r);
/*
 * Add a paper that was merged already, as one record: r's fields, on
 * days[0..ndays) (labels; NULL or ndays 0: undated) instead of r->day,
 * with no merging into the papers there.  A library fed this way (the
 * store's light library) takes its days as they are: lib_finish resolves
 * no label without a year (they were resolved when the paper was merged),
 * so it is not to be mixed with lib_add_paper's records;
 * for the same order as a parse, add the papers in the order their first
 * records were read, and the days first, with lib_add_day, in the order
 * they were first seen.  Returns the paper's index, or -1 when r is empty.
 */
long lib_add_merged(struct lib *lib, const struct rec *r, const char *const *days, size_t ndays);
/*
 * The categories of p as merged (*n of them), before lib_finish gave each
 * the library's most common spelling: a library built again from them
 * spells them as the one they came from.
 */
const char *const *lib_merged_cats(const struct paper *p, size_t *n);
/*
 * Spell the category groups of names[0..n) as names says (one name per
 * group), whatever this library's papers count: a part of a library (a
 * day, some papers) read alone then spells them as the whole library did
 * (lib_cat_choices).  Call before lib_finish; the names are copied.
 */
void lib_prefer_cats(struct lib *lib, const char *const *names, size_t n);
/*
 * After lib_finish: the spelling each category group that this library's
 * papers spell two or more ways takes by their count (model/catspell.h;
 * lib_prefer_cats aside), *n of them, in the order the groups were first
 * met; the library owns them.
 */
const char *const *lib_cat_choices(const struct lib *lib, size_t *n);
/* True when lib_add_paper drops r: it has no id, no title and no summary. */
int lib_rec_empty(const struct rec *r);
/*
 * Create the day labelled label (NULL: undated) if it does not exist yet:
 * days that tie in the order (labels of the same date) keep the order in
 * which they were first created (the store uses this to replay it).
 */
void lib_add_day(struct lib *lib, const char *label);
/*
 * Create the day labelled label (NULL: undated) as lib_add_day does, as a
 * day of count papers in the whole library, of which this library may hold
 * only some or none (a reader's part of the library: every day with its
 * count, the papers of the day shown).  lib_finish keeps it with no papers
 * when count is nonzero, and sets its count to the larger of count and the
 * papers it holds.
 */
void lib_add_day_count(struct lib *lib, const char *label, size_t count);
/* True when every day holds all its papers (no day of lib_add_day_count holds fewer). */
int lib_whole(const struct lib *lib);
/* True when the library holds every paper of day d (and when d is NULL: nothing to hold). */
int lib_day_held(const struct day *d);
struct buf;
/* Append the text of a summary made of blocks b[0..n), as struct summary's text. */
void lib_summary_text(struct buf *out, const struct block *b, size_t n);
/* The kind of day a record's day label makes (NULL or "": DAY_NONE). */
enum day_kind lib_day_kind(const char *label);
/* The month (1-12) and day of a day label such as "May 9"; 1 on success, else 0. */
int lib_label_date(const char *label, int *month, int *mday);
/*
 * Sort papers and days into display order; call after the last add.  A day
 * label without a year ("May 9") becomes a date when exactly one year of
 * the library's dated days fits it (the date lies within a month of the
 * dated days' range); days no paper is on any more are dropped.  Days
 * added in display order already (a store's window) are not sorted again.
 */
void lib_finish(struct lib *lib);
/* Number of papers. */
size_t lib_npapers(const struct lib *lib);
/* Paper i in display order (newest day, votes, title) after lib_finish. */
const struct paper *lib_paper(const struct lib *lib, size_t i);
/* Number of days, including the undated group when it has papers. */
size_t lib_ndays(const struct lib *lib);
/* Day i: dated newest first, then labels without a year, then undated. */
const struct day *lib_day(const struct lib *lib, size_t i);
/* After lib_finish: the index of the day labelled label ("undated" for the undated group), or -1. */
long lib_day_find(const struct lib *lib, const char *label);
/*
 * Index of the summary of p to show first: the one whose language comes
 * earliest in prefs, a comma-separated list ("ko,en"; NULL: none), else 0.
 */
size_t lib_summary_for(const struct paper *p, const char *prefs);
/* Bytes held by the library's arena. */
size_t lib_bytes(const struct lib *lib);

struct buf;
/*
 * Append who published the digest file at path, told from the path: the
 * nearest file or folder name that is not a date or a layout folder
 * (daily_results, paper_logs, archive, ...), its date words dropped and
 * cut before "-daily-": ".../gabrielchua-daily-ai-papers/archive/2025/05/06.md"
 * is gabrielchua, "LIBRARY/hf-daily/2025/05/06.json" hf-daily,
 * "ko-2025-05-06.md" ko.  Returns 0 (nothing appended) when none is found.
 */
int publisher_of(struct buf *out, const char *path);

/* Name of a link kind as used in --dump ("arxiv", "pdf", ...). */
const char *link_kind_name(enum link_kind k);
/*
 * Put a paper's links in the reader's fixed order, keeping the order
 * within a kind: arXiv page, PDF, Hugging Face page, code (github),
 * project page, models, datasets, spaces, other links, thumbnails last.
 * So with the arXiv, PDF and HF links present (the reader adds them from
 * the id) they are always 1, 2 and 3.
 */
void link_order(struct link *v, size_t n);
/* Classify an absolute http(s) URL. */
enum link_kind link_classify(const char *url);
/*
 * Normalise a link found in a digest: trim, add https:// when the scheme is
 * missing, keep only http/https.  Appends to out and returns 1, or returns
 * 0 and sets *why when it is not a usable URL.
 */
int link_normalise(struct buf *out, const char *s, size_t n, const char **why);
/*
 * The arXiv id in a URL to arxiv.org/abs|pdf|html or huggingface.co/papers,
 * without allocating: its length (0 when there is none) and *start, its
 * offset in s.
 */
size_t link_arxiv_id_span(const char *s, size_t n, size_t *start);
/* Extract an arXiv id ("2505.02707", version dropped) from a URL or text; 1 on success. */
int link_arxiv_id(struct buf *out, const char *s, size_t n);
/* Like link_arxiv_id, but also a bare id, with "arXiv:" / "oai:arXiv.org:" prefix and version. */
int link_arxiv_any_id(struct buf *out, const char *s, size_t n);

#endif
