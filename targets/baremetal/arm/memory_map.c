/* gdb's memory accesses, checked against the virt board's map: only RAM
 * is reachable, so a bad address is an error reply, never an abort taken
 * inside the monitor. */
#include "monitor.h"
#include "board.h"

size_t fw_ram_prefix(uint64_t addr, size_t len)
{
	uint64_t end = (uint64_t)BOARD_RAM_BASE + BOARD_RAM_SIZE;

	if (addr < BOARD_RAM_BASE || addr >= end)
		return 0;
	if (len > end - addr)
		len = (size_t)(end - addr);
	return len;
}

bool fw_ram_range(uint64_t addr, uint64_t len)
{
	uint64_t end = (uint64_t)BOARD_RAM_BASE + BOARD_RAM_SIZE;

	return addr >= BOARD_RAM_BASE && addr <= end && len <= end - addr;
}

/* New instructions (breakpoints, gdb's writes) must be what the CPU
 * fetches next: invalidate the I-cache and the branch predictor. The data
 * side needs nothing while the MMU, and with it the D-cache, is off. */
static void sync_icache(void)
{
	__asm__ volatile("dsb\n\t"
			 "mcr p15, 0, %0, c7, c5, 0\n\t"  /* ICIALLU */
			 "mcr p15, 0, %0, c7, c5, 6\n\t"  /* BPIALL */
			 "dsb\n\t"
			 "isb" : : "r"(0) : "memory");
}

int fw_read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	size_t n = fw_ram_prefix(addr, len);

	(void)ctx;
	if (n == 0)
		return GSTUB_EFAULT;
	memcpy(buf, (const void *)(uintptr_t)addr, n);
	return (int)n;
}

int fw_write_mem(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	size_t n = fw_ram_prefix(addr, len);

	(void)ctx;
	if (n == 0)
		return GSTUB_EFAULT;
	memcpy((void *)(uintptr_t)addr, buf, n);
	sync_icache();
	return (int)n;
}
