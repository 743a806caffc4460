/*
 * gstub_nextpc_a64 against Unicorn: for each instruction and register
 * state, the predicted next pc must be where Unicorn goes after executing
 * exactly that one instruction. Each case is followed by a branch to
 * itself, and the oracle is the first hook (code or block) after the
 * instruction's own, or Unicorn's pc when it stopped or could not fetch.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <unicorn/unicorn.h>

#include "../../stub/nextpc.h"
#include "nextpc-oracle.h"

#define CODE_BASE 0x10000000ull
#define CODE_SIZE 0x04000000ull

static uc_engine *uc;

static int uc_xreg(unsigned n)
{
	if (n == 29)
		return UC_ARM64_REG_X29;
	if (n == 30)
		return UC_ARM64_REG_X30;
	return UC_ARM64_REG_X0 + (int)n;
}

static int env_read_reg(void *ctx, unsigned regnum, uint64_t *value)
{
	int reg;

	if (regnum <= 30)
		reg = uc_xreg(regnum);
	else if (regnum == GSTUB_NEXTPC_A64_CPSR)
		reg = UC_ARM64_REG_NZCV;
	else
		return GSTUB_EINVAL;
	return uc_reg_read(ctx, reg, value) == UC_ERR_OK ? 0 : GSTUB_EIO;
}

static int env_read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	if (uc_mem_read(ctx, addr, buf, len) != UC_ERR_OK)
		return GSTUB_EFAULT;
	return (int)len;
}

static struct gstub_nextpc_env env = {
	.read_reg = env_read_reg, .read_mem = env_read_mem,
};

/* ----- the oracle ----- */

struct event {
	bool block;
	uint64_t addr;
};
static struct event events[8];
static unsigned n_events;

static void on_hook(uc_engine *u, uint64_t addr, uint32_t size, void *block)
{
	(void)u, (void)size;
	if (n_events < 8)
		events[n_events++] = (struct event){ block != NULL, addr };
}

static void set_x(unsigned n, uint64_t v)
{
	uc_reg_write(uc, uc_xreg(n), &v);
}

/* Predicts, runs one instruction, compares: a verdict for tally_add. */
static int step(uint64_t pc, uint32_t nzcv, uint32_t insn, uint64_t *next,
		uint64_t *uc_next, int *err, uc_err *status)
{
	static const uint32_t self = 0x14000000; /* b . */
	uint64_t upc, n = nzcv;
	unsigned i;

	uc_mem_write(uc, pc, &insn, 4);
	uc_mem_write(uc, pc + 4, &self, 4);
	uc_ctl_remove_cache(uc, pc, pc + 8);
	uc_reg_write(uc, UC_ARM64_REG_NZCV, &n);
	*next = *uc_next = 0;
	*err = gstub_nextpc_a64(&env, pc, next);

	n_events = 0;
	*status = uc_emu_start(uc, pc, ~0ull, 1000000, 1);
	uc_reg_read(uc, UC_ARM64_REG_PC, &upc);
	for (i = 0; i < n_events && events[i].block; i++)
		;
	if (i == n_events || events[i].addr != pc)
		return -1;
	if (i + 1 < n_events)
		*uc_next = events[i + 1].addr;
	else if (*status == UC_ERR_OK || *status == UC_ERR_FETCH_UNMAPPED ||
		 *status == UC_ERR_FETCH_PROT)
		*uc_next = upc;
	else
		return -1;
	return *err == 0 && *next == *uc_next ? 1 : -1;
}

static void check(struct tally *t, uint64_t pc, uint32_t nzcv, uint32_t insn)
{
	uint64_t next, uc_next;
	uc_err status;
	int err;
	int v = step(pc, nzcv, insn, &next, &uc_next, &err, &status);

	tally_add(t, v, "%08x at %llx nzcv %x: predicted %llx (%d), Unicorn %llx (%s)",
		  insn, (unsigned long long)pc, nzcv >> 28,
		  (unsigned long long)next, err, (unsigned long long)uc_next,
		  uc_strerror(status));
}

