/*
 * QEMU's virt board as both bare-metal firmwares see it (AArch64 at EL1,
 * AArch32 on a Cortex-A15): the devices sit at the same addresses for
 * either CPU, so their addresses and the helpers that touch them live
 * here once. Each firmware's board.h adds what only its CPU needs.
 */
#ifndef VIRT_BOARD_H
#define VIRT_BOARD_H

#include <stdint.h>

/* RAM starts at 1 GiB; QEMU puts the device tree at its start. */
#define VIRT_RAM_BASE 0x40000000u

#define VIRT_GICD_BASE 0x08000000u /* GICv2 distributor */
#define VIRT_GICC_BASE 0x08010000u /* GICv2 CPU interface */
#define VIRT_UART_BASE 0x09000000u /* the first PL011: gdb's line */
#define VIRT_UART_INTID 33u        /* SPI 1 */

/* Device registers are only ever touched as whole, aligned 32-bit words:
 * every GIC and PL011 register accepts that width, so one pair of helpers
 * serves both drivers on both CPUs. volatile keeps each access exactly
 * as written (no merging, no reordering among them, none dropped). */
static inline uint32_t mmio_read32(uintptr_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uintptr_t addr, uint32_t value)
{
	*(volatile uint32_t *)addr = value;
}

#endif
