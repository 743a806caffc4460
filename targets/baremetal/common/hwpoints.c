/*
 * Slots of debug registers for gdb's hardware points; see hwpoints.h.
 */
#include <gstub/config.h>
#include "hwpoints.h"

/* What one register pair holds: gdb's point, as gdb named it (a watch
 * over several blocks leaves the same range in each of its registers). */
struct hwpoint {
	bool used;
	enum gstub_bp_type type;
	uintptr_t addr, len; /* len 0 for a breakpoint */
};

static struct {
	const struct hwpoints_arch *arch;
	unsigned count[2]; /* per bank; 0 before hwpoints_init */
	unsigned block_shift; /* a watchpoint covers 1 << block_shift bytes */
	struct hwpoint slots[2][HWPOINTS_MAX];
} hw;

void hwpoints_reset(void)
{
	unsigned bank, i;

	for (bank = HWPOINTS_BREAK; bank <= HWPOINTS_WATCH; bank++) {
		for (i = 0; i < hw.count[bank]; i++) {
			hw.slots[bank][i].used = false;
			hw.arch->write_pair(bank, i, 0, 0);
		}
	}
}

static unsigned at_most_max(unsigned n)
{
	return n > HWPOINTS_MAX ? HWPOINTS_MAX : n;
}

void hwpoints_init(const struct hwpoints_arch *arch, unsigned n_breaks,
		   unsigned n_watches, unsigned block)
{
	hw.arch = arch;
	hw.count[HWPOINTS_BREAK] = at_most_max(n_breaks);
	hw.count[HWPOINTS_WATCH] = at_most_max(n_watches);
	hw.block_shift = 0;
	while (1u << hw.block_shift < block)
		hw.block_shift++;
	hwpoints_reset();
}

static unsigned free_slots(enum hwpoints_bank bank)
{
	unsigned i, n = 0;

	for (i = 0; i < hw.count[bank]; i++)
		n += !hw.slots[bank][i].used;
	return n;
}

/* Puts (type, addr, len) in the bank's first free register, written with
 * value and control; false when every one is taken. */
static bool claim(enum hwpoints_bank bank, enum gstub_bp_type type,
		  uintptr_t addr, uintptr_t len, uintptr_t value,
		  uintptr_t control)
{
	struct hwpoint *p = hw.slots[bank];
	unsigned i;

	for (i = 0; i < hw.count[bank]; i++) {
		if (!p[i].used) {
			p[i].used = true;
			p[i].type = type;
			p[i].addr = addr;
			p[i].len = len;
			hw.arch->write_pair(bank, i, value, control);
			return true;
		}
	}
	return false;
}

/* Frees every register holding (type, addr, len). */
static int forget(enum hwpoints_bank bank, enum gstub_bp_type type,
		  uint64_t addr, uint64_t len)
{
	struct hwpoint *p = hw.slots[bank];
	unsigned i;
	bool found = false;

	for (i = 0; i < hw.count[bank]; i++) {
		if (p[i].used && p[i].type == type && p[i].addr == addr &&
		    p[i].len == len) {
			p[i].used = false;
			hw.arch->write_pair(bank, i, 0, 0);
			found = true;
		}
	}
	return found ? 0 : GSTUB_ENOENT;
}

static int insert_break(uint64_t addr, uint64_t kind)
{
	struct hwpoints_pair pair;
	unsigned i;

	if (addr >= hw.arch->addr_end || !hw.arch->break_pair(addr, kind, &pair))
		return GSTUB_EINVAL;
	/* gdb may insert one again (after a reconnect, say) */
	for (i = 0; i < hw.count[HWPOINTS_BREAK]; i++)
		if (hw.slots[HWPOINTS_BREAK][i].used &&
		    hw.slots[HWPOINTS_BREAK][i].addr == addr)
			return 0;
	return claim(HWPOINTS_BREAK, GSTUB_BP_HARDWARE, (uintptr_t)addr, 0,
		     pair.value,
		     pair.control)
		       ? 0
		       : GSTUB_ENOSPC;
}

/* A register per block the range touches; the bytes it watches of each
 * are set in the control word's mask. */
static int insert_watch(enum gstub_bp_type type, uint64_t addr64,
			uint64_t len64)
{
	uintptr_t block = (uintptr_t)1 << hw.block_shift, addr, len, at, last,
		  lo, hi;
	unsigned need;

	if (len64 < 1 || len64 > block * HWPOINTS_MAX ||
	    addr64 >= hw.arch->addr_end || hw.arch->addr_end - addr64 < len64)
		return GSTUB_EINVAL;
	addr = (uintptr_t)addr64;
	len = (uintptr_t)len64;
	last = addr + len - 1; /* the last byte: no overflow at the top */
	need = (unsigned)((last >> hw.block_shift) -
			  (addr >> hw.block_shift) + 1);
	if (need > free_slots(HWPOINTS_WATCH))
		return GSTUB_ENOSPC;
	for (at = addr & ~(block - 1); need > 0; at += block, need--) {
		lo = addr > at ? addr - at : 0;
		hi = last - at < block ? last - at : block - 1;
		claim(HWPOINTS_WATCH, type, addr, len, at,
		      hw.arch->watch_control(
			      type, ((2u << (hi - lo)) - 1) << lo));
	}
	return 0;
}

