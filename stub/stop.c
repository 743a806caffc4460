/*
 * Stops: the embedder reports them, gdb hears them as stop replies (now, if
 * it waits; otherwise they are kept for `?`).
 */
#include "internal.h"

gstub_tid gstub_current_tid(const struct gstub *g)
{
	gstub_tid t = 1;

	if (g->cur_tid > 0)
		return g->cur_tid;
	if (g->cfg.ops->threads && g->cfg.ops->threads->list &&
	    g->cfg.ops->threads->list(g->cfg.target_ctx, &t, 1) < 1)
		t = 1;
	return t > 0 ? t : 1;
}

/* The pc as a number; registers are in target (little-endian) order. */
static bool read_pc(struct gstub *g, gstub_tid tid, uint64_t *pc)
{
	const struct gstub_tdesc *td = g->cfg.tdesc;
	const struct gstub_tdesc_reg *r;
	uint8_t buf[8];
	size_t n, i;

	if (td->pc_regnum < 0)
		return false;
	r = gstub_tdesc_find(td, (uint32_t)td->pc_regnum);
	if (!r || (n = gstub_reg_size(r)) > sizeof buf || n == 0)
		return false;
	if (g->cfg.ops->read_reg(g->cfg.target_ctx, tid, r->regnum, buf, n) != 0)
		return false;
	*pc = 0;
	for (i = n; i-- > 0;)
		*pc = *pc << 8 | buf[i];
	return true;
}

static void out_expedited(struct gstub *g, gstub_tid tid, int32_t regnum)
{
	const struct gstub_tdesc_reg *r;
	size_t mark = g->tx_len, value;

	if (regnum < 0)
		return;
	r = gstub_tdesc_find(g->cfg.tdesc, (uint32_t)regnum);
	if (!r)
		return;
	if ((uint32_t)regnum < 0x10)
		gstub_out_char(g, '0'); /* at least two digits, as gdbserver */
	gstub_out_hex_u64(g, (uint64_t)regnum);
	gstub_out_char(g, ':');
	value = g->tx_len;
	/* unreadable or unavailable ('x' digits, which a stop reply cannot
	 * carry): leave it out, gdb asks with p or g */
	if (gstub_out_reg(g, tid, r) != 0 ||
	    (g->tx_len > value && g->tx_buf[value] == 'x')) {
		g->tx_len = mark;
		g->tx_overflow = false;
		return;
	}
	gstub_out_char(g, ';');
}

static const char *watch_key(enum gstub_stop_reason reason)
{
	switch (reason) {
	case GSTUB_STOP_WATCH: return "watch:";
	case GSTUB_STOP_RWATCH: return "rwatch:";
	case GSTUB_STOP_AWATCH: return "awatch:";
	default: return NULL;
	}
}

void gstub_out_stop_reply(struct gstub *g, const struct gstub_stop *stop)
{
	const struct gstub_tdesc *td = g->cfg.tdesc;
	const char *watch = watch_key(stop->reason);
	gstub_tid tid = stop->tid > 0 ? stop->tid : gstub_current_tid(g);
	int sig = stop->signal;

	if (stop->reason == GSTUB_STOP_EXITED) {
		gstub_out_char(g, 'W');
		gstub_out_hex_byte(g, (unsigned)stop->status);
		return;
	}
	if (stop->reason == GSTUB_STOP_KILLED) {
		gstub_out_char(g, 'X');
		gstub_out_hex_byte(g, (unsigned)stop->signal);
		return;
	}
	if (sig == 0 && stop->reason != GSTUB_STOP_SIGNAL)
		sig = GSTUB_SIGTRAP;
	gstub_out_char(g, 'T');
	gstub_out_hex_byte(g, (unsigned)sig);
	gstub_out_str(g, "thread:");
	gstub_out_tid(g, tid);
	gstub_out_char(g, ';');
	out_expedited(g, tid, td->pc_regnum);
	out_expedited(g, tid, td->sp_regnum);
	out_expedited(g, tid, td->fp_regnum);
	out_expedited(g, tid, td->status_regnum);
	if (stop->reason == GSTUB_STOP_SWBREAK &&
	    (g->gdb_features & GSTUB_GDB_SWBREAK))
		gstub_out_str(g, "swbreak:;");
	if (stop->reason == GSTUB_STOP_HWBREAK &&
	    (g->gdb_features & GSTUB_GDB_HWBREAK))
		gstub_out_str(g, "hwbreak:;");
	if (watch) {
		gstub_out_str(g, watch);
		gstub_out_hex_u64(g, stop->addr);
		gstub_out_char(g, ';');
	}
}

void gstub_report_stop(struct gstub *g, const struct gstub_stop *stop)
{
	struct gstub_stop s = *stop;
	uint64_t pc;

	if (s.tid > 0 && s.reason != GSTUB_STOP_EXITED &&
	    s.reason != GSTUB_STOP_KILLED)
		g->cur_tid = s.tid;
	/* A breakpoint instruction the engine did not insert belongs to the
	 * program: gdb must see a plain SIGTRAP, not one of its own. */
	if (s.reason == GSTUB_STOP_SWBREAK &&
	    (!read_pc(g, s.tid > 0 ? s.tid : gstub_current_tid(g), &pc) ||
	     !gstub_swbreak_at(g, pc))) {
		s.reason = GSTUB_STOP_SIGNAL;
		if (s.signal == 0)
			s.signal = GSTUB_SIGTRAP;
	}
	g->last_stop = s;
	g->have_stop = true;
	g->running = false;
	if (!g->waiting)
		return;
	g->waiting = false;
	gstub_out_reset(g);
	gstub_out_stop_reply(g, &s);
	gstub_send_reply(g);
}

/* `?`: why the target stopped. Before any stop was reported the target
 * is taken to be stopped at its start: SIGTRAP in the current thread. */
GSTUB_HANDLER(gstub_cmd_stop_reason)
{
	struct gstub_stop def = { GSTUB_STOP_SIGNAL, 0, GSTUB_SIGTRAP, 0, 0 };

	(void)args;
	(void)len;
	if (g->running) {
		/* gdb (re)connected to a running target: stop it, and the
		 * stop reply answers this packet */
		g->waiting = true;
		g->cfg.ops->interrupt(g->cfg.target_ctx);
		return GSTUB_REPLY_PENDING;
	}
	gstub_out_stop_reply(g, g->have_stop ? &g->last_stop : &def);
	return GSTUB_REPLY_DATA;
}
