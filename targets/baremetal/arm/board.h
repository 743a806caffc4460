/*
 * QEMU's virt board as the AArch32 firmware sees it, and the pieces of the
 * monitor that other files share.
 */
#ifndef FW_ARM_BOARD_H
#define FW_ARM_BOARD_H

#include <stdbool.h>
#include <stdint.h>

/* The devices and the memory functions are those of the AArch64
 * firmware too (targets/baremetal/common). */
#include "mem.h"
#include "pl011.h"
#include "virt-board.h"
#include "virt-gic.h"

/* The firmware assumes at least this much RAM (boot with -m 128 or
 * more). The device tree QEMU places at the start of RAM is left alone:
 * the image is linked above it (link.ld). */
#define BOARD_RAM_BASE VIRT_RAM_BASE
#define BOARD_RAM_SIZE (128u * 1024 * 1024)

/* CPSR bits and modes */
#define PSR_MODE_MASK 0x1fu
#define PSR_MODE_USR 0x10u
#define PSR_T (1u << 5)
#define PSR_F (1u << 6)
#define PSR_I (1u << 7)
#define PSR_A (1u << 8)

#endif
