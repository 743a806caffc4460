/*
 * The target's register ops as the engine calls them: a register the
 * description derives from two others (td->derived_low: AArch32 q<n> from
 * d<2n> and d<2n+1>) is served from those as two 8-byte parts, everything
 * else goes to the target as is, in one part.
 */
#include "internal.h"

/* Reads r into `read_into` or, when that is NULL, writes it from
 * `write_from`. */
static int reg_io(struct gstub *g, gstub_tid tid,
		  const struct gstub_tdesc_reg *r, uint8_t *read_into,
		  const uint8_t *write_from, size_t n)
{
	const struct gstub_tdesc_reg *d =
		g->td->derived_low ? g->td->derived_low(g->td, r) : NULL;
	const struct gstub_target_ops *ops = g->cfg.ops;
	uint32_t regnum = d ? d->regnum : r->regnum;
	size_t size = d ? 8 : n;
	unsigned i, parts = d ? 2 : 1;
	int err = 0;

	for (i = 0; i < parts && !err; i++)
		err = read_into
			? ops->read_reg(g->cfg.target_ctx, tid, regnum + i,
					read_into + i * size, size)
			: ops->write_reg(g->cfg.target_ctx, tid, regnum + i,
					 write_from + i * size, size);
	return err;
}

int gstub_target_read_reg(struct gstub *g, gstub_tid tid,
			  const struct gstub_tdesc_reg *r, uint8_t *buf,
			  size_t n)
{
	return reg_io(g, tid, r, buf, NULL, n);
}

int gstub_target_write_reg(struct gstub *g, gstub_tid tid,
			   const struct gstub_tdesc_reg *r, const uint8_t *buf,
			   size_t n)
{
	return reg_io(g, tid, r, NULL, buf, n);
}
