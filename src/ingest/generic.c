/* ingest/generic.c: digests in a publisher's own layout, and the fallback.
 *
 * Two rows of the format table read markdown (and HTML, first turned into
 * the same markdown) by where its papers are (mdscan.h):
 *  - "headings": a heading per paper, each section holding that paper's
 *    arXiv or Hugging Face link (or naming it by an "original title"
 *    field), then its text: the title is the heading's (or that field's),
 *    the summary the section's text with its labels, the day a date in a
 *    heading above, else the file path's;
 *  - "generic", the last row: any markdown or HTML that links to paper
 *    pages.  One paper per linked id; the title is the link text, else
 *    the bold text on the link's line, else the heading whose section holds
 *    only that paper; the summary is that section's text.  --check names
 *    it "generic" so a user knows why the result is rougher.
 * A README or any other file that links to no paper is not a digest.
 */
#include "ingest/fields.h"
#include "ingest/format.h"
#include "ingest/lines.h"
#include "ingest/mdscan.h"
#include "ingest/mdtext.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/xml.h"
#include "base/alloc.h"
#include "base/hashmap.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#define BODY_FLAGS (MDTEXT_FIELDS | MDTEXT_LINKS | MDTEXT_SECTIONS)

/* ---- a heading's text as a title ---- */

/* Drop a leading "12. ", "12) ", "[12] " or "【...】" numbering from a heading. */
static void
strip_number(const char **s, size_t *n)
{
	size_t i = 0;

	if (*n > 0 && (*s)[0] == '[')
		i = 1;
	while (i < *n && (*s)[i] >= '0' && (*s)[i] <= '9')
		i++;
	if (i > (size_t)((*s)[0] == '[') && i + 1 < *n &&
	    ((*s)[i] == '.' || (*s)[i] == ')' || (*s)[i] == ']') && (*s)[i + 1] == ' ') {
		*s += i + 2;
		*n -= i + 2;
	}
}

/* Set the title (unless given) from a heading, "[Title](url)" giving its link too. */
static void
heading_title(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n)
{
	const char *t, *u;
	size_t i = 0, tn, un;

	strip_number(&s, &n);
	if (n && s[0] == '[' && mdtext_next_link(s, n, &i, &t, &tn, &u, &un) && t == s + 1) {
		rec_link(p, b, line, u, un, LINK_NKINDS);
		s = t;
		n = tn;
	}
	if (b->r.title == NULL)
		b->r.title = pctx_inline(p, s, n, TEXT_ONELINE);
	else	/* an original-title field named it: the heading is its translation */
		rec_block(p, b, BLOCK_PARA, "Title", 5, s, n);
}

/* The day of a heading ("# 【2023-09-10】...", "# Daily Papers — 2026-07-14"), in day[11]. */
static const char *
heading_day(const char *s, size_t n, char day[11], const char *dflt)
{
	return lines_find_date(s, n, day) ? day : dflt;
}

/* ---- headings: one paper per section at one level ---- */

/* Read one paper section: heading s[0..hn) at line, body b0[0..bn). */
static void
read_section(struct pctx *p, size_t line, const char *h, size_t hn,
    const char *b0, size_t bn, const char *day)
{
	struct rec_build b;

	rec_init(p, &b, line, p->source);
	mdtext_blocks(p, &b, b0, bn, line + 1, BODY_FLAGS);
	rec_into(p, &b, NULL);
	if (b.r.id == NULL && b.r.title == NULL) {
		/* a section of the page that is no paper ("## Summary") */
		arena_reset(p->scratch, p->mark);
		return;
	}
	heading_title(p, &b, line, h, hn);
	if (b.r.day == NULL && day)
		b.r.day = pctx_text(p, day, 10, 0);
	pctx_emit(p, &b);
}

