/*
 * gstub-run's guest layer without gdb: tiny ELF files written here (no cross
 * compiler needed) are checked by the loader, then run, stepped and faulted
 * in Unicorn, for AArch64, ARM and Thumb.
 */
#include "debugger.h"
#include "tap.h"

#include <gstub/gstub.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char out_buf[256];
static size_t out_len;

static void capture(void *ctx, int fd, const void *buf, size_t len)
{
	(void)ctx;
	(void)fd;
	if (len > sizeof out_buf - out_len)
		len = sizeof out_buf - out_len;
	memcpy(out_buf + out_len, buf, len);
	out_len += len;
}

static void put(unsigned char *p, uint64_t v, int n)
{
	for (int i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* A one-segment static executable holding `code` (RWX, file = memory). */
static size_t make_elf(unsigned char *f, bool is64, uint16_t machine,
		       const void *code, size_t len, bool thumb)
{
	size_t eh = is64 ? 64 : 52, ph = is64 ? 56 : 32, off = eh + ph;
	uint64_t base = is64 ? 0x400000 : 0x10000;
	memset(f, 0, off + len);
	memcpy(f, "\177ELF", 4);
	f[4] = is64 ? 2 : 1;
	f[5] = 1; /* little-endian */
	f[6] = 1;
	put(f + 16, 2, 2); /* ET_EXEC */
	put(f + 18, machine, 2);
	put(f + 20, 1, 4);
	if (is64) {
		put(f + 24, base + off, 8);
		put(f + 32, eh, 8);
		put(f + 52, eh, 2);
		put(f + 54, ph, 2);
		put(f + 56, 1, 2);
		unsigned char *p = f + eh;
		put(p, 1, 4);      /* PT_LOAD */
		put(p + 4, 7, 4);  /* RWX */
		put(p + 16, base, 8);
		put(p + 24, base, 8);
		put(p + 32, off + len, 8);
		put(p + 40, off + len + 4096, 8);
	} else {
		put(f + 24, (base + off) | (thumb ? 1 : 0), 4);
		put(f + 28, eh, 4);
		put(f + 40, eh, 2);
		put(f + 42, ph, 2);
		put(f + 44, 1, 2);
		unsigned char *p = f + eh;
		put(p, 1, 4);
		put(p + 8, base, 4);
		put(p + 12, base, 4);
		put(p + 16, off + len, 4);
		put(p + 20, off + len + 4096, 4);
		put(p + 24, 7, 4);
	}
	memcpy(f + off, code, len);
	return off + len;
}

static char path[64];

static void write_file(const void *data, size_t len)
{
	strcpy(path, "run-guest-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, data, len) != (ssize_t)len) {
		printf("Bail out! cannot write a temporary file\n");
		exit(1);
	}
	close(fd);
}

/* Loads the bytes as a program; 0 or -1 with the message in err. */
static int load(struct grun_guest *gu, const void *elf, size_t len, char *err,
		size_t errlen)
{
	static char *argv[] = { "prog", NULL };
	static char *envp[] = { "A=1", NULL };
	int rc;
	memset(gu, 0, sizeof *gu);
	gu->tid = 4242;
	gu->output_to_gdb = true;
	gu->console = capture;
	err[0] = '\0';
	write_file(elf, len);
	rc = grun_load_elf(gu, path, err, errlen);
	if (rc == 0)
		rc = grun_setup_stack(gu, 1, argv, envp, err, errlen);
	if (rc == 0)
		rc = grun_cpu_hooks(gu, err, errlen);
	unlink(path);
	return rc;
}

static void unload(struct grun_guest *gu)
{
	if (gu->uc)
		uc_close(gu->uc);
	gu->uc = NULL;
}

static unsigned char elf[4096];

static void expect_reject(const char *what, const void *data, size_t len,
			  const char *needle)
{
	struct grun_guest gu;
	char err[256];
	int rc = load(&gu, data, len, err, sizeof err);
	ok(rc != 0 && strstr(err, needle) != NULL, "rejects %s (%s)", what, err);
	unload(&gu);
}

static void test_rejects(void)
{
	static const uint32_t code[] = { 0xd4000001 };
	size_t n;

	expect_reject("a text file", "hello world\n", 12, "not an ELF");
	expect_reject("an empty file", "", 0, "not an ELF");
	n = make_elf(elf, true, 183, code, sizeof code, false);
	elf[5] = 2;
	expect_reject("big-endian", elf, n, "little-endian");
	n = make_elf(elf, true, 62, code, sizeof code, false);
	expect_reject("x86-64", elf, n, "unsupported machine");
	n = make_elf(elf, false, 183, code, sizeof code, false);
	expect_reject("ELF32 AArch64", elf, n, "ELF64");
	n = make_elf(elf, true, 183, code, sizeof code, false);
	put(elf + 16, 1, 2);
	expect_reject("a relocatable object", elf, n, "not an executable");
	n = make_elf(elf, true, 183, code, sizeof code, false);
	put(elf + 64, 3, 4); /* PT_INTERP */
	expect_reject("a dynamic executable", elf, n, "dynamically linked");
	n = make_elf(elf, true, 183, code, sizeof code, false);
	put(elf + 64 + 32, 1u << 20, 8); /* p_filesz beyond the file */
	expect_reject("a segment past the end of the file", elf, n, "bad PT_LOAD");
	n = make_elf(elf, true, 183, code, sizeof code, false);
	put(elf + 56, 0, 2);
	expect_reject("no program headers", elf, n, "program header");
	n = make_elf(elf, true, 183, code, sizeof code, false);
	expect_reject("a truncated file", elf, 40, "truncated");
}

/* write(1, "hi\n", 3); exit(0) through the emulated syscalls. */
static void test_a64_run(void)
{
	static const uint32_t code[] = {
		0x10000101, /* adr x1, msg */
		0xd2800020, /* mov x0, #1 */
		0xd2800062, /* mov x2, #3 */
		0xd2800808, /* mov x8, #64 (write) */
		0xd4000001, /* svc #0 */
		0xd2800000, /* mov x0, #0 */
		0xd2800ba8, /* mov x8, #93 (exit) */
		0xd4000001, /* svc #0 */
		0x000a6968, /* "hi\n" */
	};
	struct grun_guest gu;
	char err[256];
	size_t n = make_elf(elf, true, 183, code, sizeof code, false);
	if (!ok(load(&gu, elf, n, err, sizeof err) == 0, "AArch64: loads (%s)", err))
		return;
	out_len = 0;
	enum grun_event ev = grun_run(&gu, false, 100);
	ok(ev == GRUN_EV_EXITED && gu.exit_status == 0, "AArch64: runs to exit(0)");
	ok(out_len == 3 && memcmp(out_buf, "hi\n", 3) == 0, "AArch64: write() output");
	unload(&gu);
}

static void test_a64_debug(void)
{
	static const uint32_t code[] = {
		0xd28000e0, /* mov x0, #7 */
		0xd2800ba8, /* mov x8, #93 */
		0xd4000001, /* svc #0 (exit 7) after the steps below */
	};
	static const uint32_t trap[] = { 0xd4200000 /* brk #0 */ };
	static const uint32_t fault[] = {
		0xd2800100, /* mov x0, #8 */
		0xf9000001, /* str x1, [x0] */
	};
	static const uint32_t spin[] = { 0x14000000 /* b . */ };
	static const uint32_t count_loop[] = {
		0x91000400, /* add x0, x0, #1 */
		0x17ffffff, /* b .-4 */
	};
	struct grun_guest gu;
	char err[256];
	uint64_t entry, v = 0;
	unsigned char q[16];

	size_t n = make_elf(elf, true, 183, code, sizeof code, false);
	if (!ok(load(&gu, elf, n, err, sizeof err) == 0, "AArch64: loads"))
		return;
	entry = grun_get_pc(&gu);
	ok(grun_read_gdb_reg(&gu, 32, &v, 8) == 0 && v == entry, "AArch64: pc is the entry");
	ok(grun_read_gdb_reg(&gu, 31, &v, 8) == 0 && v % 16 == 0 && v != 0,
	   "AArch64: sp is set and aligned");
	ok(grun_read_gdb_reg(&gu, 32, &v, 4) == GSTUB_EINVAL, "AArch64: wrong register size refused");
	ok(grun_read_gdb_reg(&gu, 69, q, 4) == GSTUB_ENOENT, "AArch64: unknown register refused");
	v = 0x1234567890ull;
	ok(grun_write_gdb_reg(&gu, 68, &v, 8) == 0 && (v = 0, grun_read_gdb_reg(&gu, 68, &v, 8)) == 0 &&
		   v == 0x1234567890ull,
	   "AArch64: tpidr written and read");
	ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED && grun_get_pc(&gu) == entry + 4,
	   "AArch64: one step moves one instruction");
	ok(grun_get_xreg(&gu, 0) == 7, "AArch64: the stepped instruction ran");
	v = 9;
	ok(grun_write_gdb_reg(&gu, 0, &v, 8) == 0 && grun_get_xreg(&gu, 0) == 9,
	   "AArch64: write x0");
	memset(q, 0xab, sizeof q);
	ok(grun_write_gdb_reg(&gu, 34 + 3, q, 16) == 0, "AArch64: write v3");
	memset(q, 0, sizeof q);
	ok(grun_read_gdb_reg(&gu, 34 + 3, q, 16) == 0 && q[0] == 0xab && q[15] == 0xab,
	   "AArch64: read v3 back");
	ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED, "AArch64: step mov x8");
	ok(grun_run(&gu, true, 100) == GRUN_EV_EXITED && gu.exit_status == 9,
	   "AArch64: stepping svc serves the syscall (exit 9)");
	unload(&gu);

	n = make_elf(elf, true, 183, trap, sizeof trap, false);
	if (load(&gu, elf, n, err, sizeof err) == 0) {
		entry = grun_get_pc(&gu);
		ok(grun_run(&gu, false, 100) == GRUN_EV_BREAK && grun_get_pc(&gu) == entry,
		   "AArch64: BRK #0 stops with pc at it");
		unload(&gu);
	}
	n = make_elf(elf, true, 183, fault, sizeof fault, false);
	if (load(&gu, elf, n, err, sizeof err) == 0) {
		ok(grun_run(&gu, false, 100) == GRUN_EV_SIGNAL && gu.event_sig == 11 &&
			   gu.fault_addr == 8,
		   "AArch64: store to page 0 is SIGSEGV at address 8");
		unload(&gu);
	}
	n = make_elf(elf, true, 183, count_loop, sizeof count_loop, false);
	if (load(&gu, elf, n, err, sizeof err) == 0) {
		entry = grun_get_pc(&gu);
		ok(grun_run(&gu, false, 20) == GRUN_EV_NONE, "AArch64: a slice of a counting loop");
		uint64_t pc = grun_get_pc(&gu), x0 = grun_get_xreg(&gu, 0);
		bool one = grun_run(&gu, true, 100) == GRUN_EV_STEPPED &&
			   (pc == entry ? grun_get_pc(&gu) == entry + 4 &&
						  grun_get_xreg(&gu, 0) == x0 + 1
					: grun_get_pc(&gu) == entry && grun_get_xreg(&gu, 0) == x0);
		ok(one, "AArch64: a step after a slice runs exactly one instruction");
		unload(&gu);
	}
	n = make_elf(elf, true, 183, spin, sizeof spin, false);
	if (load(&gu, elf, n, err, sizeof err) == 0) {
		entry = grun_get_pc(&gu);
		ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED && grun_get_pc(&gu) == entry,
		   "AArch64: stepping `b .` leaves pc in place");
		ok(grun_run(&gu, false, 20) == GRUN_EV_NONE && grun_get_pc(&gu) == entry,
		   "AArch64: a slice of `b .` ends on its deadline");
		unload(&gu);
	}
}

