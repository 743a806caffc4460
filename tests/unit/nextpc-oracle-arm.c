/*
 * gstub_nextpc_arm against Unicorn (Cortex-A15): for each instruction and
 * register state, the predicted next pc and instruction-set state must be
 * where Unicorn goes after executing exactly that one instruction.
 *
 * Unicorn 2.0.1 does not run the code hook of an instruction that an IT
 * block skips, and its instruction count does not count it either; so the
 * oracle is the first hooked address after the instruction's own hook (or
 * the first at all when it was skipped), and each case is followed by a
 * branch to itself so nothing else runs.
 */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <unicorn/unicorn.h>

#include "../../stub/nextpc.h"
#include "nextpc-oracle.h"

#define CODE_BASE 0x01000000u
#define CODE_SIZE 0x02000000u
#define DATA_BASE 0x03000000u
#define DATA_SIZE 0x00100000u
#define CPSR_BASE 0x1d3u /* SVC mode, IRQ and FIQ masked */
#define CPSR_T (1u << 5)

static uc_engine *uc;

static const int uc_regs[15] = {
	UC_ARM_REG_R0, UC_ARM_REG_R1, UC_ARM_REG_R2, UC_ARM_REG_R3,
	UC_ARM_REG_R4, UC_ARM_REG_R5, UC_ARM_REG_R6, UC_ARM_REG_R7,
	UC_ARM_REG_R8, UC_ARM_REG_R9, UC_ARM_REG_R10, UC_ARM_REG_R11,
	UC_ARM_REG_R12, UC_ARM_REG_SP, UC_ARM_REG_LR,
};

