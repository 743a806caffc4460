/*
 * Range stepping inside the emulator (vCont;r). The program runs in the
 * usual slices with the code-stops hook (code_stops.c), which ends the run
 * before the first instruction outside [start, end): no round trip to the
 * engine per instruction, and a line that loops on itself just runs on
 * until it leaves the range or gdb interrupts.
 *
 * The hook covers every address: Unicorn 2.0.1 keeps pc exact at the end
 * of a slice only in code a registered code hook covers (cpu_run.c). It
 * stays while range steps follow each other and goes at the next other
 * resume.
 */
#include "guest.h"

/* The same pc this many times in a row: an instruction branching to
 * itself, not a blocking syscall retried once or twice. */
#define GRUN_SELF_LOOP_REPEATS 1000u

bool grun_range_contains(const struct grun_guest *gu, uint64_t pc)
{
	return gu->range_on && pc >= gu->range_start && pc < gu->range_end;
}

bool grun_range_leaves(struct grun_guest *gu, uint64_t addr)
{
	if (gu->range_first) {
		gu->range_first = false; /* runs wherever it is */
	} else if (addr < gu->range_start || addr >= gu->range_end) {
		return true;
	}
	if (addr != gu->range_last_pc) {
		gu->range_last_pc = addr;
		gu->range_repeats = 0;
	} else if (!gu->range_self_loop &&
		   ++gu->range_repeats >= GRUN_SELF_LOOP_REPEATS) {
		gu->range_self_loop = true;
	}
	return false;
}

int grun_range_begin(struct grun_guest *gu, uint64_t start, uint64_t end)
{
	if (!gu->range_on) {
		if (grun_code_stops_get(gu) != 0)
			return -1;
		gu->range_on = true;
	}
	gu->range_start = start;
	gu->range_end = end;
	gu->range_first = true;
	gu->range_self_loop = false;
	gu->range_last_pc = UINT64_MAX;
	gu->range_repeats = 0;
	return 0;
}

void grun_range_end(struct grun_guest *gu)
{
	if (!gu->range_on)
		return;
	gu->range_on = false;
	grun_code_stops_put(gu);
}
