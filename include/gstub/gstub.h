/*
 * gstub — a GDB Remote Serial Protocol server to embed in whatever runs code.
 *
 * This is the engine's public interface. It is freestanding: it includes only
 * <stddef.h>, <stdint.h> and <stdbool.h>, and the engine uses no allocator,
 * no globals and never blocks. Bytes from gdb are pushed in with gstub_feed();
 * replies leave through the caller's write callback; when the target stops,
 * the embedder calls gstub_report_stop().
 *
 * Threading: a struct gstub is not locked. Every call on one struct gstub must
 * come from one thread at a time (host programs use the serve loop in
 * <gstub/serve.h>, which hands stops from other threads over safely).
 */
#ifndef GSTUB_GSTUB_H
#define GSTUB_GSTUB_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GSTUB_VERSION_STRING "0.1.0"

/* ------------------------------------------------------------------ errors */

/*
 * Every error is a negative errno-style number. Errors that reach gdb become
 * `Exx` with the number in two decimal digits (GSTUB_EFAULT -> "E14"), which
 * is what gdbserver and QEMU send for the same conditions.
 */
#define GSTUB_ERRORS(X)                                                     \
	X(EPERM, 1, "operation not permitted")                              \
	X(ENOENT, 2, "no such object")                                      \
	X(ESRCH, 3, "no such thread")                                       \
	X(EINTR, 4, "interrupted")                                          \
	X(EIO, 5, "input/output error")                                     \
	X(ENOMEM, 12, "buffer too small")                                   \
	X(EACCES, 13, "access denied")                                      \
	X(EFAULT, 14, "bad address")                                        \
	X(EBUSY, 16, "busy")                                                \
	X(EEXIST, 17, "already exists")                                     \
	X(EINVAL, 22, "invalid argument")                                   \
	X(ENOSPC, 28, "no free slot")                                       \
	X(ERANGE, 34, "value out of range")                                 \
	X(ENOSYS, 38, "not implemented")                                    \
	X(ENODATA, 61, "value unavailable")                                 \
	X(EPROTO, 71, "protocol error")                                     \
	X(EMSGSIZE, 90, "packet too long")

enum gstub_error {
	GSTUB_OK = 0,
#define GSTUB_ERROR_ENUM_(name, num, text) GSTUB_##name = -(num),
	GSTUB_ERRORS(GSTUB_ERROR_ENUM_)
#undef GSTUB_ERROR_ENUM_
};

/* A static string for any value (unknown values give "unknown error"). */
const char *gstub_strerror(int err);

/* ----------------------------------------------------------------- basics */

/* Thread ids as the protocol has them: positive ids, plus these two. */
typedef int64_t gstub_tid;
#define GSTUB_TID_ALL ((gstub_tid)-1)
#define GSTUB_TID_ANY ((gstub_tid)0)

/* gdb's own signal numbers (enum gdb_signal), the ones stubs commonly need. */
enum gstub_signal {
	GSTUB_SIGNONE = 0,
	GSTUB_SIGHUP = 1,
	GSTUB_SIGINT = 2,
	GSTUB_SIGQUIT = 3,
	GSTUB_SIGILL = 4,
	GSTUB_SIGTRAP = 5,
	GSTUB_SIGABRT = 6,
	GSTUB_SIGEMT = 7,
	GSTUB_SIGFPE = 8,
	GSTUB_SIGKILL = 9,
	GSTUB_SIGBUS = 10,
	GSTUB_SIGSEGV = 11,
	GSTUB_SIGSYS = 12,
	GSTUB_SIGPIPE = 13,
	GSTUB_SIGALRM = 14,
	GSTUB_SIGTERM = 15,
};

struct gstub;
struct gstub_tdesc; /* <gstub/tdesc.h> */

/* ------------------------------------------------------------ the target */

enum gstub_resume_kind {
	GSTUB_RESUME_CONTINUE, /* c, C, vCont;c, vCont;C */
	GSTUB_RESUME_STEP,     /* s, S, vCont;s, vCont;S */
	GSTUB_RESUME_STOP,     /* vCont;t */
	/* vCont;r: step while start <= pc < end. The engine hands this to the
	 * target only when it sets GSTUB_TARGET_CAN_RANGE_STEP; otherwise it
	 * range-steps itself on top of GSTUB_RESUME_STEP. */
	GSTUB_RESUME_RANGE_STEP,
};

