/*
 * The single-threaded main loop: poll the server (without waiting while the
 * program runs), then run one slice of guest code or one step, and turn what
 * stopped the CPU into a stop for gdb. Ctrl-C is seen between slices.
 */
#include "debugger.h"

#include <stdio.h>
#include <time.h>

/*
 * How long the loop keeps polling without sleeping after it sent a reply
 * while the program is stopped. gdb's requests come in bursts (after each
 * step: the instruction at pc, the stack, ...), each one some tens of
 * microseconds after the reply before it; a process that went to sleep in
 * poll() can take as long again to be woken, on a virtual machine that
 * idles its CPUs. Staying awake that briefly made `stepi` 2.5x faster on
 * such a machine for the same CPU time (waking up costs CPU too), and
 * costs at most this much after the last reply of a burst.
 */
#define GRUN_REPLY_SPIN_NS 100000u

static uint64_t monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void grun_debug_stop(struct grun_debug *s, const struct gstub_stop *stop)
{
	s->stop = *stop;
	s->stop_pending = true;
}

/* A signal the program got (fault, trap, raise): stop for gdb, or when no
 * debugger is attached, what Linux does without handlers. */
static void signal_stop(struct grun_debug *s, int lsig)
{
	struct grun_guest *gu = s->gu;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, gu->tid,
				 grun_signal_to_gdb(lsig), 0, 0, 0 };
	if (s->detached) {
		if (grun_signal_is_fatal(lsig)) {
			grun_terminate(gu, lsig);
			s->state = GRUN_DEAD;
		}
		return;
	}
	if (st.signal == 0)
		st.signal = GSTUB_SIGTRAP; /* no gdb number: still a stop */
	s->state = GRUN_STOPPED;
	grun_debug_stop(s, &st);
}

/* A range step of a line that branches to itself runs on at full speed;
 * the user hears it once, as from the engine's own range stepping. */
static void tell_self_loop(struct grun_debug *s)
{
	char note[128];
	int n;
	if (s->loop_told || !s->gu->range_self_loop || s->detached)
		return;
	s->loop_told = true;
	n = snprintf(note, sizeof note,
		     "The line loops on itself (a branch to itself at 0x%llx): "
		     "running at full speed until interrupted.\n",
		     (unsigned long long)s->gu->range_last_pc);
	if (n > 0 && (size_t)n < sizeof note)
		gstub_console_output(s->g, note, (size_t)n);
}

static void exited_stop(struct grun_debug *s)
{
	struct grun_guest *gu = s->gu;
	struct gstub_stop st = { GSTUB_STOP_EXITED, gu->tid, 0, gu->exit_status, 0, 0 };
	s->state = GRUN_DEAD;
	if (!s->detached)
		grun_debug_stop(s, &st);
}

/* Runs one slice or one step and handles its event. */
static void run_once(struct grun_debug *s)
{
	struct grun_guest *gu = s->gu;
	bool step = s->state == GRUN_STEPPING;
	enum grun_event ev = grun_run(gu, step, s->slice_ms);
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, gu->tid, GSTUB_SIGTRAP, 0, 0, 0 };

	switch (ev) {
	case GRUN_EV_NONE:
		if (s->state == GRUN_RANGE_STEPPING)
			tell_self_loop(s);
		return;
	case GRUN_EV_SYSCALL_ENTRY:
	case GRUN_EV_SYSCALL_RETURN:
		st.reason = ev == GRUN_EV_SYSCALL_ENTRY ? GSTUB_STOP_SYSCALL_ENTRY
							: GSTUB_STOP_SYSCALL_RETURN;
		st.sysno = (uint32_t)gu->syscall_nr;
		break;
	case GRUN_EV_EXITED:
		exited_stop(s);
		return;
	case GRUN_EV_SIGNAL:
		signal_stop(s, gu->event_sig);
		return;
	case GRUN_EV_STEPPED:
		break;
	case GRUN_EV_BREAK:
		/* Without a debugger there is nobody's breakpoint left:
		 * the program's own BRK #0 is a SIGTRAP. */
		if (s->detached) {
			signal_stop(s, 5);
			return;
		}
		st.reason = GSTUB_STOP_SWBREAK;
		break;
	case GRUN_EV_HWBREAK:
		st.reason = GSTUB_STOP_HWBREAK;
		break;
	case GRUN_EV_WATCH:
		st.reason = gu->watch_type == GSTUB_WP_WRITE  ? GSTUB_STOP_WATCH
			    : gu->watch_type == GSTUB_WP_READ ? GSTUB_STOP_RWATCH
							      : GSTUB_STOP_AWATCH;
		st.addr = gu->watch_addr;
		gu->watch_pending = false;
		break;
	}
	if (s->detached) {
		grun_hw_prepare(gu, grun_get_pc(gu));
		s->state = GRUN_RUNNING;
		return;
	}
	s->state = GRUN_STOPPED;
	grun_debug_stop(s, &st);
}

int grun_run_loop(struct grun_debug *s)
{
	struct grun_guest *gu = s->gu;
	uint64_t spin_until = 0; /* keep polling until then (0: may sleep) */
	for (;;) {
		bool busy = s->stop_pending || grun_debug_running(s);
		/* Detached and running: nobody to listen to any more. */
		int rc;
		grun_out_flush(s->out); /* before poll may wait */
		if (s->out->sent) {
			s->out->sent = false;
			spin_until = monotonic_ns() + GRUN_REPLY_SPIN_NS;
		}
		if (!busy && spin_until && monotonic_ns() >= spin_until)
			spin_until = 0;
		rc = s->detached && busy ? GSTUB_SERVER_OK
					 : gstub_server_poll(s->srv, busy || spin_until ? 0 : -1);
		grun_out_flush(s->out); /* the replies to what came in */
		if (rc < 0) {
			fprintf(stderr, "gstub-run: %s\n", gstub_strerror(rc));
			break;
		}
		if (rc == GSTUB_SERVER_DONE)
			break;
		if (s->interrupt_req && !s->stop_pending && grun_debug_running(s)) {
			struct gstub_stop st = { GSTUB_STOP_SIGNAL, gu->tid,
						 GSTUB_SIGINT, 0, 0, 0 };
			s->interrupt_req = false;
			s->state = GRUN_STOPPED;
			grun_debug_stop(s, &st);
		}
		if (s->stop_pending) {
			s->stop_pending = false;
			gstub_report_stop(s->g, &s->stop);
			grun_out_flush(s->out);
			continue;
		}
		if (grun_debug_running(s))
			run_once(s);
		/* The loop ends once the program is gone and gdb has
		 * heard about it (or is no longer there to hear). */
		if (s->state == GRUN_DEAD && !s->stop_pending &&
		    (s->detached || s->killed || !gstub_server_connected(s->srv)))
			break;
	}
	grun_out_flush(s->out); /* the last reply (W, X, OK to D) */
	/* A detached program runs on to its end. */
	while (s->detached && s->state == GRUN_RUNNING)
		run_once(s);
	if (gu->exited)
		return s->killed ? 0 : gu->exit_status;
	return 0;
}
