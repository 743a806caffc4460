/*
 * The multiprocess extension: offered only with a pid and only when gdb
 * offers it; then every thread id in and out is "pPID.TID", W and X name
 * the process, and packets naming another process get E03. Without it,
 * the plain syntax exactly as before.
 */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

#define PID 0x4d2
#define GDB_FEATURES "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;" \
	"fork-events+;vfork-events+;exec-events+;vContSupported+;" \
	"QThreadEvents+;no-resumed+;memory-tagging+;xmlRegisters=i386"
#define PLAIN_REPLY "PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+;" \
	"qXfer:threads:read+;swbreak+;vContSupported+"

static struct mock_target mt;



/* A stub with threads 1, 2, 1a, pid 4d2, multiprocess negotiated. */
static void setup(struct mock_target *m, bool with_threads)
{
	mock_init(m, MOCK_AARCH64, 4096, with_threads, false, true);
	mock_set_pid(m, PID);
	mock_reply(m, GDB_FEATURES);
}

static void test_negotiation(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	ok(mock_set_pid(m, -5) == GSTUB_EINVAL, "init: negative pid -> EINVAL");
	ok(mock_set_pid(m, PID) == 0, "init with a pid");
	is_str(mock_reply(m, GDB_FEATURES), PLAIN_REPLY ";multiprocess+",
	       "qSupported: multiprocess+ when gdb offers it and there is a pid");
	is_str(mock_reply(m, "qC"), "QCp4d2.1", "qC: pPID.TID");
	is_str(mock_reply(m, "qSupported:swbreak+"), PLAIN_REPLY,
	       "a later qSupported without multiprocess+ turns it off");
	is_str(mock_reply(m, "qC"), "QC1", "qC: plain again");
	is_str(mock_reply(m, "qSupported:multiprocess-"), PLAIN_REPLY,
	       "multiprocess- is not multiprocess+");
	is_str(mock_reply(m, "qSupported:multiprocess+"), PLAIN_REPLY ";multiprocess+",
	       "multiprocess+ alone");
	gstub_reset_connection(&m->g);
	is_str(mock_reply(m, "qC"), "QC1", "a new connection starts plain");
	ok(mock_set_pid(m, 0) == 0, "pid 0");
	is_str(mock_reply(m, GDB_FEATURES), PLAIN_REPLY,
	       "pid 0: multiprocess+ not offered");
	is_str(mock_reply(m, "qC"), "QC1", "pid 0: plain ids");
	ok(mock_set_pid(m, INT64_MAX) == 0, "the largest pid");
	mock_reply(m, GDB_FEATURES);
	is_str(mock_reply(m, "qC"), "QCp7fffffffffffffff.1", "qC with a 64-bit pid");
	mock_fini(m);
}

static void test_replies(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 2, GSTUB_SIGTRAP, 0, 0, 0 };
	const char *r;

	setup(m, true);
	r = mock_reply(m, "?");
	ok(mock_starts(r, "T05thread:p4d2.1;20:"), "?: thread:pPID.TID; (%s)", r);
	is_str(mock_reply(m, "qfThreadInfo"), "mp4d2.1,p4d2.2,p4d2.1a", "qfThreadInfo: pPID.TID list");
	is_str(mock_reply(m, "qsThreadInfo"), "l", "qsThreadInfo: end");
	r = mock_reply(m, "qXfer:threads:read::0,fff");
	ok(mock_starts(r, "l<?xml") && strstr(r, "<thread id=\"p4d2.1\" name=\"thread 1\"/>") &&
	   strstr(r, "<thread id=\"p4d2.1a\""), "qXfer:threads: id=\"pPID.TID\"");
	mock_packet(m, "c");
	r = mock_stop_payload(m, &st);
	ok(mock_starts(r, "T05thread:p4d2.2;20:"), "stop reply: thread:pPID.TID; (%s)", r);
	is_str(mock_reply(m, "qC"), "QCp4d2.2", "qC: the stopped thread");

	st.reason = GSTUB_STOP_EXITED;
	st.status = 7;
	mock_packet(m, "c");
	is_str(mock_stop_payload(m, &st), "W07;process:4d2", "exit: W07;process:PID");
	is_str(mock_reply(m, "?"), "W07;process:4d2", "? after exit");
	is_str(mock_reply(m, "c"), "E03", "c after exit -> E03");
	is_str(mock_reply(m, "vCont;c:p4d2.-1"), "E03", "vCont after exit -> E03");
	st.reason = GSTUB_STOP_KILLED;
	st.signal = GSTUB_SIGSEGV;
	is_str(mock_stop_payload(m, &st), "(none)", "killed while nobody waits: no packet");
	is_str(mock_reply(m, "?"), "X0b;process:4d2", "? after a kill: X0b;process:PID");
	mock_fini(m);

	setup(m, false);
	is_str(mock_reply(m, "qfThreadInfo"), "mp4d2.1", "no thread ops: one thread, pPID.1");
	mock_fini(m);
}

