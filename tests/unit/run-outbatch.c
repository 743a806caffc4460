/*
 * gstub-run's output batch: what the engine writes reaches the connection
 * in one piece per turn, exactly as written and in order, however it was
 * split and however full the batch got. (Long replies are run-length
 * encoded by the engine: tests/unit/engine-rle.c.)
 */
#include "debugger.h"
#include "tap.h"

#include <stdlib.h>

/* The connection: everything the batch sends, and how many writes. */
static unsigned char *wire;
static size_t wire_len, wire_cap;
static unsigned wire_writes;

void gstub_server_write(void *server, const void *data, size_t len)
{
	(void)server;
	if (wire_len + len > wire_cap) {
		wire_cap = 2 * (wire_len + len);
		wire = realloc(wire, wire_cap);
		if (!wire)
			abort();
	}
	memcpy(wire + wire_len, data, len);
	wire_len += len;
	wire_writes++;
}

static void wire_reset(void)
{
	wire_len = 0;
	wire_writes = 0;
}

static struct grun_out_batch batch;

static unsigned checksum(const char *p, size_t n)
{
	unsigned s = 0;
	for (size_t i = 0; i < n; i++)
		s += (unsigned char)p[i];
	return s & 0xff;
}

/* The engine's way: "$", the payload, "#xx" in three writes. */
static void send_frame(const char *payload, size_t n)
{
	char tail[4];
	snprintf(tail, sizeof tail, "#%02x", checksum(payload, n));
	grun_out_write(&batch, "$", 1);
	grun_out_write(&batch, payload, n);
	grun_out_write(&batch, tail, 3);
}

/* The same frame a byte at a time. */
static void send_frame_bytewise(const char *payload, size_t n)
{
	char tail[4];
	snprintf(tail, sizeof tail, "#%02x", checksum(payload, n));
	grun_out_write(&batch, "$", 1);
	for (size_t i = 0; i < n; i++)
		grun_out_write(&batch, payload + i, 1);
	for (int i = 0; i < 3; i++)
		grun_out_write(&batch, tail + i, 1);
}

/* Reads the wire back as gdb does. The next item at *pos: an ack (its
 * character in *out) or a frame (expanded payload in out, its length in
 * *n). Returns 'a', 'f', or 0 on a bad frame / the end. bad_count says
 * whether a forbidden count character was seen. */
static int next_item(size_t *pos, char *out, size_t cap, size_t *n,
		     bool *bad_count)
{
	size_t p = *pos, o = 0;
	unsigned sum = 0;
	char cs[3];
	if (p >= wire_len)
		return 0;
	if (wire[p] == '+' || wire[p] == '-') {
		out[0] = (char)wire[p];
		*pos = p + 1;
		return 'a';
	}
	if (wire[p++] != '$')
		return 0;
	while (p < wire_len && wire[p] != '#') {
		unsigned char c = wire[p++];
		sum += c;
		if (c == '*') {
			if (p >= wire_len || o == 0)
				return 0;
			unsigned char k = wire[p++];
			sum += k;
			if (k == '#' || k == '$' || k == '+' || k == '-' ||
			    k == '}' || k < 32 || k > 126)
				*bad_count = true;
			for (int r = k - 29; r > 0 && o < cap; r--, o++)
				out[o] = out[o - 1];
			continue;
		}
		if (o < cap)
			out[o++] = (char)c;
	}
	if (p + 3 > wire_len)
		return 0;
	memcpy(cs, wire + p + 1, 2);
	cs[2] = '\0';
	if (strtoul(cs, NULL, 16) != (sum & 0xff))
		return 0;
	*pos = p + 3;
	*n = o;
	return 'f';
}

static char expanded[1 << 20];

/* One frame on the wire from pos, expanding to want[0..n). */
static bool frame_is(size_t *pos, const char *want, size_t n, bool *bad)
{
	size_t got = 0;
	return next_item(pos, expanded, sizeof expanded, &got, bad) == 'f' &&
	       got == n && memcmp(expanded, want, n) == 0;
}

