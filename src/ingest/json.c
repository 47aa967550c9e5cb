/* ingest/json.c: JSON day files (timlrx daily_results, Hugging Face daily_papers API).
 *
 * The whole input is decoded with json-c (strict mode).  json-c rather
 * than jansson for speed: it decodes these files at about 260 MB/s where
 * jansson manages under 60 (bench/, make bench).  Accepted shapes:
 *  - an array of paper objects (timlrx: title, authors, link, github_repo,
 *    summary, classification[], github_urls[], huggingface_urls[], date);
 *  - the same objects with the paper under "paper" (Hugging Face API:
 *    paper.id, paper.title, paper.summary, paper.authors[{name}],
 *    paper.upvotes, and publishedAt/title at the top of the element);
 *  - an object holding such an array under "papers" or "data" (its own
 *    "date" is the default day), or a single paper object.
 *
 * A json_object carries no position, so a light scanner (string-aware bracket
 * counting, iterative, linear) finds the byte offset where each element of
 * the paper array starts; its line is the number of LFs before it.  The
 * scanner also gives the recovery path: when json-c rejects the input, the
 * complete elements before the first broken one are decoded one by one.
 * Invalid UTF-8 is first replaced with U+FFFD in a copy (with a warning);
 * that keeps every LF, so lines do not move.
 * Depth: json-c's tokener stops at JSON_DEPTH with an error and keeps its
 * own stack; nothing here recurses.
 */
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <limits.h>

#include <json-c/json.h>

#include "ingest/fields.h"
#include "ingest/jsonrec.h"
#include "ingest/format.h"
#include "ingest/json.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

#define SCAN_FAIL SIZE_MAX

/* Nesting json-c accepts; real files need 4. */
#define JSON_DEPTH 64

typedef struct json_object json_t;

/* Why and where a decode failed. */
struct jerr {
	const char *text;
	size_t off;
};

/* Incremental line counter over the input (queries usually move forward). */
struct lc {
	const char *s;
	size_t n;
	size_t off;
	size_t line;
	size_t base;
};

/* Start counting: offset 0 is on line base. */
static void
lc_init(struct lc *c, const char *s, size_t n, size_t base)
{
	c->s = s;
	c->n = n;
	c->off = 0;
	c->base = base ? base : 1;
	c->line = c->base;
}

/* Line of the byte at off. */
static size_t
lc_line(struct lc *c, size_t off)
{
	const char *q;

	if (off > c->n)
		off = c->n;
	if (off < c->off) {
		c->off = 0;
		c->line = c->base;
	}
	while (c->off < off && (q = memchr(c->s + c->off, '\n', off - c->off))) {
		c->line++;
		c->off = (size_t)(q - c->s) + 1;
	}
	c->off = off;
	return c->line;
}