static bool is_watch(enum gstub_bp_type type)
{
	return type == GSTUB_WP_WRITE || type == GSTUB_WP_READ ||
	       type == GSTUB_WP_ACCESS;
}

int hwpoints_insert(void *ctx, enum gstub_bp_type type, uint64_t addr,
		    uint64_t kind)
{
	(void)ctx;
	if (type == GSTUB_BP_HARDWARE)
		return insert_break(addr, kind);
	if (is_watch(type))
		return insert_watch(type, addr, kind);
	return GSTUB_EINVAL;
}

int hwpoints_remove(void *ctx, enum gstub_bp_type type, uint64_t addr,
		    uint64_t kind)
{
	(void)ctx;
	if (type == GSTUB_BP_HARDWARE)
		return forget(HWPOINTS_BREAK, type, addr, 0);
	if (is_watch(type))
		return forget(HWPOINTS_WATCH, type, addr, kind);
	return GSTUB_EINVAL;
}

/* The first watch whose range shares a block with addr and whose type
 * allows the access. The CPU may report any address of the access, which
 * may start below the watched bytes. */
static const struct hwpoint *watch_at(uintptr_t addr,
				      enum hwpoints_access access)
{
	const struct hwpoint *p = hw.slots[HWPOINTS_WATCH];
	unsigned s = hw.block_shift, i;

	for (i = 0; i < hw.count[HWPOINTS_WATCH]; i++) {
		if (!p[i].used || addr >> s < p[i].addr >> s ||
		    addr >> s > (p[i].addr + p[i].len - 1) >> s)
			continue;
		if ((p[i].type == GSTUB_WP_WRITE &&
		     access == HWPOINTS_ACCESS_READ) ||
		    (p[i].type == GSTUB_WP_READ &&
		     access == HWPOINTS_ACCESS_WRITE))
			continue;
		return &p[i];
	}
	return NULL;
}

void hwpoints_watch_stop(uint64_t addr, enum hwpoints_access access,
			 struct gstub_stop *stop)
{
	const struct hwpoint *w = watch_at((uintptr_t)addr, access);

	/* Without the access's direction the first watch names the kind;
	 * gdb checks every watchpoint on the address anyway (the values of
	 * the write ones). */
	stop->reason = GSTUB_STOP_WATCH;
	stop->addr = addr;
	if (!w)
		return;
	/* gdb looks for the address within the watched range */
	if (addr < w->addr || addr - w->addr >= w->len)
		stop->addr = w->addr;
	if (w->type == GSTUB_WP_READ)
		stop->reason = GSTUB_STOP_RWATCH;
	else if (w->type == GSTUB_WP_ACCESS)
		stop->reason = GSTUB_STOP_AWATCH;
}

#if GSTUB_CONFIG_MONITOR
/* Appends the decimal digits of v (below 100) to p; returns the end. */
static char *put_count(char *p, unsigned v)
{
	if (v >= 10)
		*p++ = (char)('0' + v / 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

static char *put_text(char *p, const char *text)
{
	while (*text)
		*p++ = *text++;
	return p;
}

/* Tells gdb's user (and the tests) how many points fit before gdb's "too
 * many" error, and shows what a session left behind. */
static int monitor_show(struct gstub *g, void *ctx, const char *args,
			size_t len)
{
	unsigned nb = hw.count[HWPOINTS_BREAK], nw = hw.count[HWPOINTS_WATCH];
	char line[128], *p = line;

	(void)ctx;
	(void)args;
	(void)len;
	p = put_text(p, "hardware breakpoints: ");
	p = put_count(p, nb);
	p = put_text(p, " (");
	p = put_count(p, nb - free_slots(HWPOINTS_BREAK));
	p = put_text(p, " in use)\nhardware watchpoints: ");
	p = put_count(p, nw);
	p = put_text(p, " (");
	p = put_count(p, nw - free_slots(HWPOINTS_WATCH));
	p = put_text(p, " in use), each within one aligned block of ");
	p = put_count(p, 1u << hw.block_shift);
	p = put_text(p, " bytes\n");
	return gstub_monitor_print(g, line, (size_t)(p - line));
}

const struct gstub_monitor_cmd hwpoints_monitor_cmds[HWPOINTS_N_MONITOR_CMDS] = {
	{ "hw-points", "how many hardware breakpoints and watchpoints the CPU has",
	  monitor_show },
};
#endif /* GSTUB_CONFIG_MONITOR */
