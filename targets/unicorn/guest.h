/*
 * gstub-run: the emulated Linux user process (one thread) inside Unicorn.
 * Shared by the loader, the syscall layer, the CPU runner and the debug ops.
 */
#ifndef GSTUB_RUN_GUEST_H
#define GSTUB_RUN_GUEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <unicorn/unicorn.h>

enum grun_arch {
	GRUN_ARCH_AARCH64,
	GRUN_ARCH_ARM,
};

#define GRUN_PAGE_SIZE 4096u
#define GRUN_PAGE_DOWN(a) ((a) & ~(uint64_t)(GRUN_PAGE_SIZE - 1))
#define GRUN_PAGE_UP(a) GRUN_PAGE_DOWN((a) + GRUN_PAGE_SIZE - 1)

/* Why the CPU last stopped, as the runner saw it. */
enum grun_event {
	GRUN_EV_NONE,      /* slice ended, keep going */
	GRUN_EV_STEPPED,   /* single step done */
	GRUN_EV_BREAK,     /* executed BRK #0 / BKPT #0 (the engine's) */
	GRUN_EV_HWBREAK,   /* reached a hardware breakpoint address */
	GRUN_EV_WATCH,     /* watchpoint hit, see watch_type/watch_addr */
	GRUN_EV_SIGNAL,    /* the program got a signal (linux number in sig) */
	GRUN_EV_EXITED,    /* exit/exit_group */
	GRUN_EV_SYSCALL_ENTRY,  /* catching: syscall_nr not yet served, pc after svc */
	GRUN_EV_SYSCALL_RETURN, /* catching: syscall_nr served, result set */
};

/* A hardware watchpoint or breakpoint slot. */
struct grun_hwpoint {
	bool used;
	int type;          /* enum gstub_bp_type */
	uint64_t addr;
	uint64_t len;
	uc_hook hook;      /* a watchpoint's memory hook */
};

#define GRUN_MAX_HWPOINTS 8

struct grun_guest {
	uc_engine *uc;
	enum grun_arch arch;
	unsigned wordsize;       /* 8 or 4 */
	const char *exe_path;    /* as given on the command line */

	/* From the loader. */
	uint64_t entry;          /* bit 0 set: Thumb */
	uint64_t phdr_addr;
	uint64_t phnum, phent;
	uint64_t load_bias;      /* added to every ELF address (0 today) */
	uint64_t brk_start, brk_cur; /* brk_cur is page-mapped up to PAGE_UP */
	uint64_t mmap_base, mmap_next, mmap_limit; /* anonymous mmap area */
	uint64_t stack_top;

	/* Process state. */
	bool exited;             /* exit() or a fatal signal */
	int exit_status;         /* exit code, or 128+signal */
	int term_signal;         /* linux signal that ended it, 0 if exit() */
	int tid;                 /* pid = tid, the runner's own pid */
	bool output_to_gdb;      /* program output as O packets */
	bool stdout_to_stderr;   /* stdout carries the protocol (stdio COMM) */
	bool stdin_eof;          /* stdin carries the protocol: reads get EOF */
	bool syscall_restart;    /* the syscall would block: run it again later */
	void (*console)(void *ctx, int fd, const void *buf, size_t len);
	void *console_ctx;
	unsigned char logged_enosys[512 / 8]; /* log an unknown syscall once */

	/* Set inside hooks, read by the runner after uc_emu_start returns. */
	enum grun_event event;
	int event_sig;           /* linux signal for GRUN_EV_SIGNAL */
	uint64_t fault_addr;
	uint64_t slice_blocks;
	uint64_t slice_deadline_ns;
	bool last_run_was_step;  /* see grun_run */
	uint64_t block_start;    /* the block being run, for fault_locate.c */
	uint32_t block_size;
	bool probing;            /* fault_locate.c is trying instructions */

