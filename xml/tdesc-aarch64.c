/*
 * AArch64 descriptions in the shape gdb 13 builds for itself (core, then
 * fpu or SVE, then pauth, MTE, TLS), so register numbers, types and the
 * `g` layout match what gdb expects from gdbserver on the same machine.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"

/* Register names, each list one string of NUL-terminated names: no table
 * of pointers (8 bytes a name on LP64). */
static const char x_names[] =
	"x0\0" "x1\0" "x2\0" "x3\0" "x4\0" "x5\0" "x6\0" "x7\0" "x8\0" "x9\0"
	"x10\0" "x11\0" "x12\0" "x13\0" "x14\0" "x15\0" "x16\0" "x17\0"
	"x18\0" "x19\0" "x20\0" "x21\0" "x22\0" "x23\0" "x24\0" "x25\0"
	"x26\0" "x27\0" "x28\0" "x29\0" "x30\0";

static const char v_names[] =
	"v0\0" "v1\0" "v2\0" "v3\0" "v4\0" "v5\0" "v6\0" "v7\0" "v8\0" "v9\0"
	"v10\0" "v11\0" "v12\0" "v13\0" "v14\0" "v15\0" "v16\0" "v17\0"
	"v18\0" "v19\0" "v20\0" "v21\0" "v22\0" "v23\0" "v24\0" "v25\0"
	"v26\0" "v27\0" "v28\0" "v29\0" "v30\0" "v31\0";

static const char z_names[] =
	"z0\0" "z1\0" "z2\0" "z3\0" "z4\0" "z5\0" "z6\0" "z7\0" "z8\0" "z9\0"
	"z10\0" "z11\0" "z12\0" "z13\0" "z14\0" "z15\0" "z16\0" "z17\0"
	"z18\0" "z19\0" "z20\0" "z21\0" "z22\0" "z23\0" "z24\0" "z25\0"
	"z26\0" "z27\0" "z28\0" "z29\0" "z30\0" "z31\0";

/* p0-p15 then ffr: all predicate-sized */
static const char p_names[] =
	"p0\0" "p1\0" "p2\0" "p3\0" "p4\0" "p5\0" "p6\0" "p7\0" "p8\0" "p9\0"
	"p10\0" "p11\0" "p12\0" "p13\0" "p14\0" "p15\0" "ffr\0";

/* ----- core ----- */

static const struct gstub_tdesc_field cpsr_fields[] = {
	BIT("SP", 0), BITS("EL", 2, 3), BIT("nRW", 4), BIT("F", 6),
	BIT("I", 7), BIT("A", 8), BIT("D", 9), BITS("BTYPE", 10, 11),
	BIT("SSBS", 12), BIT("IL", 20), BIT("SS", 21), BIT("PAN", 22),
	BIT("UAO", 23), BIT("DIT", 24), BIT("TCO", 25), BIT("V", 28),
	BIT("C", 29), BIT("Z", 30), BIT("N", 31),
};

static const struct gstub_tdesc_type core_types[] = {
	{ .id = "cpsr_flags", .kind = GSTUB_TYPE_FLAGS, .size = 4,
	  .fields = cpsr_fields, .nfields = GSTUB_ARRAY_LEN(cpsr_fields) },
};

/* ----- fpsr/fpcr, shared by the fpu and SVE features ----- */

static const struct gstub_tdesc_field fpsr_fields[] = {
	BIT("IOC", 0), BIT("DZC", 1), BIT("OFC", 2), BIT("UFC", 3),
	BIT("IXC", 4), BIT("IDC", 7), BIT("QC", 27), BIT("V", 28),
	BIT("C", 29), BIT("Z", 30), BIT("N", 31),
};

static const struct gstub_tdesc_field fpcr_fields[] = {
	BIT("FIZ", 0), BIT("AH", 1), BIT("NEP", 2), BIT("IOE", 8),
	BIT("DZE", 9), BIT("OFE", 10), BIT("UFE", 11), BIT("IXE", 12),
	BIT("EBF", 13), BIT("IDE", 15), BITS("Len", 16, 18), BIT("FZ16", 19),
	BITS("Stride", 20, 21), BITS("RMode", 22, 23), BIT("FZ", 24),
	BIT("DN", 25), BIT("AHP", 26),
};

static const struct gstub_tdesc_type fpstatus_types[] = {
	{ .id = "fpsr_flags", .kind = GSTUB_TYPE_FLAGS, .size = 4,
	  .fields = fpsr_fields, .nfields = GSTUB_ARRAY_LEN(fpsr_fields) },
	{ .id = "fpcr_flags", .kind = GSTUB_TYPE_FLAGS, .size = 4,
	  .fields = fpcr_fields, .nfields = GSTUB_ARRAY_LEN(fpcr_fields) },
};

