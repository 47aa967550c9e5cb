/* ingest/arxivdaily.c: the daily-arXiv-ai-enhanced template (at least 100
 * repositories).
 *
 * Two files, one format, the day only in the file name:
 *  - data/DATE.jsonl and DATE_AI_enhanced_LANG.jsonl: JSON Lines objects
 *    {id, categories, pdf, abs, authors[], title, summary,
 *     AI{tldr, motivation, method, result, conclusion}} (jsonl.c and the
 *    field table: the AI part is the "AI" summary, in its own language);
 *  - data/DATE.md: "### [N] [Title](abs url)", "*A, B*", "Main category:",
 *    "TL;DR:", then in <details> "Motivation:", "Method:", "Result:",
 *    "Conclusion:" and "Abstract:".
 */
#include "ingest/fields.h"
#include "ingest/format.h"
#include "ingest/jsonl.h"
#include "ingest/mdtext.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

#include <string.h>

/* "### [12] [": an entry heading of the markdown. */
static int
is_entry(const char *s, size_t n)
{
	size_t i = 5;

	if (!lines_starts(s, n, "### ["))
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i > 5 && lines_starts(s + i, n - i, "] [");
}

/* Where the template's first marker is: its first JSON line, or its first entry heading. */
static size_t
arxivdaily_sniff(const char *head, size_t len, size_t before)
{
	size_t i = lines_skip_space(head, len);
	const char *nl;

	if (jsonl_lines(head, len)) {
		nl = memchr(head + i, '\n', len - i);
		len = nl ? (size_t)(nl - head) : len;
		return before > i && lines_has(head + i, len - i, "\"abs\":") &&
		    lines_has(head + i, len - i, "\"categories\":") ? i : SNIFF_NONE;
	}
	if (!lines_has(head, len, "### [1] ["))	/* a quick look before the scan by lines */
		return SNIFF_NONE;
	return formats_find_line(head, len, before, is_entry);
}

/* One paragraph of an entry: authors, a known "Label: text", or plain text. */
static void
entry_para(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n)
{
	const struct field *f;
	size_t ll, rest;

	lines_trim(&s, &n);
	if (n >= 2 && s[0] == '*' && s[n - 1] == '*' && s[1] != '*') {
		rec_authors(p, b, s + 1, n - 2);
		return;
	}
	f = fields_label(s, n, &ll, &rest);
	if (f == NULL) {
		rec_para(p, b, s, n);
		return;
	}
	if (f->role == ROLE_SECTION) {
		rec_into(p, b, "AI");
		rec_block(p, b, BLOCK_PARA, s, ll, s + rest, n - rest);
		rec_into(p, b, NULL);
	} else if (f->role == ROLE_SUMMARY) {
		rec_summary(p, b, s + rest, n - rest);
	} else if (!fields_apply_text(p, b, f, line, s + rest, n - rest)) {
		rec_block(p, b, BLOCK_PARA, s, ll, s + rest, n - rest);
	}
}

/* The paragraphs of an entry's body (blank lines and lines of HTML tags separate them). */
static void
entry_body(struct pctx *p, struct rec_build *b, struct lines *it, const char **s, size_t *n, int *more)
{
	const char *at = NULL, *end = NULL;
	size_t line = 0;

	while ((*more = lines_next(it, s, n)) != 0) {
		const char *l = *s;
		size_t ln = *n;

		if (ln && l[0] == '#')
			break;
		lines_trim(&l, &ln);
		if (ln == 0 || (l[0] == '<' && l[ln - 1] == '>')) {
			if (at)
				entry_para(p, b, line, at, (size_t)(end - at));
			at = NULL;
			continue;
		}
		if (at == NULL) {
			at = l;
			line = it->lineno;
		}
		end = l + ln;
	}
	if (at)
		entry_para(p, b, line, at, (size_t)(end - at));
}

/* The markdown day file. */
static void
parse_md(struct pctx *p)
{
	struct lines it;
	const char *s, *t, *u;
	size_t n, i, tn, un;
	int more;

	lines_init(&it, p->data, p->len, p->line_base);
	more = lines_next(&it, &s, &n);
	while (more) {
		struct rec_build b;

		if (!is_entry(s, n)) {
			more = lines_next(&it, &s, &n);
			continue;
		}
		rec_init(p, &b, it.lineno, p->source);
		i = 4;
		while (i < n && s[i] != ' ')	/* past "[12]" */
			i++;
		if (mdtext_next_link(s, n, &i, &t, &tn, &u, &un)) {
			b.r.title = pctx_inline(p, t, tn, TEXT_ONELINE);
			rec_link(p, &b, it.lineno, u, un, LINK_NKINDS);
		}
		entry_body(p, &b, &it, &s, &n, &more);
		if (b.r.title == NULL && b.r.id == NULL) {
			pctx_warn(p, b.r.line, "entry without a title: skipped");
			arena_reset(p->scratch, p->mark);
			continue;
		}
		pctx_emit(p, &b);
	}
}

/* Parse a daily-arXiv-ai-enhanced file: its JSON Lines or its markdown. */
static void
arxivdaily_parse(struct pctx *p)
{
	if (jsonl_lines(p->data, p->len))
		jsonl_read(p, p->source);
	else
		parse_md(p);
}

const struct ingest_format arxivdaily_format = { "daily-arxiv-ai", arxivdaily_sniff, arxivdaily_parse, NULL };
