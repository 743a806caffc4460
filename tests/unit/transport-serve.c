/*
 * The serve loop over real sockets: TCP on loopback (IPv4 and IPv6) and Unix
 * sockets, with the engine on a trivial target. Connect, ask `?`, disconnect
 * and come back, survive garbage, refuse a second client, deliver a stop
 * posted from another thread.
 */
#include "tap.h"
#include "transport-util.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

static int connect_tcp(int family, const char *addr, int port)
{
	struct sockaddr_storage ss;
	socklen_t len;
	int fd;

	memset(&ss, 0, sizeof ss);
	if (family == AF_INET6) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, addr, &a->sin6_addr) != 1)
			return -1;
		len = sizeof *a;
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		a->sin_family = AF_INET;
		a->sin_port = htons((uint16_t)port);
		if (inet_pton(AF_INET, addr, &a->sin_addr) != 1)
			return -1;
		len = sizeof *a;
	}
	fd = socket(family, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&ss, len) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static int connect_unix(const char *path)
{
	struct sockaddr_un sa;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sun_family = AF_UNIX;
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	if (connect(fd, (struct sockaddr *)&sa, sizeof sa) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

static bool is_connected(struct tu_stub *st)
{
	return gstub_server_connected(st->server);
}

static bool is_disconnected(struct tu_stub *st)
{
	return !gstub_server_connected(st->server);
}

static bool has_resumed(struct tu_stub *st)
{
	return atomic_load(&st->target.resumes) > 0;
}

/* The server's end of our client connection, found among this process's
 * descriptors by its addresses, so its options can be read. */
static int find_server_end(int client_fd)
{
	struct sockaddr_storage mine, peer, a, b;
	socklen_t l1 = sizeof mine, l2 = sizeof peer;

	if (getsockname(client_fd, (struct sockaddr *)&mine, &l1) < 0 ||
	    getpeername(client_fd, (struct sockaddr *)&peer, &l2) < 0)
		return -1;
	for (int fd = 3; fd < 1024; fd++) {
		socklen_t la = sizeof a, lb = sizeof b;
		if (fd == client_fd)
			continue;
		if (getsockname(fd, (struct sockaddr *)&a, &la) < 0 ||
		    getpeername(fd, (struct sockaddr *)&b, &lb) < 0)
			continue;
		if (la == l2 && lb == l1 && memcmp(&a, &peer, la) == 0 &&
		    memcmp(&b, &mine, lb) == 0)
			return fd;
	}
	return -1;
}

/* The address of this process's listening socket on port, found among
 * its descriptors; false when there is none. */
static bool listening_address(int port, struct sockaddr_in *out)
{
	for (int fd = 3; fd < 1024; fd++) {
		struct sockaddr_in a;
		socklen_t len = sizeof a;
		int acc = 0;
		socklen_t alen = sizeof acc;
		if (getsockname(fd, (struct sockaddr *)&a, &len) < 0 ||
		    a.sin_family != AF_INET || ntohs(a.sin_port) != port ||
		    getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &acc, &alen) < 0 ||
		    !acc)
			continue;
		*out = a;
		return true;
	}
	return false;
}

static void test_tcp_connection(void)
{
	struct tu_stub st;
	char err[256], reply[512];
	int fd, port, rc;

	rc = tu_stub_open(&st, ":0", false, err, sizeof err);
	if (!ok(rc == 0, "open :0 (%s)", err))
		return;
	port = gstub_server_port(st.server);
	ok(port > 0 && port < 65536, "port 0 picked a free port (%d)", port);
	ok(!gstub_server_connected(st.server), "not connected before a client");
	/* No client: output is dropped, nothing breaks. */
	gstub_server_write(st.server, "$OK#9a", 6);
	ok(1, "write with no client is dropped");
	ok(tu_stub_start(&st) == 0, "serve thread started");

	struct sockaddr_in bound;
	ok(listening_address(port, &bound) &&
	   bound.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
	   "listening socket is bound to 127.0.0.1");
	/* Default bind is loopback only: 127.0.0.2 is loopback too on
	 * Linux, and reachable only when bound to all interfaces. */
	fd = connect_tcp(AF_INET, "127.0.0.2", port);
	ok(fd < 0, "no listener on 127.0.0.2: default bind is 127.0.0.1, "
		   "not 0.0.0.0");
	if (fd >= 0)
		close(fd);

	fd = connect_tcp(AF_INET, "127.0.0.1", port);
	if (!ok(fd >= 0, "connect to 127.0.0.1:%d", port)) {
		tu_stub_close(&st);
		return;
	}
	ok(write(fd, "+", 1) == 1, "initial ack sent");
	rc = tu_transact(fd, "?", reply, sizeof reply);
	ok(rc > 0, "$?#3f gets a reply (%s)", rc >= 0 ? reply : "none");
	ok(tu_wait_for(is_connected, &st, TU_TIMEOUT_MS), "server reports connected");
	ok(atomic_load(&st.target.connects) == 1, "on_connect called once");

	int server_end = find_server_end(fd);
	int nodelay = 0;
	socklen_t optlen = sizeof nodelay;
	ok(server_end >= 0 &&
	   getsockopt(server_end, IPPROTO_TCP, TCP_NODELAY, &nodelay,
		      &optlen) == 0 && nodelay,
	   "TCP_NODELAY is set on the accepted socket");

	/* A second client is refused while the first is attached. */
	int fd2 = connect_tcp(AF_INET, "127.0.0.1", port);
	ok(fd2 >= 0 && tu_sees_eof(fd2, TU_TIMEOUT_MS),
	   "a second client is closed at once");
	if (fd2 >= 0)
		close(fd2);
	rc = tu_transact(fd, "?", reply, sizeof reply);
	ok(rc > 0, "the first client still works after the refusal");

	/* A stop posted from another thread reaches gdb as a stop reply. */
	ok(tu_send_packet(fd, "c") == 0, "sent c");
	ok(tu_wait_for(has_resumed, &st, TU_TIMEOUT_MS), "target resumed");
	struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL, .tid = 1,
				   .signal = GSTUB_SIGTRAP };
	gstub_server_post_stop(st.server, &stop);
	rc = tu_read_packet(fd, reply, sizeof reply);
	ok(rc > 0 && (strncmp(reply, "T05", 3) == 0 ||
		      strncmp(reply, "S05", 3) == 0),
	   "posted stop arrives as a stop reply (%s)", rc > 0 ? reply : "none");

	/* Ctrl-C while running: the target's interrupt posts SIGINT. */
	ok(tu_send_packet(fd, "c") == 0, "sent c again");
	ok(write(fd, "\x03", 1) == 1, "sent ^C");
	rc = tu_read_packet(fd, reply, sizeof reply);
	ok(rc > 0 && (strncmp(reply, "T02", 3) == 0 ||
		      strncmp(reply, "S02", 3) == 0),
	   "^C gives a SIGINT stop reply (%s)", rc > 0 ? reply : "none");

	/* Disconnect and come back. */
	close(fd);
	ok(tu_wait_for(is_disconnected, &st, TU_TIMEOUT_MS), "disconnect seen");
	ok(atomic_load(&st.target.disconnects) == 1, "on_disconnect called");
	fd = connect_tcp(AF_INET, "127.0.0.1", port);
	ok(fd >= 0, "reconnect");
	rc = fd >= 0 ? tu_transact(fd, "?", reply, sizeof reply) : -1;
	ok(rc > 0, "? after reconnect (%s)", rc > 0 ? reply : "none");
	ok(atomic_load(&st.target.connects) == 2, "on_connect called again");

	/* Garbage does not take the server down. */
	static const char garbage[] =
		"$$$###\x03\x00\xff\x80zz#zz$m400000,zz#00-+-+$qSupported:"
		"\x7f\x01#\x02$X400000,9999999999999999999:#00$g#zz";
	if (fd >= 0) {
		ok(write(fd, garbage, sizeof garbage) == (ssize_t)sizeof garbage,
		   "sent garbage");
		char junk[4096];
		for (int i = 0; i < 4096; i++)
			junk[i] = (char)(rand() & 0xff);
		ok(write(fd, junk, sizeof junk) == (ssize_t)sizeof junk,
		   "sent 4 KiB of random bytes");
		close(fd);
	}
	ok(tu_wait_for(is_disconnected, &st, TU_TIMEOUT_MS),
	   "garbage client gone");
	/* A client that vanishes with a reset. */
	fd = connect_tcp(AF_INET, "127.0.0.1", port);
	if (fd >= 0) {
		struct linger lg = { .l_onoff = 1, .l_linger = 0 };
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
		ok(tu_wait_for(is_connected, &st, TU_TIMEOUT_MS),
		   "resetting client attached");
		close(fd);
	}
	ok(tu_wait_for(is_disconnected, &st, TU_TIMEOUT_MS), "reset client gone");
	fd = connect_tcp(AF_INET, "127.0.0.1", port);
	rc = fd >= 0 ? tu_transact(fd, "?", reply, sizeof reply) : -1;
	ok(rc > 0, "server still serves after garbage and a reset");
	if (fd >= 0)
		close(fd);
	tu_stub_close(&st);
	ok(atomic_load(&st.last_status) == GSTUB_SERVER_OK,
	   "loop never returned an error");
}

