/* Range stepping, empty loops, software single step and syscall catch
 * filtering, on the mock target running scripted programs. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target mt;

/* The packets in raw output, payloads joined with '|'; O packets decoded
 * to "O<text>". */
static const char *packets(const char *raw)
{
	static char r[MOCK_OUT_SIZE];
	size_t n = 0;

	r[0] = 0;
	while ((raw = strchr(raw, '$')) != NULL) {
		const char *end = strchr(++raw, '#');

		if (!end)
			break;
		if (n)
			r[n++] = '|';
		if (*raw == 'O') {
			const char *p;

			r[n++] = 'O';
			for (p = raw + 1; p + 1 < end; p += 2) {
				unsigned v;

				sscanf(p, "%2x", &v);
				r[n++] = (char)v;
			}
		} else {
			memcpy(r + n, raw, (size_t)(end - raw));
			n += (size_t)(end - raw);
		}
		r[n] = 0;
		raw = end;
	}
	return r;
}

static int count_char(const char *s, char c)
{
	int n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

/* "T<sig>thread:1;20:<pc>;" prefix of an AArch64 stop reply. */
static const char *t_a64(unsigned sig, const char *extra, uint64_t pc)
{
	static char b[128];
	char hex[17];
	int i;

	for (i = 0; i < 8; i++)
		snprintf(hex + 2 * i, 3, "%02x", (unsigned)(pc >> (8 * i)) & 0xff);
	snprintf(b, sizeof b, "T%02x%sthread:1;20:%s;", sig, extra, hex);
	return b;
}


/* x: 0x400000 -> 0x400004 -> 0x400008 -> (back to 0x400000 `times`
 * times) -> 0x40000c -> 0x400010 */
static void loop_program(struct mock_target *m, unsigned times)
{
	struct mock_insn *i;

	m->n_prog = 0;
	mock_script_add(m, 0x400000, MOCK_INSN_NEXT, 0x400004);
	mock_script_add(m, 0x400004, MOCK_INSN_NEXT, 0x400008);
	mock_script_add(m, 0x400008, MOCK_INSN_LOOP, 0x40000c);
	i = mock_script_find(m, 0x400008);
	i->to = 0x400000;
	i->times = times;
	mock_script_add(m, 0x40000c, MOCK_INSN_NEXT, 0x400010);
	mock_set_reg(m, 32, 0x400000);
}

static void test_range_hw(void)
{
	struct mock_target *m = &mt;
	const char *r;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_script_start(m, false);
	loop_program(m, 1000);
	r = packets(mock_packet(m, "vCont;r400000,40000c:1"));
	ok(mock_starts(r, t_a64(5, "", 0x40000c)) && !strchr(r, '|'),
	   "vCont;r over 3003 steps: exactly one reply, at the range end");
	ok(m->resumes == 3003 && m->actions[0].kind == GSTUB_RESUME_STEP,
	   "the engine single-stepped 3003 times (%d)", m->resumes);
	ok(!gstub_is_running(&m->g), "stopped after the range");

	/* leaving the range at once */
	loop_program(m, 0);
	mock_set_reg(m, 32, 0x400008);
	m->resumes = 0;
	r = packets(mock_packet(m, "vCont;r400000,400008:1"));
	ok(mock_starts(r, t_a64(5, "", 0x40000c)) && m->resumes == 1,
	   "a step out of the range stops at once");

	/* gdb's breakpoint inside the range ends it, as a plain step stop */
	loop_program(m, 1000);
	is_str(packets(mock_packet(m, "qSupported:swbreak+")),
	       "PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+;qXfer:threads:read+;swbreak+;vContSupported+;QCatchSyscalls+",
	       "qSupported with QCatchSyscalls+");
	is_str(mock_reply(m, "Z0,400008,4"), "OK", "Z0 inside the range");
	m->resumes = 0;
	r = packets(mock_packet(m, "vCont;r400000,40000c:1"));
	ok(mock_starts(r, t_a64(5, "", 0x400008)) && !strstr(r, "swbreak") &&
	   m->resumes == 2,
	   "range step stops on gdb's breakpoint with T05, no swbreak");
	is_str(mock_reply(m, "z0,400008,4"), "OK", "z0");

	/* a fast synchronous target: steps in a loop, not a recursion */
	loop_program(m, 100000);
	m->stack_lo = m->stack_hi = 0;
	m->resumes = 0;
	r = packets(mock_packet(m, "vCont;r400000,40000c:1"));
	ok(mock_starts(r, t_a64(5, "", 0x40000c)) && m->resumes == 300003,
	   "300003 synchronous steps, one reply");
	ok(m->stack_hi - m->stack_lo < 512,
	   "no stack growth over the steps (%lu bytes)",
	   (unsigned long)(m->stack_hi - m->stack_lo));

	/* the target range-steps itself: the range is handed over */
	m->ops.flags |= GSTUB_TARGET_CAN_RANGE_STEP;
	loop_program(m, 10);
	m->resumes = 0;
	r = packets(mock_packet(m, "vCont;r400000,40000c:1"));
	ok(mock_starts(r, t_a64(5, "", 0x40000c)) && m->resumes == 1 &&
	   m->actions[0].kind == GSTUB_RESUME_RANGE_STEP &&
	   m->actions[0].range_start == 0x400000 &&
	   m->actions[0].range_end == 0x40000c && m->actions[0].tid == 1,
	   "GSTUB_TARGET_CAN_RANGE_STEP: one RANGE_STEP resume with the range");
	mock_fini(m);
}

static void test_interrupt(void)
{
	struct mock_target *m = &mt;
	const char *r;
	int i;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_script_start(m, true);
	loop_program(m, 1000);
	is_str(mock_packet(m, "vCont;r400000,40000c:1"), "+",
	       "async range step: no reply yet");
	for (i = 0; i < 10; i++)
		mock_run_pending(m);
	ok(m->out_len == 0 && m->resumes == 11, "ten steps, nothing to gdb");
	is_str(mock_feed(m, "\x03", 1), "", "0x03: no reply by itself");
	ok(m->interrupts == 1, "the target was asked to stop");
	mock_clear(m);
	mock_run_pending(m);
	r = packets(m->out);
	ok(mock_starts(r, t_a64(2, "", 0x400008)) && !strchr(r, '|'),
	   "the next step stop goes to gdb as SIGINT: %s", r);
	ok(m->resumes == 11 && !mock_run_pending(m), "no step after it");
	mock_clear(m);

	/* vCtrlC the same way */
	mock_set_reg(m, 32, 0x400000);
	mock_packet(m, "vCont;r400000,40000c:1");
	mock_run_pending(m);
	is_str(mock_reply(m, "vCtrlC"), "OK", "vCtrlC -> OK");
	mock_clear(m);
	mock_run_pending(m);
	ok(mock_starts(packets(m->out), t_a64(2, "", 0x400008)),
	   "vCtrlC during a range step: SIGINT");
	mock_clear(m);

	/* the target saw the interrupt itself */
	mock_set_reg(m, 32, 0x400000);
	mock_packet(m, "vCont;r400000,40000c:1");
	mock_feed(m, "\x03", 1);
	m->pending.signal = GSTUB_SIGINT;
	mock_clear(m);
	mock_run_pending(m);
	ok(mock_starts(packets(m->out), t_a64(2, "", 0x400004)),
	   "a SIGINT stop from the target is passed on");
	mock_clear(m);

	/* after an interrupted request, the next range step runs whole */
	mock_set_reg(m, 32, 0x400000);
	loop_program(m, 3);
	mock_packet(m, "vCont;r400000,40000c:1");
	for (i = 0; i < 20 && m->out_len == 0; i++)
		mock_run_pending(m);
	ok(mock_starts(packets(m->out), t_a64(5, "", 0x40000c)),
	   "the interrupt does not outlive its request");
	mock_clear(m);

	/* 0x03 between two steps of gdb's own step loop (range stepping
	 * off): no reply then, and the next step stops at once with SIGINT
	 * without running the target */
	mock_set_reg(m, 32, 0x400000);
	is_str(mock_feed(m, "\x03", 1), "", "0x03 while stopped: no reply");
	i = m->resumes;
	r = packets(mock_packet(m, "vCont;s:1"));
	ok(strstr(r, t_a64(2, "", 0x400000)) != NULL && m->resumes == i &&
	   !mock_run_pending(m),
	   "the next resume answers SIGINT where the thread is: %s", r);
	mock_clear(m);
	mock_packet(m, "vCont;s:1");
	mock_run_pending(m);
	ok(mock_starts(packets(m->out), t_a64(5, "", 0x400004)),
	   "only once: the step after it is a step");
	mock_fini(m);
}

static void test_empty_loop(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGINT, 0, 0, 0 };
	const char *r;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_script_start(m, false);
	mock_put_insn(m, 0x400000, 0xd503201f, 4); /* nop */
	mock_put_insn(m, 0x400004, 0x14000000, 4); /* b . */
	mock_script_add(m, 0x400000, MOCK_INSN_NEXT, 0x400004);
	mock_script_add(m, 0x400004, MOCK_INSN_NEXT, 0x400004);
	mock_set_reg(m, 32, 0x400000);
	r = packets(mock_packet(m, "vCont;r400000,400008:1"));
	is_str(r, "OThe line loops on itself (a branch to itself at 0x400004): running at full speed until interrupted.\n",
	       "empty loop: one O packet, no stop reply");
	ok(m->free_running && m->actions[0].kind == GSTUB_RESUME_CONTINUE &&
	   m->resumes == 3 && gstub_is_running(&m->g),
	   "the target runs at full speed (continue)");
	mock_feed(m, "\x03", 1);
	ok(m->interrupts == 1, "0x03 reaches the target");
	mock_clear(m);
	gstub_report_stop(&m->g, &st);
	ok(mock_starts(packets(m->out), t_a64(2, "", 0x400004)),
	   "SIGINT at the loop");
	mock_clear(m);

	/* the message once per request: again for a new one */
	r = packets(mock_packet(m, "vCont;r400000,400008:1"));
	ok(count_char(r, '|') == 0 && r[0] == 'O',
	   "a new request on the loop: the message again, once");
	mock_clear(m);
	gstub_report_stop(&m->g, &st);

	/* hardware single step of `b .` is the target's business: pc stays */
	r = packets(mock_packet(m, "vCont;s:1"));
	ok(mock_starts(r, t_a64(5, "", 0x400004)), "vCont;s on b . returns");
	mock_fini(m);
}

