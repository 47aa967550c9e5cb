/* ingest/atom.c: arXiv Atom listings and RSS feeds, through libxml2.
 *
 * The document is read in recover mode, so a feed cut off mid-entry still
 * yields its complete entries; the entry the input ends inside is skipped.
 * No entity is ever loaded or expanded: XML_PARSE_NOENT, DTD loading and
 * the network stay off, and text is collected from text and CDATA nodes
 * only (entity references are skipped), so an XXE or a "billion laughs"
 * document reads as plain text.  libxml2's errors go to a per-context
 * structured handler (no global state) and become warnings, in line order
 * with the entries.  Walks are iterative (parent/next pointers).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

/* At most this many XML errors are reported per file, then a count. */
#define MAX_XML_ERRORS 10

/* One libxml2 error kept until the entries before it are read. */
struct xerr {
	size_t line;
	char *text;
};

/* State of one feed being read. */
struct feed {
	struct pctx *p;
	struct xerr *errs;
	size_t nerrs, aerrs, flushed;
	size_t more;		/* errors beyond MAX_XML_ERRORS */
	char *open_name;	/* innermost element still open at the end of input */
	long open_line;
	xmlNode *incomplete;	/* the entry the input ends inside, if any */
	char feed_day[11];	/* the feed's own date, "" when none */
	struct buf text, attr, tmp;
};

/* Line of the first byte of data line l (libxml2 counts from 1). */
static size_t
xline(const struct feed *f, long l)
{
	if (l <= 0)
		return 0;
	return (size_t)l - 1 + (f->p->line_base ? f->p->line_base : 1);
}

#if LIBXML_VERSION >= 21200
typedef const xmlError *xerr_ptr;
#else
typedef xmlErrorPtr xerr_ptr;
#endif

/* Structured error handler: keep the error for pctx_warn (userData is the parser context). */
static void
on_xml_error(void *ud, xerr_ptr e)
{
	xmlParserCtxtPtr ctxt = ud;
	struct feed *f = ctxt ? ctxt->_private : NULL;
	struct buf m = BUF_INIT;
	size_t n;

	if (!f || !e || e->level < XML_ERR_ERROR)
		return;
	if (e->code == XML_ERR_TAG_NOT_FINISHED && e->str1) {
		free(f->open_name);
		f->open_name = xstrdup((const char *)e->str1);
		f->open_line = e->int1;
	}
	if (f->nerrs >= MAX_XML_ERRORS) {
		f->more++;
		return;
	}
	if (e->code == XML_ERR_TAG_NOT_FINISHED && e->str1) {
		buf_printf(&m, "input ends inside \"%s\" (opened at line %zu)",
		    (const char *)e->str1, xline(f, e->int1));
	} else {
		const char *huge;

		buf_puts(&m, e->message ? e->message : "unknown error");
		/* the advice to use XML_PARSE_HUGE is for programmers, not readers */
		huge = strstr(m.buf, " use XML_PARSE_HUGE");
		n = huge ? (size_t)(huge - m.buf) : m.len;
		while (n > 0 && strchr(" \t\r\n.", m.buf[n - 1]))
			n--;
		buf_setlen(&m, n);
		/* git style: lowercase start, unless it is an acronym such as "XML" */
		if (m.len >= 2 && m.buf[0] >= 'A' && m.buf[0] <= 'Z' && m.buf[1] >= 'a' && m.buf[1] <= 'z')
			m.buf[0] = (char)(m.buf[0] - 'A' + 'a');
	}
	if (f->nerrs == f->aerrs) {
		f->aerrs = f->aerrs ? 2 * f->aerrs : 8;
		f->errs = xrealloc(f->errs, f->aerrs * sizeof(*f->errs));
	}
	f->errs[f->nerrs].line = xline(f, e->line);
	f->errs[f->nerrs].text = buf_detach(&m, NULL);
	f->nerrs++;
}

/* Report the kept errors at or before line (all of them when line is 0). */
static void
flush_errors(struct feed *f, size_t line)
{
	while (f->flushed < f->nerrs && (line == 0 || f->errs[f->flushed].line <= line)) {
		pctx_warn(f->p, f->errs[f->flushed].line, "invalid XML: %s", f->errs[f->flushed].text);
		f->flushed++;
	}
	if (line == 0 && f->more) {
		pctx_warn(f->p, 0, "%zu more XML errors", f->more);
		f->more = 0;
	}
}

/* True when element n has local name s. */
static int
is(const xmlNode *n, const char *s)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, s) == 0;
}

