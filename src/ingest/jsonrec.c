/* ingest/jsonrec.c: one paper object (JSON, or YAML made into json-c objects)
 * read through the field table (fields.h) into a record.
 *
 * An object's members are first collected with their rows; the
 * single-valued roles (title, summary, authors, day, votes, id) take the
 * member of the lowest rank, and the others (links, categories, sections,
 * further summaries) are added in table order, so the order of members in a
 * file does not matter.  Nesting (paper, details, AI) is followed at most
 * JSONREC_DEPTH levels: no recursion deeper than that, whatever the input.
 */
#include "ingest/jsonrec.h"
#include "base/alloc.h"
#include "ingest/fields.h"
#include "ingest/lines.h"
#include "ingest/rec.h"
#include "text/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#define JSONREC_DEPTH 2
#define NROLES (ROLE_NEST + 1)

typedef struct json_object json_t;

/* A member and its row. */
struct pick {
	const struct field *f;
	json_t *v;
	const char *key;	/* the member's name as the file spells it */
};

/* One paper object being read. */
struct reader {
	struct pctx *p;
	struct rec_build *b;
	size_t line;
	int api;			/* a Hugging Face API element (it has a "paper" object) */
	struct pick best[NROLES];	/* single-valued roles: the member of the lowest rank */
	struct pick *more;		/* the other members, to add in table order */
	size_t nmore, amore;
	json_t *keywords;
	const char *key;		/* the name of the member being read, for messages */
	struct buf tmp;
};

/* "a string", "an array", ... for messages (see jsonrec.h). */
const char *
jsonrec_type(json_t *v)
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

/* Warn that field f has the wrong type. */
static void
bad_type(struct reader *r, const struct field *f, const char *want, json_t *v)
{
	if (!(f->flags & FIELD_QUIET))
		pctx_warn(r->p, r->line, "field \"%s\" should be %s, not %s", r->key, want, jsonrec_type(v));
}

/* The text of a string value without the quotes a Python repr left around it. */
static void
str_of(json_t *v, const char **s, size_t *n)
{
	*s = json_object_get_string(v);
	*n = (size_t)json_object_get_string_len(v);
	if (*n >= 2 && ((*s)[0] == '\'' || (*s)[0] == '"') && (*s)[*n - 1] == (*s)[0])
		(*s)++, *n -= 2;
}

/* Add one URL; in huggingface_urls a bare "owner/name" is a repository on huggingface.co. */
static void
add_link(struct reader *r, const struct field *f, const char *u, size_t un)
{
	const char *slash = memchr(u, '/', un);

	if (un == 0)
		return;
	if (f->hint == LINK_MODEL && slash && slash > u &&
	    !memchr(u, '.', (size_t)(slash - u)) && !memchr(u, ':', un) &&
	    !memchr(slash + 1, '/', un - (size_t)(slash + 1 - u))) {
		buf_setlen(&r->tmp, 0);
		buf_puts(&r->tmp, "huggingface.co/");
		buf_add(&r->tmp, u, un);
		rec_link(r->p, r->b, r->line, r->tmp.buf, r->tmp.len, LINK_NKINDS);
		return;
	}
	rec_link(r->p, r->b, r->line, u, un, f->hint == LINK_MODEL ? LINK_NKINDS : (enum link_kind)f->hint);
}

/* Add one category string: a Python list literal "['A', 'B']", "A, B", or one name. */
static void
add_cats(struct reader *r, const char *s, size_t n)
{
	size_t i = 0;

	lines_trim(&s, &n);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
		s++, n -= 2;
	while (i < n) {
		const char *c = memchr(s + i, ',', n - i);
		size_t e = c ? (size_t)(c - s) : n;

		rec_cat(r->p, r->b, s + i, e - i);
		i = e + 1;
	}
}

