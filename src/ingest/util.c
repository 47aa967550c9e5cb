/* ingest/util.c: helpers shared by the parsers (records, cleaning, lines). */
#include "ingest/parse.h"
#include "text/text.h"

#include <stdarg.h>
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
is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Trim spaces and tabs (and stray CRs) at both ends. */
void
trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || **s == '\r'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

/* ASCII prefix test. */
int
starts_with(const char *s, size_t n, const char *pre)
{
	size_t m = strlen(pre);

	return n >= m && memcmp(s, pre, m) == 0;
}

/* A |---|:---:| separator row: '|', dashes, colons and blanks, at least one dash. */
int
table_separator(const char *s, size_t n)
{
	size_t i;
	int dash = 0;

	trim(&s, &n);
	if (n < 2 || s[0] != '|')
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '-')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	return dash;
}

/* First YYYY-MM-DD in s (with plausible month and day). */
int
find_iso_date(const char *s, size_t n, char out[11])
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
	batch_msg(p->out, MSG_WARNING, line, raw.buf, raw.len);
	buf_free(&raw);
}

/* Clean s[0..n) into scratch memory; NULL when nothing is left. */
const char *
pctx_text(struct pctx *p, const char *s, size_t n, unsigned flags)
{
	buf_setlen(&p->tmp, 0);
	text_clean(&p->tmp, s, n, flags | TEXT_SQUEEZE);
	if (p->tmp.len == 0)
		return NULL;
	return arena_strndup(p->scratch, p->tmp.buf, p->tmp.len);
}

/* Start a record. */
void
rb_init(struct pctx *p, struct rec_build *b, size_t line, const char *source)
{
	memset(b, 0, sizeof *b);
	b->r.file = p->file;
	b->r.line = line;
	b->r.votes = -1;
	b->r.source = source;
}

/* Links and categories per record; beyond this they are dropped with a warning
 * (de-duplication is quadratic, and no real paper comes close). */
#define RB_MAX_ITEMS 1000

#define RB_PUSH(p, arr, n, cap, val) do { \
	if ((n) == (cap)) { \
		size_t nc_ = (cap) ? (cap) * 2 : 8; \
		(arr) = arena_grow((p)->scratch, (arr), (n), nc_, sizeof *(arr)); \
		(cap) = nc_; \
	} \
	(arr)[(n)++] = (val); \
} while (0)

/* Not a value: empty or N/A. */
static int
is_na(const char *s)
{
	return s == NULL || strcmp(s, "N/A") == 0 || strcmp(s, "n/a") == 0 ||
	    strcmp(s, "-") == 0 || strcmp(s, "None") == 0;
}

/* Add one author. */
void
rb_author(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	const char *t;

	if (p->light)	/* a light library keeps no authors */
		return;
	trim(&s, &n);
	/* an element of a Python list literal: 'Name' */
	if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0])
		s++, n -= 2;
	t = pctx_text(p, s, n, TEXT_INLINE | TEXT_ONELINE);
	if (is_na(t))
		return;
	RB_PUSH(p, b->authors, b->nauthors, b->aauthors, t);
}

/* Split a comma-separated list of authors. */
void
rb_authors(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	size_t i = 0;

	trim(&s, &n);
	/* "['A', 'B']": a Python list literal */
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
		s++, n -= 2;
	while (i < n) {
		const char *c = memchr(s + i, ',', n - i);
		size_t e = c ? (size_t)(c - s) : n;

		rb_author(p, b, s + i, e - i);
		i = e + 1;
	}
}

/* Add a category unless empty or already there. */
void
rb_cat(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	const char *t;
	size_t k;

	trim(&s, &n);
	/* strip list-literal quotes: 'Multimodal' or "Multimodal" */
	if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0])
		s++, n -= 2;
	t = pctx_text(p, s, n, TEXT_INLINE | TEXT_ONELINE);
	if (is_na(t))
		return;
	for (k = 0; k < b->ncats; k++)
		if (strcmp(b->cats[k], t) == 0)
			return;
	if (b->ncats >= RB_MAX_ITEMS) {
		if (!b->warned_cats)
			pctx_warn(p, b->r.line, "more than %d categories: the rest dropped", RB_MAX_ITEMS);
		b->warned_cats = 1;
		return;
	}
	RB_PUSH(p, b->cats, b->ncats, b->acats, t);
}

/* Add a summary block. */
void
rb_block(struct pctx *p, struct rec_build *b, enum block_kind k,
    const char *label, size_t llen, const char *s, size_t n)
{
	struct block blk;

	blk.kind = k;
	if (p->light && (b->r.title || b->r.id)) {
		/* the text will not be kept: only whether there is some matters */
		if (is_blank(s, n) && label == NULL)
			return;
		blk.label = NULL;
		blk.text = "";
		RB_PUSH(p, b->blocks, b->nblocks, b->ablocks, blk);
		return;
	}
	blk.label = label ? pctx_text(p, label, llen, TEXT_INLINE | TEXT_ONELINE) : NULL;
	blk.text = pctx_text(p, s, n, TEXT_INLINE | TEXT_ONELINE);
	if (blk.text == NULL) {
		if (blk.label == NULL)
			return;
		blk.text = "";
	}
	RB_PUSH(p, b->blocks, b->nblocks, b->ablocks, blk);
}

