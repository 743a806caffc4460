/*
 * A loop that only an interrupt stops: the tests wait for the line below,
 * then send Ctrl-C and expect to land in the loop.
 */
#include <stdio.h>

volatile unsigned long spin_counter;

int main(void)
{
	printf("gstub-spin: spinning\n");
	fflush(stdout);
	while (1)
		spin_counter++; /* marker: spin */
	return 0;
}
