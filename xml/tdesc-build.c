/*
 * Filling a struct gstub_tdesc: features, types and registers are appended
 * in document order, and each register's place in a `g` reply is computed
 * here, once, so the XML and the register map come from the same rows.
 */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-packed.h"

void gstub_tdesc_init(struct gstub_tdesc *td, enum gstub_arch arch,
		      const char *architecture)
{
	memset(td, 0, sizeof(*td));
	td->arch = (uint8_t)arch;
	td->architecture = architecture;
	td->pc_regnum = -1;
	td->sp_regnum = -1;
	td->fp_regnum = -1;
	td->status_regnum = -1;
}

int gstub_tdesc_add_feature(struct gstub_tdesc *td, const char *name)
{
	if (!name || !name[0])
		return GSTUB_EINVAL;
	if (td->nfeatures >= GSTUB_TDESC_MAX_FEATURES)
		return GSTUB_ENOSPC;
	td->features[td->nfeatures].name = name;
	return (int)td->nfeatures++;
}

int gstub_tdesc_add_packed_feature(struct gstub_tdesc *td, const char *name,
				   const char *packed_types,
				   const char *packed_regs, uint32_t scale)
{
	struct gstub_tdesc_reg r;
	const char *p = packed_regs;
	int f = gstub_tdesc_add_feature(td, name);

	if (f < 0)
		return f;
	td->features[f].packed_types = packed_types;
	td->features[f].packed_scale = scale;
	memset(&r, 0, sizeof(r));
	while (p && *p) {
		uint8_t flags = (uint8_t)p[0], n = (uint8_t)p[1];

		r.bitsize = 8u * (uint8_t)p[2] *
			    (flags & PK_REGS_SCALED ? scale : 1);
		r.type = p + 3;
		p = gstub_tdesc_packed_next(r.type);
		r.group = *p ? p : NULL;
		p = gstub_tdesc_packed_next(p);
		r.save_restore = !(flags & PK_REGS_NO_SAVE);
		r.regnum = GSTUB_TDESC_REGNUM_NEXT;
		for (; n; n--) {
			r.name = p;
			TRY(gstub_tdesc_add_reg(td, &r));
			p = gstub_tdesc_packed_next(p);
		}
	}
	return f;
}

static bool type_shape_ok(const struct gstub_tdesc_type *t)
{
	switch (t->kind) {
	case GSTUB_TYPE_VECTOR:
		return t->elem && t->elem[0] && t->count > 0;
	case GSTUB_TYPE_UNION:
	case GSTUB_TYPE_STRUCT:
		return t->nfields > 0 && t->fields;
	case GSTUB_TYPE_FLAGS:
	case GSTUB_TYPE_ENUM:
		/* gdb wants a size for both; flags may be empty */
		return t->size > 0 && (t->nfields == 0 || t->fields);
	default:
		return false;
	}
}

int gstub_tdesc_add_type(struct gstub_tdesc *td,
			 const struct gstub_tdesc_type *type)
{
	if (td->nfeatures == 0 || !type || !type->id || !type->id[0] ||
	    !type_shape_ok(type))
		return GSTUB_EINVAL;
	if (td->ntypes >= GSTUB_TDESC_MAX_TYPES)
		return GSTUB_ENOSPC;
	td->types[td->ntypes] = *type;
	td->types[td->ntypes].feature = (uint8_t)(td->nfeatures - 1);
	td->ntypes++;
	return 0;
}

int gstub_tdesc_add_reg(struct gstub_tdesc *td,
			const struct gstub_tdesc_reg *reg)
{
	struct gstub_tdesc_reg *r;
	uint32_t regnum, next, bytes;

	if (td->nfeatures == 0 || !reg || !reg->name || !reg->name[0] ||
	    reg->bitsize == 0 || reg->bitsize % 8 != 0)
		return GSTUB_EINVAL;
	if (td->nregs >= GSTUB_TDESC_MAX_REGS)
		return GSTUB_ENOSPC;
	/* the lowest number left; GSTUB_TDESC_REGNUM_NEXT itself is none */
	next = td->nregs ? td->regs[td->nregs - 1].regnum + 1 : 0;
	regnum = reg->regnum == GSTUB_TDESC_REGNUM_NEXT ? next : reg->regnum;
	if (regnum < next || regnum == GSTUB_TDESC_REGNUM_NEXT)
		return GSTUB_EINVAL;
	bytes = reg->bitsize / 8;
	if (bytes > GSTUB_TDESC_G_MAX - td->g_size)
		return GSTUB_EINVAL;

	r = &td->regs[td->nregs++];
	*r = *reg;
	r->type = reg->type ? reg->type : "int";
	r->regnum = regnum;
	r->offset = td->g_size;
	r->feature = (uint8_t)(td->nfeatures - 1);
	td->g_size += bytes;
	return 0;
}

int gstub_tdesc_add_reg_range(struct gstub_tdesc *td,
			      const char *const *names, uint32_t n,
			      uint32_t bitsize, const char *type,
			      const char *group, uint32_t first_regnum)
{
	struct gstub_tdesc_reg r;
	uint32_t i;
	int rc;

	memset(&r, 0, sizeof(r));
	r.bitsize = bitsize;
	r.type = type;
	r.group = group;
	r.save_restore = true;
	for (i = 0; i < n; i++) {
		r.name = names[i];
		r.regnum = i == 0 ? first_regnum : GSTUB_TDESC_REGNUM_NEXT;
		rc = gstub_tdesc_add_reg(td, &r);
		if (rc < 0)
			return rc;
	}
	return 0;
}

int gstub_tdesc_add_packed_regs(struct gstub_tdesc *td, const char *names,
				uint32_t n, uint32_t bitsize, const char *type,
				const char *group, uint32_t first_regnum)
{
	struct gstub_tdesc_reg r;
	uint32_t i;

	memset(&r, 0, sizeof(r));
	r.bitsize = bitsize;
	r.type = type;
	r.group = group;
	r.save_restore = true;
	r.regnum = first_regnum;
	for (i = 0; i < n; i++) {
		r.name = names;
		TRY(gstub_tdesc_add_reg(td, &r));
		r.regnum = GSTUB_TDESC_REGNUM_NEXT;
		names = gstub_tdesc_packed_next(names);
	}
	return 0;
}

/* A single name is a packed list of one. */
int gstub_tdesc_add_one_reg(struct gstub_tdesc *td, const char *name,
			    uint32_t bitsize, const char *type,
			    const char *group)
{
	return gstub_tdesc_add_packed_regs(td, name, 1, bitsize, type, group,
					   GSTUB_TDESC_REGNUM_NEXT);
}
