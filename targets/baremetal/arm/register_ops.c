/* The program's registers in gdb's numbering for the description served
 * (core + VFPv3 + NEON): r0-r15 are 0-15, cpsr 25, d0-d31 26-57, fpscr 58. */
#include "monitor.h"
#include "board.h"
#include "context.h"
#include "vfp.h"

#define REG_CPSR 25u
#define REG_D0 26u
#define REG_FPSCR 58u

static uint32_t *core_slot(unsigned regnum)
{
	if (regnum < 13)
		return &user_ctx.r[regnum];
	switch (regnum) {
	case 13: return &user_ctx.sp;
	case 14: return &user_ctx.lr;
	case 15: return &user_ctx.pc;
	case REG_CPSR: return &user_ctx.cpsr;
	default: return NULL;
	}
}

int fw_read_reg(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		size_t size)
{
	uint64_t d[32];
	uint32_t v;
	uint32_t *slot = core_slot(regnum);

	(void)ctx;
	(void)tid;
	if (slot && size == 4) {
		memcpy(buf, slot, 4);
		return 0;
	}
	if (regnum >= REG_D0 && regnum < REG_D0 + 32 && size == 8) {
		vfp_save(d);
		memcpy(buf, &d[regnum - REG_D0], 8);
		return 0;
	}
	if (regnum == REG_FPSCR && size == 4) {
		v = vfp_fpscr_get();
		memcpy(buf, &v, 4);
		return 0;
	}
	return GSTUB_EINVAL;
}

int fw_write_reg(void *ctx, gstub_tid tid, unsigned regnum, const void *buf,
		 size_t size)
{
	uint64_t d[32];
	uint32_t v;
	uint32_t *slot = core_slot(regnum);

	(void)ctx;
	(void)tid;
	if (slot && size == 4) {
		memcpy(&v, buf, 4);
		/* the program stays in USR mode with interrupts open: the
		 * monitor must get the UART interrupt and every exception */
		if (regnum == REG_CPSR)
			v = (v & ~(PSR_MODE_MASK | PSR_I | PSR_F | PSR_A)) |
			    PSR_MODE_USR;
		*slot = v;
		return 0;
	}
	if (regnum >= REG_D0 && regnum < REG_D0 + 32 && size == 8) {
		vfp_save(d);
		memcpy(&d[regnum - REG_D0], buf, 8);
		vfp_load(d);
		return 0;
	}
	if (regnum == REG_FPSCR && size == 4) {
		memcpy(&v, buf, 4);
		vfp_fpscr_set(v);
		return 0;
	}
	return GSTUB_EINVAL;
}