/* The pc of a fault in the middle of a block: runs `code` (it faults at
 * address 8) and returns the index of the instruction pc points at. */
static int fault_index(const uint32_t *code, size_t len)
{
	struct grun_guest gu;
	char err[256];
	int idx = -1;
	size_t n = make_elf(elf, true, 183, code, len, false);
	if (load(&gu, elf, n, err, sizeof err) != 0)
		return -2;
	uint64_t entry = grun_get_pc(&gu);
	if (grun_run(&gu, false, 100) == GRUN_EV_SIGNAL && gu.fault_addr == 8)
		idx = (int)((grun_get_pc(&gu) - entry) / 4);
	unload(&gu);
	return idx;
}

static void test_fault_pc(void)
{
	/* The second store faults first... */
	static const uint32_t twice[] = {
		0xd2800022, /* mov x2, #1 */
		0xd2800100, /* mov x0, #8 */
		0xb9000001, /* str w1, [x0]   <- faults */
		0xd2800042, /* mov x2, #2 */
		0xb9000001, /* str w1, [x0]   (same address, never reached) */
	};
	/* ...an earlier load through the reused register does not count... */
	static const uint32_t reuse[] = {
		0xd2a00800, /* mov x0, #0x400000 */
		0xb9400001, /* ldr w1, [x0]   (ran fine) */
		0xd2800100, /* mov x0, #8 */
		0x91000442, /* add x2, x2, #1 */
		0xb9400003, /* ldr w3, [x0]   <- faults */
	};
	/* ...nor does a read of the address a write faults on. */
	static const uint32_t kinds[] = {
		0xd2a00800, /* mov x0, #0x400000 */
		0xb9400001, /* ldr w1, [x0] */
		0xd2800100, /* mov x0, #8 */
		0xb9000001, /* str w1, [x0]   <- faults */
	};
	int i;
	i = fault_index(twice, sizeof twice);
	ok(i == 2,
	   "fault pc: the first of two stores to the bad address (got %d)", i);
	i = fault_index(reuse, sizeof reuse);
	ok(i == 4,
	   "fault pc: not an earlier load through a reused register (got %d)", i);
	i = fault_index(kinds, sizeof kinds);
	ok(i == 3,
	   "fault pc: the store, not a load of the same address (got %d)", i);

	/* The state is as before the faulting instruction: nothing ran twice. */
	static const uint32_t counted[] = {
		0x91000442, /* add x2, x2, #1 */
		0xd2800100, /* mov x0, #8 */
		0xb9000001, /* str w1, [x0]   <- faults */
	};
	struct grun_guest gu;
	char err[256];
	size_t n = make_elf(elf, true, 183, counted, sizeof counted, false);
	if (load(&gu, elf, n, err, sizeof err) == 0) {
		uint64_t entry = grun_get_pc(&gu);
		ok(grun_run(&gu, false, 100) == GRUN_EV_SIGNAL &&
			   grun_get_pc(&gu) == entry + 8 && grun_get_xreg(&gu, 2) == 1,
		   "fault pc: registers as before the store, add ran once");
		ok(grun_run(&gu, false, 100) == GRUN_EV_SIGNAL &&
			   grun_get_pc(&gu) == entry + 8 && grun_get_xreg(&gu, 2) == 1,
		   "fault pc: resuming faults again in the same place");
		unload(&gu);
	}
}

