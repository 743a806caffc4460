/* Setting a stub up, connections coming and going, and the small calls. */
#include "internal.h"

static bool ops_complete(const struct gstub_target_ops *ops)
{
	return ops && ops->version >= 1 &&
	       ops->version <= GSTUB_TARGET_OPS_VERSION && ops->read_reg &&
	       ops->write_reg && ops->read_mem && ops->write_mem &&
	       ops->resume && ops->interrupt;
}

int gstub_init(struct gstub *g, const struct gstub_config *cfg)
{
	size_t half, need;
	int err;

	if (!g || !cfg || !ops_complete(cfg->ops) || !cfg->tdesc ||
	    !cfg->write || !cfg->packet_buf || cfg->pid < 0)
		return GSTUB_EINVAL;
	memset(g, 0, sizeof *g);
	g->cfg = *cfg;

	/* Half for the packet coming in, half for the reply kept for a
	 * resend. Each half must hold a whole register set in hex: `g`
	 * replies on one side, `G` packets (plus 'G' and a NUL) on the
	 * other. An odd last byte stays unused. */
	half = cfg->packet_buf_size / 2;
	need = 2 * (size_t)cfg->tdesc->g_size + 2;
	if (need < GSTUB_MIN_REPLY)
		need = GSTUB_MIN_REPLY;
	if (half < need)
		return GSTUB_ENOMEM;
	g->rx_buf = cfg->packet_buf;
	g->rx_cap = half;
	g->tx_buf = g->rx_buf + half;
	/* no reply is longer than the PacketSize we advertise */
	g->tx_cap = half - 1;

	gstub_set_log_max_chars(g, cfg->log_max_chars ? cfg->log_max_chars
						      : GSTUB_LOG_DEFAULT_CHARS);
	g->log_enabled = cfg->log_enabled;
	err = gstub_sve_init(g);
	if (err)
		return err;
	gstub_reset_connection(g);
	return 0;
}

void gstub_reset_connection(struct gstub *g)
{
	gstub_swbreak_remove_all(g);
	gstub_step_reset(g);
	gstub_catch_reset(g);
	g->interrupt_pending = false;
	g->rx_state = 0;
	g->rx_len = 0;
	g->rx_dropped = 0;
	g->tx_len = 0;
	g->tx_kept = false;
	g->tx_overflow = false;
	g->no_ack = false;
	/* a running target keeps running; nobody waits for its stop now */
	g->waiting = false;
	g->in_monitor = false;
	g->detach_pending = false;
	g->gdb_features = 0;
	g->g_tid = GSTUB_TID_ANY;
	g->c_tid = GSTUB_TID_ANY;
	g->thread_iter = 0;
}

bool gstub_is_running(const struct gstub *g)
{
	return g->running;
}

int gstub_console_output(struct gstub *g, const void *text, size_t len)
{
	if (!g->running || !g->waiting)
		return GSTUB_EBUSY;
	gstub_send_console(g, text, len);
	return 0;
}

int gstub_monitor_print(struct gstub *g, const char *text, size_t len)
{
	if (!g->in_monitor)
		return GSTUB_EINVAL;
	gstub_send_console(g, text, len);
	return 0;
}

void gstub_set_log_max_chars(struct gstub *g, long n)
{
	g->log_max_chars = n < 0 ? -1 : n;
}

long gstub_get_log_max_chars(const struct gstub *g)
{
	return g->log_max_chars;
}

void gstub_set_log_enabled(struct gstub *g, bool on)
{
	g->log_enabled = on;
}
