/*
 * gstub-run under a debugger: the guest, the engine and the server, and
 * the state the run loop and the target ops share.
 */
#ifndef GSTUB_RUN_DEBUGGER_H
#define GSTUB_RUN_DEBUGGER_H

#include "guest.h"

#include <gstub/gstub.h>
#include <gstub/serve.h>
#include <gstub/tdesc.h>

/* The largest packet buffer gstub-run gives the engine (main.c): a reply
 * is at most half of it. */
#define GRUN_PACKET_BUF_SIZE (512u * 1024u)

/* The engine's writes, held until the run loop sends them (out_batch.c).
 * The buffer holds the largest frame (a reply of at most half the packet
 * buffer, '$' and "#xx") with room for acks besides. */
struct grun_out_batch {
	struct gstub_server *srv;
	size_t len;
	bool sent;               /* a flush wrote something (run_loop.c clears it) */
	unsigned char buf[GRUN_PACKET_BUF_SIZE / 2 + 64];
};

enum grun_state {
	GRUN_STOPPED,  /* waiting for gdb */
	GRUN_RUNNING,  /* continue: slices until an event */
	GRUN_STEPPING, /* one instruction */
	GRUN_RANGE_STEPPING, /* slices until pc leaves the range (vCont;r) */
	GRUN_DEAD,     /* exited, killed, or ended by a signal */
};

struct grun_debug {
	struct grun_guest *gu;
	struct gstub *g;
	struct gstub_server *srv;
	struct grun_out_batch *out;  /* the engine writes here */
	const struct gstub_tdesc *td; /* what gdb is told */
	enum grun_state state;
	bool interrupt_req;  /* Ctrl-C: stop at the end of this slice */
	bool detached;       /* running free, no debugger */
	bool killed;         /* by gdb's k / vKill */
	bool stop_pending;   /* a stop to report from the loop */
	struct gstub_stop stop;
	unsigned slice_ms;
	bool loop_told;      /* this range step's "loops on itself" note */
};

/* The guest executes (a stop may come). */
static inline bool grun_debug_running(const struct grun_debug *s)
{
	return s->state == GRUN_RUNNING || s->state == GRUN_STEPPING ||
	       s->state == GRUN_RANGE_STEPPING;
}

/* ---- debug_ops.c ---- */
/* Every feature on; main.c hides some for --no-hw-step/--no-range-step. */
extern const struct gstub_target_ops grun_target_ops;

/* ---- target_desc.c ---- */
/* The description for the guest's CPU; 0 or a GSTUB_E* code. */
int grun_tdesc_build(const struct grun_guest *gu, struct gstub_tdesc *td);
/* Every register of td readable at its size; else -1 and why in err. */
int grun_tdesc_check(struct grun_guest *gu, const struct gstub_tdesc *td,
		     char *err, size_t errlen);

/* ---- monitor_cmds.c ---- */
#define GRUN_N_MONITOR_CMDS 1
extern const struct gstub_monitor_cmd grun_monitor_cmds[GRUN_N_MONITOR_CMDS];

/* ---- hw_points.c ---- */
extern const struct gstub_breakpoint_ops grun_breakpoint_ops;
/* Clear per-resume watch/hwbreak state; `start` is where the CPU resumes. */
void grun_hw_prepare(struct grun_guest *gu, uint64_t start);

/* ---- out_batch.c ---- */
/* The engine's write callback (ctx: the batch). */
void grun_out_write(void *ctx, const void *data, size_t len);
/* Send what is held; forget it (the connection it was for is gone). */
void grun_out_flush(struct grun_out_batch *b);
void grun_out_drop(struct grun_out_batch *b);

/* ---- run_loop.c ---- */
/* Serve gdb and run the guest until both are done; returns the exit
 * status gstub-run should end with. */
int grun_run_loop(struct grun_debug *s);
/* Queue a stop for the loop to report. */
void grun_debug_stop(struct grun_debug *s, const struct gstub_stop *stop);

#endif