/* Every packet that names a thread, in both syntaxes. */
static void test_thread_ids(void)
{
	struct mock_target *m = &mt;

	setup(m, true);
	is_str(mock_reply(m, "Hgp4d2.2"), "OK", "Hg pPID.TID");
	mock_reply(m, "g");
	ok(m->last_reg_tid == 2, "g then reads thread 2");
	is_str(mock_reply(m, "Hg1a"), "OK", "Hg plain TID still accepted");
	mock_reply(m, "p0");
	ok(m->last_reg_tid == 0x1a, "p then reads thread 1a");
	is_str(mock_reply(m, "Hgp4d2.0"), "OK", "Hg pPID.0 (any thread of ours)");
	is_str(mock_reply(m, "Hgp4d2.-1"), "OK", "Hg pPID.-1");
	is_str(mock_reply(m, "Hgp4d2"), "OK", "Hg pPID");
	is_str(mock_reply(m, "Hgp-1"), "OK", "Hg p-1");
	is_str(mock_reply(m, "Hgp-1.-1"), "OK", "Hg p-1.-1");
	is_str(mock_reply(m, "Hgp0.0"), "OK", "Hg p0.0");
	is_str(mock_reply(m, "Hg0"), "OK", "Hg0");
	is_str(mock_reply(m, "Hc-1"), "OK", "Hc-1");
	is_str(mock_reply(m, "Hgp999.2"), "E03", "Hg of another process -> E03");
	is_str(mock_reply(m, "Hgp999"), "E03", "Hg of another process's threads -> E03");
	is_str(mock_reply(m, "Hgp4d2.5"), "E03", "Hg of a dead thread -> E03");
	is_str(mock_reply(m, "Hgp-1.2"), "E22", "Hg p-1.TID (every process, one thread) -> E22");
	is_str(mock_reply(m, "Hgp"), "E22", "Hg p -> E22");
	is_str(mock_reply(m, "Hgp."), "E22", "Hg p. -> E22");
	is_str(mock_reply(m, "HgpZZ.1"), "E22", "Hg pZZ.1 -> E22");
	is_str(mock_reply(m, "Hgp1."), "E22", "Hg p1. -> E22");
	is_str(mock_reply(m, "Hgp4d2."), "E22", "Hg pPID. -> E22");
	is_str(mock_reply(m, "Hgp.1"), "E22", "Hg p.1 -> E22");
	is_str(mock_reply(m, "Hgp4d2.zz"), "E22", "Hg pPID.zz -> E22");
	is_str(mock_reply(m, "Hgp4d2.1x"), "E22", "Hg trailing junk -> E22");
	is_str(mock_reply(m, "Hgp4d2.1.1"), "E22", "Hg a second dot -> E22");
	is_str(mock_reply(m, "Hgp4d2.-2"), "E22", "Hg pPID.-2 -> E22");
	is_str(mock_reply(m, "Hgp-2.1"), "E22", "Hg p-2.1 -> E22");
	is_str(mock_reply(m, "Hgpp4d2.1"), "E22", "Hg pp -> E22");
	is_str(mock_reply(m, "Hgp10000000000000000.1"), "E22", "Hg 65-bit pid -> E22");
	is_str(mock_reply(m, "Hgp8000000000000000.1"), "E22", "Hg pid over INT64_MAX -> E22");
	is_str(mock_reply(m, "Hgp4d2.10000000000000000"), "E22", "Hg 65-bit tid -> E22");
	is_str(mock_reply(m, "Hgp4d2.8000000000000000"), "E22", "Hg tid over INT64_MAX -> E22");
	is_str(mock_reply(m, "HgpZZ"), "E22", "syntax is checked before the pid (pZZ)");
	is_str(mock_reply(m, "Hgp999.zz"), "E22", "syntax is checked before the pid (p999.zz)");

	is_str(mock_reply(m, "Tp4d2.1a"), "OK", "T pPID.TID alive");
	is_str(mock_reply(m, "T2"), "OK", "T plain TID");
	is_str(mock_reply(m, "Tp4d2.3"), "E03", "T of a dead thread -> E03");
	is_str(mock_reply(m, "Tp999.1"), "E03", "T of another process -> E03");
	is_str(mock_reply(m, "Tp4d2"), "E03", "T of a whole process -> E03");
	is_str(mock_reply(m, "Tp"), "E22", "T p -> E22");
	is_str(mock_reply(m, "Tp."), "E22", "T p. -> E22");
	is_str(mock_reply(m, "TpZZ.1"), "E22", "T pZZ.1 -> E22");
	is_str(mock_reply(m, "Tp1."), "E22", "T p1. -> E22");
	is_str(mock_reply(m, "Tp4d2.ffffffffffffffffff"), "E22", "T overflow -> E22");

	is_str(mock_reply(m, "qThreadExtraInfo,p4d2.1a"), "746872656164203236",
	       "qThreadExtraInfo,pPID.TID");
	is_str(mock_reply(m, "qThreadExtraInfo,1a"), "746872656164203236",
	       "qThreadExtraInfo plain TID");
	is_str(mock_reply(m, "qThreadExtraInfo,p999.1"), "E03", "qThreadExtraInfo of another process -> E03");
	is_str(mock_reply(m, "qThreadExtraInfo,p4d2"), "E22", "qThreadExtraInfo of a whole process -> E22");
	is_str(mock_reply(m, "qThreadExtraInfo,p"), "E22", "qThreadExtraInfo,p -> E22");
	is_str(mock_reply(m, "qThreadExtraInfo,p1."), "E22", "qThreadExtraInfo,p1. -> E22");

	is_str(mock_packet(m, "vCont;s:p4d2.2;c:p4d2.-1"), "+", "vCont with pPID.TID and pPID.-1");
	ok(m->n_actions == 2 && m->actions[0].kind == GSTUB_RESUME_STEP &&
	   m->actions[0].tid == 2 && m->actions[1].tid == GSTUB_TID_ALL,
	   "vCont: step thread 2, continue all");
	mock_stop_payload(m, &(struct gstub_stop){ GSTUB_STOP_SIGNAL, 2, GSTUB_SIGTRAP, 0, 0, 0 });
	is_str(mock_packet(m, "vCont;c:p4d2"), "+", "vCont;c:pPID");
	ok(m->n_actions == 1 && m->actions[0].tid == GSTUB_TID_ALL, "vCont;c:pPID: all threads");
	mock_stop_payload(m, &(struct gstub_stop){ GSTUB_STOP_SIGNAL, 2, GSTUB_SIGTRAP, 0, 0, 0 });
	is_str(mock_packet(m, "vCont;S05:1a;c:p-1.-1"), "+", "vCont plain TID and p-1.-1");
	ok(m->actions[0].tid == 0x1a && m->actions[0].signal == 5 &&
	   m->actions[1].tid == GSTUB_TID_ALL, "vCont: mixed syntaxes parsed");
	mock_stop_payload(m, &(struct gstub_stop){ GSTUB_STOP_SIGNAL, 2, GSTUB_SIGTRAP, 0, 0, 0 });
	is_str(mock_reply(m, "vCont;c:p999.-1"), "E03", "vCont for another process -> E03");
	is_str(mock_reply(m, "vCont;s:p4d2.1;c:p999.-1"), "E03", "vCont: a later foreign action -> E03");
	ok(!gstub_is_running(&m->g), "nothing resumed");
	is_str(mock_reply(m, "vCont;c:p4d2.0"), "E22", "vCont;c:pPID.0 -> E22");
	is_str(mock_reply(m, "vCont;c:p"), "E22", "vCont;c:p -> E22");
	is_str(mock_reply(m, "vCont;c:p4d2."), "E22", "vCont;c:pPID. -> E22");
	is_str(mock_reply(m, "vCont;c:pZZ.1"), "E22", "vCont;c:pZZ.1 -> E22");
	is_str(mock_reply(m, "vCont;t:p4d2.2"), "OK", "vCont;t:pPID.TID alone");

	is_str(mock_reply(m, "Hcp4d2.2"), "OK", "Hc pPID.TID");
	is_str(mock_packet(m, "s"), "+", "s after Hc");
	ok(m->actions[0].tid == 2, "s steps the Hc thread");
	mock_stop_payload(m, &(struct gstub_stop){ GSTUB_STOP_SIGNAL, 2, GSTUB_SIGTRAP, 0, 0, 0 });
	mock_fini(m);
}

