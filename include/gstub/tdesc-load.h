/*
 * Loading a user's target description (target.xml and the feature files it
 * pulls in with <xi:include>) into a struct gstub_tdesc, so a target of any
 * architecture gets the same register map, XML and packets as the built-in
 * ones. Host only: needs libexpat and malloc; the rest of the library does
 * not. Built when configure finds libexpat.
 */
#ifndef GSTUB_TDESC_LOAD_H
#define GSTUB_TDESC_LOAD_H

#include <stddef.h>

#include <gstub/tdesc.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef GSTUB_TDESC_LOAD_MAX_FILE
/* Bytes of one document; gdb's largest feature files are under 20 KiB. */
#define GSTUB_TDESC_LOAD_MAX_FILE (1u << 20)
#endif
#ifndef GSTUB_TDESC_LOAD_MAX_TOTAL
/* Bytes of all documents of one description together. */
#define GSTUB_TDESC_LOAD_MAX_TOTAL (4u << 20)
#endif
#ifndef GSTUB_TDESC_LOAD_MAX_DEPTH
/* <xi:include> nesting; real descriptions use one level. */
#define GSTUB_TDESC_LOAD_MAX_DEPTH 16
#endif
#ifndef GSTUB_TDESC_LOAD_MAX_INCLUDES
/* <xi:include> elements processed for one description. */
#define GSTUB_TDESC_LOAD_MAX_INCLUDES 256
#endif
#ifndef GSTUB_TDESC_LOAD_MAX_FIELDS
/* <field>/<evalue> per type: a 64-bit flags register has at most 64. */
#define GSTUB_TDESC_LOAD_MAX_FIELDS 256
#endif

/* A loaded description: the table and every string and field it points to. */
struct gstub_tdesc_loaded;

/* One in-memory document: `name` is what an <xi:include href> names. */
struct gstub_tdesc_source {
	const char *name;
	const char *data;   /* need not be NUL-terminated */
	size_t len;
};

/*
 * Load the description in the file `path`; <xi:include href="NAME"> reads
 * NAME relative to the directory of `path` (NAME must be relative and must
 * not contain ".."). The root of an included document takes the place of
 * the <xi:include> element (a <feature> file under <target>, usually).
 *
 * What is understood, as gdb reads it: <target version="1.0">,
 * <architecture>, <osabi>, <compatible> (accepted, not kept), <feature>,
 * <vector>, <union>, <struct>, <flags>, <enum>, <field>, <evalue> and <reg>
 * with gdb's attribute rules, gdb's predefined type names, and gdb's
 * register numbering (a <reg> without regnum is numbered one past the
 * previous <reg> in document order, across features). Registers are laid
 * out in a `g` reply in ascending regnum, as gdb does. td->arch comes from
 * <architecture> ("aarch64", "arm"/"armv*" (M-profile when the feature
 * org.gnu.gdb.arm.m-profile is present), "i386:x86-64", else
 * GSTUB_ARCH_NONE) and the expedited registers are found by name.
 *
 * Anything else is refused: malformed XML, unknown elements or attributes,
 * elements in the wrong place, unknown types, duplicate register names or
 * numbers, bad numbers, a bitsize that is not a positive multiple of 8,
 * missing or looping includes, and descriptions over the table limits
 * (GSTUB_TDESC_MAX_*) or the limits above.
 *
 * On success returns 0 and sets *out (free it with gstub_tdesc_loaded_free).
 * On failure *out is NULL, nothing is leaked, and `err` (when errlen > 0)
 * holds one NUL-terminated line "FILE:LINE:COLUMN: message" (LINE and
 * COLUMN from 1; "FILE: message" when no position applies, e.g. a file
 * that cannot be opened). Returns GSTUB_EINVAL (the description is wrong),
 * GSTUB_ENOENT (a document is missing), GSTUB_EIO (a read failed),
 * GSTUB_ENOSPC (a limit was exceeded) or GSTUB_ENOMEM (out of memory).
 * Blocks only on reading the files; keeps no state between calls.
 */
int gstub_tdesc_load_file(struct gstub_tdesc_loaded **out, const char *path,
			  char *err, size_t errlen);

/*
 * As gstub_tdesc_load_file, with every document taken from `files[0..n)`:
 * `name` is the top document, <xi:include href> looks its name up in the
 * table (exact match). The table and its data are only read during the
 * call; the result does not point into them.
 */
int gstub_tdesc_load_memory(struct gstub_tdesc_loaded **out, const char *name,
			    const struct gstub_tdesc_source *files, size_t n,
			    char *err, size_t errlen);

/* The description; valid until gstub_tdesc_loaded_free. NULL for NULL. */
const struct gstub_tdesc *gstub_tdesc_loaded_get(
	const struct gstub_tdesc_loaded *ld);

/* Free the description and everything it owns; NULL is ignored. */
void gstub_tdesc_loaded_free(struct gstub_tdesc_loaded *ld);

#ifdef __cplusplus
}
#endif
#endif
