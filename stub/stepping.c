/*
 * Stepping the engine does for every target: range stepping (vCont;r) on
 * top of single steps, software single step (next-pc decoder, temporary
 * breakpoint, continue) for targets that cannot step, lines that loop on
 * themselves run at full speed, and syscall stops gdb did not ask for
 * resumed silently.
 *
 * Every stop comes through gstub_step_take. One reported from inside
 * ops->resume waits in step.deferred and the loop in drive() takes it
 * when resume returns: a synchronous target steps in a loop, never in a
 * recursion.
 */
#include "internal.h"
#include "nextpc.h"

#if GSTUB_CONFIG_ENGINE_STEPPING

/* The build carries a next-pc decoder for the description's architecture
 * (GSTUB_CONFIG_NEXTPC_*, nextpc.h). */
static bool decoder_built(uint8_t arch)
{
	switch (arch) {
	case GSTUB_ARCH_AARCH64: return GSTUB_CONFIG_NEXTPC_A64;
	case GSTUB_ARCH_ARM: return GSTUB_CONFIG_NEXTPC_ARM;
	case GSTUB_ARCH_ARM_M: return GSTUB_CONFIG_NEXTPC_ARM_M;
	default: return false;
	}
}

static bool soft_step_supported(const struct gstub *g)
{
	uint8_t arch = g->td->arch;

	return g->td->pc_regnum >= 0 && decoder_built(arch) &&
	       (arch == GSTUB_ARCH_AARCH64 ||
		((arch == GSTUB_ARCH_ARM || arch == GSTUB_ARCH_ARM_M) &&
		 g->td->status_regnum >= 0));
}

static bool hw_step(const struct gstub *g)
{
	return (g->cfg.ops->flags & GSTUB_TARGET_CAN_STEP) != 0;
}

bool gstub_can_step(const struct gstub *g)
{
	return hw_step(g) || soft_step_supported(g);
}

/* ----- the next-pc decoders on the target's registers and memory ----- */

struct env_ctx {
	struct gstub *g;
	gstub_tid tid;
};

static int env_reg(void *ctx, unsigned regnum, uint64_t *value)
{
	struct env_ctx *e = ctx;

	return gstub_read_reg_u64(e->g, e->tid, regnum, value);
}

/* Memory as the program wrote it: breakpoints show their saved bytes. */
static int env_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct env_ctx *e = ctx;
	int n = e->g->cfg.ops->read_mem(e->g->cfg.target_ctx, addr, buf, len);

	if (n > 0 && (size_t)n <= len)
		gstub_swbreak_shadow_read(e->g, addr, buf, (size_t)n);
	return n;
}

/* Where the instruction at pc goes, and the breakpoint kind for there.
 * *self: it branches to itself. 0, GSTUB_NEXTPC_SYSCALL or an error. */
static int next_pc(struct gstub *g, gstub_tid tid, uint64_t pc,
		   uint64_t *next, uint8_t *kind, bool *self)
{
	struct env_ctx e = { g, tid };
	struct gstub_nextpc_env env = { &e, env_reg, env_mem, 0 };
	uint64_t status;
	uint32_t n32;
	unsigned size;
	bool thumb;
	int r;

	/* constant conditions below: a decoder the build leaves out is not
	 * linked */
	if (g->td->arch == GSTUB_ARCH_AARCH64) {
		if (!GSTUB_CONFIG_NEXTPC_A64)
			return GSTUB_ENOSYS;
		r = gstub_nextpc_a64(&env, pc, next);
		*kind = 4;
		*self = r == 0 && *next == pc;
		return r;
	}
	r = gstub_read_reg_u64(g, tid, (unsigned)g->td->status_regnum, &status);
	if (r)
		return r;
	if (pc > UINT32_MAX)
		return GSTUB_EINVAL;
	if (g->td->arch == GSTUB_ARCH_ARM_M) {
		if (!GSTUB_CONFIG_NEXTPC_ARM_M)
			return GSTUB_ENOSYS;
		r = gstub_nextpc_armv7m(&env, (uint32_t)pc, (uint32_t)status,
					&n32, &size);
		thumb = true;
	} else {
		if (!GSTUB_CONFIG_NEXTPC_ARM)
			return GSTUB_ENOSYS;
		r = gstub_nextpc_arm(&env, (uint32_t)pc, (uint32_t)status,
				     &n32, &size);
		thumb = (status >> 5 & 1) != 0;
	}
	if (r < 0)
		return r;
	*next = n32 & ~(uint64_t)1;
	*kind = (n32 & 1) ? 2 : 4;
	*self = r == 0 && *next == pc && (bool)(n32 & 1) == thumb;
	return r;
}

