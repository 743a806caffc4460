/*
 * Stops reported by other threads (an emulator's CPU thread, a ptrace
 * waiter) wait here until the serve thread hands them to the engine, which
 * is not locked and must only be called from one thread.
 */
/* POSIX.1-2008 plus the BSD calls (cfmakeraw), whatever -std says. */
#define _DEFAULT_SOURCE

#include "transport.h"

#include <string.h>

int gstub_stop_queue_init(struct gstub_stop_queue *q)
{
	memset(q, 0, sizeof *q);
	if (pthread_mutex_init(&q->lock, NULL) != 0)
		return GSTUB_ENOMEM;
	if (pthread_cond_init(&q->space, NULL) != 0) {
		pthread_mutex_destroy(&q->lock);
		return GSTUB_ENOMEM;
	}
	return 0;
}

void gstub_stop_queue_destroy(struct gstub_stop_queue *q)
{
	pthread_cond_destroy(&q->space);
	pthread_mutex_destroy(&q->lock);
}

static bool is_consumer(const struct gstub_stop_queue *q)
{
	return q->have_consumer && pthread_equal(q->consumer, pthread_self());
}

bool gstub_stop_queue_push(struct gstub_stop_queue *q,
			   const struct gstub_stop *stop)
{
	bool merged = false;

	pthread_mutex_lock(&q->lock);
	while (q->count == GSTUB_SERVER_STOP_QUEUE) {
		if (is_consumer(q)) {
			/* Waiting would wait for ourselves. The engine keeps
			 * only the latest stop once one has been reported, so
			 * the newer stop replaces the newest queued one. */
			unsigned last = (q->head + q->count - 1) %
					GSTUB_SERVER_STOP_QUEUE;
			q->ring[last] = *stop;
			merged = true;
			goto out;
		}
		pthread_cond_wait(&q->space, &q->lock);
	}
	q->ring[(q->head + q->count) % GSTUB_SERVER_STOP_QUEUE] = *stop;
	q->count++;
out:
	pthread_mutex_unlock(&q->lock);
	return merged;
}

bool gstub_stop_queue_pop(struct gstub_stop_queue *q, struct gstub_stop *out)
{
	bool got = false;

	pthread_mutex_lock(&q->lock);
	q->consumer = pthread_self();
	q->have_consumer = true;
	if (q->count) {
		*out = q->ring[q->head];
		q->head = (q->head + 1) % GSTUB_SERVER_STOP_QUEUE;
		q->count--;
		got = true;
		pthread_cond_broadcast(&q->space);
	}
	pthread_mutex_unlock(&q->lock);
	return got;
}

void gstub_stop_queue_set_consumer(struct gstub_stop_queue *q)
{
	pthread_mutex_lock(&q->lock);
	q->consumer = pthread_self();
	q->have_consumer = true;
	pthread_mutex_unlock(&q->lock);
}
