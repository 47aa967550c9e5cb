/* ingest/pool.h: parse jobs on worker threads, merge the results in job order.
 *
 * Worker threads take the next job and run it into a batch; the calling
 * thread merges the batches strictly in job order.  So what the merges
 * build is the same whatever the number of threads.  With one thread (one
 * job, PAPERBOY_THREADS=1, or no thread could start) every job runs and
 * merges on the calling thread, through one "direct" batch.
 *
 * Invariants: only the calling thread merges; a worker touches its struct
 * pool_worker, the batch of its job and what the caller shares read-only.
 * At most POOL_SLOTS batches exist, so memory stays bounded however long
 * the list: a worker waits while job j - POOL_SLOTS is not merged yet.
 */
#ifndef PB_INGEST_POOL_H
#define PB_INGEST_POOL_H

#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "model/lib.h"
#include "ingest/batch.h"

#define POOL_MAX_THREADS 16
#define POOL_SLOTS 64

/* What one thread needs to read and parse files. */
struct pool_worker {
	struct arena *scratch;		/* per-record scratch for parsers */
	struct buf data;		/* the file being read */
	struct buf ptmp;		/* the parsers' pctx.tmp */
};

/* What the pool runs: job j into b on any thread; b merged on the calling thread (-1: failed). */
struct pool_ops {
	void (*run)(void *ctx, struct pool_worker *w, size_t j, struct batch *b);
	int (*merge)(void *ctx, size_t j, struct batch *b);
};

/* Set up a worker's buffers (free with pool_worker_free). */
void pool_worker_init(struct pool_worker *w);
void pool_worker_free(struct pool_worker *w);
/* Threads to parse with: $PAPERBOY_THREADS, else the online CPUs (1..POOL_MAX_THREADS). */
int pool_threads(void);
/*
 * Run and merge njobs jobs on up to nthreads threads.  Single-threaded,
 * jobs run with w0 into a batch whose records go straight into direct.
 * Returns -1 when a merge did, else 0.
 */
int pool_run(const struct pool_ops *ops, void *ctx, size_t njobs, int nthreads,
    struct pool_worker *w0, struct lib *direct);

#endif