static void test_arm(bool thumb)
{
	static const uint32_t arm_code[] = {
		0xe3a00007, /* mov r0, #7 */
		0xe3a07001, /* mov r7, #1 (exit) */
		0xef000000, /* svc #0 */
	};
	static const uint16_t thumb_code[] = {
		0x2007, /* movs r0, #7 */
		0x2701, /* movs r7, #1 */
		0xdf00, /* svc #0 */
		0xbf00,
	};
	static const uint32_t arm_trap[] = { 0xe1200070 /* bkpt #0 */ };
	static const uint16_t thumb_trap[] = { 0xbe00, 0xbf00 };
	const char *name = thumb ? "Thumb" : "ARM";
	struct grun_guest gu;
	char err[256];
	uint32_t v = 0;
	uint64_t entry;
	size_t n = thumb ? make_elf(elf, false, 40, thumb_code, sizeof thumb_code, true)
			 : make_elf(elf, false, 40, arm_code, sizeof arm_code, false);

	if (!ok(load(&gu, elf, n, err, sizeof err) == 0, "%s: loads (%s)", name, err))
		return;
	entry = grun_get_pc(&gu);
	ok(grun_read_gdb_reg(&gu, 25, &v, 4) == 0 && !!(v & 0x20) == thumb &&
		   (v & 0x1f) == 0x10,
	   "%s: cpsr shows USR mode and the T bit", name);
	ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == entry + (thumb ? 2 : 4),
	   "%s: one step moves one instruction", name);
	ok(grun_read_gdb_reg(&gu, 25, &v, 4) == 0 && !!(v & 0x20) == thumb,
	   "%s: still in the same state after a step", name);
	uint64_t d = 0x4010000000000000ull, back = 0;
	ok(grun_write_gdb_reg(&gu, 26 + 31, &d, 8) == 0 &&
		   grun_read_gdb_reg(&gu, 26 + 31, &back, 8) == 0 && back == d,
	   "%s: d31 written and read", name);
	uint32_t tls = 0xfeedbeef, tls_back = 0;
	ok(grun_write_gdb_reg(&gu, 59, &tls, 4) == 0 &&
		   grun_read_gdb_reg(&gu, 59, &tls_back, 4) == 0 && tls_back == tls,
	   "%s: tpidruro written and read", name);
	ok(grun_read_gdb_reg(&gu, 60, &tls_back, 4) == GSTUB_ENOENT &&
		   grun_read_gdb_reg(&gu, 59, &d, 8) == GSTUB_EINVAL,
	   "%s: unknown register and wrong size refused", name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_EXITED && gu.exit_status == 7,
	   "%s: runs to exit(7)", name);
	unload(&gu);

	n = thumb ? make_elf(elf, false, 40, thumb_trap, sizeof thumb_trap, true)
		  : make_elf(elf, false, 40, arm_trap, sizeof arm_trap, false);
	if (load(&gu, elf, n, err, sizeof err) == 0) {
		entry = grun_get_pc(&gu);
		ok(grun_run(&gu, false, 100) == GRUN_EV_BREAK && grun_get_pc(&gu) == entry,
		   "%s: BKPT #0 stops with pc at it", name);
		unload(&gu);
	}
}

