/*
 * The stop queue between other threads and the serve thread: order kept,
 * a full ring makes other threads wait (nothing lost), and the consumer
 * itself merges instead of waiting for itself.
 */
#include "tap.h"
#include "transport.h"

#include <stdatomic.h>
#include <time.h>

static struct gstub_stop stop_n(int n)
{
	struct gstub_stop s = { .reason = GSTUB_STOP_SIGNAL, .tid = n,
				.signal = GSTUB_SIGTRAP };
	return s;
}

struct producer {
	struct gstub_stop_queue *q;
	int from, n;
	atomic_int pushed;
};

static void *produce(void *arg)
{
	struct producer *p = arg;
	for (int i = 0; i < p->n; i++) {
		struct gstub_stop s = stop_n(p->from + i);
		gstub_stop_queue_push(p->q, &s);
		atomic_fetch_add(&p->pushed, 1);
	}
	return NULL;
}

int main(void)
{
	struct gstub_stop_queue q;
	struct gstub_stop s;
	const int N = GSTUB_SERVER_STOP_QUEUE;

	ok(gstub_stop_queue_init(&q) == 0, "init");
	ok(!gstub_stop_queue_pop(&q, &s), "empty queue pops nothing");

	for (int i = 1; i <= 3; i++) {
		s = stop_n(i);
		ok(!gstub_stop_queue_push(&q, &s), "push %d", i);
	}
	bool order = true;
	for (int i = 1; i <= 3; i++)
		order = order && gstub_stop_queue_pop(&q, &s) && s.tid == i;
	ok(order, "stops come out in order");

	/* The consumer (this thread, since it popped) fills the ring, then
	 * one more is merged into the newest entry. */
	for (int i = 0; i < N; i++) {
		s = stop_n(100 + i);
		gstub_stop_queue_push(&q, &s);
	}
	s = stop_n(999);
	ok(gstub_stop_queue_push(&q, &s), "consumer's push into a full ring merges");
	int count = 0;
	gstub_tid last = 0, first = 0;
	while (gstub_stop_queue_pop(&q, &s)) {
		if (!count)
			first = s.tid;
		last = s.tid;
		count++;
	}
	ok(count == N && first == 100 && last == 999,
	   "ring held %d, oldest kept, newest replaced (%d, %lld..%lld)", N,
	   count, (long long)first, (long long)last);

	/* Another thread posting more than the ring holds waits for room;
	 * every stop arrives, in order. */
	struct producer p = { .q = &q, .from = 1, .n = 5 * N };
	atomic_init(&p.pushed, 0);
	pthread_t th;
	ok(pthread_create(&th, NULL, produce, &p) == 0, "producer thread");
	/* Wait (up to 5 s) for the ring to fill, then give the producer time
	 * to overrun it if it could. */
	struct timespec d = { 0, 1000000 };
	for (int i = 0; i < 5000 && atomic_load(&p.pushed) < N; i++)
		nanosleep(&d, NULL);
	d.tv_nsec = 20 * 1000000;
	nanosleep(&d, NULL);
	ok(atomic_load(&p.pushed) == N, "producer blocked on a full ring (%d)",
	   atomic_load(&p.pushed));
	int got = 0, expect = 1;
	bool in_order = true;
	while (got < 5 * N) {
		if (gstub_stop_queue_pop(&q, &s)) {
			in_order = in_order && s.tid == expect++;
			got++;
		} else {
			struct timespec t = { 0, 100000 };
			nanosleep(&t, NULL);
		}
	}
	pthread_join(th, NULL);
	ok(got == 5 * N && in_order, "all %d stops from the thread arrived in order",
	   5 * N);
	gstub_stop_queue_destroy(&q);
	return tap_done();
}