/* Multiprocess packets fed split at every index answer as when whole. */
static void test_split(void)
{
	static const char *const pkts[] = {
		"Hgp4d2.1a", "Tp4d2.2", "qThreadExtraInfo,p4d2.1", "Hgp999.1",
		"Hgp1.", "qC", "qAttached:4d2",
	};
	struct mock_target *m = &mt;
	char frame[128], whole[256];
	size_t i, k, len;
	int bad;

	setup(m, true);
	for (i = 0; i < sizeof pkts / sizeof pkts[0]; i++) {
		snprintf(frame, sizeof frame, "%s", mock_frame(pkts[i], strlen(pkts[i])));
		len = strlen(frame);
		snprintf(whole, sizeof whole, "%s", mock_feed(m, frame, len));
		bad = 0;
		for (k = 1; k < len; k++) {
			char got[256];

			snprintf(got, sizeof got, "%s", mock_feed(m, frame, k));
			strncat(got, mock_feed(m, frame + k, len - k), sizeof got - strlen(got) - 1);
			bad += strcmp(got, whole) != 0;
		}
		ok(bad == 0 && whole[0] == '+' && whole[1] == '$',
		   "%s split at every index: %s", pkts[i], whole);
	}
	mock_fini(m);
}

/* Packets that carry a bare process id. */
static void test_pid_packets(void)
{
	struct mock_target *m = &mt;

	setup(m, true);
	is_str(mock_reply(m, "qAttached:4d2"), "0", "qAttached:PID");
	is_str(mock_reply(m, "qAttached"), "0", "qAttached");
	is_str(mock_reply(m, "qAttached:999"), "E03", "qAttached of another process -> E03");
	is_str(mock_reply(m, "qAttached:p4d2"), "E22", "qAttached:pPID -> E22 (a bare pid)");
	is_str(mock_reply(m, "qAttached:"), "E22", "qAttached: -> E22");
	is_str(mock_reply(m, "qAttached:10000000000000000"), "E22", "qAttached overflow -> E22");
	is_str(mock_reply(m, "vKill;999"), "E03", "vKill of another process -> E03");
	ok(m->kills == 0, "nothing killed");
	is_str(mock_reply(m, "vKill;4d2x"), "E22", "vKill;PIDx -> E22");
	is_str(mock_reply(m, "vKill;4d2"), "OK", "vKill;PID");
	ok(m->kills == 1, "killed");
	is_str(mock_reply(m, "D;999"), "E03", "D of another process -> E03");
	ok(m->detaches == 0, "nothing detached");
	is_str(mock_reply(m, "D;"), "E22", "D; -> E22");
	is_str(mock_reply(m, "D;4d2"), "OK", "D;PID");
	ok(m->detaches == 1, "detached");
	mock_fini(m);
}

