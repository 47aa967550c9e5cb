/* ingest/xml.c: safe libxml2 reading, kept errors and tree helpers (see xml.h). */
#include "ingest/xml.h"
#include "ingest/xmlso.h"
#include "base/alloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* At most this many XML errors are reported per file, then a count. */
#define MAX_XML_ERRORS 10
/*
 * A start tag with more attributes, or longer, is refused before libxml2
 * sees the document: libxml2 2.9 checks an element's attributes for
 * duplicates pairwise, so 200,000 of them took minutes.
 */
#define XML_MAX_ATTRS 256

/* Line of the first byte of data line l (libxml2 counts from 1). */
static size_t
xline(const struct xml *f, long l)
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
	struct xml *f = ctxt ? ctxt->_private : NULL;
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
	ALLOC_GROW(f->errs, f->nerrs + 1, f->aerrs);
	f->errs[f->nerrs].line = xline(f, e->line);
	f->errs[f->nerrs].text = buf_detach(&m, NULL);
	f->nerrs++;
}

/* Report the kept errors at or before line (all of them when line is 0). */
void
xml_flush(struct xml *f, size_t line)
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
int
xml_is(const xmlNode *n, const char *s)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, s) == 0;
}

/* Block-level XHTML elements get a space around their text. */
static int
is_block(const xmlNode *n)
{
	return xml_is(n, "p") || xml_is(n, "br") || xml_is(n, "div") || xml_is(n, "li");
}

/*
 * Replace out with the text under n: text and CDATA descendants in order;
 * entity references are skipped, never expanded.  Iterative.
 */
void
xml_text(const xmlNode *n, struct buf *out)
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
int
xml_attr(const xmlNode *n, const char *name, struct buf *out)
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
size_t
xml_line(const struct xml *f, const xmlNode *n)
{
	return xline(f, f->so->xmlGetLineNo(n));	/* f read a document: so is set */
}

/* libxml2's line of a node (its document was read, so the table is loaded). */
long
xml_node_line(const xmlNode *n)
{
	struct buf why = BUF_INIT;
	const struct xmlso *so = xmlso_get(&why);

	buf_free(&why);
	return so ? so->xmlGetLineNo(n) : 0;
}

/* libxml2's table, or NULL after a warning at p's first line. */
const struct xmlso *
xml_lib(struct pctx *p)
{
	struct buf why = BUF_INIT;
	const struct xmlso *so = xmlso_get(&why);

	if (so == NULL)
		pctx_warn(p, 0, "%s", why.buf);
	buf_free(&why);
	return so;
}

/* Offset just past the first "end" at or after s[i] in s[0..n), or n. */
static size_t
skip_past(const char *s, size_t n, size_t i, const char *end)
{
	size_t k = strlen(end);

	for (; i + k <= n; i++)
		if (s[i] == end[0] && memcmp(s + i, end, k) == 0)
			return i + k;
	return n;
}

/*
 * Scan the start tag at s[i] ('<' then a name): 0 and its end in *next,
 * or -1 when it has more than XML_MAX_ATTRS attributes (an '=' outside
 * quotes each; *why says so) or is longer than max_tag bytes (*why NULL).
 * The tag ends at an unquoted '>' or at a '<'.
 */
static int
scan_tag(const char *s, size_t n, size_t i, size_t max_tag, size_t *next, const char **why)
{
	size_t j, eqs = 0;
	char q = 0;

	for (j = i + 1; j < n; j++) {
		char c = s[j];

		if (q) {
			if (c == q)
				q = 0;
		} else if (c == '"' || c == '\'') {
			q = c;
		} else if (c == '=') {
			eqs++;
		} else if (c == '>' || c == '<') {
			break;
		}
		if (eqs > XML_MAX_ATTRS || j - i >= max_tag) {
			*why = eqs > XML_MAX_ATTRS ? "a start tag with more than 256 attributes" : NULL;
			return -1;
		}
	}
	*next = j;
	return 0;
}

/*
 * Find a start tag libxml2 would spend too long on (see XML_MAX_ATTRS), in
 * one pass that skips comments, CDATA sections and processing
 * instructions.  Returns 0, or -1 with its offset and the reason.
 */
