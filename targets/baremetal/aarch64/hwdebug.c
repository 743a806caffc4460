/*
 * Hardware breakpoints and watchpoints (Z1-Z4) with the debug registers,
 * as many as ID_AA64DFR0_EL1 says the CPU has. They match at EL0 only, so
 * the monitor never trips over the program's watchpoints.
 */
#include "monitor.h"

#define MAX_POINTS 16

/* DBGBCR/DBGWCR fields */
#define CR_ENABLE 1u
#define CR_EL0 (2u << 1)        /* PMC/PAC: match at EL0 */
#define BCR_BAS_A64 (0xfu << 5) /* an A64 instruction */
#define WCR_LOAD (1u << 3)
#define WCR_STORE (2u << 3)
#define WCR_BAS(mask) ((uint64_t)(mask) << 5)

struct watch_slot {
	bool used;
	enum gstub_bp_type type;
	uint64_t addr, len; /* the range gdb asked for */
};

static unsigned n_bps, n_wps;
static uint64_t bp_addr[MAX_POINTS];
static bool bp_used[MAX_POINTS];
static struct watch_slot wps[MAX_POINTS];

/* The register number is part of the instruction: one case per slot. */
#define DBG_CASES(X)                                                  \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) \
	X(12) X(13) X(14) X(15)

static void set_bp(unsigned n, uint64_t value, uint64_t control)
{
	switch (n) {
#define SET_BP_(i)                                                          \
	case i:                                                             \
		__asm__ volatile("msr dbgbvr" #i "_el1, %0\n\t"             \
				 "msr dbgbcr" #i "_el1, %1" ::"r"(value),   \
				 "r"(control));                             \
		break;
		DBG_CASES(SET_BP_)
#undef SET_BP_
	}
	__asm__ volatile("isb");
}

static void set_wp(unsigned n, uint64_t value, uint64_t control)
{
	switch (n) {
#define SET_WP_(i)                                                          \
	case i:                                                             \
		__asm__ volatile("msr dbgwvr" #i "_el1, %0\n\t"             \
				 "msr dbgwcr" #i "_el1, %1" ::"r"(value),   \
				 "r"(control));                             \
		break;
		DBG_CASES(SET_WP_)
#undef SET_WP_
	}
	__asm__ volatile("isb");
}

void hwdebug_reset(void)
{
	unsigned i;

	for (i = 0; i < n_bps; i++) {
		bp_used[i] = false;
		set_bp(i, 0, 0);
	}
	for (i = 0; i < n_wps; i++) {
		wps[i].used = false;
		set_wp(i, 0, 0);
	}
}

void hwdebug_init(void)
{
	uint64_t dfr = READ_SYSREG(id_aa64dfr0_el1);
	uint64_t mdscr;

	n_bps = (unsigned)(dfr >> 12 & 0xf) + 1;
	n_wps = (unsigned)(dfr >> 20 & 0xf) + 1;
	if (n_bps > MAX_POINTS)
		n_bps = MAX_POINTS;
	if (n_wps > MAX_POINTS)
		n_wps = MAX_POINTS;
	hwdebug_reset();
	/* the OS lock is set at reset and blocks every debug exception */
	__asm__ volatile("msr oslar_el1, xzr; isb");
	mdscr = READ_SYSREG(mdscr_el1);
	mdscr |= 1ull << 15; /* MDE: breakpoints and watchpoints */
	WRITE_SYSREG(mdscr_el1, mdscr);
	__asm__ volatile("isb");
}

static int insert_bp(uint64_t addr)
{
	unsigned i;

	if (addr & 3)
		return GSTUB_EINVAL;
	for (i = 0; i < n_bps; i++)
		if (bp_used[i] && bp_addr[i] == addr)
			return 0;
	for (i = 0; i < n_bps; i++) {
		if (!bp_used[i]) {
			bp_used[i] = true;
			bp_addr[i] = addr;
			set_bp(i, addr, CR_ENABLE | CR_EL0 | BCR_BAS_A64);
			return 0;
		}
	}
	return GSTUB_ENOSPC;
}

static int remove_bp(uint64_t addr)
{
	unsigned i;

	for (i = 0; i < n_bps; i++) {
		if (bp_used[i] && bp_addr[i] == addr) {
			bp_used[i] = false;
			set_bp(i, 0, 0);
			return 0;
		}
	}
	return GSTUB_ENOENT;
}

