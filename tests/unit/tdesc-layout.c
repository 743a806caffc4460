/*
 * Register maps of the built-in descriptions: numbering as gdb 13 numbers
 * them, offsets packed in regnum order, g_size the sum of all sizes.
 */
#include <stdio.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tap.h"
#include "tdesc-configs.h"

static struct gstub_tdesc td;

static const struct gstub_tdesc_reg *reg(const char *name)
{
	return gstub_tdesc_find_name(&td, name);
}

/* regnum and byte size of a named register */
static void is_reg(const char *name, uint32_t regnum, uint32_t bytes,
		   const char *what)
{
	const struct gstub_tdesc_reg *r = reg(name);

	ok(r && r->regnum == regnum && r->bitsize == bytes * 8,
	   "%s: %s is #%u, %u bytes (got #%d, %d bytes)", what, name,
	   (unsigned)regnum, (unsigned)bytes, r ? (int)r->regnum : -1,
	   r ? (int)(r->bitsize / 8) : -1);
}

/* The invariants every description must hold. */
static void check_packed(const char *what)
{
	uint32_t i, off = 0;
	bool ascending = true, packed = true, features = true;

	for (i = 0; i < td.nregs; i++) {
		if (i && td.regs[i].regnum <= td.regs[i - 1].regnum)
			ascending = false;
		if (td.regs[i].offset != off)
			packed = false;
		if (td.regs[i].feature >= td.nfeatures)
			features = false;
		off += td.regs[i].bitsize / 8;
	}
	ok(ascending, "%s: regnums ascend", what);
	ok(packed, "%s: offsets are packed in regnum order", what);
	ok(off == td.g_size, "%s: g_size %u is the sum of sizes %u", what,
	   (unsigned)td.g_size, (unsigned)off);
	ok(features, "%s: every register names a feature", what);
	ok(gstub_tdesc_find(&td, (uint32_t)td.pc_regnum) &&
	   gstub_tdesc_find(&td, (uint32_t)td.sp_regnum) &&
	   gstub_tdesc_find(&td, (uint32_t)td.fp_regnum) &&
	   gstub_tdesc_find(&td, (uint32_t)td.status_regnum),
	   "%s: expedited pc/sp/fp/status registers exist", what);
}

static void check_aarch64(int i)
{
	struct gstub_aarch64_config c = { 0 };
	char what[96];
	unsigned vq;
	uint32_t n, g, next;

	tdesc_aarch64_config(i, &c);
	ok(tdesc_build_config(i, &td, what, sizeof(what)) == 0, "%s: builds",
	   what);
	vq = c.sve_vq;
	check_packed(what);
	ok(td.arch == GSTUB_ARCH_AARCH64 && !strcmp(td.architecture, "aarch64"),
	   "%s: arch", what);
	ok(td.pc_regnum == 32 && td.sp_regnum == 31 && td.fp_regnum == 29 &&
	   td.status_regnum == 33, "%s: expedited regnums", what);
	is_reg("x0", 0, 8, what);
	is_reg("x30", 30, 8, what);
	is_reg("sp", 31, 8, what);
	is_reg("pc", 32, 8, what);
	is_reg("cpsr", 33, 4, what);
	is_reg("fpsr", 66, 4, what);
	is_reg("fpcr", 67, 4, what);
	if (vq == 0) {
		is_reg("v0", 34, 16, what);
		is_reg("v31", 65, 16, what);
		ok(!reg("z0") && !reg("vg"), "%s: no SVE registers", what);
		n = 68;
		g = 31 * 8 + 8 + 8 + 4 + 32 * 16 + 4 + 4;
		next = 68;
	} else {
		is_reg("z0", 34, 16 * vq, what);
		is_reg("z31", 65, 16 * vq, what);
		is_reg("p0", 68, 2 * vq, what);
		is_reg("p15", 83, 2 * vq, what);
		is_reg("ffr", 84, 2 * vq, what);
		is_reg("vg", 85, 8, what);
		ok(!reg("v0"), "%s: SVE replaces the fpu feature", what);
		n = 86;
		g = 31 * 8 + 8 + 8 + 4 + 32 * 16 * vq + 4 + 4 + 17 * 2 * vq + 8;
		next = 86;
	}
	if (c.pauth) {
		is_reg("pauth_dmask", next, 8, what);
		is_reg("pauth_cmask", next + 1, 8, what);
		n += 2, g += 16, next += 2;
	} else {
		ok(!reg("pauth_dmask"), "%s: no pauth", what);
	}
	if (c.mte) {
		const struct gstub_tdesc_reg *r = reg("tag_ctl");

		is_reg("tag_ctl", next, 8, what);
		ok(r && !r->save_restore && r->group &&
		   !strcmp(r->group, "system"),
		   "%s: tag_ctl is a system register gdb does not save", what);
		n += 1, g += 8, next += 1;
	} else {
		ok(!reg("tag_ctl"), "%s: no mte", what);
	}
	if (c.tls) {
		is_reg("tpidr", next, 8, what);
		n += 1, g += 8, next += 1;
		if (c.tpidr2) {
			is_reg("tpidr2", next, 8, what);
			n += 1, g += 8;
		} else {
			ok(!reg("tpidr2"), "%s: no tpidr2", what);
		}
	} else {
		ok(!reg("tpidr"), "%s: no tls", what);
	}
	ok(td.nregs == n, "%s: %u registers (got %u)", what, (unsigned)n,
	   (unsigned)td.nregs);
	ok(td.g_size == g, "%s: g is %u bytes (got %u)", what, (unsigned)g,
	   (unsigned)td.g_size);
}

