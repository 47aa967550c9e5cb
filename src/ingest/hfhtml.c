/* ingest/hfhtml.c: a Hugging Face papers page as HTML (huggingface.co/papers/date/DAY).
 *
 * Read with libxml2's HTML parser (recover mode, no network; its errors
 * are not reported: every page in the wild has some).  Two ways, the
 * first that finds papers wins:
 *  1. the data the page embeds: the element with data-target="DailyPapers"
 *     holds JSON in its data-props attribute, {"dailyPapers": [...],
 *     "date": ...}; the array holds the same elements as the Daily Papers
 *     API and is read by the JSON format (json.c), the page's date as
 *     the default day;
 *  2. the markup: each heading (h1-h6) that links to /papers/ID (an arXiv
 *     id) is a paper with that title; its votes are the number alone in
 *     an element of its <article> (the upvote button); the day comes from
 *     the page's canonical or og:url address (/papers/date/YYYY-MM-DD).
 * A page saved by a browser reads the same.  Walks are iterative.
 */
#define _GNU_SOURCE 1	/* memmem */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest/format.h"
#include "ingest/lines.h"
#include "ingest/pctx.h"
#include "ingest/xml.h"
#include "ingest/xmlso.h"
#include "ingest/rec.h"
#include "text/text.h"

/* The JSON parser's row (json.c): the embedded data is read with it. */
extern const struct ingest_format json_format;

#define PAPERS_PATH "/papers/"
#define DATE_PATH "/papers/date/"

/* The element after n in document order, not leaving top (NULL at the end). */
static xmlNode *
next_node(xmlNode *n, xmlNode *top)
{
	if (n->children)
		return n->children;
	while (n && n != top && n->next == NULL)
		n = n->parent;
	return n && n != top ? n->next : NULL;
}

/* True when n has attribute name equal to value; tmp is scratch. */
static int
attr_is(const xmlNode *n, const char *name, const char *value, struct buf *tmp)
{
	return xml_attr(n, name, tmp) && strcmp(tmp->buf, value) == 0;
}

/* Find the ISO date after "/papers/date/" in s into iso; 1 when found. */
static int
page_date(const char *s, char iso[11])
{
	const char *at = strstr(s, DATE_PATH);

	return at && lines_find_date(at + strlen(DATE_PATH), strnlen(at + strlen(DATE_PATH), 10), iso);
}

/* The page's day from <link rel=canonical> or <meta property=og:url>; 1 when found. */
static int
find_page_day(xmlNode *root, char iso[11], struct buf *tmp)
{
	xmlNode *n;

	for (n = root; n; n = next_node(n, root)) {
		int url = 0;

		if (xml_is(n, "link") && attr_is(n, "rel", "canonical", tmp))
			url = xml_attr(n, "href", tmp);
		else if (xml_is(n, "meta") && attr_is(n, "property", "og:url", tmp))
			url = xml_attr(n, "content", tmp);
		if (url && page_date(tmp->buf, iso))
			return 1;
	}
	return 0;
}

/* Read JSON text (one line) with the JSON parser, as if it were the input, at line. */
static void
read_json(struct pctx *p, const char *text, size_t len, size_t line)
{
	const char *data = p->data;
	size_t n = p->len, base = p->line_base, off = p->line_off, at = p->line_at;

	p->data = text;
	p->len = len;
	p->line_base = line ? line : 1;
	p->line_off = 0;
	p->line_at = p->line_base;
	json_format.parse(p);
	p->data = data;
	p->len = n;
	p->line_base = base;
	p->line_off = off;
	p->line_at = at;
}

/*
 * The embedded data: rewrite {"dailyPapers": [...], "date": D} as
 * {"date": D, "papers": [...]} for the JSON parser.  Returns the papers read.
 */
