/*
 * The stepping tier's program (tests/gstub.step/): a raw syscall
 * instruction with global labels on it and after it, write() calls on their
 * own lines, a branch to itself, a terminating loop on one line and a loop
 * that never ends. main runs the cases in the order the tests visit them.
 * Lines the tests need carry a "marker:" comment; addresses they need are
 * the global labels step_svc, step_svc_after, step_self, step_self_after.
 */
#include <unistd.h>

#if defined(__aarch64__)
#define NR_WRITE 64
#define NR_GETPID 172
#define NR_FORK 220 /* clone(SIGCHLD, 0, ...): fork on AArch64 */
#define FORK_ARG0 17
#elif defined(__arm__)
#define NR_WRITE 4
#define NR_GETPID 20
#define NR_FORK 2
#define FORK_ARG0 0
#else
#error "AArch64 or ARM only"
#endif

/* The tests raise it to time a long loop; a global so gdb can. */
volatile unsigned long loop_count = 1000;
volatile unsigned long loop_i;
/* The tests set it to reach the branch to itself. */
volatile int self_branch_on;
volatile long svc_result;
volatile int after_write;

/* One syscall through the instruction itself, so the tests know where the
 * svc is: every case below goes through this one svc. */
static long __attribute__((noinline)) raw_syscall(long nr, long a, long b, long c)
{
	long ret;
#if defined(__aarch64__)
	register long x0 __asm__("x0") = a;
	register long x1 __asm__("x1") = b;
	register long x2 __asm__("x2") = c;
	register long x8 __asm__("x8") = nr;
	__asm__ volatile(".globl step_svc\n"
			 "step_svc: svc #0\n"
			 ".globl step_svc_after\n"
			 "step_svc_after:\n"
			 : "+r"(x0)
			 : "r"(x1), "r"(x2), "r"(x8)
			 : "memory");
	ret = x0;
#else
	/* r7 holds the syscall number but is Thumb's frame pointer at -O0:
	 * saved around the svc by hand. */
	__asm__ volatile("mov r0, %1\n\t"
			 "mov r1, %2\n\t"
			 "mov r2, %3\n\t"
			 "push {r7}\n\t"
			 "mov r7, %4\n"
			 ".globl step_svc\n"
			 "step_svc: svc #0\n"
			 ".globl step_svc_after\n"
			 "step_svc_after:\n\t"
			 "pop {r7}\n\t"
			 "mov %0, r0\n"
			 : "=r"(ret)
			 : "r"(a), "r"(b), "r"(c), "r"(nr)
			 : "r0", "r1", "r2", "memory");
#endif
	return ret;
}

static long raw_write(const char *s, long n)
{
	return raw_syscall(NR_WRITE, 1, (long)s, n);
}

/* A branch to itself, reached only when the tests ask for it; they move
 * the pc past it afterwards. */
static void __attribute__((noinline)) self_branch(void)
{
	if (self_branch_on) {
#if defined(__thumb__)
		__asm__ volatile(".globl step_self\n"
				 "step_self: b.n .\n"
				 ".globl step_self_after\n"
				 "step_self_after: nop\n");
#else
		__asm__ volatile(".globl step_self\n"
				 "step_self: b .\n"
				 ".globl step_self_after\n"
				 "step_self_after: nop\n");
#endif
	}
}

int main(void)
{
	svc_result = raw_write("svc-a\n", 6);      /* stepi over the svc */
	svc_result = raw_write("svc-bb\n", 7);     /* the same, displaced stepping on */
	svc_result = raw_write("svc-ccc\n", 8);    /* catch syscall write, continue */
	svc_result = raw_syscall(NR_GETPID, 0, 0, 0); /* catch syscall (all), continue */
	svc_result = raw_write("svc-dddd\n", 9);   /* catch set, stepi over the svc */
	svc_result = raw_write("svc-eeeee\n", 10); /* the same, displaced stepping on */
	svc_result = raw_write("svc-ffffff\n", 11); /* catch set, gdb's breakpoint on the svc, stepi */
	svc_result = raw_write("svc-ggggggg\n", 12); /* the same, displaced stepping on */
	svc_result = raw_syscall(NR_FORK, FORK_ARG0, 0, 0); /* not emulated: -ENOSYS */
	write(1, "step-next\n", 10); /* marker: write-next */
	write(1, "step-step\n", 10); /* marker: write-step */
	after_write = 1; /* marker: after-write */
	self_branch();
	for (loop_i = 0; loop_i < loop_count; loop_i++); /* marker: busy-loop */
	after_write = 2; /* marker: after-loop */
	while (1); /* marker: forever */
	return 0;
}
