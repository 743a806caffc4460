/*
 * The target.xml gdb reads through qXfer:features:read, generated from the
 * description table on every request. The document is walked from the start
 * each time and only the bytes inside the requested window are copied, so
 * no buffer ever holds it whole and every window of the same table is
 * byte-for-byte the same document.
 */
#include <stdarg.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

/* A cursor over the virtual document: pos counts every byte emitted,
 * copied only counts those that fell inside [from, from + len). */
struct xml_out {
	size_t pos;
	size_t from;
	size_t len;
	char *out;
	size_t copied;
	bool more;      /* a byte past a non-empty window exists: stop there */
};

static void put_n(struct xml_out *o, const char *s, size_t n)
{
	size_t end = o->from + o->len;

	if (o->more || n == 0)
		return;
	if (o->len && o->pos + n > end) {
		/* whatever is emitted from here on lies past the window */
		o->more = true;
	}
	if (o->len && o->pos < end && o->pos + n > o->from) {
		size_t skip = o->from > o->pos ? o->from - o->pos : 0;
		size_t take = n - skip;
		size_t at = o->pos + skip - o->from;

		if (take > o->len - at)
			take = o->len - at;
		memcpy(o->out + at, s + skip, take);
		o->copied = at + take;
	}
	o->pos += n;
}

static void put(struct xml_out *o, const char *s)
{
	put_n(o, s, gstub_tdesc_strlen(s));
}

/* Attribute and text values are escaped: names from a loaded user XML may
 * hold any character its parser decoded. */
static void put_escaped(struct xml_out *o, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *ent;

		switch (*s) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&apos;"; break;
		default: continue;
		}
		put_n(o, run, (size_t)(s - run));
		put(o, ent);
		run = s + 1;
	}
	put_n(o, run, (size_t)(s - run));
}

static void put_u32(struct xml_out *o, uint32_t v)
{
	char buf[10];
	size_t i = sizeof(buf);

	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put_n(o, buf + i, sizeof(buf) - i);
}

/*
 * Text with values: `fmt` is copied, except %s (a string, escaped), %u (a
 * uint32_t) and %d (an int32_t). One call writes a whole element's start,
 * which keeps each element readable as the XML it makes.
 */
static void put_fmt(struct xml_out *o, const char *fmt, ...)
{
	const char *run = fmt;
	va_list ap;

	va_start(ap, fmt);
	for (; *fmt; fmt++) {
		int32_t v;

		if (*fmt != '%')
			continue;
		put_n(o, run, (size_t)(fmt - run));
		run = fmt + 2;
		switch (*++fmt) {
		case 's':
			put_escaped(o, va_arg(ap, const char *));
			break;
		case 'd':
			v = va_arg(ap, int32_t);
			if (v < 0)
				put_n(o, "-", 1);
			put_u32(o, v < 0 ? (uint32_t)0 - (uint32_t)v : (uint32_t)v);
			break;
		default: /* 'u' */
			put_u32(o, va_arg(ap, uint32_t));
			break;
		}
	}
	put_n(o, run, (size_t)(fmt - run));
	va_end(ap);
}

static void put_field(struct xml_out *o, const struct gstub_tdesc_type *t,
		      const struct gstub_tdesc_field *f)
{
	const char *name = f->name ? f->name : "";

	if (t->kind == GSTUB_TYPE_ENUM) {
		put_fmt(o, "      <evalue name=\"%s\" value=\"%d\"/>\n", name,
			f->start);
		return;
	}
	put_fmt(o, "      <field name=\"%s\"", name);
	if (f->start >= 0)
		put_fmt(o, " start=\"%d\" end=\"%d\"", f->start,
			f->end >= 0 ? f->end : f->start);
	if (f->type)
		put_fmt(o, " type=\"%s\"", f->type);
	put(o, "/>\n");
}

static const char *const type_tags[] = {
	[GSTUB_TYPE_VECTOR] = "vector",
	[GSTUB_TYPE_UNION] = "union",
	[GSTUB_TYPE_STRUCT] = "struct",
	[GSTUB_TYPE_FLAGS] = "flags",
	[GSTUB_TYPE_ENUM] = "enum",
};

/* The start tag; false when there is none to write (unknown kind) or
 * nothing more (a vector is one empty element). */
static bool put_type_open(struct xml_out *o, const struct gstub_tdesc_type *t)
{
	if (t->kind >= GSTUB_ARRAY_LEN(type_tags))
		return false;
	put_fmt(o, "    <%s id=\"%s\"", type_tags[t->kind], t->id);
	if (t->kind == GSTUB_TYPE_VECTOR) {
		put_fmt(o, " type=\"%s\" count=\"%u\"/>\n", t->elem, t->count);
		return false;
	}
	if (t->size)
		put_fmt(o, " size=\"%u\"", t->size);
	put(o, ">\n");
	return true;
}

