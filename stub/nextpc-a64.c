/*
 * AArch64 next pc: immediate and conditional branches, compare/test and
 * branch, branches to a register (with or without pointer authentication),
 * and the exception-generating and exception-returning instructions.
 */
#include "nextpc.h"

/* Sign-extends the low `bits` bits of v. */
static int64_t sext(uint64_t v, unsigned bits)
{
	uint64_t sign = (uint64_t)1 << (bits - 1);

	v &= (sign << 1) - 1;
	return (int64_t)((v ^ sign) - sign);
}

/* X[n] as branches read it: register 31 is the zero register. */
static int read_x(const struct gstub_nextpc_env *env, unsigned n,
		  uint64_t *value)
{
	if (n == 31) {
		*value = 0;
		return 0;
	}
	return env->read_reg(env->ctx, GSTUB_NEXTPC_A64_X(n), value);
}

/* The code pointer with its authentication code removed, as a successful
 * AUT* leaves it: the PAC bits become copies of bit 55. */
static uint64_t strip_pac(uint64_t addr, uint64_t mask)
{
	return (addr >> 55 & 1) ? addr | mask : addr & ~mask;
}

/* B, BL, B.cond, BC.cond, CBZ, CBNZ, TBZ, TBNZ. Returns 1 when insn is none
 * of them. */
static int immediate_branch(const struct gstub_nextpc_env *env, uint32_t insn,
			    uint64_t pc, uint64_t *next)
{
	uint64_t v;
	bool taken;
	int err;

	if ((insn & 0x7c000000) == 0x14000000) { /* B, BL */
		*next = pc + (uint64_t)(sext(insn, 26) * 4);
		return 0;
	}
	if ((insn & 0xff000000) == 0x54000000) { /* B.cond; BC.cond (bit 4) */
		err = env->read_reg(env->ctx, GSTUB_NEXTPC_A64_CPSR, &v);
		if (err)
			return err;
		taken = gstub_nextpc_cond_holds(insn & 15, (uint32_t)v);
		*next = taken ? pc + (uint64_t)(sext(insn >> 5, 19) * 4) : pc + 4;
		return 0;
	}
	if ((insn & 0x7e000000) == 0x34000000) { /* CBZ, CBNZ */
		err = read_x(env, insn & 31, &v);
		if (err)
			return err;
		if (!(insn >> 31))
			v = (uint32_t)v;
		taken = (v == 0) != (insn >> 24 & 1);
		*next = taken ? pc + (uint64_t)(sext(insn >> 5, 19) * 4) : pc + 4;
		return 0;
	}
	if ((insn & 0x7e000000) == 0x36000000) { /* TBZ, TBNZ */
		unsigned bit = (insn >> 26 & 32) | (insn >> 19 & 31);

		err = read_x(env, insn & 31, &v);
		if (err)
			return err;
		taken = (v >> bit & 1) == (insn >> 24 & 1);
		*next = taken ? pc + (uint64_t)(sext(insn >> 5, 14) * 4) : pc + 4;
		return 0;
	}
	return 1;
}

/* BR, BLR, RET, their authenticated forms, ERET, DRPS (the "unconditional
 * branch (register)" class). */
static int register_branch(const struct gstub_nextpc_env *env, uint32_t insn,
			   uint64_t pc, uint64_t *next)
{
	unsigned opc = insn >> 21 & 15, op2 = insn >> 16 & 31;
	unsigned op3 = insn >> 10 & 63, rn = insn >> 5 & 31, op4 = insn & 31;
	bool pac;
	uint64_t v;
	int err;

	if (op2 != 31)
		goto unallocated;
	switch (opc) {
	case 0: /* BR, BRAAZ, BRABZ */
	case 1: /* BLR, BLRAAZ, BLRABZ */
	case 2: /* RET, RETAA, RETAB */
		if (op3 == 0 && op4 == 0)
			pac = false;
		else if ((op3 >> 1) == 1 && op4 == 31 &&
			 (opc != 2 || rn == 31))
			pac = true;
		else
			goto unallocated;
		if (opc == 2 && pac)
			rn = 30; /* RETAA/RETAB return through x30 */
		break;
	case 8: /* BRAA, BRAB (op4 holds the modifier register) */
	case 9: /* BLRAA, BLRAB */
		if ((op3 >> 1) != 1)
			goto unallocated;
		pac = true;
		break;
	case 4: /* ERET, ERETAA, ERETAB: where to is the saved state's */
	case 5: /* DRPS */
		return GSTUB_ENOSYS;
	default:
		goto unallocated;
	}
	if (pac && !env->a64_pac_mask)
		return GSTUB_ENOSYS;
	err = read_x(env, rn, &v);
	if (err)
		return err;
	*next = pac ? strip_pac(v, env->a64_pac_mask) : v;
	return 0;

unallocated: /* traps: the caller gets its stop from the exception */
	*next = pc + 4;
	return 0;
}

/* SVC, HVC, SMC, BRK, HLT, DCPS*, TCANCEL. */
static int exception_generating(uint32_t insn, uint64_t pc, uint64_t *next)
{
	unsigned opc = insn >> 21 & 7, ll = insn & 3;

	*next = pc + 4;
	if ((insn >> 2 & 7) != 0)
		return 0; /* unallocated: traps */
	if (opc == 0 && ll != 0)
		return GSTUB_NEXTPC_SYSCALL; /* SVC, HVC, SMC */
	if ((opc == 1 || opc == 2 || opc == 3) && ll == 0)
		return GSTUB_ENOSYS; /* BRK, HLT, TCANCEL */
	if (opc == 5 && ll != 0)
		return GSTUB_ENOSYS; /* DCPS1-3 */
	return 0;
}

int gstub_nextpc_a64(const struct gstub_nextpc_env *env, uint64_t pc,
		     uint64_t *next)
{
	uint64_t word;
	uint32_t insn;
	int err;

	err = gstub_nextpc_load(env, pc, 4, &word);
	if (err)
		return err;
	insn = (uint32_t)word;

	if ((insn & 0xffff0000) == 0) /* UDF #imm16 */
		return GSTUB_ENOSYS;
	err = immediate_branch(env, insn, pc, next);
	if (err <= 0)
		return err;
	if ((insn & 0xfe000000) == 0xd6000000)
		return register_branch(env, insn, pc, next);
	if ((insn & 0xff000000) == 0xd4000000)
		return exception_generating(insn, pc, next);
	*next = pc + 4;
	return 0;
}