static size_t
read_props(struct pctx *p, const char *props, size_t line, const char *day)
{
	json_object *root = json_tokener_parse(props), *arr = NULL, *d = NULL;
	struct buf out = BUF_INIT;
	size_t before = p->npapers;
	char iso[11];

	if (root && json_object_object_get_ex(root, "dailyPapers", &arr) &&
	    json_object_is_type(arr, json_type_array)) {
		if (json_object_object_get_ex(root, "date", &d) && json_object_is_type(d, json_type_string) &&
		    lines_find_date(json_object_get_string(d), (size_t)json_object_get_string_len(d), iso))
			day = iso;
		buf_puts(&out, "{\"date\":");
		buf_puts(&out, day ? "\"" : "null");
		if (day)
			buf_printf(&out, "%s\"", day);
		buf_printf(&out, ",\"papers\":%s}", json_object_to_json_string_ext(arr, JSON_C_TO_STRING_PLAIN));
		read_json(p, out.buf, out.len, line);
	} else {
		pctx_warn(p, line, "the page's papers data (data-props) is not the expected JSON");
	}
	json_object_put(root);
	buf_free(&out);
	return p->npapers - before;
}

/* The arXiv id a href points at (/papers/ID or https://huggingface.co/papers/ID) into id. */
static int
paper_href(const char *href, struct buf *id)
{
	const char *at = href ? strstr(href, PAPERS_PATH) : NULL;
	size_t n;

	if (at == NULL || (at != href && strncmp(href, "https://huggingface.co/", 23) != 0))
		return 0;
	at += strlen(PAPERS_PATH);
	n = strcspn(at, "#?/\"");
	buf_setlen(id, 0);
	return link_arxiv_any_id(id, at, n);
}

/* The whole text of n as a vote count (digits alone, blanks around), or -1. */
static long
count_of(const xmlNode *n, struct buf *tmp)
{
	const char *s;
	size_t n_digits;

	xml_text(n, tmp);
	s = tmp->buf + lines_skip_space(tmp->buf, tmp->len);
	n_digits = strspn(s, "0123456789");
	if (n_digits == 0 || n_digits > 8 || s[n_digits + lines_skip_space(s + n_digits, strlen(s + n_digits))] != '\0')
		return -1;
	return strtol(s, NULL, 10);
}

/* The votes in the <article> around heading h: an element holding only a number; -1 when none. */
static long
votes_near(xmlNode *h, struct buf *tmp)
{
	xmlNode *art = h, *n;
	int up;
	long v;

	for (up = 0; art && up < 8 && !xml_is(art, "article"); up++)
		art = art->parent;
	if (art == NULL || !xml_is(art, "article"))
		return -1;
	for (n = art; n; n = next_node(n, art))
		if (n->type == XML_ELEMENT_NODE && n->children && n->children->type == XML_TEXT_NODE &&
		    n->children->next == NULL && (v = count_of(n, tmp)) >= 0)
			return v;
	return -1;
}

/* One paper from a heading whose link is a in the markup. */
static void
markup_paper(struct pctx *p, xmlNode *h, xmlNode *a, const char *id, const char *day)
{
	struct rec_build b;
	struct buf url = BUF_INIT, title = BUF_INIT;
	size_t line = (size_t)xml_node_line(h);

	rec_init(p, &b, line, "hf-html");
	xml_text(a, &title);
	b.r.title = pctx_text(p, title.buf, title.len, TEXT_ONELINE | TEXT_SQUEEZE);
	b.r.day = day ? pctx_text(p, day, strlen(day), 0) : NULL;
	b.r.votes = votes_near(h, &title);
	buf_printf(&url, "https://arxiv.org/abs/%s", id);
	rec_link(p, &b, line, url.buf, url.len, LINK_NKINDS);
	buf_setlen(&url, 0);
	buf_printf(&url, "https://huggingface.co/papers/%s", id);
	rec_link(p, &b, line, url.buf, url.len, LINK_NKINDS);
	pctx_emit(p, &b);
	buf_free(&url);
	buf_free(&title);
}

/* The first <a> under heading h that links to a paper; its id in id. */
static xmlNode *
heading_link(xmlNode *h, struct buf *id, struct buf *tmp)
{
	xmlNode *n;

	for (n = h->children; n; n = next_node(n, h))
		if (xml_is(n, "a") && xml_attr(n, "href", tmp) && paper_href(tmp->buf, id))
			return n;
	return NULL;
}

