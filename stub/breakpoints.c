/* Z and z: software breakpoints by the engine, the rest by the target. */
#include "internal.h"

bool gstub_hw_point_supported(const struct gstub *g, uint64_t type)
{
	const struct gstub_breakpoint_ops *bo = g->cfg.ops->breakpoints;

	return type >= GSTUB_BP_HARDWARE && type <= GSTUB_WP_ACCESS && bo &&
	       bo->insert && bo->remove && (bo->types & (1u << type));
}

/* Whether the packet's type is done here; UNSUPPORTED otherwise. */
static int supported(const struct gstub *g, uint64_t type)
{
	bool yes = type == GSTUB_BP_SOFTWARE ? gstub_swbreak_supported(g)
					     : gstub_hw_point_supported(g, type);

	return yes ? 0 : GSTUB_REPLY_UNSUPPORTED;
}

/* TYPE,ADDR,KIND */
static int bp_packet(struct gstub *g, char *args, size_t len, bool insert)
{
	const struct gstub_breakpoint_ops *bo = g->cfg.ops->breakpoints;
	struct gstub_cursor c = { args, args + len };
	uint64_t type, addr, kind;
	int r;

	/* An unknown type is unsupported even when the rest is garbage. */
	if (!gstub_cur_hex(&c, &type))
		return GSTUB_EINVAL;
	r = supported(g, type);
	if (r)
		return r;
	if (!gstub_cur_take(&c, ',') || !gstub_cur_hex(&c, &addr) ||
	    !gstub_cur_take(&c, ',') || !gstub_cur_hex(&c, &kind) ||
	    !gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	if (type == GSTUB_BP_SOFTWARE)
		r = insert ? gstub_swbreak_insert(g, addr, kind)
			   : gstub_swbreak_remove(g, addr, kind);
	else if (insert)
		r = bo->insert(g->cfg.target_ctx, (enum gstub_bp_type)type, addr, kind);
	else
		r = bo->remove(g->cfg.target_ctx, (enum gstub_bp_type)type, addr, kind);
	if (r > 0)
		r = GSTUB_EIO;
	return r ? r : GSTUB_REPLY_OK;
}

GSTUB_HANDLER(gstub_cmd_insert_bp)
{
	return bp_packet(g, args, len, true);
}

GSTUB_HANDLER(gstub_cmd_remove_bp)
{
	return bp_packet(g, args, len, false);
}