/* Single steps through a Thumb IT block stop at every instruction, with the
 * IT state in cpsr, and the block's condition holds (taken or not). */
static void test_thumb_it(bool taken)
{
	const uint16_t code[] = {
		0x2301,                  /* movs r3, #1 */
		taken ? 0x2b02 : 0x2b01, /* cmp r3, #2 / #1 */
		0xbf1c,                  /* itt ne */
		0x2305,                  /* movne r3, #5 */
		0xf04f, 0x0406,          /* movne.w r4, #6 */
		0x2507,                  /* movs r5, #7 */
		0xbe00,                  /* bkpt #0 */
	};
	const char *name = taken ? "Thumb IT, condition true" : "Thumb IT, condition false";
	static const unsigned sizes[] = { 2, 2, 2, 2, 4, 2 };
	struct grun_guest gu;
	char err[256];
	uint32_t cpsr = 0;
	bool each = true, it_seen = false;
	size_t n = make_elf(elf, false, 40, code, sizeof code, true);

	if (!ok(load(&gu, elf, n, err, sizeof err) == 0, "%s: loads (%s)", name, err))
		return;
	uint64_t pc = grun_get_pc(&gu);
	for (unsigned i = 0; i < 6 && each; i++) {
		each = grun_run(&gu, true, 100) == GRUN_EV_STEPPED &&
		       grun_get_pc(&gu) == pc + sizes[i];
		pc += sizes[i];
		if (i == 2 || i == 3) {
			grun_read_gdb_reg(&gu, 25, &cpsr, 4);
			it_seen = it_seen || (cpsr & 0x0600fc00u) != 0;
		}
	}
	ok(each, "%s: one instruction per step", name);
	ok(it_seen, "%s: cpsr shows the IT state inside the block", name);
	ok(grun_get_xreg(&gu, 3) == (taken ? 5u : 1u) &&
		   grun_get_xreg(&gu, 4) == (taken ? 6u : 0u) && grun_get_xreg(&gu, 5) == 7,
	   "%s: the conditional instructions ran as the condition says", name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_BREAK, "%s: continues to the end", name);
	unload(&gu);
}

/* Three blocks per round (A: r0 += 1, B: r2 += r0, C: loop until r0 is
 * GRUN_ROUNDS), then the engine's breakpoint. A slice that ends in block B
 * or C and resumes anywhere else counts wrong, so the sums show whether
 * every slice resumed exactly where the previous one stopped. */
#define GRUN_ROUNDS 20000u
static const uint32_t a64_rounds[] = {
	0xd2800000, /* mov x0, #0 */
	0xd2800002, /* mov x2, #0 */
	0xd289c401, /* mov x1, #20000 */
	0x91000400, /* A: add x0, x0, #1 */
	0x14000001, /*    b B */
	0x8b000042, /* B: add x2, x2, x0 */
	0x14000001, /*    b C */
	0xeb01001f, /* C: cmp x0, x1 */
	0x54ffff61, /*    b.ne A */
	0xd4200000, /* brk #0 */
};
static const uint32_t arm_rounds[] = {
	0xe3a00000, /* mov r0, #0 */
	0xe3a02000, /* mov r2, #0 */
	0xe3041e20, /* movw r1, #20000 */
	0xe2800001, /* A: add r0, r0, #1 */
	0xeaffffff, /*    b B */
	0xe0822000, /* B: add r2, r2, r0 */
	0xeaffffff, /*    b C */
	0xe1500001, /* C: cmp r0, r1 */
	0x1afffff9, /*    bne A */
	0xe1200070, /* bkpt #0 */
};
static const uint16_t thumb_rounds[] = {
	0x2000,         /* movs r0, #0 */
	0x2200,         /* movs r2, #0 */
	0xf644, 0x6120, /* movw r1, #20000 */
	0x3001,         /* A: adds r0, #1 */
	0xe7ff,         /*    b B */
	0x1812,         /* B: adds r2, r2, r0 */
	0xe7ff,         /*    b C */
	0x4288,         /* C: cmp r0, r1 */
	0xd1f9,         /*    bne A */
	0xbe00,         /* bkpt #0 */
	0xbf00,
};

