/* Each packet class against the mock target, replies checked byte for byte. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target mt;

/* hex of n stored bytes of register regnum */
static const char *reg_hex(struct mock_target *m, unsigned regnum)
{
	static char s[600];
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(&m->td, regnum);
	size_t i;

	for (i = 0; i < r->bitsize / 8; i++)
		sprintf(s + 2 * i, "%02x", m->regs[r->offset + i]);
	return s;
}

static void test_query_supported(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_reply(m, "qSupported:multiprocess+;swbreak+;hwbreak+;qRelocInsn+;"
			     "fork-events+;vfork-events+;exec-events+;vContSupported+;"
			     "QThreadEvents+;no-resumed+;memory-tagging+;xmlRegisters=i386"),
	       "PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+;"
	       "qXfer:threads:read+;swbreak+;vContSupported+",
	       "qSupported: PacketSize from the buffer, no hwbreak+ without ops");
	is_str(mock_reply(m, "qSupported"),
	       "PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+;"
	       "qXfer:threads:read+;swbreak+;vContSupported+",
	       "qSupported without features");
	is_str(mock_reply(m, "qSupportedX"), "", "qSupportedX is not qSupported");
	mock_fini(m);

	mock_init(m, MOCK_AARCH64, 8192, false, true, true);
	is_str(mock_reply(m, "qSupported:swbreak+"),
	       "PacketSize=fff;QStartNoAckMode+;qXfer:features:read+;"
	       "qXfer:threads:read+;swbreak+;vContSupported+;hwbreak+",
	       "qSupported: hwbreak+ with breakpoint ops");
	mock_fini(m);

	ok(mock_init(m, MOCK_AARCH64, 2 * 788 * 2, false, false, true) ==
		   GSTUB_ENOMEM, "init: buffer below two g replies -> ENOMEM");
	mock_fini(m);
	ok(mock_init(m, MOCK_AARCH64, 2 * (2 * 788 + 2), false, false, true) == 0,
	   "init: smallest buffer that holds g and G");
	mock_fini(m);
}

static void test_registers(void)
{
	struct mock_target *m = &mt;
	char want[4096], pkt[4096];
	const char *r;
	size_t i;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	r = mock_reply(m, "g");
	for (i = 0; i < 788; i++)
		sprintf(want + 2 * i, "%02x", m->regs[i]);
	is_str(r, want, "g: every byte of the register file in order");

	m->unavailable[1] = true;
	r = mock_reply(m, "g");
	memset(want + 16, 'x', 16);
	is_str(r, want, "g: an unavailable register is xx bytes");
	m->unavailable[1] = false;
	is_str(mock_reply(m, "p1"), reg_hex(m, 1), "p1");
	m->unavailable[1] = true;
	is_str(mock_reply(m, "p1"), "xxxxxxxxxxxxxxxx", "p of an unavailable register");
	m->unavailable[1] = false;
	m->reg_error = GSTUB_EIO;
	is_str(mock_reply(m, "g"), "E05", "g: a read error -> E05");
	is_str(mock_reply(m, "p20"), "E05", "p: a read error -> E05");
	m->reg_error = 0;

	mock_set_reg(m, 32, 0x400123);
	is_str(mock_reply(m, "p20"), "2301400000000000", "p20: pc, target byte order");
	is_str(mock_reply(m, "p21"), reg_hex(m, 33), "p21: cpsr is 4 bytes");
	is_str(mock_reply(m, "p22"), reg_hex(m, 34), "p22: v0 is 16 bytes");
	is_str(mock_reply(m, "p1000"), "E22", "p of an unknown regnum -> E22");
	is_str(mock_reply(m, "p"), "E22", "p without a number -> E22");
	is_str(mock_reply(m, "p2g"), "E22", "p with a bad digit -> E22");
	is_str(mock_reply(m, "p10000000000000000"), "E22", "p with 65 bits -> E22");

	is_str(mock_reply(m, "P20=efbeadde00000000"), "OK", "P20");
	ok(mock_reg(m, 32) == 0xdeadbeef, "P20 wrote the pc");
	is_str(mock_reply(m, "P20=efbeadde"), "E22", "P with a short value -> E22");
	is_str(mock_reply(m, "P20=efbeadde0000000000"), "E22", "P with a long value -> E22");
	is_str(mock_reply(m, "P20=efbeadde0000000g"), "E22", "P with a bad digit -> E22");
	is_str(mock_reply(m, "P20efbeadde00000000"), "E22", "P without = -> E22");
	is_str(mock_reply(m, "P999=00"), "E22", "P of an unknown regnum -> E22");

	pkt[0] = 'G';
	for (i = 0; i < 788; i++)
		sprintf(pkt + 1 + 2 * i, "%02x", (unsigned)(255 - i % 256));
	is_str(mock_reply(m, pkt), "OK", "G: a whole register file");
	for (i = 0; i < 788 && m->regs[i] == (uint8_t)(255 - i % 256); i++)
		;
	ok(i == 788, "G: every byte landed");
	pkt[1 + 2 * 788 - 2] = 0;
	is_str(mock_reply(m, pkt), "E22", "G: one byte short -> E22");
	pkt[1 + 2 * 788 - 2] = 'z';
	is_str(mock_reply(m, pkt), "E22", "G: bad hex -> E22");
	mock_fini(m);
}

