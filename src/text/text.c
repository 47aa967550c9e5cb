/* text/text.c: UTF-8 decoding, sanitising, NFC, case folding and title
 * keys (markdown/HTML inline reduction is the ingester's: ingest/inline.c).
 * The only code that decodes UTF-8 (display
 * width and grapheme work in width_of.c goes through utf8proc). */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define REPLACEMENT 0xFFFD

/* Decode one code point; invalid input yields U+FFFD (maximal subpart rule). */
int32_t
text_decode(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	unsigned c = p[0];
	int32_t cp;
	size_t need, k;
	unsigned lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*i += 1;
		return (int32_t)c;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1; cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2; cp = c & 0x0F;
		if (c == 0xE0) lo = 0xA0;		/* overlong */
		if (c == 0xED) hi = 0x9F;		/* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3; cp = c & 0x07;
		if (c == 0xF0) lo = 0x90;		/* overlong */
		if (c == 0xF4) hi = 0x8F;		/* > U+10FFFF */
	} else {
		*i += 1;
		return REPLACEMENT;
	}
	for (k = 1; k <= need; k++) {
		unsigned b;

		if (k >= left) {	/* truncated sequence */
			*i += k;
			return REPLACEMENT;
		}
		b = p[k];
		if (b < lo || b > hi) {
			*i += k;
			return REPLACEMENT;
		}
		lo = 0x80; hi = 0xBF;
		cp = (cp << 6) | (int32_t)(b & 0x3F);
	}
	*i += need + 1;
	return cp;
}

/* Append the UTF-8 encoding of a scalar value. */
void
text_encode(struct buf *out, int32_t cp)
{
	char t[4];
	size_t n;

	if (cp < 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		t[0] = (char)cp; n = 1;
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F)); n = 2;
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
	}
	buf_add(out, t, n);
}

/* C0 except tab/newline, DEL, C1, and the bidi embedding/override/isolate controls. */
int
text_is_stripped(int32_t cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n';
	if (cp >= 0x7F && cp <= 0x9F)
		return 1;
	if (cp >= 0x202A && cp <= 0x202E)	/* LRE RLE PDF LRO RLO */
		return 1;
	if (cp >= 0x2066 && cp <= 0x2069)	/* LRI RLI FSI PDI */
		return 1;
	if (cp == 0x200E || cp == 0x200F || cp == 0x061C)	/* LRM RLM ALM */
		return 1;
	return 0;
}

/*
 * True when a code point can be left alone by NFC whatever surrounds it:
 * below U+0300 (no combining marks), precomposed Hangul syllables and CJK
 * unified ideographs.  Anything else sends the string through utf8proc.
 */
static int
nfc_quick(int32_t cp)
{
	return cp < 0x300 || (cp >= 0xAC00 && cp <= 0xD7A3) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF);
}

/*
 * Append s[0..n) with invalid bytes replaced, stripped controls dropped and
 * CR LF / CR turned into LF.  Sets *nfc when a code point may need NFC.
 */
static void
sanitise(struct buf *out, const char *s, size_t n, int *nfc)
{
	size_t i = 0;

	buf_grow(out, n);
	while (i < n) {
		size_t j = i + text_ascii_run(s + i, n - i);	/* copied at once */
		unsigned char c;

		if (j > i) {
			buf_add(out, s + i, j - i);
			i = j;
			if (i >= n)
				break;
		}
		c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c == '\r') {
				buf_addch(out, '\n');
				i++;
				if (i < n && s[i] == '\n')
					i++;
			} else {
				if (c == '\t' || c == '\n')
					buf_addch(out, c);
				i++;
			}
			continue;
		}
		{
			size_t at = i;
			int32_t cp = text_decode(s, n, &i);

			if (text_is_stripped(cp))
				continue;
			if (!nfc_quick(cp))
				*nfc = 1;
			if (cp == REPLACEMENT && !(i - at == 3 &&
			    memcmp(s + at, "\xEF\xBF\xBD", 3) == 0)) {
				text_encode(out, cp);
				continue;
			}
			buf_add(out, s + at, i - at);
		}
	}
}

/* Collapse blanks and (optionally) newlines of out[from..] in place; trim. */
static void
squeeze(struct buf *out, size_t from, unsigned flags)
{
	char *s = out->buf + from;
	size_t n = out->len - from, r, w = 0;
	int pending = 0;

	for (r = 0; r < n; r++) {
		char c = s[r];

		if ((flags & TEXT_ONELINE) && (c == '\n' || c == '\t'))
			c = ' ';
		if ((flags & TEXT_SQUEEZE) && (c == ' ' || c == '\t')) {
			pending = 1;
			continue;
		}
		if ((flags & TEXT_SQUEEZE) && c == '\n') {
			/* drop blanks before a newline */
			pending = 0;
		}
		if (pending) {
			if (w > 0 && s[w - 1] != '\n')
				s[w++] = ' ';
			pending = 0;
		}
		if ((flags & TEXT_SQUEEZE) && c == '\n' && w == 0)
			continue;
		s[w++] = c;
	}
	if (flags & TEXT_SQUEEZE)
		while (w > 0 && (s[w - 1] == '\n' || s[w - 1] == ' '))
			w--;
	buf_setlen(out, from + w);
}

/* Replace out[from..] by its NFC form. */
static void
nfc_tail(struct buf *out, size_t from)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t len;

	len = utf8proc_map((const utf8proc_uint8_t *)out->buf + from,
	    (utf8proc_ssize_t)(out->len - from), &r,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (len < 0) {
		free(r);
		return;
	}
	buf_setlen(out, from);
	buf_add(out, r, (size_t)len);
	free(r);
}