/* ----- Advanced SIMD (fpu) ----- */

static const struct gstub_tdesc_field vnd_fields[] = {
	MEMBER("f", "v2d"), MEMBER("u", "v2u"), MEMBER("s", "v2i"),
};
static const struct gstub_tdesc_field vns_fields[] = {
	MEMBER("f", "v4f"), MEMBER("u", "v4u"), MEMBER("s", "v4i"),
};
static const struct gstub_tdesc_field vnh_fields[] = {
	MEMBER("bf", "v8bf16"), MEMBER("f", "v8f"), MEMBER("u", "v8u"),
	MEMBER("s", "v8i"),
};
static const struct gstub_tdesc_field vnb_fields[] = {
	MEMBER("u", "v16u"), MEMBER("s", "v16i"),
};
static const struct gstub_tdesc_field vnq_fields[] = {
	MEMBER("u", "v1u"), MEMBER("s", "v1i"),
};
static const struct gstub_tdesc_field aarch64v_fields[] = {
	MEMBER("d", "vnd"), MEMBER("s", "vns"), MEMBER("h", "vnh"),
	MEMBER("b", "vnb"), MEMBER("q", "vnq"),
};

static const struct gstub_tdesc_type fpu_types[] = {
	VEC("v2d", "ieee_double", 2), VEC("v2u", "uint64", 2),
	VEC("v2i", "int64", 2), VEC("v4f", "ieee_single", 4),
	VEC("v4u", "uint32", 4), VEC("v4i", "int32", 4),
	VEC("v8f", "ieee_half", 8), VEC("v8u", "uint16", 8),
	VEC("v8i", "int16", 8), VEC("v8bf16", "bfloat16", 8),
	VEC("v16u", "uint8", 16), VEC("v16i", "int8", 16),
	VEC("v1u", "uint128", 1), VEC("v1i", "int128", 1),
	UNION("vnd", vnd_fields), UNION("vns", vns_fields),
	UNION("vnh", vnh_fields), UNION("vnb", vnb_fields),
	UNION("vnq", vnq_fields), UNION("aarch64v", aarch64v_fields),
};

/* ----- SVE: element counts scale with the vector length ----- */

/* Element type and elements per 128-bit granule of each Z view. */
static const struct {
	const char *id;
	const char *elem;
	uint8_t per_vq;
} sve_vectors[] = {
	{ "svevqu", "uint128", 1 }, { "svevqs", "int128", 1 },
	{ "svevdf", "ieee_double", 2 }, { "svevdu", "uint64", 2 },
	{ "svevds", "int64", 2 }, { "svevsf", "ieee_single", 4 },
	{ "svevsu", "uint32", 4 }, { "svevss", "int32", 4 },
	{ "svevhf", "ieee_half", 8 }, { "svevhu", "uint16", 8 },
	{ "svevhs", "int16", 8 }, { "svevbu", "uint8", 16 },
	{ "svevbs", "int8", 16 },
};

static const struct gstub_tdesc_field svevnq_fields[] = {
	MEMBER("u", "svevqu"), MEMBER("s", "svevqs"),
};
static const struct gstub_tdesc_field svevnd_fields[] = {
	MEMBER("f", "svevdf"), MEMBER("u", "svevdu"), MEMBER("s", "svevds"),
};
static const struct gstub_tdesc_field svevns_fields[] = {
	MEMBER("f", "svevsf"), MEMBER("u", "svevsu"), MEMBER("s", "svevss"),
};
static const struct gstub_tdesc_field svevnh_fields[] = {
	MEMBER("f", "svevhf"), MEMBER("u", "svevhu"), MEMBER("s", "svevhs"),
};
static const struct gstub_tdesc_field svevnb_fields[] = {
	MEMBER("u", "svevbu"), MEMBER("s", "svevbs"),
};
static const struct gstub_tdesc_field svev_fields[] = {
	MEMBER("q", "svevnq"), MEMBER("d", "svevnd"), MEMBER("s", "svevns"),
	MEMBER("h", "svevnh"), MEMBER("b", "svevnb"),
};

static const struct gstub_tdesc_type sve_unions[] = {
	UNION("svevnq", svevnq_fields), UNION("svevnd", svevnd_fields),
	UNION("svevns", svevns_fields), UNION("svevnh", svevnh_fields),
	UNION("svevnb", svevnb_fields), UNION("svev", svev_fields),
};

