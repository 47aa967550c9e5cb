/* ingest/atom.c: arXiv Atom listings and RSS feeds, through libxml2.
 *
 * The document is read by xml.c in recover mode, safely (no entity is
 * ever loaded or expanded), so a feed cut off mid-entry still yields its
 * complete entries; the entry the input ends inside is skipped.  libxml2's
 * errors become warnings, in line order with the entries.  Walks are
 * iterative (parent/next pointers).
 */
#include <string.h>

#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "ingest/xml.h"
#include "text/text.h"

/* State of one feed being read. */
struct feed {
	struct pctx *p;
	struct xml x;		/* the document and its kept errors */
	xmlNode *incomplete;	/* the entry the input ends inside, if any */
	char feed_day[11];	/* the feed's own date, "" when none */
	struct buf text, attr, tmp;
};

/* True for an Atom <entry> or an RSS <item>. */
static int
is_entry(const xmlNode *n)
{
	return xml_is(n, "entry") || xml_is(n, "item");
}

/* Three-letter English month name to 1..12, or 0. */
static int
month_no(const char *s)
{
	static const char names[] = "janfebmaraprmayjunjulaugsepoctnovdec";
	char m[3];
	int i;

	for (i = 0; i < 3; i++)
		m[i] = (char)(s[i] | 0x20);
	for (i = 0; i < 12; i++)
		if (memcmp(names + 3 * i, m, 3) == 0)
			return i + 1;
	return 0;
}

/* An RFC 822 date ("Wed, 20 Aug 2025 00:00:00 -0400") as YYYY-MM-DD; 1 on success. */
static int
rfc822_date(const char *s, size_t n, char out[11])
{
	size_t i = 0;
	int day = 0, mon, year = 0, k;

	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	if (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')) {
		while (i < n && s[i] != ',' && s[i] != ' ')
			i++;
		if (i < n && s[i] == ',')
			i++;
		while (i < n && s[i] == ' ')
			i++;
	}
	for (k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '9'; k++, i++)
		day = 10 * day + (s[i] - '0');
	if (k == 0 || day < 1 || day > 31)
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '-'))
		i++;
	if (i + 3 > n || !(mon = month_no(s + i)))
		return 0;
	while (i < n && ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
		i++;
	while (i < n && (s[i] == ' ' || s[i] == '-'))
		i++;
	for (k = 0; k < 4 && i < n && s[i] >= '0' && s[i] <= '9'; k++, i++)
		year = 10 * year + (s[i] - '0');
	if (k == 2)
		year += year < 50 ? 2000 : 1900;
	else if (k != 4)
		return 0;
	if (i < n && s[i] >= '0' && s[i] <= '9')
		return 0;
	out[0] = (char)('0' + year / 1000);
	out[1] = (char)('0' + year / 100 % 10);
	out[2] = (char)('0' + year / 10 % 10);
	out[3] = (char)('0' + year % 10);
	out[4] = '-';
	out[5] = (char)('0' + mon / 10);
	out[6] = (char)('0' + mon % 10);
	out[7] = '-';
	out[8] = (char)('0' + day / 10);
	out[9] = (char)('0' + day % 10);
	out[10] = '\0';
	return 1;
}

/* A date element's text as YYYY-MM-DD (ISO 8601 or RFC 822); 1 on success. */
static int
text_date(const char *s, size_t n, char out[11])
{
	return lines_find_date(s, n, out) || rfc822_date(s, n, out);
}

/* True for date elements: published, pubDate, dc:date, issued, created. */
static int
is_pub_date(const xmlNode *c)
{
	return xml_is(c, "published") || xml_is(c, "pubDate") || xml_is(c, "date") ||
	    xml_is(c, "issued") || xml_is(c, "created");
}

/* The feed's own date: <updated>, <pubDate>, <lastBuildDate> of feed or channel. */
static void
find_feed_day(struct feed *f, const xmlNode *root)
{
	const xmlNode *c, *top = root;

	f->feed_day[0] = '\0';
	for (c = root->children; c; c = c->next)
		if (xml_is(c, "channel")) {
			top = c;
			break;
		}
	for (c = top->children; c; c = c->next) {
		if (!xml_is(c, "updated") && !xml_is(c, "pubDate") && !xml_is(c, "lastBuildDate") && !xml_is(c, "date"))
			continue;
		xml_text(c, &f->text);
		if (text_date(f->text.buf, f->text.len, f->feed_day))
			return;
	}
}

/*
 * arXiv listing summaries start "arXiv:2508.13167v1 Announce Type: new
 * Abstract: ...": return where the abstract starts (0 when no such prefix).
 */
static size_t
arxiv_abstract_start(const char *s, size_t n)
{
	size_t i = 0, lim;

	while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
		i++;
	if (!lines_starts(s + i, n - i, "arXiv:"))
		return 0;
	lim = n - i < 300 ? n : i + 300;
	for (; i + 9 <= lim; i++)
		if (memcmp(s + i, "Abstract:", 9) == 0)
			return i + 9;
	return 0;
}

