/*
 * The target description gstub-run serves: built for the CPU Unicorn
 * emulates, then checked register by register against cpu_regs.c so that
 * gdb never sees a register the runner cannot read at its size.
 */
#include "debugger.h"

#include <stdio.h>

/* AArch64: core, FP/SIMD and TPIDR_EL0 (no SVE in Unicorn). ARM: core,
 * VFPv3-D32 and NEON (Cortex-A15) with q0-q15 listed (gdb 13.1 shows no
 * $q registers otherwise; the engine serves them from the D registers)
 * and TPIDRURO. */
int grun_tdesc_build(const struct grun_guest *gu, struct gstub_tdesc *td)
{
	if (gu->arch == GRUN_ARCH_AARCH64) {
		struct gstub_aarch64_config c = { .tls = true };
		return gstub_tdesc_aarch64(td, &c);
	}
	struct gstub_arm_config c = { .fp = GSTUB_ARM_FP_VFPV3, .neon = true,
				      .neon_q = true, .tls = true };
	return gstub_tdesc_arm(td, &c);
}

int grun_tdesc_check(struct grun_guest *gu, const struct gstub_tdesc *td,
		     char *err, size_t errlen)
{
	unsigned char buf[64];
	for (uint32_t i = 0; i < td->nregs; i++) {
		const struct gstub_tdesc_reg *r = &td->regs[i];
		size_t size = r->bitsize / 8;
		if (gstub_tdesc_neon_q_low(td, r))
			continue; /* the engine asks for its D registers */
		int rc = size <= sizeof buf
				 ? grun_read_gdb_reg(gu, r->regnum, buf, size)
				 : GSTUB_ENOSPC;
		if (rc != 0) {
			snprintf(err, errlen,
				 "target description: register %s (%u, %u bits): %s",
				 r->name, (unsigned)r->regnum, (unsigned)r->bitsize,
				 gstub_strerror(rc));
			return -1;
		}
	}
	return 0;
}
