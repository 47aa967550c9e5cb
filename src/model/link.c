/* model/link.c: normalising and classifying links found in digests. */
#include "model/lib.h"
#include "base/buf.h"
#include "base/url.h"

#include <string.h>
#include <strings.h>

static const char *const kind_names[LINK_NKINDS] = {
	"arxiv", "pdf", "huggingface", "github", "thumbnail",
	"project", "dataset", "model", "space", "other",
};

/* Name of a link kind. */
const char *
link_kind_name(enum link_kind k)
{
	return (unsigned)k < LINK_NKINDS ? kind_names[k] : "other";
}

/* Sort links by the rank of their kind, stably (insertion: a paper has few). */
void
link_order(struct link *v, size_t n)
{
	static const unsigned char rank[LINK_NKINDS] = {
		[LINK_ARXIV] = 0, [LINK_PDF] = 1, [LINK_HUGGINGFACE] = 2, [LINK_GITHUB] = 3,
		[LINK_PROJECT] = 4, [LINK_MODEL] = 5, [LINK_DATASET] = 6, [LINK_SPACE] = 7,
		[LINK_OTHER] = 8, [LINK_THUMBNAIL] = 9,
	};
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct link l = v[i];
		unsigned r = (unsigned)l.kind < LINK_NKINDS ? rank[l.kind] : 8;

		for (j = i; j > 0 && ((unsigned)v[j - 1].kind < LINK_NKINDS ?
		    rank[v[j - 1].kind] : 8) > r; j--)
			v[j] = v[j - 1];
		v[j] = l;
	}
}

/* A byte allowed in a host name. */
static int
host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':' ||
	    c == '[' || c == ']';
}

/* Drop blanks, <angle brackets> and trailing sentence punctuation around a link. */
static void
link_trim(const char **s, size_t *n)
{
	while (*n && (**s == ' ' || **s == '\t' || **s == '\n'))
		(*s)++, (*n)--;
	while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\n'))
		(*n)--;
	if (*n >= 2 && (*s)[0] == '<' && (*s)[*n - 1] == '>')
		(*s)++, *n -= 2;
	/* trailing sentence punctuation is not part of a URL */
	while (*n && strchr(".,;:!?'\"", (*s)[*n - 1]))
		(*n)--;
}

/* Why s[0..n) cannot be a link at all (empty, a control, a blank), or NULL. */
static const char *
link_refused(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return "empty link";
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7F)
			return "control character in link";
		if (c == ' ' || c == '\t')
			return "space in link";
	}
	return NULL;
}

/* Append the scheme ("https://" when none, or "host:port") and skip it in s; NULL or why not. */
static const char *
link_scheme(struct buf *out, const char **s, size_t *n)
{
	size_t i = url_scheme_len(*s, *n);

	if (i && !(i + 1 < *n && (*s)[i + 1] >= '0' && (*s)[i + 1] <= '9')) {
		if (url_prefix_ci(*s, *n, "https://")) {
			buf_puts(out, "https://");
			*s += 8, *n -= 8;
		} else if (url_prefix_ci(*s, *n, "http://")) {
			buf_puts(out, "http://");
			*s += 7, *n -= 7;
		} else if (url_prefix_ci(*s, *n, "http:") || url_prefix_ci(*s, *n, "https:")) {
			return "malformed http link";
		} else {
			return "not an http or https link";
		}
		return NULL;
	}
	if (*n >= 2 && (*s)[0] == '/' && (*s)[1] == '/')
		*s += 2, *n -= 2;
	buf_puts(out, "https://");
	return NULL;
}

