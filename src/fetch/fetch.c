/* fetch/fetch.c: the fetch thread, its plan and its events (see fetch/fetch.h).
 *
 * fetch_start copies the options and starts the thread.  The thread takes
 * the library's fetch lock, reads the history, plans one job per source
 * and day, runs the requests (fetch/http.h), stores each answer as it
 * ends (fetch/answer.h) and saves the history.  It reports through a
 * queue of events under a mutex; a byte written to a non-blocking pipe
 * wakes whoever polls fetch_fd.  Progress events are merged while
 * nobody takes them, so the queue stays small.
 */
#include "fetch/fetch.h"
#include "base/alloc.h"
#include "base/safeio.h"
#include "fetch/answer.h"
#include "base/date.h"
#include "fetch/history.h"
#include "fetch/http.h"
#include "ingest/ingest.h"
#include "model/lib.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROGRESS_MS 100

/* A source as the fetch uses it: copies. */
struct fsrc {
	char *name;
	char *tmpl;
	int failed;		/* some day of it failed in this run */
};

/* One source and day to fetch. */
struct job {
	struct fsrc *src;
	long day;		/* -1: undated */
	char *url;
	struct http_req req;
};

struct fetch {
	/* the options, copied */
	char *libdir;
	struct fsrc *srcs;
	size_t nsrcs, asrcs;
	long days, since, until;
	char *ca_file;
	/* the queue, under mu */
	pthread_mutex_t mu;
	struct fetch_event *evs;
	size_t head, nev, aev;
	int done_taken;
	struct http *http;	/* set while requests run, for fetch_cancel */
	int pipe[2];
	atomic_int cancel;
	pthread_t tid;
	/* the thread's own */
	struct history *hist;
	struct job *jobs;
	size_t njobs, ndone;
	long today;
	const char *current;	/* the source last active */
	long long last_progress;
	unsigned long long bytes;	/* received, as of the last progress */
	int failed;
};

/* Free what an event owns. */
void
fetch_event_clear(struct fetch_event *ev)
{
	free(ev->source);
	free(ev->reason);
	free(ev->path);
	memset(ev, 0, sizeof *ev);
}

/* Make the pipe readable; a full pipe (EAGAIN) is readable already. */
static void
wake(struct fetch *f)
{
	char one = 1;

	while (write(f->pipe[1], &one, 1) < 0 && errno == EINTR)
		;
}

/* Queue an event (taken over: the caller no longer owns it) and wake the reader. */
static void
push(struct fetch *f, struct fetch_event *ev)
{
	struct fetch_event *last;

	pthread_mutex_lock(&f->mu);
	last = f->nev > f->head ? &f->evs[f->nev - 1] : NULL;
	if (ev->kind == FETCH_EV_PROGRESS && last && last->kind == FETCH_EV_PROGRESS) {
		fetch_event_clear(last);	/* nobody took it yet: the new one replaces it */
		*last = *ev;
	} else {
		if (f->head > 0 && f->head == f->nev)
			f->head = f->nev = 0;
		ALLOC_GROW(f->evs, f->nev + 1, f->aev);
		f->evs[f->nev++] = *ev;
	}
	pthread_mutex_unlock(&f->mu);
	memset(ev, 0, sizeof *ev);
	wake(f);
}

/* Queue a progress event. */
static void
progress(struct fetch *f)
{
	struct fetch_event ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = FETCH_EV_PROGRESS;
	ev.done = f->ndone;
	ev.total = f->njobs;
	if (f->http)
		f->bytes = http_bytes(f->http);
	ev.bytes = f->bytes;
	ev.source = f->current ? xstrdup(f->current) : NULL;
	f->last_progress = http_now_ms();
	push(f, &ev);
}

/* Queue a note or the end (reason copied, may be NULL). */
static void
push_text(struct fetch *f, enum fetch_event_kind kind, const char *reason)
{
	struct fetch_event ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = kind;
	ev.done = f->ndone;
	ev.total = f->njobs;
	ev.failed = f->failed;
	ev.reason = reason ? xstrdup(reason) : NULL;
	push(f, &ev);
}

/* ---- the plan ---- */

/* Append a job for src and day. */
static void
add_job(struct fetch *f, size_t *alloc, struct fsrc *src, long day)
{
	struct buf url = BUF_INIT;
	struct job *j;

	ALLOC_GROW(f->jobs, f->njobs + 1, *alloc);
	j = &f->jobs[f->njobs++];
	memset(j, 0, sizeof *j);
	j->src = src;
	j->day = day;
	sources_expand(src->tmpl, day, &url);
	j->url = buf_detach(&url, NULL);
	http_req_init(&j->req, j->url);	/* arg is set once the array stops moving */
}

