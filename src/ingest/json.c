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

#include "ingest/format.h"
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


/* "a string", "an array", ... for messages (json-c's null is NULL). */
static const char *
jtype(json_t *v)
{
	switch (json_object_get_type(v)) {
	case json_type_object: return "an object";
	case json_type_array: return "an array";
	case json_type_string: return "a string";
	case json_type_int:
	case json_type_double: return "a number";
	case json_type_boolean: return "a boolean";
	case json_type_null: return "null";
	}
	return "a value";
}

/* Type tests that take NULL (json-c's null). */
static int json_is_string(json_t *v) { return json_object_is_type(v, json_type_string); }
static int json_is_array(json_t *v) { return json_object_is_type(v, json_type_array); }
static int json_is_object(json_t *v) { return json_object_is_type(v, json_type_object); }
/* Member key of object o, NULL when absent or null. */
static json_t *jmember(json_t *o, const char *key) { return json_object_object_get(o, key); }
/* True when object o has member key, even a null one. */
static int json_has(json_t *o, const char *key) { return json_object_object_get_ex(o, key, NULL); }

/* One element being read: where it is and what it holds. */
struct jel {
	struct pctx *p;
	struct rec_build *b;
	size_t line;
	json_t *el;
	json_t *paper;	/* the "paper" member (Hugging Face API), or NULL */
};

/* Member key of the element, else of its "paper"; NULL when absent or null. */
static json_t *
jget(const struct jel *e, const char *key)
{
	json_t *v = jmember(e->el, key);

	if (!v && e->paper)
		v = jmember(e->paper, key);
	return v;
}

/* Warn that field key has the wrong type. */
static void
bad_type(const struct jel *e, const char *key, const char *want, json_t *v)
{
	pctx_warn(e->p, e->line, "field \"%s\" should be %s, not %s", key, want, jtype(v));
}

/* Fetch string field key into *s, *n; warns when it has another type. */
static int
jstr(const struct jel *e, const char *key, const char **s, size_t *n)
{
	json_t *v = jget(e, key);

	if (!v)
		return 0;
	if (!json_is_string(v)) {
		bad_type(e, key, "a string", v);
		return 0;
	}
	*s = json_object_get_string(v);
	*n = (size_t)json_object_get_string_len(v);
	return 1;
}

/*
 * Add one URL; in "huggingface_urls" a bare "owner/name" (no host) is a
 * repository on huggingface.co, as in the table digests.
 */
static void
jlink1(const struct jel *e, const char *key, const char *u, size_t un, enum link_kind hint)
{
	const char *slash = memchr(u, '/', un);

	if (un == 0)
		return;
	if (strcmp(key, "huggingface_urls") == 0 && slash && slash > u &&
	    !memchr(u, '.', (size_t)(slash - u)) && !memchr(u, ':', un) &&
	    !memchr(slash + 1, '/', un - (size_t)(slash + 1 - u))) {
		struct buf full = BUF_INIT;

		buf_puts(&full, "huggingface.co/");
		buf_add(&full, u, un);
		rec_link(e->p, e->b, e->line, full.buf, full.len, hint);
		buf_free(&full);
		return;
	}
	rec_link(e->p, e->b, e->line, u, un, hint);
}

/* Adds one string of field key (a link with hint, a category, ...). */
typedef void jadd_fn(const struct jel *e, const char *key, const char *s, size_t n,
    enum link_kind hint);

/*
 * Call add for field key when it is a string, or for each string of it
 * when it is an array (one warning for the first other element, nulls
 * skipped); want names what the field should be, what one element.
 */
