/*
 * Reading a coprocessor register (CP14 debug, CP15 system control). The
 * register is named in the instruction, hence a macro:
 * CP_READ(p15, 0, c6, c0, 0) is DFAR.
 */
#ifndef FW_ARM_COPROC_H
#define FW_ARM_COPROC_H

#include <stdint.h>

#define CP_READ(cp, op1, crn, crm, op2)                                     \
	({                                                                  \
		uint32_t v_;                                                \
		__asm__ volatile("mrc " #cp ", " #op1 ", %0, " #crn ", " #crm \
				 ", " #op2                                  \
				 : "=r"(v_));                               \
		v_;                                                         \
	})

#endif
