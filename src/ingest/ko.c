/* ingest/ko.c: Korean digests ("## Daily Papers (YYYY-MM-DD)", "### [title](url)").
 *
 * An entry runs from its "###" heading to the next heading.  Inside it:
 * a thumbnail "![](url)", "[Watch Video](url)" or an embedded <video>,
 * "Vote: N" (or "-"), "Authors: ...", then bullets, plain or labelled
 * ("***What's New***: ..."), kept as summary blocks.
 */
#include "ingest/format.h"
#include "ingest/pctx.h"
#include "ingest/rec.h"
#include "ingest/lines.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* Split "[title](url)" (the title may hold brackets): find the last "](". */
static int
heading_link(const char *s, size_t n, const char **t, size_t *tn, const char **u, size_t *un)
{
	size_t i, close;

	lines_trim(&s, &n);
	/* "[12] [title](url)": a number in brackets before the link */
	for (i = 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (n > 0 && s[0] == '[' && i > 1 && i + 2 < n && s[i] == ']' && s[i + 1] == ' ' && s[i + 2] == '[')
		s += i + 2, n -= i + 2;
	close = n;
	if (n < 4 || s[0] != '[' || s[n - 1] != ')')
		return 0;
	for (i = n - 1; i > 0; i--)
		if (s[i - 1] == ']' && s[i] == '(') {
			close = i - 1;
			break;
		}
	if (close == n)
		return 0;
	*t = s + 1;
	*tn = close - 1;
	*u = s + close + 2;
	*un = n - 1 - (close + 2);
	return 1;
}

/* The value of src="..." or src='...' in an HTML line. */
static int
html_src(const char *s, size_t n, const char **u, size_t *un)
{
	size_t i;

	for (i = 0; i + 5 < n; i++)
		if (memcmp(s + i, "src=", 4) == 0 && (s[i + 4] == '"' || s[i + 4] == '\'')) {
			char q = s[i + 4];
			const char *e = memchr(s + i + 5, q, n - i - 5);

			if (e == NULL)
				return 0;
			*u = s + i + 5;
			*un = (size_t)(e - *u);
			return 1;
		}
	return 0;
}

/* Parse "Vote: N"; -1 for "-" or junk (warned). */
static long
parse_votes(struct pctx *p, size_t line, const char *s, size_t n)
{
	long v = 0;
	size_t i;

	lines_trim(&s, &n);
	if (n == 0 || (n == 1 && s[0] == '-'))
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9' || v > 100000000) {
			pctx_warn(p, line, "vote count '%.*s' is not a number: ignored",
			    (int)(n > 40 ? 40 : n), s);
			return -1;
		}
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* A "#" heading ("## ..." or "# ..."): it ends the entry before it. */
static int
is_heading(const char *s, size_t n)
{
	return n >= 2 && s[0] == '#' && (s[1] == '#' || s[1] == ' ');
}

/* Emit the entry, or skip it with a warning when it has no title. */
static void
ko_close(struct pctx *p, struct rec_build *b)
{
	if (b->r.title == NULL && b->r.id == NULL) {
		pctx_warn(p, b->r.line, "entry without a title: skipped");
		arena_reset(p->scratch, p->mark);
		memset(b, 0, sizeof *b);
	} else {
		pctx_emit(p, b);
	}
}

/* Start an entry at its "### " heading (s: the text after it). */
static void
ko_entry(struct pctx *p, struct rec_build *b, size_t line, const char *day, const char *s, size_t n)
{
	const char *t, *u;
	size_t tn, un;

	rec_init(p, b, line, "ko-digest");
	b->r.day = day;
	if (heading_link(s, n, &t, &tn, &u, &un)) {
		b->r.title = pctx_inline(p, t, tn, TEXT_ONELINE);
		rec_link(p, b, line, u, un, LINK_NKINDS);
	} else {
		b->r.title = pctx_inline(p, s, n, TEXT_ONELINE);
	}
}

/* A thumbnail line "![](url)"; a site-relative URL is on huggingface.co. */
static void
ko_image(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n)
{
	const char *c = memchr(s, '(', n);

	if (c && s[n - 1] == ')' && c[1] == '/' && c[2] != '/') {
		/* a site-relative image of the Hugging Face page the digest was made from */
		struct buf u = BUF_INIT;

		buf_init(&u);
		buf_puts(&u, "https://huggingface.co");
		buf_add(&u, c + 1, (size_t)(s + n - 1 - (c + 1)));
		rec_link(p, b, line, u.buf, u.len, LINK_THUMBNAIL);
		buf_free(&u);
	} else if (c && s[n - 1] == ')') {
		rec_link(p, b, line, c + 1, (size_t)(s + n - 1 - (c + 1)), LINK_THUMBNAIL);
	} else {
		pctx_warn(p, line, "malformed image line: ignored");
	}
}

/* [Watch Video](url) or the malformed [Watch Video]url: 1 when it was such a link. */
static int
ko_video(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n)
{
	const char *rb = memchr(s, ']', n), *u;
	size_t un;

	if (rb == NULL || (size_t)(rb - s) + 1 >= n)
		return 0;
	u = rb + 1;
	un = n - (size_t)(u - s);
	if (*u == '(' && s[n - 1] == ')')
		u++, un -= 2;
	if (un <= 4 || !(lines_starts(u, un, "http") || memchr(u, '.', un)))
		return 0;
	rec_link(p, b, line, u, un, LINK_OTHER);
	return 1;
}

/* Bullets "- ", "* ", "1. " and "1) " become bullets, the rest paragraphs. */
static void
ko_text(struct pctx *p, struct rec_build *b, const char *s, size_t n)
{
	size_t i = 0;

	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
		rec_bullet(p, b, s + 2, n - 2);
		return;
	}
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
		rec_bullet(p, b, s, n);
	else
		rec_block(p, b, BLOCK_PARA, NULL, 0, s, n);
}

