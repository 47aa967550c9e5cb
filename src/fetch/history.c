/* fetch/history.c: the fetch history file (see fetch/history.h). */
#include "fetch/history.h"
#include "base/alloc.h"
#include "base/arena.h"
#include "base/hashmap.h"
#include "base/safeio.h"
#include "base/date.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define HEADER "paperboy-fetch 1"
#define MAX_FIELDS 5
#define VALUE_MAX 4096

/* A source and a day ("checked" and "complete" records). */
struct hday {
	const char *source;
	long day;
};

struct history {
	struct arena *a;
	char *path;
	struct history_url *urls;
	size_t nurls, aurls;
	struct hashmap by_url;	/* url -> index in urls */
	struct hday *checked;
	size_t nchecked, achecked;
	struct hday *complete;
	size_t ncomplete, acomplete;
};

/* Printable ASCII, no tab, not too long. */
int
history_value_ok(const char *s)
{
	size_t n = 0;

	for (; *s; s++, n++)
		if (*s < 0x20 || *s > 0x7e || n >= VALUE_MAX)
			return 0;
	return 1;
}

/* A copy in the arena, NULL for NULL or "". */
static const char *
keep(struct history *h, const char *s)
{
	return s && *s ? arena_strdup(h->a, s) : NULL;
}

/* The record for (source, day) in v, or NULL; day < 0 matches any day. */
static struct hday *
find_day(struct hday *v, size_t n, const char *source, long day)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].source, source) == 0 && (day < 0 || v[i].day == day))
			return &v[i];
	return NULL;
}

/* Append (source, day) to an array of records. */
static void
add_day(struct history *h, struct hday **v, size_t *n, size_t *alloc, const char *source, long day)
{
	ALLOC_GROW(*v, *n + 1, *alloc);
	(*v)[*n].source = arena_strdup(h->a, source);
	(*v)[*n].day = day;
	(*n)++;
}

/* Split line into tab-separated fields (in place); returns how many. */
static size_t
split(char *line, char **f)
{
	size_t n = 0;

	f[n++] = line;
	for (; *line; line++)
		if (*line == '\t') {
			*line = '\0';
			if (n == MAX_FIELDS)
				return MAX_FIELDS + 1;
			f[n++] = line + 1;
		}
	return n;
}

/* Apply one record line; returns the reason it cannot be used, or NULL. */
static const char *
load_line(struct history *h, char *line)
{
	char *f[MAX_FIELDS];
	size_t n = split(line, f), i;
	long day;

	for (i = 0; i < n && i < MAX_FIELDS; i++)
		if (!history_value_ok(f[i]))
			return "a field has a control character or is too long";
	if (strcmp(f[0], "url") == 0) {
		if (n != 5 || f[1][0] == '\0' || f[2][0] == '\0')
			return "expected url, URL, PATH, ETAG and LAST-MODIFIED";
		history_set_url(h, f[1], f[2], f[3], f[4]);
		return NULL;
	}
	if (strcmp(f[0], "checked") != 0 && strcmp(f[0], "complete") != 0)
		return "unknown record";
	if (n != 3 || (day = date_parse(f[2])) < 0)
		return "expected a source and a YYYY-MM-DD day";
	if (f[0][0] == 'c' && f[0][1] == 'h')
		history_set_checked(h, f[1], day);
	else
		history_set_complete(h, f[1], day);
	return NULL;
}

/* Parse the whole text of the file. */
static void
load_text(struct history *h, char *text, struct diag_list *msgs)
{
	size_t lineno = 0;
	char *line = text, *nl;

	for (; line && *line; line = nl ? nl + 1 : NULL) {
		const char *why;

		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (++lineno == 1) {
			if (strcmp(line, HEADER) != 0) {
				diag_add(msgs, DIAG_PLAIN, h->path, 1, "not a fetch history (ignored)");
				return;
			}
			continue;
		}
		if (*line == '\0' || *line == '#')
			continue;
		if ((why = load_line(h, line)) != NULL)
			diag_add(msgs, DIAG_PLAIN, h->path, lineno, why);
	}
}

