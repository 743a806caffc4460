/*
 * x86-64 as gdbserver describes a Linux process without AVX: core (general,
 * segment and x87 registers), SSE, orig_rax, fs_base/gs_base.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"

static const char *const gp_names[] = {
	"rax", "rbx", "rcx", "rdx", "rsi", "rdi", "rbp", "rsp",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15",
};

static const char *const seg_names[] = { "cs", "ss", "ds", "es", "fs", "gs" };

static const char *const st_names[] = {
	"st0", "st1", "st2", "st3", "st4", "st5", "st6", "st7",
};

static const char *const x87_ctl_names[] = {
	"fctrl", "fstat", "ftag", "fiseg", "fioff", "foseg", "fooff", "fop",
};

static const char *const xmm_names[] = {
	"xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7",
	"xmm8", "xmm9", "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15",
};

static const struct gstub_tdesc_field eflags_fields[] = {
	BIT("CF", 0), BIT("", 1), BIT("PF", 2), BIT("AF", 4), BIT("ZF", 6),
	BIT("SF", 7), BIT("TF", 8), BIT("IF", 9), BIT("DF", 10), BIT("OF", 11),
	BIT("NT", 14), BIT("RF", 16), BIT("VM", 17), BIT("AC", 18),
	BIT("VIF", 19), BIT("VIP", 20), BIT("ID", 21),
};

static const struct gstub_tdesc_type core_types[] = {
	FLAGS("i386_eflags", 4, eflags_fields),
};

static const struct gstub_tdesc_field vec128_fields[] = {
	MEMBER("v8_bfloat16", "v8bf16"), MEMBER("v8_half", "v8h"),
	MEMBER("v4_float", "v4f"), MEMBER("v2_double", "v2d"),
	MEMBER("v16_int8", "v16i8"), MEMBER("v8_int16", "v8i16"),
	MEMBER("v4_int32", "v4i32"), MEMBER("v2_int64", "v2i64"),
	MEMBER("uint128", "uint128"),
};

static const struct gstub_tdesc_field mxcsr_fields[] = {
	BIT("IE", 0), BIT("DE", 1), BIT("ZE", 2), BIT("OE", 3), BIT("UE", 4),
	BIT("PE", 5), BIT("DAZ", 6), BIT("IM", 7), BIT("DM", 8), BIT("ZM", 9),
	BIT("OM", 10), BIT("UM", 11), BIT("PM", 12), BIT("FZ", 15),
};

static const struct gstub_tdesc_type sse_types[] = {
	VEC("v8bf16", "bfloat16", 8), VEC("v8h", "ieee_half", 8),
	VEC("v4f", "ieee_single", 4), VEC("v2d", "ieee_double", 2),
	VEC("v16i8", "int8", 16), VEC("v8i16", "int16", 8),
	VEC("v4i32", "int32", 4), VEC("v2i64", "int64", 2),
	UNION("vec128", vec128_fields),
	FLAGS("i386_mxcsr", 4, mxcsr_fields),
};

static int add_core(struct gstub_tdesc *td)
{
	uint32_t i;

	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.i386.core"));
	TRY(gstub_tdesc_add_types(td, core_types, GSTUB_ARRAY_LEN(core_types)));
	/* rbp and rsp are pointers, the rest plain 64-bit integers */
	for (i = 0; i < GSTUB_ARRAY_LEN(gp_names); i++)
		TRY(gstub_tdesc_add_one_reg(td, gp_names[i], 64,
					    i == 6 || i == 7 ? "data_ptr"
							     : "int64",
					    NULL));
	TRY(gstub_tdesc_add_one_reg(td, "rip", 64, "code_ptr", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "eflags", 32, "i386_eflags", NULL));
	TRY(gstub_tdesc_add_reg_range(td, seg_names, GSTUB_ARRAY_LEN(seg_names),
				      32, "int32", NULL,
				      GSTUB_TDESC_REGNUM_NEXT));
	TRY(gstub_tdesc_add_reg_range(td, st_names, GSTUB_ARRAY_LEN(st_names),
				      80, "i387_ext", NULL,
				      GSTUB_TDESC_REGNUM_NEXT));
	return gstub_tdesc_add_reg_range(td, x87_ctl_names,
					 GSTUB_ARRAY_LEN(x87_ctl_names), 32,
					 "int", "float",
					 GSTUB_TDESC_REGNUM_NEXT);
}

static int add_sse(struct gstub_tdesc *td)
{
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.i386.sse"));
	TRY(gstub_tdesc_add_types(td, sse_types, GSTUB_ARRAY_LEN(sse_types)));
	TRY(gstub_tdesc_add_reg_range(td, xmm_names, GSTUB_ARRAY_LEN(xmm_names),
				      128, "vec128", NULL,
				      GSTUB_TDESC_REGNUM_NEXT));
	return gstub_tdesc_add_one_reg(td, "mxcsr", 32, "i386_mxcsr", "vector");
}

static int build(struct gstub_tdesc *td)
{
	gstub_tdesc_init(td, GSTUB_ARCH_X86_64, "i386:x86-64");
	td->osabi = "GNU/Linux";
	TRY(add_core(td));
	TRY(add_sse(td));
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.i386.linux"));
	TRY(gstub_tdesc_add_one_reg(td, "orig_rax", 64, "int", NULL));
	TRY(gstub_tdesc_add_feature(td, "org.gnu.gdb.i386.segments"));
	TRY(gstub_tdesc_add_one_reg(td, "fs_base", 64, "int", NULL));
	TRY(gstub_tdesc_add_one_reg(td, "gs_base", 64, "int", NULL));
	/* gdbserver expedites rbp, rsp, rip */
	td->fp_regnum = 6;
	td->sp_regnum = 7;
	td->pc_regnum = 16;
	td->status_regnum = 17;
	return 0;
}

int gstub_tdesc_x86_64(struct gstub_tdesc *td)
{
	int rc;

	if (!td)
		return GSTUB_EINVAL;
	rc = build(td);
	if (rc < 0)
		gstub_tdesc_init(td, GSTUB_ARCH_NONE, NULL);
	return rc;
}
