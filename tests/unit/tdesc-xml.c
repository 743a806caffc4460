/*
 * The windowed XML reader: any split of the document into reads gives the
 * same bytes as one read, the end is reported exactly once reached, and the
 * <reg> elements say what the register table says.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tap.h"
#include "tdesc-configs.h"

#define ANNEX "target.xml", 10

static struct gstub_tdesc td;
static char full[64 * 1024];
static char pieced[sizeof(full)];

/* Read [off, off+len) into pieced+off. */
static int read_at(size_t off, size_t len, bool *at_end)
{
	return gstub_tdesc_xml_read(&td, ANNEX, off, pieced + off, len, at_end);
}

/* Every window size in `sizes` walks the document to the same bytes. */
static bool chunked_equal(size_t total, size_t chunk)
{
	size_t off = 0;
	bool at_end = false;
	int guard = 0;

	memset(pieced, 0, total);
	while (!at_end && guard++ < 1 << 20) {
		int n = read_at(off, chunk, &at_end);

		if (n < 0 || (n == 0 && !at_end))
			return false;
		off += (size_t)n;
		if (!at_end && (size_t)n != chunk)
			return false; /* a short read must mean the end */
	}
	return off == total && memcmp(pieced, full, total) == 0;
}

/* Attribute value following `key="` in [p, end), or NULL. */
static const char *attr(const char *p, const char *end, const char *key,
			char *buf, size_t buflen)
{
	size_t klen = strlen(key);
	const char *q;

	for (q = p; q + klen + 2 < end; q++) {
		if (q[-1] == ' ' && !strncmp(q, key, klen) && q[klen] == '=' &&
		    q[klen + 1] == '"') {
			const char *v = q + klen + 2;
			size_t n = 0;

			while (v + n < end && v[n] != '"' && n + 1 < buflen)
				n++;
			memcpy(buf, v, n);
			buf[n] = 0;
			return buf;
		}
	}
	return NULL;
}

/* Each <reg .../> in order: name, bitsize, regnum and type agree with the
 * table row. */
static bool regs_agree(size_t total)
{
	const char *p = full, *end = full + total;
	uint32_t i = 0;
	char b[128];

	while ((p = strstr(p, "<reg ")) != NULL && p < end) {
		const char *e = strstr(p, "/>");
		const struct gstub_tdesc_reg *r;

		if (!e || i >= td.nregs)
			return false;
		r = &td.regs[i++];
		if (!attr(p + 1, e, "name", b, sizeof(b)) || strcmp(b, r->name))
			return false;
		if (!attr(p + 1, e, "bitsize", b, sizeof(b)) ||
		    strtoul(b, NULL, 10) != r->bitsize)
			return false;
		if (!attr(p + 1, e, "regnum", b, sizeof(b)) ||
		    strtoul(b, NULL, 10) != r->regnum)
			return false;
		if (!attr(p + 1, e, "type", b, sizeof(b)) || strcmp(b, r->type))
			return false;
		p = e;
	}
	return i == td.nregs;
}

/* Start tags and end tags pair up (a cheap well-formedness check; gdb
 * itself parses every configuration in the documented gdb check). */
static bool tags_balance(size_t total)
{
	const char *stack[16];
	size_t stack_len[16];
	int depth = 0;
	size_t i;

	for (i = 0; i < total; i++) {
		size_t j, n;

		if (full[i] != '<' || full[i + 1] == '?' || full[i + 1] == '!')
			continue;
		for (j = i; j < total && full[j] != '>'; j++)
			;
		if (j >= total)
			return false;
		if (full[i + 1] == '/') {
			if (depth == 0)
				return false;
			depth--;
			n = stack_len[depth];
			if (strncmp(full + i + 2, stack[depth], n) ||
			    full[i + 2 + n] != '>')
				return false;
		} else if (full[j - 1] != '/') {
			if (depth == 16)
				return false;
			for (n = 0; full[i + 1 + n] != ' ' && full[i + 1 + n] != '>'; n++)
				;
			stack[depth] = full + i + 1;
			stack_len[depth++] = n;
		}
		i = j;
	}
	return depth == 0;
}

/* thorough: split at every index and read in 1, 2, 3-byte windows (the
 * cost grows with the square of the length); otherwise every 61st index
 * and larger windows. */