/* The first day to fetch for src (the last is f->until). */
static long
first_day(const struct fetch *f, const struct fsrc *src)
{
	long first, last_complete;

	if (f->days > 0)
		return f->until - f->days + 1;
	if (f->since >= 0)
		return f->since;
	first = f->until - (FETCH_DEFAULT_DAYS - 1);
	last_complete = history_complete(f->hist, src->name);
	if (last_complete > first)
		first = last_complete;
	if (first > f->today - 1)
		first = f->today - 1;	/* yesterday is always asked again */
	return first;
}

/* One job per source and day, in source order. */
static void
plan(struct fetch *f)
{
	size_t alloc = 0, i;
	long d;

	for (i = 0; i < f->nsrcs; i++) {
		struct fsrc *src = &f->srcs[i];
		int asked = f->days > 0 || f->since >= 0;

		if (!sources_dated(src->tmpl)) {
			add_job(f, &alloc, src, -1);
			continue;
		}
		for (d = first_day(f, src); d <= f->until; d++)
			if (asked || d >= f->today - 1 || !history_checked(f->hist, src->name, d))
				add_job(f, &alloc, src, d);
	}
}

/* Use the validators of an earlier answer when its file is still there. */
static void
conditional(struct fetch *f, struct job *j)
{
	const struct history_url *u = history_url(f->hist, j->url);
	struct buf path = BUF_INIT;
	struct stat sb;

	if (u == NULL)
		return;
	buf_printf(&path, "%s/%s", f->libdir, u->path);
	if (stat(path.buf, &sb) == 0 && S_ISREG(sb.st_mode)) {
		j->req.etag = u->etag;
		j->req.last_modified = u->last_modified;
	}
	buf_free(&path);
}

/* ---- running ---- */

/* A number of seconds (or ms) from the environment, else dflt. */
static long
env_long(const char *name, long dflt)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (v == NULL || *v == '\0')
		return dflt;
	errno = 0;
	n = strtol(v, &end, 10);
	return errno || *end || n < 0 ? dflt : n;
}

/* The request options: the defaults of the issue, overridable for tests. */
static void
http_options(const struct fetch *f, struct http_opts *o)
{
	memset(o, 0, sizeof *o);
	o->connect_timeout = env_long("PAPERBOY_FETCH_CONNECT_TIMEOUT", 10);
	o->stall_time = env_long("PAPERBOY_FETCH_STALL_TIME", 30);
	o->max_time = env_long("PAPERBOY_FETCH_MAX_TIME", 120);
	o->backoff_ms = env_long("PAPERBOY_FETCH_BACKOFF_MS", 1000);
	o->max_wait = 120;
	o->tries = FETCH_TRIES;
	o->max_bytes = FETCH_MAX_BYTES;
	o->ca_file = f->ca_file;
	o->user_agent = "paperboy/" PACKAGE_VERSION " (+" PACKAGE_BUGREPORT ")";
}

/* http_done_fn: store the answer and report the day. */
static void
on_done(struct http_req *r, void *arg)
{
	struct fetch *f = arg;
	struct job *j = r->arg;
	struct answer_target t = { f->libdir, j->src->name, j->day, j->url };
	struct answer a;
	struct fetch_event ev;

	answer_store(&t, r, f->hist, &a);
	memset(&ev, 0, sizeof ev);
	ev.kind = FETCH_EV_DAY;
	ev.source = xstrdup(j->src->name);
	if (j->day >= 0)
		date_format(j->day, ev.day);
	ev.result = a.result;
	ev.npapers = a.npapers;
	ev.nnew = a.nnew;
	ev.nupdated = a.nupdated;
	ev.skipped = r->skipped;
	ev.reason = a.reason.len ? xstrdup(a.reason.buf) : NULL;
	ev.path = a.path.len ? xstrdup(a.path.buf) : NULL;
	if (a.result == FETCH_FAILED)
		f->failed = j->src->failed = 1;
	f->ndone++;
	f->current = j->src->name;
	answer_free(&a);
	push(f, &ev);
	progress(f);
}

/* http_tick_fn: progress now and then. */
static void
on_tick(void *arg)
{
	struct fetch *f = arg;

	if (http_now_ms() - f->last_progress >= PROGRESS_MS)
		progress(f);
}

/* Run the planned requests; returns -1 when they could not start (reason in err). */
static int
run_requests(struct fetch *f, struct buf *err)
{
	struct http_opts o;
	struct http *h;
	size_t i;

	http_options(f, &o);
	h = http_new(&o, err);
	if (h == NULL)
		return -1;
	for (i = 0; i < f->njobs; i++) {
		f->jobs[i].req.arg = &f->jobs[i];
		conditional(f, &f->jobs[i]);
		http_add(h, &f->jobs[i].req);
	}
	if (f->njobs)
		f->current = f->jobs[0].src->name;
	pthread_mutex_lock(&f->mu);
	f->http = h;
	pthread_mutex_unlock(&f->mu);
	if (atomic_load(&f->cancel))
		http_cancel(h);
	progress(f);
	http_run(h, on_done, on_tick, f);
	pthread_mutex_lock(&f->mu);
	f->http = NULL;
	pthread_mutex_unlock(&f->mu);
	progress(f);
	http_free(h);
	return 0;
}