static void check_arm(int i)
{
	const struct gstub_arm_config *c = &tdesc_arm_configs[i];
	char what[96];
	uint32_t nd, n, g;

	ok(tdesc_build_config(TDESC_N_AARCH64 + i, &td, what, sizeof(what)) == 0,
	   "%s: builds", what);
	check_packed(what);
	nd = c->fp == GSTUB_ARM_FP_NONE ? 0 : c->fp == GSTUB_ARM_FP_VFPV3 ? 32 : 16;
	ok(td.arch == (c->m_profile ? GSTUB_ARCH_ARM_M : GSTUB_ARCH_ARM) &&
	   !strcmp(td.architecture, "arm"), "%s: arch", what);
	ok(td.pc_regnum == 15 && td.sp_regnum == 13 &&
	   td.fp_regnum == (c->m_profile ? 7 : 11) && td.status_regnum == 25,
	   "%s: expedited regnums", what);
	is_reg("r0", 0, 4, what);
	is_reg("r12", 12, 4, what);
	is_reg("sp", 13, 4, what);
	is_reg("lr", 14, 4, what);
	is_reg("pc", 15, 4, what);
	is_reg(c->m_profile ? "xpsr" : "cpsr", 25, 4, what);
	ok(reg(c->m_profile ? "xpsr" : "cpsr")->offset == 64,
	   "%s: the FPA gap 16-24 takes no room in g", what);
	for (n = 16; n <= 24; n++)
		if (gstub_tdesc_find(&td, n))
			break;
	ok(n == 25, "%s: nothing numbered 16-24", what);
	n = 17, g = 17 * 4;
	if (nd) {
		is_reg("d0", 26, 8, what);
		ok(reg("d0")->offset == 68, "%s: d0 follows the status register",
		   what);
		is_reg(nd == 32 ? "d31" : "d15", 26 + nd - 1, 8, what);
		is_reg("fpscr", 26 + nd, 4, what);
		ok(nd == 32 || !reg("d16"), "%s: 16 D registers only", what);
		n += nd + 1, g += nd * 8 + 4;
	} else {
		ok(!reg("d0") && !reg("fpscr"), "%s: no VFP", what);
	}
	if (c->tls) {
		is_reg("tpidruro", 26 + (nd ? nd + 1 : 0), 4, what);
		n += 1, g += 4;
	}
	if (c->neon_q) {
		uint32_t q0 = 26 + nd + 1 + (c->tls ? 1 : 0);

		is_reg("q0", q0, 16, what);
		is_reg("q15", q0 + 15, 16, what);
		ok(td.derived_low == gstub_tdesc_neon_q_low &&
		   gstub_tdesc_neon_q_low(&td, reg("q0")) == reg("d0") &&
		   gstub_tdesc_neon_q_low(&td, reg("q15")) == reg("d30"),
		   "%s: q0 is served from d0:d1, q15 from d30:d31", what);
		n += 16, g += 16 * 16;
	} else {
		ok(!reg("q0") && !td.derived_low,
		   "%s: no q registers listed, none derived", what);
	}
	ok(!gstub_tdesc_neon_q_low(&td, reg("r0")) &&
	   (!nd || !gstub_tdesc_neon_q_low(&td, reg("d0"))),
	   "%s: only q registers are served from others", what);
	ok(td.nregs == n, "%s: %u registers (got %u)", what, (unsigned)n,
	   (unsigned)td.nregs);
	ok(td.g_size == g, "%s: g is %u bytes (got %u)", what, (unsigned)g,
	   (unsigned)td.g_size);
}

