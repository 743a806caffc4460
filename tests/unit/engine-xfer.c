/* qXfer:features:read and qXfer:threads:read at every window boundary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target mt;
static char doc[65536];
static size_t doc_len;

/* Reply of a qXfer read: kind ('m'/'l'/'E'...) and the unescaped data. */
static char xfer(struct mock_target *m, const char *object, size_t off,
		 size_t len, char *data, size_t *n)
{
	char pkt[256];
	const char *r;
	size_t i;

	snprintf(pkt, sizeof pkt, "qXfer:%s:%zx,%zx", object, off, len);
	r = mock_reply(m, pkt);
	*n = 0;
	if (r[0] != 'm' && r[0] != 'l')
		return r[0] ? r[0] : '?';
	for (i = 1; r[i]; i++) {
		char c = r[i];

		if (c == '#' || c == '$' || c == '*')
			return '!'; /* must have been escaped */
		if (c == '}')
			c = (char)(r[++i] ^ 0x20);
		data[(*n)++] = c;
	}
	return r[0];
}

static int window_ok(struct mock_target *m, const char *object, size_t off,
		     size_t len)
{
	static char data[65536];
	size_t n, want = 0;
	char k = xfer(m, object, off, len, data, &n);

	if (off < doc_len)
		want = doc_len - off < len ? doc_len - off : len;
	if (n != want || memcmp(data, doc + off, n) != 0)
		return 0;
	return k == (off + n >= doc_len ? 'l' : 'm');
}

static void test_features(void)
{
	struct mock_target *m = &mt;
	static char data[65536];
	bool end = false;
	long size;
	size_t n, off, bad = 0;
	char k;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	size = gstub_tdesc_xml_size(&m->td, "target.xml", 10);
	ok(size > 100, "target.xml is %ld bytes", size);
	doc_len = (size_t)size;
	ok(gstub_tdesc_xml_read(&m->td, "target.xml", 10, 0, doc, doc_len, &end) ==
		   (int)doc_len && end, "whole document read directly");

	ok(window_ok(m, "features:read:target.xml", 0, 0x100), "window at 0");
	ok(window_ok(m, "features:read:target.xml", doc_len / 2, 0x100), "window in the middle");
	ok(window_ok(m, "features:read:target.xml", doc_len - 0x10, 0x10), "window ending exactly at the end: l");
	ok(window_ok(m, "features:read:target.xml", doc_len - 0x10, 0x100), "window past the end: l");
	ok(window_ok(m, "features:read:target.xml", doc_len - 1, 1), "last byte, len 1");
	ok(window_ok(m, "features:read:target.xml", 0, 1), "first byte, len 1");
	k = xfer(m, "features:read:target.xml", doc_len, 0x100, data, &n);
	ok(k == 'l' && n == 0, "offset at the end: bare l");
	k = xfer(m, "features:read:target.xml", doc_len + 100, 0x100, data, &n);
	ok(k == 'l' && n == 0, "offset past the end: bare l");
	for (off = 0; off < doc_len; off += 7)
		bad += !window_ok(m, "features:read:target.xml", off, 13);
	ok(bad == 0, "every 13-byte window at every 7th offset");
	/* a large window is cut to the reply area */
	k = xfer(m, "features:read:target.xml", 0, 0x10000, data, &n);
	ok(k == 'm' && n > 1000 && n <= 2048 && memcmp(data, doc, n) == 0,
	   "a window larger than the reply area is cut: m, %zu bytes", n);
	/* reading the whole document window by window */
	{
		static char all[65536];
		size_t got = 0;

		do {
			k = xfer(m, "features:read:target.xml", got, 0xffff, data, &n);
			memcpy(all + got, data, n);
			got += n;
		} while (k == 'm' && n);
		ok(k == 'l' && got == doc_len && memcmp(all, doc, doc_len) == 0,
		   "the windows add up to the document");
	}
	is_str(mock_reply(m, "qXfer:features:read:foo.xml:0,100"), "E02", "unknown annex -> E02");
	is_str(mock_reply(m, "qXfer:features:read:target.xml:0"), "E22", "no length -> E22");
	is_str(mock_reply(m, "qXfer:features:read:target.xml:x,10"), "E22", "bad offset -> E22");
	is_str(mock_reply(m, "qXfer:features:read:target.xml"), "E22", "no offset -> E22");
	is_str(mock_reply(m, "qXfer:features:write:target.xml:0:aa"), "", "write -> empty");
	mock_fini(m);
}

static void test_threads(void)
{
	struct mock_target *m = &mt;
	static char data[65536];
	size_t n, off, bad = 0;
	char k;
	const char *want = "<?xml version=\"1.0\"?>\n<threads>\n"
			   "<thread id=\"1\" name=\"thread 1\"/>\n"
			   "<thread id=\"2\" name=\"worker &lt;2&gt; &amp; &quot;co&quot;\"/>\n"
			   "<thread id=\"1a\" name=\"thread 26\"/>\n"
			   "</threads>\n";

	mock_init(m, MOCK_AARCH64, 4096, true, false, true);
	strcpy(doc, want);
	doc_len = strlen(doc);
	k = xfer(m, "threads:read:", 0, 0x1000, data, &n);
	data[n] = 0;
	ok(k == 'l', "threads: one window: l");
	is_str(data, want, "threads document (names escaped)");
	for (off = 0; off <= doc_len + 2; off++)
		bad += !window_ok(m, "threads:read:", off, 5) + !window_ok(m, "threads:read:", off, 1);
	ok(bad == 0, "threads: every offset, windows of 5 and 1");
	ok(window_ok(m, "threads:read:", doc_len - 5, 5), "threads: window ending at the end");
	is_str(mock_reply(m, "qXfer:threads:read:x:0,10"), "E02", "threads: an annex -> E02");
	mock_fini(m);

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	k = xfer(m, "threads:read:", 0, 0x1000, data, &n);
	data[n] = 0;
	is_str(data, "<?xml version=\"1.0\"?>\n<threads>\n<thread id=\"1\"/>\n</threads>\n",
	       "threads without thread ops: thread 1");
	mock_fini(m);
}

int main(void)
{
	test_features();
	test_threads();
	return tap_done();
}
