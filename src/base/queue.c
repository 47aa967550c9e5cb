/* base/queue.c: a bounded queue of pointers handed between threads (see base/queue.h). */
#include "base/queue.h"
#include "base/alloc.h"

#include <pthread.h>
#include <stdlib.h>

/*
 * A ring: the items are v[(head + i) % cap] for i < n.  Every field is
 * read and written under mu; cv is broadcast whenever n or closed changes
 * (pushers and poppers wait on the same condition).
 */
struct queue {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	void **v;
	size_t cap, head, n;
	int closed;
};

/* A new open queue. */
struct queue *
queue_new(size_t cap)
{
	struct queue *q = xcalloc(1, sizeof *q);

	q->cap = cap ? cap : 1;
	q->v = xcalloc(q->cap, sizeof *q->v);
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->cv, NULL);
	return q;
}

/* Free the queue. */
void
queue_free(struct queue *q)
{
	if (q == NULL)
		return;
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->cv);
	free(q->v);
	free(q);
}

/* Add an item, waiting for room. */
int
queue_push(struct queue *q, void *item)
{
	int rc = -1;

	pthread_mutex_lock(&q->mu);
	while (q->n == q->cap && !q->closed)
		pthread_cond_wait(&q->cv, &q->mu);
	if (!q->closed) {
		q->v[(q->head + q->n) % q->cap] = item;
		q->n++;
		rc = 0;
		pthread_cond_broadcast(&q->cv);
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

/* Take the first item, waiting for one. */
void *
queue_pop(struct queue *q)
{
	void *item = NULL;

	pthread_mutex_lock(&q->mu);
	while (q->n == 0 && !q->closed)
		pthread_cond_wait(&q->cv, &q->mu);
	if (q->n) {
		item = q->v[q->head];
		q->head = (q->head + 1) % q->cap;
		q->n--;
		pthread_cond_broadcast(&q->cv);
	}
	pthread_mutex_unlock(&q->mu);
	return item;
}

/* Close the queue. */
void
queue_close(struct queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = 1;
	pthread_cond_broadcast(&q->cv);
	pthread_mutex_unlock(&q->mu);
}
