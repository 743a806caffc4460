/*
 * The command table and the one place that turns a handler's status into a
 * reply: OK, Exx (errno in two decimal digits), the empty reply, data, or
 * nothing while the target runs.
 */
#include "internal.h"

/* The row's packet may start the target; its answer is a stop reply. */
#define ROW_RESUMES (1u << 0)
/* Allowed while the target runs (gdb reconnecting to a running target). */
#define ROW_WHILE_RUNNING (1u << 1)
/* The packet must be exactly the prefix. */
#define ROW_EXACT (1u << 2)

/* A feature the build leaves out (gstub/config.h) has no row: its packets
 * get the empty reply. */
#if GSTUB_CONFIG_SYSCALL_CATCH
#define CATCH_ROWS(ROW) ROW("QCatchSyscalls:", gstub_cmd_catch_syscalls, 0)
#else
#define CATCH_ROWS(ROW)
#endif
#if GSTUB_CONFIG_MONITOR
#define MONITOR_ROWS(ROW) ROW("qRcmd,", gstub_cmd_monitor, 0)
#else
#define MONITOR_ROWS(ROW)
#endif
#if GSTUB_CONFIG_THREADS
#define THREAD_INFO_ROWS(ROW) \
	ROW("qThreadExtraInfo,", gstub_cmd_thread_extra_info, 0)
#define THREAD_LIST_ROWS(ROW) \
	ROW("qXfer:threads:read:", gstub_cmd_xfer_threads, 0)
#else
#define THREAD_INFO_ROWS(ROW)
#define THREAD_LIST_ROWS(ROW)
#endif
#if GSTUB_CONFIG_VCONT
#define VCONT_ROWS(ROW)                                  \
	ROW("vCont", gstub_cmd_vcont, ROW_RESUMES)       \
	ROW("vCont?", gstub_cmd_vcont_query, ROW_EXACT)
#else
#define VCONT_ROWS(ROW)
#endif

/* One ROW(prefix, handler, flags) per packet, sorted by prefix (byte
 * order); the longest matching prefix wins. The table is three parallel
 * arrays made from this one list, so they cannot disagree: the prefixes
 * in one string, the handlers, the flags (rows of a prefix pointer, a
 * handler and flags took three times the room). */
#define ROWS(ROW)                                                              \
	ROW("?", gstub_cmd_stop_reason,                                        \
	    ROW_RESUMES | ROW_WHILE_RUNNING | ROW_EXACT)                       \
	ROW("C", gstub_cmd_continue_sig, ROW_RESUMES)                          \
	ROW("D", gstub_cmd_detach, 0)                                          \
	ROW("G", gstub_cmd_write_regs, 0)                                      \
	ROW("H", gstub_cmd_set_thread, ROW_WHILE_RUNNING)                      \
	ROW("M", gstub_cmd_write_mem_hex, 0)                                   \
	ROW("P", gstub_cmd_write_reg, 0)                                       \
	CATCH_ROWS(ROW)                                                        \
	ROW("QStartNoAckMode", gstub_cmd_start_noack,                          \
	    ROW_WHILE_RUNNING | ROW_EXACT)                                     \
	ROW("S", gstub_cmd_step_sig, ROW_RESUMES)                              \
	ROW("T", gstub_cmd_thread_alive, 0)                                    \
	ROW("X", gstub_cmd_write_mem_bin, 0)                                   \
	ROW("Z", gstub_cmd_insert_bp, 0)                                       \
	ROW("c", gstub_cmd_continue, ROW_RESUMES)                              \
	ROW("g", gstub_cmd_read_regs, ROW_EXACT)                               \
	ROW("k", gstub_cmd_kill, ROW_WHILE_RUNNING | ROW_EXACT)                \
	ROW("m", gstub_cmd_read_mem, 0)                                        \
	ROW("p", gstub_cmd_read_reg, 0)                                        \
	ROW("qAttached", gstub_cmd_attached, ROW_WHILE_RUNNING)                \
	ROW("qC", gstub_cmd_current_thread, ROW_EXACT)                         \
	MONITOR_ROWS(ROW)                                                      \
	ROW("qSupported", gstub_cmd_query_supported, ROW_WHILE_RUNNING)        \
	ROW("qSymbol:", gstub_cmd_symbol, ROW_WHILE_RUNNING)                   \
	THREAD_INFO_ROWS(ROW)                                                  \
	ROW("qXfer:features:read:", gstub_cmd_xfer_features,                   \
	    ROW_WHILE_RUNNING)                                                 \
	THREAD_LIST_ROWS(ROW)                                                  \
	ROW("qfThreadInfo", gstub_cmd_thread_info_first, ROW_EXACT)            \
	ROW("qsThreadInfo", gstub_cmd_thread_info_next, ROW_EXACT)             \
	ROW("s", gstub_cmd_step, ROW_RESUMES)                                  \
	VCONT_ROWS(ROW)                                                        \
	ROW("vCtrlC", gstub_cmd_vctrlc, ROW_WHILE_RUNNING | ROW_EXACT)         \
	ROW("vKill;", gstub_cmd_vkill, ROW_WHILE_RUNNING)                      \
	ROW("vMustReplyEmpty", gstub_cmd_must_reply_empty,                     \
	    ROW_WHILE_RUNNING | ROW_EXACT)                                     \
	ROW("z", gstub_cmd_remove_bp, 0)