/* After the run: sources without a failure are complete up to today. */
static void
mark_complete(struct fetch *f)
{
	size_t i;

	if (f->until != f->today || atomic_load(&f->cancel))
		return;
	for (i = 0; i < f->nsrcs; i++)
		if (!f->srcs[i].failed)
			history_set_complete(f->hist, f->srcs[i].name, f->today);
}

/* Everything the thread does with the lock held; a reason to end with goes to err. */
static void
run_locked(struct fetch *f, struct buf *err)
{
	struct diag_list msgs;
	struct buf path = BUF_INIT;
	size_t i;

	diag_list_init(&msgs);
	buf_printf(&path, "%s/.paperboy-fetch", f->libdir);
	f->hist = history_load(path.buf, &msgs);
	for (i = 0; i < msgs.n; i++)
		push_text(f, FETCH_EV_NOTE, diag_line(&msgs, i));
	diag_list_free(&msgs);
	plan(f);
	if (run_requests(f, err) == 0) {
		mark_complete(f);
		if (history_save(f->hist, err) < 0) {
			push_text(f, FETCH_EV_NOTE, err->buf);
			buf_setlen(err, 0);
		}
	}
	buf_free(&path);
}

/* The fetch thread. */
static void *
run(void *arg)
{
	struct fetch *f = arg;
	struct buf lock = BUF_INIT, err = BUF_INIT;
	int fd = -1;

	buf_printf(&lock, "%s/.paperboy-fetch.lock", f->libdir);
	if (safeio_mkdirs(f->libdir, &err) == 0) {
		fd = safeio_trylock(lock.buf, &err);
		if (fd >= 0) {
			run_locked(f, &err);
			safeio_unlock(fd);
		} else if (errno == EWOULDBLOCK) {
			buf_setlen(&err, 0);
			buf_puts(&err, "another fetch of this library is running");
		}
	}
	if (err.len)
		f->failed = 1;
	push_text(f, FETCH_EV_DONE, err.len ? err.buf : NULL);
	buf_free(&lock);
	buf_free(&err);
	return NULL;
}

/* ---- the API ---- */

/* Check the names. */
int
fetch_check_names(const struct sources *s, const char *const *names, size_t n, struct buf *err)
{
	struct source tmp;
	struct buf tmpl = BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < n && rc == 0; i++)
		if (sources_find(s, names[i], &tmp, &tmpl) == NULL) {
			buf_printf(err, "unknown source '%s'", names[i]);
			rc = -1;
		}
	buf_free(&tmpl);
	return rc;
}

/* Add a copy of src unless a source of that name is there already. */
static void
add_source(struct fetch *f, const struct source *src)
{
	size_t i;

	for (i = 0; i < f->nsrcs; i++)
		if (strcmp(f->srcs[i].name, src->name) == 0)
			return;
	ALLOC_GROW(f->srcs, f->nsrcs + 1, f->asrcs);
	f->srcs[f->nsrcs].name = xstrdup(src->name);
	f->srcs[f->nsrcs].tmpl = xstrdup(src->tmpl);
	f->srcs[f->nsrcs].failed = 0;
	f->nsrcs++;
}

/* Copy the sources to fetch: the named ones, else those that are on. */
static void
copy_sources(struct fetch *f, const struct fetch_opts *o)
{
	struct source tmp;
	struct buf tmpl = BUF_INIT;
	const struct source *src;
	size_t i;

	for (i = 0; i < o->nnames; i++)
		if ((src = sources_find(o->sources, o->names[i], &tmp, &tmpl)) != NULL)
			add_source(f, src);
	for (i = 0; o->nnames == 0 && i < sources_count(o->sources); i++)
		if (sources_at(o->sources, i)->on)
			add_source(f, sources_at(o->sources, i));
	buf_free(&tmpl);
}

/* Check the options and fill in the range; -1 with the reason in err. */
static int
set_range(struct fetch *f, const struct fetch_opts *o, struct buf *err)
{
	f->today = date_today();
	f->days = o->days;
	f->since = o->since;
	f->until = o->until >= 0 ? o->until : f->today;
	if (o->libdir == NULL || *o->libdir == '\0') {
		buf_puts(err, "no library directory (set PAPERBOY_LIBRARY, library or XDG_DATA_HOME)");
		return -1;
	}
	if (o->days < 0 || o->days > FETCH_MAX_DAYS ||
	    (o->since >= 0 && f->until - o->since >= FETCH_MAX_DAYS)) {
		buf_printf(err, "at most %d days at once", FETCH_MAX_DAYS);
		return -1;
	}
	if (o->since >= 0 && o->since > f->until) {
		buf_puts(err, "--since is after --until");
		return -1;
	}
	return 0;
}

