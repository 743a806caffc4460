/*
 * Stops: the embedder reports them, gdb hears them as stop replies (now, if
 * it waits; otherwise they are kept for `?`).
 */
#include "internal.h"

/* Before any stop named a thread: the first one the target lists. */
gstub_tid gstub_current_tid(const struct gstub *g)
{
	gstub_tid t;

	if (g->cur_tid > 0)
		return g->cur_tid;
	if (gstub_thread_list(g, &t, 1) < 1 || t <= 0)
		t = 1;
	return t;
}

/* W and X: no thread is left to name or to resume. */
static bool ends_program(enum gstub_stop_reason reason)
{
	return reason == GSTUB_STOP_EXITED || reason == GSTUB_STOP_KILLED;
}

bool gstub_program_gone(const struct gstub *g)
{
	return g->have_stop && ends_program(g->last_stop.reason);
}

static void out_expedited(struct gstub *g, gstub_tid tid, int32_t regnum)
{
	const struct gstub_tdesc_reg *r;
	size_t mark = g->tx_len, value;

	if (regnum < 0)
		return;
	r = gstub_tdesc_find(g->td, (uint32_t)regnum);
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

void gstub_out_stop_reply(struct gstub *g, const struct gstub_stop *stop)
{
	const struct gstub_tdesc *td;
	gstub_tid tid = stop->tid > 0 ? stop->tid : gstub_current_tid(g);
	int sig = stop->signal;
	int32_t expedited[5];
	size_t i;

	if (ends_program(stop->reason)) {
		bool exited = stop->reason == GSTUB_STOP_EXITED;

		gstub_out_char(g, exited ? 'W' : 'X');
		gstub_out_hex_byte(g, (unsigned)(exited ? stop->status
							: stop->signal));
		/* gdb then names the process: "[Inferior 1 (process N) ...]" */
		if (gstub_multiprocess(g)) {
			gstub_out_str(g, ";process:");
			gstub_out_hex_u64(g, (uint64_t)g->cfg.pid);
		}
		return;
	}
	if (sig == 0 && stop->reason != GSTUB_STOP_SIGNAL)
		sig = GSTUB_SIGTRAP;
	/* a new vector length shows from this stop on (GSTUB_SVE_CURRENT) */
	gstub_sve_follow(g, tid);
	td = g->td;
	expedited[0] = td->pc_regnum;
	expedited[1] = td->sp_regnum;
	expedited[2] = td->fp_regnum;
	expedited[3] = td->status_regnum;
	/* vg: the vector length, so that a client can follow it */
	expedited[4] = gstub_sve_present(g) ? (int32_t)gstub_sve_vg_regnum(g)
					    : -1;
	gstub_out_char(g, 'T');
	gstub_out_hex_byte(g, (unsigned)sig);
	/* (gdb asked for syscall stops only where QCatchSyscalls exists) */
	if (GSTUB_CONFIG_SYSCALL_CATCH &&
	    (stop->reason == GSTUB_STOP_SYSCALL_ENTRY ||
	     stop->reason == GSTUB_STOP_SYSCALL_RETURN)) {
		gstub_out_str(g, stop->reason == GSTUB_STOP_SYSCALL_ENTRY
					 ? "syscall_entry:" : "syscall_return:");
		gstub_out_hex_u64(g, stop->sysno);
		gstub_out_char(g, ';');
	}
	gstub_out_str(g, "thread:");
	gstub_out_tid(g, tid);
	gstub_out_char(g, ';');
	for (i = 0; i < sizeof expedited / sizeof expedited[0]; i++)
		out_expedited(g, tid, expedited[i]);
	if (GSTUB_CONFIG_SW_BREAKPOINTS && stop->reason == GSTUB_STOP_SWBREAK &&
	    (g->gdb_features & GSTUB_GDB_SWBREAK))
		gstub_out_str(g, "swbreak:;");
	if (stop->reason == GSTUB_STOP_HWBREAK &&
	    (g->gdb_features & GSTUB_GDB_HWBREAK))
		gstub_out_str(g, "hwbreak:;");
	if (stop->reason >= GSTUB_STOP_WATCH &&
	    stop->reason <= GSTUB_STOP_AWATCH) {
		/* "watch:", "rwatch:" or "awatch:", and the data address */
		if (stop->reason != GSTUB_STOP_WATCH)
			gstub_out_char(g, stop->reason == GSTUB_STOP_RWATCH
						  ? 'r' : 'a');
		gstub_out_str(g, "watch:");
		gstub_out_hex_u64(g, stop->addr);
		gstub_out_char(g, ';');
	}
}

/* tid stopped at a breakpoint the engine inserted (never so in a build
 * without the engine's software breakpoints). */
static bool at_engine_breakpoint(struct gstub *g, gstub_tid tid)
{
	uint64_t pc;

	return GSTUB_CONFIG_SW_BREAKPOINTS && !gstub_read_pc(g, tid, &pc) &&
	       gstub_swbreak_at(g, pc);
}

void gstub_report_stop(struct gstub *g, const struct gstub_stop *stop)
{
	gstub_step_take(g, stop);
}

void gstub_deliver_stop(struct gstub *g, const struct gstub_stop *stop)
{
	/* kept for `?`, and corrected in place below */
	struct gstub_stop *s = &g->last_stop;

	*s = *stop;
	if (s->tid > 0 && !ends_program(s->reason))
		g->cur_tid = s->tid;
	/* A breakpoint instruction the engine did not insert belongs to the
	 * program: gdb must see a plain SIGTRAP, not one of its own. */
	if (s->reason == GSTUB_STOP_SWBREAK &&
	    !at_engine_breakpoint(g, s->tid > 0 ? s->tid : gstub_current_tid(g))) {
		s->reason = GSTUB_STOP_SIGNAL;
		if (s->signal == 0)
			s->signal = GSTUB_SIGTRAP;
	}
	g->have_stop = true;
	g->running = false;
	if (!g->waiting)
		return;
	g->waiting = false;
	gstub_out_reset(g);
	gstub_out_stop_reply(g, s);
	gstub_send_reply(g);
}

/* `?`: why the target stopped. Before any stop was reported the target
 * is taken to be stopped at its start: SIGTRAP in the current thread. */
GSTUB_HANDLER(gstub_cmd_stop_reason)
{
	struct gstub_stop def = { .reason = GSTUB_STOP_SIGNAL,
				  .signal = GSTUB_SIGTRAP };

	(void)args;
	(void)len;
	if (g->running) {
		/* gdb (re)connected to a running target: stop it, and the
		 * stop reply answers this packet */
		g->waiting = true;
		gstub_step_interrupt(g);
		g->cfg.ops->interrupt(g->cfg.target_ctx);
		return GSTUB_REPLY_PENDING;
	}
	gstub_out_stop_reply(g, g->have_stop ? &g->last_stop : &def);
	return GSTUB_REPLY_DATA;
}
