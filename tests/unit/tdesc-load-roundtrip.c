/*
 * Every built-in configuration, written out as gstub's own XML and loaded
 * back: the table is the same member by member (arch and expedited
 * registers included) and its XML is byte-identical, both whole and with
 * every feature moved into its own xi:included document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#include <gstub/tdesc-load.h>

#include "tap.h"
#include "tdesc-configs.h"
#include "tdesc-load-check.h"

#define MAX_DOCS (GSTUB_TDESC_MAX_FEATURES + 1)

static struct gstub_tdesc built;

/* The register td serves r from (td->derived_low), or NULL. */
static const struct gstub_tdesc_reg *derived(const struct gstub_tdesc *td,
					     const struct gstub_tdesc_reg *r)
{
	return td->derived_low ? td->derived_low(td, r) : NULL;
}

/* Every register of `loaded` is served from the same register as its
 * twin in `built` (AArch32 q registers from their D registers). */
static bool same_derived(const struct gstub_tdesc *loaded)
{
	uint32_t i;

	for (i = 0; i < built.nregs && i < loaded->nregs; i++) {
		const struct gstub_tdesc_reg *a = derived(&built, &built.regs[i]);
		const struct gstub_tdesc_reg *b =
			derived(loaded, &loaded->regs[i]);

		if (!a != !b || (a && a->regnum != b->regnum))
			return false;
	}
	return true;
}

/* Load docs[0] (with the others to include) and compare with `built`. */
static void check_load(const char *label, const char *how,
		       const struct gstub_tdesc_source *docs, size_t n,
		       const char *want_xml, size_t want_len)
{
	struct gstub_tdesc_loaded *ld = NULL;
	char err[256], why[160] = "";
	size_t len = 0;
	char *xml;
	int rc;

	rc = gstub_tdesc_load_memory(&ld, docs[0].name, docs, n, err,
				     sizeof(err));
	if (!ok(rc == 0 && ld, "%s: %s loads", label, how)) {
		printf("#   %s\n", err);
		return;
	}
	if (!ok(tdesc_same(&built, gstub_tdesc_loaded_get(ld), why, sizeof(why)),
		"%s: %s gives the same table", label, how))
		printf("#   %s\n", why);
	ok(same_derived(gstub_tdesc_loaded_get(ld)),
	   "%s: %s serves the same registers from others", label, how);
	xml = tdesc_whole_xml(gstub_tdesc_loaded_get(ld), &len);
	ok(xml && len == want_len && !memcmp(xml, want_xml, len),
	   "%s: %s regenerates the same XML", label, how);
	free(xml);
	gstub_tdesc_loaded_free(ld);
}

/*
 * Move each <feature>...</feature> of xml into its own document and put an
 * xi:include in its place. The pieces are malloc'd into bufs.
 */
static size_t split_features(const char *xml, char **bufs,
			     struct gstub_tdesc_source *docs)
{
	static const char head[] = "<?xml version=\"1.0\"?>\n"
				   "<!DOCTYPE feature SYSTEM \"gdb-target.dtd\">\n";
	static char names[MAX_DOCS][16];
	size_t n = 1, cap = strlen(xml) + MAX_DOCS * 96;
	char *top = malloc(cap), *out = top;
	const char *p = xml, *f;

	if (!top)
		return 0;
	while ((f = strstr(p, "  <feature")) != NULL && n < MAX_DOCS) {
		const char *e = strstr(f, "</feature>\n");
		size_t flen;

		if (!e)
			break;
		e += strlen("</feature>\n");
		flen = (size_t)(e - f);
		snprintf(names[n], sizeof(names[n]), "f%zu.xml", n);
		memcpy(out, p, (size_t)(f - p));
		out += f - p;
		/* the namespace goes on the include itself */
		out += sprintf(out, "  <xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"%s\"/>\n",
			       names[n]);
		bufs[n] = malloc(sizeof(head) + flen);
		if (!bufs[n])
			break;
		memcpy(bufs[n], head, sizeof(head) - 1);
		memcpy(bufs[n] + sizeof(head) - 1, f, flen);
		docs[n].name = names[n];
		docs[n].data = bufs[n];
		docs[n].len = sizeof(head) - 1 + flen;
		n++;
		p = e;
	}
	strcpy(out, p);
	bufs[0] = top;
	docs[0].name = "target.xml";
	docs[0].data = top;
	docs[0].len = strlen(top);
	return n;
}

int main(void)
{
	int i;

	for (i = 0; i < TDESC_N_CONFIGS; i++) {
		struct gstub_tdesc_source docs[MAX_DOCS];
		char *bufs[MAX_DOCS] = { 0 };
		char label[96];
		size_t len = 0, n, k;
		char *xml;

		if (!ok(tdesc_build_config(i, &built, label, sizeof(label)) == 0,
			"config %d builds", i))
			continue;
		xml = tdesc_whole_xml(&built, &len);
		if (!ok(xml != NULL, "%s: XML generated", label))
			continue;
		docs[0].name = "target.xml";
		docs[0].data = xml;
		docs[0].len = len;
		check_load(label, "whole document", docs, 1, xml, len);

		n = split_features(xml, bufs, docs);
		ok(n == built.nfeatures + 1, "%s: split into %zu documents",
		   label, n);
		check_load(label, "features in included documents", docs, n,
			   xml, len);
		for (k = 0; k < n; k++)
			free(bufs[k]);
		free(xml);
	}
	return tap_done();
}
