/* ingest/mdtext.c: markdown headings, links and bodies (see mdtext.h). */
#include "ingest/mdtext.h"
#include "ingest/fields.h"
#include "text/text.h"

#include <string.h>

/* An ATX heading: its level and text. */
int
mdtext_heading(const char *s, size_t n, const char **t, size_t *tn)
{
	size_t lv = 0;

	while (lv < n && s[lv] == '#')
		lv++;
	if (lv == 0 || lv > 6 || (lv < n && s[lv] != ' ' && s[lv] != '\t'))
		return 0;
	s += lv, n -= lv;
	lines_trim(&s, &n);
	while (n && s[n - 1] == '#')		/* closing #s */
		n--;
	lines_trim(&s, &n);
	*t = s;
	*tn = n;
	return (int)lv;
}

/*
 * Find the next "[text](url)" at or after s[*i]: we look for the next
 * "](", match its '[' backwards and its ')' forwards (both with nesting),
 * and continue after what was scanned.
 */
int
mdtext_next_link(const char *s, size_t n, size_t *i, const char **text, size_t *tn,
    const char **url, size_t *un)
{
	while (*i + 1 < n) {
		const char *mid = NULL;
		size_t j, a, e, depth = 0;

		for (j = *i; j + 1 < n; j++) {
			const char *q = memchr(s + j, ']', n - j - 1);

			if (q == NULL)
				break;
			j = (size_t)(q - s);
			if (s[j + 1] == '(') {
				mid = q;
				break;
			}
		}
		if (mid == NULL)
			return 0;
		j = (size_t)(mid - s);
		/* the matching '[' before j, not before *i */
		for (a = j; a > *i; a--) {
			if (s[a - 1] == ']')
				depth++;
			else if (s[a - 1] == '[') {
				if (depth == 0)
					break;
				depth--;
			}
		}
		if (a == *i || s[a - 1] != '[') {
			*i = j + 1;
			continue;
		}
		depth = 0;
		for (e = j + 2; e < n; e++) {
			if (s[e] == '(')
				depth++;
			else if (s[e] == ')' && depth-- == 0)
				break;
		}
		if (e >= n)
			return 0;	/* no ')' closes it, nor any later link */
		*text = s + a;
		*tn = j - a;
		*url = s + j + 2;
		*un = e - (j + 2);
		*i = e + 1;
		return 1;
	}
	return 0;
}


/* The next bare http(s) URL: up to a blank, a quote, an angle bracket or a closing bracket. */
int
mdtext_next_url(const char *s, size_t n, size_t *i, const char **url, size_t *un)
{
	while (*i + 8 <= n) {
		const char *h = memchr(s + *i, 'h', n - *i);
		size_t a, e;

		if (h == NULL)
			break;
		a = (size_t)(h - s);
		if (!(n - a >= 8 && memcmp(h, "https://", 8) == 0) && !(n - a >= 7 && memcmp(h, "http://", 7) == 0)) {
			*i = a + 1;
			continue;
		}
		/* a URL ends at a blank, a quote, a bracket, or text in another script ("...获取") */
		for (e = a; e < n && (unsigned char)s[e] < 0x80 && !strchr(" \t\r\n\"'<>()[]|`", s[e]); e++)
			;
		/* a sentence's full stop or comma is not part of the URL */
		while (e > a && strchr(".,;:!?", s[e - 1]))
			e--;
		*url = h;
		*un = e - a;
		*i = e;
		return 1;
	}
	return 0;
}

/* Add every http(s) URL of s to the record. */
void
mdtext_links(struct pctx *p, struct rec_build *b, size_t line, const char *s, size_t n)
{
	const char *t, *u;
	size_t i = 0, tn, un;
	int any = 0;

	while (mdtext_next_link(s, n, &i, &t, &tn, &u, &un)) {
		if (lines_starts(u, un, "http://") || lines_starts(u, un, "https://"))
			rec_link(p, b, line, u, un, LINK_NKINDS);
		any = 1;
	}
	if (any)
		return;
	i = 0;
	while (mdtext_next_url(s, n, &i, &u, &un))
		rec_link(p, b, line, u, un, LINK_NKINDS);
}

