/* test_pool.c: worker threads and the ordered merge (ingest/pool.c). */
#include "unit.h"

#include "ingest/pool.h"

#define NJOBS 300	/* more than POOL_SLOTS, so slots are reused */

/* What the test's jobs share: the order in which batches were merged. */
struct order {
	size_t merged[NJOBS];
	size_t n;
	size_t fail_at;		/* the job whose merge fails, or NJOBS */
};

/* Run job j: a batch holding one message whose line is j. */
static void
job_run(void *ctx, struct pool_worker *w, size_t j, struct batch *b)
{
	(void)ctx;
	(void)w;
	batch_msg(b, DIAG_NOTE, j, "job", 3);
}

/* Merge job j's batch: record the order, check the batch is j's. */
static int
job_merge(void *ctx, size_t j, struct batch *b)
{
	struct order *o = ctx;

	if (b->nmsgs != 1 || b->msgs[0].line != j)
		return -1;
	o->merged[o->n++] = j;
	return j == o->fail_at ? -1 : 0;
}

static const struct pool_ops ops = { job_run, job_merge };

/* Run the jobs on nthreads threads and check they merged in order. */
static void
run(int nthreads, size_t fail_at)
{
	struct order o;
	struct pool_worker w0;
	struct lib *lib = lib_new();
	size_t i;

	memset(&o, 0, sizeof o);
	o.fail_at = fail_at;
	pool_worker_init(&w0);
	assert_int_equal(pool_run(&ops, &o, NJOBS, nthreads, &w0, lib), fail_at < NJOBS ? -1 : 0);
	assert_int_equal(o.n, NJOBS);	/* a failed merge does not stop the others */
	for (i = 0; i < NJOBS; i++)
		assert_int_equal(o.merged[i], i);
	pool_worker_free(&w0);
	lib_free(lib);
}

/* Job order whatever the number of threads. */
static void
test_order(void **state)
{
	(void)state;
	run(1, NJOBS);
	run(4, NJOBS);
	run(POOL_MAX_THREADS, NJOBS);
	run(4, 7);
}

/* The thread count: $PAPERBOY_THREADS within 1..POOL_MAX_THREADS. */
static void
test_threads(void **state)
{
	(void)state;
	setenv("PAPERBOY_THREADS", "3", 1);
	assert_int_equal(pool_threads(), 3);
	setenv("PAPERBOY_THREADS", "1000", 1);
	assert_int_equal(pool_threads(), POOL_MAX_THREADS);
	setenv("PAPERBOY_THREADS", "x", 1);
	assert_true(pool_threads() >= 1);
	unsetenv("PAPERBOY_THREADS");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_threads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