static int env_read_reg(void *ctx, unsigned regnum, uint64_t *value)
{
	uint32_t v;

	if (regnum > 14 || uc_reg_read(ctx, uc_regs[regnum], &v) != UC_ERR_OK)
		return GSTUB_EINVAL;
	*value = v;
	return 0;
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

/* Code and block hooks in the order they ran. After an interworking branch
 * out of an IT block into ARM code, Unicorn 2.0.1 runs the target's block
 * without its code hooks, so the block hook is what shows where it went. */
struct event {
	bool block;
	uint32_t addr;
};
static struct event events[8];
static unsigned n_events;

static void on_hook(uc_engine *u, uint64_t addr, uint32_t size, void *block)
{
	(void)u, (void)size;
	if (n_events < 8)
		events[n_events++] = (struct event){ block != NULL,
						     (uint32_t)addr };
}

struct outcome {
	int err;          /* the decoder's */
	uint32_t next;
	unsigned size;
	uc_err uc_status; /* Unicorn's */
	bool uc_valid;    /* uc_next is meaningful */
	uint32_t uc_next;
};

/* Unicorn stopped before the next instruction, or failed to fetch it: its
 * pc is where execution went. */
static bool fetch_stop(uc_err status)
{
	return status == UC_ERR_OK || status == UC_ERR_FETCH_UNMAPPED ||
	       status == UC_ERR_FETCH_PROT;
}

static void set_reg(unsigned n, uint32_t v)
{
	uc_reg_write(uc, uc_regs[n], &v);
}

/* Places insn (len bytes, little-endian halfwords for Thumb) at pc with a
 * branch to itself after it, predicts, then runs one instruction. */
static void step(uint32_t pc, uint32_t cpsr, const uint8_t *insn, unsigned len,
		 struct outcome *o)
{
	static const uint8_t arm_self[4] = { 0xfe, 0xff, 0xff, 0xea };
	static const uint8_t thumb_self[2] = { 0xfe, 0xe7 };
	bool thumb = cpsr & CPSR_T;
	uint32_t upc, ucpsr;
	unsigned i;

	uc_mem_write(uc, pc, insn, len);
	if (thumb)
		uc_mem_write(uc, pc + len, thumb_self, 2);
	else
		uc_mem_write(uc, pc + len, arm_self, 4);
	uc_ctl_remove_cache(uc, pc, pc + len + 4);
	uc_reg_write(uc, UC_ARM_REG_CPSR, &cpsr);

	memset(o, 0, sizeof *o);
	o->err = gstub_nextpc_arm(&env, pc, cpsr, &o->next, &o->size);

	n_events = 0;
	o->uc_status = uc_emu_start(uc, pc | thumb, 0xffffffffu, 1000000, 1);
	uc_reg_read(uc, UC_ARM_REG_PC, &upc);
	uc_reg_read(uc, UC_ARM_REG_CPSR, &ucpsr);
	for (i = 0; i < n_events && events[i].block; i++)
		;
	if (i == n_events)
		return; /* not even the instruction ran */
	if (events[i].addr != pc) { /* skipped by its IT block: no hook */
		o->uc_valid = true;
		o->uc_next = events[i].addr | thumb;
	} else if (i + 1 < n_events) {
		o->uc_valid = true;
		o->uc_next = events[i + 1].addr | !!(ucpsr & CPSR_T);
	} else if (fetch_stop(o->uc_status)) {
		o->uc_valid = true;
		o->uc_next = upc | !!(ucpsr & CPSR_T);
	}
}

/* A verdict for tally_add. `loads_pc`: the decoder reads
 * the new pc from memory, so a data fault in Unicorn must be its fault. */
static int verdict(const struct outcome *o, bool loads_pc)
{
	if (o->err == GSTUB_EFAULT)
		return o->uc_status == UC_ERR_READ_UNMAPPED ? 2 : -1;
	if (o->err != 0)
		return -1;
	if (o->uc_valid)
		return o->next == o->uc_next ? 1 : -1;
	if (!loads_pc && (o->uc_status == UC_ERR_READ_UNMAPPED ||
			  o->uc_status == UC_ERR_WRITE_UNMAPPED))
		return 0;
	return -1;
}

static void describe(const struct outcome *o, char *buf, size_t size)
{
	snprintf(buf, size, "predicted %08x (%d), Unicorn %08x (%s%s)",
		 o->next, o->err, o->uc_next, uc_strerror(o->uc_status),
		 o->uc_valid ? "" : ", no pc");
}

static void check_a32(struct tally *t, uint32_t pc, uint32_t cpsr,
		      uint32_t insn, bool loads_pc)
{
	uint8_t b[4];
	struct outcome o;
	char text[160];

	memcpy(b, &insn, 4);
	step(pc, cpsr & ~CPSR_T, b, 4, &o);
	describe(&o, text, sizeof text);
	tally_add(t, verdict(&o, loads_pc), "A32 %08x at %08x cpsr %08x: %s",
		  insn, pc, cpsr, text);
}

/* hw2 = 0 for a 16-bit instruction */
static void check_t32(struct tally *t, uint32_t pc, uint32_t cpsr,
		      uint16_t hw1, uint16_t hw2, bool loads_pc)
{
	uint8_t b[4] = { hw1 & 0xff, hw1 >> 8, hw2 & 0xff, hw2 >> 8 };
	unsigned len = (hw1 >> 11) >= 0x1d ? 4 : 2;
	struct outcome o;
	char text[160];
	int v;

	step(pc, cpsr | CPSR_T, b, len, &o);
	describe(&o, text, sizeof text);
	v = verdict(&o, loads_pc);
	if (o.size != len)
		v = -1;
	tally_add(t, v,
		  "T32 %04x %04x at %08x cpsr %08x: size %u, %s", hw1,
		  len == 4 ? hw2 : 0, pc, cpsr, o.size, text);
}

/* ----- states ----- */

/* A value a branch may take: Thumb (odd) or word-aligned ARM. Values with
 * bits 1:0 = 10 are UNPREDICTABLE as an ARM target. */
static uint32_t target_value(void)
{
	uint32_t v = (uint32_t)rnd64();

	if (rnd(2))
		v = CODE_BASE + rnd(CODE_SIZE);
	return (v & 1) ? v : v & ~3u;
}

static uint32_t data_pointer(void)
{
	return DATA_BASE + 0x1000 + 4 * rnd((DATA_SIZE - 0x2000) / 4);
}

static void random_regs(void)
{
	for (unsigned n = 0; n < 15; n++) {
		switch (rnd(4)) {
		case 0:
		case 1: set_reg(n, data_pointer()); break;
		case 2: set_reg(n, 4 * rnd(64)); break;
		default: set_reg(n, target_value()); break;
		}
	}
	set_reg(13, data_pointer());
}

static uint32_t random_pc(bool thumb)
{
	return CODE_BASE + CODE_SIZE / 2 + (thumb ? 2 : 4) * rnd(0x4000);
}

static uint32_t random_cpsr(void)
{
	return CPSR_BASE | (uint32_t)rnd(16) << 28;
}

static void fill_data(void)
{
	static uint32_t words[DATA_SIZE / 4];

	for (size_t i = 0; i < DATA_SIZE / 4; i++)
		words[i] = target_value();
	uc_mem_write(uc, DATA_BASE, words, sizeof words);
}

/* A test-side condition check, written apart from the decoder's. */
static bool cond_true(unsigned cond, unsigned nzcv)
{
	static const uint16_t holds[16] = {
		/* for each cond, bit f set when it holds for NZCV = f */
		0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
		0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
	};
	return holds[cond & 15] >> (nzcv & 15) & 1;
}

static const char *const cond_names[16] = {
	"EQ", "NE", "CS", "CC", "MI", "PL", "VS", "VC",
	"HI", "LS", "GE", "LT", "GT", "LE", "AL", "NV",
};

/* ----- A32 classes ----- */

static void a32_conditions(void)
{
	static const uint32_t kinds[] = {
		0x0a000000, /* B (imm24 added) */
		0x0b000000, /* BL */
		0x012fff1e, /* BX lr */
		0x012fff33, /* BLX r3 */
		0x049df004, /* LDR pc, [sp], #4 */
		0x08bd8010, /* POP {r4, pc} */
		0x01a0f000, /* MOV pc, r0 */
		0x0081f102, /* ADD pc, r1, r2, LSL #2 */
		0x02811001, /* ADD r1, r1, #1 */
	};
	char name[64];

	for (unsigned cond = 0; cond < 15; cond++) {
		struct tally t = { .name = name };

		snprintf(name, sizeof name,
			 "A32 %s x NZCV x 9 instructions", cond_names[cond]);
		for (unsigned nzcv = 0; nzcv < 16; nzcv++) {
			for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
				uint32_t insn = cond << 28 | kinds[k];

				if (k < 2)
					insn |= rnd(1u << 24);
				random_regs();
				set_reg(2, rnd(64));
				check_a32(&t, random_pc(false),
					  CPSR_BASE | nzcv << 28, insn, k == 4 || k == 5);
			}
		}
		tally_done(&t);
	}
}