/* The body being turned into blocks: the open paragraph or list item, and a heading's label. */
struct body {
	struct pctx *p;
	struct rec_build *b;
	const char *at;		/* start of the open paragraph or item, or NULL */
	const char *end;	/* its end so far */
	int item;		/* the open block is a list item */
	size_t line;		/* the line the open block starts on */
	const char *label;	/* the heading over the next block, or NULL */
	size_t llen;
	unsigned flags;
	int own;		/* MDTEXT_SECTIONS: this section is a summary of its own */
	int skip;		/* MDTEXT_ONLY_SUMMARIES: this section is left out */
	const char *outer;	/* the name of the caller's summary (NULL: the main one), for other sections */
};

/* Length of a separator at s ("·", "—", "←", "→", or one of " |-,;>"), else 0. */
static size_t
separator(const char *s, size_t n)
{
	static const char *const seps[] = { "\xC2\xB7", "\xE2\x80\x94", "\xE2\x86\x90", "\xE2\x86\x92" };
	size_t k;

	if (n && strchr(" \t|-,;>", s[0]))
		return 1;
	for (k = 0; k < sizeof seps / sizeof seps[0]; k++)
		if (lines_starts(s, n, seps[k]))
			return strlen(seps[k]);
	return 0;
}

/* A block of links and separators only ("[Paper page](u) · [arXiv](v)"): its links are all it says. */
static int
link_only(const char *s, size_t n)
{
	const char *t, *u;
	size_t i = 0, j, tn, un, k;
	int links = 0;

	while (i < n) {
		j = i;
		if (!mdtext_next_link(s, n, &j, &t, &tn, &u, &un))
			break;
		/* between links: separators only */
		for (k = i; k < (size_t)(t - 1 - s); k += separator(s + k, n - k))
			if (separator(s + k, n - k) == 0)
				return 0;
		links++;
		i = j;
	}
	for (; i < n; i += separator(s + i, n - i))
		if (separator(s + i, n - i) == 0)
			return 0;
	return links > 0;
}

/*
 * A list item that only names a section ("1. **Main work**", "2. Highlights："):
 * it becomes the label of the block under it.  1 when it was one.
 */
static int
item_label(struct body *d, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ')
		s += i + 2, n -= i + 2;
	else if (i > 0)
		return 0;
	if (n > 4 && lines_starts(s, n, "**") && s[n - 1] == '*' && s[n - 2] == '*' &&
	    memchr(s + 2, '*', n - 4) == NULL) {
		s += 2, n -= 4;
	} else if (n > 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0 && n < 40) {
		n -= 3;
	} else if (!(n > 1 && s[n - 1] == ':' && n < 40)) {
		return 0;
	} else {
		n--;
	}
	while (n > 0 && (s[n - 1] == ':' || s[n - 1] == ' '))
		n--;
	if (n == 0)
		return 0;
	d->label = s;
	d->llen = n;
	return 1;
}

/* Add the open paragraph or item as a block. */
static void
flush(struct body *d)
{
	const char *s = d->at, *lab, *txt;
	size_t n, ll, rest, tn;
	const struct field *f;

	if (s == NULL)
		return;
	n = (size_t)(d->end - s);
	d->at = NULL;
	lines_trim(&s, &n);
	if (n == 0)
		return;
	if (link_only(s, n) || (d->item && item_label(d, s, n)))
		return;
	if (rec_split_label(s, n, &lab, &ll, &txt, &tn)) {
		f = fields_find(lab, ll);
	} else if ((f = fields_label(s, n, &ll, &rest)) != NULL) {
		lab = s;
		txt = s + rest;
		tn = n - rest;
	} else {
		lab = NULL;
	}
	/* a known field ("**Authors**: ...") sets the record; a heading's label waits for the next block */
	if (f && (d->flags & MDTEXT_FIELDS) && fields_apply_text(d->p, d->b, f, d->line, txt, tn))
		return;
	if (d->label) {
		rec_block(d->p, d->b, d->item ? BLOCK_BULLET : BLOCK_PARA, d->label, d->llen, s, n);
		d->label = NULL;
		return;
	}
	if (lab == NULL) {
		rec_block(d->p, d->b, d->item ? BLOCK_BULLET : BLOCK_PARA, NULL, 0, s, n);
		return;
	}
	rec_block(d->p, d->b, d->item ? BLOCK_BULLET : BLOCK_PARA, lab, ll, txt, tn);
}

