/* The packet log (gdb's format, cut and escaped as gdb does) and the
 * monitor commands that control it. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target mt;

static void test_log(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_packet(m, "m400000,4");
	is_str(m->log, "", "log off by default in the mock");
	gstub_set_log_enabled(&m->g, true);
	ok(gstub_get_log_max_chars(&m->g) == 512, "default 512 characters");

	mock_clear(m);
	mock_packet(m, "m400000,4");
	mock_feed_str(m, "+");
	is_str(m->log,
	       "[remote] Packet received: m400000,4\n"
	       "[remote] Sending Ack\n"
	       "[remote] Sending packet: $00010203#86\n"
	       "[remote] Received Ack\n",
	       "a packet and its reply, as gdb prints them");

	mock_clear(m);
	gstub_set_log_max_chars(&m->g, 5);
	mock_packet(m, "m400000,4");
	mock_feed_str(m, "-");
	is_str(m->log,
	       "[remote] Packet received: m4000 [4 bytes omitted]\n"
	       "[remote] Sending Ack\n"
	       "[remote] Sending packet: $0001 [7 bytes omitted]\n"
	       "[remote] Received Nak\n"
	       "[remote] Sending packet: $0001 [7 bytes omitted]\n",
	       "cut to 5 characters ($ counted for sent packets)");

	mock_clear(m);
	gstub_set_log_max_chars(&m->g, 0);
	mock_packet(m, "qC");
	is_str(m->log,
	       "[remote] Packet received:  [2 bytes omitted]\n"
	       "[remote] Sending Ack\n"
	       "[remote] Sending packet:  [7 bytes omitted]\n",
	       "0 characters: everything omitted");

	mock_clear(m);
	gstub_set_log_max_chars(&m->g, 12);
	mock_packet(m, "m400000,4");
	ok(strstr(m->log, "Sending packet: $00010203#86\n") != NULL,
	   "exactly as long as the limit: not cut");
	ok(strstr(m->log, "Packet received: m400000,4\n") != NULL, "shorter: not cut");

	mock_clear(m);
	gstub_set_log_max_chars(&m->g, -1);
	{
		const char pkt[] = "X400000,8:\x01\n\\\x7f\xa0\x1b\x80\xff";
		const char *f = mock_frame(pkt, sizeof pkt - 1);

		mock_feed(m, f, strlen(f));
		ok(strstr(m->log, "Packet received: X400000,8:\\001\\n\\\\\\177\xa0\\e\\200\xff\n") != NULL,
		   "escaped like gdb's printchar");
	}
	mock_clear(m);
	mock_feed_str(m, "$m400000,4#00");
	is_str(m->log,
	       "[remote] Bad checksum, sentsum=0x00, csum=0xf1, buf=m400000,4\n"
	       "[remote] Sending Nak\n", "bad checksum logged");
	mock_clear(m);
	mock_packet(m, "c");
	mock_feed_str(m, "\x03");
	ok(strstr(m->log, "[remote] Received interrupt (Ctrl-C)\n") != NULL, "interrupt logged");
	{
		struct gstub_stop st = { GSTUB_STOP_EXITED, 1, 0, 0, 0, 0 };

		gstub_report_stop(&m->g, &st);
	}
	/* a long reply goes out in small pieces */
	mock_clear(m);
	m->log_calls = 0;
	mock_packet(m, "m400000,400");
	ok(m->log_len > 2048 && m->log_calls >= (int)(m->log_len / 48),
	   "unlimited: %zu characters in %d pieces", m->log_len, m->log_calls);
	gstub_set_log_enabled(&m->g, false);
	mock_clear(m);
	mock_packet(m, "m400000,4");
	is_str(m->log, "", "log off: nothing");
	mock_fini(m);
}

/* Runs a monitor command; returns the console text, *final the last reply. */
static const char *monitor(struct mock_target *m, const char *cmd, char *final)
{
	static char text[65536];
	char pkt[1024];
	const char *o, *p;
	size_t i, n = 0;

	strcpy(pkt, "qRcmd,");
	for (i = 0; cmd[i]; i++)
		sprintf(pkt + 6 + 2 * i, "%02x", (unsigned char)cmd[i]);
	o = mock_packet(m, pkt);
	final[0] = 0;
	for (p = o; (p = strchr(p, '$')) != NULL;) {
		const char *end = strchr(p, '#');

		if (!end)
			break;
		if (p[1] == 'O' && strncmp(p + 1, "OK#", 3) != 0) {
			for (const char *h = p + 2; h + 1 < end; h += 2) {
				unsigned v;

				sscanf(h, "%2x", &v);
				text[n++] = (char)v;
			}
		} else {
			memcpy(final, p + 1, (size_t)(end - p - 1));
			final[end - p - 1] = 0;
		}
		p = end;
	}
	text[n] = 0;
	return text;
}

