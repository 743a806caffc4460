/* Hex digits, numbers and thread ids as packets spell them. */
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

bool gstub_cur_take_str(struct gstub_cursor *c, const char *s)
{
	size_t n = gstub_strlen(s);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
		return false;
	c->p += n;
	return true;
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

bool gstub_cur_tid(struct gstub_cursor *c, gstub_tid *out)
{
	uint64_t v;

	if (gstub_cur_take(c, '-')) {
		if (!gstub_cur_take(c, '1'))
			return false;
		*out = GSTUB_TID_ALL;
		return true;
	}
	if (!gstub_cur_hex(c, &v) || v > (uint64_t)INT64_MAX)
		return false;
	*out = (gstub_tid)v;
	return true;
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
