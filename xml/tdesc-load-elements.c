/*
 * What each element of a target description means, checked as gdb checks
 * it (gdb's xml-tdesc rules: attributes, type lookups within the feature,
 * bitfield limits, register numbering) and stricter where gdb would quietly
 * ignore something: an element in the wrong place, an unknown element or
 * attribute, stray text, a duplicate register, a field of an unknown type.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>

#include "tdesc-internal.h"
#include "tdesc-load-internal.h"

/* gdb's bounds, "just to catch obviously wrong values". */
#define LOAD_MAX_TYPE_SIZE 65536u
#define LOAD_MAX_VECTOR_COUNT 65536u
/* gdb keeps bitfields within 64 bits. */
#define LOAD_MAX_BITFIELD_END 63u

#define XINCLUDE_NS "http://www.w3.org/2001/XInclude"

#define IN(k) (1u << (k))
#define IN_TYPE (IN(LE_UNION) | IN(LE_STRUCT) | IN(LE_FLAGS))

struct elem_spec {
	const char *name;
	uint32_t parents;       /* where it may appear */
	const char *belongs;    /* for messages: where it goes instead */
	const char *const *attrs; /* the attributes it may carry */
};

static const char *const no_attrs[] = { NULL };
static const char *const target_attrs[] = { "version", NULL };
static const char *const feature_attrs[] = { "name", NULL };
static const char *const vector_attrs[] = { "id", "type", "count", NULL };
static const char *const union_attrs[] = { "id", NULL };
static const char *const sized_attrs[] = { "id", "size", NULL };
static const char *const field_attrs[] = { "name", "type", "start", "end",
					   NULL };
static const char *const evalue_attrs[] = { "name", "value", NULL };
static const char *const reg_attrs[] = { "name", "bitsize", "regnum", "type",
					 "group", "save-restore", NULL };
static const char *const include_attrs[] = { "href", "parse", NULL };

static const struct elem_spec specs[LE_COUNT] = {
	[LE_TARGET] = { "target", IN(LE_NONE), "at the root", target_attrs },
	[LE_ARCHITECTURE] = { "architecture", IN(LE_TARGET), "in <target>",
			      no_attrs },
	[LE_OSABI] = { "osabi", IN(LE_TARGET), "in <target>", no_attrs },
	[LE_COMPATIBLE] = { "compatible", IN(LE_TARGET), "in <target>",
			    no_attrs },
	[LE_FEATURE] = { "feature", IN(LE_TARGET), "in <target>",
			 feature_attrs },
	[LE_VECTOR] = { "vector", IN(LE_FEATURE), "in <feature>",
			vector_attrs },
	[LE_UNION] = { "union", IN(LE_FEATURE), "in <feature>", union_attrs },
	[LE_STRUCT] = { "struct", IN(LE_FEATURE), "in <feature>",
			sized_attrs },
	[LE_FLAGS] = { "flags", IN(LE_FEATURE), "in <feature>", sized_attrs },
	[LE_ENUM] = { "enum", IN(LE_FEATURE), "in <feature>", sized_attrs },
	[LE_FIELD] = { "field", IN_TYPE, "in <struct>, <union> or <flags>",
		       field_attrs },
	[LE_EVALUE] = { "evalue", IN(LE_ENUM), "in <enum>", evalue_attrs },
	[LE_REG] = { "reg", IN(LE_FEATURE), "in <feature>", reg_attrs },
	[LE_INCLUDE] = { "xi:include",
			 IN(LE_TARGET) | IN(LE_FEATURE) | IN_TYPE | IN(LE_ENUM),
			 "in <target>, <feature> or a type", include_attrs },
};

/* The types gdb knows without a declaration. */
static const char *const predefined_types[] = {
	"bool", "int8", "int16", "int32", "int64", "int128",
	"uint8", "uint16", "uint32", "uint64", "uint128",
	"code_ptr", "data_ptr", "ieee_half", "ieee_single", "ieee_double",
	"arm_fpa_ext", "i387_ext", "bfloat16",
};

