/*
 * Hardware breakpoints and watchpoints (Z1-Z4) with the debug registers
 * reached through cp14, as many as DBGDIDR says the CPU has. They match in
 * USR mode only, so the monitor never trips over the program's points
 * (gdb's memory reads and writes included). Which register holds which
 * point is kept in common/hwpoints.c; this file encodes and writes the
 * registers.
 */
#include "monitor.h"
#include "arm-debug.h"
#include "coproc.h"
#include "hwpoints.h"

/* DBGDIDR: how many of each, minus one */
#define DIDR_BRPS(v) (((v) >> 24 & 0xfu) + 1)
#define DIDR_WRPS(v) (((v) >> 28 & 0xfu) + 1)
#define READ_DIDR() CP_READ(p14, 0, c0, c0, 0)

/* DBGDSCRext */
#define DSCR_MDBGEN (1u << 15) /* monitor debug mode: points raise aborts */
#define DSCR_MOE(v) ((v) >> 2 & 0xfu)
#define MOE_BREAKPOINT 1u
#define READ_DSCR() CP_READ(p14, 0, c0, c2, 2)

/* DBGBCR/DBGWCR byte selects (arm-debug.h has the other fields) */
#define BAS_ARM 0xfu          /* the word's one ARM instruction */
#define BAS_THUMB_LOW 0x3u    /* a Thumb instruction at the word */
#define BAS_THUMB_HIGH 0xcu   /* ... at the word + 2 */
#define WCR_BAS_WIDE 0xf0u    /* BAS bits only a doubleword granule keeps */
#define READ_WCR0() CP_READ(p14, 0, c0, c0, 7)

/* gdb's breakpoint kinds for ARM: Thumb, Thumb-2 (32-bit), ARM */
#define KIND_THUMB 2u
#define KIND_THUMB2 3u
#define KIND_ARM 4u

/* The opc2 of the value and control registers is part of the
 * instruction, and so is the register number. */
#define WRITE_PAIR_(vr, cr, i)                                             \
	case i:                                                            \
		/* disabled first, so no half-written pair ever matches */ \
		__asm__ volatile("mcr p14, 0, %2, c0, c" #i ", " #cr "\n\t" \
				 "mcr p14, 0, %0, c0, c" #i ", " #vr "\n\t" \
				 "mcr p14, 0, %1, c0, c" #i ", " #cr        \
				 ::"r"(value), "r"(control), "r"(0u));     \
		break;

static void write_pair(enum hwpoints_bank bank, unsigned n, uintptr_t value,
		       uintptr_t control)
{
	if (bank == HWPOINTS_BREAK) {
		switch (n) { HWPOINTS_EACH_REGISTER(WRITE_PAIR_, 4, 5) }
	} else {
		switch (n) { HWPOINTS_EACH_REGISTER(WRITE_PAIR_, 6, 7) }
	}
	__asm__ volatile("isb" ::: "memory");
}

/* BAS for gdb's kind at addr, 0 when no instruction can start there. */
static uint32_t bp_bas(uint32_t addr, uint64_t kind)
{
	if (kind == KIND_ARM)
		return (addr & 3) ? 0 : BAS_ARM;
	if (kind == KIND_THUMB || kind == KIND_THUMB2) {
		if (addr & 1)
			return 0;
		return (addr & 2) ? BAS_THUMB_HIGH : BAS_THUMB_LOW;
	}
	return 0;
}

static bool break_pair(uint64_t addr, uint64_t kind, struct hwpoints_pair *pair)
{
	uint32_t bas = bp_bas((uint32_t)addr, kind);

	if (!bas)
		return false;
	pair->value = (uintptr_t)addr & ~3u; /* below addr_end */
	pair->control = arm_debug_bcr(bas);
	return true;
}

static const struct hwpoints_arch arm_debug_registers = {
	.addr_end = 1ull << 32,
	.break_pair = break_pair,
	.watch_control = arm_debug_wcr,
	.write_pair = write_pair,
};


void hwdebug_init(void)
{
	uint32_t didr = READ_DIDR();
	unsigned block = 4;

	/* Does a watchpoint cover a doubleword? The upper BAS bits of a
	 * disabled register read back as written only when it does. */
	write_pair(HWPOINTS_WATCH, 0, 0, ARM_DEBUG_CR_BAS(0xffu));
	if ((READ_WCR0() & ARM_DEBUG_CR_BAS(WCR_BAS_WIDE)) ==
	    ARM_DEBUG_CR_BAS(WCR_BAS_WIDE))
		block = 8;
	hwpoints_init(&arm_debug_registers, DIDR_BRPS(didr), DIDR_WRPS(didr),
		      block);
	/* the OS lock may be set at reset, and it holds off every debug
	 * event: any value but the lock key clears it */
	__asm__ volatile("mcr p14, 0, %0, c1, c0, 4\n\tisb" ::"r"(0u)
			 : "memory");
	__asm__ volatile("mcr p14, 0, %0, c0, c2, 2\n\tisb"
			 ::"r"(READ_DSCR() | DSCR_MDBGEN) : "memory");
}

bool hwdebug_breakpoint_hit(void)
{
	return DSCR_MOE(READ_DSCR()) == MOE_BREAKPOINT;
}

const struct gstub_breakpoint_ops hwdebug_ops = {
	.types = HWPOINTS_TYPES,
	.insert = hwpoints_insert,
	.remove = hwpoints_remove,
};

void hwdebug_watch_stop(uint32_t far, struct gstub_stop *stop)
{
	/* the fault status does not say whether it was a read or a write */
	hwpoints_watch_stop(far, HWPOINTS_ACCESS_UNKNOWN, stop);
}
