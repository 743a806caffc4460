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

/* "ADDR,LEN" then what must follow it: ':' (the cursor is left after
 * it), or with follow 0 the end of the packet. */
static bool parse_range(struct gstub_cursor *c, uint64_t *addr, uint64_t *len,
			char follow)
{
	if (!gstub_cur_hex(c, addr) || !gstub_cur_take(c, ',') ||
	    !gstub_cur_hex(c, len))
		return false;
	if (follow ? !gstub_cur_take(c, follow) : !gstub_cur_at_end(c))
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

	if (!parse_range(&c, &addr, &n, 0) || n == 0)
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

/* The bytes of X's data, '}' escaping the next one (xor 0x20), decoded
 * in place; their count, or -1 for a '}' with nothing after it. */
static long unescape(const char *p, const char *end, uint8_t *out)
{
	uint8_t *start = out;

	for (; p < end; p++) {
		uint8_t b = (uint8_t)*p;

		if (b == '}') {
			if (++p == end)
				return -1;
			b = (uint8_t)*p ^ 0x20;
		}
		*out++ = b;
	}
	return out - start;
}

/* M (hex data) and X (binary data): ADDR,LEN:DATA. The data is decoded
 * in place, its bytes never outgrowing their text. "X addr,0:" is gdb's
 * probe for X. */
static int write_packet(struct gstub *g, char *args, size_t len, bool binary)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t addr, n;
	uint8_t *data;
	bool ok;
	int err;

	/* no data is longer than its packet */
	if (!parse_range(&c, &addr, &n, ':') || n > len)
		return GSTUB_EINVAL;
	data = (uint8_t *)args + (c.p - args);
	if (binary)
		ok = unescape(c.p, c.end, data) == (long)n;
	else
		ok = (uint64_t)(c.end - c.p) == 2 * n &&
		     gstub_hex_decode(c.p, data, (size_t)n);
	if (!ok)
		return GSTUB_EINVAL;
	if (n == 0)
		return GSTUB_REPLY_OK;
	err = gstub_mem_write_all(g, addr, data, (size_t)n);
	if (err)
		return err;
	gstub_swbreak_after_write(g, addr, data, (size_t)n);
	return GSTUB_REPLY_OK;
}

GSTUB_HANDLER(gstub_cmd_write_mem_hex)
{
	return write_packet(g, args, len, false);
}

GSTUB_HANDLER(gstub_cmd_write_mem_bin)
{
	return write_packet(g, args, len, true);
}
