/*
 * AArch64 descriptions in the shape gdb 13 builds for itself (core, then
 * fpu or SVE, then pauth, MTE, TLS), so register numbers, types and the
 * `g` layout match what gdb expects from gdbserver on the same machine.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

/* ----- types and registers, in the compact form of tdesc-packed.h ----- */

static const char core_types[] =
	PK_FLAGS("cpsr_flags", 4, 19)
	PK_BIT("SP", 0) PK_BITS("EL", 2, 3) PK_BIT("nRW", 4) PK_BIT("F", 6)
	PK_BIT("I", 7) PK_BIT("A", 8) PK_BIT("D", 9) PK_BITS("BTYPE", 10, 11)
	PK_BIT("SSBS", 12) PK_BIT("IL", 20) PK_BIT("SS", 21) PK_BIT("PAN", 22)
	PK_BIT("UAO", 23) PK_BIT("DIT", 24) PK_BIT("TCO", 25) PK_BIT("V", 28)
	PK_BIT("C", 29) PK_BIT("Z", 30) PK_BIT("N", 31);

/* fpsr/fpcr, shared by the fpu and SVE features: they end both lists. */
#define FPSTATUS_TYPES                                                     \
	PK_FLAGS("fpsr_flags", 4, 11)                                      \
	PK_BIT("IOC", 0) PK_BIT("DZC", 1) PK_BIT("OFC", 2) PK_BIT("UFC", 3) \
	PK_BIT("IXC", 4) PK_BIT("IDC", 7) PK_BIT("QC", 27) PK_BIT("V", 28) \
	PK_BIT("C", 29) PK_BIT("Z", 30) PK_BIT("N", 31)                    \
	PK_FLAGS("fpcr_flags", 4, 17)                                      \
	PK_BIT("FIZ", 0) PK_BIT("AH", 1) PK_BIT("NEP", 2) PK_BIT("IOE", 8) \
	PK_BIT("DZE", 9) PK_BIT("OFE", 10) PK_BIT("UFE", 11)               \
	PK_BIT("IXE", 12) PK_BIT("EBF", 13) PK_BIT("IDE", 15)              \
	PK_BITS("Len", 16, 18) PK_BIT("FZ16", 19) PK_BITS("Stride", 20, 21) \
	PK_BITS("RMode", 22, 23) PK_BIT("FZ", 24) PK_BIT("DN", 25)         \
	PK_BIT("AHP", 26)

/* Advanced SIMD (fpu) */
#define FPU_OWN_TYPES                                                      \
	PK_VECTOR("v2d", "ieee_double", 2) PK_VECTOR("v2u", "uint64", 2)   \
	PK_VECTOR("v2i", "int64", 2) PK_VECTOR("v4f", "ieee_single", 4)    \
	PK_VECTOR("v4u", "uint32", 4) PK_VECTOR("v4i", "int32", 4)         \
	PK_VECTOR("v8f", "ieee_half", 8) PK_VECTOR("v8u", "uint16", 8)     \
	PK_VECTOR("v8i", "int16", 8) PK_VECTOR("v8bf16", "bfloat16", 8)    \
	PK_VECTOR("v16u", "uint8", 16) PK_VECTOR("v16i", "int8", 16)       \
	PK_VECTOR("v1u", "uint128", 1) PK_VECTOR("v1i", "int128", 1)       \
	PK_UNION("vnd", 3) PK_MEMBER("f", "v2d") PK_MEMBER("u", "v2u")     \
	PK_MEMBER("s", "v2i")                                              \
	PK_UNION("vns", 3) PK_MEMBER("f", "v4f") PK_MEMBER("u", "v4u")     \
	PK_MEMBER("s", "v4i")                                              \
	PK_UNION("vnh", 4) PK_MEMBER("bf", "v8bf16") PK_MEMBER("f", "v8f") \
	PK_MEMBER("u", "v8u") PK_MEMBER("s", "v8i")                        \
	PK_UNION("vnb", 2) PK_MEMBER("u", "v16u") PK_MEMBER("s", "v16i")   \
	PK_UNION("vnq", 2) PK_MEMBER("u", "v1u") PK_MEMBER("s", "v1i")     \
	PK_UNION("aarch64v", 5) PK_MEMBER("d", "vnd") PK_MEMBER("s", "vns") \
	PK_MEMBER("h", "vnh") PK_MEMBER("b", "vnb") PK_MEMBER("q", "vnq")

