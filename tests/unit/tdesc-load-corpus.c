/*
 * The loader's corpus (tests/tdesc-corpus): every description under good/
 * loads and survives a round trip through its own XML; every one under
 * bad/ is refused with the one-line "FILE:LINE:COLUMN: message" that
 * bad.list expects, and bad.list forgets none of them.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#include <gstub/tdesc-load.h>

#include "tap.h"
#include "tdesc-load-check.h"

#ifndef TDESC_CORPUS_DIR
#define TDESC_CORPUS_DIR "tests/tdesc-corpus"
#endif

static const char *corpus = TDESC_CORPUS_DIR;

static char *path_of(const char *rel)
{
	size_t n = strlen(corpus) + strlen(rel) + 2;
	char *p = malloc(n);

	if (p)
		snprintf(p, n, "%s/%s", corpus, rel);
	return p;
}

/* Loads, and its regenerated XML loads again to the same table and XML. */
static void check_good(const char *rel)
{
	struct gstub_tdesc_loaded *ld = NULL, *again = NULL;
	struct gstub_tdesc_source doc;
	char err[512], why[160] = "";
	char *path = path_of(rel), *xml1 = NULL, *xml2 = NULL;
	size_t len1 = 0, len2 = 0;
	int rc;

	rc = gstub_tdesc_load_file(&ld, path, err, sizeof(err));
	free(path);
	if (!ok(rc == 0 && ld, "%s loads", rel)) {
		printf("#   %s\n", err);
		return;
	}
	xml1 = tdesc_whole_xml(gstub_tdesc_loaded_get(ld), &len1);
	doc.name = "target.xml";
	doc.data = xml1;
	doc.len = len1;
	rc = xml1 ? gstub_tdesc_load_memory(&again, "target.xml", &doc, 1, err,
					    sizeof(err))
		  : -1;
	if (ok(rc == 0, "%s: its own XML loads again", rel)) {
		if (!ok(tdesc_same(gstub_tdesc_loaded_get(ld),
				   gstub_tdesc_loaded_get(again), why,
				   sizeof(why)),
			"%s: to the same table", rel))
			printf("#   %s\n", why);
		xml2 = tdesc_whole_xml(gstub_tdesc_loaded_get(again), &len2);
		ok(xml2 && len1 == len2 && !memcmp(xml1, xml2, len1),
		   "%s: and the same XML", rel);
	}
	free(xml1);
	free(xml2);
	gstub_tdesc_loaded_free(again);
	gstub_tdesc_loaded_free(ld);
}

static void check_bad(const char *top, const char *loc, const char *key)
{
	struct gstub_tdesc_loaded *ld = (struct gstub_tdesc_loaded *)&ld;
	char err[512], *path = path_of(top), *want = path_of(loc);
	int rc;

	rc = gstub_tdesc_load_file(&ld, path, err, sizeof(err));
	ok(rc < 0 && ld == NULL, "%s is refused", top);
	if (!ok(want && !strncmp(err, want, strlen(want)) &&
			!strncmp(err + strlen(want), ": ", 2),
		"%s: at %s", top, loc))
		printf("#   got: %s\n", err);
	if (!ok(strstr(err, key) != NULL && !strchr(err, '\n'),
		"%s: one line saying '%s'", top, key))
		printf("#   got: %s\n", err);
	free(path);
	free(want);
}

/* bad.list lines: TOP <tab> LOCATION <tab> KEY; returns how many. */
static int check_bad_list(char **listed, int max)
{
	char *list = path_of("bad.list");
	char line[512];
	FILE *f = list ? fopen(list, "r") : NULL;
	int n = 0;

	free(list);
	if (!ok(f != NULL, "bad.list opens"))
		return 0;
	while (fgets(line, sizeof(line), f)) {
		char *top = line, *loc, *key, *nl;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		loc = strchr(top, '\t');
		key = loc ? strchr(loc + 1, '\t') : NULL;
		if (!ok(loc && key, "bad.list line '%s' has three fields", line))
			continue;
		*loc++ = 0;
		*key++ = 0;
		check_bad(top, loc, key);
		if (n < max && (listed[n] = strdup(top)) != NULL)
			n++;
	}
	fclose(f);
	return n;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular *.xml files directly in corpus/sub (sorted, malloc'd). */
static int list_xml(const char *sub, char **names, int max)
{
	char *dir = path_of(sub);
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;
	int n = 0;

	if (!d) {
		free(dir);
		return 0;
	}
	while ((e = readdir(d)) != NULL && n < max) {
		size_t len = strlen(e->d_name);

		if (len > 4 && !strcmp(e->d_name + len - 4, ".xml")) {
			size_t m = strlen(sub) + len + 2;

			names[n] = malloc(m);
			if (names[n])
				snprintf(names[n++], m, "%s/%s", sub, e->d_name);
		}
	}
	closedir(d);
	free(dir);
	qsort(names, (size_t)n, sizeof(*names), by_name);
	return n;
}

int main(int argc, char **argv)
{
	char *listed[256];
	char *names[256];
	int i, j, n, nlisted;

	if (argc > 1)
		corpus = argv[1];

	n = list_xml("good", names, 256);
	ok(n >= 2, "good/ holds descriptions (%d)", n);
	for (i = 0; i < n; i++) {
		check_good(names[i]);
		free(names[i]);
	}
	/* descriptions split over several files live in their own folders */
	check_good("good/split/target.xml");

	nlisted = check_bad_list(listed, 256);
	n = list_xml("bad", names, 256);
	ok(n >= 50 && n == nlisted, "bad/ holds %d descriptions, bad.list %d",
	   n, nlisted);
	for (i = 0; i < n; i++) {
		bool found = false;

		for (j = 0; j < nlisted && !found; j++)
			found = !strcmp(listed[j], names[i]);
		ok(found, "%s is in bad.list", names[i]);
		free(names[i]);
	}
	for (j = 0; j < nlisted; j++)
		free(listed[j]);
	return tap_done();
}
