/* ingest/inline.c: markdown and HTML inline markup reduced to plain text
 * (emphasis, code spans, $math$, known HTML tags, entities, [text](url)),
 * on top of the text layer's sanitising, squeezing and NFC. */
#include "ingest/inline.h"
#include "text/text.h"

#include <string.h>

#define REPLACEMENT 0xFFFD

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
inline_entity(struct buf *out, const char *s, size_t n)
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

/* One reduction: the text, the output, and the "no closer beyond here" flags. */
struct reduction {
	struct buf *out;
	const char *s;
	size_t n;
	int *nfc;		/* set when the output may need NFC */
	int tick_none[4];	/* no closing run of 1, 2 or 3 backticks further on */
	int dollar_none;	/* no '$' further on */
	int paren_none;		/* no ')' further on */
	int no_comment_end;	/* no "-->" further on */
};

static void reduce(struct buf *out, const char *s, size_t n, int *nfc);

/*
 * Each red_* handles the markup starting at s[i] and returns the position
 * after it, or 0 when s[i] is not that markup after all (the caller then
 * copies the byte as it is).
 */

/* A backslash escape of punctuation: the character itself. */
static size_t
red_escape(struct reduction *r, size_t i)
{
	if (i + 1 < r->n && r->s[i + 1] != '\0' && strchr("\\`*_{}[]()#+-.!|<>$&~\"'", r->s[i + 1])) {
		buf_addch(r->out, r->s[i + 1]);
		return i + 2;
	}
	return 0;
}

/* A code span: copied verbatim, one space of padding stripped like CommonMark. */
static size_t
red_code(struct reduction *r, size_t i)
{
	const char *s = r->s;
	size_t run = 0, close;

	while (i + run < r->n && s[i + run] == '`')
		run++;
	if (run <= 3 && !r->tick_none[run]) {
		close = find_backticks(s, r->n, i + run, run);
		if (close == r->n) {
			r->tick_none[run] = 1;
		} else {
			size_t a = i + run, b = close;

			if (b - a >= 2 && s[a] == ' ' && s[b - 1] == ' ') {
				a++;
				b--;
			}
			buf_add(r->out, s + a, b - a);
			return close + run;
		}
	}
	buf_add(r->out, s + i, run);
	return i + run;
}

/* $math$ or $$math$$: copied verbatim with its dollars. */
static size_t
red_math(struct reduction *r, size_t i)
{
	const char *s = r->s, *p = NULL;
	size_t run = (i + 1 < r->n && s[i + 1] == '$') ? 2 : 1;

	if (!r->dollar_none && i + run < r->n) {
		p = memchr(s + i + run, '$', r->n - i - run);
		if (p == NULL)
			r->dollar_none = 1;
	}
	if (p != NULL && p > s + i + run) {
		size_t end = (size_t)(p - s) + run;

		if (end > r->n)
			end = r->n;
		buf_add(r->out, s + i, end - i);
		return end;
	}
	buf_add(r->out, s + i, run);
	return i + run;
}

/* A run of *, _ or ~: dropped, except inside snake_case and alone between spaces. */
static size_t
red_emphasis(struct reduction *r, size_t i)
{
	const char *s = r->s;
	char c = s[i], prev = i ? s[i - 1] : ' ', next;
	size_t run = 0;

	while (i + run < r->n && s[i + run] == c)
		run++;
	next = i + run < r->n ? s[i + run] : ' ';
	if ((c == '_' && is_alnum(prev) && is_alnum(next)) ||
	    (is_space(prev) && is_space(next) && c != '~'))
		buf_add(r->out, s + i, run);
	return i + run;
}

/* A known HTML tag or a comment: removed, keeping words apart where a block tag was. */
static size_t
red_tag(struct reduction *r, size_t i)
{
	const char *s = r->s;
	struct buf *out = r->out;
	size_t t = html_tag_len(s + i, r->n - i, &r->no_comment_end);

	if (t == 0)
		return 0;
	if (out->len && !is_space(out->buf[out->len - 1]) &&
	    (s[i + 1] == 'b' || s[i + 1] == 'B' || s[i + 1] == 'd' || s[i + 1] == 'p'))
		buf_addch(out, ' ');
	return i + t;
}

