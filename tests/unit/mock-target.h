/*
 * A scripted target for the engine's unit tests: registers in an array,
 * one memory region, resume requests recorded, stops reported by the test.
 * Everything gdb would see is captured in `out`, the packet log in `log`.
 */
#ifndef GSTUB_TESTS_MOCK_TARGET_H
#define GSTUB_TESTS_MOCK_TARGET_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#define MOCK_MEM_SIZE 4096
#define MOCK_OUT_SIZE 200000
#define MOCK_MAX_ACTIONS 16
#define MOCK_MAX_INSNS 64

/* One instruction of a scripted program (mock_script_add). */
enum mock_insn_kind {
	MOCK_INSN_NEXT,    /* goes to `next` (a branch to itself: next == pc) */
	MOCK_INSN_SYSCALL, /* syscall `sysno`, returns to `next` with x0/r0 = 42 */
	MOCK_INSN_LOOP,    /* goes to `to` `times` times in a row, then `next` */
};

struct mock_insn {
	uint64_t pc, next, to;
	enum mock_insn_kind kind;
	uint32_t sysno;
	unsigned times, taken;
};

struct mock_target {
	struct gstub g;
	struct gstub_config cfg;     /* what mock_init gave gstub_init */
	struct gstub_tdesc td;
	struct gstub_target_ops ops;
	struct gstub_thread_ops thread_ops;
	struct gstub_breakpoint_ops bp_ops;
	uint8_t *buf; /* packet buffer */
	size_t buf_size;

	uint8_t regs[16384];         /* by g offset, target byte order */
	bool unavailable[GSTUB_TDESC_MAX_REGS];
	int reg_error;               /* returned by read_reg when set */
	gstub_tid last_reg_tid;      /* thread of the last read_reg */
	uint64_t mem_base;
	uint8_t mem[MOCK_MEM_SIZE];
	size_t mem_chunk;            /* bytes per read/write call, 0: all */
	int mem_calls;

	struct gstub_resume_action actions[MOCK_MAX_ACTIONS];
	size_t n_actions;
	int resumes, interrupts, kills, detaches;
	int resume_result;
	struct gstub_stop stop_in_resume; /* reported from inside resume() */
	bool report_in_resume;

	/* Scripted program (mock_script_add): resume executes it. A step runs
	 * one instruction; a continue runs until a breakpoint instruction in
	 * memory, a syscall stop, or MOCK_FREE_RUN instructions (then it runs
	 * "forever": no stop until the test reports one). Syscalls while
	 * catching stop at entry, then return, and a step that began on the
	 * svc then ends at the next instruction without moving. */
	bool scripted;
	bool script_async;        /* keep the stop in `pending` (mock_run_pending) */
	struct mock_insn prog[MOCK_MAX_INSNS];
	size_t n_prog;
	int sys_phase;            /* 1 after an entry stop, 2 after a return */
	uint32_t sys_now;         /* number of the call in progress */
	bool catching;
	int catch_calls;
	int new_sessions;            /* ops->new_session calls */
	uint8_t mem_at_new_session[4]; /* at 0x400010 when it ran */
	bool free_running;
	bool have_pending;
	struct gstub_stop pending;
	long executed;            /* instructions run */
	uintptr_t stack_lo, stack_hi; /* of m_resume's frame, over all calls */

	gstub_tid threads[8];
	size_t n_threads;
	int hw_inserts, hw_removes;
	uint64_t hw_last_addr;

	/* SVE (mock_init_sve): registers stored at the largest length, laid
	 * out by store_td (by td otherwise); reads leave MOCK_SVE_JUNK past
	 * the current length, which the engine must never send. */
	bool sve;
	unsigned sve_vq;             /* current vq; vg reads 2 * sve_vq */
	struct gstub_tdesc store_td;
	struct gstub_tdesc spare_td; /* cfg.sve_tdesc_buf */
	struct gstub_sve_ops sve_ops;
	struct gstub_aarch64_config sve_cfg; /* what describe builds */
	int vq_calls;                /* current_vq calls */
	int describe_calls;
	unsigned describe_fail_vq;   /* describe fails for this vq */
	size_t last_reg_size;        /* size of the last read/write_reg */
	bool wrote_past_length;      /* write_reg got non-zero bytes there */

	char out[MOCK_OUT_SIZE];
	size_t out_len;
	int writes;
	char log[MOCK_OUT_SIZE];
	size_t log_len;
	int log_calls;
};

enum mock_arch { MOCK_AARCH64, MOCK_ARM, MOCK_ARM_M, MOCK_X86_64 };

/* Builds the description (the real builders), the ops and the stub.
 * with_threads: three threads 1, 2, 3 with names. Returns gstub_init's
 * result. */
int mock_init(struct mock_target *m, enum mock_arch arch, size_t buf_size,
	      bool with_threads, bool with_hw_bp, bool can_step);
/* AArch64 with SVE (and pauth, so that registers follow vg): the
 * description at desc_vq, the target at cur_vq, the engine under `policy`
 * (GSTUB_SVE_CURRENT with max_vq, describe and the spare buffer). */
int mock_init_sve(struct mock_target *m, unsigned desc_vq, unsigned cur_vq,
		  enum gstub_sve_policy policy, unsigned max_vq,
		  size_t buf_size);
#define MOCK_SVE_JUNK 0xee
/* Scripted programs. */
#define MOCK_FREE_RUN 100000
void mock_script_add(struct mock_target *m, uint64_t pc,
		     enum mock_insn_kind kind, uint64_t next);
struct mock_insn *mock_script_find(struct mock_target *m, uint64_t pc);
/* Turns on the scripted target (and syscall catching support). */
void mock_script_start(struct mock_target *m, bool async);
/* Async: report the kept stop (true when there was one). */
bool mock_run_pending(struct mock_target *m);
/* Writes a little-endian instruction of `len` bytes into memory. */
void mock_put_insn(struct mock_target *m, uint64_t addr, uint32_t insn,
		   size_t len);
uint64_t mock_pc(const struct mock_target *m);
void mock_fini(struct mock_target *m);
/* gstub_init again with the same configuration but this pid (the
 * multiprocess extension); returns gstub_init's result. */
int mock_set_pid(struct mock_target *m, int64_t pid);

/* Feed bytes and return what the stub wrote since the last call (and
 * clear it). The returned string lives until the next call. */
const char *mock_feed(struct mock_target *m, const void *data, size_t len);
const char *mock_feed_str(struct mock_target *m, const char *s);
/* Feed "$payload#cs". */
const char *mock_packet(struct mock_target *m, const char *payload);
/* The same, with the ack stripped from the front and the framing from the
 * reply: gives just the reply payload ("" for the empty reply, "(none)"
 * when nothing or something else came). */
const char *mock_reply(struct mock_target *m, const char *payload);
/* "$payload#cs" for payload */
const char *mock_frame(const char *payload, size_t len);
void mock_clear(struct mock_target *m);
/* Register `regnum` as stored (little-endian) to a number (<= 8 bytes). */
uint64_t mock_reg(const struct mock_target *m, unsigned regnum);
void mock_set_reg(struct mock_target *m, unsigned regnum, uint64_t v);

/* Report `st` and return the stop reply's payload as gdb reads it (a
 * static buffer), or "(none)" when nothing was sent. */
const char *mock_stop_payload(struct mock_target *m, const struct gstub_stop *st);

/* True when `s` begins with `prefix`. */
bool mock_starts(const char *s, const char *prefix);

#endif
