/*
 * AArch32 next pc: the entry points (A/R-profile by cpsr.T, M-profile
 * always Thumb) and what the ARM and Thumb decoders share.
 */
#include "nextpc-arm.h"

int gstub_nextpc_arm_reg(const struct gstub_nextpc_env *env, unsigned n,
			 uint32_t pc_value, uint32_t *value)
{
	uint64_t v;
	int err;

	if (n == 15) {
		*value = pc_value;
		return 0;
	}
	err = env->read_reg(env->ctx, GSTUB_NEXTPC_ARM_R(n), &v);
	if (err)
		return err;
	*value = (uint32_t)v;
	return 0;
}

int gstub_nextpc_arm_load32(const struct gstub_nextpc_env *env, uint32_t addr,
			    uint32_t *value)
{
	uint64_t v;
	int err = gstub_nextpc_load(env, addr, 4, &v);

	if (err)
		return err;
	*value = (uint32_t)v;
	return 0;
}

uint32_t gstub_nextpc_arm_imm_shift(uint32_t v, unsigned type, unsigned amount,
				    bool carry)
{
	switch (type & 3) {
	case 0: /* LSL */
		return v << (amount & 31);
	case 1: /* LSR; #0 encodes #32 */
		return amount ? v >> amount : 0;
	case 2: /* ASR; #0 encodes #32 */
		if (!amount)
			return (v >> 31) ? 0xffffffffu : 0;
		return (v >> amount) | ((v >> 31) ? ~(0xffffffffu >> amount) : 0);
	default: /* ROR; #0 encodes RRX */
		if (!amount)
			return (v >> 1) | ((uint32_t)carry << 31);
		return (v >> amount) | (v << (32 - amount));
	}
}

unsigned gstub_nextpc_arm_count(uint32_t list)
{
	unsigned n = 0;

	for (; list; list &= list - 1)
		n++;
	return n;
}

int gstub_nextpc_arm(const struct gstub_nextpc_env *env, uint32_t pc,
		     uint32_t cpsr, uint32_t *next, unsigned *size)
{
	if (cpsr & (1u << 5))
		return gstub_nextpc_t32(env, pc, cpsr, next, size);
	*size = 4;
	return gstub_nextpc_a32(env, pc, cpsr, next);
}

int gstub_nextpc_armv7m(const struct gstub_nextpc_env *env, uint32_t pc,
			uint32_t xpsr, uint32_t *next, unsigned *size)
{
	/* NZCV, Q and IT sit where the A-profile cpsr has them; T moves from
	 * bit 24 to bit 5. The ICI form of those bits reads as "no IT". */
	uint32_t cpsr = (xpsr & 0xfe00fc00u) | (1u << 5);
	int err = gstub_nextpc_t32(env, pc, cpsr, next, size);

	if (err < 0)
		return err;
	if (!(*next & 1) || *next >= 0xf0000000u)
		return GSTUB_ENOSYS;
	return err;
}
