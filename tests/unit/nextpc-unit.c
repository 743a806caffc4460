/*
 * The next-pc decoders without an emulator: what cannot be run one
 * instruction at a time (exception entry and return, pointer
 * authentication, M-profile), and errors from the register and memory
 * callbacks, which must reach the caller unchanged.
 */
#include <stdint.h>
#include <string.h>

#include "../../stub/nextpc.h"
#include "tap.h"

#define MEM_BASE 0x1000u
#define MEM_SIZE 256u

struct mock {
	uint8_t mem[MEM_SIZE];
	uint64_t regs[40];
	unsigned bad_reg;  /* this register answers GSTUB_ENODATA */
	size_t chunk;      /* most bytes per read (0: all) */
	bool read_nothing; /* reads return 0 bytes */
	unsigned reads;
};

static int mock_reg(void *ctx, unsigned regnum, uint64_t *value)
{
	struct mock *m = ctx;

	if (regnum == m->bad_reg)
		return GSTUB_ENODATA;
	if (regnum >= 40)
		return GSTUB_EINVAL;
	*value = m->regs[regnum];
	return 0;
}

static int mock_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	struct mock *m = ctx;

	m->reads++;
	if (m->read_nothing)
		return 0;
	if (addr < MEM_BASE || addr - MEM_BASE >= MEM_SIZE)
		return GSTUB_EFAULT;
	if (len > MEM_BASE + MEM_SIZE - addr)
		len = MEM_BASE + MEM_SIZE - addr; /* short read at the end */
	if (m->chunk && len > m->chunk)
		len = m->chunk;
	memcpy(buf, m->mem + (addr - MEM_BASE), len);
	return (int)len;
}

static struct mock m;
static struct gstub_nextpc_env env = { &m, mock_reg, mock_mem, 0 };

static void reset(void)
{
	memset(&m, 0, sizeof m);
	m.bad_reg = ~0u;
	env.a64_pac_mask = 0;
}

static void put32(uint32_t addr, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		m.mem[addr - MEM_BASE + i] = (uint8_t)(v >> (8 * i));
}

static void put16(uint32_t addr, uint16_t v)
{
	m.mem[addr - MEM_BASE] = (uint8_t)v;
	m.mem[addr - MEM_BASE + 1] = (uint8_t)(v >> 8);
}

static int a64(uint32_t insn, uint64_t *next)
{
	put32(MEM_BASE, insn);
	*next = 0xdead;
	return gstub_nextpc_a64(&env, MEM_BASE, next);
}

static int a32(uint32_t insn, uint32_t cpsr, uint32_t *next)
{
	unsigned size = 0;
	int err;

	put32(MEM_BASE, insn);
	*next = 0xdead;
	err = gstub_nextpc_arm(&env, MEM_BASE, cpsr & ~0x20u, next, &size);
	return size == 4 ? err : -1000;
}

/* hw2 unused for a 16-bit instruction */
static int t32(uint16_t hw1, uint16_t hw2, uint32_t cpsr, uint32_t *next,
	       unsigned *size)
{
	put16(MEM_BASE, hw1);
	put16(MEM_BASE + 2, hw2);
	*next = 0xdead;
	return gstub_nextpc_arm(&env, MEM_BASE, cpsr | 0x20, next, size);
}