static void a32_branches(void)
{
	struct tally blx = { .name = "A32 BLX (immediate), random offsets" };
	struct tally bx = { .name = "A32 BX/BLX/BXJ (register), random targets" };
	static const uint32_t bx_ops[3] = { 0x012fff10, 0x012fff30, 0x012fff20 };

	for (int i = 0; i < 300; i++) {
		random_regs();
		check_a32(&blx, random_pc(false), random_cpsr(),
			  0xfa000000 | rnd(1u << 25), false);
	}
	tally_done(&blx);
	for (int i = 0; i < 300; i++) {
		random_regs();
		check_a32(&bx, random_pc(false), random_cpsr(),
			  0xe0000000 | bx_ops[rnd(3)] | rnd(15), false);
	}
	tally_done(&bx);
}

static void a32_loads(void)
{
	struct tally ldr = { .name = "A32 LDR pc, every addressing mode" };
	struct tally ldm = { .name = "A32 LDM IA/IB/DA/DB with pc" };

	for (int i = 0; i < 600; i++) {
		uint32_t insn = 0xe410f000; /* LDR pc, post-indexed, no W */
		unsigned rn = rnd(15);
		bool p = rnd(4) != 0;

		if (p)
			insn |= 1u << 24 | (rnd(2) ? 1u << 21 : 0);
		if (p && !(insn & (1u << 21)) && rnd(8) == 0)
			rn = 15; /* literal */
		insn |= rnd(2) << 23 | rn << 16;
		random_regs();
		if (rnd(2)) { /* register offset, shifted by an immediate */
			unsigned rm = rnd(15);

			insn |= 1u << 25 | rm | rnd(4) << 5 | rnd(32) << 7;
			set_reg(rm, rnd(2) ? 4 * rnd(256) : (uint32_t)rnd64());
		} else {
			insn |= rnd(4096) & ~3u;
		}
		check_a32(&ldr, random_pc(false), random_cpsr(), insn, true);
	}
	tally_done(&ldr);

	for (int i = 0; i < 400; i++) {
		unsigned rn = rnd(15);
		uint32_t insn = 0xe8108000 | rnd(4) << 23 | rn << 16 | rnd(0x8000);

		if (rnd(2) && !(insn & (1u << rn)))
			insn |= 1u << 21; /* writeback */
		random_regs();
		check_a32(&ldm, random_pc(false), random_cpsr(), insn, true);
	}
	tally_done(&ldm);
}

