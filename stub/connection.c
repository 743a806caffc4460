/* Packets about the connection itself: qSupported, QStartNoAckMode,
 * qAttached, qSymbol, vMustReplyEmpty, D, k, vKill. */
#include "internal.h"

static bool hw_breakpoints(const struct gstub *g)
{
	const struct gstub_breakpoint_ops *bo = g->cfg.ops->breakpoints;

	return bo && bo->insert && bo->remove &&
	       (bo->types & (1u << GSTUB_BP_HARDWARE));
}

/* qSupported[:FEATURE;...]: note what gdb can take, say what we do. Only
 * what the target's ops allow is advertised. */
GSTUB_HANDLER(gstub_cmd_query_supported)
{
	const char *p = args, *end = args + len;

	g->gdb_features = 0;
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
		if (n == 8 && memcmp(f, "swbreak+", 8) == 0)
			g->gdb_features |= GSTUB_GDB_SWBREAK;
		else if (n == 8 && memcmp(f, "hwbreak+", 8) == 0)
			g->gdb_features |= GSTUB_GDB_HWBREAK;
		else if (n == 15 && memcmp(f, "vContSupported+", 15) == 0)
			g->gdb_features |= GSTUB_GDB_VCONT_SUPPORTED;
		if (p < end)
			p++;
	}

	gstub_out_str(g, "PacketSize=");
	gstub_out_hex_u64(g, g->rx_cap - 1); /* the largest payload taken */
	gstub_out_str(g, ";QStartNoAckMode+;qXfer:features:read+;qXfer:threads:read+");
	if (gstub_swbreak_supported(g))
		gstub_out_str(g, ";swbreak+");
	gstub_out_str(g, ";vContSupported+");
	if (hw_breakpoints(g))
		gstub_out_str(g, ";hwbreak+");
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

/* "0": the stub started the program, so gdb kills it when it quits. */
GSTUB_HANDLER(gstub_cmd_attached)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t pid;

	if (gstub_cur_take(&c, ':') &&
	    (!gstub_cur_hex(&c, &pid) || !gstub_cur_at_end(&c)))
		return GSTUB_EINVAL;
	if (!gstub_cur_at_end(&c))
		return GSTUB_REPLY_UNSUPPORTED;
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
	struct gstub_cursor c = { args, args + len };
	uint64_t pid;

	if (gstub_cur_take(&c, ';') && !gstub_cur_hex(&c, &pid))
		return GSTUB_EINVAL;
	if (!gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	gstub_swbreak_remove_all(g);
	g->waiting = false;
	g->detach_pending = true;
	return GSTUB_REPLY_OK;
}

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

GSTUB_HANDLER(gstub_cmd_vkill)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t pid;
	int r;

	if (!gstub_cur_hex(&c, &pid) || !gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	r = kill_target(g);
	return r ? r : GSTUB_REPLY_OK;
}
