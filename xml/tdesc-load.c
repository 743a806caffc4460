/*
 * The loader's entry points and its document driver: where documents come
 * from (a directory or a caller's table), feeding them to expat, following
 * <xi:include>, the one-line error, and the memory a loaded description
 * owns. What each element means is in tdesc-load-elements.c.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#include <gstub/tdesc-load.h>

#include "tdesc-load-internal.h"

/* Expat reports namespaced names as "URI<sep>local"; a space cannot occur
 * in either part. */
#define LOAD_NS_SEP ' '
/* Reads from a file go to expat in pieces of this size. */
#define LOAD_READ_CHUNK 8192
/* Small allocations share chunks of this size. */
#define LOAD_CHUNK_SIZE 4096

/* expat counts a buffer's length in an int */
_Static_assert(GSTUB_TDESC_LOAD_MAX_FILE <= INT_MAX,
	       "GSTUB_TDESC_LOAD_MAX_FILE must fit expat's int lengths");

/* ----- errors ----- */

bool load_failed(const struct tdesc_loader *L)
{
	return L->rc != 0;
}

/* The message must stay one line whatever the document held. */
static void one_line(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			*s = ' ';
}

bool load_fail(struct tdesc_loader *L, int rc, const char *fmt, ...)
{
	va_list ap;
	size_t n = 0;
	int w;

	if (L->rc != 0)
		return false;
	L->rc = rc;
	if (L->errlen == 0)
		goto stop;
	if (L->parser)
		w = snprintf(L->err, L->errlen, "%s:%lu:%lu: ", L->doc_name,
			     (unsigned long)XML_GetCurrentLineNumber(L->parser),
			     (unsigned long)XML_GetCurrentColumnNumber(L->parser) + 1);
	else
		w = snprintf(L->err, L->errlen, "%s: ", L->doc_name);
	if (w > 0)
		n = (size_t)w < L->errlen ? (size_t)w : L->errlen - 1;
	va_start(ap, fmt);
	vsnprintf(L->err + n, L->errlen - n, fmt, ap);
	va_end(ap);
	one_line(L->err);
stop:
	if (L->parser)
		XML_StopParser(L->parser, XML_FALSE);
	return false;
}

/* ----- memory owned by the loaded description ----- */

void *load_alloc(struct tdesc_loader *L, size_t size)
{
	/* keep every block aligned for the field tables */
	const size_t align = _Alignof(max_align_t);
	size_t hdr = (sizeof(struct load_chunk) + align - 1) / align * align;
	struct load_chunk *c = L->ld->chunks;
	void *p;

	size = (size + align - 1) / align * align;
	if (!c || c->size - c->used < size) {
		size_t want = size > LOAD_CHUNK_SIZE ? size : LOAD_CHUNK_SIZE;

		c = malloc(hdr + want);
		if (!c) {
			load_fail(L, GSTUB_ENOMEM, "out of memory");
			return NULL;
		}
		c->size = want;
		c->used = 0;
		c->next = L->ld->chunks;
		L->ld->chunks = c;
	}
	p = (char *)c + hdr + c->used;
	c->used += size;
	return p;
}