/* Add the links of an Atom <link href rel type title> or an RSS <link>text</link>. */
static void
entry_link(struct feed *f, struct rec_build *b, const xmlNode *c)
{
	struct pctx *p = f->p;
	size_t line = xml_line(&f->x, c);
	enum link_kind hint = LINK_NKINDS;
	struct buf *a = &f->attr;

	if (!xml_attr(c, "href", &f->text)) {
		xml_text(c, &f->text);
		rec_link(p, b, line, f->text.buf, f->text.len, LINK_NKINDS);
		return;
	}
	if (xml_attr(c, "rel", a) && a->len > 0) {
		const char *rel = a->buf;

		if (strcmp(rel, "self") == 0 || strcmp(rel, "replies") == 0 ||
		    strcmp(rel, "edit") == 0 || strcmp(rel, "via") == 0 ||
		    strcmp(rel, "license") == 0)
			return;
		if (strcmp(rel, "enclosure") == 0 && xml_attr(c, "type", a) &&
		    strncmp(a->buf, "image/", 6) == 0)
			hint = LINK_THUMBNAIL;
	}
	if ((xml_attr(c, "title", a) && strcmp(a->buf, "pdf") == 0) ||
	    (xml_attr(c, "type", a) && strcmp(a->buf, "application/pdf") == 0))
		hint = LINK_PDF;
	rec_link(p, b, line, f->text.buf, f->text.len, hint);
}

/* An <author>: its <name> child (Atom), else its text (RSS); "A, B, C" is several. */
static void
entry_author(struct feed *f, struct rec_build *b, const xmlNode *c)
{
	const xmlNode *k;

	for (k = c->children; k; k = k->next)
		if (xml_is(k, "name")) {
			xml_text(k, &f->text);
			rec_authors(f->p, b, f->text.buf, f->text.len);
			return;
		}
	xml_text(c, &f->text);
	rec_authors(f->p, b, f->text.buf, f->text.len);
}

/* Set the arXiv id from an <id>/<guid> such as "oai:arXiv.org:2508.13167v1". */
static void
entry_id(struct feed *f, struct rec_build *b, const xmlNode *c)
{
	if (b->r.id)
		return;
	xml_text(c, &f->text);
	buf_setlen(&f->tmp, 0);
	if (link_arxiv_any_id(&f->tmp, f->text.buf, f->text.len))
		b->r.id = pctx_text(f->p, f->tmp.buf, f->tmp.len, 0);
}

/* What an entry's children give besides what goes straight into the record. */
struct entry_parts {
	const xmlNode *summary, *content;	/* the first of each */
	char pub[11], upd[11];			/* first publication and update dates, or "" */
};

/* A date element: its day into to, unless one was found before. */
static void
entry_date(struct feed *f, const xmlNode *c, char *to)
{
	struct pctx *p = f->p;
	const char *q;

	if (to[0] != '\0')
		return;
	xml_text(c, &f->text);
	if (text_date(f->text.buf, f->text.len, to))
		return;
	q = pctx_text(p, f->text.buf, f->text.len > 40 ? 40 : f->text.len, TEXT_ONELINE);
	pctx_warn(p, xml_line(&f->x, c), "unreadable date in \"%s\": \"%s\"",
	    (const char *)c->name, q ? q : "");
}

/* One child element of an entry. */
static void
entry_child(struct feed *f, struct rec_build *b, struct entry_parts *ep, const xmlNode *c)
{
	struct pctx *p = f->p;

	if (xml_is(c, "title")) {
		if (!b->r.title) {
			xml_text(c, &f->text);
			b->r.title = pctx_inline(p, f->text.buf, f->text.len, TEXT_ONELINE | TEXT_SQUEEZE);
		}
	} else if (xml_is(c, "id") || xml_is(c, "guid")) {
		entry_id(f, b, c);
	} else if (xml_is(c, "summary") || xml_is(c, "description")) {
		if (!ep->summary)
			ep->summary = c;
	} else if (xml_is(c, "content") || xml_is(c, "encoded")) {
		if (!ep->content)
			ep->content = c;
	} else if (xml_is(c, "author") || xml_is(c, "contributor")) {
		entry_author(f, b, c);
	} else if (xml_is(c, "creator")) {
		xml_text(c, &f->text);
		rec_authors(p, b, f->text.buf, f->text.len);
	} else if (xml_is(c, "link")) {
		entry_link(f, b, c);
	} else if (xml_is(c, "category") || xml_is(c, "primary_category")) {
		if (!xml_attr(c, "term", &f->text))
			xml_text(c, &f->text);
		rec_cat(p, b, f->text.buf, f->text.len);
	} else if (is_pub_date(c) || xml_is(c, "updated") || xml_is(c, "modified")) {
		entry_date(f, c, is_pub_date(c) ? ep->pub : ep->upd);
	}
}

