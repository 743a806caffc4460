/*
 * Serial ttys: opened raw (no echo, no line editing, no CR/LF mapping, 8N1,
 * no flow control) at a chosen baud rate, the way gdb's own serial code sets
 * its end of the line.
 */
/* POSIX.1-2008 plus the BSD calls (cfmakeraw), whatever -std says. */
#define _DEFAULT_SOURCE

#include "transport.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_BAUD 115200u

static const struct {
	unsigned baud;
	speed_t speed;
} speeds[] = {
	{ 50, B50 }, { 75, B75 }, { 110, B110 }, { 134, B134 }, { 150, B150 },
	{ 200, B200 }, { 300, B300 }, { 600, B600 }, { 1200, B1200 },
	{ 1800, B1800 }, { 2400, B2400 }, { 4800, B4800 }, { 9600, B9600 },
	{ 19200, B19200 }, { 38400, B38400 },
#ifdef B57600
	{ 57600, B57600 },
#endif
#ifdef B115200
	{ 115200, B115200 },
#endif
#ifdef B230400
	{ 230400, B230400 },
#endif
#ifdef B460800
	{ 460800, B460800 },
#endif
#ifdef B500000
	{ 500000, B500000 },
#endif
#ifdef B576000
	{ 576000, B576000 },
#endif
#ifdef B921600
	{ 921600, B921600 },
#endif
#ifdef B1000000
	{ 1000000, B1000000 },
#endif
#ifdef B1152000
	{ 1152000, B1152000 },
#endif
#ifdef B1500000
	{ 1500000, B1500000 },
#endif
#ifdef B2000000
	{ 2000000, B2000000 },
#endif
#ifdef B2500000
	{ 2500000, B2500000 },
#endif
#ifdef B3000000
	{ 3000000, B3000000 },
#endif
#ifdef B3500000
	{ 3500000, B3500000 },
#endif
#ifdef B4000000
	{ 4000000, B4000000 },
#endif
};

bool gstub_tty_speed(unsigned baud, speed_t *out)
{
	if (baud == 0)
		baud = DEFAULT_BAUD;
	for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++) {
		if (speeds[i].baud == baud) {
			*out = speeds[i].speed;
			return true;
		}
	}
	return false;
}

int gstub_tty_open(const char *path, unsigned baud, struct termios *saved,
		   char *err, size_t errlen)
{
	struct termios t;
	speed_t speed;
	int fd, e;

	if (!gstub_tty_speed(baud, &speed))
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "unsupported baud rate %u", baud);
	fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		e = errno;
		return gstub_transport_error(e == ENOENT ? GSTUB_ENOENT
					     : e == EACCES ? GSTUB_EACCES
					     : GSTUB_EIO, err, errlen,
					     "cannot open %s: %s", path,
					     strerror(e));
	}
	if (!isatty(fd)) {
		close(fd);
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "%s is not a terminal", path);
	}
	if (tcgetattr(fd, saved) < 0) {
		e = errno;
		close(fd);
		return gstub_transport_error(GSTUB_EIO, err, errlen,
					     "cannot read the settings of %s: %s",
					     path, strerror(e));
	}
	t = *saved;
	cfmakeraw(&t);
	t.c_cflag |= CLOCAL | CREAD;
#ifdef CRTSCTS
	t.c_cflag &= ~(tcflag_t)CRTSCTS;
#endif
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (cfsetispeed(&t, speed) < 0 || cfsetospeed(&t, speed) < 0 ||
	    tcsetattr(fd, TCSANOW, &t) < 0) {
		e = errno;
		close(fd);
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "cannot set %s raw at %u baud: %s",
					     path, baud ? baud : DEFAULT_BAUD,
					     strerror(e));
	}
	/* Bytes that arrived before we were listening are not for us. */
	tcflush(fd, TCIFLUSH);
	return fd;
}

void gstub_tty_restore(int fd, const struct termios *saved)
{
	tcsetattr(fd, TCSANOW, saved);
}
