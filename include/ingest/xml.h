/* ingest/xml.h: reading XML and HTML-ish documents safely with libxml2,
 * for the parsers that need a tree (atom.c today).
 *
 * xml_read parses the parser context's whole input in recover mode, so a
 * document cut off mid-element still yields what came before.  No entity
 * is ever loaded or expanded (no XML_PARSE_NOENT, no DTD loading, no
 * network), and xml_text collects text from text and CDATA nodes only
 * (entity references are skipped): an XXE or a "billion laughs" document
 * reads as plain text.  libxml2's errors go to a handler private to the
 * struct xml (no global state) and are kept with their lines, for the
 * caller to report in line order with xml_flush.  Walks are iterative.
 * Before libxml2 sees a document, one linear pass refuses it (with a
 * warning at the line) when a start tag has more than 256 attributes or
 * is longer than 64 KiB: libxml2 2.9 checks attributes for duplicates
 * pairwise, so a tag with 200,000 of them took minutes.
 * The struct xml owns the document until xml_done.
 */
#ifndef PB_INGEST_XML_H
#define PB_INGEST_XML_H

#include <stddef.h>

#include <libxml/tree.h>

#include "base/buf.h"
#include "ingest/pctx.h"

/* One libxml2 error kept until the entries before it are read. */
struct xml_err {
	size_t line;
	char *text;
};

struct xmlso;

struct xml {
	struct pctx *p;
	const struct xmlso *so;	/* libxml2 (ingest/xmlso.h); NULL when it could not be loaded */
	xmlParserCtxtPtr ctxt;
	xmlDocPtr doc;
	xmlNode *root;		/* NULL when nothing could be read */
	struct xml_err *errs;
	size_t nerrs, aerrs, flushed;
	size_t more;		/* errors beyond the number reported */
	char *open_name;	/* innermost element still open at the end of input */
	long open_line;		/* its line as libxml2 counts (xmlGetLineNo) */
};

/* Longest start tag of an XML document; an HTML page's may be longer (its data-props JSON). */
#define XML_MAX_TAG (64 * 1024)
#define XML_MAX_HTML_TAG (16 * 1024 * 1024)
/*
 * Refuse p's input before libxml2 (the XML or the HTML parser) sees it,
 * with a warning at the tag's line, when a start tag has more than 256
 * attributes (an '=' outside quotes each) or is longer than max_tag:
 * libxml2 2.9 checks an element's attributes for duplicates pairwise.
 * Returns 0, or -1 when refused.  One linear pass; comments, CDATA and
 * processing instructions are skipped.
 */
int xml_refuse_bombs(struct pctx *p, size_t max_tag);
/*
 * libxml2's table (ingest/xmlso.h: loaded and initialised by the first
 * call, on whichever thread), or NULL after a warning ("cannot load
 * libxml2: ...") at p's first line.
 */
const struct xmlso *xml_lib(struct pctx *p);
/* libxml2's line of node n (of a document read through xml_lib's table). */
long xml_node_line(const xmlNode *n);
/*
 * Read p's whole input into x; -1 (with a warning) when it cannot be
 * parsed at all or libxml2 cannot be loaded.
 */
int xml_read(struct xml *x, struct pctx *p);
/* Read p's whole input as HTML (tolerant, errors not reported); -1 when it cannot be read. */
int xml_read_html(struct xml *x, struct pctx *p);
/* Report, as warnings, the kept errors at or before line (all of them when line is 0). */
void xml_flush(struct xml *x, size_t line);
/* Report what is left (and a missing root element), then free the document. */
void xml_done(struct xml *x);
/* True when n is an element with local name name. */
int xml_is(const xmlNode *n, const char *name);
/* Replace out with the text under n: text and CDATA descendants in order, a space around block elements. */
void xml_text(const xmlNode *n, struct buf *out);
/* Replace out with the value of attribute name (text only); 0 when absent. */
int xml_attr(const xmlNode *n, const char *name, struct buf *out);
/* Line of node n in the input. */
size_t xml_line(const struct xml *x, const xmlNode *n);

#endif
