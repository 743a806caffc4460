/*
 * Loading from a folder and from memory: xi:include resolution, gdb's
 * register numbering and `g` layout, the architecture and expedited
 * registers, and the API's edges (arguments, small error buffers, missing
 * documents).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#include <gstub/tdesc-load.h>

#include "tap.h"
#include "tdesc-configs.h"
#include "tdesc-load-check.h"

#define XI "xmlns:xi=\"http://www.w3.org/2001/XInclude\""

/* A made-up target: core numbered from 0, a vector feature placed first
 * in the document but numbered after the core, one explicit gap. */
static const char target_xml[] =
	"<?xml version=\"1.0\"?>\n"
	"<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
	"<target version=\"1.0\" " XI ">\n"
	"  <architecture>toy64</architecture>\n"
	"  <osabi>none</osabi>\n"
	"  <xi:include href=\"features/vec.xml\"/>\n"
	"  <xi:include href=\"core.xml\"/>\n"
	"</target>\n";
static const char core_xml[] =
	"<?xml version=\"1.0\"?>\n"
	"<feature name=\"org.example.core\" " XI ">\n"
	"  <reg name=\"x0\" bitsize=\"64\" regnum=\"0\"/>\n"
	"  <reg name=\"x1\" bitsize=\"64\"/>\n"
	"  <reg name=\"fp\" bitsize=\"64\" type=\"data_ptr\"/>\n"
	"  <reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>\n"
	"  <xi:include href=\"features/pc.xml\"/>\n"
	"  <reg name=\"psr\" bitsize=\"32\" regnum=\"8\"/>\n"
	"</feature>\n";
static const char vec_xml[] =
	"<feature name=\"org.example.vec\">\n"
	"  <vector id=\"v4s\" type=\"ieee_single\" count=\"4\"/>\n"
	"  <reg name=\"q0\" bitsize=\"128\" type=\"v4s\" regnum=\"20\"/>\n"
	"  <reg name=\"q1\" bitsize=\"128\" type=\"v4s\"/>\n"
	"</feature>\n";
static const char pc_xml[] =
	"<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>\n";

static const struct gstub_tdesc_source toy_docs[] = {
	{ "target.xml", target_xml, sizeof(target_xml) - 1 },
	{ "core.xml", core_xml, sizeof(core_xml) - 1 },
	{ "features/vec.xml", vec_xml, sizeof(vec_xml) - 1 },
	{ "features/pc.xml", pc_xml, sizeof(pc_xml) - 1 },
};

static char tmpdir[64];

static bool write_file(const char *rel, const char *data, size_t len)
{
	char path[256];
	FILE *f;
	bool good;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	f = fopen(path, "wb");
	if (!f)
		return false;
	good = fwrite(data, 1, len, f) == len;
	return fclose(f) == 0 && good;
}

static void remove_file(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", tmpdir, rel);
	unlink(path);
}

static void check_toy(const struct gstub_tdesc *td, const char *how)
{
	static const struct {
		const char *name;
		uint32_t regnum, offset, bytes;
	} want[] = {
		{ "x0", 0, 0, 8 },   { "x1", 1, 8, 8 },  { "fp", 2, 16, 8 },
		{ "sp", 3, 24, 8 },  { "pc", 4, 32, 8 }, { "psr", 8, 40, 4 },
		{ "q0", 20, 44, 16 }, { "q1", 21, 60, 16 },
	};
	const struct gstub_tdesc_reg *r;
	bool good = td->nregs == 8;
	uint32_t i;

	for (i = 0; good && i < 8; i++) {
		r = &td->regs[i];
		good = !strcmp(r->name, want[i].name) &&
		       r->regnum == want[i].regnum &&
		       r->offset == want[i].offset &&
		       r->bitsize == want[i].bytes * 8;
		if (!good)
			printf("#   row %u: %s %u %u %u\n", (unsigned)i, r->name,
			       (unsigned)r->regnum, (unsigned)r->offset,
			       (unsigned)r->bitsize);
	}
	ok(good && td->g_size == 76,
	   "%s: gdb's numbering (continued, explicit, gap) in regnum order", how);
	ok(td->nfeatures == 2 && !strcmp(td->features[0].name, "org.example.vec") &&
		   !strcmp(td->features[1].name, "org.example.core"),
	   "%s: features in document order", how);
	r = gstub_tdesc_find(td, 21);
	ok(r && !strcmp(r->name, "q1") && r->feature == 0 &&
		   !strcmp(r->type, "v4s"),
	   "%s: q1 keeps its feature and type", how);
	r = gstub_tdesc_find_name(td, "psr");
	ok(r && r->feature == 1 && !strcmp(r->type, "int") && r->save_restore &&
		   !r->group,
	   "%s: defaults: type int, save-restore yes, no group", how);
	ok(td->arch == GSTUB_ARCH_NONE && !strcmp(td->architecture, "toy64") &&
		   td->osabi && !strcmp(td->osabi, "none"),
	   "%s: architecture and osabi", how);
	ok(td->pc_regnum == 4 && td->sp_regnum == 3 && td->fp_regnum == 2 &&
		   td->status_regnum == 8,
	   "%s: expedited registers found by name", how);
}