/* Free the copies and the queue (not the thread). */
static void
fetch_free(struct fetch *f)
{
	size_t i;

	for (i = 0; i < f->nsrcs; i++) {
		free(f->srcs[i].name);
		free(f->srcs[i].tmpl);
	}
	for (i = 0; i < f->njobs; i++) {
		http_req_free(&f->jobs[i].req);
		free(f->jobs[i].url);
	}
	for (i = f->head; i < f->nev; i++)
		fetch_event_clear(&f->evs[i]);
	free(f->evs);
	free(f->srcs);
	free(f->jobs);
	free(f->libdir);
	free(f->ca_file);
	history_free(f->hist);
	if (f->pipe[0] >= 0)
		close(f->pipe[0]);
	if (f->pipe[1] >= 0)
		close(f->pipe[1]);
	pthread_mutex_destroy(&f->mu);
	free(f);
}

/* Set up what the thread shares with the caller; -1 with the reason in err. */
static int
prepare(struct fetch *f, const struct fetch_opts *o, struct buf *err)
{
	const char *ca = o->ca_file;
	struct sigaction sa;
	struct lib *lib;

	f->pipe[0] = f->pipe[1] = -1;
	pthread_mutex_init(&f->mu, NULL);
	atomic_init(&f->cancel, 0);
	if (set_range(f, o, err) < 0 || fetch_check_names(o->sources, o->names, o->nnames, err) < 0)
		return -1;
	f->libdir = xstrdup(o->libdir);
	f->ca_file = ca && *ca ? xstrdup(ca) : NULL;
	copy_sources(f, o);
	if (pipe(f->pipe) < 0 || fcntl(f->pipe[0], F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(f->pipe[1], F_SETFL, O_NONBLOCK) < 0 ||
	    fcntl(f->pipe[0], F_SETFD, FD_CLOEXEC) < 0 || fcntl(f->pipe[1], F_SETFD, FD_CLOEXEC) < 0) {
		buf_printf(err, "cannot make a pipe: %s", strerror(errno));
		return -1;
	}
	if (sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL) {
		/* a server closing a TLS connection must not kill the process */
		sa.sa_handler = SIG_IGN;
		sigaction(SIGPIPE, &sa, NULL);
	}
	/* the parsers' one-time set-up, on this thread before the fetch thread parses */
	lib = lib_new();
	ingest_free(ingest_new(lib));
	lib_free(lib);
	return 0;
}

/* Start. */
struct fetch *
fetch_start(const struct fetch_opts *o, struct buf *err)
{
	struct fetch *f = xcalloc(1, sizeof *f);
	int e;

	if (prepare(f, o, err) < 0) {
		fetch_free(f);
		return NULL;
	}
	if ((e = pthread_create(&f->tid, NULL, run, f)) != 0) {
		buf_printf(err, "cannot start the fetch thread: %s", strerror(e));
		fetch_free(f);
		return NULL;
	}
	return f;
}

/* The descriptor to poll. */
int
fetch_fd(const struct fetch *f)
{
	return f->pipe[0];
}

/* Take the next event. */
int
fetch_next(struct fetch *f, struct fetch_event *ev)
{
	char drain[64];
	int rc = 0, more = 0;

	while (read(f->pipe[0], drain, sizeof drain) > 0)
		;
	pthread_mutex_lock(&f->mu);
	if (f->head < f->nev) {
		*ev = f->evs[f->head++];
		if (ev->kind == FETCH_EV_DONE)
			f->done_taken = 1;
		more = f->head < f->nev;
		rc = 1;
	} else if (f->done_taken) {
		rc = -1;
	}
	pthread_mutex_unlock(&f->mu);
	if (more)
		wake(f);	/* more are waiting: keep the pipe readable */
	return rc;
}

/* Ask the thread to stop. */
void
fetch_cancel(struct fetch *f)
{
	atomic_store(&f->cancel, 1);
	pthread_mutex_lock(&f->mu);
	if (f->http)
		http_cancel(f->http);
	pthread_mutex_unlock(&f->mu);
}

/* Join and free. */
int
fetch_end(struct fetch *f)
{
	int failed;

	if (f == NULL)
		return 0;
	pthread_join(f->tid, NULL);
	failed = f->failed;
	fetch_free(f);
	return failed ? 1 : 0;
}
