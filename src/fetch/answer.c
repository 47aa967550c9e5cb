/* fetch/answer.c: from a finished request to a file in the library (see fetch/answer.h). */
#include "fetch/answer.h"
#include "base/hashmap.h"
#include "base/safeio.h"
#include "base/date.h"
#include "ingest/ingest.h"
#include "text/diag.h"
#include "model/lib.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* application/ subtypes that can hold a digest. */
static const char *const app_types[] = {
	"json", "xml", "yaml", "x-yaml", "x-ndjson", "jsonl", "markdown", "octet-stream",
};

/* A paper's identity and a hash of what a reader sees of it. */
struct print {
	uint64_t key;
	uint64_t look;
};

/* True when the Content-Type can be a digest. */
int
answer_type_ok(const char *ctype)
{
	size_t n = strcspn(ctype, ";"), k, sub;
	const char *plus;

	while (n && (ctype[n - 1] == ' ' || ctype[n - 1] == '\t'))
		n--;
	if (n == 0 || (n >= 5 && strncasecmp(ctype, "text/", 5) == 0))
		return 1;
	if (n < 12 || strncasecmp(ctype, "application/", 12) != 0)
		return 0;
	plus = memchr(ctype + 12, '+', n - 12);
	if (plus)	/* atom+xml, ld+json, ... */
		return (ctype + n - plus == 4 && strncasecmp(plus, "+xml", 4) == 0) ||
		    (ctype + n - plus == 5 && strncasecmp(plus, "+json", 5) == 0);
	sub = n - 12;
	for (k = 0; k < sizeof app_types / sizeof app_types[0]; k++)
		if (strlen(app_types[k]) == sub && strncasecmp(ctype + 12, app_types[k], sub) == 0)
			return 1;
	return 0;
}

/* The file extension for a format name. */
static const char *
ext_for(const char *fmt)
{
	if (strcmp(fmt, "json") == 0 || strcmp(fmt, "atom") == 0 || strcmp(fmt, "hf-html") == 0)
		return strcmp(fmt, "json") == 0 ? "json" : strcmp(fmt, "atom") == 0 ? "xml" : "html";
	if (strcmp(fmt, "table") == 0 || strcmp(fmt, "ko-digest") == 0)
		return "md";
	return "txt";
}

/*
 * Read data into a new library (caller frees); fmt and an error (if any)
 * are set, and the first warning in warning when it is not NULL.
 */
static struct lib *
read_body(const char *name, const char *data, size_t len, const char **fmt, struct buf *error,
    struct buf *warning)
{
	struct lib *lib = lib_new();
	struct ingest *ing = ingest_new(lib);
	size_t i;

	ingest_buffer(ing, name, data, len);
	*fmt = NULL;
	if (ingest_nfiles(ing) == 1 && !ingest_file(ing, 0)->failed && ingest_file(ing, 0)->fmt)
		*fmt = ingest_format_name(ingest_file(ing, 0)->fmt);
	for (i = 0; i < ingest_nmsgs(ing); i++) {
		const struct diag *m = ingest_msg(ing, i);

		if (m->level == DIAG_ERROR && error->len == 0)
			buf_puts(error, m->text);
		if (m->level == DIAG_WARNING && warning && warning->len == 0)
			buf_puts(warning, m->text);
	}
	if (*fmt == NULL && error->len == 0)
		buf_puts(error, "not a digest in any known format");
	ingest_free(ing);
	lib_finish(lib);
	return lib;
}

/* One print per paper of lib, in a new array of lib_npapers elements (caller frees). */
static struct print *
prints(const struct lib *lib)
{
	size_t i, n = lib_npapers(lib);
	struct print *v = xcalloc(n + 1, sizeof *v);
	struct buf b = BUF_INIT;

	for (i = 0; i < n; i++) {
		const struct paper *p = lib_paper(lib, i);

		buf_setlen(&b, 0);
		buf_printf(&b, "%s\x1f%ld\x1f%zu\x1f%zu\x1f%zu\x1f%zu", p->title ? p->title : "",
		    p->votes, p->nauthors, p->nsums, p->nlinks, p->ncats);
		v[i].key = hash_str(p->key);
		v[i].look = hash_str(b.buf);
	}
	buf_free(&b);
	return v;
}

/* Count the papers of lib that the earlier file at old lacked, or showed otherwise. */
static void
compare(const struct lib *lib, const char *old, struct answer *out)
{
	struct buf data = BUF_INIT, ignored = BUF_INIT;
	struct lib *before;
	struct print *a, *b;
	const char *fmt;
	size_t i, j, na = lib_npapers(lib), nb;

	out->nnew = na;
	if (safeio_read(old, &data) < 0)
		return;
	before = read_body(old, data.buf, data.len, &fmt, &ignored, NULL);
	nb = lib_npapers(before);
	a = prints(lib);
	b = prints(before);
	out->nnew = 0;
	for (i = 0; i < na; i++) {
		for (j = 0; j < nb && b[j].key != a[i].key; j++)
			;
		if (j == nb)
			out->nnew++;
		else if (b[j].look != a[i].look)
			out->nupdated++;
	}
	free(a);
	free(b);
	lib_free(before);
	buf_free(&data);
	buf_free(&ignored);
}