static struct tdesc_loader *loader(void *data)
{
	return data;
}

static const char *parent_name(uint8_t kind)
{
	return kind == LE_NONE ? "the document" : specs[kind].name;
}

static const char *attr(const XML_Char **attrs, const char *name)
{
	for (; attrs[0]; attrs += 2)
		if (!strcmp(attrs[0], name))
			return attrs[1];
	return NULL;
}

/* ----- numbers, as gdb reads them (C syntax: 10, 0x0a, 012) ----- */

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

static bool parse_number(const char *s, uint64_t max, uint64_t *out)
{
	unsigned base = 10;
	uint64_t v = 0;

	if (!s || !*s)
		return false;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return false;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		s++;
	}
	for (; *s; s++) {
		int d = digit_value(*s);

		if (d >= (int)base || v > (max - (uint64_t)d) / base)
			return false;
		v = v * base + (uint64_t)d;
	}
	*out = v;
	return true;
}

/* A required or optional number attribute within [min, max]. */
static bool number_attr(struct tdesc_loader *L, const XML_Char **attrs,
			const char *elem, const char *name, bool required,
			uint64_t min, uint64_t max, uint64_t *out, bool *present)
{
	const char *s = attr(attrs, name);

	if (present)
		*present = s != NULL;
	if (!s) {
		if (required)
			return load_fail(L, GSTUB_EINVAL,
					 "<%s> needs a %s attribute", elem,
					 name);
		return true;
	}
	if (!parse_number(s, max, out) || *out < min)
		return load_fail(L, GSTUB_EINVAL,
				 "<%s> %s=\"%s\": not a number from %llu to %llu",
				 elem, name, s, (unsigned long long)min,
				 (unsigned long long)max);
	return true;
}

/* A required string attribute, non-empty unless empty_ok. */
static const char *string_attr(struct tdesc_loader *L, const XML_Char **attrs,
			       const char *elem, const char *name,
			       bool empty_ok)
{
	const char *s = attr(attrs, name);

	if (!s || (!empty_ok && !*s)) {
		load_fail(L, GSTUB_EINVAL, "<%s> needs a%s %s attribute", elem,
			  empty_ok ? "" : " non-empty", name);
		return NULL;
	}
	return s;
}

static const char *dup(struct tdesc_loader *L, const char *s)
{
	return load_strdup(L, s, strlen(s));
}

/* ----- types ----- */

static bool is_predefined(const char *id)
{
	uint32_t i;

	for (i = 0; i < GSTUB_ARRAY_LEN(predefined_types); i++)
		if (!strcmp(predefined_types[i], id))
			return true;
	return false;
}

/* As gdb: a type is visible in the feature that declares it, after its
 * declaration; the predefined ones everywhere. */
static const struct gstub_tdesc_type *feature_type(struct tdesc_loader *L,
						   const char *id)
{
	uint32_t i;

	for (i = 0; i < L->td->ntypes; i++)
		if ((int)L->td->types[i].feature == L->feature &&
		    !strcmp(L->td->types[i].id, id))
			return &L->td->types[i];
	return NULL;
}

static bool type_known(struct tdesc_loader *L, const char *id)
{
	return feature_type(L, id) || is_predefined(id);
}

/* Common start of a type: id unique in the feature, room in the table. */
static bool start_type(struct tdesc_loader *L, const XML_Char **attrs,
		       uint8_t kind, const char *elem)
{
	const char *id = string_attr(L, attrs, elem, "id", false);

	if (!id)
		return false;
	if (feature_type(L, id))
		return load_fail(L, GSTUB_EINVAL,
				 "type \"%s\" is already defined in this feature",
				 id);
	if (L->td->ntypes >= GSTUB_TDESC_MAX_TYPES)
		return load_fail(L, GSTUB_ENOSPC, "more than %d types",
				 GSTUB_TDESC_MAX_TYPES);
	memset(&L->type, 0, sizeof(L->type));
	L->type.kind = kind;
	L->type.id = dup(L, id);
	return L->type.id != NULL;
}