static void a32_data_processing(void)
{
	struct tally imm = { .name = "A32 data-processing to pc, immediate" };
	struct tally reg = { .name = "A32 data-processing to pc, shift by immediate (incl. RRX, carry in)" };
	struct tally rsr = { .name = "A32 data-processing to pc, shift by register" };
	struct tally other = { .name = "A32 data-processing to other registers" };
	static const unsigned ops[12] = { 0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15 };

	for (int i = 0; i < 1500; i++) {
		unsigned form = i % 3;
		uint32_t insn = 0xe000f000 | ops[rnd(12)] << 21;

		random_regs();
		if (form == 0) {
			insn |= 1u << 25 | rnd(4096);
			insn |= rnd(16) << 16;
		} else if (form == 1) {
			insn |= rnd(16) << 16 | rnd(16) | rnd(4) << 5 | rnd(32) << 7;
		} else {
			unsigned rs = rnd(15);

			insn |= rnd(15) << 16 | rnd(15) | rnd(4) << 5 | 1u << 4 |
				rs << 8;
			set_reg(rs, rnd(4) ? rnd(40) : (uint32_t)rnd64());
		}
		if ((insn >> 21 & 13) == 13) /* MOV, MVN: Rn should be zero */
			insn &= ~(15u << 16);
		check_a32(form == 0 ? &imm : form == 1 ? &reg : &rsr,
			  random_pc(false), random_cpsr(), insn, false);
	}
	tally_done(&imm);
	tally_done(&reg);
	tally_done(&rsr);

	for (int i = 0; i < 500; i++) {
		uint32_t insn = 0xe0000000 | rnd(16) << 21 | rnd(2) << 20 |
				rnd(16) << 16 | rnd(15) << 12;

		if ((insn >> 23 & 3) == 2) /* TST..CMN: S set, Rd zero */
			insn = (insn | 1u << 20) & ~(15u << 12);
		if ((insn >> 21 & 13) == 13) /* MOV, MVN: Rn zero */
			insn &= ~(15u << 16);
		insn |= rnd(2) ? (1u << 25 | rnd(4096)) : (rnd(4096) & ~0x10u);
		random_regs();
		check_a32(&other, random_pc(false), random_cpsr(), insn, false);
	}
	tally_done(&other);
}

/* ----- T32 classes ----- */