/*
 * One action of a resume request. Actions come in the order gdb gave them; the
 * first whose tid matches a thread applies to it (GSTUB_TID_ALL matches every
 * thread). Threads no action names stay stopped.
 */
struct gstub_resume_action {
	enum gstub_resume_kind kind;
	gstub_tid tid;
	int signal; /* gdb signal to deliver, 0 for none */
	uint64_t range_start, range_end; /* GSTUB_RESUME_RANGE_STEP only */
};

enum gstub_bp_type {
	GSTUB_BP_SOFTWARE = 0, /* Z0: done by the engine, never by the target */
	GSTUB_BP_HARDWARE = 1, /* Z1 */
	GSTUB_WP_WRITE = 2,    /* Z2 */
	GSTUB_WP_READ = 3,     /* Z3 */
	GSTUB_WP_ACCESS = 4,   /* Z4 */
};

/* Hardware breakpoints and watchpoints (optional). */
struct gstub_breakpoint_ops {
	/* Bit (1u << type) set for each gstub_bp_type the target does. */
	uint32_t types;
	/* 0, GSTUB_ENOSPC when no slot is free, or another negative error. */
	int (*insert)(void *ctx, enum gstub_bp_type type, uint64_t addr,
		      uint64_t kind);
	int (*remove)(void *ctx, enum gstub_bp_type type, uint64_t addr,
		      uint64_t kind);
};

/* Threads (optional; without them the target has one thread, id 1). */
struct gstub_thread_ops {
	/* Writes up to max live thread ids; returns how many there are. */
	int (*list)(void *ctx, gstub_tid *tids, size_t max);
	bool (*alive)(void *ctx, gstub_tid tid);
	/* Optional: a short NUL-terminated description for qThreadExtraInfo
	 * and the qXfer:threads name; returns its length or a negative error. */
	int (*extra_info)(void *ctx, gstub_tid tid, char *buf, size_t size);
};

/* A monitor command (qRcmd). `name` is one or more words ("set foo"); the
 * longest matching name wins. The handler prints with gstub_monitor_print()
 * and returns 0 or a negative error (sent to gdb as Exx). */
struct gstub_monitor_cmd {
	const char *name;
	const char *help;
	int (*run)(struct gstub *g, void *ctx, const char *args, size_t len);
};

/* Scalable vectors (AArch64 SVE), optional: how long the vectors are now.
 * See GSTUB_SVE_MAX / GSTUB_SVE_CURRENT and docs/sve-vector-length.md. */
struct gstub_sve_ops {
	/* The vector length thread `tid` uses now, in 128-bit quadwords
	 * (vg / 2): 1..16, or 0 when unknown (the engine then takes every
	 * register at the size of the description it serves). Called only
	 * while the target is stopped. */
	unsigned (*current_vq)(void *ctx, gstub_tid tid);
};

/* 2 added `sve`; tables of version 1 (without it) are still accepted. */
#define GSTUB_TARGET_OPS_VERSION 4u

/* The target can execute one instruction and stop (s, vCont;s). */
#define GSTUB_TARGET_CAN_STEP (1u << 0)
/* The target range-steps by itself (GSTUB_RESUME_RANGE_STEP), faster than
 * the engine's step-by-step loop: it stops when the pc leaves the range, on
 * a breakpoint, watchpoint, signal or syscall stop, or when interrupted. */
#define GSTUB_TARGET_CAN_RANGE_STEP (1u << 1)
/* The target can stop at syscall entry and return (QCatchSyscalls); it
 * reports every syscall while catching is on (see catch_syscalls) and the
 * engine filters by gdb's list, resuming the others silently. */
#define GSTUB_TARGET_CAN_CATCH_SYSCALLS (1u << 2)

