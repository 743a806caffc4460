/*
 * Writing to a connection: all bytes or a clear failure, waiting while the
 * peer is slow, and never killed by SIGPIPE when the peer has gone.
 */
/* POSIX.1-2008 plus the BSD calls (cfmakeraw), whatever -std says. */
#define _DEFAULT_SOURCE

#include "transport.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef MSG_NOSIGNAL
#define MSG_NOSIGNAL 0 /* systems without it set SO_NOSIGPIPE on the socket */
#endif

int gstub_set_nonblock(int fd, bool on)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -1;
	fl = on ? (fl | O_NONBLOCK) : (fl & ~O_NONBLOCK);
	return fcntl(fd, F_SETFL, fl);
}

/* A pipe (stdio mode) raises SIGPIPE when the reader is gone. A library must
 * not change the process's signal handlers, so SIGPIPE is blocked in this
 * thread for the write and a signal the write raised is taken back. */
static ssize_t write_without_sigpipe(int fd, const void *p, size_t len)
{
	sigset_t pipe_only, old, pending;
	bool was_pending;
	ssize_t n;
	int saved;

	sigemptyset(&pipe_only);
	sigaddset(&pipe_only, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe_only, &old);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE) == 1;
	n = write(fd, p, len);
	saved = errno;
	if (n < 0 && saved == EPIPE && !was_pending) {
		struct timespec zero = { 0, 0 };
		while (sigtimedwait(&pipe_only, NULL, &zero) < 0 &&
		       errno == EINTR)
			;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = saved;
	return n;
}

bool gstub_is_socket(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && S_ISSOCK(st.st_mode);
}

/* Wait until fd takes more bytes; -1 when it never will. */
static int wait_writable(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	int r = poll(&pfd, 1, -1);

	if (r < 0)
		return errno == EINTR ? 0 : -1;
	if (pfd.revents & POLLOUT)
		return 0;
	if (pfd.revents & (POLLERR | POLLHUP | POLLNVAL)) {
		errno = EPIPE;
		return -1;
	}
	return 0;
}

int gstub_write_all(int fd, bool sock, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = sock ? send(fd, p, len, MSG_NOSIGNAL)
				 : write_without_sigpipe(fd, p, len);
		if (n > 0) {
			p += n;
			len -= (size_t)n;
			continue;
		}
		if (n == 0) {
			errno = EIO;
			return -1;
		}
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			if (wait_writable(fd) < 0)
				return -1;
			continue;
		}
		return -1;
	}
	return 0;
}