/* Every section at heading level lv is one paper. */
static void
read_sections(struct pctx *p, int lv)
{
	struct lines it;
	const char *l, *h = NULL, *t, *body = NULL, *day = NULL;
	size_t ln, hn = 0, tn, hline = 0;
	char iso[11], top[11];
	int k, code = 0;

	lines_init(&it, p->data, p->len, p->line_base);
	while (lines_next(&it, &l, &ln)) {
		if (lines_starts(l, ln, "```") || lines_starts(l, ln, "~~~"))
			code = !code;
		k = code ? 0 : mdtext_heading(l, ln, &t, &tn);
		if (k == 0 || k > lv)
			continue;
		if (body)
			read_section(p, hline, h, hn, body, (size_t)(l - body), day);
		body = NULL;
		if (k < lv || (lv == 1 && day == NULL))
			day = heading_day(t, tn, k < lv ? top : iso, day);
		if (k == lv) {
			h = t;
			hn = tn;
			hline = it.lineno;
			body = l + ln;
		}
	}
	if (body)
		read_section(p, hline, h, hn, body, (size_t)(p->data + p->len - body), day);
}

/* ---- generic: one paper per linked id ---- */

/* A paper link and where it is. */
struct occ {
	struct mdscan_link l;
	size_t line;
	const char *ls;		/* the whole line */
	size_t lsn;
	size_t off;		/* offset of the line */
};

/* A heading and the end of its section. */
struct head {
	const char *t;
	size_t tn, off, end, line;
	int level;
};

/* What the generic reader gathered from the text. */
struct index {
	struct occ *occ; size_t nocc, aocc;
	struct head *hd; size_t nhd, ahd;
	char day[11];
	int dated;
};

/* The key (the id) of occurrence i, for the hashmap. */
static const char *
occ_key(const void *ctx, uint32_t i)
{
	return ((const struct index *)ctx)->occ[i].l.id;
}

/* Gather the headings and the paper links of the text. */
static void
build_index(struct pctx *p, struct index *x)
{
	struct lines it;
	const char *l, *t;
	size_t ln, tn, i, k;
	int lv, code = 0;

	lines_init(&it, p->data, p->len, p->line_base);
	while (lines_next(&it, &l, &ln)) {
		if (lines_starts(l, ln, "```") || lines_starts(l, ln, "~~~"))
			code = !code;
		if (code)
			continue;
		if ((lv = mdtext_heading(l, ln, &t, &tn)) > 0) {
			ALLOC_GROW(x->hd, x->nhd + 1, x->ahd);
			x->hd[x->nhd++] = (struct head){ t, tn, (size_t)(l - p->data), p->len, it.lineno, lv };
			if (!x->dated && lines_find_date(t, tn, x->day))
				x->dated = 1;
			continue;
		}
		for (i = 0;;) {
			ALLOC_GROW(x->occ, x->nocc + 1, x->aocc);
			if (!mdscan_next_paper(l, ln, &i, &x->occ[x->nocc].l))
				break;
			x->occ[x->nocc].line = it.lineno;
			x->occ[x->nocc].ls = l;
			x->occ[x->nocc].lsn = ln;
			x->occ[x->nocc++].off = (size_t)(l - p->data);
		}
	}
	/* each heading's section ends at the next heading of its level or above */
	for (i = 0; i < x->nhd; i++)
		for (k = i + 1; k < x->nhd; k++)
			if (x->hd[k].level <= x->hd[i].level) {
				x->hd[i].end = x->hd[k].off;
				break;
			}
}

/* True when a link text names the paper rather than the site ("arXiv", "PDF", "HF"). */
static int
title_like(const char *s, size_t n, const char *id)
{
	static const char *const sites[] = {
		"arxiv", "pdf", "hf", "hugging", "paper", "abs", "html", "link", "code", "here", "http",
	};
	size_t k, m = strlen(id);

	lines_trim(&s, &n);
	if (n < 4 || (n >= m && memcmp(s, id, m) == 0 && n < m + 4) || lines_has(s, n, "查看") ||
	    lines_has(s, n, "](") || s[0] == '!')
		return 0;
	for (k = 0; k < sizeof sites / sizeof sites[0]; k++)
		if (n < 24 && strncasecmp(s, sites[k], strlen(sites[k])) == 0)
			return 0;
	return memchr(s, ' ', n) != NULL || n >= 12;
}

