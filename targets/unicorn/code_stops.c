/*
 * The one code hook that ends a run before an instruction: the end of a
 * single step, the first instruction outside a range step, a hardware
 * breakpoint, the instruction after a watchpoint hit.
 *
 * Why one hook of our own, and only while someone needs it. Unicorn 2.0.1
 * compiles hooks into its translations, and dropping all of them (a
 * translation flush) clears its whole 1 GiB code buffer: seconds the first
 * time, about 20 ms after that. Its own instruction counter (a counted
 * uc_emu_start) flushes like that whenever a run without a count follows
 * one with it. So steps never use the counter: this hook stops them, and
 * when the hook comes or goes only the translations of mapped memory are
 * dropped (well under a millisecond). It is not there while the program
 * just runs: a code hook makes every instruction several times slower.
 */
#include "guest.h"

/* Drop the translations of every mapped region: the next run translates
 * again, with the hooks registered now. */
void grun_drop_code(struct grun_guest *gu)
{
	uc_mem_region *regions = NULL;
	uint32_t n = 0;
	if (uc_mem_regions(gu->uc, &regions, &n) != UC_ERR_OK) {
		uc_ctl(gu->uc, UC_CTL_WRITE(UC_CTL_TB_FLUSH, 0));
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		if (regions[i].perms & UC_PROT_EXEC)
			uc_ctl_remove_cache(gu->uc, regions[i].begin,
					    regions[i].end + 1);
	uc_free(regions);
}

static void hook_code_stops(uc_engine *uc, uint64_t addr, uint32_t size,
			    void *user)
{
	struct grun_guest *gu = user;
	(void)size;
	if (gu->event != GRUN_EV_NONE)
		return;
	/* A watchpoint the previous instruction hit comes first. */
	if (gu->watch_pending && !gu->probing) {
		gu->event = GRUN_EV_WATCH;
		uc_emu_stop(uc);
		return;
	}
	/* Steps end even while fault_locate.c tries instructions. */
	if (gu->step_armed) {
		/* The stepped instruction is the first one; the next ends it. */
		if (gu->step_started) {
			gu->event = GRUN_EV_STEPPED;
			uc_emu_stop(uc);
			return;
		}
		gu->step_started = true;
	}
	if (gu->probing)
		return;
	if (gu->n_points > 0 && grun_hw_break_at(gu, addr)) {
		gu->event = GRUN_EV_HWBREAK;
		uc_emu_stop(uc);
		return;
	}
	if (gu->range_on && grun_range_leaves(gu, addr)) {
		gu->event = GRUN_EV_STEPPED;
		uc_emu_stop(uc);
	}
}

int grun_code_stops_get(struct grun_guest *gu)
{
	if (gu->code_stops_users++ > 0)
		return 0;
	if (uc_hook_add(gu->uc, &gu->code_stops_hook, UC_HOOK_CODE,
			(void *)hook_code_stops, gu, 1, 0) != UC_ERR_OK) {
		gu->code_stops_users = 0;
		return -1;
	}
	grun_drop_code(gu); /* code translated before has no calls to it */
	return 0;
}

void grun_code_stops_put(struct grun_guest *gu)
{
	if (gu->code_stops_users == 0 || --gu->code_stops_users > 0)
		return;
	uc_hook_del(gu->uc, gu->code_stops_hook);
	grun_drop_code(gu); /* full speed again */
	/* The deleted hook stays registered until a run ends (cpu_run.c). */
	grun_cpu_settle(gu);
}