/* SVE: element counts scale with the vector length (per 128-bit granule) */
#define SVE_OWN_TYPES                                                      \
	PK_SCALED_VECTOR("svevqu", "uint128", 1)                           \
	PK_SCALED_VECTOR("svevqs", "int128", 1)                            \
	PK_SCALED_VECTOR("svevdf", "ieee_double", 2)                       \
	PK_SCALED_VECTOR("svevdu", "uint64", 2)                            \
	PK_SCALED_VECTOR("svevds", "int64", 2)                             \
	PK_SCALED_VECTOR("svevsf", "ieee_single", 4)                       \
	PK_SCALED_VECTOR("svevsu", "uint32", 4)                            \
	PK_SCALED_VECTOR("svevss", "int32", 4)                             \
	PK_SCALED_VECTOR("svevhf", "ieee_half", 8)                         \
	PK_SCALED_VECTOR("svevhu", "uint16", 8)                            \
	PK_SCALED_VECTOR("svevhs", "int16", 8)                             \
	PK_SCALED_VECTOR("svevbu", "uint8", 16)                            \
	PK_SCALED_VECTOR("svevbs", "int8", 16)                             \
	PK_UNION("svevnq", 2)                                              \
	PK_MEMBER("u", "svevqu") PK_MEMBER("s", "svevqs")                  \
	PK_UNION("svevnd", 3) PK_MEMBER("f", "svevdf")                     \
	PK_MEMBER("u", "svevdu") PK_MEMBER("s", "svevds")                  \
	PK_UNION("svevns", 3) PK_MEMBER("f", "svevsf")                     \
	PK_MEMBER("u", "svevsu") PK_MEMBER("s", "svevss")                  \
	PK_UNION("svevnh", 3) PK_MEMBER("f", "svevhf")                     \
	PK_MEMBER("u", "svevhu") PK_MEMBER("s", "svevhs")                  \
	PK_UNION("svevnb", 2)                                              \
	PK_MEMBER("u", "svevbu") PK_MEMBER("s", "svevbs")                  \
	PK_UNION("svev", 5) PK_MEMBER("q", "svevnq") PK_MEMBER("d", "svevnd") \
	PK_MEMBER("s", "svevns") PK_MEMBER("h", "svevnh")                  \
	PK_MEMBER("b", "svevnb")                                           \
	PK_SCALED_VECTOR("svep", "uint8", 2)

/* Both lists in one string: the fpu feature's starts at the beginning and
 * skips SVE's own types, SVE's starts after the skip marker; both end with
 * the fpsr/fpcr flags. */
static const char vector_types[] =
	FPU_OWN_TYPES PK_SKIP SVE_OWN_TYPES PK_JOIN FPSTATUS_TYPES;
#define FPU_TYPES vector_types
#define SVE_TYPES (vector_types + sizeof(FPU_OWN_TYPES PK_SKIP) - 1)

static const char core_regs[] =
	PK_REGS(31, 8, "int")
	"x0\0" "x1\0" "x2\0" "x3\0" "x4\0" "x5\0" "x6\0" "x7\0" "x8\0" "x9\0"
	"x10\0" "x11\0" "x12\0" "x13\0" "x14\0" "x15\0" "x16\0" "x17\0"
	"x18\0" "x19\0" "x20\0" "x21\0" "x22\0" "x23\0" "x24\0" "x25\0"
	"x26\0" "x27\0" "x28\0" "x29\0" "x30\0"
	PK_REGS(1, 8, "data_ptr") "sp\0"
	PK_REGS(1, 8, "code_ptr") "pc\0"
	PK_REGS(1, 4, "cpsr_flags") "cpsr\0";