/* ----- the state of one request ----- */

static void remove_step_bp(struct gstub *g)
{
	struct gstub_step_ *st = &g->step;

	if (st->bp_planted) {
		st->bp_planted = false;
		(void)gstub_swbreak_remove_step(g, st->bp_addr);
	}
}

/* The request ends: gdb hears the next stop. */
static void finish(struct gstub *g)
{
	struct gstub_step_ *st = &g->step;

	remove_step_bp(g);
	st->active = false;
	st->range = false;
	st->soft = false;
	st->interrupted = false;
}

void gstub_step_reset(struct gstub *g)
{
	/* the breakpoints are gone from memory already */
	g->step.bp_planted = false;
	g->step.pend = false;
	g->step.told_loop = true; /* nobody to tell */
}

/* Software step of the stepping thread from pc: the breakpoint goes where
 * the instruction leads and the thread continues. *self: a branch to
 * itself, nothing planted (the step is done without running). A step cut
 * short by a syscall stop gdb saw finishes at the breakpoint it had. */
static int soft_step_prepare(struct gstub *g, uint64_t pc, bool *self)
{
	struct gstub_step_ *st = &g->step;
	uint64_t next;
	uint8_t kind;
	int r;

	*self = false;
	if (st->pend && st->pend_tid == st->tid && st->pend_pc == pc) {
		next = st->pend_bp;
		kind = st->pend_kind;
	} else {
		/* a syscall instruction: the call returns to next as well */
		r = next_pc(g, st->tid, pc, &next, &kind, self);
		if (r < 0)
			return r;
		if (*self)
			return 0;
	}
	st->pend = false;
	r = gstub_swbreak_insert_step(g, next, kind);
	if (r)
		return r;
	st->bp_addr = next;
	st->bp_kind = kind;
	st->bp_planted = true;
	st->acts[st->step_act].kind = GSTUB_RESUME_CONTINUE;
	return 0;
}

static bool self_branch(struct gstub *g, uint64_t pc)
{
	uint64_t next;
	uint8_t kind;
	bool self;

	/* without a decoder, a step that left the pc where it was can only
	 * have been a branch to itself */
	if (!soft_step_supported(g))
		return true;
	return next_pc(g, g->step.tid, pc, &next, &kind, &self) >= 0 && self;
}

/* Once per request: the user learns why `next` does not return. */
static void tell_loop(struct gstub *g, uint64_t pc)
{
	static const char head[] = "The line loops on itself (a branch to itself at 0x";
	static const char tail[] = "): running at full speed until interrupted.\n";
	char msg[sizeof head + sizeof tail + 16];
	size_t n = sizeof head - 1;

	if (g->step.told_loop || !g->waiting)
		return;
	g->step.told_loop = true;
	memcpy(msg, head, n);
	n += gstub_format_hex(pc, msg + n);
	memcpy(msg + n, tail, sizeof tail - 1);
	n += sizeof tail - 1;
	gstub_send_console(g, msg, n);
}

/* The stepping thread now runs freely (empty loop). */
static void run_free(struct gstub *g, uint64_t pc)
{
	struct gstub_step_ *st = &g->step;

	tell_loop(g, pc);
	remove_step_bp(g);
	st->range = false;
	st->soft = false;
	st->acts[st->step_act].kind = GSTUB_RESUME_CONTINUE;
}

static bool is_syscall(const struct gstub_stop *s)
{
	return s->reason == GSTUB_STOP_SYSCALL_ENTRY ||
	       s->reason == GSTUB_STOP_SYSCALL_RETURN;
}

