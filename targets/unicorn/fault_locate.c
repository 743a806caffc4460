/*
 * Finding the instruction that faulted. When an access fails in the middle
 * of a translated block, Unicorn 2.0.1 leaves the registers as they were
 * before the faulting instruction but pc at the start of the block. Linux
 * (and gdb after it) wants pc at the faulting instruction, and resuming
 * from the block start would run the instructions before it twice.
 *
 * So each instruction of the block is tried once, from the saved state, as
 * a single step with memory writes undone afterwards; the faulting one
 * repeats the same fault (same kind, same address). Several may: an
 * earlier one does when a register it used was changed after it ran (its
 * own access succeeded back then), a later one when it uses the same
 * address. The first is taken unless an instruction between it and the
 * next candidate shows it had not run yet: tried, it changes a register,
 * and tried twice, it gives the same result (mov, adrp: it would have
 * changed nothing had it run; add x2, x2, #1 tells nothing). Syscalls,
 * breakpoints and watchpoints do nothing meanwhile.
 */
#include "guest.h"

#include <string.h>

/* Undo log of one try: enough for a store pair of Q registers or an
 * STM of 16 registers, with room to spare. */
#define UNDO_MAX 32
#define UNDO_BYTES 64

struct undo {
	struct {
		uint64_t addr;
		unsigned len;
		unsigned char old[UNDO_BYTES];
	} w[UNDO_MAX];
	unsigned n;
	bool overflow;
};

/* One log: faults are located one at a time, on the one CPU thread. */
static struct undo undo_log;

static void hook_undo_write(uc_engine *uc, uc_mem_type type, uint64_t addr,
			    int size, int64_t value, void *user)
{
	struct undo *u = user;
	(void)type;
	(void)value;
	if (u->n >= UNDO_MAX || size <= 0 || size > UNDO_BYTES) {
		u->overflow = true;
		return;
	}
	/* The hook runs before the store: these are the old bytes. */
	if (uc_mem_read(uc, addr, u->w[u->n].old, (size_t)size) != UC_ERR_OK)
		return; /* unmapped: the store will fault and write nothing */
	u->w[u->n].addr = addr;
	u->w[u->n].len = (unsigned)size;
	u->n++;
}

static void undo_writes(struct grun_guest *gu, struct undo *u)
{
	while (u->n > 0) {
		u->n--;
		uc_mem_write(gu->uc, u->w[u->n].addr, u->w[u->n].old, u->w[u->n].len);
	}
}

/* Bytes of the instruction at pc (Thumb-2 has 16- and 32-bit ones). */
static unsigned insn_size(struct grun_guest *gu, uint64_t pc, bool thumb)
{
	uint16_t hw;
	if (!thumb)
		return 4;
	if (uc_mem_read(gu->uc, pc, &hw, 2) != UC_ERR_OK)
		return 0;
	return (hw >> 11) >= 0x1d ? 4 : 2;
}

static bool is_access_fault(uc_err e)
{
	return e == UC_ERR_READ_UNMAPPED || e == UC_ERR_WRITE_UNMAPPED ||
	       e == UC_ERR_READ_PROT || e == UC_ERR_WRITE_PROT ||
	       e == UC_ERR_READ_UNALIGNED || e == UC_ERR_WRITE_UNALIGNED;
}

/* The integer registers, sp and the flags: what instructions in a block
 * change. */
struct regs {
	uint64_t r[34];
};

static void read_regs(struct grun_guest *gu, struct regs *rs)
{
	unsigned n = gu->arch == GRUN_ARCH_AARCH64 ? 32 : 15;
	memset(rs, 0, sizeof *rs);
	for (unsigned i = 0; i < n; i++)
		rs->r[i] = grun_get_xreg(gu, i);
	if (gu->arch == GRUN_ARCH_AARCH64)
		uc_reg_read(gu->uc, UC_ARM64_REG_NZCV, &rs->r[33]);
	else
		uc_reg_read(gu->uc, UC_ARM_REG_CPSR, &rs->r[33]);
}

/* Maximum instructions looked at in one block. */
#define MAX_TRIES 512

struct tries {
	uint64_t pc[MAX_TRIES];
	bool repeats[MAX_TRIES];   /* faults the same way */
	bool changes[MAX_TRIES];   /* changes a register, the same way twice */
	unsigned n;
};

