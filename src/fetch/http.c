/* fetch/http.c: the request runner over libcurl's multi interface (see fetch/http.h).
 *
 * Each attempt is one easy handle; redirects and retries put the request
 * back in the queue with a new URL or a time before which it waits.  The
 * loop starts what the per-host limits allow, lets curl work, ends what
 * curl finished, and sleeps in curl_multi_poll until the next event,
 * retry time or tick.  Everything but http_cancel runs on one thread.
 */
#include "fetch/http.h"
#include "base/alloc.h"
#include "base/safeio.h"
#include "fetch/curlso.h"
#include "fetch/sources.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TICK_MS 200
#define MSG_URL_MAX 200

struct host {
	char *key;		/* "host:port" */
	int active;		/* requests running */
	int answered;		/* it has answered once: full parallelism */
	struct buf down;	/* why it cannot be reached, "" while it can */
};

struct http {
	struct http_opts o;
	const struct curlso *curl;	/* libcurl's functions */
	CURLM *multi;
	struct buf ca;		/* system CAs and opts.ca_file, when a CA file is given */
	struct http_req **reqs;
	size_t nreqs, areqs;
	struct host *hosts;
	size_t nhosts, ahosts;
	atomic_int cancel;
	unsigned long long bytes;
};

/* Monotonic milliseconds. */
long long
http_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Append curl's message s, first letter lowercased, anything but printable ASCII as '?'. */
static void
add_printable(struct buf *out, const char *s)
{
	size_t start = out->len;

	for (; s && *s; s++)
		buf_addch(out, *s >= 0x20 && *s < 0x7f ? *s : '?');
	if (out->len > start && out->buf[start] >= 'A' && out->buf[start] <= 'Z')
		out->buf[start] = (char)(out->buf[start] - 'A' + 'a');
}

/* Append a URL for a message: quoted when short and printable. */
static void
add_url(struct buf *out, const char *url)
{
	size_t n = strlen(url), i;

	for (i = 0; i < n && n <= MSG_URL_MAX; i++)
		if (url[i] <= 0x20 || url[i] >= 0x7f || url[i] == '"')
			break;
	if (i == n && n <= MSG_URL_MAX)
		buf_printf(out, "\"%s\"", url);
	else
		buf_puts(out, "a long or unprintable URL");
}

/* Read the system CA bundle and ca_file into h->ca. */
static int
load_cas(struct http *h, const char *ca_file, struct buf *err)
{
	CURL *e = h->curl->easy_init();
	char *sys = NULL;

	if (e && h->curl->easy_getinfo(e, CURLINFO_CAINFO, &sys) == CURLE_OK && sys) {
		if (safeio_read(sys, &h->ca) < 0)
			buf_setlen(&h->ca, 0);	/* the CA directory may still serve */
		buf_addch(&h->ca, '\n');
	}
	if (e)
		h->curl->easy_cleanup(e);
	if (safeio_read(ca_file, &h->ca) < 0) {
		buf_printf(err, "cannot read the CA file '%s': %s", ca_file, strerror(errno));
		return -1;
	}
	return 0;
}

/* A new runner. */
struct http *
http_new(const struct http_opts *o, struct buf *err)
{
	struct http *h = xcalloc(1, sizeof *h);

	h->o = *o;
	buf_init(&h->ca);
	atomic_init(&h->cancel, 0);
	if ((h->curl = curlso_get(err)) == NULL) {
		free(h);
		return NULL;
	}
	if (o->ca_file && *o->ca_file && load_cas(h, o->ca_file, err) < 0) {
		buf_free(&h->ca);
		free(h);
		return NULL;
	}
	h->multi = h->curl->multi_init();
	if (h->multi == NULL) {
		buf_puts(err, "cannot start libcurl");
		buf_free(&h->ca);
		free(h);
		return NULL;
	}
	h->curl->multi_setopt(h->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)HTTP_PER_HOST);
	return h;
}

/* Free the runner. */
void
http_free(struct http *h)
{
	size_t i;

	if (h == NULL)
		return;
	for (i = 0; i < h->nhosts; i++) {
		free(h->hosts[i].key);
		buf_free(&h->hosts[i].down);
	}
	free(h->hosts);
	free(h->reqs);
	h->curl->multi_cleanup(h->multi);
	buf_free(&h->ca);
	free(h);
}

