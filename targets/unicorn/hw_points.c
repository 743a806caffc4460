/*
 * Hardware breakpoints and watchpoints on Unicorn hooks.
 *
 * A watchpoint is reported after the access, with pc at the next
 * instruction (what QEMU's gdbstub does): the memory hook, limited to the
 * watched range, notes the hit and the code hook stops the CPU before the
 * next instruction. Unicorn's pc is not exact inside memory hooks, so
 * stopping there would leave pc at the start of the block.
 *
 * While any point exists the code-stops hook (code_stops.c), over all
 * addresses, stops at hardware breakpoints and after watchpoint hits. A
 * code hook limited to a breakpoint's address would be cheaper but Unicorn
 * 2.0.1 then loses pc when a slice ends in code the hook does not cover
 * (cpu_run.c).
 */
#include "debugger.h"

static void hook_watch_access(uc_engine *uc, uc_mem_type type, uint64_t addr,
			      int size, int64_t value, void *user)
{
	struct grun_debug *s = user;
	struct grun_guest *gu = s->gu;
	(void)uc;
	(void)size;
	(void)value;
	if (gu->watch_pending || gu->probing)
		return; /* first hit in an instruction wins */
	for (unsigned i = 0; i < GRUN_MAX_HWPOINTS; i++) {
		struct grun_hwpoint *p = &gu->hw[i];
		bool wants;
		if (!p->used || p->type == GSTUB_BP_HARDWARE)
			continue;
		if (addr + (uint64_t)size <= p->addr || addr >= p->addr + p->len)
			continue;
		wants = p->type == GSTUB_WP_ACCESS ||
			(p->type == GSTUB_WP_WRITE && type == UC_MEM_WRITE) ||
			(p->type == GSTUB_WP_READ && type == UC_MEM_READ);
		if (!wants)
			continue;
		gu->watch_pending = true;
		gu->watch_type = p->type;
		gu->watch_addr = addr > p->addr ? addr : p->addr;
		return;
	}
}

bool grun_hw_break_at(struct grun_guest *gu, uint64_t addr)
{
	for (unsigned i = 0; i < GRUN_MAX_HWPOINTS; i++) {
		if (!gu->hw[i].used || gu->hw[i].type != GSTUB_BP_HARDWARE ||
		    gu->hw[i].addr != addr)
			continue;
		/* The first instruction of a resume from the breakpoint
		 * runs: gdb steps off it that way. */
		if (gu->hw_skip_once && addr == gu->resume_pc) {
			gu->hw_skip_once = false;
			return false;
		}
		return true;
	}
	gu->hw_skip_once = false;
	return false;
}

void grun_hw_prepare(struct grun_guest *gu, uint64_t start)
{
	gu->watch_pending = false;
	gu->resume_pc = start;
	gu->hw_skip_once = false;
	for (unsigned i = 0; i < GRUN_MAX_HWPOINTS; i++)
		if (gu->hw[i].used && gu->hw[i].type == GSTUB_BP_HARDWARE &&
		    gu->hw[i].addr == start)
			gu->hw_skip_once = true;
}

/* The code-stops hook comes with the first point and goes with the last. */
static int points_hook_get(struct grun_debug *s)
{
	struct grun_guest *gu = s->gu;
	if (grun_code_stops_get(gu) != 0)
		return GSTUB_EIO;
	gu->n_points++;
	return 0;
}

static void points_hook_put(struct grun_guest *gu)
{
	gu->n_points--;
	grun_code_stops_put(gu);
}

static int insert(void *ctx, enum gstub_bp_type type, uint64_t addr,
		  uint64_t kind)
{
	struct grun_debug *s = ctx;
	struct grun_guest *gu = s->gu;
	struct grun_hwpoint *slot = NULL;
	int hook_type = 0;

	if (type == GSTUB_BP_HARDWARE) {
		kind = 1; /* the hook matches the instruction's address */
	} else if (type == GSTUB_WP_WRITE || type == GSTUB_WP_READ ||
		   type == GSTUB_WP_ACCESS) {
		/* gdb asks for at most a doubleword per watchpoint on ARM;
		 * allow larger ranges anyway. */
		if (kind == 0 || kind > 4096 || addr + kind < addr)
			return GSTUB_EINVAL;
		hook_type = type == GSTUB_WP_WRITE  ? UC_HOOK_MEM_WRITE
			    : type == GSTUB_WP_READ ? UC_HOOK_MEM_READ
						    : UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE;
	} else {
		return GSTUB_EINVAL;
	}
	for (unsigned i = 0; i < GRUN_MAX_HWPOINTS; i++) {
		if (gu->hw[i].used && gu->hw[i].type == (int)type &&
		    gu->hw[i].addr == addr && gu->hw[i].len == kind)
			return 0; /* already there: inserting twice is a no-op */
		if (!gu->hw[i].used && !slot)
			slot = &gu->hw[i];
	}
	if (!slot)
		return GSTUB_ENOSPC;
	if (hook_type != 0 &&
	    uc_hook_add(gu->uc, &slot->hook, hook_type, (void *)hook_watch_access,
			s, addr, addr + kind - 1) != UC_ERR_OK)
		return GSTUB_EIO;
	if (points_hook_get(s) != 0) {
		if (hook_type != 0)
			uc_hook_del(gu->uc, slot->hook);
		return GSTUB_EIO;
	}
	slot->used = true;
	slot->type = (int)type;
	slot->addr = addr;
	slot->len = kind;
	grun_drop_code(gu); /* memory hooks are compiled in */
	return 0;
}

static int remove_point(void *ctx, enum gstub_bp_type type, uint64_t addr,
			uint64_t kind)
{
	struct grun_debug *s = ctx;
	struct grun_guest *gu = s->gu;
	if (type == GSTUB_BP_HARDWARE)
		kind = 1;
	for (unsigned i = 0; i < GRUN_MAX_HWPOINTS; i++) {
		struct grun_hwpoint *p = &gu->hw[i];
		if (!p->used || p->type != (int)type || p->addr != addr ||
		    p->len != kind)
			continue;
		if (type != GSTUB_BP_HARDWARE)
			uc_hook_del(gu->uc, p->hook);
		p->used = false;
		grun_drop_code(gu); /* memory hooks are compiled in */
		points_hook_put(gu);
		return 0;
	}
	return GSTUB_ENOENT;
}

const struct gstub_breakpoint_ops grun_breakpoint_ops = {
	.types = (1u << GSTUB_BP_HARDWARE) | (1u << GSTUB_WP_WRITE) |
		 (1u << GSTUB_WP_READ) | (1u << GSTUB_WP_ACCESS),
	.insert = insert,
	.remove = remove_point,
};
