/* ingest/cvarxiv.c: the cv-arxiv-daily template (at least 128 repositories).
 *
 * Three files, one format:
 *  - README.md and docs/index.md: "## Topic" headings, each over a table
 *    |Publish Date|Title|Authors|PDF|Code| (read by the table parser);
 *  - docs/cv-arxiv-daily.json: {topic: {arxiv_id: "<one table row>"}} (and
 *    the -wechat.json variant, whose values are bullets);
 *  - docs/wechat.md: "## Topic" over bullets
 *    "- DATE, **Title**, A et.al., Paper: [url](url), Code: **[url](url)**".
 * Authors are "A et.al.": the first name, marked as a shortened list.
 */
#include "ingest/format.h"
#include "ingest/json.h"
#include "ingest/mdtext.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "ingest/table.h"
#include "text/text.h"

#include <string.h>

#include <json-c/json.h>

#define CVX_NAME "cv-arxiv-daily"
#define CVX_HEADER "|Publish Date|Title|Authors|PDF|Code|"

/* True when the line is the template's table header (blanks ignored). */
static int
is_header(const char *s, size_t n)
{
	static const char want[] = "|PublishDate|Title|Authors|PDF|Code|";
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')
			continue;
		if (k == sizeof want - 1 || s[i] != want[k++])
			return 0;
	}
	return k == sizeof want - 1;
}

/* "- 2022-11-30, **": the start of a wechat bullet. */
static int
is_bullet(const char *s, size_t n)
{
	char iso[11];

	return n > 16 && s[0] == '-' && s[1] == ' ' && lines_find_date(s + 2, 10, iso) &&
	    s[12] == ',' && lines_starts(s + 13, n - 13, " **");
}

/* True for the template's JSON: {"Topic": {"2110.07546": "|**... or "- 20... */
static int
json_sniff(const char *s, size_t n)
{
	const char *q = memchr(s, '{', n < 512 ? n : 512);
	size_t i;

	if (q == NULL || (q = memchr(q + 1, '{', n - (size_t)(q + 1 - s))) == NULL)
		return 0;
	for (i = (size_t)(q - s); i + 5 < n && i < 1024; i++)
		if (s[i] == ':' && (lines_starts(s + i, n - i, ": \"|**") || lines_starts(s + i, n - i, ": \"- ")))
			return 1;
	return 0;
}

/* A line that marks the template's markdown: its table header or a bullet. */
static int
is_marker(const char *s, size_t n)
{
	return is_header(s, n) || is_bullet(s, n);
}

/* Where the template's first marker is: the JSON's start, or its header or first bullet. */
static size_t
cvarxiv_sniff(const char *head, size_t len, size_t before)
{
	size_t i = lines_skip_space(head, len);

	if (i < len && head[i] == '{')
		return before > i && json_sniff(head + i, len - i) ? i : SNIFF_NONE;
	if (i < len && head[i] == '[' && i + 1 < len && head[i + 1] != '!')
		return SNIFF_NONE;	/* JSON, not a badge line */
	/* a quick look for the header's or a bullet's words before the scan by lines */
	if (!lines_has(head, len, "Publish Date") && !lines_has(head, len, "Paper: [http"))
		return SNIFF_NONE;
	return formats_find_line(head, len, before, is_marker);
}

/* Read a wechat bullet "- DATE, **Title**, Authors, Paper: [u](u), Code: ..." of topic. */
static void
read_bullet(struct pctx *p, const char *topic, size_t line, const char *s, size_t n)
{
	struct rec_build b;
	const char *t, *e, *paper;
	char iso[11];

	rec_init(p, &b, line, p->source);
	if (lines_find_date(s + 2, 10, iso))
		b.r.day = pctx_text(p, iso, 10, 0);
	t = s + 16;		/* after "- DATE, **" */
	e = t;
	while (e + 1 < s + n && !(e[0] == '*' && e[1] == '*'))
		e++;
	b.r.title = pctx_inline(p, t, (size_t)(e - t), TEXT_ONELINE);
	t = e + 2;
	paper = t;
	while (paper + 7 < s + n && memcmp(paper, ", Paper:", 8) != 0)
		paper++;
	if (t + 2 < paper && t[0] == ',')
		rec_authors(p, &b, t + 1, (size_t)(paper - t - 1));
	mdtext_links(p, &b, line, paper, (size_t)(s + n - paper));
	if (topic)
		rec_cat(p, &b, topic, strlen(topic));
	if (b.r.title == NULL && b.r.id == NULL) {
		pctx_warn(p, line, "bullet without a title: skipped");
		arena_reset(p->scratch, p->mark);
		return;
	}
	pctx_emit(p, &b);
}

