/*
 * Listening endpoints: TCP (IPv4 or IPv6, loopback unless the COMM names
 * another address) and Unix stream sockets, plus accepting one client.
 */
/* POSIX.1-2008 plus the BSD calls (cfmakeraw), whatever -std says. */
#define _DEFAULT_SOURCE

#include "transport.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* The engine serves one gdb; a short backlog keeps extra clients from
 * piling up unseen (they are refused once accepted). */
#define LISTEN_BACKLOG 1

static int errno_to_gstub(int e)
{
	switch (e) {
	case EADDRINUSE:
		return GSTUB_EBUSY;
	case EACCES:
	case EPERM:
		return GSTUB_EACCES;
	case EADDRNOTAVAIL:
	case ENOENT:
		return GSTUB_ENOENT;
	case ENOMEM:
	case ENOBUFS:
	case EMFILE:
	case ENFILE:
		return GSTUB_ENOMEM;
	default:
		return GSTUB_EIO;
	}
}

/* Close-on-exec and non-blocking, without the Linux-only socket flags. */
static int prepare_fd(int fd)
{
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) < 0 || gstub_set_nonblock(fd, true) < 0)
		return -1;
#ifdef SO_NOSIGPIPE
	{
		int one = 1;
		setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
	}
#endif
	return 0;
}

static int listen_on(const struct addrinfo *ai, int *saved_errno)
{
	int one = 1;
	int fd = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);

	if (fd < 0) {
		*saved_errno = errno;
		return -1;
	}
	if (prepare_fd(fd) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 ||
	    listen(fd, LISTEN_BACKLOG) < 0) {
		*saved_errno = errno;
		close(fd);
		return -1;
	}
	return fd;
}

static int bound_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;

	if (getsockname(fd, (struct sockaddr *)&ss, &len) < 0)
		return -1;
	if (ss.ss_family == AF_INET)
		return ntohs(((struct sockaddr_in *)&ss)->sin_port);
	if (ss.ss_family == AF_INET6)
		return ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	return -1;
}

int gstub_tcp_listen(const struct gstub_comm *c, int *port, char *err,
		     size_t errlen)
{
	struct addrinfo hints, *res, *ai;
	char service[8];
	int fd = -1, rc, last_errno = EADDRNOTAVAIL;

	memset(&hints, 0, sizeof hints);
	hints.ai_family = c->family;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	snprintf(service, sizeof service, "%u", c->port);
	rc = getaddrinfo(c->host, service, &hints, &res);
	if (rc != 0)
		return gstub_transport_error(GSTUB_ENOENT, err, errlen,
					     "cannot resolve host '%s': %s",
					     c->host, gai_strerror(rc));
	/* The first address that can be bound wins (localhost may name both
	 * 127.0.0.1 and ::1; gdb tries every address of the name too). */
	for (ai = res; ai && fd < 0; ai = ai->ai_next)
		fd = listen_on(ai, &last_errno);
	freeaddrinfo(res);
	if (fd < 0)
		return gstub_transport_error(errno_to_gstub(last_errno), err,
					     errlen, "cannot listen on %s:%u: %s",
					     c->host, c->port,
					     strerror(last_errno));
	*port = bound_port(fd);
	return fd;
}

/* True when nobody accepts on the socket file at path (a server that died
 * without removing it). */
static bool unix_socket_stale(const struct sockaddr_un *sa)
{
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);
	bool stale;

	if (fd < 0)
		return false;
	stale = connect(fd, (const struct sockaddr *)sa, sizeof *sa) < 0 &&
		errno == ECONNREFUSED;
	close(fd);
	return stale;
}

int gstub_unix_listen(const char *path, char *err, size_t errlen)
{
	struct sockaddr_un sa;
	struct stat st;
	int fd, e;

	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	if (path[0] == '\0' || strlen(path) >= sizeof sa.sun_path)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "bad unix socket path '%s'", path);
	strcpy(sa.sun_path, path);

	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode))
			return gstub_transport_error(GSTUB_EEXIST, err, errlen,
						     "%s exists and is not a socket",
						     path);
		if (!unix_socket_stale(&sa))
			return gstub_transport_error(GSTUB_EBUSY, err, errlen,
						     "%s is in use by another server",
						     path);
		unlink(path);
	}

	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	if (fd < 0) {
		e = errno;
		return gstub_transport_error(errno_to_gstub(e), err, errlen,
					     "cannot create a unix socket: %s",
					     strerror(e));
	}
	if (prepare_fd(fd) < 0 ||
	    bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 ||
	    listen(fd, LISTEN_BACKLOG) < 0) {
		e = errno;
		close(fd);
		return gstub_transport_error(errno_to_gstub(e), err, errlen,
					     "cannot listen on unix socket %s: %s",
					     path, strerror(e));
	}
	return fd;
}

int gstub_accept(int listen_fd, bool tcp, char *peer, size_t peerlen)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int fd, one = 1;

	fd = accept(listen_fd, (struct sockaddr *)&ss, &len);
	if (fd < 0)
		return -1;
	if (prepare_fd(fd) < 0) {
		close(fd);
		return -1;
	}
	if (!tcp) {
		snprintf(peer, peerlen, "unix socket");
		return fd;
	}
	/* gdb sends small packets and waits for each reply: Nagle's
	 * algorithm would add a delayed-ACK round trip to every one. */
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (getnameinfo((struct sockaddr *)&ss, len, host, sizeof host, serv,
			sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) != 0)
		snprintf(peer, peerlen, "host ?, port ?");
	else
		snprintf(peer, peerlen, "host %s, port %s", host, serv);
	return fd;
}