/* Offset of the first non-blank byte at or after i. */
static size_t
skip_ws(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* Offset just past the string that opens at s[i] == '"', or SCAN_FAIL if unterminated. */
static size_t
skip_string(const char *s, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return SCAN_FAIL;
}

/*
 * Offset just past the value that starts at s[i], or SCAN_FAIL when it is
 * cut off or empty.  Brackets are only counted (a depth counter, no stack),
 * so mismatched kinds are left for jansson to report.
 */
static size_t
skip_value(const char *s, size_t n, size_t i)
{
	size_t depth = 0;

	if (i >= n)
		return SCAN_FAIL;
	if (s[i] == '"')
		return skip_string(s, n, i);
	if (s[i] != '[' && s[i] != '{') {
		size_t j = i;

		while (j < n && !strchr(" \t\r\n,:]}[{\"", s[j]))
			j++;
		return j > i && j < n ? j : SCAN_FAIL;
	}
	while (i < n) {
		char c = s[i];

		if (c == '"') {
			i = skip_string(s, n, i);
			if (i == SCAN_FAIL)
				return SCAN_FAIL;
			continue;
		}
		if (c == '[' || c == '{') {
			depth++;
		} else if (c == ']' || c == '}') {
			if (--depth == 0)
				return i + 1;
		}
		i++;
	}
	return SCAN_FAIL;
}

/* Start and end offsets of the elements of one array. */
struct span {
	size_t start, end;
};

struct spans {
	struct span *v;
	size_t n, alloc;
};

/* Remember one element. */
static void
spans_add(struct spans *v, size_t start, size_t end)
{
	ALLOC_GROW(v->v, v->n + 1, v->alloc);
	v->v[v->n].start = start;
	v->v[v->n].end = end;
	v->n++;
}

/*
 * Record every complete element of the array opening at s[a] == '[' until
 * its end or the first structural problem.
 */
static void
scan_array(const char *s, size_t n, size_t a, struct spans *v)
{
	size_t i = skip_ws(s, n, a + 1);

	if (i < n && s[i] == ']')
		return;
	while (i < n) {
		size_t e = skip_value(s, n, i);

		if (e == SCAN_FAIL)
			return;
		spans_add(v, i, e);
		i = skip_ws(s, n, e);
		if (i >= n || s[i] != ',')
			return;
		i = skip_ws(s, n, i + 1);
		if (i < n && s[i] == ']')	/* trailing comma: let json-c complain */
			return;
	}
}

/* True when the raw JSON string s[i..e) (quotes included) is the plain key k. */
static int
key_is(const char *s, size_t i, size_t e, const char *k)
{
	size_t kl = strlen(k);

	return e - i == kl + 2 && memcmp(s + i + 1, k, kl) == 0;
}

/*
 * Offset of the array value of member "papers" (else "data") of the object
 * opening at s[o] == '{', as json-c would pick it (last duplicate wins);
 * SCAN_FAIL when there is none before the end or the first problem.
 */
static size_t
scan_wrapper(const char *s, size_t n, size_t o)
{
	size_t papers = SCAN_FAIL, data = SCAN_FAIL;
	size_t i = skip_ws(s, n, o + 1);

	while (i < n && s[i] == '"') {
		size_t k = i, ke = skip_string(s, n, i), v, e;

		if (ke == SCAN_FAIL)
			break;
		i = skip_ws(s, n, ke);
		if (i >= n || s[i] != ':')
			break;
		v = skip_ws(s, n, i + 1);
		if (v < n && s[v] == '[') {
			if (key_is(s, k, ke, "papers"))
				papers = v;
			else if (key_is(s, k, ke, "data"))
				data = v;
		}
		e = skip_value(s, n, v);
		if (e == SCAN_FAIL)
			break;
		i = skip_ws(s, n, e);
		if (i >= n || s[i] != ',')
			break;
		i = skip_ws(s, n, i + 1);
	}
	return papers != SCAN_FAIL ? papers : data;
}


/* Type tests that take NULL (json-c's null). */
static int json_is_string(json_t *v) { return json_object_is_type(v, json_type_string); }
static int json_is_array(json_t *v) { return json_object_is_type(v, json_type_array); }
/* Member key of object o, NULL when absent or null. */
static json_t *jmember(json_t *o, const char *key) { return json_object_object_get(o, key); }

/* Read one element of the paper array through the field table. */
static void
json_element(struct pctx *p, json_t *el, size_t line, const char *dflt_day, struct buf *tmp)
{
	(void)tmp;
	jsonrec_read(p, el, line, dflt_day, p->source);
}

/*
 * Copy of s with every invalid UTF-8 sequence replaced by U+FFFD, or 0
 * (out untouched) when s is valid.  *bad is the offset of the first one.
 */
int
json_fix_utf8(const char *s, size_t n, struct buf *out, size_t *bad)
{
	size_t i = 0, j, from = 0;
	int fixed = 0;

	while (i < n) {
		int32_t cp;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		j = i;
		cp = text_decode(s, n, &j);
		if (cp == 0xFFFD && !(j - i == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0)) {
			if (!fixed) {
				*bad = i;
				buf_grow(out, n + n / 8);
				fixed = 1;
			}
			buf_add(out, s + from, i - from);
			text_encode(out, cp);
			from = j;
		}
		i = j;
	}
	if (fixed)
		buf_add(out, s + from, n - from);
	return fixed;
}

/* Read the elements of the paper array items (decoded), with lines from the scan. */
static void
json_items(struct pctx *p, struct lc *lc, json_t *items, const struct spans *v,
    size_t arr_off, const char *dflt_day, struct buf *tmp)
{
	size_t i, n = json_object_array_length(items);

	for (i = 0; i < n; i++) {
		size_t off = v->n == n ? v->v[i].start : arr_off;

		json_element(p, json_object_array_get_idx(items, i), lc_line(lc, off), dflt_day, tmp);
	}
}

/* The default day of a wrapper object: its "date" member when it names one day. */
static const char *
wrapper_day(json_t *root, char iso[11])
{
	json_t *d = jmember(root, "date");

	if (d && json_is_string(d) && fields_day(json_object_get_string(d), (size_t)json_object_get_string_len(d), iso))
		return iso;
	return NULL;
}

/* True when the object looks like one paper rather than a wrapper. */
static int
is_paper(json_t *o)
{
	return json_object_object_get_ex(o, "title", NULL) || json_object_object_get_ex(o, "paper", NULL) ||
	    json_object_object_get_ex(o, "summary", NULL) || json_object_object_get_ex(o, "link", NULL);
}

/* The whole input decoded: find the paper array and read it. */
static void
json_tree(struct pctx *p, struct lc *lc, const char *d, size_t n, json_t *root, struct buf *tmp)
{
	struct spans v = { NULL, 0, 0 };
	size_t top = skip_ws(d, n, 0), arr = SCAN_FAIL;
	json_t *items = NULL;
	const char *dflt = NULL;
	char iso[11];

	if (json_is_array(root)) {
		items = root;
		arr = top;
	} else {
		json_t *pp = jmember(root, "papers");

		if (!pp || !json_is_array(pp))
			pp = jmember(root, "data");
		if (pp && json_is_array(pp)) {
			items = pp;
			arr = scan_wrapper(d, n, top);
			dflt = wrapper_day(root, iso);
		} else if (is_paper(root)) {
			json_element(p, root, lc_line(lc, top), NULL, tmp);
			return;
		} else if (!json_object_is_type(root, json_type_object)) {
			pctx_warn(p, lc_line(lc, top), "no papers: the file holds %s, not an array or an object",
			    jsonrec_type(root));
			return;
		} else {
			pctx_warn(p, lc_line(lc, top),
			    "no papers: expected an array, or an object with \"papers\" or \"data\"");
			return;
		}
	}
	if (arr != SCAN_FAIL)
		scan_array(d, n, arr, &v);
	json_items(p, lc, items, &v, arr == SCAN_FAIL ? top : arr, dflt, tmp);
	free(v.v);
}

/*
 * Decode the single JSON value d[0..n) (strict, nothing but blanks after
 * it).  Returns it (caller frees with json_object_put), or NULL and the
 * reason and offset in *err.
 */
static json_t *
jdecode(const char *d, size_t n, struct jerr *err)
{
	json_tokener *tok;
	json_t *v;
	enum json_tokener_error e;
	size_t end;

	if (n > INT_MAX) {
		err->text = "file too large";
		err->off = 0;
		return NULL;
	}
	tok = json_tokener_new_ex(JSON_DEPTH);
	if (tok == NULL) {
		err->text = "out of memory";
		err->off = 0;
		return NULL;
	}
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	v = json_tokener_parse_ex(tok, d, (int)n);
	e = json_tokener_get_error(tok);
	end = json_tokener_get_parse_end(tok);
	json_tokener_free(tok);
	if (v && e == json_tokener_success) {
		if (skip_ws(d, n, end) == n)
			return v;
		json_object_put(v);
		err->text = "text after the end of the JSON value";
		err->off = skip_ws(d, n, end);
		return NULL;
	}
	json_object_put(v);
	if (e == json_tokener_continue || e == json_tokener_success) {
		err->text = "the input ends inside a value";
		err->off = n;
	} else {
		err->text = json_tokener_error_desc(e);
		err->off = end < n ? end : n;
	}
	return NULL;
}

/*
 * json-c rejected the input: decode the complete elements of the paper
 * array one at a time up to the first that fails, then report the error.
 */
static void
json_recover(struct pctx *p, struct lc *lc, const char *d, size_t n,
    const struct jerr *err, struct buf *tmp)
{
	struct spans v = { NULL, 0, 0 };
	size_t top = skip_ws(d, n, 0), arr = SCAN_FAIL, i;

	if (top < n && d[top] == '[')
		arr = top;
	else if (top < n && d[top] == '{')
		arr = scan_wrapper(d, n, top);
	if (arr != SCAN_FAIL)
		scan_array(d, n, arr, &v);
	for (i = 0; i < v.n; i++) {
		struct jerr e2;
		json_t *el = jdecode(d + v.v[i].start, v.v[i].end - v.v[i].start, &e2);

		if (!el)
			break;
		json_element(p, el, lc_line(lc, v.v[i].start), NULL, tmp);
		json_object_put(el);
	}
	free(v.v);
	pctx_warn(p, lc_line(lc, err->off), "invalid JSON: %s", err->text);
}

/* Decode one JSON value (see json.h). */
json_t *
json_decode(const char *d, size_t n, const char **why, size_t *off)
{
	struct jerr err;
	json_t *v = jdecode(d, n, &err);

	if (v == NULL) {
		*why = err.text;
		*off = err.off;
	}
	return v;
}

/* Set json-c's hash seed once, before parsers run on several threads. */
static void
json_init(void)
{
	json_object_put(json_tokener_parse("{\"seed\": 1}"));
}

/* Parse a JSON day file (see the top of this file). */
static void
json_parse(struct pctx *p)
{
	struct buf fixed = BUF_INIT, tmp = BUF_INIT;
	const char *d = p->data;
	size_t n = p->len, bad = 0;
	struct lc lc;
	struct jerr err;
	json_t *root;

	lc_init(&lc, d, n, p->line_base);
	if (json_fix_utf8(p->data, p->len, &fixed, &bad)) {
		pctx_warn(p, lc_line(&lc, bad), "invalid UTF-8 replaced with U+FFFD");
		d = fixed.buf;
		n = fixed.len;
		lc_init(&lc, d, n, p->line_base);
	}
	root = jdecode(d, n, &err);
	if (root) {
		json_tree(p, &lc, d, n, root, &tmp);
		json_object_put(root);
	} else {
		json_recover(p, &lc, d, n, &err, &tmp);
	}
	buf_free(&fixed);
	buf_free(&tmp);
}

/* A JSON document starts with '[' or '{' after blanks. */
static size_t
json_sniff(const char *head, size_t len, size_t before)
{
	static const char *const keys[] = { "\"papers\"", "\"data\"", "\"paper\"", "\"title" };
	size_t i = lines_skip_space(head, len), j, k;

	(void)before;
	if (i >= len)
		return SNIFF_NONE;
	j = i + 1 + lines_skip_space(head + i + 1, len - i - 1);
	if (head[i] == '[') {
		/* an array's first value, not markdown such as "[![badge](...)](...)" */
		if (j >= len || strchr("{[\"]-", head[j]) || (head[j] >= '0' && head[j] <= '9'))
			return i;
		if (lines_starts(head + j, len - j, "true") || lines_starts(head + j, len - j, "false") ||
		    lines_starts(head + j, len - j, "null"))
			return i;
		return SNIFF_NONE;
	}
	if (head[i] != '{' || j >= len || (head[j] != '"' && head[j] != '}'))
		return SNIFF_NONE;
	/* an object that names papers (a saved error page names none) */
	for (k = 0; k < sizeof keys / sizeof keys[0]; k++)
		if (lines_has(head + i, len - i, keys[k]))
			return i;
	return SNIFF_NONE;
}

const struct ingest_format json_format = { "json", json_sniff, json_parse, json_init };