static bool add_type(struct tdesc_loader *L)
{
	int rc = gstub_tdesc_add_type(L->td, &L->type);

	if (rc < 0)
		return load_fail(L, rc, "type \"%s\" cannot be added (%s)",
				 L->type.id, gstub_strerror(rc));
	return true;
}

static bool start_vector(struct tdesc_loader *L, const XML_Char **attrs)
{
	const char *elem;
	uint64_t count;

	if (!start_type(L, attrs, GSTUB_TYPE_VECTOR, "vector"))
		return false;
	elem = string_attr(L, attrs, "vector", "type", false);
	if (!elem || !number_attr(L, attrs, "vector", "count", true, 1,
				  LOAD_MAX_VECTOR_COUNT, &count, NULL))
		return false;
	if (!type_known(L, elem))
		return load_fail(L, GSTUB_EINVAL,
				 "vector \"%s\" has unknown element type \"%s\"",
				 L->type.id, elem);
	L->type.elem = dup(L, elem);
	L->type.count = (uint32_t)count;
	return L->type.elem && add_type(L);
}

static bool start_fielded(struct tdesc_loader *L, const XML_Char **attrs,
			  uint8_t kind, const char *elem)
{
	uint64_t size = 0;
	/* flags and enum need a size; a struct has one only for bitfields */
	bool required = kind == GSTUB_TYPE_FLAGS || kind == GSTUB_TYPE_ENUM;

	if (!start_type(L, attrs, kind, elem))
		return false;
	if (kind != GSTUB_TYPE_UNION &&
	    !number_attr(L, attrs, elem, "size", required, required ? 1 : 0,
			 LOAD_MAX_TYPE_SIZE, &size, NULL))
		return false;
	L->type.size = (uint32_t)size;
	return true;
}

static bool end_fielded(struct tdesc_loader *L)
{
	struct gstub_tdesc_type *t = &L->type;
	size_t bytes = (size_t)t->nfields * sizeof(*L->fields);

	if ((t->kind == GSTUB_TYPE_UNION || t->kind == GSTUB_TYPE_STRUCT) &&
	    t->nfields == 0)
		return load_fail(L, GSTUB_EINVAL, "%s \"%s\" has no fields",
				 t->kind == GSTUB_TYPE_UNION ? "union"
							     : "struct",
				 t->id);
	if (t->nfields) {
		struct gstub_tdesc_field *f = load_alloc(L, bytes);

		if (!f)
			return false;
		memcpy(f, L->fields, bytes);
		t->fields = f;
	}
	return add_type(L);
}

/* Room for one more field in the scratch table. */
static struct gstub_tdesc_field *new_field(struct tdesc_loader *L)
{
	if (L->type.nfields >= GSTUB_TDESC_LOAD_MAX_FIELDS) {
		load_fail(L, GSTUB_ENOSPC, "type \"%s\" has more than %d fields",
			  L->type.id, GSTUB_TDESC_LOAD_MAX_FIELDS);
		return NULL;
	}
	if (L->type.nfields == L->fields_cap) {
		uint32_t cap = L->fields_cap ? 2 * L->fields_cap : 16;
		void *p = realloc(L->fields, cap * sizeof(*L->fields));

		if (!p) {
			load_fail(L, GSTUB_ENOMEM, "out of memory");
			return NULL;
		}
		L->fields = p;
		L->fields_cap = cap;
	}
	return &L->fields[L->type.nfields];
}

