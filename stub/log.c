/*
 * The packet log. Lines read as gdb's `set debug remote 1` output seen from
 * the stub; packet text is cut after log_max_chars bytes and escaped exactly
 * as gdb's escape_buffer does, so that the two logs line up. Text leaves in
 * small pieces: no line is ever built whole.
 */
#include "internal.h"

#if GSTUB_CONFIG_PACKET_LOG

bool gstub_log_on(const struct gstub *g)
{
	return g->log_enabled && g->cfg.log != NULL;
}

static void flush(struct gstub_log_line *l)
{
	if (l->fill) {
		l->g->cfg.log(l->g->cfg.log_ctx, l->stage, l->fill);
		l->fill = 0;
	}
}

static void put(struct gstub_log_line *l, const char *s, size_t n)
{
	while (n) {
		size_t room = sizeof l->stage - l->fill;
		size_t k = n < room ? n : room;

		memcpy(l->stage + l->fill, s, k);
		l->fill += k;
		s += k;
		n -= k;
		if (l->fill == sizeof l->stage)
			flush(l);
	}
}

void gstub_log_begin(struct gstub_log_line *l, struct gstub *g,
		     const char *prefix, bool cut)
{
	l->g = g;
	l->shown = 0;
	l->omitted = 0;
	l->fill = 0;
	l->limit = (!cut || g->log_max_chars < 0) ? SIZE_MAX
						  : (size_t)g->log_max_chars;
	put(l, prefix, gstub_strlen(prefix));
}

/* One byte the way gdb's printchar shows it with '\\' as the quoter:
 * C escapes for the usual controls, three octal digits for the rest of
 * 0x00-0x1f and 0x7f-0x9f, a doubled backslash, everything else as is. */
static void put_escaped(struct gstub_log_line *l, uint8_t c)
{
	char e[4] = { '\\', 0, 0, 0 };
	size_t n = 2;

	if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
		switch (c) {
		case '\n': e[1] = 'n'; break;
		case '\b': e[1] = 'b'; break;
		case '\t': e[1] = 't'; break;
		case '\f': e[1] = 'f'; break;
		case '\r': e[1] = 'r'; break;
		case 033: e[1] = 'e'; break;
		case 007: e[1] = 'a'; break;
		default:
			e[1] = (char)('0' + ((c >> 6) & 7));
			e[2] = (char)('0' + ((c >> 3) & 7));
			e[3] = (char)('0' + (c & 7));
			n = 4;
			break;
		}
		put(l, e, n);
	} else if (c == '\\') {
		put(l, "\\\\", 2);
	} else {
		char ch = (char)c;

		put(l, &ch, 1);
	}
}

void gstub_log_bytes(struct gstub_log_line *l, const void *data, size_t len)
{
	const uint8_t *d = data;
	size_t i;

	for (i = 0; i < len; i++) {
		if (l->shown < l->limit) {
			put_escaped(l, d[i]);
			l->shown++;
		} else {
			l->omitted++;
		}
	}
}

void gstub_log_add_omitted(struct gstub_log_line *l, size_t n)
{
	l->omitted += n;
}

void gstub_log_plain(struct gstub_log_line *l, const char *s)
{
	put(l, s, gstub_strlen(s));
}

static void put_decimal(struct gstub_log_line *l, size_t v)
{
	char d[24];
	int n = 0;

	do {
		d[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		put(l, &d[--n], 1);
}

void gstub_log_end(struct gstub_log_line *l)
{
	if (l->omitted) {
		put(l, " [", 2);
		put_decimal(l, l->omitted);
		put(l, " bytes omitted]", 15);
	}
	put(l, "\n", 1);
	flush(l);
}

void gstub_log_message(struct gstub *g, const char *msg)
{
	struct gstub_log_line l;

	if (!gstub_log_on(g))
		return;
	gstub_log_begin(&l, g, "[remote] ", false);
	gstub_log_plain(&l, msg);
	gstub_log_end(&l);
}

#endif /* GSTUB_CONFIG_PACKET_LOG */
