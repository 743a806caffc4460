/*
 * Software breakpoints (Z0/z0), done by the engine for every target: the
 * original bytes are saved, the architecture's breakpoint instruction is
 * written through the memory ops, and reads/writes of memory see and update
 * the original bytes, never the instruction.
 */
#include "internal.h"

#if GSTUB_CONFIG_SW_BREAKPOINTS

struct bp_insn {
	uint8_t len;
	uint8_t bytes[4];
};

/* The instruction for (arch, kind), per gdb's kinds for each architecture.
 * Little-endian instruction encodings. */
static bool insn_for(uint8_t arch, uint64_t kind, struct bp_insn *insn)
{
	static const uint8_t brk0[4] = { 0x00, 0x00, 0x20, 0xd4 };  /* BRK #0 */
	static const uint8_t bkpt_a32[4] = { 0x70, 0x00, 0x20, 0xe1 }; /* BKPT #0 */
	static const uint8_t bkpt_t[2] = { 0x00, 0xbe };            /* BKPT #0 */
	static const uint8_t int3[1] = { 0xcc };
	const uint8_t *b;

	switch (arch) {
	case GSTUB_ARCH_AARCH64:
		if (kind != 4)
			return false;
		b = brk0, insn->len = 4;
		break;
	case GSTUB_ARCH_ARM:
	case GSTUB_ARCH_ARM_M:
		/* kind 2: Thumb; 3: a 32-bit Thumb-2 instruction, whose first
		 * halfword takes the 16-bit BKPT; 4: A32 (not on M-profile) */
		if (kind == 2 || kind == 3)
			b = bkpt_t, insn->len = 2;
		else if (kind == 4 && arch == GSTUB_ARCH_ARM)
			b = bkpt_a32, insn->len = 4;
		else
			return false;
		break;
	case GSTUB_ARCH_X86_64:
		if (kind != 1)
			return false;
		b = int3, insn->len = 1;
		break;
	default:
		return false;
	}
	memcpy(insn->bytes, b, insn->len);
	return true;
}

bool gstub_swbreak_supported(const struct gstub *g)
{
	uint8_t arch = g->td->arch;

	return arch == GSTUB_ARCH_AARCH64 || arch == GSTUB_ARCH_ARM ||
	       arch == GSTUB_ARCH_ARM_M || arch == GSTUB_ARCH_X86_64;
}

/* The slot holding a breakpoint at addr, or GSTUB_MAX_BREAKPOINTS. */
static size_t slot_of(const struct gstub *g, uint64_t addr)
{
	size_t i;

	for (i = 0; i < GSTUB_MAX_BREAKPOINTS; i++)
		if (g->bps[i].used && g->bps[i].addr == addr)
			break;
	return i;
}

static struct gstub_bp_ *find(struct gstub *g, uint64_t addr)
{
	size_t i = slot_of(g, addr);

	return i < GSTUB_MAX_BREAKPOINTS ? &g->bps[i] : NULL;
}

bool gstub_swbreak_at(const struct gstub *g, uint64_t addr)
{
	size_t i = slot_of(g, addr);

	return i < GSTUB_MAX_BREAKPOINTS && g->bps[i].by_gdb;
}

static int restore(struct gstub *g, struct gstub_bp_ *bp)
{
	int err = gstub_mem_write_all(g, bp->addr, bp->saved, bp->len);

	bp->used = false;
	bp->by_gdb = false;
	bp->by_step = false;
	return err;
}

/* Saves the bytes at addr and writes the breakpoint instruction into a
 * free slot. */
static int plant(struct gstub *g, uint64_t addr, uint64_t kind,
		 struct gstub_bp_ **out)
{
	struct bp_insn insn;
	struct gstub_bp_ *bp;
	size_t i;
	int r;

	if (!insn_for(g->td->arch, kind, &insn))
		return GSTUB_EINVAL;
	if (insn.len - 1u > UINT64_MAX - addr)
		return GSTUB_EINVAL;
	for (i = 0; i < GSTUB_MAX_BREAKPOINTS && g->bps[i].used; i++)
		;
	if (i == GSTUB_MAX_BREAKPOINTS)
		return GSTUB_ENOSPC;
	bp = &g->bps[i];
	r = gstub_mem_read_all(g, addr, bp->saved, insn.len);
	if (r < 0)
		return r;
	if ((size_t)r < insn.len)
		return GSTUB_EFAULT;
	r = gstub_mem_write_all(g, addr, insn.bytes, insn.len);
	if (r) {
		/* a partial write may have changed a byte: put them back */
		(void)gstub_mem_write_all(g, addr, bp->saved, insn.len);
		return r;
	}
	bp->addr = addr;
	bp->len = insn.len;
	bp->kind = (uint8_t)kind;
	bp->used = true;
	bp->by_gdb = false;
	bp->by_step = false;
	*out = bp;
	return 0;
}

