/*
 * The program's exceptions at EL1: monitor calls, debug events, faults and
 * the UART's interrupt. Each handler either erets back to the program
 * (enter_user) or reports a stop and serves gdb (monitor_loop); none
 * returns.
 */
#include "monitor.h"

#define ESR_EC(esr) ((uint32_t)((esr) >> 26) & 0x3f)
#define EC_SVC64 0x15
#define EC_IABT_LOW 0x20
#define EC_PC_ALIGN 0x22
#define EC_DABT_LOW 0x24
#define EC_SP_ALIGN 0x26
#define EC_BREAKPT_LOW 0x30
#define EC_SSTEP_LOW 0x32
#define EC_WATCHPT_LOW 0x34
#define EC_BRK64 0x3c
#define ESR_WNR (1u << 6)

/* start.S passes these */
#define KIND_SYNC 0
#define KIND_IRQ 1

void el0_trap(unsigned kind) __attribute__((noreturn));

static void on_svc(void)
{
	int status;
	uint32_t sysno = (uint32_t)user_frame.x[8];

	if (mon.catch_syscalls) {
		mon.at_syscall_entry = true;
		mon.sysno = sysno;
		monitor_stop(GSTUB_STOP_SYSCALL_ENTRY, 0, 0, sysno);
		monitor_loop();
	}
	if (syscall_serve(&monitor_stub, &status)) {
		monitor_exit(status);
		monitor_loop();
	}
	/* a step over the svc ends after it, with the call served */
	if (mon.running == RUN_STEP) {
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP, 0, 0);
		monitor_loop();
	}
	enter_user();
}

static void on_sync(void)
{
	uint64_t esr = READ_SYSREG(esr_el1);
	uint64_t far = READ_SYSREG(far_el1);
	struct gstub_stop s = { 0 };

	switch (ESR_EC(esr)) {
	case EC_SVC64:
		on_svc();
		break;
	case EC_BRK64:
		monitor_stop(GSTUB_STOP_SWBREAK, 0, 0, 0);
		break;
	case EC_SSTEP_LOW:
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP, 0, 0);
		break;
	case EC_BREAKPT_LOW:
		monitor_stop(GSTUB_STOP_HWBREAK, 0, 0, 0);
		break;
	case EC_WATCHPT_LOW:
		hwdebug_watch_stop(far, (esr & ESR_WNR) != 0, &s);
		monitor_stop(s.reason, 0, s.addr, 0);
		break;
	case EC_IABT_LOW:
	case EC_DABT_LOW:
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGSEGV, 0, 0);
		break;
	case EC_PC_ALIGN:
	case EC_SP_ALIGN:
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGBUS, 0, 0);
		break;
	default:
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGILL, 0, 0);
		break;
	}
	monitor_loop();
}

static void on_irq(void)
{
	uint32_t iar = gic_ack();
	uint32_t id = GIC_IAR_INTID(iar);

	/* the FIFO is drained before the end of interrupt, so the
	 * level-sensitive line is low again */
	if (id == VIRT_UART_INTID)
		monitor_feed_pending();
	if (id < 1020)
		gic_end(iar);
	if (mon.interrupt_requested) {
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGINT, 0, 0);
		monitor_loop();
	}
	enter_user();
}

void el0_trap(unsigned kind)
{
	if (kind == KIND_SYNC)
		on_sync();
	if (kind == KIND_IRQ)
		on_irq();
	/* FIQ or SError from the program */
	monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGBUS, 0, 0);
	monitor_loop();
}