static void test_memory(void)
{
	struct mock_target *m = &mt;
	char want[8192];
	const char *r;
	size_t i;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_reply(m, "m400000,4"), "00010203", "m: 4 bytes");
	is_str(mock_reply(m, "m400ffe,10"), "feff", "m: short read returns what is readable");
	is_str(mock_reply(m, "m0,4"), "E14", "m: unmapped -> E14");
	is_str(mock_reply(m, "m400000,0"), "E22", "m: zero length -> E22");
	is_str(mock_reply(m, "m40000g,4"), "E22", "m: bad address digit -> E22");
	is_str(mock_reply(m, "m400000,"), "E22", "m: missing length -> E22");
	is_str(mock_reply(m, "m400000"), "E22", "m: missing comma -> E22");
	is_str(mock_reply(m, "m400000,4x"), "E22", "m: trailing junk -> E22");
	is_str(mock_reply(m, "mffffffffffffffff,2"), "E22", "m: range wraps -> E22");
	is_str(mock_reply(m, "m10000000000000000,2"), "E22", "m: 65-bit address -> E22");
	m->mem_chunk = 3;
	r = mock_reply(m, "m400010,10");
	is_str(r, "101112131415161718191a1b1c1d1e1f", "m: the engine loops over short op calls");
	m->mem_chunk = 0;
	r = mock_reply(m, "m400000,1000");
	ok(strlen(r) == 2 * ((4096 / 2 - 1) / 2) && strlen(r) <= 0x7ff, "m: length cut to the reply area (%zu)", strlen(r));
	for (i = 0; i < 1024; i++)
		sprintf(want + 2 * i, "%02x", (unsigned)(i & 0xff));
	ok(strncmp(r, want, strlen(r)) == 0, "m: the cut reply starts right");

	is_str(mock_reply(m, "M400000,2:abcd"), "OK", "M: two bytes");
	ok(m->mem[0] == 0xab && m->mem[1] == 0xcd, "M: memory written");
	is_str(mock_reply(m, "M400000,2:abc"), "E22", "M: odd hex length -> E22");
	is_str(mock_reply(m, "M400000,2:abcdef"), "E22", "M: more data than length -> E22");
	is_str(mock_reply(m, "M400000,2:abcg"), "E22", "M: bad hex -> E22");
	is_str(mock_reply(m, "M400000,2"), "E22", "M: no colon -> E22");
	is_str(mock_reply(m, "M0,1:00"), "E14", "M: unmapped -> E14");

	is_str(mock_reply(m, "X400000,0:"), "OK", "X: gdb's zero-length probe");
	{
		/* bytes # $ } * 0x03 escaped as gdb does */
		const char pkt[] = "X400004,5:}\x03}\x04}]}\x0a\x03";
		const char *f = mock_frame(pkt, sizeof pkt - 1);

		r = mock_feed(m, f, strlen(f));
		is_str(r, "+$OK#9a", "X: escaped binary data");
		ok(memcmp(m->mem + 4, "#$}*\x03", 5) == 0, "X: escapes undone");
	}
	is_str(mock_reply(m, "X400000,2:a"), "E22", "X: fewer bytes than length -> E22");
	is_str(mock_reply(m, "X400000,1:ab"), "E22", "X: more bytes than length -> E22");
	is_str(mock_reply(m, "X400000,1:}"), "E22", "X: escape at the end -> E22");
	is_str(mock_reply(m, "X0,1:a"), "E14", "X: unmapped -> E14");
	mock_fini(m);
}