static const char *seen_args;

static int user_reset(struct gstub *g, void *ctx, const char *args, size_t len)
{
	static char a[64];

	(void)ctx;
	memcpy(a, args, len);
	a[len] = 0;
	seen_args = a;
	gstub_monitor_print(g, "target reset\n", 13);
	return 0;
}

static const struct gstub_monitor_cmd user_cmds[] = {
	{ "reset", "reset the board", user_reset },
};

static void test_monitor(void)
{
	struct mock_target *m = &mt;
	char final[256];
	const char *t;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	m->ops.monitor_cmds = user_cmds;
	m->ops.n_monitor_cmds = 1;
	t = monitor(m, "help", final);
	is_str(final, "OK", "help -> OK");
	ok(strstr(t, "help -- list the monitor commands\n") &&
	   strstr(t, "set debug remote -- ") &&
	   strstr(t, "set debug remote-packet-max-chars -- ") &&
	   strstr(t, "show debug remote-packet-max-chars -- ") &&
	   strstr(t, "reset -- reset the board\n"), "help lists all, with help");

	t = monitor(m, "set debug remote 1", final);
	ok(strcmp(final, "OK") == 0 && !*t && m->g.log_enabled, "set debug remote 1");
	t = monitor(m, "set debug remote 0", final);
	ok(strcmp(final, "OK") == 0 && !m->g.log_enabled, "set debug remote 0");
	t = monitor(m, "set debug remote 2", final);
	ok(strcmp(final, "E22") == 0 && strstr(t, "usage: set debug remote 0|1"),
	   "set debug remote 2 -> message and E22");
	t = monitor(m, "set debug remote-packet-max-chars 20", final);
	ok(strcmp(final, "OK") == 0 && gstub_get_log_max_chars(&m->g) == 20, "max-chars 20");
	t = monitor(m, "show debug remote-packet-max-chars", final);
	is_str(t, "Number of remote packet characters to display is 20.\n", "show max-chars");
	t = monitor(m, "set debug remote-packet-max-chars unlimited", final);
	ok(strcmp(final, "OK") == 0 && gstub_get_log_max_chars(&m->g) == -1, "max-chars unlimited");
	t = monitor(m, "show debug remote-packet-max-chars", final);
	is_str(t, "Number of remote packet characters to display is unlimited.\n", "show unlimited");
	t = monitor(m, "set debug remote-packet-max-chars 12x", final);
	ok(strcmp(final, "E22") == 0 && strstr(t, "usage:"), "max-chars 12x -> E22");
	t = monitor(m, "set debug remote-packet-max-chars", final);
	ok(strcmp(final, "E22") == 0, "max-chars without value -> E22");
	t = monitor(m, "set debug remote-packet-max-chars 99999999999", final);
	ok(strcmp(final, "E22") == 0, "max-chars too large -> E22");
	ok(gstub_get_log_max_chars(&m->g) == -1, "bad values change nothing");
	t = monitor(m, "reset  now ", final);
	ok(strcmp(final, "OK") == 0 && strcmp(t, "target reset\n") == 0 &&
	   strcmp(seen_args, "now") == 0, "the target's own command, with args");
	t = monitor(m, "frobnicate", final);
	ok(strcmp(final, "E22") == 0 && strstr(t, "Unknown monitor command \"frobnicate\""),
	   "unknown command -> message and E22");
	t = monitor(m, "resetx", final);
	ok(strcmp(final, "E22") == 0, "names match whole words only");
	is_str(mock_reply(m, "qRcmd,zz"), "E22", "qRcmd with bad hex -> E22");
	is_str(mock_reply(m, "qRcmd,686"), "E22", "qRcmd with odd hex -> E22");
	ok(gstub_monitor_print(&m->g, "x", 1) == GSTUB_EINVAL, "monitor_print outside a command -> EINVAL");
	mock_fini(m);
}

int main(void)
{
	test_log();
	test_monitor();
	return tap_done();
}
