/*
 * Shared by the loader's files only: the state of one load, which the
 * document driver (tdesc-load.c) and the element rules
 * (tdesc-load-elements.c) both work on.
 */
#ifndef GSTUB_XML_TDESC_LOAD_INTERNAL_H
#define GSTUB_XML_TDESC_LOAD_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <expat.h>

#include <gstub/tdesc.h>
#include <gstub/tdesc-load.h>

/* Element kinds; LE_NONE is "no element yet" (the document's root place). */
enum load_elem {
	LE_NONE,
	LE_TARGET,
	LE_ARCHITECTURE,
	LE_OSABI,
	LE_COMPATIBLE,
	LE_FEATURE,
	LE_VECTOR,
	LE_UNION,
	LE_STRUCT,
	LE_FLAGS,
	LE_ENUM,
	LE_FIELD,
	LE_EVALUE,
	LE_REG,
	LE_INCLUDE,
	LE_COUNT
};

/* target > feature > type > field is the deepest legal nesting. */
#define LOAD_STACK_MAX 8
/* <architecture>, <osabi> and <compatible> text. */
#define LOAD_TEXT_MAX 256

/* Memory the loaded description owns, freed in one go. */
struct load_chunk {
	struct load_chunk *next;
	size_t used, size;
	/* data follows, aligned for any field table */
};

struct gstub_tdesc_loaded {
	struct gstub_tdesc td;
	struct load_chunk *chunks;
};

/* A register as read, before the table is laid out in regnum order. */
struct load_reg {
	struct gstub_tdesc_reg reg;
	uint8_t feature;
};

/* Where documents come from: a directory or a caller's table. */
struct load_source {
	const char *dir;            /* NULL for the table form */
	const struct gstub_tdesc_source *files;
	size_t nfiles;
};

struct tdesc_loader {
	struct gstub_tdesc_loaded *ld;
	struct gstub_tdesc *td;
	const struct load_source *src;

	/* first error wins; the message is already in err */
	char *err;
	size_t errlen;
	int rc;

	/* the document being parsed and its include chain */
	XML_Parser parser;
	const char *doc_name;        /* as shown in messages */
	const char *chain[GSTUB_TDESC_LOAD_MAX_DEPTH + 1]; /* hrefs, top first */
	unsigned depth;
	unsigned nincludes;
	size_t total_bytes;

	/* open elements across documents */
	uint8_t stack[LOAD_STACK_MAX];
	unsigned nstack;
	char text[LOAD_TEXT_MAX + 1];
	size_t textlen;

	bool seen_architecture, seen_osabi;
	int feature;                 /* open feature's index, -1 outside */

	/* the type being read */
	struct gstub_tdesc_type type;
	struct gstub_tdesc_field *fields; /* scratch, malloc'd */
	uint32_t fields_cap;

	uint32_t next_regnum;
	uint64_t g_bytes;
	struct load_reg regs[GSTUB_TDESC_MAX_REGS];
	uint32_t nregs;
};

/* Record an error at the current parse position (first one only), stop
 * the parser, and return false so callers can `return load_fail(...)`. */
bool load_fail(struct tdesc_loader *L, int rc, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;
bool load_failed(const struct tdesc_loader *L);

/* Copies owned by the loaded description; NULL after load_fail. */
char *load_strdup(struct tdesc_loader *L, const char *s, size_t n);
void *load_alloc(struct tdesc_loader *L, size_t size);

/* Parse the document `href` (looked up through L->src) in place of the
 * current <xi:include>. False after an error. */
bool load_include(struct tdesc_loader *L, const char *href);

/* The expat callbacks for one document (tdesc-load-elements.c). */
void load_start_element(void *data, const XML_Char *name,
			const XML_Char **attrs);
void load_end_element(void *data, const XML_Char *name);
void load_text(void *data, const XML_Char *s, int len);

/* After the top document parsed: lay out the registers, set the
 * architecture and the expedited registers. False after an error. */
bool load_finish(struct tdesc_loader *L);

#endif
