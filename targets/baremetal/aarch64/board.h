/*
 * The AArch64 virt board as the monitor sees it: the memory map, the
 * devices it drives, and the pieces shared between the monitor's files.
 * The monitor runs at EL1 and is built with -mgeneral-regs-only, so the
 * program's FP/SVE registers stay live in the hardware while it runs.
 */
#ifndef A64_BOARD_H
#define A64_BOARD_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <gstub/gstub.h>

/* The devices and the memory functions are those of the AArch32
 * firmware too (targets/baremetal/common). */
#include "mem.h"
#include "pl011.h"
#include "virt-board.h"
#include "virt-gic.h"

#define BOARD_RAM_BASE ((uint64_t)VIRT_RAM_BASE)
#define BOARD_RAM_MAX (1ull << 30) /* one level-2 table maps 1 GiB */

/* Where the linker script puts the parts (2 MiB blocks of the map). */
#define BOARD_MONITOR_BASE 0x40200000ull
#define BOARD_USER_BASE 0x40400000ull
#define BOARD_BLOCK_SIZE 0x200000ull

/* The program's registers while the monitor runs (start.S fills it at
 * every exception from EL0 and erets from it). */
struct user_frame {
	uint64_t x[31];
	uint64_t sp;     /* SP_EL0 */
	uint64_t pc;     /* ELR_EL1 */
	uint64_t pstate; /* SPSR_EL1 */
};

extern struct user_frame user_frame;

/* start.S */
void enter_user(void) __attribute__((noreturn));
extern char _user_start[]; /* the program's first instruction */

/* mmu.c */
void mmu_enable(uint64_t ram_size);

/* fdt.c: what the monitor needs from the device tree QEMU passes. */
struct boot_info {
	uint64_t ram_size;
	const char *bootargs; /* points into the DTB, or "" */
	size_t bootargs_len;
};
void fdt_read_boot_info(const void *dtb, struct boot_info *out);

/* sysregs: small helpers */
#define READ_SYSREG(name)                                              \
	({                                                             \
		uint64_t v_;                                           \
		__asm__ volatile("mrs %0, " #name : "=r"(v_));         \
		v_;                                                    \
	})
#define WRITE_SYSREG(name, v)                                          \
	__asm__ volatile("msr " #name ", %0" ::"r"((uint64_t)(v)))

#endif
