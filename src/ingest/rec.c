/* ingest/rec.c: the record builder: authors, categories, summary blocks and links. */
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

#include <string.h>
#include <strings.h>

/* Start a record. */
void
rec_init(struct pctx *p, struct rec_build *b, size_t line, const char *source)
{
	memset(b, 0, sizeof *b);
	b->r.file = p->file;
	b->r.line = line;
	b->r.votes = -1;
	b->r.source = source;
}

/* Links and categories per record; beyond this they are dropped with a warning
 * (de-duplication is quadratic, and no real paper comes close). */
#define REC_MAX_ITEMS 1000

/* Append val to an array of the record, held in the scratch arena. */
#define REC_PUSH(p, arr, n, cap, val) do { \
	ARENA_GROW((p)->scratch, (arr), (n), (n) + 1, (cap)); \
	(arr)[(n)++] = (val); \
} while (0)

/* Not a value: empty or N/A. */
static int
is_na(const char *s)
{
	return s == NULL || strcmp(s, "N/A") == 0 || strcmp(s, "n/a") == 0 ||
	    strcmp(s, "-") == 0 || strcmp(s, "None") == 0;
}

/*
 * One item of a list (an author, a category) cleaned into scratch memory:
 * trimmed, list-literal quotes ('Name' or "Name") stripped; NULL when
 * empty or N/A.
 */
static const char *
list_item(struct pctx *p, const char *s, size_t n)
{
	const char *t;

	lines_trim(&s, &n);
	if (n >= 2 && (s[0] == '\'' || s[0] == '"') && s[n - 1] == s[0])
		s++, n -= 2;
	t = pctx_inline(p, s, n, TEXT_ONELINE);
	return is_na(t) ? NULL : t;
}

/* Length of an "et al." marker ending s[0..n) ("et al.", "et.al.", "et. al"), else 0. */
static size_t
et_al_tail(const char *s, size_t n)
{
	static const char *const marks[] = { "et al.", "et al", "et.al.", "et.al", "et. al.", "et. al" };
	size_t k, m;

	if (n < 5 || (s[n - 1] != '.' && (s[n - 1] | 0x20) != 'l'))
		return 0;	/* every marker ends in '.' or 'l' */
	for (k = 0; k < sizeof marks / sizeof marks[0]; k++) {
		m = strlen(marks[k]);
		if (n >= m && strncasecmp(s + n - m, marks[k], m) == 0 &&
		    (n == m || s[n - m - 1] == ' ' || s[n - m - 1] == ','))
			return m;
	}
	return 0;
}

/* Add one author. */
void
rec_author(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	const char *t;
	size_t cut;

	if (p->light)	/* a light library keeps no authors */
		return;
	lines_trim(&s, &n);
	/* "A et al.": the source shortened the list */
	if ((cut = et_al_tail(s, n)) > 0) {
		b->r.authors_cut = 1;
		n -= cut;
		lines_trim(&s, &n);
	}
	if (lines_starts(s, n, "and "))	/* "A, B, and C" */
		s += 4, n -= 4;
	t = list_item(p, s, n);
	if (t == NULL)
		return;
	REC_PUSH(p, b->authors, b->nauthors, b->aauthors, t);
}

/* End of the author name starting at s[i]: the next ',' or " and ". */
static size_t
author_end(const char *s, size_t n, size_t i)
{
	for (; i < n; i++) {
		if (s[i] == ',')
			return i;
		if (s[i] == ' ' && i + 5 <= n && memcmp(s + i, " and ", 5) == 0)
			return i;
	}
	return n;
}

/* Split a list of authors: commas and " and ". */
void
rec_authors(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	size_t i = 0;

	if (p->light)	/* a light library keeps no authors */
		return;
	lines_trim(&s, &n);
	/* "['A', 'B']": a Python list literal */
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
		s++, n -= 2;
	while (i < n) {
		size_t e = author_end(s, n, i);

		rec_author(p, b, s + i, e - i);
		i = e + (e < n && s[e] == ' ' ? 5 : 1);
	}
}

/* Add a category unless empty or already there. */
void
rec_cat(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	const char *t;
	size_t k;

	t = list_item(p, s, n);
	if (t == NULL)
		return;
	for (k = 0; k < b->ncats; k++)
		if (strcmp(b->cats[k], t) == 0)
			return;
	if (b->ncats >= REC_MAX_ITEMS) {
		if (!b->warned_cats)
			pctx_warn(p, b->r.line, "more than %d categories: the rest dropped", REC_MAX_ITEMS);
		b->warned_cats = 1;
		return;
	}
	REC_PUSH(p, b->cats, b->ncats, b->acats, t);
}

