/*
 * Hardware breakpoints and watchpoints (Z1-Z4) with the debug registers,
 * as many as ID_AA64DFR0_EL1 says the CPU has. They match at EL0 only, so
 * the monitor never trips over the program's watchpoints (arm-debug.h).
 * Which register holds which point is kept in common/hwpoints.c; this file
 * encodes and writes the registers.
 */
#include "monitor.h"
#include "arm-debug.h"
#include "hwpoints.h"

#define BAS_A64 0xfu /* an A64 instruction: the whole word */

/* One watchpoint register covers the bytes of an aligned doubleword. */
#define WP_BLOCK 8u

#define WRITE_PAIR_(vr, cr, i)                                              \
	case i:                                                             \
		__asm__ volatile("msr dbg" #vr #i "_el1, %0\n\t"            \
				 "msr dbg" #cr #i "_el1, %1" ::"r"(value),  \
				 "r"(control));                             \
		break;

static void write_pair(enum hwpoints_bank bank, unsigned n, uintptr_t value,
		       uintptr_t control)
{
	if (bank == HWPOINTS_BREAK) {
		switch (n) { HWPOINTS_EACH_REGISTER(WRITE_PAIR_, bvr, bcr) }
	} else {
		switch (n) { HWPOINTS_EACH_REGISTER(WRITE_PAIR_, wvr, wcr) }
	}
	__asm__ volatile("isb");
}

static bool break_pair(uint64_t addr, uint64_t kind, struct hwpoints_pair *pair)
{
	(void)kind; /* every A64 instruction is a word */
	if (addr & 3)
		return false;
	pair->value = addr;
	pair->control = arm_debug_bcr(BAS_A64);
	return true;
}

static const struct hwpoints_arch a64_debug_registers = {
	.addr_end = UINT64_MAX,
	.break_pair = break_pair,
	.watch_control = arm_debug_wcr,
	.write_pair = write_pair,
};

void hwdebug_init(void)
{
	uint64_t dfr = READ_SYSREG(id_aa64dfr0_el1);
	uint64_t mdscr;

	hwpoints_init(&a64_debug_registers, (unsigned)(dfr >> 12 & 0xf) + 1,
		      (unsigned)(dfr >> 20 & 0xf) + 1, WP_BLOCK);
	/* the OS lock is set at reset and blocks every debug exception */
	__asm__ volatile("msr oslar_el1, xzr; isb");
	mdscr = READ_SYSREG(mdscr_el1);
	mdscr |= 1ull << 15; /* MDE: breakpoints and watchpoints */
	WRITE_SYSREG(mdscr_el1, mdscr);
	__asm__ volatile("isb");
}

const struct gstub_breakpoint_ops hwdebug_ops = {
	.types = HWPOINTS_TYPES,
	.insert = hwpoints_insert,
	.remove = hwpoints_remove,
};

void hwdebug_watch_stop(uint64_t far, bool write, struct gstub_stop *stop)
{
	hwpoints_watch_stop(far,
			    write ? HWPOINTS_ACCESS_WRITE : HWPOINTS_ACCESS_READ,
			    stop);
}