static void a64_cases(void)
{
	static const struct {
		uint32_t insn;
		const char *name;
	} unknowable[] = {
		{ 0xd69f03e0, "ERET" },   { 0xd69f0bff, "ERETAA" },
		{ 0xd69f0fff, "ERETAB" }, { 0xd6bf03e0, "DRPS" },
		{ 0xd4200000, "BRK #0" }, { 0xd4400000, "HLT #0" },
		{ 0x00000000, "UDF #0" }, { 0xd4a00001, "DCPS1" },
	};
	uint64_t next;

	reset();
	for (size_t i = 0; i < sizeof unknowable / sizeof *unknowable; i++)
		ok(a64(unknowable[i].insn, &next) == GSTUB_ENOSYS,
		   "A64 %s: ENOSYS", unknowable[i].name);
	ok(a64(0xd4000001, &next) == GSTUB_NEXTPC_SYSCALL &&
		   next == MEM_BASE + 4, "A64 SVC: a call returning to pc + 4");
	ok(a64(0xd4000002, &next) == GSTUB_NEXTPC_SYSCALL, "A64 HVC: a call");
	ok(a64(0xd4000003, &next) == GSTUB_NEXTPC_SYSCALL, "A64 SMC: a call");
	ok(a64(0xd61f0400, &next) == 0 && next == MEM_BASE + 4,
	   "A64 unallocated branch-register encoding: pc + 4 (it traps)");

	/* pointer authentication */
	m.regs[30] = 0x0035000000401000ull;
	m.regs[1] = 0x0012000000402000ull;
	ok(a64(0xd65f0bff, &next) == GSTUB_ENOSYS,
	   "A64 RETAA without a PAC mask: ENOSYS");
	env.a64_pac_mask = 0x007f000000000000ull;
	ok(a64(0xd65f0bff, &next) == 0 && next == 0x401000,
	   "A64 RETAA strips the PAC from x30");
	ok(a64(0xd65f0fff, &next) == 0 && next == 0x401000,
	   "A64 RETAB strips the PAC from x30");
	ok(a64(0xd71f0822, &next) == 0 && next == 0x402000,
	   "A64 BRAA x1, x2 strips the PAC");
	ok(a64(0xd63f083f, &next) == 0 && next == 0x402000,
	   "A64 BLRAAZ x1 strips the PAC");
	m.regs[30] = 0xff8a000012345678ull;
	ok(a64(0xd65f0bff, &next) == 0 && next == 0xffff000012345678ull,
	   "A64 RETAA to a kernel address sets the PAC bits");
	ok(a64(0xd65f03c0, &next) == 0 && next == 0xff8a000012345678ull,
	   "A64 plain RET never strips");

	/* errors from the callbacks */
	reset();
	m.bad_reg = GSTUB_NEXTPC_A64_CPSR;
	ok(a64(0x54000000, &next) == GSTUB_ENODATA,
	   "A64 B.EQ with cpsr unavailable: the read's error");
	m.bad_reg = 5;
	ok(a64(0xd61f00a0, &next) == GSTUB_ENODATA,
	   "A64 BR x5 with x5 unavailable: the read's error");
	ok(a64(0xb4000005, &next) == GSTUB_ENODATA,
	   "A64 CBZ x5 with x5 unavailable: the read's error");
	ok(a64(0x14000010, &next) == 0 && next == MEM_BASE + 64,
	   "A64 B needs no register");
	ok(gstub_nextpc_a64(&env, 0x100, &next) == GSTUB_EFAULT,
	   "A64 unmapped pc: EFAULT");
	ok(gstub_nextpc_a64(&env, MEM_BASE + MEM_SIZE - 2, &next) ==
		   GSTUB_EFAULT, "A64 instruction across the end of memory: EFAULT");
	m.chunk = 1;
	m.reads = 0;
	ok(a64(0x14000010, &next) == 0 && next == MEM_BASE + 64 && m.reads == 4,
	   "A64 reads byte by byte when memory gives one byte at a time");
	m.chunk = 0;
	m.read_nothing = true;
	ok(a64(0x14000010, &next) == GSTUB_EFAULT,
	   "A64 a read returning nothing: EFAULT, no endless retry");
}