static void hand(const char *name, uint64_t pc, uint32_t nzcv, uint32_t insn,
		 uint64_t want)
{
	uint64_t next, uc_next;
	uc_err status;
	int err;
	int v = step(pc, nzcv, insn, &next, &uc_next, &err, &status);

	if (!ok(v > 0 && next == want, "%s", name))
		printf("#   want %llx, predicted %llx (%d), Unicorn %llx (%s)\n",
		       (unsigned long long)want, (unsigned long long)next, err,
		       (unsigned long long)uc_next, uc_strerror(status));
}

/* ----- states ----- */

/* An address a branch register may hold: mostly in the code region. */
static uint64_t target_value(void)
{
	if (rnd(4))
		return (CODE_BASE + rnd((uint32_t)CODE_SIZE)) & ~3ull;
	return rnd64() & 0x0000fffffffffffcull;
}

/* Registers as compare-and-branch sees them: zero, zero only in the low
 * word, one bit set, anything. */
static uint64_t test_value(void)
{
	switch (rnd(5)) {
	case 0: return 0;
	case 1: return rnd64() << 32;
	case 2: return 1ull << rnd(64);
	case 3: return target_value();
	default: return rnd64();
	}
}

static void random_regs(void)
{
	for (unsigned n = 0; n < 31; n++)
		set_x(n, test_value());
}

static uint64_t random_pc(void)
{
	return CODE_BASE + CODE_SIZE / 2 + 4 * rnd(0x10000);
}

static uint32_t random_nzcv(void)
{
	return rnd(16) << 28;
}

static const char *const cond_names[16] = {
	"EQ", "NE", "CS", "CC", "MI", "PL", "VS", "VC",
	"HI", "LS", "GE", "LT", "GT", "LE", "AL", "NV",
};

/* ----- classes ----- */

static void conditions(void)
{
	char name[64];

	for (unsigned cond = 0; cond < 16; cond++) {
		struct tally t = { .name = name };

		snprintf(name, sizeof name, "A64 B.%s x NZCV", cond_names[cond]);
		for (unsigned nzcv = 0; nzcv < 16; nzcv++)
			for (int k = 0; k < 4; k++)
				check(&t, random_pc(), nzcv << 28,
				      0x54000000 | rnd(1u << 19) << 5 | cond);
		tally_done(&t);
	}
}