static void test_folder_and_memory(void)
{
	struct gstub_tdesc_loaded *disk = NULL, *mem = NULL;
	char err[256], path[128], why[160] = "";
	char *x1 = NULL, *x2 = NULL;
	size_t l1 = 0, l2 = 0, i;
	int rc;

	for (i = 0; i < 4; i++)
		ok(write_file(toy_docs[i].name, toy_docs[i].data, toy_docs[i].len),
		   "write %s", toy_docs[i].name);
	snprintf(path, sizeof(path), "%s/target.xml", tmpdir);
	rc = gstub_tdesc_load_file(&disk, path, err, sizeof(err));
	if (!ok(rc == 0 && disk, "folder with nested includes loads"))
		printf("#   %s\n", err);
	else
		check_toy(gstub_tdesc_loaded_get(disk), "folder");

	rc = gstub_tdesc_load_memory(&mem, "target.xml", toy_docs, 4, err,
				     sizeof(err));
	if (!ok(rc == 0 && mem, "in-memory table loads"))
		printf("#   %s\n", err);
	else
		check_toy(gstub_tdesc_loaded_get(mem), "memory");

	if (disk && mem) {
		if (!ok(tdesc_same(gstub_tdesc_loaded_get(disk),
				   gstub_tdesc_loaded_get(mem), why, sizeof(why)),
			"folder and memory give the same table"))
			printf("#   %s\n", why);
		x1 = tdesc_whole_xml(gstub_tdesc_loaded_get(disk), &l1);
		x2 = tdesc_whole_xml(gstub_tdesc_loaded_get(mem), &l2);
		ok(x1 && x2 && l1 == l2 && !memcmp(x1, x2, l1),
		   "and the same XML");
		ok(x1 && !strstr(x1, "xi:include") &&
			   strstr(x1, "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\" regnum=\"4\"/>"),
		   "the served XML has every feature inline");
	}
	free(x1);
	free(x2);
	gstub_tdesc_loaded_free(disk);
	gstub_tdesc_loaded_free(mem);

	/* a missing feature file is refused at its xi:include */
	remove_file("core.xml");
	rc = gstub_tdesc_load_file(&disk, path, err, sizeof(err));
	ok(rc == GSTUB_ENOENT && disk == NULL, "missing include: ENOENT");
	ok(strstr(err, "target.xml:7:3: cannot read included file") != NULL,
	   "missing include: reported at the xi:include (%s)", err);
	for (i = 0; i < 4; i++)
		remove_file(toy_docs[i].name);
}

/* A built-in description with each feature in its own file on disk. */
static void test_builtin_on_disk(int config)
{
	struct gstub_tdesc built;
	struct gstub_tdesc_loaded *ld = NULL;
	char label[96], err[256], why[160] = "", path[128], name[32];
	char *xml, *top, *out, *p, *f, *again;
	size_t len = 0, len2 = 0;
	int n = 0, rc;

	tdesc_build_config(config, &built, label, sizeof(label));
	xml = tdesc_whole_xml(&built, &len);
	top = malloc(len + 2048);
	if (!ok(xml && top, "%s: XML", label))
		goto out;
	out = top;
	p = xml;
	while ((f = strstr(p, "  <feature")) != NULL) {
		char *e = strstr(f, "</feature>\n");

		if (!e)
			break;
		e += strlen("</feature>\n");
		snprintf(name, sizeof(name), "feature-%d.xml", n++);
		write_file(name, f, (size_t)(e - f));
		memcpy(out, p, (size_t)(f - p));
		out += f - p;
		out += sprintf(out, "  <xi:include " XI " href=\"%s\"/>\n", name);
		p = e;
	}
	strcpy(out, p);
	write_file("target.xml", top, strlen(top));
	snprintf(path, sizeof(path), "%s/target.xml", tmpdir);
	rc = gstub_tdesc_load_file(&ld, path, err, sizeof(err));
	if (!ok(rc == 0 && ld, "%s: %d feature files load", label, n)) {
		printf("#   %s\n", err);
		goto out;
	}
	if (!ok(tdesc_same(&built, gstub_tdesc_loaded_get(ld), why, sizeof(why)),
		"%s: same table as built in", label))
		printf("#   %s\n", why);
	again = tdesc_whole_xml(gstub_tdesc_loaded_get(ld), &len2);
	ok(again && len == len2 && !memcmp(xml, again, len),
	   "%s: same XML as built in", label);
	free(again);
out:
	while (n > 0) {
		snprintf(name, sizeof(name), "feature-%d.xml", --n);
		remove_file(name);
	}
	remove_file("target.xml");
	gstub_tdesc_loaded_free(ld);
	free(top);
	free(xml);
}

