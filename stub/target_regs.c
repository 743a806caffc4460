/*
 * The target's register ops as the engine calls them: q registers of an
 * AArch32 description are served from their D registers
 * (gstub_tdesc_neon_q_low), everything else goes to the target as is.
 */
#include "internal.h"

int gstub_target_read_reg(struct gstub *g, gstub_tid tid,
			  const struct gstub_tdesc_reg *r, uint8_t *buf,
			  size_t n)
{
	const struct gstub_tdesc_reg *d = gstub_tdesc_neon_q_low(g->td, r);
	int err;

	if (!d)
		return g->cfg.ops->read_reg(g->cfg.target_ctx, tid, r->regnum,
					    buf, n);
	err = g->cfg.ops->read_reg(g->cfg.target_ctx, tid, d->regnum, buf, 8);
	if (!err)
		err = g->cfg.ops->read_reg(g->cfg.target_ctx, tid,
					   d->regnum + 1, buf + 8, 8);
	return err;
}

int gstub_target_write_reg(struct gstub *g, gstub_tid tid,
			   const struct gstub_tdesc_reg *r, const uint8_t *buf,
			   size_t n)
{
	const struct gstub_tdesc_reg *d = gstub_tdesc_neon_q_low(g->td, r);
	int err;

	if (!d)
		return g->cfg.ops->write_reg(g->cfg.target_ctx, tid, r->regnum,
					     buf, n);
	err = g->cfg.ops->write_reg(g->cfg.target_ctx, tid, d->regnum, buf, 8);
	if (!err)
		err = g->cfg.ops->write_reg(g->cfg.target_ctx, tid,
					    d->regnum + 1, buf + 8, 8);
	return err;
}
