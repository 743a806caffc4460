/*
 * Host transports and the serve loop (POSIX; not part of the freestanding
 * engine). A server owns one listening endpoint and at most one gdb
 * connection at a time, and pumps bytes between it and a struct gstub.
 *
 * COMM strings follow gdbserver:
 *   [HOST]:PORT     TCP; no HOST means 127.0.0.1 (never all interfaces unless
 *                   an address such as 0.0.0.0 or [::] says so); PORT 0 picks
 *                   a free port; [v6addr]:PORT for IPv6. gdb's tcp:, tcp4:
 *                   and tcp6: prefixes are accepted (tcp6::PORT is ::1).
 *   unix:PATH       Unix stream socket
 *   - or stdio      the process's stdin/stdout (one session)
 *   /dev/...        a serial tty, raw, at the configured baud rate (so is
 *                   any other path naming a character device)
 *
 * Messages (to stderr, flushed, unless quiet), as gdbserver prints them:
 *   Listening on port N                      TCP endpoint ready
 *   Listening on unix socket PATH            Unix endpoint ready
 *   Remote debugging from host H, port P     a TCP client attached
 *   Remote debugging using unix socket PATH  a Unix client attached
 *   Remote debugging using stdio | TTY       stdio / tty opened
 * When a client leaves and the server keeps listening it says so and prints
 * the "Listening on" line again, so scripts can wait for it each time.
 *
 * One client at a time: a second client that connects while one is attached
 * is accepted and closed at once (gdb reports the closed connection
 * immediately instead of hanging in the backlog).
 *
 * Threads: gstub_server_post_stop() and gstub_server_wake() may be called
 * from any thread (not from signal handlers: they take a mutex). Every other
 * call, and every engine call, belongs to the thread running the loop.
 */
#ifndef GSTUB_SERVE_H
#define GSTUB_SERVE_H

#include <gstub/gstub.h>

#ifdef __cplusplus
extern "C" {
#endif

struct gstub_server;

struct gstub_server_config {
	const char *comm;
	unsigned baud;     /* serial ttys; 0 means 115200 */
	bool once;         /* stop accepting after the first session ends */
	/* Messages as gdbserver prints them ("Listening on port N",
	 * "Remote debugging from host H, port P"), to stderr unless quiet. */
	bool quiet;
	/* Optional: told when a client connects or goes away (after the engine
	 * was reset). */
	void (*on_connect)(void *ctx);
	void (*on_disconnect)(void *ctx);
	void *ctx;
};

/* Open the endpoint (listen, or open the tty / stdio). Returns 0 and the
 * server in *out (caller frees it with gstub_server_close), or a negative
 * error with *out NULL and a one-line message (no newline) in err:
 * GSTUB_EINVAL bad COMM or baud, GSTUB_EBUSY address or socket in use,
 * GSTUB_EEXIST a non-socket file at a unix: path, GSTUB_ENOENT unknown host
 * or missing tty, GSTUB_EACCES, GSTUB_ENOMEM, GSTUB_EIO. A stale unix socket
 * file (no server behind it) is replaced. A tty is set raw (restored by
 * gstub_server_close); stdin/stdout are left blocking and never closed. */
int gstub_server_open(struct gstub_server **out,
		      const struct gstub_server_config *cfg, char *err,
		      size_t errlen);

/* The engine's write callback: pass gstub_server_write and the server as
 * write/write_ctx in struct gstub_config. Writes every byte, waiting while
 * the client is slow (it blocks as long as gdb does not read); drops data
 * when no client is attached; a write error marks the connection dead, and
 * the loop ends the connection at its next step (never inside the engine).
 * Never raises SIGPIPE. */
void gstub_server_write(void *server, const void *data, size_t len);

/* Give the server its engine (after gstub_init). Until then the loop waits
 * only for wake-ups: no client is accepted and no stop is delivered. */
void gstub_server_attach(struct gstub_server *s, struct gstub *g);

/* The TCP port listened on (useful with port 0), or -1. */
int gstub_server_port(const struct gstub_server *s);

/* True while a client is connected. */
bool gstub_server_connected(const struct gstub_server *s);

enum gstub_server_status {
	GSTUB_SERVER_OK = 0,     /* keep going */
	GSTUB_SERVER_DONE = 1,   /* --once session over, or stdio closed */
};

/*
 * One turn of the loop: wait up to timeout_ms (-1 forever, 0 poll) for a
 * connection, bytes from gdb, or a wake-up; accept, feed the engine,
 * deliver stops posted by other threads. Returns GSTUB_SERVER_OK,
 * GSTUB_SERVER_DONE, or a negative error. Single-threaded embedders (an
 * emulator running its CPU in slices) call this between slices.
 *
 * A connection begins with gstub_reset_connection() then on_connect; it ends
 * (EOF, read or write error, hang-up) with gstub_reset_connection() then
 * on_disconnect. After that a TCP/Unix server listens again unless `once`
 * was set; stdio and tty servers are DONE. A signal interrupting the wait
 * returns GSTUB_SERVER_OK early.
 */
int gstub_server_poll(struct gstub_server *s, int timeout_ms);

/* Loop on gstub_server_poll(s, -1) until DONE or error. */
int gstub_server_run(struct gstub_server *s);

/* Thread-safe: report a stop from another thread; it reaches
 * gstub_report_stop() on the serve thread at its next turn, in order. Stops
 * wait in a fixed ring (GSTUB_SERVER_STOP_QUEUE, 32). When it is full, a
 * stop from another thread is never dropped: the caller blocks until the
 * serve thread makes room. The serve thread itself cannot wait for itself,
 * so its stop replaces the newest queued one (after the first stop reply
 * the engine keeps only the latest stop anyway). */
void gstub_server_post_stop(struct gstub_server *s,
			    const struct gstub_stop *stop);

/* Thread-safe: make a blocked gstub_server_poll() return now. */
void gstub_server_wake(struct gstub_server *s);

/* Close the connection and the endpoint (and remove the unix socket file we
 * created; restore a tty's settings). Calls neither the engine nor the
 * callbacks. Other threads must have stopped posting first. NULL is fine. */
void gstub_server_close(struct gstub_server *s);

#ifdef __cplusplus
}
#endif
#endif