/* The first "**bold**" on a line that is not a "**Label**:" : 1 with it in *t. */
static int
bold_on_line(const char *s, size_t n, const char **t, size_t *tn)
{
	const char *a = s, *e = s + n, *c;

	while (a + 4 < e && (a = memchr(a, '*', (size_t)(e - a))) != NULL && a + 1 < e) {
		if (a[1] != '*' || (c = memchr(a + 2, '*', (size_t)(e - a - 2))) == NULL || c + 1 >= e || c[1] != '*') {
			a++;
			continue;
		}
		if (c > a + 2 && c[-1] != ':' && !(c + 2 < e && c[2] == ':')) {
			*t = a + 2;
			*tn = (size_t)(c - a - 2);
			return 1;
		}
		a = c + 2;
	}
	return 0;
}

/* Length of s[0..n) without trailing blanks and separators (" - ", " | ", " — ", " · "). */
static size_t
trim_seps(const char *s, size_t n)
{
	for (;;) {
		while (n > 0 && strchr(" -|:\t", s[n - 1]))
			n--;
		if (n >= 3 && memcmp(s + n - 3, "\xE2\x80\x94", 3) == 0)
			n -= 3;
		else if (n >= 2 && memcmp(s + n - 2, "\xC2\xB7", 2) == 0)
			n -= 2;
		else
			return n;
	}
}

/*
 * The text before the first link on a line, as a title: "- Title (`id`) —
 * [arXiv](...)", or a table row's first cell; list markers, the id in
 * parentheses and trailing separators dropped.  1 with it in *t.
 */
static int
text_before_link(const char *s, size_t n, const char *id, const char **t, size_t *tn)
{
	const char *e;
	size_t k;

	lines_trim(&s, &n);
	if (n && s[0] == '|') {
		s++, n--;
		e = memchr(s, '|', n);
	} else {
		e = memchr(s, '[', n);
	}
	if (e == NULL)
		return 0;
	n = (size_t)(e - s);
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ')
		s += 2, n -= 2;
	n = trim_seps(s, n);
	if (n > 0 && s[n - 1] == ')') {
		for (k = n; k > 0 && s[k - 1] != '('; k--)
			;
		if (k > 0 && lines_has(s + k, n - k, id))
			n = trim_seps(s, k - 1);
	}
	if (!title_like(s, n, id))
		return 0;
	*t = s;
	*tn = n;
	return 1;
}

/* Start of the line before the one starting at l, or NULL at the start of data. */
static const char *
prev_line(const char *data, const char *l)
{
	if (l <= data)
		return NULL;
	l--;
	while (l > data && l[-1] != '\n')
		l--;
	return l;
}

/* The header row of the table whose row starts at l (rows start with '|'), or NULL. */
static const char *
table_header(const char *data, const char *l)
{
	const char *sep = l;
	int k;

	for (k = 0; k < 500 && (sep = prev_line(data, sep)) != NULL && sep[0] == '|'; k++)
		if (lines_starts(sep, 4, "|---") || lines_starts(sep, 5, "| ---") || lines_starts(sep, 4, "|:--")) {
			const char *h = prev_line(data, sep);

			return h && h[0] == '|' ? h : NULL;
		}
	return NULL;
}

/* A table row holding the paper: its other cells as blocks labelled by the header's. */
static void
row_blocks(struct pctx *p, struct rec_build *b, const struct occ *o)
{
	const char *h = table_header(p->data, o->ls), *e = o->ls + o->lsn, *he, *c, *hc;

	if (h == NULL || (he = memchr(h, '\n', (size_t)(o->ls - h))) == NULL)
		return;
	/* cell by cell; the first (the paper) and link-only cells are skipped */
	c = memchr(o->ls + 1, '|', (size_t)(e - o->ls - 1));
	hc = memchr(h + 1, '|', (size_t)(he - h - 1));
	while (c && hc) {
		const char *c2 = c + 1 < e ? memchr(c + 1, '|', (size_t)(e - c - 1)) : NULL;
		const char *h2 = hc + 1 < he ? memchr(hc + 1, '|', (size_t)(he - hc - 1)) : NULL;

		if (c2 == NULL || h2 == NULL)
			break;
		if (!lines_has(c + 1, (size_t)(c2 - c - 1), "](http"))
			rec_block(p, b, BLOCK_PARA, hc + 1, (size_t)(h2 - hc - 1), c + 1, (size_t)(c2 - c - 1));
		c = c2;
		hc = h2;
	}
}

