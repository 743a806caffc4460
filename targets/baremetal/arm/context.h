/*
 * The user program's registers while the monitor runs. The exception
 * entries in start.S store them here and enter_user loads them back; the
 * layout is shared with that assembly (offsets in the comments).
 */
#ifndef FW_ARM_CONTEXT_H
#define FW_ARM_CONTEXT_H

#include <stdint.h>

struct user_context {
	uint32_t r[13]; /* 0: r0-r12 */
	uint32_t sp;    /* 52: the USR bank */
	uint32_t lr;    /* 56 */
	uint32_t pc;    /* 60: the exception's return address until
			 * monitor_exception turns it into the pc */
	uint32_t cpsr;  /* 64: the exception mode's SPSR */
};

extern struct user_context user_ctx;

/* Why the monitor was entered from the user program (start.S). */
enum exception_kind {
	EXC_UNDEF = 1,
	EXC_SVC = 2,
	EXC_PABT = 3,
	EXC_DABT = 4,
	EXC_IRQ = 5,
	EXC_FIQ = 6,
};

/* start.S: load user_ctx and return to the program; never returns. */
__attribute__((noreturn)) void enter_user(void);

/* monitor.c, called by every exception entry on a fresh monitor stack */
__attribute__((noreturn)) void monitor_exception(unsigned kind);

#endif
