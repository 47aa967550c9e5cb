/* fetch/sources.c: the source table, URL templates and where files go (see fetch/sources.h). */
#include "fetch/sources.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/url.h"
#include "base/date.h"
#include "fetch/curlso.h"

#include <stdlib.h>
#include <string.h>

#define NAME_MAX_LEN 64
#define TMPL_MAX_LEN 2048
#define ARXIV_PREFIX "arxiv-"

struct sources {
	struct arena *a;	/* names and templates */
	struct source *v;
	size_t n, alloc;
};

static const struct source builtin[] = {
	{ "hf-daily", "https://huggingface.co/api/daily_papers?date={date}", 1, 1 },
	{ "hf-page", "https://huggingface.co/papers/date/{date}", 0, 1 },
};

static const char *const placeholders[] = { "{date}", "{yyyy}", "{mm}", "{dd}" };

/* Append a source (strings copied). */
static struct source *
add(struct sources *s, const char *name, const char *tmpl, int on, int is_builtin)
{
	struct source *src;

	ALLOC_GROW(s->v, s->n + 1, s->alloc);
	src = &s->v[s->n++];
	src->name = arena_strdup(s->a, name);
	src->tmpl = arena_strdup(s->a, tmpl);
	src->on = on;
	src->builtin = is_builtin;
	return src;
}

/* The built-in table. */
struct sources *
sources_new(void)
{
	struct sources *s = xcalloc(1, sizeof *s);
	size_t i;

	s->a = arena_new();
	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++)
		add(s, builtin[i].name, builtin[i].tmpl, builtin[i].on, 1);
	return s;
}

/* Free the table. */
void
sources_free(struct sources *s)
{
	if (s == NULL)
		return;
	free(s->v);
	arena_free(s->a);
	free(s);
}

/* Number of sources. */
size_t
sources_count(const struct sources *s)
{
	return s->n;
}

/* Source i. */
const struct source *
sources_at(const struct sources *s, size_t i)
{
	return i < s->n ? &s->v[i] : NULL;
}

/* The table's entry called name, or NULL. */
static struct source *
lookup(const struct sources *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->v[i].name, name) == 0)
			return &s->v[i];
	return NULL;
}

/* True when name is arxiv-CATEGORY with a category. */
static int
is_arxiv(const char *name)
{
	size_t n = strlen(ARXIV_PREFIX);

	return strncmp(name, ARXIV_PREFIX, n) == 0 && name[n] != '\0';
}

/* Find by name, arxiv-CATEGORY included. */
const struct source *
sources_find(const struct sources *s, const char *name, struct source *tmp, struct buf *tmpl)
{
	const struct source *src = lookup(s, name);

	if (src || !sources_name_ok(name) || !is_arxiv(name))
		return src;
	buf_setlen(tmpl, 0);
	buf_printf(tmpl, "https://rss.arxiv.org/atom/%s", name + strlen(ARXIV_PREFIX));
	tmp->name = name;
	tmp->tmpl = tmpl->buf;
	tmp->on = 0;
	tmp->builtin = 1;
	return tmp;
}

/* Letters, digits, '.', '_', '-', starting with a letter or digit. */
int
sources_name_ok(const char *name)
{
	size_t i, n = strlen(name);

	if (n == 0 || n > NAME_MAX_LEN)
		return 0;
	for (i = 0; i < n; i++) {
		char c = name[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || !strchr("._-", c)))
			return 0;
	}
	return 1;
}

/* True when host is a loopback address literal or localhost. */
static int
loopback_host(const char *host)
{
	int parts = 0, digits = 0;
	const char *p;

	if (strcmp(host, "localhost") == 0 || strcmp(host, "[::1]") == 0)
		return 1;
	if (strncmp(host, "127.", 4) != 0)
		return 0;
	for (p = host; ; p++) {
		if (*p >= '0' && *p <= '9' && digits < 3) {
			digits++;
		} else if ((*p == '.' || *p == '\0') && digits > 0) {
			parts++;
			digits = 0;
			if (*p == '\0')
				return parts == 4;
		} else {
			return 0;
		}
	}
}

/* The policy for a URL's scheme and host: https anywhere, http only to loopback. */
static int
scheme_host_ok(const char *scheme, const char *host, struct buf *why)
{
	if (strcmp(scheme, "https") == 0)
		return 1;
	if (strcmp(scheme, "http") == 0 && loopback_host(host))
		return 1;
	if (strcmp(scheme, "http") == 0)
		buf_puts(why, "plain http is only fetched from this machine (use https)");
	else
		buf_printf(why, "only https URLs are fetched, not \"%s:\"", scheme);
	return 0;
}

