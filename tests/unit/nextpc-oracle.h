/*
 * What the next-pc oracle tests share: a seeded generator (every run sees
 * the same corpus) and per-class tallies that become one TAP line each, with
 * the first few disagreements printed as diagnostics.
 */
#ifndef GSTUB_TESTS_NEXTPC_ORACLE_H
#define GSTUB_TESTS_NEXTPC_ORACLE_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "tap.h"

/* xorshift64*: small, fast, and the same sequence on every host. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static inline uint64_t rnd64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

static inline uint32_t rnd(uint32_t below)
{
	return (uint32_t)(rnd64() % below);
}

/* One class of instructions: how many were run, how many agreed, how many
 * could not be compared (Unicorn faulted on a data access the decoder does
 * not make, e.g. a store). Verdicts: 1 same next pc, 2 same data fault,
 * 0 not comparable, -1 disagree. */
struct tally {
	const char *name;
	unsigned n, agree, skipped, shown;
	unsigned faulted; /* of agree: both saw the same data fault */
};

#define TALLY_SHOWN_MAX 5

static inline void tally_add(struct tally *t, int verdict, const char *fmt, ...)
{
	va_list ap;

	t->n++;
	if (verdict > 0) {
		t->agree++;
		t->faulted += verdict == 2;
		return;
	}
	if (verdict == 0) {
		t->skipped++;
		return;
	}
	if (t->shown++ >= TALLY_SHOWN_MAX)
		return;
	printf("# %s: ", t->name);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

/* At most a tenth of a class may be incomparable and at most half may
 * agree only on a fault, or the class proves little. */
static inline void tally_done(struct tally *t)
{
	ok(t->n > 0 && t->agree + t->skipped == t->n && t->skipped * 10 <= t->n &&
	   t->faulted * 2 <= t->n,
	   "%s: %u/%u agree with Unicorn (%u on a data fault; %u not comparable)",
	   t->name, t->agree, t->n, t->faulted, t->skipped);
}

#endif
