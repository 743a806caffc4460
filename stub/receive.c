/*
 * The receive state machine: `$payload#cs` framing, acks, run-length
 * decoding and Ctrl-C. Bytes may arrive split anywhere. The payload is kept
 * as gdb sent it apart from run-length expansion; binary escapes are undone
 * by the X handler, which alone needs them.
 */
#include "internal.h"

enum {
	RX_IDLE,  /* between packets: '+', '-', 0x03, '$' */
	RX_DATA,  /* inside $...# */
	RX_CSUM1, /* first checksum digit */
	RX_CSUM2, /* second checksum digit */
};

static void store(struct gstub *g, uint8_t c)
{
	/* one byte stays free for the NUL the handlers may rely on */
	if (g->rx_len + 1 < g->rx_cap)
		g->rx_buf[g->rx_len++] = c;
	else
		g->rx_dropped++;
}

static void log_received(struct gstub *g)
{
	struct gstub_log_line l;

	if (!gstub_log_on(g))
		return;
	gstub_log_begin(&l, g, "[remote] Packet received: ", true);
	gstub_log_bytes(&l, g->rx_buf, g->rx_len);
	gstub_log_add_omitted(&l, g->rx_dropped);
	gstub_log_end(&l);
}

static void log_bad_checksum(struct gstub *g)
{
	struct gstub_log_line l;
	char nums[] = "Bad checksum, sentsum=0x00, csum=0x00, buf=";

	if (!gstub_log_on(g))
		return;
	nums[24] = gstub_hex_digit(g->rx_csum_got >> 4);
	nums[25] = gstub_hex_digit(g->rx_csum_got);
	nums[35] = gstub_hex_digit(g->rx_csum >> 4);
	nums[36] = gstub_hex_digit(g->rx_csum);
	gstub_log_begin(&l, g, "[remote] ", false);
	gstub_log_plain(&l, nums);
	l.limit = g->log_max_chars < 0 ? SIZE_MAX : (size_t)g->log_max_chars;
	gstub_log_bytes(&l, g->rx_buf, g->rx_len);
	gstub_log_add_omitted(&l, g->rx_dropped);
	gstub_log_end(&l);
}

static void reply_error(struct gstub *g, int err)
{
	gstub_out_error(g, err);
	gstub_send_reply(g);
}

static void packet_done(struct gstub *g)
{
	bool good = g->rx_csum == g->rx_csum_got;

	g->rx_state = RX_IDLE;
	if (!good) {
		/* NACK it; without acks drop it: acting on a damaged packet
		 * (an M with a flipped bit) would be a silent wrong value */
		log_bad_checksum(g);
		if (!g->no_ack)
			gstub_send_ack(g, false);
		return;
	}
	log_received(g);
	if (!g->no_ack)
		gstub_send_ack(g, true);
	if (g->rx_dropped) {
		/* Never NACK an overlong packet: gdb resends a NACKed packet
		 * forever. It gets an error reply instead. */
		reply_error(g, GSTUB_EMSGSIZE);
		return;
	}
	if (g->rx_bad_rle) {
		reply_error(g, GSTUB_EPROTO);
		return;
	}
	g->rx_buf[g->rx_len] = 0;
	gstub_dispatch(g, (char *)g->rx_buf, g->rx_len);
}

static void start_packet(struct gstub *g)
{
	g->rx_state = RX_DATA;
	g->rx_len = 0;
	g->rx_dropped = 0;
	g->rx_csum = 0;
	g->rx_rle = false;
	g->rx_bad_rle = false;
}

/* The byte after '*': a repeat count of (c - 29) copies of the last byte.
 * Copies past the buffer are counted as dropped like any other byte. */
static void run_length(struct gstub *g, uint8_t c)
{
	size_t n;

	g->rx_rle = false;
	if (c < ' ' || c > '~' || g->rx_len == 0) {
		g->rx_bad_rle = true;
		return;
	}
	for (n = (size_t)c - 29; n; n--)
		store(g, g->rx_buf[g->rx_len - 1]);
}

static void idle_byte(struct gstub *g, uint8_t c)
{
	switch (c) {
	case '+':
		gstub_log_message(g, "Received Ack");
		break;
	case '-':
		gstub_log_message(g, "Received Nak");
		if (!g->no_ack)
			gstub_resend_reply(g);
		break;
	case 0x03:
		if (g->running) {
			gstub_log_message(g, "Received interrupt (Ctrl-C)");
			gstub_step_interrupt(g);
			g->cfg.ops->interrupt(g->cfg.target_ctx);
		} else {
			/* gdb sends 0x03 when it believes the target runs; in
			 * gdb's own step loop (range stepping off) that is
			 * often just after a step's stop reply. Answering now
			 * would give gdb two replies; dropping it would lose
			 * the user's Ctrl-C. It waits for the next resume. */
			gstub_log_message(g, "Received interrupt (Ctrl-C) while stopped: delivered at the next resume");
			g->interrupt_pending = true;
		}
		break;
	default:
		break; /* line noise between packets */
	}
}

/* A byte that cannot be a checksum digit counts as a wrong checksum. */
static void checksum_cut_short(struct gstub *g)
{
	g->rx_csum_got = (uint8_t)~g->rx_csum;
	packet_done(g);
}

static void feed_byte(struct gstub *g, uint8_t c)
{
	int d;

	if (c == '$') {
		/* a packet starts, or gdb started over */
		if (g->rx_state >= RX_CSUM1)
			checksum_cut_short(g);
		start_packet(g);
		return;
	}
	switch (g->rx_state) {
	case RX_IDLE:
		idle_byte(g, c);
		break;
	case RX_DATA:
		if (c == '#') {
			if (g->rx_rle)
				g->rx_bad_rle = true;
			g->rx_state = RX_CSUM1;
		} else {
			g->rx_csum = (uint8_t)(g->rx_csum + c);
			if (g->rx_rle)
				run_length(g, c);
			else if (c == '*')
				g->rx_rle = true;
			else
				store(g, c);
		}
		break;
	default: /* RX_CSUM1, RX_CSUM2 */
		d = gstub_hex_digit_value(c);
		if (d < 0) {
			checksum_cut_short(g);
		} else if (g->rx_state == RX_CSUM1) {
			g->rx_csum_got = (uint8_t)(d << 4);
			g->rx_state = RX_CSUM2;
		} else {
			g->rx_csum_got = (uint8_t)(g->rx_csum_got | d);
			packet_done(g);
		}
		break;
	}
}

void gstub_feed(struct gstub *g, const void *data, size_t len)
{
	const uint8_t *d = data;
	size_t i;

	for (i = 0; i < len; i++)
		feed_byte(g, d[i]);
}
