/*
 * COMM strings: a table of good ones with what they mean, and bad ones that
 * must fail with a one-line message (never a default).
 */
#include "tap.h"
#include "transport.h"

#include <netinet/in.h>
#include <sys/socket.h>

struct good {
	const char *comm;
	enum gstub_comm_kind kind;
	int family;
	const char *host_or_path;
	unsigned port;
};

static const struct good goods[] = {
	{ ":1234", GSTUB_COMM_TCP, AF_INET, "127.0.0.1", 1234 },
	{ ":0", GSTUB_COMM_TCP, AF_INET, "127.0.0.1", 0 },
	{ ":65535", GSTUB_COMM_TCP, AF_INET, "127.0.0.1", 65535 },
	{ ":00080", GSTUB_COMM_TCP, AF_INET, "127.0.0.1", 80 },
	{ "localhost:2345", GSTUB_COMM_TCP, AF_UNSPEC, "localhost", 2345 },
	{ "127.0.0.1:1", GSTUB_COMM_TCP, AF_UNSPEC, "127.0.0.1", 1 },
	{ "0.0.0.0:1234", GSTUB_COMM_TCP, AF_UNSPEC, "0.0.0.0", 1234 },
	{ "[::1]:0", GSTUB_COMM_TCP, AF_INET6, "::1", 0 },
	{ "[::]:1234", GSTUB_COMM_TCP, AF_INET6, "::", 1234 },
	{ "[fe80::1%lo]:9", GSTUB_COMM_TCP, AF_INET6, "fe80::1%lo", 9 },
	{ "[::ffff:127.0.0.1]:7", GSTUB_COMM_TCP, AF_INET6, "::ffff:127.0.0.1", 7 },
	{ "tcp::4444", GSTUB_COMM_TCP, AF_INET, "127.0.0.1", 4444 },
	{ "tcp:localhost:4444", GSTUB_COMM_TCP, AF_UNSPEC, "localhost", 4444 },
	{ "tcp4:localhost:4444", GSTUB_COMM_TCP, AF_INET, "localhost", 4444 },
	{ "tcp6::4444", GSTUB_COMM_TCP, AF_INET6, "::1", 4444 },
	{ "tcp6:[::1]:4444", GSTUB_COMM_TCP, AF_INET6, "::1", 4444 },
	{ "my-host.example.org:22", GSTUB_COMM_TCP, AF_UNSPEC, "my-host.example.org", 22 },
	{ "unix:sock", GSTUB_COMM_UNIX, 0, "sock", 0 },
	{ "unix:dir/gdb.sock", GSTUB_COMM_UNIX, 0, "dir/gdb.sock", 0 },
	{ "unix:with:colons", GSTUB_COMM_UNIX, 0, "with:colons", 0 },
	{ "-", GSTUB_COMM_STDIO, 0, NULL, 0 },
	{ "stdio", GSTUB_COMM_STDIO, 0, NULL, 0 },
	{ "/dev/ttyUSB0", GSTUB_COMM_TTY, 0, "/dev/ttyUSB0", 0 },
	{ "/dev/ttyS0", GSTUB_COMM_TTY, 0, "/dev/ttyS0", 0 },
	/* Not under /dev/ but a character device. */
	{ "/dev/../dev/null", GSTUB_COMM_TTY, 0, "/dev/../dev/null", 0 },
};

static const char *const bads[] = {
	"", ":", ":65536", ":99999", ":123456", ":-1", ":+1", ": 1", ":1 ",
	":0x10", ":12a", "host:", "host", "1234", "::1:1234", "[::1]", "[::1]1234",
	"[::1:1234", "[]:1234", "[zz::1]:1", "[::1]:", "[::1]:x", "[1.2.3.4]:5",
	"tcp4:[::1]:5", "ho st:1", "host/x:1", "[fe80::1%]:1", "unix:",
	"tcp:", "tcp:host", "\x01:1",
};

static void test_goods(void)
{
	for (size_t i = 0; i < sizeof goods / sizeof goods[0]; i++) {
		const struct good *t = &goods[i];
		struct gstub_comm c;
		char err[256] = "";
		int rc = gstub_comm_parse(t->comm, &c, err, sizeof err);
		bool good = rc == 0 && c.kind == t->kind;
		if (good && t->kind == GSTUB_COMM_TCP)
			good = c.family == t->family && c.port == t->port &&
			       strcmp(c.host, t->host_or_path) == 0;
		if (good && (t->kind == GSTUB_COMM_UNIX ||
			     t->kind == GSTUB_COMM_TTY))
			good = strcmp(c.path, t->host_or_path) == 0;
		if (!ok(good, "'%s' parses", t->comm))
			printf("#   rc %d err '%s' kind %d host '%s' port %u "
			       "path '%s'\n", rc, err, c.kind, c.host, c.port,
			       c.path);
	}
}

static void test_bads(void)
{
	for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++) {
		struct gstub_comm c;
		char err[256] = "";
		int rc = gstub_comm_parse(bads[i], &c, err, sizeof err);
		ok(rc == GSTUB_EINVAL && err[0] && !strchr(err, '\n'),
		   "'%s' is refused: %s", bads[i], err);
	}
}

static void test_limits(void)
{
	struct gstub_comm c;
	char err[256], comm[400];

	/* The longest unix path that fits sun_path, and one more. */
	memset(comm, 0, sizeof comm);
	memcpy(comm, "unix:", 5);
	memset(comm + 5, 'a', GSTUB_COMM_UNIX_PATH_MAX - 1);
	ok(gstub_comm_parse(comm, &c, err, sizeof err) == 0,
	   "unix path of %d bytes fits", GSTUB_COMM_UNIX_PATH_MAX - 1);
	comm[5 + GSTUB_COMM_UNIX_PATH_MAX - 1] = 'a';
	ok(gstub_comm_parse(comm, &c, err, sizeof err) == GSTUB_EINVAL,
	   "unix path of %d bytes is refused: %s", GSTUB_COMM_UNIX_PATH_MAX,
	   err);

	memset(comm, 'h', 300);
	strcpy(comm + 300, ":1");
	ok(gstub_comm_parse(comm, &c, err, sizeof err) == GSTUB_EINVAL,
	   "a 300-character host is refused: %.40s...", err);

	ok(gstub_comm_parse(NULL, &c, err, sizeof err) == GSTUB_EINVAL,
	   "NULL COMM: %s", err);
	ok(gstub_comm_parse(":1", &c, NULL, 0) == 0 &&
	   gstub_comm_parse("x", &c, NULL, 0) == GSTUB_EINVAL,
	   "no error buffer is fine");
	char tiny[8];
	ok(gstub_comm_parse("x", &c, tiny, sizeof tiny) == GSTUB_EINVAL &&
	   strlen(tiny) == sizeof tiny - 1,
	   "a small error buffer is cut, still terminated");
}

static void test_baud(void)
{
	speed_t sp;
	ok(gstub_tty_speed(0, &sp) && sp == B115200, "baud 0 means 115200");
	ok(gstub_tty_speed(9600, &sp) && sp == B9600, "baud 9600");
	ok(gstub_tty_speed(115200, &sp) && sp == B115200, "baud 115200");
	ok(!gstub_tty_speed(12345, &sp), "baud 12345 is not supported");
	ok(!gstub_tty_speed(1, &sp), "baud 1 is not supported");
}

int main(void)
{
	test_goods();
	test_bads();
	test_limits();
	test_baud();
	return tap_done();
}
