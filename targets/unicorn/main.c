/*
 * gstub-run: run a static AArch64/ARM Linux program under Unicorn with a
 * gdb remote-protocol server in the same thread, the way an emulator would
 * embed gstub.
 */
#include "options.h"
#include "debugger.h"

#include <gstub/tdesc.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

/* Length of a time slice between server polls: Ctrl-C is seen within it. */
#define GRUN_SLICE_MS 5

static void log_to_stderr(void *ctx, const char *text, size_t len)
{
	(void)ctx;
	fwrite(text, 1, len, stderr);
	if (len && text[len - 1] == '\n')
		fflush(stderr);
}

/* Program output while gdb listens: O packets when running, else the
 * terminal (gdb ignores O packets at other times). */
static void console_out(void *ctx, int fd, const void *buf, size_t len)
{
	struct grun_debug *s = ctx;
	if (!s->detached && gstub_server_connected(s->srv) &&
	    gstub_is_running(s->g) &&
	    gstub_console_output(s->g, buf, len) == 0)
		return;
	if (fd == 1 && s->gu->stdout_to_stderr)
		fd = 2;
	if (write(fd, buf, len) < 0)
		return;
}

static void on_connect(void *ctx)
{
	struct grun_debug *s = ctx;
	grun_out_drop(s->out);
}

/* gdb went away: a running program stops and waits for the next one. */
static void on_disconnect(void *ctx)
{
	struct grun_debug *s = ctx;
	grun_out_drop(s->out); /* nobody to send it to */
	if (s->detached)
		return;
	/* The next gdb sets its own catchpoints. */
	s->gu->catch_syscalls = false;
	if (grun_debug_running(s)) {
		struct gstub_stop st = { .reason = GSTUB_STOP_SIGNAL,
					 .tid = s->gu->tid,
					 .signal = GSTUB_SIGINT };
		s->state = GRUN_STOPPED;
		s->stop_pending = false;
		gstub_report_stop(s->g, &st);
	}
	s->interrupt_req = false;
}

int main(int argc, char **argv)
{
	static struct grun_guest gu;
	static struct gstub_tdesc td;
	static struct gstub g;
	/* Packet storage: PacketSize is half of it, and gdb reads memory
	 * in pieces of half the PacketSize (two hex digits a byte), one
	 * round trip each: 128 KiB a piece. */
	static unsigned char packet_buf[GRUN_PACKET_BUF_SIZE];
	static struct grun_out_batch out;
	static struct gstub_target_ops ops;
	struct grun_debug s;
	struct grun_options o;
	char err[512];
	int rc;

	switch (grun_parse_options(argc, argv, &o, err, sizeof err)) {
	case GRUN_PARSE_EXIT:
		return 0;
	case GRUN_PARSE_ERROR:
		fprintf(stderr, "gstub-run: %s\n", err);
		return 2;
	case GRUN_PARSE_RUN:
		break;
	}
	/* gdb on the other end of a socket may vanish mid-write. */
	signal(SIGPIPE, SIG_IGN);

	gu.tid = (int)getpid();
	if (grun_load_elf(&gu, o.prog_argv[0], err, sizeof err) != 0 ||
	    grun_setup_stack(&gu, o.prog_argc, o.prog_argv, environ, err,
			     sizeof err) != 0 ||
	    grun_cpu_hooks(&gu, err, sizeof err) != 0) {
		fprintf(stderr, "gstub-run: %s\n", err[0] ? err : "cannot start the program");
		return 2;
	}
	rc = grun_tdesc_build(&gu, &td);
	if (rc != 0) {
		fprintf(stderr, "gstub-run: target description: %s\n", gstub_strerror(rc));
		return 2;
	}
	if (grun_tdesc_check(&gu, &td, err, sizeof err) != 0) {
		fprintf(stderr, "gstub-run: %s\n", err);
		return 2;
	}

	memset(&s, 0, sizeof s);
	s.gu = &gu;
	s.g = &g;
	s.out = &out;
	s.td = &td;
	s.state = GRUN_STOPPED;
	s.slice_ms = GRUN_SLICE_MS;
	gu.output_to_gdb = o.output_to_gdb;
	gu.stdout_to_stderr = strcmp(o.comm, "-") == 0 || strcmp(o.comm, "stdio") == 0;
	gu.stdin_eof = gu.stdout_to_stderr;
	gu.console = console_out;
	gu.console_ctx = &s;

	struct gstub_server_config sc = {
		.comm = o.comm,
		.baud = o.baud,
		.once = o.once,
		.quiet = o.quiet,
		.on_connect = on_connect,
		.on_disconnect = on_disconnect,
		.ctx = &s,
	};
	rc = gstub_server_open(&s.srv, &sc, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "gstub-run: %s\n", err[0] ? err : gstub_strerror(rc));
		return 2;
	}
	out.srv = s.srv;
	ops = grun_target_ops;
	if (o.no_hw_step)
		ops.flags &= ~(uint32_t)(GSTUB_TARGET_CAN_STEP |
					 GSTUB_TARGET_CAN_RANGE_STEP);
	if (o.no_range_step)
		ops.flags &= ~(uint32_t)GSTUB_TARGET_CAN_RANGE_STEP;
	struct gstub_config gc = {
		.ops = &ops,
		.target_ctx = &s,
		.tdesc = &td,
		.write = grun_out_write,
		.write_ctx = &out,
		.packet_buf = packet_buf,
		.packet_buf_size = sizeof packet_buf,
		.log = log_to_stderr,
		.log_ctx = NULL,
		.log_max_chars = o.max_chars,
		.log_enabled = o.remote_debug,
		/* gdb then shows "process N", as with gdbserver */
		.pid = gu.tid,
		/* long hex replies (memory) run-length encoded, as gdbserver
		 * sends them: gdb reads a packet a character at a time */
		.compress_reply = gstub_rle_compress,
	};
	rc = gstub_init(&g, &gc);
	if (rc != 0) {
		fprintf(stderr, "gstub-run: engine: %s\n", gstub_strerror(rc));
		gstub_server_close(s.srv);
		return 2;
	}
	/* Exactly as asked: the config takes 0 to mean the default. */
	gstub_set_log_max_chars(&g, o.max_chars);
	gstub_server_attach(s.srv, &g);
	if (!o.quiet)
		fprintf(stderr, "Process %s created; pid = %d\n", o.prog_argv[0],
			gu.tid);

	rc = grun_run_loop(&s);
	if (!o.quiet && gu.exited && !s.killed) {
		if (gu.term_signal)
			fprintf(stderr, "\nChild terminated with signal = %d\n",
				gu.term_signal);
		else
			fprintf(stderr, "\nChild exited with status %d\n",
				gu.exit_status);
	}
	gstub_server_close(s.srv);
	uc_close(gu.uc);
	return rc;
}