/* <field>: gdb's rules for bitfields (start/end) and whole-type members. */
static bool start_field(struct tdesc_loader *L, const XML_Char **attrs)
{
	struct gstub_tdesc_type *t = &L->type;
	struct gstub_tdesc_field *f;
	const char *name = string_attr(L, attrs, "field", "name", true);
	const char *type = attr(attrs, "type");
	uint64_t start = 0, end = 0;
	bool has_start, has_end;

	if (!name ||
	    !number_attr(L, attrs, "field", "start", false, 0,
			 LOAD_MAX_TYPE_SIZE * 8, &start, &has_start) ||
	    !number_attr(L, attrs, "field", "end", false, 0,
			 LOAD_MAX_TYPE_SIZE * 8, &end, &has_end))
		return false;
	if (type && !type_known(L, type))
		return load_fail(L, GSTUB_EINVAL,
				 "field \"%s\" has unknown type \"%s\"", name,
				 type);
	if (has_start) {
		if (!has_end)
			return load_fail(L, GSTUB_EINVAL,
					 "field \"%s\" has a start but no end",
					 name);
		if (t->size == 0)
			return load_fail(L, GSTUB_EINVAL,
					 "bitfield \"%s\" needs a type with a size",
					 name);
		if (type && !strcmp(type, "bool") && start != end)
			return load_fail(L, GSTUB_EINVAL,
					 "bool field \"%s\" must be one bit",
					 name);
		if (start > end)
			return load_fail(L, GSTUB_EINVAL,
					 "bitfield \"%s\" starts after its end",
					 name);
		if (end > LOAD_MAX_BITFIELD_END)
			return load_fail(L, GSTUB_EINVAL,
					 "bitfield \"%s\" goes past 64 bits",
					 name);
		if (end >= (uint64_t)t->size * 8)
			return load_fail(L, GSTUB_EINVAL,
					 "bitfield \"%s\" does not fit in %u bytes",
					 name, (unsigned)t->size);
	} else if (has_end) {
		return load_fail(L, GSTUB_EINVAL,
				 "field \"%s\" has an end but no start", name);
	} else if (!type) {
		return load_fail(L, GSTUB_EINVAL,
				 "field \"%s\" has neither type nor bit position",
				 name);
	} else if (t->size != 0) {
		return load_fail(L, GSTUB_EINVAL,
				 "field \"%s\" of a sized type needs a bit position",
				 name);
	}
	f = new_field(L);
	if (!f)
		return false;
	f->name = dup(L, name);
	f->type = type ? dup(L, type) : NULL;
	f->start = has_start ? (int32_t)start : -1;
	f->end = has_start ? (int32_t)end : -1;
	if (!f->name || (type && !f->type))
		return false;
	t->nfields++;
	return true;
}

static bool start_evalue(struct tdesc_loader *L, const XML_Char **attrs)
{
	struct gstub_tdesc_field *f;
	const char *name = string_attr(L, attrs, "evalue", "name", true);
	uint64_t value;

	if (!name || !number_attr(L, attrs, "evalue", "value", true, 0,
				  INT32_MAX, &value, NULL))
		return false;
	f = new_field(L);
	if (!f)
		return false;
	f->name = dup(L, name);
	f->type = NULL;
	f->start = (int32_t)value;
	f->end = -1;
	if (!f->name)
		return false;
	L->type.nfields++;
	return true;
}

/* ----- features and registers ----- */

static bool start_feature(struct tdesc_loader *L, const XML_Char **attrs)
{
	const char *name = string_attr(L, attrs, "feature", "name", false);
	const char *copy;
	uint32_t i;
	int idx;

	if (!name)
		return false;
	for (i = 0; i < L->td->nfeatures; i++)
		if (!strcmp(L->td->features[i].name, name))
			return load_fail(L, GSTUB_EINVAL,
					 "feature \"%s\" appears twice", name);
	if (L->td->nfeatures >= GSTUB_TDESC_MAX_FEATURES)
		return load_fail(L, GSTUB_ENOSPC, "more than %d features",
				 GSTUB_TDESC_MAX_FEATURES);
	copy = dup(L, name);
	if (!copy)
		return false;
	idx = gstub_tdesc_add_feature(L->td, copy);
	if (idx < 0)
		return load_fail(L, idx, "feature \"%s\" cannot be added", name);
	L->feature = idx;
	return true;
}

