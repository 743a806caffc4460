/*
 * A minimal TAP producer for gstub's C unit tests: each check is one TAP
 * line, so the test summary counts checks, not programs.
 */
#ifndef GSTUB_TESTS_TAP_H
#define GSTUB_TESTS_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count_;
static int tap_failed_;

static inline int tap_ok_(int cond, const char *file, int line,
			  const char *fmt, ...)
{
	va_list ap;
	printf("%s %d - ", cond ? "ok" : "not ok", ++tap_count_);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond) {
		printf("#   failed at %s:%d\n", file, line);
		tap_failed_++;
	}
	return cond;
}

/* ok(cond, "what was checked %d", x) */
#define ok(cond, ...) tap_ok_(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* is_str(got, want, "name"): equal C strings; prints both on failure. */
#define is_str(got, want, ...)                                              \
	do {                                                                \
		const char *g_ = (got), *w_ = (want);                       \
		if (!ok(g_ && w_ && strcmp(g_, w_) == 0, __VA_ARGS__))      \
			printf("#   got:  '%s'\n#   want: '%s'\n",          \
			       g_ ? g_ : "(null)", w_ ? w_ : "(null)");     \
	} while (0)

/* Ends the run: prints the plan and returns the exit status. */
static inline int tap_done(void)
{
	printf("1..%d\n", tap_count_);
	return tap_failed_ ? 1 : 0;
}

#endif