enum rounds_extra {
	ROUNDS_PLAIN,
	ROUNDS_HWBREAK_ELSEWHERE, /* a hardware breakpoint never reached */
	ROUNDS_WATCH_ELSEWHERE,   /* a watchpoint never hit */
	ROUNDS_HW_ADD_REMOVE,     /* one inserted and removed before running */
};

/* Runs a rounds program: `steps` single steps, then continues in the
 * shortest slices (each ends after the block hook's clock check) to the
 * breakpoint. True when it got there with both sums right. */
static bool run_rounds(enum grun_arch arch, bool thumb, unsigned steps,
		       enum rounds_extra extra)
{
	static struct grun_guest gu;
	static struct grun_debug dbg;
	char err[256];
	size_t n;
	uint64_t want_sum = (uint64_t)GRUN_ROUNDS * (GRUN_ROUNDS + 1) / 2;
	enum grun_event ev = GRUN_EV_NONE;
	bool good = true;

	if (arch == GRUN_ARCH_AARCH64)
		n = make_elf(elf, true, 183, a64_rounds, sizeof a64_rounds, false);
	else if (thumb)
		n = make_elf(elf, false, 40, thumb_rounds, sizeof thumb_rounds, true);
	else
		n = make_elf(elf, false, 40, arm_rounds, sizeof arm_rounds, false);
	if (load(&gu, elf, n, err, sizeof err) != 0)
		return false;
	memset(&dbg, 0, sizeof dbg);
	dbg.gu = &gu;
	if (extra == ROUNDS_HWBREAK_ELSEWHERE || extra == ROUNDS_HW_ADD_REMOVE)
		good = grun_breakpoint_ops.insert(&dbg, GSTUB_BP_HARDWARE,
						  0x1000, 4) == 0;
	if (extra == ROUNDS_WATCH_ELSEWHERE)
		good = grun_breakpoint_ops.insert(&dbg, GSTUB_WP_WRITE,
						  gu.stack_top - 8, 8) == 0;
	if (extra == ROUNDS_HW_ADD_REMOVE)
		good = good && grun_breakpoint_ops.remove(&dbg, GSTUB_BP_HARDWARE,
							  0x1000, 4) == 0;
	for (unsigned i = 0; i < steps && good; i++)
		good = grun_run(&gu, true, 100) == GRUN_EV_STEPPED;
	grun_hw_prepare(&gu, grun_get_pc(&gu));
	for (unsigned i = 0; i < 1000000 && good && ev == GRUN_EV_NONE; i++)
		ev = grun_run(&gu, false, 0);
	good = good && ev == GRUN_EV_BREAK && grun_get_xreg(&gu, 0) == GRUN_ROUNDS &&
	       (grun_get_xreg(&gu, 2) & 0xffffffffu) == (want_sum & 0xffffffffu);
	if (!good)
		printf("# event %d, r0 %llu, r2 %llu, pc %llx\n", (int)ev,
		       (unsigned long long)grun_get_xreg(&gu, 0),
		       (unsigned long long)grun_get_xreg(&gu, 2),
		       (unsigned long long)grun_get_pc(&gu));
	unload(&gu);
	return good;
}

/* Stepping leaves Unicorn's instruction counter behind, and a hardware
 * point adds a code hook: neither may change where a later slice
 * resumes. Runs straight through, and after 1 to 3 steps. */
static void test_resume_after(void)
{
	static const struct {
		enum grun_arch arch;
		bool thumb;
		const char *name;
	} archs[] = {
		{ GRUN_ARCH_AARCH64, false, "AArch64" },
		{ GRUN_ARCH_ARM, false, "ARM" },
		{ GRUN_ARCH_ARM, true, "Thumb" },
	};
	static const char *extras[] = { "", ", hardware breakpoint elsewhere",
					", watchpoint elsewhere",
					", hardware breakpoint added and removed" };
	for (unsigned a = 0; a < 3; a++)
		for (unsigned x = 0; x < 4; x++)
			for (unsigned steps = 0; steps <= 3; steps += (x ? 3 : 1))
				ok(run_rounds(archs[a].arch, archs[a].thumb, steps,
					      (enum rounds_extra)x),
				   "%s: %u steps, then slices to the end count right%s",
				   archs[a].name, steps, extras[x]);
}

/* ---------------------------------------------------- syscalls and steps */

/* write(1, "hi\n", 3); exit(0) in each instruction set; the write's svc is
 * instruction 4, the exit's instruction 7. */
static const uint32_t a64_write_exit[] = {
	0x10000101, /* adr x1, msg */
	0xd2800020, /* mov x0, #1 */
	0xd2800062, /* mov x2, #3 */
	0xd2800808, /* mov x8, #64 (write) */
	0xd4000001, /* svc #0 */
	0xd2800000, /* mov x0, #0 */
	0xd2800ba8, /* mov x8, #93 (exit) */
	0xd4000001, /* svc #0 */
	0x000a6968, /* "hi\n" */
};
static const uint32_t arm_write_exit[] = {
	0xe28f1018, /* add r1, pc, #24 (msg) */
	0xe3a00001, /* mov r0, #1 */
	0xe3a02003, /* mov r2, #3 */
	0xe3a07004, /* mov r7, #4 (write) */
	0xef000000, /* svc #0 */
	0xe3a00000, /* mov r0, #0 */
	0xe3a07001, /* mov r7, #1 (exit) */
	0xef000000, /* svc #0 */
	0x000a6968, /* "hi\n" */
};
static const uint16_t thumb_write_exit[] = {
	0xa103, /* adr r1, msg */
	0x2001, /* movs r0, #1 */
	0x2203, /* movs r2, #3 */
	0x2704, /* movs r7, #4 (write) */
	0xdf00, /* svc 0 */
	0x2000, /* movs r0, #0 */
	0x2701, /* movs r7, #1 (exit) */
	0xdf00, /* svc 0 */
	0x6968, 0x000a, /* "hi\n" */
};