/* An entity: decoded (a combining mark may need NFC). */
static size_t
red_entity(struct reduction *r, size_t i)
{
	size_t before = r->out->len;
	size_t t = inline_entity(r->out, r->s + i, r->n - i);

	if (t == 0)
		return 0;
	if (r->out->len > before && (unsigned char)r->out->buf[before] >= 0xCC)
		*r->nfc = 1;
	return i + t;
}

/* [text](url) as its reduced text, ![alt](url) as nothing. */
static size_t
red_link(struct reduction *r, size_t i)
{
	const char *s = r->s, *p = NULL;
	int image = s[i] == '!', depth = 0;
	size_t a = i + (image ? 2 : 1), j = a;

	/* link texts are short: bounding the scan keeps "[[[[..." linear */
	for (; j < r->n && j - a < 512 && s[j] != '\n'; j++) {
		if (s[j] == '[')
			depth++;
		else if (s[j] == ']' && depth-- == 0)
			break;
	}
	if (j + 1 >= r->n || s[j] != ']' || s[j + 1] != '(' || r->paren_none)
		return 0;
	if (j + 2 < r->n)
		p = memchr(s + j + 2, ')', r->n - j - 2);
	if (p == NULL) {
		r->paren_none = 1;
		return 0;
	}
	if (!image)
		reduce(r->out, s + a, j - a, r->nfc);
	return (size_t)(p - s) + 1;
}

/*
 * Reduce inline markup of s[0..n) to text, appending to out: code spans and
 * $math$ are copied verbatim, emphasis markers dropped when paired, known
 * HTML tags removed, entities decoded, [text](url) and ![alt](url) reduced,
 * backslash escapes of punctuation resolved.  Linear in n: every search is
 * bounded by a "no closer beyond here" position.
 */
static void
reduce(struct buf *out, const char *s, size_t n, int *nfc)
{
	/* the bytes that may start markup; the runs between them are copied at once */
	static const unsigned char starts[256] = {
		['\\'] = 1, ['`'] = 1, ['$'] = 1, ['*'] = 1, ['_'] = 1, ['~'] = 1,
		['<'] = 1, ['&'] = 1, ['['] = 1, ['!'] = 1,
	};
	struct reduction r;
	size_t i = 0;

	memset(&r, 0, sizeof r);
	r.out = out;
	r.s = s;
	r.n = n;
	r.nfc = nfc;
	while (i < n) {
		size_t next = i;
		char c;

		while (next < n && !starts[(unsigned char)s[next]])
			next++;
		if (next > i) {
			buf_add(out, s + i, next - i);
			i = next;
			continue;
		}
		c = s[i];
		next = 0;
		if (c == '\\')
			next = red_escape(&r, i);
		else if (c == '`')
			next = red_code(&r, i);
		else if (c == '$')
			next = red_math(&r, i);
		else if (c == '*' || c == '_' || (c == '~' && i + 1 < n && s[i + 1] == '~'))
			next = red_emphasis(&r, i);
		else if (c == '<')
			next = red_tag(&r, i);
		else if (c == '&')
			next = red_entity(&r, i);
		else if (c == '[' || (c == '!' && i + 1 < n && s[i + 1] == '['))
			next = red_link(&r, i);
		if (next == 0) {
			buf_addch(out, c);
			next = i + 1;
		}
		i = next;
	}
}

/* True when t[0..n) holds a byte that may start inline markup. */
static int
has_markup(const char *t, size_t n)
{
	return memchr(t, '*', n) || memchr(t, '_', n) || memchr(t, '`', n) ||
	    memchr(t, '<', n) || memchr(t, '&', n) || memchr(t, '[', n) ||
	    memchr(t, '\\', n) || memchr(t, '~', n) || memchr(t, '$', n);
}

/* Sanitise s[0..n), reduce its inline markup, squeeze and normalise it into out. */
void
inline_clean(struct buf *out, const char *s, size_t n, unsigned flags)
{
	size_t from = out->len;
	int nfc = text_sanitise(out, s, n);
	size_t len = out->len - from;

	if (has_markup(out->buf + from, len)) {
		struct buf tmp = BUF_INIT;

		buf_init(&tmp);
		reduce(&tmp, out->buf + from, len, &nfc);
		buf_setlen(out, from);
		buf_add(out, tmp.buf, tmp.len);
		buf_free(&tmp);
	}
	text_finish(out, from, flags, nfc);
}