/* One slot watches bytes of one aligned doubleword (BAS); a longer range
 * takes a slot per doubleword it touches, all or none. */
static unsigned doublewords(uint64_t addr, uint64_t len)
{
	return (unsigned)(((addr + len - 1) >> 3) - (addr >> 3) + 1);
}

static int insert_wp(enum gstub_bp_type type, uint64_t addr, uint64_t len)
{
	uint64_t lsc, dw, end = addr + len, lo, hi;
	unsigned i, need, free = 0;

	if (len < 1 || len > 8 * MAX_POINTS || end < addr)
		return GSTUB_EINVAL;
	need = doublewords(addr, len);
	for (i = 0; i < n_wps; i++)
		free += !wps[i].used;
	if (need > free)
		return GSTUB_ENOSPC;
	lsc = type == GSTUB_WP_WRITE ? WCR_STORE
	      : type == GSTUB_WP_READ ? WCR_LOAD
				      : WCR_LOAD | WCR_STORE;
	dw = addr & ~7ull;
	for (i = 0; i < n_wps && dw < end; i++) {
		if (wps[i].used)
			continue;
		lo = addr > dw ? addr - dw : 0;
		hi = end < dw + 8 ? end - dw : 8;
		wps[i].used = true;
		wps[i].type = type;
		wps[i].addr = addr;
		wps[i].len = len;
		set_wp(i, dw, CR_ENABLE | CR_EL0 | lsc |
				      WCR_BAS(((1u << (hi - lo)) - 1) << lo));
		dw += 8;
	}
	return 0;
}

static int remove_wp(enum gstub_bp_type type, uint64_t addr, uint64_t len)
{
	unsigned i;
	bool found = false;

	for (i = 0; i < n_wps; i++) {
		if (wps[i].used && wps[i].type == type && wps[i].addr == addr &&
		    wps[i].len == len) {
			wps[i].used = false;
			set_wp(i, 0, 0);
			found = true;
		}
	}
	return found ? 0 : GSTUB_ENOENT;
}

static int hw_insert(void *ctx, enum gstub_bp_type type, uint64_t addr,
		     uint64_t kind)
{
	(void)ctx;
	if (type == GSTUB_BP_HARDWARE)
		return insert_bp(addr);
	if (type == GSTUB_WP_WRITE || type == GSTUB_WP_READ ||
	    type == GSTUB_WP_ACCESS)
		return insert_wp(type, addr, kind);
	return GSTUB_EINVAL;
}

static int hw_remove(void *ctx, enum gstub_bp_type type, uint64_t addr,
		     uint64_t kind)
{
	(void)ctx;
	if (type == GSTUB_BP_HARDWARE)
		return remove_bp(addr);
	if (type == GSTUB_WP_WRITE || type == GSTUB_WP_READ ||
	    type == GSTUB_WP_ACCESS)
		return remove_wp(type, addr, kind);
	return GSTUB_EINVAL;
}

const struct gstub_breakpoint_ops hwdebug_ops = {
	.types = 1u << GSTUB_BP_HARDWARE | 1u << GSTUB_WP_WRITE |
		 1u << GSTUB_WP_READ | 1u << GSTUB_WP_ACCESS,
	.insert = hw_insert,
	.remove = hw_remove,
};

void hwdebug_watch_stop(uint64_t far, bool write, struct gstub_stop *stop)
{
	const struct watch_slot *w = NULL;
	unsigned i;

	/* the watch whose range shares a doubleword with the access and
	 * whose kind matches it (the CPU may report any address of the
	 * access, which may start below the watched bytes) */
	for (i = 0; i < n_wps; i++) {
		if (!wps[i].used || far >> 3 < wps[i].addr >> 3 ||
		    far >> 3 > (wps[i].addr + wps[i].len - 1) >> 3)
			continue;
		if ((wps[i].type == GSTUB_WP_WRITE && !write) ||
		    (wps[i].type == GSTUB_WP_READ && write))
			continue;
		w = &wps[i];
		break;
	}
	stop->reason = GSTUB_STOP_WATCH;
	stop->addr = far;
	if (!w)
		return;
	/* gdb looks for the address within the watched range */
	if (far < w->addr || far >= w->addr + w->len)
		stop->addr = w->addr;
	if (w->type == GSTUB_WP_READ)
		stop->reason = GSTUB_STOP_RWATCH;
	else if (w->type == GSTUB_WP_ACCESS)
		stop->reason = GSTUB_STOP_AWATCH;
}
