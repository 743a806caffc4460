/*
 * qXfer:features:read and qXfer:threads:read. Both documents are produced
 * in windows: the reply holds bytes [OFF, OFF+LEN) (cut to what the reply
 * area holds once binary-escaped), 'm' when more follows, 'l' when the
 * window reaches the end (an offset at or past the end gives a bare "l").
 */
#include "internal.h"

/* Reads bytes [off, off+n) of a document into out; the count, 0 past the
 * end, or a negative error. *at_end: the bytes read reach the end. */
typedef int (*doc_read_fn)(struct gstub *g, const char *annex, size_t alen,
			   size_t off, char *out, size_t n, bool *at_end);

static bool needs_escape(uint8_t c)
{
	return c == '#' || c == '$' || c == '}' || c == '*';
}

static int xfer_reply(struct gstub *g, char *args, size_t len, doc_read_fn rd)
{
	struct gstub_cursor c = { args, args + len };
	const char *annex = args;
	size_t alen, got = 0;
	uint64_t off, want;
	bool at_end = false, full = false;
	char chunk[32];

	while (c.p < c.end && *c.p != ':')
		c.p++;
	alen = (size_t)(c.p - annex);
	if (!gstub_cur_take(&c, ':') || !gstub_cur_hex(&c, &off) ||
	    !gstub_cur_take(&c, ',') || !gstub_cur_hex(&c, &want) ||
	    !gstub_cur_at_end(&c) || off > SIZE_MAX / 2)
		return GSTUB_EINVAL;
	gstub_out_char(g, 'm');
	while (got < want && !at_end && !full) {
		size_t k = sizeof chunk, i;
		int r;

		if (k > want - got)
			k = (size_t)(want - got);
		r = rd(g, annex, alen, (size_t)off + got, chunk, k, &at_end);
		if (r < 0)
			return r;
		if ((size_t)r > k)
			return GSTUB_EIO;
		for (i = 0; i < (size_t)r; i++) {
			uint8_t b = (uint8_t)chunk[i];
			bool esc = needs_escape(b);

			if (gstub_out_room(g) < (esc ? 2u : 1u)) {
				full = true;
				break;
			}
			if (esc) {
				gstub_out_char(g, '}');
				b ^= 0x20;
			}
			gstub_out_char(g, (char)b);
			got++;
		}
		if (!full && (size_t)r < k)
			at_end = true; /* a short read is the end */
		if (full)
			at_end = false; /* cut by the reply area: more follows */
	}
	if (at_end)
		g->tx_buf[0] = 'l';
	return GSTUB_REPLY_DATA;
}

static int features_read(struct gstub *g, const char *annex, size_t alen,
			 size_t off, char *out, size_t n, bool *at_end)
{
	/* gdb (re)reads the description: give it the one for the current
	 * vector length (GSTUB_SVE_CURRENT), never switching mid-document */
	if (off == 0)
		gstub_sve_follow(g, gstub_current_tid(g));
	return gstub_tdesc_xml_read(g->td, annex, alen, off, out, n,
				    at_end);
}

GSTUB_HANDLER(gstub_cmd_xfer_features)
{
	return xfer_reply(g, args, len, features_read);
}

#if GSTUB_CONFIG_THREADS
/* The thread list document, generated again for each window: the bytes
 * before the window are counted and skipped, those after it only noted. */
struct sink {
	size_t skip;
	char *out;
	size_t room;
	size_t got;
	bool more;
};

static void sink_put(struct sink *s, const char *p, size_t n)
{
	for (; n; n--, p++) {
		if (s->skip) {
			s->skip--;
		} else if (s->room) {
			s->out[s->got++] = *p;
			s->room--;
		} else {
			s->more = true;
			return;
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

static int threads_read(struct gstub *g, const char *annex, size_t alen,
			size_t off, char *out, size_t n, bool *at_end)
{
	const struct gstub_thread_ops *t = g->cfg.ops->threads;
	struct sink s = { off, out, n, 0, false };
	gstub_tid tids[GSTUB_MAX_THREADS];
	char name[GSTUB_THREAD_NAME_MAX];
	char id[GSTUB_TID_TEXT_MAX];
	int count, i;

	(void)annex;
	if (alen != 0)
		return GSTUB_ENOENT;
	count = gstub_thread_list(g, tids, GSTUB_MAX_THREADS);
	if (count < 0)
		return count;
	if (count > GSTUB_MAX_THREADS)
		count = GSTUB_MAX_THREADS;
	sink_str(&s, "<?xml version=\"1.0\"?>\n<threads>\n");
	for (i = 0; i < count && !s.more; i++) {
		sink_str(&s, "<thread id=\"");
		sink_put(&s, id, gstub_format_tid(g, tids[i], id));
		sink_put(&s, "\"", 1);
		if (t && t->extra_info) {
			int r;

			name[0] = 0;
			r = t->extra_info(g->cfg.target_ctx, tids[i], name,
					  sizeof name);
			name[sizeof name - 1] = 0;
			if (r >= 0 && name[0]) {
				sink_str(&s, " name=\"");
				sink_xml_text(&s, name, gstub_strlen(name));
				sink_put(&s, "\"", 1);
			}
		}
		sink_str(&s, "/>\n");
	}
	sink_str(&s, "</threads>\n");
	*at_end = !s.more;
	return (int)s.got;
}

GSTUB_HANDLER(gstub_cmd_xfer_threads)
{
	return xfer_reply(g, args, len, threads_read);
}
#endif /* GSTUB_CONFIG_THREADS */