static int
tag_bomb(const char *s, size_t n, size_t max_tag, size_t *at, const char **why)
{
	size_t i = 0;

	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);

		if (lt == NULL)
			break;
		i = (size_t)(lt - s);
		if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
			i = skip_past(s, n, i + 4, "-->");
		else if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
			i = skip_past(s, n, i + 9, "]]>");
		else if (n - i >= 2 && s[i + 1] == '?')
			i = skip_past(s, n, i + 2, "?>");
		else if (n - i >= 2 && (s[i + 1] == '!' || s[i + 1] == '/'))
			i += 2;
		else if (scan_tag(s, n, i, max_tag, &i, why) < 0) {
			*at = (size_t)(lt - s);
			return -1;
		}
	}
	return 0;
}

/* Refuse p's input (with a warning at the tag) when a start tag would take libxml2 too long. */
int
xml_refuse_bombs(struct pctx *p, size_t max_tag)
{
	size_t at;
	const char *why;

	if (tag_bomb(p->data, p->len, max_tag, &at, &why) == 0)
		return 0;
	if (why)
		pctx_warn(p, pctx_lineno(p, at), "%s: the document is not read", why);
	else
		pctx_warn(p, pctx_lineno(p, at), "a start tag longer than %zu KiB: the document is not read",
		    max_tag >> 10);
	return -1;
}

/* Start reading p's input into x with an XML or (html) HTML parser context; -1 on failure. */
static int
read_start(struct xml *x, struct pctx *p, int html)
{
	const char *what = html ? "HTML" : "XML";

	memset(x, 0, sizeof *x);
	x->p = p;
	if ((x->so = xml_lib(p)) == NULL)
		return -1;
	if (p->len > INT_MAX) {
		pctx_warn(p, 0, "input too large for the %s parser (%zu bytes)", what, p->len);
		return -1;
	}
	if (xml_refuse_bombs(p, XML_MAX_TAG) < 0)
		return -1;
	x->ctxt = html ? x->so->htmlNewParserCtxt() : x->so->xmlNewParserCtxt();
	if (!x->ctxt) {
		pctx_warn(p, 0, "cannot start the %s parser", what);
		return -1;
	}
	x->ctxt->_private = x;
	return 0;
}

/* Read p's input in recover mode, entities, DTDs and the network off. */
int
xml_read(struct xml *x, struct pctx *p)
{
	if (read_start(x, p, 0) < 0)
		return -1;
	x->ctxt->sax->serror = on_xml_error;
	x->doc = x->so->xmlCtxtReadMemory(x->ctxt, p->data, (int)p->len, p->file, NULL,
	    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOBLANKS | XML_PARSE_COMPACT |
	    XML_PARSE_BIG_LINES);
	x->root = x->doc ? x->so->xmlDocGetRootElement(x->doc) : NULL;
	return 0;
}

/* Read p's whole input as HTML (libxml2's HTML parser: tags closed as browsers do, errors quiet). */
int
xml_read_html(struct xml *x, struct pctx *p)
{
	if (read_start(x, p, 1) < 0)
		return -1;
	x->doc = x->so->htmlCtxtReadMemory(x->ctxt, p->data, (int)p->len, p->file, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_NOBLANKS | HTML_PARSE_COMPACT);
	x->root = x->doc ? x->so->xmlDocGetRootElement(x->doc) : NULL;
	return 0;
}

/* Report the errors left and a missing root, then free everything. */
void
xml_done(struct xml *x)
{
	size_t i;

	xml_flush(x, 0);
	if (!x->root && x->nerrs == 0)
		pctx_warn(x->p, 0, "invalid XML: no root element");
	if (x->doc)
		x->so->xmlFreeDoc(x->doc);
	if (x->ctxt)
		x->so->xmlFreeParserCtxt(x->ctxt);
	for (i = 0; i < x->nerrs; i++)
		free(x->errs[i].text);
	free(x->errs);
	free(x->open_name);
	memset(x, 0, sizeof *x);
}
