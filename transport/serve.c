/*
 * The serve loop: one listening endpoint (or a tty / stdio), at most one gdb
 * connection, and a self-pipe so other threads can wake the loop to deliver
 * stops. The engine is only ever called from the thread running the loop.
 */
/* POSIX.1-2008 plus the BSD calls (cfmakeraw), whatever -std says. */
#define _DEFAULT_SOURCE

#include <gstub/serve.h>

#include "transport.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#ifndef GSTUB_SERVER_READ_CHUNK
/* Bytes read from gdb per turn: more than the largest packet gdb sends with
 * a usual PacketSize, so one turn normally takes a whole packet. */
#define GSTUB_SERVER_READ_CHUNK 16384
#endif

/* After accept() failed for lack of descriptors or memory, the pending
 * client keeps the listening socket readable; polling it again at once
 * would spin, so it is left out of the wait for this long. */
#define ACCEPT_RETRY_MS 100

struct gstub_server {
	struct gstub_server_config cfg; /* cfg.comm is not kept */
	struct gstub_comm comm;
	struct gstub *g;
	int listen_fd;       /* TCP / Unix; -1 for tty and stdio */
	int in_fd, out_fd;   /* the connection; both -1 when none */
	bool out_is_socket;
	int port;            /* TCP port listened on, or -1 */
	int wake_rd, wake_wr;
	bool unix_bound;     /* we created comm.path and must remove it */
	bool tty_saved_ok;
	struct termios tty_saved;
	bool queue_ok;
	bool conn_dead;      /* a write failed: the connection ends next turn */
	bool announce;       /* tty/stdio: the connection begins at the first turn */
	bool done;
	long long accept_retry_at; /* monotonic ms; 0 when accepting normally */
	atomic_bool connected;
	struct gstub_stop_queue stops;
	unsigned char rx[GSTUB_SERVER_READ_CHUNK]; /* here, not on the stack */
};

static void say(const struct gstub_server *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void say(const struct gstub_server *s, const char *fmt, ...)
{
	va_list ap;

	if (s->cfg.quiet)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fflush(stderr);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static int open_wake_pipe(struct gstub_server *s, char *err, size_t errlen)
{
	int p[2], e;

	if (pipe(p) < 0) {
		e = errno;
		return gstub_transport_error(GSTUB_ENOMEM, err, errlen,
					     "cannot create a pipe: %s",
					     strerror(e));
	}
	s->wake_rd = p[0];
	s->wake_wr = p[1];
	/* Non-blocking: a full pipe already means "wake up". */
	if (gstub_set_nonblock(p[0], true) < 0 ||
	    gstub_set_nonblock(p[1], true) < 0 ||
	    fcntl(p[0], F_SETFD, FD_CLOEXEC) < 0 ||
	    fcntl(p[1], F_SETFD, FD_CLOEXEC) < 0) {
		e = errno;
		return gstub_transport_error(GSTUB_EIO, err, errlen,
					     "cannot set up the wake-up pipe: %s",
					     strerror(e));
	}
	return 0;
}

static int open_stdio(struct gstub_server *s, char *err, size_t errlen)
{
	if (fcntl(0, F_GETFD) < 0 || fcntl(1, F_GETFD) < 0)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "stdio: stdin or stdout is closed");
	/* stdin/stdout stay blocking: they may be shared with other
	 * processes, and we only read once poll() says there is data. */
	s->in_fd = 0;
	s->out_fd = 1;
	s->out_is_socket = gstub_is_socket(1);
	return 0;
}

static int open_endpoint(struct gstub_server *s, char *err, size_t errlen)
{
	int fd;

	switch (s->comm.kind) {
	case GSTUB_COMM_TCP:
		fd = gstub_tcp_listen(&s->comm, &s->port, err, errlen);
		if (fd < 0)
			return fd;
		s->listen_fd = fd;
		say(s, "Listening on port %d\n", s->port);
		return 0;
	case GSTUB_COMM_UNIX:
		fd = gstub_unix_listen(s->comm.path, err, errlen);
		if (fd < 0)
			return fd;
		s->listen_fd = fd;
		s->unix_bound = true;
		say(s, "Listening on unix socket %s\n", s->comm.path);
		return 0;
	case GSTUB_COMM_STDIO:
		fd = open_stdio(s, err, errlen);
		if (fd < 0)
			return fd;
		s->announce = true;
		atomic_store(&s->connected, true);
		say(s, "Remote debugging using stdio\n");
		return 0;
	case GSTUB_COMM_TTY:
		fd = gstub_tty_open(s->comm.path, s->cfg.baud, &s->tty_saved,
				    err, errlen);
		if (fd < 0)
			return fd;
		s->tty_saved_ok = true;
		s->in_fd = s->out_fd = fd;
		s->announce = true;
		atomic_store(&s->connected, true);
		say(s, "Remote debugging using %s\n", s->comm.path);
		return 0;
	}
	return gstub_transport_error(GSTUB_EINVAL, err, errlen,
				     "unknown transport");
}

int gstub_server_open(struct gstub_server **out,
		      const struct gstub_server_config *cfg, char *err,
		      size_t errlen)
{
	struct gstub_server *s;
	int rc;

	if (err && errlen)
		err[0] = '\0';
	if (!out || !cfg)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "no server configuration given");
	*out = NULL;
	s = calloc(1, sizeof *s);
	if (!s)
		return gstub_transport_error(GSTUB_ENOMEM, err, errlen,
					     "out of memory");
	s->cfg = *cfg;
	s->cfg.comm = NULL;
	s->listen_fd = s->in_fd = s->out_fd = -1;
	s->wake_rd = s->wake_wr = -1;
	s->port = -1;
	atomic_init(&s->connected, false);

	rc = gstub_comm_parse(cfg->comm, &s->comm, err, errlen);
	if (rc < 0)
		goto fail;
	rc = gstub_stop_queue_init(&s->stops);
	if (rc < 0) {
		gstub_transport_error(rc, err, errlen, "cannot create a mutex");
		goto fail;
	}
	s->queue_ok = true;
	rc = open_wake_pipe(s, err, errlen);
	if (rc < 0)
		goto fail;
	rc = open_endpoint(s, err, errlen);
	if (rc < 0)
		goto fail;
	*out = s;
	return 0;
fail:
	gstub_server_close(s);
	return rc;
}