/* Prepare a request. */
void
http_req_init(struct http_req *r, const char *url)
{
	memset(r, 0, sizeof *r);
	buf_init(&r->body);
	buf_init(&r->ctype);
	buf_init(&r->etag_out);
	buf_init(&r->lm_out);
	buf_init(&r->reason);
	buf_init(&r->cur);
	r->url = url;
	buf_puts(&r->cur, url);
}

/* Free a request's buffers. */
void
http_req_free(struct http_req *r)
{
	buf_free(&r->body);
	buf_free(&r->ctype);
	buf_free(&r->etag_out);
	buf_free(&r->lm_out);
	buf_free(&r->reason);
	buf_free(&r->cur);
	free(r->errbuf);
	r->errbuf = NULL;
}

/* Index of the host of url in h->hosts (added when new); -1 when url has none. */
static long
host_of(struct http *h, const char *url)
{
	CURLU *u = h->curl->url();
	char *host = NULL, *port = NULL;
	struct buf key = BUF_INIT;
	long idx = -1;
	size_t i;

	if (u && h->curl->url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    h->curl->url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    h->curl->url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		buf_printf(&key, "%s:%s", host, port);
		for (i = 0; i < h->nhosts && idx < 0; i++)
			if (strcmp(h->hosts[i].key, key.buf) == 0)
				idx = (long)i;
		if (idx < 0) {
			ALLOC_GROW(h->hosts, h->nhosts + 1, h->ahosts);
			memset(&h->hosts[h->nhosts], 0, sizeof *h->hosts);
			h->hosts[h->nhosts].key = buf_detach(&key, NULL);
			idx = (long)h->nhosts++;
		}
	}
	h->curl->free(host);
	h->curl->free(port);
	h->curl->url_cleanup(u);
	buf_free(&key);
	return idx;
}

/* End r with a reason (printf-style); it is not sent again. */
static void fail(struct http_req *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void
fail(struct http_req *r, const char *fmt, ...)
{
	va_list ap;

	buf_setlen(&r->reason, 0);
	va_start(ap, fmt);
	buf_vprintf(&r->reason, fmt, ap);
	va_end(ap);
	r->state = HTTP_DONE;
}

/* Put r in the queue for its current URL (checked first). */
static void
enqueue(struct http *h, struct http_req *r)
{
	struct buf why = BUF_INIT;
	long host;

	r->state = HTTP_QUEUED;
	if (!sources_url_ok(r->cur.buf, &why)) {
		fail(r, "refused %s: %s", r->redirects ? "a redirect" : "the URL", why.buf);
	} else if ((host = host_of(h, r->cur.buf)) < 0) {
		fail(r, "refused the URL: it has no host");
	} else {
		r->host = (size_t)host;
		if (h->hosts[host].down.len) {
			fail(r, "%s", h->hosts[host].down.buf);
			r->skipped = 1;
		}
	}
	buf_free(&why);
}

/* Queue a request. */
void
http_add(struct http *h, struct http_req *r)
{
	r->h = h;
	ALLOC_GROW(h->reqs, h->nreqs + 1, h->areqs);
	h->reqs[h->nreqs++] = r;
	enqueue(h, r);
}

/* libcurl write callback: keep the body, up to the limit. */
static size_t
on_body(char *data, size_t size, size_t n, void *arg)
{
	struct http_req *r = arg;
	size_t len = size * n;

	if (len > r->h->o.max_bytes - r->body.len) {
		r->too_big = 1;
		return 0;
	}
	buf_add(&r->body, data, len);
	r->h->bytes += len;
	return len;
}

/* The conditional request headers, or NULL. */
static struct curl_slist *
conditional(const struct http *h, const struct http_req *r)
{
	struct curl_slist *l = NULL;
	struct buf line = BUF_INIT;

	if (r->etag) {
		buf_printf(&line, "If-None-Match: %s", r->etag);
		l = h->curl->slist_append(l, line.buf);
	}
	if (r->last_modified) {
		buf_setlen(&line, 0);
		buf_printf(&line, "If-Modified-Since: %s", r->last_modified);
		l = h->curl->slist_append(l, line.buf);
	}
	buf_free(&line);
	return l;
}

/* Set up an easy handle for one attempt of r. */
static CURL *
make_easy(struct http *h, struct http_req *r)
{
	CURL *e = h->curl->easy_init();

	if (e == NULL)
		return NULL;
	if (r->errbuf == NULL)
		r->errbuf = xmalloc(CURL_ERROR_SIZE);
	r->errbuf[0] = '\0';
	h->curl->easy_setopt(e, CURLOPT_URL, r->cur.buf);
	h->curl->easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	h->curl->easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	h->curl->easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	h->curl->easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
	h->curl->easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
	h->curl->easy_setopt(e, CURLOPT_CONNECTTIMEOUT, h->o.connect_timeout);
	h->curl->easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1024L);
	h->curl->easy_setopt(e, CURLOPT_LOW_SPEED_TIME, h->o.stall_time);
	h->curl->easy_setopt(e, CURLOPT_TIMEOUT, h->o.max_time);
	h->curl->easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	h->curl->easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->o.max_bytes);
	h->curl->easy_setopt(e, CURLOPT_USERAGENT, h->o.user_agent);
	h->curl->easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	h->curl->easy_setopt(e, CURLOPT_WRITEDATA, r);
	h->curl->easy_setopt(e, CURLOPT_ERRORBUFFER, r->errbuf);
	h->curl->easy_setopt(e, CURLOPT_PRIVATE, r);
	if (h->ca.len) {
		struct curl_blob blob = { h->ca.buf, h->ca.len, CURL_BLOB_NOCOPY };

		h->curl->easy_setopt(e, CURLOPT_CAINFO_BLOB, &blob);
	}
	r->hdrs = conditional(h, r);
	if (r->hdrs)
		h->curl->easy_setopt(e, CURLOPT_HTTPHEADER, (struct curl_slist *)r->hdrs);
	return e;
}

