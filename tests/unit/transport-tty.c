/*
 * A pseudo-terminal stands in for a serial line: the server opens the slave
 * side raw at the chosen baud, gdb's side is the master.
 */
/* posix_openpt and friends */
#define _GNU_SOURCE
#include "tap.h"
#include "transport-util.h"

#include <fcntl.h>
#include <termios.h>

static bool is_done(struct tu_stub *st)
{
	return atomic_load(&st->last_status) == GSTUB_SERVER_DONE;
}

/* A new pty; the slave's name goes to name. Returns the master or -1. */
static int open_pty(char *name, size_t len)
{
	int m = posix_openpt(O_RDWR | O_NOCTTY);
	const char *n;

	if (m < 0)
		return -1;
	if (grantpt(m) < 0 || unlockpt(m) < 0 || !(n = ptsname(m)) ||
	    strlen(n) >= len) {
		close(m);
		return -1;
	}
	strcpy(name, n);
	return m;
}

static int open_tty_stub(struct tu_stub *st, const char *name, unsigned baud,
			 char *err, size_t errlen)
{
	return tu_stub_open_baud(st, name, baud, false, err, errlen);
}

static void test_connection(void)
{
	struct tu_stub st;
	struct termios t;
	char name[128], err[256], reply[256];
	int m, s, rc;

	m = open_pty(name, sizeof name);
	if (!ok(m >= 0, "opened a pty")) {
		return;
	}
	rc = open_tty_stub(&st, name, 9600, err, sizeof err);
	if (!ok(rc == 0, "serve on the pty slave (%s)", err)) {
		close(m);
		return;
	}
	ok(gstub_server_connected(st.server), "a tty is connected from the start");
	ok(gstub_server_port(st.server) == -1, "no TCP port for a tty");

	/* The settings belong to the device: read them through our own fd. */
	s = open(name, O_RDWR | O_NOCTTY);
	ok(s >= 0 && tcgetattr(s, &t) == 0, "read the slave's settings");
	ok(!(t.c_lflag & (ICANON | ECHO | ISIG | IEXTEN)),
	   "raw: no canonical mode, echo or signals");
	ok(!(t.c_iflag & (ICRNL | INLCR | IGNCR | IXON | ISTRIP)),
	   "raw: no input translation or flow control");
	ok(!(t.c_oflag & OPOST), "raw: no output processing");
	ok((t.c_cflag & CSIZE) == CS8 && !(t.c_cflag & PARENB) &&
	   (t.c_cflag & CREAD) && (t.c_cflag & CLOCAL), "8N1, receiver on, local");
	ok(t.c_cc[VMIN] == 1 && t.c_cc[VTIME] == 0, "VMIN 1, VTIME 0");
	ok(cfgetospeed(&t) == B9600 && cfgetispeed(&t) == B9600, "9600 baud");
	if (s >= 0)
		close(s);

	tu_stub_start(&st);
	rc = tu_transact(m, "?", reply, sizeof reply);
	ok(rc > 0, "? over the tty (%s)", rc > 0 ? reply : "none");
	ok(atomic_load(&st.target.connects) == 1, "on_connect called once");

	/* gdb's side hangs up: the connection (and the loop) end. */
	close(m);
	ok(tu_wait_for(is_done, &st, TU_TIMEOUT_MS), "hang-up ends the loop: DONE");
	ok(atomic_load(&st.target.disconnects) == 1, "on_disconnect called");
	ok(!gstub_server_connected(st.server), "no longer connected");
	tu_stub_close(&st);
}

static void test_restore(void)
{
	struct tu_stub st;
	struct termios before, after;
	char name[128], err[256];
	int m, s;

	m = open_pty(name, sizeof name);
	s = m >= 0 ? open(name, O_RDWR | O_NOCTTY) : -1;
	if (!ok(s >= 0 && tcgetattr(s, &before) == 0, "second pty")) {
		if (m >= 0)
			close(m);
		return;
	}
	ok(open_tty_stub(&st, name, 0, err, sizeof err) == 0,
	   "serve at the default baud (%s)", err);
	ok(tcgetattr(s, &after) == 0 && cfgetospeed(&after) == B115200,
	   "default baud is 115200");
	tu_stub_close(&st);
	ok(tcgetattr(s, &after) == 0 && after.c_lflag == before.c_lflag &&
	   after.c_iflag == before.c_iflag && after.c_oflag == before.c_oflag &&
	   cfgetospeed(&after) == cfgetospeed(&before),
	   "close restores the tty's settings");
	close(s);
	close(m);
}

static void test_errors(void)
{
	struct tu_stub st;
	char name[128], err[256];
	int m = open_pty(name, sizeof name);

	if (m >= 0) {
		int rc = open_tty_stub(&st, name, 12345, err, sizeof err);
		ok(rc == GSTUB_EINVAL && strstr(err, "12345"),
		   "unsupported baud is an error: %s", err);
		if (rc == 0)
			tu_stub_close(&st);
		close(m);
	}
	int rc = open_tty_stub(&st, "/dev/null", 0, err, sizeof err);
	ok(rc == GSTUB_EINVAL && strstr(err, "not a terminal"),
	   "a character device that is no tty: %s", err);
	if (rc == 0)
		tu_stub_close(&st);
}

int main(void)
{
	alarm(60);
	test_connection();
	test_restore();
	test_errors();
	return tap_done();
}