struct isa {
	const char *name;
	enum grun_arch arch;
	bool thumb;
	unsigned insn;     /* instruction size */
	unsigned write_nr, exit_nr;
};

static const struct isa isas[] = {
	{ "AArch64", GRUN_ARCH_AARCH64, false, 4, 64, 93 },
	{ "ARM", GRUN_ARCH_ARM, false, 4, 4, 1 },
	{ "Thumb", GRUN_ARCH_ARM, true, 2, 4, 1 },
};

static bool load_code(struct grun_guest *gu, const struct isa *isa,
		      const void *code, size_t len)
{
	char err[256];
	size_t n = isa->arch == GRUN_ARCH_AARCH64
			   ? make_elf(elf, true, 183, code, len, false)
			   : make_elf(elf, false, 40, code, len, isa->thumb);
	out_len = 0;
	return load(gu, elf, n, err, sizeof err) == 0;
}

static bool load_write_exit(struct grun_guest *gu, const struct isa *isa)
{
	if (isa->arch == GRUN_ARCH_AARCH64)
		return load_code(gu, isa, a64_write_exit, sizeof a64_write_exit);
	if (isa->thumb)
		return load_code(gu, isa, thumb_write_exit, sizeof thumb_write_exit);
	return load_code(gu, isa, arm_write_exit, sizeof arm_write_exit);
}

static bool output_once(void)
{
	return out_len == 3 && memcmp(out_buf, "hi\n", 3) == 0;
}

static bool step_n(struct grun_guest *gu, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (grun_run(gu, true, 100) != GRUN_EV_STEPPED)
			return false;
	return true;
}

/* Continue runs (slices of slice_ms) until something other than a slice
 * end; gives up after many. */
static enum grun_event run_until_event(struct grun_guest *gu, unsigned slice_ms)
{
	enum grun_event ev = GRUN_EV_NONE;
	for (unsigned i = 0; i < 100000 && ev == GRUN_EV_NONE; i++)
		ev = grun_run(gu, false, slice_ms);
	return ev;
}

/* Stepping the svc serves the syscall once and stops after it. */
static void test_step_svc(const struct isa *isa)
{
	struct grun_guest gu;
	if (!ok(load_write_exit(&gu, isa), "%s: svc program loads", isa->name))
		return;
	uint64_t entry = grun_get_pc(&gu), svc = entry + 4 * isa->insn;
	ok(step_n(&gu, 4) && grun_get_pc(&gu) == svc, "%s: stepped to the svc",
	   isa->name);
	ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == svc + isa->insn,
	   "%s: a step of svc stops at the next instruction", isa->name);
	ok(grun_get_xreg(&gu, 0) == 3, "%s: with the result register set (%llu)",
	   isa->name, (unsigned long long)grun_get_xreg(&gu, 0));
	ok(output_once(), "%s: write output appears once", isa->name);
	ok(step_n(&gu, 1) && grun_get_xreg(&gu, 0) == 0 && output_once(),
	   "%s: the next step runs the next instruction only", isa->name);
	ok(step_n(&gu, 1) && grun_run(&gu, true, 100) == GRUN_EV_EXITED &&
		   gu.exit_status == 0,
	   "%s: stepping the exit svc ends the program", isa->name);
	unload(&gu);
}

/* Catching: entry (not served, pc after svc), return (served), for a
 * continue; exit has an entry and no return. */
static void test_catch_continue(const struct isa *isa)
{
	struct grun_guest gu;
	if (!ok(load_write_exit(&gu, isa), "%s: catch: loads", isa->name))
		return;
	uint64_t svc = grun_get_pc(&gu) + 4 * isa->insn;
	gu.catch_syscalls = true;
	ok(grun_run(&gu, false, 100) == GRUN_EV_SYSCALL_ENTRY &&
		   gu.syscall_nr == (long)isa->write_nr &&
		   grun_get_pc(&gu) == svc + isa->insn && out_len == 0 &&
		   grun_get_xreg(&gu, 0) == 1,
	   "%s: catch: entry stop of write, pc after svc, not yet served",
	   isa->name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_SYSCALL_RETURN &&
		   gu.syscall_nr == (long)isa->write_nr &&
		   grun_get_pc(&gu) == svc + isa->insn && output_once() &&
		   grun_get_xreg(&gu, 0) == 3,
	   "%s: catch: return stop of write, served once, result set",
	   isa->name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_SYSCALL_ENTRY &&
		   gu.syscall_nr == (long)isa->exit_nr && !gu.exited,
	   "%s: catch: entry stop of exit", isa->name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_EXITED && gu.exit_status == 0 &&
		   output_once(),
	   "%s: catch: then the program exits, no return stop", isa->name);
	unload(&gu);
}

/* Catching while stepping the svc: entry, return, then the step ends at
 * the next instruction without running it. */