static void test_once(void)
{
	struct tu_stub st;
	char err[256], reply[512];
	int rc, fd;

	rc = tu_stub_open(&st, "127.0.0.1:0", true, err, sizeof err);
	if (!ok(rc == 0, "open 127.0.0.1:0 once (%s)", err))
		return;
	ok(gstub_server_poll(st.server, 0) == GSTUB_SERVER_OK,
	   "poll with nothing to do returns OK");
	fd = connect_tcp(AF_INET, "127.0.0.1", gstub_server_port(st.server));
	ok(fd >= 0, "connect");
	ok(tu_stub_start(&st) == 0, "serve thread started");
	rc = fd >= 0 ? tu_transact(fd, "?", reply, sizeof reply) : -1;
	ok(rc > 0, "? answered");
	if (fd >= 0)
		close(fd);
	pthread_join(st.thread, NULL);
	st.thread_running = false;
	ok(atomic_load(&st.last_status) == GSTUB_SERVER_DONE,
	   "once: the loop is DONE when the connection ends");
	ok(gstub_server_poll(st.server, 0) == GSTUB_SERVER_DONE,
	   "and stays DONE");
	tu_stub_close(&st);
}

static void test_all_interfaces_on_request(void)
{
	struct tu_stub st;
	struct sockaddr_in bound;
	char err[256];

	if (!ok(tu_stub_open(&st, "0.0.0.0:0", false, err, sizeof err) == 0,
		"open 0.0.0.0:0 (%s)", err))
		return;
	ok(listening_address(gstub_server_port(st.server), &bound) &&
	   bound.sin_addr.s_addr == htonl(INADDR_ANY),
	   "0.0.0.0 binds all interfaces when asked for");
	tu_stub_close(&st);
}