	/* Hardware breakpoints and watchpoints (hw_points.c). A watchpoint
	 * hit is noted by the memory hook and the CPU stops before the next
	 * instruction, so gdb sees the access done and pc after it. */
	bool watch_pending;
	int watch_type;          /* enum gstub_bp_type of the hit */
	uint64_t watch_addr;
	uint64_t resume_pc;
	bool hw_skip_once;       /* resuming at a hardware breakpoint */
	unsigned n_points;       /* hardware points in use */
	struct grun_hwpoint hw[GRUN_MAX_HWPOINTS];

	/* Syscall stops (syscall_stops.c). An svc while catching stops
	 * before the syscall is served; the next run serves it and stops
	 * again; a step that was interrupted by the two stops is then owed
	 * and ends at once, at the instruction after the svc. */
	bool catch_syscalls;
	bool syscall_pending;    /* entry reported, not yet served */
	bool syscall_step_owed;  /* return reported, the svc's step not */
	long syscall_nr;

	/* Range stepping (range_step.c): while range_on, a continue run ends
	 * with GRUN_EV_STEPPED once pc leaves [range_start, range_end); the
	 * first instruction of a resume always runs. */
	bool range_on;
	bool range_first;
	bool range_self_loop;    /* seen: an instruction branching to itself */
	uint64_t range_start, range_end;
	uint64_t range_last_pc;
	uint32_t range_repeats;  /* same pc in a row */

	/* The code-stops hook (code_stops.c) and who needs it: steps,
	 * range steps, hardware points. A step is armed for one run: the
	 * hook lets the first instruction run and stops before the next. */
	uc_hook code_stops_hook;
	unsigned code_stops_users;
	bool step_hook_held;     /* steps hold it until another resume */
	bool step_armed;
	bool step_started;
};

/* ---- elf_load.c ---- */
/* Load a static ELF executable: checks it, opens the matching Unicorn CPU,
 * maps its segments. On failure, a one-line message in err and -1. */
int grun_load_elf(struct grun_guest *gu, const char *path, char *err,
		  size_t errlen);

/* ---- cpu_setup.c ---- */
/* Create the Unicorn engine for gu->arch and enable what a Linux user
 * process expects (FP/SIMD, TLS register). */
int grun_cpu_open(struct grun_guest *gu, char *err, size_t errlen);

/* ---- user_stack.c ---- */
/* Map the stack and write argc, argv, envp and auxv; sets sp and pc. */
int grun_setup_stack(struct grun_guest *gu, int argc, char **argv,
		     char **envp, char *err, size_t errlen);

/* ---- guest_mem.c ---- */
/* Map [addr, addr+len) (page-aligned) with UC_PROT_* perms, zero-filled. */
int grun_map(struct grun_guest *gu, uint64_t addr, uint64_t len,
	     uint32_t perms);
/* Copy to/from guest memory; false when any byte is unmapped. */
bool grun_mem_read(struct grun_guest *gu, uint64_t addr, void *buf,
		   size_t len);
bool grun_mem_write(struct grun_guest *gu, uint64_t addr, const void *buf,
		    size_t len);
/* Read a NUL-terminated string of at most max bytes (with the NUL). */
bool grun_mem_read_str(struct grun_guest *gu, uint64_t addr, char *buf,
		       size_t max);
/* Find room for an anonymous mapping of len bytes; 0 when none. */
uint64_t grun_mmap_find(struct grun_guest *gu, uint64_t len);

/* ---- syscalls.c ---- */
/* Serve the syscall the guest just made (pc already after svc). */
void grun_syscall(struct grun_guest *gu);

/* ---- syscall_stops.c ---- */
/* Inside the svc exception: serve the syscall now, or stop at its entry
 * when catching. */
void grun_syscall_trap(struct grun_guest *gu);
/* Before a run: serve a syscall whose entry was reported and settle a
 * step it owes. Returns the event that ends this run before the CPU
 * starts (GRUN_EV_SYSCALL_RETURN, GRUN_EV_STEPPED, GRUN_EV_EXITED,
 * GRUN_EV_SIGNAL) or GRUN_EV_NONE to run the CPU. *retry: the syscall
 * would block, nothing may run now. */
