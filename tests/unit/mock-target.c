/* The scripted target behind the engine's unit tests. */
#include "mock-target.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The layout of m->regs. */
static const struct gstub_tdesc *layout(const struct mock_target *m)
{
	return m->sve ? &m->store_td : &m->td;
}

/* SVE: bytes per vq of a scalable register (z 16, p/ffr 2), else 0. */
static size_t sve_per_vq(const struct mock_target *m, unsigned regnum)
{
	if (!m->sve)
		return 0;
	if (regnum >= 34 && regnum < 66)
		return 16;
	if (regnum >= 68 && regnum <= 84)
		return 2;
	return 0;
}

/* Checks size against the register and gives the bytes that are live. */
static bool reg_size_ok(const struct mock_target *m, unsigned regnum,
			const struct gstub_tdesc_reg *r, size_t size,
			size_t *live)
{
	size_t per = sve_per_vq(m, regnum);

	if (!per) {
		*live = size;
		return size == r->bitsize / 8;
	}
	*live = per * m->sve_vq;
	if (*live > size)
		*live = size;
	return size % per == 0 && size >= per && size <= per * 16;
}

static int m_read_reg(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		      size_t size)
{
	struct mock_target *m = ctx;
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(layout(m), regnum);
	size_t live;

	m->last_reg_tid = tid;
	m->last_reg_size = size;
	if (!r || !reg_size_ok(m, regnum, r, size, &live))
		return GSTUB_EINVAL;
	if (m->reg_error)
		return m->reg_error;
	if (regnum < GSTUB_TDESC_MAX_REGS && m->unavailable[regnum])
		return GSTUB_ENODATA;
	if (m->sve && regnum == 85) {
		mock_set_reg(m, 85, 2 * (uint64_t)m->sve_vq);
		live = size;
	}
	memcpy(buf, m->regs + r->offset, live);
	memset((uint8_t *)buf + live, MOCK_SVE_JUNK, size - live);
	return 0;
}

static int m_write_reg(void *ctx, gstub_tid tid, unsigned regnum,
		       const void *buf, size_t size)
{
	struct mock_target *m = ctx;
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(layout(m), regnum);
	size_t live, i;

	(void)tid;
	m->last_reg_size = size;
	if (!r || !reg_size_ok(m, regnum, r, size, &live))
		return GSTUB_EINVAL;
	for (i = live; i < size; i++)
		if (((const uint8_t *)buf)[i])
			m->wrote_past_length = true;
	memcpy(m->regs + r->offset, buf, live);
	return 0;
}

static unsigned m_current_vq(void *ctx, gstub_tid tid)
{
	struct mock_target *m = ctx;

	(void)tid;
	m->vq_calls++;
	return m->sve_vq;
}

static int m_describe(void *ctx, unsigned vq, struct gstub_tdesc *out)
{
	struct mock_target *m = ctx;
	struct gstub_aarch64_config c = m->sve_cfg;

	m->describe_calls++;
	if (vq == m->describe_fail_vq)
		return GSTUB_EIO;
	c.sve_vq = vq;
	return gstub_tdesc_aarch64(out, &c);
}

static int m_access(struct mock_target *m, uint64_t addr, size_t len)
{
	m->mem_calls++;
	if (addr < m->mem_base || addr >= m->mem_base + MOCK_MEM_SIZE)
		return GSTUB_EFAULT;
	if (len > m->mem_base + MOCK_MEM_SIZE - addr)
		len = (size_t)(m->mem_base + MOCK_MEM_SIZE - addr);
	if (m->mem_chunk && len > m->mem_chunk)
		len = m->mem_chunk;
	return (int)len;
}

static int m_read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct mock_target *m = ctx;
	int n = m_access(m, addr, len);

	if (n > 0)
		memcpy(buf, m->mem + (addr - m->mem_base), (size_t)n);
	return n;
}

static int m_write_mem(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	struct mock_target *m = ctx;
	int n = m_access(m, addr, len);

	if (n > 0)
		memcpy(m->mem + (addr - m->mem_base), buf, (size_t)n);
	return n;
}

static bool script_run(struct mock_target *m,
		       const struct gstub_resume_action *a,
		       struct gstub_stop *st);