static void test_swbreak(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_reply(m, "Z0,400010,4"), "OK", "Z0 AArch64 kind 4");
	ok(memcmp(m->mem + 0x10, "\x00\x00\x20\xd4", 4) == 0, "Z0: BRK #0 in memory");
	is_str(mock_reply(m, "m40000e,8"), "0e0f101112131415", "m: shadowed, original bytes shown");
	is_str(mock_reply(m, "Z0,400010,4"), "OK", "Z0 twice at one address");
	is_str(mock_reply(m, "M400011,2:aabb"), "OK", "M over a breakpoint");
	ok(memcmp(m->mem + 0x10, "\x00\x00\x20\xd4", 4) == 0, "M: the breakpoint stays in memory");
	is_str(mock_reply(m, "m400010,4"), "10aabb13", "m: shows what M wrote");
	is_str(mock_reply(m, "z0,400010,4"), "OK", "z0 once");
	ok(memcmp(m->mem + 0x10, "\x10\xaa\xbb\x13", 4) == 0, "z0 restored the updated bytes");
	is_str(mock_reply(m, "z0,400010,4"), "OK", "z0 of no breakpoint -> OK");
	is_str(mock_reply(m, "Z0,400010,2"), "E22", "Z0 AArch64 kind 2 -> E22");
	is_str(mock_reply(m, "Z0,0,4"), "E14", "Z0 at an unmapped address -> E14");
	is_str(mock_reply(m, "Z0,400010"), "E22", "Z0 without kind -> E22");
	is_str(mock_reply(m, "Z0,400010,4;X1,0"), "E22", "Z0 with conditions (not advertised) -> E22");
	is_str(mock_reply(m, "Z1,400010,4"), "", "Z1 without breakpoint ops -> empty");
	is_str(mock_reply(m, "Z2,400010,4"), "", "Z2 without breakpoint ops -> empty");
	is_str(mock_reply(m, "Z9,400010,4"), "", "Z9 -> empty");
	{
		char pkt[64];
		int i, okc = 0;

		for (i = 0; i < GSTUB_MAX_BREAKPOINTS; i++) {
			sprintf(pkt, "Z0,%x,4", 0x400100 + 4 * i);
			okc += strcmp(mock_reply(m, pkt), "OK") == 0;
		}
		ok(okc == GSTUB_MAX_BREAKPOINTS, "Z0: %d breakpoints", okc);
		is_str(mock_reply(m, "Z0,400000,4"), "E28", "Z0 past the table -> E28");
		gstub_reset_connection(&m->g);
		ok(m->mem[0x100] == 0 && m->mem[0x101] == 1 && m->mem[0x1fc] == 0xfc,
		   "reset_connection removed every breakpoint");
	}
	mock_fini(m);

	mock_init(m, MOCK_ARM, 4096, false, true, true);
	is_str(mock_reply(m, "Z0,400020,2"), "OK", "Z0 ARM kind 2 (Thumb)");
	ok(memcmp(m->mem + 0x20, "\x00\xbe\x22\x23", 4) == 0, "Thumb BKPT #0, 2 bytes");
	is_str(mock_reply(m, "Z0,400030,3"), "OK", "Z0 ARM kind 3 (Thumb-2)");
	ok(memcmp(m->mem + 0x30, "\x00\xbe\x32\x33", 4) == 0, "kind 3: BKPT in the first halfword");
	is_str(mock_reply(m, "Z0,400040,4"), "OK", "Z0 ARM kind 4 (A32)");
	ok(memcmp(m->mem + 0x40, "\x70\x00\x20\xe1", 4) == 0, "A32 BKPT #0");
	is_str(mock_reply(m, "Z0,400040,1"), "E22", "Z0 ARM kind 1 -> E22");
	is_str(mock_reply(m, "z0,400020,2"), "OK", "z0 Thumb");
	ok(memcmp(m->mem + 0x20, "\x20\x21", 2) == 0, "Thumb bytes restored");
	is_str(mock_reply(m, "Z1,400050,2"), "OK", "Z1 forwarded");
	ok(m->hw_inserts == 1 && m->hw_last_addr == 0x400050, "hw insert called");
	is_str(mock_reply(m, "z1,400050,2"), "OK", "z1 forwarded");
	ok(m->hw_removes == 1, "hw remove called");
	is_str(mock_reply(m, "Z2,400060,4"), "OK", "Z2 forwarded (in types)");
	is_str(mock_reply(m, "Z3,400060,4"), "", "Z3 not in types -> empty");
	is_str(mock_reply(m, "Z4,400060,4"), "", "Z4 not in types -> empty");
	mock_fini(m);

	mock_init(m, MOCK_ARM_M, 4096, false, false, true);
	is_str(mock_reply(m, "Z0,400020,2"), "OK", "Z0 M-profile kind 2");
	is_str(mock_reply(m, "Z0,400030,3"), "OK", "Z0 M-profile kind 3");
	is_str(mock_reply(m, "Z0,400040,4"), "E22", "Z0 M-profile kind 4 -> E22");
	mock_fini(m);
}

