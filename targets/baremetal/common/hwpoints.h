/*
 * gdb's hardware breakpoints and watchpoints (Z1-Z4) kept in the CPU's
 * debug registers: which register holds which point, how a watched range
 * is split over the aligned blocks one watchpoint register covers (all
 * or none), what a new session forgets, and what `monitor hw-points`
 * says. The firmware's own file knows the registers themselves: how many
 * the CPU has, how a value/control pair is encoded and how it is written
 * (struct hwpoints_arch). One CPU, so one set of slots.
 */
#ifndef BAREMETAL_HWPOINTS_H
#define BAREMETAL_HWPOINTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gstub/config.h>
#include <gstub/gstub.h>

/* The most of each kind the CPU can report (a 4-bit count, plus one). */
#define HWPOINTS_MAX 16

/* Expands X(a, b, n) for each register number n below HWPOINTS_MAX: the
 * number is part of the instruction that writes a debug register, so
 * writing register n takes one case per n. */
#define HWPOINTS_EACH_REGISTER(X, a, b)                                \
	X(a, b, 0) X(a, b, 1) X(a, b, 2) X(a, b, 3) X(a, b, 4)         \
	X(a, b, 5) X(a, b, 6) X(a, b, 7) X(a, b, 8) X(a, b, 9)         \
	X(a, b, 10) X(a, b, 11) X(a, b, 12) X(a, b, 13) X(a, b, 14)    \
	X(a, b, 15)

/* The point types hwpoints_insert takes (for gstub_breakpoint_ops). */
#define HWPOINTS_TYPES                                                 \
	(1u << GSTUB_BP_HARDWARE | 1u << GSTUB_WP_WRITE |              \
	 1u << GSTUB_WP_READ | 1u << GSTUB_WP_ACCESS)

enum hwpoints_bank { HWPOINTS_BREAK, HWPOINTS_WATCH };

/* What the CPU said about the access that fired a watchpoint. */
enum hwpoints_access {
	HWPOINTS_ACCESS_UNKNOWN,
	HWPOINTS_ACCESS_READ,
	HWPOINTS_ACCESS_WRITE,
};

/* One debug register pair's contents. Registers, and the addresses points
 * are kept at, are as wide as the CPU's (uintptr_t): gdb's 64-bit numbers
 * are checked against addr_end before they are narrowed. */
struct hwpoints_pair {
	uintptr_t value, control;
};

/* The architecture's side: encodings and the one register write. */
struct hwpoints_arch {
	/* Points are taken at addresses below this only. (A 64-bit CPU
	 * cannot say 2^64 here, so its very last byte stays out.) */
	uint64_t addr_end;
	/* The pair for gdb's breakpoint (addr, kind); false when no
	 * instruction of that kind can start at addr. */
	bool (*break_pair)(uint64_t addr, uint64_t kind,
			   struct hwpoints_pair *pair);
	/* The control word watching the bytes of one block set in
	 * `byte_mask` (bit i: byte i) for accesses of `type` (Z2-Z4). */
	uintptr_t (*watch_control)(enum gstub_bp_type type, unsigned byte_mask);
	/* Writes pair n of the bank; a control word of 0 disables it. */
	void (*write_pair)(enum hwpoints_bank bank, unsigned n, uintptr_t value,
			   uintptr_t control);
};

/* Takes the CPU's registers: n_breaks and n_watches pairs (more than
 * HWPOINTS_MAX are left unused), each watchpoint covering one aligned
 * block of `block` bytes (a power of two, at most 8). Disables them all.
 * `arch` must outlive the firmware. */
void hwpoints_init(const struct hwpoints_arch *arch, unsigned n_breaks,
		   unsigned n_watches, unsigned block);
/* Removes every point and disables every register (a new session, the
 * program started again). */
void hwpoints_reset(void);

/* gstub_breakpoint_ops.insert/remove for HWPOINTS_TYPES: 0,
 * GSTUB_ENOSPC when the registers a point needs are not all free,
 * GSTUB_EINVAL for an address or length they cannot hold, GSTUB_ENOENT
 * when removing a point that is not there. */
int hwpoints_insert(void *ctx, enum gstub_bp_type type, uint64_t addr,
		    uint64_t kind);
int hwpoints_remove(void *ctx, enum gstub_bp_type type, uint64_t addr,
		    uint64_t kind);

/* A watchpoint fired for data address `addr`: fills the stop's reason
 * (by the kind of the watch it belongs to) and the address gdb looks for
 * (inside that watch's range). */
void hwpoints_watch_stop(uint64_t addr, enum hwpoints_access access,
			 struct gstub_stop *stop);

/* `monitor hw-points`: how many of each the CPU has and how many are in
 * use (for the target's ops.monitor_cmds; only in a build with
 * GSTUB_CONFIG_MONITOR). */
#define HWPOINTS_N_MONITOR_CMDS 1
extern const struct gstub_monitor_cmd
	hwpoints_monitor_cmds[HWPOINTS_N_MONITOR_CMDS];

#endif
