/* Stop replies, `?`, console output. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target mt;


/* The target reports an ordinary stop while gdb does not wait: the
 * program is there again after an exit. */
static void revive_program(struct mock_target *m)
{
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };

	gstub_report_stop(&m->g, &st);
	mock_clear(m);
}

static void test_aarch64(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };
	char want[512];
	const char *regs;
	int resumes;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_set_reg(m, 32, 0x400010);
	mock_set_reg(m, 31, 0x7ffff000);
	mock_set_reg(m, 29, 0x7ffff010);
	mock_set_reg(m, 33, 0x60000000);
	regs = "20:1000400000000000;1f:00f0ff7f00000000;1d:10f0ff7f00000000;21:00000060;";

	snprintf(want, sizeof want, "T05thread:1;%s", regs);
	is_str(mock_reply(m, "?"), want, "? before any stop: T05 in thread 1");

	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%s", regs);
	is_str(mock_stop_payload(m, &st), want, "T05 with pc, sp, fp, cpsr expedited");
	is_str(mock_reply(m, "?"), want, "? repeats the last stop");

	/* swbreak: only with gdb's swbreak+, only at an inserted breakpoint */
	is_str(mock_reply(m, "Z0,400010,4"), "OK", "breakpoint at pc");
	st.reason = GSTUB_STOP_SWBREAK;
	st.signal = 0;
	mock_packet(m, "c");
	is_str(mock_stop_payload(m, &st), want, "swbreak without gdb's swbreak+: plain T05");
	/* a qSupported starts a new session: breakpoints go, gdb inserts
	 * them again */
	ok(m->new_sessions == 0, "no session started before qSupported");
	mock_reply(m, "qSupported:swbreak+;hwbreak+");
	ok(m->new_sessions == 1, "qSupported tells the target a session starts");
	ok(!memcmp(m->mem_at_new_session, "\x10\x11\x12\x13", 4),
	   "told once the engine forgot the last session (its BRK gone)");
	is_str(mock_reply(m, "Z0,400010,4"), "OK", "breakpoint at pc again");
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%sswbreak:;", regs);
	is_str(mock_stop_payload(m, &st), want, "swbreak:; after qSupported swbreak+");
	is_str(mock_reply(m, "z0,400010,4"), "OK", "breakpoint removed");
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%s", regs);
	is_str(mock_stop_payload(m, &st), want, "the program's own BRK: plain SIGTRAP");

	st.reason = GSTUB_STOP_HWBREAK;
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%shwbreak:;", regs);
	is_str(mock_stop_payload(m, &st), want, "hwbreak:;");

	st.reason = GSTUB_STOP_WATCH;
	st.addr = 0x400800;
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%swatch:400800;", regs);
	is_str(mock_stop_payload(m, &st), want, "watch:ADDR;");
	st.reason = GSTUB_STOP_RWATCH;
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%srwatch:400800;", regs);
	is_str(mock_stop_payload(m, &st), want, "rwatch:ADDR;");
	st.reason = GSTUB_STOP_AWATCH;
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T05thread:1;%sawatch:400800;", regs);
	is_str(mock_stop_payload(m, &st), want, "awatch:ADDR;");

	st.reason = GSTUB_STOP_SIGNAL;
	st.signal = GSTUB_SIGSEGV;
	mock_packet(m, "c");
	snprintf(want, sizeof want, "T0bthread:1;%s", regs);
	is_str(mock_stop_payload(m, &st), want, "SIGSEGV: T0b");

	m->unavailable[29] = true;
	mock_packet(m, "c");
	is_str(mock_stop_payload(m, &st),
	       "T0bthread:1;20:1000400000000000;1f:00f0ff7f00000000;21:00000060;",
	       "an unavailable register is not expedited");
	m->unavailable[29] = false;

	st.reason = GSTUB_STOP_EXITED;
	st.status = 3;
	mock_packet(m, "c");
	is_str(mock_stop_payload(m, &st), "W03", "exit: W03");
	is_str(mock_reply(m, "?"), "W03", "? after exit: W03");
	resumes = m->resumes;
	is_str(mock_reply(m, "c"), "E03", "c after exit -> E03, not a wait for ever");
	ok(!gstub_is_running(&m->g) && m->resumes == resumes, "c after exit: target not resumed");
	is_str(mock_reply(m, "s"), "E03", "s after exit -> E03");
	is_str(mock_reply(m, "C05;400000"), "E03", "C sig;addr after exit -> E03");
	ok(mock_reg(m, 32) == 0x400010, "C;addr after exit left the pc alone");
	is_str(mock_reply(m, "vCont;c"), "E03", "vCont;c after exit -> E03");
	is_str(mock_reply(m, "?"), "W03", "? still W03");

	/* exit reported while gdb does not wait (no packet then): ? tells */
	revive_program(m);
	st.status = 7;
	is_str(mock_stop_payload(m, &st), "(none)", "exit while nobody waits: no packet");
	is_str(mock_reply(m, "?"), "W07", "? after an unwaited exit: W07");
	is_str(mock_reply(m, "c"), "E03", "c after it -> E03");
	st.reason = GSTUB_STOP_KILLED;
	st.signal = GSTUB_SIGKILL;
	is_str(mock_stop_payload(m, &st), "(none)", "killed while nobody waits: no packet");
	is_str(mock_reply(m, "?"), "X09", "? after an unwaited kill: X09");
	is_str(mock_reply(m, "c"), "E03", "c after it -> E03");

	/* a new stop means the target runs a program again */
	revive_program(m);
	mock_packet(m, "c");
	is_str(mock_stop_payload(m, &st), "X09", "killed: X09");

	/* a stop while gdb does not wait is kept for ? */
	st.reason = GSTUB_STOP_SIGNAL;
	st.signal = GSTUB_SIGINT;
	is_str(mock_stop_payload(m, &st), "(none)", "stop while nobody waits: no packet");
	snprintf(want, sizeof want, "T02thread:1;%s", regs);
	is_str(mock_reply(m, "?"), want, "? gives it");

	/* a target that stops inside resume() */
	m->report_in_resume = true;
	m->stop_in_resume = (struct gstub_stop){ GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };
	snprintf(want, sizeof want, "+$T05thread:1;%s#", regs);
	ok(strncmp(mock_packet(m, "s"), want, strlen(want)) == 0 &&
	   !gstub_is_running(&m->g), "stop reported from inside resume(): one reply");
	m->report_in_resume = false;

	/* console output */
	ok(gstub_console_output(&m->g, "hi", 2) == GSTUB_EBUSY, "console output while stopped -> EBUSY");
	mock_packet(m, "c");
	mock_clear(m);
	ok(gstub_console_output(&m->g, "Hello\n", 6) == 0, "console output while running");
	is_str(m->out, "$O48656c6c6f0a#85", "O packet, hex");
	mock_clear(m);
	gstub_reset_connection(&m->g);
	ok(gstub_is_running(&m->g), "reset keeps the target running");
	is_str(mock_packet(m, "qSupported"), "+$PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+;qXfer:threads:read+;swbreak+;vContSupported+#16",
	       "a new gdb can say qSupported to a running target");
	is_str(mock_packet(m, "?"), "+", "? to a running target: no reply yet");
	ok(m->interrupts == 1, "? stopped the target");
	st.signal = GSTUB_SIGINT;
	snprintf(want, sizeof want, "T02thread:1;%s", regs);
	is_str(mock_stop_payload(m, &st), want, "the stop answers ?");
	mock_fini(m);
}

static void test_arm_threads(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 2, GSTUB_SIGTRAP, 0, 0, 0 };
	const char *r;

	mock_init(m, MOCK_ARM, 4096, true, false, true);
	mock_set_reg(m, 15, 0x8000);
	mock_packet(m, "c");
	r = mock_stop_payload(m, &st);
	ok(strncmp(r, "T05thread:2;0f:00800000;0d:", 27) == 0, "ARM: pc as 0f, 4 bytes: %s", r);
	ok(strstr(r, ";0b:") && strstr(r, ";19:"), "ARM: fp 0b, cpsr 19");
	is_str(mock_reply(m, "qC"), "QC2", "qC: the thread of the last stop");
	is_str(mock_reply(m, "vCont;s:1a;c"), "(none)", "vCont");
	st.tid = 0x1a;
	r = mock_stop_payload(m, &st);
	ok(strncmp(r, "T05thread:1a;", 13) == 0, "thread id in hex");
	mock_fini(m);
}

int main(void)
{
	test_aarch64();
	test_arm_threads();
	return tap_done();
}
