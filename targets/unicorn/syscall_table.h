/*
 * Linux syscall numbers of both ABIs (AArch64 asm-generic, ARM EABI) mapped
 * to what gstub-run does with them.
 */
#ifndef GSTUB_RUN_SYSCALL_TABLE_H
#define GSTUB_RUN_SYSCALL_TABLE_H

#include "guest.h"

/* What a syscall does here; SC_NONE: known by name only (-ENOSYS). */
enum grun_sc {
	SC_NONE,
	SC_READ, SC_WRITE, SC_READV, SC_WRITEV, SC_PREAD, SC_PWRITE,
	SC_OPENAT, SC_OPEN, SC_CLOSE, SC_LSEEK, SC_LLSEEK,
	SC_IOCTL, SC_FCNTL, SC_FSTAT, SC_FSTATAT, SC_FSTAT64, SC_FSTATAT64,
	SC_STATX, SC_READLINK, SC_READLINKAT, SC_ACCESS, SC_FACCESSAT,
	SC_GETCWD,
	SC_EXIT, SC_EXIT_GROUP, SC_KILL, SC_TKILL, SC_TGKILL,
	SC_BRK, SC_MMAP, SC_MMAP2, SC_MUNMAP, SC_MPROTECT, SC_MREMAP,
	SC_MADVISE,
	SC_UNAME, SC_SET_TID_ADDRESS, SC_SET_ROBUST_LIST, SC_RSEQ,
	SC_GETRANDOM, SC_CLOCK_GETTIME, SC_CLOCK_GETTIME64, SC_CLOCK_GETRES,
	SC_CLOCK_GETRES64, SC_GETTIMEOFDAY, SC_NANOSLEEP, SC_CLOCK_NANOSLEEP,
	SC_CLOCK_NANOSLEEP64,
	SC_PRLIMIT64, SC_GETRLIMIT, SC_GETPID, SC_GETTID, SC_GETPPID,
	SC_GETUID, SC_GETEUID, SC_GETGID, SC_GETEGID,
	SC_FUTEX, SC_FUTEX64, SC_RT_SIGACTION, SC_RT_SIGPROCMASK,
	SC_SIGALTSTACK, SC_SCHED_YIELD, SC_SCHED_GETAFFINITY,
	SC_ARM_SET_TLS, SC_ARM_CACHEFLUSH, SC_ARM_BREAKPOINT,
};

struct grun_sc_entry {
	const char *name;
	int a64;   /* AArch64 number, -1 when the ABI has none */
	int arm;   /* ARM EABI number, -1 when none */
	enum grun_sc sc;
};

/* The entry for syscall `nr` of the guest's ABI, or NULL. */
const struct grun_sc_entry *grun_sc_lookup(enum grun_arch arch, long nr);

#endif
