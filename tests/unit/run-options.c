/*
 * gstub-run's command line: every flag, gdbserver's COMM PROG ARGS shape,
 * and bad input turned into one-line errors.
 */
#include "options.h"
#include "tap.h"

static enum grun_parse_result parse(struct grun_options *o, char *err,
				    size_t errlen, int argc, char **argv)
{
	err[0] = '\0';
	return grun_parse_options(argc, argv, o, err, errlen);
}

#define ARGV(...) ((char *[]){ "gstub-run", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "gstub-run", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(...) parse(&o, err, sizeof err, ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

int main(void)
{
	struct grun_options o;
	char err[256];

	ok(PARSE(":1234", "prog", "a", "b") == GRUN_PARSE_RUN, "COMM PROG ARGS");
	is_str(o.comm, ":1234", "COMM");
	ok(o.prog_argc == 3, "PROG and two arguments");
	is_str(o.prog_argv[0], "prog", "PROG");
	is_str(o.prog_argv[2], "b", "last argument");
	ok(o.max_chars == 512 && !o.once && !o.quiet && !o.remote_debug &&
		   o.baud == 0 && !o.output_to_gdb,
	   "defaults");

	ok(PARSE("--once", "--quiet", "--remote-debug", "--output-to-gdb",
		 "--remote-packet-max-chars=unlimited", "--baud=9600", "-", "p") ==
		   GRUN_PARSE_RUN,
	   "every flag");
	ok(o.once && o.quiet && o.remote_debug && o.output_to_gdb, "boolean flags set");
	ok(o.max_chars == -1, "unlimited packet log");
	ok(o.baud == 9600, "baud");
	is_str(o.comm, "-", "stdio COMM is not an option");

	ok(PARSE("--remote-packet-max-chars", "40", "unix:sock", "p", "--once") ==
		   GRUN_PARSE_RUN && o.max_chars == 40 && !o.once,
	   "separate value; flags after PROG belong to the program");
	is_str(o.prog_argv[1], "--once", "program argument kept");
	ok(PARSE("--", "-weird", "p") == GRUN_PARSE_RUN, "-- ends the options");
	is_str(o.comm, "-weird", "COMM after --");

	ok(PARSE("--bogus", ":0", "p") == GRUN_PARSE_ERROR && strstr(err, "--bogus"),
	   "unknown option: %s", err);
	ok(PARSE(":0") == GRUN_PARSE_ERROR && strstr(err, "PROG"), "missing PROG: %s", err);
	ok(PARSE("--once") == GRUN_PARSE_ERROR && strstr(err, "COMM"), "missing COMM: %s", err);
	ok(PARSE("--baud=", ":0", "p") == GRUN_PARSE_ERROR, "empty baud: %s", err);
	ok(PARSE("--baud=12x", ":0", "p") == GRUN_PARSE_ERROR, "baud with junk: %s", err);
	ok(PARSE("--baud=0", ":0", "p") == GRUN_PARSE_ERROR, "baud 0: %s", err);
	ok(PARSE("--baud=-5", ":0", "p") == GRUN_PARSE_ERROR, "negative baud: %s", err);
	ok(PARSE("--baud=99999999999999999999", ":0", "p") == GRUN_PARSE_ERROR,
	   "overflowing baud: %s", err);
	ok(PARSE("--baud") == GRUN_PARSE_ERROR && strstr(err, "needs a value"),
	   "flag without value: %s", err);
	ok(PARSE("--remote-packet-max-chars=lots", ":0", "p") == GRUN_PARSE_ERROR,
	   "bad packet width: %s", err);
	ok(PARSE("--oncex", ":0", "p") == GRUN_PARSE_ERROR, "no prefix matching: %s", err);
	ok(PARSE("--baudx=3", ":0", "p") == GRUN_PARSE_ERROR, "no prefix matching for values: %s", err);
	return tap_done();
}
