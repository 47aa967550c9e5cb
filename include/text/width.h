/* text/width.h: display cells, grapheme clusters, wrapping, truncation.
 *
 * Widths come from utf8proc_charwidth, summed over a grapheme cluster
 * (utf8proc_grapheme_break_stateful): Hangul, CJK and emoji take two
 * cells; combining marks, variation selectors and the zero width joiner
 * take none (trailing Hangul jamo inside a syllable block too).  A cluster
 * is never split by wrapping or truncation.
 *
 * Everything appended to a buffer by these functions is "terminal safe":
 * invalid UTF-8 and control characters become U+FFFD (one cell), newline
 * and tab become a space, bidi controls and other invisible format
 * characters (ZWJ included, so that every terminal agrees on the width)
 * are dropped, so are an emoji presentation selector (U+FE0F) and a skin
 * tone modifier after their base, and a cluster of width zero (a mark
 * with no base) is not emitted.  Widths reported always describe that safe form.
 */
#ifndef PB_TEXT_WIDTH_H
#define PB_TEXT_WIDTH_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* One grapheme cluster of a string: bytes [off, off+len), display width. */
struct width_cluster {
	size_t off;
	size_t len;
	size_t width;
};

/* One wrapped line: bytes [off, off+len) of the wrapped string, its width. */
struct text_span {
	size_t off;
	size_t len;
	size_t width;
};

/* A growable array of wrapped lines (zero-initialise, free with width_lines_free). */
struct width_lines {
	struct text_span *v;
	size_t n;
	size_t alloc;
};

/* Flags for width_trunc. */
enum {
	WIDTH_PAD = 1 << 0,	/* pad with spaces to exactly the width */
};

/*
 * Decode one code point of s[*i..n) for display, advancing *i (at least
 * one byte): invalid sequences give U+FFFD.
 */
int32_t width_decode(const char *s, size_t n, size_t *i);
/*
 * The code point actually shown for cp: U+FFFD for controls, a space for
 * tab, newline and line separators, -1 when the code point is dropped
 * (bidi controls, ZWJ and other invisible format characters), else cp.
 */
int32_t width_shown_cp(int32_t cp);
/*
 * Find the grapheme cluster starting at s[*pos] (pos < n), fill *c and
 * advance *pos past it.  Returns 0 when *pos >= n (nothing left), else 1.
 */
int width_next_cluster(const char *s, size_t n, size_t *pos, struct width_cluster *c);
/* Display width of s[0..n) in terminal cells. */
size_t width_of(const char *s, size_t n);
/* Display width of a NUL-terminated string. */
size_t width_str(const char *s);
/* Append the terminal-safe form of one cluster of s (nothing when its width is 0). */
void width_put_cluster(struct buf *out, const char *s, const struct width_cluster *c);
/*
 * Append the terminal-safe form of s[0..n) cut to at most width cells.
 * When the text does not fit it ends in "…" in exactly the last cell
 * (spaces fill the gap a wide cluster would have straddled).  WIDTH_PAD
 * pads with spaces up to width.  Returns the cells appended.
 */
size_t width_trunc(struct buf *out, const char *s, size_t n, size_t width, unsigned flags);
/*
 * Word-wrap s[0..n) into lines of at most width cells, appending spans to
 * out.  Lines break at spaces (English and Korean alike); a word longer
 * than a line is broken between clusters; a newline forces a break (an
 * empty segment gives an empty line).  Spaces at a break are dropped.  A
 * single cluster wider than the line gets a line of its own.  width 0 is
 * treated as 1.
 */
void width_wrap(struct width_lines *out, const char *s, size_t n, size_t width);
/* Release the lines and leave an empty, reusable array. */
void width_lines_free(struct width_lines *l);

#endif
