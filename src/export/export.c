/* export/export.c: BibTeX, Markdown and JSON Lines output of a list of papers. */
#include "export/export.h"
#include "base/hashmap.h"
#include "export/dump.h"
#include "text/text.h"
#include "text/width.h"

#include <stdlib.h>
#include <string.h>

static const char *const fmt_names[EXPORT_NFORMATS] = { "bibtex", "markdown", "jsonl" };

static void summary_line(struct buf *out, const struct summary *s, size_t cells);

/* Look up a format name. */
int
export_fmt_parse(const char *name, enum export_fmt *f)
{
	int i;

	for (i = 0; i < EXPORT_NFORMATS; i++)
		if (strcmp(name, fmt_names[i]) == 0) {
			*f = (enum export_fmt)i;
			return 0;
		}
	return -1;
}

/* The name of a format. */
const char *
export_fmt_name(enum export_fmt f)
{
	return (unsigned)f < EXPORT_NFORMATS ? fmt_names[f] : "?";
}

/* The year of a paper: from a new- or old-style arXiv id, else its earliest dated day; 0 when unknown. */
static int
paper_year(const struct lib *lib, const struct paper *p)
{
	size_t i;

	if (p->id) {
		const char *s = strchr(p->id, '/');
		const char *d = s ? s + 1 : p->id;

		if (d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9') {
			int yy = (d[0] - '0') * 10 + (d[1] - '0');

			return s && yy >= 91 ? 1900 + yy : 2000 + yy;
		}
	}
	for (i = p->ndays; i-- > 0;) {
		const struct day *d = lib_day(lib, p->days[i]);

		if (d && d->kind == DAY_DATED)
			return (d->label[0] - '0') * 1000 + (d->label[1] - '0') * 100 +
			    (d->label[2] - '0') * 10 + (d->label[3] - '0');
	}
	return 0;
}

/* Append the lowercase ASCII letters and digits of s[0..n). */
static void
ascii_alnum(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z')
			buf_addch(out, (char)(c - 'A' + 'a'));
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			buf_addch(out, c);
	}
}

/* Append the characters of s a BibTeX citation key may hold (letters, digits, . / - _). */
static void
key_chars(struct buf *out, const char *s)
{
	for (; *s; s++)
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '.' || *s == '/' || *s == '-' || *s == '_')
			buf_addch(out, *s);
}

/* True for short words that make poor citation keys. */
static int
stopword(const char *s, size_t n)
{
	static const char *const w[] = {
		"a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "towards", "toward",
	};
	size_t i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (strlen(w[i]) == n && memcmp(s, w[i], n) == 0)
			return 1;
	return 0;
}

/* Append the citation key. */
void
export_bibtex_key(struct buf *out, const struct lib *lib, const struct paper *p)
{
	size_t start = out->len;
	int year;

	if (p->id) {
		buf_puts(out, "arXiv:");
		key_chars(out, p->id);
		return;
	}
	if (p->nauthors) {
		const char *a = p->authors[0], *last = strrchr(a, ' ');

		last = last ? last + 1 : a;
		ascii_alnum(out, last, strlen(last));
	}
	year = paper_year(lib, p);
	if (year > 0)
		buf_printf(out, "%d", year);
	if (p->title) {
		struct buf w = BUF_INIT;
		const char *s = p->title;

		buf_init(&w);
		while (*s) {
			size_t n = strcspn(s, " \t-:/");

			buf_setlen(&w, 0);
			ascii_alnum(&w, s, n);
			if (w.len && !stopword(w.buf, w.len)) {
				buf_add(out, w.buf, w.len);
				break;
			}
			s += n;
			if (*s)
				s++;
		}
		buf_free(&w);
	}
	if (out->len == start)
		buf_puts(out, "paper");
	buf_printf(out, "-%06llx", (unsigned long long)(hash_str(p->key) >> 40));
}

/*
 * Append s with the BibTeX/LaTeX specials escaped.  BibTeX counts every
 * brace, escaped or not, to find where a field ends, so a brace in the
 * text becomes \textbraceleft{} or \textbraceright{}: the only braces
 * in a field are empty pairs, and every field is balanced whatever the
 * input.
 */
static void
bib_escape(struct buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': case '&': case '#': case '_': case '$':
			buf_addch(out, '\\');
			buf_addch(out, *s);
			break;
		case '{': buf_puts(out, "\\textbraceleft{}"); break;
		case '}': buf_puts(out, "\\textbraceright{}"); break;
		case '\\': buf_puts(out, "\\textbackslash{}"); break;
		case '~': buf_puts(out, "\\textasciitilde{}"); break;
		case '^': buf_puts(out, "\\textasciicircum{}"); break;
		case '\n': case '\t': case '\r': buf_addch(out, ' '); break;
		default: buf_addch(out, *s);
		}
	}
}

