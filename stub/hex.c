/* Hex digits and numbers as packets spell them. */
#include "internal.h"

int gstub_hex_digit_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char gstub_hex_digit(unsigned v)
{
	return "0123456789abcdef"[v & 15u];
}

size_t gstub_strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

bool gstub_cur_at_end(const struct gstub_cursor *c)
{
	return c->p >= c->end;
}

bool gstub_cur_take(struct gstub_cursor *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return true;
	}
	return false;
}

bool gstub_cur_hex(struct gstub_cursor *c, uint64_t *out)
{
	uint64_t v = 0;
	const char *p = c->p;
	int d;

	if (p >= c->end || gstub_hex_digit_value(*p) < 0)
		return false;
	for (; p < c->end && (d = gstub_hex_digit_value(*p)) >= 0; p++) {
		if (v >> 60)
			return false; /* more than 64 bits */
		v = (v << 4) | (uint64_t)d;
	}
	c->p = p;
	*out = v;
	return true;
}

size_t gstub_format_hex(uint64_t v, char *buf)
{
	size_t n = 0, i;

	do {
		buf[n++] = gstub_hex_digit((unsigned)(v & 15));
		v >>= 4;
	} while (v);
	for (i = 0; i < n / 2; i++) {
		char t = buf[i];

		buf[i] = buf[n - 1 - i];
		buf[n - 1 - i] = t;
	}
	return n;
}

/* Memory replies are mostly this. raw may lie in the output at or after
 * hex + n: byte i is read before its digits go to hex[2i] and hex[2i+1],
 * which are below hex + n + i + 1, so no byte is overwritten before it is
 * read. The digits come from a local table, not through gstub_hex_digit:
 * an exported function is a call per nibble in a shared library. */
void gstub_hex_encode(const uint8_t *raw, size_t n, uint8_t *hex)
{
	static const char digits[16] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		uint8_t b = raw[i];

		hex[2 * i] = (uint8_t)digits[b >> 4];
		hex[2 * i + 1] = (uint8_t)digits[b & 15];
	}
}

bool gstub_hex_decode(const char *hex, uint8_t *out, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int hi = gstub_hex_digit_value(hex[2 * i]);
		int lo = gstub_hex_digit_value(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return true;
}