/* Load one in-memory document; returns the description or NULL. */
static struct gstub_tdesc_loaded *load_one(const char *xml, char *err,
					   size_t errlen, int *rc)
{
	struct gstub_tdesc_source doc = { "target.xml", xml, strlen(xml) };
	struct gstub_tdesc_loaded *ld = NULL;

	*rc = gstub_tdesc_load_memory(&ld, "target.xml", &doc, 1, err, errlen);
	return ld;
}

#define CORE_ARM(extra_feature)                                           \
	"<target><architecture>arm</architecture>"                        \
	"<feature name=\"" extra_feature "\">"                            \
	"<reg name=\"r7\" bitsize=\"32\" regnum=\"7\"/>"                  \
	"<reg name=\"r11\" bitsize=\"32\" regnum=\"11\"/>"                \
	"<reg name=\"sp\" bitsize=\"32\" regnum=\"13\"/>"                 \
	"<reg name=\"pc\" bitsize=\"32\" regnum=\"15\"/>"                 \
	"<reg name=\"cpsr\" bitsize=\"32\" regnum=\"25\"/>"               \
	"<reg name=\"xpsr\" bitsize=\"32\" regnum=\"26\"/>"               \
	"</feature></target>"

static void test_arch(void)
{
	static const struct {
		const char *xml;
		uint8_t arch;
		int32_t pc, sp, fp, status;
	} cases[] = {
		{ CORE_ARM("org.gnu.gdb.arm.core"), GSTUB_ARCH_ARM, 15, 13, 11, 25 },
		{ CORE_ARM("org.gnu.gdb.arm.m-profile"), GSTUB_ARCH_ARM_M, 15, 13,
		  7, 26 },
		{ "<target><architecture>aarch64</architecture>"
		  "<feature name=\"org.gnu.gdb.aarch64.core\">"
		  "<reg name=\"x29\" bitsize=\"64\" regnum=\"29\"/>"
		  "<reg name=\"sp\" bitsize=\"64\"/><reg name=\"pc\" bitsize=\"64\"/>"
		  "<reg name=\"cpsr\" bitsize=\"32\"/></feature></target>",
		  GSTUB_ARCH_AARCH64, 31, 30, 29, 32 },
		{ "<target><architecture>i386:x86-64</architecture>"
		  "<feature name=\"org.gnu.gdb.i386.core\">"
		  "<reg name=\"rbp\" bitsize=\"64\" regnum=\"6\"/>"
		  "<reg name=\"rsp\" bitsize=\"64\"/>"
		  "<reg name=\"rip\" bitsize=\"64\" regnum=\"16\"/>"
		  "<reg name=\"eflags\" bitsize=\"32\"/></feature></target>",
		  GSTUB_ARCH_X86_64, 16, 7, 6, 17 },
		{ "<target><feature name=\"org.example.core\">"
		  "<reg name=\"sp\" bitsize=\"32\"/><reg name=\"pc\" bitsize=\"32\"/>"
		  "</feature></target>",
		  GSTUB_ARCH_NONE, 1, 0, -1, -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[256];
		int rc;
		struct gstub_tdesc_loaded *ld = load_one(cases[i].xml, err,
							 sizeof(err), &rc);
		const struct gstub_tdesc *td = gstub_tdesc_loaded_get(ld);

		if (!ok(rc == 0 && td, "arch case %zu loads", i)) {
			printf("#   %s\n", err);
			continue;
		}
		ok(td->arch == cases[i].arch, "arch case %zu: arch %u", i,
		   td->arch);
		ok(td->pc_regnum == cases[i].pc && td->sp_regnum == cases[i].sp &&
			   td->fp_regnum == cases[i].fp &&
			   td->status_regnum == cases[i].status,
		   "arch case %zu: expedited %d %d %d %d", i, td->pc_regnum,
		   td->sp_regnum, td->fp_regnum, td->status_regnum);
		gstub_tdesc_loaded_free(ld);
	}
}

/* Includes three deep, each root taking the place of its xi:include:
 * a feature file, a union in it, a field of the union. */
static void test_nested_roots(void)
{
	static const char top[] =
		"<target " XI "><xi:include href=\"f.xml\"/></target>";
	static const char feature[] =
		"<feature name=\"org.example.f\" " XI ">"
		"<vector id=\"v2\" type=\"uint32\" count=\"2\"/>"
		"<xi:include href=\"u.xml\"/>"
		"<reg name=\"w\" bitsize=\"64\" type=\"u\"/></feature>";
	static const char onion[] =
		"<union id=\"u\" " XI "><field name=\"d\" type=\"ieee_double\"/>"
		"<xi:include href=\"field.xml\"/></union>";
	static const char field[] = "<field name=\"v\" type=\"v2\"/>";
	const struct gstub_tdesc_source docs[] = {
		{ "target.xml", top, sizeof(top) - 1 },
		{ "f.xml", feature, sizeof(feature) - 1 },
		{ "u.xml", onion, sizeof(onion) - 1 },
		{ "field.xml", field, sizeof(field) - 1 },
	};
	struct gstub_tdesc_loaded *ld = NULL;
	const struct gstub_tdesc *td;
	char err[256];
	int rc;

	rc = gstub_tdesc_load_memory(&ld, "target.xml", docs, 4, err,
				     sizeof(err));
	td = gstub_tdesc_loaded_get(ld);
	if (!ok(rc == 0 && td, "includes three deep load"))
		printf("#   %s\n", err);
	else
		ok(td->ntypes == 2 && td->types[1].nfields == 2 &&
			   !strcmp(td->types[1].fields[1].type, "v2") &&
			   td->nregs == 1 && !strcmp(td->regs[0].type, "u"),
		   "the included union has both fields");
	gstub_tdesc_loaded_free(ld);
}

static void test_api_edges(void)
{
	static const char small_xml[] =
		"<target><feature name=\"a\"><reg name=\"r0\" bitsize=\"8\"/>"
		"</feature></target>TRAILING";
	struct gstub_tdesc_source doc = { "t.xml", small_xml, 0 };
	struct gstub_tdesc_loaded *ld = (struct gstub_tdesc_loaded *)&doc;
	char err[256], tiny[8];
	int rc;

	ok(gstub_tdesc_load_memory(NULL, "t.xml", &doc, 1, err, sizeof(err)) ==
		   GSTUB_EINVAL,
	   "no result pointer: EINVAL");
	rc = gstub_tdesc_load_memory(&ld, "other.xml", &doc, 1, err, sizeof(err));
	ok(rc == GSTUB_ENOENT && ld == NULL &&
		   !strcmp(err, "other.xml: document not found"),
	   "unknown top document: ENOENT (%s)", err);
	rc = gstub_tdesc_load_file(&ld, "no-such-dir/target.xml", err,
				   sizeof(err));
	ok(rc == GSTUB_ENOENT && ld == NULL &&
		   !strcmp(err, "no-such-dir/target.xml: cannot open: "
				       "No such file or directory"),
	   "missing file: ENOENT (%s)", err);

	/* data need not be NUL-terminated: stop before the trailing junk */
	doc.len = strlen(small_xml) - strlen("TRAILING");
	rc = gstub_tdesc_load_memory(&ld, "t.xml", &doc, 1, err, sizeof(err));
	ok(rc == 0 && ld && gstub_tdesc_loaded_get(ld)->g_size == 1,
	   "length-bounded document loads");
	gstub_tdesc_loaded_free(ld);
	doc.len = strlen(small_xml);
	rc = gstub_tdesc_load_memory(&ld, "t.xml", &doc, 1, err, sizeof(err));
	ok(rc == GSTUB_EINVAL && ld == NULL &&
		   !strncmp(err, "t.xml:1:", 8) && strstr(err, "malformed XML"),
	   "the whole buffer is the document (%s)", err);

	memset(tiny, 'x', sizeof(tiny));
	rc = gstub_tdesc_load_memory(&ld, "t.xml", &doc, 1, tiny, sizeof(tiny));
	ok(rc < 0 && tiny[sizeof(tiny) - 1] == 0 && !strncmp(tiny, "t.xml:1", 7),
	   "a small error buffer is cut and terminated");
	rc = gstub_tdesc_load_memory(&ld, "t.xml", &doc, 1, NULL, 0);
	ok(rc < 0 && ld == NULL, "no error buffer at all");

	gstub_tdesc_loaded_free(NULL);
	ok(gstub_tdesc_loaded_get(NULL) == NULL, "NULL is no description");
}

/* The loader's own limits: includes processed, bytes of a document. */
static void test_limits(void)
{
	static const char piece[] = "<compatible>arm</compatible>";
	size_t n = GSTUB_TDESC_LOAD_MAX_INCLUDES + 1, i, at;
	size_t cap = 64 + n * 64;
	char *top = malloc(cap), *big = malloc(GSTUB_TDESC_LOAD_MAX_FILE + 64);
	struct gstub_tdesc_source docs[2];
	struct gstub_tdesc_loaded *ld = NULL;
	char err[256];
	int rc;

	if (!ok(top && big, "room for the limit tests")) {
		free(top);
		free(big);
		return;
	}
	at = (size_t)sprintf(top, "<target " XI ">\n");
	for (i = 0; i < n; i++)
		at += (size_t)sprintf(top + at, "<xi:include href=\"c.xml\"/>\n");
	sprintf(top + at, "</target>\n");
	docs[0].name = "target.xml";
	docs[0].data = top;
	docs[0].len = strlen(top);
	docs[1].name = "c.xml";
	docs[1].data = piece;
	docs[1].len = sizeof(piece) - 1;
	rc = gstub_tdesc_load_memory(&ld, "target.xml", docs, 2, err, sizeof(err));
	ok(rc == GSTUB_ENOSPC && !ld && strstr(err, "more than") &&
		   strstr(err, "includes"),
	   "too many includes: ENOSPC (%s)", err);

	/* a document one byte over the limit, whitespace after the root */
	at = (size_t)sprintf(big, "<target><feature name=\"a\">"
			     "<reg name=\"r\" bitsize=\"8\"/></feature></target>");
	memset(big + at, ' ', GSTUB_TDESC_LOAD_MAX_FILE + 1 - at);
	docs[0].data = big;
	docs[0].len = GSTUB_TDESC_LOAD_MAX_FILE + 1;
	rc = gstub_tdesc_load_memory(&ld, "target.xml", docs, 1, err, sizeof(err));
	ok(rc == GSTUB_ENOSPC && !ld && strstr(err, "document larger than"),
	   "document over the size limit: ENOSPC (%s)", err);
	docs[0].len = GSTUB_TDESC_LOAD_MAX_FILE;
	rc = gstub_tdesc_load_memory(&ld, "target.xml", docs, 1, err, sizeof(err));
	ok(rc == 0 && ld, "document at the size limit loads");
	gstub_tdesc_loaded_free(ld);
	free(top);
	free(big);
}

int main(void)
{
	snprintf(tmpdir, sizeof(tmpdir), "tdesc-load-include.XXXXXX");
	if (!mkdtemp(tmpdir)) {
		printf("Bail out! cannot make a folder: %s\n", strerror(errno));
		return 1;
	}
	{
		char sub[96];

		snprintf(sub, sizeof(sub), "%s/features", tmpdir);
		mkdir(sub, 0700);
	}
	test_folder_and_memory();
	/* AArch64 with everything, ARM with NEON and TLS, M-profile, x86-64 */
	test_builtin_on_disk(TDESC_N_AARCH64 - 1);
	test_builtin_on_disk(TDESC_N_AARCH64 + 5);
	test_builtin_on_disk(TDESC_N_AARCH64 + 9);
	test_builtin_on_disk(TDESC_N_CONFIGS - 1);
	test_arch();
	test_nested_roots();
	test_api_edges();
	test_limits();
	{
		char sub[96];

		snprintf(sub, sizeof(sub), "%s/features", tmpdir);
		rmdir(sub);
	}
	rmdir(tmpdir);
	return tap_done();
}