void gstub_server_attach(struct gstub_server *s, struct gstub *g)
{
	if (s)
		s->g = g;
}

int gstub_server_port(const struct gstub_server *s)
{
	return s && s->comm.kind == GSTUB_COMM_TCP ? s->port : -1;
}

bool gstub_server_connected(const struct gstub_server *s)
{
	return s && atomic_load(&s->connected);
}

void gstub_server_write(void *server, const void *data, size_t len)
{
	struct gstub_server *s = server;

	if (!s || !data || !len || s->out_fd < 0 || s->conn_dead)
		return;
	/* The connection is not ended here: we are inside the engine, which
	 * must not be reset under its own feet. The loop ends it next. */
	if (gstub_write_all(s->out_fd, s->out_is_socket, data, len) < 0)
		s->conn_dead = true;
}

static void connection_begin(struct gstub_server *s)
{
	if (s->g)
		gstub_reset_connection(s->g);
	if (s->cfg.on_connect)
		s->cfg.on_connect(s->cfg.ctx);
}

static void connection_end(struct gstub_server *s)
{
	if (s->comm.kind == GSTUB_COMM_TTY && s->tty_saved_ok) {
		gstub_tty_restore(s->in_fd, &s->tty_saved);
		s->tty_saved_ok = false;
	}
	if (s->comm.kind == GSTUB_COMM_STDIO)
		s->in_fd = s->out_fd = -1; /* not ours to close */
	else
		close_fd(&s->in_fd);
	s->out_fd = -1;
	s->conn_dead = false;
	atomic_store(&s->connected, false);
	if (s->g)
		gstub_reset_connection(s->g);
	if (s->cfg.on_disconnect)
		s->cfg.on_disconnect(s->cfg.ctx);
	if (s->listen_fd < 0 || s->cfg.once) {
		s->done = true;
		return;
	}
	if (s->comm.kind == GSTUB_COMM_TCP)
		say(s, "Connection closed.\nListening on port %d\n", s->port);
	else
		say(s, "Connection closed.\nListening on unix socket %s\n",
		    s->comm.path);
}

static void accept_client(struct gstub_server *s)
{
	char peer[160]; /* "host <numeric IPv6 with scope>, port N" */
	bool tcp = s->comm.kind == GSTUB_COMM_TCP;
	int fd = gstub_accept(s->listen_fd, tcp, peer, sizeof peer);

	if (fd < 0) {
		if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS ||
		    errno == ENOMEM)
			s->accept_retry_at = now_ms() + ACCEPT_RETRY_MS;
		return; /* else gone before we got to it, or nothing pending */
	}
	if (s->in_fd >= 0) {
		/* One gdb at a time; closing at once tells a second client
		 * right away instead of leaving it waiting in the dark. */
		close(fd);
		say(s, "Refused a second connection (%s): a debugger is "
		       "already attached\n", peer);
		return;
	}
	s->in_fd = s->out_fd = fd;
	s->out_is_socket = true;
	atomic_store(&s->connected, true);
	if (tcp)
		say(s, "Remote debugging from %s\n", peer);
	else
		say(s, "Remote debugging using unix socket %s\n", s->comm.path);
	connection_begin(s);
}

