/*
 * Registers by gdb's numbers (the built-in target descriptions) on top of
 * Unicorn's register ids.
 *   AArch64: x0-x30 0-30, sp 31, pc 32, cpsr 33 (32-bit), v0-v31 34-65
 *            (128-bit), fpsr 66, fpcr 67, tpidr 68 (tls feature).
 *   ARM:     r0-r12 0-12, sp 13, lr 14, pc 15, cpsr 25, d0-d31 26-57,
 *            fpscr 58, tpidruro 59 (tls feature).
 * A Unicorn error on the way is GSTUB_EIO, never a made-up value.
 */
#include "guest.h"

#include <gstub/gstub.h>
#include <string.h>

#define A64_REG_SP 31
#define A64_REG_PC 32
#define A64_REG_CPSR 33
#define A64_REG_V0 34
#define A64_REG_FPSR 66
#define A64_REG_FPCR 67
#define A64_REG_TPIDR 68

#define ARM_REG_PC 15
#define ARM_REG_CPSR 25
#define ARM_REG_D0 26
#define ARM_REG_FPSCR 58
#define ARM_REG_TPIDRURO 59

#define ARM_CPSR_T (1u << 5)
#define ARM_CPSR_MODE 0x1fu
#define ARM_CPSR_AIF 0x1c0u
#define ARM_MODE_USR 0x10u
#define PSTATE_NZCV 0xf0000000u

static int a64_xreg_id(unsigned n)
{
	if (n < 29)
		return UC_ARM64_REG_X0 + (int)n;
	return n == 29 ? UC_ARM64_REG_X29 : UC_ARM64_REG_X30;
}

static int arm_reg_id(unsigned n)
{
	if (n < 13)
		return UC_ARM_REG_R0 + (int)n;
	if (n == 13)
		return UC_ARM_REG_SP;
	return n == 14 ? UC_ARM_REG_LR : UC_ARM_REG_PC;
}

uint64_t grun_get_xreg(struct grun_guest *gu, unsigned n)
{
	uint64_t v = 0;
	if (gu->arch == GRUN_ARCH_AARCH64) {
		uc_reg_read(gu->uc, n == 31 ? UC_ARM64_REG_SP : a64_xreg_id(n), &v);
	} else {
		uint32_t w = 0;
		uc_reg_read(gu->uc, arm_reg_id(n), &w);
		v = w;
	}
	return v;
}

void grun_set_xreg(struct grun_guest *gu, unsigned n, uint64_t v)
{
	if (gu->arch == GRUN_ARCH_AARCH64) {
		uc_reg_write(gu->uc, n == 31 ? UC_ARM64_REG_SP : a64_xreg_id(n), &v);
	} else {
		uint32_t w = (uint32_t)v;
		uc_reg_write(gu->uc, arm_reg_id(n), &w);
	}
}

static uint32_t arm_cpsr(struct grun_guest *gu)
{
	uint32_t cpsr = 0;
	uc_reg_read(gu->uc, UC_ARM_REG_CPSR, &cpsr);
	return cpsr;
}

uint64_t grun_get_pc(struct grun_guest *gu)
{
	if (gu->arch == GRUN_ARCH_AARCH64) {
		uint64_t pc = 0;
		uc_reg_read(gu->uc, UC_ARM64_REG_PC, &pc);
		return pc;
	}
	uint32_t pc = 0;
	uc_reg_read(gu->uc, UC_ARM_REG_PC, &pc);
	return pc & ~1u;
}

uint64_t grun_get_resume_pc(struct grun_guest *gu)
{
	uint64_t pc = grun_get_pc(gu);
	if (gu->arch == GRUN_ARCH_ARM && (arm_cpsr(gu) & ARM_CPSR_T))
		pc |= 1;
	return pc;
}

/* On ARM, bit 0 of pc selects Thumb state (Unicorn takes it so). */
void grun_set_pc(struct grun_guest *gu, uint64_t pc)
{
	if (gu->arch == GRUN_ARCH_AARCH64) {
		uc_reg_write(gu->uc, UC_ARM64_REG_PC, &pc);
	} else {
		uint32_t w = (uint32_t)pc;
		uc_reg_write(gu->uc, UC_ARM_REG_PC, &w);
	}
}

uint64_t grun_get_sp(struct grun_guest *gu)
{
	return grun_get_xreg(gu, gu->arch == GRUN_ARCH_AARCH64 ? 31 : 13);
}

static uint64_t load_le(const void *buf, size_t size)
{
	const unsigned char *b = buf;
	uint64_t v = 0;
	for (size_t i = 0; i < size && i < 8; i++)
		v |= (uint64_t)b[i] << (8 * i);
	return v;
}