/* With a pid but without gdb's multiprocess+: the plain protocol. */
static void test_plain(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_EXITED, 2, 0, 7, 0, 0 };
	const char *r;

	mock_init(m, MOCK_AARCH64, 4096, true, false, true);
	mock_set_pid(m, PID);
	is_str(mock_reply(m, "qSupported:swbreak+;vContSupported+"), PLAIN_REPLY, "no multiprocess+");
	r = mock_reply(m, "?");
	ok(mock_starts(r, "T05thread:1;20:"), "?: plain thread:TID;");
	is_str(mock_reply(m, "qC"), "QC1", "qC plain");
	is_str(mock_reply(m, "qfThreadInfo"), "m1,2,1a", "qfThreadInfo plain");
	r = mock_reply(m, "qXfer:threads:read::0,fff");
	ok(strstr(r, "<thread id=\"1a\"") != NULL, "qXfer:threads plain ids");
	is_str(mock_reply(m, "Hgp4d2.1"), "E22", "Hg pPID.TID without multiprocess -> E22");
	is_str(mock_reply(m, "Tp4d2.1"), "E22", "T pPID.TID without multiprocess -> E22");
	is_str(mock_reply(m, "vCont;c:p4d2.-1"), "E22", "vCont pPID.-1 without multiprocess -> E22");
	is_str(mock_reply(m, "qThreadExtraInfo,p4d2.1"), "E22", "qThreadExtraInfo,pPID.TID without multiprocess -> E22");
	is_str(mock_reply(m, "qAttached:a410"), "0", "qAttached with gdb's own pid");
	is_str(mock_reply(m, "D;a410"), "OK", "D;PID with gdb's own pid");
	is_str(mock_reply(m, "vKill;a410"), "OK", "vKill with gdb's own pid (gdb's fake 42000)");
	mock_packet(m, "c");
	is_str(mock_stop_payload(m, &st), "W07", "exit: plain W07");
	mock_fini(m);
}

int main(void)
{
	test_negotiation();
	test_replies();
	test_thread_ids();
	test_pid_packets();
	test_split();
	test_plain();
	return tap_done();
}
