/*
 * Private interface between the engine's files. Nothing here is public: the
 * names carry the gstub_ prefix only to stay clear of the embedder's.
 */
#ifndef GSTUB_STUB_INTERNAL_H
#define GSTUB_STUB_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#include <gstub/config.h>

/* The engine may call only these from the C library; declared here so that
 * no libc header is needed (the compiler usually inlines them). */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* Default number of packet characters shown in the log (gdb's default). */
#define GSTUB_LOG_DEFAULT_CHARS 512

/* The smallest reply area: qSupported, stop replies with four expedited
 * 64-bit registers and a watch address all fit in well under this. */
#define GSTUB_MIN_REPLY 256

/* Actions in one vCont packet (the size is public: the engine keeps the
 * last request in struct gstub to resume the same way again). */
#define GSTUB_MAX_VCONT_ACTIONS GSTUB_MAX_RESUME_ACTIONS

/* Bytes of a thread name kept for qXfer:threads (longer names are cut). */
#define GSTUB_THREAD_NAME_MAX 64

/* Features gdb announced in qSupported (struct gstub.gdb_features). */
#define GSTUB_GDB_SWBREAK (1u << 0)
#define GSTUB_GDB_HWBREAK (1u << 1)
/* gdb offered multiprocess+ and we have a pid: thread ids are "pP.T" */
#define GSTUB_GDB_MULTIPROCESS (1u << 3)

/* The longest thread id we print: "p", a 64-bit pid in hex, ".", a 64-bit
 * tid in hex (34 bytes), and room for a NUL. */
#define GSTUB_TID_TEXT_MAX 36

/* What a packet handler returns besides 0-or-negative-error. */
enum {
	GSTUB_REPLY_OK = 0,          /* "OK" */
	GSTUB_REPLY_DATA = 1,        /* the reply was built with gstub_out_* */
	GSTUB_REPLY_UNSUPPORTED = 2, /* the empty reply */
	GSTUB_REPLY_PENDING = 3,     /* target running: the stop reply comes later */
	GSTUB_REPLY_NONE = 4,        /* no reply at all (k) */
};

/* ----- hex.c: numbers and hex digits ----- */

/* A read position in a packet: every parser checks every digit. */
struct gstub_cursor {
	const char *p;
	const char *end;
};

int gstub_hex_digit_value(int c); /* 0..15, or -1 */
char gstub_hex_digit(unsigned v);  /* lowercase */
bool gstub_cur_at_end(const struct gstub_cursor *c);
/* Consumes `ch` when it is next. */
bool gstub_cur_take(struct gstub_cursor *c, char ch);
/* One or more hex digits, at most 64 bits worth (leading zeros allowed). */
bool gstub_cur_hex(struct gstub_cursor *c, uint64_t *out);
/* Writes v in hex without leading zeros (1 to 16 digits, no NUL) and
 * returns the number of digits. */
size_t gstub_format_hex(uint64_t v, char *buf);
/* Decodes 2*n hex digits at `hex` into n bytes at `out` (may be the same
 * place: decoding runs forward). False on any non-hex digit. */
bool gstub_hex_decode(const char *hex, uint8_t *out, size_t n);
/* Writes n bytes from `raw` as 2*n hex digits at `hex`. Runs forward, so
 * raw may lie inside the output at or after hex + n: the reply area is
 * filled this way without a second buffer. */
void gstub_hex_encode(const uint8_t *raw, size_t n, uint8_t *hex);
size_t gstub_strlen(const char *s);

/* ----- output.c: the reply being built, sending and retransmission ----- */

void gstub_out_reset(struct gstub *g);
size_t gstub_out_room(const struct gstub *g);
void gstub_out_char(struct gstub *g, char c);
void gstub_out_mem(struct gstub *g, const void *data, size_t len);
void gstub_out_str(struct gstub *g, const char *s);
void gstub_out_hex_bytes(struct gstub *g, const void *data, size_t len);
void gstub_out_hex_u64(struct gstub *g, uint64_t v);   /* no leading zeros */
void gstub_out_hex_byte(struct gstub *g, unsigned v);  /* two digits */
/* A thread id as gdb reads it (thread_id.c's gstub_format_tid). */
void gstub_out_tid(struct gstub *g, gstub_tid tid);
/* "Exx": the reply area is cleared first. */
void gstub_out_error(struct gstub *g, int err);
/* Reserves n bytes at the end of the reply and returns them. */
uint8_t *gstub_out_reserve(struct gstub *g, size_t n);
/* Frames and writes the reply built so far, keeping it for a resend. */
void gstub_send_reply(struct gstub *g);
/* Sends the kept reply again (after a '-'). */
void gstub_resend_reply(struct gstub *g);
/* Sends `text` as one or more `O` packets. */
void gstub_send_console(struct gstub *g, const void *text, size_t len);
/* Writes a one-byte ack or nack, and logs it. */
void gstub_send_ack(struct gstub *g, bool ok);

/* ----- log.c: the packet log, in gdb's own format ----- */

/* A line whose packet part is cut and escaped as gdb does. */
struct gstub_log_line {
	struct gstub *g;
	size_t shown;   /* packet bytes shown so far */
	size_t omitted; /* packet bytes cut */
	size_t limit;   /* bytes to show; SIZE_MAX for unlimited */
	size_t fill;
	char stage[48];
};

#if GSTUB_CONFIG_PACKET_LOG
bool gstub_log_on(const struct gstub *g);
/* Starts a line with plain text (not cut, not escaped). */
void gstub_log_begin(struct gstub_log_line *l, struct gstub *g,
		     const char *prefix, bool cut);
/* Packet bytes: escaped, counted against the limit. */
void gstub_log_bytes(struct gstub_log_line *l, const void *data, size_t len);
/* Bytes counted as cut without being passed (they were never stored). */
void gstub_log_add_omitted(struct gstub_log_line *l, size_t n);
/* Plain text after the packet part. */
void gstub_log_plain(struct gstub_log_line *l, const char *s);
void gstub_log_end(struct gstub_log_line *l);
/* A whole plain line ("[remote] " is added). */
void gstub_log_message(struct gstub *g, const char *msg);
#else
/* No log: every call is gone at compile time, at any optimisation. */
static inline bool gstub_log_on(const struct gstub *g)
{ (void)g; return false; }
static inline void gstub_log_begin(struct gstub_log_line *l, struct gstub *g,
				   const char *prefix, bool cut)
{ (void)l; (void)g; (void)prefix; (void)cut; }
static inline void gstub_log_bytes(struct gstub_log_line *l, const void *data,
				   size_t len)
{ (void)l; (void)data; (void)len; }
static inline void gstub_log_add_omitted(struct gstub_log_line *l, size_t n)
{ (void)l; (void)n; }
static inline void gstub_log_plain(struct gstub_log_line *l, const char *s)
{ (void)l; (void)s; }
static inline void gstub_log_end(struct gstub_log_line *l) { (void)l; }
static inline void gstub_log_message(struct gstub *g, const char *msg)
{ (void)g; (void)msg; }
#endif

/* ----- thread_id.c: thread ids in both syntaxes ----- */

/* Multiprocess syntax negotiated: ids are "pPID.TID", W/X name the pid.
 * Inline, so that a build without the extension drops every use. */
static inline bool gstub_multiprocess(const struct gstub *g)
{
	return GSTUB_CONFIG_MULTIPROCESS &&
	       (g->gdb_features & GSTUB_GDB_MULTIPROCESS) != 0;
}
/* A thread id: "-1" (all), "0" (any) or positive hex; with multiprocess
 * also "pPID" (all of PID), "pPID.TID" with PID and TID each -1, 0 or hex.
 * Returns 0, GSTUB_EINVAL for bad syntax, GSTUB_ESRCH for a process that
 * is not ours. The result names a thread of our one process. */
int gstub_parse_tid(const struct gstub *g, struct gstub_cursor *c,
		    gstub_tid *out);
/* A process id where a packet carries one (qAttached:, D;, vKill;): hex
 * to the end of the packet. GSTUB_ESRCH for another process, when the
 * multiprocess syntax is on (without it gdb sends an id of its own
 * making, which is accepted). */
int gstub_parse_pid(const struct gstub *g, struct gstub_cursor *c);
/* Writes tid as replies name it (at most GSTUB_TID_TEXT_MAX - 1 bytes, no
 * NUL) and returns its length. */
size_t gstub_format_tid(const struct gstub *g, gstub_tid tid, char *buf);

/* ----- dispatch.c ----- */

void gstub_dispatch(struct gstub *g, char *pkt, size_t len);

/* ----- stop.c ----- */

/* The thread registers and memory refer to when gdb said 0 or -1. */
gstub_tid gstub_current_tid(const struct gstub *g);
/* The stop reaches gdb now (when it waits) or is kept for `?`. */
void gstub_deliver_stop(struct gstub *g, const struct gstub_stop *stop);
/* Appends the stop reply for `stop` to the reply being built. */
void gstub_out_stop_reply(struct gstub *g, const struct gstub_stop *stop);
/* The program exited or was killed by a signal (the last stop says so):
 * there is nothing left to resume. */
bool gstub_program_gone(const struct gstub *g);

/* ----- threads ----- */

#if GSTUB_CONFIG_THREADS
bool gstub_thread_alive(const struct gstub *g, gstub_tid tid);
/* Fills tids (at most max) and returns how many there are (>= 1 without
 * thread ops), or a negative error. */
int gstub_thread_list(const struct gstub *g, gstub_tid *tids, size_t max);
#else
/* One thread, id 1: inline, so that every list folds to it. */
static inline bool gstub_thread_alive(const struct gstub *g, gstub_tid tid)
{
	(void)g;
	return tid == 1;
}

static inline int gstub_thread_list(const struct gstub *g, gstub_tid *tids,
				    size_t max)
{
	(void)g;
	if (max)
		tids[0] = 1;
	return 1;
}
#endif

/* ----- swbreak.c: software breakpoints done by the engine ----- */

#if GSTUB_CONFIG_SW_BREAKPOINTS
int gstub_swbreak_insert(struct gstub *g, uint64_t addr, uint64_t kind);
int gstub_swbreak_remove(struct gstub *g, uint64_t addr, uint64_t kind);
void gstub_swbreak_remove_all(struct gstub *g);
bool gstub_swbreak_at(const struct gstub *g, uint64_t addr);
/* True when the architecture has a breakpoint instruction we know. */
bool gstub_swbreak_supported(const struct gstub *g);
/* Replace breakpoint bytes in data read from [addr, addr+len) with the
 * saved originals. */
void gstub_swbreak_shadow_read(const struct gstub *g, uint64_t addr,
			       uint8_t *data, size_t len);
/* After a write of [addr, addr+len): keep the new bytes as the originals
 * and put the breakpoint instructions back. */
void gstub_swbreak_after_write(struct gstub *g, uint64_t addr,
			       const uint8_t *data, size_t len);

/* The engine's own temporary breakpoints (software single step). They
 * share a slot with gdb's Z0 at the same address; each owner removes only
 * its own claim. gstub_swbreak_at sees gdb's only. */
int gstub_swbreak_insert_step(struct gstub *g, uint64_t addr, uint64_t kind);
int gstub_swbreak_remove_step(struct gstub *g, uint64_t addr);
#else
/* Left out (gstub/config.h): no Z0, memory is what it holds, and a
 * breakpoint stop is gdb's to recognise. */
static inline bool gstub_swbreak_supported(const struct gstub *g)
{
	(void)g;
	return false;
}
static inline int gstub_swbreak_insert(struct gstub *g, uint64_t addr,
				       uint64_t kind)
{
	(void)g, (void)addr, (void)kind;
	return GSTUB_REPLY_UNSUPPORTED;
}
static inline int gstub_swbreak_remove(struct gstub *g, uint64_t addr,
				       uint64_t kind)
{
	(void)g, (void)addr, (void)kind;
	return GSTUB_REPLY_UNSUPPORTED;
}
static inline void gstub_swbreak_remove_all(struct gstub *g)
{
	(void)g;
}
static inline bool gstub_swbreak_at(const struct gstub *g, uint64_t addr)
{
	(void)g, (void)addr;
	return false;
}
static inline void gstub_swbreak_shadow_read(const struct gstub *g,
					     uint64_t addr, uint8_t *data,
					     size_t len)
{
	(void)g, (void)addr, (void)data, (void)len;
}
static inline void gstub_swbreak_after_write(struct gstub *g, uint64_t addr,
					     const uint8_t *data, size_t len)
{
	(void)g, (void)addr, (void)data, (void)len;
}
#endif

/* ----- stepping.c: range stepping, software single step, empty loops ----- */

/* The target can single step, in hardware or by the engine's software
 * step (which needs a next-pc decoder for the architecture). */
bool gstub_can_step(const struct gstub *g);
/* Starts the target on a resume request (n >= 1 actions). Returns
 * GSTUB_REPLY_PENDING, or a negative error when the target could not be
 * started (nothing runs then). */
int gstub_step_begin(struct gstub *g, const struct gstub_resume_action *a,
		     size_t n);
/* Every stop the target reports: kept for later when it comes from
 * inside ops->resume, resumed silently when the engine's stepping goes on,
 * else passed to gstub_deliver_stop. */
void gstub_step_take(struct gstub *g, const struct gstub_stop *stop);
#if GSTUB_CONFIG_ENGINE_STEPPING
/* gdb asked to stop the target (0x03, vCtrlC, `?` while running). */
void gstub_step_interrupt(struct gstub *g);
/* Forgets the engine's stepping (connection reset; breakpoints gone). */
void gstub_step_reset(struct gstub *g);
#else
/* The target does every step: the engine has nothing to stop or forget. */
static inline void gstub_step_interrupt(struct gstub *g) { (void)g; }
static inline void gstub_step_reset(struct gstub *g) { (void)g; }
#endif

/* ----- syscalls.c: QCatchSyscalls ----- */

#if GSTUB_CONFIG_SYSCALL_CATCH
bool gstub_catch_supported(const struct gstub *g);
/* gdb asked to stop at syscall `sysno`. */
bool gstub_catch_wanted(const struct gstub *g, uint32_t sysno);
/* Catching off (connection reset). */
void gstub_catch_reset(struct gstub *g);
#else
static inline bool gstub_catch_supported(const struct gstub *g)
{ (void)g; return false; }
static inline bool gstub_catch_wanted(const struct gstub *g, uint32_t sysno)
{ (void)g; (void)sysno; return false; }
static inline void gstub_catch_reset(struct gstub *g) { (void)g; }
#endif

/* ----- breakpoints.c ----- */

/* The target does this hardware breakpoint/watchpoint type (Z1..Z4). */
bool gstub_hw_point_supported(const struct gstub *g, uint64_t type);

/* ----- registers ----- */

/* Bytes of a register's value. */
size_t gstub_reg_size(const struct gstub_tdesc_reg *r);
/* Appends a register's value in hex ('x' digits when unavailable). */
int gstub_out_reg(struct gstub *g, gstub_tid tid, const struct gstub_tdesc_reg *r);
/* The pc of a thread as a number (the description's pc register, at most
 * 64 bits, little-endian like every architecture we know). 0 or a
 * negative error; GSTUB_EINVAL without a usable pc register, or when
 * the value does not fit it (writing). */
int gstub_read_pc(struct gstub *g, gstub_tid tid, uint64_t *pc);
int gstub_write_pc(struct gstub *g, gstub_tid tid, uint64_t pc);
/* Any register of at most 64 bits as a number (little-endian). */
int gstub_read_reg_u64(struct gstub *g, gstub_tid tid, unsigned regnum,
		       uint64_t *value);

/* ----- target_regs.c ----- */

/* The target's read_reg/write_reg for description register r, with q
 * registers taken from their D registers. */
int gstub_target_read_reg(struct gstub *g, gstub_tid tid,
			  const struct gstub_tdesc_reg *r, uint8_t *buf,
			  size_t n);
int gstub_target_write_reg(struct gstub *g, gstub_tid tid,
			   const struct gstub_tdesc_reg *r, const uint8_t *buf,
			   size_t n);

/* ----- sve.c: vector lengths ----- */

/* Sets g->td to cfg.tdesc and checks the SVE configuration (gstub_init's
 * errors). */
int gstub_sve_init(struct gstub *g);
/* Finds the SVE registers of g->td (g->sve.vq 0 when there are none). */
void gstub_sve_locate(struct gstub *g);
static inline bool gstub_sve_present(const struct gstub *g)
{
	return g->sve.vq != 0;
}

static inline uint32_t gstub_sve_vg_regnum(const struct gstub *g)
{
	return g->sve.vg;
}

/* The target's SVE ops (NULL for a version 1 table or none). */
const struct gstub_sve_ops *gstub_sve_ops(const struct gstub *g);
/* How many leading bytes of r (sent as `size` bytes) hold live state for
 * thread tid: all of them except for z/p/ffr past the current length. */
size_t gstub_sve_live_bytes(const struct gstub *g, gstub_tid tid,
			    const struct gstub_tdesc_reg *r, size_t size);
/* GSTUB_SVE_CURRENT, target stopped: serve the description for tid's
 * current vector length (called when a stop reply is built and before
 * gdb reads target.xml from its start). */
#if GSTUB_CONFIG_SVE_CURRENT
void gstub_sve_follow(struct gstub *g, gstub_tid tid);
#else
/* the description served never changes */
static inline void gstub_sve_follow(struct gstub *g, gstub_tid tid)
{
	(void)g;
	(void)tid;
}
#endif

/* ----- memory (whole-length loops over the target's ops) ----- */

int gstub_mem_read_all(struct gstub *g, uint64_t addr, uint8_t *buf, size_t len);
int gstub_mem_write_all(struct gstub *g, uint64_t addr, const uint8_t *buf,
			size_t len);

/* ----- packet handlers (one row each in dispatch.c) ----- */

#define GSTUB_HANDLER(name) \
	int name(struct gstub *g, char *args, size_t len)

GSTUB_HANDLER(gstub_cmd_query_supported);
GSTUB_HANDLER(gstub_cmd_start_noack);
GSTUB_HANDLER(gstub_cmd_must_reply_empty);
GSTUB_HANDLER(gstub_cmd_attached);
GSTUB_HANDLER(gstub_cmd_symbol);
GSTUB_HANDLER(gstub_cmd_detach);
GSTUB_HANDLER(gstub_cmd_kill);
GSTUB_HANDLER(gstub_cmd_vkill);
GSTUB_HANDLER(gstub_cmd_stop_reason);
GSTUB_HANDLER(gstub_cmd_read_regs);
GSTUB_HANDLER(gstub_cmd_write_regs);
GSTUB_HANDLER(gstub_cmd_read_reg);
GSTUB_HANDLER(gstub_cmd_write_reg);
GSTUB_HANDLER(gstub_cmd_read_mem);
GSTUB_HANDLER(gstub_cmd_write_mem_hex);
GSTUB_HANDLER(gstub_cmd_write_mem_bin);
GSTUB_HANDLER(gstub_cmd_continue);
GSTUB_HANDLER(gstub_cmd_continue_sig);
GSTUB_HANDLER(gstub_cmd_step);
GSTUB_HANDLER(gstub_cmd_step_sig);
GSTUB_HANDLER(gstub_cmd_vcont_query);
GSTUB_HANDLER(gstub_cmd_vcont);
GSTUB_HANDLER(gstub_cmd_vctrlc);
GSTUB_HANDLER(gstub_cmd_set_thread);
GSTUB_HANDLER(gstub_cmd_current_thread);
GSTUB_HANDLER(gstub_cmd_thread_info_first);
GSTUB_HANDLER(gstub_cmd_thread_info_next);
GSTUB_HANDLER(gstub_cmd_thread_alive);
GSTUB_HANDLER(gstub_cmd_thread_extra_info);
GSTUB_HANDLER(gstub_cmd_xfer_features);
GSTUB_HANDLER(gstub_cmd_xfer_threads);
GSTUB_HANDLER(gstub_cmd_insert_bp);
GSTUB_HANDLER(gstub_cmd_remove_bp);
GSTUB_HANDLER(gstub_cmd_monitor);
GSTUB_HANDLER(gstub_cmd_catch_syscalls);

#endif
