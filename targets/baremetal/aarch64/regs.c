/*
 * The program's registers: the general ones from user_frame, the vector
 * ones straight from the hardware (they are still the program's: the
 * monitor is built with -mgeneral-regs-only). With SVE, z/p/ffr go through
 * a buffer laid out as SVE's "mul vl" stores lay it out; a write stores
 * all registers of the kind, changes one and loads them all back.
 */
#include "monitor.h"
#include "vector-access.h"


#define Z_MAX_BYTES (16u * SVE_VQ_MAX)
#define P_MAX_BYTES (2u * SVE_VQ_MAX)

/* cpsr bits gdb may change: NZCV. The rest (EL0, AArch64, the masks the
 * monitor controls) stays as the monitor set it. */
#define CPSR_WRITABLE 0xf0000000u
/* SPSR.SS is the monitor's stepping state, not the program's */
#define SPSR_SS (1ull << 21)

static unsigned max_vq; /* 0: no SVE */
static uint8_t z_buf[32 * Z_MAX_BYTES] __attribute__((aligned(16)));
static uint8_t p_buf[16 * P_MAX_BYTES] __attribute__((aligned(16)));
static uint8_t ffr_buf[P_MAX_BYTES] __attribute__((aligned(16)));
static uint8_t p_scratch[P_MAX_BYTES] __attribute__((aligned(16)));
static uint8_t v_buf[32 * 16] __attribute__((aligned(16)));

void regs_init(unsigned sve_max_vq)
{
	max_vq = sve_max_vq;
}

unsigned regs_current_vq(void *ctx, gstub_tid tid)
{
	(void)ctx;
	(void)tid;
	return max_vq ? (unsigned)(sve_vl_bytes() / 16) : 0;
}

unsigned regs_set_vq(unsigned vq)
{
	if (!max_vq)
		return 0;
	if (vq == 0) /* a question, not a change */
		return regs_current_vq(NULL, 1);
	if (vq > max_vq)
		vq = max_vq;
	sve_set_len(vq - 1);
	return regs_current_vq(NULL, 1);
}

static void put_u64(void *buf, size_t size, uint64_t v)
{
	uint8_t *b = buf;
	size_t i;

	for (i = 0; i < size; i++, v >>= 8)
		b[i] = (uint8_t)v;
}

static uint64_t get_u64(const void *buf, size_t size)
{
	const uint8_t *b = buf;
	uint64_t v = 0;

	while (size--)
		v = v << 8 | b[size];
	return v;
}

/* Copy the live part of a vector register out; the rest reads as zero. */
static void copy_live(void *buf, size_t size, const uint8_t *src, size_t live)
{
	size_t n = size < live ? size : live;

	memcpy(buf, src, n);
	memset((uint8_t *)buf + n, 0, size - n);
}

static int read_sve(unsigned regnum, void *buf, size_t size)
{
	size_t vl = (size_t)sve_vl_bytes();

	if (regnum >= REG_V0 && regnum < REG_V0 + 32) {
		sve_store_z(z_buf);
		copy_live(buf, size, z_buf + (regnum - REG_V0) * vl, vl);
	} else if (regnum >= REG_P0 && regnum < REG_P0 + 16) {
		sve_store_p(p_buf);
		copy_live(buf, size, p_buf + (regnum - REG_P0) * (vl / 8), vl / 8);
	} else if (regnum == REG_FFR) {
		sve_store_ffr(ffr_buf, p_scratch);
		copy_live(buf, size, ffr_buf, vl / 8);
	} else if (regnum == REG_VG && size == 8) {
		put_u64(buf, size, vl / 8);
	} else {
		return GSTUB_EINVAL;
	}
	return 0;
}

static int write_sve(unsigned regnum, const void *buf, size_t size)
{
	size_t vl = (size_t)sve_vl_bytes();
	size_t n;

	if (regnum >= REG_V0 && regnum < REG_V0 + 32) {
		n = size < vl ? size : vl;
		sve_store_z(z_buf);
		memcpy(z_buf + (regnum - REG_V0) * vl, buf, n);
		sve_load_z(z_buf);
	} else if (regnum >= REG_P0 && regnum < REG_P0 + 16) {
		n = size < vl / 8 ? size : vl / 8;
		sve_store_p(p_buf);
		memcpy(p_buf + (regnum - REG_P0) * (vl / 8), buf, n);
		sve_load_p(p_buf);
	} else if (regnum == REG_FFR) {
		n = size < vl / 8 ? size : vl / 8;
		sve_store_ffr(ffr_buf, p_scratch);
		memcpy(ffr_buf, buf, n);
		sve_load_ffr(ffr_buf, p_scratch);
	} else if (regnum == REG_VG && size == 8) {
		/* vg = 2 * vq: a new length, as a ZCR_EL1 write would set */
		uint64_t vg = get_u64(buf, size);

		if (vg < 2 || vg > 2 * max_vq || vg % 2)
			return GSTUB_EINVAL;
		if (vg != vl / 8)
			(void)regs_set_vq((unsigned)(vg / 2));
	} else {
		return GSTUB_EINVAL;
	}
	return 0;
}

int regs_read(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
	      size_t size)
{
	(void)ctx;
	(void)tid;
	if (regnum < REG_SP && size == 8) {
		put_u64(buf, size, user_frame.x[regnum]);
	} else if (regnum == REG_SP && size == 8) {
		put_u64(buf, size, user_frame.sp);
	} else if (regnum == REG_PC && size == 8) {
		put_u64(buf, size, user_frame.pc);
	} else if (regnum == REG_CPSR && size == 4) {
		put_u64(buf, size, user_frame.pstate & ~SPSR_SS & 0xffffffffu);
	} else if (regnum == REG_FPSR && size == 4) {
		put_u64(buf, size, fp_get_fpsr());
	} else if (regnum == REG_FPCR && size == 4) {
		put_u64(buf, size, fp_get_fpcr());
	} else if (max_vq) {
		return read_sve(regnum, buf, size);
	} else if (regnum >= REG_V0 && regnum < REG_V0 + 32 && size == 16) {
		fp_store_v(v_buf);
		memcpy(buf, v_buf + (regnum - REG_V0) * 16, 16);
	} else {
		return GSTUB_EINVAL;
	}
	return 0;
}

int regs_write(void *ctx, gstub_tid tid, unsigned regnum, const void *buf,
	       size_t size)
{
	uint64_t v;

	(void)ctx;
	(void)tid;
	if (regnum < REG_SP && size == 8) {
		user_frame.x[regnum] = get_u64(buf, size);
	} else if (regnum == REG_SP && size == 8) {
		user_frame.sp = get_u64(buf, size);
	} else if (regnum == REG_PC && size == 8) {
		user_frame.pc = get_u64(buf, size);
	} else if (regnum == REG_CPSR && size == 4) {
		v = get_u64(buf, size);
		user_frame.pstate = (user_frame.pstate & ~(uint64_t)CPSR_WRITABLE) |
				    (v & CPSR_WRITABLE);
	} else if (regnum == REG_FPSR && size == 4) {
		fp_set_fpsr(get_u64(buf, size));
	} else if (regnum == REG_FPCR && size == 4) {
		fp_set_fpcr(get_u64(buf, size));
	} else if (max_vq) {
		return write_sve(regnum, buf, size);
	} else if (regnum >= REG_V0 && regnum < REG_V0 + 32 && size == 16) {
		fp_store_v(v_buf);
		memcpy(v_buf + (regnum - REG_V0) * 16, buf, 16);
		fp_load_v(v_buf);
	} else {
		return GSTUB_EINVAL;
	}
	return 0;
}
