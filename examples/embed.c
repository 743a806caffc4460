/* Embedding gstub: a pretend AArch64 CPU whose registers and memory are arrays, served
 * to gdb over TCP. A real emulator puts its CPU state behind these ops and runs code in
 * resume(), then reports the stop. Build: cc embed.c $(pkg-config --cflags --libs gstub) */
#include <gstub/gstub.h>
#include <gstub/serve.h>
#include <gstub/tdesc.h>
#include <stdio.h>
#include <string.h>

static uint64_t regs[34]; /* x0-x30, sp, pc, cpsr: gdb's numbers 0-33 */
static uint8_t ram[4096]; /* guest memory at address 0 */
static struct gstub_server *server;

static int reg(void *c, gstub_tid t, unsigned n, void *buf, size_t len)
{ (void)c, (void)t; if (n >= 34) return GSTUB_ENODATA; memcpy(buf, &regs[n], len); return 0; }
static int set_reg(void *c, gstub_tid t, unsigned n, const void *buf, size_t len)
{ (void)c, (void)t; if (n >= 34) return GSTUB_EINVAL; memcpy(&regs[n], buf, len); return 0; }
static int mem(void *c, uint64_t a, void *buf, size_t len)
{ (void)c; if (a >= sizeof ram) return GSTUB_EFAULT; if (len > sizeof ram - a) len = sizeof ram - a;
  memcpy(buf, ram + a, len); return (int)len; }
static int set_mem(void *c, uint64_t a, const void *buf, size_t len)
{ (void)c; if (a >= sizeof ram || len > sizeof ram - a) return GSTUB_EFAULT; memcpy(ram + a, buf, len); return (int)len; }
static int resume(void *c, const struct gstub_resume_action *act, size_t n)
{ /* "execute" one instruction; a stop may be reported from any thread */
  struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL, .tid = 1, .signal = GSTUB_SIGTRAP };
  (void)c, (void)act, (void)n; regs[32] += 4; gstub_server_post_stop(server, &stop); return 0; }
static void interrupt(void *c) { (void)c; }

int main(int argc, char **argv)
{
	static const struct gstub_target_ops ops = { .version = GSTUB_TARGET_OPS_VERSION,
		.flags = GSTUB_TARGET_CAN_STEP, .read_reg = reg, .write_reg = set_reg, .read_mem = mem,
		.write_mem = set_mem, .resume = resume, .interrupt = interrupt };
	static struct gstub_tdesc td; static struct gstub stub; static uint8_t buf[16384];
	struct gstub_aarch64_config arch = { 0 };
	struct gstub_server_config sc = { .comm = argc > 1 ? argv[1] : "127.0.0.1:1234", .once = true };
	char err[256] = "cannot build the description";
	if (gstub_tdesc_aarch64(&td, &arch) < 0 || gstub_server_open(&server, &sc, err, sizeof err) < 0)
		return fprintf(stderr, "embed: %s\n", err), 2;
	struct gstub_config cfg = { .ops = &ops, .tdesc = &td, .write = gstub_server_write,
		.write_ctx = server, .packet_buf = buf, .packet_buf_size = sizeof buf };
	if (gstub_init(&stub, &cfg) < 0) return fprintf(stderr, "embed: bad configuration\n"), 2;
	gstub_server_attach(server, &stub);
	int rc = gstub_server_run(server);
	gstub_server_close(server);
	return rc < 0;
}
