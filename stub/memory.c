/* m, M, X: memory through the target's ops, with breakpoints hidden. */
#include "internal.h"

int gstub_mem_read_all(struct gstub *g, uint64_t addr, uint8_t *buf, size_t len)
{
	size_t done = 0;

	while (done < len) {
		int r = g->cfg.ops->read_mem(g->cfg.target_ctx, addr + done,
					     buf + done, len - done);
		if (r <= 0)
			return done ? (int)done : (r < 0 ? r : GSTUB_EIO);
		done += (size_t)r < len - done ? (size_t)r : len - done;
	}
	return (int)done;
}

int gstub_mem_write_all(struct gstub *g, uint64_t addr, const uint8_t *buf,
			size_t len)
{
	size_t done = 0;

	while (done < len) {
		int r = g->cfg.ops->write_mem(g->cfg.target_ctx, addr + done,
					      buf + done, len - done);
		if (r <= 0)
			return r < 0 ? r : GSTUB_EIO;
		done += (size_t)r < len - done ? (size_t)r : len - done;
	}
	return 0;
}

/* "ADDR,LEN" then what must follow it (':' or the end). */
static bool parse_range(struct gstub_cursor *c, uint64_t *addr, uint64_t *len)
{
	if (!gstub_cur_hex(c, addr) || !gstub_cur_take(c, ',') ||
	    !gstub_cur_hex(c, len))
		return false;
	/* the range must not wrap past the top of the address space */
	return *len == 0 || *len - 1 <= UINT64_MAX - *addr;
}

/* m: short reads return what could be read; an error only when nothing
 * could. The length is cut to what one reply holds. */
GSTUB_HANDLER(gstub_cmd_read_mem)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t addr, n;
	size_t cap;
	uint8_t *out, *raw;
	int got;

	if (!parse_range(&c, &addr, &n) || !gstub_cur_at_end(&c) || n == 0)
		return GSTUB_EINVAL;
	cap = g->tx_cap / 2;
	if (n < cap)
		cap = (size_t)n;
	out = gstub_out_reserve(g, 2 * cap);
	if (!out)
		return GSTUB_EMSGSIZE;
	raw = out + cap;
	got = gstub_mem_read_all(g, addr, raw, cap);
	if (got < 0)
		return got;
	gstub_swbreak_shadow_read(g, addr, raw, (size_t)got);
	gstub_hex_encode(raw, (size_t)got, out);
	g->tx_len = 2 * (size_t)got;
	return GSTUB_REPLY_DATA;
}

static int write_mem(struct gstub *g, uint64_t addr, const uint8_t *data,
		     size_t n)
{
	int err;

	if (n == 0)
		return GSTUB_REPLY_OK;
	err = gstub_mem_write_all(g, addr, data, n);
	if (err)
		return err;
	gstub_swbreak_after_write(g, addr, data, n);
	return GSTUB_REPLY_OK;
}

GSTUB_HANDLER(gstub_cmd_write_mem_hex)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t addr, n;
	uint8_t *raw;

	if (!parse_range(&c, &addr, &n) || !gstub_cur_take(&c, ':'))
		return GSTUB_EINVAL;
	if ((uint64_t)(c.end - c.p) != 2 * n || n > len)
		return GSTUB_EINVAL;
	raw = (uint8_t *)args + (c.p - args);
	if (!gstub_hex_decode(c.p, raw, (size_t)n))
		return GSTUB_EINVAL;
	return write_mem(g, addr, raw, (size_t)n);
}

/* X: binary data, '}' escapes the next byte (xor 0x20). "X addr,0:" is
 * gdb's probe for the packet. */
GSTUB_HANDLER(gstub_cmd_write_mem_bin)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t addr, n;
	uint8_t *data, *out;
	const char *p;

	if (!parse_range(&c, &addr, &n) || !gstub_cur_take(&c, ':'))
		return GSTUB_EINVAL;
	data = out = (uint8_t *)args + (c.p - args);
	for (p = c.p; p < c.end; p++) {
		uint8_t b = (uint8_t)*p;

		if (b == '}') {
			if (++p == c.end)
				return GSTUB_EINVAL;
			b = (uint8_t)*p ^ 0x20;
		}
		*out++ = b;
	}
	if ((uint64_t)(out - data) != n)
		return GSTUB_EINVAL;
	return write_mem(g, addr, data, (size_t)n);
}