static int add_core(struct gstub_tdesc *td)
{
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.aarch64.core"));
	TRY(gstub_tdesc_add_types(td, core_types, GSTUB_ARRAY_LEN(core_types)));
	TRY(gstub_tdesc_add_packed_regs(td, x_names, 31, 64, "int", NULL, 0));
	TRY(gstub_tdesc_add_one_reg(td, "sp", 64, "data_ptr", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "pc", 64, "code_ptr", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "cpsr", 32, "cpsr_flags", NULL));
	return 0;
}

static int add_fpu(struct gstub_tdesc *td)
{
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.aarch64.fpu"));
	TRY(gstub_tdesc_add_types(td, fpu_types, GSTUB_ARRAY_LEN(fpu_types)));
	TRY(gstub_tdesc_add_types(td, fpstatus_types,
				  GSTUB_ARRAY_LEN(fpstatus_types)));
	TRY(gstub_tdesc_add_packed_regs(td, v_names, 32, 128, "aarch64v",
					NULL, GSTUB_TDESC_REGNUM_NEXT));
	TRY(gstub_tdesc_add_one_reg(td, "fpsr", 32, "fpsr_flags", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "fpcr", 32, "fpcr_flags", NULL));
	return 0;
}

static int add_sve(struct gstub_tdesc *td, unsigned vq)
{
	struct gstub_tdesc_type t;
	uint32_t i;

	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.aarch64.sve"));
	/* The vector types live in td (their counts depend on vq); field
	 * tables stay const. */
	for (i = 0; i < GSTUB_ARRAY_LEN(sve_vectors); i++) {
		memset(&t, 0, sizeof(t));
		t.id = sve_vectors[i].id;
		t.kind = GSTUB_TYPE_VECTOR;
		t.elem = sve_vectors[i].elem;
		t.count = sve_vectors[i].per_vq * vq;
		TRY(gstub_tdesc_add_type(td, &t));
	}
	TRY(gstub_tdesc_add_types(td, sve_unions, GSTUB_ARRAY_LEN(sve_unions)));
	memset(&t, 0, sizeof(t));
	t.id = "svep";
	t.kind = GSTUB_TYPE_VECTOR;
	t.elem = "uint8";
	t.count = 2 * vq;
	TRY(gstub_tdesc_add_type(td, &t));
	TRY(gstub_tdesc_add_types(td, fpstatus_types,
				  GSTUB_ARRAY_LEN(fpstatus_types)));

	TRY(gstub_tdesc_add_packed_regs(td, z_names, 32, 128 * vq, "svev",
					NULL, GSTUB_TDESC_REGNUM_NEXT));
	TRY(gstub_tdesc_add_one_reg(td, "fpsr", 32, "fpsr_flags", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "fpcr", 32, "fpcr_flags", NULL));
	TRY(gstub_tdesc_add_packed_regs(td, p_names, 17, 16 * vq, "svep",
					NULL, GSTUB_TDESC_REGNUM_NEXT));
	TRY(gstub_tdesc_add_one_reg(td, "vg", 64, "int", NULL));
	return 0;
}

static int add_pauth(struct gstub_tdesc *td)
{
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.aarch64.pauth"));
	TRY(gstub_tdesc_add_one_reg(td, "pauth_dmask", 64, "int", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "pauth_cmask", 64, "int", NULL));
	return 0;
}

static int add_mte(struct gstub_tdesc *td)
{
	struct gstub_tdesc_reg r;

	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.aarch64.mte"));
	memset(&r, 0, sizeof(r));
	r.name = "tag_ctl";
	r.bitsize = 64;
	r.type = "uint64";
	r.group = "system";
	r.save_restore = false; /* a control register, not program state */
	r.regnum = GSTUB_TDESC_REGNUM_NEXT;
	return gstub_tdesc_add_reg(td, &r);
}

static int add_tls(struct gstub_tdesc *td, bool tpidr2)
{
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.aarch64.tls"));
	TRY(gstub_tdesc_add_one_reg(td, "tpidr", 64, "data_ptr", NULL));
	if (tpidr2)
		TRY(gstub_tdesc_add_one_reg(td, "tpidr2", 64, "data_ptr", NULL));
	return 0;
}

static int build(struct gstub_tdesc *td, const struct gstub_aarch64_config *cfg)
{
	gstub_tdesc_init(td, GSTUB_ARCH_AARCH64, "aarch64");
	TRY(add_core(td));
	if (cfg->sve_vq)
		TRY(add_sve(td, cfg->sve_vq));
	else
		TRY(add_fpu(td));
	if (cfg->pauth)
		TRY(add_pauth(td));
	if (cfg->mte)
		TRY(add_mte(td));
	if (cfg->tls)
		TRY(add_tls(td, cfg->tpidr2));
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
