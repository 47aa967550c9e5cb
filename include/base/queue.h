/* base/queue.h: a bounded queue of pointers handed between threads.
 *
 * Items come out in the order they went in.  queue_push waits while the
 * queue holds cap items; queue_pop waits while it is empty and open.
 * Once closed (by either side), a push is refused and a pop returns what
 * is left, then NULL: a producer closes it after its last item, and a
 * consumer that gives up closes it so that a producer waiting to push
 * wakes and stops.  The queue owns none of the items; pushing NULL is
 * not allowed.  Every call is thread-safe.
 */
#ifndef PB_QUEUE_H
#define PB_QUEUE_H

#include <stddef.h>

struct queue;

/* A new open queue of at most cap items (0 is taken as 1; caller frees with queue_free). */
struct queue *queue_new(size_t cap);
/* Free the queue (not its items); no thread may be using it. */
void queue_free(struct queue *q);
/* Add item (not NULL) at the end, waiting for room: 0, or -1 when the queue is closed. */
int queue_push(struct queue *q, void *item);
/* Take the first item, waiting for one: NULL when the queue is closed and empty. */
void *queue_pop(struct queue *q);
/* Close the queue: no more pushes; waiting threads wake. */
void queue_close(struct queue *q);

#endif