/* One instruction, ended by the code-stops hook (not Unicorn's counter,
 * whose end costs a translation flush: code_stops.c). */
static uc_err step_once(struct grun_guest *gu, uint64_t pc)
{
	uc_err e;
	gu->event = GRUN_EV_NONE;
	gu->step_armed = true;
	gu->step_started = false;
	e = uc_emu_start(gu->uc, pc, UINT64_MAX, 0, 0);
	gu->step_armed = false;
	return e;
}

/* One instruction from the saved state; false when its writes could not
 * all be undone (then nothing more may be tried). */
static bool try_insn(struct grun_guest *gu, uc_context *saved,
		     const struct regs *before, uc_err fault,
		     uint64_t fault_addr, bool thumb, struct tries *t)
{
	struct undo *u = &undo_log;
	struct regs after;
	unsigned i = t->n;
	uc_err e;
	uc_context_restore(gu->uc, saved);
	memset(u, 0, sizeof *u);
	gu->fault_addr = 0;
	e = step_once(gu, t->pc[i] | (thumb ? 1 : 0));
	read_regs(gu, &after);
	t->repeats[i] = e == fault && gu->fault_addr == fault_addr;
	t->changes[i] = e == UC_ERR_OK &&
			memcmp(after.r, before->r, sizeof after.r) != 0;
	if (t->changes[i]) {
		/* Only an instruction that gives the same result when run
		 * twice (mov, not add x2, x2, #1) shows it had not run. */
		struct regs again;
		grun_set_pc(gu, t->pc[i] | (thumb ? 1 : 0));
		e = step_once(gu, t->pc[i] | (thumb ? 1 : 0));
		read_regs(gu, &again);
		if (e != UC_ERR_OK || memcmp(after.r, again.r, sizeof after.r) != 0)
			t->changes[i] = false;
	}
	undo_writes(gu, u);
	t->n++;
	return !u->overflow;
}

void grun_locate_fault(struct grun_guest *gu, uc_err fault)
{
	uint64_t start = gu->block_start, end = gu->block_start + gu->block_size;
	uint64_t fault_addr = gu->fault_addr;
	bool thumb = grun_get_resume_pc(gu) & 1;
	static struct tries t;
	struct regs before;
	uc_context *saved = NULL;
	uc_hook h;
	int pick = -1;

	if (!is_access_fault(fault) || gu->block_size == 0 ||
	    grun_get_pc(gu) != start || gu->block_size > 4096)
		return;
	if (uc_context_alloc(gu->uc, &saved) != UC_ERR_OK)
		return;
	if (uc_context_save(gu->uc, saved) != UC_ERR_OK ||
	    grun_code_stops_get(gu) != 0) {
		uc_context_free(saved);
		return;
	}
	if (uc_hook_add(gu->uc, &h, UC_HOOK_MEM_WRITE, (void *)hook_undo_write,
			&undo_log, 1, 0) != UC_ERR_OK) {
		grun_code_stops_put(gu);
		uc_context_free(saved);
		return;
	}
	read_regs(gu, &before);
	gu->probing = true;
	/* New hooks reach only code translated after them. */
	grun_drop_code(gu);
	t.n = 0;
	for (uint64_t pc = start; pc < end && t.n < MAX_TRIES;) {
		unsigned n = insn_size(gu, pc, thumb);
		if (n == 0)
			break;
		t.pc[t.n] = pc;
		if (!try_insn(gu, saved, &before, fault, fault_addr, thumb, &t))
			break;
		pc += n;
	}
	gu->probing = false;
	gu->event = GRUN_EV_NONE;
	uc_hook_del(gu->uc, h);
	grun_drop_code(gu); /* no more calls to the undo hook */
	uc_context_restore(gu->uc, saved);
	grun_code_stops_put(gu); /* drops the code, settles */
	uc_context_free(saved);
	gu->fault_addr = fault_addr;

	for (unsigned i = 0; i < t.n; i++) {
		if (!t.repeats[i])
			continue;
		if (pick >= 0) {
			bool ran = true;
			for (unsigned k = (unsigned)pick + 1; k < i; k++)
				if (t.changes[k])
					ran = false;
			if (!ran)
				break;
		}
		pick = (int)i;
	}
	if (pick >= 0)
		grun_set_pc(gu, t.pc[pick] | (thumb ? 1 : 0));
	grun_cpu_settle(gu); /* the undo hook is deleted */
}
