/* ingest/pctx.h: the parser context, the narrow interface between the
 * per-format parsers and the ingester.  A parser walks the whole file in memory, fills a struct rec
 * per paper with strings made by pctx_* helpers (in a scratch arena that
 * is reset after every record) and calls pctx_emit.  It reports problems
 * with pctx_warn, never prints, and never stops early on a bad entry.
 *
 * Parsers run on worker threads (pool.c): everything they touch is the
 * pctx and its batch; records and warnings go into the batch, which the
 * ingester merges into the library in input order on the main thread.
 */
#ifndef PB_INGEST_PCTX_H
#define PB_INGEST_PCTX_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/lib.h"
#include "ingest/ingest.h"

struct batch;
struct rec_build;

struct pctx {
	struct batch *out;	/* where records and warnings go */
	int light;		/* the library keeps no summary text (lib_set_light) */
	const char *file;
	const char *source;	/* the format's name, given to records as their source */
	const char *data;	/* whole input, BOM skipped */
	size_t len;
	struct arena *scratch;	/* per-record scratch; reset by pctx_emit */
	struct arena_mark mark;
	struct buf tmp;		/* scratch buffer for helpers */
	size_t npapers;
	size_t line_base;	/* number of the first line of data (1) */
	size_t line_off;	/* pctx_lineno cache: offset ... */
	size_t line_at;		/* ... and the line number there */
	int pathday;		/* the file path's day: 0 not looked for, 1 none, 2 in pathday_iso */
	char pathday_iso[11];
	size_t pathday_used;	/* records that took the path's day */
};

/* Report a problem at line (0: whole file). */
void pctx_warn(struct pctx *p, size_t line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Clean s[0..n) with text_clean flags into scratch memory; NULL when empty. */
const char *pctx_text(struct pctx *p, const char *s, size_t n, unsigned flags);
/* The same with markdown/HTML inline markup reduced (inline_clean). */
const char *pctx_inline(struct pctx *p, const char *s, size_t n, unsigned flags);
/*
 * Hand the record to the batch and reset the scratch memory.  A record
 * whose content gave no day takes the day of the file's path (pathday.h),
 * counted in pathday_used.
 */
void pctx_emit(struct pctx *p, struct rec_build *b);
/*
 * A day heading s[0..n) of a digest: the scratch memory is reset to
 * daymark (dropping the previous day), the first YYYY-MM-DD date of the
 * line is copied there, and p->mark is set after it so that records keep
 * it.  Returns the date, or NULL when the line has none.
 */
const char *pctx_day(struct pctx *p, struct arena_mark daymark, const char *s, size_t n);

/* Line number (1-based) of the byte at off. Linear in off from the last query. */
size_t pctx_lineno(struct pctx *p, size_t off);

#endif
