/*
 * gdb's memory accesses, checked against the board's map: only RAM is
 * reachable, so a bad address is GSTUB_EFAULT and never a fault inside
 * the monitor. gdb reads all of RAM but writes only the program's part
 * (from its block on): the device tree and the monitor itself are not
 * the program's to change. Writes may patch code (breakpoints), so the
 * instruction cache is made coherent with the data cache after each.
 */
#include "monitor.h"


static uint64_t ram_end;

void memory_init(uint64_t ram_size)
{
	if (ram_size > BOARD_RAM_MAX)
		ram_size = BOARD_RAM_MAX;
	ram_end = BOARD_RAM_BASE + ram_size;
}

bool memory_valid(uint64_t addr, uint64_t len)
{
	return addr >= BOARD_RAM_BASE && addr < ram_end &&
	       len <= ram_end - addr;
}

/* How many of len bytes at addr are in [base, end of RAM) (0: none). */
static size_t reachable(uint64_t base, uint64_t addr, size_t len)
{
	if (addr < base || addr >= ram_end)
		return 0;
	return len < ram_end - addr ? len : (size_t)(ram_end - addr);
}

int memory_read(void *ctx, uint64_t addr, void *buf, size_t len)
{
	size_t n = reachable(BOARD_RAM_BASE, addr, len);

	(void)ctx;
	if (n == 0)
		return GSTUB_EFAULT;
	if (n > INT32_MAX)
		n = INT32_MAX;
	memcpy(buf, (const void *)(uintptr_t)addr, n);
	return (int)n;
}

static void sync_icache(uint64_t addr, size_t len)
{
	uint64_t ctr = READ_SYSREG(ctr_el0);
	uint64_t dline = 4ull << (ctr >> 16 & 0xf);
	uint64_t iline = 4ull << (ctr & 0xf);
	uint64_t a, end = addr + len;

	for (a = addr & ~(dline - 1); a < end; a += dline)
		__asm__ volatile("dc cvau, %0" ::"r"(a) : "memory");
	__asm__ volatile("dsb ish" ::: "memory");
	for (a = addr & ~(iline - 1); a < end; a += iline)
		__asm__ volatile("ic ivau, %0" ::"r"(a) : "memory");
	__asm__ volatile("dsb ish; isb" ::: "memory");
}

int memory_write(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	size_t n = reachable(BOARD_USER_BASE, addr, len);

	(void)ctx;
	if (n == 0)
		return GSTUB_EFAULT;
	if (n > INT32_MAX)
		n = INT32_MAX;
	memcpy((void *)(uintptr_t)addr, buf, n);
	sync_icache(addr, n);
	return (int)n;
}