static void test_catch_step(const struct isa *isa)
{
	struct grun_guest gu;
	if (!ok(load_write_exit(&gu, isa), "%s: catch step: loads", isa->name))
		return;
	uint64_t svc = grun_get_pc(&gu) + 4 * isa->insn;
	gu.catch_syscalls = true;
	step_n(&gu, 4);
	ok(grun_run(&gu, true, 100) == GRUN_EV_SYSCALL_ENTRY && out_len == 0 &&
		   grun_get_pc(&gu) == svc + isa->insn,
	   "%s: catch step: entry first", isa->name);
	ok(grun_run(&gu, true, 100) == GRUN_EV_SYSCALL_RETURN && output_once() &&
		   grun_get_xreg(&gu, 0) == 3,
	   "%s: catch step: then return", isa->name);
	ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == svc + isa->insn && grun_get_xreg(&gu, 0) == 3,
	   "%s: catch step: then the step, at svc+%u, nothing more run",
	   isa->name, isa->insn);
	ok(step_n(&gu, 1) && grun_get_pc(&gu) == svc + 2 * isa->insn &&
		   grun_get_xreg(&gu, 0) == 0 && output_once(),
	   "%s: catch step: the next step runs one instruction", isa->name);
	/* Turned off between entry and return: served silently, and the
	 * owed step still ends right after the svc. */
	step_n(&gu, 1);
	ok(grun_run(&gu, true, 100) == GRUN_EV_SYSCALL_ENTRY,
	   "%s: catch step: exit entry", isa->name);
	gu.catch_syscalls = false;
	ok(grun_run(&gu, true, 100) == GRUN_EV_EXITED && gu.exit_status == 0,
	   "%s: catch off after the entry: exit served", isa->name);
	unload(&gu);
}

/* Range steps over the svc: served once inside the range; with catching,
 * entry and return stop the range step, which then goes on. */
