/*
 * libFuzzer target for the description loader. The input is one or more
 * documents separated by a line "%%": the first is target.xml, the next
 * f1.xml, f2.xml, ... so includes are fuzzed too. Whatever the input, a
 * refusal must be one non-empty line, and an accepted description must
 * regenerate XML that loads again to the very same XML.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#include <gstub/tdesc-load.h>

#define FUZZ_MAX_DOCS 8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "tdesc-load-fuzz: %s\n", what);
		abort();
	}
}

/* The whole regenerated document, malloc'd; its length in *len. */
static char *regenerate(const struct gstub_tdesc *td, size_t *len)
{
	long total = gstub_tdesc_xml_size(td, "target.xml", 10);
	bool at_end = false;
	char *buf;
	int n;

	check(total > 0, "no regenerated XML");
	buf = malloc((size_t)total);
	check(buf != NULL, "out of memory");
	n = gstub_tdesc_xml_read(td, "target.xml", 10, 0, buf, (size_t)total,
				 &at_end);
	check(n == total && at_end, "regenerated XML has the wrong length");
	*len = (size_t)total;
	return buf;
}

static void check_error(int rc, const char *err)
{
	check(rc < 0, "refused with a non-negative code");
	check(err[0] != 0, "refused without a message");
	check(strchr(err, '\n') == NULL, "message is more than one line");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[FUZZ_MAX_DOCS] = {
		"target.xml", "f1.xml", "f2.xml", "f3.xml",
		"f4.xml", "f5.xml", "f6.xml", "f7.xml",
	};
	struct gstub_tdesc_source docs[FUZZ_MAX_DOCS];
	const char *p = (const char *)data, *end = p + size;
	struct gstub_tdesc_loaded *ld = NULL, *again = NULL;
	char err[256];
	size_t n = 0, len1, len2;
	char *xml1, *xml2;
	int rc;

	while (n < FUZZ_MAX_DOCS) {
		const char *sep = NULL, *q;

		for (q = p; n + 1 < FUZZ_MAX_DOCS && q + 4 <= end; q++)
			if (!memcmp(q, "\n%%\n", 4)) {
				sep = q;
				break;
			}
		docs[n].name = names[n];
		docs[n].data = p;
		docs[n].len = (size_t)((sep ? sep : end) - p);
		n++;
		if (!sep)
			break;
		p = sep + 4;
	}

	rc = gstub_tdesc_load_memory(&ld, "target.xml", docs, n, err,
				     sizeof(err));
	if (rc != 0) {
		check(ld == NULL, "refused but returned a description");
		check_error(rc, err);
		return 0;
	}
	check(ld != NULL, "accepted without a description");
	xml1 = regenerate(gstub_tdesc_loaded_get(ld), &len1);
	docs[0].data = xml1;
	docs[0].len = len1;
	rc = gstub_tdesc_load_memory(&again, "target.xml", docs, 1, err,
				     sizeof(err));
	if (rc != 0)
		fprintf(stderr, "tdesc-load-fuzz: %s\n", err);
	check(rc == 0, "regenerated XML does not load");
	xml2 = regenerate(gstub_tdesc_loaded_get(again), &len2);
	check(len1 == len2 && !memcmp(xml1, xml2, len1),
	      "regenerated XML changes when loaded again");
	check(gstub_tdesc_loaded_get(ld)->g_size ==
		      gstub_tdesc_loaded_get(again)->g_size,
	      "register layout changes when loaded again");
	free(xml1);
	free(xml2);
	gstub_tdesc_loaded_free(again);
	gstub_tdesc_loaded_free(ld);
	return 0;
}
