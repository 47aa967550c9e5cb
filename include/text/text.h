/* text/text.h: the only place that decodes UTF-8.
 *
 * Everything read from an input passes through text_clean once, at the
 * ingest boundary; after that every string in a library is valid UTF-8 in
 * NFC without control characters (tab and newline excepted, and only where
 * the caller asked to keep newlines).
 * Display width, grapheme clusters, wrapping and truncation live in
 * width_of.h (same layer).
 */
#ifndef PB_TEXT_H
#define PB_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"

/* Flags for text_clean. */
enum {
	TEXT_ONELINE = 1 << 1,	/* newlines and tabs become spaces */
	TEXT_SQUEEZE = 1 << 2,	/* runs of blanks become one space; trim both ends */
};

/*
 * Decode one code point from s[*i..n).  Invalid, overlong, surrogate and
 * truncated sequences yield U+FFFD and consume the maximal invalid prefix
 * (at least one byte).  Advances *i.
 */
int32_t text_decode(const char *s, size_t n, size_t *i);
/* Append the UTF-8 encoding of cp (which must be a valid scalar value). */
void text_encode(struct buf *out, int32_t cp);
/* True when cp is removed by sanitising: C0 but tab/newline, DEL, C1, bidi controls. */
int text_is_stripped(int32_t cp);

/*
 * Bytes of printable ASCII (0x20..0x7E) at the start of s[0..n): most
 * text, which passes sanitising as it is and takes a cell a byte.
 */
static inline size_t
text_ascii_run(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F)
		i++;
	return i;
}

/*
 * Append the sanitised form of s[0..n) to out: invalid UTF-8 becomes
 * U+FFFD, stripped controls are dropped, CR LF and lone CR become LF, the
 * result is in NFC.  flags add whitespace squeezing.  (Markdown/HTML inline
 * reduction is the ingester's inline_clean, built on the two steps below.)
 */
void text_clean(struct buf *out, const char *s, size_t n, unsigned flags);
/*
 * text_clean in two steps, for a caller that rewrites the text in between:
 * text_sanitise appends the sanitised s[0..n) and returns 1 when it may
 * need NFC; text_finish squeezes out[from..] per flags and, when nfc, puts
 * it in NFC.
 */
int text_sanitise(struct buf *out, const char *s, size_t n);
void text_finish(struct buf *out, size_t from, unsigned flags, int nfc);
/* Append the NFC form of valid UTF-8 s[0..n) (a no-op copy when already NFC). */
void text_nfc(struct buf *out, const char *s, size_t n);
/* Append the case-folded, NFC, compatibility-free form used for matching. */
void text_fold(struct buf *out, const char *s, size_t n);
/*
 * Append the search form of s[0..n): every code point case-folded and
 * compatibility-decomposed (NFKD, Hangul syllables into jamo), default
 * ignorables (ZWJ, soft hyphen, ...) dropped.  Upper and lower case, NFC
 * and NFD give the same bytes, and a query's form is found inside a text's
 * form with memmem.  When map is not NULL, (*map)[k] is set to the offset
 * in s of the code point that produced byte k of what was appended; the
 * array grows as needed (*amap elements allocated; caller frees *map).
 */
void text_search_form(struct buf *out, const char *s, size_t n, uint32_t **map, size_t *amap);
/* True for a Hangul jamo (the search form decomposes syllables into them). */
int text_jamo(int32_t cp);
/* True for a Hangul medial vowel jamo (the second part of a syllable's search form). */
int text_jamo_vowel(int32_t cp);
/* True for a Hangul final consonant jamo (the third part, when a syllable has one). */
int text_jamo_final(int32_t cp);
/*
 * Append the merge key of a title: case-folded, with everything but letters
 * and digits dropped (so case, punctuation and spacing are ignored).
 */
void text_title_key(struct buf *out, const char *s, size_t n);
/* True when the merge key of title s[0..n) is not empty (it has a letter or a digit). */
int text_has_title_key(const char *s, size_t n);
/* True when s[0..n) is valid UTF-8 with no stripped control (tab and newline allowed). */
int text_is_clean(const char *s, size_t n);

#endif
