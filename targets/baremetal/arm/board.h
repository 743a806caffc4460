/*
 * QEMU's virt board as the AArch32 firmware sees it, and the pieces of the
 * monitor that other files share.
 */
#ifndef FW_ARM_BOARD_H
#define FW_ARM_BOARD_H

#include <stdbool.h>
#include <stdint.h>

/* RAM starts at 1 GiB; the firmware assumes at least this much of it
 * (boot with -m 128 or more). The device tree QEMU places at the start of
 * RAM is left alone: the image is linked above it (link.ld). */
#define BOARD_RAM_BASE 0x40000000u
#define BOARD_RAM_SIZE (128u * 1024 * 1024)

#define BOARD_UART_BASE 0x09000000u  /* PL011 */
#define BOARD_GICD_BASE 0x08000000u  /* GICv2 distributor */
#define BOARD_GICC_BASE 0x08010000u  /* GICv2 CPU interface */
#define BOARD_UART_INTID 33u         /* SPI 1 */

/* CPSR bits and modes */
#define PSR_MODE_MASK 0x1fu
#define PSR_MODE_USR 0x10u
#define PSR_T (1u << 5)
#define PSR_F (1u << 6)
#define PSR_I (1u << 7)
#define PSR_A (1u << 8)

static inline uint32_t mmio_read32(uint32_t addr)
{
	return *(volatile uint32_t *)addr;
}

static inline void mmio_write32(uint32_t addr, uint32_t value)
{
	*(volatile uint32_t *)addr = value;
}

#endif
