/*
 * Helpers shared by the loader's unit tests: the whole generated XML of a
 * table, and a field-by-field comparison of two tables that says where
 * they first differ.
 */
#ifndef GSTUB_TESTS_TDESC_LOAD_CHECK_H
#define GSTUB_TESTS_TDESC_LOAD_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

/* The document of td, malloc'd and NUL-terminated; NULL on failure. */
static inline char *tdesc_whole_xml(const struct gstub_tdesc *td, size_t *len)
{
	long total = gstub_tdesc_xml_size(td, "target.xml", 10);
	bool at_end = false;
	char *buf;
	int n;

	if (total <= 0)
		return NULL;
	buf = malloc((size_t)total + 1);
	if (!buf)
		return NULL;
	n = gstub_tdesc_xml_read(td, "target.xml", 10, 0, buf, (size_t)total,
				 &at_end);
	if (n != total || !at_end) {
		free(buf);
		return NULL;
	}
	buf[total] = 0;
	if (len)
		*len = (size_t)total;
	return buf;
}

static inline bool tdesc_same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

#define TDESC_DIFF(...)                                   \
	do {                                              \
		snprintf(why, whylen, __VA_ARGS__);       \
		return false;                             \
	} while (0)

static inline bool tdesc_same_type(const struct gstub_tdesc_type *a,
				   const struct gstub_tdesc_type *b,
				   char *why, size_t whylen)
{
	uint32_t i;

	if (!tdesc_same_str(a->id, b->id) || a->kind != b->kind ||
	    a->feature != b->feature || !tdesc_same_str(a->elem, b->elem) ||
	    a->count != b->count || a->size != b->size ||
	    a->nfields != b->nfields)
		TDESC_DIFF("type %s differs", a->id ? a->id : "?");
	for (i = 0; i < a->nfields; i++) {
		const struct gstub_tdesc_field *x = &a->fields[i], *y = &b->fields[i];

		if (!tdesc_same_str(x->name, y->name) ||
		    !tdesc_same_str(x->type, y->type) || x->start != y->start ||
		    x->end != y->end)
			TDESC_DIFF("type %s field %u (%s) differs", a->id,
				   (unsigned)i, x->name ? x->name : "?");
	}
	return true;
}

static inline bool tdesc_same_reg(const struct gstub_tdesc_reg *a,
				  const struct gstub_tdesc_reg *b,
				  char *why, size_t whylen)
{
	if (!tdesc_same_str(a->name, b->name) ||
	    !tdesc_same_str(a->type, b->type) ||
	    !tdesc_same_str(a->group, b->group) || a->regnum != b->regnum ||
	    a->offset != b->offset || a->bitsize != b->bitsize ||
	    a->feature != b->feature || a->save_restore != b->save_restore)
		TDESC_DIFF("register %s differs", a->name ? a->name : "?");
	return true;
}

static inline bool tdesc_has_packed_types(const struct gstub_tdesc *td)
{
	uint32_t i;

	for (i = 0; i < td->nfeatures; i++)
		if (td->features[i].packed_types)
			return true;
	return false;
}

/* The same document, byte for byte. */
static inline bool tdesc_same_xml(const struct gstub_tdesc *a,
				  const struct gstub_tdesc *b)
{
	size_t alen = 0, blen = 0;
	char *ax = tdesc_whole_xml(a, &alen), *bx = tdesc_whole_xml(b, &blen);
	bool same = ax && bx && alen == blen && !memcmp(ax, bx, alen);

	free(ax);
	free(bx);
	return same;
}

/* Every member the engine or the XML uses, compared by value. The types of
 * a built-in description are in its features' compact lists rather than
 * types[]: against one, types are compared through the XML, which is
 * where they are used. */
static inline bool tdesc_same(const struct gstub_tdesc *a,
			      const struct gstub_tdesc *b, char *why,
			      size_t whylen)
{
	bool packed = tdesc_has_packed_types(a) || tdesc_has_packed_types(b);
	uint32_t i;

	if (a->arch != b->arch)
		TDESC_DIFF("arch %u vs %u", a->arch, b->arch);
	if (!tdesc_same_str(a->architecture, b->architecture) ||
	    !tdesc_same_str(a->osabi, b->osabi))
		TDESC_DIFF("architecture or osabi differs");
	if (a->nfeatures != b->nfeatures ||
	    (!packed && a->ntypes != b->ntypes) ||
	    a->nregs != b->nregs || a->g_size != b->g_size)
		TDESC_DIFF("counts differ: features %u/%u types %u/%u regs %u/%u g %u/%u",
			   a->nfeatures, b->nfeatures, a->ntypes, b->ntypes,
			   a->nregs, b->nregs, a->g_size, b->g_size);
	if (a->pc_regnum != b->pc_regnum || a->sp_regnum != b->sp_regnum ||
	    a->fp_regnum != b->fp_regnum || a->status_regnum != b->status_regnum)
		TDESC_DIFF("expedited registers differ: pc %d/%d sp %d/%d fp %d/%d status %d/%d",
			   a->pc_regnum, b->pc_regnum, a->sp_regnum, b->sp_regnum,
			   a->fp_regnum, b->fp_regnum, a->status_regnum,
			   b->status_regnum);
	for (i = 0; i < a->nfeatures; i++)
		if (!tdesc_same_str(a->features[i].name, b->features[i].name))
			TDESC_DIFF("feature %u differs", (unsigned)i);
	if (packed && !tdesc_same_xml(a, b))
		TDESC_DIFF("types differ (the documents differ)");
	for (i = 0; !packed && i < a->ntypes; i++)
		if (!tdesc_same_type(&a->types[i], &b->types[i], why, whylen))
			return false;
	for (i = 0; i < a->nregs; i++)
		if (!tdesc_same_reg(&a->regs[i], &b->regs[i], why, whylen))
			return false;
	return true;
}

#undef TDESC_DIFF

#endif
