/*
 * An identity map with 4 KiB granules and a 39-bit address space: the
 * first GiB (devices) as one Device-nGnRnE block, RAM as 2 MiB Normal
 * write-back blocks. With the MMU off every access is Device and the
 * program's C code (unaligned accesses, SVE loads) would fault.
 *
 * Permissions follow the image layout (link.ld): the device tree and the
 * monitor's block are EL1-only; the program's block is EL0 read-write-
 * execute (EL1 may not execute it: memory writable at EL0 is never
 * executable at EL1); the rest of RAM is data for both.
 */
#include "board.h"

#define DESC_BLOCK 0x1ull
#define DESC_TABLE 0x3ull
#define ATTR_IDX(n) ((uint64_t)(n) << 2)
#define AP_EL0_RW (1ull << 6)
#define SH_INNER (3ull << 8)
#define AF (1ull << 10)
#define PXN (1ull << 53)
#define UXN (1ull << 54)

#define MAIR_DEVICE 0 /* attribute index 0: Device-nGnRnE */
#define MAIR_NORMAL 1 /* attribute index 1: Normal, write-back */

static uint64_t level1[512] __attribute__((aligned(4096)));
static uint64_t level2_ram[512] __attribute__((aligned(4096)));

static uint64_t ram_block(uint64_t addr)
{
	uint64_t d = addr | DESC_BLOCK | ATTR_IDX(MAIR_NORMAL) | SH_INNER | AF;

	if (addr == BOARD_MONITOR_BASE)
		return d | UXN; /* the monitor's code and data */
	if (addr == BOARD_USER_BASE)
		return d | AP_EL0_RW; /* the program */
	if (addr < BOARD_MONITOR_BASE)
		return d | UXN | PXN; /* the device tree */
	return d | AP_EL0_RW | UXN | PXN;
}

void mmu_enable(uint64_t ram_size)
{
	uint64_t i, addr, sctlr;

	level1[0] = 0 | DESC_BLOCK | ATTR_IDX(MAIR_DEVICE) | AF | UXN | PXN;
	level1[1] = (uint64_t)(uintptr_t)level2_ram | DESC_TABLE;
	for (i = 0; i < 512; i++) {
		addr = BOARD_RAM_BASE + i * BOARD_BLOCK_SIZE;
		level2_ram[i] = i * BOARD_BLOCK_SIZE < ram_size ? ram_block(addr) : 0;
	}
	__asm__ volatile("dsb sy" ::: "memory");
	WRITE_SYSREG(mair_el1, 0xffull << (8 * MAIR_NORMAL));
	/* T0SZ=25 (39 bits, walks start at level 1), inner/outer write-back
	 * walks, inner shareable, 4 KiB granule, no TTBR1 walks, 40-bit PA */
	WRITE_SYSREG(tcr_el1, 25ull | 1ull << 8 | 1ull << 10 | 3ull << 12 |
				      1ull << 23 | 2ull << 32);
	WRITE_SYSREG(ttbr0_el1, (uint64_t)(uintptr_t)level1);
	__asm__ volatile("isb; tlbi vmalle1; dsb sy; isb" ::: "memory");
	sctlr = READ_SYSREG(sctlr_el1);
	sctlr |= 1ull << 0;   /* M: MMU on */
	sctlr |= 1ull << 2;   /* C: data cache */
	sctlr |= 1ull << 12;  /* I: instruction cache */
	sctlr &= ~(1ull << 1);  /* A: unaligned accesses allowed */
	sctlr |= 1ull << 14;  /* DZE: DC ZVA at EL0 */
	sctlr |= 1ull << 15;  /* UCT: CTR_EL0 at EL0 */
	sctlr &= ~(1ull << 19); /* WXN off */
	WRITE_SYSREG(sctlr_el1, sctlr);
	__asm__ volatile("isb" ::: "memory");
}