static int m_resume(void *ctx, const struct gstub_resume_action *a, size_t n)
{
	struct mock_target *m = ctx;
	struct gstub_stop st;
	uintptr_t here = (uintptr_t)&st;

	if (!m->stack_lo || here < m->stack_lo)
		m->stack_lo = here;
	if (here > m->stack_hi)
		m->stack_hi = here;
	if (m->scripted && n > 0) {
		m->resumes++;
		m->n_actions = n < MOCK_MAX_ACTIONS ? n : MOCK_MAX_ACTIONS;
		memcpy(m->actions, a, m->n_actions * sizeof *a);
		if (!script_run(m, &a[0], &st))
			return 0;
		if (m->script_async) {
			m->pending = st;
			m->have_pending = true;
		} else {
			gstub_report_stop(&m->g, &st);
		}
		return 0;
	}
	m->resumes++;
	m->n_actions = n < MOCK_MAX_ACTIONS ? n : MOCK_MAX_ACTIONS;
	memcpy(m->actions, a, m->n_actions * sizeof *a);
	if (m->resume_result)
		return m->resume_result;
	if (m->report_in_resume)
		gstub_report_stop(&m->g, &m->stop_in_resume);
	return 0;
}

static void m_interrupt(void *ctx)
{
	((struct mock_target *)ctx)->interrupts++;
}

static int m_kill(void *ctx)
{
	((struct mock_target *)ctx)->kills++;
	return 0;
}

static int m_detach(void *ctx)
{
	((struct mock_target *)ctx)->detaches++;
	return 0;
}

static void m_new_session(void *ctx)
{
	struct mock_target *m = ctx;

	m->new_sessions++;
	memcpy(m->mem_at_new_session, m->mem + 0x10,
	       sizeof m->mem_at_new_session);
}

static int m_list(void *ctx, gstub_tid *tids, size_t max)
{
	struct mock_target *m = ctx;
	size_t i;

	for (i = 0; i < m->n_threads && i < max; i++)
		tids[i] = m->threads[i];
	return (int)m->n_threads;
}

static bool m_alive(void *ctx, gstub_tid tid)
{
	struct mock_target *m = ctx;
	size_t i;

	for (i = 0; i < m->n_threads; i++)
		if (m->threads[i] == tid)
			return true;
	return false;
}

static int m_extra(void *ctx, gstub_tid tid, char *buf, size_t size)
{
	(void)ctx;
	return snprintf(buf, size, tid == 2 ? "worker <2> & \"co\"" : "thread %d",
			(int)tid);
}

static int m_hw_insert(void *ctx, enum gstub_bp_type t, uint64_t addr,
		       uint64_t kind)
{
	struct mock_target *m = ctx;

	(void)t;
	(void)kind;
	m->hw_inserts++;
	m->hw_last_addr = addr;
	return 0;
}

static int m_hw_remove(void *ctx, enum gstub_bp_type t, uint64_t addr,
		       uint64_t kind)
{
	struct mock_target *m = ctx;

	(void)t;
	(void)kind;
	m->hw_removes++;
	m->hw_last_addr = addr;
	return 0;
}

static void m_write(void *ctx, const void *data, size_t len)
{
	struct mock_target *m = ctx;

	m->writes++;
	if (m->out_len + len < MOCK_OUT_SIZE) {
		memcpy(m->out + m->out_len, data, len);
		m->out_len += len;
		m->out[m->out_len] = 0;
	}
}

static void m_log(void *ctx, const char *text, size_t len)
{
	struct mock_target *m = ctx;

	m->log_calls++;
	if (m->log_len + len < MOCK_OUT_SIZE) {
		memcpy(m->log + m->log_len, text, len);
		m->log_len += len;
		m->log[m->log_len] = 0;
	}
}