static void t32_conditions(void)
{
	char name[64];

	for (unsigned cond = 0; cond < 14; cond++) {
		struct tally t = { .name = name };

		snprintf(name, sizeof name, "T32 B<c> and B<c>.W %s x NZCV",
			 cond_names[cond]);
		for (unsigned nzcv = 0; nzcv < 16; nzcv++) {
			uint32_t cpsr = CPSR_BASE | nzcv << 28;

			random_regs();
			check_t32(&t, random_pc(true), cpsr,
				  0xd000 | cond << 8 | rnd(256), 0, false);
			check_t32(&t, random_pc(true), cpsr,
				  0xf000 | rnd(2) << 10 | cond << 6 | rnd(64),
				  0x8000 | rnd(2) << 13 | rnd(2) << 11 | rnd(2048),
				  false);
		}
		tally_done(&t);
	}
}

static void t32_narrow(void)
{
	struct tally b = { .name = "T32 B (16-bit), random offsets" };
	struct tally cb = { .name = "T32 CBZ/CBNZ, zero and non-zero" };
	struct tally bx = { .name = "T32 BX/BLX (register)" };
	struct tally hi = { .name = "T32 MOV pc, Rm and ADD pc, Rm" };
	struct tally pop = { .name = "T32 POP {..., pc}" };

	for (int i = 0; i < 200; i++) {
		random_regs();
		check_t32(&b, random_pc(true), random_cpsr(), 0xe000 | rnd(2048),
			  0, false);
	}
	for (int i = 0; i < 300; i++) {
		unsigned rn = rnd(8);

		random_regs();
		set_reg(rn, rnd(2) ? 0 : (uint32_t)rnd64() | 1u << rnd(32));
		check_t32(&cb, random_pc(true), random_cpsr(),
			  0xb100 | rnd(2) << 11 | rnd(2) << 9 | rnd(32) << 3 | rn,
			  0, false);
	}
	for (int i = 0; i < 200; i++) {
		random_regs();
		check_t32(&bx, random_pc(true), random_cpsr(),
			  0x4700 | rnd(2) << 7 | rnd(15) << 3, 0, false);
	}
	for (int i = 0; i < 300; i++) {
		random_regs();
		check_t32(&hi, random_pc(true), random_cpsr(),
			  (rnd(2) ? 0x4687 : 0x4487) | rnd(15) << 3, 0, false);
	}
	for (int i = 0; i < 200; i++) {
		random_regs();
		check_t32(&pop, random_pc(true), random_cpsr(),
			  0xbd00 | rnd(256), 0, true);
	}
	tally_done(&b);
	tally_done(&cb);
	tally_done(&bx);
	tally_done(&hi);
	tally_done(&pop);
}

