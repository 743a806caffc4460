/* How the engine drives the program: every op only records a request;
 * the monitor acts on it once gstub_feed has returned. */
#include "monitor.h"
#include "hwpoints.h"

struct monitor_requests fw_requests;

static int fw_resume(void *ctx, const struct gstub_resume_action *acts,
		     size_t n)
{
	size_t i;

	(void)ctx;
	/* one thread: the first action that names it (or all) applies */
	for (i = 0; i < n; i++) {
		if (acts[i].tid != GSTUB_TID_ALL && acts[i].tid != 1 &&
		    acts[i].tid != GSTUB_TID_ANY)
			continue;
		switch (acts[i].kind) {
		case GSTUB_RESUME_CONTINUE:
			/* signals cannot be delivered to bare metal: a fault
			 * runs its instruction again */
			fw_requests.resume = true;
			return 0;
		case GSTUB_RESUME_STOP:
			return 0;
		default:
			/* the engine steps in software for this target */
			return GSTUB_ENOSYS;
		}
	}
	return 0;
}

static void fw_interrupt(void *ctx)
{
	(void)ctx;
	fw_requests.stop = true;
}

static int fw_kill(void *ctx)
{
	(void)ctx;
	fw_requests.restart = true;
	return 0;
}

/* A new gdb (qSupported; a UART has no connect event) finds none of the
 * last session's hardware points. */
static void fw_new_session(void *ctx)
{
	(void)ctx;
	hwpoints_reset();
}

static int fw_detach(void *ctx)
{
	(void)ctx;
	/* the program runs free: nothing of gdb's may stop it */
	hwpoints_reset();
	fw_requests.detach = true;
	fw_requests.resume = true;
	return 0;
}

static int fw_catch_syscalls(void *ctx, bool on)
{
	(void)ctx;
	fw_requests.catch_syscalls = on;
	return 0;
}

const struct gstub_target_ops fw_target_ops = {
	.version = GSTUB_TARGET_OPS_VERSION,
	.flags = GSTUB_TARGET_CAN_CATCH_SYSCALLS,
	.read_reg = fw_read_reg,
	.write_reg = fw_write_reg,
	.read_mem = fw_read_mem,
	.write_mem = fw_write_mem,
	.resume = fw_resume,
	.interrupt = fw_interrupt,
	.kill = fw_kill,
	.detach = fw_detach,
	.breakpoints = &hwdebug_ops,
#if GSTUB_CONFIG_MONITOR
	.monitor_cmds = hwpoints_monitor_cmds,
	.n_monitor_cmds = HWPOINTS_N_MONITOR_CMDS,
#endif
	.catch_syscalls = fw_catch_syscalls,
	.new_session = fw_new_session,
};
