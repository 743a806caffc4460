/*
 * The main program of the gdb tier: globals and locals to print and change,
 * a function to step into, recursion for a backtrace, output, and a known
 * exit status. Lines the tests need carry a "marker:" comment; the tests
 * look the line numbers up, so edits here do not break them.
 */
#include <stdio.h>
#include <stdlib.h>

int g_counter = 5;
long g_array[4] = { 10, 20, 30, 40 };
volatile int g_watched;
unsigned char g_bytes[8] = { 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88 };
/* Mostly zeros: read whole, its reply is long runs of '0' (run-length
 * encoded by gstub-run). */
unsigned char g_sparse[4096] = { [0] = 1, [2000] = 0x42, [4095] = 0x7f };

static int add(int a, int b)
{
	int sum = a + b; /* marker: add-body */
	return sum;
}

static int factorial(int n)
{
	if (n <= 1)
		return 1; /* marker: factorial-base */
	return n * factorial(n - 1);
}

int main(void)
{
	int local_a = 11;
	int local_b = 31;
	int result;

	result = add(local_a, local_b); /* marker: call-add */
	g_watched = result; /* marker: set-watched */
	g_counter += result; /* marker: after-watched */
	result = factorial(4); /* marker: call-factorial */
	for (int i = 0; i < 3; i++) /* marker: loop-head */
		g_array[i] += i;
	printf("gstub-basics: result=%d counter=%d\n", result, g_counter); /* marker: print */
	fflush(stdout);
	exit(7); /* marker: exit */
}