static void branches(void)
{
	struct tally b = { .name = "A64 B and BL, random offsets" };
	struct tally cb = { .name = "A64 CBZ/CBNZ, W and X, incl. xzr" };
	struct tally tb = { .name = "A64 TBZ/TBNZ, every bit" };
	struct tally br = { .name = "A64 BR, BLR, RET, RET Xn" };
	struct tally other = { .name = "A64 non-branches (add, ldr, nop, ...)" };
	static const uint32_t br_ops[4] = {
		0xd61f0000, 0xd63f0000, 0xd65f0000, 0xd65f03c0,
	};
	static const uint32_t others[] = {
		0x91000400, /* add x0, x0, #1 */
		0xd503201f, /* nop */
		0xf9400000, /* ldr x0, [x0] (data fault or not: pc + 4) */
		0xaa0103e0, /* mov x0, x1 */
		0xd503233f, /* paciasp (a NOP without pointer auth) */
		0x9a9f17e0, /* cset x0, eq */
	};

	for (int i = 0; i < 600; i++) {
		random_regs();
		check(&b, random_pc(), random_nzcv(),
		      (rnd(2) ? 0x94000000 : 0x14000000) | rnd(1u << 26));
	}
	tally_done(&b);

	for (int i = 0; i < 800; i++) {
		unsigned rt = rnd(32);

		random_regs();
		check(&cb, random_pc(), random_nzcv(),
		      0x34000000 | rnd(2) << 31 | rnd(2) << 24 |
			      rnd(1u << 19) << 5 | rt);
	}
	tally_done(&cb);

	for (int i = 0; i < 800; i++) {
		unsigned bit = rnd(64), rt = rnd(32);

		random_regs();
		if (rt != 31)
			set_x(rt, rnd(2) ? 1ull << bit : ~(1ull << bit));
		check(&tb, random_pc(), random_nzcv(),
		      0x36000000 | (bit >> 5) << 31 | rnd(2) << 24 |
			      (bit & 31) << 19 | rnd(1u << 14) << 5 | rt);
	}
	tally_done(&tb);

	for (int i = 0; i < 600; i++) {
		uint32_t insn = br_ops[rnd(4)];

		random_regs();
		if (insn != 0xd65f03c0)
			insn |= rnd(32) << 5;
		check(&br, random_pc(), random_nzcv(), insn);
	}
	tally_done(&br);

	/* data accesses of these may fault in Unicorn: only ldr can, and
	 * then it is not comparable */
	for (int i = 0; i < 300; i++) {
		uint64_t next, uc_next, pc = random_pc();
		uint32_t insn = others[rnd(sizeof others / sizeof *others)];
		uc_err status;
		int err, v;

		random_regs();
		if (insn == 0xf9400000)
			set_x(0, pc & ~7ull); /* load its own code */
		v = step(pc, random_nzcv(), insn, &next, &uc_next, &err, &status);
		tally_add(&other, v, "%08x: predicted %llx, Unicorn %llx (%s)",
			  insn, (unsigned long long)next,
			  (unsigned long long)uc_next, uc_strerror(status));
	}
	tally_done(&other);
}

static void hand_cases(void)
{
	uint64_t pc = CODE_BASE + 0x1000;

	hand("b . reports pc itself", pc, 0, 0x14000000, pc);
	hand("bl . reports pc itself", pc, 0, 0x94000000, pc);
	hand("b.eq . taken reports pc itself", pc, 0x40000000, 0x54000000, pc);
	hand("b.eq . not taken is pc + 4", pc, 0, 0x54000000, pc + 4);
	hand("b.nv is always taken", pc, 0, 0x5400010f, pc + 32);
	set_x(3, 0x100000000ull);
	hand("cbz w3 sees only the low word (taken)", pc, 0, 0x34000103,
	     pc + 32);
	hand("cbz x3 sees all 64 bits (not taken)", pc, 0, 0xb4000103, pc + 4);
	hand("cbnz xzr is never taken", pc, 0, 0xb500011f, pc + 4);
	hand("tbnz x3, #32 taken", pc, 0, 0xb7000103, pc + 32);
	hand("tbz x3, #32, back 8 not taken", pc, 0, 0xb607ffc3, pc + 4);
	set_x(30, CODE_BASE + 0x2000);
	hand("ret goes to x30", pc, 0, 0xd65f03c0, CODE_BASE + 0x2000);
	set_x(7, CODE_BASE + 0x3000);
	hand("ret x7", pc, 0, 0xd65f00e0, CODE_BASE + 0x3000);
	hand("blr x7", pc, 0, 0xd63f00e0, CODE_BASE + 0x3000);
	hand("br xzr goes to 0 (fetch fails there)", pc, 0, 0xd61f03e0, 0);
}

int main(void)
{
	uc_hook code_hook, block_hook;

	if (uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc) != UC_ERR_OK) {
		printf("1..0 # SKIP Unicorn cannot open AArch64\n");
		return 0;
	}
	uc_mem_map(uc, CODE_BASE, CODE_SIZE, UC_PROT_ALL);
	uc_hook_add(uc, &code_hook, UC_HOOK_CODE, on_hook, NULL, 1, 0);
	uc_hook_add(uc, &block_hook, UC_HOOK_BLOCK, on_hook, &block_hook, 1, 0);
	env.ctx = uc;

	hand_cases();
	conditions();
	branches();

	uc_close(uc);
	return tap_done();
}