/* Send further blocks to the summary called name (NULL: the main one). */
void
rec_into(struct pctx *p, struct rec_build *b, const char *name)
{
	size_t k;

	b->into = NULL;
	if (name == NULL)
		return;
	for (k = 0; k < b->nmore; k++)
		if (strcmp(b->more[k].name, name) == 0) {
			b->into = &b->more[k];
			return;
		}
	ARENA_GROW(p->scratch, b->more, b->nmore, b->nmore + 1, b->amore);
	b->into = &b->more[b->nmore++];
	memset(b->into, 0, sizeof *b->into);
	b->into->name = name;
}

/*
 * True when a light library keeps the text of b's record: it has no id
 * and no title key (only punctuation, say), so its text is its identity.
 */
static int
light_keeps_text(const struct rec_build *b)
{
	return b->r.id == NULL && (b->r.title == NULL || !text_has_title_key(b->r.title, strlen(b->r.title)));
}

/* Add a summary block, to the further summary being filled when there is one. */
void
rec_block(struct pctx *p, struct rec_build *b, enum block_kind k,
    const char *label, size_t llen, const char *s, size_t n)
{
	struct block blk;

	blk.kind = k;
	if (b->into && p->light)
		return;		/* a light library keeps no further summary */
	if (!b->into && p->light && !light_keeps_text(b)) {
		/* the text will not be kept: only whether there is some matters */
		if (lines_blank(s, n) && label == NULL)
			return;
		blk.label = NULL;
		blk.text = "";
		REC_PUSH(p, b->blocks, b->nblocks, b->ablocks, blk);
		return;
	}
	blk.label = label ? pctx_inline(p, label, llen, TEXT_ONELINE) : NULL;
	blk.text = pctx_inline(p, s, n, TEXT_ONELINE);
	if (blk.text == NULL) {
		if (blk.label == NULL)
			return;
		blk.text = "";
	}
	if (b->into)
		REC_PUSH(p, b->into->blocks, b->into->nblocks, b->into->ablocks, blk);
	else
		REC_PUSH(p, b->blocks, b->nblocks, b->ablocks, blk);
}

/* Add a link, or warn and drop it. */
void
rec_link(struct pctx *p, struct rec_build *b, size_t line,
    const char *s, size_t n, enum link_kind hint)
{
	const char *why = NULL;
	struct link l;
	size_t k;

	lines_trim(&s, &n);
	if (n == 0 || (n == 1 && s[0] == '-') ||
	    (n == 3 && (memcmp(s, "N/A", 3) == 0 || memcmp(s, "n/a", 3) == 0)) ||
	    (n == 4 && (memcmp(s, "null", 4) == 0 || memcmp(s, "None", 4) == 0)))
		return;
	buf_setlen(&p->tmp, 0);
	if (!link_normalise(&p->tmp, s, n, &why)) {
		size_t show = n > 80 ? 80 : n;

		pctx_warn(p, line, "dropped link '%.*s%s': %s", (int)show, s,
		    show < n ? "..." : "", why);
		return;
	}
	l.url = arena_strndup(p->scratch, p->tmp.buf, p->tmp.len);
	l.kind = link_classify(l.url);
	if (hint == LINK_THUMBNAIL || (l.kind == LINK_OTHER && hint != LINK_NKINDS))
		l.kind = hint;
	if (b->r.id == NULL && (l.kind == LINK_ARXIV || l.kind == LINK_PDF ||
	    l.kind == LINK_HUGGINGFACE)) {
		buf_setlen(&p->tmp, 0);
		if (link_arxiv_id(&p->tmp, l.url, strlen(l.url)))
			b->r.id = arena_strndup(p->scratch, p->tmp.buf, p->tmp.len);
	}
	for (k = 0; k < b->nlinks; k++)
		if (strcmp(b->links[k].url, l.url) == 0)
			return;
	if (b->nlinks >= REC_MAX_ITEMS) {
		if (!b->warned_links)
			pctx_warn(p, line, "more than %d links: the rest dropped", REC_MAX_ITEMS);
		b->warned_links = 1;
		return;
	}
	REC_PUSH(p, b->links, b->nlinks, b->alinks, l);
}

/*
 * Split a bullet "**Label**: text" / "***Label***: text" / "***Label*: text"
 * (also with the full-width colon "：") into label and text.  Returns 1 when
 * a label was found.
 */