/* True when path holds exactly data[0..len). */
static int
same_bytes(const char *path, const char *data, size_t len)
{
	struct buf old = BUF_INIT;
	int same = safeio_read(path, &old) == 0 && old.len == len && memcmp(old.buf, data, len) == 0;

	buf_free(&old);
	return same;
}

/* Write the body to path (absolute), making its directory. */
static int
write_file(const char *path, const struct http_req *r, struct buf *err)
{
	struct buf dir = BUF_INIT;
	int rc;

	buf_add(&dir, path, (size_t)(strrchr(path, '/') - path));
	rc = safeio_mkdirs(dir.buf, err);
	buf_free(&dir);
	if (rc < 0)
		return -1;
	return safeio_write(path, r->body.buf, r->body.len, 0644, err);
}

/* Put the checked papers in the library, replacing the earlier file. */
static void
store_papers(const struct answer_target *t, const struct http_req *r, struct history *h,
    const struct lib *lib, const char *fmt, struct answer *out)
{
	const struct history_url *prev = history_url(h, t->url);
	struct buf abs = BUF_INIT, old = BUF_INIT, err = BUF_INIT;
	struct stat sb;
	int had;

	sources_path(&abs, t->libdir, t->source, t->day, ext_for(fmt));
	safeio_clean_stale(abs.buf);	/* what a killed fetch left (we hold the fetch lock) */
	buf_puts(&out->path, abs.buf + strlen(t->libdir) + 1);
	if (prev && strcmp(prev->path, out->path.buf) != 0)
		buf_printf(&old, "%s/%s", t->libdir, prev->path);
	else
		buf_puts(&old, abs.buf);
	had = stat(old.buf, &sb) == 0 && S_ISREG(sb.st_mode);
	out->npapers = lib_npapers(lib);
	if (had && strcmp(old.buf, abs.buf) == 0 && same_bytes(abs.buf, r->body.buf, r->body.len)) {
		out->result = FETCH_SAME;
	} else {
		if (had)
			compare(lib, old.buf, out);
		else
			out->nnew = out->npapers;
		if (write_file(abs.buf, r, &err) < 0) {
			out->result = FETCH_FAILED;
			buf_puts(&out->reason, err.buf);
			goto done;
		}
		if (had && strcmp(old.buf, abs.buf) != 0)
			unlink(old.buf);	/* the same day in an earlier format, written by us */
		out->result = had ? FETCH_UPDATED : FETCH_NEW;
	}
	history_set_url(h, t->url, out->path.buf, r->etag_out.len ? r->etag_out.buf : NULL,
	    r->lm_out.len ? r->lm_out.buf : NULL);
done:
	buf_free(&abs);
	buf_free(&old);
	buf_free(&err);
}

/*
 * A 200 answer: check it, then store it or record an empty day.  An
 * answer without papers is an empty day only when it read cleanly: a page
 * that is not what the source serves (an error page, say) reads with a
 * warning and fails.
 */
static void
store_body(const struct answer_target *t, const struct http_req *r, struct history *h,
    struct answer *out)
{
	struct buf error = BUF_INIT, warning = BUF_INIT, name = BUF_INIT;
	struct lib *lib;
	const char *fmt;

	if (!answer_type_ok(r->ctype.buf)) {
		out->result = FETCH_FAILED;
		buf_puts(&out->reason, "unexpected content type");
		if (history_value_ok(r->ctype.buf) && r->ctype.len < 100)
			buf_printf(&out->reason, " \"%s\"", r->ctype.buf);
		return;
	}
	if (r->body.len == 0) {
		out->result = FETCH_FAILED;
		buf_puts(&out->reason, "empty answer");
		return;
	}
	buf_printf(&name, "%s/%s", t->source, t->day < 0 ? "latest" : "day");
	lib = read_body(name.buf, r->body.buf, r->body.len, &fmt, &error, &warning);
	if (error.len || (lib_npapers(lib) == 0 && warning.len)) {
		out->result = FETCH_FAILED;
		buf_printf(&out->reason, "unreadable answer: %s", error.len ? error.buf : warning.buf);
	} else if (lib_npapers(lib) == 0) {
		out->result = FETCH_EMPTY;
		if (t->day >= 0)
			history_set_checked(h, t->source, t->day);
	} else {
		store_papers(t, r, h, lib, fmt, out);
	}
	lib_free(lib);
	buf_free(&error);
	buf_free(&warning);
	buf_free(&name);
}

/* Decide what the request's end means and act on it. */
void
answer_store(const struct answer_target *t, const struct http_req *r, struct history *h,
    struct answer *out)
{
	const struct history_url *prev = history_url(h, t->url);

	memset(out, 0, sizeof *out);
	buf_init(&out->reason);
	buf_init(&out->path);
	if (r->status == 404 && r->reason.len) {
		out->result = FETCH_MISSING;
		if (t->day >= 0 && t->day < date_today() - 1)
			history_set_checked(h, t->source, t->day);
	} else if (r->reason.len) {
		out->result = FETCH_FAILED;
		buf_puts(&out->reason, r->reason.buf);
	} else if (r->status == 304) {
		out->result = prev ? FETCH_SAME : FETCH_FAILED;
		if (prev)
			buf_puts(&out->path, prev->path);
		else
			buf_puts(&out->reason, "HTTP 304 for a file never fetched");
	} else {
		store_body(t, r, h, out);
	}
}

/* Free the buffers. */
void
answer_free(struct answer *a)
{
	buf_free(&a->reason);
	buf_free(&a->path);
}