/* Start one attempt of r. */
static void
start(struct http *h, struct http_req *r)
{
	CURL *e = make_easy(h, r);

	if (e == NULL || h->curl->multi_add_handle(h->multi, e) != CURLM_OK) {
		if (e)
			h->curl->easy_cleanup(e);
		h->curl->slist_free_all(r->hdrs);
		r->hdrs = NULL;
		fail(r, "cannot start a transfer");
		return;
	}
	r->easy = e;
	r->state = HTTP_ACTIVE;
	r->tries++;
	r->too_big = 0;
	buf_setlen(&r->body, 0);
	h->hosts[r->host].active++;
}

/* Start every queued request that its host's limit and its retry time allow. */
static void
start_ready(struct http *h, long long now)
{
	size_t i;

	for (i = 0; i < h->nreqs; i++) {
		struct http_req *r = h->reqs[i];
		struct host *ho;

		if (r->state != HTTP_QUEUED || r->not_before > now)
			continue;
		ho = &h->hosts[r->host];
		if (ho->down.len) {
			fail(r, "%s", ho->down.buf);
			r->skipped = 1;
		} else if (ho->active < (ho->answered ? HTTP_PER_HOST : 1)) {
			start(h, r);
		}
	}
}

/* Copy header name of the last answer into out ("" when absent). */
static void
header(const struct http *h, CURL *e, const char *name, struct buf *out)
{
	struct curl_header *hd;

	buf_setlen(out, 0);
	if (h->curl->easy_header(e, name, 0, CURLH_HEADER, -1, &hd) == CURLHE_OK && hd->value)
		buf_puts(out, hd->value);
}

/* True for curl results that mean the host cannot be reached at all. */
static int
unreachable(const struct http *h, CURLcode c, CURL *e)
{
	curl_off_t connect = 0;

	if (c == CURLE_OPERATION_TIMEDOUT) {
		h->curl->easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connect);
		return connect == 0;
	}
	return c == CURLE_COULDNT_RESOLVE_HOST || c == CURLE_COULDNT_RESOLVE_PROXY ||
	    c == CURLE_COULDNT_CONNECT || c == CURLE_PEER_FAILED_VERIFICATION ||
	    c == CURLE_SSL_CONNECT_ERROR || c == CURLE_SSL_CACERT_BADFILE;
}

