/* H, T, qC, qfThreadInfo/qsThreadInfo, qThreadExtraInfo. Without thread
 * ops (or in a build without GSTUB_CONFIG_THREADS) the target has one
 * thread, id 1. */
#include "internal.h"

#if GSTUB_CONFIG_THREADS
int gstub_thread_list(const struct gstub *g, gstub_tid *tids, size_t max)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;

	if (!t || !t->list) {
		if (max)
			tids[0] = 1;
		return 1;
	}
	return t->list(g->cfg.target_ctx, tids, max);
}

bool gstub_thread_alive(const struct gstub *g, gstub_tid tid)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;
	gstub_tid tids[GSTUB_MAX_THREADS];
	int n, i;

	if (tid <= 0)
		return false;
	if (t && t->alive)
		return t->alive(g->cfg.target_ctx, tid);
	n = gstub_thread_list(g, tids, GSTUB_MAX_THREADS);
	for (i = 0; i < n && i < GSTUB_MAX_THREADS; i++)
		if (tids[i] == tid)
			return true;
	return false;
}
#endif /* GSTUB_CONFIG_THREADS; one thread otherwise (internal.h) */

/* A whole packet that is one thread id. */
static int parse_tid_packet(const struct gstub *g, char *args, size_t len,
			    gstub_tid *tid)
{
	struct gstub_cursor c = { args, args + len };
	int r = gstub_parse_tid(g, &c, tid);

	if (r)
		return r;
	return gstub_cur_at_end(&c) ? 0 : GSTUB_EINVAL;
}

/* Hg / Hc: the thread later packets refer to (0: any, -1: all). */
GSTUB_HANDLER(gstub_cmd_set_thread)
{
	gstub_tid tid;
	char which;
	int r;

	if (len < 2)
		return GSTUB_EINVAL;
	which = args[0];
	if (which != 'g' && which != 'c')
		return GSTUB_REPLY_UNSUPPORTED;
	r = parse_tid_packet(g, args + 1, len - 1, &tid);
	if (r)
		return r;
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
	gstub_tid tid;
	int r = parse_tid_packet(g, args, len, &tid);

	if (r)
		return r;
	return gstub_thread_alive(g, tid) ? GSTUB_REPLY_OK : GSTUB_ESRCH;
}

/* As many ids as fit, from thread_iter on; "l" when none are left. */
static int thread_info(struct gstub *g)
{
#if !GSTUB_CONFIG_THREADS
	/* the one thread, then the end */
	if (g->thread_iter++ == 0) {
		gstub_out_char(g, 'm');
		gstub_out_tid(g, 1);
	} else {
		gstub_out_char(g, 'l');
	}
	return GSTUB_REPLY_DATA;
#else
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
	/* room for the longest id and a comma */
	while (g->thread_iter < count &&
	       gstub_out_room(g) >= GSTUB_TID_TEXT_MAX) {
		if (g->thread_iter > first)
			gstub_out_char(g, ',');
		gstub_out_tid(g, tids[g->thread_iter++]);
	}
	return GSTUB_REPLY_DATA;
#endif
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

#if GSTUB_CONFIG_THREADS
GSTUB_HANDLER(gstub_cmd_thread_extra_info)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;
	gstub_tid tid;
	size_t half = g->tx_cap / 2, n;
	uint8_t *out;
	int r;

	if (!t || !t->extra_info)
		return GSTUB_REPLY_UNSUPPORTED;
	r = parse_tid_packet(g, args, len, &tid);
	if (r)
		return r;
	if (tid <= 0)
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
	gstub_hex_encode(out + half, n, out);
	g->tx_len = 2 * n;
	return GSTUB_REPLY_DATA;
}
#endif
