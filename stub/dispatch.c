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

struct row {
	const char *prefix;
	int (*handler)(struct gstub *g, char *args, size_t len);
	unsigned flags;
};

/* Sorted by prefix (byte order); the longest matching prefix wins. A
 * feature the build leaves out (gstub/config.h) has no row: its packets
 * get the empty reply. */
static const struct row rows[] = {
	{ "?", gstub_cmd_stop_reason, ROW_RESUMES | ROW_WHILE_RUNNING | ROW_EXACT },
	{ "C", gstub_cmd_continue_sig, ROW_RESUMES },
	{ "D", gstub_cmd_detach, 0 },
	{ "G", gstub_cmd_write_regs, 0 },
	{ "H", gstub_cmd_set_thread, ROW_WHILE_RUNNING },
	{ "M", gstub_cmd_write_mem_hex, 0 },
	{ "P", gstub_cmd_write_reg, 0 },
#if GSTUB_CONFIG_SYSCALL_CATCH
	{ "QCatchSyscalls:", gstub_cmd_catch_syscalls, 0 },
#endif
	{ "QStartNoAckMode", gstub_cmd_start_noack, ROW_WHILE_RUNNING | ROW_EXACT },
	{ "S", gstub_cmd_step_sig, ROW_RESUMES },
	{ "T", gstub_cmd_thread_alive, 0 },
	{ "X", gstub_cmd_write_mem_bin, 0 },
	{ "Z", gstub_cmd_insert_bp, 0 },
	{ "c", gstub_cmd_continue, ROW_RESUMES },
	{ "g", gstub_cmd_read_regs, ROW_EXACT },
	{ "k", gstub_cmd_kill, ROW_WHILE_RUNNING | ROW_EXACT },
	{ "m", gstub_cmd_read_mem, 0 },
	{ "p", gstub_cmd_read_reg, 0 },
	{ "qAttached", gstub_cmd_attached, ROW_WHILE_RUNNING },
	{ "qC", gstub_cmd_current_thread, ROW_EXACT },
#if GSTUB_CONFIG_MONITOR
	{ "qRcmd,", gstub_cmd_monitor, 0 },
#endif
	{ "qSupported", gstub_cmd_query_supported, ROW_WHILE_RUNNING },
	{ "qSymbol:", gstub_cmd_symbol, ROW_WHILE_RUNNING },
#if GSTUB_CONFIG_THREADS
	{ "qThreadExtraInfo,", gstub_cmd_thread_extra_info, 0 },
#endif
	{ "qXfer:features:read:", gstub_cmd_xfer_features, ROW_WHILE_RUNNING },
#if GSTUB_CONFIG_THREADS
	{ "qXfer:threads:read:", gstub_cmd_xfer_threads, 0 },
#endif
	{ "qfThreadInfo", gstub_cmd_thread_info_first, ROW_EXACT },
	{ "qsThreadInfo", gstub_cmd_thread_info_next, ROW_EXACT },
	{ "s", gstub_cmd_step, ROW_RESUMES },
#if GSTUB_CONFIG_VCONT
	{ "vCont", gstub_cmd_vcont, ROW_RESUMES },
	{ "vCont?", gstub_cmd_vcont_query, ROW_EXACT },
#endif
	{ "vCtrlC", gstub_cmd_vctrlc, ROW_WHILE_RUNNING | ROW_EXACT },
	{ "vKill;", gstub_cmd_vkill, ROW_WHILE_RUNNING },
	{ "vMustReplyEmpty", gstub_cmd_must_reply_empty, ROW_WHILE_RUNNING | ROW_EXACT },
	{ "z", gstub_cmd_remove_bp, 0 },
};

static const struct row *find_row(const char *pkt, size_t len)
{
	const struct row *best = NULL;
	size_t best_len = 0, i;

	for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t n = gstub_strlen(rows[i].prefix);

		if (n > len || memcmp(rows[i].prefix, pkt, n) != 0)
			continue;
		if ((rows[i].flags & ROW_EXACT) && n != len)
			continue;
		if (n > best_len) {
			best = &rows[i];
			best_len = n;
		}
	}
	return best;
}

void gstub_dispatch(struct gstub *g, char *pkt, size_t len)
{
	const struct row *row = find_row(pkt, len);
	size_t n;
	int st;

	gstub_out_reset(g);
	if (!row) {
		st = GSTUB_REPLY_UNSUPPORTED;
	} else if (g->running && !(row->flags & ROW_WHILE_RUNNING)) {
		st = GSTUB_EBUSY;
	} else {
		n = gstub_strlen(row->prefix);
		st = row->handler(g, pkt + n, len - n);
	}

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