/* Software single step on AArch64 with the real decoder. */
static void a64_step(struct mock_target *m, uint64_t pc, uint64_t want,
		     const char *name)
{
	uint8_t before[MOCK_MEM_SIZE];
	const char *r;

	memcpy(before, m->mem, sizeof before);
	mock_set_reg(m, 32, pc);
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "", want)) && !strchr(r, '|') &&
	   memcmp(before, m->mem, sizeof before) == 0 &&
	   !gstub_is_running(&m->g),
	   "software step: %s -> %s", name, r);
}

static void test_soft_a64(void)
{
	struct mock_target *m = &mt;
	const char *r;
	int resumes;

	mock_init(m, MOCK_AARCH64, 4096, false, false, false);
	mock_script_start(m, false);
	mock_put_insn(m, 0x400100, 0xd503201f, 4); /* nop */
	mock_put_insn(m, 0x400104, 0x14000002, 4); /* b +8 */
	mock_put_insn(m, 0x40010c, 0xb4000040, 4); /* cbz x0, +8 */
	mock_put_insn(m, 0x400114, 0x94000003, 4); /* bl +12 */
	mock_put_insn(m, 0x400118, 0x54000040, 4); /* b.eq +8 */
	mock_put_insn(m, 0x400120, 0xd65f03c0, 4); /* ret */
	mock_put_insn(m, 0x400130, 0xd4000001, 4); /* svc #0 */
	mock_put_insn(m, 0x400140, 0x14000000, 4); /* b . */
	mock_put_insn(m, 0x400150, 0xd69f03e0, 4); /* eret */
	mock_put_insn(m, 0x400160, 0xd61f0020, 4); /* br x1 */
	mock_script_add(m, 0x400100, MOCK_INSN_NEXT, 0x400104);
	mock_script_add(m, 0x400104, MOCK_INSN_NEXT, 0x40010c);
	mock_script_add(m, 0x40010c, MOCK_INSN_NEXT, 0x400114);
	mock_script_add(m, 0x400114, MOCK_INSN_NEXT, 0x400120);
	mock_script_add(m, 0x400118, MOCK_INSN_NEXT, 0x400120);
	mock_script_add(m, 0x400120, MOCK_INSN_NEXT, 0x400118);
	mock_script_add(m, 0x400130, MOCK_INSN_SYSCALL, 0x400134);
	mock_script_find(m, 0x400130)->sysno = 0x40;
	mock_script_add(m, 0x400140, MOCK_INSN_NEXT, 0x400140);
	mock_script_add(m, 0x400160, MOCK_INSN_NEXT, 0x400100);

	a64_step(m, 0x400100, 0x400104, "nop");
	ok(m->actions[0].kind == GSTUB_RESUME_CONTINUE,
	   "software step resumes with continue");
	a64_step(m, 0x400104, 0x40010c, "b");
	mock_set_reg(m, 0, 0);
	a64_step(m, 0x40010c, 0x400114, "cbz taken");
	mock_set_reg(m, 0, 1);
	mock_script_find(m, 0x40010c)->next = 0x400110;
	a64_step(m, 0x40010c, 0x400110, "cbz not taken");
	a64_step(m, 0x400114, 0x400120, "bl");
	mock_set_reg(m, 30, 0x400118);
	a64_step(m, 0x400120, 0x400118, "ret");
	mock_set_reg(m, 33, 0x40000000); /* Z */
	a64_step(m, 0x400118, 0x400120, "b.eq taken");
	mock_set_reg(m, 33, 0);
	mock_script_find(m, 0x400118)->next = 0x40011c;
	a64_step(m, 0x400118, 0x40011c, "b.eq not taken");
	mock_set_reg(m, 1, 0x400100);
	a64_step(m, 0x400160, 0x400100, "br x1");
	mock_set_reg(m, 0, 7);
	a64_step(m, 0x400130, 0x400134, "svc: breakpoint after it");
	ok(mock_reg(m, 0) == 42, "the syscall ran");

	resumes = m->resumes;
	a64_step(m, 0x400140, 0x400140, "b . (done without running)");
	ok(m->resumes == resumes, "b .: the target was not resumed");

	mock_set_reg(m, 32, 0x400150);
	is_str(packets(mock_packet(m, "s")), "E38",
	       "eret: next pc unknowable -> E38 (ENOSYS), nothing runs");
	ok(m->resumes == resumes && !gstub_is_running(&m->g), "not running");

	/* gdb's own breakpoint where the step lands: both coexist */
	mock_reply(m, "qSupported:swbreak+");
	is_str(mock_reply(m, "Z0,400104,4"), "OK", "Z0 at the step's target");
	mock_set_reg(m, 32, 0x400100);
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "", 0x400104)) && !strstr(r, "swbreak"),
	   "the step ends there as a step (T05, no swbreak)");
	ok(m->mem[0x104] == 0x00 && m->mem[0x107] == 0xd4,
	   "gdb's breakpoint is still in memory");
	is_str(mock_reply(m, "z0,400104,4"), "OK", "z0");
	ok(m->mem[0x104] == 0x02 && m->mem[0x107] == 0x14,
	   "the instruction is back");

	/* a step cut short by a stop of another kind reports that */
	mock_set_reg(m, 32, 0x400170); /* no instruction: the mock faults */
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, "T0bthread:1;"), "a fault during the step: SIGSEGV");
	ok(m->mem[0x174] == 0x74, "its breakpoint is gone");

	/* range stepping on software steps */
	mock_script_find(m, 0x40010c)->next = 0x400114;
	mock_set_reg(m, 0, 0);
	mock_set_reg(m, 30, 0x400118);
	mock_set_reg(m, 33, 0);
	mock_script_find(m, 0x400118)->next = 0x40011c;
	mock_set_reg(m, 32, 0x400100);
	r = packets(mock_packet(m, "vCont;r400100,400120:1"));
	ok(mock_starts(r, t_a64(5, "", 0x400120)) && !strchr(r, '|'),
	   "vCont;r on software steps: one reply at the range end");

	/* ... into an empty loop */
	mock_set_reg(m, 32, 0x400140);
	r = packets(mock_packet(m, "vCont;r400140,400144:1"));
	ok(r[0] == 'O' && !strchr(r, '|') && m->free_running &&
	   m->actions[0].kind == GSTUB_RESUME_CONTINUE,
	   "vCont;r on b . without hardware step: message, full speed");
	mock_fini(m);
}

