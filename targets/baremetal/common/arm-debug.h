/*
 * The control words of the ARM debug architecture's breakpoint and
 * watchpoint registers (DBGBCR, DBGWCR): the same fields in AArch32 and
 * AArch64, for points that match in unprivileged mode (USR, EL0) only, so
 * a monitor never trips over the program's points.
 */
#ifndef BAREMETAL_ARM_DEBUG_H
#define BAREMETAL_ARM_DEBUG_H

#include <stdint.h>
#include "hwpoints.h"

#define ARM_DEBUG_CR_ENABLE 1u
#define ARM_DEBUG_CR_UNPRIVILEGED (2u << 1) /* PMC/PAC */
#define ARM_DEBUG_CR_BAS(mask) ((uint32_t)(mask) << 5) /* byte select */
#define ARM_DEBUG_WCR_LOAD (1u << 3)
#define ARM_DEBUG_WCR_STORE (2u << 3)

/* A breakpoint on the bytes of the word set in `bas` (an instruction). */
static inline uint32_t arm_debug_bcr(uint32_t bas)
{
	return ARM_DEBUG_CR_ENABLE | ARM_DEBUG_CR_UNPRIVILEGED |
	       ARM_DEBUG_CR_BAS(bas);
}

/* hwpoints_arch.watch_control */
static inline uintptr_t arm_debug_wcr(enum gstub_bp_type type,
				     unsigned byte_mask)
{
	uint32_t lsc = type == GSTUB_WP_WRITE  ? ARM_DEBUG_WCR_STORE
		       : type == GSTUB_WP_READ ? ARM_DEBUG_WCR_LOAD
					       : ARM_DEBUG_WCR_LOAD |
							 ARM_DEBUG_WCR_STORE;

	return ARM_DEBUG_CR_ENABLE | ARM_DEBUG_CR_UNPRIVILEGED | lsc |
	       ARM_DEBUG_CR_BAS(byte_mask);
}

#endif