int
rec_split_label(const char *s, size_t n, const char **label, size_t *llen,
    const char **rest, size_t *rlen)
{
	size_t i = 0, stars = 0, a, e;

	while (i < n && s[i] == '*' && stars < 3)
		i++, stars++;
	if (stars < 2)
		return 0;
	a = i;
	while (i < n && s[i] != '*' && s[i] != '\n' && i - a < 80)
		i++;
	if (i >= n || s[i] != '*' || i == a)
		return 0;
	e = i;
	while (i < n && s[i] == '*')
		i++;
	/* "**Label:** text" has the colon inside; "：" is the full-width colon */
	while (e > a && (s[e - 1] == ' ' || s[e - 1] == ':' ||
	    (e - a >= 3 && memcmp(s + e - 3, "\xEF\xBC\x9A", 3) == 0)))
		e -= s[e - 1] == '\x9A' ? 3 : 1;
	while (i < n && (s[i] == ' ' || s[i] == ':' ||
	    (i + 3 <= n && memcmp(s + i, "\xEF\xBC\x9A", 3) == 0)))
		i += s[i] == '\xEF' ? 3 : 1;
	if (e == a)
		return 0;
	*label = s + a;
	*llen = e - a;
	*rest = s + i;
	*rlen = n - i;
	return 1;
}

/* Add one block of kind k, with its "**Label**: text" label when it has one. */
static void
labelled(struct pctx *p, struct rec_build *b, enum block_kind k, const char *s, size_t n)
{
	const char *label, *rest;
	size_t llen, rlen;

	lines_trim(&s, &n);
	if (rec_split_label(s, n, &label, &llen, &rest, &rlen))
		rec_block(p, b, k, label, llen, rest, rlen);
	else
		rec_block(p, b, k, NULL, 0, s, n);
}

/* Add one bullet, with its label when it has one. */
void
rec_bullet(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	labelled(p, b, BLOCK_BULLET, s, n);
}

/* Add one paragraph, with its "**Label**: text" label when it has one. */
void
rec_para(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	labelled(p, b, BLOCK_PARA, s, n);
}

/* Position just after a " - " that starts a new run-together bullet, or n. */
static size_t
next_inline_bullet(const char *s, size_t n, size_t from)
{
	size_t i;

	for (i = from; i + 2 < n; i++) {
		size_t k;

		if (s[i] != ' ' || s[i + 1] != '-' || s[i + 2] != ' ')
			continue;
		/* the previous non-blank character must end a sentence */
		k = i;
		while (k > from && s[k - 1] == ' ')
			k--;
		if (k > from && strchr(".!?)\"'%:;]", s[k - 1]))
			return i;
	}
	return n;
}

/* Add a summary: bullets (one a line, or run together) or paragraphs. */
void
rec_summary(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	struct lines it;
	const char *l;
	size_t ln, i;
	int bullets = 0;

	/* a light library keeps no text of a paper known by id or title, and blocks never warn */
	if (p->light && !light_keeps_text(b))
		return;
	lines_trim(&s, &n);
	while (n && (*s == '\n' || *s == ' '))
		s++, n--;
	if (n == 0)
		return;
	bullets = (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') ||
	    (n >= 4 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0);
	if (!bullets) {
		/* paragraphs separated by blank lines */
		size_t start = 0;

		lines_init(&it, s, n, 1);
		while (1) {
			int more = lines_next(&it, &l, &ln);
			size_t at = more ? (size_t)(l - s) : n;

			if (!more || lines_blank(l, ln)) {
				if (at > start)
					rec_block(p, b, BLOCK_PARA, NULL, 0, s + start, at - start);
				if (!more)
					break;
				start = it.pos;
			}
		}
		return;
	}
	lines_init(&it, s, n, 1);
	while (lines_next(&it, &l, &ln)) {
		lines_trim(&l, &ln);
		if (ln == 0)
			continue;
		if (ln >= 2 && (l[0] == '-' || l[0] == '*') && l[1] == ' ')
			l += 2, ln -= 2;
		else if (ln >= 4 && memcmp(l, "\xe2\x80\xa2 ", 4) == 0)
			l += 4, ln -= 4;
		i = 0;
		while (i < ln) {
			size_t e = next_inline_bullet(l, ln, i);

			rec_bullet(p, b, l + i, e - i);
			i = e < ln ? e + 3 : ln;
		}
	}
}