static void check_x86_64(void)
{
	char what[96];

	ok(tdesc_build_config(TDESC_N_CONFIGS - 1, &td, what, sizeof(what)) == 0,
	   "x86-64: builds");
	check_packed(what);
	ok(td.arch == GSTUB_ARCH_X86_64 &&
	   !strcmp(td.architecture, "i386:x86-64") && td.osabi &&
	   !strcmp(td.osabi, "GNU/Linux"), "x86-64: arch and osabi");
	ok(td.pc_regnum == 16 && td.sp_regnum == 7 && td.fp_regnum == 6 &&
	   td.status_regnum == 17, "x86-64: expedited rip, rsp, rbp, eflags");
	is_reg("rax", 0, 8, what);
	is_reg("rbp", 6, 8, what);
	is_reg("rsp", 7, 8, what);
	is_reg("r15", 15, 8, what);
	is_reg("rip", 16, 8, what);
	is_reg("eflags", 17, 4, what);
	is_reg("cs", 18, 4, what);
	is_reg("gs", 23, 4, what);
	is_reg("st0", 24, 10, what);
	is_reg("st7", 31, 10, what);
	is_reg("fctrl", 32, 4, what);
	is_reg("fop", 39, 4, what);
	is_reg("xmm0", 40, 16, what);
	is_reg("xmm15", 55, 16, what);
	is_reg("mxcsr", 56, 4, what);
	is_reg("orig_rax", 57, 8, what);
	is_reg("fs_base", 58, 8, what);
	is_reg("gs_base", 59, 8, what);
	ok(td.nregs == 60, "x86-64: 60 registers");
	ok(td.g_size == 17 * 8 + 4 + 6 * 4 + 8 * 10 + 8 * 4 + 16 * 16 + 4 + 3 * 8,
	   "x86-64: g is %u bytes", (unsigned)td.g_size);
	ok(reg("xmm0")->offset == 17 * 8 + 4 + 6 * 4 + 8 * 10 + 8 * 4,
	   "x86-64: xmm0 offset");
}

int main(void)
{
	int i;

	for (i = 0; i < TDESC_N_AARCH64; i++)
		check_aarch64(i);
	for (i = 0; i < TDESC_N_ARM; i++)
		check_arm(i);
	check_x86_64();

	/* The example from the brief: SVE at 512 bits plus pauth. */
	{
		struct gstub_aarch64_config c = { .sve_vq = 4, .pauth = true };

		ok(gstub_tdesc_aarch64(&td, &c) == 0 && td.nregs == 88,
		   "aarch64 SVE vq=4 + pauth has 88 registers");
		ok(td.g_size == 31 * 8 + 8 + 8 + 4 + 32 * 64 + 4 + 4 + 17 * 8 + 8 + 16,
		   "aarch64 SVE vq=4 + pauth g size");
	}
	/* The largest: SVE 2048 bits with everything, within the limits. */
	{
		struct gstub_aarch64_config c = { .sve_vq = 16, .pauth = true,
						  .mte = true, .tls = true,
						  .tpidr2 = true };

		ok(gstub_tdesc_aarch64(&td, &c) == 0 && td.nregs == 91 &&
		   td.nregs <= GSTUB_TDESC_MAX_REGS &&
		   td.ntypes <= GSTUB_TDESC_MAX_TYPES,
		   "largest AArch64 description fits (%u regs, %u types)",
		   (unsigned)td.nregs, (unsigned)td.ntypes);
		ok(reg("z31")->offset + 256 == reg("fpsr")->offset,
		   "z registers are 256 bytes at 2048 bits");
	}
	return tap_done();
}