static bool have_ipv6_loopback(void)
{
	struct sockaddr_in6 a;
	int fd = socket(AF_INET6, SOCK_STREAM, 0);
	bool okay;

	if (fd < 0)
		return false;
	memset(&a, 0, sizeof a);
	a.sin6_family = AF_INET6;
	a.sin6_addr = in6addr_loopback;
	okay = bind(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return okay;
}

static void test_ipv6(void)
{
	struct tu_stub st;
	char err[256], reply[512];
	int rc, fd;

	if (!have_ipv6_loopback()) {
		printf("ok %d - # SKIP no IPv6 loopback on this machine\n",
		       ++tap_count_);
		return;
	}
	rc = tu_stub_open(&st, "[::1]:0", false, err, sizeof err);
	if (!ok(rc == 0, "open [::1]:0 (%s)", err))
		return;
	tu_stub_start(&st);
	fd = connect_tcp(AF_INET6, "::1", gstub_server_port(st.server));
	ok(fd >= 0, "connect to [::1]:%d", gstub_server_port(st.server));
	rc = fd >= 0 ? tu_transact(fd, "?", reply, sizeof reply) : -1;
	ok(rc > 0, "? over IPv6 (%s)", rc > 0 ? reply : "none");
	if (fd >= 0)
		close(fd);
	tu_stub_close(&st);
}

static void test_unix(void)
{
	struct tu_stub st;
	/* Relative to the build directory: short, and ours to clean. */
	char dir[] = "transport-serve-XXXXXX";
	char path[64], comm[80], err[256], reply[512];
	struct stat sb;
	int rc, fd;

	if (!ok(mkdtemp(dir) != NULL, "temporary directory"))
		return;
	snprintf(path, sizeof path, "%s/sock", dir);
	snprintf(comm, sizeof comm, "unix:%s", path);

	/* An existing ordinary file is never clobbered. */
	fd = open(path, O_CREAT | O_WRONLY, 0600);
	if (fd >= 0)
		close(fd);
	rc = tu_stub_open(&st, comm, false, err, sizeof err);
	ok(rc == GSTUB_EEXIST && strstr(err, "not a socket"),
	   "a regular file at the path is an error (%s)", err);
	if (rc == 0)
		tu_stub_close(&st);
	unlink(path);

	rc = tu_stub_open(&st, comm, false, err, sizeof err);
	if (!ok(rc == 0, "open %s (%s)", comm, err))
		goto out;
	ok(gstub_server_port(st.server) == -1, "no TCP port for a unix socket");
	/* A live socket is not taken over by a second server. */
	struct gstub_server *other = NULL;
	struct gstub_server_config ocfg = { .comm = comm, .quiet = true };
	rc = gstub_server_open(&other, &ocfg, err, sizeof err);
	ok(rc == GSTUB_EBUSY && other == NULL,
	   "a second server on a live socket is refused (%s)", err);
	tu_stub_start(&st);
	fd = connect_unix(path);
	ok(fd >= 0, "connect to the unix socket");
	rc = fd >= 0 ? tu_transact(fd, "?", reply, sizeof reply) : -1;
	ok(rc > 0, "? over a unix socket (%s)", rc > 0 ? reply : "none");
	if (fd >= 0)
		close(fd);
	ok(tu_wait_for(is_disconnected, &st, TU_TIMEOUT_MS), "disconnect seen");
	fd = connect_unix(path);
	rc = fd >= 0 ? tu_transact(fd, "?", reply, sizeof reply) : -1;
	ok(rc > 0, "reconnect over the unix socket");
	if (fd >= 0)
		close(fd);
	tu_stub_close(&st);
	ok(stat(path, &sb) < 0 && errno == ENOENT,
	   "close removed the socket file");

	/* A stale socket file (its server died) is replaced. */
	fd = socket(AF_UNIX, SOCK_STREAM, 0);
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	snprintf(sa.sun_path, sizeof sa.sun_path, "%s", path);
	ok(fd >= 0 && bind(fd, (struct sockaddr *)&sa, sizeof sa) == 0,
	   "left a stale socket file");
	if (fd >= 0)
		close(fd);
	rc = tu_stub_open(&st, comm, false, err, sizeof err);
	ok(rc == 0, "a stale socket file is replaced (%s)", err);
	if (rc == 0)
		tu_stub_close(&st);
out:
	unlink(path);
	rmdir(dir);
}

static void test_open_errors(void)
{
	static const char *bad[] = {
		":99999", "127.0.0.1:", ":12ab", "host", "::1:0", "1.2.3.4:-1",
		"[::1:0", "unix:", "", "/dev/gstub-no-such-tty",
	};
	struct gstub_server *s;
	struct gstub_server_config cfg = { .quiet = true };
	char err[256];

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		s = (struct gstub_server *)&cfg; /* must be reset to NULL */
		cfg.comm = bad[i];
		err[0] = '\0';
		int rc = gstub_server_open(&s, &cfg, err, sizeof err);
		ok(rc < 0 && s == NULL && err[0] && !strchr(err, '\n'),
		   "open '%s' fails with one line: %s", bad[i], err);
	}

	/* A port in use is a clear error. */
	struct tu_stub st;
	if (tu_stub_open(&st, ":0", false, err, sizeof err) == 0) {
		char comm[32];
		snprintf(comm, sizeof comm, ":%d", gstub_server_port(st.server));
		cfg.comm = comm;
		int rc = gstub_server_open(&s, &cfg, err, sizeof err);
		ok(rc == GSTUB_EBUSY, "port in use: %s", err);
		if (rc == 0)
			gstub_server_close(s);
		tu_stub_close(&st);
	}
	ok(gstub_server_open(&s, NULL, err, sizeof err) == GSTUB_EINVAL,
	   "no configuration: %s", err);
	ok(gstub_server_port(NULL) == -1 && !gstub_server_connected(NULL) &&
	   gstub_server_poll(NULL, 0) == GSTUB_EINVAL,
	   "NULL server is handled");
	gstub_server_close(NULL);
	gstub_server_wake(NULL);
}