/* True for an Atom <entry> or an RSS <item>. */
static int
is_entry(const xmlNode *n)
{
	return is(n, "entry") || is(n, "item");
}

/* Block-level XHTML elements get a space around their text. */
static int
is_block(const xmlNode *n)
{
	return is(n, "p") || is(n, "br") || is(n, "div") || is(n, "li");
}

/*
 * Replace out with the text under n: text and CDATA descendants in order;
 * entity references are skipped, never expanded.  Iterative.
 */
static void
node_text(const xmlNode *n, struct buf *out)
{
	const xmlNode *c = n->children;

	buf_setlen(out, 0);
	while (c) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
			buf_puts(out, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			if (is_block(c))
				buf_addch(out, ' ');
			if (c->children) {
				c = c->children;
				continue;
			}
		}
		while (c != n && !c->next) {
			c = c->parent;
			if (c != n && is_block(c))
				buf_addch(out, ' ');
		}
		if (c == n)
			break;
		c = c->next;
	}
}

/* Replace out with the value of attribute name (text only); 0 when absent. */
static int
node_attr(const xmlNode *n, const char *name, struct buf *out)
{
	const xmlAttr *a;
	const xmlNode *c;

	buf_setlen(out, 0);
	for (a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		for (c = a->children; c; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content)
				buf_puts(out, (const char *)c->content);
		return 1;
	}
	return 0;
}


/* Line of a node. */
static size_t
node_line(const struct feed *f, const xmlNode *n)
{
	return xline(f, xmlGetLineNo(n));
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
	return is(c, "published") || is(c, "pubDate") || is(c, "date") ||
	    is(c, "issued") || is(c, "created");
}

