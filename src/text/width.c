/* text/width.c: display width, grapheme clusters, wrapping and truncation. */
#include "text/width.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT 0xFFFD
#define MAX_MARKS 4	/* zero-width code points kept per cluster */

/* Decode one code point for display; invalid bytes give U+FFFD. */
int32_t
width_decode(const char *s, size_t n, size_t *i)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t len;
	size_t rest = n - *i;

	if (*i >= n)
		return REPLACEMENT;
	len = utf8proc_iterate((const utf8proc_uint8_t *)s + *i,
	    (utf8proc_ssize_t)(rest > 4 ? 4 : rest), &cp);
	if (len <= 0 || cp < 0) {
		/* consume the maximal invalid prefix: a lead byte and its continuations */
		unsigned char b = (unsigned char)s[*i];
		size_t need = b >= 0xF0 && b <= 0xF4 ? 3 : b >= 0xE0 && b <= 0xEF ? 2 :
		    b >= 0xC2 && b <= 0xDF ? 1 : 0;

		*i += 1;
		while (need-- && *i < n && ((unsigned char)s[*i] & 0xC0) == 0x80)
			*i += 1;
		return REPLACEMENT;
	}
	*i += (size_t)len;
	return cp;
}

/* True for the bidi embedding, override, isolate and mark characters. */
static int
is_bidi_control(int32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	    (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The code point shown for cp, or -1 when it is dropped. */
int32_t
width_shown_cp(int32_t cp)
{
	if (cp == '\t' || cp == '\n' || cp == 0x2028 || cp == 0x2029)
		return ' ';
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return REPLACEMENT;
	if (cp < 0x7F)
		return cp;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return REPLACEMENT;
	if (is_bidi_control(cp))
		return -1;
	if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CF && utf8proc_charwidth(cp) == 0)
		return -1;	/* ZWJ, ZWNJ, ZWSP, word joiner, BOM, tags */
	return cp;
}

/* Hangul medial vowel or final consonant jamo (zero width after a leading jamo). */
static int
is_hangul_vt(int32_t cp)
{
	return (cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF);
}

/*
 * The code point shown for cp inside a cluster (first: it starts the
 * cluster).  Besides width_shown_cp, an emoji presentation selector and a
 * skin tone modifier after the base are dropped: terminals disagree on the
 * width of the combined form, but all agree on the base alone.
 */
static int32_t
shown_in_cluster(int32_t cp, int first)
{
	if (!first && (cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF)))
		return -1;
	return width_shown_cp(cp);
}

/* Width of shown code point cp at position first/non-first in its cluster. */
static size_t
cp_cells(int32_t shown, int first)
{
	int w;

	if (shown < 0)
		return 0;
	if (shown < 0x7F)
		return 1;
	if (!first && is_hangul_vt(shown))
		return 0;
	w = utf8proc_charwidth(shown);
	return w > 0 ? (size_t)w : 0;
}

/* Find the next grapheme cluster and its width. */
int
width_next_cluster(const char *s, size_t n, size_t *pos, struct width_cluster *c)
{
	utf8proc_int32_t state = 0;
	int32_t prev;
	size_t i = *pos, j;

	if (i >= n)
		return 0;
	c->off = i;
	/* fast path: printable ASCII followed by ASCII or the end */
	if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F &&
	    (i + 1 >= n || (unsigned char)s[i + 1] < 0x80)) {
		c->len = 1;
		c->width = 1;
		*pos = i + 1;
		return 1;
	}
	prev = width_decode(s, n, &i);
	c->width = cp_cells(shown_in_cluster(prev, 1), 1);
	while (i < n) {
		int32_t cp;

		j = i;
		cp = width_decode(s, n, &j);
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		c->width += cp_cells(shown_in_cluster(cp, 0), 0);
		prev = cp;
		i = j;
	}
	c->len = i - c->off;
	*pos = i;
	return 1;
}

/* Total display width: n for printable ASCII alone (a cell each, no two in one cluster). */
size_t
width_of(const char *s, size_t n)
{
	struct width_cluster c;
	size_t pos = 0, w = 0;

	if (text_ascii_run(s, n) == n)
		return n;
	while (width_next_cluster(s, n, &pos, &c))
		w += c.width;
	return w;
}

/* Display width of a C string. */
size_t
width_str(const char *s)
{
	return s ? width_of(s, strlen(s)) : 0;
}

/* Append the UTF-8 encoding of a valid code point. */
static void
put_cp(struct buf *out, int32_t cp)
{
	utf8proc_uint8_t tmp[4];
	utf8proc_ssize_t k = utf8proc_encode_char(cp, tmp);

	if (k > 0)
		buf_add(out, tmp, (size_t)k);
}

