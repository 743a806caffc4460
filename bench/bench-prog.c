/*
 * Benchmark program (bench/run.sh), built static for AArch64 and for
 * x86-64 from this one source: a 16 MiB buffer to read through gdb, and a
 * loop on one line whose iteration count gdb sets before `next` over it.
 */
#include <stdio.h>

#define BUFFER_SIZE (16u << 20)

unsigned char buffer[BUFFER_SIZE];
volatile unsigned long iterations = 1000;
volatile unsigned long counter;

int main(void)
{
	for (unsigned i = 0; i < BUFFER_SIZE; i += 4096)
		buffer[i] = (unsigned char)(i >> 12); /* every page present */
	for (counter = 0; counter < iterations; counter++); /* bench: loop */
	printf("%lu\n", counter); /* bench: done */
	return 0;
}
