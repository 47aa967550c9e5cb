/* ingest/batch.h: one file's parse result (its records and messages),
 * copied out of the parser's scratch memory into the batch's own arena so
 * that it survives until the pool merges it, in input order, into the
 * library.  A "direct" batch (single-threaded) hands records straight to
 * its library instead.  A batch is touched by one thread at a time.
 */
#ifndef PB_INGEST_BATCH_H
#define PB_INGEST_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "model/lib.h"
#include "ingest/ingest.h"

/* One file's parse result, waiting to be merged. */
struct batch {
	struct arena *a;		/* the copies below; reset after merging */
	struct rec *recs; size_t nrecs, arecs;
	/* with a prep function (ingest_set_sink): its bytes, record i's ending at pend[i] */
	struct buf prep;
	size_t *pend; size_t apend;
	struct diag *msgs; size_t nmsgs, amsgs;	/* file NULL until merged */
	struct lib *direct;		/* single-threaded: records go straight here */
	size_t ndirect;			/* records added to direct */
	const struct ingest_format *fmt;	/* NULL: not recognised */
	size_t bytes;
	int failed;
	int hashed;			/* hash is set (ingest_set_hash) */
	uint64_t hash;
	int ready;			/* parsed, not merged yet (the pool's, under its mutex) */
};

/* Set up an empty batch (free with batch_free). */
void batch_init(struct batch *b);
/* Empty a batch for the next file, keeping its memory. */
void batch_clear(struct batch *b);
/* Free a batch's memory. */
void batch_free(struct batch *b);
/* Add a message: text[0..len) is copied, cleaned to one line with blanks squeezed. */
void batch_msg(struct batch *b, enum diag_level lvl, size_t line, const char *text, size_t len);
/* Add a copy of a record (its strings and arrays), or hand it to the direct library. */
void batch_rec(struct batch *b, const struct rec *r);
/* Run prep (may be NULL) on every record of the batch, on the calling thread. */
void batch_prep(struct batch *b, ingest_prep prep);
/* Add "WHAT: strerror(err)" as an error and mark the batch failed. */
void batch_fail(struct batch *b, const char *what, int err);

#endif
