/*
 * gstub-tdesc: print a built-in or a user's target description as gdb
 * reads it (the XML, produced through the same windowed reader the stub
 * serves) or as the stub lays it out in a `g` reply; check a user's
 * description.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gstub/gstub.h>
#include <gstub/tdesc.h>
#ifdef GSTUB_TDESC_LOADER
#include <gstub/tdesc-load.h>
#endif

static const char usage_text[] =
	"usage: gstub-tdesc TARGET [OPTIONS] [--xml | --layout]\n"
	"       gstub-tdesc --load FILE [--xml | --layout]\n"
	"       gstub-tdesc --check FILE\n"
	"\n"
	"Print a built-in target description, or a user's target.xml (with the\n"
	"files it includes with xi:include, read from its folder).\n"
	"\n"
	"targets and their options:\n"
	"  aarch64  [--sve-vl=BITS] [--pauth] [--mte] [--tls] [--tpidr2]\n"
	"           BITS is a multiple of 128 from 128 to 2048; --tpidr2 implies --tls\n"
	"  arm      [--vfp=v2|v3-d16|v3] [--neon] [--neon-q] [--tls]\n"
	"           --neon needs --vfp=v3; --neon-q implies --neon and also lists\n"
	"           q0-q15 (gdb 13.1 shows no $q registers otherwise)\n"
	"  arm-m    [--fp]                                 (M-profile, FP: d0-d15)\n"
	"  x86-64\n"
	"\n"
	"output:\n"
	"  --xml     the target.xml document gdb reads (default)\n"
	"  --layout  one line per register: number name offset size type feature\n"
	"            (offset and size in bytes within a `g` reply)\n"
	"  --window=N  produce the XML in reads of N bytes (default 512)\n"
	"  -h, --help  this text\n"
	"\n"
	"user descriptions:\n"
	"  --load FILE   print FILE's description instead of a built-in one\n"
	"  --check FILE  print OK, or the first error as FILE:LINE:COLUMN: message\n"
	"                (exit status 1)\n";

static const char *prog = "gstub-tdesc";

static int fail(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, " (try --help)\n");
	return 2;
}

/* A decimal number with nothing after it; false on anything else. */
static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v > max)
		return false;
	*out = v;
	return true;
}

static bool opt_value(const char *arg, const char *name, const char **value)
{
	size_t n = strlen(name);

	if (strncmp(arg, name, n) != 0 || arg[n] != '=')
		return false;
	*value = arg + n + 1;
	return true;
}

static int print_xml(const struct gstub_tdesc *td, size_t window)
{
	char *buf = malloc(window);
	size_t offset = 0;
	bool at_end = false;

	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return 1;
	}
	while (!at_end) {
		int n = gstub_tdesc_xml_read(td, "target.xml", 10, offset, buf,
					     window, &at_end);
		if (n < 0) {
			fprintf(stderr, "%s: reading the XML failed (error %d)\n",
				prog, n);
			free(buf);
			return 1;
		}
		if (n == 0 && !at_end) {
			fprintf(stderr, "%s: the XML reader made no progress\n",
				prog);
			free(buf);
			return 1;
		}
		fwrite(buf, 1, (size_t)n, stdout);
		offset += (size_t)n;
	}
	free(buf);
	return 0;
}

static void print_layout(const struct gstub_tdesc *td)
{
	uint32_t i;

	printf("# number name offset size type feature (g_size %u)\n",
	       (unsigned)td->g_size);
	for (i = 0; i < td->nregs; i++) {
		const struct gstub_tdesc_reg *r = &td->regs[i];

		printf("%u %s %u %u %s %s\n", (unsigned)r->regnum, r->name,
		       (unsigned)r->offset, (unsigned)(r->bitsize / 8),
		       r->type, td->features[r->feature].name);
	}
}

/* --load FILE / --load=FILE (and --check): the file, or NULL. */
static const char *user_option(const char *arg, const char **file)
{
	static const char *const names[] = { "--load", "--check" };
	size_t i, n;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		n = strlen(names[i]);
		if (strncmp(arg, names[i], n) != 0)
			continue;
		if (arg[n] == 0 || arg[n] == '=') {
			if (file)
				*file = arg[n] == '=' ? arg + n + 1 : NULL;
			return names[i];
		}
	}
	return NULL;
}

/* gstub-tdesc --load FILE [--xml|--layout] [--window=N] | --check FILE */
static int run_user(int argc, char **argv)
{
	const char *file = NULL, *value;
	const char *mode = user_option(argv[1], &file);
	bool check = !strcmp(mode, "--check"), layout = false;
	unsigned long window = 512;
	int i = 2;

	if (!file) {
		if (argc < 3 || !argv[2][0])
			return fail("%s needs a FILE", mode);
		file = argv[2];
		i = 3;
	}
	if (!file[0])
		return fail("%s needs a FILE", mode);
	for (; i < argc; i++) {
		const char *a = argv[i];

		if (!check && !strcmp(a, "--xml")) {
			layout = false;
		} else if (!check && !strcmp(a, "--layout")) {
			layout = true;
		} else if (!check && opt_value(a, "--window", &value)) {
			if (!parse_uint(value, 1ul << 20, &window) || window == 0)
				return fail("bad --window '%s' (1..1048576)",
					    value);
		} else {
			fprintf(stderr, "%s: unknown option '%s' for %s (try --help)\n",
				prog, a, mode);
			return 2;
		}
	}
#ifdef GSTUB_TDESC_LOADER
	{
		struct gstub_tdesc_loaded *ld = NULL;
		char err[512];
		int rc;

		rc = gstub_tdesc_load_file(&ld, file, err, sizeof(err));
		if (rc < 0) {
			fprintf(stderr, "%s\n", err);
			return 1;
		}
		if (check) {
			puts("OK");
			rc = 0;
		} else if (layout) {
			print_layout(gstub_tdesc_loaded_get(ld));
			rc = 0;
		} else {
			rc = print_xml(gstub_tdesc_loaded_get(ld), window);
		}
		gstub_tdesc_loaded_free(ld);
		return rc;
	}
#else
	(void)layout;
	fprintf(stderr, "%s: %s: built without libexpat, user descriptions cannot be read\n",
		prog, mode);
	return 2;
#endif
}