/* The wechat bullets, under their topic headings. */
static void
parse_bullets(struct pctx *p)
{
	struct lines it;
	const char *s, *t, *topic = NULL;
	size_t n, tn;
	struct arena_mark top = arena_mark(p->scratch);

	p->mark = top;
	lines_init(&it, p->data, p->len, p->line_base);
	while (lines_next(&it, &s, &n)) {
		if (mdtext_heading(s, n, &t, &tn) == 2) {
			arena_reset(p->scratch, top);
			topic = pctx_inline(p, t, tn, TEXT_ONELINE);
			p->mark = arena_mark(p->scratch);
		} else if (is_bullet(s, n)) {
			read_bullet(p, topic, it.lineno, s, n);
		}
	}
	arena_reset(p->scratch, top);
	p->mark = top;
}

/* One topic of the JSON: every value is a table row or a bullet. */
static void
json_topic(struct pctx *p, const char *name, struct json_object *o, size_t line)
{
	struct json_object_iterator it = json_object_iter_begin(o), end = json_object_iter_end(o);
	struct arena_mark top = arena_mark(p->scratch);
	const char *topic = pctx_inline(p, name, strlen(name), TEXT_ONELINE);

	p->mark = arena_mark(p->scratch);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		struct json_object *v = json_object_iter_peek_value(&it);
		const char *s = json_object_get_string(v);
		size_t n = (size_t)json_object_get_string_len(v);

		if (!json_object_is_type(v, json_type_string))
			pctx_warn(p, line, "topic \"%s\": an entry that is not a string: skipped", name);
		else if (n && s[0] == '|')
			table_row(p, CVX_HEADER, topic, line, s, n);
		else if (is_bullet(s, n))
			read_bullet(p, topic, line, s, n);
		else
			pctx_warn(p, line, "topic \"%s\": an entry that is neither a row nor a bullet: skipped", name);
	}
	arena_reset(p->scratch, top);
	p->mark = top;
}

/* The JSON file: {topic: {id: row}}. */
static void
parse_json_file(struct pctx *p)
{
	const char *why;
	size_t off;
	struct json_object *root = json_decode(p->data, p->len, &why, &off);
	struct json_object_iterator it, end;

	if (root == NULL) {
		pctx_warn(p, pctx_lineno(p, off), "invalid JSON: %s", why);
		return;
	}
	if (!json_object_is_type(root, json_type_object)) {
		pctx_warn(p, 1, "expected an object of topics");
		json_object_put(root);
		return;
	}
	it = json_object_iter_begin(root);
	end = json_object_iter_end(root);
	for (; !json_object_iter_equal(&it, &end); json_object_iter_next(&it)) {
		struct json_object *v = json_object_iter_peek_value(&it);

		if (json_object_is_type(v, json_type_object))
			json_topic(p, json_object_iter_peek_name(&it), v, 1);
		else
			pctx_warn(p, 1, "topic \"%s\" is not an object: skipped", json_object_iter_peek_name(&it));
	}
	json_object_put(root);
}

/* Parse a cv-arxiv-daily file: its JSON, its table README, or its wechat bullets. */
static void
cvarxiv_parse(struct pctx *p)
{
	size_t i = lines_skip_space(p->data, p->len);

	if (i < p->len && p->data[i] == '{')
		parse_json_file(p);
	else if (formats_find_line(p->data, p->len < FORMAT_SNIFF_MAX ? p->len : FORMAT_SNIFF_MAX,
	    SNIFF_NONE, is_header) != SNIFF_NONE)
		table_format.parse(p);
	else
		parse_bullets(p);
}

const struct ingest_format cvarxiv_format = { CVX_NAME, cvarxiv_sniff, cvarxiv_parse, NULL };