/* Length of a list marker at s ("- ", "* ", "+ ", "1. ", "1) "), else 0; a numbered item keeps its number. */
static size_t
list_marker(const char *s, size_t n, int *numbered)
{
	size_t i = 0;

	*numbered = 0;
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
		return 2;
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') {
		*numbered = 1;
		return i + 2;
	}
	return 0;
}

/* A line left out of the text: a rule, an image, or nothing but HTML tags. */
static int
skipped_line(const char *s, size_t n)
{
	size_t i;

	if (n >= 3 && (s[0] == '-' || s[0] == '*' || s[0] == '_')) {
		for (i = 0; i < n && (s[i] == s[0] || s[i] == ' '); i++)
			;
		if (i == n)
			return 1;
	}
	if (lines_starts(s, n, "![") || lines_starts(s, n, "[!["))
		return 1;
	return n >= 2 && s[0] == '<' && s[n - 1] == '>';
}

/* A heading: close what is open; its text labels the next block (or starts a summary). */
static void
heading(struct body *d, const char *t, size_t tn)
{
	const struct field *f;

	flush(d);
	d->label = tn ? t : NULL;
	d->llen = tn;
	if (!(d->flags & MDTEXT_SECTIONS))
		return;
	f = fields_find(t, tn);
	if (d->own)
		rec_into(d->p, d->b, d->outer);
	d->own = 0;
	d->skip = (d->flags & MDTEXT_ONLY_SUMMARIES) &&
	    !(f && (f->role == ROLE_SUMMARY || f->role == ROLE_MORE));
	if (f && (f->role == ROLE_SUMMARY || f->role == ROLE_MORE)) {
		/* "## Abstract": the main summary when it has nothing yet, else one of its own */
		if (d->b->nblocks > 0 || d->b->into)
			rec_into(d->p, d->b, pctx_inline(d->p, t, tn, TEXT_ONELINE));
		d->own = 1;
		d->label = NULL;
	}
}

/* Add a markdown body to the current summary (see mdtext.h). */
void
mdtext_blocks(struct pctx *p, struct rec_build *b, const char *s, size_t n,
    size_t first_line, unsigned flags)
{
	struct lines it;
	struct body d;
	const char *l, *t;
	size_t ln, tn, k;
	int code = 0, numbered;
	memset(&d, 0, sizeof d);
	d.outer = b->into ? b->into->name : NULL;
	d.skip = (flags & MDTEXT_ONLY_SUMMARIES) != 0;	/* until a summary's heading */
	d.p = p;
	d.b = b;
	d.flags = flags;
	lines_init(&it, s, n, first_line);
	while (lines_next(&it, &l, &ln)) {
		const char *raw = l;
		size_t rawn = ln;

		lines_trim(&l, &ln);
		if (lines_starts(l, ln, "```") || lines_starts(l, ln, "~~~")) {
			flush(&d);
			code = !code;
			continue;
		}
		if (code)
			continue;
		if (flags & MDTEXT_LINKS)
			mdtext_links(p, b, it.lineno, l, ln);
		if (d.skip && !mdtext_heading(l, ln, &t, &tn))
			continue;
		if (ln == 0 || skipped_line(l, ln)) {
			flush(&d);
			continue;
		}
		if ((k = (size_t)mdtext_heading(l, ln, &t, &tn)) > 0) {
			/* a "# " heading is the document's title, not a section */
			if (k == 1)
				flush(&d);
			else
				heading(&d, t, tn);
			continue;
		}
		if (lines_starts(l, ln, "> ") || (ln == 1 && l[0] == '>')) {
			l += 1, ln -= 1;
			lines_trim(&l, &ln);
		}
		if ((k = list_marker(l, ln, &numbered)) > 0) {
			flush(&d);
			d.line = it.lineno;
			d.at = numbered ? l : l + k;
			d.end = l + ln;
			d.item = 1;
			continue;
		}
		if (d.at && (!d.item || (rawn && (raw[0] == ' ' || raw[0] == '\t')))) {
			d.end = l + ln;		/* the paragraph or item goes on */
			continue;
		}
		flush(&d);
		d.line = it.lineno;
		d.at = l;
		d.end = l + ln;
		d.item = 0;
	}
	flush(&d);
	rec_into(p, b, d.outer);
}