/*
 * What the engine calls on the target. Required members must be set; every
 * pointer to a sub-table may be NULL, and then the engine neither advertises
 * nor accepts the packets that need it.
 *
 * Register numbers are gdb's (the target description's regnum). Memory
 * functions return the number of bytes done (at least 1, possibly fewer than
 * asked) or a negative error (GSTUB_EFAULT for an unmapped address). No op may
 * block for long: resume() starts the target and returns at once; the target
 * later calls gstub_report_stop().
 */
struct gstub_target_ops {
	uint32_t version; /* GSTUB_TARGET_OPS_VERSION */
	uint32_t flags;   /* GSTUB_TARGET_* */

	/* Required. read_reg returns 0, GSTUB_ENODATA for an unavailable
	 * register (sent as 'x' bytes), or another negative error. Values are in
	 * target byte order, `size` bytes as the description says. */
	int (*read_reg)(void *ctx, gstub_tid tid, unsigned regnum, void *buf,
			size_t size);
	int (*write_reg)(void *ctx, gstub_tid tid, unsigned regnum,
			 const void *buf, size_t size);
	int (*read_mem)(void *ctx, uint64_t addr, void *buf, size_t len);
	int (*write_mem)(void *ctx, uint64_t addr, const void *buf, size_t len);
	int (*resume)(void *ctx, const struct gstub_resume_action *actions,
		      size_t n);
	/* Ask a running target to stop; it then reports GSTUB_SIGINT. */
	void (*interrupt)(void *ctx);

	/* Optional. kill: end the program (k, vKill). detach: let it run free
	 * without the debugger (D); the engine has already removed its
	 * breakpoints. */
	int (*kill)(void *ctx);
	int (*detach)(void *ctx);

	const struct gstub_thread_ops *threads;
	const struct gstub_breakpoint_ops *breakpoints;
	const struct gstub_monitor_cmd *monitor_cmds;
	size_t n_monitor_cmds;

	/* Version 2. With an SVE description: the current vector length.
	 *
	 * SVE registers (z0-z31, p0-p15, ffr) are asked for at the size of
	 * the description being served, which may differ from the current
	 * length (16*vq bytes for z, 2*vq for p and ffr). read_reg fills at
	 * least min(size, current) bytes; the engine sends every byte past the
	 * current length as zero, whatever the target left there. write_reg
	 * stores min(size, current) bytes; the engine has zeroed the rest. */
	const struct gstub_sve_ops *sve;
	/* Version 3. With GSTUB_TARGET_CAN_CATCH_SYSCALLS: turn syscall
	 * entry/return stops on or off. */
	int (*catch_syscalls)(void *ctx, bool on);
	/* Version 4, optional. A gdb session starts: gdb opens every
	 * connection with qSupported, the only sign of a new gdb on a line
	 * without connect events (a UART). The engine has forgotten the last
	 * session (its breakpoints, acks, syscall catching); the target drops
	 * what that session left with it (hardware breakpoints and
	 * watchpoints) and may stop a program left running, so the new gdb
	 * finds it stopped. Called before qSupported is answered. */
	void (*new_session)(void *ctx);
};

/* ------------------------------------------------------------------ stops */

enum gstub_stop_reason {
	GSTUB_STOP_SIGNAL,  /* signal stop; SIGTRAP after a step, SIGINT after an interrupt */
	GSTUB_STOP_SWBREAK, /* executed a software breakpoint instruction at pc */
	GSTUB_STOP_HWBREAK, /* hardware breakpoint */
	GSTUB_STOP_WATCH,   /* write watchpoint hit, addr = data address */
	GSTUB_STOP_RWATCH,  /* read watchpoint hit */
	GSTUB_STOP_AWATCH,  /* access watchpoint hit */
	GSTUB_STOP_EXITED,  /* program exited, status = exit code (W) */
	GSTUB_STOP_KILLED,  /* program terminated by signal (X) */
	GSTUB_STOP_SYSCALL_ENTRY,  /* about to run syscall `sysno`; pc after the svc */
	GSTUB_STOP_SYSCALL_RETURN, /* syscall `sysno` done, result register set */
};

