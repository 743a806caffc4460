/*
 * Thumb-state (T32) next pc: 16-bit B, CBZ/CBNZ, BX/BLX, hi-register
 * MOV/ADD to pc and POP {pc}; 32-bit B, BL, BLX, LDR pc, LDM/POP with pc,
 * TBB/TBH; the IT block's condition; the instructions that take or return
 * from exceptions. The pc reads as the instruction's address + 4.
 */
#include "nextpc-arm.h"

static int32_t sext(uint32_t v, unsigned bits)
{
	uint32_t sign = 1u << (bits - 1);

	v &= (sign << 1) - 1;
	return (int32_t)((v ^ sign) - sign);
}

/* ITSTATE from cpsr bits 15:10 (IT[7:2]) and 26:25 (IT[1:0]). An
 * instruction inside an IT block runs only when IT[7:4] holds. */
static bool it_condition_fails(uint32_t cpsr)
{
	unsigned it = (cpsr >> 8 & 0xfc) | (cpsr >> 25 & 3);

	return (it & 15) != 0 && !gstub_nextpc_cond_holds(it >> 4, cpsr);
}

static int narrow(const struct gstub_nextpc_env *env, uint32_t hw,
		  uint32_t pc, uint32_t cpsr, uint32_t *next)
{
	uint32_t v, sp;
	int err;

	if ((hw & 0xff00) == 0xdf00) /* SVC */
		return GSTUB_NEXTPC_SYSCALL;
	if ((hw & 0xf000) == 0xd000) { /* B<c> */
		if (gstub_nextpc_cond_holds(hw >> 8 & 15, cpsr))
			*next = (pc + 4 + (uint32_t)(sext(hw, 8) * 2)) | 1;
		return 0;
	}
	if ((hw & 0xf800) == 0xe000) { /* B */
		*next = (pc + 4 + (uint32_t)(sext(hw, 11) * 2)) | 1;
		return 0;
	}
	if ((hw & 0xf500) == 0xb100) { /* CBZ, CBNZ */
		err = gstub_nextpc_arm_reg(env, hw & 7, pc + 4, &v);
		if (err)
			return err;
		if ((v == 0) != ((hw >> 11) & 1))
			*next = (pc + 4 + ((hw >> 3 & 0x40) | (hw >> 2 & 0x3e))) | 1;
		return 0;
	}
	if ((hw & 0xff00) == 0xbd00) { /* POP with pc: the highest word */
		err = gstub_nextpc_arm_reg(env, 13, pc + 4, &sp);
		if (err)
			return err;
		return gstub_nextpc_arm_load32(
			env, sp + 4 * gstub_nextpc_arm_count(hw & 0xff), next);
	}
	if ((hw & 0xfc00) == 0x4400) { /* hi-register ADD, CMP, MOV, BX, BLX */
		unsigned op = hw >> 8 & 3, rm = hw >> 3 & 15;
		unsigned rd = (hw >> 4 & 8) | (hw & 7);
		uint32_t a;

		if (op == 1 || (op != 3 && rd != 15))
			return 0;
		err = gstub_nextpc_arm_reg(env, rm, pc + 4, &v);
		if (err)
			return err;
		if (op == 3) { /* BX, BLX: interworking */
			*next = v;
			return 0;
		}
		if (op == 0) { /* ADD pc, Rm */
			err = gstub_nextpc_arm_reg(env, 15, pc + 4, &a);
			if (err)
				return err;
			v += a;
		}
		*next = v | 1; /* stays in Thumb, bit 0 ignored */
		return 0;
	}
	return 0;
}

/* B<c>.W, B.W, BL, BLX (immediate); BXJ, SUBS pc, lr (ERET), HVC, SMC. */
static int branch_misc(const struct gstub_nextpc_env *env, uint32_t hw1,
		       uint32_t hw2, uint32_t pc, uint32_t cpsr,
		       uint32_t *next)
{
	unsigned op1 = hw2 >> 12 & 5, op = hw1 >> 4 & 0x7f;
	uint32_t s = hw1 >> 10 & 1, j1 = hw2 >> 13 & 1, j2 = hw2 >> 11 & 1;
	uint32_t imm;

	if (op1 == 0) {
		if ((op & 0x38) != 0x38) { /* B<c>.W */
			imm = s << 20 | j2 << 19 | j1 << 18 |
			      (hw1 & 0x3f) << 12 | (hw2 & 0x7ff) << 1;
			if (gstub_nextpc_cond_holds(hw1 >> 6 & 15, cpsr))
				*next = (pc + 4 + (uint32_t)sext(imm, 21)) | 1;
			return 0;
		}
		if (op == 0x3c) /* BXJ: a BX without Jazelle */
			return gstub_nextpc_arm_reg(env, hw1 & 15, pc + 4, next);
		if (op == 0x3d) /* SUBS pc, lr, #imm8 and ERET */
			return GSTUB_ENOSYS;
		if ((op == 0x7e || op == 0x7f) && (hw2 >> 12 & 7) == 0)
			return GSTUB_NEXTPC_SYSCALL; /* HVC, SMC */
		return 0;
	}
	/* B.W, BL, BLX: I1 = NOT(J1 EOR S), I2 = NOT(J2 EOR S) */
	imm = s << 24 | (~(j1 ^ s) & 1) << 23 | (~(j2 ^ s) & 1) << 22 |
	      (hw1 & 0x3ff) << 12 | (hw2 & 0x7ff) << 1;
	if (op1 == 4) { /* BLX: to ARM, from the word-aligned pc */
		if (hw2 & 1)
			return 0; /* UNDEFINED: traps */
		*next = ((pc + 4) & ~3u) + (uint32_t)sext(imm, 25);
		return 0;
	}
	*next = (pc + 4 + (uint32_t)sext(imm, 25)) | 1;
	return 0;
}

