/*
 * Running the guest CPU: bounded slices for continue, one instruction for a
 * step, and the hooks that turn exceptions into events (syscall,
 * breakpoint, fault). Everything here runs on the one serve thread: a slice
 * ends from inside the block hook, never from another thread.
 */
#include "guest.h"

#include <gstub/gstub.h>
#include <stdio.h>
#include <time.h>

/* Unicorn's exception numbers (QEMU's EXCP_*) as UC_HOOK_INTR sees them. */
#define GRUN_EXCP_UDEF 1
#define GRUN_EXCP_SWI 2
#define GRUN_EXCP_PREFETCH_ABORT 3
#define GRUN_EXCP_DATA_ABORT 4
#define GRUN_EXCP_BKPT 7

/* The clock is read every this many blocks: about 10-50 µs of guest code,
 * so a slice ends close to its deadline while the hook stays cheap. */
#define GRUN_BLOCKS_PER_CLOCK_CHECK 1024

#define LX_SIGILL 4
#define LX_SIGTRAP 5
#define LX_SIGBUS 7
#define LX_SIGSEGV 11

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void raise_signal(struct grun_guest *gu, int sig)
{
	gu->event = GRUN_EV_SIGNAL;
	gu->event_sig = sig;
	uc_emu_stop(gu->uc);
}

/* Whether the instruction at pc is the engine's breakpoint (BRK #0,
 * BKPT #0): anything else is the program's own trap. */
static bool is_gdb_breakpoint(struct grun_guest *gu, uint64_t pc)
{
	unsigned char b[4];
	if (gu->arch == GRUN_ARCH_AARCH64)
		return grun_mem_read(gu, pc, b, 4) && b[0] == 0x00 &&
		       b[1] == 0x00 && b[2] == 0x20 && b[3] == 0xd4;
	if (grun_get_resume_pc(gu) & 1)
		return grun_mem_read(gu, pc, b, 2) && b[0] == 0x00 && b[1] == 0xbe;
	return grun_mem_read(gu, pc, b, 4) && b[0] == 0x70 && b[1] == 0x00 &&
	       b[2] == 0x20 && b[3] == 0xe1;
}

static void hook_intr(uc_engine *uc, uint32_t intno, void *user)
{
	struct grun_guest *gu = user;
	if (gu->probing) {
		uc_emu_stop(uc); /* trying instructions: no side effects */
		return;
	}
	switch (intno) {
	case GRUN_EXCP_SWI:
		grun_syscall_trap(gu);
		break;
	case GRUN_EXCP_BKPT:
		if (is_gdb_breakpoint(gu, grun_get_pc(gu))) {
			gu->event = GRUN_EV_BREAK;
			uc_emu_stop(gu->uc);
		} else {
			raise_signal(gu, LX_SIGTRAP);
		}
		break;
	case GRUN_EXCP_PREFETCH_ABORT:
	case GRUN_EXCP_DATA_ABORT:
		raise_signal(gu, LX_SIGSEGV);
		break;
	case GRUN_EXCP_UDEF:
	default:
		raise_signal(gu, LX_SIGILL);
		break;
	}
}

static bool hook_bad_mem(uc_engine *uc, uc_mem_type type, uint64_t addr,
			 int size, int64_t value, void *user)
{
	struct grun_guest *gu = user;
	(void)uc;
	(void)type;
	(void)size;
	(void)value;
	gu->fault_addr = addr;
	return false; /* let uc_emu_start fail: the runner turns it into SEGV */
}

static void hook_block(uc_engine *uc, uint64_t addr, uint32_t size, void *user)
{
	struct grun_guest *gu = user;
	if (gu->probing)
		return;
	gu->block_start = addr;
	gu->block_size = size;
	if (++gu->slice_blocks % GRUN_BLOCKS_PER_CLOCK_CHECK == 0 &&
	    now_ns() >= gu->slice_deadline_ns)
		uc_emu_stop(uc);
}

int grun_cpu_hooks(struct grun_guest *gu, char *err, size_t errlen)
{
	uc_hook h;
	uc_err e = uc_hook_add(gu->uc, &h, UC_HOOK_INTR, (void *)hook_intr, gu, 1, 0);
	if (e == UC_ERR_OK)
		e = uc_hook_add(gu->uc, &h, UC_HOOK_MEM_INVALID, (void *)hook_bad_mem,
				gu, 1, 0);
	if (e == UC_ERR_OK)
		e = uc_hook_add(gu->uc, &h, UC_HOOK_BLOCK, (void *)hook_block, gu, 1, 0);
	if (e != UC_ERR_OK) {
		snprintf(err, errlen, "unicorn: cannot add the CPU hooks: %s",
			 uc_strerror(e));
		return -1;
	}
	return 0;
}

