/*
 * The EL1 monitor: gstub over the UART, the target ops, and the loop that
 * serves gdb while the program (EL0) is stopped. The monitor has no
 * long-lived stack: each exception from EL0 starts it afresh (start.S,
 * traps.c), it reports the stop and serves gdb until gdb resumes the
 * program, then erets.
 *
 * Boot options come from the device tree's bootargs (`-append`):
 *   sve-policy=max|current   how a vector-length change reaches gdb
 *   sve-vq=N                 the vector length at boot (default: largest)
 */
#include "monitor.h"
#include "hwpoints.h"
#include "vector-access.h"

#include <gstub/tdesc.h>

/* The largest `g` reply is SVE at 2048 bits (about 9 KiB of registers,
 * twice that in hex); the buffer is split between the packet received and
 * the last reply. */
#define PACKET_BUF_SIZE (48u * 1024u)

#define SPSR_SS (1ull << 21)
#define SPSR_I (1ull << 7)
#define MDSCR_SS 1ull

struct user_frame user_frame;
extern char user_stack_top[];

struct gstub monitor_stub;
struct monitor mon;
static uint8_t packet_buf[PACKET_BUF_SIZE] __attribute__((aligned(16)));
static struct gstub_tdesc tdesc;        /* served at connect */
static struct gstub_tdesc tdesc_switch; /* GSTUB_SVE_CURRENT's buffer */

void monitor_main(void) __attribute__((noreturn));

/* ----- stops ----- */

void monitor_stop(enum gstub_stop_reason reason, int signal, uint64_t addr,
		  uint32_t sysno)
{
	struct gstub_stop s = { 0 };

	s.reason = reason;
	s.tid = PROGRAM_TID;
	s.signal = signal;
	s.addr = addr;
	s.sysno = sysno;
	s.status = mon.exit_status;
	mon.go = RUN_NONE;
	mon.running = RUN_NONE;
	/* a Ctrl-C that raced with this stop is answered by it */
	mon.interrupt_requested = false;
	gstub_report_stop(&monitor_stub, &s);
}

void monitor_exit(int status)
{
	mon.exited = true;
	mon.exit_status = status;
	monitor_stop(GSTUB_STOP_EXITED, 0, 0, 0);
}

/* ----- target ops ----- */

static int target_resume(void *ctx, const struct gstub_resume_action *a,
			 size_t n)
{
	enum gstub_resume_kind kind = GSTUB_RESUME_STOP;
	int status;
	size_t i;

	(void)ctx;
	for (i = 0; i < n; i++) {
		if (a[i].tid == PROGRAM_TID || a[i].tid == GSTUB_TID_ALL ||
		    a[i].tid == GSTUB_TID_ANY) {
			kind = a[i].kind;
			break;
		}
	}
	if (kind == GSTUB_RESUME_STOP)
		return 0;
	if (mon.exited) {
		monitor_stop(GSTUB_STOP_EXITED, 0, 0, 0);
		return 0;
	}
	if (mon.at_syscall_entry) {
		/* gdb saw the entry: the call is served now, and gdb sees
		 * its return (or the step after it) before anything runs */
		mon.at_syscall_entry = false;
		if (syscall_serve(&monitor_stub, &status)) {
			monitor_exit(status);
			return 0;
		}
		if (mon.catch_syscalls) {
			monitor_stop(GSTUB_STOP_SYSCALL_RETURN, 0, 0, mon.sysno);
			return 0;
		}
		if (kind == GSTUB_RESUME_STEP) {
			monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP, 0, 0);
			return 0;
		}
	}
	mon.go = kind == GSTUB_RESUME_STEP ? RUN_STEP : RUN_CONTINUE;
	return 0;
}

static void target_interrupt(void *ctx)
{
	(void)ctx;
	mon.interrupt_requested = true;
}

/* PSCI SYSTEM_OFF: QEMU ends, as a board powered off. */
static int target_kill(void *ctx)
{
	register uint64_t x0 __asm__("x0") = 0x84000008u;

	(void)ctx;
	__asm__ volatile("hvc #0" : "+r"(x0)::"memory");
	return GSTUB_EIO;
}

static int target_detach(void *ctx)
{
	(void)ctx;
	/* the program runs free: nothing of gdb's may stop it */
	hwpoints_reset();
	mon.catch_syscalls = false;
	mon.go = mon.exited ? RUN_NONE : RUN_CONTINUE;
	return 0;
}

static int target_catch_syscalls(void *ctx, bool on)
{
	(void)ctx;
	mon.catch_syscalls = on;
	return 0;
}

/*
 * A new gdb (qSupported; a UART has no connect event): it finds no
 * hardware breakpoints or syscall catching it did not ask for, and a
 * program left running (gdb detached or went away) stops for it, as a
 * program does when gdb attaches to it.
 */
static void target_new_session(void *ctx)
{
	(void)ctx;
	if (mon.running != RUN_NONE)
		mon.interrupt_requested = true;
	hwpoints_reset();
	mon.catch_syscalls = false;
}

static const struct gstub_sve_ops sve_ops = {
	.current_vq = regs_current_vq,
};

