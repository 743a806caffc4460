/*
 * Run-length encoded replies: gstub_rle_compress alone (which payloads it
 * takes, every run length, the count characters it must avoid, in place),
 * and the engine with cfg.compress_reply set (the frame gdb reads, the
 * packet log, a resend after '-').
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

#define BIG 8192 /* bytes of memory read by the engine tests */

/* Expands a payload as gdb does. Returns the expanded length, or
 * (size_t)-1 for a '*' with nothing before it or no count after it.
 * *bad_count: a count character gdb could misread was seen. */
static size_t expand(const uint8_t *p, size_t n, char *out, size_t cap,
		     bool *bad_count)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (p[i] != '*') {
			if (o < cap)
				out[o] = (char)p[i];
			o++;
			continue;
		}
		if (o == 0 || i + 1 >= n)
			return (size_t)-1;
		uint8_t k = p[++i];
		if (k == '#' || k == '$' || k == '+' || k == '-' || k == '}' ||
		    k < 32 || k > 126)
			*bad_count = true;
		for (int r = k - 29; r > 0; r--, o++)
			if (o < cap && o > 0)
				out[o] = out[o - 1];
	}
	return o;
}

/* Digits without runs: the background the runs under test sit in. */
static void fill_no_runs(char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = "0123456789abcdef"[i % 16];
}

static char payload[1 << 16], copy[1 << 16], back[1 << 16];

/* A 4096-digit background, then `run` copies of 'f' after an 'e', then
 * one '0': returns the encoded text of the run part (from the 'e'). */
static const char *encode_run(size_t run, size_t *total, size_t *enc)
{
	static char tail[512];
	size_t n = 4096, w;

	fill_no_runs(payload, n);
	payload[n++] = 'e';
	memset(payload + n, 'f', run);
	n += run;
	payload[n++] = '0';
	*total = n;
	w = gstub_rle_compress((uint8_t *)payload, n);
	*enc = w;
	if (w < 4096 || w - 4096 >= sizeof tail)
		return "(bad)";
	memcpy(tail, payload + 4096, w - 4096);
	tail[w - 4096] = '\0';
	return tail;
}

static void test_encoder_runs(void)
{
	size_t n, w;

	is_str(encode_run(3, &n, &w), "efff0", "3 copies stay plain");
	is_str(encode_run(4, &n, &w), "ef* 0", "4: one and 3 more, count ' '");
	is_str(encode_run(98, &n, &w), "ef*~0", "98: one and 97 more, count '~'");
	is_str(encode_run(99, &n, &w), "ef*~f0", "99: the 99th plain");
	is_str(encode_run(102, &n, &w), "ef*~f* 0", "102: two runs");
	is_str(encode_run(97, &n, &w), "ef*|f0",
	       "97: count '}' (96) avoided, 95 and one plain");
	is_str(encode_run(7, &n, &w), "ef*\"f0", "7: count '#' avoided");
	is_str(encode_run(8, &n, &w), "ef*\"ff0", "8: counts '$' and '#' avoided");
	is_str(encode_run(15, &n, &w), "ef**f0", "15: count '+' avoided");
	is_str(encode_run(17, &n, &w), "ef*,f0", "17: count '-' avoided");

	/* every length 1-300 of several digits, in one payload */
	n = 0;
	for (unsigned len = 1; len <= 300; len++)
		for (unsigned k = 0; k < len; k++)
			payload[n++] = "0f3"[len % 3];
	memcpy(copy, payload, n);
	w = gstub_rle_compress((uint8_t *)payload, n);
	bool bad = false;
	size_t got = expand((uint8_t *)payload, w, back, sizeof back, &bad);
	ok(w < n / 10 && got == n && memcmp(back, copy, n) == 0 && !bad,
	   "runs of every length 1-300 expand back exactly (%zu -> %zu)", n, w);
}

static void test_encoder_leaves(void)
{
	size_t n;

	memset(payload, '0', 4095);
	ok(gstub_rle_compress((uint8_t *)payload, 4095) == 4095 &&
		   payload[1] == '0' && payload[4094] == '0',
	   "4095 digits: too short, left as is");
	memset(payload, '0', 4096);
	ok(gstub_rle_compress((uint8_t *)payload, 4096) < 200,
	   "4096 digits: encoded");

	const char *others[] = { "A", "x", "*", "#", " ", "\x80" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		n = 8192;
		memset(payload, '0', n);
		payload[5000] = others[i][0];
		memcpy(copy, payload, n);
		ok(gstub_rle_compress((uint8_t *)payload, n) == n &&
			   memcmp(payload, copy, n) == 0,
		   "one non-hex (or uppercase) character 0x%02x: left as is",
		   (unsigned)(uint8_t)others[i][0]);
	}
	ok(gstub_rle_compress(NULL, 0) == 0, "nothing: nothing");
	fill_no_runs(payload, 5000);
	memcpy(copy, payload, 5000);
	ok(gstub_rle_compress((uint8_t *)payload, 5000) == 5000 &&
		   memcmp(payload, copy, 5000) == 0,
	   "hex without runs: the same bytes");
}

/* Random runs of random digits, encoded in place: the output never
 * overtakes the input it still has to read. */