/* Append the sanitised s[0..n) to out; 1 when what was appended may need NFC. */
int
text_sanitise(struct buf *out, const char *s, size_t n)
{
	int nfc = 0;

	sanitise(out, s, n, &nfc);
	return nfc;
}

/* Squeeze out[from..] as flags ask, then put it in NFC when nfc. */
void
text_finish(struct buf *out, size_t from, unsigned flags, int nfc)
{
	if (flags & (TEXT_ONELINE | TEXT_SQUEEZE))
		squeeze(out, from, flags);
	if (nfc)
		nfc_tail(out, from);
}

/* Sanitise, squeeze and normalise s[0..n) into out. */
void
text_clean(struct buf *out, const char *s, size_t n, unsigned flags)
{
	size_t from = out->len;
	int nfc = text_sanitise(out, s, n);

	text_finish(out, from, flags, nfc);
}

/* Append the NFC form of s[0..n). */
void
text_nfc(struct buf *out, const char *s, size_t n)
{
	text_clean(out, s, n, 0);
}

/* Append the case-folded NFKC form used for searching. */
void
text_fold(struct buf *out, const char *s, size_t n)
{
	utf8proc_uint8_t *r = NULL;
	utf8proc_ssize_t len;
	struct buf clean = BUF_INIT;

	buf_init(&clean);
	sanitise(&clean, s, n, &(int){ 0 });
	len = utf8proc_map((const utf8proc_uint8_t *)clean.buf, (utf8proc_ssize_t)clean.len, &r,
	    UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
	if (len >= 0)
		buf_add(out, r, (size_t)len);
	free(r);
	buf_free(&clean);
}

/* Record that bytes [from, to) of the output came from source offset at. */
static void
map_fill(uint32_t **map, size_t *amap, size_t from, size_t to, size_t at)
{
	size_t k;

	if (map == NULL)
		return;
	ALLOC_GROW(*map, to, *amap);
	for (k = from; k < to; k++)
		(*map)[k] = (uint32_t)at;
}

/* Append the search form of s[0..n) (case-folded NFKD), with a source map. */
void
text_search_form(struct buf *out, const char *s, size_t n, uint32_t **map, size_t *amap)
{
	size_t i = 0, base = out->len;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t at = i, from = out->len - base;

		if (c < 0x80) {
			buf_addch(out, (c >= 'A' && c <= 'Z') ? c + 32 : c);
			i++;
		} else {
			int32_t cp = text_decode(s, n, &i);
			utf8proc_int32_t d[32];	/* U+FDFA, the longest, gives 18 */
			utf8proc_ssize_t k, m;
			int last = 0;

			m = utf8proc_decompose_char(cp, d, 32, UTF8PROC_CASEFOLD | UTF8PROC_COMPAT |
			    UTF8PROC_DECOMPOSE | UTF8PROC_IGNORE, &last);
			if (m < 0 || m > 32) {
				d[0] = cp;
				m = 1;
			}
			for (k = 0; k < m; k++)
				text_encode(out, d[k]);
		}
		map_fill(map, amap, from, out->len - base, at);
	}
}

/* Append the merge key of a title: folded letters and digits only. */
void
text_title_key(struct buf *out, const char *s, size_t n)
{
	size_t i = 0, from = out->len;
	int wide = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				buf_addch(out, c);
			else if (c >= 'A' && c <= 'Z')
				buf_addch(out, c + 32);
			i++;
			continue;
		}
		wide = 1;
		{
			int32_t cp = text_decode(s, n, &i);
			utf8proc_int32_t d[32];	/* U+FDFA, the longest, gives 18 */
			utf8proc_ssize_t k, m;
			int last = 0;

			m = utf8proc_decompose_char(cp, d, 32,
			    UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE, &last);
			for (k = 0; k >= 0 && k < m && k < 32; k++) {
				utf8proc_category_t cat = utf8proc_category(d[k]);

				if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
				    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO))
					text_encode(out, d[k]);
			}
		}
	}
	/* keys are compared as strings: recompose what was decomposed */
	if (wide)
		nfc_tail(out, from);
}

/* Whether a title has a merge key: an ASCII letter or digit decides at once, else the key is made. */
int
text_has_title_key(const char *s, size_t n)
{
	struct buf k = BUF_INIT;
	size_t i;
	int has;

	for (i = 0; i < n; i++)
		if ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9'))
			return 1;
	buf_init(&k);
	text_title_key(&k, s, n);
	has = k.len > 0;
	buf_free(&k);
	return has;
}

/* Valid UTF-8 with no stripped control. */
int
text_is_clean(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t at;
		int32_t cp;

		i += text_ascii_run(s + i, n - i);	/* never stripped */
		if (i >= n)
			break;
		at = i;
		cp = text_decode(s, n, &i);
		if (text_is_stripped(cp))
			return 0;
		if (cp == REPLACEMENT && !(i - at == 3 && memcmp(s + at, "\xEF\xBF\xBD", 3) == 0))
			return 0;
	}
	return 1;
}

/* A Hangul jamo. */
int
text_jamo(int32_t cp)
{
	return (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0xA960 && cp <= 0xA97F) ||
	    (cp >= 0xD7B0 && cp <= 0xD7FF);
}

/* A Hangul medial vowel jamo. */
int
text_jamo_vowel(int32_t cp)
{
	return (cp >= 0x1161 && cp <= 0x11A7) || (cp >= 0xD7B0 && cp <= 0xD7C6);
}

/* A Hangul final consonant jamo. */
int
text_jamo_final(int32_t cp)
{
	return (cp >= 0x11A8 && cp <= 0x11FF) || (cp >= 0xD7CB && cp <= 0xD7FB);
}
