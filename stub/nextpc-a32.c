/*
 * ARM-state (A32) next pc: B, BL, BLX, BX, BXJ, LDR pc, LDM with pc,
 * data-processing with Rd = pc, the condition field, and the instructions
 * that take or return from exceptions. Writes of the pc follow ARMv7: loads
 * and data-processing results interwork (bit 0 selects Thumb).
 */
#include "nextpc-arm.h"

static int32_t sext(uint32_t v, unsigned bits)
{
	uint32_t sign = 1u << (bits - 1);

	v &= (sign << 1) - 1;
	return (int32_t)((v ^ sign) - sign);
}

/* Shift by the bottom byte of a register (Rs). */
static uint32_t reg_shift(uint32_t v, unsigned type, uint32_t rs)
{
	unsigned amount = rs & 0xff;

	if (!amount)
		return v;
	switch (type & 3) {
	case 0:
		return amount >= 32 ? 0 : v << amount;
	case 1:
		return amount >= 32 ? 0 : v >> amount;
	case 2:
		if (amount >= 32)
			return (v >> 31) ? 0xffffffffu : 0;
		return gstub_nextpc_arm_imm_shift(v, 2, amount, false);
	default:
		amount &= 31;
		return amount ? (v >> amount) | (v << (32 - amount)) : v;
	}
}

/* The second operand of a data-processing instruction. */
static int operand2(const struct gstub_nextpc_env *env, uint32_t insn,
		    uint32_t pc, bool carry, uint32_t *value)
{
	uint32_t rm, rs;
	int err;

	if (insn & (1u << 25)) {
		unsigned rot = (insn >> 8 & 15) * 2;
		uint32_t imm = insn & 0xff;

		*value = rot ? (imm >> rot) | (imm << (32 - rot)) : imm;
		return 0;
	}
	err = gstub_nextpc_arm_reg(env, insn & 15, pc + 8, &rm);
	if (err)
		return err;
	if (!(insn & (1u << 4))) {
		*value = gstub_nextpc_arm_imm_shift(rm, insn >> 5,
						    insn >> 7 & 31, carry);
		return 0;
	}
	/* shift by register (the pc as an operand here is UNPREDICTABLE) */
	err = gstub_nextpc_arm_reg(env, insn >> 8 & 15, pc + 8, &rs);
	if (err)
		return err;
	*value = reg_shift(rm, insn >> 5, rs);
	return 0;
}

/* Data-processing with Rd = pc (the caller checked Rd). */
static int data_processing(const struct gstub_nextpc_env *env, uint32_t insn,
			   uint32_t pc, uint32_t cpsr, uint32_t *next)
{
	unsigned op = insn >> 21 & 15;
	bool carry = cpsr & GSTUB_NEXTPC_ARM_C;
	uint32_t a, b, r;
	int err;

	if ((op & 12) == 8) /* TST, TEQ, CMP, CMN: no result */
		goto next_insn;
	if (insn & (1u << 20)) /* MOVS pc, SUBS pc, lr...: exception return */
		return GSTUB_ENOSYS;
	err = gstub_nextpc_arm_reg(env, insn >> 16 & 15, pc + 8, &a);
	if (!err)
		err = operand2(env, insn, pc, carry, &b);
	if (err)
		return err;
	switch (op) {
	case 0: r = a & b; break;                    /* AND */
	case 1: r = a ^ b; break;                    /* EOR */
	case 2: r = a - b; break;                    /* SUB */
	case 3: r = b - a; break;                    /* RSB */
	case 4: r = a + b; break;                    /* ADD */
	case 5: r = a + b + carry; break;            /* ADC */
	case 6: r = a + ~b + carry; break;           /* SBC */
	case 7: r = b + ~a + carry; break;           /* RSC */
	case 12: r = a | b; break;                   /* ORR */
	case 13: r = b; break;                       /* MOV and shifts */
	case 14: r = a & ~b; break;                  /* BIC */
	default: r = ~b; break;                      /* MVN */
	}
	*next = r;
	return 0;

next_insn:
	*next = pc + 4;
	return 0;
}

/* Miscellaneous instructions (op 10xx without S, register form): BX, BXJ,
 * BLX, BKPT, HVC, SMC, ERET; the rest does not branch. */
static int misc(const struct gstub_nextpc_env *env, uint32_t insn, uint32_t pc,
		uint32_t *next)
{
	uint32_t low = insn & 0x0ffffff0;

	if (low == 0x012fff10 || low == 0x012fff20 || low == 0x012fff30)
		return gstub_nextpc_arm_reg(env, insn & 15, pc + 8, next);
	*next = pc + 4;
	if ((insn & 0x0fffffff) == 0x0160006e) /* ERET */
		return GSTUB_ENOSYS;
	if ((insn & 0x0ff000f0) == 0x01400070 || /* HVC */
	    (insn & 0x0ff000f0) == 0x01600070)   /* SMC */
		return GSTUB_NEXTPC_SYSCALL;
	return 0;
}