/* Add the links or categories of a string or an array of strings (nulls skipped). */
static void
add_strings(struct reader *r, const struct field *f, json_t *v)
{
	size_t i, n;
	int warned = 0;

	if (json_object_is_type(v, json_type_array)) {
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			json_t *x = json_object_array_get_idx(v, i);

			if (json_object_is_type(x, json_type_string))
				add_strings(r, f, x);
			else if (x && !warned++)
				pctx_warn(r->p, r->line, "field \"%s\" has an element that is %s, not a string",
				    r->key, jsonrec_type(x));
		}
		return;
	}
	if (!json_object_is_type(v, json_type_string)) {
		bad_type(r, f, f->role == ROLE_LINK ? "a URL or a list of URLs" : "a list of strings", v);
		return;
	}
	if (f->role == ROLE_LINK)
		add_link(r, f, json_object_get_string(v), (size_t)json_object_get_string_len(v));
	else
		add_cats(r, json_object_get_string(v), (size_t)json_object_get_string_len(v));
}

/* True when a paragraph starts with a short "Label：" or "Label: "; sets the label and rest. */
static int
para_label(const char *s, size_t n, size_t *llen, size_t *rest)
{
	size_t i;

	for (i = 0; i < n && i < 40; i++) {
		if (s[i] == '\n' || s[i] == '.' || s[i] == '(' || s[i] == '[')
			return 0;
		if (i > 0 && i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0) {
			*llen = i;
			*rest = i + 3;
			return 1;
		}
		if (i > 0 && s[i] == ':' && i + 1 < n && s[i + 1] == ' ') {
			*llen = i;
			*rest = i + 2;
			return 1;
		}
	}
	return 0;
}

/* Add the text of a further summary: paragraphs, each with its "Label：" kept as a label. */
static void
add_more_text(struct reader *r, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *end = NULL, *q;
		size_t e, ll, rest;

		while (i < n && (s[i] == '\n' || s[i] == ' ' || s[i] == '\r' || s[i] == '\t'))
			i++;
		if (i == n)
			break;
		q = s + i;

		/* a paragraph ends at a blank line */
		while ((q = memchr(q, '\n', n - (size_t)(q - s))) != NULL) {
			const char *t = q + 1;

			while (t < s + n && (*t == ' ' || *t == '\t' || *t == '\r'))
				t++;
			if (t >= s + n || *t == '\n') {
				end = q;
				break;
			}
			q = t;
		}
		e = end ? (size_t)(end - s) : n;
		if (para_label(s + i, e - i, &ll, &rest))
			rec_block(r->p, r->b, BLOCK_PARA, s + i, ll, s + i + rest, e - i - rest);
		else
			rec_summary(r->p, r->b, s + i, e - i);
		i = e + 1;
	}
}

/* Add a labelled section (a string, or a list of strings as bullets) to the AI summary. */
static void
add_section(struct reader *r, const struct field *f, json_t *v)
{
	const char *s;
	size_t n, i;

	rec_into(r->p, r->b, "AI");
	if (json_object_is_type(v, json_type_string)) {
		str_of(v, &s, &n);
		rec_block(r->p, r->b, BLOCK_PARA, f->label, strlen(f->label), s, n);
	} else if (json_object_is_type(v, json_type_array)) {
		for (i = 0; i < json_object_array_length(v); i++) {
			json_t *x = json_object_array_get_idx(v, i);

			if (!json_object_is_type(x, json_type_string))
				continue;
			str_of(x, &s, &n);
			rec_block(r->p, r->b, BLOCK_BULLET, i == 0 ? f->label : NULL,
			    i == 0 ? strlen(f->label) : 0, s, n);
		}
	} else if (v) {
		bad_type(r, f, "a string", v);
	}
	rec_into(r->p, r->b, NULL);
}

/* Add a further summary named by the row. */
static void
add_more(struct reader *r, const struct field *f, json_t *v)
{
	const char *s;
	size_t n;

	if (!json_object_is_type(v, json_type_string)) {
		if (v)
			bad_type(r, f, "a string", v);
		return;
	}
	str_of(v, &s, &n);
	rec_into(r->p, r->b, f->label);
	add_more_text(r, s, n);
	rec_into(r->p, r->b, NULL);
}

static void read_members(struct reader *r, json_t *o, int depth);

