/*
 * Lookups by number and name, the builder's refusals, and configurations
 * that cannot exist (GSTUB_EINVAL).
 */
#include <stdio.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tap.h"
#include "tdesc-configs.h"

static struct gstub_tdesc td;

static void lookups(void)
{
	char what[96];
	bool all = true, names = true;
	int i;
	uint32_t r, n;

	for (i = 0; i < TDESC_N_CONFIGS; i++) {
		tdesc_build_config(i, &td, what, sizeof(what));
		for (r = 0, n = 0; r < 200; r++) {
			const struct gstub_tdesc_reg *g = gstub_tdesc_find(&td, r);

			if (g) {
				n++;
				if (g->regnum != r ||
				    gstub_tdesc_find_name(&td, g->name) != g)
					names = false;
			}
		}
		if (n != td.nregs)
			all = false;
	}
	ok(all, "find() reaches every register of every configuration");
	ok(names, "find_name() agrees with find() everywhere");

	gstub_tdesc_arm(&td, &(struct gstub_arm_config){ .fp = GSTUB_ARM_FP_VFPV3 });
	ok(gstub_tdesc_find(&td, 16) == NULL && gstub_tdesc_find(&td, 24) == NULL,
	   "arm: the FPA numbers 16-24 are not registers");
	ok(gstub_tdesc_find(&td, 59) == NULL && gstub_tdesc_find(&td, UINT32_MAX) == NULL,
	   "arm: numbers past the last register are not registers");
	ok(gstub_tdesc_find_name(&td, "d3")->regnum == 29, "arm: d3 is 29");
	ok(gstub_tdesc_find_name(&td, "d") == NULL &&
	   gstub_tdesc_find_name(&td, "d31x") == NULL &&
	   gstub_tdesc_find_name(&td, "") == NULL &&
	   gstub_tdesc_find_name(&td, NULL) == NULL,
	   "find_name: partial, longer, empty and NULL names miss");
	ok(gstub_tdesc_find(NULL, 0) == NULL &&
	   gstub_tdesc_find_name(NULL, "pc") == NULL, "NULL description");
}

static void bad_configs(void)
{
	struct gstub_aarch64_config a = { 0 };
	struct gstub_arm_config m = { 0 };

	a.sve_vq = 17;
	ok(gstub_tdesc_aarch64(&td, &a) == GSTUB_EINVAL, "aarch64 vq 17: EINVAL");
	a.sve_vq = 1000;
	ok(gstub_tdesc_aarch64(&td, &a) == GSTUB_EINVAL, "aarch64 vq 1000: EINVAL");
	a.sve_vq = 0;
	a.tpidr2 = true;
	ok(gstub_tdesc_aarch64(&td, &a) == GSTUB_EINVAL,
	   "aarch64 tpidr2 without tls: EINVAL");
	ok(gstub_tdesc_aarch64(&td, NULL) == GSTUB_EINVAL &&
	   gstub_tdesc_aarch64(NULL, &a) == GSTUB_EINVAL, "aarch64 NULL: EINVAL");

	m.neon = true;
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL, "arm neon without VFP: EINVAL");
	m.fp = GSTUB_ARM_FP_VFPV2;
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL, "arm neon with VFPv2: EINVAL");
	m.fp = GSTUB_ARM_FP_VFPV3_D16;
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL,
	   "arm neon with VFPv3-D16: EINVAL");
	m = (struct gstub_arm_config){ .m_profile = true, .fp = GSTUB_ARM_FP_VFPV3 };
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL, "arm-m with 32 D: EINVAL");
	m = (struct gstub_arm_config){ .m_profile = true, .tls = true };
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL, "arm-m with tls: EINVAL");
	m = (struct gstub_arm_config){ .fp = (enum gstub_arm_fp)7 };
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL, "arm unknown fp: EINVAL");
	m = (struct gstub_arm_config){ .fp = (enum gstub_arm_fp)-1 };
	ok(gstub_tdesc_arm(&td, &m) == GSTUB_EINVAL, "arm negative fp: EINVAL");
	ok(gstub_tdesc_arm(&td, NULL) == GSTUB_EINVAL &&
	   gstub_tdesc_arm(NULL, &m) == GSTUB_EINVAL, "arm NULL: EINVAL");
	ok(gstub_tdesc_x86_64(NULL) == GSTUB_EINVAL, "x86-64 NULL: EINVAL");
}

static struct gstub_tdesc_reg mkreg(const char *name, uint32_t bits,
				    uint32_t regnum)
{
	struct gstub_tdesc_reg r = { .name = name, .bitsize = bits,
				     .regnum = regnum, .save_restore = true };
	return r;
}

