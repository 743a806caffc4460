/*
 * A served AArch64 SVE target for driving the vector-length policies with a
 * real gdb. Its vector length changes with `monitor set vq N`, as a ZCR
 * write or a prctl would change it: state past the new length is dropped.
 * Register values are recognisable: byte j of zN is N*16 + j + 1, byte j of
 * pN is 0x11 * (N + 1) + j, of ffr 0xf0 + j (all mod 256); reads leave junk
 * (0xa5) past the current length, which gdb must never see.
 *
 * usage: sve-gdb-server COMM max|current MAXVQ VQ [pauth]
 *   max:     description at MAXVQ for the whole session (GSTUB_SVE_MAX)
 *   current: description follows the length, up to MAXVQ
 * Each resume executes one 4-byte "instruction" and stops (from another
 * thread, as an emulator's CPU thread would post it).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/serve.h>
#include <gstub/tdesc.h>

#define CODE_BASE 0x400000u
#define JUNK 0xa5

enum { REG_X0 = 0, REG_SP = 31, REG_PC = 32, REG_CPSR = 33, REG_Z0 = 34,
       REG_FPSR = 66, REG_FPCR = 67, REG_P0 = 68, REG_FFR = 84, REG_VG = 85 };

static struct {
	struct gstub_server *server;
	struct gstub g;
	struct gstub_tdesc tdesc, spare;
	struct gstub_aarch64_config acfg;
	unsigned max_vq, vq;
	uint64_t x[31], sp, pc;
	uint32_t cpsr, fpsr, fpcr;
	uint8_t z[32][256];
	uint8_t p[17][32]; /* p0-p15, ffr */
	uint64_t pauth[2];
	uint8_t code[256];
	unsigned char buf[65536];
} t;

/* Bytes of a scalable register that exist at the current length. */
static uint8_t *scalable(unsigned regnum, size_t *live)
{
	if (regnum >= REG_Z0 && regnum < REG_Z0 + 32) {
		*live = 16 * t.vq;
		return t.z[regnum - REG_Z0];
	}
	if (regnum >= REG_P0 && regnum <= REG_FFR) {
		*live = 2 * t.vq;
		return t.p[regnum - REG_P0];
	}
	return NULL;
}

/* A fixed-size register: its storage and size. */
static void *fixed(unsigned regnum, size_t *n)
{
	static uint64_t vg;

	*n = 8;
	if (regnum < 31)
		return &t.x[regnum];
	switch (regnum) {
	case REG_SP: return &t.sp;
	case REG_PC: return &t.pc;
	case REG_VG: vg = 2 * t.vq; return &vg;
	case REG_CPSR: *n = 4; return &t.cpsr;
	case REG_FPSR: *n = 4; return &t.fpsr;
	case REG_FPCR: *n = 4; return &t.fpcr;
	case REG_VG + 1: return &t.pauth[0];
	case REG_VG + 2: return &t.pauth[1];
	}
	return NULL;
}

static int read_reg(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		    size_t size)
{
	size_t live, n;
	uint8_t *s = scalable(regnum, &live);
	void *f;

	(void)ctx, (void)tid;
	if (s) {
		if (live > size)
			live = size;
		memcpy(buf, s, live);
		memset((uint8_t *)buf + live, JUNK, size - live);
		return 0;
	}
	f = fixed(regnum, &n);
	if (!f || n != size)
		return GSTUB_EINVAL;
	memcpy(buf, f, n); /* little-endian host, as the target */
	return 0;
}

static int write_reg(void *ctx, gstub_tid tid, unsigned regnum,
		     const void *buf, size_t size)
{
	size_t live, n;
	uint8_t *s = scalable(regnum, &live);
	void *f;

	(void)ctx, (void)tid;
	if (s) {
		memcpy(s, buf, live < size ? live : size);
		return 0;
	}
	f = fixed(regnum, &n);
	if (!f || n != size)
		return GSTUB_EINVAL;
	if (regnum == REG_VG)
		return 0; /* the length changes by monitor command only */
	memcpy(f, buf, n);
	return 0;
}

static int access_code(uint64_t addr, size_t *len)
{
	if (addr < CODE_BASE || addr - CODE_BASE >= sizeof t.code)
		return GSTUB_EFAULT;
	if (*len > sizeof t.code - (addr - CODE_BASE))
		*len = sizeof t.code - (size_t)(addr - CODE_BASE);
	return 0;
}

static int read_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	if (access_code(addr, &len))
		return GSTUB_EFAULT;
	memcpy(buf, t.code + (addr - CODE_BASE), len);
	return (int)len;
}

static int write_mem(void *ctx, uint64_t addr, const void *buf, size_t len)
{
	(void)ctx;
	if (access_code(addr, &len))
		return GSTUB_EFAULT;
	memcpy(t.code + (addr - CODE_BASE), buf, len);
	return (int)len;
}

static void *stop_soon(void *arg)
{
	struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL, .tid = 1,
				   .signal = GSTUB_SIGTRAP };

	(void)arg;
	gstub_server_post_stop(t.server, &stop);
	return NULL;
}

static int resume(void *ctx, const struct gstub_resume_action *a, size_t n)
{
	pthread_t th;

	(void)ctx, (void)a, (void)n;
	if (t.pc + 4 < CODE_BASE + sizeof t.code)
		t.pc += 4;
	if (pthread_create(&th, NULL, stop_soon, NULL) != 0)
		return GSTUB_EIO;
	pthread_detach(th);
	return 0;
}

static void interrupt(void *ctx)
{
	struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL, .tid = 1,
				   .signal = GSTUB_SIGINT };

	(void)ctx;
	gstub_server_post_stop(t.server, &stop);
}

static unsigned current_vq(void *ctx, gstub_tid tid)
{
	(void)ctx, (void)tid;
	return t.vq;
}

