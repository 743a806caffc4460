/*
 * Shared by the transport tests: a trivial target (one thread, zeroed
 * registers, a small memory) on an AArch64 description, a serve thread, and
 * a gdb-side client that sends packets and reads replies with timeouts so a
 * broken server fails a check instead of hanging the run.
 */
#ifndef GSTUB_TESTS_TRANSPORT_UTIL_H
#define GSTUB_TESTS_TRANSPORT_UTIL_H

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gstub/gstub.h>
#include <gstub/serve.h>
#include <gstub/tdesc.h>

/* How long a client waits for any reply; generous for a loaded machine. */
#define TU_TIMEOUT_MS 5000

/* --------------------------------------------------------- the target */

struct tu_target {
	struct gstub_server *server;
	atomic_int resumes;
	atomic_int interrupts;
	atomic_int connects;
	atomic_int disconnects;
	unsigned char mem[256];
};

static inline int tu_read_reg(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		       size_t size)
{
	(void)ctx, (void)tid, (void)regnum;
	memset(buf, 0, size);
	return 0;
}

static inline int tu_write_reg(void *ctx, gstub_tid tid, unsigned regnum,
			const void *buf, size_t size)
{
	(void)ctx, (void)tid, (void)regnum, (void)buf, (void)size;
	return 0;
}

#define TU_MEM_BASE 0x400000u

static inline int tu_read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct tu_target *t = ctx;
	if (addr < TU_MEM_BASE || addr - TU_MEM_BASE >= sizeof t->mem)
		return GSTUB_EFAULT;
	size_t off = (size_t)(addr - TU_MEM_BASE);
	if (len > sizeof t->mem - off)
		len = sizeof t->mem - off;
	memcpy(buf, t->mem + off, len);
	return (int)len;
}

static inline int tu_write_mem(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	struct tu_target *t = ctx;
	if (addr < TU_MEM_BASE || addr - TU_MEM_BASE >= sizeof t->mem)
		return GSTUB_EFAULT;
	size_t off = (size_t)(addr - TU_MEM_BASE);
	if (len > sizeof t->mem - off)
		len = sizeof t->mem - off;
	memcpy(t->mem + off, buf, len);
	return (int)len;
}

static inline int tu_resume(void *ctx, const struct gstub_resume_action *a, size_t n)
{
	struct tu_target *t = ctx;
	(void)a, (void)n;
	atomic_fetch_add(&t->resumes, 1);
	return 0;
}

static inline void tu_interrupt(void *ctx)
{
	struct tu_target *t = ctx;
	struct gstub_stop st = { .reason = GSTUB_STOP_SIGNAL, .tid = 1,
				 .signal = GSTUB_SIGINT };
	atomic_fetch_add(&t->interrupts, 1);
	gstub_server_post_stop(t->server, &st);
}

static const struct gstub_target_ops tu_ops = {
	.version = GSTUB_TARGET_OPS_VERSION,
	.flags = GSTUB_TARGET_CAN_STEP,
	.read_reg = tu_read_reg,
	.write_reg = tu_write_reg,
	.read_mem = tu_read_mem,
	.write_mem = tu_write_mem,
	.resume = tu_resume,
	.interrupt = tu_interrupt,
};

static inline void tu_on_connect(void *ctx)
{
	atomic_fetch_add(&((struct tu_target *)ctx)->connects, 1);
}

static inline void tu_on_disconnect(void *ctx)
{
	atomic_fetch_add(&((struct tu_target *)ctx)->disconnects, 1);
}

/* Everything one served stub needs, in one place. */
struct tu_stub {
	struct tu_target target;
	struct gstub_tdesc tdesc;
	struct gstub g;
	unsigned char buf[8192];
	struct gstub_server *server;
	pthread_t thread;
	bool thread_running;
	atomic_bool quit;
	atomic_int last_status;
};

/* Open a server on comm and attach an engine; 0 or the open error. */
static inline int tu_stub_open_baud(struct tu_stub *st, const char *comm,
				    unsigned baud, bool once, char *err,
				    size_t errlen)
{
	struct gstub_aarch64_config acfg = { 0 };
	struct gstub_server_config scfg = {
		.comm = comm, .baud = baud, .once = once, .quiet = true,
		.on_connect = tu_on_connect, .on_disconnect = tu_on_disconnect,
	};
	struct gstub_config gcfg;
	int rc;

	memset(st, 0, sizeof *st);
	scfg.ctx = &st->target;
	if (gstub_tdesc_aarch64(&st->tdesc, &acfg) != 0) {
		snprintf(err, errlen, "gstub_tdesc_aarch64 failed");
		return GSTUB_EINVAL;
	}
	rc = gstub_server_open(&st->server, &scfg, err, errlen);
	if (rc < 0)
		return rc;
	st->target.server = st->server;
	memset(&gcfg, 0, sizeof gcfg);
	gcfg.ops = &tu_ops;
	gcfg.target_ctx = &st->target;
	gcfg.tdesc = &st->tdesc;
	gcfg.write = gstub_server_write;
	gcfg.write_ctx = st->server;
	gcfg.packet_buf = st->buf;
	gcfg.packet_buf_size = sizeof st->buf;
	rc = gstub_init(&st->g, &gcfg);
	if (rc < 0) {
		snprintf(err, errlen, "gstub_init: %s", gstub_strerror(rc));
		gstub_server_close(st->server);
		st->server = NULL;
		return rc;
	}
	gstub_server_attach(st->server, &st->g);
	return 0;
}

