/*
 * The engine's output on its way to gdb: held until the run loop gets
 * control back, then sent in one write, long hex replies run-length
 * encoded.
 *
 * One write: the engine writes a reply in pieces ("$", the payload, "#xx");
 * with TCP_NODELAY each piece would be a segment of its own and wake gdb up
 * on its own. On loopback one write saves about a third of a round trip,
 * which stepping pays for every packet gdb sends after a stop.
 *
 * Run-length encoding of long hex replies (the '*' form of the protocol,
 * which gdb expands before it looks at a packet): a run of one character
 * becomes the character, '*' and a count character, 29 + how many more
 * copies. gdb reads a packet a character at a time, so memory full of
 * zeros comes in several times faster at 3 bytes per 98 hex digits. It is
 * done here, on whole frames, with the checksum made again: the engine's
 * packet log still shows each payload as gdb shows it once expanded.
 */
#include "debugger.h"

#include <string.h>

#define RLE_MIN 3u  /* a shorter run costs more encoded */
#define RLE_MAX 97u /* count character '~' */

/* Count characters that must not appear: the frame characters '#' and
 * '$', '+' and '-' (the protocol manual asks to avoid them), and '}'. */
static bool count_char_ok(size_t n)
{
	char c = (char)(n + 29);
	return c != '#' && c != '$' && c != '+' && c != '-' && c != '}';
}

/* Length of the run of s[0] in s[0..len), whole words at a time first. */
static size_t run_length(const unsigned char *s, size_t len)
{
	uint64_t word, same = 0x0101010101010101ull * s[0];
	size_t n = 1;
	while (n + 8 <= len) {
		memcpy(&word, s + n, 8);
		if (word != same)
			break;
		n += 8;
	}
	while (n < len && s[n] == s[0])
		n++;
	return n;
}

/* Encodes p[0..len) in place and returns the new length. A run is
 * written only after all of it was read, and never gets longer, so the
 * output never overtakes the input. */
static size_t rle_encode(unsigned char *p, size_t len)
{
	size_t r = 0, w = 0;
	while (r < len) {
		unsigned char c = p[r];
		size_t run = run_length(p + r, len - r);
		r += run;
		while (run > 0) {
			size_t k;
			p[w++] = c;
			run--;
			if (run < RLE_MIN) {
				for (; run > 0; run--)
					p[w++] = c;
				break;
			}
			k = run < RLE_MAX ? run : RLE_MAX;
			while (!count_char_ok(k))
				k--;
			p[w++] = '*';
			p[w++] = (unsigned char)(k + 29);
			run -= k;
		}
	}
	return w;
}

static const char hex_digits[] = "0123456789abcdef";

/* Which payloads are encoded: long ones of hex digits only (memory,
 * large register blocks), where nearly all the gain is. Short replies,
 * text and binary data go out as the engine made them, so a client that
 * never learnt the '*' form still reads every ordinary exchange. */
#define GRUN_RLE_MIN_PAYLOAD 4096u

static bool is_hex_digit(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Checked a run at a time: memory of zeros costs a few word compares. */
static bool worth_encoding(const unsigned char *p, size_t len)
{
	if (len < GRUN_RLE_MIN_PAYLOAD)
		return false;
	for (size_t i = 0; i < len; i += run_length(p + i, len - i))
		if (!is_hex_digit(p[i]))
			return false;
	return true;
}

/* The frame whose "#xx" just arrived: encode its payload, new checksum. */
static void encode_frame(struct grun_out_batch *b)
{
	unsigned char *payload = b->buf + b->frame_start + 1;
	size_t old_len = b->len - 3 - (b->frame_start + 1), n;
	unsigned sum = 0;
	if (!worth_encoding(payload, old_len))
		return;
	n = rle_encode(payload, old_len);
	for (size_t i = 0; i < n; i++)
		sum += payload[i];
	payload[n] = '#';
	payload[n + 1] = (unsigned char)hex_digits[(sum >> 4) & 15];
	payload[n + 2] = (unsigned char)hex_digits[sum & 15];
	b->len = b->frame_start + 1 + n + 3;
}

/* Room for len more bytes: sends what is complete, keeps a frame that is
 * not (it fits: the buffer holds the largest one). */
static void make_room(struct grun_out_batch *b, size_t len)
{
	size_t keep;
	if (len <= sizeof b->buf - b->len)
		return;
	if (b->state == GRUN_OUT_TOP) {
		grun_out_flush(b);
		return;
	}
	if (b->frame_start != GRUN_OUT_NO_FRAME) {
		gstub_server_write(b->srv, b->buf, b->frame_start);
		keep = b->len - b->frame_start;
		memmove(b->buf, b->buf + b->frame_start, keep);
		b->len = keep;
		b->frame_start = 0;
		if (len <= sizeof b->buf - b->len)
			return;
	}
	/* Larger than any reply the engine makes: it goes out as it is. */
	gstub_server_write(b->srv, b->buf, b->len);
	b->len = 0;
	b->frame_start = GRUN_OUT_NO_FRAME;
}

/* Bytes pass through a small state machine: outside frames (acks,
 * notifications) as they are; a frame from '$' to its two checksum
 * digits is encoded once complete. */
static void append(struct grun_out_batch *b, const unsigned char *p, size_t len)
{
	while (len > 0) {
		size_t n = 1;
		if (b->state == GRUN_OUT_PAYLOAD) {
			const unsigned char *hash = memchr(p, '#', len);
			n = hash ? (size_t)(hash - p) + 1 : len;
		}
		make_room(b, n);
		if (n <= sizeof b->buf - b->len) {
			memcpy(b->buf + b->len, p, n);
			b->len += n;
		} else {
			/* More than the buffer holds (no reply is): as is. */
			gstub_server_write(b->srv, p, n);
			b->frame_start = GRUN_OUT_NO_FRAME;
		}
		switch (b->state) {
		case GRUN_OUT_TOP:
			if (p[0] == '$') {
				b->frame_start = b->len - 1;
				b->state = GRUN_OUT_PAYLOAD;
			}
			break;
		case GRUN_OUT_PAYLOAD:
			if (p[n - 1] == '#')
				b->state = GRUN_OUT_SUM1;
			break;
		case GRUN_OUT_SUM1:
			b->state = GRUN_OUT_SUM2;
			break;
		case GRUN_OUT_SUM2:
			b->state = GRUN_OUT_TOP;
			if (b->frame_start != GRUN_OUT_NO_FRAME)
				encode_frame(b);
			break;
		}
		p += n;
		len -= n;
	}
}

void grun_out_write(void *ctx, const void *data, size_t len)
{
	append(ctx, data, len);
}

void grun_out_flush(struct grun_out_batch *b)
{
	if (b->len == 0 || b->state != GRUN_OUT_TOP)
		return; /* a frame is sent whole, once complete */
	gstub_server_write(b->srv, b->buf, b->len);
	b->len = 0;
	b->sent = true;
}

void grun_out_drop(struct grun_out_batch *b)
{
	b->len = 0;
	b->state = GRUN_OUT_TOP;
}