/* Add a member of a multi-valued role. */
static void
add_member(struct reader *r, const struct field *f, json_t *v)
{
	switch (f->role) {
	case ROLE_LINK:
	case ROLE_CATS:
		add_strings(r, f, v);
		break;
	case ROLE_MORE:
		add_more(r, f, v);
		break;
	case ROLE_SECTION:
		add_section(r, f, v);
		break;
	default:
		break;
	}
}

/* Order members by their row in the table. */
static int
pick_cmp(const void *a, const void *b)
{
	const struct field *x = ((const struct pick *)a)->f, *y = ((const struct pick *)b)->f;

	return (x > y) - (x < y);
}

/* Note one member (named key) by its row. */
static void
member(struct reader *r, const struct field *f, const char *key, json_t *v, int depth)
{
	if (v == NULL)
		return;
	switch (f->role) {
	case ROLE_LINK:
	case ROLE_CATS:
	case ROLE_MORE:
	case ROLE_SECTION:
		ALLOC_GROW(r->more, r->nmore + 1, r->amore);
		r->more[r->nmore].f = f;
		r->more[r->nmore].key = key;
		r->more[r->nmore++].v = v;
		break;
	case ROLE_KEYWORDS:
		r->keywords = v;
		break;
	case ROLE_NEST:
		r->key = key;
		if (!json_object_is_type(v, json_type_object))
			bad_type(r, f, "an object", v);
		else if (depth < JSONREC_DEPTH)
			read_members(r, v, depth + 1);
		break;
	default:
		if ((f->flags & FIELD_NOT_API) && r->api)
			break;
		if (r->best[f->role].f == NULL || f->rank < r->best[f->role].f->rank) {
			r->best[f->role].f = f;
			r->best[f->role].v = v;
			r->best[f->role].key = key;
		}
		break;
	}
}

/* Read the members of object o through the table. */
static void
read_members(struct reader *r, json_t *o, int depth)
{
	struct json_object_iterator it = json_object_iter_begin(o), end = json_object_iter_end(o);

	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		const char *k = json_object_iter_peek_name(&it);
		const struct field *f = fields_find(k, strlen(k));

		if (f)
			member(r, f, k, json_object_iter_peek_value(&it), depth);
	}
}

/* Authors: "a, b and c", ["a", "b"] or [{"name": "a"}, ...]. */
static void
apply_authors(struct reader *r, const struct field *f, json_t *v)
{
	size_t i;
	int warned = 0;

	if (json_object_is_type(v, json_type_string)) {
		rec_authors(r->p, r->b, json_object_get_string(v), (size_t)json_object_get_string_len(v));
		return;
	}
	if (!json_object_is_type(v, json_type_array)) {
		bad_type(r, f, "a string or a list", v);
		return;
	}
	for (i = 0; i < json_object_array_length(v); i++) {
		json_t *x = json_object_array_get_idx(v, i);

		if (json_object_is_type(x, json_type_object))
			x = json_object_object_get(x, "name");
		if (json_object_is_type(x, json_type_string)) {
			rec_author(r->p, r->b, json_object_get_string(x), (size_t)json_object_get_string_len(x));
		} else if (!warned++) {
			pctx_warn(r->p, r->line, "field \"%s\" has an element that is %s, not a name",
			    r->key, jsonrec_type(x));
		}
	}
}

/* Votes: a non-negative whole number, or digits in a string ("" and "-": none). */
static void
apply_votes(struct reader *r, const struct field *f, json_t *v)
{
	double d;

	if (json_object_is_type(v, json_type_string)) {
		const char *s = json_object_get_string(v);
		size_t n = (size_t)json_object_get_string_len(v), i;
		long x = 0;

		for (i = 0; i < n && s[i] >= '0' && s[i] <= '9' && x < 100000000; i++)
			x = 10 * x + (s[i] - '0');
		if (n > 0 && i == n)
			r->b->r.votes = x;
		else if (i > 0 && (s[n - 1] == 'k' || s[n - 1] == 'K'))
			r->b->r.votes = (long)(strtod(s, NULL) * 1000 + 0.5);	/* "2.59k" */
		else if (!(n == 0 || (n == 1 && s[0] == '-')))
			bad_type(r, f, "a number", v);
		return;
	}
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double)) {
		bad_type(r, f, "a number", v);
		return;
	}
	d = json_object_get_double(v);
	if (!(d >= 0 && d < 1e15) || d != floor(d)) {
		pctx_warn(r->p, r->line, "field \"%s\" is not a vote count: %g", r->key, d);
		return;
	}
	r->b->r.votes = (long)d;
}