static void
jstrings(const struct jel *e, const char *key, const char *want, const char *what,
    jadd_fn *add, enum link_kind hint)
{
	json_t *v = jget(e, key), *x;
	size_t i;
	int warned = 0;

	if (!v)
		return;
	if (json_is_string(v)) {
		add(e, key, json_object_get_string(v), (size_t)json_object_get_string_len(v), hint);
		return;
	}
	if (!json_is_array(v)) {
		bad_type(e, key, want, v);
		return;
	}
	for (i = 0; i < json_object_array_length(v); i++) {
		x = json_object_array_get_idx(v, i);
		if (json_is_string(x)) {
			add(e, key, json_object_get_string(x), (size_t)json_object_get_string_len(x), hint);
		} else if (x && !warned) {
			pctx_warn(e->p, e->line, "field \"%s\" has an element that is %s, not %s",
			    key, jtype(x), what);
			warned = 1;
		}
	}
}

/* Add the URL field key (a string, or an array of strings) as links. */
static void
jlinks(const struct jel *e, const char *key, enum link_kind hint)
{
	jstrings(e, key, "a URL or a list of URLs", "a URL", jlink1, hint);
}

/* Add one category (jadd_fn). */
static void
jcat1(const struct jel *e, const char *key, const char *s, size_t n, enum link_kind hint)
{
	(void)key;
	(void)hint;
	rec_cat(e->p, e->b, s, n);
}

/* Add the category field key (a list of strings, or one string). */
static void
jcats(const struct jel *e, const char *key)
{
	jstrings(e, key, "a list of strings", "a string", jcat1, LINK_NKINDS);
}

/* Authors: "a, b, c", ["a", "b"] or [{"name": "a"}, ...]. */
static void
jauthors(const struct jel *e)
{
	json_t *v = jget(e, "authors"), *x;
	size_t i;
	int warned = 0;

	if (!v)
		return;
	if (json_is_string(v)) {
		rec_authors(e->p, e->b, json_object_get_string(v), (size_t)json_object_get_string_len(v));
		return;
	}
	if (!json_is_array(v)) {
		bad_type(e, "authors", "a string or a list", v);
		return;
	}
	for (i = 0; i < json_object_array_length(v); i++) {
		x = json_object_array_get_idx(v, i);
		if (json_is_object(x))
			x = jmember(x, "name");
		if (json_is_string(x)) {
			rec_author(e->p, e->b, json_object_get_string(x), (size_t)json_object_get_string_len(x));
		} else if (!warned) {
			pctx_warn(e->p, e->line, "field \"authors\" has an element that is %s, not a name",
			    jtype(x));
			warned = 1;
		}
	}
}

/* Votes from "votes" or "upvotes": a non-negative whole number (or digits in a string). */
static void
jvotes(const struct jel *e)
{
	static const char *const keys[] = { "votes", "upvotes" };
	size_t k;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		json_t *v = jget(e, keys[k]);
		double d;

		if (!v)
			continue;
		if (json_is_string(v)) {
			const char *s = json_object_get_string(v);
			size_t n = (size_t)json_object_get_string_len(v), i;
			long x = 0;

			for (i = 0; i < n && s[i] >= '0' && s[i] <= '9' && x < 100000000; i++)
				x = 10 * x + (s[i] - '0');
			if (n > 0 && i == n) {
				e->b->r.votes = x;
				return;
			}
			if (n == 0 || (n == 1 && s[0] == '-'))
				continue;	/* "" or "-": no votes given */
			bad_type(e, keys[k], "a number", v);
			continue;
		}
		if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
			bad_type(e, keys[k], "a number", v);
			continue;
		}
		d = json_object_get_double(v);
		if (!(d >= 0 && d < 1e15) || d != floor(d)) {
			pctx_warn(e->p, e->line, "field \"%s\" is not a vote count: %g", keys[k], d);
			continue;
		}
		e->b->r.votes = (long)d;
		return;
	}
}