static bool start_reg(struct tdesc_loader *L, const XML_Char **attrs)
{
	const char *name = string_attr(L, attrs, "reg", "name", false);
	const char *type = attr(attrs, "type");
	const char *group = attr(attrs, "group");
	const char *sr = attr(attrs, "save-restore");
	struct load_reg *r;
	uint64_t bitsize, regnum = L->next_regnum;
	bool has_regnum;
	uint32_t i;

	if (!name)
		return false;
	if (!number_attr(L, attrs, "reg", "bitsize", true, 0,
			 (uint64_t)GSTUB_TDESC_G_MAX * 8, &bitsize, NULL) ||
	    !number_attr(L, attrs, "reg", "regnum", false, 0, INT32_MAX,
			 &regnum, &has_regnum))
		return false;
	if (bitsize == 0 || bitsize % 8)
		return load_fail(L, GSTUB_EINVAL,
				 "register \"%s\": bitsize %llu is not a positive multiple of 8",
				 name, (unsigned long long)bitsize);
	if (regnum > INT32_MAX)
		return load_fail(L, GSTUB_EINVAL,
				 "register \"%s\": number %llu is too large",
				 name, (unsigned long long)regnum);
	if (!type)
		type = "int";
	/* "int" and "float" need no declaration, as in gdb */
	if (strcmp(type, "int") && strcmp(type, "float") && !type_known(L, type))
		return load_fail(L, GSTUB_EINVAL,
				 "register \"%s\" has unknown type \"%s\"",
				 name, type);
	if (sr && strcasecmp(sr, "yes") && strcasecmp(sr, "no"))
		return load_fail(L, GSTUB_EINVAL,
				 "register \"%s\": save-restore must be yes or no, not \"%s\"",
				 name, sr);
	for (i = 0; i < L->nregs; i++) {
		if (!strcmp(L->regs[i].reg.name, name))
			return load_fail(L, GSTUB_EINVAL,
					 "duplicate register name \"%s\"", name);
		if (L->regs[i].reg.regnum == regnum)
			return load_fail(L, GSTUB_EINVAL,
					 "register \"%s\": number %u is already used by \"%s\"",
					 name, (unsigned)regnum,
					 L->regs[i].reg.name);
	}
	if (L->nregs >= GSTUB_TDESC_MAX_REGS)
		return load_fail(L, GSTUB_ENOSPC, "more than %d registers",
				 GSTUB_TDESC_MAX_REGS);
	if (bitsize / 8 > GSTUB_TDESC_G_MAX - L->g_bytes)
		return load_fail(L, GSTUB_ENOSPC,
				 "register \"%s\": the registers exceed %u bytes",
				 name, (unsigned)GSTUB_TDESC_G_MAX);

	r = &L->regs[L->nregs];
	memset(r, 0, sizeof(*r));
	r->reg.name = dup(L, name);
	r->reg.type = dup(L, type);
	r->reg.group = group ? dup(L, group) : NULL;
	if (!r->reg.name || !r->reg.type || (group && !r->reg.group))
		return false;
	r->reg.regnum = (uint32_t)regnum;
	r->reg.bitsize = (uint32_t)bitsize;
	r->reg.save_restore = !sr || !strcasecmp(sr, "yes");
	r->feature = (uint8_t)L->feature;
	L->nregs++;
	L->g_bytes += bitsize / 8;
	L->next_regnum = (uint32_t)regnum + 1;
	return true;
}

