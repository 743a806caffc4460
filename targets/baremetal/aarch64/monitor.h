/* The monitor's parts: what each file offers the others. */
#ifndef A64_MONITOR_H
#define A64_MONITOR_H

#include "board.h"

/* Register numbers of gdb's AArch64 descriptions (xml/tdesc-aarch64.c). */
#define REG_X0 0
#define REG_SP 31
#define REG_PC 32
#define REG_CPSR 33
#define REG_V0 34    /* fpu: v0-v31; SVE: z0-z31 */
#define REG_FPSR 66
#define REG_FPCR 67
#define REG_P0 68    /* SVE only from here */
#define REG_FFR 84
#define REG_VG 85

#define SVE_VQ_MAX 16u

/* monitor.c: the engine and the program's run state */
#define PROGRAM_TID 1
enum run_mode { RUN_NONE, RUN_CONTINUE, RUN_STEP };
struct monitor {
	enum run_mode go;      /* how gdb last resumed the program */
	enum run_mode running; /* how it runs now */
	bool interrupt_requested;
	bool exited;
	int exit_status;
	bool catch_syscalls;
	bool at_syscall_entry; /* stopped at a syscall entry: serve on resume */
	uint32_t sysno;
};
extern struct monitor mon;
extern struct gstub monitor_stub;
/* Report a stop to the engine (which may resume the program at once). */
void monitor_stop(enum gstub_stop_reason reason, int signal, uint64_t addr,
		  uint32_t sysno);
void monitor_exit(int status);
/* Feed what gdb sent so far to the engine. */
void monitor_feed_pending(void);
/* Serve gdb until it resumes the program, then eret to it. */
void monitor_loop(void) __attribute__((noreturn));

/* console.c */
size_t text_len(const char *s);
/* Print "gstub monitor: WHAT: error" and stop the board. */
void console_fatal(const char *what, int err) __attribute__((noreturn));

/* bootargs.c: the value of `key=` (not NUL-terminated), or NULL */
const char *bootarg(const struct boot_info *bi, const char *key, size_t *len);
bool bootarg_is(const char *v, size_t len, const char *want);
/* a decimal number of up to 3 digits, 0 when it is not one */
unsigned bootarg_uint(const char *v, size_t len);

/* regs.c */
void regs_init(unsigned sve_max_vq);
int regs_read(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
	      size_t size);
int regs_write(void *ctx, gstub_tid tid, unsigned regnum, const void *buf,
	       size_t size);
unsigned regs_current_vq(void *ctx, gstub_tid tid);
/* Sets the vector length (clamped to what the CPU has; 0 changes nothing);
 * returns the vq in force afterwards, 0 without SVE. */
unsigned regs_set_vq(unsigned vq);

/* hwdebug.c (the points themselves: common/hwpoints.h) */
void hwdebug_init(void);
extern const struct gstub_breakpoint_ops hwdebug_ops;
/* The watchpoint that fired for data address `addr` (a write when
 * `write`): fills the stop's reason and address. */
void hwdebug_watch_stop(uint64_t far, bool write, struct gstub_stop *stop);

/* memory.c */
void memory_init(uint64_t ram_size);
bool memory_valid(uint64_t addr, uint64_t len);
int memory_read(void *ctx, uint64_t addr, void *buf, size_t len);
int memory_write(void *ctx, uint64_t addr, const void *buf, size_t len);

/* syscalls.c: the program's monitor calls (svc #0, number in x8). */
#define SYS_WRITE 1  /* x0 = buffer, x1 = length; returns the length */
#define SYS_EXIT 2   /* x0 = status */
#define SYS_SET_VQ 3 /* x0 = vq (0: ask); returns the vq now, 0: no SVE */
/* Serve the call in user_frame; true when it was exit (status set). */
bool syscall_serve(struct gstub *g, int *exit_status);

#endif