/* The summary (or content) as the abstract; an arXiv listing's prefix gives the id. */
static void
entry_summary(struct feed *f, struct rec_build *b, const xmlNode *c)
{
	struct pctx *p = f->p;
	size_t at;

	xml_text(c, &f->text);
	at = arxiv_abstract_start(f->text.buf, f->text.len);
	if (at > 0 && !b->r.id) {
		const char *sp = f->text.buf + strspn(f->text.buf, " \t\r\n");

		buf_setlen(&f->tmp, 0);
		if (link_arxiv_any_id(&f->tmp, sp, strcspn(sp, " \t\r\n")))
			b->r.id = pctx_text(p, f->tmp.buf, f->tmp.len, 0);
	}
	rec_summary(p, b, f->text.buf + at, f->text.len - at);
}

/* Read one <entry> or <item> into a record. */
static void
read_entry(struct feed *f, const xmlNode *e)
{
	struct pctx *p = f->p;
	struct rec_build b;
	struct entry_parts ep;
	const xmlNode *c;
	size_t line = xml_line(&f->x, e);
	const char *day;

	xml_flush(&f->x, line);
	if (e == f->incomplete) {
		pctx_warn(p, line, "skipped incomplete \"%s\": the input ends inside it",
		    (const char *)e->name);
		return;
	}
	memset(&ep, 0, sizeof ep);
	rec_init(p, &b, line, "atom");
	for (c = e->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			entry_child(f, &b, &ep, c);
	if (ep.summary || ep.content)
		entry_summary(f, &b, ep.summary ? ep.summary : ep.content);
	day = ep.pub[0] ? ep.pub : ep.upd[0] ? ep.upd : f->feed_day;
	if (day[0])
		b.r.day = pctx_text(p, day, 10, 0);
	/* the condition under which pctx_emit would drop the record */
	if (!b.r.id && !b.r.title && b.nblocks == 0) {
		pctx_warn(p, line, "skipped \"%s\" with no title, summary or arXiv id",
		    (const char *)e->name);
		arena_reset(p->scratch, p->mark);
		return;
	}
	pctx_emit(p, &b);
}

/*
 * When the input ended early, find the entry it ends inside: it lies on
 * the chain of last element children from the root, at or above the
 * innermost element left open (reported by libxml2 with its start line).
 */
static void
find_incomplete(struct feed *f, xmlNode *root)
{
	xmlNode *n = root, *entry = NULL;

	while (n) {
		xmlNode *k;

		if (is_entry(n))
			entry = n;
		if (strcmp((const char *)n->name, f->x.open_name) == 0 && xml_node_line(n) == f->x.open_line)
			break;
		for (k = n->last; k && k->type != XML_ELEMENT_NODE; k = k->prev)
			;
		n = k;
	}
	/* not found: be safe and drop the last entry on the chain */
	f->incomplete = entry;
}

/* Visit every entry of the document in order; entries are not searched inside. */
static void
walk(struct feed *f, xmlNode *root)
{
	xmlNode *n = root;

	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (is_entry(n)) {
				read_entry(f, n);
			} else if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
}

/* Parse an Atom or RSS feed (see the top of this file). */
static void
atom_parse(struct pctx *p)
{
	struct feed f;

	memset(&f, 0, sizeof f);
	f.p = p;
	if (xml_read(&f.x, p) < 0)
		return;
	buf_init(&f.text);
	buf_init(&f.attr);
	buf_init(&f.tmp);
	if (f.x.root) {
		if (f.x.open_name)
			find_incomplete(&f, f.x.root);
		find_feed_day(&f, f.x.root);
		walk(&f, f.x.root);
	}
	xml_done(&f.x);
	buf_free(&f.text);
	buf_free(&f.attr);
	buf_free(&f.tmp);
}

/* A document that starts with a tag and has <feed, <rss or <rdf:RDF in its first 4 KiB. */
static size_t
atom_sniff(const char *head, size_t len, size_t before)
{
	size_t i = lines_skip_space(head, len), k, w;

	(void)before;
	if (i >= len || head[i] != '<')
		return SNIFF_NONE;
	w = len - i < 4096 ? len - i : 4096;
	for (k = i; k + 5 <= i + w; k++)
		if (head[k] == '<' && (memcmp(head + k, "<feed", 5) == 0 ||
		    memcmp(head + k, "<rss", 4) == 0 ||
		    (k + 8 <= i + w && memcmp(head + k, "<rdf:RDF", 8) == 0)))
			return i;
	return SNIFF_NONE;
}

const struct ingest_format atom_format = { "atom", atom_sniff, atom_parse, NULL };
