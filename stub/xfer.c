/*
 * qXfer:features:read and qXfer:threads:read. Both documents are produced
 * in windows, straight into the reply: it holds bytes [OFF, OFF+LEN) (cut
 * to what the reply area holds once binary-escaped), 'm' when more
 * follows, 'l' when the window reaches the end (an offset at or past the
 * end gives a bare "l").
 */
#include "internal.h"

/* ANNEX:OFF,LEN, the arguments of both. */
static bool parse_window(struct gstub_cursor *c, size_t *alen, uint64_t *off,
			 uint64_t *want)
{
	const char *annex = c->p;

	while (c->p < c->end && *c->p != ':')
		c->p++;
	*alen = (size_t)(c->p - annex);
	return gstub_cur_take(c, ':') && gstub_cur_hex(c, off) &&
	       gstub_cur_take(c, ',') && gstub_cur_hex(c, want) &&
	       gstub_cur_at_end(c) && *off <= SIZE_MAX / 2;
}

/* After 'm' and the n bytes of the window: 'l' when the document ended
 * within them (an empty window is no news: more may follow). */
static int window_reply(struct gstub *g, size_t n, bool at_end, uint64_t want)
{
	g->tx_len += n;
	if (at_end && want)
		g->tx_buf[0] = 'l';
	return GSTUB_REPLY_DATA;
}

/* The description, rendered straight into the reply: each request walks
 * the document once, whatever the window. */
GSTUB_HANDLER(gstub_cmd_xfer_features)
{
	struct gstub_cursor c = { args, args + len };
	uint64_t off, want;
	size_t alen;
	bool at_end;
	int r;

	if (!parse_window(&c, &alen, &off, &want))
		return GSTUB_EINVAL;
	/* gdb (re)reads the description: give it the one for the current
	 * vector length (GSTUB_SVE_CURRENT), never switching mid-document */
	if (off == 0)
		gstub_sve_follow(g, gstub_current_tid(g));
	gstub_out_char(g, 'm');
	r = gstub_tdesc_xml_packet(g->td, args, alen, (size_t)off,
				   want < SIZE_MAX ? (size_t)want : SIZE_MAX,
				   (char *)g->tx_buf + g->tx_len,
				   gstub_out_room(g), &at_end);
	if (r < 0)
		return r;
	return window_reply(g, (size_t)r, at_end, want);
}

#if GSTUB_CONFIG_THREADS
/* The thread list document, generated again for each request and written
 * as target.xml is (xml/tdesc-xml.c): the bytes before the window are
 * counted and skipped, the window's go escaped into the reply, and the
 * first one that does not fit ends it. */
struct sink {
	size_t skip;    /* document bytes still before the window */
	size_t len;     /* document bytes the window may still take */
	uint8_t *out;
	size_t room;
	size_t written; /* bytes written to out, escapes included */
	bool cut;       /* a byte of the window or after it was left out */
};

static void sink_put(struct sink *s, const char *p, size_t n)
{
	for (; n && !s->cut; n--, p++) {
		uint8_t b = (uint8_t)*p;
		bool esc = b == '#' || b == '$' || b == '}' || b == '*';

		if (s->skip) {
			s->skip--;
		} else if (!s->len || s->room - s->written < 1u + esc) {
			s->cut = true;
		} else {
			if (esc) {
				s->out[s->written++] = '}';
				b ^= 0x20;
			}
			s->out[s->written++] = b;
			s->len--;
		}
	}
}

static void sink_str(struct sink *s, const char *p)
{
	sink_put(s, p, gstub_strlen(p));
}

static void sink_xml_text(struct sink *s, const char *p, size_t n)
{
	for (; n; n--, p++) {
		switch (*p) {
		case '&': sink_str(s, "&amp;"); break;
		case '<': sink_str(s, "&lt;"); break;
		case '>': sink_str(s, "&gt;"); break;
		case '"': sink_str(s, "&quot;"); break;
		default: sink_put(s, p, 1); break;
		}
	}
}

static void put_thread(struct gstub *g, struct sink *s, gstub_tid tid)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;
	char name[GSTUB_THREAD_NAME_MAX];
	char id[GSTUB_TID_TEXT_MAX];

	sink_str(s, "<thread id=\"");
	sink_put(s, id, gstub_format_tid(g, tid, id));
	sink_put(s, "\"", 1);
	if (t && t->extra_info) {
		int r;

		name[0] = 0;
		r = t->extra_info(g->cfg.target_ctx, tid, name, sizeof name);
		name[sizeof name - 1] = 0;
		if (r >= 0 && name[0]) {
			sink_str(s, " name=\"");
			sink_xml_text(s, name, gstub_strlen(name));
			sink_put(s, "\"", 1);
		}
	}
	sink_str(s, "/>\n");
}

GSTUB_HANDLER(gstub_cmd_xfer_threads)
{
	struct gstub_cursor c = { args, args + len };
	gstub_tid tids[GSTUB_MAX_THREADS];
	uint64_t off, want;
	size_t alen;
	struct sink s;
	int count, i;

	if (!parse_window(&c, &alen, &off, &want))
		return GSTUB_EINVAL;
	if (alen != 0)
		return GSTUB_ENOENT;
	count = gstub_thread_list(g, tids, GSTUB_MAX_THREADS);
	if (count < 0)
		return count;
	if (count > GSTUB_MAX_THREADS)
		count = GSTUB_MAX_THREADS;
	gstub_out_char(g, 'm');
	s = (struct sink){ .skip = (size_t)off,
			   .len = want < SIZE_MAX ? (size_t)want : SIZE_MAX,
			   .out = g->tx_buf + g->tx_len,
			   .room = gstub_out_room(g) };
	sink_str(&s, "<?xml version=\"1.0\"?>\n<threads>\n");
	for (i = 0; i < count && !s.cut; i++)
		put_thread(g, &s, tids[i]);
	sink_str(&s, "</threads>\n");
	return window_reply(g, s.written, !s.cut, want);
}
#endif /* GSTUB_CONFIG_THREADS */