/* Day from "date", "publishedAt" or "published" when an ISO date, else dflt. */
static void
jday(const struct jel *e, const char *dflt)
{
	static const char *const keys[] = { "date", "publishedAt", "published" };
	char iso[11];
	size_t k;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const char *s;
		size_t n;

		if (!jget(e, keys[k]) || !jstr(e, keys[k], &s, &n))
			continue;
		if (lines_find_date(s, n, iso)) {
			e->b->r.day = pctx_text(e->p, iso, 10, 0);
			return;
		}
		if (n > 0) {
			const char *q = pctx_text(e->p, s, n > 40 ? 40 : n, TEXT_ONELINE | TEXT_SQUEEZE);

			pctx_warn(e->p, e->line, "field \"%s\" is not an ISO date: \"%s\"",
			    keys[k], q ? q : "");
		}
	}
	if (dflt)
		e->b->r.day = pctx_text(e->p, dflt, strlen(dflt), 0);
}

/* The arXiv id from "id" (quietly ignored when not one) or "arxiv_id". */
static void
jid(const struct jel *e, struct buf *tmp)
{
	static const char *const keys[] = { "arxiv_id", "arxivId", "id" };
	size_t k;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		json_t *v = jget(e, keys[k]);
		int quiet = strcmp(keys[k], "id") == 0;

		if (!v)
			continue;
		if (!json_is_string(v)) {
			if (!quiet)
				bad_type(e, keys[k], "a string", v);
			continue;
		}
		buf_setlen(tmp, 0);
		if (!link_arxiv_any_id(tmp, json_object_get_string(v), (size_t)json_object_get_string_len(v))) {
			if (!quiet)
				pctx_warn(e->p, e->line, "field \"%s\" is not an arXiv id", keys[k]);
			continue;
		}
		{
			struct buf url = BUF_INIT;

			buf_printf(&url, "https://arxiv.org/abs/%s", buf_str(tmp));
			rec_link(e->p, e->b, e->line, url.buf, url.len, LINK_NKINDS);
			if (e->paper) {
				buf_setlen(&url, 0);
				buf_printf(&url, "https://huggingface.co/papers/%s", buf_str(tmp));
				rec_link(e->p, e->b, e->line, url.buf, url.len, LINK_NKINDS);
			}
			buf_free(&url);
		}
		return;
	}
}

/* True when the line is only a bullet marker: "-", "*" or a bullet sign. */
static int
lone_marker(const char *s, size_t n)
{
	lines_trim(&s, &n);
	return (n == 1 && (s[0] == '-' || s[0] == '*')) ||
	    (n == 3 && memcmp(s, "\xe2\x80\xa2", 3) == 0);
}

