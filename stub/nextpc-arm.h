/*
 * What the AArch32 next-pc decoders (nextpc-a32.c, nextpc-t32.c) share.
 * Results carry the instruction-set state in bit 0 (1 = Thumb), which makes
 * an interworking write of the pc (BX, LDR pc, POP {pc}) the loaded value
 * itself.
 */
#ifndef GSTUB_STUB_NEXTPC_ARM_H
#define GSTUB_STUB_NEXTPC_ARM_H

#include "nextpc.h"

#define GSTUB_NEXTPC_ARM_C (1u << 29) /* carry flag in the cpsr */

/* R[n], with `pc_value` (pc + 8 in ARM state, pc + 4 in Thumb) for r15. */
int gstub_nextpc_arm_reg(const struct gstub_nextpc_env *env, unsigned n,
			 uint32_t pc_value, uint32_t *value);

/* A 32-bit little-endian word at addr. */
int gstub_nextpc_arm_load32(const struct gstub_nextpc_env *env, uint32_t addr,
			    uint32_t *value);

/* v shifted as an immediate shift encodes it (type 0-3 = LSL, LSR, ASR, ROR;
 * amount 0 means LSR/ASR #32 and RRX through `carry`). */
uint32_t gstub_nextpc_arm_imm_shift(uint32_t v, unsigned type, unsigned amount,
				    bool carry);

/* Number of set bits in a register list. */
unsigned gstub_nextpc_arm_count(uint32_t list);

/* ARM state (cpsr.T clear): *next as gstub_nextpc_arm; the instruction is
 * 4 bytes. */
int gstub_nextpc_a32(const struct gstub_nextpc_env *env, uint32_t pc,
		     uint32_t cpsr, uint32_t *next);

/* Thumb state: *next and *size as gstub_nextpc_arm. */
int gstub_nextpc_t32(const struct gstub_nextpc_env *env, uint32_t pc,
		     uint32_t cpsr, uint32_t *next, unsigned *size);

#endif