/* Append the safe form of one cluster: base first, a few marks, no dropped code points. */
void
width_put_cluster(struct buf *out, const char *s, const struct width_cluster *c)
{
	size_t i = c->off, end = c->off + c->len;
	int have_base = 0, marks = 0, first = 1;

	if (c->width == 0)
		return;
	if (c->len == 1 && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
		buf_addch(out, s[i]);
		return;
	}
	while (i < end) {
		int32_t shown = shown_in_cluster(width_decode(s, end, &i), first);
		size_t w = cp_cells(shown, first);

		first = 0;
		if (shown < 0)
			continue;
		if (w == 0) {
			if (!have_base || marks >= MAX_MARKS)
				continue;
			if (is_hangul_vt(shown)) {
				put_cp(out, shown);	/* part of the syllable block */
				continue;
			}
			marks++;
		} else {
			have_base = 1;
		}
		put_cp(out, shown);
	}
}

/* Append n spaces. */
static void
put_spaces(struct buf *out, size_t n)
{
	while (n--)
		buf_addch(out, ' ');
}

/* Truncate to width cells, ending in an ellipsis when cut. */
size_t
width_trunc(struct buf *out, const char *s, size_t n, size_t width, unsigned flags)
{
	struct width_cluster c;
	size_t pos = 0, used = 0, total;

	if (width == 0)
		return 0;
	total = width_of(s, n);
	if (total <= width) {
		while (width_next_cluster(s, n, &pos, &c))
			width_put_cluster(out, s, &c);
		used = total;
	} else {
		while (width_next_cluster(s, n, &pos, &c)) {
			if (used + c.width > width - 1)
				break;
			width_put_cluster(out, s, &c);
			used += c.width;
		}
		put_spaces(out, width - 1 - used);
		buf_puts(out, "\xE2\x80\xA6");	/* U+2026, one cell */
		used = width;
	}
	if ((flags & WIDTH_PAD) && used < width) {
		put_spaces(out, width - used);
		used = width;
	}
	return used;
}

/* Append one span to the line array. */
static void
add_line(struct width_lines *out, size_t off, size_t len, size_t width)
{
	ALLOC_GROW(out->v, out->n + 1, out->alloc);
	out->v[out->n].off = off;
	out->v[out->n].len = len;
	out->v[out->n].width = width;
	out->n++;
}

/* True when cluster c is a single blank (a break opportunity). */
static int
is_blank(const char *s, const struct width_cluster *c)
{
	return c->len == 1 && (s[c->off] == ' ' || s[c->off] == '\t');
}

/* A line being filled by wrap_segment. */
struct line {
	size_t off, end, width;
	int have;	/* holds something (a word, or leading indentation) */
};

/* Emit the current line and start a new empty one at off. */
static void
flush_line(struct width_lines *out, struct line *l, size_t off)
{
	add_line(out, l->off, l->end - l->off, l->width);
	l->off = l->end = off;
	l->width = 0;
	l->have = 0;
}

/* Wrap one newline-free segment s[start..end). */
static void
wrap_segment(struct width_lines *out, const char *s, size_t start, size_t end, size_t width)
{
	struct line l = { start, start, 0, 0 };
	size_t pos = start, sp = 0;
	int first_line = 1;
	struct width_cluster c;

	while (pos < end) {
		size_t wstart, wend, ww = 0, p2;

		width_next_cluster(s, end, &pos, &c);
		if (is_blank(s, &c)) {
			sp += c.width;
			continue;
		}
		/* a word: this cluster and the non-blank clusters after it */
		wstart = c.off;
		wend = c.off + c.len;
		ww = c.width;
		p2 = pos;
		while (p2 < end) {
			struct width_cluster d;
			size_t save = p2;

			width_next_cluster(s, end, &p2, &d);
			if (is_blank(s, &d)) {
				p2 = save;
				break;
			}
			wend = d.off + d.len;
			ww += d.width;
		}
		pos = p2;
		if (!l.have && !first_line)
			sp = 0;	/* no leading blanks on a continuation line */
		if (l.width + sp + ww <= width) {
			l.end = wend;
			l.width += sp + ww;
			l.have = 1;
		} else if (l.have && ww <= width) {
			flush_line(out, &l, wstart);
			first_line = 0;
			l.end = wend;
			l.width = ww;
			l.have = 1;
		} else {
			/* longer than a line: break between clusters */
			size_t q = wstart;

			if (l.have) {
				flush_line(out, &l, wstart);
				first_line = 0;
			} else {
				l.off = l.end = wstart;
				l.width = 0;
			}
			while (q < wend) {
				width_next_cluster(s, wend, &q, &c);
				if (l.width > 0 && l.width + c.width > width) {
					flush_line(out, &l, c.off);
					first_line = 0;
				}
				l.end = c.off + c.len;
				l.width += c.width;
				l.have = 1;
			}
		}
		sp = 0;
	}
	add_line(out, l.off, l.end - l.off, l.width);
}

/* Word-wrap into spans of at most width cells. */
void
width_wrap(struct width_lines *out, const char *s, size_t n, size_t width)
{
	size_t pos = 0;

	if (width == 0)
		width = 1;
	while (pos < n) {
		const char *nl = memchr(s + pos, '\n', n - pos);
		size_t end = nl ? (size_t)(nl - s) : n;

		wrap_segment(out, s, pos, end, width);
		pos = end + 1;
	}
}

/* Free the line array. */
void
width_lines_free(struct width_lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}