static void t32_wide(void)
{
	struct tally bw = { .name = "T32 B.W, BL, BLX (immediate), random offsets" };
	struct tally ldr = { .name = "T32 LDR.W pc: literal, imm12, imm8 pre/post, register" };
	struct tally ldm = { .name = "T32 LDMIA/LDMDB/POP.W with pc" };
	struct tally tb = { .name = "T32 TBB/TBH" };

	for (int i = 0; i < 600; i++) {
		static const uint16_t ops[3] = { 0x9000, 0xd000, 0xc000 };
		uint16_t hw2 = ops[i % 3] | rnd(2) << 13 | rnd(2) << 11 |
			       rnd(2048);

		if (i % 3 == 2)
			hw2 &= ~1u; /* BLX: H = 1 is UNDEFINED */
		random_regs();
		check_t32(&bw, random_pc(true), random_cpsr(),
			  0xf000 | rnd(2048), hw2, false);
	}
	tally_done(&bw);

	for (int i = 0; i < 800; i++) {
		unsigned form = i % 4, rn = rnd(15);
		uint16_t hw1, hw2;

		random_regs();
		if (form == 0) { /* literal */
			hw1 = 0xf85f | rnd(2) << 7;
			hw2 = 0xf000 | (rnd(4096) & ~3u);
		} else if (form == 1) { /* T3: positive imm12 */
			hw1 = 0xf8d0 | rn;
			hw2 = 0xf000 | (rnd(4096) & ~3u);
		} else if (form == 2) { /* T4: imm8, P/U/W (not P=W=0) */
			/* P:U:W = post-index down/up, offset down, pre-index
			 * down/up (1-1-0 is LDRT, UNPREDICTABLE into pc) */
			static const unsigned puws[5] = { 1, 3, 4, 5, 7 };
			unsigned puw = puws[rnd(5)];

			hw1 = 0xf850 | rn;
			hw2 = 0xf800 | puw << 8 | (rnd(256) & ~3u);
		} else { /* T2: register, LSL #0-3 */
			unsigned rm = rnd(14);

			if (rm == 13)
				rm = 14;
			hw1 = 0xf850 | rn;
			hw2 = 0xf000 | rnd(4) << 4 | rm;
			set_reg(rm, rnd(2) ? 4 * rnd(64) : (uint32_t)rnd64());
		}
		check_t32(&ldr, random_pc(true), random_cpsr(), hw1, hw2, true);
	}
	tally_done(&ldr);

	for (int i = 0; i < 400; i++) {
		unsigned rn = rnd(15), w = rnd(2);
		uint16_t list = 0x8000 | (rnd(0x2000) & ~(w ? 1u << rn : 0));

		if (!(list & 0x1fff))
			list |= rn == 0 ? 2 : 1; /* at least two registers */
		random_regs();
		check_t32(&ldm, random_pc(true), random_cpsr(),
			  (rnd(2) ? 0xe890 : 0xe910) | w << 5 | rn, list, true);
	}
	tally_done(&ldm);

	for (int i = 0; i < 400; i++) {
		unsigned rn = rnd(13), rm = rnd(13);

		if (rm == rn)
			rm = (rm + 1) % 13;
		random_regs();
		set_reg(rm, rnd(256));
		check_t32(&tb, random_pc(true), random_cpsr(), 0xe8d0 | rn,
			  0xf000 | rnd(2) << 4 | rm, true);
	}
	tally_done(&tb);
}

/* Instructions inside an IT block, at its last and second-to-last
 * positions, for every condition and NZCV. At the second-to-last, the last
 * instruction's then/else bit is chosen so that it runs, which keeps the
 * oracle to one instruction. */
static void t32_it_blocks(void)
{
	static const uint16_t last[][2] = {
		{ 0x4770, 0 },      /* BX lr */
		{ 0xbd10, 0 },      /* POP {r4, pc} */
		{ 0xf000, 0xb800 }, /* B.W */
		{ 0xf85d, 0xfb04 }, /* LDR.W pc, [sp], #4 */
		{ 0x4687, 0 },      /* MOV pc, r0 */
		{ 0xe000, 0 },      /* B (16-bit) */
	};
	static const uint16_t inner[][2] = {
		{ 0x2001, 0 },      /* MOV r0, #1 (MOVS outside IT) */
		{ 0xf100, 0x0001 }, /* ADD.W r0, r0, #1 */
		{ 0xf8dd, 0x1000 }, /* LDR.W r1, [sp] */
	};
	char name[64];

	for (unsigned cond = 0; cond < 15; cond++) {
		struct tally t = { .name = name };

		snprintf(name, sizeof name, "T32 IT block %s x NZCV", cond_names[cond]);
		for (unsigned nzcv = 0; nzcv < 16; nzcv++) {
			for (size_t k = 0; k < 6; k++) { /* last in block */
				uint32_t it = cond << 4 | 8;
				uint32_t cpsr = CPSR_BASE | nzcv << 28 |
						(it >> 2) << 10 | (it & 3) << 25;
				uint16_t hw1 = last[k][0], hw2 = last[k][1];

				if (k == 2)
					hw1 |= rnd(1024), hw2 |= rnd(2048);
				if (k == 5)
					hw1 |= rnd(2048);
				random_regs();
				check_t32(&t, random_pc(true), cpsr, hw1, hw2,
					  k == 1 || k == 3);
			}
			for (size_t k = 0; k < 3; k++) { /* second to last */
				unsigned next_cond = (cond & 14) |
						     !cond_true(cond & 14, nzcv);
				uint32_t it = cond << 4 | (next_cond & 1) << 3 | 4;
				uint32_t cpsr = CPSR_BASE | nzcv << 28 |
						(it >> 2) << 10 | (it & 3) << 25;


				random_regs();
				check_t32(&t, random_pc(true), cpsr, inner[k][0], inner[k][1],
					  false);
			}
		}
		tally_done(&t);
	}
}