/* The feed's own date: <updated>, <pubDate>, <lastBuildDate> of feed or channel. */
static void
find_feed_day(struct feed *f, const xmlNode *root)
{
	const xmlNode *c, *top = root;

	f->feed_day[0] = '\0';
	for (c = root->children; c; c = c->next)
		if (is(c, "channel")) {
			top = c;
			break;
		}
	for (c = top->children; c; c = c->next) {
		if (!is(c, "updated") && !is(c, "pubDate") && !is(c, "lastBuildDate") && !is(c, "date"))
			continue;
		node_text(c, &f->text);
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
	size_t line = node_line(f, c);
	enum link_kind hint = LINK_NKINDS;
	struct buf *a = &f->attr;

	if (!node_attr(c, "href", &f->text)) {
		node_text(c, &f->text);
		rec_link(p, b, line, f->text.buf, f->text.len, LINK_NKINDS);
		return;
	}
	if (node_attr(c, "rel", a) && a->len > 0) {
		const char *rel = a->buf;

		if (strcmp(rel, "self") == 0 || strcmp(rel, "replies") == 0 ||
		    strcmp(rel, "edit") == 0 || strcmp(rel, "via") == 0 ||
		    strcmp(rel, "license") == 0)
			return;
		if (strcmp(rel, "enclosure") == 0 && node_attr(c, "type", a) &&
		    strncmp(a->buf, "image/", 6) == 0)
			hint = LINK_THUMBNAIL;
	}
	if ((node_attr(c, "title", a) && strcmp(a->buf, "pdf") == 0) ||
	    (node_attr(c, "type", a) && strcmp(a->buf, "application/pdf") == 0))
		hint = LINK_PDF;
	rec_link(p, b, line, f->text.buf, f->text.len, hint);
}

/* An <author>: its <name> child (Atom), else its text (RSS). */
static void
entry_author(struct feed *f, struct rec_build *b, const xmlNode *c)
{
	const xmlNode *k;

	for (k = c->children; k; k = k->next)
		if (is(k, "name")) {
			node_text(k, &f->text);
			rec_author(f->p, b, f->text.buf, f->text.len);
			return;
		}
	node_text(c, &f->text);
	rec_author(f->p, b, f->text.buf, f->text.len);
}

/* Set the arXiv id from an <id>/<guid> such as "oai:arXiv.org:2508.13167v1". */
static void
entry_id(struct feed *f, struct rec_build *b, const xmlNode *c)
{
	if (b->r.id)
		return;
	node_text(c, &f->text);
	buf_setlen(&f->tmp, 0);
	if (link_arxiv_any_id(&f->tmp, f->text.buf, f->text.len))
		b->r.id = pctx_text(f->p, f->tmp.buf, f->tmp.len, 0);
}

/* Read one <entry> or <item> into a record. */
static void
read_entry(struct feed *f, const xmlNode *e)
{
	struct pctx *p = f->p;
	struct rec_build b;
	const xmlNode *c, *summary = NULL, *content = NULL;
	size_t line = node_line(f, e);
	char pub[11] = "", upd[11] = "";

	flush_errors(f, line);
	if (e == f->incomplete) {
		pctx_warn(p, line, "skipped incomplete \"%s\": the input ends inside it",
		    (const char *)e->name);
		return;
	}
	rec_init(p, &b, line, "atom");
	for (c = e->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "title")) {
			if (!b.r.title) {
				node_text(c, &f->text);
				b.r.title = pctx_inline(p, f->text.buf, f->text.len, TEXT_ONELINE | TEXT_SQUEEZE);
			}
		} else if (is(c, "id") || is(c, "guid")) {
			entry_id(f, &b, c);
		} else if (is(c, "summary") || is(c, "description")) {
			if (!summary)
				summary = c;
		} else if (is(c, "content") || is(c, "encoded")) {
			if (!content)
				content = c;
		} else if (is(c, "author") || is(c, "contributor")) {
			entry_author(f, &b, c);
		} else if (is(c, "creator")) {
			node_text(c, &f->text);
			rec_authors(p, &b, f->text.buf, f->text.len);
		} else if (is(c, "link")) {
			entry_link(f, &b, c);
		} else if (is(c, "category") || is(c, "primary_category")) {
			if (!node_attr(c, "term", &f->text))
				node_text(c, &f->text);
			rec_cat(p, &b, f->text.buf, f->text.len);
		} else if (is_pub_date(c) || is(c, "updated") || is(c, "modified")) {
			char *to = is_pub_date(c) ? pub : upd;

			if (to[0] == '\0') {
				node_text(c, &f->text);
				if (!text_date(f->text.buf, f->text.len, to)) {
					const char *q = pctx_text(p, f->text.buf,
					    f->text.len > 40 ? 40 : f->text.len, TEXT_ONELINE);

					pctx_warn(p, node_line(f, c), "unreadable date in \"%s\": \"%s\"",
					    (const char *)c->name, q ? q : "");
				}
			}
		}
	}
	if (summary || content) {
		size_t at;

		node_text(summary ? summary : content, &f->text);
		at = arxiv_abstract_start(f->text.buf, f->text.len);
		if (at > 0 && !b.r.id) {
			const char *sp = f->text.buf + strspn(f->text.buf, " \t\r\n");

			buf_setlen(&f->tmp, 0);
			if (link_arxiv_any_id(&f->tmp, sp, strcspn(sp, " \t\r\n")))
				b.r.id = pctx_text(p, f->tmp.buf, f->tmp.len, 0);
		}
		rec_summary(p, &b, f->text.buf + at, f->text.len - at);
	}
	if (pub[0])
		b.r.day = pctx_text(p, pub, 10, 0);
	else if (upd[0])
		b.r.day = pctx_text(p, upd, 10, 0);
	else if (f->feed_day[0])
		b.r.day = pctx_text(p, f->feed_day, 10, 0);
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
		if (strcmp((const char *)n->name, f->open_name) == 0 && xmlGetLineNo(n) == f->open_line)
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
void
parse_atom(struct pctx *p)
{
	struct feed f;
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlNode *root;
	size_t i;

	if (p->len > INT_MAX) {
		pctx_warn(p, 0, "feed too large for the XML parser (%zu bytes)", p->len);
		return;
	}
	memset(&f, 0, sizeof f);
	f.p = p;
	buf_init(&f.text);
	buf_init(&f.attr);
	buf_init(&f.tmp);
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		pctx_warn(p, 0, "cannot start the XML parser");
		return;
	}
	ctxt->_private = &f;
	ctxt->sax->serror = on_xml_error;
	doc = xmlCtxtReadMemory(ctxt, p->data, (int)p->len, p->file, NULL,
	    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT |
	    XML_PARSE_BIG_LINES);
	root = doc ? xmlDocGetRootElement(doc) : NULL;
	if (root) {
		if (f.open_name)
			find_incomplete(&f, root);
		find_feed_day(&f, root);
		walk(&f, root);
	}
	flush_errors(&f, 0);
	if (!root && f.nerrs == 0)
		pctx_warn(p, 0, "invalid XML: no root element");
	if (doc)
		xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	for (i = 0; i < f.nerrs; i++)
		free(f.errs[i].text);
	free(f.errs);
	free(f.open_name);
	buf_free(&f.text);
	buf_free(&f.attr);
	buf_free(&f.tmp);
}

/* Initialise libxml2 once, before parsers run on several threads. */
void
parse_atom_init(void)
{
	xmlInitParser();
}
