/*
 * The target.xml gdb reads through qXfer:features:read, generated from the
 * description table on every request. The document is walked from the start
 * each time and only the bytes inside the requested window are copied, so
 * no buffer ever holds it whole and every window of the same table is
 * byte-for-byte the same document.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

/* A cursor over the virtual document: pos counts every byte emitted; from
 * `from` on, up to `len` of them are copied to out, each taking a byte of
 * `room` (two when escaped for a packet), until one does not fit. */
struct xml_out {
	size_t pos;
	size_t from;
	size_t len;
	char *out;
	size_t room;
	size_t taken;   /* document bytes copied */
	size_t written; /* bytes written to out, escapes included */
	bool escape;    /* '#', '$', '}' and '*' as '}' and the byte ^ 0x20 */
	bool cut;       /* a byte from `from` on was left out */
};

/* One byte of the document, copied when it falls inside the window (whose
 * end is never computed, so no offset can wrap). */
static void put_c(struct xml_out *o, char c)
{
	bool esc = o->escape &&
		   (c == '#' || c == '$' || c == '}' || c == '*');

	if (o->pos++ < o->from || o->cut)
		return;
	if (o->taken == o->len || o->room - o->written < 1u + esc) {
		o->cut = true;
		return;
	}
	if (esc) {
		o->out[o->written++] = '}';
		c ^= 0x20;
	}
	o->out[o->written++] = c;
	o->taken++;
}

static void put(struct xml_out *o, const char *s)
{
	for (; *s; s++)
		put_c(o, *s);
}

/* Attribute and text values are escaped: names from a loaded user XML may
 * hold any character its parser decoded. */
static void put_escaped(struct xml_out *o, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': put(o, "&amp;"); break;
		case '<': put(o, "&lt;"); break;
		case '>': put(o, "&gt;"); break;
		case '"': put(o, "&quot;"); break;
		case '\'': put(o, "&apos;"); break;
		default: put_c(o, *s); break;
		}
	}
}

static void put_u32(struct xml_out *o, uint32_t v)
{
	char buf[11];
	size_t i = sizeof(buf) - 1;

	buf[i] = 0;
	do {
		buf[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	put(o, buf + i);
}

/*
 * Text with values: `fmt` is copied, except %s (s, escaped), %u (n) and %d
 * (n holding an int32_t, as (uint32_t) converts it). One call writes an
 * element's start or an attribute or two, which keeps each readable as the
 * XML it makes.
 */
static void put_fmt(struct xml_out *o, const char *fmt, const char *s,
		    uint32_t n)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put_c(o, *fmt);
			continue;
		}
		switch (*++fmt) {
		case 's':
			put_escaped(o, s);
			break;
		case 'd':
			if (n >> 31) {
				put_c(o, '-');
				n = 0u - n;
			}
			/* fall through */
		default: /* 'u' */
			put_u32(o, n);
			break;
		}
	}
}

static void put_field(struct xml_out *o, const struct gstub_tdesc_type *t,
		      const struct gstub_tdesc_field *f)
{
	const char *name = f->name ? f->name : "";

	if (t->kind == GSTUB_TYPE_ENUM) {
		put_fmt(o, "      <evalue name=\"%s\" value=\"%d\"/>\n", name,
			(uint32_t)f->start);
		return;
	}
	put_fmt(o, "      <field name=\"%s\"", name, 0);
	if (f->start >= 0) {
		put_fmt(o, " start=\"%u\"", NULL, (uint32_t)f->start);
		put_fmt(o, " end=\"%u\"", NULL,
			(uint32_t)(f->end >= 0 ? f->end : f->start));
	}
	if (f->type)
		put_fmt(o, " type=\"%s\"", f->type, 0);
	put(o, "/>\n");
}

/* Element names by kind, in place (no table of pointers). */
static const char type_tags[][7] = {
	[GSTUB_TYPE_VECTOR] = "vector",
	[GSTUB_TYPE_UNION] = "union",
	[GSTUB_TYPE_STRUCT] = "struct",
	[GSTUB_TYPE_FLAGS] = "flags",
	[GSTUB_TYPE_ENUM] = "enum",
};

/*
 * A type: from its row (fields in t->fields) or, with packed set, decoded
 * from a compact list (tdesc-packed.h) whose fields follow at packed.
 * Returns what follows the type's fields in the compact list.
 */
