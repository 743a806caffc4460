/* g, G, p, P: registers laid out as the target description says. */
#include "internal.h"

size_t gstub_reg_size(const struct gstub_tdesc_reg *r)
{
	return (r->bitsize + 7) / 8;
}

static gstub_tid reg_tid(const struct gstub *g)
{
	return g->g_tid > 0 ? g->g_tid : gstub_current_tid(g);
}

/* Writes the value of r in hex at dst (2 * size bytes): the raw value is
 * read into the upper half and expanded forward in place, so no register
 * buffer is needed however wide the register (SVE: 256 bytes). */
static int reg_hex_at(struct gstub *g, gstub_tid tid,
		      const struct gstub_tdesc_reg *r, uint8_t *dst)
{
	size_t n = gstub_reg_size(r), live;
	uint8_t *raw = dst + n;
	int err = gstub_target_read_reg(g, tid, r, raw, n);

	if (err == GSTUB_ENODATA) {
		memset(dst, 'x', 2 * n);
		return 0;
	}
	if (err)
		return err < 0 ? err : GSTUB_EIO;
	live = gstub_sve_live_bytes(g, tid, r, n);
	memset(raw + live, 0, n - live); /* past the vector length */
	gstub_hex_encode(raw, n, dst);
	return 0;
}

/* Writes a register; bytes past the current vector length are dropped
 * (zeroed) rather than refused, as the hardware ignores them. */
static int reg_write(struct gstub *g, gstub_tid tid,
		     const struct gstub_tdesc_reg *r, uint8_t *raw)
{
	size_t n = gstub_reg_size(r);
	size_t live = gstub_sve_live_bytes(g, tid, r, n);
	int err;

	memset(raw + live, 0, n - live);
	err = gstub_target_write_reg(g, tid, r, raw, n);
	return err > 0 ? GSTUB_EIO : err;
}

int gstub_out_reg(struct gstub *g, gstub_tid tid, const struct gstub_tdesc_reg *r)
{
	size_t mark = g->tx_len;
	uint8_t *dst = gstub_out_reserve(g, 2 * gstub_reg_size(r));
	int err;

	if (!dst)
		return GSTUB_EMSGSIZE;
	err = reg_hex_at(g, tid, r, dst);
	if (err)
		g->tx_len = mark;
	return err;
}

GSTUB_HANDLER(gstub_cmd_read_regs)
{
	const struct gstub_tdesc *td = g->td;
	gstub_tid tid = reg_tid(g);
	uint8_t *out;
	uint32_t i;
	int err;

	(void)args;
	(void)len;
	out = gstub_out_reserve(g, 2 * (size_t)td->g_size);
	if (!out)
		return GSTUB_EMSGSIZE;
	memset(out, '0', 2 * (size_t)td->g_size);
	for (i = 0; i < td->nregs; i++) {
		const struct gstub_tdesc_reg *r = &td->regs[i];

		if ((size_t)r->offset + gstub_reg_size(r) > td->g_size)
			continue; /* not part of the g packet */
		err = reg_hex_at(g, tid, r, out + 2 * (size_t)r->offset);
		if (err)
			return err;
	}
	return GSTUB_REPLY_DATA;
}

GSTUB_HANDLER(gstub_cmd_write_regs)
{
	const struct gstub_tdesc *td = g->td;
	gstub_tid tid = reg_tid(g);
	uint8_t *raw = (uint8_t *)args;
	uint32_t i;
	int err;

	if (len != 2 * (size_t)td->g_size)
		return GSTUB_EINVAL;
	if (!gstub_hex_decode(args, raw, td->g_size))
		return GSTUB_EINVAL;
	for (i = 0; i < td->nregs; i++) {
		const struct gstub_tdesc_reg *r = &td->regs[i];
		size_t n = gstub_reg_size(r);

		if ((size_t)r->offset + n > td->g_size)
			continue;
		err = reg_write(g, tid, r, raw + r->offset);
		if (err)
			return err;
	}
	return GSTUB_REPLY_OK;
}

static const struct gstub_tdesc_reg *parse_regnum(struct gstub *g,
						  struct gstub_cursor *c)
{
	uint64_t n;

	if (!gstub_cur_hex(c, &n) || n > UINT32_MAX)
		return NULL;
	return gstub_tdesc_find(g->td, (uint32_t)n);
}

GSTUB_HANDLER(gstub_cmd_read_reg)
{
	struct gstub_cursor c = { args, args + len };
	const struct gstub_tdesc_reg *r = parse_regnum(g, &c);
	int err;

	if (!r || !gstub_cur_at_end(&c))
		return GSTUB_EINVAL;
	err = gstub_out_reg(g, reg_tid(g), r);
	return err ? err : GSTUB_REPLY_DATA;
}

GSTUB_HANDLER(gstub_cmd_write_reg)
{
	struct gstub_cursor c = { args, args + len };
	const struct gstub_tdesc_reg *r = parse_regnum(g, &c);
	size_t n;
	uint8_t *raw;
	int err;

	if (!r || !gstub_cur_take(&c, '='))
		return GSTUB_EINVAL;
	n = gstub_reg_size(r);
	if ((size_t)(c.end - c.p) != 2 * n)
		return GSTUB_EINVAL;
	raw = (uint8_t *)args + (c.p - args);
	if (!gstub_hex_decode(c.p, raw, n))
		return GSTUB_EINVAL;
	err = reg_write(g, reg_tid(g), r, raw);
	return err ? err : GSTUB_REPLY_OK;
}

int gstub_read_pc(struct gstub *g, gstub_tid tid, uint64_t *pc)
{
	if (g->td->pc_regnum < 0)
		return GSTUB_EINVAL;
	return gstub_read_reg_u64(g, tid, (unsigned)g->td->pc_regnum, pc);
}

int gstub_write_pc(struct gstub *g, gstub_tid tid, uint64_t pc)
{
	/* (no pc, -1, is a number no register has) */
	const struct gstub_tdesc_reg *r =
		gstub_tdesc_find(g->td, (uint32_t)g->td->pc_regnum);
	uint8_t buf[8];
	size_t n = r ? gstub_reg_size(r) : 0, i;

	/* a pc we can handle as a number, and a value that fits it */
	if (n == 0 || n > 8 || (n < 8 && (pc >> (8 * n)) != 0))
		return GSTUB_EINVAL;
	for (i = 0; i < n; i++)
		buf[i] = (uint8_t)(pc >> (8 * i));
	return reg_write(g, tid, r, buf);
}

int gstub_read_reg_u64(struct gstub *g, gstub_tid tid, unsigned regnum,
		       uint64_t *value)
{
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(g->td, regnum);
	uint8_t buf[8];
	size_t n, i;
	int err;

	if (!r)
		return GSTUB_EINVAL;
	n = gstub_reg_size(r);
	if (n == 0 || n > sizeof buf)
		return GSTUB_EINVAL;
	err = g->cfg.ops->read_reg(g->cfg.target_ctx, tid, regnum, buf, n);
	if (err)
		return err < 0 ? err : GSTUB_EIO;
	*value = 0;
	for (i = n; i-- > 0;)
		*value = *value << 8 | buf[i];
	return 0;
}