/* ARM and Thumb software steps: the breakpoint kind follows the state. */
static void arm_step(struct mock_target *m, uint64_t pc, uint32_t cpsr,
		     uint64_t want, const char *name)
{
	uint8_t before[MOCK_MEM_SIZE];
	char prefix[64];
	const char *r;

	memcpy(before, m->mem, sizeof before);
	mock_set_reg(m, 15, pc);
	mock_set_reg(m, 25, cpsr);
	r = packets(mock_packet(m, "s"));
	snprintf(prefix, sizeof prefix, "T05thread:1;0f:");
	ok(mock_starts(r, prefix) && mock_reg(m, 15) == want &&
	   memcmp(before, m->mem, sizeof before) == 0,
	   "software step: %s -> pc %llx", name,
	   (unsigned long long)mock_reg(m, 15));
}

static void test_soft_arm(void)
{
	struct mock_target *m = &mt;
	int resumes;

	mock_init(m, MOCK_ARM, 4096, false, false, false);
	ok(m->td.pc_regnum == 15 && m->td.status_regnum == 25,
	   "ARM: pc 15, cpsr 25");
	mock_script_start(m, false);
	mock_put_insn(m, 0x400200, 0xea000002, 4); /* b +8 (to pc+16) */
	mock_put_insn(m, 0x400210, 0xe12fff10, 4); /* bx r0 */
	mock_put_insn(m, 0x400220, 0xeafffffe, 4); /* b . */
	mock_put_insn(m, 0x400224, 0xef000000, 4); /* svc #0 */
	mock_put_insn(m, 0x400300, 0xe7fe, 2);     /* b.n . */
	mock_put_insn(m, 0x400302, 0xdf00, 2);     /* svc 0 */
	mock_put_insn(m, 0x400304, 0xbffef7ff, 4); /* b.w . */
	mock_put_insn(m, 0x400308, 0x4770, 2);     /* bx lr */
	mock_script_add(m, 0x400200, MOCK_INSN_NEXT, 0x400210);
	mock_script_add(m, 0x400210, MOCK_INSN_NEXT, 0x400300);
	mock_script_add(m, 0x400224, MOCK_INSN_SYSCALL, 0x400228);
	mock_script_add(m, 0x400302, MOCK_INSN_SYSCALL, 0x400304);
	mock_script_add(m, 0x400308, MOCK_INSN_NEXT, 0x400200);

	arm_step(m, 0x400200, 0x10, 0x400210, "A32 b");
	mock_set_reg(m, 0, 0x400301);
	arm_step(m, 0x400210, 0x10, 0x400300, "A32 bx r0 into Thumb (kind 2)");
	mock_set_reg(m, 14, 0x400200);
	arm_step(m, 0x400308, 0x30, 0x400200, "T16 bx lr into ARM (kind 4)");
	arm_step(m, 0x400224, 0x10, 0x400228, "A32 svc");
	arm_step(m, 0x400302, 0x30, 0x400304, "T16 svc");
	ok(mock_reg(m, 0) == 42, "the syscall ran");
	resumes = m->resumes;
	arm_step(m, 0x400220, 0x10, 0x400220, "A32 b .");
	arm_step(m, 0x400300, 0x30, 0x400300, "T16 b.n .");
	arm_step(m, 0x400304, 0x30, 0x400304, "T32 b.w .");
	ok(m->resumes == resumes, "branches to themselves: nothing ran");
	mock_fini(m);
}