static void test_encoder_in_place(void)
{
	unsigned seed = 12345;
	bool all = true, bad = false;
	int round;

	for (round = 0; round < 300 && all; round++) {
		size_t n = 0, want = 4096 + (size_t)round * 97;

		while (n < want) {
			seed = seed * 1103515245u + 12345u;
			size_t run = 1 + (seed >> 8) % (round % 2 ? 300 : 6);
			char c = "0123456789abcdef"[(seed >> 20) % 16];
			for (size_t k = 0; k < run && n < want; k++)
				payload[n++] = c;
		}
		memcpy(copy, payload, n);
		size_t w = gstub_rle_compress((uint8_t *)payload, n);
		size_t got = expand((uint8_t *)payload, w, back, sizeof back, &bad);
		all = w <= n && got == n && memcmp(back, copy, n) == 0 && !bad;
	}
	ok(all, "300 random payloads encoded in place expand back (round %d)",
	   round);
}

static int zero_mem(void *ctx, uint64_t addr, void *buf, size_t len)
{
	(void)ctx;
	(void)addr;
	memset(buf, 0, len);
	return (int)len;
}

/* The frame at s ("$...#xx"): its checksum is right and it expands to
 * want_n copies of '0'. */
static bool frame_is_zeros(const char *s, size_t want_n, size_t *wire)
{
	const char *hash;
	unsigned sum = 0;
	bool bad = false;
	char cs[3];

	if (s[0] != '$' || !(hash = strchr(s, '#')) || strlen(hash) != 3)
		return false;
	for (const char *p = s + 1; p < hash; p++)
		sum += (uint8_t)*p;
	snprintf(cs, sizeof cs, "%02x", sum & 0xff);
	if (memcmp(hash + 1, cs, 2) != 0)
		return false;
	*wire = (size_t)(hash - s - 1);
	size_t got = expand((const uint8_t *)s + 1, *wire, back, sizeof back, &bad);
	if (bad || got != want_n)
		return false;
	for (size_t i = 0; i < want_n; i++)
		if (back[i] != '0')
			return false;
	return true;
}

static struct mock_target mt;

/* A compressor that leaves a '*' no run follows: at the end, and before
 * a count character gdb would not take (0x01). */
static size_t odd_stars(uint8_t *p, size_t len)
{
	if (len < 4)
		return len;
	memcpy(p, "a*\001*", 4);
	return 4;
}

static void test_engine(void)
{
	struct mock_target *m = &mt;
	static char frame[MOCK_OUT_SIZE], want_log[MOCK_OUT_SIZE];
	char cmd[32];
	size_t wire = 0;
	const char *r;

	mock_init(m, MOCK_AARCH64, 65536, false, false, true);
	m->ops.read_mem = zero_mem;
	snprintf(cmd, sizeof cmd, "m400000,%x", BIG);

	r = mock_reply(m, cmd);
	ok(strlen(r) == 2 * BIG && strspn(r, "0") == 2 * BIG,
	   "without the hook: the plain reply, as always");

	m->cfg.compress_reply = gstub_rle_compress;
	ok(gstub_init(&m->g, &m->cfg) == 0, "init with compress_reply");
	gstub_set_log_enabled(&m->g, true);
	gstub_set_log_max_chars(&m->g, -1);
	mock_clear(m);

	r = mock_packet(m, cmd);
	ok(r[0] == '+', "acknowledged");
	snprintf(frame, sizeof frame, "%s", r + 1);
	ok(frame_is_zeros(frame, 2 * BIG, &wire) && wire < 2 * BIG / 20,
	   "m of 8 KiB of zeros: encoded (%zu characters), checksum right, "
	   "expands to the plain reply", wire);

	/* the log: the reply as gdb reads it, with its own checksum */
	snprintf(want_log, sizeof want_log, "[remote] Sending packet: $");
	memset(want_log + strlen(want_log), '0', 2 * BIG);
	/* 2 * BIG '0' characters sum to 0 modulo 256 */
	snprintf(want_log + strlen("[remote] Sending packet: $") + 2 * BIG, 32,
		 "#00\n");
	ok(strstr(m->log, want_log) != NULL,
	   "the log shows the plain payload and its checksum");

	mock_clear(m);
	r = mock_feed_str(m, "-");
	is_str(r, frame, "'-' sends the same encoded frame again");
	ok(strstr(m->log, want_log) != NULL, "and logs it plain again");

	mock_clear(m);
	gstub_set_log_max_chars(&m->g, 20);
	mock_packet(m, cmd);
	char cut[128];
	snprintf(cut, sizeof cut, "Sending packet: $0000000000000000000 [%u bytes omitted]\n",
		 2 * BIG + 4 - 20);
	ok(strstr(m->log, cut) != NULL, "a cut log line counts the plain characters");

	r = mock_reply(m, "qC");
	ok(mock_starts(r, "QC"), "short replies unchanged: %s", r);

	m->cfg.compress_reply = odd_stars;
	gstub_init(&m->g, &m->cfg);
	gstub_set_log_enabled(&m->g, true);
	mock_clear(m);
	r = mock_packet(m, "m400000,4");
	is_str(r, "+$a*\001*#b6", "another compressor's output is sent as it made it");
	ok(strstr(m->log, "Sending packet: $a*\\001*#b6\n") != NULL,
	   "a '*' without a run is logged as it is");
	mock_fini(m);
}

int main(void)
{
	test_encoder_runs();
	test_encoder_leaves();
	test_encoder_in_place();
	test_engine();
	return tap_done();
}
