/*
 * Run-length encoding of long hex replies (the protocol's '*' form, which
 * gdb expands before it looks at a packet): a run of one character becomes
 * the character, '*' and a count character, 29 + how many more copies.
 * gdb reads a packet a character at a time, so memory full of zeros comes
 * in several times faster at 3 bytes per 98 hex digits.
 *
 * The engine never calls this by itself: an embedder points
 * cfg.compress_reply at it, and a firmware that does not links none of it.
 */
#include "internal.h"

/* A shorter run costs more encoded than plain. */
#define RLE_MIN_RUN 3u
/* Copies one count character can add: '~' (126) is 29 + 97. */
#define RLE_MAX_COUNT 97u

/* Which payloads are encoded: long ones of lowercase hex digits only
 * (memory, large register blocks), where nearly all the gain is. Short
 * replies, text and binary data go out as they were made, so a client that
 * never learnt the '*' form still reads every ordinary exchange. */
#ifndef GSTUB_RLE_MIN_PAYLOAD
#define GSTUB_RLE_MIN_PAYLOAD 4096u
#endif

/* Count characters that must not appear: the frame characters '#' and
 * '$', '+' and '-' (the protocol manual asks to avoid them: they read as
 * acks), and '}' (the escape character). */
static bool count_char_ok(size_t n)
{
	uint8_t c = (uint8_t)(n + 29);

	return c != '#' && c != '$' && c != '+' && c != '-' && c != '}';
}

/* Length of the run of s[0] in s[0..len), whole words at a time first:
 * memory of zeros is mostly long runs. */
static size_t run_length(const uint8_t *s, size_t len)
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

static bool is_lower_hex(uint8_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* Checked a run at a time: memory of zeros costs a few word compares. */
static bool worth_encoding(const uint8_t *p, size_t len)
{
	size_t i;

	if (len < GSTUB_RLE_MIN_PAYLOAD)
		return false;
	for (i = 0; i < len; i += run_length(p + i, len - i))
		if (!is_lower_hex(p[i]))
			return false;
	return true;
}

size_t gstub_rle_compress(uint8_t *payload, size_t len)
{
	size_t r = 0, w = 0;

	if (!payload || !worth_encoding(payload, len))
		return len;
	/* A run is written only after all of it was read, and never gets
	 * longer, so the output never overtakes the input. */
	while (r < len) {
		uint8_t c = payload[r];
		size_t run = run_length(payload + r, len - r);

		r += run;
		while (run > 0) {
			size_t k;

			payload[w++] = c;
			run--;
			if (run < RLE_MIN_RUN) {
				for (; run > 0; run--)
					payload[w++] = c;
				break;
			}
			k = run < RLE_MAX_COUNT ? run : RLE_MAX_COUNT;
			while (!count_char_ok(k))
				k--;
			payload[w++] = '*';
			payload[w++] = (uint8_t)(k + 29);
			run -= k;
		}
	}
	return w;
}