static void test_syscalls(void)
{
	struct mock_target *m = &mt;
	const char *r;
	int resumes;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_reply(m, "QCatchSyscalls:1"), "",
	       "QCatchSyscalls without target support -> empty");
	ok(!strstr(mock_reply(m, "qSupported"), "QCatchSyscalls"),
	   "not in qSupported either");
	mock_script_start(m, false);
	mock_script_add(m, 0x400400, MOCK_INSN_SYSCALL, 0x400404);
	mock_script_find(m, 0x400400)->sysno = 0x3f;
	mock_script_add(m, 0x400404, MOCK_INSN_SYSCALL, 0x400408);
	mock_script_find(m, 0x400404)->sysno = 0x40;
	mock_script_add(m, 0x400408, MOCK_INSN_NEXT, 0x40040c);

	is_str(mock_reply(m, "QCatchSyscalls:2"), "E22", "QCatchSyscalls:2 -> E22");
	is_str(mock_reply(m, "QCatchSyscalls:"), "E22", "QCatchSyscalls: -> E22");
	is_str(mock_reply(m, "QCatchSyscalls:1;"), "E22", "an empty number -> E22");
	is_str(mock_reply(m, "QCatchSyscalls:1;4x"), "E22", "a bad digit -> E22");
	is_str(mock_reply(m, "QCatchSyscalls:0;40"), "E22", "0 with a list -> E22");
	ok(m->catch_calls == 0, "bad packets change nothing");
	is_str(mock_reply(m, "QCatchSyscalls:1;40"), "OK", "catch write (0x40)");
	ok(m->catching && m->catch_calls == 1, "the target catches");
	is_str(mock_reply(m, "Z0,40040c,4"), "OK", "Z0 after the calls");

	mock_set_reg(m, 32, 0x400400);
	r = packets(mock_packet(m, "c"));
	ok(mock_starts(r, t_a64(5, "syscall_entry:40;", 0x400408)),
	   "read (0x3f) resumed silently, write entry reported: %s", r);
	r = packets(mock_packet(m, "c"));
	ok(mock_starts(r, t_a64(5, "syscall_return:40;", 0x400408)),
	   "write return: %s", r);
	r = packets(mock_packet(m, "c"));
	ok(mock_starts(r, t_a64(5, "", 0x40040c)), "then the breakpoint");

	is_str(mock_reply(m, "QCatchSyscalls:1"), "OK", "catch all");
	mock_set_reg(m, 32, 0x400400);
	r = packets(mock_packet(m, "c"));
	ok(mock_starts(r, t_a64(5, "syscall_entry:3f;", 0x400404)), "read entry");
	is_str(mock_reply(m, "?"), packets(mock_frame(r, strlen(r))),
	       "? repeats the syscall stop");
	r = packets(mock_packet(m, "c"));
	ok(mock_starts(r, t_a64(5, "syscall_return:3f;", 0x400404)), "read return");

	/* a number past the bitmap catches every large number */
	is_str(mock_reply(m, "QCatchSyscalls:1;f0005"), "OK",
	       "a number past the bitmap is taken");
	mock_script_find(m, 0x400404)->sysno = 0xf0005;
	r = packets(mock_packet(m, "c"));
	ok(mock_starts(r, t_a64(5, "syscall_entry:f0005;", 0x400408)),
	   "and caught: %s", r);
	mock_packet(m, "c");
	mock_packet(m, "c");
	mock_script_find(m, 0x400404)->sysno = 0x40;

	/* stepping over svc with the call caught: entry, return, step */
	is_str(mock_reply(m, "QCatchSyscalls:1;40"), "OK", "catch write");
	mock_set_reg(m, 32, 0x400404);
	mock_set_reg(m, 0, 1);
	r = packets(mock_packet(m, "vCont;s:1"));
	ok(mock_starts(r, t_a64(5, "syscall_entry:40;", 0x400408)), "s: entry");
	r = packets(mock_packet(m, "vCont;s:1"));
	ok(mock_starts(r, t_a64(5, "syscall_return:40;", 0x400408)), "s: return");
	r = packets(mock_packet(m, "vCont;s:1"));
	ok(mock_starts(r, t_a64(5, "", 0x400408)) && mock_reg(m, 0) == 42,
	   "s: the step stop at svc+4, result set");

	/* not caught: one step, one reply */
	mock_set_reg(m, 32, 0x400400);
	resumes = m->resumes;
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "", 0x400404)) && !strchr(r, '|') &&
	   m->resumes == resumes + 3,
	   "s over read: entry and return resumed silently, one reply");

	/* range steps: an uncaught call inside goes on, a caught one ends it */
	mock_set_reg(m, 32, 0x400400);
	r = packets(mock_packet(m, "vCont;r400400,400404:1"));
	ok(mock_starts(r, t_a64(5, "", 0x400404)) && !strchr(r, '|'),
	   "range step over read: one reply");
	mock_set_reg(m, 32, 0x400400);
	r = packets(mock_packet(m, "vCont;r400400,40040c:1"));
	ok(mock_starts(r, t_a64(5, "syscall_entry:40;", 0x400408)),
	   "range step meets write: entry ends it");
	mock_packet(m, "vCont;s:1");
	mock_packet(m, "vCont;s:1");

	is_str(mock_reply(m, "QCatchSyscalls:0"), "OK", "catching off");
	ok(!m->catching, "the target stops catching");
	gstub_reset_connection(&m->g);
	ok(m->catch_calls == 5, "reset with catching off: no call");
	is_str(mock_reply(m, "QCatchSyscalls:1"), "OK", "catching on");
	gstub_reset_connection(&m->g);
	ok(!m->catching, "a new connection turns catching off");
	mock_fini(m);
}