/* A line inside an entry. */
static void
ko_line(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n)
{
	const char *u;
	size_t un;

	lines_trim(&s, &n);
	if (n == 0)
		return;
	if (lines_starts(s, n, "![")) {
		ko_image(p, b, line, s, n);
	} else if (lines_starts(s, n, "Vote:")) {
		long v = parse_votes(p, line, s + 5, n - 5);

		if (v > b->r.votes)
			b->r.votes = v;
	} else if (lines_starts(s, n, "Authors:")) {
		rec_authors(p, b, s + 8, n - 8);
	} else if (s[0] == '<') {
		if (html_src(s, n, &u, &un))
			rec_link(p, b, line, u, un, LINK_OTHER);
	} else if (!(s[0] == '[' && !lines_starts(s, n, "[[") && ko_video(p, b, line, s, n))) {
		ko_text(p, b, s, n);
	}
}

/* Parse a Korean digest. */
static void
ko_parse(struct pctx *p)
{
	struct lines it;
	const char *s, *day = NULL;
	size_t n;
	struct rec_build b;
	int open = 0, more = 1;
	struct arena_mark daymark = arena_mark(p->scratch);

	p->mark = daymark;
	lines_init(&it, p->data, p->len, 1);
	while (more) {
		more = lines_next(&it, &s, &n);
		if (open && (!more || is_heading(s, n))) {
			ko_close(p, &b);
			open = 0;
		}
		if (!more)
			break;
		if (lines_starts(s, n, "### ")) {
			ko_entry(p, &b, it.lineno, day, s + 4, n - 4);
			open = 1;
		} else if (is_heading(s, n)) {
			day = pctx_day(p, daymark, s, n);	/* "## Daily Papers (2024-05-06)" */
		} else if (!open) {
			if (!lines_blank(s, n))
				pctx_warn(p, it.lineno, "text outside an entry: ignored");
		} else {
			ko_line(p, &b, it.lineno, s, n);
		}
	}
	arena_reset(p->scratch, daymark);
}

/* A "## Daily Papers" or "### [" line. */
static int
ko_marker(const char *s, size_t n)
{
	return lines_starts(s, n, "## Daily Papers") || lines_starts(s, n, "### [");
}

/* Where the first "## Daily Papers" or "### [" line starts. */
static size_t
ko_sniff(const char *head, size_t len, size_t before)
{
	return formats_find_line(head, len, before, ko_marker);
}

const struct ingest_format ko_format = { "ko-digest", ko_sniff, ko_parse, NULL };
