/*
 * A minimal served target for driving the transports with a real gdb:
 * one AArch64 thread whose pc reads 0x400000, zeroed memory, and a resume
 * that stops again at once (posted from another thread, as an emulator's
 * CPU thread would). Usage: transport-gdb-server COMM [once]
 */
#include "transport-util.h"

static struct tu_stub stub;

static void *stop_soon(void *arg)
{
	struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL, .tid = 1,
				   .signal = GSTUB_SIGTRAP };
	gstub_server_post_stop(arg, &stop);
	return NULL;
}

static int resume_then_stop(void *ctx, const struct gstub_resume_action *a,
			    size_t n)
{
	struct tu_target *t = ctx;
	pthread_t th;

	(void)a, (void)n;
	if (pthread_create(&th, NULL, stop_soon, t->server) != 0)
		return GSTUB_EIO;
	pthread_detach(th);
	return 0;
}

static int read_pc(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
		   size_t size)
{
	(void)ctx, (void)tid;
	memset(buf, 0, size);
	if (regnum == 32 && size == 8)
		((unsigned char *)buf)[2] = 0x40; /* pc = 0x400000, little-endian */
	return 0;
}

int main(int argc, char **argv)
{
	static struct gstub_target_ops ops;
	struct gstub_server_config scfg = { 0 };
	struct gstub_aarch64_config acfg = { 0 };
	struct gstub_config gcfg = { 0 };
	char err[256];
	int rc;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s COMM [once]\n", argv[0]);
		return 2;
	}
	ops = tu_ops;
	ops.resume = resume_then_stop;
	ops.read_reg = read_pc;
	if (gstub_tdesc_aarch64(&stub.tdesc, &acfg) != 0)
		return 1;
	scfg.comm = argv[1];
	scfg.once = argc == 3;
	rc = gstub_server_open(&stub.server, &scfg, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", argv[0], err);
		return 1;
	}
	stub.target.server = stub.server;
	gcfg.ops = &ops;
	gcfg.target_ctx = &stub.target;
	gcfg.tdesc = &stub.tdesc;
	gcfg.write = gstub_server_write;
	gcfg.write_ctx = stub.server;
	gcfg.packet_buf = stub.buf;
	gcfg.packet_buf_size = sizeof stub.buf;
	if (gstub_init(&stub.g, &gcfg) != 0)
		return 1;
	gstub_server_attach(stub.server, &stub.g);
	rc = gstub_server_run(stub.server);
	gstub_server_close(stub.server);
	return rc == GSTUB_SERVER_DONE ? 0 : 1;
}