enum grun_event grun_syscall_resume(struct grun_guest *gu, bool step,
				    bool *retry);

/* ---- range_step.c ---- */
/* Turn range stepping on for the next runs (continue runs then end when
 * pc leaves [start, end)); 0 or -1 when Unicorn refuses the hook. */
int grun_range_begin(struct grun_guest *gu, uint64_t start, uint64_t end);
/* Turn it off (no-op when off); leaves pc exact for the next run. */
void grun_range_end(struct grun_guest *gu);
/* Whether pc is in the active range. */
bool grun_range_contains(const struct grun_guest *gu, uint64_t pc);
/* Before the instruction at addr while range stepping: true when the run
 * must end there (it left the range); notes an instruction looping on
 * itself. */
bool grun_range_leaves(struct grun_guest *gu, uint64_t addr);

/* ---- code_stops.c ---- */
/* Take and release the one code hook that ends runs before an
 * instruction; it is registered while anyone holds it. get: 0 or -1 when
 * Unicorn refuses the hook. */
int grun_code_stops_get(struct grun_guest *gu);
void grun_code_stops_put(struct grun_guest *gu);
/* Drop every translation, so that the next run compiles the hooks
 * registered now (cheaper than Unicorn's own flush). */
void grun_drop_code(struct grun_guest *gu);

/* ---- hw_points.c ---- */
/* Before the instruction at addr: a hardware breakpoint stops here (not
 * the one the resume starts from). */
bool grun_hw_break_at(struct grun_guest *gu, uint64_t addr);

/* ---- cpu_regs.c ---- */
uint64_t grun_get_pc(struct grun_guest *gu);      /* without the Thumb bit */
uint64_t grun_get_resume_pc(struct grun_guest *gu); /* with it, for ARM */
void grun_set_pc(struct grun_guest *gu, uint64_t pc);
uint64_t grun_get_sp(struct grun_guest *gu);
uint64_t grun_get_xreg(struct grun_guest *gu, unsigned n); /* x0-x30 / r0-r15 */
void grun_set_xreg(struct grun_guest *gu, unsigned n, uint64_t v);
/* gdb register numbers of the target description; 0 or a GSTUB_E* code. */
int grun_read_gdb_reg(struct grun_guest *gu, unsigned regnum, void *buf,
		      size_t size);
int grun_write_gdb_reg(struct grun_guest *gu, unsigned regnum,
		       const void *buf, size_t size);

/* ---- cpu_run.c ---- */
/* Install the hooks every run needs (syscalls, breakpoints, slices). */
int grun_cpu_hooks(struct grun_guest *gu, char *err, size_t errlen);
/* Run until an event, at most slice_ms (continue) or one instruction. */
enum grun_event grun_run(struct grun_guest *gu, bool step, unsigned slice_ms);
/* An empty run: after a counted run or a code hook's removal, so that the
 * next run's slices stop with an exact pc (see cpu_run.c). */
void grun_cpu_settle(struct grun_guest *gu);
/* ---- fault_locate.c ---- */
/* After a memory fault in a continue, put pc on the faulting instruction
 * (Unicorn leaves it at the start of the block). */
void grun_locate_fault(struct grun_guest *gu, uc_err fault);

/* End the program as if by a fatal signal (linux number). */
void grun_terminate(struct grun_guest *gu, int linux_sig);

/* ---- linux_signals.c ---- */
/* gdb's signal number for a Linux one and back (0 when there is none). */
int grun_signal_to_gdb(int linux_sig);
int grun_signal_from_gdb(int gdb_sig);
/* True when the default action of the Linux signal ends the process. */
bool grun_signal_is_fatal(int linux_sig);

#endif
