/* fetch/answer.h: judge one finished request and put its file in the library.
 *
 * Runs on the fetch thread.  An answer becomes a file only when it has a
 * text content type, is not empty, and the ingester reads it without an
 * error and finds papers in it; the file is written crash-safely and a
 * file it replaces is compared paper by paper (new and changed papers).
 * Nothing here prints.
 */
#ifndef PB_ANSWER_H
#define PB_ANSWER_H

#include <stddef.h>

#include "base/buf.h"
#include "fetch/fetch.h"
#include "fetch/history.h"
#include "fetch/http.h"

/* Where a request's answer is to go. */
struct answer_target {
	const char *libdir;
	const char *source;
	long day;		/* -1 for an undated feed */
	const char *url;	/* the template expanded: the history's key */
};

/* What became of it. */
struct answer {
	enum fetch_result result;
	size_t npapers, nnew, nupdated;
	struct buf reason;	/* for FETCH_FAILED */
	struct buf path;	/* the file written, relative to the library */
};

/* True when a Content-Type may hold a digest (text, JSON, XML, ...; "" too). */
int answer_type_ok(const char *ctype);
/* Decide and write (see above); out is initialised here, free with answer_free. */
void answer_store(const struct answer_target *t, const struct http_req *r,
    struct history *h, struct answer *out);
/* Free an answer's buffers. */
void answer_free(struct answer *a);

#endif
