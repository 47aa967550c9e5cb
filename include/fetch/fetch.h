/* fetch/fetch.h: bring the day files of the sources into the library.
 *
 * fetch_start plans and runs a fetch on a thread of its own and returns
 * at once; the caller follows it through events.  fetch_fd is a pipe
 * that becomes readable when events are waiting, so a poll() loop (the
 * reader's, or `paperboy fetch` waiting on it alone) can watch it beside
 * other descriptors; fetch_next takes the events one at a time.  Only
 * the fetch thread touches the network and the library directory; the
 * events are copies the caller owns.
 *
 * Which days: --days N (the N days ending at --until), --since D (D to
 * --until), else every day since the source's last complete fetch, at
 * most FETCH_DEFAULT_DAYS, skipping days found empty before; today and
 * yesterday are always asked again (the Daily Papers list grows during
 * the day).  --until defaults to today (UTC).  A template without a date
 * is fetched once.
 *
 * Where files go: LIBDIR/SOURCE/YYYY/MM/DD.EXT, or LIBDIR/SOURCE/latest.EXT
 * (EXT from the format the content has: json, xml, html, md or txt).  A
 * file is written only when the answer is complete, of a text content
 * type, and read without error by the ingester (ingest_buffer) with at
 * least one paper: temporary file, fsync, rename (base/safeio.h).  An
 * answer with no papers marks the day as checked and leaves any earlier
 * file alone; a failed answer never touches the library.  Validators
 * (ETag, Last-Modified) and checked days are kept in the library's
 * fetch history (fetch/history.h); LIBDIR/.paperboy-fetch.lock keeps two
 * fetches of one library apart (the second fails at once).
 *
 * fetch_start makes the process ignore SIGPIPE (when it was not handled):
 * a peer that closes a connection must not kill it.
 *
 * libcurl is loaded by the fetch thread of the first fetch, not at start
 * (fetch/curlso.h): when it cannot be, the fetch ends at once, its DONE
 * event failed with the reason ("cannot load libcurl: ...").
 *
 * Timeouts, retries and limits are those of fetch/http.h with
 * FETCH_* defaults; PAPERBOY_FETCH_CONNECT_TIMEOUT, _STALL_TIME,
 * _MAX_TIME (seconds) and _BACKOFF_MS override them (for tests).
 * opts.ca_file is the resolved preference (PAPERBOY_CA_FILE, else the
 * ca-file setting: settings/prefs.h).
 */
#ifndef PB_FETCH_H
#define PB_FETCH_H

#include <stddef.h>

#include "base/buf.h"
#include "fetch/sources.h"

#define FETCH_DEFAULT_DAYS 7
#define FETCH_MAX_DAYS 3660
#define FETCH_MAX_BYTES ((size_t)32 << 20)
#define FETCH_TRIES 4

struct fetch_opts {
	const char *libdir;		/* the library directory (created when missing) */
	const struct sources *sources;
	const char *const *names;	/* sources asked for; none: every source that is on */
	size_t nnames;
	long days;			/* --days N, or 0 */
	long since, until;		/* day numbers (base/date.h), or -1 */
	const char *ca_file;		/* extra CAs (struct prefs' ca_file), or NULL */
};

enum fetch_event_kind {
	FETCH_EV_PROGRESS,	/* done, total, bytes, source (the latest active) */
	FETCH_EV_DAY,		/* one source and day ended: result, ... */
	FETCH_EV_NOTE,		/* a message for the user: reason */
	FETCH_EV_DONE,		/* the end: failed, and reason when it could not run at all */
};

enum fetch_result {
	FETCH_NEW,		/* a file for a day that had none */
	FETCH_UPDATED,		/* the day's file replaced by a different one */
	FETCH_SAME,		/* not modified (304) or the same bytes */
	FETCH_EMPTY,		/* no papers that day: recorded as checked */
	FETCH_MISSING,		/* 404: nothing published that day */
	FETCH_FAILED,		/* reason says why; nothing written */
};

struct fetch_event {
	enum fetch_event_kind kind;
	size_t done, total;		/* source-days ended and planned */
	unsigned long long bytes;	/* received so far */
	char *source;			/* owned; NULL when none */
	char day[11];			/* "YYYY-MM-DD", "" for an undated feed */
	enum fetch_result result;
	size_t npapers;			/* papers in the new file */
	size_t nnew, nupdated;		/* papers not in the earlier file, and changed ones */
	int skipped;			/* FAILED without a try: the host was unreachable */
	int failed;			/* DONE: some source-day failed, or it could not run */
	char *reason;			/* owned; NULL when none */
	char *path;			/* the file written, relative to the library; owned */
};

struct fetch;

/*
 * Check that every name is a known source (arxiv-CATEGORY included);
 * -1 with the first unknown one in err.
 */
int fetch_check_names(const struct sources *s, const char *const *names, size_t n, struct buf *err);
/*
 * Start fetching (see above).  Returns the fetch, or NULL with the reason
 * in err (an unknown source, a bad range, no thread).  The options are
 * copied.  Call from the main thread; free with fetch_end.
 */
struct fetch *fetch_start(const struct fetch_opts *o, struct buf *err);
/* A descriptor that is readable while events wait (poll for POLLIN). */
int fetch_fd(const struct fetch *f);
/*
 * Take the next event into ev (the caller clears it with
 * fetch_event_clear).  Returns 1, 0 when none is waiting yet, or -1
 * after the DONE event has been taken.
 */
int fetch_next(struct fetch *f, struct fetch_event *ev);
/* Ask the fetch to stop soon: what is not done fails as "cancelled". */
void fetch_cancel(struct fetch *f);
/* Wait for the thread and free everything; returns 1 when anything failed, else 0. */
int fetch_end(struct fetch *f);
/* Free what an event owns and zero it. */
void fetch_event_clear(struct fetch_event *ev);

#endif