static void put_type_close(struct xml_out *o, const struct gstub_tdesc_type *t)
{
	put_fmt(o, "    </%s>\n", type_tags[t->kind]);
}

static void put_type(struct xml_out *o, const struct gstub_tdesc_type *t)
{
	uint32_t i;

	if (!put_type_open(o, t))
		return;
	for (i = 0; i < t->nfields && t->fields; i++)
		put_field(o, t, &t->fields[i]);
	put_type_close(o, t);
}

/* A built-in feature's compact type list (tdesc-packed.h). */
static void put_packed_types(struct xml_out *o, const char *p, uint32_t scale)
{
	struct gstub_tdesc_type t;
	struct gstub_tdesc_field f;
	uint32_t i;

	while ((p = gstub_tdesc_packed_type(p, scale, &t)) != NULL) {
		if (!put_type_open(o, &t))
			continue;
		for (i = 0; i < t.nfields; i++) {
			p = gstub_tdesc_packed_field(p, t.kind, &f);
			put_field(o, &t, &f);
		}
		put_type_close(o, &t);
	}
}

static void put_reg(struct xml_out *o, const struct gstub_tdesc_reg *r)
{
	put_fmt(o, "    <reg name=\"%s\" bitsize=\"%u\" type=\"%s\" regnum=\"%u\"",
		r->name, r->bitsize, r->type ? r->type : "int", r->regnum);
	if (r->group)
		put_fmt(o, " group=\"%s\"", r->group);
	if (!r->save_restore)
		put(o, " save-restore=\"no\"");
	put(o, "/>\n");
}

static void put_feature(struct xml_out *o, const struct gstub_tdesc *td,
			uint32_t f)
{
	uint32_t i;

	put_fmt(o, "  <feature name=\"%s\">\n", td->features[f].name);
	if (td->features[f].packed_types)
		put_packed_types(o, td->features[f].packed_types,
				 td->features[f].packed_scale);
	for (i = 0; i < td->ntypes && i < GSTUB_TDESC_MAX_TYPES; i++)
		if (td->types[i].feature == f)
			put_type(o, &td->types[i]);
	for (i = 0; i < td->nregs && i < GSTUB_TDESC_MAX_REGS; i++)
		if (td->regs[i].feature == f)
			put_reg(o, &td->regs[i]);
	put(o, "  </feature>\n");
}

size_t gstub_tdesc_xml_render(const struct gstub_tdesc *td, size_t from,
			      char *out, size_t len, size_t *copied)
{
	struct xml_out o = { .from = from, .len = out ? len : 0, .out = out };
	uint32_t f;

	put(&o, "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
		"<target version=\"1.0\">\n");
	if (td->architecture)
		put_fmt(&o, "  <architecture>%s</architecture>\n",
			td->architecture);
	if (td->osabi)
		put_fmt(&o, "  <osabi>%s</osabi>\n", td->osabi);
	for (f = 0; f < td->nfeatures && f < GSTUB_TDESC_MAX_FEATURES; f++)
		put_feature(&o, td, f);
	put(&o, "</target>\n");
	if (copied)
		*copied = o.copied;
	/* Cut short: the document is longer than the window's end. */
	return o.more ? SIZE_MAX : o.pos;
}

static bool is_target_xml(const char *annex, size_t annex_len)
{
	static const char name[] = "target.xml";

	return annex && annex_len == sizeof(name) - 1 &&
	       memcmp(annex, name, annex_len) == 0;
}

int gstub_tdesc_xml_read(const struct gstub_tdesc *td, const char *annex,
			 size_t annex_len, size_t offset, char *out, size_t len,
			 bool *at_end)
{
	size_t total, copied = 0;

	if (!td || !is_target_xml(annex, annex_len))
		return GSTUB_ENOENT;
	if (!out && len)
		return GSTUB_EINVAL;
	/* The result is an int: never hand back more than it can count. */
	if (len > (size_t)INT32_MAX)
		len = (size_t)INT32_MAX;
	/* and the window's end must not wrap */
	if (len > SIZE_MAX - offset)
		len = SIZE_MAX - offset;
	total = gstub_tdesc_xml_render(td, offset, out, len, &copied);
	if (at_end)
		*at_end = offset + copied >= total;
	return (int)copied;
}

long gstub_tdesc_xml_size(const struct gstub_tdesc *td, const char *annex,
			  size_t annex_len)
{
	if (!td || !is_target_xml(annex, annex_len))
		return GSTUB_ENOENT;
	return (long)gstub_tdesc_xml_render(td, 0, NULL, 0, NULL);
}