int main(int argc, char **argv)
{
	struct gstub_aarch64_config a64 = { 0 };
	struct gstub_arm_config arm = { 0 };
	static struct gstub_tdesc td;
	const char *target, *value;
	bool layout = false, seen_fp = false;
	unsigned long window = 512, v;
	int i, rc;

	if (argc > 0 && argv[0] && argv[0][0]) {
		const char *slash = strrchr(argv[0], '/');
		prog = slash ? slash + 1 : argv[0];
	}
	for (i = 1; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			fputs(usage_text, stdout);
			return 0;
		}
	if (argc < 2)
		return fail("%s", "missing TARGET (aarch64, arm, arm-m, x86-64)");
	if (user_option(argv[1], NULL))
		return run_user(argc, argv);
	target = argv[1];
	if (strcmp(target, "aarch64") && strcmp(target, "arm") &&
	    strcmp(target, "arm-m") && strcmp(target, "x86-64"))
		return fail("unknown target '%s'", target);
	if (!strcmp(target, "arm-m"))
		arm.m_profile = true;

	for (i = 2; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--xml")) {
			layout = false;
		} else if (!strcmp(a, "--layout")) {
			layout = true;
		} else if (opt_value(a, "--window", &value)) {
			if (!parse_uint(value, 1ul << 20, &window) || window == 0)
				return fail("bad --window '%s' (1..1048576)",
					    value);
		} else if (!strcmp(target, "aarch64") &&
			   opt_value(a, "--sve-vl", &value)) {
			if (!parse_uint(value, 2048, &v) || v == 0 || v % 128)
				return fail("bad --sve-vl '%s' (a multiple of 128 from 128 to 2048)",
					    value);
			a64.sve_vq = (unsigned)(v / 128);
		} else if (!strcmp(target, "aarch64") && !strcmp(a, "--pauth")) {
			a64.pauth = true;
		} else if (!strcmp(target, "aarch64") && !strcmp(a, "--mte")) {
			a64.mte = true;
		} else if (!strcmp(target, "aarch64") && !strcmp(a, "--tls")) {
			a64.tls = true;
		} else if (!strcmp(target, "aarch64") && !strcmp(a, "--tpidr2")) {
			a64.tls = a64.tpidr2 = true;
		} else if (!strcmp(target, "arm") && opt_value(a, "--vfp", &value)) {
			if (!strcmp(value, "v2"))
				arm.fp = GSTUB_ARM_FP_VFPV2;
			else if (!strcmp(value, "v3-d16"))
				arm.fp = GSTUB_ARM_FP_VFPV3_D16;
			else if (!strcmp(value, "v3"))
				arm.fp = GSTUB_ARM_FP_VFPV3;
			else
				return fail("bad --vfp '%s' (v2, v3-d16 or v3)",
					    value);
			seen_fp = true;
		} else if (!strcmp(target, "arm") && !strcmp(a, "--neon")) {
			arm.neon = true;
		} else if (!strcmp(target, "arm") && !strcmp(a, "--neon-q")) {
			arm.neon = arm.neon_q = true;
		} else if (!strcmp(target, "arm") && !strcmp(a, "--tls")) {
			arm.tls = true;
		} else if (!strcmp(target, "arm-m") && !strcmp(a, "--fp")) {
			arm.fp = GSTUB_ARM_FP_VFPV2;
			seen_fp = true;
		} else {
			fprintf(stderr, "%s: unknown option '%s' for %s (try --help)\n",
				prog, a, target);
			return 2;
		}
	}

	if (!strcmp(target, "aarch64")) {
		rc = gstub_tdesc_aarch64(&td, &a64);
	} else if (!strcmp(target, "x86-64")) {
		rc = gstub_tdesc_x86_64(&td);
	} else {
		if (arm.neon && !seen_fp)
			arm.fp = GSTUB_ARM_FP_VFPV3; /* --neon alone: VFPv3 */
		if (arm.neon && arm.fp != GSTUB_ARM_FP_VFPV3)
			return fail("%s", "--neon needs --vfp=v3 (32 D registers)");
		rc = gstub_tdesc_arm(&td, &arm);
	}
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", prog,
			rc == GSTUB_EINVAL ? "that combination of options is not a valid target"
					   : "the description does not fit the table limits");
		return 2;
	}
	if (layout) {
		print_layout(&td);
		return 0;
	}
	return print_xml(&td, window);
}
