/*
 * The target ops the engine calls: registers, memory, resume, interrupt,
 * kill, detach and the one thread. Nothing here runs the CPU: resume only
 * records what to do, and the run loop does it between server polls.
 */
#include "debugger.h"

#include <string.h>

static struct grun_debug *dbg(void *ctx)
{
	return ctx;
}

static int read_reg(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		    size_t size)
{
	struct grun_debug *s = dbg(ctx);
	(void)tid;
	return grun_read_gdb_reg(s->gu, regnum, buf, size);
}

static int write_reg(void *ctx, gstub_tid tid, unsigned regnum,
		     const void *buf, size_t size)
{
	struct grun_debug *s = dbg(ctx);
	(void)tid;
	if (s->state == GRUN_DEAD)
		return GSTUB_ESRCH;
	return grun_write_gdb_reg(s->gu, regnum, buf, size);
}

/* Whole range at once, else the mapped prefix byte by byte (a read that
 * runs off the end of a mapping returns what it got). */
static int read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct grun_debug *s = dbg(ctx);
	size_t n = 0;
	if (grun_mem_read(s->gu, addr, buf, len))
		return (int)len;
	while (n < len && grun_mem_read(s->gu, addr + n, (char *)buf + n, 1))
		n++;
	return n ? (int)n : GSTUB_EFAULT;
}

/* Writes ignore page protection (breakpoints go into read-only text) and
 * drop translated code for the range so a patched instruction runs. */
static int write_mem(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	struct grun_debug *s = dbg(ctx);
	size_t n = 0;
	if (s->state == GRUN_DEAD)
		return GSTUB_ESRCH;
	if (!grun_mem_write(s->gu, addr, buf, len)) {
		while (n < len &&
		       grun_mem_write(s->gu, addr + n, (const char *)buf + n, 1))
			n++;
		if (n == 0)
			return GSTUB_EFAULT;
		len = n;
	}
	uc_ctl_remove_cache(s->gu->uc, addr, addr + len);
	return (int)len;
}

static int resume(void *ctx, const struct gstub_resume_action *actions,
		  size_t n)
{
	struct grun_debug *s = dbg(ctx);
	const struct gstub_resume_action *a = NULL;
	struct grun_guest *gu = s->gu;
	if (s->state == GRUN_DEAD)
		return GSTUB_ESRCH;
	for (size_t i = 0; i < n && !a; i++)
		if (actions[i].tid == GSTUB_TID_ALL ||
		    actions[i].tid == GSTUB_TID_ANY || actions[i].tid == gu->tid)
			a = &actions[i];
	if (!a)
		return GSTUB_ESRCH;
	s->interrupt_req = false;
	if (a->kind == GSTUB_RESUME_STOP) {
		struct gstub_stop st = { GSTUB_STOP_SIGNAL, gu->tid, GSTUB_SIGNONE, 0, 0, 0 };
		grun_debug_stop(s, &st);
		return 0;
	}
	/* A signal goes to a program that has no handlers (they are never
	 * called here): a fatal one ends it now, others are ignored, as are
	 * SIGINT and SIGTRAP which gdb passes back after its own stops. */
	int lsig = grun_signal_from_gdb(a->signal);
	if (lsig && lsig != 2 && lsig != 5 && grun_signal_is_fatal(lsig)) {
		struct gstub_stop st = { GSTUB_STOP_KILLED, gu->tid, a->signal, 0, 0, 0 };
		grun_terminate(gu, lsig);
		s->state = GRUN_DEAD;
		grun_debug_stop(s, &st);
		return 0;
	}
	if (a->kind == GSTUB_RESUME_RANGE_STEP) {
		if (a->range_start >= a->range_end)
			return GSTUB_EINVAL;
		if (grun_range_begin(gu, a->range_start, a->range_end) != 0)
			return GSTUB_EIO;
		s->loop_told = false;
		s->state = GRUN_RANGE_STEPPING;
	} else {
		grun_range_end(gu);
		s->state = a->kind == GSTUB_RESUME_STEP ? GRUN_STEPPING
							: GRUN_RUNNING;
	}
	grun_hw_prepare(gu, grun_get_pc(gu));
	return 0;
}

/* Syscall stops while on (syscall_stops.c); the engine filters them. */
static int catch_syscalls(void *ctx, bool on)
{
	struct grun_debug *s = dbg(ctx);
	s->gu->catch_syscalls = on;
	return 0;
}

static void interrupt(void *ctx)
{
	struct grun_debug *s = dbg(ctx);
	if (grun_debug_running(s))
		s->interrupt_req = true;
}

static int kill_program(void *ctx)
{
	struct grun_debug *s = dbg(ctx);
	if (s->state != GRUN_DEAD) {
		grun_terminate(s->gu, 9);
		s->state = GRUN_DEAD;
		s->killed = true;
	}
	s->stop_pending = false;
	return 0;
}

static int detach(void *ctx)
{
	struct grun_debug *s = dbg(ctx);
	s->detached = true;
	s->stop_pending = false;
	s->gu->catch_syscalls = false;
	if (s->state != GRUN_DEAD) {
		grun_range_end(s->gu);
		grun_hw_prepare(s->gu, grun_get_pc(s->gu));
		s->state = GRUN_RUNNING;
	}
	return 0;
}

static int thread_list(void *ctx, gstub_tid *tids, size_t max)
{
	struct grun_debug *s = dbg(ctx);
	if (s->state == GRUN_DEAD)
		return 0;
	if (max > 0)
		tids[0] = s->gu->tid;
	return 1;
}

static bool thread_alive(void *ctx, gstub_tid tid)
{
	struct grun_debug *s = dbg(ctx);
	return s->state != GRUN_DEAD && tid == s->gu->tid;
}

static const struct gstub_thread_ops thread_ops = {
	.list = thread_list,
	.alive = thread_alive,
	.extra_info = NULL,
};

const struct gstub_target_ops grun_target_ops = {
	.version = GSTUB_TARGET_OPS_VERSION,
	.flags = GSTUB_TARGET_CAN_STEP | GSTUB_TARGET_CAN_RANGE_STEP |
		 GSTUB_TARGET_CAN_CATCH_SYSCALLS,
	.read_reg = read_reg,
	.write_reg = write_reg,
	.read_mem = read_mem,
	.write_mem = write_mem,
	.resume = resume,
	.interrupt = interrupt,
	.kill = kill_program,
	.detach = detach,
	.threads = &thread_ops,
	.breakpoints = &grun_breakpoint_ops,
	.monitor_cmds = grun_monitor_cmds,
	.n_monitor_cmds = GRUN_N_MONITOR_CMDS,
	.sve = NULL,
	.catch_syscalls = catch_syscalls,
};
