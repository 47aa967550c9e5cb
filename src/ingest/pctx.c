/* ingest/pctx.c: the parser context: warnings, cleaned strings, emitting records, line numbers. */
#include "ingest/pctx.h"
#include "ingest/batch.h"
#include "ingest/rec.h"
#include "ingest/inline.h"
#include "ingest/lines.h"
#include "ingest/pathday.h"
#include "text/text.h"

#include <stdarg.h>
#include <string.h>

/* Record a warning; the text is sanitised since it quotes the input. */
void
pctx_warn(struct pctx *p, size_t line, const char *fmt, ...)
{
	va_list ap;
	struct buf raw = BUF_INIT;

	buf_init(&raw);
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	batch_msg(p->out, DIAG_WARNING, line, raw.buf, raw.len);
	buf_free(&raw);
}

/* p->tmp copied into scratch memory; NULL when it is empty. */
static const char *
keep_tmp(struct pctx *p)
{
	if (p->tmp.len == 0)
		return NULL;
	return arena_strndup(p->scratch, p->tmp.buf, p->tmp.len);
}

/* Clean s[0..n) into scratch memory; NULL when nothing is left. */
const char *
pctx_text(struct pctx *p, const char *s, size_t n, unsigned flags)
{
	buf_setlen(&p->tmp, 0);
	text_clean(&p->tmp, s, n, flags | TEXT_SQUEEZE);
	return keep_tmp(p);
}

/* Clean s[0..n) with inline markup reduced into scratch memory; NULL when nothing is left. */
const char *
pctx_inline(struct pctx *p, const char *s, size_t n, unsigned flags)
{
	buf_setlen(&p->tmp, 0);
	inline_clean(&p->tmp, s, n, flags | TEXT_SQUEEZE);
	return keep_tmp(p);
}

/* A day heading: the previous day's scratch dropped, this day's date kept below the mark. */
const char *
pctx_day(struct pctx *p, struct arena_mark daymark, const char *s, size_t n)
{
	const char *day = NULL;
	char date[11];

	arena_reset(p->scratch, daymark);
	if (lines_find_date(s, n, date))
		day = arena_strndup(p->scratch, date, 10);
	p->mark = arena_mark(p->scratch);
	return day;
}

/* Hand the record to the batch and reset the scratch memory. */
void
pctx_emit(struct pctx *p, struct rec_build *b)
{
	b->r.authors = b->authors;
	b->r.nauthors = b->nauthors;
	b->r.cats = b->cats;
	b->r.ncats = b->ncats;
	b->r.blocks = b->blocks;
	b->r.nblocks = b->nblocks;
	b->r.links = b->links;
	b->r.nlinks = b->nlinks;
	if (b->nmore) {
		struct rec_sum *v = arena_calloc(p->scratch, b->nmore, sizeof *v);
		size_t k;

		for (k = 0; k < b->nmore; k++) {
			v[k].name = b->more[k].name;
			v[k].blocks = b->more[k].blocks;
			v[k].nblocks = b->more[k].nblocks;
		}
		b->r.more = v;
		b->r.nmore = b->nmore;
	}
	if (b->r.day == NULL && (b->r.id || b->r.title)) {
		/* the content has no day: the file's path may give one */
		if (p->pathday == 0)
			p->pathday = pathday_find(p->file, p->pathday_iso) ? 2 : 1;
		if (p->pathday == 2) {
			b->r.day = p->pathday_iso;
			p->pathday_used++;
		}
	}
	if (b->r.id || b->r.title || b->r.nblocks) {
		batch_rec(p->out, &b->r);
		p->npapers++;
	}
	arena_reset(p->scratch, p->mark);
	memset(b, 0, sizeof *b);
}

/* 1-based line number of byte off (cached forward scan). */
size_t
pctx_lineno(struct pctx *p, size_t off)
{
	const char *s = p->data;

	if (off > p->len)
		off = p->len;
	if (off < p->line_off) {
		p->line_off = 0;
		p->line_at = p->line_base;
	}
	while (p->line_off < off) {
		const char *nl = memchr(s + p->line_off, '\n', off - p->line_off);

		if (nl == NULL) {
			p->line_off = off;
			break;
		}
		p->line_at++;
		p->line_off = (size_t)(nl - s) + 1;
	}
	return p->line_at;
}