/* Everything but gstub_init; m->td must be built already when sve. */
static int prepare(struct mock_target *m, enum mock_arch arch,
		   size_t buf_size, bool with_threads, bool with_hw_bp,
		   bool can_step)
{
	struct gstub_config *cfg = &m->cfg;
	size_t i;
	int r;

	if (m->sve) {
		r = 0;
	} else if (arch == MOCK_AARCH64) {
		struct gstub_aarch64_config c = { 0 };

		r = gstub_tdesc_aarch64(&m->td, &c);
	} else if (arch == MOCK_X86_64) {
		r = gstub_tdesc_x86_64(&m->td);
	} else {
		struct gstub_arm_config c = { 0 };

		c.fp = arch == MOCK_ARM ? GSTUB_ARM_FP_VFPV3 : GSTUB_ARM_FP_NONE;
		c.neon = arch == MOCK_ARM;
		c.m_profile = arch == MOCK_ARM_M;
		r = gstub_tdesc_arm(&m->td, &c);
	}
	if (r)
		return r;
	for (i = 0; i < sizeof m->regs; i++)
		m->regs[i] = (uint8_t)(i * 7 + 1);
	m->mem_base = 0x400000;
	for (i = 0; i < MOCK_MEM_SIZE; i++)
		m->mem[i] = (uint8_t)i;

	m->ops.version = GSTUB_TARGET_OPS_VERSION;
	m->ops.flags = can_step ? GSTUB_TARGET_CAN_STEP : 0;
	m->ops.read_reg = m_read_reg;
	m->ops.write_reg = m_write_reg;
	m->ops.read_mem = m_read_mem;
	m->ops.write_mem = m_write_mem;
	m->ops.resume = m_resume;
	m->ops.interrupt = m_interrupt;
	m->ops.kill = m_kill;
	m->ops.detach = m_detach;
	m->ops.new_session = m_new_session;
	if (with_threads) {
		m->threads[0] = 1;
		m->threads[1] = 2;
		m->threads[2] = 0x1a;
		m->n_threads = 3;
		m->thread_ops.list = m_list;
		m->thread_ops.alive = m_alive;
		m->thread_ops.extra_info = m_extra;
		m->ops.threads = &m->thread_ops;
	}
	if (with_hw_bp) {
		m->bp_ops.types = 1u << GSTUB_BP_HARDWARE | 1u << GSTUB_WP_WRITE;
		m->bp_ops.insert = m_hw_insert;
		m->bp_ops.remove = m_hw_remove;
		m->ops.breakpoints = &m->bp_ops;
	}

	m->buf_size = buf_size;
	m->buf = malloc(buf_size);
	cfg->ops = &m->ops;
	cfg->target_ctx = m;
	cfg->tdesc = &m->td;
	cfg->write = m_write;
	cfg->write_ctx = m;
	cfg->packet_buf = m->buf;
	cfg->packet_buf_size = buf_size;
	cfg->log = m_log;
	cfg->log_ctx = m;
	cfg->log_enabled = false;
	return 0;
}

int mock_init(struct mock_target *m, enum mock_arch arch, size_t buf_size,
	      bool with_threads, bool with_hw_bp, bool can_step)
{
	int r;

	memset(m, 0, sizeof *m);
	r = prepare(m, arch, buf_size, with_threads, with_hw_bp, can_step);
	return r ? r : gstub_init(&m->g, &m->cfg);
}

int mock_init_sve(struct mock_target *m, unsigned desc_vq, unsigned cur_vq,
		  enum gstub_sve_policy policy, unsigned max_vq,
		  size_t buf_size)
{
	int r;

	memset(m, 0, sizeof *m);
	m->sve = true;
	m->sve_vq = cur_vq;
	m->sve_cfg.pauth = true;
	m->sve_cfg.sve_vq = 16;
	r = gstub_tdesc_aarch64(&m->store_td, &m->sve_cfg);
	m->sve_cfg.sve_vq = desc_vq;
	if (!r)
		r = gstub_tdesc_aarch64(&m->td, &m->sve_cfg);
	if (!r)
		r = prepare(m, MOCK_AARCH64, buf_size, false, false, true);
	if (r)
		return r;
	m->sve_ops.current_vq = m_current_vq;
	m->ops.sve = &m->sve_ops;
	m->cfg.sve_policy = policy;
	if (policy == GSTUB_SVE_CURRENT) {
		m->cfg.sve_max_vq = max_vq;
		m->cfg.sve_describe = m_describe;
		m->cfg.sve_tdesc_buf = &m->spare_td;
	}
	return gstub_init(&m->g, &m->cfg);
}

int mock_set_pid(struct mock_target *m, int64_t pid)
{
	m->cfg.pid = pid;
	return gstub_init(&m->g, &m->cfg);
}