static bool start_include(struct tdesc_loader *L, const XML_Char **attrs)
{
	const char *href = string_attr(L, attrs, "xi:include", "href", false);
	const char *parse = attr(attrs, "parse");

	if (!href)
		return false;
	if (parse && strcmp(parse, "xml"))
		return load_fail(L, GSTUB_EINVAL,
				 "<xi:include parse=\"%s\"> is not supported (only xml)",
				 parse);
	return load_include(L, href);
}

static bool start_target(struct tdesc_loader *L, const XML_Char **attrs)
{
	const char *version = attr(attrs, "version");

	if (version && strcmp(version, "1.0"))
		return load_fail(L, GSTUB_EINVAL,
				 "unsupported target description version \"%s\" (only 1.0)",
				 version);
	return true;
}

/* <architecture> / <osabi>: once each, text trimmed as gdb trims it. */
static bool start_once(struct tdesc_loader *L, bool *seen, const char *elem)
{
	if (*seen)
		return load_fail(L, GSTUB_EINVAL, "second <%s>", elem);
	*seen = true;
	return true;
}

static const char *trimmed_text(struct tdesc_loader *L, const char *elem)
{
	const char *s = L->text, *e = L->text + L->textlen;

	while (s < e && (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
			 e[-1] == '\r'))
		e--;
	if (s == e) {
		load_fail(L, GSTUB_EINVAL, "empty <%s>", elem);
		return NULL;
	}
	return load_strdup(L, s, (size_t)(e - s));
}

/* ----- the expat callbacks ----- */

static uint8_t element_kind(const char *name)
{
	uint8_t k;

	if (!strncmp(name, XINCLUDE_NS " ", sizeof(XINCLUDE_NS)))
		return strcmp(name + sizeof(XINCLUDE_NS), "include") ? LE_NONE
								      : LE_INCLUDE;
	for (k = LE_TARGET; k < LE_INCLUDE; k++)
		if (!strcmp(specs[k].name, name))
			return k;
	return LE_NONE;
}

static bool attrs_known(struct tdesc_loader *L, uint8_t kind,
			const XML_Char **attrs)
{
	for (; attrs[0]; attrs += 2) {
		const char *const *a;
		bool found = false;

		for (a = specs[kind].attrs; *a && !found; a++)
			found = !strcmp(*a, attrs[0]);
		if (!found) {
			const char *sep = strchr(attrs[0], ' ');

			return load_fail(L, GSTUB_EINVAL,
					 "<%s> has no attribute \"%s\"",
					 specs[kind].name,
					 sep ? sep + 1 : attrs[0]);
		}
	}
	return true;
}

static bool start_element(struct tdesc_loader *L, uint8_t kind,
			  const XML_Char **attrs)
{
	switch (kind) {
	case LE_TARGET:
		return start_target(L, attrs);
	case LE_ARCHITECTURE:
		return start_once(L, &L->seen_architecture, "architecture");
	case LE_OSABI:
		return start_once(L, &L->seen_osabi, "osabi");
	case LE_FEATURE:
		return start_feature(L, attrs);
	case LE_VECTOR:
		return start_vector(L, attrs);
	case LE_UNION:
		return start_fielded(L, attrs, GSTUB_TYPE_UNION, "union");
	case LE_STRUCT:
		return start_fielded(L, attrs, GSTUB_TYPE_STRUCT, "struct");
	case LE_FLAGS:
		return start_fielded(L, attrs, GSTUB_TYPE_FLAGS, "flags");
	case LE_ENUM:
		return start_fielded(L, attrs, GSTUB_TYPE_ENUM, "enum");
	case LE_FIELD:
		return start_field(L, attrs);
	case LE_EVALUE:
		return start_evalue(L, attrs);
	case LE_REG:
		return start_reg(L, attrs);
	case LE_INCLUDE:
		return start_include(L, attrs);
	default:
		return true; /* <compatible>: read, not kept */
	}
}

