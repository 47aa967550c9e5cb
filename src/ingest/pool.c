/* ingest/pool.c: worker threads and the ordered merge (see pool.h). */
#include "ingest/pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

/* The jobs of one pool_run and the workers' shared state. */
struct run {
	const struct pool_ops *ops;
	void *ctx;
	size_t njobs;
	struct batch slots[POOL_SLOTS];
	size_t next;			/* next job to hand out */
	size_t merged;			/* jobs merged so far */
	pthread_mutex_t mu;
	pthread_cond_t ready;		/* a batch became ready */
	pthread_cond_t room;		/* a slot became free */
};

/* Set up a worker's buffers. */
void
pool_worker_init(struct pool_worker *w)
{
	w->scratch = arena_new();
	buf_init(&w->data);
	buf_init(&w->ptmp);
}

/* Free a worker's buffers. */
void
pool_worker_free(struct pool_worker *w)
{
	arena_free(w->scratch);
	buf_free(&w->data);
	buf_free(&w->ptmp);
}

/* Threads to parse with: $PAPERBOY_THREADS, else the online CPUs (1..POOL_MAX_THREADS). */
int
pool_threads(void)
{
	const char *e = getenv("PAPERBOY_THREADS");
	long n = 0;

	if (e && *e) {
		char *end;

		n = strtol(e, &end, 10);
		if (*end != '\0')
			n = 0;
	}
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > POOL_MAX_THREADS ? POOL_MAX_THREADS : (int)n;
}

/* Worker thread: run jobs into their slots until none is left. */
static void *
run_worker(void *arg)
{
	struct run *r = arg;
	struct pool_worker w;

	pool_worker_init(&w);
	for (;;) {
		size_t j;
		struct batch *b;

		pthread_mutex_lock(&r->mu);
		while (r->next < r->njobs && r->next >= r->merged + POOL_SLOTS)
			pthread_cond_wait(&r->room, &r->mu);
		if (r->next >= r->njobs) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		j = r->next++;
		pthread_mutex_unlock(&r->mu);
		b = &r->slots[j % POOL_SLOTS];
		r->ops->run(r->ctx, &w, j, b);
		pthread_mutex_lock(&r->mu);
		b->ready = 1;
		pthread_cond_signal(&r->ready);
		pthread_mutex_unlock(&r->mu);
	}
	pool_worker_free(&w);
	return NULL;
}

/* Run and merge every job on the calling thread, records straight into direct. */
static int
run_here(const struct pool_ops *ops, void *ctx, size_t njobs, struct pool_worker *w0,
    struct lib *direct)
{
	struct batch b;
	size_t j;
	int rc = 0;

	batch_init(&b);
	b.direct = direct;
	for (j = 0; j < njobs; j++) {
		ops->run(ctx, w0, j, &b);
		if (ops->merge(ctx, j, &b) < 0)
			rc = -1;
		batch_clear(&b);
	}
	batch_free(&b);
	return rc;
}

/* Merge the workers' batches in job order as they become ready. */
static int
merge_in_order(struct run *r)
{
	size_t j;
	int rc = 0;

	for (j = 0; j < r->njobs; j++) {
		struct batch *b = &r->slots[j % POOL_SLOTS];

		pthread_mutex_lock(&r->mu);
		while (!b->ready)
			pthread_cond_wait(&r->ready, &r->mu);
		pthread_mutex_unlock(&r->mu);
		if (r->ops->merge(r->ctx, j, b) < 0)
			rc = -1;
		batch_clear(b);
		pthread_mutex_lock(&r->mu);
		b->ready = 0;
		r->merged = j + 1;
		pthread_cond_broadcast(&r->room);
		pthread_mutex_unlock(&r->mu);
	}
	return rc;
}

/* Run and merge every job, on worker threads when there are several. */
int
pool_run(const struct pool_ops *ops, void *ctx, size_t njobs, int nthreads,
    struct pool_worker *w0, struct lib *direct)
{
	struct run *r;
	pthread_t tid[POOL_MAX_THREADS];
	int nt = nthreads > POOL_MAX_THREADS ? POOL_MAX_THREADS : nthreads, started = 0, rc, k;

	if ((size_t)nt > njobs)
		nt = (int)njobs;
	if (nt <= 1)
		return run_here(ops, ctx, njobs, w0, direct);
	r = xcalloc(1, sizeof *r);
	r->ops = ops;
	r->ctx = ctx;
	r->njobs = njobs;
	for (k = 0; k < POOL_SLOTS; k++)
		batch_init(&r->slots[k]);
	pthread_mutex_init(&r->mu, NULL);
	pthread_cond_init(&r->ready, NULL);
	pthread_cond_init(&r->room, NULL);
	for (k = 0; k < nt; k++)
		if (pthread_create(&tid[started], NULL, run_worker, r) == 0)
			started++;
	/* no thread could start: run here, one job at a time */
	rc = started ? merge_in_order(r) : run_here(ops, ctx, njobs, w0, direct);
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	for (k = 0; k < POOL_SLOTS; k++)
		batch_free(&r->slots[k]);
	pthread_mutex_destroy(&r->mu);
	pthread_cond_destroy(&r->ready);
	pthread_cond_destroy(&r->room);
	free(r);
	return rc;
}