/* Load the history file. */
struct history *
history_load(const char *path, struct diag_list *msgs)
{
	struct history *h = xcalloc(1, sizeof *h);
	struct buf data = BUF_INIT;

	h->a = arena_new();
	h->path = xstrdup(path);
	if (safeio_read(path, &data) == 0) {
		load_text(h, data.buf ? data.buf : (char *)"", msgs);
	} else if (errno != ENOENT) {
		diag_addf(msgs, DIAG_PLAIN, NULL, 0, "cannot read '%s': %s", path, strerror(errno));
	}
	buf_free(&data);
	return h;
}

/* Free everything. */
void
history_free(struct history *h)
{
	if (h == NULL)
		return;
	free(h->urls);
	hashmap_free(&h->by_url);
	free(h->checked);
	free(h->complete);
	free(h->path);
	arena_free(h->a);
	free(h);
}

/* Append "KIND<TAB>SOURCE<TAB>DAY" lines for v. */
static void
save_days(struct buf *out, const char *kind, const struct hday *v, size_t n)
{
	char iso[11];
	size_t i;

	for (i = 0; i < n; i++) {
		date_format(v[i].day, iso);
		buf_printf(out, "%s\t%s\t%s\n", kind, v[i].source, iso);
	}
}

/* Write the file. */
int
history_save(const struct history *h, struct buf *err)
{
	struct buf out = BUF_INIT;
	size_t i;
	int rc;

	buf_puts(&out, HEADER "\n");
	for (i = 0; i < h->nurls; i++) {
		const struct history_url *u = &h->urls[i];

		buf_printf(&out, "url\t%s\t%s\t%s\t%s\n", u->url, u->path,
		    u->etag ? u->etag : "", u->last_modified ? u->last_modified : "");
	}
	save_days(&out, "checked", h->checked, h->nchecked);
	save_days(&out, "complete", h->complete, h->ncomplete);
	rc = safeio_write(h->path, out.buf, out.len, 0600, err);
	buf_free(&out);
	return rc;
}

/* hashmap_key_fn: the URL of record idx. */
static const char *
url_key(const void *ctx, uint32_t idx)
{
	return ((const struct history *)ctx)->urls[idx].url;
}

/* The record of url. */
const struct history_url *
history_url(const struct history *h, const char *url)
{
	long i = hashmap_get(&h->by_url, url, hash_str(url), url_key, h);

	return i < 0 ? NULL : &h->urls[i];
}

/* Set the record of url. */
void
history_set_url(struct history *h, const char *url, const char *path,
    const char *etag, const char *last_modified)
{
	struct history_url *u = (struct history_url *)history_url(h, url);

	if (!history_value_ok(url) || !history_value_ok(path))
		return;
	if (etag && !history_value_ok(etag))
		etag = NULL;
	if (last_modified && !history_value_ok(last_modified))
		last_modified = NULL;
	if (u == NULL) {
		ALLOC_GROW(h->urls, h->nurls + 1, h->aurls);
		hashmap_put(&h->by_url, hash_str(url), (uint32_t)h->nurls);
		u = &h->urls[h->nurls++];
		u->url = arena_strdup(h->a, url);
	}
	u->path = arena_strdup(h->a, path);
	u->etag = keep(h, etag);
	u->last_modified = keep(h, last_modified);
}

/* Was day empty for source? */
int
history_checked(const struct history *h, const char *source, long day)
{
	return find_day(h->checked, h->nchecked, source, day) != NULL;
}

/* Record an empty day. */
void
history_set_checked(struct history *h, const char *source, long day)
{
	if (!history_checked(h, source, day) && history_value_ok(source))
		add_day(h, &h->checked, &h->nchecked, &h->achecked, source, day);
}

/* The last complete fetch of source. */
long
history_complete(const struct history *h, const char *source)
{
	const struct hday *d = find_day(h->complete, h->ncomplete, source, -1);

	return d ? d->day : -1;
}

/* Record a complete fetch. */
void
history_set_complete(struct history *h, const char *source, long day)
{
	struct hday *d = find_day(h->complete, h->ncomplete, source, -1);

	if (d)
		d->day = day;
	else if (history_value_ok(source))
		add_day(h, &h->complete, &h->ncomplete, &h->acomplete, source, day);
}
