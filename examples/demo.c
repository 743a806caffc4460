/* The demo program the README's first command serves under gstub-run:
 * something worth a breakpoint, a step and a watchpoint. */
#include <stdio.h>

int counter;

static int square(int x)
{
	return x * x;
}

int main(void)
{
	int sum = 0;

	for (int i = 1; i <= 5; i++) {
		sum += square(i);
		counter++;
	}
	printf("sum of squares 1..5 = %d\n", sum);
	return sum == 55 ? 0 : 1;
}