/*
 * A stop while a request runs: true when the engine resumes the target
 * again (st->acts says how), false when gdb hears *s (possibly changed).
 */
static bool decide(struct gstub *g, struct gstub_stop *s)
{
	struct gstub_step_ *st = &g->step;
	bool mine = s->tid <= 0 || s->tid == st->tid;
	uint64_t pc, bp;
	bool self;

	if (!st->active || !g->running)
		return false;
	if (is_syscall(s)) {
		/* catch-syscalls-in-steps off: a stepping thread's syscalls
		 * pass silently, as under gdbserver (native Linux reports
		 * none during a single step) */
		if (!gstub_catch_wanted(g, s->sysno) ||
		    (g->catch_not_in_steps && mine &&
		     st->step_act < st->n_acts)) {
			if (!st->interrupted) {
				st->last = *s;
				return true; /* the same way again */
			}
			s->reason = GSTUB_STOP_SIGNAL;
			s->signal = GSTUB_SIGINT;
		} else if (st->soft && st->bp_planted && mine &&
			   !gstub_read_pc(g, st->tid, &pc)) {
			/* the step is not done: the next one finishes it */
			st->pend = true;
			st->pend_tid = st->tid;
			st->pend_pc = pc;
			st->pend_bp = st->bp_addr;
			st->pend_kind = st->bp_kind;
		}
		finish(g);
		return false;
	}
	if (st->bp_planted) {
		bp = st->bp_addr;
		remove_step_bp(g);
		if (s->reason == GSTUB_STOP_SWBREAK && mine &&
		    !gstub_read_pc(g, st->tid, &pc) && pc == bp) {
			s->reason = GSTUB_STOP_SIGNAL;
			s->signal = GSTUB_SIGTRAP;
		}
	}
	if (s->reason != GSTUB_STOP_SIGNAL || s->signal != GSTUB_SIGTRAP ||
	    !mine) {
		finish(g);
		return false;
	}
	/* a step is done */
	if (st->interrupted) {
		s->signal = GSTUB_SIGINT;
		finish(g);
		return false;
	}
	/* as gdbserver: landing on one of gdb's breakpoints ends the range
	 * with a plain step stop, and gdb sees its breakpoint there */
	if (!st->range || gstub_read_pc(g, st->tid, &pc) || pc < st->start ||
	    pc >= st->end || gstub_swbreak_at(g, pc)) {
		finish(g);
		return false;
	}
	st->last = *s;
	if (pc == st->from_pc && self_branch(g, pc)) {
		run_free(g, pc);
		return true;
	}
	st->from_pc = pc;
	if (!st->soft)
		return true;
	if (soft_step_prepare(g, pc, &self)) {
		finish(g); /* no way to step on: stop here */
		return false;
	}
	if (self)
		run_free(g, pc);
	return true;
}

/* Resumes the target until gdb gets its stop or the target runs on its
 * own. `first`: errors of this resume go back to the packet (Exx). */
static int drive(struct gstub *g, bool first)
{
	struct gstub_step_ *st = &g->step;
	struct gstub_stop s;
	size_t i;
	int r;

	for (;;) {
		if (!st->have_deferred) {
			st->in_resume = true;
			r = g->cfg.ops->resume(g->cfg.target_ctx, st->acts,
					       st->n_acts);
			st->in_resume = false;
			/* a signal is delivered once, not at every step */
			for (i = 0; i < st->n_acts; i++)
				st->acts[i].signal = 0;
			if (r != 0 && !st->have_deferred) {
				finish(g);
				if (first) {
					g->running = false;
					g->waiting = false;
					return r < 0 ? r : GSTUB_EIO;
				}
				/* cannot go on: stop where the last step did */
				gstub_deliver_stop(g, &st->last);
				return 0;
			}
			if (!st->have_deferred)
				return 0; /* the stop comes later */
		}
		first = false;
		st->have_deferred = false;
		s = st->deferred;
		if (!decide(g, &s)) {
			gstub_deliver_stop(g, &s);
			return 0;
		}
	}
}

