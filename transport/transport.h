/*
 * Internal interface between the pieces of transport/: COMM parsing, the
 * endpoints (TCP, Unix socket, serial tty), fd utilities and the stop queue.
 * Not installed; the public surface is <gstub/serve.h>.
 */
#ifndef GSTUB_TRANSPORT_H
#define GSTUB_TRANSPORT_H

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <termios.h>

#include <gstub/gstub.h>

/* ------------------------------------------------------------- comm.c */

enum gstub_comm_kind {
	GSTUB_COMM_TCP,
	GSTUB_COMM_UNIX,
	GSTUB_COMM_STDIO,
	GSTUB_COMM_TTY,
};

/* A host name or numeric address; DNS names are at most 253 characters. */
#define GSTUB_COMM_HOST_MAX 256
/* Unix socket paths must fit sockaddr_un.sun_path (108 on Linux). */
#define GSTUB_COMM_UNIX_PATH_MAX 108

struct gstub_comm {
	enum gstub_comm_kind kind;
	int family;                      /* TCP: AF_UNSPEC, AF_INET or AF_INET6 */
	char host[GSTUB_COMM_HOST_MAX];  /* TCP: never empty after parsing */
	unsigned port;                   /* TCP: 0..65535, 0 = any free port */
	char path[PATH_MAX];             /* UNIX and TTY */
};

/* Parse a COMM string (see <gstub/serve.h>). Returns 0, or GSTUB_EINVAL with
 * a one-line message in err. Only a name that is neither stdio, unix:,
 * /dev/... nor looks like HOST:PORT is looked up (stat) as a char device. */
int gstub_comm_parse(const char *comm, struct gstub_comm *out, char *err,
		     size_t errlen);

/* printf into err (if any), always NUL-terminated; returns `code`. */
int gstub_transport_error(int code, char *err, size_t errlen, const char *fmt,
			  ...) __attribute__((format(printf, 4, 5)));

/* ------------------------------------------------------- sockets.c */

/* Listen on c->host:c->port (backlog 1, SO_REUSEADDR, non-blocking,
 * close-on-exec). Returns the fd and the bound port in *port, or a negative
 * GSTUB_E* with err set. */
int gstub_tcp_listen(const struct gstub_comm *c, int *port, char *err,
		     size_t errlen);

/* Listen on a Unix stream socket at path. A stale socket file (nobody
 * accepting) is replaced; a live one or any other kind of file is an error. */
int gstub_unix_listen(const char *path, char *err, size_t errlen);

/* Accept one connection (non-blocking, close-on-exec; TCP_NODELAY on TCP).
 * Returns the fd or -1 (nothing pending or an error; errno says). The peer is
 * described in peer ("host H, port P" or "unix socket"). */
int gstub_accept(int listen_fd, bool tcp, char *peer, size_t peerlen);

/* ------------------------------------------------------------- tty.c */

/* Open a serial tty raw at baud (0 = 115200), non-blocking. The previous
 * settings go to *saved for gstub_tty_restore. Returns the fd or a negative
 * GSTUB_E* with err set. */
int gstub_tty_open(const char *path, unsigned baud, struct termios *saved,
		   char *err, size_t errlen);

/* The termios speed constant for baud, or false if the system lacks it. */
bool gstub_tty_speed(unsigned baud, speed_t *out);

void gstub_tty_restore(int fd, const struct termios *saved);

/* ------------------------------------------------------------- fdio.c */

/* Write all len bytes; waits with poll() while the fd is full and retries on
 * EINTR. Never raises SIGPIPE (sock: fd is a socket, from gstub_is_socket,
 * checked once per connection rather than per write). Returns 0, or -1 with
 * errno on a write error or hang-up. */
int gstub_write_all(int fd, bool sock, const void *data, size_t len);

bool gstub_is_socket(int fd);

int gstub_set_nonblock(int fd, bool on);

/* ------------------------------------------------------ stop_queue.c */

#ifndef GSTUB_SERVER_STOP_QUEUE
/* Stops waiting for the serve thread. A target posts one stop per resume,
 * so a handful is plenty; 32 leaves room for bursty multi-thread targets. */
#define GSTUB_SERVER_STOP_QUEUE 32
#endif

struct gstub_stop_queue {
	pthread_mutex_t lock;
	pthread_cond_t space;        /* signalled when entries are taken */
	struct gstub_stop ring[GSTUB_SERVER_STOP_QUEUE];
	unsigned head, count;
	pthread_t consumer;          /* the thread that takes stops out */
	bool have_consumer;
};

int gstub_stop_queue_init(struct gstub_stop_queue *q);
void gstub_stop_queue_destroy(struct gstub_stop_queue *q);

/* Add a stop. When the ring is full, another thread waits for the consumer
 * to make room; the consumer itself (which cannot wait for itself) merges
 * the stop into the newest entry. Returns true when the stop was merged. */
bool gstub_stop_queue_push(struct gstub_stop_queue *q,
			   const struct gstub_stop *stop);

/* Take the oldest stop; false when empty. Marks the caller as consumer. */
bool gstub_stop_queue_pop(struct gstub_stop_queue *q, struct gstub_stop *out);

/* Declare the calling thread the consumer (the serve thread). */
void gstub_stop_queue_set_consumer(struct gstub_stop_queue *q);

#endif
