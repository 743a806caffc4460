/*
 * Thread ids on the wire. Plain syntax: "-1" (all threads), "0" (any
 * thread) or a positive id in hex. Once gdb and the stub agree on the
 * multiprocess extension (qSupported multiprocess+, and only when the
 * embedder gave a pid), gdb may also write "pPID.TID" and "pPID" (every
 * thread of PID), and every id we send is "pPID.TID" with our one pid:
 * that is how gdb learns the pid it shows in `info inferiors`.
 */
#include "internal.h"

/* "-1", or hex up to INT64_MAX. */
static bool parse_id(struct gstub_cursor *c, int64_t *out)
{
	uint64_t v;

	if (gstub_cur_take(c, '-')) {
		if (!gstub_cur_take(c, '1'))
			return false;
		*out = -1;
		return true;
	}
	if (!gstub_cur_hex(c, &v) || v > (uint64_t)INT64_MAX)
		return false;
	*out = (int64_t)v;
	return true;
}

int gstub_parse_tid(const struct gstub *g, struct gstub_cursor *c,
		    gstub_tid *out)
{
	int64_t pid, tid = GSTUB_TID_ALL; /* "pPID" alone: all its threads */

	if (!gstub_multiprocess(g) || !gstub_cur_take(c, 'p'))
		return parse_id(c, out) ? 0 : GSTUB_EINVAL;
	if (!parse_id(c, &pid))
		return GSTUB_EINVAL;
	if (gstub_cur_take(c, '.') && !parse_id(c, &tid))
		return GSTUB_EINVAL;
	/* the manual makes "one thread of every process" an error */
	if (pid == -1 && tid > 0)
		return GSTUB_EINVAL;
	/* syntax first: a bad id is EINVAL even when the pid is foreign */
	if (pid > 0 && pid != g->cfg.pid)
		return GSTUB_ESRCH;
	*out = tid;
	return 0;
}

int gstub_parse_pid(const struct gstub *g, struct gstub_cursor *c)
{
	uint64_t pid;

	if (!gstub_cur_hex(c, &pid) || !gstub_cur_at_end(c))
		return GSTUB_EINVAL;
	if (gstub_multiprocess(g) && pid != (uint64_t)g->cfg.pid)
		return GSTUB_ESRCH;
	return 0;
}

static size_t format_id(int64_t id, char *buf)
{
	if (id < 0) {
		buf[0] = '-';
		buf[1] = '1';
		return 2;
	}
	return gstub_format_hex((uint64_t)id, buf);
}

size_t gstub_format_tid(const struct gstub *g, gstub_tid tid, char *buf)
{
	size_t n = 0;

	if (gstub_multiprocess(g)) {
		buf[n++] = 'p';
		n += format_id(g->cfg.pid, buf + n);
		buf[n++] = '.';
	}
	return n + format_id(tid, buf + n);
}