/*
 * The heading that holds occurrence o: o is on one of the two lines under
 * it (not in a table), and its section names no other paper; else NULL.
 */
static const struct head *
own_heading(const struct index *x, const struct occ *o)
{
	const struct head *h = NULL;
	size_t i;

	for (i = 0; i < x->nhd && x->hd[i].off < o->off; i++)
		h = &x->hd[i];
	if (h == NULL || o->line > h->line + 3 || (o->lsn && o->ls[0] == '|'))
		return NULL;
	for (i = 0; i < x->nocc; i++)
		if (x->occ[i].off >= h->off && x->occ[i].off < h->end && strcmp(x->occ[i].l.id, o->l.id) != 0)
			return NULL;
	return h;
}

/* One paper: every occurrence of id from first (its first) on. */
static void
read_paper(struct pctx *p, const struct index *x, size_t first)
{
	const struct occ *o = &x->occ[first];
	const struct head *h = own_heading(x, o);
	struct rec_build b;
	const char *t;
	size_t i, tn, best = 0;

	rec_init(p, &b, o->line, p->source);
	for (i = first; i < x->nocc; i++) {
		const struct occ *q = &x->occ[i];

		if (strcmp(q->l.id, o->l.id) != 0)
			continue;
		rec_link(p, &b, q->line, q->l.url, q->l.un, LINK_NKINDS);
		/* the longest name any mention gives ("HOMIE" in a table, the full title below) */
		if (title_like(q->l.text, q->l.tn, q->l.id))
			t = q->l.text, tn = q->l.tn;
		else if (!bold_on_line(q->ls, q->lsn, &t, &tn) && !text_before_link(q->ls, q->lsn, q->l.id, &t, &tn))
			tn = 0;
		if (tn > best)
			best = tn, b.r.title = pctx_inline(p, t, tn, TEXT_ONELINE);
		if (b.nblocks == 0 && q->lsn && q->ls[0] == '|')
			row_blocks(p, &b, q);
	}
	if (h) {
		const char *body = memchr(p->data + h->off, '\n', h->end - h->off);

		if (body)
			mdtext_blocks(p, &b, body + 1, (size_t)(p->data + h->end - body - 1), h->line + 1,
			    MDTEXT_FIELDS | MDTEXT_SECTIONS);
		rec_into(p, &b, NULL);
		if (b.r.title == NULL)
			heading_title(p, &b, h->line, h->t, h->tn);
	}
	if (b.r.title == NULL) {
		/* a bare mention ("see 2607.16617 [arXiv]"), not a paper of this digest */
		arena_reset(p->scratch, p->mark);
		return;
	}
	if (b.r.day == NULL && x->dated)
		b.r.day = pctx_text(p, x->day, 10, 0);
	pctx_emit(p, &b);
}

/* One paper per linked id, in the order they first appear. */
static void
read_links(struct pctx *p)
{
	struct index x;
	struct hashmap seen;
	size_t i;

	memset(&x, 0, sizeof x);
	memset(&seen, 0, sizeof seen);
	build_index(p, &x);
	for (i = 0; i < x.nocc; i++) {
		uint64_t h = hash_str(x.occ[i].l.id);

		if (hashmap_get(&seen, x.occ[i].l.id, h, occ_key, &x) >= 0)
			continue;
		hashmap_put(&seen, h, (uint32_t)i);
		read_paper(p, &x, i);
	}
	if (p->npapers == 0)
		pctx_warn(p, 0, "no titled links to arXiv or Hugging Face papers");
	hashmap_free(&seen);
	free(x.occ);
	free(x.hd);
}