/* Add a link, or warn and drop it. */
void
rb_link(struct pctx *p, struct rec_build *b, size_t line,
    const char *s, size_t n, enum link_kind hint)
{
	const char *why = NULL;
	struct link l;
	size_t k;

	trim(&s, &n);
	if (n == 0 || (n == 3 && (memcmp(s, "N/A", 3) == 0 || memcmp(s, "n/a", 3) == 0)) ||
	    (n == 4 && (memcmp(s, "null", 4) == 0 || memcmp(s, "None", 4) == 0)))
		return;
	buf_setlen(&p->tmp, 0);
	if (!link_normalise(&p->tmp, s, n, &why)) {
		size_t show = n > 80 ? 80 : n;

		pctx_warn(p, line, "dropped link '%.*s%s': %s", (int)show, s,
		    show < n ? "..." : "", why);
		return;
	}
	l.url = arena_strndup(p->scratch, p->tmp.buf, p->tmp.len);
	l.kind = link_classify(l.url);
	if (hint == LINK_THUMBNAIL || (l.kind == LINK_OTHER && hint != LINK_NKINDS))
		l.kind = hint;
	if (b->r.id == NULL && (l.kind == LINK_ARXIV || l.kind == LINK_PDF ||
	    l.kind == LINK_HUGGINGFACE)) {
		buf_setlen(&p->tmp, 0);
		if (link_arxiv_id(&p->tmp, l.url, strlen(l.url)))
			b->r.id = arena_strndup(p->scratch, p->tmp.buf, p->tmp.len);
	}
	for (k = 0; k < b->nlinks; k++)
		if (strcmp(b->links[k].url, l.url) == 0)
			return;
	if (b->nlinks >= RB_MAX_ITEMS) {
		if (!b->warned_links)
			pctx_warn(p, line, "more than %d links: the rest dropped", RB_MAX_ITEMS);
		b->warned_links = 1;
		return;
	}
	RB_PUSH(p, b->links, b->nlinks, b->alinks, l);
}

/*
 * Split a bullet "**Label**: text" / "***Label***: text" / "***Label*: text"
 * into label and text.  Returns 1 when a label was found.
 */
static int
split_label(const char *s, size_t n, const char **label, size_t *llen,
    const char **rest, size_t *rlen)
{
	size_t i = 0, stars = 0, a, e;

	while (i < n && s[i] == '*' && stars < 3)
		i++, stars++;
	if (stars < 2)
		return 0;
	a = i;
	while (i < n && s[i] != '*' && s[i] != '\n' && i - a < 80)
		i++;
	if (i >= n || s[i] != '*' || i == a)
		return 0;
	e = i;
	while (i < n && s[i] == '*')
		i++;
	/* "**Label:** text" has the colon inside */
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == ':'))
		e--;
	while (i < n && (s[i] == ' ' || s[i] == ':'))
		i++;
	if (e == a)
		return 0;
	*label = s + a;
	*llen = e - a;
	*rest = s + i;
	*rlen = n - i;
	return 1;
}

/* Add one bullet, with its label when it has one. */
void
rb_bullet(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	const char *label, *rest;
	size_t llen, rlen;

	trim(&s, &n);
	if (split_label(s, n, &label, &llen, &rest, &rlen))
		rb_block(p, b, BLOCK_BULLET, label, llen, rest, rlen);
	else
		rb_block(p, b, BLOCK_BULLET, NULL, 0, s, n);
}

/* Position just after a " - " that starts a new run-together bullet, or n. */
static size_t
next_inline_bullet(const char *s, size_t n, size_t from)
{
	size_t i;

	for (i = from; i + 2 < n; i++) {
		size_t k;

		if (s[i] != ' ' || s[i + 1] != '-' || s[i + 2] != ' ')
			continue;
		/* the previous non-blank character must end a sentence */
		k = i;
		while (k > from && s[k - 1] == ' ')
			k--;
		if (k > from && strchr(".!?)\"'%:;]", s[k - 1]))
			return i;
	}
	return n;
}

/* Add a summary: bullets (one a line, or run together) or paragraphs. */
void
rb_summary(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	struct lines it;
	const char *l;
	size_t ln, i;
	int bullets = 0;

	/* a light library keeps no text for a titled paper, and blocks never warn */
	if (p->light && (b->r.title || b->r.id))
		return;
	trim(&s, &n);
	while (n && (*s == '\n' || *s == ' '))
		s++, n--;
	if (n == 0)
		return;
	bullets = (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') ||
	    (n >= 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0);
	if (!bullets) {
		/* paragraphs separated by blank lines */
		size_t start = 0;

		lines_init(&it, s, n, 1);
		while (1) {
			int more = lines_next(&it, &l, &ln);
			size_t at = more ? (size_t)(l - s) : n;

			if (!more || is_blank(l, ln)) {
				if (at > start)
					rb_block(p, b, BLOCK_PARA, NULL, 0, s + start, at - start);
				if (!more)
					break;
				start = it.pos;
			}
		}
		return;
	}
	lines_init(&it, s, n, 1);
	while (lines_next(&it, &l, &ln)) {
		trim(&l, &ln);
		if (ln == 0)
			continue;
		if (ln >= 2 && (l[0] == '-' || l[0] == '*') && l[1] == ' ')
			l += 2, ln -= 2;
		else if (ln >= 4 && memcmp(l, "\xe2\x80\xa2 ", 4) == 0)
			l += 4, ln -= 4;
		i = 0;
		while (i < ln) {
			size_t e = next_inline_bullet(l, ln, i);

			rb_bullet(p, b, l + i, e - i);
			i = e < ln ? e + 3 : ln;
		}
	}
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
