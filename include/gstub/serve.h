/*
 * Host transports and the serve loop (POSIX; not part of the freestanding
 * engine). A server owns one listening endpoint and at most one gdb
 * connection at a time, and pumps bytes between it and a struct gstub.
 *
 * COMM strings follow gdbserver:
 *   [HOST]:PORT     TCP; no HOST means 127.0.0.1 (never all interfaces unless
 *                   an address such as 0.0.0.0 or [::] says so); PORT 0 picks
 *                   a free port; [v6addr]:PORT for IPv6
 *   unix:PATH       Unix stream socket
 *   - or stdio      the process's stdin/stdout (one session)
 *   /dev/...        a serial tty, raw, at the configured baud rate
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

/* Open the endpoint (listen, or open the tty / stdio). On failure returns a
 * negative error and writes a one-line message into err. */
int gstub_server_open(struct gstub_server **out,
		      const struct gstub_server_config *cfg, char *err,
		      size_t errlen);

/* The engine's write callback: pass gstub_server_write and the server as
 * write/write_ctx in struct gstub_config. Drops data when no client. */
void gstub_server_write(void *server, const void *data, size_t len);

/* Give the server its engine (after gstub_init). */
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
 */
int gstub_server_poll(struct gstub_server *s, int timeout_ms);

/* Loop on gstub_server_poll(s, -1) until DONE or error. */
int gstub_server_run(struct gstub_server *s);

/* Thread-safe: report a stop from another thread; it reaches
 * gstub_report_stop() on the serve thread at its next turn. */
void gstub_server_post_stop(struct gstub_server *s,
			    const struct gstub_stop *stop);

/* Thread-safe: make a blocked gstub_server_poll() return now. */
void gstub_server_wake(struct gstub_server *s);

/* Close the connection and the endpoint (and remove a unix socket file). */
void gstub_server_close(struct gstub_server *s);

#ifdef __cplusplus
}
#endif
#endif
