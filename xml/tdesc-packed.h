/*
 * The compact form of the built-in descriptions' types: one string per
 * feature instead of tables of structs (a type is 40 bytes and a field 24
 * on LP64, most of them pointers). The XML writer renders it directly, so
 * these types never take a row of td->types either.
 *
 * A list is a run of records ending at the string's NUL:
 *   kind byte, id, NUL, then by kind
 *     PK_VECTOR         element type, NUL, count byte
 *     PK_SCALED_VECTOR  element type, NUL, count byte, to be multiplied by
 *                       the feature's packed_scale (SVE: the vector length
 *                       in 128-bit granules)
 *     PK_UNION          field count byte, then per field: name, NUL, type,
 *                       NUL
 *     PK_FLAGS          size byte, field count byte, then per field: name,
 *                       NUL, start bit byte, end bit byte
 * and two markers without an id, so that two lists that end alike (the
 * fpu and SVE features of AArch64) can be one string: the list that starts
 * first holds PK_SKIP, then the other list's own records, then PK_JOIN and
 * what both share. PK_SKIP leaves out everything up to PK_JOIN (which
 * must follow); PK_JOIN alone does nothing. PK_JOIN is 127, a byte no
 * record holds (names are printable ASCII, numbers below 64).
 *
 * Their registers may be compact too: a run of register groups ending at
 * the string's NUL, each
 *   flags byte (PK_REGS_*, never 0), count byte, size byte (bytes; with
 *   PK_REGS_SCALED per unit of packed_scale), type, NUL, group, NUL (empty
 *   for none), then `count` names each ending in NUL,
 * numbered one after the other from the previous register on.
 *
 * Numbers are single bytes written with PK_BYTE(n), 0 <= n < 64.
 */
#ifndef GSTUB_XML_TDESC_PACKED_H
#define GSTUB_XML_TDESC_PACKED_H

#include <gstub/tdesc.h>

#define PK_VECTOR_KIND 1
#define PK_SCALED_VECTOR_KIND 2
#define PK_UNION_KIND 3
#define PK_FLAGS_KIND 4
#define PK_SKIP_KIND 5
#define PK_JOIN_KIND 127

#define PK_VECTOR(id, elem, count) "\001" id "\0" elem "\0" PK_BYTE(count)
#define PK_SCALED_VECTOR(id, elem, per_unit) \
	"\002" id "\0" elem "\0" PK_BYTE(per_unit)
#define PK_UNION(id, nfields) "\003" id "\0" PK_BYTE(nfields)
#define PK_MEMBER(name, type) name "\0" type "\0"
#define PK_FLAGS(id, size, nfields) "\004" id "\0" PK_BYTE(size) PK_BYTE(nfields)
#define PK_BIT(name, bit) name "\0" PK_BYTE(bit) PK_BYTE(bit)
#define PK_BITS(name, lo, hi) name "\0" PK_BYTE(lo) PK_BYTE(hi)
#define PK_SKIP "\005"
#define PK_JOIN "\177"

#define PK_REGS_PLAIN 1
#define PK_REGS_SCALED 2  /* size times the feature's packed_scale */
#define PK_REGS_NO_SAVE 4 /* save-restore="no" */

#define PK_REGS(count, bytes, type) \
	"\001" PK_BYTE(count) PK_BYTE(bytes) type "\0" "\0"
#define PK_SCALED_REGS(count, bytes_per_unit, type) \
	"\003" PK_BYTE(count) PK_BYTE(bytes_per_unit) type "\0" "\0"
/* In a group, and left to the registers they are views of to save. */
#define PK_UNSAVED_REGS(count, bytes, type, group) \
	"\005" PK_BYTE(count) PK_BYTE(bytes) type "\0" group "\0"

/* What follows the NUL-terminated string at p. */
const char *gstub_tdesc_packed_next(const char *p);

/* Decode the record at p into t (fields, nfields and feature left 0) and
 * return where its fields begin (the next record for a vector); NULL at
 * the end of the list or at a malformed record. Markers are followed, so
 * t is always a type. */
const char *gstub_tdesc_packed_type(const char *p, uint32_t scale,
				    struct gstub_tdesc_type *t);
/* Decode one field of a type of kind `kind` into f; return what follows. */
const char *gstub_tdesc_packed_field(const char *p, uint8_t kind,
				     struct gstub_tdesc_field *f);

/* A single byte of value n (0..63) inside a string literal. */
#define PK_BYTE(n) PK_B##n
#define PK_B0 "\000"
#define PK_B1 "\001"
#define PK_B2 "\002"
#define PK_B3 "\003"
#define PK_B4 "\004"
#define PK_B5 "\005"
#define PK_B6 "\006"
#define PK_B7 "\007"
#define PK_B8 "\010"
#define PK_B9 "\011"
#define PK_B10 "\012"
#define PK_B11 "\013"
#define PK_B12 "\014"
#define PK_B13 "\015"
#define PK_B14 "\016"
#define PK_B15 "\017"
#define PK_B16 "\020"
#define PK_B17 "\021"
#define PK_B18 "\022"
#define PK_B19 "\023"
#define PK_B20 "\024"
#define PK_B21 "\025"
#define PK_B22 "\026"
#define PK_B23 "\027"
#define PK_B24 "\030"
#define PK_B25 "\031"
#define PK_B26 "\032"
#define PK_B27 "\033"
#define PK_B28 "\034"
#define PK_B29 "\035"
#define PK_B30 "\036"
#define PK_B31 "\037"
#define PK_B32 "\040"
#define PK_B33 "\041"
#define PK_B34 "\042"
#define PK_B35 "\043"
#define PK_B36 "\044"
#define PK_B37 "\045"
#define PK_B38 "\046"
#define PK_B39 "\047"
#define PK_B40 "\050"
#define PK_B41 "\051"
#define PK_B42 "\052"
#define PK_B43 "\053"
#define PK_B44 "\054"
#define PK_B45 "\055"
#define PK_B46 "\056"
#define PK_B47 "\057"
#define PK_B48 "\060"
#define PK_B49 "\061"
#define PK_B50 "\062"
#define PK_B51 "\063"
#define PK_B52 "\064"
#define PK_B53 "\065"
#define PK_B54 "\066"
#define PK_B55 "\067"
#define PK_B56 "\070"
#define PK_B57 "\071"
#define PK_B58 "\072"
#define PK_B59 "\073"
#define PK_B60 "\074"
#define PK_B61 "\075"
#define PK_B62 "\076"
#define PK_B63 "\077"

#endif