#define FPSTATUS_REGS \
	PK_REGS(1, 4, "fpsr_flags") "fpsr\0" PK_REGS(1, 4, "fpcr_flags") "fpcr\0"

static const char fpu_regs[] =
	PK_REGS(32, 16, "aarch64v")
	"v0\0" "v1\0" "v2\0" "v3\0" "v4\0" "v5\0" "v6\0" "v7\0" "v8\0" "v9\0"
	"v10\0" "v11\0" "v12\0" "v13\0" "v14\0" "v15\0" "v16\0" "v17\0"
	"v18\0" "v19\0" "v20\0" "v21\0" "v22\0" "v23\0" "v24\0" "v25\0"
	"v26\0" "v27\0" "v28\0" "v29\0" "v30\0" "v31\0"
	FPSTATUS_REGS;

/* z and p sizes are per 128-bit granule, times the feature's vq */
static const char sve_regs[] =
	PK_SCALED_REGS(32, 16, "svev")
	"z0\0" "z1\0" "z2\0" "z3\0" "z4\0" "z5\0" "z6\0" "z7\0" "z8\0" "z9\0"
	"z10\0" "z11\0" "z12\0" "z13\0" "z14\0" "z15\0" "z16\0" "z17\0"
	"z18\0" "z19\0" "z20\0" "z21\0" "z22\0" "z23\0" "z24\0" "z25\0"
	"z26\0" "z27\0" "z28\0" "z29\0" "z30\0" "z31\0"
	FPSTATUS_REGS
	PK_SCALED_REGS(17, 2, "svep")
	"p0\0" "p1\0" "p2\0" "p3\0" "p4\0" "p5\0" "p6\0" "p7\0" "p8\0" "p9\0"
	"p10\0" "p11\0" "p12\0" "p13\0" "p14\0" "p15\0" "ffr\0"
	PK_REGS(1, 8, "int") "vg\0";

static const char pauth_regs[] =
	PK_REGS(2, 8, "int") "pauth_dmask\0" "pauth_cmask\0";

/* a control register, not program state: gdb does not save it */
static const char mte_regs[] =
	PK_UNSAVED_REGS(1, 8, "uint64", "system") "tag_ctl\0";

static const char tls_regs[] = PK_REGS(1, 8, "data_ptr") "tpidr\0";
static const char tls2_regs[] =
	PK_REGS(2, 8, "data_ptr") "tpidr\0" "tpidr2\0";

static int build(struct gstub_tdesc *td, const struct gstub_aarch64_config *cfg)
{
	gstub_tdesc_init(td, GSTUB_ARCH_AARCH64, "aarch64");
	TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.aarch64.core",
					   core_types, core_regs, 1));
	if (cfg->sve_vq)
		TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.aarch64.sve",
						   SVE_TYPES, sve_regs,
						   cfg->sve_vq));
	else
		TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.aarch64.fpu",
						   FPU_TYPES, fpu_regs, 1));
	if (cfg->pauth)
		TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.aarch64.pauth",
						   NULL, pauth_regs, 1));
	if (cfg->mte)
		TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.aarch64.mte",
						   NULL, mte_regs, 1));
	if (cfg->tls)
		TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.aarch64.tls",
						   NULL,
						   cfg->tpidr2 ? tls2_regs
							       : tls_regs, 1));
	/* What gdbserver expedites: x29, sp, pc (and vg with SVE, which the
	 * engine can find by name). */
	td->fp_regnum = 29;
	td->sp_regnum = 31;
	td->pc_regnum = 32;
	td->status_regnum = 33;
	return 0;
}

int gstub_tdesc_aarch64(struct gstub_tdesc *td,
			const struct gstub_aarch64_config *cfg)
{
	int rc;

	if (!td || !cfg || cfg->sve_vq > 16 || (cfg->tpidr2 && !cfg->tls))
		return GSTUB_EINVAL;
	rc = build(td, cfg);
	/* Only a table too small (limits overridden at build time) can fail
	 * here; never hand out half a description. */
	if (rc < 0)
		gstub_tdesc_init(td, GSTUB_ARCH_NONE, NULL);
	return rc;
}
