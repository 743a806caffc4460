/* H, T, qC, qfThreadInfo/qsThreadInfo, qThreadExtraInfo. Without thread
 * ops the target has one thread, id 1. */
#include "internal.h"

int gstub_thread_list(struct gstub *g, gstub_tid *tids, size_t max)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;
	int n;

	if (!t || !t->list) {
		if (max)
			tids[0] = 1;
		return 1;
	}
	n = t->list(g->cfg.target_ctx, tids, max);
	return n;
}

bool gstub_thread_alive(struct gstub *g, gstub_tid tid)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;

	if (tid <= 0)
		return false;
	if (!t)
		return tid == 1;
	if (t->alive)
		return t->alive(g->cfg.target_ctx, tid);
	if (t->list) {
		gstub_tid tids[GSTUB_MAX_THREADS];
		int n = t->list(g->cfg.target_ctx, tids, GSTUB_MAX_THREADS), i;

		for (i = 0; i < n && i < GSTUB_MAX_THREADS; i++)
			if (tids[i] == tid)
				return true;
	}
	return false;
}

/* Hg / Hc: the thread later packets refer to (0: any, -1: all). */
GSTUB_HANDLER(gstub_cmd_set_thread)
{
	struct gstub_cursor c = { args, args + len };
	gstub_tid tid;
	char which;

	if (len < 2)
		return GSTUB_EINVAL;
	which = *c.p++;
	if (which != 'g' && which != 'c')
		return GSTUB_REPLY_UNSUPPORTED;
	if (!gstub_cur_tid(&c, &tid) || !gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	if (tid > 0 && !gstub_thread_alive(g, tid))
		return GSTUB_ESRCH;
	if (which == 'g')
		g->g_tid = tid;
	else
		g->c_tid = tid;
	return GSTUB_REPLY_OK;
}

GSTUB_HANDLER(gstub_cmd_current_thread)
{
	(void)args;
	(void)len;
	gstub_out_str(g, "QC");
	gstub_out_tid(g, gstub_current_tid(g));
	return GSTUB_REPLY_DATA;
}

GSTUB_HANDLER(gstub_cmd_thread_alive)
{
	struct gstub_cursor c = { args, args + len };
	gstub_tid tid;

	if (!gstub_cur_tid(&c, &tid) || !gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	return gstub_thread_alive(g, tid) ? GSTUB_REPLY_OK : GSTUB_ESRCH;
}

/* As many ids as fit, from thread_iter on; "l" when none are left. */
static int thread_info(struct gstub *g)
{
	gstub_tid tids[GSTUB_MAX_THREADS];
	int n = gstub_thread_list(g, tids, GSTUB_MAX_THREADS);
	size_t count, first;

	if (n < 0)
		return n;
	count = (size_t)n < GSTUB_MAX_THREADS ? (size_t)n : GSTUB_MAX_THREADS;
	if (g->thread_iter >= count) {
		gstub_out_char(g, 'l');
		return GSTUB_REPLY_DATA;
	}
	gstub_out_char(g, 'm');
	first = g->thread_iter;
	/* an id is at most 16 hex digits and a comma */
	while (g->thread_iter < count && gstub_out_room(g) >= 17) {
		if (g->thread_iter > first)
			gstub_out_char(g, ',');
		gstub_out_tid(g, tids[g->thread_iter++]);
	}
	return GSTUB_REPLY_DATA;
}

GSTUB_HANDLER(gstub_cmd_thread_info_first)
{
	(void)args;
	(void)len;
	g->thread_iter = 0;
	return thread_info(g);
}

GSTUB_HANDLER(gstub_cmd_thread_info_next)
{
	(void)args;
	(void)len;
	return thread_info(g);
}

GSTUB_HANDLER(gstub_cmd_thread_extra_info)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;
	struct gstub_cursor c = { args, args + len };
	gstub_tid tid;
	size_t half = g->tx_cap / 2, n, i;
	uint8_t *out;
	int r;

	if (!t || !t->extra_info)
		return GSTUB_REPLY_UNSUPPORTED;
	if (!gstub_cur_tid(&c, &tid) || !gstub_cur_at_end(&c) || tid <= 0)
		return GSTUB_EINVAL;
	if (!gstub_thread_alive(g, tid))
		return GSTUB_ESRCH;
	/* the text goes in the upper half and is expanded to hex forward */
	out = gstub_out_reserve(g, 2 * half);
	if (!out)
		return GSTUB_EMSGSIZE;
	out[half] = 0;
	r = t->extra_info(g->cfg.target_ctx, tid, (char *)out + half, half);
	if (r < 0)
		return r;
	for (n = 0; n < half && out[half + n]; n++)
		;
	for (i = 0; i < n; i++) {
		uint8_t b = out[half + i];

		out[2 * i] = (uint8_t)gstub_hex_digit(b >> 4);
		out[2 * i + 1] = (uint8_t)gstub_hex_digit(b);
	}
	g->tx_len = 2 * n;
	return GSTUB_REPLY_DATA;
}
