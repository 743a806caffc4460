/*
 * The engine built with every switch of gstub/config.h off (this program
 * is compiled with them, against the engine's sources): each feature left
 * out is absent as the protocol says (empty reply, not in qSupported or
 * vCont?, the target's ops for it never called), and the packets a small
 * firmware needs still work.
 */
#include <stdio.h>
#include <string.h>

#include <gstub/config.h>

#include "tap.h"
#include "mock-target.h"

#if GSTUB_CONFIG_MONITOR || GSTUB_CONFIG_PACKET_LOG || \
	GSTUB_CONFIG_SYSCALL_CATCH || GSTUB_CONFIG_THREADS || \
	GSTUB_CONFIG_ENGINE_STEPPING || GSTUB_CONFIG_SVE_CURRENT
#error "engine-minimal is built with every GSTUB_CONFIG_* switch off"
#endif

static struct mock_target mt;
static int target_cmd_runs;

static int target_cmd(struct gstub *g, void *ctx, const char *args, size_t n)
{
	(void)g;
	(void)ctx;
	(void)args;
	(void)n;
	target_cmd_runs++;
	return 0;
}

static const struct gstub_monitor_cmd target_cmds[] = {
	{ "reset", "reset the board", target_cmd },
};

/* "help" and "reset" in hex, as gdb sends `monitor help` */
#define HEX_HELP "68656c70"
#define HEX_RESET "7265736574"

#if GSTUB_CONFIG_VCONT
#define VCONT_SUPPORTED ";vContSupported+"

/* Built with vCont but without engine stepping: vCont offers only the
 * target's own steps. */
static void test_vcont(struct mock_target *m)
{
	is_str(mock_reply(m, "vCont?"), "vCont;c;C;t;s;S",
	       "vCont?: no r without the target's range step");
	is_str(mock_reply(m, "vCont;r400000,400010:1"), "E22",
	       "vCont;r -> E22");
}

/* range stepping done by the target itself is passed on */
static void test_range_step_by_target(struct mock_target *m)
{
	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	m->ops.flags |= GSTUB_TARGET_CAN_RANGE_STEP;
	is_str(mock_reply(m, "vCont?"), "vCont;c;C;t;s;S;r",
	       "vCont? offers r when the target range-steps");
	is_str(mock_packet(m, "vCont;r400000,400010:1"), "+",
	       "vCont;r: target runs");
	ok(m->n_actions == 1 && m->actions[0].kind == GSTUB_RESUME_RANGE_STEP &&
	   m->actions[0].range_start == 0x400000 &&
	   m->actions[0].range_end == 0x400010,
	   "vCont;r reaches the target as a range step");
	mock_fini(m);
}
#else
#define VCONT_SUPPORTED ""

/* Built without vCont: gdb falls back to c, C, s and S. */
static void test_vcont(struct mock_target *m)
{
	is_str(mock_reply(m, "vCont?"), "", "vCont? -> empty");
	is_str(mock_reply(m, "vCont;c"), "", "vCont;c -> empty");
	is_str(mock_reply(m, "vCont;r400000,400010:1"), "", "vCont;r -> empty");
}

/* Without vCont there is no range stepping at all, even the target's. */
static void test_range_step_by_target(struct mock_target *m)
{
	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	m->ops.flags |= GSTUB_TARGET_CAN_RANGE_STEP;
	is_str(mock_reply(m, "vCont?"), "",
	       "vCont? -> empty though the target range-steps");
	is_str(mock_reply(m, "vCont;r400000,400010:1"), "",
	       "vCont;r -> empty though the target range-steps");
	ok(m->resumes == 0, "the target's range step is never reached");
	mock_fini(m);
}
#endif