struct gstub_stop {
	enum gstub_stop_reason reason;
	gstub_tid tid;
	int signal;      /* gdb signal; 0 means SIGTRAP for the break/watch reasons */
	int status;      /* exit status for GSTUB_STOP_EXITED */
	uint64_t addr;   /* data address for the watch reasons */
	uint32_t sysno;  /* syscall number for the syscall reasons */
};

/* ------------------------------------------------------------- the engine */

/* Write callback: must take all `len` bytes (host transports block on a
 * full socket; a UART driver spins). */
typedef void (*gstub_write_fn)(void *ctx, const void *data, size_t len);

/* Packet log callback: called with pieces of text; a line ends with '\n'.
 * Lines read as gdb's own `set debug remote 1` lines, seen from the stub:
 *   [remote] Packet received: m400000,4
 *   [remote] Sending packet: $00000000#80 */
typedef void (*gstub_log_fn)(void *ctx, const char *text, size_t len);

/* How an SVE target's registers reach gdb when its vector length changes
 * (docs/sve-vector-length.md). */
enum gstub_sve_policy {
	/* One description at the largest length for the whole session;
	 * bytes past the current length read as zero, vg tells the length.
	 * gdb 13 shows correct values throughout. The default. */
	GSTUB_SVE_MAX = 0,
	/* The description follows the current length (switched at stops,
	 * vg expedited); for clients that re-read it. */
	GSTUB_SVE_CURRENT = 1,
};

struct gstub_config {
	const struct gstub_target_ops *ops;
	void *target_ctx;
	const struct gstub_tdesc *tdesc; /* must outlive the stub */
	gstub_write_fn write;
	void *write_ctx;
	/* The only packet storage the engine uses, split between the packet
	 * being received and the last reply (kept for retransmission). Its size
	 * decides PacketSize; it must hold the largest register reply (`g`). */
	void *packet_buf;
	size_t packet_buf_size;
	gstub_log_fn log; /* optional */
	void *log_ctx;
	/* Characters of each packet shown in the log: -1 for unlimited, 0 for
	 * the default (512). Changed later by gstub_set_log_max_chars() or the
	 * monitor command. */
	long log_max_chars;
	bool log_enabled; /* start with the packet log on */
	/* Process id shown to gdb through the multiprocess extension (thread
	 * ids "pPID.TID", "W00;process:PID", `info inferiors`); 0: do not
	 * offer multiprocess. Must not be negative. */
	int64_t pid;

	/* What gdb sees when an SVE target changes its vector length
	 * (ignored for descriptions without SVE). GSTUB_SVE_MAX: tdesc is for
	 * the largest length and is always served. GSTUB_SVE_CURRENT: the
	 * engine serves a description for the current length, switching at
	 * stops; it then needs ops->sve, sve_describe and sve_tdesc_buf. */
	enum gstub_sve_policy sve_policy;
	/* GSTUB_SVE_CURRENT: the largest vq the target can switch to (1..16;
	 * 0 means 16). The packet buffer must hold that description's `g`. */
	unsigned sve_max_vq;
	/* GSTUB_SVE_CURRENT: build into `out` the description tdesc would be
	 * at vector length vq (e.g. gstub_tdesc_aarch64 with .sve_vq = vq);
	 * 0 or a negative error. Called with target_ctx, at gstub_init for
	 * every vq up to sve_max_vq (to check them) and at stops. */
	int (*sve_describe)(void *ctx, unsigned vq, struct gstub_tdesc *out);
	/* GSTUB_SVE_CURRENT: where the engine keeps a description it built;
	 * caller-owned, must outlive the stub. */
	struct gstub_tdesc *sve_tdesc_buf;

	/* Optional (NULL: replies go out exactly as made). Called on every
	 * reply's payload before it is framed: it may rewrite
	 * payload[0..len) in place into a shorter form gdb expands on
	 * reading, and returns the new length (len to leave it as it is,
	 * never more). Point it at gstub_rle_compress for gdb's run-length
	 * encoding; a firmware that leaves it NULL links no encoder. The
	 * packet log still shows each reply as gdb reads it once expanded,
	 * and a '-' from gdb gets the same compressed frame again. Any '*'
	 * left in a payload is read as a run. Must not block. */
	size_t (*compress_reply)(uint8_t *payload, size_t len);
};