static struct gstub_target_ops ops = {
	.version = GSTUB_TARGET_OPS_VERSION,
	.flags = GSTUB_TARGET_CAN_STEP | GSTUB_TARGET_CAN_CATCH_SYSCALLS,
	.read_reg = regs_read,
	.write_reg = regs_write,
	.read_mem = memory_read,
	.write_mem = memory_write,
	.resume = target_resume,
	.interrupt = target_interrupt,
	.kill = target_kill,
	.detach = target_detach,
	.breakpoints = &hwdebug_ops,
#if GSTUB_CONFIG_MONITOR
	.monitor_cmds = hwpoints_monitor_cmds,
	.n_monitor_cmds = HWPOINTS_N_MONITOR_CMDS,
#endif
	.catch_syscalls = target_catch_syscalls,
	.new_session = target_new_session,
};

static int describe(void *ctx, unsigned vq, struct gstub_tdesc *out)
{
	struct gstub_aarch64_config c = { 0 };

	(void)ctx;
	c.sve_vq = vq;
	return gstub_tdesc_aarch64(out, &c);
}

/* ----- bytes from gdb ----- */

/* The engine's output: gdb's line is the UART, nothing else to choose. */
static void write_to_uart(void *ctx, const void *data, size_t len)
{
	(void)ctx;
	uart_write(data, len);
}

void monitor_feed_pending(void)
{
	uint8_t buf[32];
	size_t n;

	while ((n = uart_read_ready(buf, sizeof buf)) > 0)
		gstub_feed(&monitor_stub, buf, n);
}

/* ----- running the program ----- */

/* gdb resumed the program: eret to it, unless a Ctrl-C came first. */
static void run_program(void)
{
	uint64_t mdscr = READ_SYSREG(mdscr_el1);

	/* bytes that came behind the resume packet (a Ctrl-C) */
	monitor_feed_pending();
	if (mon.go == RUN_NONE)
		return;
	if (mon.interrupt_requested) {
		monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGINT, 0, 0);
		return;
	}
	user_frame.pstate &= ~(SPSR_SS | SPSR_I);
	if (mon.go == RUN_STEP) {
		/* one instruction, with interrupts held off so that the step
		 * is that instruction and not the interrupt handler */
		user_frame.pstate |= SPSR_SS | SPSR_I;
		mdscr |= MDSCR_SS;
	} else {
		mdscr &= ~MDSCR_SS;
	}
	WRITE_SYSREG(mdscr_el1, mdscr);
	__asm__ volatile("isb");
	mon.running = mon.go;
	mon.go = RUN_NONE;
	enter_user();
}

void monitor_loop(void)
{
	for (;;) {
		if (mon.go != RUN_NONE) {
			run_program();
			continue;
		}
		monitor_feed_pending();
	}
}

/* ----- boot ----- */

void monitor_main(void)
{
	struct boot_info bi;
	struct gstub_config cfg;
	const char *v;
	size_t vlen;
	unsigned max_vq = 0, vq = 0;
	int err;

	fdt_read_boot_info((const void *)(uintptr_t)BOARD_RAM_BASE, &bi);
	memory_init(bi.ram_size);
	mmu_enable(bi.ram_size);
	uart_init();
	gic_init();
	gic_enable(VIRT_UART_INTID);
	hwdebug_init();

	memset(&cfg, 0, sizeof cfg);
	if (READ_SYSREG(id_aa64pfr0_el1) >> 32 & 0xf) {
		/* the largest length: ask for 2048 bits and see what the
		 * CPU gives */
		sve_set_len(SVE_VQ_MAX - 1);
		max_vq = (unsigned)(sve_vl_bytes() / 16);
		regs_init(max_vq);
		v = bootarg(&bi, "sve-vq", &vlen);
		vq = regs_set_vq(v ? bootarg_uint(v, vlen) : max_vq);
		v = bootarg(&bi, "sve-policy", &vlen);
		if (bootarg_is(v, vlen, "current")) {
			cfg.sve_policy = GSTUB_SVE_CURRENT;
			cfg.sve_max_vq = max_vq;
			cfg.sve_describe = describe;
			cfg.sve_tdesc_buf = &tdesc_switch;
		} else {
			vq = max_vq;
		}
		ops.sve = &sve_ops;
	}
	err = describe(NULL, vq, &tdesc);
	if (err)
		console_fatal("target description", err);

	cfg.ops = &ops;
	cfg.tdesc = &tdesc;
	cfg.write = write_to_uart;
	cfg.packet_buf = packet_buf;
	cfg.packet_buf_size = sizeof packet_buf;
	err = gstub_init(&monitor_stub, &cfg);
	if (err)
		console_fatal("gstub_init", err);

	/* the program starts stopped at its entry, waiting for gdb */
	user_frame.pc = (uint64_t)(uintptr_t)_user_start;
	user_frame.sp = (uint64_t)(uintptr_t)user_stack_top;
	user_frame.pstate = 0; /* EL0t, interrupts unmasked */
	monitor_stop(GSTUB_STOP_SIGNAL, GSTUB_SIGTRAP, 0, 0);
	monitor_loop();
}