/* The day: an ISO date or timestamp, YYYYMMDD (a string or a number); else warned. */
static void
apply_day(struct reader *r, const struct field *f, json_t *v)
{
	char iso[11];
	const char *s;
	size_t n;

	if (json_object_is_type(v, json_type_int)) {
		buf_setlen(&r->tmp, 0);
		buf_printf(&r->tmp, "%lld", (long long)json_object_get_int64(v));
		s = r->tmp.buf;
		n = r->tmp.len;
	} else if (json_object_is_type(v, json_type_string)) {
		s = json_object_get_string(v);
		n = (size_t)json_object_get_string_len(v);
	} else {
		bad_type(r, f, "a date", v);
		return;
	}
	if (fields_day(s, n, iso)) {
		r->b->r.day = pctx_text(r->p, iso, 10, 0);
	} else if (n > 0) {
		const char *q = pctx_text(r->p, s, n > 40 ? 40 : n, TEXT_ONELINE | TEXT_SQUEEZE);

		pctx_warn(r->p, r->line, "field \"%s\" is not an ISO date: \"%s\"", r->key, q ? q : "");
	}
}

/* The arXiv id, with its arXiv page (and Hugging Face page in an API element) as links. */
static void
apply_id(struct reader *r, const struct field *f, json_t *v)
{
	struct buf url = BUF_INIT;

	if (!json_object_is_type(v, json_type_string)) {
		bad_type(r, f, "a string", v);
		return;
	}
	buf_setlen(&r->tmp, 0);
	if (!link_arxiv_any_id(&r->tmp, json_object_get_string(v), (size_t)json_object_get_string_len(v))) {
		if (!(f->flags & FIELD_QUIET))
			pctx_warn(r->p, r->line, "field \"%s\" is not an arXiv id", r->key);
		return;
	}
	buf_printf(&url, "https://arxiv.org/abs/%s", buf_str(&r->tmp));
	rec_link(r->p, r->b, r->line, url.buf, url.len, LINK_NKINDS);
	if (r->api) {
		buf_setlen(&url, 0);
		buf_printf(&url, "https://huggingface.co/papers/%s", buf_str(&r->tmp));
		rec_link(r->p, r->b, r->line, url.buf, url.len, LINK_NKINDS);
	}
	buf_free(&url);
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
 * Add the main summary.  A bulleted summary is first rewritten one bullet a
 * line: some files put each marker alone on its line ("-\nText\n-\nMore"),
 * or wrap a bullet onto the next line ("top-\nk sampling"); both are joined.
 */
static void
apply_summary(struct pctx *p, struct rec_build *b, const char *s, size_t n)
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
	rec_summary(p, b, out.buf, out.len);
	buf_free(&out);
}

/* The ai_keywords as a "Keywords" block of the ai_summary. */
static void
apply_keywords(struct reader *r, json_t *v)
{
	struct buf list = BUF_INIT;
	size_t i;

	if (json_object_is_type(v, json_type_array)) {
		for (i = 0; i < json_object_array_length(v); i++) {
			json_t *x = json_object_array_get_idx(v, i);

			if (!json_object_is_type(x, json_type_string))
				continue;
			if (list.len)
				buf_puts(&list, ", ");
			buf_add(&list, json_object_get_string(x), (size_t)json_object_get_string_len(x));
		}
	} else if (json_object_is_type(v, json_type_string)) {
		buf_add(&list, json_object_get_string(v), (size_t)json_object_get_string_len(v));
	}
	if (list.len) {
		rec_into(r->p, r->b, "ai_summary");
		rec_block(r->p, r->b, BLOCK_PARA, "Keywords", 8, list.buf, list.len);
		rec_into(r->p, r->b, NULL);
	}
	buf_free(&list);
}