static int describe(void *ctx, unsigned vq, struct gstub_tdesc *out)
{
	struct gstub_aarch64_config c = t.acfg;

	(void)ctx;
	c.sve_vq = vq;
	return gstub_tdesc_aarch64(out, &c);
}

/* Whole decimal number in [lo, hi]. */
static bool parse_uint(const char *s, size_t len, unsigned lo, unsigned hi,
		       unsigned *out)
{
	unsigned long v = 0;
	size_t i;

	if (len == 0 || len > 4)
		return false;
	for (i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	if (v < lo || v > hi)
		return false;
	*out = (unsigned)v;
	return true;
}

static void say(struct gstub *g, const char *text)
{
	gstub_monitor_print(g, text, strlen(text));
}

/* The new length takes effect now; like Linux on a length change, state
 * past it is gone (reads as zero if the vectors grow again). */
static int cmd_set_vq(struct gstub *g, void *ctx, const char *args, size_t len)
{
	char msg[80];
	unsigned vq, i;

	(void)ctx;
	if (!parse_uint(args, len, 1, t.max_vq, &vq)) {
		snprintf(msg, sizeof msg, "vq must be a number from 1 to %u\n",
			 t.max_vq);
		say(g, msg);
		return GSTUB_EINVAL;
	}
	for (i = 0; i < 32; i++)
		memset(t.z[i] + 16 * vq, 0, sizeof t.z[i] - 16 * vq);
	for (i = 0; i < 17; i++)
		memset(t.p[i] + 2 * vq, 0, sizeof t.p[i] - 2 * vq);
	t.vq = vq;
	snprintf(msg, sizeof msg, "vector length now %u bits\n", 128 * vq);
	say(g, msg);
	return 0;
}

static int cmd_show_vq(struct gstub *g, void *ctx, const char *args, size_t len)
{
	char msg[32];

	(void)ctx, (void)args, (void)len;
	snprintf(msg, sizeof msg, "%u\n", t.vq);
	say(g, msg);
	return 0;
}

static const struct gstub_monitor_cmd cmds[] = {
	{ "set vq", "set vq N: change the vector length to N*128 bits", cmd_set_vq },
	{ "show vq", "show vq: the vector length in quadwords", cmd_show_vq },
};

static void fill_registers(void)
{
	unsigned i, j;

	for (i = 0; i < 32; i++)
		for (j = 0; j < 16 * t.vq; j++)
			t.z[i][j] = (uint8_t)(i * 16 + j + 1);
	for (i = 0; i < 16; i++)
		for (j = 0; j < 2 * t.vq; j++)
			t.p[i][j] = (uint8_t)(0x11 * (i + 1) + j);
	for (j = 0; j < 2 * t.vq; j++)
		t.p[16][j] = (uint8_t)(0xf0 + j);
	t.pc = CODE_BASE;
	t.sp = 0x7ff000;
	t.pauth[0] = t.pauth[1] = 0x007f000000000000ull;
}

int main(int argc, char **argv)
{
	static const struct gstub_sve_ops sve = { .current_vq = current_vq };
	static const struct gstub_target_ops ops = {
		.version = GSTUB_TARGET_OPS_VERSION,
		.flags = GSTUB_TARGET_CAN_STEP,
		.read_reg = read_reg,
		.write_reg = write_reg,
		.read_mem = read_mem,
		.write_mem = write_mem,
		.resume = resume,
		.interrupt = interrupt,
		.monitor_cmds = cmds,
		.n_monitor_cmds = sizeof cmds / sizeof cmds[0],
		.sve = &sve,
	};
	struct gstub_server_config scfg = { 0 };
	struct gstub_config gcfg = { 0 };
	bool current;
	char err[256];
	int rc;

	if (argc < 5 || argc > 6 || (argc == 6 && strcmp(argv[5], "pauth")) ||
	    (strcmp(argv[2], "max") && strcmp(argv[2], "current")) ||
	    !parse_uint(argv[3], strlen(argv[3]), 1, 16, &t.max_vq) ||
	    !parse_uint(argv[4], strlen(argv[4]), 1, t.max_vq, &t.vq)) {
		fprintf(stderr, "usage: %s COMM max|current MAXVQ VQ [pauth]\n",
			argv[0]);
		return 2;
	}
	current = strcmp(argv[2], "current") == 0;
	t.acfg.pauth = argc == 6;
	t.acfg.sve_vq = current ? t.vq : t.max_vq;
	fill_registers();
	if (gstub_tdesc_aarch64(&t.tdesc, &t.acfg) != 0)
		return 1;

	gcfg.ops = &ops;
	gcfg.tdesc = &t.tdesc;
	gcfg.write = gstub_server_write;
	gcfg.packet_buf = t.buf;
	gcfg.packet_buf_size = sizeof t.buf;
	gcfg.sve_policy = current ? GSTUB_SVE_CURRENT : GSTUB_SVE_MAX;
	if (current) {
		gcfg.sve_max_vq = t.max_vq;
		gcfg.sve_describe = describe;
		gcfg.sve_tdesc_buf = &t.spare;
	}
	scfg.comm = argv[1];
	rc = gstub_server_open(&t.server, &scfg, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", argv[0], err);
		return 1;
	}
	gcfg.write_ctx = t.server;
	rc = gstub_init(&t.g, &gcfg);
	if (rc != 0) {
		fprintf(stderr, "%s: gstub_init: %s\n", argv[0], gstub_strerror(rc));
		gstub_server_close(t.server);
		return 1;
	}
	gstub_server_attach(t.server, &t.g);
	rc = gstub_server_run(t.server);
	gstub_server_close(t.server);
	return rc == GSTUB_SERVER_DONE ? 0 : 1;
}