static void test_left_out(void)
{
	struct mock_target *m = &mt;
	const char *r;

	/* three threads, a monitor command, syscall catching and the log
	 * offered by the target: the engine must use none of them */
	mock_init(m, MOCK_AARCH64, 4096, true, false, true);
	mock_script_start(m, false);
	m->ops.monitor_cmds = target_cmds;
	m->ops.n_monitor_cmds = 1;
	gstub_set_log_enabled(&m->g, true);

	/* a pid, so that only the build can keep multiprocess out */
	ok(mock_set_pid(m, 0x4d2) == 0, "init with a pid");
	r = mock_reply(m, "qSupported:multiprocess+;swbreak+;vContSupported+");
	is_str(r, "PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+"
		  VCONT_SUPPORTED,
	       "qSupported: no threads document, no QCatchSyscalls, no swbreak,"
	       " no multiprocess");
	ok(!strstr(r, "qXfer:threads") && !strstr(r, "QCatchSyscalls") &&
	   !strstr(r, "swbreak") && !strstr(r, "multiprocess"),
	   "qSupported omits what the build left out");
	is_str(mock_reply(m, "Hgp4d2.1"), "E22",
	       "no multiprocess: a pPID.TID id is bad syntax");

	is_str(mock_reply(m, "qRcmd," HEX_HELP), "", "qRcmd help -> empty");
	is_str(mock_reply(m, "qRcmd," HEX_RESET), "",
	       "qRcmd of the target's command -> empty");
	ok(target_cmd_runs == 0, "the target's monitor command never ran");
	ok(gstub_monitor_print(&m->g, "x", 1) == GSTUB_EINVAL,
	   "gstub_monitor_print outside a monitor command fails");

	is_str(mock_reply(m, "QCatchSyscalls:1"), "", "QCatchSyscalls:1 -> empty");
	is_str(mock_reply(m, "QCatchSyscalls:0"), "", "QCatchSyscalls:0 -> empty");
	ok(m->catch_calls == 0, "ops->catch_syscalls never called");

	is_str(mock_reply(m, "qXfer:threads:read::0,7fb"), "",
	       "qXfer:threads:read -> empty");
	is_str(mock_reply(m, "qThreadExtraInfo,2"), "",
	       "qThreadExtraInfo -> empty");
	is_str(mock_reply(m, "qfThreadInfo"), "m1",
	       "qfThreadInfo: one thread, though the target has three");
	is_str(mock_reply(m, "qsThreadInfo"), "l", "qsThreadInfo: end");
	is_str(mock_reply(m, "T1"), "OK", "T1 alive");
	is_str(mock_reply(m, "T2"), "E03", "T2 -> E03 (one thread)");
	is_str(mock_reply(m, "Hg2"), "E03", "Hg2 -> E03");
	is_str(mock_reply(m, "Hg1"), "OK", "Hg1");
	is_str(mock_reply(m, "qC"), "QC1", "qC");

	test_vcont(m);
	ok(m->resumes == 0, "nothing resumed by refused packets");

	ok(m->log_calls == 0 && m->log_len == 0,
	   "nothing logged although the log is on");
	mock_fini(m);

	test_range_step_by_target(m);

	/* no software single step: without a hardware step, no step at all */
	mock_init(m, MOCK_AARCH64, 4096, false, false, false);
	is_str(mock_reply(m, "s"), "", "s -> empty");
	is_str(mock_reply(m, "S05"), "", "S -> empty");
#if GSTUB_CONFIG_VCONT
	is_str(mock_reply(m, "vCont?"), "vCont;c;C;t",
	       "vCont? without the target's step");
	is_str(mock_reply(m, "vCont;s:1"), "E22", "vCont;s -> E22");
#endif
	ok(m->resumes == 0, "nothing resumed");
	mock_fini(m);

	/* GSTUB_SVE_CURRENT is refused, GSTUB_SVE_MAX works */
	ok(mock_init_sve(m, 4, 2, GSTUB_SVE_CURRENT, 4, 1 << 16) ==
		   GSTUB_EINVAL,
	   "GSTUB_SVE_CURRENT -> EINVAL at init");
	mock_fini(m);
	ok(mock_init_sve(m, 4, 2, GSTUB_SVE_MAX, 0, 1 << 16) == 0,
	   "GSTUB_SVE_MAX still works");
	ok(m->describe_calls == 0, "no description built for other lengths");
	mock_fini(m);
}

static void test_still_works(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };
	const char *r;

	mock_init(m, MOCK_ARM_M, 4096, false, false, true);
	r = mock_reply(m, "?");
	ok(mock_starts(r, "T05thread:1;"), "? before any stop: %s", r);
	r = mock_reply(m, "g");
	ok(strlen(r) == 2 * (size_t)m->td.g_size, "g: the whole register file");
	mock_set_reg(m, 15, 0x400020);
	is_str(mock_reply(m, "pf"), "20004000", "p: pc");
	is_str(mock_reply(m, "Pf=24004000"), "OK", "P: pc");
	ok(mock_reg(m, 15) == 0x400024, "P wrote the pc");
	is_str(mock_reply(m, "M400000,2:aabb"), "OK", "M");
	is_str(mock_reply(m, "m400000,3"), "aabb02", "m shows what M wrote");
	/* no software breakpoints in the engine: gdb plants its own */
	is_str(mock_reply(m, "Z0,400020,2"), "", "Z0 -> empty");
	ok(memcmp(m->mem + 0x20, "\x20\x21", 2) == 0, "Z0 wrote nothing");
	is_str(mock_reply(m, "M400020,2:00be"), "OK", "M: gdb plants BKPT");
	is_str(mock_reply(m, "m400020,2"), "00be", "m: memory as it is");

	is_str(mock_packet(m, "c"), "+", "c: running");
	ok(m->resumes == 1 && m->actions[0].kind == GSTUB_RESUME_CONTINUE,
	   "c: continue");
	mock_clear(m);
	st.reason = GSTUB_STOP_SWBREAK;
	mock_set_reg(m, 15, 0x400020);
	r = mock_stop_payload(m, &st);
	ok(mock_starts(r, "T05thread:1;") && !strstr(r, "swbreak"),
	   "stop reply after c, a plain SIGTRAP: %s", r);

	is_str(mock_packet(m, "s"), "+", "s: running");
	ok(m->resumes == 2 && m->actions[0].kind == GSTUB_RESUME_STEP &&
	   m->actions[0].tid == 1, "s: the target steps thread 1");
	st.reason = GSTUB_STOP_SIGNAL;
	r = mock_stop_payload(m, &st);
	ok(mock_starts(r, "T05thread:1;"), "stop reply after s: %s", r);

	is_str(mock_reply(m, "z0,400020,2"), "", "z0 -> empty");
	is_str(mock_reply(m, "M400020,2:2021"), "OK", "M: gdb restores");
	ok(memcmp(m->mem + 0x20, "\x20\x21", 2) == 0, "original bytes back");

	/* an interrupt while running still stops the target */
	is_str(mock_packet(m, "c"), "+", "c again");
	mock_clear(m);
	mock_feed(m, "\x03", 1);
	ok(m->interrupts == 1, "0x03 interrupts the target");
	st.signal = GSTUB_SIGINT;
	r = mock_stop_payload(m, &st);
	ok(mock_starts(r, "T02thread:1;"), "stop reply after 0x03: %s", r);

	/* a resume that fails leaves the target stopped */
	m->resume_result = GSTUB_EIO;
	is_str(mock_reply(m, "c"), "E05", "resume failing -> E05");
	ok(!gstub_is_running(&m->g), "not running after a failed resume");
	m->resume_result = 0;
	mock_fini(m);
}

int main(void)
{
	test_left_out();
	test_still_works();
	return tap_done();
}
