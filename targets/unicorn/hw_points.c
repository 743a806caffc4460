/*
 * Hardware breakpoints and watchpoints on Unicorn hooks, each hook limited
 * to its own address range so that code elsewhere runs at full speed.
 *
 * A watchpoint is reported after the access, with pc at the next
 * instruction (what QEMU's gdbstub does): the memory hook notes the hit and
 * a code hook, present only while watchpoints exist, stops the CPU before
 * the next instruction. Unicorn's pc is not exact inside memory hooks, so
 * stopping there would leave pc at the start of the block.
 */
#include "debugger.h"

/* Drop all translated code: hooks are compiled into it. */
static void flush_code(struct grun_guest *gu)
{
	uc_ctl(gu->uc, UC_CTL_WRITE(UC_CTL_TB_FLUSH, 0));
}

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

static void hook_watch_step(uc_engine *uc, uint64_t addr, uint32_t size,
			    void *user)
{
	struct grun_debug *s = user;
	(void)addr;
	(void)size;
	if (s->gu->watch_pending && s->gu->event == GRUN_EV_NONE && !s->gu->probing) {
		s->gu->event = GRUN_EV_WATCH;
		uc_emu_stop(uc);
	}
}

static void hook_hw_break(uc_engine *uc, uint64_t addr, uint32_t size,
			  void *user)
{
	struct grun_debug *s = user;
	struct grun_guest *gu = s->gu;
	(void)size;
	if (gu->probing)
		return;
	if (gu->hw_skip_once && addr == gu->resume_pc) {
		gu->hw_skip_once = false;
		return;
	}
	gu->hw_skip_once = false;
	if (gu->event == GRUN_EV_NONE) {
		gu->event = GRUN_EV_HWBREAK;
		uc_emu_stop(uc);
	}
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

static int insert(void *ctx, enum gstub_bp_type type, uint64_t addr,
		  uint64_t kind)
{
	struct grun_debug *s = ctx;
	struct grun_guest *gu = s->gu;
	struct grun_hwpoint *slot = NULL;
	uc_err e;
	int hook_type;
	void *cb;

	if (type == GSTUB_BP_HARDWARE) {
		hook_type = UC_HOOK_CODE;
		cb = (void *)hook_hw_break;
		kind = 1;
	} else if (type == GSTUB_WP_WRITE || type == GSTUB_WP_READ ||
		   type == GSTUB_WP_ACCESS) {
		/* gdb asks for at most a doubleword per watchpoint on ARM;
		 * allow larger aligned ranges anyway. */
		if (kind == 0 || kind > 4096 || addr + kind < addr)
			return GSTUB_EINVAL;
		hook_type = type == GSTUB_WP_WRITE  ? UC_HOOK_MEM_WRITE
			    : type == GSTUB_WP_READ ? UC_HOOK_MEM_READ
						    : UC_HOOK_MEM_READ | UC_HOOK_MEM_WRITE;
		cb = (void *)hook_watch_access;
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
	e = uc_hook_add(gu->uc, &slot->hook, hook_type, cb, s, addr,
			addr + kind - 1);
	if (e != UC_ERR_OK)
		return GSTUB_EIO;
	if (type != GSTUB_BP_HARDWARE && gu->n_watch++ == 0) {
		e = uc_hook_add(gu->uc, &gu->watch_step_hook, UC_HOOK_CODE,
				(void *)hook_watch_step, s, 1, 0);
		if (e != UC_ERR_OK) {
			gu->n_watch--;
			uc_hook_del(gu->uc, slot->hook);
			return GSTUB_EIO;
		}
	}
	slot->used = true;
	slot->type = (int)type;
	slot->addr = addr;
	slot->len = kind;
	flush_code(gu);
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
		uc_hook_del(gu->uc, p->hook);
		p->used = false;
		if (type != GSTUB_BP_HARDWARE && --gu->n_watch == 0)
			uc_hook_del(gu->uc, gu->watch_step_hook);
		flush_code(gu);
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
