/* test_queue.c: the bounded queue between threads: order, waiting, closing. */
#include "unit.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <unistd.h>

#include "base/queue.h"

#define NITEMS 10000

/* Items 1..NITEMS as pointers (never NULL). */
static void *
item(size_t i)
{
	return (void *)(uintptr_t)i;
}

/* One thread's end of a queue. */
struct side {
	struct queue *q;
	atomic_size_t n;	/* items pushed, or popped */
	int last_rc;		/* the last push's result */
	int in_order;		/* popped 1, 2, 3, ... */
};

/* Push items 1..NITEMS, then close. */
static void *
producer(void *arg)
{
	struct side *p = arg;
	size_t i;

	for (i = 1; i <= NITEMS; i++)
		if ((p->last_rc = queue_push(p->q, item(i))) == 0)
			atomic_fetch_add(&p->n, 1);
	queue_close(p->q);
	return NULL;
}

/* Pop until the queue is closed and empty, checking the order. */
static void *
consumer(void *arg)
{
	struct side *c = arg;
	void *v;

	c->in_order = 1;
	while ((v = queue_pop(c->q)) != NULL) {
		if (v != item(atomic_fetch_add(&c->n, 1) + 1))
			c->in_order = 0;
	}
	return NULL;
}

/*
 * Wait (at most 5 s) until *n is want, then a little longer: 1 when it
 * got there and stayed (the other thread waits in the queue).
 */
static int
settles_at(atomic_size_t *n, size_t want)
{
	int i;

	for (i = 0; i < 500 && atomic_load(n) != want; i++)
		usleep(10000);
	usleep(50000);
	return atomic_load(n) == want;
}

/* Through a queue of 3, 10,000 items reach the other thread, all and in order. */
static void
test_order_across_threads(void **state)
{
	struct queue *q = queue_new(3);
	struct side p = { q, 0, 0, 0 }, c = { q, 0, 0, 0 };
	pthread_t tp, tc;

	(void)state;
	assert_int_equal(pthread_create(&tc, NULL, consumer, &c), 0);
	assert_int_equal(pthread_create(&tp, NULL, producer, &p), 0);
	pthread_join(tp, NULL);
	pthread_join(tc, NULL);
	assert_int_equal(p.n, NITEMS);
	assert_int_equal(c.n, NITEMS);
	assert_true(c.in_order);
	queue_free(q);
}

/* A full queue makes the pusher wait until an item is taken. */
static void
test_full_waits(void **state)
{
	struct queue *q = queue_new(2);
	struct side p = { q, 0, 0, 0 };
	pthread_t tp;
	size_t i;

	(void)state;
	assert_int_equal(pthread_create(&tp, NULL, producer, &p), 0);
	assert_true(settles_at(&p.n, 2));	/* the third waits */
	for (i = 1; i <= NITEMS; i++)
		assert_ptr_equal(queue_pop(q), item(i));
	assert_null(queue_pop(q));	/* closed and empty */
	pthread_join(tp, NULL);
	queue_free(q);
}

/* After close, a pop gives what is left, then NULL; a push is refused. */
static void
test_close_drains(void **state)
{
	struct queue *q = queue_new(4);

	(void)state;
	assert_int_equal(queue_push(q, item(1)), 0);
	assert_int_equal(queue_push(q, item(2)), 0);
	queue_close(q);
	assert_int_equal(queue_push(q, item(3)), -1);
	assert_ptr_equal(queue_pop(q), item(1));
	assert_ptr_equal(queue_pop(q), item(2));
	assert_null(queue_pop(q));
	assert_null(queue_pop(q));
	queue_free(q);
}

/* A consumer that gives up closes the queue: a pusher waiting on it wakes, refused. */
static void
test_close_wakes_pusher(void **state)
{
	struct queue *q = queue_new(1);
	struct side p = { q, 0, 0, 0 };
	pthread_t tp;

	(void)state;
	assert_int_equal(pthread_create(&tp, NULL, producer, &p), 0);
	assert_true(settles_at(&p.n, 1));
	queue_close(q);
	pthread_join(tp, NULL);		/* would hang if the pusher never woke */
	assert_int_equal(p.n, 1);
	assert_int_equal(p.last_rc, -1);
	queue_free(q);
}

/* A pop on an empty queue waits for the push. */
static void
test_empty_waits(void **state)
{
	struct queue *q = queue_new(1);
	struct side c = { q, 0, 0, 0 };
	pthread_t tc;

	(void)state;
	assert_int_equal(pthread_create(&tc, NULL, consumer, &c), 0);
	assert_true(settles_at(&c.n, 0));
	assert_int_equal(queue_push(q, item(1)), 0);
	queue_close(q);
	pthread_join(tc, NULL);
	assert_int_equal(c.n, 1);
	assert_true(c.in_order);
	queue_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order_across_threads),
		cmocka_unit_test(test_full_waits),
		cmocka_unit_test(test_close_drains),
		cmocka_unit_test(test_close_wakes_pusher),
		cmocka_unit_test(test_empty_waits),
	};

	alarm(60);	/* a queue that never wakes a thread hangs a test: end it */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
