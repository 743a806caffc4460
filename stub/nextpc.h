/*
 * Next-pc decoders for software single step: where does the instruction at
 * pc send execution? The engine plants a temporary breakpoint there and
 * continues, for targets that cannot step in hardware.
 *
 * Freestanding like the rest of the engine: the decoders read registers and
 * memory only through the callbacks below, keep no state and never block.
 * Memory is read little-endian (instructions always are; data loads of a
 * big-endian target are not supported).
 */
#ifndef GSTUB_STUB_NEXTPC_H
#define GSTUB_STUB_NEXTPC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <gstub/gstub.h>

/*
 * Which decoders a build carries. All by default; a firmware for one
 * architecture may leave the others out to save flash (about 1-4 KiB each
 * at -Os), e.g. -DGSTUB_CONFIG_NEXTPC_ARM=0 -DGSTUB_CONFIG_NEXTPC_ARM_M=0
 * on AArch64. A description whose decoder is left out gets no software
 * single step: stepping then needs GSTUB_TARGET_CAN_STEP.
 */
#ifndef GSTUB_CONFIG_NEXTPC_A64
#define GSTUB_CONFIG_NEXTPC_A64 1   /* AArch64 */
#endif
#ifndef GSTUB_CONFIG_NEXTPC_ARM
#define GSTUB_CONFIG_NEXTPC_ARM 1   /* AArch32 A/R-profile, ARM and Thumb */
#endif
#ifndef GSTUB_CONFIG_NEXTPC_ARM_M
#define GSTUB_CONFIG_NEXTPC_ARM_M 1 /* M-profile (Thumb) */
#endif

/* gdb's register numbers the decoders ask for. */
#define GSTUB_NEXTPC_A64_X(n) ((unsigned)(n)) /* x0-x30 */
#define GSTUB_NEXTPC_A64_CPSR 33u /* NZCV in bits 31:28 */
#define GSTUB_NEXTPC_ARM_R(n) ((unsigned)(n)) /* r0-r14; r15 is never asked */

struct gstub_nextpc_env {
	void *ctx;
	/* 0 or a negative GSTUB_E* (passed on to the caller unchanged). */
	int (*read_reg)(void *ctx, unsigned regnum, uint64_t *value);
	/* Bytes read (at least 1, possibly fewer than asked: the decoders
	 * ask again for the rest) or a negative GSTUB_E*. */
	int (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t len);
	/*
	 * A64 only: the bits of a code pointer that hold a pointer
	 * authentication code (gdb's pauth_cmask; Linux reports it in the
	 * NT_ARM_PAC_MASK regset). 0 means unknown: the authenticating
	 * branches (BRAA, BLRAB, RETAA, ...) then answer GSTUB_ENOSYS. When
	 * known, the decoder strips the code and predicts the branch as if
	 * authentication succeeds; when it fails, the target faults (FEAT_FPAC)
	 * or branches to a poisoned address and faults there, so the caller
	 * gets a stop either way, just not at the temporary breakpoint.
	 */
	uint64_t a64_pac_mask;
};

/*
 * Results besides 0 (next pc found) and negative errors: the instruction is
 * a call into a more privileged level (SVC, HVC, SMC). *next is where
 * execution resumes when the handler returns as usual (the following
 * instruction, as for a Linux system call). The caller decides: a user-mode
 * target whose kernel runs the call plants its breakpoint at *next; a
 * bare-metal target that takes the exception itself treats the step as
 * unknowable or steps into the vector.
 */
#define GSTUB_NEXTPC_SYSCALL 1

/*
 * AArch64: where the instruction at pc transfers control.
 * Returns 0 with *next set; GSTUB_NEXTPC_SYSCALL with *next = pc + 4;
 * GSTUB_ENOSYS when the next pc is unknowable (ERET and its authenticated
 * forms, DRPS, BRK, HLT, UDF, authenticated branches without a PAC mask);
 * or the error of a register or memory read (a short read of 0 bytes is
 * GSTUB_EFAULT). A branch to itself gives *next == pc: the caller must not
 * wait for a breakpoint there (the step is done when the instruction ran).
 * Every instruction not recognised as a branch, including undefined ones
 * (which trap, so the caller gets its stop anyway), answers pc + 4.
 */
int gstub_nextpc_a64(const struct gstub_nextpc_env *env, uint64_t pc,
		     uint64_t *next);

/*
 * AArch32, A/R-profile: ARM state when cpsr bit 5 (T) is clear, Thumb when
 * set; IT state from cpsr bits 15:10 and 26:25; NZCV from bits 31:28.
 * *next gets the target address with the instruction-set state in bit 0
 * (1 = Thumb), *size the length of the instruction at pc (2 or 4), so a
 * branch to itself shows as (*next & ~1) == pc with the same state.
 * Returns as gstub_nextpc_a64; GSTUB_ENOSYS for exception returns (ERET,
 * RFE, LDM with ^ and pc, data-processing with S and Rd = pc, SUBS pc, lr),
 * BKPT and UDF. An instruction whose condition fails (ARM condition field,
 * or IT block) answers pc + *size.
 */
int gstub_nextpc_arm(const struct gstub_nextpc_env *env, uint32_t pc,
		     uint32_t cpsr, uint32_t *next, unsigned *size);

/*
 * M-profile (Thumb only): as gstub_nextpc_arm with the xPSR (T in bit 24,
 * IT and NZCV where A-profile has them). Also GSTUB_ENOSYS when the
 * instruction would leave Thumb state (a fault on M-profile) or branch to
 * 0xF0000000 and above (EXC_RETURN and FNC_RETURN values: an exception
 * or secure-call return).
 */
int gstub_nextpc_armv7m(const struct gstub_nextpc_env *env, uint32_t pc,
			uint32_t xpsr, uint32_t *next, unsigned *size);

/* ----- shared by the decoders (nextpc-env.c) ----- */

/* Reads len (at most 8) bytes at addr as a little-endian number, asking
 * again after short reads. 0, the read's error, or GSTUB_EFAULT when a read
 * gives nothing. */
int gstub_nextpc_load(const struct gstub_nextpc_env *env, uint64_t addr,
		      size_t len, uint64_t *value);

/* Whether condition `cond` (0-15, A64/A32 numbering) holds for the NZCV in
 * bits 31:28 of `flags`. 14 (AL) and 15 (NV in A64) always hold. */
static inline bool gstub_nextpc_cond_holds(unsigned cond, uint32_t flags)
{
	bool n = flags >> 31 & 1, z = flags >> 30 & 1;
	bool c = flags >> 29 & 1, v = flags >> 28 & 1;
	bool r;

	switch (cond >> 1 & 7) {
	case 0: r = z; break;                /* EQ */
	case 1: r = c; break;                /* CS */
	case 2: r = n; break;                /* MI */
	case 3: r = v; break;                /* VS */
	case 4: r = c && !z; break;          /* HI */
	case 5: r = n == v; break;           /* GE */
	case 6: r = n == v && !z; break;     /* GT */
	default: return true;                /* AL, NV */
	}
	return (cond & 1) ? !r : r;
}

#endif