/* LDR.W pc: literal, positive 12-bit offset, 8-bit offset with pre/post
 * index, register offset with LSL #0-3. */
static int load_word(const struct gstub_nextpc_env *env, uint32_t hw1,
		     uint32_t hw2, uint32_t pc, uint32_t *next)
{
	unsigned rn = hw1 & 15;
	uint32_t base, addr, rm;
	int err;

	if (rn == 15) {
		base = (pc + 4) & ~3u;
		addr = (hw1 & 0x80) ? base + (hw2 & 0xfff) : base - (hw2 & 0xfff);
		return gstub_nextpc_arm_load32(env, addr, next);
	}
	err = gstub_nextpc_arm_reg(env, rn, pc + 4, &base);
	if (err)
		return err;
	if (hw1 & 0x80) {
		addr = base + (hw2 & 0xfff);
	} else if (hw2 & 0x800) {
		uint32_t imm = hw2 & 0xff;

		if (!(hw2 & 0x500)) /* neither P nor W: UNDEFINED, traps */
			return 0;
		addr = base;
		if (hw2 & 0x400)
			addr = (hw2 & 0x200) ? base + imm : base - imm;
	} else if ((hw2 & 0xfc0) == 0) {
		err = gstub_nextpc_arm_reg(env, hw2 & 15, pc + 4, &rm);
		if (err)
			return err;
		addr = base + (rm << (hw2 >> 4 & 3));
	} else {
		return 0; /* UNDEFINED: traps */
	}
	return gstub_nextpc_arm_load32(env, addr, next);
}

/* LDMIA/POP.W and LDMDB with pc in the list; RFE. */
static int load_multiple(const struct gstub_nextpc_env *env, uint32_t hw1,
			 uint32_t hw2, uint32_t pc, uint32_t *next)
{
	unsigned op = hw1 >> 7 & 3;
	uint32_t base, addr;
	int err;

	if (!(hw1 & 0x10)) /* stores and SRS */
		return 0;
	if (op == 0 || op == 3) /* RFE */
		return GSTUB_ENOSYS;
	if (!(hw2 & 0x8000))
		return 0;
	err = gstub_nextpc_arm_reg(env, hw1 & 15, pc + 4, &base);
	if (err)
		return err;
	if (op == 1)
		addr = base + 4 * (gstub_nextpc_arm_count(hw2) - 1);
	else
		addr = base - 4;
	return gstub_nextpc_arm_load32(env, addr, next);
}

/* TBB [Rn, Rm] and TBH [Rn, Rm, LSL #1]: forward by twice the entry. */
static int table_branch(const struct gstub_nextpc_env *env, uint32_t hw1,
			uint32_t hw2, uint32_t pc, uint32_t *next)
{
	bool half = hw2 & 0x10;
	uint32_t rn, rm;
	uint64_t entry;
	int err;

	err = gstub_nextpc_arm_reg(env, hw1 & 15, pc + 4, &rn);
	if (!err)
		err = gstub_nextpc_arm_reg(env, hw2 & 15, pc + 4, &rm);
	if (!err)
		err = gstub_nextpc_load(env, (uint32_t)(rn + (half ? rm * 2 : rm)),
					half ? 2 : 1, &entry);
	if (err)
		return err;
	*next = (pc + 4 + 2 * (uint32_t)entry) | 1;
	return 0;
}

static int wide(const struct gstub_nextpc_env *env, uint32_t hw1,
		uint32_t hw2, uint32_t pc, uint32_t cpsr, uint32_t *next)
{
	if ((hw1 & 0xf800) == 0xf000 && (hw2 & 0x8000))
		return branch_misc(env, hw1, hw2, pc, cpsr, next);
	if ((hw1 & 0xff70) == 0xf850 && (hw2 >> 12) == 15)
		return load_word(env, hw1, hw2, pc, next);
	if ((hw1 & 0xfe40) == 0xe800)
		return load_multiple(env, hw1, hw2, pc, next);
	if ((hw1 & 0xfff0) == 0xe8d0 && (hw2 & 0xffe0) == 0xf000)
		return table_branch(env, hw1, hw2, pc, next);
	return 0;
}

int gstub_nextpc_t32(const struct gstub_nextpc_env *env, uint32_t pc,
		     uint32_t cpsr, uint32_t *next, unsigned *size)
{
	uint64_t v;
	uint32_t hw1, hw2 = 0;
	int err;

	err = gstub_nextpc_load(env, pc, 2, &v);
	if (err)
		return err;
	hw1 = (uint32_t)v;
	*size = 2;
	if ((hw1 >> 11) >= 0x1d) {
		err = gstub_nextpc_load(env, pc + 2, 2, &v);
		if (err)
			return err;
		hw2 = (uint32_t)v;
		*size = 4;
	}
	*next = (pc + *size) | 1;

	/* BKPT and UDF trap whatever the IT block says */
	if (*size == 2 && ((hw1 & 0xff00) == 0xbe00 || (hw1 & 0xff00) == 0xde00))
		return GSTUB_ENOSYS;
	if (*size == 4 && (hw1 & 0xfff0) == 0xf7f0 && (hw2 & 0xf000) == 0xa000)
		return GSTUB_ENOSYS;
	if (it_condition_fails(cpsr))
		return 0;
	if (*size == 2)
		return narrow(env, hw1, pc, cpsr, next);
	return wide(env, hw1, hw2, pc, cpsr, next);
}
