/*
 * gstub-run under a debugger: the guest, the engine and the server, and
 * the state the run loop and the target ops share.
 */
#ifndef GSTUB_RUN_DEBUGGER_H
#define GSTUB_RUN_DEBUGGER_H

#include "guest.h"

#include <gstub/gstub.h>
#include <gstub/serve.h>

enum grun_state {
	GRUN_STOPPED,  /* waiting for gdb */
	GRUN_RUNNING,  /* continue: slices until an event */
	GRUN_STEPPING, /* one instruction */
	GRUN_DEAD,     /* exited, killed, or ended by a signal */
};

struct grun_debug {
	struct grun_guest *gu;
	struct gstub *g;
	struct gstub_server *srv;
	enum grun_state state;
	bool interrupt_req;  /* Ctrl-C: stop at the end of this slice */
	bool detached;       /* running free, no debugger */
	bool killed;         /* by gdb's k / vKill */
	bool stop_pending;   /* a stop to report from the loop */
	struct gstub_stop stop;
	unsigned slice_ms;
};

/* ---- debug_ops.c ---- */
extern const struct gstub_target_ops grun_target_ops;

/* ---- hw_points.c ---- */
extern const struct gstub_breakpoint_ops grun_breakpoint_ops;
/* Clear per-resume watch/hwbreak state; `start` is where the CPU resumes. */
void grun_hw_prepare(struct grun_guest *gu, uint64_t start);

/* ---- run_loop.c ---- */
/* Serve gdb and run the guest until both are done; returns the exit
 * status gstub-run should end with. */
int grun_run_loop(struct grun_debug *s);
/* Queue a stop for the loop to report. */
void grun_debug_stop(struct grun_debug *s, const struct gstub_stop *stop);

#endif
