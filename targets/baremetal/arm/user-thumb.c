/* The program the board tests debug, Thumb half (built -mthumb). */
#include "user.h"

int thumb_numbers[4] = { 10, 20, 30, 40 };

static int thumb_add(int a, int b)
{
	int s = a + b;
	return s;
}

int thumb_compute(int n)
{
	int total = 0;
	int i;

	for (i = 0; i < n; i++)
		total = thumb_add(total, thumb_numbers[i]);
	return total;
}

void __attribute__((noinline)) spin_thumb(void)
{
	while (1);
}

int thumb_main(int scenario)
{
	int r;

	r = thumb_compute(3);
	sys_write_thumb("hello from thumb\n", 17);
	if (scenario == 2)
		spin_thumb();
	if (scenario == 4)
		branch_self_thumb();
	return r;
}