static void store_le(void *buf, size_t size, uint64_t v)
{
	unsigned char *b = buf;
	for (size_t i = 0; i < size && i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
}

/* Size each register has in the descriptions; a mismatch is a bug in the
 * caller, reported rather than guessed around. */
static size_t a64_reg_size(unsigned regnum)
{
	if (regnum <= A64_REG_PC)
		return 8;
	if (regnum == A64_REG_CPSR || regnum == A64_REG_FPSR || regnum == A64_REG_FPCR)
		return 4;
	if (regnum >= A64_REG_V0 && regnum < A64_REG_V0 + 32)
		return 16;
	return regnum == A64_REG_TPIDR ? 8 : 0;
}

static size_t arm_reg_size(unsigned regnum)
{
	if (regnum <= ARM_REG_PC || regnum == ARM_REG_CPSR ||
	    regnum == ARM_REG_FPSCR || regnum == ARM_REG_TPIDRURO)
		return 4;
	if (regnum >= ARM_REG_D0 && regnum < ARM_REG_D0 + 32)
		return 8;
	return 0;
}

static int uc_ok(uc_err e)
{
	return e == UC_ERR_OK ? 0 : GSTUB_EIO;
}

static int a64_read(struct grun_guest *gu, unsigned regnum, void *buf)
{
	uint64_t v = 0;
	int rc = 0;
	if (regnum <= 31) {
		rc = uc_ok(uc_reg_read(gu->uc, regnum == 31 ? UC_ARM64_REG_SP
							     : a64_xreg_id(regnum), &v));
		store_le(buf, 8, v);
	} else if (regnum == A64_REG_PC) {
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM64_REG_PC, &v));
		store_le(buf, 8, v);
	} else if (regnum == A64_REG_CPSR) {
		/* The program runs at EL1 inside Unicorn; gdb sees what an
		 * EL0 process has: the condition flags, mode EL0t. */
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM64_REG_NZCV, &v));
		store_le(buf, 4, v & PSTATE_NZCV);
	} else if (regnum == A64_REG_FPSR || regnum == A64_REG_FPCR) {
		rc = uc_ok(uc_reg_read(gu->uc, regnum == A64_REG_FPSR ? UC_ARM64_REG_FPSR
								      : UC_ARM64_REG_FPCR, &v));
		store_le(buf, 4, v);
	} else if (regnum == A64_REG_TPIDR) {
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM64_REG_TPIDR_EL0, &v));
		store_le(buf, 8, v);
	} else {
		unsigned char q[16];
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM64_REG_Q0 + (int)(regnum - A64_REG_V0),
				       q));
		memcpy(buf, q, 16);
	}
	return rc;
}

static int a64_write(struct grun_guest *gu, unsigned regnum, const void *buf)
{
	uint64_t v;
	if (regnum <= 31) {
		v = load_le(buf, 8);
		return uc_ok(uc_reg_write(gu->uc, regnum == 31 ? UC_ARM64_REG_SP
							       : a64_xreg_id(regnum), &v));
	}
	if (regnum == A64_REG_PC) {
		v = load_le(buf, 8);
		return uc_ok(uc_reg_write(gu->uc, UC_ARM64_REG_PC, &v));
	}
	if (regnum == A64_REG_CPSR) {
		v = load_le(buf, 4) & PSTATE_NZCV;
		return uc_ok(uc_reg_write(gu->uc, UC_ARM64_REG_NZCV, &v));
	}
	if (regnum == A64_REG_FPSR || regnum == A64_REG_FPCR) {
		v = load_le(buf, 4);
		return uc_ok(uc_reg_write(gu->uc, regnum == A64_REG_FPSR ? UC_ARM64_REG_FPSR
									 : UC_ARM64_REG_FPCR, &v));
	}
	if (regnum == A64_REG_TPIDR) {
		v = load_le(buf, 8);
		return uc_ok(uc_reg_write(gu->uc, UC_ARM64_REG_TPIDR_EL0, &v));
	}
	unsigned char q[16];
	memcpy(q, buf, 16);
	return uc_ok(uc_reg_write(gu->uc, UC_ARM64_REG_Q0 + (int)(regnum - A64_REG_V0), q));
}

/* TPIDRURO, the user read-only thread register (set_tls sets it). */
static uc_arm_cp_reg arm_tpidruro(uint32_t val)
{
	uc_arm_cp_reg r = { .cp = 15, .crn = 13, .crm = 0, .opc1 = 0, .opc2 = 3,
			    .val = val };
	return r;
}