/* Read markdown p->data: by its paper sections when it has them, else by its links. */
static void
read_markdown(struct pctx *p)
{
	int lv;

	if (mdscan_sections(p->data, p->len, &lv) != MDSCAN_NONE)
		read_sections(p, lv);
	else
		read_links(p);
}

/* ---- HTML, turned into the same markdown ---- */

/* The markdown being written from an HTML tree, lines kept in step with the page's. */
struct md_out {
	struct buf b;
	size_t line;		/* lines written so far + 1 */
	struct buf href;	/* scratch */
};

/* Start a block at the page's line: a blank line, and newlines up to that line. */
static void
md_block(struct md_out *m, size_t line)
{
	if (m->b.len && m->b.buf[m->b.len - 1] != '\n') {
		buf_addch(&m->b, '\n');
		m->line++;
	}
	do {
		buf_addch(&m->b, '\n');
		m->line++;
	} while (m->line < line);
}

/* The level of an h1-h6 element, else 0. */
static int
heading_level(const xmlNode *n)
{
	const char *s = (const char *)n->name;

	return (s[0] == 'h' || s[0] == 'H') && s[1] >= '1' && s[1] <= '6' && s[2] == '\0' ? s[1] - '0' : 0;
}

/* Entering element n: its markdown opening. */
static void
md_enter(struct md_out *m, const struct xml *x, const xmlNode *n)
{
	int lv = heading_level(n);

	if (lv || xml_is(n, "p") || xml_is(n, "div") || xml_is(n, "li") || xml_is(n, "tr") ||
	    xml_is(n, "br") || xml_is(n, "blockquote") || xml_is(n, "section") || xml_is(n, "article"))
		md_block(m, xml_line(x, n));
	while (lv-- > 0)
		buf_addch(&m->b, '#');
	if (heading_level(n))
		buf_addch(&m->b, ' ');
	if (xml_is(n, "li"))
		buf_puts(&m->b, "- ");
	if (xml_is(n, "strong") || xml_is(n, "b"))
		buf_puts(&m->b, "**");
	if (xml_is(n, "a"))
		buf_addch(&m->b, '[');
	if (xml_is(n, "td") || xml_is(n, "th"))
		buf_puts(&m->b, " | ");
}

/* Leaving element n: its markdown closing. */
static void
md_leave(struct md_out *m, const xmlNode *n)
{
	if (xml_is(n, "strong") || xml_is(n, "b"))
		buf_puts(&m->b, "**");
	if (xml_is(n, "a")) {
		buf_puts(&m->b, "](");
		if (xml_attr(n, "href", &m->href))
			buf_add(&m->b, m->href.buf, m->href.len);
		buf_addch(&m->b, ')');
	}
}

/* Text: its blanks squeezed to spaces. */
static void
md_text(struct md_out *m, const char *s)
{
	for (; *s; s++) {
		char c = *s == '\n' || *s == '\t' || *s == '\r' ? ' ' : *s;

		if (c == ' ' && m->b.len && (m->b.buf[m->b.len - 1] == ' ' || m->b.buf[m->b.len - 1] == '\n'))
			continue;
		buf_addch(&m->b, c);
	}
}

/* Walk the tree in document order, iteratively (no recursion), writing markdown. */
static void
html_to_md(const struct xml *x, struct md_out *m)
{
	const xmlNode *n = x->root;

	while (n) {
		if (n->type == XML_ELEMENT_NODE &&
		    !xml_is(n, "script") && !xml_is(n, "style") && !xml_is(n, "head")) {
			md_enter(m, x, n);
			if (n->children) {
				n = n->children;
				continue;
			}
			md_leave(m, n);
		} else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
			md_text(m, (const char *)n->content);
		}
		/* up to the first ancestor with a next sibling, closing each */
		while (n != x->root && n->next == NULL) {
			n = n->parent;
			md_leave(m, n);
		}
		n = n == x->root ? NULL : n->next;
	}
}