char *load_strdup(struct tdesc_loader *L, const char *s, size_t n)
{
	char *p = load_alloc(L, n + 1);

	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* ----- documents ----- */

/* Account for `len` more bytes of the current document (already `seen`). */
static bool within_limits(struct tdesc_loader *L, size_t seen, size_t len)
{
	if (len > GSTUB_TDESC_LOAD_MAX_FILE - seen)
		return load_fail(L, GSTUB_ENOSPC,
				 "document larger than %u bytes",
				 (unsigned)GSTUB_TDESC_LOAD_MAX_FILE);
	if (len > GSTUB_TDESC_LOAD_MAX_TOTAL - L->total_bytes)
		return load_fail(L, GSTUB_ENOSPC,
				 "documents larger than %u bytes together",
				 (unsigned)GSTUB_TDESC_LOAD_MAX_TOTAL);
	L->total_bytes += len;
	return true;
}

static bool feed(struct tdesc_loader *L, const char *data, size_t len,
		 bool last)
{
	if (XML_Parse(L->parser, data, (int)len, last) != XML_STATUS_ERROR)
		return true;
	if (load_failed(L))
		return false;
	return load_fail(L, GSTUB_EINVAL, "malformed XML: %s",
			 XML_ErrorString(XML_GetErrorCode(L->parser)));
}

/* Parse one document, from `f` or from data[0..len), as `shown`. The
 * current parser and name are saved so an include returns to them. */
static bool parse_document(struct tdesc_loader *L, const char *shown, FILE *f,
			   const char *data, size_t len)
{
	XML_Parser outer = L->parser, p;
	const char *outer_name = L->doc_name;
	bool ok = true;

	p = XML_ParserCreateNS(NULL, LOAD_NS_SEP);
	if (!p)
		return load_fail(L, GSTUB_ENOMEM, "out of memory");
	XML_SetUserData(p, L);
	XML_SetElementHandler(p, load_start_element, load_end_element);
	XML_SetCharacterDataHandler(p, load_text);
	L->parser = p;
	L->doc_name = shown;

	if (f) {
		size_t seen = 0;

		for (;;) {
			char chunk[LOAD_READ_CHUNK];
			size_t n = fread(chunk, 1, sizeof(chunk), f);
			bool last;

			if (ferror(f)) {
				ok = load_fail(L, GSTUB_EIO, "read error: %s",
					       strerror(errno));
				break;
			}
			last = feof(f) != 0;
			if (!within_limits(L, seen, n)) {
				ok = false;
				break;
			}
			seen += n;
			if (!feed(L, chunk, n, last)) {
				ok = false;
				break;
			}
			if (last)
				break;
		}
	} else {
		ok = within_limits(L, 0, len);
		/* expat takes an int length; the limits keep len far below */
		if (ok)
			ok = feed(L, data, len, true);
	}

	XML_ParserFree(p);
	L->parser = outer;
	L->doc_name = outer_name;
	return ok && !load_failed(L);
}

/* A directory-relative href: not empty, not absolute, no ".." part. */
static bool href_is_relative(const char *href)
{
	const char *p = href;

	if (!*href || *href == '/')
		return false;
	while (*p) {
		const char *end = strchr(p, '/');
		size_t n = end ? (size_t)(end - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += n;
		if (*p == '/')
			p++;
	}
	return true;
}

static bool include_from_dir(struct tdesc_loader *L, const char *href)
{
	const char *dir = L->src->dir;
	bool here = !*dir || !strcmp(dir, ".");
	size_t dlen = strlen(dir), n = dlen + 1 + strlen(href) + 1;
	char *path;
	FILE *f;
	bool ok;

	if (!href_is_relative(href))
		return load_fail(L, GSTUB_EINVAL,
				 "include \"%s\": href must be relative, without \"..\"",
				 href);
	path = malloc(n);
	if (!path)
		return load_fail(L, GSTUB_ENOMEM, "out of memory");
	if (here)
		snprintf(path, n, "%s", href);
	else if (dir[dlen - 1] == '/')
		snprintf(path, n, "%s%s", dir, href);
	else
		snprintf(path, n, "%s/%s", dir, href);
	f = fopen(path, "rb");
	if (!f) {
		int e = errno;

		load_fail(L, e == ENOENT ? GSTUB_ENOENT : GSTUB_EIO,
			  "cannot read included file \"%s\": %s", path,
			  strerror(e));
		free(path);
		return false;
	}
	ok = parse_document(L, path, f, NULL, 0);
	fclose(f);
	free(path);
	return ok;
}

static bool include_from_table(struct tdesc_loader *L, const char *href)
{
	size_t i;

	for (i = 0; i < L->src->nfiles; i++) {
		const struct gstub_tdesc_source *s = &L->src->files[i];

		if (s->name && !strcmp(s->name, href)) {
			if (!s->data && s->len)
				return load_fail(L, GSTUB_EINVAL,
						 "included document \"%s\" has no data",
						 href);
			return parse_document(L, s->name, NULL,
					      s->data ? s->data : "", s->len);
		}
	}
	return load_fail(L, GSTUB_ENOENT, "included document \"%s\" not found",
			 href);
}

bool load_include(struct tdesc_loader *L, const char *href)
{
	XML_Parser outer = L->parser;
	unsigned i;
	bool ok;

	for (i = 0; i <= L->depth; i++)
		if (!strcmp(L->chain[i], href))
			return load_fail(L, GSTUB_EINVAL,
					 "include loop: \"%s\" is already being read",
					 href);
	if (L->depth >= GSTUB_TDESC_LOAD_MAX_DEPTH)
		return load_fail(L, GSTUB_ENOSPC,
				 "includes nested deeper than %d",
				 GSTUB_TDESC_LOAD_MAX_DEPTH);
	if (L->nincludes >= GSTUB_TDESC_LOAD_MAX_INCLUDES)
		return load_fail(L, GSTUB_ENOSPC, "more than %d includes",
				 GSTUB_TDESC_LOAD_MAX_INCLUDES);
	L->nincludes++;
	L->chain[++L->depth] = href;
	ok = L->src->dir ? include_from_dir(L, href)
			 : include_from_table(L, href);
	L->depth--;
	if (!ok)
		XML_StopParser(outer, XML_FALSE);
	return ok;
}

/* ----- entry points ----- */

static void loader_free(struct gstub_tdesc_loaded *ld)
{
	struct load_chunk *c, *next;

	if (!ld)
		return;
	for (c = ld->chunks; c; c = next) {
		next = c->next;
		free(c);
	}
	free(ld);
}

void gstub_tdesc_loaded_free(struct gstub_tdesc_loaded *ld)
{
	loader_free(ld);
}

const struct gstub_tdesc *gstub_tdesc_loaded_get(
	const struct gstub_tdesc_loaded *ld)
{
	return ld ? &ld->td : NULL;
}

/* Write a location-less error before a loader exists. */
static int early_error(char *err, size_t errlen, int rc, const char *name,
		       const char *msg)
{
	if (errlen)
		snprintf(err, errlen, "%s: %s", name ? name : "(null)", msg);
	return rc;
}

/* Parse the top document (from f or data) with `src` and hand out the
 * result. */
static int load(struct gstub_tdesc_loaded **out, const struct load_source *src,
		const char *shown, const char *top_name, FILE *f,
		const char *data, size_t len, char *err, size_t errlen)
{
	struct tdesc_loader *L;
	int rc;

	L = calloc(1, sizeof(*L));
	if (!L)
		return early_error(err, errlen, GSTUB_ENOMEM, shown,
				   "out of memory");
	L->ld = calloc(1, sizeof(*L->ld));
	if (!L->ld) {
		free(L);
		return early_error(err, errlen, GSTUB_ENOMEM, shown,
				   "out of memory");
	}
	L->td = &L->ld->td;
	L->src = src;
	L->err = err;
	L->errlen = errlen;
	L->doc_name = shown;
	L->chain[0] = top_name;
	L->feature = -1;
	gstub_tdesc_init(L->td, GSTUB_ARCH_NONE, NULL);

	if (parse_document(L, shown, f, data, len))
		load_finish(L);
	rc = L->rc;
	free(L->fields);
	if (rc == 0) {
		*out = L->ld;
		if (errlen)
			err[0] = 0;
	} else {
		loader_free(L->ld);
	}
	free(L);
	return rc;
}

int gstub_tdesc_load_file(struct gstub_tdesc_loaded **out, const char *path,
			  char *err, size_t errlen)
{
	struct load_source src = { 0 };
	const char *slash;
	char *dir;
	FILE *f;
	int rc;

	if (!out)
		return early_error(err, errlen, GSTUB_EINVAL, path,
				   "no place for the result");
	*out = NULL;
	if (!path || !*path)
		return early_error(err, errlen, GSTUB_EINVAL, "(none)",
				   "no file name");
	slash = strrchr(path, '/');
	dir = slash ? malloc((size_t)(slash - path) + 2) : NULL;
	if (slash && !dir)
		return early_error(err, errlen, GSTUB_ENOMEM, path,
				   "out of memory");
	if (dir) {
		/* "/target.xml" lives in "/" */
		size_t n = slash == path ? 1 : (size_t)(slash - path);

		memcpy(dir, path, n);
		dir[n] = 0;
	}
	f = fopen(path, "rb");
	if (!f) {
		int e = errno;

		free(dir);
		if (errlen)
			snprintf(err, errlen, "%s: cannot open: %s", path,
				 strerror(e));
		return e == ENOENT ? GSTUB_ENOENT : GSTUB_EIO;
	}
	src.dir = dir ? dir : ".";
	rc = load(out, &src, path, slash ? slash + 1 : path, f, NULL, 0, err,
		  errlen);
	fclose(f);
	free(dir);
	return rc;
}

int gstub_tdesc_load_memory(struct gstub_tdesc_loaded **out, const char *name,
			    const struct gstub_tdesc_source *files, size_t n,
			    char *err, size_t errlen)
{
	struct load_source src = { .files = files, .nfiles = n };
	size_t i;

	if (!out)
		return early_error(err, errlen, GSTUB_EINVAL, name,
				   "no place for the result");
	*out = NULL;
	if (!name || (!files && n))
		return early_error(err, errlen, GSTUB_EINVAL, name,
				   "no document name or table");
	for (i = 0; i < n; i++) {
		if (files[i].name && !strcmp(files[i].name, name)) {
			if (!files[i].data && files[i].len)
				return early_error(err, errlen, GSTUB_EINVAL,
						   name, "document has no data");
			return load(out, &src, files[i].name, files[i].name,
				    NULL, files[i].data ? files[i].data : "",
				    files[i].len, err, errlen);
		}
	}
	return early_error(err, errlen, GSTUB_ENOENT, name,
			   "document not found");
}