/*
 * Why a run may need an empty run after it. When the block hook ends a
 * slice, Unicorn 2.0.1 puts pc back at the start of the block only while no
 * code hook is registered; with one registered it trusts the pc that code
 * hooks store before each instruction. But a deleted code hook stays
 * registered, covering nothing, until the end of the next run. That run's
 * slices would then stop with pc at an older block and the registers of a
 * newer one, and the program would go on from the wrong place with the
 * wrong values. An empty run (until == begin) drops the deleted hooks
 * while nothing can go wrong. It is cheap because no run is ever counted:
 * ending Unicorn's instruction counter would flush (code_stops.c).
 */
void grun_cpu_settle(struct grun_guest *gu)
{
	uint64_t pc = grun_get_resume_pc(gu), fault_addr = gu->fault_addr;
	bool probing = gu->probing;
	gu->probing = true; /* hooks do nothing meanwhile */
	uc_emu_start(gu->uc, pc, pc & ~(uint64_t)1, 0, 0);
	gu->probing = probing;
	gu->fault_addr = fault_addr; /* pc may be unmapped (a bad jump) */
}

/*
 * Where a single step must end at the latest. Unicorn runs a Thumb IT
 * instruction and the instructions it makes conditional as one as far as
 * code hooks see, so a step at an IT would run the whole block; an end
 * address right after the instruction stops inside the block with the IT
 * state in cpsr, as on hardware. The code-stops hook still ends a step
 * that branches elsewhere.
 */
static uint64_t step_until(struct grun_guest *gu, uint64_t resume_pc)
{
	uint16_t hw;
	uint64_t pc = resume_pc & ~(uint64_t)1;
	if (!(resume_pc & 1) || uc_mem_read(gu->uc, pc, &hw, 2) != UC_ERR_OK)
		return UINT64_MAX;
	/* First halfwords 0b11101, 0b11110 and 0b11111 start a 32-bit one. */
	return pc + ((hw >> 11) >= 0x1d ? 4 : 2);
}

enum grun_event grun_run(struct grun_guest *gu, bool step, unsigned slice_ms)
{
	uint64_t pc;
	uc_err e;
	bool retry;
	if (gu->exited)
		return GRUN_EV_EXITED;
	gu->event = GRUN_EV_NONE;
	/* A syscall stopped at its entry is served before anything runs. */
	gu->event = grun_syscall_resume(gu, step, &retry);
	if (gu->event != GRUN_EV_NONE || retry)
		return gu->event;
	gu->syscall_restart = false;
	/* Steps end in the code-stops hook, never with Unicorn's counter
	 * (code_stops.c); the hook stays while steps follow each other. */
	if (step && !gu->step_hook_held) {
		if (grun_code_stops_get(gu) != 0) {
			gu->event_sig = LX_SIGILL;
			gu->event = GRUN_EV_SIGNAL;
			return gu->event;
		}
		gu->step_hook_held = true;
	} else if (!step && gu->step_hook_held) {
		gu->step_hook_held = false;
		grun_code_stops_put(gu);
	}
	gu->step_armed = step;
	gu->step_started = false;
	gu->last_run_was_step = step;
	gu->slice_blocks = 0;
	gu->slice_deadline_ns = now_ns() + (uint64_t)slice_ms * 1000000u;
	pc = grun_get_resume_pc(gu);
	e = uc_emu_start(gu->uc, pc, step ? step_until(gu, pc) : UINT64_MAX, 0, 0);
	gu->step_armed = false;
	if (gu->event == GRUN_EV_NONE && gu->watch_pending)
		gu->event = GRUN_EV_WATCH; /* the stepped instruction hit it */
	if (gu->event != GRUN_EV_NONE)
		return gu->event;
	switch (e) {
	case UC_ERR_OK:
		/* A stepped syscall that would block is back on its svc:
		 * the step is not done, the caller runs it again. */
		if (step && gu->syscall_restart)
			return GRUN_EV_NONE;
		return step ? GRUN_EV_STEPPED : GRUN_EV_NONE;
	case UC_ERR_READ_UNALIGNED:
	case UC_ERR_WRITE_UNALIGNED:
	case UC_ERR_FETCH_UNALIGNED:
		gu->event_sig = LX_SIGBUS;
		break;
	case UC_ERR_INSN_INVALID:
	case UC_ERR_EXCEPTION:
		gu->event_sig = LX_SIGILL;
		break;
	default:
		gu->event_sig = LX_SIGSEGV;
		break;
	}
	if (!step)
		grun_locate_fault(gu, e);
	gu->event = GRUN_EV_SIGNAL;
	return gu->event;
}

void grun_terminate(struct grun_guest *gu, int linux_sig)
{
	gu->exited = true;
	gu->term_signal = linux_sig;
	gu->exit_status = 128 + linux_sig;
}