static void test_threads(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_reply(m, "qfThreadInfo"), "m1", "qfThreadInfo without thread ops");
	is_str(mock_reply(m, "qsThreadInfo"), "l", "qsThreadInfo: end");
	is_str(mock_reply(m, "qC"), "QC1", "qC");
	is_str(mock_reply(m, "T1"), "OK", "T1 alive");
	is_str(mock_reply(m, "T2"), "E03", "T2 not alive -> E03");
	is_str(mock_reply(m, "Tx"), "E22", "T with a bad id -> E22");
	is_str(mock_reply(m, "Hg0"), "OK", "Hg0");
	is_str(mock_reply(m, "Hc-1"), "OK", "Hc-1");
	is_str(mock_reply(m, "Hg1"), "OK", "Hg1");
	is_str(mock_reply(m, "Hg2"), "E03", "Hg of a dead thread -> E03");
	is_str(mock_reply(m, "Hg"), "E22", "Hg without id -> E22");
	is_str(mock_reply(m, "Hg-2"), "E22", "Hg-2 -> E22");
	is_str(mock_reply(m, "Hx1"), "", "Hx -> empty");
	is_str(mock_reply(m, "qThreadExtraInfo,1"), "", "qThreadExtraInfo without ops -> empty");
	mock_fini(m);

	mock_init(m, MOCK_AARCH64, 4096, true, false, true);
	is_str(mock_reply(m, "qfThreadInfo"), "m1,2,1a", "qfThreadInfo lists all");
	is_str(mock_reply(m, "qsThreadInfo"), "l", "qsThreadInfo: end");
	is_str(mock_reply(m, "Hg1a"), "OK", "Hg1a");
	is_str(mock_reply(m, "T1a"), "OK", "T1a");
	is_str(mock_reply(m, "T3"), "E03", "T3 -> E03");
	is_str(mock_reply(m, "qThreadExtraInfo,1a"), "746872656164203236",
	       "qThreadExtraInfo: hex of the text");
	is_str(mock_reply(m, "qThreadExtraInfo,5"), "E03", "qThreadExtraInfo of a dead thread");
	is_str(mock_reply(m, "qThreadExtraInfo,"), "E22", "qThreadExtraInfo without id");
	mock_fini(m);
}