/* True when the attempt on e ended because connecting took too long. */
static int
connect_timed_out(const struct http *h, CURL *e)
{
	curl_off_t total = 0, connect = 0;

	h->curl->easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &total);
	h->curl->easy_getinfo(e, CURLINFO_CONNECT_TIME_T, &connect);
	return connect == 0 && total >= (curl_off_t)h->o.connect_timeout * 1000000 - 100000;
}

/* A transfer failed in curl: say why, and mark the host down when it is unreachable. */
static void
transport_failed(struct http *h, struct http_req *r, CURL *e, CURLcode c)
{
	struct buf why = BUF_INIT;

	if (r->too_big || c == CURLE_FILESIZE_EXCEEDED)
		buf_printf(&why, "answer larger than %zu MB", h->o.max_bytes >> 20);
	else if (c == CURLE_PARTIAL_FILE)
		buf_puts(&why, "answer cut short");
	else if (c == CURLE_OPERATION_TIMEDOUT && !unreachable(h, c, e))
		buf_puts(&why, "transfer stalled or took too long");
	else if (c == CURLE_PEER_FAILED_VERIFICATION)
		buf_puts(&why, "certificate not trusted (see ca-file)");
	else if ((c == CURLE_COULDNT_CONNECT || c == CURLE_OPERATION_TIMEDOUT) && connect_timed_out(h, e))
		buf_printf(&why, "cannot connect to %s within %ld s", h->hosts[r->host].key,
		    h->o.connect_timeout);
	else
		add_printable(&why, r->errbuf && r->errbuf[0] ? r->errbuf : h->curl->easy_strerror(c));
	if (unreachable(h, c, e) && h->hosts[r->host].down.len == 0)
		buf_puts(&h->hosts[r->host].down, why.buf);
	fail(r, "%s", why.buf);
	buf_free(&why);
}

/* Follow a redirect answer, or end r when it cannot be followed. */
static void
redirect(struct http *h, struct http_req *r, CURL *e)
{
	char *to = NULL;

	h->curl->easy_getinfo(e, CURLINFO_REDIRECT_URL, &to);
	if (to == NULL) {
		fail(r, "HTTP %ld without a location", r->status);
	} else if (r->redirects >= HTTP_MAX_REDIRECTS) {
		fail(r, "more than %d redirects", HTTP_MAX_REDIRECTS);
	} else {
		struct buf target = BUF_INIT;

		buf_puts(&target, to);
		r->redirects++;
		buf_setlen(&r->cur, 0);
		buf_puts(&r->cur, target.buf);
		enqueue(h, r);
		if (r->state == HTTP_DONE) {
			/* the reason names the redirect; add where it pointed */
			buf_puts(&r->reason, " (to ");
			add_url(&r->reason, target.buf);
			buf_addch(&r->reason, ')');
		}
		buf_free(&target);
	}
}

/* A 429 or 5xx answer: wait and try again, or give up. */
static void
retry(struct http *h, struct http_req *r, CURL *e, long long now)
{
	curl_off_t after = 0;
	long long wait;

	h->curl->easy_getinfo(e, CURLINFO_RETRY_AFTER, &after);
	if (r->tries >= h->o.tries) {
		fail(r, "HTTP %ld after %d tries", r->status, r->tries);
		return;
	}
	if (after > h->o.max_wait) {
		fail(r, "HTTP %ld, asked to wait %ld s", r->status, (long)after);
		return;
	}
	wait = after > 0 ? (long long)after * 1000 : (long long)h->o.backoff_ms << (r->tries - 1);
	r->not_before = now + wait;
	r->state = HTTP_QUEUED;
}