/* Inserting an address that holds a breakpoint is not an error: gdb may
 * send Z0 again for one it already has (one z0 then removes it). */
int gstub_swbreak_insert(struct gstub *g, uint64_t addr, uint64_t kind)
{
	struct bp_insn insn;
	struct gstub_bp_ *bp;
	bool by_step = false;
	int r;

	if (!insn_for(g->td->arch, kind, &insn))
		return GSTUB_EINVAL;
	bp = find(g, addr);
	if (bp) {
		if (bp->kind == kind) {
			bp->by_gdb = true;
			return 0;
		}
		by_step = bp->by_step;
		r = restore(g, bp); /* same place, other kind: redo it */
		if (r)
			return r;
	}
	r = plant(g, addr, kind, &bp);
	if (r)
		return r;
	bp->by_gdb = true;
	bp->by_step = by_step;
	return 0;
}

/* Removing a breakpoint that is not there succeeds, the mirror of an
 * idempotent insert (gdb removes after a reconnect or an exit). */
int gstub_swbreak_remove(struct gstub *g, uint64_t addr, uint64_t kind)
{
	struct bp_insn insn;
	struct gstub_bp_ *bp;

	if (!insn_for(g->td->arch, kind, &insn))
		return GSTUB_EINVAL;
	bp = find(g, addr);
	if (!bp || !bp->by_gdb)
		return 0;
	bp->by_gdb = false;
	return bp->by_step ? 0 : restore(g, bp);
}

/* A breakpoint gdb already has at addr serves the step as it is. */
int gstub_swbreak_insert_step(struct gstub *g, uint64_t addr, uint64_t kind)
{
	struct gstub_bp_ *bp = find(g, addr);
	int r;

	if (!bp) {
		r = plant(g, addr, kind, &bp);
		if (r)
			return r;
	}
	bp->by_step = true;
	return 0;
}

int gstub_swbreak_remove_step(struct gstub *g, uint64_t addr)
{
	struct gstub_bp_ *bp = find(g, addr);

	if (!bp || !bp->by_step)
		return 0;
	bp->by_step = false;
	return bp->by_gdb ? 0 : restore(g, bp);
}

void gstub_swbreak_remove_all(struct gstub *g)
{
	size_t i;

	for (i = 0; i < GSTUB_MAX_BREAKPOINTS; i++)
		if (g->bps[i].used)
			(void)restore(g, &g->bps[i]);
}

/* The overlap of [a, a+alen) and [b, b+blen) as offsets into each;
 * false when they do not meet. Lengths are small (bp <= 4) or checked not
 * to wrap by the packet parsers. */
static bool overlap(uint64_t a, size_t alen, uint64_t b, size_t blen,
		    size_t *ia, size_t *ib, size_t *n)
{
	uint64_t lo = a > b ? a : b;
	uint64_t a_last, b_last, hi;

	if (alen == 0 || blen == 0)
		return false;
	/* inclusive ends: a range may end at the very top of memory */
	a_last = a + (alen - 1);
	b_last = b + (blen - 1);
	hi = a_last < b_last ? a_last : b_last;
	if (lo > hi)
		return false;
	*ia = (size_t)(lo - a);
	*ib = (size_t)(lo - b);
	*n = (size_t)(hi - lo) + 1;
	return true;
}

void gstub_swbreak_shadow_read(const struct gstub *g, uint64_t addr,
			       uint8_t *data, size_t len)
{
	size_t i, id, ib, n;

	for (i = 0; i < GSTUB_MAX_BREAKPOINTS; i++) {
		const struct gstub_bp_ *bp = &g->bps[i];

		if (bp->used &&
		    overlap(addr, len, bp->addr, bp->len, &id, &ib, &n))
			memcpy(data + id, bp->saved + ib, n);
	}
}

void gstub_swbreak_after_write(struct gstub *g, uint64_t addr,
			       const uint8_t *data, size_t len)
{
	struct bp_insn insn;
	size_t i, id, ib, n;

	for (i = 0; i < GSTUB_MAX_BREAKPOINTS; i++) {
		struct gstub_bp_ *bp = &g->bps[i];

		if (!bp->used ||
		    !overlap(addr, len, bp->addr, bp->len, &id, &ib, &n))
			continue;
		memcpy(bp->saved + ib, data + id, n);
		/* the write replaced (part of) the instruction: put it back */
		if (insn_for(g->td->arch, bp->kind, &insn))
			(void)gstub_mem_write_all(g, bp->addr, insn.bytes,
						  insn.len);
	}
}

#endif /* GSTUB_CONFIG_SW_BREAKPOINTS */