static void check_config(int cfg, bool thorough)
{
	static const size_t chunks[] = { 1, 2, 3, 7, 64, 255, 256, 1000, 4096 };
	size_t step = thorough ? 1 : 61;
	char what[96];
	long size;
	size_t total, k;
	bool at_end = false, splits_ok = true, ends_ok = true;
	int n;
	unsigned c;

	ok(tdesc_build_config(cfg, &td, what, sizeof(what)) == 0, "%s: builds",
	   what);
	size = gstub_tdesc_xml_size(&td, ANNEX);
	ok(size > 0 && (size_t)size < sizeof(full), "%s: size %ld", what, size);
	if (size <= 0 || (size_t)size >= sizeof(full))
		return;
	total = (size_t)size;

	memset(full, 0, sizeof(full));
	n = gstub_tdesc_xml_read(&td, ANNEX, 0, full, sizeof(full), &at_end);
	ok(n == size && at_end, "%s: one read returns the whole document", what);
	ok(!strncmp(full, "<?xml version=\"1.0\"?>\n", 22) &&
	   !strcmp(full + total - 10, "</target>\n"),
	   "%s: prolog and closing tag", what);
	ok(tags_balance(total), "%s: tags balance", what);
	ok(regs_agree(total), "%s: <reg> elements match the table", what);

	/* Two reads split at every index. */
	for (k = 0; k <= total && splits_ok; k += (k + step > total && k < total) ? total - k : step) {
		bool e1 = true, e2 = false;
		int a, b;

		memset(pieced, 0, total);
		a = read_at(0, k, &e1);
		b = read_at(k, total - k + 5, &e2);
		if (a != (int)k || b != (int)(total - k) || e1 != (k == total) ||
		    !e2 || memcmp(pieced, full, total))
			splits_ok = false;
	}
	ok(splits_ok, "%s: a split at every %s index reads the same bytes",
	   what, thorough ? "" : "61st and the last");

	for (c = thorough ? 0 : 3; c < sizeof(chunks) / sizeof(chunks[0]); c++)
		ok(chunked_equal(total, chunks[c]),
		   "%s: reads of %zu bytes give the same document", what,
		   chunks[c]);

	/* Windows that end exactly at, or start at or past, the end. */
	for (k = total - 3; k <= total + 3; k++) {
		bool e = false;
		int got = read_at(k < total ? k : 0, k < total ? total - k : 0, &e);

		if (k < total && (got != (int)(total - k) || !e))
			ends_ok = false;
	}
	{
		bool e = false;
		char one;

		n = gstub_tdesc_xml_read(&td, ANNEX, total, &one, 1, &e);
		if (n != 0 || !e)
			ends_ok = false;
		e = false;
		n = gstub_tdesc_xml_read(&td, ANNEX, (size_t)-1, &one, 1, &e);
		if (n != 0 || !e)
			ends_ok = false;
		e = true;
		n = gstub_tdesc_xml_read(&td, ANNEX, 0, &one, 1, &e);
		if (n != 1 || e || one != '<')
			ends_ok = false;
	}
	ok(ends_ok, "%s: at_end is set exactly when the window reaches the end",
	   what);
}

int main(void)
{
	bool at_end = false;
	char buf[16];
	int i;

	for (i = 0; i < TDESC_N_CONFIGS; i++) {
		/* AArch64: every vector length with no extension and with
		 * all of them, every extension mix without SVE; then all
		 * others. Splits at every index on ARM, x86-64 and the
		 * AArch64 ends (no SVE, 128 and 2048 bits). */
		bool a64 = i < TDESC_N_AARCH64;
		bool ends = i % 12 == 0 || i % 12 == 11;
		unsigned vq = (unsigned)(i / 12);

		if (a64 && vq && !ends)
			continue;
		check_config(i, !a64 || (ends && (vq <= 1 || vq == 16)));
	}

	gstub_tdesc_aarch64(&td, &(struct gstub_aarch64_config){ 0 });
	ok(gstub_tdesc_xml_read(&td, "features.xml", 12, 0, buf, sizeof(buf),
				&at_end) == GSTUB_ENOENT,
	   "unknown annex: ENOENT");
	ok(gstub_tdesc_xml_read(&td, "target.xm", 9, 0, buf, sizeof(buf),
				&at_end) == GSTUB_ENOENT,
	   "prefix of the annex: ENOENT");
	ok(gstub_tdesc_xml_read(&td, "target.xmlx", 11, 0, buf, sizeof(buf),
				&at_end) == GSTUB_ENOENT,
	   "annex with a trailing byte: ENOENT");
	ok(gstub_tdesc_xml_read(&td, "", 0, 0, buf, sizeof(buf), &at_end) ==
	   GSTUB_ENOENT, "empty annex: ENOENT");
	ok(gstub_tdesc_xml_size(&td, "x", 1) == GSTUB_ENOENT,
	   "size of an unknown annex: ENOENT");
	ok(gstub_tdesc_xml_read(NULL, ANNEX, 0, buf, sizeof(buf), &at_end) ==
	   GSTUB_ENOENT, "no description: ENOENT");
	ok(gstub_tdesc_xml_read(&td, ANNEX, 0, NULL, 5, &at_end) == GSTUB_EINVAL,
	   "NULL buffer with a length: EINVAL");
	ok(gstub_tdesc_xml_read(&td, ANNEX, 0, buf, 4, NULL) == 4,
	   "at_end may be NULL");

	/* Names a user description might hold are escaped. */
	{
		static const char *const names[] = { "a<b&\"c'>" };
		char doc[1024];
		int n;

		gstub_tdesc_init(&td, GSTUB_ARCH_NONE, "x&y");
		gstub_tdesc_add_feature(&td, "f");
		gstub_tdesc_add_reg(&td, &(struct gstub_tdesc_reg){
			.name = names[0], .bitsize = 8,
			.regnum = GSTUB_TDESC_REGNUM_NEXT,
			.save_restore = true });
		n = gstub_tdesc_xml_read(&td, ANNEX, 0, doc, sizeof(doc) - 1,
					 &at_end);
		doc[n > 0 ? n : 0] = 0;
		ok(strstr(doc, "name=\"a&lt;b&amp;&quot;c&apos;&gt;\"") &&
		   strstr(doc, "<architecture>x&amp;y</architecture>"),
		   "special characters are escaped");
	}
	return tap_done();
}
