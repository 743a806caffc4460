/*
 * The reply area: handlers append to it, one place frames and sends it, and
 * it stays there so that a '-' from gdb can have it again.
 */
#include "internal.h"

void gstub_out_reset(struct gstub *g)
{
	g->tx_len = 0;
	g->tx_overflow = false;
	g->tx_kept = false;
}

size_t gstub_out_room(const struct gstub *g)
{
	return g->tx_cap - g->tx_len;
}

uint8_t *gstub_out_reserve(struct gstub *g, size_t n)
{
	uint8_t *p;

	if (n > gstub_out_room(g)) {
		g->tx_overflow = true;
		return NULL;
	}
	p = g->tx_buf + g->tx_len;
	g->tx_len += n;
	return p;
}

void gstub_out_mem(struct gstub *g, const void *data, size_t len)
{
	uint8_t *p = gstub_out_reserve(g, len);

	if (p && len)
		memcpy(p, data, len);
}

void gstub_out_char(struct gstub *g, char c)
{
	gstub_out_mem(g, &c, 1);
}

void gstub_out_str(struct gstub *g, const char *s)
{
	gstub_out_mem(g, s, gstub_strlen(s));
}

void gstub_out_hex_bytes(struct gstub *g, const void *data, size_t len)
{
	const uint8_t *d = data;
	uint8_t *p = gstub_out_reserve(g, 2 * len);
	size_t i;

	if (!p)
		return;
	for (i = 0; i < len; i++) {
		p[2 * i] = (uint8_t)gstub_hex_digit(d[i] >> 4);
		p[2 * i + 1] = (uint8_t)gstub_hex_digit(d[i]);
	}
}

void gstub_out_hex_byte(struct gstub *g, unsigned v)
{
	uint8_t b = (uint8_t)v;

	gstub_out_hex_bytes(g, &b, 1);
}

void gstub_out_hex_u64(struct gstub *g, uint64_t v)
{
	char digits[16];
	int n = 0;

	do {
		digits[n++] = gstub_hex_digit((unsigned)(v & 15));
		v >>= 4;
	} while (v);
	while (n)
		gstub_out_char(g, digits[--n]);
}

void gstub_out_tid(struct gstub *g, gstub_tid tid)
{
	if (tid < 0)
		gstub_out_str(g, "-1");
	else
		gstub_out_hex_u64(g, (uint64_t)tid);
}

static uint8_t checksum(const uint8_t *p, size_t len)
{
	unsigned sum = 0;

	while (len--)
		sum += *p++;
	return (uint8_t)sum;
}

/* Frames and writes tx_buf[0..tx_len) (the log line first, as gdb does). */
static void write_frame(struct gstub *g)
{
	uint8_t cs = checksum(g->tx_buf, g->tx_len);
	char tail[3] = { '#', gstub_hex_digit(cs >> 4), gstub_hex_digit(cs) };

	if (gstub_log_on(g)) {
		struct gstub_log_line l;

		gstub_log_begin(&l, g, "[remote] Sending packet: ", true);
		gstub_log_bytes(&l, "$", 1);
		gstub_log_bytes(&l, g->tx_buf, g->tx_len);
		gstub_log_bytes(&l, tail, sizeof tail);
		gstub_log_end(&l);
	}
	g->cfg.write(g->cfg.write_ctx, "$", 1);
	if (g->tx_len)
		g->cfg.write(g->cfg.write_ctx, g->tx_buf, g->tx_len);
	g->cfg.write(g->cfg.write_ctx, tail, sizeof tail);
}

void gstub_send_reply(struct gstub *g)
{
	if (g->tx_overflow) {
		/* A handler asked for more than the reply area holds: its
		 * checks should prevent this, but never send a cut reply. */
		g->tx_len = 0;
		g->tx_overflow = false;
		gstub_out_char(g, 'E');
		gstub_out_char(g, (char)('0' + (-GSTUB_EMSGSIZE) / 10));
		gstub_out_char(g, (char)('0' + (-GSTUB_EMSGSIZE) % 10));
	}
	write_frame(g);
	g->tx_kept = !g->no_ack;
}

void gstub_resend_reply(struct gstub *g)
{
	if (g->tx_kept)
		write_frame(g);
}

void gstub_send_console(struct gstub *g, const void *text, size_t len)
{
	const uint8_t *t = text;
	/* 'O' and two hex digits per byte */
	size_t per = (g->tx_cap - 1) / 2;

	while (len) {
		size_t n = len < per ? len : per;

		gstub_out_reset(g);
		gstub_out_char(g, 'O');
		gstub_out_hex_bytes(g, t, n);
		gstub_send_reply(g);
		t += n;
		len -= n;
	}
}

void gstub_send_ack(struct gstub *g, bool ok)
{
	gstub_log_message(g, ok ? "Sending Ack" : "Sending Nak");
	g->cfg.write(g->cfg.write_ctx, ok ? "+" : "-", 1);
}