static void read_client(struct gstub_server *s)
{
	ssize_t n = read(s->in_fd, s->rx, sizeof s->rx);

	if (n > 0) {
		gstub_feed(s->g, s->rx, (size_t)n);
		return;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
		return;
	s->conn_dead = true; /* EOF, reset, or a hung-up tty (EIO) */
}

static void drain_wake_pipe(struct gstub_server *s)
{
	char buf[64];

	while (read(s->wake_rd, buf, sizeof buf) > 0)
		;
}

static void deliver_stops(struct gstub_server *s)
{
	struct gstub_stop stop;

	if (!s->g)
		return;
	while (gstub_stop_queue_pop(&s->stops, &stop))
		gstub_report_stop(s->g, &stop);
}

/* Work that needs no waiting: begin a tty/stdio connection, end a dead one,
 * hand over posted stops. */
static void housekeeping(struct gstub_server *s)
{
	if (s->announce && s->g) {
		s->announce = false;
		connection_begin(s);
	}
	if (s->conn_dead)
		connection_end(s);
	if (s->done)
		return;
	deliver_stops(s);
	if (s->conn_dead)
		connection_end(s);
}

int gstub_server_poll(struct gstub_server *s, int timeout_ms)
{
	struct pollfd pfd[3];
	int n = 0, listen_i = -1, conn_i = -1, r;

	if (!s)
		return GSTUB_EINVAL;
	if (s->done)
		return GSTUB_SERVER_DONE;
	gstub_stop_queue_set_consumer(&s->stops);
	housekeeping(s);
	if (s->done)
		return GSTUB_SERVER_DONE;

	pfd[n].fd = s->wake_rd;
	pfd[n++].events = POLLIN;
	/* Without an engine nothing can be served: only wake-ups count. */
	bool can_accept = s->g && s->listen_fd >= 0;
	if (can_accept && s->accept_retry_at) {
		long long left = s->accept_retry_at - now_ms();
		if (left > 0) {
			can_accept = false;
			if (timeout_ms < 0 || timeout_ms > left)
				timeout_ms = (int)left;
		} else {
			s->accept_retry_at = 0;
		}
	}
	if (can_accept) {
		listen_i = n;
		pfd[n].fd = s->listen_fd;
		pfd[n++].events = POLLIN;
	}
	if (s->g && s->in_fd >= 0) {
		conn_i = n;
		pfd[n].fd = s->in_fd;
		pfd[n++].events = POLLIN;
	}
	r = poll(pfd, (nfds_t)n, timeout_ms);
	if (r < 0)
		return errno == EINTR ? GSTUB_SERVER_OK : GSTUB_EIO;
	if (pfd[0].revents)
		drain_wake_pipe(s);
	deliver_stops(s);
	/* The old client's end first, so a client that reconnects at once
	 * is accepted in the same turn rather than refused. */
	if (conn_i >= 0 && pfd[conn_i].revents && !s->conn_dead)
		read_client(s);
	if (s->conn_dead)
		connection_end(s);
	if (!s->done && listen_i >= 0 && (pfd[listen_i].revents & POLLIN))
		accept_client(s);
	if (s->conn_dead)
		connection_end(s);
	return s->done ? GSTUB_SERVER_DONE : GSTUB_SERVER_OK;
}

int gstub_server_run(struct gstub_server *s)
{
	int rc;

	do
		rc = gstub_server_poll(s, -1);
	while (rc == GSTUB_SERVER_OK);
	return rc;
}

void gstub_server_wake(struct gstub_server *s)
{
	char b = 1;

	if (!s || s->wake_wr < 0)
		return;
	/* EAGAIN: the pipe is full, so a wake-up is pending anyway. */
	while (write(s->wake_wr, &b, 1) < 0 && errno == EINTR)
		;
}

void gstub_server_post_stop(struct gstub_server *s,
			    const struct gstub_stop *stop)
{
	if (!s || !stop)
		return;
	/* Wake first too: if the queue is full, push waits for the serve
	 * thread, which must not be asleep in poll(). */
	gstub_server_wake(s);
	gstub_stop_queue_push(&s->stops, stop);
	gstub_server_wake(s);
}

void gstub_server_close(struct gstub_server *s)
{
	if (!s)
		return;
	if (s->in_fd >= 0 && s->comm.kind == GSTUB_COMM_TTY && s->tty_saved_ok)
		gstub_tty_restore(s->in_fd, &s->tty_saved);
	if (s->comm.kind != GSTUB_COMM_STDIO)
		close_fd(&s->in_fd);
	close_fd(&s->listen_fd);
	if (s->unix_bound)
		unlink(s->comm.path);
	close_fd(&s->wake_rd);
	close_fd(&s->wake_wr);
	if (s->queue_ok)
		gstub_stop_queue_destroy(&s->stops);
	free(s);
}
