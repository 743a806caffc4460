/*
 * The program the firmware runs at EL0, for the board tests and as an
 * example: plain C for breakpoints and stepping, a watched variable, the
 * SVE patterns (user-sve.S) at each vector length, a loop to interrupt,
 * and an exit code. Lines the tests look for carry "marker:" comments.
 */
#include <stdint.h>

#define SYS_WRITE 1
#define SYS_EXIT 2
#define SYS_SET_VQ 3

long user_syscall(long nr, long a0, long a1);
void sve_fill(void);
void sve_observe(void *z5, void *p3, void *ffr);
int add(int a, int b);
int read_at(long addr);
void touch_watched(void);
void sve_filled(void);
void sve_checked(void);
void vl_changed(void);
void syscall_done(void);
int main(void);

volatile int counter;
volatile int watched;
volatile uint64_t wide[2]; /* 16 bytes: two watchpoint registers */
volatile int spin = 1;
volatile unsigned long spins;
int vq_boot, vq_now;
uint32_t seen_z5[64];
uint8_t seen_p3[32];
uint8_t seen_ffr[32];
int z5_ok, p3_ok, ffr_ok;

static unsigned long text_length(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	return n;
}

static void say(const char *s)
{
	user_syscall(SYS_WRITE, (long)s, (long)text_length(s));
}

int add(int a, int b)
{
	int sum = a + b; /* marker: add-body */

	return sum;
}

/* For gdb to call: a read from a bad address faults (SIGSEGV). */
int read_at(long addr)
{
	return *(volatile int *)addr;
}

void touch_watched(void)
{
	watched = 1; /* marker: watch-write */
	counter = watched + 1; /* marker: watch-read */
	watched = 3;
	wide[1] = 5; /* marker: wide-write */
}

/* Places for breakpoints: each runs after the step it is named for. */
void __attribute__((noinline)) sve_filled(void) { counter++; }
void __attribute__((noinline)) sve_checked(void) { counter++; }
void __attribute__((noinline)) vl_changed(void) { counter++; }
void __attribute__((noinline)) syscall_done(void) { counter++; }

static void sve_part(void)
{
	vq_boot = (int)user_syscall(SYS_SET_VQ, 0, 0);
	if (vq_boot == 0)
		return;
	sve_fill();
	sve_filled(); /* gdb checks the patterns and writes z5, p3, ffr */
	sve_observe(seen_z5, seen_p3, seen_ffr);
	z5_ok = seen_z5[3] == 0x1234;
	p3_ok = seen_p3[0] == 0x5a;
	ffr_ok = seen_ffr[0] == 0x0f;
	sve_checked();
	/* half the length, then back */
	if (vq_boot > 1) {
		vq_now = (int)user_syscall(SYS_SET_VQ, vq_boot / 2, 0);
		sve_fill();
		vl_changed();
		vq_now = (int)user_syscall(SYS_SET_VQ, vq_boot, 0);
		sve_fill();
		vl_changed();
	}
}

int main(void)
{
	int x = 20;
	int y;

	say("gstub demo: start\n"); /* marker: main-start */
	y = add(x, 22); /* marker: call-add */
	counter = y; /* marker: after-add */
	touch_watched();
	user_syscall(SYS_WRITE, (long)"svc\n", 4); /* marker: svc-line */
	syscall_done();
	sve_part();
	say("gstub demo: spinning\n");
	while (spin) /* marker: spin */
		spins++;
	return y == 42 ? 7 : 1; /* marker: exit */
}