/* https anywhere, http only to loopback, as libcurl parses the URL. */
int
sources_url_ok(const char *url, struct buf *why)
{
	const struct curlso *c = curlso_get(why);
	CURLU *u;
	char *scheme = NULL, *host = NULL;
	int ok = 0;
	CURLUcode rc;

	if (c == NULL)
		return 0;
	if ((u = c->url()) == NULL) {
		buf_puts(why, "out of memory");
		return 0;
	}
	rc = c->url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	if (rc != CURLUE_OK)
		buf_printf(why, "not a URL (%s)", c->url_strerror(rc));
	else if (c->url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    c->url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		buf_puts(why, "a URL needs a scheme and a host");
	else
		ok = scheme_host_ok(scheme, host, why);
	c->free(scheme);
	c->free(host);
	c->url_cleanup(u);
	return ok;
}

/*
 * The same policy without libcurl, for templates in the settings (reading
 * them must not load it): the scheme (lowercased), then the host after
 * "//" and any "user@", up to its port, '/', '?' or '#'.  Only a first
 * check for an early message: the fetch checks every URL again with
 * sources_url_ok, which decides.
 */
static int
template_url_ok(const char *url, struct buf *why)
{
	size_t k = url_scheme_len(url, strlen(url)), i, len;
	struct buf scheme = BUF_INIT, host = BUF_INIT;
	const char *auth;
	int ok = 0;

	if (k == 0 || strncmp(url + k, "://", 3) != 0) {
		buf_puts(why, "a URL needs a scheme and a host");
		return 0;
	}
	for (i = 0; i < k; i++)
		buf_addch(&scheme, url[i] >= 'A' && url[i] <= 'Z' ? (char)(url[i] - 'A' + 'a') : url[i]);
	auth = url + k + 3;
	for (i = strcspn(auth, "/?#"); i > 0; i--)
		if (auth[i - 1] == '@') {
			auth += i;	/* after the user name */
			break;
		}
	if (auth[0] == '[') {
		len = strcspn(auth, "]/?#");
		len += auth[len] == ']';
	} else {
		len = strcspn(auth, ":/?#");
	}
	buf_add(&host, auth, len);
	if (host.len == 0)
		buf_puts(why, "a URL needs a scheme and a host");
	else
		ok = scheme_host_ok(scheme.buf, host.buf, why);
	buf_free(&scheme);
	buf_free(&host);
	return ok;
}

/* Length of the placeholder at t[0] == '{', or 0 when it is not one. */
static size_t
placeholder_at(const char *t)
{
	size_t k, n;

	for (k = 0; k < sizeof placeholders / sizeof placeholders[0]; k++) {
		n = strlen(placeholders[k]);
		if (strncmp(t, placeholders[k], n) == 0)
			return n;
	}
	return 0;
}

/* True when the template has a placeholder. */
int
sources_dated(const char *tmpl)
{
	for (; *tmpl; tmpl++)
		if (*tmpl == '{' && placeholder_at(tmpl))
			return 1;
	return 0;
}

/* Expand the placeholders for day. */
void
sources_expand(const char *tmpl, long day, struct buf *url)
{
	char iso[11];
	size_t n;

	date_format(day, iso);
	while (*tmpl) {
		if (*tmpl != '{' || (n = placeholder_at(tmpl)) == 0) {
			buf_addch(url, *tmpl++);
			continue;
		}
		if (tmpl[1] == 'd' && tmpl[2] == 'a')
			buf_add(url, iso, 10);		/* {date} */
		else if (tmpl[1] == 'y')
			buf_add(url, iso, 4);		/* {yyyy} */
		else if (tmpl[1] == 'm')
			buf_add(url, iso + 5, 2);	/* {mm} */
		else
			buf_add(url, iso + 8, 2);	/* {dd} */
		tmpl += n;
	}
}

/* Check a template: its characters, its placeholders and the URL it gives. */
static int
template_ok(const char *tmpl, struct buf *err)
{
	struct buf url = BUF_INIT, why = BUF_INIT;
	const char *t;
	int ok;

	if (strlen(tmpl) > TMPL_MAX_LEN) {
		buf_printf(err, "URL template longer than %d bytes", TMPL_MAX_LEN);
		return 0;
	}
	for (t = tmpl; *t; t++) {
		if (*t == '{' && placeholder_at(t)) {
			t += placeholder_at(t) - 1;
			continue;
		}
		if (!url_byte_ok((unsigned char)*t)) {
			const char *what = url_byte_name((unsigned char)*t);

			buf_printf(err, "URL template '%s' has %s%s (placeholders: {date} {yyyy} {mm} {dd})",
			    tmpl, what ? "a " : "a control or non-ASCII byte", what ? what : "");
			return 0;
		}
	}
	sources_expand(tmpl, date_parse("2025-01-31"), &url);
	ok = template_url_ok(url.buf, &why);
	if (!ok)
		buf_printf(err, "URL template '%s': %s", tmpl, why.buf);
	buf_free(&url);
	buf_free(&why);
	return ok;
}

/* Apply "source NAME VALUE". */
int
sources_set(struct sources *s, const char *name, const char *value, struct buf *err)
{
	struct source *src;
	int onoff = strcmp(value, "on") == 0 ? 1 : strcmp(value, "off") == 0 ? 0 : -1;

	if (!sources_name_ok(name)) {
		buf_printf(err, "bad source name '%s' (letters, digits, '.', '_' and '-', "
		    "starting with a letter or a digit)", name);
		return -1;
	}
	if (onoff < 0 && !template_ok(value, err))
		return -1;
	src = lookup(s, name);
	if (src == NULL && onoff >= 0 && !is_arxiv(name)) {
		buf_printf(err, "unknown source '%s' (give its URL template)", name);
		return -1;
	}
	if (src == NULL) {
		struct buf tmpl = BUF_INIT;

		if (onoff >= 0)	/* arxiv-CATEGORY (checked above): its feed */
			buf_printf(&tmpl, "https://rss.arxiv.org/atom/%s", name + strlen(ARXIV_PREFIX));
		src = add(s, name, onoff < 0 ? value : tmpl.buf, 1, onoff >= 0);
		buf_free(&tmpl);
	} else if (onoff < 0) {
		src->tmpl = arena_strdup(s->a, value);
	}
	src->on = onoff != 0;
	return 0;
}

/* LIBDIR/NAME/YYYY/MM/DD.EXT or LIBDIR/NAME/latest.EXT. */
void
sources_path(struct buf *out, const char *libdir, const char *name, long day, const char *ext)
{
	int y, m, d;

	buf_printf(out, "%s/%s/", libdir, name);
	if (day < 0) {
		buf_printf(out, "latest.%s", ext);
		return;
	}
	date_ymd(day, &y, &m, &d);
	buf_printf(out, "%04d/%02d/%02d.%s", y, m, d, ext);
}