/* A ready cfg.compress_reply: the protocol's run-length encoding ('*' and
 * a count character, as gdbserver sends it) of payloads of at least 4096
 * lowercase hex digits (memory, large register blocks), in place; every
 * other payload is left as it is. A character followed by 3 to 97 more
 * copies of itself becomes the character, '*' and the count character
 * (29 + copies), never one gdb could misread ('#', '$', '+', '-', '}');
 * longer runs take several. Returns the new length. */
size_t gstub_rle_compress(uint8_t *payload, size_t len);

/* Internal sizes, overridable by a build. */
#ifndef GSTUB_MAX_BREAKPOINTS
/* Software breakpoints the engine patches itself; gdb rarely uses more
 * than a few dozen, and each costs 24 bytes. */
#define GSTUB_MAX_BREAKPOINTS 64
#endif
#ifndef GSTUB_MAX_THREADS
/* Threads listed in one qfThreadInfo/qXfer:threads reply pass. */
#define GSTUB_MAX_THREADS 64
#endif
#ifndef GSTUB_MAX_RESUME_ACTIONS
/* Actions in one vCont packet; gdb sends one per thread that gets a
 * signal or a step, plus a default, so a few suffice. */
#define GSTUB_MAX_RESUME_ACTIONS 16
#endif
#ifndef GSTUB_MAX_CATCH_SYSCALLS
/* Syscall numbers QCatchSyscalls keeps one by one (a bitmap): Linux on
 * AArch64 and ARM numbers its calls below 512. A larger number in gdb's
 * list catches every call from this number on (gdb filters again). */
#define GSTUB_MAX_CATCH_SYSCALLS 1024
#endif

/* The context. Its fields are private: use only the functions below. It is
 * declared here so that bare-metal code can allocate it statically. */
struct gstub_bp_ {
	uint64_t addr;
	uint8_t saved[4];
	uint8_t len;
	uint8_t kind;
	bool used;
	/* who wants it: gdb's Z0, the engine's software single step, or
	 * both (removed from memory when neither does) */
	bool by_gdb;
	bool by_step;
};

/* Stepping the engine does itself: range stepping on single steps,
 * software single step, empty loops (stub/stepping.c). */
struct gstub_step_ {
	/* what the target was last resumed with */
	struct gstub_resume_action acts[GSTUB_MAX_RESUME_ACTIONS];
	size_t n_acts;
	size_t step_act;    /* index of the stepping thread's action */
	gstub_tid tid;      /* the thread being stepped */
	uint64_t start, end; /* vCont;r range, engine range stepping */
	uint64_t from_pc;   /* pc before the step in flight */
	uint64_t bp_addr;   /* software step: the temporary breakpoint */
	uint8_t bp_kind;
	bool active;        /* a request the engine follows is running */
	bool range;         /* range stepping in the engine */
	bool soft;          /* steps are software single steps */
	bool bp_planted;
	bool told_loop;     /* the empty-loop console message went out */
	bool interrupted;   /* gdb asked to stop: the next stop is SIGINT */
	bool in_resume;     /* inside ops->resume: stops wait in `deferred` */
	bool have_deferred;
	struct gstub_stop deferred;
	struct gstub_stop last; /* the stop the engine resumed from */
	/* a software step cut short by a syscall stop gdb saw: the next
	 * step of that thread from that pc finishes it */
	bool pend;
	gstub_tid pend_tid;
	uint64_t pend_pc, pend_bp;
	uint8_t pend_kind;
};

/* QCatchSyscalls: gdb's list (stub/syscalls.c). */
struct gstub_catch_ {
	bool on;
	bool all;
	bool high; /* a number >= GSTUB_MAX_CATCH_SYSCALLS was listed */

	uint32_t bits[GSTUB_MAX_CATCH_SYSCALLS / 32];
};

/* Where the served description keeps its SVE registers. */
struct gstub_sve_regs_ {
	uint32_t z0, p0, ffr, vg; /* regnums: z0-z31, p0-p15 in a row */
	uint8_t vq;               /* the description's vq; 0: no SVE */
	uint8_t max_vq;           /* largest vq the target can take */
};