static void builder(void)
{
	static const struct gstub_tdesc_field f1[] = { { "a", "int8", -1, -1 } };
	struct gstub_tdesc_type t = { .id = "v", .kind = GSTUB_TYPE_VECTOR,
				      .elem = "uint8", .count = 4 };
	struct gstub_tdesc_reg r = mkreg("r", 32, GSTUB_TDESC_REGNUM_NEXT);
	int i, rc;

	gstub_tdesc_init(&td, GSTUB_ARCH_NONE, NULL);
	ok(td.pc_regnum == -1 && td.sp_regnum == -1 && td.fp_regnum == -1 &&
	   td.status_regnum == -1 && td.nregs == 0 && td.g_size == 0,
	   "init: empty, expedited regnums -1");
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "reg before a feature: EINVAL");
	ok(gstub_tdesc_add_type(&td, &t) == GSTUB_EINVAL, "type before a feature: EINVAL");
	ok(gstub_tdesc_add_feature(&td, "") == GSTUB_EINVAL &&
	   gstub_tdesc_add_feature(&td, NULL) == GSTUB_EINVAL,
	   "empty feature name: EINVAL");
	ok(gstub_tdesc_add_feature(&td, "f") == 0, "first feature is index 0");

	ok(gstub_tdesc_add_type(&td, &t) == 0, "vector type added");
	t.count = 0;
	ok(gstub_tdesc_add_type(&td, &t) == GSTUB_EINVAL, "vector of 0: EINVAL");
	t = (struct gstub_tdesc_type){ .id = "u", .kind = GSTUB_TYPE_UNION };
	ok(gstub_tdesc_add_type(&td, &t) == GSTUB_EINVAL, "union without fields: EINVAL");
	t.fields = f1;
	t.nfields = 1;
	ok(gstub_tdesc_add_type(&td, &t) == 0, "union added");
	t.kind = 9;
	ok(gstub_tdesc_add_type(&td, &t) == GSTUB_EINVAL, "unknown kind: EINVAL");
	t = (struct gstub_tdesc_type){ .id = "fl", .kind = GSTUB_TYPE_FLAGS };
	ok(gstub_tdesc_add_type(&td, &t) == GSTUB_EINVAL, "flags without size: EINVAL");
	t.id = "";
	t.size = 4;
	ok(gstub_tdesc_add_type(&td, &t) == GSTUB_EINVAL, "empty type id: EINVAL");

	r = mkreg("r", 0, GSTUB_TDESC_REGNUM_NEXT);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "bitsize 0: EINVAL");
	r = mkreg("r", 12, GSTUB_TDESC_REGNUM_NEXT);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "bitsize 12: EINVAL");
	r = mkreg("", 32, GSTUB_TDESC_REGNUM_NEXT);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "empty name: EINVAL");
	r = mkreg("a", 32, 10);
	ok(gstub_tdesc_add_reg(&td, &r) == 0 && td.regs[0].regnum == 10 &&
	   td.regs[0].offset == 0 && !strcmp(td.regs[0].type, "int"),
	   "explicit regnum 10, type defaults to int");
	r = mkreg("b", 64, GSTUB_TDESC_REGNUM_NEXT);
	ok(gstub_tdesc_add_reg(&td, &r) == 0 && td.regs[1].regnum == 11 &&
	   td.regs[1].offset == 4 && td.g_size == 12, "next regnum 11 at offset 4");
	r = mkreg("c", 32, 11);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "repeated regnum: EINVAL");
	r = mkreg("c", 32, 5);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "descending regnum: EINVAL");
	r = mkreg("c", 32, UINT32_MAX - 1);
	ok(gstub_tdesc_add_reg(&td, &r) == 0, "regnum UINT32_MAX-1");
	r = mkreg("d", 32, GSTUB_TDESC_REGNUM_NEXT);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "regnum would wrap: EINVAL");
	r = mkreg("huge", 0x80000000u, UINT32_MAX);
	ok(gstub_tdesc_add_reg(&td, &r) == GSTUB_EINVAL, "g would be too large: EINVAL");
	ok(td.nregs == 3 && td.g_size == 16, "refused registers left no trace");

	gstub_tdesc_init(&td, GSTUB_ARCH_NONE, NULL);
	for (i = 0, rc = 0; i < GSTUB_TDESC_MAX_FEATURES && rc >= 0; i++)
		rc = gstub_tdesc_add_feature(&td, "f");
	ok(rc == GSTUB_TDESC_MAX_FEATURES - 1 &&
	   gstub_tdesc_add_feature(&td, "f") == GSTUB_ENOSPC,
	   "feature table full: ENOSPC");
	t = (struct gstub_tdesc_type){ .id = "v", .kind = GSTUB_TYPE_VECTOR,
				       .elem = "uint8", .count = 4 };
	for (i = 0, rc = 0; i < GSTUB_TDESC_MAX_TYPES && rc >= 0; i++)
		rc = gstub_tdesc_add_type(&td, &t);
	ok(rc == 0 && gstub_tdesc_add_type(&td, &t) == GSTUB_ENOSPC,
	   "type table full: ENOSPC");
	r = mkreg("r", 8, GSTUB_TDESC_REGNUM_NEXT);
	for (i = 0, rc = 0; i < GSTUB_TDESC_MAX_REGS && rc >= 0; i++)
		rc = gstub_tdesc_add_reg(&td, &r);
	ok(rc == 0 && gstub_tdesc_add_reg(&td, &r) == GSTUB_ENOSPC,
	   "register table full: ENOSPC");
}

int main(void)
{
	lookups();
	bad_configs();
	builder();
	return tap_done();
}
