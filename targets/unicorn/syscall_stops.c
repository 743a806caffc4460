/*
 * Syscall entry and return stops (gdb's `catch syscall`).
 *
 * While catching, the svc exception does not serve the syscall: it notes
 * the number and ends the run with pc after the svc, as Linux shows a
 * syscall entry. The next run of any kind serves it first and ends right
 * away with the return stop, the result register set. When the svc was
 * being stepped, the step is still owed after that: a step resumed from the
 * return stop ends at once where it is (the instruction after the svc), so
 * gdb sees entry, return, then the step, and never one instruction more.
 * exit and exit_group have an entry stop and no return.
 */
#include "guest.h"

void grun_syscall_trap(struct grun_guest *gu)
{
	if (!gu->catch_syscalls) {
		grun_syscall(gu);
		return;
	}
	gu->syscall_nr =
		(long)grun_get_xreg(gu, gu->arch == GRUN_ARCH_AARCH64 ? 8 : 7);
	gu->syscall_pending = true;
	gu->syscall_step_owed = gu->last_run_was_step || gu->range_on;
	gu->event = GRUN_EV_SYSCALL_ENTRY;
	uc_emu_stop(gu->uc);
}

/* The svc's step, owed since its syscall stopped it: ends this run when a
 * step (or a range step that is now out of its range) asks for it. */
static bool settle_owed_step(struct grun_guest *gu, bool step)
{
	bool done;
	if (!gu->syscall_step_owed)
		return false;
	gu->syscall_step_owed = false;
	done = step ||
	       (gu->range_on && !grun_range_contains(gu, grun_get_pc(gu)));
	/* Still in range: the svc was the range's first instruction. */
	if (!done && gu->range_on)
		gu->range_first = false;
	return done;
}

enum grun_event grun_syscall_resume(struct grun_guest *gu, bool step,
				    bool *retry)
{
	*retry = false;
	if (gu->syscall_pending) {
		uint64_t after_svc = grun_get_resume_pc(gu);
		bool report = gu->catch_syscalls;
		gu->event = GRUN_EV_NONE;
		grun_syscall(gu);
		if (gu->syscall_restart) {
			/* It would block: stay after the svc, serve it on a
			 * later run (grun_syscall put pc back on the svc). */
			grun_set_pc(gu, after_svc);
			*retry = true;
			return GRUN_EV_NONE;
		}
		gu->syscall_pending = false;
		if (gu->event == GRUN_EV_EXITED || gu->event == GRUN_EV_SIGNAL) {
			gu->syscall_step_owed = false;
			return gu->event;
		}
		if (report)
			return GRUN_EV_SYSCALL_RETURN;
	}
	return settle_owed_step(gu, step) ? GRUN_EV_STEPPED : GRUN_EV_NONE;
}
