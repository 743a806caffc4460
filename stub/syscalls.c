/*
 * QCatchSyscalls: which syscall stops gdb wants. The target reports every
 * call while catching is on; the engine passes on those in gdb's list and
 * resumes the rest silently (stepping.c).
 */
#include "internal.h"

#if GSTUB_CONFIG_SYSCALL_CATCH

bool gstub_catch_supported(const struct gstub *g)
{
	const struct gstub_target_ops *ops = g->cfg.ops;

	return ops->version >= 3 &&
	       (ops->flags & GSTUB_TARGET_CAN_CATCH_SYSCALLS) &&
	       ops->catch_syscalls;
}

bool gstub_catch_wanted(const struct gstub *g, uint32_t sysno)
{
	const struct gstub_catch_ *c = &g->catch_sys;

	if (!c->on)
		return false;
	if (c->all)
		return true;
	if (sysno >= GSTUB_MAX_CATCH_SYSCALLS)
		return c->high;
	return (c->bits[sysno / 32] >> (sysno % 32) & 1) != 0;
}

void gstub_catch_reset(struct gstub *g)
{
	if (g->catch_sys.on && gstub_catch_supported(g))
		(void)g->cfg.ops->catch_syscalls(g->cfg.target_ctx, false);
	memset(&g->catch_sys, 0, sizeof g->catch_sys);
}

/* QCatchSyscalls:0 | QCatchSyscalls:1 | QCatchSyscalls:1;NUM;NUM...
 * The list is parsed whole before anything changes. */
GSTUB_HANDLER(gstub_cmd_catch_syscalls)
{
	struct gstub_cursor c = { args, args + len };
	struct gstub_catch_ want;
	uint64_t num;
	int r;

	if (!gstub_catch_supported(g))
		return GSTUB_REPLY_UNSUPPORTED;
	memset(&want, 0, sizeof want);
	if (gstub_cur_take(&c, '0')) {
		if (!gstub_cur_at_end(&c))
			return GSTUB_EINVAL;
	} else if (gstub_cur_take(&c, '1')) {
		want.on = true;
		want.all = gstub_cur_at_end(&c);
		while (gstub_cur_take(&c, ';')) {
			if (!gstub_cur_hex(&c, &num))
				return GSTUB_EINVAL;
			if (num >= GSTUB_MAX_CATCH_SYSCALLS)
				want.high = true;
			else
				want.bits[num / 32] |= 1u << (num % 32);
		}
		if (!gstub_cur_at_end(&c))
			return GSTUB_EINVAL;
	} else {
		return GSTUB_EINVAL;
	}
	r = g->cfg.ops->catch_syscalls(g->cfg.target_ctx, want.on);
	if (r)
		return r < 0 ? r : GSTUB_EIO;
	g->catch_sys = want;
	return GSTUB_REPLY_OK;
}

#endif /* GSTUB_CONFIG_SYSCALL_CATCH */
