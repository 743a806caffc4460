/*
 * AArch64 descriptions in the shape gdb 13 builds for itself (core, then
 * fpu or SVE, then pauth, MTE, TLS), so register numbers, types and the
 * `g` layout match what gdb expects from gdbserver on the same machine.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"

static const char *const x_names[] = {
	"x0", "x1", "x2", "x3", "x4", "x5", "x6", "x7",
	"x8", "x9", "x10", "x11", "x12", "x13", "x14", "x15",
	"x16", "x17", "x18", "x19", "x20", "x21", "x22", "x23",
	"x24", "x25", "x26", "x27", "x28", "x29", "x30",
};

static const char *const v_names[] = {
	"v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7",
	"v8", "v9", "v10", "v11", "v12", "v13", "v14", "v15",
	"v16", "v17", "v18", "v19", "v20", "v21", "v22", "v23",
	"v24", "v25", "v26", "v27", "v28", "v29", "v30", "v31",
};

static const char *const z_names[] = {
	"z0", "z1", "z2", "z3", "z4", "z5", "z6", "z7",
	"z8", "z9", "z10", "z11", "z12", "z13", "z14", "z15",
	"z16", "z17", "z18", "z19", "z20", "z21", "z22", "z23",
	"z24", "z25", "z26", "z27", "z28", "z29", "z30", "z31",
};

/* p0-p15 then ffr: all predicate-sized */
static const char *const p_names[] = {
	"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7",
	"p8", "p9", "p10", "p11", "p12", "p13", "p14", "p15", "ffr",
};

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
	TRY(gstub_tdesc_add_reg_range(td, x_names, GSTUB_ARRAY_LEN(x_names),
				      64, "int", NULL, 0));
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
	TRY(gstub_tdesc_add_reg_range(td, v_names, GSTUB_ARRAY_LEN(v_names),
				      128, "aarch64v", NULL,
				      GSTUB_TDESC_REGNUM_NEXT));
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

	TRY(gstub_tdesc_add_reg_range(td, z_names, GSTUB_ARRAY_LEN(z_names),
				      128 * vq, "svev", NULL,
				      GSTUB_TDESC_REGNUM_NEXT));
	TRY(gstub_tdesc_add_one_reg(td, "fpsr", 32, "fpsr_flags", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "fpcr", 32, "fpcr_flags", NULL));
	TRY(gstub_tdesc_add_reg_range(td, p_names, GSTUB_ARRAY_LEN(p_names),
				      16 * vq, "svep", NULL,
				      GSTUB_TDESC_REGNUM_NEXT));
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
