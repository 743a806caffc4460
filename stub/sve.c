/*
 * SVE vector lengths. The served description fixes how many bytes each z,
 * p and ffr register has on the wire; the target's current length decides
 * how many of them hold live state. Bytes past the current length are sent
 * as zero (they are architecturally inaccessible), and under
 * GSTUB_SVE_CURRENT the served description itself follows the length, but
 * only at a stop, so that gdb never gets a register at a size the last stop
 * reply (vg) and target.xml did not announce.
 */
#include "internal.h"

/* Bytes per 128-bit quadword of vector length. */
#define Z_BYTES_PER_VQ 16u
#define P_BYTES_PER_VQ 2u
#define SVE_VQ_MAX 16u

/* The SVE registers gstub_sve_locate looks up by name (the enum indexes
 * them). */
static const char sve_names[][4] = { "z0", "z31", "p0", "p15", "ffr", "vg" };
enum { Z0, Z31, P0, P15, FFR, VG, SVE_NAMES };

/* Finds z0-z31, p0-p15, ffr and vg in the served description; the layout
 * must be the SVE feature's (consecutive numbers, 16·vq and 2·vq bytes). */
void gstub_sve_locate(struct gstub *g)
{
	const struct gstub_tdesc_reg *r[SVE_NAMES];
	uint32_t vq, z0, p0, zbits, pbits;
	unsigned i;

	g->sve.vq = 0;
	for (i = 0; i < SVE_NAMES; i++) {
		r[i] = gstub_tdesc_find_name(g->td, sve_names[i]);
		if (!r[i])
			return;
	}
	z0 = r[Z0]->regnum;
	p0 = r[P0]->regnum;
	zbits = r[Z0]->bitsize;
	pbits = r[P0]->bitsize;
	vq = zbits / 128;
	if (zbits % 128 != 0 || vq < 1 || vq > SVE_VQ_MAX ||
	    z0 > UINT32_MAX - 31 || p0 > UINT32_MAX - 15 ||
	    r[Z31]->regnum != z0 + 31 || r[Z31]->bitsize != zbits ||
	    pbits != 16 * vq || r[FFR]->bitsize != pbits ||
	    r[P15]->regnum != p0 + 15 || r[P15]->bitsize != pbits)
		return;
	g->sve.z0 = z0;
	g->sve.p0 = p0;
	g->sve.ffr = r[FFR]->regnum;
	g->sve.vg = r[VG]->regnum;
	g->sve.vq = (uint8_t)vq;
}

/* The target's vq for tid, within what the target can take; 0 unknown. */
static unsigned current_vq(const struct gstub *g, gstub_tid tid)
{
	const struct gstub_sve_ops *sve = gstub_sve_ops(g);
	unsigned vq;

	if (!sve || !sve->current_vq)
		return 0;
	vq = sve->current_vq(g->cfg.target_ctx, tid);
	if (vq > g->sve.max_vq)
		vq = g->sve.max_vq;
	return vq;
}

const struct gstub_sve_ops *gstub_sve_ops(const struct gstub *g)
{
	/* version 1 tables end before the member */
	return g->cfg.ops->version >= 2 ? g->cfg.ops->sve : NULL;
}

size_t gstub_sve_live_bytes(const struct gstub *g, gstub_tid tid,
			    const struct gstub_tdesc_reg *r, size_t size)
{
	size_t per_vq, live;
	unsigned vq;

	if (!g->sve.vq)
		return size;
	if (r->regnum - g->sve.z0 < 32)
		per_vq = Z_BYTES_PER_VQ;
	else if (r->regnum - g->sve.p0 < 16 || r->regnum == g->sve.ffr)
		per_vq = P_BYTES_PER_VQ;
	else
		return size;
	vq = current_vq(g, tid);
	if (vq == 0)
		return size;
	live = per_vq * vq;
	return live < size ? live : size;
}

#if GSTUB_CONFIG_SVE_CURRENT
/* GSTUB_SVE_CURRENT: ask for the description at vq and check it is one we
 * can serve: an SVE layout at that vq whose `g` fits the packet buffer. */
static int build(struct gstub *g, unsigned vq)
{
	struct gstub_tdesc *buf = g->cfg.sve_tdesc_buf;
	const struct gstub_tdesc *was = g->td;
	struct gstub_sve_regs_ keep = g->sve;
	size_t need;
	int err, ok;

	err = g->cfg.sve_describe(g->cfg.target_ctx, vq, buf);
	if (err)
		return err < 0 ? err : GSTUB_EIO;
	need = 2 * (size_t)buf->g_size + 2;
	if (g->cfg.packet_buf_size / 2 < need)
		return GSTUB_ENOMEM;
	g->td = buf;
	gstub_sve_locate(g);
	ok = g->sve.vq == vq;
	g->td = was;
	g->sve = keep;
	return ok ? 0 : GSTUB_EINVAL;
}

#endif /* GSTUB_CONFIG_SVE_CURRENT */

int gstub_sve_init(struct gstub *g)
{
	const struct gstub_config *cfg = &g->cfg;
	const struct gstub_sve_ops *sve;
	unsigned vq;
	int err;

	g->td = cfg->tdesc;
	gstub_sve_locate(g);
	if (cfg->sve_policy != GSTUB_SVE_MAX &&
	    cfg->sve_policy != GSTUB_SVE_CURRENT)
		return GSTUB_EINVAL;
	g->sve.max_vq = g->sve.vq;
	if (cfg->sve_policy != GSTUB_SVE_CURRENT || !g->sve.vq)
		return 0;
#if !GSTUB_CONFIG_SVE_CURRENT
	/* left out of this build: refused rather than served half */
	(void)sve;
	(void)vq;
	(void)err;
	return GSTUB_EINVAL;
#else
	sve = gstub_sve_ops(g);
	if (!sve || !sve->current_vq || !cfg->sve_describe ||
	    !cfg->sve_tdesc_buf || cfg->sve_tdesc_buf == cfg->tdesc ||
	    cfg->sve_max_vq > SVE_VQ_MAX)
		return GSTUB_EINVAL;
	g->sve.max_vq = (uint8_t)(cfg->sve_max_vq ? cfg->sve_max_vq : SVE_VQ_MAX);
	if (g->sve.vq > g->sve.max_vq)
		return GSTUB_EINVAL;
	/* Every description the engine may switch to, checked now: a switch
	 * at a stop can then only fail if the callback changes its mind. */
	for (vq = 1; vq <= g->sve.max_vq; vq++) {
		err = build(g, vq);
		if (err)
			return err;
	}
	return 0;
#endif
}

#if GSTUB_CONFIG_SVE_CURRENT
void gstub_sve_follow(struct gstub *g, gstub_tid tid)
{
	unsigned vq;
	int err;

	if (g->cfg.sve_policy != GSTUB_SVE_CURRENT || !g->sve.vq || g->running)
		return;
	vq = current_vq(g, tid);
	if (vq == 0 || vq == g->sve.vq)
		return;
	/* The buffer may be the one served now: go back to cfg.tdesc first,
	 * so that even a failed rebuild leaves a whole description served. */
	g->td = g->cfg.tdesc;
	gstub_sve_locate(g);
	if (vq == g->sve.vq)
		return;
	err = build(g, vq);
	if (err) {
		gstub_log_message(g, "SVE: no description for the new vector "
				     "length; keeping the first one");
		return;
	}
	g->td = g->cfg.sve_tdesc_buf;
	gstub_sve_locate(g);
}
#endif /* GSTUB_CONFIG_SVE_CURRENT */
