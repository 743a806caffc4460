/*
 * Hardware breakpoints and watchpoints (Z1-Z4) with the debug registers
 * reached through cp14, as many as DBGDIDR says the CPU has. They match in
 * USR mode only, so the monitor never trips over the program's points
 * (gdb's memory reads and writes included).
 */
#include "monitor.h"

#define MAX_POINTS 16

/* DBGDIDR: how many of each, minus one */
#define DIDR_BRPS(v) (((v) >> 24 & 0xfu) + 1)
#define DIDR_WRPS(v) (((v) >> 28 & 0xfu) + 1)

/* DBGDSCRext */
#define DSCR_MDBGEN (1u << 15) /* monitor debug mode: points raise aborts */
#define DSCR_MOE(v) ((v) >> 2 & 0xfu)
#define MOE_BREAKPOINT 1u

/* DBGBCR/DBGWCR fields */
#define CR_ENABLE 1u
#define CR_USR (2u << 1) /* PMC/PAC: match in USR mode only */
#define CR_BAS(mask) ((uint32_t)(mask) << 5)
#define BAS_ARM 0xfu          /* the word's one ARM instruction */
#define BAS_THUMB_LOW 0x3u    /* a Thumb instruction at the word */
#define BAS_THUMB_HIGH 0xcu   /* ... at the word + 2 */
#define WCR_LOAD (1u << 3)
#define WCR_STORE (2u << 3)
#define WCR_BAS_WIDE 0xf0u    /* BAS bits only a doubleword granule keeps */

/* gdb's breakpoint kinds for ARM: Thumb, Thumb-2 (32-bit), ARM */
#define KIND_THUMB 2u
#define KIND_THUMB2 3u
#define KIND_ARM 4u

struct watch_slot {
	bool used;
	enum gstub_bp_type type;
	uint32_t addr, len; /* the range gdb asked for */
};

static unsigned n_bps, n_wps;
/* Bytes one watchpoint register covers: 4, or 8 when the CPU keeps the
 * upper half of an 8-bit BAS (found out at init). */
static uint32_t wp_granule = 4;
static uint32_t bp_addr[MAX_POINTS];
static bool bp_used[MAX_POINTS];
static struct watch_slot wps[MAX_POINTS];

/* The register number is part of the instruction: one case per slot. */
#define DBG_CASES(X)                                                  \
	X(0) X(1) X(2) X(3) X(4) X(5) X(6) X(7) X(8) X(9) X(10) X(11) \
	X(12) X(13) X(14) X(15)

static void set_bp(unsigned n, uint32_t value, uint32_t control)
{
	switch (n) {
#define SET_BP_(i)                                                         \
	case i:                                                            \
		/* disabled first, so no half-written pair ever matches */ \
		__asm__ volatile("mcr p14, 0, %2, c0, c" #i ", 5\n\t"      \
				 "mcr p14, 0, %0, c0, c" #i ", 4\n\t"      \
				 "mcr p14, 0, %1, c0, c" #i ", 5"          \
				 ::"r"(value), "r"(control), "r"(0u));     \
		break;
		DBG_CASES(SET_BP_)
#undef SET_BP_
	}
	__asm__ volatile("isb" ::: "memory");
}

static void set_wp(unsigned n, uint32_t value, uint32_t control)
{
	switch (n) {
#define SET_WP_(i)                                                         \
	case i:                                                            \
		__asm__ volatile("mcr p14, 0, %2, c0, c" #i ", 7\n\t"      \
				 "mcr p14, 0, %0, c0, c" #i ", 6\n\t"      \
				 "mcr p14, 0, %1, c0, c" #i ", 7"          \
				 ::"r"(value), "r"(control), "r"(0u));     \
		break;
		DBG_CASES(SET_WP_)
#undef SET_WP_
	}
	__asm__ volatile("isb" ::: "memory");
}

static uint32_t read_wcr0(void)
{
	uint32_t v;

	__asm__ volatile("mrc p14, 0, %0, c0, c0, 7" : "=r"(v));
	return v;
}

static uint32_t read_dscr(void)
{
	uint32_t v;

	__asm__ volatile("mrc p14, 0, %0, c0, c2, 2" : "=r"(v));
	return v;
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
	uint32_t didr;

	__asm__ volatile("mrc p14, 0, %0, c0, c0, 0" : "=r"(didr));
	n_bps = DIDR_BRPS(didr);
	n_wps = DIDR_WRPS(didr);
	if (n_bps > MAX_POINTS)
		n_bps = MAX_POINTS;
	if (n_wps > MAX_POINTS)
		n_wps = MAX_POINTS;
	/* Does a watchpoint cover a doubleword? The upper BAS bits of a
	 * disabled register read back as written only when it does. */
	set_wp(0, 0, CR_BAS(0xffu));
	if ((read_wcr0() & CR_BAS(WCR_BAS_WIDE)) == CR_BAS(WCR_BAS_WIDE))
		wp_granule = 8;
	hwdebug_reset();
	/* the OS lock may be set at reset, and it holds off every debug
	 * event: any value but the lock key clears it */
	__asm__ volatile("mcr p14, 0, %0, c1, c0, 4\n\tisb" ::"r"(0u)
			 : "memory");
	__asm__ volatile("mcr p14, 0, %0, c0, c2, 2\n\tisb"
			 ::"r"(read_dscr() | DSCR_MDBGEN) : "memory");
}

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

/* Registers in use (a watch over several granules takes several). */
static unsigned bps_in_use(void)
{
	unsigned i, k = 0;

	for (i = 0; i < n_bps; i++)
		k += bp_used[i];
	return k;
}