/* True when s[0..n) is word (ASCII, any case). */
static int
word_is(const char *s, size_t n, const char *word)
{
	size_t i;

	if (n != strlen(word))
		return 0;
	for (i = 0; i < n; i++)
		if ((s[i] | 0x20) != word[i])
			return 0;
	return 1;
}

/*
 * True when BibTeX would not read the name as one person: it splits an
 * author list at "and" between blanks in any case, reads commas as
 * "Last, First" separators and "others" as "et al.".
 */
static int
name_needs_braces(const char *name)
{
	const char *s = name;

	if (strchr(name, ','))
		return 1;
	while (*s) {
		size_t n = strcspn(s, " \t\n\r");

		if (word_is(s, n, "and") || (s == name && !s[n] && word_is(s, n, "others")))
			return 1;
		s += n;
		s += strspn(s, " \t\n\r");
	}
	return 0;
}

/* Append a URL for a BibTeX url field: braces and backslashes percent-encoded. */
static void
bib_url(struct buf *out, const char *u)
{
	for (; *u; u++) {
		if (*u == '{' || *u == '}' || *u == '\\')
			buf_printf(out, "%%%02X", (unsigned char)*u);
		else
			buf_addch(out, *u);
	}
}

/* The best link of a paper: arXiv abstract page, then pdf, Hugging Face, any; NULL when none. */
static const char *
best_link(const struct paper *p, struct buf *tmp)
{
	static const enum link_kind order[] = { LINK_ARXIV, LINK_PDF, LINK_HUGGINGFACE };
	size_t i, k;

	if (p->id) {
		buf_setlen(tmp, 0);
		buf_printf(tmp, "https://arxiv.org/abs/%s", p->id);
		return tmp->buf;
	}
	for (k = 0; k < sizeof order / sizeof order[0]; k++)
		for (i = 0; i < p->nlinks; i++)
			if (p->links[i].kind == order[k])
				return p->links[i].url;
	for (i = 0; i < p->nlinks; i++)
		if (p->links[i].kind != LINK_THUMBNAIL)
			return p->links[i].url;
	return NULL;
}

/* One @misc entry. */
static void
bibtex_entry(struct buf *out, const struct lib *lib, const struct paper *p, const char *key, struct buf *tmp)
{
	const char *url;
	size_t i;
	int year = paper_year(lib, p);

	buf_printf(out, "@misc{%s,\n", key);
	if (p->title) {
		buf_puts(out, "  title = {");
		bib_escape(out, p->title);
		buf_puts(out, "},\n");
	} else if (p->nsums) {
		/* an untitled abstract: the start of its text is the title */
		buf_setlen(tmp, 0);
		summary_line(tmp, &p->sums[0], EXPORT_TITLE_CELLS);
		buf_puts(out, "  title = {");
		bib_escape(out, tmp->buf);
		buf_puts(out, "},\n  note = {untitled abstract},\n");
	}
	if (p->nauthors) {
		buf_puts(out, "  author = {");
		for (i = 0; i < p->nauthors; i++) {
			/* braced so that it stays one name */
			int brace = name_needs_braces(p->authors[i]);

			if (i)
				buf_puts(out, " and ");
			if (brace)
				buf_addch(out, '{');
			bib_escape(out, p->authors[i]);
			if (brace)
				buf_addch(out, '}');
		}
		buf_puts(out, "},\n");
	}
	if (year > 0)
		buf_printf(out, "  year = {%d},\n", year);
	url = best_link(p, tmp);
	if (p->id) {
		buf_puts(out, "  eprint = {");
		bib_escape(out, p->id);
		buf_puts(out, "},\n  archivePrefix = {arXiv},\n");
	}
	if (url) {
		buf_puts(out, "  url = {");
		bib_url(out, url);
		buf_puts(out, "},\n");
	}
	buf_puts(out, "}\n");
}

/* Order of strings for finding duplicate keys. */
static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Every paper as @misc, a blank line between entries. */
static void
export_bibtex(struct buf *out, const struct lib *lib, const struct paper *const *v, size_t n)
{
	struct buf keys = BUF_INIT, tmp = BUF_INIT;
	size_t *off = xcalloc(n ? n : 1, sizeof *off);
	const char **sorted = xcalloc(n ? n : 1, sizeof *sorted);
	size_t i;
	int dups = 0;

	buf_init(&keys);
	buf_init(&tmp);
	for (i = 0; i < n; i++) {
		off[i] = keys.len;
		export_bibtex_key(&keys, lib, v[i]);
		buf_addch(&keys, '\0');
	}
	for (i = 0; i < n; i++)
		sorted[i] = keys.buf + off[i];
	qsort(sorted, n, sizeof *sorted, str_cmp);
	for (i = 1; i < n; i++)
		dups |= strcmp(sorted[i - 1], sorted[i]) == 0;
	for (i = 0; i < n; i++) {
		const char *key = keys.buf + off[i];
		struct buf uniq = BUF_INIT;
		size_t k, seen = 0;

		buf_init(&uniq);
		/* the same paper twice in the list, or a hash collision: number the repeats */
		for (k = 0; dups && k < i; k++)
			seen += strcmp(keys.buf + off[k], key) == 0;
		if (seen)
			buf_printf(&uniq, "%s-%zu", key, seen + 1);
		if (i)
			buf_addch(out, '\n');
		bibtex_entry(out, lib, v[i], seen ? uniq.buf : key, &tmp);
		buf_free(&uniq);
	}
	free(sorted);
	free(off);
	buf_free(&keys);
	buf_free(&tmp);
}

