/* Benchmark program: a buffer to read through gdb and a loop to step. */
#include <stdio.h>

unsigned char buffer[1 << 20];

int main(void)
{
	unsigned long sum = 0;

	for (unsigned i = 0; i < sizeof buffer; i++)
		buffer[i] = (unsigned char)i;
	for (unsigned i = 0; i < 100000000u; i++)
		sum += i;
	printf("%lu\n", sum);
	return 0;
}
