/* text/text.c: UTF-8 decoding, sanitising, inline markup reduction, NFC,
 * case folding and title keys.  The only code that decodes UTF-8 (display
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
		size_t j = i;
		unsigned char c;

		/* copy the longest run of printable ASCII at once */
		while (j < n && (unsigned char)s[j] >= 0x20 &&
		    (unsigned char)s[j] < 0x7F)
			j++;
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

struct entity {
	const char *name;
	int32_t cp;
};

static const struct entity entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xA0 }, { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "hellip", 0x2026 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
	{ "times", 0xD7 }, { "middot", 0xB7 }, { "copy", 0xA9 },
	{ "reg", 0xAE }, { "deg", 0xB0 }, { "plusmn", 0xB1 },
	{ "le", 0x2264 }, { "ge", 0x2265 }, { "rarr", 0x2192 },
	{ "larr", 0x2190 }, { "alpha", 0x3B1 }, { "beta", 0x3B2 },
	{ "gamma", 0x3B3 }, { "delta", 0x3B4 }, { "lambda", 0x3BB },
	{ "mu", 0x3BC }, { "pi", 0x3C0 }, { "sigma", 0x3C3 },
	{ "infin", 0x221E }, { "asymp", 0x2248 }, { "ne", 0x2260 },
	{ "sup2", 0xB2 }, { "sup3", 0xB3 }, { "frac12", 0xBD },
	{ "bull", 0x2022 }, { "trade", 0x2122 }, { "euro", 0x20AC },
};

/* Decode an HTML entity at s[0] == '&'; append it and return its length, else 0. */
size_t
text_entity(struct buf *out, const char *s, size_t n)
{
	size_t i = 1;
	int32_t cp = -1;

	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		int hex = 0;
		long v = 0;
		size_t digits = 0;

		i = 2;
		if (i < n && (s[i] == 'x' || s[i] == 'X')) {
			hex = 1;
			i++;
		}
		for (; i < n && digits < 8; i++, digits++) {
			int d;
			char c = s[i];

			if (c >= '0' && c <= '9')
				d = c - '0';
			else if (hex && c >= 'a' && c <= 'f')
				d = c - 'a' + 10;
			else if (hex && c >= 'A' && c <= 'F')
				d = c - 'A' + 10;
			else
				break;
			v = v * (hex ? 16 : 10) + d;
		}
		if (digits == 0 || i >= n || s[i] != ';')
			return 0;
		cp = v > 0x10FFFF ? REPLACEMENT : (int32_t)v;
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = REPLACEMENT;
	} else {
		size_t k, len;

		while (i < n && i < 10 && ((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
			i++;
		if (i >= n || s[i] != ';' || i == 1)
			return 0;
		len = i - 1;
		for (k = 0; k < sizeof entities / sizeof entities[0]; k++)
			if (strlen(entities[k].name) == len &&
			    memcmp(entities[k].name, s + 1, len) == 0) {
				cp = entities[k].cp;
				break;
			}
		if (cp < 0)
			return 0;
	}
	if (!text_is_stripped(cp))
		text_encode(out, cp);
	return i + 1;
}

/* HTML element names removed as tags; anything else (<TRK>, <s>... pseudo-tags) stays text. */
static const char *const html_tags[] = {
	"a", "abbr", "b", "big", "blockquote", "br", "center", "cite", "code",
	"del", "details", "div", "em", "font", "h1", "h2", "h3", "h4", "h5",
	"h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
	"q", "small", "source", "span", "strike", "strong", "sub", "summary",
	"sup", "table", "tbody", "td", "th", "thead", "tr", "tt", "u", "ul",
	"video", "audio", "iframe", "picture", "figure", "figcaption", "section",
};

/* Length of an HTML tag or comment starting at s[0] == '<', or 0. */
static size_t
html_tag_len(const char *s, size_t n, int *no_comment_end)
{
	size_t i = 1, name0, namelen, k;

	if (n >= 4 && memcmp(s, "<!--", 4) == 0) {
		/* once a scan found no "-->", none further on can: stay linear */
		if (*no_comment_end)
			return 0;
		for (i = 4; i + 2 < n; i++)
			if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
				return i + 3;
		*no_comment_end = 1;
		return 0;
	}
	if (i < n && s[i] == '/')
		i++;
	name0 = i;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
	    (i > name0 && s[i] >= '0' && s[i] <= '9')))
		i++;
	namelen = i - name0;
	if (namelen == 0 || namelen > 10)
		return 0;
	for (k = 0; k < sizeof html_tags / sizeof html_tags[0]; k++) {
		size_t j;
		const char *t = html_tags[k];

		if (strlen(t) != namelen)
			continue;
		for (j = 0; j < namelen; j++)
			if ((s[name0 + j] | 0x20) != t[j])
				break;
		if (j == namelen)
			break;
	}
	if (k == sizeof html_tags / sizeof html_tags[0])
		return 0;
	if (i < n && !(s[i] == '>' || s[i] == ' ' || s[i] == '/' || s[i] == '\t' || s[i] == '\n'))
		return 0;
	/* attributes up to '>', honouring quotes; bounded by the text */
	{
		char q = 0;

		for (; i < n; i++) {
			if (q) {
				if (s[i] == q)
					q = 0;
			} else if (s[i] == '"' || s[i] == '\'') {
				q = s[i];
			} else if (s[i] == '>') {
				return i + 1;
			} else if (s[i] == '<') {
				return 0;
			}
		}
	}
	return 0;
}

