/* c, C, s, S, vCont, vCtrlC: starting and stopping the target. */
#include "internal.h"

/* Starts the target; the stop reply answers the packet. The flags are set
 * first because a fast target may report its stop from inside resume().
 * The callers have refused a program that has exited: it would never
 * report a stop, and gdb would wait forever. */
static int start(struct gstub *g, const struct gstub_resume_action *a, size_t n)
{
	if (g->interrupt_pending) {
		struct gstub_stop s = { .reason = GSTUB_STOP_SIGNAL,
					.tid = gstub_current_tid(g),
					.signal = GSTUB_SIGINT };

		g->interrupt_pending = false;
		g->waiting = true;
		gstub_deliver_stop(g, &s);
		return GSTUB_REPLY_PENDING;
	}
	return gstub_step_begin(g, a, n);
}

/* [SIG][;ADDR] or [ADDR]: the common tail of c, C, s, S. */
static int resume_simple(struct gstub *g, char *args, size_t len,
			 enum gstub_resume_kind kind, bool with_signal)
{
	struct gstub_cursor c = { args, args + len };
	struct gstub_resume_action a = { 0 };
	uint64_t sig = 0, addr = 0;
	gstub_tid tid;
	bool have_addr;
	int err;

	if (kind == GSTUB_RESUME_STEP && !gstub_can_step(g))
		return GSTUB_REPLY_UNSUPPORTED;
	if (gstub_program_gone(g))
		return GSTUB_ESRCH; /* before "c ADDR" writes a register */
	if (with_signal && (!gstub_cur_hex(&c, &sig) || sig > 0xff))
		return GSTUB_EINVAL;
	/* the address: after ';' with a signal, alone without */
	have_addr = with_signal ? gstub_cur_take(&c, ';')
				: !gstub_cur_at_end(&c);
	if ((have_addr && !gstub_cur_hex(&c, &addr)) || !gstub_cur_at_end(&c))
		return GSTUB_EINVAL;

	/* the thread gdb chose with Hc; a step, and "c ADDR" and friends
	 * (resume at ADDR), need one */
	tid = g->c_tid > 0 ? g->c_tid : gstub_current_tid(g);
	if (have_addr) {
		err = gstub_write_pc(g, tid, addr);
		if (err)
			return err;
	}
	a.kind = kind;
	a.signal = (int)sig;
	/* a continue without Hc resumes every thread */
	a.tid = kind == GSTUB_RESUME_STEP || g->c_tid > 0 ? tid : GSTUB_TID_ALL;
	return start(g, &a, 1);
}

GSTUB_HANDLER(gstub_cmd_continue)
{
	return resume_simple(g, args, len, GSTUB_RESUME_CONTINUE, false);
}

GSTUB_HANDLER(gstub_cmd_continue_sig)
{
	return resume_simple(g, args, len, GSTUB_RESUME_CONTINUE, true);
}

GSTUB_HANDLER(gstub_cmd_step)
{
	return resume_simple(g, args, len, GSTUB_RESUME_STEP, false);
}

GSTUB_HANDLER(gstub_cmd_step_sig)
{
	return resume_simple(g, args, len, GSTUB_RESUME_STEP, true);
}

#if GSTUB_CONFIG_VCONT
/* vCont;r: the engine steps through the range, or (a build without
 * GSTUB_CONFIG_ENGINE_STEPPING) only a target that does it itself. A
 * constant in the default build. */
#define CAN_RANGE_STEP(g)              \
	(GSTUB_CONFIG_ENGINE_STEPPING || \
	 ((g)->cfg.ops->flags & GSTUB_TARGET_CAN_RANGE_STEP))

GSTUB_HANDLER(gstub_cmd_vcont_query)
{
	(void)args;
	(void)len;
	gstub_out_str(g, "vCont;c;C;t");
	if (gstub_can_step(g))
		gstub_out_str(g, CAN_RANGE_STEP(g) ? ";s;S;r" : ";s;S");
	return GSTUB_REPLY_DATA;
}

/* ACTION[:TID]: 0, GSTUB_EINVAL, or GSTUB_ESRCH for another process. */
static int parse_action(struct gstub *g, struct gstub_cursor *c,
			struct gstub_resume_action *a)
{
	uint64_t sig = 0;
	char k;
	int r;

	memset(a, 0, sizeof *a);
	if (gstub_cur_at_end(c))
		return GSTUB_EINVAL;
	k = *c->p++;
	switch (k) {
	case 'c':
		a->kind = GSTUB_RESUME_CONTINUE;
		break;
	case 's':
		a->kind = GSTUB_RESUME_STEP;
		break;
	case 'C':
		a->kind = GSTUB_RESUME_CONTINUE;
		if (!gstub_cur_hex(c, &sig) || sig > 0xff)
			return GSTUB_EINVAL;
		break;
	case 'S':
		a->kind = GSTUB_RESUME_STEP;
		if (!gstub_cur_hex(c, &sig) || sig > 0xff)
			return GSTUB_EINVAL;
		break;
	case 't':
		a->kind = GSTUB_RESUME_STOP;
		break;
	case 'r':
		/* rSTART,END: step while START <= pc < END */
		a->kind = GSTUB_RESUME_RANGE_STEP;
		if (!gstub_cur_hex(c, &a->range_start) ||
		    !gstub_cur_take(c, ',') || !gstub_cur_hex(c, &a->range_end) ||
		    a->range_start > a->range_end)
			return GSTUB_EINVAL;
		break;
	default:
		return GSTUB_EINVAL;
	}
	if ((a->kind == GSTUB_RESUME_STEP ||
	     a->kind == GSTUB_RESUME_RANGE_STEP) && !gstub_can_step(g))
		return GSTUB_EINVAL;
	if (a->kind == GSTUB_RESUME_RANGE_STEP && !CAN_RANGE_STEP(g))
		return GSTUB_EINVAL;
	a->signal = (int)sig;
	a->tid = GSTUB_TID_ALL;
	if (gstub_cur_take(c, ':')) {
		r = gstub_parse_tid(g, c, &a->tid);
		if (r)
			return r;
		if (a->tid == GSTUB_TID_ANY)
			return GSTUB_EINVAL;
	}
	return 0;
}

/* vCont;ACTION[:TID]... */
GSTUB_HANDLER(gstub_cmd_vcont)
{
	struct gstub_resume_action acts[GSTUB_MAX_VCONT_ACTIONS];
	struct gstub_cursor c = { args, args + len };
	size_t n = 0;
	bool runs = false;
	int r;

	if (gstub_cur_at_end(&c) || *c.p != ';')
		return GSTUB_REPLY_UNSUPPORTED; /* some other vCont... packet */
	while (gstub_cur_take(&c, ';')) {
		if (n == GSTUB_MAX_VCONT_ACTIONS)
			return GSTUB_EINVAL;
		r = parse_action(g, &c, &acts[n]);
		if (r)
			return r;
		if (acts[n].kind != GSTUB_RESUME_STOP)
			runs = true;
		n++;
	}
	if (!gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	if (!runs)
		return GSTUB_REPLY_OK; /* only stops: threads already stopped */
	if (gstub_program_gone(g))
		return GSTUB_ESRCH;
	return start(g, acts, n);
}

#endif /* GSTUB_CONFIG_VCONT */

GSTUB_HANDLER(gstub_cmd_vctrlc)
{
	(void)args;
	(void)len;
	if (g->running) {
		gstub_step_interrupt(g);
		g->cfg.ops->interrupt(g->cfg.target_ctx);
	}
	return GSTUB_REPLY_OK;
}