static void test_resume(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };

	mock_init(m, MOCK_AARCH64, 4096, true, false, true);
	is_str(mock_reply(m, "vCont?"), "vCont;c;C;t;s;S;r", "vCont? with step");
	is_str(mock_packet(m, "c"), "+", "c: no reply while running");
	ok(m->resumes == 1 && m->n_actions == 1 &&
	   m->actions[0].kind == GSTUB_RESUME_CONTINUE &&
	   m->actions[0].tid == GSTUB_TID_ALL, "c: continue all");
	ok(gstub_is_running(&m->g), "running after c");
	is_str(mock_reply(m, "g"), "E16", "g while running -> E16 (busy)");
	mock_clear(m);
	gstub_report_stop(&m->g, &st);
	ok(strncmp(m->out, "$T05thread:1;", 13) == 0, "stop reply after c");
	ok(!gstub_is_running(&m->g), "stopped");

	is_str(mock_packet(m, "c400100"), "+", "c ADDR");
	ok(mock_reg(m, 32) == 0x400100, "c ADDR set the pc");
	gstub_report_stop(&m->g, &st);
	is_str(mock_packet(m, "C0b"), "+", "C sig");
	ok(m->actions[0].signal == 11, "C: signal passed");
	gstub_report_stop(&m->g, &st);
	is_str(mock_packet(m, "C0b;400200"), "+", "C sig;addr");
	ok(mock_reg(m, 32) == 0x400200 && m->actions[0].signal == 11, "C sig;addr");
	gstub_report_stop(&m->g, &st);
	is_str(mock_reply(m, "C"), "E22", "C without signal -> E22");
	is_str(mock_reply(m, "C100"), "E22", "C with a signal over 255 -> E22");
	is_str(mock_reply(m, "c40g"), "E22", "c with a bad address -> E22");
	is_str(mock_packet(m, "s"), "+", "s");
	ok(m->actions[0].kind == GSTUB_RESUME_STEP && m->actions[0].tid == 1, "s: step thread 1");
	gstub_report_stop(&m->g, &st);
	is_str(mock_packet(m, "S05;400300"), "+", "S sig;addr");
	ok(m->actions[0].kind == GSTUB_RESUME_STEP && m->actions[0].signal == 5 &&
	   mock_reg(m, 32) == 0x400300, "S: step with signal at addr");
	gstub_report_stop(&m->g, &st);

	is_str(mock_packet(m, "vCont;s:2;c"), "+", "vCont;s:2;c");
	ok(m->n_actions == 2 && m->actions[0].kind == GSTUB_RESUME_STEP &&
	   m->actions[0].tid == 2 && m->actions[1].kind == GSTUB_RESUME_CONTINUE &&
	   m->actions[1].tid == GSTUB_TID_ALL, "vCont: two actions in order");
	gstub_report_stop(&m->g, &st);
	is_str(mock_packet(m, "vCont;C1e:1a;S05:1;t:2"), "+", "vCont with signals and t");
	ok(m->n_actions == 3 && m->actions[0].signal == 0x1e && m->actions[0].tid == 0x1a &&
	   m->actions[1].kind == GSTUB_RESUME_STEP && m->actions[1].signal == 5 &&
	   m->actions[2].kind == GSTUB_RESUME_STOP && m->actions[2].tid == 2,
	   "vCont: C, S, t parsed");
	gstub_report_stop(&m->g, &st);
	is_str(mock_packet(m, "vCont;c:-1"), "+", "vCont;c:-1");
	gstub_report_stop(&m->g, &st);
	is_str(mock_reply(m, "vCont;t"), "OK", "vCont;t alone -> OK");
	is_str(mock_reply(m, "vCont;x"), "E22", "vCont;x -> E22");
	is_str(mock_reply(m, "vCont;r400010,400000"), "E22", "vCont;r with start > end -> E22");
	is_str(mock_reply(m, "vCont;r400000"), "E22", "vCont;r without end -> E22");
	is_str(mock_reply(m, "vCont;r400000,"), "E22", "vCont;r with an empty end -> E22");
	is_str(mock_reply(m, "vCont;r,400000"), "E22", "vCont;r without start -> E22");
	is_str(mock_reply(m, "vCont;r4g0000,400010"), "E22", "vCont;r with a bad digit -> E22");
	is_str(mock_reply(m, "vCont;c:"), "E22", "vCont;c: without tid -> E22");
	is_str(mock_reply(m, "vCont;c:0"), "E22", "vCont;c:0 -> E22");
	is_str(mock_reply(m, "vCont;C"), "E22", "vCont;C without signal -> E22");
	is_str(mock_reply(m, "vCont;"), "E22", "vCont; -> E22");
	is_str(mock_reply(m, "vCont;c;"), "E22", "vCont;c; -> E22");
	is_str(mock_reply(m, "vContX"), "", "vContX -> empty");
	is_str(mock_reply(m, "vCont;c;c;c;c;c;c;c;c;c;c;c;c;c;c;c;c;c"), "E22",
	       "vCont with too many actions -> E22");
	m->resume_result = GSTUB_EIO;
	is_str(mock_reply(m, "c"), "E05", "resume failing -> E05");
	ok(!gstub_is_running(&m->g), "not running after a failed resume");
	m->resume_result = 0;

	is_str(mock_reply(m, "vCtrlC"), "OK", "vCtrlC while stopped -> OK");
	mock_fini(m);

	/* no hardware step: the engine steps in software on A64/ARM */
	mock_init(m, MOCK_AARCH64, 4096, false, false, false);
	is_str(mock_reply(m, "vCont?"), "vCont;c;C;t;s;S;r",
	       "vCont? with software step");
	mock_fini(m);

	/* no hardware step and no next-pc decoder: no step at all */
	mock_init(m, MOCK_X86_64, 4096, false, false, false);
	is_str(mock_reply(m, "vCont?"), "vCont;c;C;t", "vCont? without step");
	is_str(mock_reply(m, "s"), "", "s without step -> empty");
	is_str(mock_reply(m, "vCont;s"), "E22", "vCont;s without step -> E22");
	mock_fini(m);
}