/* Hex digits with runs of every length up to 300 of several digits. */
static size_t make_runs(char *p)
{
	size_t n = 0;
	for (unsigned len = 1; len <= 300; len++)
		for (unsigned k = 0; k < len; k++)
			p[n++] = "0f3"[len % 3];
	return n;
}

int main(void)
{
	static char big[1 << 19];
	size_t pos = 0, n;
	bool bad = false;

	batch.srv = NULL;
	grun_out_drop(&batch);

	grun_out_flush(&batch);
	ok(wire_writes == 0, "nothing held: flush writes nothing");

	send_frame("OK", 2);
	ok(wire_writes == 0, "a reply is held until the loop flushes");
	grun_out_flush(&batch);
	ok(wire_writes == 1 && wire_len == 6 && memcmp(wire, "$OK#9a", 6) == 0,
	   "short reply: one write, exactly as the engine made it");

	wire_reset();
	grun_out_write(&batch, "+", 1);
	memset(big, '0', 64);
	send_frame(big, 64);
	grun_out_flush(&batch);
	pos = 0;
	ok(wire_writes == 1 && next_item(&pos, expanded, 8, &n, &bad) == 'a' &&
		   expanded[0] == '+',
	   "ack then reply in one write, the ack first");
	ok(wire_len == 1 + 1 + 64 + 3, "hex reply as the engine made it");

	wire_reset();
	n = make_runs(big);
	send_frame_bytewise(big, n);
	grun_out_flush(&batch);
	pos = 0;
	ok(wire_writes == 1 && wire_len == n + 4 && frame_is(&pos, big, n, &bad) &&
		   !bad,
	   "a long reply written a byte at a time: one write, as it was");

	wire_reset();
	memset(big, ' ', 8000);
	big[0] = 'l';
	send_frame(big, 8000);
	grun_out_flush(&batch);
	ok(wire_len == 8004 && memcmp(wire + 1, big, 8000) == 0,
	   "long text reply sent as it is");

	/* More frames in one turn than the batch holds: each arrives whole
	 * and in order, though the batch filled up inside one. */
	wire_reset();
	for (size_t i = 0; i < 200000; i++)
		big[i] = "0123456789abcdef"[i % 16];
	for (unsigned i = 0; i < 5; i++) {
		big[i] = 'f'; /* each one different */
		send_frame(big, 200000);
		grun_out_write(&batch, "+", 1);
	}
	grun_out_flush(&batch);
	pos = 0;
	bool all = true;
	for (size_t i = 0; i < 200000; i++)
		big[i] = "0123456789abcdef"[i % 16];
	for (unsigned i = 0; i < 5; i++) {
		big[i] = 'f';
		all = all && frame_is(&pos, big, 200000, &bad) &&
		      next_item(&pos, expanded, 8, &n, &bad) == 'a';
	}
	ok(all && !bad && pos == wire_len && wire_writes > 1,
	   "five 200 KB replies in one turn arrive whole and in order");

	/* The largest reply the engine makes (half the packet buffer, less
	 * one) of digits that do not repeat: it fits and goes out as is. */
	wire_reset();
	n = GRUN_PACKET_BUF_SIZE / 2 - 1;
	for (size_t i = 0; i < n; i++)
		big[i] = "0123456789abcdef"[i % 16];
	send_frame(big, n);
	grun_out_flush(&batch);
	pos = 0;
	ok(wire_writes == 1 && wire_len == n + 4 && frame_is(&pos, big, n, &bad),
	   "the largest reply fits, one write");

	wire_reset();
	send_frame("OK", 2);
	grun_out_drop(&batch);
	grun_out_flush(&batch);
	ok(wire_writes == 0, "dropped output is never sent");

	free(wire);
	return tap_done();
}