static void a32_cases(void)
{
	static const struct {
		uint32_t insn;
		const char *name;
	} unknowable[] = {
		{ 0xe1200070, "BKPT #0" },
		{ 0xe7f000f0, "UDF #0" },
		{ 0x07f000f0, "UDF with a condition field (still traps)" },
		{ 0xe160006e, "ERET" },
		{ 0xf8900a00, "RFEIA r0" },
		{ 0xf93d0a00, "RFEDB sp!" },
		{ 0xe8fd8000, "LDMIA sp!, {pc}^" },
		{ 0xe1b0f00e, "MOVS pc, lr" },
		{ 0xe25ef004, "SUBS pc, lr, #4" },
	};
	uint32_t next;
	unsigned size;

	reset();
	m.regs[13] = MEM_BASE + 0x80;
	m.regs[14] = MEM_BASE + 0x40;
	for (size_t i = 0; i < sizeof unknowable / sizeof *unknowable; i++)
		ok(a32(unknowable[i].insn, 0x1d3, &next) == GSTUB_ENOSYS,
		   "A32 %s: ENOSYS", unknowable[i].name);
	ok(a32(0x125ef004, 0x400001d3, &next) == 0 && next == MEM_BASE + 4,
	   "A32 SUBSNE pc, lr, #4 with Z set: condition fails, pc + 4");
	ok(a32(0xef000000, 0x1d3, &next) == GSTUB_NEXTPC_SYSCALL &&
		   next == MEM_BASE + 4, "A32 SVC: a call returning to pc + 4");
	ok(a32(0xe1400070, 0x1d3, &next) == GSTUB_NEXTPC_SYSCALL, "A32 HVC: a call");
	ok(a32(0xe1600070, 0x1d3, &next) == GSTUB_NEXTPC_SYSCALL, "A32 SMC: a call");
	ok(a32(0x0f000000, 0x1d3, &next) == 0 && next == MEM_BASE + 4,
	   "A32 SVCEQ with Z clear: pc + 4, no call");

	reset();
	m.bad_reg = 14;
	ok(a32(0xe12fff1e, 0x1d3, &next) == GSTUB_ENODATA,
	   "A32 BX lr with lr unavailable: the read's error");
	m.bad_reg = ~0u;
	m.regs[13] = 0x10;
	ok(a32(0xe49df004, 0x1d3, &next) == GSTUB_EFAULT,
	   "A32 POP {pc} from unmapped memory: EFAULT");
	ok(a32(0xe8bd8000, 0x1d3, &next) == GSTUB_EFAULT,
	   "A32 LDMIA sp!, {pc} from unmapped memory: EFAULT");
	ok(gstub_nextpc_arm(&env, 0x10, 0x1d3, &next, &size) == GSTUB_EFAULT,
	   "A32 unmapped pc: EFAULT");
}

static void t32_cases(void)
{
	uint32_t next;
	unsigned size;

	reset();
	ok(t32(0xbe00, 0, 0x1d3, &next, &size) == GSTUB_ENOSYS && size == 2,
	   "T32 BKPT: ENOSYS");
	ok(t32(0xde00, 0, 0x1d3, &next, &size) == GSTUB_ENOSYS, "T32 UDF: ENOSYS");
	ok(t32(0xf7f0, 0xa000, 0x1d3, &next, &size) == GSTUB_ENOSYS && size == 4,
	   "T32 UDF.W: ENOSYS");
	ok(t32(0xf3de, 0x8f00, 0x1d3, &next, &size) == GSTUB_ENOSYS,
	   "T32 ERET: ENOSYS");
	ok(t32(0xf3de, 0x8f04, 0x1d3, &next, &size) == GSTUB_ENOSYS,
	   "T32 SUBS pc, lr, #4: ENOSYS");
	ok(t32(0xe990, 0xc000, 0x1d3, &next, &size) == GSTUB_ENOSYS,
	   "T32 RFEIA r0: ENOSYS");
	ok(t32(0xe810, 0xc000, 0x1d3, &next, &size) == GSTUB_ENOSYS,
	   "T32 RFEDB r0: ENOSYS");
	ok(t32(0xdf00, 0, 0x1d3, &next, &size) == GSTUB_NEXTPC_SYSCALL &&
		   next == ((MEM_BASE + 2) | 1), "T32 SVC: a call returning to pc + 2");
	ok(t32(0xf7e0, 0x8000, 0x1d3, &next, &size) == GSTUB_NEXTPC_SYSCALL &&
		   next == ((MEM_BASE + 4) | 1), "T32 HVC: a call returning to pc + 4");
	ok(t32(0xf7f0, 0x8000, 0x1d3, &next, &size) == GSTUB_NEXTPC_SYSCALL,
	   "T32 SMC: a call");
	/* ITSTATE EQ, last instruction, Z clear: BKPT still traps; SVC skipped */
	ok(t32(0xbe00, 0, 0x1d3 | 0x800, &next, &size) == GSTUB_ENOSYS,
	   "T32 BKPT inside a failing IT block still traps");
	ok(t32(0xdf00, 0, 0x1d3 | 0x800, &next, &size) == 0 &&
		   next == ((MEM_BASE + 2) | 1), "T32 SVC skipped by its IT block");

	/* errors */
	m.regs[13] = 0x10;
	ok(t32(0xbd00, 0, 0x1d3, &next, &size) == GSTUB_EFAULT,
	   "T32 POP {pc} from unmapped memory: EFAULT");
	m.regs[1] = 0x10;
	m.regs[2] = 0;
	ok(t32(0xe8d1, 0xf002, 0x1d3, &next, &size) == GSTUB_EFAULT,
	   "T32 TBB with its table unmapped: EFAULT");
	m.bad_reg = 2;
	ok(t32(0xe8d1, 0xf002, 0x1d3, &next, &size) == GSTUB_ENODATA,
	   "T32 TBB with Rm unavailable: the read's error");
	m.bad_reg = ~0u;
	put16(MEM_BASE + MEM_SIZE - 2, 0xf000);
	ok(gstub_nextpc_arm(&env, MEM_BASE + MEM_SIZE - 2, 0x1f3, &next, &size) ==
		   GSTUB_EFAULT, "T32 32-bit instruction whose second half is unmapped: EFAULT");
}

