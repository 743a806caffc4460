/*
 * The monitor: owns the engine, serves the program's calls, turns the
 * program's exceptions into stops, and waits for gdb while the program is
 * stopped. It runs in SVC mode with IRQs masked; the program runs in USR
 * mode and reaches it only through exceptions (start.S).
 */
#include "monitor.h"
#include "hwpoints.h"
#include "board.h"
#include "context.h"
#include "coproc.h"
#include "vfp.h"
#include <gstub/tdesc.h>

/* The program's calls (svc #0, number in r7, as Linux EABI numbers them
 * so gdb's syscall names fit). */
#define SYS_EXIT 1u
#define SYS_WRITE 4u

/* Debug-event fault status (IFSR/DFSR.FS, short format): BKPT or a
 * breakpoint register as a prefetch abort, a watchpoint as a data abort. */
#define FSR_DEBUG_EVENT 0x2u
#define FSR_FS_MASK 0x40fu

struct user_context user_ctx;
struct gstub fw_gstub;

static struct gstub_tdesc fw_tdesc;
/* Large enough for the `g` reply of core + VFPv3 (328 bytes as hex) and
 * for gdb's memory writes in big pieces. */
static uint8_t fw_packet_buf[4096];

/* A call stopped at its entry for gdb: served when the program resumes. */
static bool syscall_entry_pending;

/* linker symbols (link.ld) */
extern char __user_data_start[], __user_data_end[], __user_data_pristine[];
extern char __user_bss_start[], __user_bss_end[], __user_stack_top[];
extern void user_start(void);

static void write_to_uart(void *ctx, const void *data, size_t len)
{
	(void)ctx;
	uart_write(data, len);
}

void program_reset(void)
{
	static const uint64_t zero_d[32];
	uint32_t entry = (uint32_t)(uintptr_t)user_start;

	memcpy(__user_data_start, __user_data_pristine,
	       (size_t)(__user_data_end - __user_data_start));
	memset(__user_bss_start, 0, (size_t)(__user_bss_end - __user_bss_start));
	memset(&user_ctx, 0, sizeof user_ctx);
	user_ctx.sp = (uint32_t)(uintptr_t)__user_stack_top;
	user_ctx.pc = entry & ~1u;
	user_ctx.cpsr = PSR_MODE_USR | ((entry & 1u) ? PSR_T : 0);
	vfp_load(zero_d);
	vfp_fpscr_set(0);
	syscall_entry_pending = false;
}

static void report(enum gstub_stop_reason reason, int signal)
{
	struct gstub_stop s = { .reason = reason, .tid = 1, .signal = signal };

	gstub_report_stop(&fw_gstub, &s);
}

/* The program is gone or gdb left: start over, stopped at the entry,
 * ready for the next gdb. */
static void restart_program(void)
{
	gstub_reset_connection(&fw_gstub);
	hwpoints_reset();
	program_reset();
	report(GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP);
	fw_requests.resume = false;
	fw_requests.stop = false;
}

static __attribute__((noreturn)) void run_stopped(void);

/* Serve the call in r7; false when the program ended. */
static bool serve_syscall(void)
{
	uint32_t nr = user_ctx.r[7];
	uint32_t buf = user_ctx.r[1], len = user_ctx.r[2];
	struct gstub_stop s = { .tid = 1 };

	switch (nr) {
	case SYS_EXIT:
		s.reason = GSTUB_STOP_EXITED;
		s.status = (int)(user_ctx.r[0] & 0xff);
		gstub_report_stop(&fw_gstub, &s);
		/* gdb closes a `target remote` connection after W */
		restart_program();
		return false;
	case SYS_WRITE:
		if (!fw_ram_range(buf, len)) {
			user_ctx.r[0] = (uint32_t)GSTUB_EFAULT;
			break;
		}
		/* without gdb waiting, the text has nowhere to go */
		(void)gstub_console_output(&fw_gstub, (const void *)(uintptr_t)buf,
					   len);
		user_ctx.r[0] = len;
		break;
	default:
		user_ctx.r[0] = (uint32_t)GSTUB_ENOSYS;
		break;
	}
	return true;
}

/* After the program's call: stop for gdb at the return, or run on. */
static __attribute__((noreturn)) void finish_syscall(void)
{
	if (!serve_syscall())
		run_stopped();
	if (fw_requests.catch_syscalls) {
		struct gstub_stop s = { .reason = GSTUB_STOP_SYSCALL_RETURN,
					.tid = 1, .sysno = user_ctx.r[7] };
		gstub_report_stop(&fw_gstub, &s);
		run_stopped();
	}
	enter_user();
}

/* Act on what the engine asked for during gstub_feed. */
static void after_feed(void)
{
	if (fw_requests.restart) {
		fw_requests.restart = false;
		restart_program();
		return;
	}
	if (fw_requests.detach) {
		fw_requests.detach = false;
		gstub_reset_connection(&fw_gstub);
	}
}

/* Give the engine bytes from gdb. */
static void feed_gdb(const uint8_t *buf, size_t n)
{
	gstub_feed(&fw_gstub, buf, n);
	after_feed();
}

/* Feed what the UART holds; false when it held nothing. */
static bool feed_uart(void)
{
	uint8_t buf[32];
	size_t n;
	bool any = false;

	while ((n = uart_read_ready(buf, sizeof buf)) > 0) {
		any = true;
		feed_gdb(buf, n);
	}
	return any;
}

static __attribute__((noreturn)) void resume_program(void)
{
	fw_requests.resume = false;
	fw_requests.stop = false;
	if (syscall_entry_pending) {
		syscall_entry_pending = false;
		finish_syscall();
	}
	enter_user();
}