/* Append the host of s[0..n) in lower case: letters, digits, dots, dashes, with a dot; its length, or 0. */
static size_t
link_host(struct buf *out, const char *s, size_t n)
{
	size_t i, host0 = out->len;
	int dots = 0;

	for (i = 0; i < n && s[i] != '/' && s[i] != '?' && s[i] != '#'; i++) {
		if (!host_char(s[i]))
			return 0;
		if (s[i] == '.')
			dots++;
		buf_addch(out, (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	}
	if (i == 0 || (dots == 0 && !(i == 9 && memcmp(out->buf + host0, "localhost", 9) == 0)) ||
	    out->buf[host0] == '.' || out->buf[out->len - 1] == '.')
		return 0;
	return i;
}

/* Append the path, percent-encoding every byte the URL byte rule refuses. */
static void
link_path(struct buf *out, const char *s, size_t n)
{
	size_t i = 0;
	char pct[3];

	while (i < n) {
		size_t run = i;

		while (run < n && url_byte_ok((unsigned char)s[run]))
			run++;
		buf_add(out, s + i, run - i);
		if (run < n) {
			url_percent(pct, (unsigned char)s[run]);
			buf_add(out, pct, 3);
			run++;
		}
		i = run;
	}
}

/* Drop closing parentheses at the end that have no opening one after from: they belong to the text. */
static void
link_unbalanced(struct buf *out, size_t from)
{
	size_t open = 0, close = 0, k;

	for (k = from; k < out->len; k++) {
		if (out->buf[k] == '(')
			open++;
		else if (out->buf[k] == ')')
			close++;
	}
	while (close > open && out->len > from && out->buf[out->len - 1] == ')') {
		buf_setlen(out, out->len - 1);
		close--;
	}
}

/* Normalise a digest link into an absolute http(s) URL, or say why not. */
int
link_normalise(struct buf *out, const char *s, size_t n, const char **why)
{
	size_t start = out->len, host0, hostlen;
	const char *w;

	link_trim(&s, &n);
	if ((w = link_refused(s, n)) != NULL || (w = link_scheme(out, &s, &n)) != NULL) {
		*why = w;
		return 0;
	}
	host0 = out->len;
	hostlen = link_host(out, s, n);
	if (hostlen == 0) {
		buf_setlen(out, start);
		*why = "not a URL";
		return 0;
	}
	link_path(out, s + hostlen, n - hostlen);
	link_unbalanced(out, host0);
	return 1;
}

/* Host of an absolute URL: pointer and length (without "www."). */
static const char *
url_host(const char *url, size_t *len, const char **path)
{
	const char *h = strstr(url, "://"), *e;

	h = h ? h + 3 : url;
	if (strncmp(h, "www.", 4) == 0)
		h += 4;
	e = h + strcspn(h, "/?#");
	*len = (size_t)(e - h);
	*path = e;
	return h;
}

/* Host equals name or is a subdomain of it. */
static int
host_is(const char *h, size_t n, const char *name)
{
	size_t m = strlen(name);

	if (n == m)
		return memcmp(h, name, n) == 0;
	return n > m && h[n - m - 1] == '.' && memcmp(h + n - m, name, m) == 0;
}

/* Path ends with one of the image extensions. */
static int
is_image(const char *path)
{
	size_t n = strcspn(path, "?#");
	static const char *const ext[] = { ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg" };
	size_t k;

	for (k = 0; k < sizeof ext / sizeof ext[0]; k++) {
		size_t m = strlen(ext[k]);

		if (n >= m && url_prefix_ci(path + n - m, m, ext[k]))
			return 1;
	}
	return 0;
}

/* Classify an absolute URL by host and path. */
enum link_kind
link_classify(const char *url)
{
	size_t hn;
	const char *path, *h = url_host(url, &hn, &path);

	if (host_is(h, hn, "arxiv.org")) {
		if (strncmp(path, "/pdf", 4) == 0)
			return LINK_PDF;
		return LINK_ARXIV;
	}
	if (is_image(path))
		return LINK_THUMBNAIL;
	if (host_is(h, hn, "huggingface.co") || host_is(h, hn, "hf.co")) {
		const char *slash;

		if (hn > 3 && strncmp(h, "cdn", 3) == 0)
			return LINK_OTHER;
		if (strncmp(path, "/papers/", 8) == 0 || strcmp(path, "/papers") == 0)
			return LINK_HUGGINGFACE;
		if (strncmp(path, "/datasets/", 10) == 0)
			return LINK_DATASET;
		if (strncmp(path, "/spaces/", 8) == 0)
			return LINK_SPACE;
		if (strncmp(path, "/collections/", 13) == 0 || strncmp(path, "/blog", 5) == 0 ||
		    strncmp(path, "/docs", 5) == 0 || strncmp(path, "/models", 7) == 0)
			return LINK_HUGGINGFACE;
		/* /owner/name is a model repository */
		if (path[0] == '/' && (slash = strchr(path + 1, '/')) != NULL &&
		    slash > path + 1 && slash[1] != '\0' && slash[1] != '?')
			return LINK_MODEL;
		return LINK_HUGGINGFACE;
	}
	if (host_is(h, hn, "github.com"))
		return LINK_GITHUB;
	if (host_is(h, hn, "github.io") || host_is(h, hn, "gitlab.io"))
		return LINK_PROJECT;
	return LINK_OTHER;
}

/* Digits at s[0..n) count between lo and hi. */
static size_t
digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	return i;
}

/* Length of a new-style (YYMM.NNNNN) or old-style (cs/0601001) arXiv id at s, or 0. */
static size_t
id_len(const char *s, size_t n)
{
	size_t a = digits(s, n), b, i = 0;

	if (a == 4 && n > 5 && s[4] == '.') {
		b = digits(s + 5, n - 5);
		if (b >= 4 && b <= 5 && (5 + b == n || !(s[5 + b] >= '0' && s[5 + b] <= '9')))
			return 5 + b;
		return 0;
	}
	/* old style: archive(.XX)?/NNNNNNN */
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
		i++;
	if (i == 0)
		return 0;
	if (i + 3 < n && s[i] == '.' && s[i + 1] >= 'A' && s[i + 1] <= 'Z' &&
	    s[i + 2] >= 'A' && s[i + 2] <= 'Z')
		i += 3;
	if (i < n && s[i] == '/' && digits(s + i + 1, n - i - 1) == 7)
		return i + 8;
	return 0;
}

/* Where the arXiv id of a URL to arxiv.org/abs|pdf|html or huggingface.co/papers is (see lib.h). */
size_t
link_arxiv_id_span(const char *s, size_t n, size_t *start)
{
	static const char *const marks[] = {
		"arxiv.org/abs/", "arxiv.org/pdf/", "arxiv.org/html/", "huggingface.co/papers/", "hf.co/papers/",
	};
	size_t k;

	for (k = 0; k < sizeof marks / sizeof marks[0]; k++) {
		size_t m = strlen(marks[k]), i;

		for (i = 0; i + m <= n; i++) {
			if ((s[i] | 0x20) == marks[k][0] && url_prefix_ci(s + i, n - i, marks[k])) {
				*start = i + m;
				return id_len(s + i + m, n - i - m);
			}
		}
	}
	return 0;
}

/* Find an arXiv id in a URL to arxiv.org/abs|pdf|html or huggingface.co/papers. */
int
link_arxiv_id(struct buf *out, const char *s, size_t n)
{
	size_t at, len = link_arxiv_id_span(s, n, &at);

	if (len == 0)
		return 0;
	buf_add(out, s + at, len);
	return 1;
}

/*
 * Like link_arxiv_id, but also a bare id with an optional "arXiv:" or
 * "oai:arXiv.org:" prefix and a version ("2505.02707",
 * "oai:arXiv.org:2508.13167v1").  1 on success.
 */
int
link_arxiv_any_id(struct buf *out, const char *s, size_t n)
{
	struct buf u = BUF_INIT;
	size_t before = out->len, i;
	int ok;

	while (n && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (link_arxiv_id(out, s, n))
		return 1;
	if (n >= 14 && strncasecmp(s, "oai:arxiv.org:", 14) == 0)
		s += 14, n -= 14;
	else if (n >= 6 && strncasecmp(s, "arxiv:", 6) == 0)
		s += 6, n -= 6;
	buf_init(&u);
	buf_puts(&u, "arxiv.org/abs/");
	buf_add(&u, s, n);
	ok = link_arxiv_id(out, u.buf, u.len);
	buf_free(&u);
	if (!ok)
		return 0;
	/* nothing may follow but a version */
	i = out->len - before;
	if (i < n && s[i] == 'v') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
	}
	if (i != n) {
		buf_setlen(out, before);
		return 0;
	}
	return 1;
}