static void test_range_svc(const struct isa *isa)
{
	struct grun_guest gu;
	uint64_t entry, svc;
	if (!ok(load_write_exit(&gu, isa), "%s: range svc: loads", isa->name))
		return;
	entry = grun_get_pc(&gu);
	svc = entry + 4 * isa->insn;
	ok(grun_range_begin(&gu, entry, svc + isa->insn) == 0 &&
		   run_until_event(&gu, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == svc + isa->insn && output_once() &&
		   grun_get_xreg(&gu, 0) == 3,
	   "%s: range ending at the svc: served once, stops after it",
	   isa->name);
	grun_range_end(&gu);
	unload(&gu);

	load_write_exit(&gu, isa);
	gu.catch_syscalls = true;
	grun_range_begin(&gu, entry, svc + isa->insn);
	ok(run_until_event(&gu, 100) == GRUN_EV_SYSCALL_ENTRY && out_len == 0,
	   "%s: catch range: entry", isa->name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_SYSCALL_RETURN && output_once(),
	   "%s: catch range: return", isa->name);
	ok(grun_run(&gu, false, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == svc + isa->insn && grun_get_xreg(&gu, 0) == 3,
	   "%s: catch range: svc was the last: ends after it, nothing more run",
	   isa->name);
	grun_range_begin(&gu, entry, svc + 3 * isa->insn);
	ok(grun_run(&gu, false, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == svc + 3 * isa->insn &&
		   grun_get_xreg(&gu, 0) == 0,
	   "%s: a new range step from there runs to its end", isa->name);
	grun_range_end(&gu);
	unload(&gu);

	load_write_exit(&gu, isa);
	gu.catch_syscalls = true;
	grun_range_begin(&gu, entry, svc + 3 * isa->insn);
	ok(run_until_event(&gu, 100) == GRUN_EV_SYSCALL_ENTRY &&
		   grun_run(&gu, false, 100) == GRUN_EV_SYSCALL_RETURN &&
		   grun_run(&gu, false, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == svc + 3 * isa->insn &&
		   grun_get_xreg(&gu, 0) == 0 && output_once(),
	   "%s: catch range: svc inside: entry, return, on to the range end",
	   isa->name);
	grun_range_end(&gu);
	unload(&gu);
}

/* fork, vfork, clone, clone3 are not emulated: -ENOSYS, and a step of the
 * svc still lands right after it. */
static void test_no_fork(const struct isa *isa)
{
	static const uint32_t a64[] = {
		0xd2801b88, /* mov x8, #220 (clone) */
		0xd4000001, /* svc #0 */
		0xd2803668, /* mov x8, #435 (clone3) */
		0xd4000001, /* svc #0 */
	};
	static const uint32_t arm[] = {
		0xe3a07002, 0xef000000, /* fork */
		0xe3a070be, 0xef000000, /* vfork */
		0xe3a07078, 0xef000000, /* clone */
	};
	static const uint16_t thumb[] = {
		0x2702, 0xdf00, /* fork */
		0x27be, 0xdf00, /* vfork */
		0x2778, 0xdf00, /* clone */
	};
	struct grun_guest gu;
	unsigned n = isa->arch == GRUN_ARCH_AARCH64 ? 2 : 3;
	bool good;
	if (isa->arch == GRUN_ARCH_AARCH64)
		good = load_code(&gu, isa, a64, sizeof a64);
	else if (isa->thumb)
		good = load_code(&gu, isa, thumb, sizeof thumb);
	else
		good = load_code(&gu, isa, arm, sizeof arm);
	if (!ok(good, "%s: fork program loads", isa->name))
		return;
	uint64_t pc = grun_get_pc(&gu);
	for (unsigned i = 0; i < n && good; i++) {
		good = step_n(&gu, 2) && grun_get_pc(&gu) == pc + 2 * isa->insn;
		if (isa->arch == GRUN_ARCH_AARCH64)
			good = good && grun_get_xreg(&gu, 0) == (uint64_t)-38;
		else
			good = good && grun_get_xreg(&gu, 0) == (uint32_t)-38;
		pc += 2 * isa->insn;
	}
	ok(good, "%s: fork/vfork/clone give -ENOSYS, steps land after the svc",
	   isa->name);
	unload(&gu);
}

/* One-line loop `for (i = 0; i < N; i++);` as a range: the emulator runs
 * it without stopping in between. */
static void test_range_loop(void)
{
	static const uint32_t code[] = {
		0xd2800000, /* mov x0, #0 */
		0xd2884801, /* mov x1, #0x4240 */
		0xf2a001e1, /* movk x1, #0xf, lsl #16 (1000000) */
		0x91000400, /* loop: add x0, x0, #1 */
		0xeb01001f, /* cmp x0, x1 */
		0x54ffffc1, /* b.ne loop */
		0xd4200000, /* brk #0 */
	};
	static const uint32_t call[] = {
		0x94000002, /* bl f */
		0xd4200000, /* brk #0 */
		0xd503201f, /* f: nop */
		0xd4200000, /* brk #0 */
	};
	static const uint32_t spin[] = { 0xd503201f, 0x14000000 /* b . */ };
	const struct isa *a64 = &isas[0];
	struct grun_guest gu;
	struct timespec t0, t1;
	if (!ok(load_code(&gu, a64, code, sizeof code), "range loop: loads"))
		return;
	uint64_t entry = grun_get_pc(&gu), loop = entry + 12;
	step_n(&gu, 3);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ok(grun_range_begin(&gu, loop, loop + 12) == 0 &&
		   run_until_event(&gu, 5) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == loop + 12 && grun_get_xreg(&gu, 0) == 1000000,
	   "range loop: 10^6 rounds, stops after the loop with the count right");
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("# range step of 10^6 rounds (3M instructions): %.1f ms\n",
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		       (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	grun_range_end(&gu);
	ok(grun_run(&gu, false, 100) == GRUN_EV_BREAK && grun_get_pc(&gu) == loop + 12,
	   "range loop: continues after the range ends");
	unload(&gu);

	load_code(&gu, a64, code, sizeof code);
	step_n(&gu, 3);
	grun_range_begin(&gu, loop, loop + 12);
	ok(run_until_event(&gu, 0) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == loop + 12 && grun_get_xreg(&gu, 0) == 1000000,
	   "range loop: in the shortest slices, count still right");
	grun_range_end(&gu);
	unload(&gu);

	load_code(&gu, a64, call, sizeof call);
	entry = grun_get_pc(&gu);
	grun_range_begin(&gu, entry, entry + 8);
	ok(grun_run(&gu, false, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == entry + 8 && grun_get_xreg(&gu, 30) == entry + 4,
	   "range: a call leaves the range, stop at the callee");
	grun_range_end(&gu);
	grun_range_begin(&gu, entry + 100, entry + 200);
	ok(grun_run(&gu, false, 100) == GRUN_EV_STEPPED &&
		   grun_get_pc(&gu) == entry + 12,
	   "range: pc outside the range: one instruction runs");
	grun_range_end(&gu);
	unload(&gu);

	load_code(&gu, a64, spin, sizeof spin);
	entry = grun_get_pc(&gu);
	grun_range_begin(&gu, entry, entry + 8);
	ok(grun_run(&gu, false, 20) == GRUN_EV_NONE &&
		   grun_run(&gu, false, 20) == GRUN_EV_NONE &&
		   grun_get_pc(&gu) == entry + 4 && gu.range_self_loop,
	   "range: `b .` runs in slices, pc on it, seen looping on itself");
	grun_range_end(&gu);
	ok(grun_run(&gu, true, 100) == GRUN_EV_STEPPED && grun_get_pc(&gu) == entry + 4,
	   "range: a step after it stays on `b .`");
	unload(&gu);
}

/* A range step over a whole rounds program, in the shortest slices, then a
 * continue: each slice resumed exactly where the last stopped. */
static bool range_rounds(const struct isa *isa)
{
	struct grun_guest gu;
	uint64_t want_sum = (uint64_t)GRUN_ROUNDS * (GRUN_ROUNDS + 1) / 2;
	bool good;
	if (isa->arch == GRUN_ARCH_AARCH64)
		good = load_code(&gu, isa, a64_rounds, sizeof a64_rounds);
	else if (isa->thumb)
		good = load_code(&gu, isa, thumb_rounds, sizeof thumb_rounds);
	else
		good = load_code(&gu, isa, arm_rounds, sizeof arm_rounds);
	if (!good)
		return false;
	uint64_t entry = grun_get_pc(&gu);
	/* the brk: after 9 instructions (Thumb: movw is 4 bytes) */
	uint64_t brk = entry + (isa->thumb ? 20 : 36);
	good = grun_range_begin(&gu, entry, brk) == 0 &&
	       run_until_event(&gu, 0) == GRUN_EV_STEPPED && grun_get_pc(&gu) == brk &&
	       grun_get_xreg(&gu, 0) == GRUN_ROUNDS &&
	       (grun_get_xreg(&gu, 2) & 0xffffffffu) == (want_sum & 0xffffffffu);
	grun_range_end(&gu);
	good = good && grun_run(&gu, false, 100) == GRUN_EV_BREAK &&
	       grun_get_pc(&gu) == brk;
	unload(&gu);
	return good;
}

static void test_steps_and_syscalls(void)
{
	for (unsigned i = 0; i < 3; i++) {
		test_step_svc(&isas[i]);
		test_catch_continue(&isas[i]);
		test_catch_step(&isas[i]);
		test_range_svc(&isas[i]);
		test_no_fork(&isas[i]);
		ok(range_rounds(&isas[i]),
		   "%s: range step over a rounds program in short slices counts right",
		   isas[i].name);
	}
	test_range_loop();
}

int main(void)
{
	test_rejects();
	test_a64_run();
	test_a64_debug();
	test_fault_pc();
	test_arm(false);
	test_arm(true);
	test_thumb_it(true);
	test_thumb_it(false);
	test_resume_after();
	test_steps_and_syscalls();
	return tap_done();
}