/* Software step across a caught syscall: entry, return, then the step. */
static void test_soft_syscall(void)
{
	struct mock_target *m = &mt;
	const char *r;

	mock_init(m, MOCK_AARCH64, 4096, false, false, false);
	mock_script_start(m, false);
	mock_put_insn(m, 0x400500, 0xd4000001, 4); /* svc #0 */
	mock_put_insn(m, 0x400504, 0xd503201f, 4); /* nop */
	mock_script_add(m, 0x400500, MOCK_INSN_SYSCALL, 0x400504);
	mock_script_find(m, 0x400500)->sysno = 0x40;
	mock_script_add(m, 0x400504, MOCK_INSN_NEXT, 0x400508);
	is_str(mock_reply(m, "QCatchSyscalls:1;40"), "OK", "catch write");
	mock_set_reg(m, 32, 0x400500);
	mock_set_reg(m, 0, 1);
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "syscall_entry:40;", 0x400504)), "entry");
	ok(m->mem[0x504] == 0x1f, "the step's breakpoint is out of memory");
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "syscall_return:40;", 0x400504)), "return");
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "", 0x400504)) && mock_reg(m, 0) == 42,
	   "then the step stop at svc+4");
	r = packets(mock_packet(m, "s"));
	ok(mock_starts(r, t_a64(5, "", 0x400508)), "the next step moves on");
	ok(m->mem[0x504] == 0x1f && m->mem[0x508] == 0x08,
	   "memory as the program has it");
	mock_fini(m);
}

int main(void)
{
	test_range_hw();
	test_interrupt();
	test_empty_loop();
	test_soft_a64();
	test_soft_arm();
	test_syscalls();
	test_soft_syscall();
	return tap_done();
}