/* The prefixes one after another, each ended by its NUL. */
#define PREFIX_OF(prefix, handler, flags) prefix "\0"
static const char prefixes[] = ROWS(PREFIX_OF);

#define HANDLER_OF(prefix, handler, flags) handler,
static int (*const handlers[])(struct gstub *g, char *args, size_t len) = {
	ROWS(HANDLER_OF)
};

#define FLAGS_OF(prefix, handler, flags) flags,
static const uint8_t row_flags[] = { ROWS(FLAGS_OF) };

#define ROW_COUNT (sizeof handlers / sizeof handlers[0])

/* The row of the longest prefix that matches, or -1; *plen: its length. */
static int find_row(const char *pkt, size_t len, size_t *plen)
{
	const char *prefix = prefixes;
	int best = -1;
	size_t i, n;

	*plen = 0;
	for (i = 0; i < ROW_COUNT; i++, prefix += n + 1) {
		n = gstub_strlen(prefix);
		if (n > len || memcmp(prefix, pkt, n) != 0)
			continue;
		if ((row_flags[i] & ROW_EXACT) && n != len)
			continue;
		if (n > *plen) {
			best = (int)i;
			*plen = n;
		}
	}
	return best;
}

void gstub_dispatch(struct gstub *g, char *pkt, size_t len)
{
	size_t n;
	int row = find_row(pkt, len, &n);
	int st;

	gstub_out_reset(g);
	if (row < 0)
		st = GSTUB_REPLY_UNSUPPORTED;
	else if (g->running && !(row_flags[row] & ROW_WHILE_RUNNING))
		st = GSTUB_EBUSY;
	else
		st = handlers[row](g, pkt + n, len - n);

	switch (st) {
	case GSTUB_REPLY_OK:
		gstub_out_reset(g);
		gstub_out_str(g, "OK");
		break;
	case GSTUB_REPLY_DATA:
		break;
	case GSTUB_REPLY_UNSUPPORTED:
		gstub_out_reset(g);
		break;
	case GSTUB_REPLY_PENDING:
	case GSTUB_REPLY_NONE:
		return;
	default:
		gstub_out_error(g, st);
		break;
	}
	gstub_send_reply(g);

	if (g->detach_pending) {
		/* D is answered first: the program then runs free */
		g->detach_pending = false;
		if (g->cfg.ops->detach)
			g->cfg.ops->detach(g->cfg.target_ctx);
	}
}
