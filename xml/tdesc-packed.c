/*
 * Reading the compact type lists of the built-in descriptions
 * (tdesc-packed.h) back into the public structs, one record and one field
 * at a time, for the XML writer.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

const char *gstub_tdesc_packed_next(const char *p)
{
	while (*p++)
		;
	return p;
}

const char *gstub_tdesc_packed_type(const char *p, uint32_t scale,
				    struct gstub_tdesc_type *t)
{
	uint8_t kind;

	/* PK_SKIP leaves out everything up to PK_JOIN, a byte no record
	 * holds, so no record needs decoding on the way. */
	while ((kind = (uint8_t)*p++) == PK_SKIP_KIND || kind == PK_JOIN_KIND)
		if (kind == PK_SKIP_KIND)
			while ((uint8_t)*p != PK_JOIN_KIND)
				p++;
	memset(t, 0, sizeof(*t));
	if (kind == 0)
		return NULL;
	t->id = p;
	p = gstub_tdesc_packed_next(p);
	switch (kind) {
	case PK_VECTOR_KIND:
	case PK_SCALED_VECTOR_KIND:
		t->kind = GSTUB_TYPE_VECTOR;
		t->elem = p;
		p = gstub_tdesc_packed_next(p);
		t->count = (uint8_t)*p++;
		if (kind == PK_SCALED_VECTOR_KIND)
			t->count *= scale;
		return p;
	case PK_UNION_KIND:
		t->kind = GSTUB_TYPE_UNION;
		t->nfields = (uint8_t)*p++;
		return p;
	case PK_FLAGS_KIND:
		t->kind = GSTUB_TYPE_FLAGS;
		t->size = (uint8_t)*p++;
		t->nfields = (uint8_t)*p++;
		return p;
	default:
		return NULL;
	}
}

const char *gstub_tdesc_packed_field(const char *p, uint8_t kind,
				     struct gstub_tdesc_field *f)
{
	f->name = p;
	p = gstub_tdesc_packed_next(p);
	if (kind == GSTUB_TYPE_FLAGS) {
		f->type = NULL;
		f->start = (uint8_t)p[0];
		f->end = (uint8_t)p[1];
		return p + 2;
	}
	f->type = p;
	f->start = -1;
	f->end = -1;
	return gstub_tdesc_packed_next(p);
}