void load_start_element(void *data, const XML_Char *name,
			const XML_Char **attrs)
{
	struct tdesc_loader *L = loader(data);
	uint8_t parent, kind;

	if (load_failed(L))
		return;
	parent = L->nstack ? L->stack[L->nstack - 1] : LE_NONE;
	kind = element_kind(name);
	if (kind == LE_NONE) {
		const char *sep = strchr(name, ' ');

		if (sep)
			load_fail(L, GSTUB_EINVAL,
				  "unknown element <%s> (namespace %.*s)",
				  sep + 1, (int)(sep - name), name);
		else
			load_fail(L, GSTUB_EINVAL, "unknown element <%s>", name);
		return;
	}
	if (!(specs[kind].parents & IN(parent))) {
		if (kind == LE_TARGET)
			load_fail(L, GSTUB_EINVAL,
				  "<target> is allowed only as the root");
		else if (parent == LE_NONE)
			load_fail(L, GSTUB_EINVAL,
				  "the root element must be <target>, not <%s>",
				  specs[kind].name);
		else
			load_fail(L, GSTUB_EINVAL,
				  "<%s> is not allowed in <%s> (it belongs %s)",
				  specs[kind].name, parent_name(parent),
				  specs[kind].belongs);
		return;
	}
	if (L->nstack >= LOAD_STACK_MAX) {
		load_fail(L, GSTUB_EINVAL, "elements nested too deeply");
		return;
	}
	if (!attrs_known(L, kind, attrs) || !start_element(L, kind, attrs))
		return;
	L->stack[L->nstack++] = kind;
	L->textlen = 0;
}