static int arm_read(struct grun_guest *gu, unsigned regnum, void *buf)
{
	uint64_t d = 0;
	uint32_t w = 0;
	int rc = 0;
	if (regnum < ARM_REG_PC) {
		rc = uc_ok(uc_reg_read(gu->uc, arm_reg_id(regnum), &w));
		store_le(buf, 4, w);
	} else if (regnum == ARM_REG_PC) {
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM_REG_PC, &w));
		store_le(buf, 4, w & ~1u);
	} else if (regnum == ARM_REG_CPSR) {
		/* As a user process sees it: USR mode with interrupts enabled,
		 * the real flags, GE, IT and T. */
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM_REG_CPSR, &w));
		store_le(buf, 4, (w & ~(ARM_CPSR_MODE | ARM_CPSR_AIF)) | ARM_MODE_USR);
	} else if (regnum == ARM_REG_FPSCR) {
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM_REG_FPSCR, &w));
		store_le(buf, 4, w);
	} else if (regnum == ARM_REG_TPIDRURO) {
		uc_arm_cp_reg r = arm_tpidruro(0);
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM_REG_CP_REG, &r));
		store_le(buf, 4, r.val);
	} else {
		rc = uc_ok(uc_reg_read(gu->uc, UC_ARM_REG_D0 + (int)(regnum - ARM_REG_D0), &d));
		store_le(buf, 8, d);
	}
	return rc;
}

static int arm_write(struct grun_guest *gu, unsigned regnum, const void *buf)
{
	uint32_t w = (uint32_t)load_le(buf, 4);
	if (regnum < ARM_REG_PC)
		return uc_ok(uc_reg_write(gu->uc, arm_reg_id(regnum), &w));
	if (regnum == ARM_REG_PC) {
		/* Keep the instruction set: gdb writes pc without bit 0. */
		uint32_t pc = (w & ~1u) | ((arm_cpsr(gu) & ARM_CPSR_T) ? 1 : 0);
		return uc_ok(uc_reg_write(gu->uc, UC_ARM_REG_PC, &pc));
	}
	if (regnum == ARM_REG_CPSR) {
		/* Flags, GE, IT, E and T may change; the CPU mode may not (it
		 * would switch register banks under the program). */
		uint32_t cur = arm_cpsr(gu);
		uint32_t pc = 0;
		uint32_t keep = ARM_CPSR_MODE | ARM_CPSR_AIF;
		uint32_t v = (w & ~keep) | (cur & keep);
		if (uc_reg_write(gu->uc, UC_ARM_REG_CPSR, &v) != UC_ERR_OK ||
		    uc_reg_read(gu->uc, UC_ARM_REG_PC, &pc) != UC_ERR_OK)
			return GSTUB_EIO;
		/* Unicorn keeps the Thumb state with pc too. */
		pc = (pc & ~1u) | ((v & ARM_CPSR_T) ? 1 : 0);
		return uc_ok(uc_reg_write(gu->uc, UC_ARM_REG_PC, &pc));
	}
	if (regnum == ARM_REG_FPSCR)
		return uc_ok(uc_reg_write(gu->uc, UC_ARM_REG_FPSCR, &w));
	if (regnum == ARM_REG_TPIDRURO) {
		uc_arm_cp_reg r = arm_tpidruro(w);
		return uc_ok(uc_reg_write(gu->uc, UC_ARM_REG_CP_REG, &r));
	}
	uint64_t d = load_le(buf, 8);
	return uc_ok(uc_reg_write(gu->uc, UC_ARM_REG_D0 + (int)(regnum - ARM_REG_D0), &d));
}

/* 0 when `size` is the size gdb's description gives `regnum`, else the
 * error for a register the CPU lacks or a wrong size. */
static int check_size(const struct grun_guest *gu, unsigned regnum, size_t size)
{
	size_t want = gu->arch == GRUN_ARCH_AARCH64 ? a64_reg_size(regnum)
						    : arm_reg_size(regnum);
	if (want == 0)
		return GSTUB_ENOENT;
	return size == want ? 0 : GSTUB_EINVAL;
}

int grun_read_gdb_reg(struct grun_guest *gu, unsigned regnum, void *buf,
		      size_t size)
{
	int err = check_size(gu, regnum, size);
	if (err)
		return err;
	return gu->arch == GRUN_ARCH_AARCH64 ? a64_read(gu, regnum, buf)
					     : arm_read(gu, regnum, buf);
}

int grun_write_gdb_reg(struct grun_guest *gu, unsigned regnum,
		       const void *buf, size_t size)
{
	int err = check_size(gu, regnum, size);
	if (err)
		return err;
	return gu->arch == GRUN_ARCH_AARCH64 ? a64_write(gu, regnum, buf)
					     : arm_write(gu, regnum, buf);
}
