/* Packets about the connection itself: qSupported, QStartNoAckMode,
 * qAttached, qSymbol, vMustReplyEmpty, D, k, vKill. */
#include "internal.h"

/* What gdb's qSupported may offer that changes our replies (in this
 * build). */
static const struct {
	const char *name;
	uint32_t bit;
} gdb_features[] = {
#if GSTUB_CONFIG_SW_BREAKPOINTS
	{ "swbreak+", GSTUB_GDB_SWBREAK },
#endif
	{ "hwbreak+", GSTUB_GDB_HWBREAK },
#if GSTUB_CONFIG_MULTIPROCESS
	{ "multiprocess+", GSTUB_GDB_MULTIPROCESS },
#endif
};

static uint32_t feature_bit(const char *f, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof gdb_features / sizeof gdb_features[0]; i++)
		if (gstub_strlen(gdb_features[i].name) == n &&
		    memcmp(gdb_features[i].name, f, n) == 0)
			return gdb_features[i].bit;
	return 0;
}

/* The thread list document, in builds that have threads. */
#if GSTUB_CONFIG_THREADS
#define XFER_THREADS ";qXfer:threads:read+"
#else
#define XFER_THREADS ""
#endif

/* qSupported[:FEATURE;...]: note what gdb can take, say what we do. Only
 * what the target's ops allow is advertised. */
GSTUB_HANDLER(gstub_cmd_query_supported)
{
	const char *p = args, *end = args + len;
	bool unacked = g->no_ack;

	/* qSupported opens every gdb session. Over a line that cannot tell
	 * when gdb went away (a UART), this is where the engine learns it:
	 * the old session is forgotten (its breakpoints leave memory, acks
	 * are back on) before the new one is answered. The new gdb expects
	 * an ack for this very packet. */
	gstub_reset_connection(g);
	if (g->cfg.ops->version >= 4 && g->cfg.ops->new_session)
		g->cfg.ops->new_session(g->cfg.target_ctx);
	if (unacked)
		gstub_send_ack(g, true);
	if (p < end) {
		if (*p != ':')
			return GSTUB_REPLY_UNSUPPORTED; /* qSupportedFoo */
		p++;
	}
	while (p < end) {
		const char *f = p;
		size_t n;

		while (p < end && *p != ';')
			p++;
		n = (size_t)(p - f);
		g->gdb_features |= feature_bit(f, n);
		if (p < end)
			p++;
	}
	/* without a pid there is no process to name */
	if (g->cfg.pid == 0)
		g->gdb_features &= ~GSTUB_GDB_MULTIPROCESS;

	gstub_out_str(g, "PacketSize=");
	gstub_out_hex_u64(g, g->rx_cap - 1); /* the largest payload taken */
	gstub_out_str(g, ";QStartNoAckMode+;qXfer:features:read+" XFER_THREADS);
	if (gstub_swbreak_supported(g))
		gstub_out_str(g, ";swbreak+");
	if (GSTUB_CONFIG_VCONT)
		gstub_out_str(g, ";vContSupported+");
	if (gstub_hw_point_supported(g, GSTUB_BP_HARDWARE))
		gstub_out_str(g, ";hwbreak+");
	if (gstub_multiprocess(g))
		gstub_out_str(g, ";multiprocess+");
	if (gstub_catch_supported(g))
		gstub_out_str(g, ";QCatchSyscalls+");
	return GSTUB_REPLY_DATA;
}

/* OK goes out with acks still on (gdb acks it); nothing after it is. */
GSTUB_HANDLER(gstub_cmd_start_noack)
{
	(void)args;
	(void)len;
	g->no_ack = true;
	return GSTUB_REPLY_OK;
}

GSTUB_HANDLER(gstub_cmd_must_reply_empty)
{
	(void)g;
	(void)args;
	(void)len;
	return GSTUB_REPLY_UNSUPPORTED;
}

/* Nothing, or SEP then a pid gdb may name: 0, the pid's error, or junk
 * when something else follows the packet's name. */
static int optional_pid(struct gstub *g, char *args, size_t len, char sep,
			int junk)
{
	struct gstub_cursor c;

	if (len == 0)
		return 0;
	if (args[0] != sep)
		return junk;
	c.p = args + 1;
	c.end = args + len;
	return gstub_parse_pid(g, &c);
}

/* qAttached[:PID] -> "0": the stub started the program, so gdb kills it
 * when it quits. */
GSTUB_HANDLER(gstub_cmd_attached)
{
	/* qAttachedFoo is another packet */
	int r = optional_pid(g, args, len, ':', GSTUB_REPLY_UNSUPPORTED);

	if (r)
		return r;
	gstub_out_char(g, '0');
	return GSTUB_REPLY_DATA;
}

/* No symbols wanted. */
GSTUB_HANDLER(gstub_cmd_symbol)
{
	(void)g;
	(void)args;
	(void)len;
	return GSTUB_REPLY_OK;
}

/* D[;PID]: breakpoints out, OK, then the target's detach (the dispatcher
 * calls it after the reply left). */
GSTUB_HANDLER(gstub_cmd_detach)
{
	int r = optional_pid(g, args, len, ';', GSTUB_EINVAL);

	if (r)
		return r;
	gstub_swbreak_remove_all(g);
	g->waiting = false;
	g->detach_pending = true;
	return GSTUB_REPLY_OK;
}

/* After a kill, `?` reports the initial stop again: a target whose kill
 * op resets the program (a board) has a fresh one to debug, and one that
 * ends for good is not asked again (gdb closes the connection). */
static int kill_target(struct gstub *g)
{
	int r = 0;

	gstub_swbreak_remove_all(g);
	if (g->cfg.ops->kill)
		r = g->cfg.ops->kill(g->cfg.target_ctx);
	g->running = false;
	g->waiting = false;
	g->have_stop = false;
	return r > 0 ? GSTUB_EIO : r;
}

/* k has no reply: gdb does not wait for one. */
GSTUB_HANDLER(gstub_cmd_kill)
{
	(void)args;
	(void)len;
	(void)kill_target(g);
	return GSTUB_REPLY_NONE;
}

/* vKill;PID: the pid is gdb's own making unless multiprocess is on. */
GSTUB_HANDLER(gstub_cmd_vkill)
{
	struct gstub_cursor c = { args, args + len };
	int r = gstub_parse_pid(g, &c);

	if (r)
		return r;
	r = kill_target(g);
	return r ? r : GSTUB_REPLY_OK;
}
