/*
 * gstub-run's command line: gdbserver's shape, `[OPTIONS] COMM PROG [ARGS]`.
 */
#ifndef GSTUB_RUN_OPTIONS_H
#define GSTUB_RUN_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

struct grun_options {
	const char *comm;
	int prog_argc;      /* PROG and its arguments */
	char **prog_argv;
	bool once;
	bool quiet;
	bool remote_debug;
	bool output_to_gdb;
	long max_chars;     /* packet log width, -1 unlimited */
	unsigned baud;      /* 0: the transport's default */
	bool no_hw_step;    /* hide single and range stepping: the engine
			     * steps with temporary breakpoints */
	bool no_range_step; /* hide range stepping: the engine range-steps
			     * on single steps */
};

enum grun_parse_result {
	GRUN_PARSE_RUN,     /* options are complete: run */
	GRUN_PARSE_EXIT,    /* --help or --version printed: exit 0 */
	GRUN_PARSE_ERROR,   /* message in err: exit 2 */
};

enum grun_parse_result grun_parse_options(int argc, char **argv,
					  struct grun_options *o, char *err,
					  size_t errlen);

#endif
