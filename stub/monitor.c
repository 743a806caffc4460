/*
 * qRcmd,HEX: monitor commands from one extensible table, the built-ins
 * below plus the target's own. Output goes to gdb as `O` packets; the
 * command's status is the final reply (OK or Exx).
 */
#include "internal.h"

#if GSTUB_CONFIG_MONITOR

static void print(struct gstub *g, const char *s)
{
	gstub_monitor_print(g, s, gstub_strlen(s));
}

/* the built-in settings' arguments (none without log and syscall catch) */
#if GSTUB_CONFIG_PACKET_LOG || GSTUB_CONFIG_SYSCALL_CATCH
static bool word_is(const char *a, size_t len, const char *w)
{
	return len == gstub_strlen(w) && memcmp(a, w, len) == 0;
}
#endif

#if GSTUB_CONFIG_PACKET_LOG
static int cmd_debug_remote(struct gstub *g, void *ctx, const char *a, size_t n)
{
	(void)ctx;
	if (word_is(a, n, "1") || word_is(a, n, "on"))
		g->log_enabled = true;
	else if (word_is(a, n, "0") || word_is(a, n, "off"))
		g->log_enabled = false;
	else {
		print(g, "usage: set debug remote 0|1\n");
		return GSTUB_EINVAL;
	}
	return 0;
}

static int cmd_show_debug_remote(struct gstub *g, void *ctx, const char *a,
				 size_t n)
{
	(void)ctx;
	(void)a;
	if (n) {
		print(g, "usage: show debug remote\n");
		return GSTUB_EINVAL;
	}
	print(g, g->log_enabled ? "Debugging of remote protocol is on.\n"
				: "Debugging of remote protocol is off.\n");
	return 0;
}

static int cmd_max_chars(struct gstub *g, void *ctx, const char *a, size_t n)
{
	long v = 0;
	size_t i;

	(void)ctx;
	if (word_is(a, n, "unlimited") || word_is(a, n, "-1")) {
		gstub_set_log_max_chars(g, -1);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (a[i] < '0' || a[i] > '9' || v > (0x7fffffffL - 9) / 10)
			break;
		v = v * 10 + (a[i] - '0');
	}
	if (n == 0 || i != n) {
		print(g, "usage: set debug remote-packet-max-chars N|unlimited "
			 "(N a decimal number below 2^31)\n");
		return GSTUB_EINVAL;
	}
	gstub_set_log_max_chars(g, v);
	return 0;
}

static int cmd_show_max_chars(struct gstub *g, void *ctx, const char *a,
			      size_t n)
{
	char num[24];
	int k = (int)sizeof num;
	long v = g->log_max_chars;

	(void)ctx;
	(void)a;
	if (n) {
		print(g, "usage: show debug remote-packet-max-chars\n");
		return GSTUB_EINVAL;
	}
	print(g, "Number of remote packet characters to display is ");
	if (v < 0) {
		print(g, "unlimited");
	} else {
		num[--k] = 0;
		do {
			num[--k] = (char)('0' + v % 10);
			v /= 10;
		} while (v);
		print(g, num + k);
	}
	print(g, ".\n");
	return 0;
}

#endif

#if GSTUB_CONFIG_SYSCALL_CATCH
/* gdb 13 cannot take a syscall stop in the middle of stepping over a
 * breakpoint of its own on the syscall instruction (it then never resumes);
 * "off" avoids that by reporting syscalls only while continuing. */
static int cmd_catch_in_steps(struct gstub *g, void *ctx, const char *a,
			      size_t n)
{
	(void)ctx;
	if (word_is(a, n, "on") || word_is(a, n, "1")) {
		g->catch_not_in_steps = false;
	} else if (word_is(a, n, "off") || word_is(a, n, "0")) {
		g->catch_not_in_steps = true;
	} else {
		print(g, "usage: set catch-syscalls-in-steps on|off\n");
		return GSTUB_EINVAL;
	}
	return 0;
}

static int cmd_show_catch_in_steps(struct gstub *g, void *ctx, const char *a,
				   size_t n)
{
	(void)ctx;
	if (n) {
		print(g, "usage: show catch-syscalls-in-steps\n");
		return GSTUB_EINVAL;
	}
	(void)a;
	print(g, g->catch_not_in_steps
			 ? "Syscall stops are reported only while continuing.\n"
			 : "Syscall stops are reported while stepping too.\n");
	return 0;
}

