/*
 * Creating the Unicorn CPU for a Linux user process: the CPU model, and the
 * system state the kernel would have set up (FP/SIMD access).
 */
#include "guest.h"

#include <stdio.h>

static int uc_fail(char *err, size_t errlen, const char *what, uc_err e)
{
	snprintf(err, errlen, "unicorn: %s: %s", what, uc_strerror(e));
	return -1;
}

/* AArch32: coprocessor access (CPACR cp10/cp11 full access) and FPEXC.EN,
 * without which every VFP/NEON instruction is undefined in Unicorn. */
static int enable_arm_vfp(struct grun_guest *gu, char *err, size_t errlen)
{
	uc_arm_cp_reg cpacr = { .cp = 15, .crn = 1, .crm = 0, .opc1 = 0,
				.opc2 = 2 };
	uc_err e = uc_reg_read(gu->uc, UC_ARM_REG_CP_REG, &cpacr);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "read CPACR", e);
	cpacr.val |= 0xfu << 20;
	e = uc_reg_write(gu->uc, UC_ARM_REG_CP_REG, &cpacr);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "write CPACR", e);
	uint32_t fpexc = 1u << 30;
	e = uc_reg_write(gu->uc, UC_ARM_REG_FPEXC, &fpexc);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "write FPEXC", e);
	return 0;
}

/* AArch64: CPACR_EL1.FPEN = 0b11 so FP/SIMD never traps. */
static int enable_a64_fp(struct grun_guest *gu, char *err, size_t errlen)
{
	uint64_t cpacr = 0;
	uc_err e = uc_reg_read(gu->uc, UC_ARM64_REG_CPACR_EL1, &cpacr);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "read CPACR_EL1", e);
	cpacr |= 3ull << 20;
	e = uc_reg_write(gu->uc, UC_ARM64_REG_CPACR_EL1, &cpacr);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "write CPACR_EL1", e);
	return 0;
}

int grun_cpu_open(struct grun_guest *gu, char *err, size_t errlen)
{
	uc_err e;
	if (gu->arch == GRUN_ARCH_AARCH64) {
		e = uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &gu->uc);
		if (e != UC_ERR_OK)
			return uc_fail(err, errlen, "open AArch64 CPU", e);
		e = uc_ctl_set_cpu_model(gu->uc, UC_CPU_ARM64_A72);
		if (e != UC_ERR_OK)
			return uc_fail(err, errlen, "select CPU model", e);
		return enable_a64_fp(gu, err, errlen);
	}
	e = uc_open(UC_ARCH_ARM, UC_MODE_ARM, &gu->uc);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "open ARM CPU", e);
	/* Cortex-A15: ARMv7-A with VFPv4-D32 and NEON, what armhf code expects. */
	e = uc_ctl_set_cpu_model(gu->uc, UC_CPU_ARM_CORTEX_A15);
	if (e != UC_ERR_OK)
		return uc_fail(err, errlen, "select CPU model", e);
	return enable_arm_vfp(gu, err, errlen);
}