/* The program is stopped: talk to gdb until it resumes the program. */
static __attribute__((noreturn)) void run_stopped(void)
{
	for (;;) {
		if (fw_requests.resume)
			resume_program();
		/* Sleep until the UART has bytes: its interrupt is masked
		 * here (CPSR.I) but still wakes the CPU. Spinning on the
		 * UART's registers would keep QEMU's I/O thread from
		 * delivering the bytes quickly. */
		if (!feed_uart() && !fw_requests.resume)
			__asm__ volatile("wfi" ::: "memory");
	}
}

static __attribute__((noreturn)) void stop_program(enum gstub_stop_reason reason,
						   int signal)
{
	fw_requests.resume = false;
	report(reason, signal);
	run_stopped();
}

/* Fault status (IFSR, DFSR) and data fault address (DFAR) */
#define READ_IFSR() CP_READ(p15, 0, c5, c0, 1)
#define READ_DFSR() CP_READ(p15, 0, c5, c0, 0)
#define READ_DFAR() CP_READ(p15, 0, c6, c0, 0)

/* A watchpoint fired: the access has not happened, the pc is at its
 * instruction. gdb steps over it with the watchpoint removed and then
 * compares the values. */
static __attribute__((noreturn)) void stop_at_watchpoint(void)
{
	struct gstub_stop s = { .tid = 1 };

	hwdebug_watch_stop(READ_DFAR(), &s);
	fw_requests.resume = false;
	gstub_report_stop(&fw_gstub, &s);
	run_stopped();
}

static __attribute__((noreturn)) void take_irq(void)
{
	uint32_t iar = gic_ack();
	uint32_t intid = GIC_IAR_INTID(iar);
	uint8_t buf[32];
	size_t n;

	if (intid == GIC_SPURIOUS_INTID)
		enter_user(); /* spurious */
	if (intid == VIRT_UART_INTID) {
		/* the FIFO is drained before the end of interrupt, so the
		 * level-sensitive line is low again */
		while ((n = uart_read_ready(buf, sizeof buf)) > 0) {
			gic_end(iar);
			iar = GIC_SPURIOUS_INTID;
			feed_gdb(buf, n);
		}
	}
	if (iar != GIC_SPURIOUS_INTID)
		gic_end(iar);
	if (fw_requests.stop) {
		fw_requests.stop = false;
		stop_program(GSTUB_STOP_SIGNAL, GSTUB_SIGINT);
	}
	if (!gstub_is_running(&fw_gstub) && !fw_requests.resume)
		run_stopped(); /* restarted (kill) */
	fw_requests.resume = false;
	enter_user();
}

void monitor_exception(unsigned kind)
{
	uint32_t ret = user_ctx.pc;
	bool thumb = (user_ctx.cpsr & PSR_T) != 0;

	if ((user_ctx.cpsr & PSR_MODE_MASK) != PSR_MODE_USR) {
		/* the monitor itself faulted: nothing sane is left to do */
		for (;;)
			__asm__ volatile("wfi");
	}
	switch (kind) {
	case EXC_SVC:
		/* the return address is the pc after the svc already */
		if (fw_requests.catch_syscalls) {
			struct gstub_stop s = { .reason = GSTUB_STOP_SYSCALL_ENTRY,
						.tid = 1,
						.sysno = user_ctx.r[7] };
			syscall_entry_pending = true;
			fw_requests.resume = false;
			gstub_report_stop(&fw_gstub, &s);
			run_stopped();
		}
		finish_syscall();
	case EXC_UNDEF:
		user_ctx.pc = ret - (thumb ? 2 : 4);
		stop_program(GSTUB_STOP_SIGNAL, GSTUB_SIGILL);
	case EXC_PABT:
		user_ctx.pc = ret - 4;
		if ((READ_IFSR() & FSR_FS_MASK) == FSR_DEBUG_EVENT)
			stop_program(hwdebug_breakpoint_hit() ? GSTUB_STOP_HWBREAK
							      : GSTUB_STOP_SWBREAK,
				     0);
		stop_program(GSTUB_STOP_SIGNAL, GSTUB_SIGSEGV);
	case EXC_DABT:
		user_ctx.pc = ret - 8;
		if ((READ_DFSR() & FSR_FS_MASK) == FSR_DEBUG_EVENT)
			stop_at_watchpoint();
		stop_program(GSTUB_STOP_SIGNAL, GSTUB_SIGSEGV);
	case EXC_IRQ:
		user_ctx.pc = ret - 4;
		take_irq();
	default:
		user_ctx.pc = ret - 4;
		stop_program(GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP);
	}
}

void monitor_main(void);

void monitor_main(void)
{
	static const struct gstub_arm_config arm_cfg = {
		.fp = GSTUB_ARM_FP_VFPV3,
		.neon = true,
		.neon_q = true, /* gdb 13.1 shows $q0-$q15 only when listed */
	};
	struct gstub_config cfg = {
		.ops = &fw_target_ops,
		.tdesc = &fw_tdesc,
		.write = write_to_uart,
		.packet_buf = fw_packet_buf,
		.packet_buf_size = sizeof fw_packet_buf,
	};

	memcpy(__user_data_pristine, __user_data_start,
	       (size_t)(__user_data_end - __user_data_start));
	vfp_enable();
	uart_init();
	gic_init();
	gic_enable(VIRT_UART_INTID);
	hwdebug_init();
	if (gstub_tdesc_arm(&fw_tdesc, &arm_cfg) != 0 ||
	    gstub_init(&fw_gstub, &cfg) != 0) {
		uart_write("gstub: cannot start\n", 20);
		for (;;)
			__asm__ volatile("wfi");
	}
	program_reset();
	run_stopped();
}
