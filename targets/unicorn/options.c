/*
 * Parsing gstub-run's options. Options come before COMM; the first
 * argument that is not an option (or "-", stdio) is COMM, then PROG.
 */
#include "options.h"

#include <errno.h>
#include <gstub/gstub.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"Usage: gstub-run [OPTIONS] COMM PROG [ARGS...]\n"
	"Run a static AArch64 or ARM Linux program in an emulator (Unicorn) and\n"
	"debug it with gdb over the remote protocol. The program stops at its\n"
	"entry point until gdb resumes it.\n"
	"\n"
	"COMM:\n"
	"  [HOST]:PORT    listen on TCP (no HOST: 127.0.0.1; PORT 0: a free port)\n"
	"  unix:PATH      listen on a Unix socket\n"
	"  - or stdio     talk over stdin/stdout (target remote | gstub-run - ...)\n"
	"  /dev/TTY       a serial line\n"
	"\n"
	"Options:\n"
	"  --once                       exit when the first gdb connection ends\n"
	"  --quiet                      no status messages on stderr\n"
	"  --remote-debug               log every packet to stderr\n"
	"  --remote-packet-max-chars=N  characters shown per logged packet\n"
	"                               (default 512; 'unlimited' for all)\n"
	"  --baud=N                     serial line speed (default 115200)\n"
	"  --output-to-gdb              send program output to gdb's console\n"
	"                               (O packets) while it runs\n"
	"  --no-hw-step                 do not offer single or range stepping\n"
	"                               to the engine: it steps with temporary\n"
	"                               breakpoints (software single step)\n"
	"  --no-range-step              do not range-step in the emulator: the\n"
	"                               engine range-steps on single steps\n"
	"  --version                    print the version and exit\n"
	"  --help                       print this help and exit\n"
	"\n"
	"Exit status: the program's exit status (128+N if signal N ended it),\n"
	"0 when gdb killed it, 2 for a usage or program-loading error.\n";

static enum grun_parse_result bad(char *err, size_t errlen, const char *fmt,
				  const char *arg)
{
	snprintf(err, errlen, fmt, arg);
	return GRUN_PARSE_ERROR;
}

/* A decimal number in [min, max], every character checked. */
static bool parse_number(const char *s, long min, long max, long *out)
{
	char *end;
	long v;
	if (*s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* "--name=value" or "--name value"; NULL when name does not match. */
static const char *option_value(int argc, char **argv, int *i,
				const char *name, bool *missing)
{
	size_t n = strlen(name);
	*missing = false;
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

enum grun_parse_result grun_parse_options(int argc, char **argv,
					  struct grun_options *o, char *err,
					  size_t errlen)
{
	int i;
	memset(o, 0, sizeof *o);
	o->max_chars = 512;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		bool missing;
		long n;
		if (a[0] != '-' || strcmp(a, "-") == 0)
			break;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "--help") == 0) {
			fputs(usage_text, stdout);
			return GRUN_PARSE_EXIT;
		}
		if (strcmp(a, "--version") == 0) {
			printf("gstub-run (gstub) %s\n", GSTUB_VERSION_STRING);
			return GRUN_PARSE_EXIT;
		}
		if (strcmp(a, "--once") == 0) {
			o->once = true;
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = true;
		} else if (strcmp(a, "--remote-debug") == 0) {
			o->remote_debug = true;
		} else if (strcmp(a, "--output-to-gdb") == 0) {
			o->output_to_gdb = true;
		} else if (strcmp(a, "--no-hw-step") == 0) {
			o->no_hw_step = true;
		} else if (strcmp(a, "--no-range-step") == 0) {
			o->no_range_step = true;
		} else if ((v = option_value(argc, argv, &i,
					     "--remote-packet-max-chars", &missing)) ||
			   missing) {
			if (missing)
				return bad(err, errlen, "option %s needs a value", a);
			if (strcmp(v, "unlimited") == 0)
				o->max_chars = -1;
			else if (parse_number(v, 0, 1L << 30, &n))
				o->max_chars = n;
			else
				return bad(err, errlen,
					   "bad --remote-packet-max-chars value '%s' (a number or 'unlimited')",
					   v);
		} else if ((v = option_value(argc, argv, &i, "--baud", &missing)) ||
			   missing) {
			if (missing)
				return bad(err, errlen, "option %s needs a value", a);
			if (!parse_number(v, 1, 4000000, &n))
				return bad(err, errlen, "bad --baud value '%s'", v);
			o->baud = (unsigned)n;
		} else {
			return bad(err, errlen,
				   "unknown option '%s' (try --help)", a);
		}
	}
	if (i >= argc)
		return bad(err, errlen, "%s", "missing COMM and PROG (try --help)");
	o->comm = argv[i++];
	if (i >= argc)
		return bad(err, errlen, "%s", "missing PROG (try --help)");
	o->prog_argc = argc - i;
	o->prog_argv = argv + i;
	return GRUN_PARSE_RUN;
}