static const char *put_type(struct xml_out *o,
			    const struct gstub_tdesc_type *t, const char *packed)
{
	const char *tag = type_tags[t->kind];
	struct gstub_tdesc_field f;
	uint32_t i;

	put_fmt(o, "    <%s", tag, 0);
	put_fmt(o, " id=\"%s\"", t->id, 0);
	if (t->kind == GSTUB_TYPE_VECTOR) {
		put_fmt(o, " type=\"%s\" count=\"%u\"/>\n", t->elem, t->count);
		return packed;
	}
	if (t->size)
		put_fmt(o, " size=\"%u\"", NULL, t->size);
	put(o, ">\n");
	/* gstub_tdesc_add_type keeps no row with nfields but no fields */
	for (i = 0; i < t->nfields; i++) {
		if (packed)
			packed = gstub_tdesc_packed_field(packed, t->kind, &f);
		put_field(o, t, packed ? &f : &t->fields[i]);
	}
	put_fmt(o, "    </%s>\n", tag, 0);
	return packed;
}

/* A built-in feature's compact type list (tdesc-packed.h). */
static void put_packed_types(struct xml_out *o, const char *p, uint32_t scale)
{
	struct gstub_tdesc_type t;

	while ((p = gstub_tdesc_packed_type(p, scale, &t)) != NULL)
		p = put_type(o, &t, p);
}

/* gstub_tdesc_add_reg gave every row a name and a type ("int" when the
 * caller gave none). */
static void put_reg(struct xml_out *o, const struct gstub_tdesc_reg *r)
{
	put_fmt(o, "    <reg name=\"%s\" bitsize=\"%u\"", r->name, r->bitsize);
	put_fmt(o, " type=\"%s\" regnum=\"%u\"", r->type, r->regnum);
	if (r->group)
		put_fmt(o, " group=\"%s\"", r->group, 0);
	if (!r->save_restore)
		put(o, " save-restore=\"no\"");
	put(o, "/>\n");
}

/* The counts and rows are as the gstub_tdesc_add_* functions left them:
 * within the tables, every row checked on the way in. */
static void put_feature(struct xml_out *o, const struct gstub_tdesc *td,
			uint32_t f)
{
	uint32_t i;

	put_fmt(o, "  <feature name=\"%s\">\n", td->features[f].name, 0);
	if (td->features[f].packed_types)
		put_packed_types(o, td->features[f].packed_types,
				 td->features[f].packed_scale);
	for (i = 0; i < td->ntypes; i++)
		if (td->types[i].feature == f)
			put_type(o, &td->types[i], NULL);
	for (i = 0; i < td->nregs; i++)
		if (td->regs[i].feature == f)
			put_reg(o, &td->regs[i]);
	put(o, "  </feature>\n");
}

static void render(struct xml_out *o, const struct gstub_tdesc *td)
{
	uint32_t f;

	put(o, "<?xml version=\"1.0\"?>\n"
	       "<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
	       "<target version=\"1.0\">\n");
	if (td->architecture)
		put_fmt(o, "  <architecture>%s</architecture>\n",
			td->architecture, 0);
	if (td->osabi)
		put_fmt(o, "  <osabi>%s</osabi>\n", td->osabi, 0);
	for (f = 0; f < td->nfeatures; f++)
		put_feature(o, td, f);
	put(o, "</target>\n");
}

static bool is_target_xml(const char *annex, size_t annex_len)
{
	static const char name[] = "target.xml";

	return annex && annex_len == sizeof(name) - 1 &&
	       memcmp(annex, name, annex_len) == 0;
}

/* The window of the document `annex` as struct xml_out says. */
static int window(const struct gstub_tdesc *td, const char *annex,
		  size_t annex_len, struct xml_out *o, bool *at_end)
{
	if (!td || !is_target_xml(annex, annex_len))
		return GSTUB_ENOENT;
	if (!o->out && o->len)
		return GSTUB_EINVAL;
	/* The result is an int: never hand back more than it can count. */
	if (o->room > (size_t)INT32_MAX)
		o->room = (size_t)INT32_MAX;
	render(o, td);
	if (at_end)
		*at_end = !o->cut;
	return (int)o->written;
}

int gstub_tdesc_xml_read(const struct gstub_tdesc *td, const char *annex,
			 size_t annex_len, size_t offset, char *out, size_t len,
			 bool *at_end)
{
	struct xml_out o = { .from = offset, .len = len, .out = out,
			     .room = len };

	return window(td, annex, annex_len, &o, at_end);
}

int gstub_tdesc_xml_packet(const struct gstub_tdesc *td, const char *annex,
			   size_t annex_len, size_t offset, size_t len,
			   char *out, size_t room, bool *at_end)
{
	struct xml_out o = { .from = offset, .len = len, .out = out,
			     .room = room, .escape = true };

	return window(td, annex, annex_len, &o, at_end);
}

long gstub_tdesc_xml_size(const struct gstub_tdesc *td, const char *annex,
			  size_t annex_len)
{
	struct xml_out o = { .from = SIZE_MAX };

	if (!td || !is_target_xml(annex, annex_len))
		return GSTUB_ENOENT;
	render(&o, td);
	return (long)o.pos;
}