/* Decide what an attempt's answer means for r. */
static void
finished(struct http *h, struct http_req *r, CURL *e, CURLcode c, long long now)
{
	long s = 0;

	if (c != CURLE_OK) {
		transport_failed(h, r, e, c);
		return;
	}
	h->curl->easy_getinfo(e, CURLINFO_RESPONSE_CODE, &s);
	r->status = s;
	h->hosts[r->host].answered = 1;
	if (s == 301 || s == 302 || s == 303 || s == 307 || s == 308) {
		redirect(h, r, e);
	} else if (s == 429 || (s >= 500 && s <= 599)) {
		retry(h, r, e, now);
	} else if (s == 304 || (s >= 200 && s <= 299)) {
		char *ct = NULL;

		buf_setlen(&r->ctype, 0);
		if (h->curl->easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ct) == CURLE_OK && ct)
			buf_puts(&r->ctype, ct);
		header(h, e, "ETag", &r->etag_out);
		header(h, e, "Last-Modified", &r->lm_out);
		r->state = HTTP_DONE;
	} else {
		fail(r, "HTTP %ld", s);
	}
}

/* Collect what curl finished; returns how many attempts ended. */
static int
collect(struct http *h)
{
	CURLMsg *m;
	int left, ended = 0;

	while ((m = h->curl->multi_info_read(h->multi, &left)) != NULL) {
		struct http_req *r = NULL;
		CURL *e = m->easy_handle;

		if (m->msg != CURLMSG_DONE)
			continue;
		h->curl->easy_getinfo(e, CURLINFO_PRIVATE, (char **)&r);
		h->hosts[r->host].active--;
		finished(h, r, e, m->data.result, http_now_ms());
		h->curl->multi_remove_handle(h->multi, e);
		h->curl->easy_cleanup(e);
		h->curl->slist_free_all(r->hdrs);
		r->hdrs = NULL;
		r->easy = NULL;
		ended++;
	}
	return ended;
}

/* End every request that is not done with "cancelled". */
static void
cancel_all(struct http *h)
{
	size_t i;

	for (i = 0; i < h->nreqs; i++) {
		struct http_req *r = h->reqs[i];

		if (r->state == HTTP_DONE)
			continue;
		if (r->easy) {
			h->curl->multi_remove_handle(h->multi, r->easy);
			h->curl->easy_cleanup(r->easy);
			h->curl->slist_free_all(r->hdrs);
			r->easy = r->hdrs = NULL;
		}
		fail(r, "cancelled");
	}
}

/* Call done for each request that ended since the last call; returns how many are open. */
static size_t
settle(struct http *h, http_done_fn *done, void *arg)
{
	size_t i, open = 0;

	for (i = 0; i < h->nreqs; i++) {
		struct http_req *r = h->reqs[i];

		if (r->state != HTTP_DONE) {
			open++;
		} else if (!r->reported) {
			r->reported = 1;
			done(r, arg);
		}
	}
	return open;
}

/*
 * Milliseconds to sleep: until the next retry time, at most a tick.  A
 * request waiting for its host's turn wakes with the transfer that frees it.
 */
static int
wait_ms(const struct http *h, long long now)
{
	long long w = TICK_MS;
	size_t i;

	for (i = 0; i < h->nreqs; i++)
		if (h->reqs[i]->state == HTTP_QUEUED && h->reqs[i]->not_before > now &&
		    h->reqs[i]->not_before - now < w)
			w = h->reqs[i]->not_before - now;
	return (int)w;
}

/* Run everything. */
void
http_run(struct http *h, http_done_fn *done, http_tick_fn *tick, void *arg)
{
	int running;

	for (;;) {
		int stop = atomic_load(&h->cancel);

		if (stop)
			cancel_all(h);
		else
			start_ready(h, http_now_ms());
		if (settle(h, done, arg) == 0 || stop)
			break;
		h->curl->multi_perform(h->multi, &running);
		if (collect(h) > 0)
			continue;	/* start what the ended ones free before sleeping */
		if (tick)
			tick(arg);
		h->curl->multi_poll(h->multi, NULL, 0, wait_ms(h, http_now_ms()), NULL);
	}
}

/* Ask the runner to stop. */
void
http_cancel(struct http *h)
{
	atomic_store(&h->cancel, 1);
	h->curl->multi_wakeup(h->multi);
}

/* Bytes received. */
unsigned long long
http_bytes(const struct http *h)
{
	return h->bytes;
}