struct gstub {
	struct gstub_config cfg;
	/* packet_buf split in two: the packet being received, the last reply */
	uint8_t *rx_buf;
	size_t rx_cap;      /* payload bytes, plus one for a terminating NUL */
	uint8_t *tx_buf;
	size_t tx_cap;
	/* receive state machine */
	size_t rx_len;      /* bytes stored */
	size_t rx_dropped;  /* bytes past rx_cap (overlong packet) */
	uint8_t rx_state;
	uint8_t rx_csum;
	uint8_t rx_csum_got;
	bool rx_rle;        /* the last byte was '*' */
	bool rx_bad_rle;
	/* reply being built / kept for retransmission */
	size_t tx_len;
	bool tx_overflow;
	bool tx_kept;       /* tx holds a sent reply that '-' may ask for */
	bool no_ack;
	bool running;       /* the target executes */
	bool waiting;       /* gdb waits for a stop reply */
	bool in_monitor;
	bool detach_pending;
	/* negotiated with gdb */
	uint32_t gdb_features;
	gstub_tid g_tid; /* Hg */
	gstub_tid c_tid; /* Hc */
	gstub_tid cur_tid;  /* thread of the last stop */
	struct gstub_stop last_stop;
	bool have_stop;
	long log_max_chars;
	bool log_enabled;
	size_t thread_iter;
	struct gstub_bp_ bps[GSTUB_MAX_BREAKPOINTS];
	/* the description being served: cfg.tdesc, or cfg.sve_tdesc_buf after
	 * a vector-length change under GSTUB_SVE_CURRENT */
	const struct gstub_tdesc *td;
	struct gstub_sve_regs_ sve;
	struct gstub_step_ step;
	struct gstub_catch_ catch_sys;
	/* 0x03 came while the target was stopped: the next resume stops at
	 * once with SIGINT, as a SIGINT sent to a stopped process would. */
	bool interrupt_pending;
	/* `monitor set catch-syscalls-in-steps off`: no syscall stops for a
	 * stepping thread, as under gdbserver (kept across connections) */
	bool catch_not_in_steps;
};

/* Initialise `g` from `cfg` (copied). Returns 0, or GSTUB_EINVAL when a
 * required op, the description, the write callback or the buffer is missing
 * or the pid is negative, or the SVE policy is unknown, or GSTUB_SVE_CURRENT
 * lacks what it needs (ops->sve, sve_describe, sve_tdesc_buf, a
 * sve_max_vq of 0..16, a description for every vq up to it),
 * or GSTUB_ENOMEM when the buffer cannot hold the largest `g` reply. */
int gstub_init(struct gstub *g, const struct gstub_config *cfg);

/* Push bytes received from gdb. Any size, any split; never blocks beyond the
 * write callback. Replies (and log lines) happen inside this call. */
void gstub_feed(struct gstub *g, const void *data, size_t len);

/* The target stopped (or exited). When gdb is waiting for the target, it
 * gets the stop reply now; otherwise the stop is remembered for `?`. */
void gstub_report_stop(struct gstub *g, const struct gstub_stop *stop);

/* A new client connected, or the old one went away: forget ack mode and
 * negotiated features, and remove every software breakpoint from memory so
 * the target is left as the program wrote it. The target itself is kept. */
void gstub_reset_connection(struct gstub *g);

/* True between a resume and the stop reply. */
bool gstub_is_running(const struct gstub *g);

/* Console output to gdb as `O` packets; only while the target runs (gdb
 * ignores them otherwise). Returns 0 or GSTUB_EBUSY when not running. */
int gstub_console_output(struct gstub *g, const void *text, size_t len);

/* During a monitor command: print text on gdb's console. */
int gstub_monitor_print(struct gstub *g, const char *text, size_t len);

/* Packet log control: -1 for unlimited. */
void gstub_set_log_max_chars(struct gstub *g, long n);
long gstub_get_log_max_chars(const struct gstub *g);
void gstub_set_log_enabled(struct gstub *g, bool on);

#ifdef __cplusplus
}
#endif
#endif