void mock_fini(struct mock_target *m)
{
	free(m->buf);
	m->buf = NULL;
}

void mock_clear(struct mock_target *m)
{
	m->out_len = 0;
	m->out[0] = 0;
	m->log_len = 0;
	m->log[0] = 0;
}

static char result[MOCK_OUT_SIZE];

const char *mock_feed(struct mock_target *m, const void *data, size_t len)
{
	m->out_len = 0;
	m->out[0] = 0;
	gstub_feed(&m->g, data, len);
	memcpy(result, m->out, m->out_len + 1);
	m->out_len = 0;
	m->out[0] = 0;
	return result;
}

const char *mock_feed_str(struct mock_target *m, const char *s)
{
	return mock_feed(m, s, strlen(s));
}

const char *mock_frame(const char *payload, size_t len)
{
	static char f[MOCK_OUT_SIZE];
	unsigned sum = 0;
	size_t i;

	for (i = 0; i < len; i++)
		sum += (uint8_t)payload[i];
	f[0] = '$';
	memcpy(f + 1, payload, len);
	snprintf(f + 1 + len, 4, "#%02x", sum & 0xff);
	return f;
}

const char *mock_packet(struct mock_target *m, const char *payload)
{
	const char *f = mock_frame(payload, strlen(payload));

	return mock_feed(m, f, strlen(f));
}

const char *mock_reply(struct mock_target *m, const char *payload)
{
	static char r[MOCK_OUT_SIZE];
	const char *o = mock_packet(m, payload);
	size_t n;

	if (*o == '+')
		o++;
	n = strlen(o);
	if (n < 4 || o[0] != '$' || o[n - 3] != '#')
		return "(none)";
	memcpy(r, o + 1, n - 4);
	r[n - 4] = 0;
	return r;
}

uint64_t mock_reg(const struct mock_target *m, unsigned regnum)
{
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(layout(m), regnum);
	uint64_t v = 0;
	size_t i, n = r ? r->bitsize / 8 : 0;

	if (n > 8)
		n = 8;
	for (i = n; i-- > 0;)
		v = v << 8 | m->regs[r->offset + i];
	return v;
}

void mock_set_reg(struct mock_target *m, unsigned regnum, uint64_t v)
{
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(layout(m), regnum);
	size_t i, n = r ? r->bitsize / 8 : 0;

	for (i = 0; i < n && i < 8; i++)
		m->regs[r->offset + i] = (uint8_t)(v >> (8 * i));
}

/* ----- scripted programs ----- */

uint64_t mock_pc(const struct mock_target *m)
{
	return mock_reg(m, (unsigned)m->td.pc_regnum);
}

static void set_pc(struct mock_target *m, uint64_t pc)
{
	mock_set_reg(m, (unsigned)m->td.pc_regnum, pc);
}

void mock_script_add(struct mock_target *m, uint64_t pc,
		     enum mock_insn_kind kind, uint64_t next)
{
	struct mock_insn *i = &m->prog[m->n_prog++];

	memset(i, 0, sizeof *i);
	i->pc = pc;
	i->kind = kind;
	i->next = next;
}

struct mock_insn *mock_script_find(struct mock_target *m, uint64_t pc)
{
	size_t i;

	for (i = 0; i < m->n_prog; i++)
		if (m->prog[i].pc == pc)
			return &m->prog[i];
	return NULL;
}

static int m_catch(void *ctx, bool on)
{
	struct mock_target *m = ctx;

	m->catch_calls++;
	m->catching = on;
	return 0;
}

void mock_script_start(struct mock_target *m, bool async)
{
	m->scripted = true;
	m->script_async = async;
	m->ops.flags |= GSTUB_TARGET_CAN_CATCH_SYSCALLS;
	m->ops.catch_syscalls = m_catch;
}

bool mock_run_pending(struct mock_target *m)
{
	struct gstub_stop st = m->pending;

	if (!m->have_pending)
		return false;
	m->have_pending = false;
	gstub_report_stop(&m->g, &st);
	return true;
}

void mock_put_insn(struct mock_target *m, uint64_t addr, uint32_t insn,
		   size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		m->mem[addr - m->mem_base + i] = (uint8_t)(insn >> (8 * i));
}

