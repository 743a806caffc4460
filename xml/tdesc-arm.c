/*
 * AArch32 descriptions: A-profile (core, VFP with 16 or 32 D registers,
 * NEON, TLS) and M-profile (xPSR instead of CPSR, optional 16 D registers),
 * numbered as gdb 13 numbers them.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

/* Register names, each list one string of NUL-terminated names (no table
 * of pointers). r0-r12: */
static const char r_names[] =
	"r0\0" "r1\0" "r2\0" "r3\0" "r4\0" "r5\0" "r6\0" "r7\0" "r8\0" "r9\0"
	"r10\0" "r11\0" "r12\0";

static const char d_names[] =
	"d0\0" "d1\0" "d2\0" "d3\0" "d4\0" "d5\0" "d6\0" "d7\0" "d8\0" "d9\0"
	"d10\0" "d11\0" "d12\0" "d13\0" "d14\0" "d15\0" "d16\0" "d17\0"
	"d18\0" "d19\0" "d20\0" "d21\0" "d22\0" "d23\0" "d24\0" "d25\0"
	"d26\0" "d27\0" "d28\0" "d29\0" "d30\0" "d31\0";

/* The views gdb gives its own q pseudo registers, so that `p $q0.u8`
 * reads the same whichever way q is described. */
static const char neon_q_types[] =
	PK_VECTOR("neon_v16u8", "uint8", 16) PK_VECTOR("neon_v8u16", "uint16", 8)
	PK_VECTOR("neon_v4u32", "uint32", 4) PK_VECTOR("neon_v2u64", "uint64", 2)
	PK_VECTOR("neon_v4f32", "ieee_single", 4)
	PK_VECTOR("neon_v2f64", "ieee_double", 2)
	PK_UNION("neon_q", 6)
	PK_MEMBER("u8", "neon_v16u8") PK_MEMBER("u16", "neon_v8u16")
	PK_MEMBER("u32", "neon_v4u32") PK_MEMBER("u64", "neon_v2u64")
	PK_MEMBER("f32", "neon_v4f32") PK_MEMBER("f64", "neon_v2f64");

/* the D registers already save and restore them */
static const char neon_q_regs[] =
	PK_UNSAVED_REGS(16, 16, "neon_q", "vector")
	"q0\0" "q1\0" "q2\0" "q3\0" "q4\0" "q5\0" "q6\0" "q7\0" "q8\0" "q9\0"
	"q10\0" "q11\0" "q12\0" "q13\0" "q14\0" "q15\0";

/* The status register is 25, not 16: the FPA registers (16-24) used to sit
 * between pc and it. They are not described, so they take no room in `g`. */
#define ARM_STATUS_REGNUM 25
#define ARM_D0_REGNUM 26

static int add_core(struct gstub_tdesc *td, bool m_profile)
{
	struct gstub_tdesc_reg status = {
		.name = m_profile ? "xpsr" : "cpsr",
		.type = "int",
		.bitsize = 32,
		.regnum = ARM_STATUS_REGNUM,
		.save_restore = true,
	};

	TRY(gstub_tdesc_add_feature(td, m_profile ? "org.gnu.gdb.arm.m-profile"
						  : "org.gnu.gdb.arm.core"));
	/* gdb types A-profile r0-r12 as uint32, M-profile ones as int */
	TRY(gstub_tdesc_add_packed_regs(td, r_names, 13, 32,
					m_profile ? "int" : "uint32", NULL, 0));
	TRY(gstub_tdesc_add_one_reg(td, "sp", 32, "data_ptr", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "lr", 32, "int", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "pc", 32, "code_ptr", NULL));
	return gstub_tdesc_add_reg(td, &status);
}

static int add_vfp(struct gstub_tdesc *td, uint32_t nd)
{
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.arm.vfp"));
	TRY(gstub_tdesc_add_packed_regs(td, d_names, nd, 64, "ieee_double",
					NULL, ARM_D0_REGNUM));
	return gstub_tdesc_add_one_reg(td, "fpscr", 32, "int", "float");
}

static bool config_ok(const struct gstub_arm_config *cfg)
{
	switch (cfg->fp) {
	case GSTUB_ARM_FP_NONE:
	case GSTUB_ARM_FP_VFPV2:
	case GSTUB_ARM_FP_VFPV3_D16:
		/* NEON needs all 32 D registers */
		return !cfg->neon && !cfg->neon_q;
	case GSTUB_ARM_FP_VFPV3:
		return !cfg->m_profile && (cfg->neon || !cfg->neon_q);
	default:
		return false;
	}
}

static int build(struct gstub_tdesc *td, const struct gstub_arm_config *cfg)
{
	gstub_tdesc_init(td, cfg->m_profile ? GSTUB_ARCH_ARM_M : GSTUB_ARCH_ARM,
			 "arm");
	TRY(add_core(td, cfg->m_profile));
	if (cfg->fp != GSTUB_ARM_FP_NONE)
		TRY(add_vfp(td, cfg->fp == GSTUB_ARM_FP_VFPV3 ? 32 : 16));
	/* NEON adds no registers: its feature tells gdb to show the q and
	 * s views of the D registers. */
	if (cfg->neon && !cfg->neon_q)
		TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.arm.neon"));
	if (cfg->tls) {
		TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.arm.tls"));
		TRY(gstub_tdesc_add_one_reg(td, "tpidruro", 32, "data_ptr",
					    NULL));
	}
	/* gdb 13.1 shows q registers only when they are listed; they come
	 * last so that every other register keeps gdbserver's number. */
	if (cfg->neon_q) {
		TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.arm.neon",
						   neon_q_types, neon_q_regs,
						   1));
		td->derived_low = gstub_tdesc_neon_q_low;
	}
	/* gdbserver expedites r11, sp, pc; Thumb-only M-profile code keeps
	 * its frame pointer in r7. */
	td->fp_regnum = cfg->m_profile ? 7 : 11;
	td->sp_regnum = 13;
	td->pc_regnum = 15;
	td->status_regnum = ARM_STATUS_REGNUM;
	return 0;
}

int gstub_tdesc_arm(struct gstub_tdesc *td, const struct gstub_arm_config *cfg)
{
	int rc;

	if (!td || !cfg || !config_ok(cfg) || (cfg->m_profile && cfg->tls))
		return GSTUB_EINVAL;
	rc = build(td, cfg);
	if (rc < 0)
		gstub_tdesc_init(td, GSTUB_ARCH_NONE, NULL);
	return rc;
}