static void armv7m_cases(void)
{
	uint32_t next;
	unsigned size;
	const uint32_t xpsr = 1u << 24;

	reset();
	put16(MEM_BASE, 0x4770); /* BX lr */
	m.regs[14] = 0xfffffff9;
	ok(gstub_nextpc_armv7m(&env, MEM_BASE, xpsr, &next, &size) == GSTUB_ENOSYS,
	   "M-profile BX lr with EXC_RETURN: ENOSYS");
	m.regs[14] = 0x2000;
	ok(gstub_nextpc_armv7m(&env, MEM_BASE, xpsr, &next, &size) == GSTUB_ENOSYS,
	   "M-profile BX to ARM state (a fault): ENOSYS");
	m.regs[14] = 0x2001;
	ok(gstub_nextpc_armv7m(&env, MEM_BASE, xpsr, &next, &size) == 0 &&
		   next == 0x2001 && size == 2, "M-profile BX lr to Thumb code");
	/* xPSR with IT = EQ, last instruction, Z clear: skipped */
	ok(gstub_nextpc_armv7m(&env, MEM_BASE, xpsr | 0x800, &next, &size) == 0 &&
		   next == ((MEM_BASE + 2) | 1), "M-profile IT state from the xPSR");
	put16(MEM_BASE, 0xf000);
	put16(MEM_BASE + 2, 0xe800); /* BLX imm: no ARM state on M-profile */
	ok(gstub_nextpc_armv7m(&env, MEM_BASE, xpsr, &next, &size) == GSTUB_ENOSYS,
	   "M-profile BLX (immediate): ENOSYS");
}

static void condition_table(void)
{
	/* NZCV for which each condition holds, from the architecture's
	 * definitions, one bit per NZCV value */
	static const uint16_t holds[16] = {
		0xf0f0, 0x0f0f, 0xcccc, 0x3333, 0xff00, 0x00ff, 0xaaaa, 0x5555,
		0x0c0c, 0xf3f3, 0xaa55, 0x55aa, 0x0a05, 0xf5fa, 0xffff, 0xffff,
	};
	int bad = 0;

	for (unsigned c = 0; c < 16; c++)
		for (unsigned f = 0; f < 16; f++)
			bad += gstub_nextpc_cond_holds(c, f << 28) !=
			       (bool)(holds[c] >> f & 1);
	ok(bad == 0, "every condition x NZCV (%d wrong)", bad);
}

int main(void)
{
	condition_table();
	a64_cases();
	a32_cases();
	t32_cases();
	armv7m_cases();
	return tap_done();
}
