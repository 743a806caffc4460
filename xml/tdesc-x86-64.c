/*
 * x86-64 as gdbserver describes a Linux process without AVX: core (general,
 * segment and x87 registers), SSE, orig_rax, fs_base/gs_base.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

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

/* Types in the compact form of tdesc-packed.h. eflags bit 1 is always
 * set and has no name, as in gdb's own description. */
static const char core_types[] =
	PK_FLAGS("i386_eflags", 4, 17)
	PK_BIT("CF", 0) PK_BIT("", 1) PK_BIT("PF", 2) PK_BIT("AF", 4)
	PK_BIT("ZF", 6) PK_BIT("SF", 7) PK_BIT("TF", 8) PK_BIT("IF", 9)
	PK_BIT("DF", 10) PK_BIT("OF", 11) PK_BIT("NT", 14) PK_BIT("RF", 16)
	PK_BIT("VM", 17) PK_BIT("AC", 18) PK_BIT("VIF", 19) PK_BIT("VIP", 20)
	PK_BIT("ID", 21);

static const char sse_types[] =
	PK_VECTOR("v8bf16", "bfloat16", 8) PK_VECTOR("v8h", "ieee_half", 8)
	PK_VECTOR("v4f", "ieee_single", 4) PK_VECTOR("v2d", "ieee_double", 2)
	PK_VECTOR("v16i8", "int8", 16) PK_VECTOR("v8i16", "int16", 8)
	PK_VECTOR("v4i32", "int32", 4) PK_VECTOR("v2i64", "int64", 2)
	PK_UNION("vec128", 9)
	PK_MEMBER("v8_bfloat16", "v8bf16") PK_MEMBER("v8_half", "v8h")
	PK_MEMBER("v4_float", "v4f") PK_MEMBER("v2_double", "v2d")
	PK_MEMBER("v16_int8", "v16i8") PK_MEMBER("v8_int16", "v8i16")
	PK_MEMBER("v4_int32", "v4i32") PK_MEMBER("v2_int64", "v2i64")
	PK_MEMBER("uint128", "uint128")
	PK_FLAGS("i386_mxcsr", 4, 14)
	PK_BIT("IE", 0) PK_BIT("DE", 1) PK_BIT("ZE", 2) PK_BIT("OE", 3)
	PK_BIT("UE", 4) PK_BIT("PE", 5) PK_BIT("DAZ", 6) PK_BIT("IM", 7)
	PK_BIT("DM", 8) PK_BIT("ZM", 9) PK_BIT("OM", 10) PK_BIT("UM", 11)
	PK_BIT("PM", 12) PK_BIT("FZ", 15);

static int add_core(struct gstub_tdesc *td)
{
	uint32_t i;

	TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.i386.core",
					   core_types, NULL, 1));
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
	TRY(gstub_tdesc_add_packed_feature(td, "org.gnu.gdb.i386.sse",
					   sse_types, NULL, 1));
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