static int
is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (unsigned char)c >= 0x80;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * Position of the closing code span run of exactly k backticks after from,
 * or n.  The caller stops searching for a run length once a search failed,
 * so a text full of unmatched runs stays linear.
 */
static size_t
find_backticks(const char *s, size_t n, size_t from, size_t k)
{
	size_t i = from;

	while (i < n) {
		const char *p = memchr(s + i, '`', n - i);
		size_t j, run;

		if (p == NULL)
			return n;
		j = (size_t)(p - s);
		run = 0;
		while (j + run < n && s[j + run] == '`')
			run++;
		if (run == k)
			return j;
		i = j + run;
	}
	return n;
}

/*
 * Reduce inline markup of s[0..n) to text, appending to out: code spans and
 * $math$ are copied verbatim, emphasis markers dropped when paired, known
 * HTML tags removed, entities decoded, [text](url) and ![alt](url) reduced,
 * backslash escapes of punctuation resolved.  Linear in n: every search is
 * bounded by a "no closer beyond here" position.
 */
static void
reduce_inline(struct buf *out, const char *s, size_t n, int *nfc)
{
	size_t i = 0;
	int tick_none[4] = { 0, 0, 0, 0 };
	int dollar_none = 0;
	int paren_none = 0;
	int no_comment_end = 0;

	while (i < n) {
		char c = s[i];

		if (c == '\\' && i + 1 < n && strchr("\\`*_{}[]()#+-.!|<>$&~\"'", s[i + 1]) &&
		    s[i + 1] != '\0') {
			buf_addch(out, s[i + 1]);
			i += 2;
			continue;
		}
		if (c == '`') {
			size_t run = 0, close;

			while (i + run < n && s[i + run] == '`')
				run++;
			if (run <= 3 && !tick_none[run]) {
				close = find_backticks(s, n, i + run, run);
				if (close == n) {
					tick_none[run] = 1;
				} else {
					size_t a = i + run, b = close;

					/* strip one space padding like CommonMark */
					if (b - a >= 2 && s[a] == ' ' && s[b - 1] == ' ') {
						a++;
						b--;
					}
					buf_add(out, s + a, b - a);
					i = close + run;
					continue;
				}
			}
			buf_add(out, s + i, run);
			i += run;
			continue;
		}
		if (c == '$') {
			size_t run = (i + 1 < n && s[i + 1] == '$') ? 2 : 1;
			const char *p = NULL;

			if (!dollar_none && i + run < n) {
				size_t from = i + run;

				p = memchr(s + from, '$', n - from);
				if (p == NULL)
					dollar_none = 1;
			}
			if (p != NULL && p > s + i + run) {
				size_t end = (size_t)(p - s) + run;

				if (end > n)
					end = n;
				buf_add(out, s + i, end - i);
				i = end;
				continue;
			}
			buf_add(out, s + i, run);
			i += run;
			continue;
		}
		if (c == '*' || c == '_' || (c == '~' && i + 1 < n && s[i + 1] == '~')) {
			size_t run = 0;
			char prev = i ? s[i - 1] : ' ';
			char next;

			while (i + run < n && s[i + run] == c)
				run++;
			next = i + run < n ? s[i + run] : ' ';
			if (c == '_' && is_alnum(prev) && is_alnum(next)) {
				buf_add(out, s + i, run);	/* snake_case */
				i += run;
				continue;
			}
			if (is_space(prev) && is_space(next) && c != '~') {
				buf_add(out, s + i, run);	/* a lone "*" between spaces */
				i += run;
				continue;
			}
			/* drop the delimiter run */
			i += run;
			continue;
		}
		if (c == '<') {
			size_t t = html_tag_len(s + i, n - i, &no_comment_end);

			if (t) {
				/* keep words apart where a block tag separated them */
				if (out->len && !is_space(out->buf[out->len - 1]) &&
				    (s[i + 1] == 'b' || s[i + 1] == 'B' || s[i + 1] == 'd' || s[i + 1] == 'p'))
					buf_addch(out, ' ');
				i += t;
				continue;
			}
		}
		if (c == '&') {
			size_t before = out->len;
			size_t t = text_entity(out, s + i, n - i);

			if (t) {
				if (out->len > before && (unsigned char)out->buf[before] >= 0xCC)
					*nfc = 1;
				i += t;
				continue;
			}
		}
		if ((c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '[')) ) {
			/* [text](url): find "](" then ")" on the same text */
			size_t a = i + (c == '!' ? 2 : 1), j = a;
			int depth = 0;

			/* link texts are short: bounding the scan keeps "[[[[..." linear */
			while (j < n && j - a < 512) {
				if (s[j] == '[')
					depth++;
				else if (s[j] == ']') {
					if (depth == 0)
						break;
					depth--;
				} else if (s[j] == '\n')
					break;
				j++;
			}
			if (j < n && s[j] == ']' && j + 1 < n && s[j + 1] == '(' && !paren_none) {
				const char *p = NULL;
				size_t from = j + 2;

				if (from < n)
					p = memchr(s + from, ')', n - from);
				if (p == NULL) {
					paren_none = 1;
				} else {
					if (c == '[')
						reduce_inline(out, s + a, j - a, nfc);
					i = (size_t)(p - s) + 1;
					continue;
				}
			}
			if (c == '!') {
				buf_addch(out, '!');
				i++;
				continue;
			}
		}
		buf_addch(out, c);
		i++;
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

/* Sanitise, reduce inline markup, squeeze and normalise s[0..n) into out. */
void
text_clean(struct buf *out, const char *s, size_t n, unsigned flags)
{
	size_t from = out->len;
	int nfc = 0;

	sanitise(out, s, n, &nfc);
	if (flags & TEXT_INLINE) {
		size_t len = out->len - from;
		const char *t = out->buf + from;

		if (memchr(t, '*', len) || memchr(t, '_', len) || memchr(t, '`', len) ||
		    memchr(t, '<', len) || memchr(t, '&', len) || memchr(t, '[', len) ||
		    memchr(t, '\\', len) || memchr(t, '~', len) || memchr(t, '$', len)) {
			struct buf tmp = BUF_INIT;

			buf_init(&tmp);
			reduce_inline(&tmp, t, len, &nfc);
			buf_setlen(out, from);
			buf_add(out, tmp.buf, tmp.len);
			buf_free(&tmp);
		}
	}
	if (flags & (TEXT_ONELINE | TEXT_SQUEEZE))
		squeeze(out, from, flags);
	if (nfc)
		nfc_tail(out, from);
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
	if (to > *amap) {
		size_t na = *amap ? *amap : 256;

		while (na < to)
			na *= 2;
		*map = xrealloc(*map, na * sizeof **map);
		*amap = na;
	}
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

/* "ko" when Hangul letters are at least a fifth of the letters, else "en". */
const char *
text_lang(const char *s, size_t n)
{
	size_t i = 0, hangul = 0, latin = 0;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
				latin++;
			i++;
			continue;
		}
		{
			int32_t cp = text_decode(s, n, &i);

			if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
			    (cp >= 0x3130 && cp <= 0x318F))
				hangul++;
		}
	}
	/* a Hangul syllable carries about three Latin letters' worth of text */
	return hangul * 3 * 5 >= (hangul * 3 + latin) && hangul > 0 ? "ko" : "en";
}

/* Valid UTF-8 with no stripped control. */
int
text_is_clean(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t at = i;
		int32_t cp = text_decode(s, n, &i);

		if (text_is_stripped(cp))
			return 0;
		if (cp == REPLACEMENT && !(i - at == 3 && memcmp(s + at, "\xEF\xBF\xBD", 3) == 0))
			return 0;
	}
	return 1;
}
