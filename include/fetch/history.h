/* fetch/history.h: what earlier fetches of a library remember.
 *
 * Kept in the library directory as ".paperboy-fetch" (hidden, so the
 * reader never takes it for a digest), a text file:
 *
 *     paperboy-fetch 1
 *     url<TAB>URL<TAB>PATH<TAB>ETAG<TAB>LAST-MODIFIED
 *     checked<TAB>SOURCE<TAB>YYYY-MM-DD
 *     complete<TAB>SOURCE<TAB>YYYY-MM-DD
 *
 * "url": the file last written from URL (PATH relative to the library)
 * and the validators its answer carried, for conditional requests.
 * "checked": a day the source had nothing for (an empty day, or 404).
 * "complete": the day of the source's last fetch without a failure.
 * Every field is printable ASCII without tabs; a value that is not is
 * never stored.  A line that cannot be used is skipped with a message
 * "FILE:LINE: reason"; the file is only a cache, so losing it costs one
 * unconditional fetch.  Not thread-safe: one fetch thread owns it, and
 * the fetch lock keeps other processes out.
 */
#ifndef PB_HISTORY_H
#define PB_HISTORY_H

#include <stddef.h>

#include "base/buf.h"
#include "text/diag.h"

struct history_url {
	const char *url;
	const char *path;	/* relative to the library directory */
	const char *etag;	/* NULL when the answer had none */
	const char *last_modified;
};

struct history;

/* Read path (a missing file is empty); problems are added to msgs.  Caller frees with history_free. */
struct history *history_load(const char *path, struct diag_list *msgs);
/* Free it. */
void history_free(struct history *h);
/* Write it back crash-safely; -1 with the reason in err. */
int history_save(const struct history *h, struct buf *err);
/* What is known about url, or NULL. */
const struct history_url *history_url(const struct history *h, const char *url);
/* Remember the file written from url and its validators (NULL: none). */
void history_set_url(struct history *h, const char *url, const char *path,
    const char *etag, const char *last_modified);
/* True when day was found empty for source. */
int history_checked(const struct history *h, const char *source, long day);
/* Record day as empty for source. */
void history_set_checked(struct history *h, const char *source, long day);
/* The day of source's last complete fetch, or -1. */
long history_complete(const struct history *h, const char *source);
/* Record a complete fetch of source on day. */
void history_set_complete(struct history *h, const char *source, long day);
/* True when s may be stored: printable ASCII without tabs, at most 4096 bytes. */
int history_value_ok(const char *s);

#endif