void load_end_element(void *data, const XML_Char *name)
{
	struct tdesc_loader *L = loader(data);
	const char *s;
	uint8_t kind;

	(void)name;
	if (load_failed(L) || L->nstack == 0)
		return;
	kind = L->stack[--L->nstack];
	switch (kind) {
	case LE_ARCHITECTURE:
		s = trimmed_text(L, "architecture");
		if (s)
			L->td->architecture = s;
		break;
	case LE_OSABI:
		s = trimmed_text(L, "osabi");
		if (s)
			L->td->osabi = s;
		break;
	case LE_FEATURE:
		L->feature = -1;
		break;
	case LE_UNION:
	case LE_STRUCT:
	case LE_FLAGS:
	case LE_ENUM:
		end_fielded(L);
		break;
	default:
		break;
	}
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void load_text(void *data, const XML_Char *s, int len)
{
	struct tdesc_loader *L = loader(data);
	uint8_t top;
	int i;

	if (load_failed(L) || len <= 0)
		return;
	top = L->nstack ? L->stack[L->nstack - 1] : LE_NONE;
	if (top == LE_ARCHITECTURE || top == LE_OSABI || top == LE_COMPATIBLE) {
		if ((size_t)len > LOAD_TEXT_MAX - L->textlen) {
			load_fail(L, GSTUB_EINVAL,
				  "<%s> text longer than %d bytes",
				  specs[top].name, LOAD_TEXT_MAX);
			return;
		}
		memcpy(L->text + L->textlen, s, (size_t)len);
		L->textlen += (size_t)len;
		return;
	}
	for (i = 0; i < len; i++)
		if (!is_space(s[i])) {
			load_fail(L, GSTUB_EINVAL, "unexpected text in <%s>",
				  parent_name(top));
			return;
		}
}

/* ----- after the whole description is read ----- */

/* gdb lays out `g` in ascending register number, whatever the document
 * order; the table wants them so too. Stable, so ties cannot happen
 * (numbers are unique) but order is still deterministic. */
static void sort_by_regnum(struct tdesc_loader *L, uint32_t *order)
{
	uint32_t i, j;

	for (i = 0; i < L->nregs; i++) {
		uint32_t v = order[i] = i;

		for (j = i; j > 0 && L->regs[order[j - 1]].reg.regnum >
					     L->regs[v].reg.regnum; j--)
			order[j] = order[j - 1];
		order[j] = v;
	}
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static uint8_t arch_of(const struct gstub_tdesc *td)
{
	const char *a = td->architecture;
	uint32_t i;

	if (!a)
		return GSTUB_ARCH_NONE;
	if (!strcmp(a, "aarch64") || starts_with(a, "aarch64:"))
		return GSTUB_ARCH_AARCH64;
	if (!strcmp(a, "i386:x86-64") || starts_with(a, "i386:x86-64:"))
		return GSTUB_ARCH_X86_64;
	if (!strcmp(a, "arm") || starts_with(a, "armv") ||
	    !strcmp(a, "arm_any")) {
		for (i = 0; i < td->nfeatures; i++)
			if (!strcmp(td->features[i].name,
				    "org.gnu.gdb.arm.m-profile"))
				return GSTUB_ARCH_ARM_M;
		return GSTUB_ARCH_ARM;
	}
	return GSTUB_ARCH_NONE;
}

/* Candidate names of the expedited registers, first match wins. */
struct expedite_names {
	const char *const *pc, *const *sp, *const *fp, *const *status;
};

#define NAMES(...) ((const char *const[]){ __VA_ARGS__, NULL })

static const struct expedite_names expedite[] = {
	[GSTUB_ARCH_NONE] = { NAMES("pc", "rip", "eip"),
			      NAMES("sp", "rsp", "esp"),
			      NAMES("fp", "rbp", "ebp"),
			      NAMES("cpsr", "xpsr", "eflags", "sr", "psr") },
	[GSTUB_ARCH_AARCH64] = { NAMES("pc"), NAMES("sp"), NAMES("x29"),
				 NAMES("cpsr") },
	[GSTUB_ARCH_ARM] = { NAMES("pc"), NAMES("sp"), NAMES("r11"),
			     NAMES("cpsr") },
	/* Thumb-only code keeps its frame pointer in r7 */
	[GSTUB_ARCH_ARM_M] = { NAMES("pc"), NAMES("sp"), NAMES("r7"),
			       NAMES("xpsr") },
	[GSTUB_ARCH_X86_64] = { NAMES("rip"), NAMES("rsp"), NAMES("rbp"),
				NAMES("eflags") },
};

static int32_t regnum_of(const struct gstub_tdesc *td,
			 const char *const *names)
{
	for (; *names; names++) {
		const struct gstub_tdesc_reg *r = gstub_tdesc_find_name(td, *names);

		if (r)
			return (int32_t)r->regnum;
	}
	return -1;
}

bool load_finish(struct tdesc_loader *L)
{
	struct gstub_tdesc *td = L->td;
	const struct expedite_names *x;
	uint32_t order[GSTUB_TDESC_MAX_REGS];
	uint32_t i;

	/* gdb could fall back on its own defaults; the stub has no map */
	if (L->nregs == 0)
		return load_fail(L, GSTUB_EINVAL,
				 "no registers: a <feature> with <reg> elements is needed");
	sort_by_regnum(L, order);
	for (i = 0; i < L->nregs; i++) {
		const struct load_reg *r = &L->regs[order[i]];
		int rc = gstub_tdesc_add_reg(td, &r->reg);

		if (rc < 0)
			return load_fail(L, rc, "register \"%s\" cannot be added (%s)",
					 r->reg.name, gstub_strerror(rc));
		td->regs[td->nregs - 1].feature = r->feature;
	}
	td->arch = arch_of(td);
	td->derived_low = gstub_tdesc_neon_q_low; /* it checks the arch */
	x = &expedite[td->arch < GSTUB_ARRAY_LEN(expedite) ? td->arch : 0];
	td->pc_regnum = regnum_of(td, x->pc);
	td->sp_regnum = regnum_of(td, x->sp);
	td->fp_regnum = regnum_of(td, x->fp);
	td->status_regnum = regnum_of(td, x->status);
	return true;
}