static unsigned wps_in_use(void)
{
	unsigned i, k = 0;

	for (i = 0; i < n_wps; i++)
		k += wps[i].used;
	return k;
}

/* `monitor hw-points`: what the CPU offers and what is taken, so gdb's
 * user (and the tests) know how many points fit before gdb's "too many"
 * error, and see what a session left behind. */
static int show_points(struct gstub *g, void *ctx, const char *args,
		       size_t len)
{
	char line[128], *p = line;

	(void)ctx;
	(void)args;
	(void)len;
	p = put_text(p, "hardware breakpoints: ");
	p = put_count(p, n_bps);
	p = put_text(p, " (");
	p = put_count(p, bps_in_use());
	p = put_text(p, " in use)\nhardware watchpoints: ");
	p = put_count(p, n_wps);
	p = put_text(p, " (");
	p = put_count(p, wps_in_use());
	p = put_text(p, " in use), each within one aligned block of ");
	p = put_count(p, wp_granule);
	p = put_text(p, " bytes\n");
	return gstub_monitor_print(g, line, (size_t)(p - line));
}

const struct gstub_monitor_cmd hwdebug_monitor_cmds[HWDEBUG_N_MONITOR_CMDS] = {
	{ "hw-points", "how many hardware breakpoints and watchpoints the CPU has",
	  show_points },
};

bool hwdebug_breakpoint_hit(void)
{
	return DSCR_MOE(read_dscr()) == MOE_BREAKPOINT;
}

/* BAS for gdb's kind at addr, 0 when no instruction can start there. */
static uint32_t bp_bas(uint32_t addr, uint64_t kind)
{
	if (kind == KIND_ARM)
		return (addr & 3) ? 0 : BAS_ARM;
	if (kind == KIND_THUMB || kind == KIND_THUMB2) {
		if (addr & 1)
			return 0;
		return (addr & 2) ? BAS_THUMB_HIGH : BAS_THUMB_LOW;
	}
	return 0;
}

static int insert_bp(uint64_t addr, uint64_t kind)
{
	uint32_t bas;
	unsigned i;

	if (addr > UINT32_MAX)
		return GSTUB_EINVAL;
	bas = bp_bas((uint32_t)addr, kind);
	if (!bas)
		return GSTUB_EINVAL;
	for (i = 0; i < n_bps; i++)
		if (bp_used[i] && bp_addr[i] == addr)
			return 0;
	for (i = 0; i < n_bps; i++) {
		if (!bp_used[i]) {
			bp_used[i] = true;
			bp_addr[i] = (uint32_t)addr;
			set_bp(i, (uint32_t)addr & ~3u,
			       CR_ENABLE | CR_USR | CR_BAS(bas));
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

/* One register watches bytes of one aligned granule (BAS); a longer range
 * takes a register per granule it touches, all or none. */
static unsigned granules(uint32_t addr, uint32_t len)
{
	return (addr + len - 1) / wp_granule - addr / wp_granule + 1;
}

static int insert_wp(enum gstub_bp_type type, uint64_t addr, uint64_t len)
{
	uint32_t lsc, at, end, lo, hi;
	unsigned i, need, free = 0;

	if (len < 1 || len > (uint64_t)wp_granule * MAX_POINTS ||
	    addr > UINT32_MAX || addr + len - 1 > UINT32_MAX)
		return GSTUB_EINVAL;
	need = granules((uint32_t)addr, (uint32_t)len);
	for (i = 0; i < n_wps; i++)
		free += !wps[i].used;
	if (need > free)
		return GSTUB_ENOSPC;
	lsc = type == GSTUB_WP_WRITE ? WCR_STORE
	      : type == GSTUB_WP_READ ? WCR_LOAD
				      : WCR_LOAD | WCR_STORE;
	at = (uint32_t)addr & ~(wp_granule - 1);
	end = (uint32_t)(addr + len - 1); /* last byte: no overflow at 4G */
	for (i = 0; i < n_wps && need > 0; i++) {
		if (wps[i].used)
			continue;
		lo = addr > at ? (uint32_t)addr - at : 0;
		hi = end - at < wp_granule ? end - at : wp_granule - 1;
		wps[i].used = true;
		wps[i].type = type;
		wps[i].addr = (uint32_t)addr;
		wps[i].len = (uint32_t)len;
		set_wp(i, at, CR_ENABLE | CR_USR | lsc |
				      CR_BAS(((2u << (hi - lo)) - 1) << lo));
		at += wp_granule;
		need--;
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
		return insert_bp(addr, kind);
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

void hwdebug_watch_stop(uint32_t far, struct gstub_stop *stop)
{
	const struct watch_slot *w = NULL;
	uint32_t g = wp_granule;
	unsigned i;

	/* The watch whose range shares a granule with the address. The
	 * fault status does not say whether the access was a read or a
	 * write, so the first such watch names the kind; gdb checks every
	 * watchpoint on the address anyway (the values of write ones). */
	for (i = 0; i < n_wps; i++) {
		if (wps[i].used && far / g >= wps[i].addr / g &&
		    far / g <= (wps[i].addr + wps[i].len - 1) / g) {
			w = &wps[i];
			break;
		}
	}
	stop->reason = GSTUB_STOP_WATCH;
	stop->addr = far;
	if (!w)
		return;
	/* gdb looks for the address within the watched range */
	if (far < w->addr || far - w->addr >= w->len)
		stop->addr = w->addr;
	if (w->type == GSTUB_WP_READ)
		stop->reason = GSTUB_STOP_RWATCH;
	else if (w->type == GSTUB_WP_ACCESS)
		stop->reason = GSTUB_STOP_AWATCH;
}