/* A breakpoint instruction at pc (BRK #0, A32 BKPT, Thumb BKPT). */
static bool bp_at(const struct mock_target *m, uint64_t pc)
{
	static const uint8_t brk[4] = { 0x00, 0x00, 0x20, 0xd4 };
	static const uint8_t bkpt[4] = { 0x70, 0x00, 0x20, 0xe1 };
	const uint8_t *p;

	if (pc < m->mem_base || pc + 4 > m->mem_base + MOCK_MEM_SIZE)
		return false;
	p = m->mem + (pc - m->mem_base);
	if (m->td.arch == GSTUB_ARCH_AARCH64)
		return memcmp(p, brk, 4) == 0;
	return memcmp(p, bkpt, 4) == 0 || (p[0] == 0x00 && p[1] == 0xbe);
}

static void make_stop(struct gstub_stop *st, enum gstub_stop_reason reason,
		      int sig, uint32_t sysno)
{
	memset(st, 0, sizeof *st);
	st->reason = reason;
	st->tid = 1;
	st->signal = sig;
	st->sysno = sysno;
}

/* Runs one instruction: true with *st when that makes a stop of its own
 * (syscall entry/return, or a fault). */
static bool exec_one(struct mock_target *m, struct gstub_stop *st)
{
	struct mock_insn *i;
	uint64_t pc = mock_pc(m);

	if (m->sys_phase == 1) {
		/* the call runs now */
		mock_set_reg(m, 0, 42);
		m->sys_phase = m->catching ? 2 : 0;
		if (m->catching) {
			make_stop(st, GSTUB_STOP_SYSCALL_RETURN, 0, m->sys_now);
			return true;
		}
		return false;
	}
	m->sys_phase = 0;
	i = mock_script_find(m, pc);
	if (!i) {
		make_stop(st, GSTUB_STOP_SIGNAL, GSTUB_SIGSEGV, 0);
		return true;
	}
	m->executed++;
	switch (i->kind) {
	case MOCK_INSN_SYSCALL:
		set_pc(m, i->next);
		m->sys_now = i->sysno;
		if (m->catching) {
			m->sys_phase = 1;
			make_stop(st, GSTUB_STOP_SYSCALL_ENTRY, 0, i->sysno);
			return true;
		}
		mock_set_reg(m, 0, 42);
		return false;
	case MOCK_INSN_LOOP:
		if (i->taken < i->times) {
			i->taken++;
			set_pc(m, i->to);
		} else {
			i->taken = 0;
			set_pc(m, i->next);
		}
		return false;
	default:
		set_pc(m, i->next);
		return false;
	}
}

static bool script_run(struct mock_target *m,
		       const struct gstub_resume_action *a,
		       struct gstub_stop *st)
{
	long n;

	m->free_running = false;
	switch (a->kind) {
	case GSTUB_RESUME_STEP:
		/* after a return stop, the step that met the svc is done */
		if (m->sys_phase == 2) {
			m->sys_phase = 0;
		} else if (exec_one(m, st)) {
			return true;
		}
		make_stop(st, GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP, 0);
		return true;
	case GSTUB_RESUME_RANGE_STEP:
		do {
			if (exec_one(m, st))
				return true;
		} while (mock_pc(m) >= a->range_start &&
			 mock_pc(m) < a->range_end);
		make_stop(st, GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP, 0);
		return true;
	case GSTUB_RESUME_CONTINUE:
		for (n = 0; n < MOCK_FREE_RUN; n++) {
			if (m->sys_phase != 1 && bp_at(m, mock_pc(m))) {
				m->sys_phase = 0;
				make_stop(st, GSTUB_STOP_SWBREAK, 0, 0);
				return true;
			}
			if (exec_one(m, st))
				return true;
		}
		m->free_running = true;
		return false;
	default:
		return false;
	}
}

const char *mock_stop_payload(struct mock_target *m, const struct gstub_stop *st)
{
	static char r[4096];
	size_t n;

	mock_clear(m);
	gstub_report_stop(&m->g, st);
	n = m->out_len;
	if (n < 4 || m->out[0] != '$' || n - 4 >= sizeof r)
		return "(none)";
	memcpy(r, m->out + 1, n - 4);
	r[n - 4] = 0;
	mock_clear(m);
	return r;
}

bool mock_starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}
