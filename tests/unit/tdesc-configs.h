/*
 * Every built-in configuration, enumerated for the tdesc unit tests: each
 * test walks the same list so none is forgotten.
 */
#ifndef GSTUB_TESTS_TDESC_CONFIGS_H
#define GSTUB_TESTS_TDESC_CONFIGS_H

#include <stdio.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

/* AArch64: vq 0..16 x pauth x mte x tls(none, tpidr, tpidr+tpidr2) */
#define TDESC_N_AARCH64 (17 * 2 * 2 * 3)
/* A-profile: fp x neon x tls, valid ones only; M-profile: with/without FP */
#define TDESC_N_ARM 13
#define TDESC_N_CONFIGS (TDESC_N_AARCH64 + TDESC_N_ARM + 1)

static inline void tdesc_aarch64_config(int i, struct gstub_aarch64_config *c)
{
	int tls = i % 3;

	c->sve_vq = (unsigned)(i / 12);
	c->pauth = (i / 6) % 2;
	c->mte = (i / 3) % 2;
	c->tls = tls > 0;
	c->tpidr2 = tls > 1;
}

static const struct gstub_arm_config tdesc_arm_configs[TDESC_N_ARM] = {
	{ .fp = GSTUB_ARM_FP_NONE },
	{ .fp = GSTUB_ARM_FP_VFPV2 },
	{ .fp = GSTUB_ARM_FP_VFPV3_D16 },
	{ .fp = GSTUB_ARM_FP_VFPV3 },
	{ .fp = GSTUB_ARM_FP_VFPV3, .neon = true },
	{ .fp = GSTUB_ARM_FP_VFPV3, .neon = true, .tls = true },
	{ .fp = GSTUB_ARM_FP_VFPV3, .neon = true, .neon_q = true },
	{ .fp = GSTUB_ARM_FP_VFPV3, .neon = true, .neon_q = true, .tls = true },
	{ .fp = GSTUB_ARM_FP_NONE, .tls = true },
	{ .fp = GSTUB_ARM_FP_VFPV2, .tls = true },
	{ .m_profile = true },
	{ .m_profile = true, .fp = GSTUB_ARM_FP_VFPV2 },
	{ .m_profile = true, .fp = GSTUB_ARM_FP_VFPV3_D16 },
};

/* Build configuration number i into td; name gets a printable label. */
static inline int tdesc_build_config(int i, struct gstub_tdesc *td,
				     char *name, size_t namelen)
{
	if (i < TDESC_N_AARCH64) {
		struct gstub_aarch64_config c = { 0 };

		tdesc_aarch64_config(i, &c);
		snprintf(name, namelen, "aarch64 vq=%u%s%s%s%s", c.sve_vq,
			 c.pauth ? " pauth" : "", c.mte ? " mte" : "",
			 c.tls ? " tls" : "", c.tpidr2 ? " tpidr2" : "");
		return gstub_tdesc_aarch64(td, &c);
	}
	i -= TDESC_N_AARCH64;
	if (i < TDESC_N_ARM) {
		const struct gstub_arm_config *c = &tdesc_arm_configs[i];

		snprintf(name, namelen, "arm%s fp=%d%s%s%s",
			 c->m_profile ? "-m" : "", (int)c->fp,
			 c->neon ? " neon" : "", c->neon_q ? " q" : "",
			 c->tls ? " tls" : "");
		return gstub_tdesc_arm(td, c);
	}
	snprintf(name, namelen, "x86-64");
	return gstub_tdesc_x86_64(td);
}

#endif
