/*
 * Shared by the xml/ sources only: shortcuts for the built-in builders and
 * the few C library functions a freestanding build still provides.
 */
#ifndef GSTUB_XML_TDESC_INTERNAL_H
#define GSTUB_XML_TDESC_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#include <gstub/tdesc.h>

/* Freestanding: mem* are the only library calls (every C toolchain, even
 * bare-metal, supplies them), declared here instead of <string.h>. */
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#ifndef GSTUB_TDESC_G_MAX
/* A bound on a `g` reply in bytes, so offsets never wrap: far above the
 * largest built-in (AArch64 SVE at 2048 bits is under 10 KiB). */
#define GSTUB_TDESC_G_MAX (1u << 24)
#endif

#define GSTUB_ARRAY_LEN(a) ((uint32_t)(sizeof(a) / sizeof((a)[0])))

/* NUL-terminated strings equal (strcmp without libc). */
bool gstub_tdesc_same_name(const char *a, const char *b);

/* A feature in the compact form of tdesc-packed.h: its types
 * `packed_types` and then its registers `packed_regs` (either NULL for
 * none), scaled vector counts and register sizes multiplied by `scale`. */
int gstub_tdesc_add_packed_feature(struct gstub_tdesc *td, const char *name,
				   const char *packed_types,
				   const char *packed_regs, uint32_t scale);

/* Return a negative status from the enclosing function. */
#define TRY(expr)                   \
	do {                        \
		int rc_ = (expr);   \
		if (rc_ < 0)        \
			return rc_; \
	} while (0)

/* n registers named names[0..n-1], numbered from first_regnum (or
 * GSTUB_TDESC_REGNUM_NEXT), all of one size and type. */
int gstub_tdesc_add_reg_range(struct gstub_tdesc *td,
			      const char *const *names, uint32_t n,
			      uint32_t bitsize, const char *type,
			      const char *group, uint32_t first_regnum);
/* The same with the names packed in one string, each ending in NUL
 * ("r0\0" "r1\0" ...): no table of pointers to keep in flash. */
int gstub_tdesc_add_packed_regs(struct gstub_tdesc *td, const char *names,
				uint32_t n, uint32_t bitsize, const char *type,
				const char *group, uint32_t first_regnum);
/* One register numbered after the previous one. */
int gstub_tdesc_add_one_reg(struct gstub_tdesc *td, const char *name,
			    uint32_t bitsize, const char *type,
			    const char *group);


#endif