static void test_connection(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_reply(m, "qAttached"), "0", "qAttached -> 0");
	is_str(mock_reply(m, "qAttached:1"), "0", "qAttached:pid -> 0");
	is_str(mock_reply(m, "qAttached:x"), "E22", "qAttached:bad -> E22");
	is_str(mock_reply(m, "qSymbol::"), "OK", "qSymbol:: -> OK");
	is_str(mock_reply(m, "vMustReplyEmpty"), "", "vMustReplyEmpty -> empty");
	is_str(mock_reply(m, "qTStatus"), "", "unknown query -> empty");
	is_str(mock_reply(m, "!"), "", "unknown packet -> empty");
	is_str(mock_reply(m, ""), "", "empty packet -> empty");
	is_str(mock_reply(m, "qCRC:0,4"), "", "qCRC is not qC");
	is_str(mock_reply(m, "gx"), "", "gx is not g");
	is_str(mock_reply(m, "vKill;1"), "OK", "vKill;pid -> OK");
	ok(m->kills == 1, "vKill called kill");
	is_str(mock_reply(m, "vKill;"), "E22", "vKill; -> E22");
	is_str(mock_packet(m, "k"), "+", "k: no reply");
	ok(m->kills == 2, "k called kill");
	is_str(mock_reply(m, "Z0,400010,4"), "OK", "a breakpoint before D");
	is_str(mock_reply(m, "D"), "OK", "D -> OK");
	ok(m->detaches == 1 && m->mem[0x10] == 0x10, "D: breakpoints out, detach called");
	is_str(mock_reply(m, "D;1"), "OK", "D;pid -> OK");
	is_str(mock_reply(m, "D;"), "E22", "D; -> E22");
	is_str(mock_reply(m, "Dx"), "E22", "Dx -> E22");
	ok(strcmp(gstub_strerror(GSTUB_EFAULT), "bad address") == 0 &&
	   strcmp(gstub_strerror(0), "success") == 0 &&
	   strcmp(gstub_strerror(-1000), "unknown error") == 0, "gstub_strerror");
	mock_fini(m);
}

int main(void)
{
	test_query_supported();
	test_registers();
	test_memory();
	test_swbreak();
	test_threads();
	test_resume();
	test_connection();
	return tap_done();
}