int gstub_step_begin(struct gstub *g, const struct gstub_resume_action *a,
		     size_t n)
{
	struct gstub_step_ *st = &g->step;
	struct gstub_resume_action *sa;
	uint64_t pc = 0;
	bool self = false;
	size_t i;
	int r;

	if (n == 0 || n > GSTUB_MAX_RESUME_ACTIONS)
		return GSTUB_EINVAL;
	remove_step_bp(g);
	memcpy(st->acts, a, n * sizeof *a);
	st->n_acts = n;
	st->range = false;
	st->soft = false;
	st->interrupted = false;
	st->have_deferred = false;
	st->told_loop = false;
	for (i = 0; i < n; i++)
		if (a[i].kind == GSTUB_RESUME_STEP ||
		    a[i].kind == GSTUB_RESUME_RANGE_STEP)
			break;
	st->step_act = i;
	st->tid = gstub_current_tid(g);
	if (i < n) {
		sa = &st->acts[i];
		if (sa->tid > 0)
			st->tid = sa->tid;
		if (sa->kind == GSTUB_RESUME_RANGE_STEP &&
		    !(g->cfg.ops->flags & GSTUB_TARGET_CAN_RANGE_STEP)) {
			st->range = true;
			st->start = sa->range_start;
			st->end = sa->range_end;
			sa->kind = GSTUB_RESUME_STEP;
		}
		if (sa->kind == GSTUB_RESUME_STEP && !hw_step(g))
			st->soft = true;
	}
	if (st->range || st->soft) {
		r = gstub_read_pc(g, st->tid, &pc);
		if (r)
			return r;
		st->from_pc = pc;
	}
	if (st->soft) {
		/* an unknowable next pc (ERET, BRK, ...): gdb gets Exx and
		 * stops with a warning instead of waiting forever */
		r = soft_step_prepare(g, pc, &self);
		if (r)
			return r;
	}
	st->pend = false;
	st->active = true;
	st->last.reason = GSTUB_STOP_SIGNAL;
	st->last.tid = st->tid;
	st->last.signal = GSTUB_SIGTRAP;
	g->running = true;
	g->waiting = true;
	if (self) {
		/* a branch to itself: the step is done, nothing runs */
		st->deferred = st->last;
		st->have_deferred = true;
	}
	r = drive(g, true);
	return r ? r : GSTUB_REPLY_PENDING;
}

void gstub_step_take(struct gstub *g, const struct gstub_stop *stop)
{
	struct gstub_stop s = *stop;

	if (g->step.in_resume) {
		g->step.deferred = s;
		g->step.have_deferred = true;
		return;
	}
	if (decide(g, &s))
		(void)drive(g, false);
	else
		gstub_deliver_stop(g, &s);
}

void gstub_step_interrupt(struct gstub *g)
{
	if (g->step.active)
		g->step.interrupted = true;
}

#else /* !GSTUB_CONFIG_ENGINE_STEPPING */

/* The target does every step itself (GSTUB_TARGET_CAN_STEP, and range
 * steps only with GSTUB_TARGET_CAN_RANGE_STEP): each request goes to
 * ops->resume as gdb sent it and each stop goes straight to gdb. */

bool gstub_can_step(const struct gstub *g)
{
	return (g->cfg.ops->flags & GSTUB_TARGET_CAN_STEP) != 0;
}

int gstub_step_begin(struct gstub *g, const struct gstub_resume_action *a,
		     size_t n)
{
	int r;

	if (n == 0 || n > GSTUB_MAX_RESUME_ACTIONS)
		return GSTUB_EINVAL;
	g->running = true;
	g->waiting = true;
	r = g->cfg.ops->resume(g->cfg.target_ctx, a, n);
	/* a stop reported from inside resume has answered the packet */
	if (r != 0 && g->running) {
		g->running = false;
		g->waiting = false;
		return r < 0 ? r : GSTUB_EIO;
	}
	return GSTUB_REPLY_PENDING;
}

void gstub_step_take(struct gstub *g, const struct gstub_stop *stop)
{
	gstub_deliver_stop(g, stop);
}

#endif /* GSTUB_CONFIG_ENGINE_STEPPING */