#endif

static int cmd_help(struct gstub *g, void *ctx, const char *a, size_t n);

static const struct gstub_monitor_cmd builtins[] = {
	{ "help", "list the monitor commands", cmd_help },
#if GSTUB_CONFIG_PACKET_LOG
	{ "set debug remote", "0|1: log every packet", cmd_debug_remote },
	{ "set debug remote-packet-max-chars",
	  "N|unlimited: characters of each packet shown in the log",
	  cmd_max_chars },
	{ "show debug remote", "whether packets are logged",
	  cmd_show_debug_remote },
	{ "show debug remote-packet-max-chars",
	  "characters of each packet shown in the log", cmd_show_max_chars },
#endif
#if GSTUB_CONFIG_SYSCALL_CATCH
	{ "set catch-syscalls-in-steps",
	  "on|off: syscall stops (catch syscall) while stepping too (on, the "
	  "default), or only while continuing, as gdbserver",
	  cmd_catch_in_steps },
	{ "show catch-syscalls-in-steps",
	  "whether syscall stops are reported while stepping",
	  cmd_show_catch_in_steps },
#endif
};

#define N_BUILTINS (sizeof builtins / sizeof builtins[0])

static void help_line(struct gstub *g, const struct gstub_monitor_cmd *c)
{
	print(g, c->name);
	if (c->help) {
		print(g, " -- ");
		print(g, c->help);
	}
	print(g, "\n");
}

static int cmd_help(struct gstub *g, void *ctx, const char *a, size_t n)
{
	const struct gstub_target_ops *ops = g->cfg.ops;
	size_t i;

	(void)ctx;
	(void)a;
	(void)n;
	for (i = 0; i < N_BUILTINS; i++)
		help_line(g, &builtins[i]);
	for (i = 0; ops->monitor_cmds && i < ops->n_monitor_cmds; i++)
		if (ops->monitor_cmds[i].name)
			help_line(g, &ops->monitor_cmds[i]);
	return 0;
}

/* How much of `text` the command name covers: whole words only. */
static size_t name_match(const struct gstub_monitor_cmd *c, const char *text,
			 size_t len)
{
	size_t n;

	if (!c->name || !c->run)
		return 0;
	n = gstub_strlen(c->name);
	if (n == 0 || n > len || memcmp(c->name, text, n) != 0)
		return 0;
	return (n == len || text[n] == ' ') ? n : 0;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

GSTUB_HANDLER(gstub_cmd_monitor)
{
	const struct gstub_target_ops *ops = g->cfg.ops;
	const struct gstub_monitor_cmd *best = NULL;
	size_t best_n = 0, n, i;
	char *text = args;
	void *ctx = NULL;
	int r;

	if (len % 2 || !gstub_hex_decode(args, (uint8_t *)text, len / 2))
		return GSTUB_EINVAL;
	n = len / 2;
	while (n && is_space(text[n - 1]))
		n--;
	while (n && is_space(*text))
		text++, n--;

	for (i = 0; i < N_BUILTINS; i++) {
		size_t m = name_match(&builtins[i], text, n);

		if (m > best_n)
			best = &builtins[i], best_n = m;
	}
	for (i = 0; ops->monitor_cmds && i < ops->n_monitor_cmds; i++) {
		size_t m = name_match(&ops->monitor_cmds[i], text, n);

		/* the target's own command wins a tie with a built-in */
		if (m && m >= best_n) {
			best = &ops->monitor_cmds[i], best_n = m;
			ctx = g->cfg.target_ctx;
		}
	}

	g->in_monitor = true;
	if (!best) {
		print(g, "Unknown monitor command \"");
		gstub_monitor_print(g, text, n);
		print(g, "\"; try \"monitor help\".\n");
		r = GSTUB_EINVAL;
	} else {
		text += best_n;
		n -= best_n;
		while (n && is_space(*text))
			text++, n--;
		r = best->run(g, ctx, text, n);
		if (r > 0)
			r = GSTUB_EIO;
	}
	g->in_monitor = false;
	return r ? r : GSTUB_REPLY_OK;
}

#endif /* GSTUB_CONFIG_MONITOR */
