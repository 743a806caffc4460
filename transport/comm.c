/*
 * COMM strings, as gdbserver takes them: [HOST]:PORT, [V6ADDR]:PORT,
 * unix:PATH, - or stdio, and serial ttys. Parsing is strict: every port digit
 * is checked and nothing falls back to a default on bad input.
 */
/* POSIX.1-2008 plus the BSD calls (cfmakeraw), whatever -std says. */
#define _DEFAULT_SOURCE

#include "transport.h"

#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

int gstub_transport_error(int code, char *err, size_t errlen, const char *fmt,
			  ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return code;
}

#define COMM_USAGE "expected [HOST]:PORT, unix:PATH, /dev/TTY, - or stdio"

static int parse_port(const char *s, unsigned *port, const char *comm,
		      char *err, size_t errlen)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; s[i]; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 5)
			break;
		v = v * 10 + (unsigned long)(s[i] - '0');
	}
	if (i == 0 || s[i] != '\0' || v > 65535)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "bad port '%s' in '%s' (expected 0-65535)",
					     s, comm);
	*port = (unsigned)v;
	return 0;
}

/* Host names and IPv4 literals: no spaces, no control characters, no ':'
 * (IPv6 literals must come in brackets so the port stays unambiguous). */
static bool plain_host_ok(const char *h, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)h[i];
		if (ch <= ' ' || ch >= 0x7f || ch == ':' || ch == '[' ||
		    ch == ']' || ch == '/')
			return false;
	}
	return true;
}

/* An IPv6 literal, optionally with a %scope suffix (fe80::1%eth0). */
static bool v6_host_ok(const char *h)
{
	char addr[INET6_ADDRSTRLEN];
	struct in6_addr a;
	const char *pct = strchr(h, '%');
	size_t len = pct ? (size_t)(pct - h) : strlen(h);

	if (len == 0 || len >= sizeof addr)
		return false;
	memcpy(addr, h, len);
	addr[len] = '\0';
	if (pct && !plain_host_ok(pct + 1, strlen(pct + 1)))
		return false;
	if (pct && pct[1] == '\0')
		return false;
	return inet_pton(AF_INET6, addr, &a) == 1;
}

static int parse_tcp(const char *comm, const char *s, struct gstub_comm *out,
		     char *err, size_t errlen)
{
	const char *colon, *host = s;
	size_t hostlen;

	if (*s == '[') {
		const char *close = strchr(s, ']');
		if (!close)
			return gstub_transport_error(GSTUB_EINVAL, err, errlen,
						     "missing ']' in '%s'", comm);
		if (close[1] != ':')
			return gstub_transport_error(GSTUB_EINVAL, err, errlen,
						     "missing ':PORT' after ']' in '%s'",
						     comm);
		host = s + 1;
		hostlen = (size_t)(close - host);
		colon = close + 1;
		if (hostlen >= sizeof out->host)
			return gstub_transport_error(GSTUB_EINVAL, err, errlen,
						     "host name too long in '%s'", comm);
		memcpy(out->host, host, hostlen);
		out->host[hostlen] = '\0';
		if (!v6_host_ok(out->host))
			return gstub_transport_error(GSTUB_EINVAL, err, errlen,
						     "bad IPv6 address '%s' in '%s'",
						     out->host, comm);
		if (out->family == AF_INET)
			return gstub_transport_error(GSTUB_EINVAL, err, errlen,
						     "tcp4: with an IPv6 address in '%s'",
						     comm);
		out->family = AF_INET6;
		return parse_port(colon + 1, &out->port, comm, err, errlen);
	}

	colon = strrchr(s, ':');
	if (!colon)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "'%s': " COMM_USAGE, comm);
	hostlen = (size_t)(colon - s);
	if (memchr(s, ':', hostlen))
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "'%s': an IPv6 address needs brackets, "
					     "as in [::1]:PORT", comm);
	if (!plain_host_ok(s, hostlen))
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "bad host name in '%s'", comm);
	if (hostlen >= sizeof out->host)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "host name too long in '%s'", comm);
	if (hostlen == 0) {
		/* Loopback unless an address says otherwise. */
		strcpy(out->host, out->family == AF_INET6 ? "::1" : "127.0.0.1");
		if (out->family == AF_UNSPEC)
			out->family = AF_INET;
	} else {
		memcpy(out->host, s, hostlen);
		out->host[hostlen] = '\0';
	}
	return parse_port(colon + 1, &out->port, comm, err, errlen);
}

static bool is_char_device(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISCHR(st.st_mode);
}

static int copy_path(const char *comm, const char *path, size_t max,
		     char *dst, char *err, size_t errlen)
{
	size_t len = strlen(path);

	if (len == 0)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "'%s': empty path", comm);
	if (len >= max)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "'%s': path longer than %zu bytes",
					     comm, max - 1);
	memcpy(dst, path, len + 1);
	return 0;
}

int gstub_comm_parse(const char *comm, struct gstub_comm *out, char *err,
		     size_t errlen)
{
	static const struct {
		const char *prefix;
		int family;
	} tcp_prefixes[] = {
		{ "tcp:", AF_UNSPEC }, { "tcp4:", AF_INET }, { "tcp6:", AF_INET6 },
	};

	if (err && errlen)
		err[0] = '\0';
	if (!comm || !out)
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "no COMM given: " COMM_USAGE);
	memset(out, 0, sizeof *out);
	out->family = AF_UNSPEC;

	if (comm[0] == '\0')
		return gstub_transport_error(GSTUB_EINVAL, err, errlen,
					     "empty COMM: " COMM_USAGE);
	if (strcmp(comm, "-") == 0 || strcmp(comm, "stdio") == 0) {
		out->kind = GSTUB_COMM_STDIO;
		return 0;
	}
	if (strncmp(comm, "unix:", 5) == 0) {
		out->kind = GSTUB_COMM_UNIX;
		return copy_path(comm, comm + 5, GSTUB_COMM_UNIX_PATH_MAX,
				 out->path, err, errlen);
	}
	if (strncmp(comm, "/dev/", 5) == 0 ||
	    (!strchr(comm, ':') && is_char_device(comm))) {
		out->kind = GSTUB_COMM_TTY;
		return copy_path(comm, comm, sizeof out->path, out->path, err,
				 errlen);
	}

	out->kind = GSTUB_COMM_TCP;
	for (size_t i = 0; i < sizeof tcp_prefixes / sizeof tcp_prefixes[0]; i++) {
		size_t n = strlen(tcp_prefixes[i].prefix);
		if (strncmp(comm, tcp_prefixes[i].prefix, n) == 0) {
			out->family = tcp_prefixes[i].family;
			return parse_tcp(comm, comm + n, out, err, errlen);
		}
	}
	return parse_tcp(comm, comm, out, err, errlen);
}