/* ----- hand-written cases ----- */

static void hand_a32(const char *name, uint32_t pc, uint32_t cpsr,
		     uint32_t insn, uint32_t want)
{
	uint8_t b[4];
	struct outcome o;
	char text[160];

	memcpy(b, &insn, 4);
	step(pc, cpsr, b, 4, &o);
	describe(&o, text, sizeof text);
	if (!ok(verdict(&o, true) > 0 && o.next == want, "%s", name))
		printf("#   want %08x, %s\n", want, text);
}

static void hand_t32(const char *name, uint32_t pc, uint32_t cpsr,
		     uint16_t hw1, uint16_t hw2, uint32_t want)
{
	uint8_t b[4] = { hw1 & 0xff, hw1 >> 8, hw2 & 0xff, hw2 >> 8 };
	unsigned len = (hw1 >> 11) >= 0x1d ? 4 : 2;
	struct outcome o;
	char text[160];

	step(pc, cpsr | CPSR_T, b, len, &o);
	describe(&o, text, sizeof text);
	if (!ok(verdict(&o, true) > 0 && o.next == want && o.size == len,
		"%s", name))
		printf("#   want %08x size %u, got size %u, %s\n", want, len,
		       o.size, text);
}

static void hand_cases(void)
{
	uint32_t pc = 0x02000000, tpc = 0x02000102;
	uint32_t data = DATA_BASE + 0x100;
	uint32_t word;
	uint8_t table[8] = { 3, 0, 7, 1, 0, 0, 0, 0 };

	hand_a32("A32 b . reports pc itself", pc, CPSR_BASE, 0xeafffffe, pc);
	hand_a32("A32 bl . reports pc itself", pc, CPSR_BASE, 0xebfffffe, pc);
	hand_a32("A32 beq . with Z clear falls through", pc, CPSR_BASE,
		 0x0afffffe, pc + 4);
	hand_a32("A32 BLX imm with H=1 lands halfway, in Thumb", pc, CPSR_BASE,
		 0xfb000000, (pc + 10) | 1);
	set_reg(0, 0x02000401);
	hand_a32("A32 BX r0 to Thumb", pc, CPSR_BASE, 0xe12fff10, 0x02000401);
	hand_a32("A32 MOV pc, r0 interworks (ARMv7)", pc, CPSR_BASE, 0xe1a0f000,
		 0x02000401);
	hand_a32("A32 ADD pc, pc, #8 reads pc + 8", pc, CPSR_BASE, 0xe28ff008,
		 pc + 16);
	set_reg(1, 3);
	hand_a32("A32 ADD pc, pc, r1, LSL #2 (jump table)", pc, CPSR_BASE,
		 0xe08ff101, pc + 8 + 12);
	set_reg(1, 0x02000800);
	hand_a32("A32 SBC pc, r1, #0 with C clear subtracts one more", pc,
		 CPSR_BASE, 0xe2c1f000, 0x020007ff);
	hand_a32("A32 ADC pc, r1, #4 with C set adds one more", pc,
		 CPSR_BASE | 1u << 29, 0xe2a1f004, 0x02000805);
	hand_a32("A32 MOV pc, r1, RRX with C set", pc, CPSR_BASE | 1u << 29,
		 0xe1a0f061, 0x81000400);
	word = 0x02000c00;
	uc_mem_write(uc, pc + 8 + 4, &word, 4);
	hand_a32("A32 LDR pc, [pc, #4] (literal)", pc, CPSR_BASE, 0xe59ff004,
		 0x02000c00);
	word = 0x02000e01;
	uc_mem_write(uc, data + 12, &word, 4);
	set_reg(13, data);
	hand_a32("A32 LDMIB sp, {r0, r1, pc}", pc, CPSR_BASE, 0xe99d8003,
		 0x02000e01);
	hand_a32("A32 condition false: LDMIBNE with Z set", pc,
		 CPSR_BASE | 1u << 30, 0x199d8003, pc + 4);

	hand_t32("T32 b.n . reports pc itself", tpc, CPSR_BASE, 0xe7fe, 0,
		 tpc | 1);
	hand_t32("T32 b.w . reports pc itself", tpc, CPSR_BASE, 0xf7ff, 0xbffe,
		 tpc | 1);
	hand_t32("T32 bl . reports pc itself", tpc, CPSR_BASE, 0xf7ff, 0xfffe,
		 tpc | 1);
	hand_t32("T32 BLX imm from a halfword-aligned pc goes to ARM, aligned",
		 tpc, CPSR_BASE, 0xf000, 0xe800, ((tpc + 4) & ~3u) + 0);
	hand_t32("T32 BX pc switches to ARM at pc + 4", 0x02000100, CPSR_BASE,
		 0x4778, 0, 0x02000104);
	hand_t32("T32 IT EQ itself is pc + 2", tpc, CPSR_BASE | 1u << 30,
		 0xbf08, 0, (tpc + 2) | 1);
	hand_t32("T32 NOP is pc + 2", tpc, CPSR_BASE, 0xbf00, 0, (tpc + 2) | 1);
	hand_t32("T32 32-bit non-branch is pc + 4", tpc, CPSR_BASE, 0xf100,
		 0x0001, (tpc + 4) | 1);
	/* TBB [pc, r1]: the table follows the instruction at pc + 4 */
	uc_mem_write(uc, 0x02000200 + 4, table, sizeof table);
	set_reg(1, 2);
	hand_t32("T32 TBB [pc, r1] with the table after it", 0x02000200,
		 CPSR_BASE, 0xe8df, 0xf001, (0x02000200 + 4 + 14) | 1);
	set_reg(1, 1);
	hand_t32("T32 TBH [pc, r1, LSL #1] with the table after it", 0x02000200,
		 CPSR_BASE, 0xe8df, 0xf011, (0x02000200 + 4 + 2 * 0x107) | 1);
	word = 0x02000a00;
	uc_mem_write(uc, 0x02000300 + 4 + 8, &word, 4);
	hand_t32("T32 LDR.W pc, [pc, #8] from a word-aligned pc", 0x02000300,
		 CPSR_BASE, 0xf8df, 0xf008, 0x02000a00);
	uc_mem_write(uc, 0x02000300 + 4 + 8, &word, 4);
	hand_t32("T32 LDR.W pc, [pc, #8] from a halfword pc aligns the base down",
		 0x02000302, CPSR_BASE, 0xf8df, 0xf008, 0x02000a00);
}

int main(void)
{
	uc_hook code_hook, block_hook;

	if (uc_open(UC_ARCH_ARM, UC_MODE_ARM, &uc) != UC_ERR_OK) {
		printf("1..0 # SKIP Unicorn cannot open ARM\n");
		return 0;
	}
	uc_ctl_set_cpu_model(uc, UC_CPU_ARM_CORTEX_A15);
	uc_mem_map(uc, CODE_BASE, CODE_SIZE, UC_PROT_ALL);
	uc_mem_map(uc, DATA_BASE, DATA_SIZE, UC_PROT_READ | UC_PROT_WRITE);
	uc_hook_add(uc, &code_hook, UC_HOOK_CODE, on_hook, NULL, 1, 0);
	uc_hook_add(uc, &block_hook, UC_HOOK_BLOCK, on_hook, &block_hook, 1, 0);
	env.ctx = uc;
	fill_data();

	hand_cases();
	a32_conditions();
	a32_branches();
	a32_loads();
	a32_data_processing();
	t32_conditions();
	t32_narrow();
	t32_wide();
	t32_it_blocks();

	uc_close(uc);
	return tap_done();
}