/* True when the input is HTML: a tag first, and headings, paragraphs or links in the head. */
static int
is_html(const char *s, size_t n)
{
	size_t i = lines_skip_space(s, n);

	return i < n && s[i] == '<' &&
	    (lines_has(s, n, "<h1") || lines_has(s, n, "<h2") || lines_has(s, n, "<h3") ||
	    lines_has(s, n, "<p>") || lines_has(s, n, "<a ") || lines_has(s, n, "<html") ||
	    lines_has(s, n, "<H1") || lines_has(s, n, "<P>") || lines_has(s, n, "<A "));
}

/* Read p's input, HTML first turned into markdown (its lines kept in step). */
static void
generic_parse(struct pctx *p)
{
	struct xml x;
	struct md_out m;
	const char *data = p->data;
	size_t len = p->len;

	if (!is_html(p->data, p->len < FORMAT_SNIFF_MAX ? p->len : FORMAT_SNIFF_MAX)) {
		read_markdown(p);
		return;
	}
	if (xml_read_html(&x, p) < 0)
		return;
	memset(&m, 0, sizeof m);
	buf_init(&m.b);
	buf_init(&m.href);
	m.line = 1;
	if (x.root)
		html_to_md(&x, &m);
	xml_done(&x);
	p->data = m.b.buf;
	p->len = m.b.len;
	p->line_off = 0;
	p->line_at = p->line_base;
	read_markdown(p);
	p->data = data;
	p->len = len;
	p->line_off = 0;
	p->line_at = p->line_base;
	buf_free(&m.b);
	buf_free(&m.href);
}

/* True when s links to a paper page, or names a paper by a title field (a quick look before a scan). */
static int
has_paper_url(const char *s, size_t n)
{
	return lines_has(s, n, "arxiv.org/") || lines_has(s, n, "huggingface.co/papers/") ||
	    lines_has(s, n, "hf.co/papers/") || fields_title_label_in(s, n);
}

/* A page of paper sections ("headings"): its first paper heading. */
static size_t
headings_sniff(const char *head, size_t len, size_t before)
{
	int lv;
	size_t at;

	/* a section heading must come before the marker another format found */
	if (before == 0 || (before != SNIFF_NONE && !lines_has(head, before, "\n#")) ||
	    !has_paper_url(head, len) || is_html(head, len))
		return SNIFF_NONE;
	at = mdscan_sections(head, len, &lv);
	return at != MDSCAN_NONE && at < before ? at : SNIFF_NONE;
}

/* A markdown line that links to a paper and names it: link text, bold text, or a heading. */
static int
titled_link(const char *s, size_t n)
{
	struct mdscan_link l;
	const char *t;
	size_t i = 0, tn;

	while (mdscan_next_paper(s, n, &i, &l))
		if (title_like(l.text, l.tn, l.id) || bold_on_line(s, n, &t, &tn) || mdtext_heading(s, n, &t, &tn) ||
		    text_before_link(s, n, l.id, &t, &tn))
			return 1;
	return 0;
}

/* The fallback: markdown that links to papers by name, HTML that links to papers or names them by original-title fields. */
static size_t
generic_sniff(const char *head, size_t len, size_t before)
{
	if (before != SNIFF_NONE || !has_paper_url(head, len))
		return SNIFF_NONE;	/* another format is recognised, or no paper is linked */
	if (!is_html(head, len))
		return formats_find_line(head, len, SNIFF_NONE, titled_link) != SNIFF_NONE ? SNIFF_FALLBACK : SNIFF_NONE;
	if (mdscan_first_paper(head, len) != MDSCAN_NONE)
		return SNIFF_FALLBACK;
	/* an HTML page of sections that name their papers ("<strong>原文标题：</strong>") */
	if (is_html(head, len) && fields_title_label_in(head, len))
		return SNIFF_FALLBACK;
	return SNIFF_NONE;
}

const struct ingest_format headings_format = { "headings", headings_sniff, generic_parse, NULL };
const struct ingest_format generic_format = { "generic", generic_sniff, generic_parse, NULL };
