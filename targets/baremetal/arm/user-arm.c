/*
 * The program the board tests debug, ARM half (built -marm, -O0 so every
 * line and variable is where gdb expects it). gdb picks a path with
 * `scenario` before running: 0 runs to exit, the others end in a loop
 * gdb interrupts.
 */
#include "user.h"

volatile int scenario;
int numbers[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
int arm_sum;
int thumb_sum;
uint64_t vfp_seen[32];
uint64_t d5_seen;
/* for gdb's hardware watchpoints (touch_watched) */
int watched;
int watched_seen;
int wide[4] __attribute__((aligned(8)));

/* d0 holds s0 = 1.5f and s1 = 2.5f; d1-d31 hold n + 0.25 as doubles. */
static uint64_t vfp_pattern[32];
#define FPSCR_PATTERN 0x03c00000u /* DN, FZ, round towards zero */

static void make_pattern(void)
{
	union { double d; uint64_t u; } v;
	int n;

	vfp_pattern[0] = 0x402000003fc00000ull;
	for (n = 1; n < 32; n++) {
		v.d = n + 0.25;
		vfp_pattern[n] = v.u;
	}
}

static int add(int a, int b)
{
	int s = a + b;
	return s;
}

int compute(int n)
{
	int total = 0;
	int i;

	for (i = 0; i < n; i++)
		total = add(total, numbers[i]);
	return total;
}

/* gdb looks at the FPU here and changes d5 */
void __attribute__((noinline)) vfp_filled(void)
{
}

void __attribute__((noinline)) spin_arm(void)
{
	while (1);
}

/* A write, a read, a read then a write, and a write to the last word of
 * a 16-byte array, each on a line of its own for gdb's watchpoints. */
void __attribute__((noinline)) touch_watched(void)
{
	watched = 1;            /* marker: watch-write */
	watched_seen = watched; /* marker: watch-read */
	watched += 2;           /* marker: watch-access */
	wide[3] = 5;            /* marker: watch-wide */
}

int main(void)
{
	int sum;

	sum = compute(4);
	arm_sum = sum;
	sys_write_arm("hello from arm\n", 15);
	make_pattern();
	vfp_fill(vfp_pattern, FPSCR_PATTERN);
	vfp_filled();
	vfp_store(vfp_seen);
	d5_seen = vfp_seen[5]; /* marker: after-vfp-store */
	touch_watched();
	if (scenario == 1)
		spin_arm();
	if (scenario == 3)
		branch_self_arm();
	thumb_sum = thumb_main(scenario);
	return arm_sum == 10 && thumb_sum == 60 && watched == 3 &&
			       watched_seen == 1 && wide[3] == 5
		       ? 7
		       : 1;
}
