/* ingest/parse.h: the narrow interface between the per-format parsers and the
 * ingester.  A parser walks the whole file in memory, fills a struct rec
 * per paper with strings made by pctx_* helpers (in a scratch arena that
 * is reset after every record) and calls pctx_emit.  It reports problems
 * with pctx_warn, never prints, and never stops early on a bad entry.
 *
 * Parsers run on worker threads (ingest.c): everything they touch is the
 * pctx and its batch; records and warnings go into the batch, which the
 * ingester merges into the library in input order on the main thread.
 */
#ifndef PB_PARSE_H
#define PB_PARSE_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/lib.h"
#include "ingest/ingest.h"

struct batch;

struct pctx {
	struct batch *out;	/* where records and warnings go */
	int light;		/* the library keeps no summary text (lib_set_light) */
	const char *file;
	const char *data;	/* whole input, BOM skipped */
	size_t len;
	struct arena *scratch;	/* per-record scratch; reset by pctx_emit */
	struct arena_mark mark;
	struct buf tmp;		/* scratch buffer for helpers */
	size_t npapers;
	size_t line_base;	/* number of the first line of data (1) */
	size_t line_off;	/* pctx_lineno cache: offset ... */
	size_t line_at;		/* ... and the line number there */
};

/* A growing list of records' parts, in scratch memory. */
struct rec_build {
	struct rec r;
	const char **authors; size_t nauthors, aauthors;
	const char **cats; size_t ncats, acats;
	struct block *blocks; size_t nblocks, ablocks;
	struct link *links; size_t nlinks, alinks;
	int warned_links, warned_cats;	/* the "too many" warning was given */
};

/* Add a message to a file's batch; text is copied (ingest.c). */
void batch_msg(struct batch *b, enum msg_level lvl, size_t line, const char *text, size_t len);
/* Add a copy of a record (its strings and arrays) to a file's batch (ingest.c). */
void batch_rec(struct batch *b, const struct rec *r);
/* One-time set-up of the parsers' libraries, on the main thread before any worker starts. */
void parse_json_init(void);
void parse_atom_init(void);
/* Report a problem at line (0: whole file). */
void pctx_warn(struct pctx *p, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Clean s[0..n) with text_clean flags into scratch memory; NULL when empty. */
const char *pctx_text(struct pctx *p, const char *s, size_t n, unsigned flags);
/* Start a record at line. */
void rb_init(struct pctx *p, struct rec_build *b, size_t line, const char *source);
/* Add an author (cleaned, one line); empty ones are ignored. */
void rb_author(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Split a comma-separated author list and add each. */
void rb_authors(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Add a category (cleaned); empty and duplicate ones are ignored. */
void rb_cat(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Add one bullet line, with its "**Label**: text" label when present. */
void rb_bullet(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Add a summary block with an optional label (both cleaned with inline reduction). */
void rb_block(struct pctx *p, struct rec_build *b, enum block_kind k,
    const char *label, size_t llen, const char *s, size_t n);
/*
 * Add a link found at line: normalised, classified (hint overrides the
 * classification when not LINK_NKINDS), or dropped with a warning.  A link
 * to an arXiv abstract sets the id when none is set yet.
 */
void rb_link(struct pctx *p, struct rec_build *b, size_t line,
    const char *s, size_t n, enum link_kind hint);
/*
 * Add a summary's text, splitting "- " bullets (also run together on one
 * line) and "Label: text" sections; a text without bullets is paragraphs.
 */
void rb_summary(struct pctx *p, struct rec_build *b, const char *s, size_t n);
/* Hand the record to the batch and reset the scratch memory. */
void pctx_emit(struct pctx *p, struct rec_build *b);

/* Line number (1-based) of the byte at off. Linear in off from the last query. */
size_t pctx_lineno(struct pctx *p, size_t off);

/* The parsers: each reads p->data[0..p->len). */
void parse_table(struct pctx *p);
void parse_ko(struct pctx *p);
void parse_abstract(struct pctx *p);
void parse_hfpage(struct pctx *p);
void parse_json(struct pctx *p);
void parse_atom(struct pctx *p);

/* Line iteration over a buffer without allocation. */
struct lines {
	const char *data;
	size_t len;
	size_t pos;	/* offset of the next line */
	size_t lineno;	/* number of the line last returned */
};

/* Start iterating at line first_line. */
void lines_init(struct lines *it, const char *data, size_t len, size_t first_line);
/* Next line without its LF or CR LF; 0 at the end. */
int lines_next(struct lines *it, const char **s, size_t *n);

/* Small helpers shared by the parsers. */
int is_blank(const char *s, size_t n);
/* Trim spaces and tabs at both ends. */
void trim(const char **s, size_t *n);
/* True when s[0..n) starts with the ASCII prefix pre. */
int starts_with(const char *s, size_t n, const char *pre);
/* A markdown table separator row such as |---|:---:|. */
int table_separator(const char *s, size_t n);
/* Find an ISO date YYYY-MM-DD in s and copy it to out (11 bytes); 1 on success. */
int find_iso_date(const char *s, size_t n, char out[11]);

#endif
