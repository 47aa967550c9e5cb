/* fetch/http.h: many HTTP GET requests at once, with libcurl's multi interface.
 *
 * The caller adds requests and runs them all on the calling thread; each
 * one ends in the done callback exactly once, with a final status or a
 * reason.  What it does for every request:
 *  - at most HTTP_PER_HOST at once per host, and only one until the host
 *    has answered once, so an unreachable host costs one attempt: its
 *    other requests end as "skipped" with the same reason;
 *  - https only with certificate verification (http only to loopback,
 *    sources_url_ok); opts.ca_file adds CAs to the system's;
 *  - redirects followed by hand, at most 5, each checked like the first URL;
 *  - 429 and 5xx tried again (opts.tries attempts in all) after
 *    opts.backoff_ms doubling, or after Retry-After when the server gives
 *    one (more than opts.max_wait seconds ends the request);
 *  - timeouts: connect, stall (below 1 kB/s for opts.stall_time s), total;
 *  - answers larger than opts.max_bytes (after decoding gzip or deflate) end
 *    the request;
 *  - If-None-Match / If-Modified-Since from the validators given; a 304 is
 *    a success with an empty body.
 * Nothing here prints.  Only http_cancel may be called from another thread.
 */
#ifndef PB_HTTP_H
#define PB_HTTP_H

#include <stddef.h>

#include "base/buf.h"

#define HTTP_PER_HOST 4
#define HTTP_MAX_REDIRECTS 5

struct http_opts {
	long connect_timeout;	/* seconds */
	long stall_time;	/* seconds below 1 kB/s before a transfer is abandoned */
	long max_time;		/* seconds one attempt may last */
	long backoff_ms;	/* wait before the first retry; doubles each time */
	long max_wait;		/* longest Retry-After honoured, seconds */
	int tries;		/* attempts for 429 and 5xx */
	size_t max_bytes;	/* largest answer */
	const char *ca_file;	/* extra CAs (PEM), or NULL */
	const char *user_agent;
};

enum http_state { HTTP_QUEUED, HTTP_ACTIVE, HTTP_DONE };

/* One request; the caller owns it (http_req_init / http_req_free). */
struct http_req {
	/* set by the caller */
	const char *url;
	const char *etag;		/* validators for a conditional request, or NULL */
	const char *last_modified;
	void *arg;
	/* results, valid in the done callback and after */
	long status;			/* the last HTTP status, 0 when none came */
	struct buf body;		/* the answer (decoded) */
	struct buf ctype;		/* its Content-Type, "" when none */
	struct buf etag_out;		/* its validators, "" when none */
	struct buf lm_out;
	struct buf reason;		/* why it failed; "" for 2xx and 304 */
	int tries;			/* attempts made */
	int skipped;			/* never sent: the host was unreachable */
	/* private */
	enum http_state state;
	struct buf cur;			/* the URL after redirects */
	int redirects;
	int too_big;
	int reported;			/* done was called */
	long long not_before;		/* monotonic ms: queued for a retry */
	size_t host;
	void *easy;
	void *hdrs;
	struct http *h;
	char *errbuf;
};

struct http;

/* Called when a request ends, and about every 200 ms while running. */
typedef void http_done_fn(struct http_req *r, void *arg);
typedef void http_tick_fn(void *arg);

/*
 * A new runner (caller frees with http_free), or NULL with the reason in
 * err (libcurl cannot be loaded: fetch/curlso.h; the CA file cannot be
 * read).  The first runner loads libcurl.
 */
struct http *http_new(const struct http_opts *o, struct buf *err);
/* Free the runner (requests stay the caller's). */
void http_free(struct http *h);
/* Prepare a request for url (the string must outlive it). */
void http_req_init(struct http_req *r, const char *url);
/* Free a request's buffers. */
void http_req_free(struct http_req *r);
/* Queue a request. */
void http_add(struct http *h, struct http_req *r);
/* Run every queued request to its end. */
void http_run(struct http *h, http_done_fn *done, http_tick_fn *tick, void *arg);
/* Stop soon: what is left ends as "cancelled".  Any thread may call it. */
void http_cancel(struct http *h);
/* Monotonic milliseconds (for timing retries and progress). */
long long http_now_ms(void);
/* Bytes received so far. */
unsigned long long http_bytes(const struct http *h);

#endif