/* The markup: every heading that links to a paper. */
static void
read_markup(struct pctx *p, xmlNode *root, const char *day)
{
	static const char *const heads[] = { "h1", "h2", "h3", "h4", "h5", "h6" };
	struct buf id = BUF_INIT, tmp = BUF_INIT;
	xmlNode *n, *a;
	size_t k;

	for (n = root; n; n = next_node(n, root)) {
		for (k = 0; k < 6 && !xml_is(n, heads[k]); k++)
			;
		if (k < 6 && (a = heading_link(n, &id, &tmp)) != NULL)
			markup_paper(p, n, a, id.buf, day);
	}
	buf_free(&id);
	buf_free(&tmp);
}

/* The element holding the embedded papers data, or NULL. */
static xmlNode *
find_props(xmlNode *root, struct buf *tmp)
{
	xmlNode *n;

	for (n = root; n; n = next_node(n, root))
		if (n->type == XML_ELEMENT_NODE && attr_is(n, "data-target", "DailyPapers", tmp))
			return n;
	return NULL;
}

/* libxml2's error callback: the page's HTML errors are not reported. */
static void
ignore_error(void *ctx, const xmlError *e)
{
	(void)ctx;
	(void)e;
}

/* Parse the page. */
static void
hfhtml_parse(struct pctx *p)
{
	const struct xmlso *so;
	htmlParserCtxtPtr ctxt;
	htmlDocPtr doc;
	xmlNode *root, *props;
	struct buf tmp = BUF_INIT;
	char iso[11];
	const char *day = NULL;
	size_t found = 0;

	if ((so = xml_lib(p)) == NULL || xml_refuse_bombs(p, XML_MAX_HTML_TAG) < 0)
		return;	/* no libxml2, or a tag the HTML parser would take minutes over */
	if (p->len > INT_MAX || (ctxt = so->htmlNewParserCtxt()) == NULL) {
		pctx_warn(p, 0, "cannot read the page with the HTML parser");
		return;
	}
	ctxt->sax->serror = (xmlStructuredErrorFunc)ignore_error;
	doc = so->htmlCtxtReadMemory(ctxt, p->data, (int)p->len, p->file, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
	root = doc ? so->xmlDocGetRootElement(doc) : NULL;
	if (root) {
		if (find_page_day(root, iso, &tmp))
			day = iso;
		props = find_props(root, &tmp);
		if (props && xml_attr(props, "data-props", &tmp))
			found = read_props(p, tmp.buf, (size_t)xml_node_line(props), day);
		if (found == 0)
			read_markup(p, root, day);
	}
	if (p->npapers == 0)
		pctx_warn(p, 0, "no papers found in the page");
	if (doc)
		so->xmlFreeDoc(doc);
	so->htmlFreeParserCtxt(ctxt);
	buf_free(&tmp);
}

/*
 * An HTML document (a tag first, <html within the head) with a mark of a
 * Hugging Face papers page: the data element, or links to papers.
 */
static size_t
hfhtml_sniff(const char *head, size_t len, size_t before)
{
	static const char *const marks[] = {
		"data-target=\"DailyPapers\"", "huggingface.co/papers", "href=\"/papers/",
	};
	size_t i = lines_skip_space(head, len), k;
	int html = 0;

	(void)before;
	if (i >= len || head[i] != '<')
		return SNIFF_NONE;
	for (k = i; k + 5 <= len && !html; k++)
		html = head[k] == '<' && strncasecmp(head + k, "<html", 5) == 0;
	for (k = 0; html && k < sizeof marks / sizeof marks[0]; k++)
		if (memmem(head, len, marks[k], strlen(marks[k])))
			return i;
	return SNIFF_NONE;
}

const struct ingest_format hfhtml_format = { "hf-html", hfhtml_sniff, hfhtml_parse, NULL };