/* Posting more stops than the queue holds, from another thread, while the
 * loop runs: none is lost. */
struct flood {
	struct gstub_server *s;
	int n;
};

static void *flood_thread(void *arg)
{
	struct flood *f = arg;
	for (int i = 0; i < f->n; i++) {
		struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL,
					   .tid = 1, .signal = GSTUB_SIGTRAP };
		gstub_server_post_stop(f->s, &stop);
	}
	return NULL;
}

static void test_stop_flood(void)
{
	struct tu_stub st;
	char err[256];
	pthread_t th;

	if (!ok(tu_stub_open(&st, ":0", false, err, sizeof err) == 0,
		"open for the stop flood (%s)", err))
		return;
	tu_stub_start(&st);
	struct flood f = { st.server, 1000 };
	ok(pthread_create(&th, NULL, flood_thread, &f) == 0,
	   "posting 1000 stops from another thread");
	pthread_join(th, NULL);
	ok(1, "all posts returned (none blocked forever)");
	tu_stub_close(&st);
}

/* When accept() fails for want of descriptors the pending client stays
 * queued; the loop must back off instead of spinning, and accept it once
 * descriptors are free again. Single-threaded: poll is called here. */
static void test_accept_emfile(void)
{
	struct tu_stub st;
	struct rlimit old, low;
	char err[256];
	int fd, spare, turns = 0;

	if (!ok(tu_stub_open(&st, ":0", false, err, sizeof err) == 0,
		"open for the descriptor shortage (%s)", err))
		return;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	spare = dup(0);
	if (fd < 0 || spare < 0 || getrlimit(RLIMIT_NOFILE, &old) < 0) {
		ok(0, "set up the descriptor shortage");
		goto out;
	}
	close(spare);
	/* No new descriptor can be made: the lowest free one is at the limit. */
	low = old;
	low.rlim_cur = (rlim_t)spare;
	struct sockaddr_in a = { .sin_family = AF_INET };
	a.sin_port = htons((uint16_t)gstub_server_port(st.server));
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	ok(setrlimit(RLIMIT_NOFILE, &low) == 0, "lowered the descriptor limit");
	ok(connect(fd, (struct sockaddr *)&a, sizeof a) == 0,
	   "client queued while the server has no descriptor for it");
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		gstub_server_poll(st.server, 50);
		turns++;
		clock_gettime(CLOCK_MONOTONIC, &t1);
	} while ((t1.tv_sec - t0.tv_sec) * 1000 +
		 (t1.tv_nsec - t0.tv_nsec) / 1000000 < 300);
	ok(turns < 50, "the loop backs off instead of spinning (%d turns "
		       "in 300 ms)", turns);
	ok(!gstub_server_connected(st.server), "not connected yet");
	setrlimit(RLIMIT_NOFILE, &old);
	for (int i = 0; i < 20 && !gstub_server_connected(st.server); i++)
		gstub_server_poll(st.server, 50);
	ok(gstub_server_connected(st.server),
	   "the queued client is accepted once descriptors are free");
	char reply[512];
	ok(tu_stub_start(&st) == 0 && tu_transact(fd, "?", reply, sizeof reply) > 0,
	   "and served");
out:
	if (fd >= 0)
		close(fd);
	tu_stub_close(&st);
}

int main(void)
{
	/* A hung server must fail the run, not stall it. */
	alarm(60);
	test_tcp_connection();
	test_once();
	test_all_interfaces_on_request();
	test_ipv6();
	test_unix();
	test_open_errors();
	test_stop_flood();
	test_accept_emfile();
	return tap_done();
}