static inline int tu_stub_open(struct tu_stub *st, const char *comm, bool once,
			       char *err, size_t errlen)
{
	return tu_stub_open_baud(st, comm, 0, once, err, errlen);
}

static inline void *tu_serve_thread(void *arg)
{
	struct tu_stub *st = arg;
	int rc = GSTUB_SERVER_OK;

	while (!atomic_load(&st->quit) && rc == GSTUB_SERVER_OK)
		rc = gstub_server_poll(st->server, -1);
	atomic_store(&st->last_status, rc);
	return NULL;
}

static inline int tu_stub_start(struct tu_stub *st)
{
	atomic_store(&st->last_status, GSTUB_SERVER_OK);
	if (pthread_create(&st->thread, NULL, tu_serve_thread, st) != 0)
		return -1;
	st->thread_running = true;
	return 0;
}

/* Stop the serve thread (if any) and close the server. */
static inline void tu_stub_close(struct tu_stub *st)
{
	if (st->thread_running) {
		atomic_store(&st->quit, true);
		gstub_server_wake(st->server);
		pthread_join(st->thread, NULL);
		st->thread_running = false;
	}
	if (st->server)
		gstub_server_close(st->server);
	st->server = NULL;
}

/* Wait up to ms for cond() on st; true when it held. */
static inline bool tu_wait_for(bool (*cond)(struct tu_stub *), struct tu_stub *st,
			int ms)
{
	for (int i = 0; i < ms; i++) {
		if (cond(st))
			return true;
		struct timespec d = { 0, 1000000 };
		nanosleep(&d, NULL);
	}
	return cond(st);
}

/* ----------------------------------------------------------- the client */

/* Send a packet with its checksum. */
static inline int tu_send_packet(int fd, const char *payload)
{
	char buf[1024];
	unsigned sum = 0;
	size_t len = strlen(payload);

	for (size_t i = 0; i < len; i++)
		sum += (unsigned char)payload[i];
	int n = snprintf(buf, sizeof buf, "$%s#%02x", payload, sum & 0xffu);
	if (n < 0 || (size_t)n >= sizeof buf)
		return -1;
	return write(fd, buf, (size_t)n) == n ? 0 : -1;
}

static inline int tu_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Read one byte within the timeout: 1, 0 at EOF, -1 on error/timeout. */
static inline int tu_read_byte(int fd, char *c, int timeout_ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int r;

	do
		r = poll(&pfd, 1, timeout_ms);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		errno = ETIMEDOUT;
	if (r <= 0)
		return -1;
	ssize_t n;
	do
		n = read(fd, c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? 1 : n == 0 ? 0 : -1;
}

/*
 * Read the next packet (skipping acks and anything before '$'), check its
 * checksum and copy its payload (NUL-terminated) into out. Returns the
 * payload length, or -1 on timeout, EOF, overflow or a bad checksum.
 */
static inline int tu_read_packet(int fd, char *out, size_t outlen)
{
	char c;
	size_t len = 0;
	unsigned sum = 0;

	do {
		if (tu_read_byte(fd, &c, TU_TIMEOUT_MS) != 1)
			return -1;
	} while (c != '$');
	for (;;) {
		if (tu_read_byte(fd, &c, TU_TIMEOUT_MS) != 1)
			return -1;
		if (c == '#')
			break;
		if (len + 1 >= outlen)
			return -1;
		out[len++] = c;
		sum += (unsigned char)c;
	}
	out[len] = '\0';
	char h[2];
	for (int i = 0; i < 2; i++)
		if (tu_read_byte(fd, &h[i], TU_TIMEOUT_MS) != 1)
			return -1;
	int hi = tu_hexval(h[0]), lo = tu_hexval(h[1]);
	if (hi < 0 || lo < 0 || (unsigned)(hi * 16 + lo) != (sum & 0xffu))
		return -1;
	/* Ack it, as gdb does, so the engine does not retransmit. */
	if (write(fd, "+", 1) != 1)
		return -1;
	return (int)len;
}

/* Send `?`-style request and read its reply; the reply length or -1. */
static inline int tu_transact(int fd, const char *payload, char *out, size_t outlen)
{
	if (tu_send_packet(fd, payload) < 0)
		return -1;
	return tu_read_packet(fd, out, outlen);
}

/* True when the peer closed fd within the timeout (EOF or reset). */
static inline bool tu_sees_eof(int fd, int timeout_ms)
{
	char c;
	for (;;) {
		int r = tu_read_byte(fd, &c, timeout_ms);
		if (r == 0)
			return true;
		if (r < 0)
			return errno == ECONNRESET;
	}
}

#endif
