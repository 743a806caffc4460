/*
 * Target descriptions: one table per target configuration, from which come
 * both the XML gdb reads (qXfer:features:read) and the register map the
 * engine uses for g/G/p/P and expedited registers. Freestanding, no malloc:
 * the caller owns the struct gstub_tdesc and a builder fills it. Fill it
 * only through the builders (gstub_tdesc_init and gstub_tdesc_add_*, the
 * built-in configurations, the loader): the engine and the XML writer
 * rely on what they check (counts within the tables, every register
 * named and typed, every type of a known kind) and do not check again.
 */
#ifndef GSTUB_TDESC_H
#define GSTUB_TDESC_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

enum gstub_arch {
	GSTUB_ARCH_NONE = 0, /* user XML of another architecture */
	GSTUB_ARCH_AARCH64,
	GSTUB_ARCH_ARM,      /* A-profile AArch32 (ARM and Thumb) */
	GSTUB_ARCH_ARM_M,    /* M-profile (Thumb only) */
	GSTUB_ARCH_X86_64,
};

#ifndef GSTUB_TDESC_MAX_REGS
/* The largest built-in description: AArch64 core + SVE + pauth + MTE + TLS
 * is 91 registers; user XML gets headroom. */
#define GSTUB_TDESC_MAX_REGS 192
#endif
#ifndef GSTUB_TDESC_MAX_TYPES
/* AArch64 SVE uses about 20 named types; x86-64 about 15. */
#define GSTUB_TDESC_MAX_TYPES 48
#endif
#ifndef GSTUB_TDESC_MAX_FEATURES
#define GSTUB_TDESC_MAX_FEATURES 12
#endif

enum gstub_tdesc_type_kind {
	GSTUB_TYPE_VECTOR, /* <vector id type count> */
	GSTUB_TYPE_UNION,  /* <union id> of <field name type> */
	GSTUB_TYPE_STRUCT, /* <struct id [size]> of fields or bitfields */
	GSTUB_TYPE_FLAGS,  /* <flags id size> of <field name start end> */
	GSTUB_TYPE_ENUM,   /* <enum id size> of <evalue name value> */
};

struct gstub_tdesc_field {
	const char *name;
	const char *type;  /* NULL for a one-bit flag / enum value */
	int32_t start;     /* bit position, -1 when the field is a whole type;
	                      the value for an enum's evalue */
	int32_t end;       /* last bit, -1 when unused */
};

struct gstub_tdesc_type {
	const char *id;
	uint8_t kind;      /* enum gstub_tdesc_type_kind */
	uint8_t feature;   /* index of the feature it is declared in */
	const char *elem;  /* vector element type */
	uint32_t count;    /* vector element count */
	uint32_t size;     /* flags/struct/enum size in bytes, 0 if unset */
	const struct gstub_tdesc_field *fields;
	uint32_t nfields;
};

struct gstub_tdesc_reg {
	const char *name;
	const char *type;   /* "int", "code_ptr", "data_ptr", "ieee_double", or a type id */
	const char *group;  /* NULL when gdb should choose */
	uint32_t regnum;    /* gdb's register number */
	uint32_t offset;    /* byte offset of the value in a `g` reply */
	uint32_t bitsize;
	uint8_t feature;    /* index into features[] */
	bool save_restore;  /* false emits save-restore="no" */
};

struct gstub_tdesc_feature {
	const char *name;   /* "org.gnu.gdb.aarch64.core" */
	/* The built-in descriptions keep their types here, in a compact
	 * string (xml/tdesc-packed.h) the XML writer renders before the
	 * feature's rows of types[]; NULL otherwise. packed_scale multiplies
	 * the counts of its scaled vectors (SVE: the vector length in
	 * 128-bit granules). */
	const char *packed_types;
	uint32_t packed_scale;
};

struct gstub_tdesc {
	uint8_t arch;               /* enum gstub_arch */
	const char *architecture;   /* <architecture>: "aarch64", "arm", "i386:x86-64" */
	const char *osabi;          /* <osabi> or NULL */
	struct gstub_tdesc_feature features[GSTUB_TDESC_MAX_FEATURES];
	uint32_t nfeatures;
	struct gstub_tdesc_type types[GSTUB_TDESC_MAX_TYPES];
	uint32_t ntypes;
	struct gstub_tdesc_reg regs[GSTUB_TDESC_MAX_REGS]; /* ascending regnum */
	uint32_t nregs;
	uint32_t g_size;            /* bytes of a `g` reply (binary) */
	/* Registers expedited in stop replies, -1 when absent. */
	int32_t pc_regnum, sp_regnum, fp_regnum, status_regnum;
	/* For a description that lists registers made of two others (AArch32
	 * q<n> = d<2n>:d<2n+1>): the register the engine serves `r` from
	 * (it and the one numbered after it), or NULL for a register the
	 * target handles itself. gstub_tdesc_arm (with neon_q) and the
	 * loader set it to gstub_tdesc_neon_q_low; a description built by
	 * hand with q registers does the same. NULL (the default): every
	 * register goes to the target as is, and a firmware without AArch32
	 * descriptions never links the q code. */
	const struct gstub_tdesc_reg *(*derived_low)(
		const struct gstub_tdesc *td, const struct gstub_tdesc_reg *r);
};

/* ----- lookups used by the engine ----- */

/* The register with gdb number `regnum`, or NULL. */
const struct gstub_tdesc_reg *gstub_tdesc_find(const struct gstub_tdesc *td,
					       uint32_t regnum);
