/*
 * AArch32 q0-q15 listed as registers (gstub_arm_config.neon_q, or a user
 * description that does the same, as QEMU's does): each is two D registers,
 * q<n> = d<2n> (low half) : d<2n+1>. The engine reads and writes them
 * through the D registers, so the two views never disagree and targets
 * only ever handle D registers.
 */
#include <gstub/tdesc.h>

#include "tdesc-internal.h"

/* "q<n>" with n in 0..15 -> n, else -1. */
static int q_index(const char *name)
{
	int n = 0;
	const char *p = name + 1;

	if (name[0] != 'q' || !*p || (p[0] == '0' && p[1]))
		return -1;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		n = n * 10 + (*p - '0');
		if (n > 15)
			return -1;
	}
	return n;
}

const struct gstub_tdesc_reg *
gstub_tdesc_neon_q_low(const struct gstub_tdesc *td,
		       const struct gstub_tdesc_reg *r)
{
	const struct gstub_tdesc_reg *d;
	char dname[4];
	int n, dn;

	if (td->arch != GSTUB_ARCH_ARM || r->bitsize != 128 ||
	    r->feature >= td->nfeatures ||
	    !gstub_tdesc_same_name(td->features[r->feature].name,
				   "org.gnu.gdb.arm.neon"))
		return NULL;
	n = q_index(r->name);
	if (n < 0)
		return NULL;
	dn = 2 * n;
	dname[0] = 'd';
	if (dn < 10) {
		dname[1] = (char)('0' + dn);
		dname[2] = 0;
	} else {
		dname[1] = (char)('0' + dn / 10);
		dname[2] = (char)('0' + dn % 10);
		dname[3] = 0;
	}
	d = gstub_tdesc_find_name(td, dname);
	/* d<2n+1> must follow it, as in every VFP feature */
	if (!d || d->bitsize != 64 || !gstub_tdesc_find(td, d->regnum + 1) ||
	    gstub_tdesc_find(td, d->regnum + 1)->bitsize != 64)
		return NULL;
	return d;
}
