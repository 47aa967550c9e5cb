/* ingest/fields.c: the table of field names per role (see fields.h).
 *
 * A sorted copy of the table's normalised names (made once, under
 * pthread_once) gives the lookup.  Reading a whole paper object through
 * the table is jsonrec.c's; labelled markdown values are read here.
 */
#include "ingest/fields.h"
#include "base/alloc.h"
#include "ingest/lines.h"
#include "ingest/mdtext.h"
#include "text/text.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>


#define NAME_MAX_BYTES 48

/* Every field name publishers were seen to use, by role; within a role by rank. */
static const struct field table[] = {
	/* title */
	{ "title", ROLE_TITLE, 0, NULL, LINK_NKINDS, 0 },
	{ "title_en", ROLE_TITLE, 1, NULL, LINK_NKINDS, 0 },
	{ "paper_title", ROLE_TITLE, 2, NULL, LINK_NKINDS, 0 },
	{ "原文标题", ROLE_TITLE, 0, NULL, LINK_NKINDS, 0 },
	{ "英文标题", ROLE_TITLE, 1, NULL, LINK_NKINDS, 0 },
	{ "original title", ROLE_TITLE, 0, NULL, LINK_NKINDS, 0 },
	/* summary */
	{ "summary", ROLE_SUMMARY, 0, NULL, LINK_NKINDS, 0 },
	{ "abstract", ROLE_SUMMARY, 1, NULL, LINK_NKINDS, 0 },
	{ "abstract_en", ROLE_SUMMARY, 2, NULL, LINK_NKINDS, 0 },
	{ "摘要", ROLE_SUMMARY, 3, NULL, LINK_NKINDS, 0 },
	{ "概要", ROLE_SUMMARY, 3, NULL, LINK_NKINDS, 0 },
	{ "요약", ROLE_SUMMARY, 3, NULL, LINK_NKINDS, 0 },
	/* authors */
	{ "authors", ROLE_AUTHORS, 0, NULL, LINK_NKINDS, 0 },
	{ "author", ROLE_AUTHORS, 1, NULL, LINK_NKINDS, 0 },
	{ "作者", ROLE_AUTHORS, 2, NULL, LINK_NKINDS, 0 },
	{ "저자", ROLE_AUTHORS, 2, NULL, LINK_NKINDS, 0 },
	{ "著者", ROLE_AUTHORS, 2, NULL, LINK_NKINDS, 0 },
	/* day: the day the paper was listed, never its arXiv date in an API element */
	{ "submittedOnDailyAt", ROLE_DAY, 0, NULL, LINK_NKINDS, 0 },
	{ "date", ROLE_DAY, 1, NULL, LINK_NKINDS, 0 },
	{ "scraped_date", ROLE_DAY, 2, NULL, LINK_NKINDS, 0 },
	{ "day", ROLE_DAY, 2, NULL, LINK_NKINDS, 0 },
	{ "publish_date", ROLE_DAY, 3, NULL, LINK_NKINDS, 0 },
	{ "日期", ROLE_DAY, 3, NULL, LINK_NKINDS, 0 },
	{ "投稿日", ROLE_DAY, 3, NULL, LINK_NKINDS, 0 },
	{ "publishedAt", ROLE_DAY, 4, NULL, LINK_NKINDS, FIELD_NOT_API },
	{ "published", ROLE_DAY, 4, NULL, LINK_NKINDS, FIELD_NOT_API },
	{ "scraped_at", ROLE_DAY, 5, NULL, LINK_NKINDS, 0 },
	/* votes */
	{ "votes", ROLE_VOTES, 0, NULL, LINK_NKINDS, 0 },
	{ "upvotes", ROLE_VOTES, 1, NULL, LINK_NKINDS, 0 },
	{ "stars", ROLE_VOTES, 2, NULL, LINK_NKINDS, 0 },
	/* id */
	{ "arxiv_id", ROLE_ID, 0, NULL, LINK_NKINDS, 0 },
	{ "id", ROLE_ID, 2, NULL, LINK_NKINDS, FIELD_QUIET },
	/* links */
	{ "link", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "url", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "paper_url", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "arxiv_url", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "arxiv_page_url", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "page_url", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "abs", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "论文链接", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "arXiv", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "論文", ROLE_LINK, 0, NULL, LINK_NKINDS, 0 },
	{ "pdf", ROLE_LINK, 0, NULL, LINK_PDF, 0 },
	{ "pdf_url", ROLE_LINK, 0, NULL, LINK_PDF, 0 },
	{ "github_repo", ROLE_LINK, 0, NULL, LINK_PROJECT, 0 },
	{ "github_urls", ROLE_LINK, 0, NULL, LINK_PROJECT, 0 },
	{ "github_links", ROLE_LINK, 0, NULL, LINK_PROJECT, 0 },
	{ "code", ROLE_LINK, 0, NULL, LINK_PROJECT, 0 },
	{ "code_url", ROLE_LINK, 0, NULL, LINK_PROJECT, 0 },
	{ "huggingface_urls", ROLE_LINK, 0, NULL, LINK_MODEL, 0 },
	{ "project_page", ROLE_LINK, 0, NULL, LINK_PROJECT, 0 },
	{ "thumbnail", ROLE_LINK, 0, NULL, LINK_THUMBNAIL, 0 },
	{ "mediaUrl", ROLE_LINK, 0, NULL, LINK_THUMBNAIL, 0 },
	{ "mediaUrls", ROLE_LINK, 0, NULL, LINK_THUMBNAIL, 0 },
	{ "poster_path", ROLE_LINK, 0, NULL, LINK_THUMBNAIL, 0 },
	/* categories */
	{ "classification", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	{ "categories", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	{ "category", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	{ "tags", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	{ "keywords", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	{ "main category", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	{ "カテゴリ", ROLE_CATS, 0, NULL, LINK_NKINDS, 0 },
	/* further summaries, named */
	{ "ai_summary", ROLE_MORE, 0, "ai_summary", LINK_NKINDS, 0 },
	{ "translation", ROLE_MORE, 0, "translation", LINK_NKINDS, 0 },
	{ "summary_zh", ROLE_MORE, 0, "translation", LINK_NKINDS, 0 },
	{ "abstract_zh", ROLE_MORE, 0, "translation", LINK_NKINDS, 0 },
	{ "ai_keywords", ROLE_KEYWORDS, 0, "Keywords", LINK_NKINDS, 0 },
	/* labelled sections of the AI summary, in any language */
	{ "translation_title", ROLE_SECTION, 0, "Title", LINK_NKINDS, 0 },
	{ "title_zh", ROLE_SECTION, 0, "Title", LINK_NKINDS, 0 },
	{ "title_ko", ROLE_SECTION, 0, "Title", LINK_NKINDS, 0 },
	{ "title_ja", ROLE_SECTION, 0, "Title", LINK_NKINDS, 0 },
	{ "tldr", ROLE_SECTION, 0, "TL;DR", LINK_NKINDS, 0 },
	{ "TL;DR", ROLE_SECTION, 0, "TL;DR", LINK_NKINDS, 0 },
	{ "purpose", ROLE_SECTION, 0, "Purpose", LINK_NKINDS, 0 },
	{ "motivation", ROLE_SECTION, 0, "Motivation", LINK_NKINDS, 0 },
	{ "method", ROLE_SECTION, 0, "Method", LINK_NKINDS, 0 },
	{ "result", ROLE_SECTION, 0, "Result", LINK_NKINDS, 0 },
	{ "results", ROLE_SECTION, 0, "Result", LINK_NKINDS, 0 },
	{ "conclusion", ROLE_SECTION, 0, "Conclusion", LINK_NKINDS, 0 },
	/* objects holding more of the paper */
	{ "paper", ROLE_NEST, 0, NULL, LINK_NKINDS, 0 },
	{ "details", ROLE_NEST, 0, NULL, LINK_NKINDS, 0 },
	{ "AI", ROLE_NEST, 0, NULL, LINK_NKINDS, 0 },
	{ "metadata", ROLE_NEST, 0, NULL, LINK_NKINDS, 0 },
};

#define NFIELDS (sizeof table / sizeof table[0])
#define NROLES (ROLE_NEST + 1)

/* A table row under its normalised name. */
struct entry {
	char key[NAME_MAX_BYTES];
	size_t len;
	const struct field *f;
};

static struct entry sorted[NFIELDS];
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

/* Normalise a name into out: ASCII lower case, no '_', '-' or ' '; 0 when too long. */
static size_t
normalise(const char *s, size_t n, char out[NAME_MAX_BYTES])
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '_' || c == '-' || c == ' ')
			continue;
		if (k == NAME_MAX_BYTES)
			return 0;
		out[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	return k;
}

/* Order entries by normalised name (bytes, then length). */
static int
entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	size_t m = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->key, y->key, m);

	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Build the sorted lookup once. */
static void
sort_table(void)
{
	size_t i;

	for (i = 0; i < NFIELDS; i++) {
		sorted[i].len = normalise(table[i].name, strlen(table[i].name), sorted[i].key);
		sorted[i].f = &table[i];
	}
	qsort(sorted, NFIELDS, sizeof sorted[0], entry_cmp);
}

/* The row for a field name. */
const struct field *
fields_find(const char *s, size_t n)
{
	struct entry want;
	const struct entry *e;

	pthread_once(&sorted_once, sort_table);
	want.len = normalise(s, n, want.key);
	if (want.len == 0)
		return NULL;
	e = bsearch(&want, sorted, NFIELDS, sizeof sorted[0], entry_cmp);
	return e ? e->f : NULL;
}

/* True when s names a paper by a title field spelt other than a JSON key ("原文标题：", "Original title:"). */
int
fields_title_label_in(const char *s, size_t n)
{
	size_t k;

	for (k = 0; k < NFIELDS; k++) {
		const char *name = table[k].name;

		if (table[k].role == ROLE_TITLE && (strchr(name, ' ') || (unsigned char)name[0] >= 0x80) &&
		    lines_has(s, n, name))
			return 1;
	}
	return 0;
}

/* Number of rows. */
size_t
fields_count(void)
{
	return NFIELDS;
}

/* Row i, in table order. */
const struct field *
fields_row(size_t i)
{
	return i < NFIELDS ? &table[i] : NULL;
}

/* Name of a role. */
const char *
fields_role_name(enum field_role r)
{
	static const char *const names[NROLES] = {
		"title", "summary", "authors", "day", "votes", "links", "id", "categories",
		"summaries", "sections", "keywords", "nested",
	};

	return (unsigned)r < NROLES ? names[r] : "?";
}

/* A paragraph opening with a known field name and a colon (see fields.h). */
const struct field *
fields_label(const char *s, size_t n, size_t *llen, size_t *rest)
{
	size_t i, e;

	for (i = 1; i < n && i < NAME_MAX_BYTES; i++) {
		if (s[i] == '\n')
			return NULL;
		if (s[i] == ':' && (i + 1 == n || s[i + 1] == ' '))
			*rest = i + 1;
		else if (i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0)
			*rest = i + 3;
		else
			continue;
		e = i;
		while (e > 0 && s[e - 1] == ' ')
			e--;
		*llen = e;
		while (*rest < n && s[*rest] == ' ')
			(*rest)++;
		return fields_find(s, e);
	}
	return NULL;
}

/* Apply a labelled markdown value by its row's role (see fields.h). */
int
fields_apply_text(struct pctx *p, struct rec_build *b, const struct field *f, size_t line,
    const char *s, size_t n)
{
	char iso[11];

	lines_trim(&s, &n);
	switch (f->role) {
	case ROLE_TITLE:
		if (b->r.title == NULL)
			b->r.title = pctx_inline(p, s, n, TEXT_ONELINE);
		return 1;
	case ROLE_AUTHORS:
		rec_authors(p, b, s, n);
		return 1;
	case ROLE_DAY:
		if (b->r.day == NULL && fields_day(s, n, iso))
			b->r.day = pctx_text(p, iso, 10, 0);
		return 1;
	case ROLE_CATS: {
		const char *t = pctx_inline(p, s, n, TEXT_ONELINE);
		size_t i = 0, tn = t ? strlen(t) : 0;

		while (i < tn) {
			const char *c = memchr(t + i, ',', tn - i);
			size_t e = c ? (size_t)(c - t) : tn;

			rec_cat(p, b, t + i, e - i);
			i = e + 1;
		}
		return 1;
	}
	case ROLE_ID:
	case ROLE_LINK: {
		struct buf id = BUF_INIT;
		const char *t = pctx_inline(p, s, n, TEXT_ONELINE);

		mdtext_links(p, b, line, s, n);
		if (f->role == ROLE_ID && b->r.id == NULL && t && link_arxiv_any_id(&id, t, strlen(t)))
			b->r.id = pctx_text(p, id.buf, id.len, 0);
		buf_free(&id);
		return 1;
	}
	default:
		return 0;
	}
}

/* The day a value names (see fields.h). */
int
fields_day(const char *s, size_t n, char out[11])
{
	char second[11];
	size_t i;

	while (n && (*s == ' ' || *s == '"' || *s == '\''))
		s++, n--;
	if (n >= 8 && (n == 8 || s[8] == ' ' || s[8] == 'T')) {
		for (i = 0; i < 8 && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == 8) {
			/* YYYYMMDD: as YYYY-MM-DD, checked by find_iso_date */
			char iso[10] = { s[0], s[1], s[2], s[3], '-', s[4], s[5], '-', s[6], s[7] };

			return lines_find_date(iso, 10, out);
		}
	}
	if (!lines_find_date(s, n, out))
		return 0;
	/* a range "A ~ B" names no one day */
	for (i = 0; i + 10 <= n && memcmp(s + i, out, 10) != 0; i++)
		;
	return !lines_find_date(s + i + 10, n - i - 10, second);
}