/* The register called `name`, or NULL. */
const struct gstub_tdesc_reg *gstub_tdesc_find_name(const struct gstub_tdesc *td,
						    const char *name);

/* For an AArch32 q register listed in the neon feature (q<n>, 128 bits):
 * its low D register d<2n>, which d<2n+1> follows; else NULL. Set as a
 * description's derived_low, it has the engine serve such q registers from
 * their D registers, so a target's register ops are never asked for them. */
const struct gstub_tdesc_reg *
gstub_tdesc_neon_q_low(const struct gstub_tdesc *td,
		       const struct gstub_tdesc_reg *r);

/*
 * Copy bytes [offset, offset+len) of the XML document `annex` ("target.xml")
 * into out, generating it on the fly (never building it whole). Returns the
 * number of bytes copied (0 at or past the end) and sets *at_end when the
 * window reaches the end of the document; GSTUB_ENOENT for an unknown annex.
 */
int gstub_tdesc_xml_read(const struct gstub_tdesc *td, const char *annex,
			 size_t annex_len, size_t offset, char *out, size_t len,
			 bool *at_end);

/*
 * The same window written as the data of a qXfer reply: '#', '$', '}' and
 * '*' escaped as '}' and the byte xor 0x20, in at most `room` bytes of out
 * (a byte whose escape does not fit ends the window there). Returns the
 * bytes written, escapes included; *at_end: the document ends within
 * them. The engine answers qXfer:features:read with it.
 */
int gstub_tdesc_xml_packet(const struct gstub_tdesc *td, const char *annex,
			   size_t annex_len, size_t offset, size_t len,
			   char *out, size_t room, bool *at_end);

/* Total length of the XML document `annex`, or GSTUB_ENOENT. */
long gstub_tdesc_xml_size(const struct gstub_tdesc *td, const char *annex,
			  size_t annex_len);

/* ----- built-in configurations ----- */

struct gstub_aarch64_config {
	unsigned sve_vq;   /* 0: no SVE (fpu feature); 1..16: SVE at 128*vq bits */
	bool pauth;
	bool mte;
	bool tls;
	bool tpidr2;       /* with tls: also tpidr2 (SME) */
};

enum gstub_arm_fp {
	GSTUB_ARM_FP_NONE,
	GSTUB_ARM_FP_VFPV2,     /* d0-d15, fpscr */
	GSTUB_ARM_FP_VFPV3_D16, /* d0-d15, fpscr */
	GSTUB_ARM_FP_VFPV3,     /* d0-d31, fpscr */
};

struct gstub_arm_config {
	enum gstub_arm_fp fp;
	bool neon;         /* only with GSTUB_ARM_FP_VFPV3 */
	/* With neon: also list q0-q15 in the neon feature, typed as gdb's
	 * own q view (union neon_q). gdb 13.1 shows no $q0-$q15 for the
	 * standard, empty neon feature; given raw q registers it shows them.
	 * The engine serves them from the D registers (q<n> is d<2n>:d<2n+1>),
	 * so a target's register ops never see their numbers. */
	bool neon_q;
	bool m_profile;    /* org.gnu.gdb.arm.m-profile; fp then at most D16 */
	bool tls;          /* org.gnu.gdb.arm.tls (tpidruro); A-profile only */
};

/* Fill `td`; 0 or GSTUB_EINVAL (impossible combination, e.g. neon without
 * 32 D registers). */
int gstub_tdesc_aarch64(struct gstub_tdesc *td,
			const struct gstub_aarch64_config *cfg);
int gstub_tdesc_arm(struct gstub_tdesc *td, const struct gstub_arm_config *cfg);
/* x86-64 as gdbserver on Linux describes it: core, SSE, linux (orig_rax),
 * segments (fs_base, gs_base); osabi GNU/Linux. Always 0. */
int gstub_tdesc_x86_64(struct gstub_tdesc *td);

/* ----- building a description by hand ----- */

/*
 * The built-in configurations use these; an embedder may too. Every string
 * and field table handed in is referenced, not copied: it must outlive `td`.
 * Nothing here allocates.
 */

/* Empty `td` for `arch`; `architecture` is the <architecture> text or NULL.
 * All expedited regnums start at -1. */
void gstub_tdesc_init(struct gstub_tdesc *td, enum gstub_arch arch,
		      const char *architecture);

/* Open a feature: later types and registers belong to it. Returns its index,
 * GSTUB_EINVAL for an empty name, GSTUB_ENOSPC when the table is full. */
int gstub_tdesc_add_feature(struct gstub_tdesc *td, const char *name);

/* Copy `type` into the current feature (its `feature` member is ignored).
 * 0, GSTUB_EINVAL (no feature yet, empty id, unknown kind, vector without
 * element or count, fields missing) or GSTUB_ENOSPC. */
int gstub_tdesc_add_type(struct gstub_tdesc *td,
			 const struct gstub_tdesc_type *type);

/* Pass as reg->regnum to number a register one past the previous one. */
#define GSTUB_TDESC_REGNUM_NEXT UINT32_MAX

/* Append a register to the current feature, copying name, type (NULL means
 * "int"), group, bitsize, save_restore and regnum; offset and feature are
 * computed. 0, GSTUB_EINVAL (no feature yet, empty name, bitsize not a
 * positive multiple of 8, regnum not above the previous one, `g` too large)
 * or GSTUB_ENOSPC. */
int gstub_tdesc_add_reg(struct gstub_tdesc *td,
			const struct gstub_tdesc_reg *reg);

#ifdef __cplusplus
}
#endif
#endif