/*
 * Append s with the Markdown specials escaped: & < > as HTML entities
 * (so no renderer reads a tag or an entity in them), the others with a
 * backslash; newlines and tabs become spaces.
 */
static void
md_escape(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '&')
			buf_puts(out, "&amp;");
		else if (c == '<')
			buf_puts(out, "&lt;");
		else if (c == '>')
			buf_puts(out, "&gt;");
		else if (c != '\0' && strchr("\\`*_[]|", c))
			buf_printf(out, "\\%c", c);
		else
			buf_addch(out, c == '\n' || c == '\t' || c == '\r' ? ' ' : c);
	}
}

/* Append a URL for a Markdown link: parentheses, angle brackets and spaces percent-encoded. */
static void
md_url(struct buf *out, const char *u)
{
	for (; *u; u++) {
		if (*u == '(' || *u == ')' || *u == '<' || *u == '>' || *u == ' ')
			buf_printf(out, "%%%02X", (unsigned char)*u);
		else
			buf_addch(out, *u);
	}
}

/* The summary in the first language of the list lang that has one, else the first; NULL when none. */
static const struct summary *
pick_summary(const struct paper *p, const char *lang)
{
	if (p->nsums == 0)
		return NULL;
	return &p->sums[lib_summary_for(p, lang)];
}

/* Append the summary on one line, cut to at most cells cells at a space with "…" (not escaped). */
static void
summary_line(struct buf *out, const struct summary *s, size_t cells)
{
	struct buf flat = BUF_INIT, sq = BUF_INIT;
	size_t i;

	buf_init(&flat);
	buf_init(&sq);
	if (s->nblocks) {
		for (i = 0; i < s->nblocks; i++) {
			if (flat.len)
				buf_addch(&flat, ' ');
			buf_puts(&flat, s->blocks[i].text);
		}
	} else if (s->text) {
		buf_puts(&flat, s->text);
	}
	text_clean(&sq, flat.buf, flat.len, TEXT_ONELINE | TEXT_SQUEEZE);
	if (width_of(sq.buf, sq.len) <= cells) {
		buf_add(out, sq.buf, sq.len);
	} else {
		struct width_lines l = { NULL, 0, 0 };

		width_wrap(&l, sq.buf, sq.len, cells - 1);
		if (l.n)
			buf_add(out, sq.buf + l.v[0].off, l.v[0].len);
		buf_puts(out, "\xE2\x80\xA6");
		width_lines_free(&l);
	}
	buf_free(&flat);
	buf_free(&sq);
}

/* Append the summary on one line, cut to EXPORT_MD_CELLS cells, Markdown escaped. */
static void
one_line(struct buf *out, const struct summary *s)
{
	struct buf line = BUF_INIT;

	buf_init(&line);
	summary_line(&line, s, EXPORT_MD_CELLS);
	md_escape(out, line.buf, line.len);
	buf_free(&line);
}

/* "- [Title](link) — summary" per paper. */
static void
export_markdown(struct buf *out, const struct paper *const *v, size_t n, const char *lang)
{
	struct buf tmp = BUF_INIT;
	size_t i;

	buf_init(&tmp);
	for (i = 0; i < n; i++) {
		const struct paper *p = v[i];
		const char *title = p->title ? p->title : "(untitled)";
		const char *url = best_link(p, &tmp);
		const struct summary *s = pick_summary(p, lang);

		buf_puts(out, "- ");
		if (url)
			buf_addch(out, '[');
		md_escape(out, title, strlen(title));
		if (url) {
			buf_puts(out, "](");
			md_url(out, url);
			buf_addch(out, ')');
		}
		if (s && ((s->text && *s->text) || s->nblocks)) {
			buf_puts(out, " \xE2\x80\x94 ");
			one_line(out, s);
		}
		buf_addch(out, '\n');
	}
	buf_free(&tmp);
}

/* Append the papers in format f. */
void
export_papers(struct buf *out, enum export_fmt f, const struct lib *lib,
    const struct marks *st, const char *lang, const struct paper *const *v, size_t n)
{
	size_t i;

	switch (f) {
	case EXPORT_BIBTEX:
		export_bibtex(out, lib, v, n);
		break;
	case EXPORT_MARKDOWN:
		export_markdown(out, v, n, lang);
		break;
	case EXPORT_JSONL:
	default:
		for (i = 0; i < n; i++) {
			dump_paper(out, lib, st, v[i]);
			buf_addch(out, '\n');
		}
		break;
	}
}