/* Apply what was collected: the single-valued roles from their best member, the rest in table order. */
static void
apply_best(struct reader *r, const char *dflt_day)
{
	struct pick *t = &r->best[ROLE_TITLE], *s = &r->best[ROLE_SUMMARY];
	const char *str;
	size_t n, i;

	r->key = t->key;
	if (t->f && json_object_is_type(t->v, json_type_string)) {
		str_of(t->v, &str, &n);
		r->b->r.title = pctx_inline(r->p, str, n, TEXT_ONELINE);
	} else if (t->f) {
		bad_type(r, t->f, "a string", t->v);
	}
	if ((r->key = r->best[ROLE_ID].key) != NULL)
		apply_id(r, r->best[ROLE_ID].f, r->best[ROLE_ID].v);
	if (r->nmore > 1)
		qsort(r->more, r->nmore, sizeof *r->more, pick_cmp);
	for (i = 0; i < r->nmore; i++) {
		r->key = r->more[i].key;
		add_member(r, r->more[i].f, r->more[i].v);
	}
	if ((r->key = r->best[ROLE_AUTHORS].key) != NULL)
		apply_authors(r, r->best[ROLE_AUTHORS].f, r->best[ROLE_AUTHORS].v);
	if ((r->key = r->best[ROLE_DAY].key) != NULL)
		apply_day(r, r->best[ROLE_DAY].f, r->best[ROLE_DAY].v);
	if (r->b->r.day == NULL && dflt_day)
		r->b->r.day = pctx_text(r->p, dflt_day, strlen(dflt_day), 0);
	if ((r->key = r->best[ROLE_VOTES].key) != NULL)
		apply_votes(r, r->best[ROLE_VOTES].f, r->best[ROLE_VOTES].v);
	r->key = s->key;
	if (s->f && json_object_is_type(s->v, json_type_string)) {
		str_of(s->v, &str, &n);
		/* a scraper that found no abstract repeats the title */
		if (!(r->b->r.title && n == strlen(r->b->r.title) && memcmp(str, r->b->r.title, n) == 0))
			apply_summary(r->p, r->b, str, n);
	} else if (s->f) {
		bad_type(r, s->f, "a string", s->v);
	}
	if (r->keywords)
		apply_keywords(r, r->keywords);
}

/* Read a paper object into b, not emitted yet (see jsonrec.h). */
int
jsonrec_fill(struct pctx *p, struct rec_build *b, json_t *el, size_t line,
    const char *dflt_day, const char *source)
{
	struct reader r;

	if (!json_object_is_type(el, json_type_object)) {
		const char *s = json_object_get_string(el);

		if (json_object_is_type(el, json_type_string) && s && s[0] == '{' && s[1] == '\'')
			pctx_warn(p, line, "skipped an element that is a Python dict written as a string, not a JSON object");
		else
			pctx_warn(p, line, "skipped an element that is %s, not an object", jsonrec_type(el));
		return 0;
	}
	memset(&r, 0, sizeof r);
	r.p = p;
	r.b = b;
	r.line = line;
	r.api = json_object_is_type(json_object_object_get(el, "paper"), json_type_object);
	buf_init(&r.tmp);
	rec_init(p, b, line, source);
	read_members(&r, el, 0);
	apply_best(&r, dflt_day);
	buf_free(&r.tmp);
	free(r.more);
	return 1;
}

/* Read one paper object and emit it (see jsonrec.h). */
void
jsonrec_read(struct pctx *p, json_t *el, size_t line, const char *dflt_day, const char *source)
{
	struct rec_build b;

	if (!jsonrec_fill(p, &b, el, line, dflt_day, source))
		return;
	/* the condition under which pctx_emit would drop the record */
	if (!b.r.id && !b.r.title && b.nblocks == 0) {
		pctx_warn(p, line, "skipped an element with no title, summary or arXiv link");
		arena_reset(p->scratch, p->mark);
		return;
	}
	pctx_emit(p, &b);
}