/* True when the line starts a bullet: "- ", "* " or a bullet sign and space. */
static int
bullet_line(const char *s, size_t n)
{
	lines_trim(&s, &n);
	return (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') ||
	    (n >= 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0);
}

/*
 * Add a summary.  A bulleted summary is first rewritten one bullet a line:
 * some files put each marker alone on its line ("-\nText\n-\nMore"), or
 * wrap a bullet onto the next line ("top-\nk sampling"); both are joined.
 */
static void
jsummary(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	struct lines it;
	struct buf out = BUF_INIT;
	const char *l, *mark = NULL;
	size_t ln, markn = 0;
	int bulleted = 0, plain = 1;

	lines_init(&it, s, n, 1);
	while (lines_next(&it, &l, &ln)) {
		if (lines_blank(l, ln))
			continue;
		if (!bulleted && !lone_marker(l, ln) && !bullet_line(l, ln))
			break;
		bulleted = 1;
		if (lone_marker(l, ln) || !bullet_line(l, ln))
			plain = 0;
	}
	if (!bulleted || plain) {
		rec_summary(p, b, s, n);
		return;
	}
	lines_init(&it, s, n, 1);
	while (lines_next(&it, &l, &ln)) {
		lines_trim(&l, &ln);
		if (ln == 0)
			continue;
		if (lone_marker(l, ln)) {
			mark = l;
			markn = ln;
			continue;
		}
		if (mark || bullet_line(l, ln)) {
			if (out.len)
				buf_addch(&out, '\n');
			if (mark) {
				buf_add(&out, mark, markn);
				buf_addch(&out, ' ');
				mark = NULL;
			}
		} else if (out.len) {
			buf_addch(&out, ' ');
		}
		buf_add(&out, l, ln);
	}
	rec_summary(p, b, out.buf ? out.buf : "", out.len);
	buf_free(&out);
}

/* Turn one array element into a record (or a warning). */
static void
json_element(struct pctx *p, json_t *el, size_t line, const char *dflt_day, struct buf *tmp)
{
	struct rec_build b;
	struct jel e;
	const char *s;
	size_t n;

	if (!json_is_object(el)) {
		pctx_warn(p, line, "skipped an element that is %s, not an object", jtype(el));
		return;
	}
	e.p = p;
	e.b = &b;
	e.line = line;
	e.el = el;
	e.paper = jmember(el, "paper");
	if (e.paper && !json_is_object(e.paper)) {
		bad_type(&e, "paper", "an object", e.paper);
		e.paper = NULL;
	}
	rec_init(p, &b, line, "json");
	if (jstr(&e, "title", &s, &n))
		b.r.title = pctx_inline(p, s, n, TEXT_ONELINE | TEXT_SQUEEZE);
	jauthors(&e);
	jday(&e, dflt_day);
	jvotes(&e);
	jcats(&e, "classification");
	jcats(&e, "categories");
	jid(&e, tmp);
	jlinks(&e, "link", LINK_NKINDS);
	jlinks(&e, "url", LINK_NKINDS);
	jlinks(&e, "pdf_url", LINK_PDF);
	jlinks(&e, "github_repo", LINK_PROJECT);
	jlinks(&e, "githubRepo", LINK_PROJECT);
	jlinks(&e, "github_urls", LINK_PROJECT);
	jlinks(&e, "huggingface_urls", LINK_NKINDS);
	jlinks(&e, "project_page", LINK_PROJECT);
	jlinks(&e, "projectPage", LINK_PROJECT);
	jlinks(&e, "thumbnail", LINK_THUMBNAIL);
	if (jget(&e, "summary")) {
		if (jstr(&e, "summary", &s, &n))
			jsummary(p, &b, s, n);
	} else if (jstr(&e, "abstract", &s, &n)) {
		jsummary(p, &b, s, n);
	}
	/* the condition under which pctx_emit would drop the record */
	if (!b.r.id && !b.r.title && b.nblocks == 0) {
		pctx_warn(p, line, "skipped an element with no title, summary or arXiv link");
		arena_reset(p->scratch, p->mark);
		return;
	}
	pctx_emit(p, &b);
}

/*
 * Copy of s with every invalid UTF-8 sequence replaced by U+FFFD, or 0
 * (out untouched) when s is valid.  *bad is the offset of the first one.
 */
static int
fix_utf8(const char *s, size_t n, struct buf *out, size_t *bad)
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

/* The default day of a wrapper object: its "date" member when an ISO date. */
static const char *
wrapper_day(json_t *root, char iso[11])
{
	json_t *d = jmember(root, "date");

	if (d && json_is_string(d) && lines_find_date(json_object_get_string(d), (size_t)json_object_get_string_len(d), iso))
		return iso;
	return NULL;
}

/* True when the object looks like one paper rather than a wrapper. */
static int
is_paper(json_t *o)
{
	return json_has(o, "title") || json_has(o, "paper") ||
	    json_has(o, "summary") || json_has(o, "link");
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
	if (fix_utf8(p->data, p->len, &fixed, &bad)) {
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
	size_t i = lines_skip_space(head, len);

	(void)before;
	return i < len && (head[i] == '[' || head[i] == '{') ? i : SNIFF_NONE;
}

const struct ingest_format json_format = { "json", json_sniff, json_parse, json_init };