/* LDR pc: immediate or (shifted) register offset, offset, pre- or
 * post-indexed; the base's writeback does not matter for the next pc. */
static int load_word(const struct gstub_nextpc_env *env, uint32_t insn,
		     uint32_t pc, uint32_t cpsr, uint32_t *next)
{
	uint32_t base, offset, addr;
	int err;

	err = gstub_nextpc_arm_reg(env, insn >> 16 & 15, pc + 8, &base);
	if (err)
		return err;
	if (insn & (1u << 25)) {
		err = gstub_nextpc_arm_reg(env, insn & 15, pc + 8, &offset);
		if (err)
			return err;
		offset = gstub_nextpc_arm_imm_shift(offset, insn >> 5,
						    insn >> 7 & 31,
						    cpsr & GSTUB_NEXTPC_ARM_C);
	} else {
		offset = insn & 0xfff;
	}
	addr = base;
	if (insn & (1u << 24)) /* P: offset applies before the access */
		addr = (insn & (1u << 23)) ? base + offset : base - offset;
	return gstub_nextpc_arm_load32(env, addr, next);
}

/* LDM (IA, IB, DA, DB) with pc in the list: pc is the highest word. */
static int load_multiple(const struct gstub_nextpc_env *env, uint32_t insn,
			 uint32_t pc, uint32_t *next)
{
	unsigned n = gstub_nextpc_arm_count(insn & 0xffff);
	bool before = insn & (1u << 24), up = insn & (1u << 23);
	uint32_t base, addr;
	int err;

	if (insn & (1u << 22)) /* LDM ^ with pc: exception return */
		return GSTUB_ENOSYS;
	err = gstub_nextpc_arm_reg(env, insn >> 16 & 15, pc + 8, &base);
	if (err)
		return err;
	if (up)
		addr = base + 4 * (n - 1) + (before ? 4 : 0);
	else
		addr = base - (before ? 4 : 0);
	return gstub_nextpc_arm_load32(env, addr, next);
}

/* cond = 1111: BLX (immediate) and RFE change the pc; nothing else here
 * does. */
static int unconditional(uint32_t insn, uint32_t pc, uint32_t *next)
{
	if ((insn & 0x0e000000) == 0x0a000000) { /* BLX imm: to Thumb */
		uint32_t h = insn >> 24 & 1;

		*next = (pc + 8 + (uint32_t)(sext(insn, 24) * 4) + 2 * h) | 1;
		return 0;
	}
	*next = pc + 4;
	if ((insn & 0x0e500000) == 0x08100000) /* RFE */
		return GSTUB_ENOSYS;
	return 0;
}

int gstub_nextpc_a32(const struct gstub_nextpc_env *env, uint32_t pc,
		     uint32_t cpsr, uint32_t *next)
{
	uint32_t insn;
	unsigned cond;
	int err;

	err = gstub_nextpc_arm_load32(env, pc, &insn);
	if (err)
		return err;
	cond = insn >> 28;
	if (cond == 15)
		return unconditional(insn, pc, next);
	/* UDF and BKPT trap whatever their condition field says */
	if ((insn & 0x0ff000f0) == 0x07f000f0 ||
	    (insn & 0x0ff000f0) == 0x01200070)
		return GSTUB_ENOSYS;
	*next = pc + 4;
	if (!gstub_nextpc_cond_holds(cond, cpsr))
		return 0;

	switch (insn >> 25 & 7) {
	case 0: /* data-processing (register), misc, multiply, extra loads */
		if ((insn & 0x90) == 0x90)
			return 0; /* multiplies, halfword/dual loads */
		/* fall through */
	case 1: /* data-processing (immediate), MOVW/MOVT, MSR */
		if ((insn & 0x01900000) == 0x01000000) { /* op 10xx, no S */
			if (insn & (1u << 25))
				return 0;
			return misc(env, insn, pc, next);
		}
		if ((insn >> 12 & 15) != 15)
			return 0;
		return data_processing(env, insn, pc, cpsr, next);
	case 2:
	case 3: /* LDR/STR/LDRB/STRB; media when I and bit 4 */
		if ((insn & 0x02000010) == 0x02000010)
			return 0;
		if ((insn & 0x0050f000) != 0x0010f000) /* LDR with Rt = pc */
			return 0;
		return load_word(env, insn, pc, cpsr, next);
	case 4: /* LDM/STM */
		if ((insn & 0x00108000) != 0x00108000)
			return 0;
		return load_multiple(env, insn, pc, next);
	case 5: /* B, BL */
		*next = pc + 8 + (uint32_t)(sext(insn, 24) * 4);
		return 0;
	case 7:
		if (insn & (1u << 24))
			return GSTUB_NEXTPC_SYSCALL; /* SVC */
		return 0;
	default: /* coprocessor */
		return 0;
	}
}
