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

	if (p) /* every caller's data is a real buffer, even for 0 bytes */
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
	uint8_t *p = gstub_out_reserve(g, 2 * len);

	if (p)
		gstub_hex_encode(data, len, p);
}

void gstub_out_hex_byte(struct gstub *g, unsigned v)
{
	uint8_t b = (uint8_t)v;

	gstub_out_hex_bytes(g, &b, 1);
}

void gstub_out_hex_u64(struct gstub *g, uint64_t v)
{
	char digits[16];

	gstub_out_mem(g, digits, gstub_format_hex(v, digits));
}

void gstub_out_tid(struct gstub *g, gstub_tid tid)
{
	char text[GSTUB_TID_TEXT_MAX];

	gstub_out_mem(g, text, gstub_format_tid(g, tid, text));
}

/* errno in two decimal digits, as gdbserver sends it */
void gstub_out_error(struct gstub *g, int err)
{
	unsigned e = err < 0 ? (unsigned)-err : (unsigned)-GSTUB_EPROTO;
	char text[3];

	if (e > 99)
		e = 99;
	text[0] = 'E';
	text[1] = (char)('0' + e / 10);
	text[2] = (char)('0' + e % 10);
	gstub_out_reset(g);
	gstub_out_mem(g, text, sizeof text);
}

static uint8_t checksum(const uint8_t *p, size_t len)
{
	unsigned sum = 0;

	while (len--)
		sum += *p++;
	return (uint8_t)sum;
}

/* A run at p[i] of a compressed reply: '*' after a character, then a
 * count character gdb reads (29 + 1..97 more copies). */
static bool run_at(const uint8_t *p, size_t i, size_t n)
{
	return p[i] == '*' && i > 0 && i + 1 < n && p[i + 1] >= 29 + 1 &&
	       p[i + 1] <= 29 + 97;
}

/* The log line of the reply in tx_buf as gdb reads it: a compressed one
 * with its runs expanded again, and the checksum of that. (A reply never
 * carries a '*' but as a run: gdb would take it for one.) */
static void log_frame(struct gstub *g)
{
	struct gstub_log_line l;
	const uint8_t *p = g->tx_buf;
	size_t i = 0, n = g->tx_len;
	bool compressed = g->cfg.compress_reply != NULL;
	unsigned sum = 0;
	char tail[3];

	gstub_log_begin(&l, g, "[remote] Sending packet: ", true);
	gstub_log_bytes(&l, "$", 1);
	while (i < n) {
		uint8_t copies[97];
		size_t plain = i, k;

		while (plain < n && !(compressed && run_at(p, plain, n)))
			plain++;
		gstub_log_bytes(&l, p + i, plain - i);
		sum += checksum(p + i, plain - i);
		if (plain == n)
			break;
		k = (size_t)p[plain + 1] - 29;
		memset(copies, p[plain - 1], k);
		gstub_log_bytes(&l, copies, k);
		sum += (unsigned)p[plain - 1] * (unsigned)k;
		i = plain + 2;
	}
	tail[0] = '#';
	tail[1] = gstub_hex_digit((sum >> 4) & 15);
	tail[2] = gstub_hex_digit(sum & 15);
	gstub_log_bytes(&l, tail, sizeof tail);
	gstub_log_end(&l);
}

/* Frames and writes tx_buf[0..tx_len) (the log line first, as gdb does). */
static void write_frame(struct gstub *g)
{
	uint8_t cs = checksum(g->tx_buf, g->tx_len);
	char tail[3] = { '#', gstub_hex_digit(cs >> 4), gstub_hex_digit(cs) };

	if (gstub_log_on(g))
		log_frame(g);
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
		gstub_out_error(g, GSTUB_EMSGSIZE);
	}
	/* In place, once: a resend after '-' is this same frame. */
	if (g->cfg.compress_reply)
		g->tx_len = g->cfg.compress_reply(g->tx_buf, g->tx_len);
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
