/*
 * The Linux syscalls a static glibc program makes, served on the host:
 * console I/O on fds 0-2, memory management inside the emulator, time,
 * identity, and accept-and-ignore for signal and thread set-up (there is
 * only one thread and no signal delivery to handlers).
 */
#include "syscall_table.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LX_ENOENT 2
#define LX_EBADF 9
#define LX_EAGAIN 11
#define LX_ENOMEM 12
#define LX_EFAULT 14
#define LX_EINVAL 22
#define LX_ENOTTY 25
#define LX_ESPIPE 29
#define LX_ERANGE 34
#define LX_ENOSYS 38
#define LX_ENODEV 19
#define LX_ESRCH 3

#define LX_MAP_FIXED 0x10
#define LX_MAP_ANONYMOUS 0x20
#define LX_MAP_FIXED_NOREPLACE 0x100000
#define LX_PROT_READ 1
#define LX_PROT_WRITE 2
#define LX_PROT_EXEC 4
#define LX_FUTEX_WAIT 0
#define LX_FUTEX_CMD_MASK 0x7f
#define LX_RLIMIT_STACK 3
#define LX_TCGETS 0x5401
#define LX_F_GETFD 1
#define LX_F_GETFL 3
#define LX_AT_FDCWD -100
#define LX_AT_EMPTY_PATH 0x1000

/* Biggest single read/write copied through the host at once. */
#define GRUN_IO_CHUNK 65536
/* How long one read of stdin waits before the CPU loop gets a turn. */
#define GRUN_READ_WAIT_MS 10

struct sc_args {
	uint64_t a[6];
};

static uint64_t arg(const struct sc_args *s, int i)
{
	return s->a[i];
}

static int64_t err(int e)
{
	return -(int64_t)e;
}

static bool put_u32(struct grun_guest *gu, uint64_t addr, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8),
			       (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
	return grun_mem_write(gu, addr, b, 4);
}

static bool put_u64(struct grun_guest *gu, uint64_t addr, uint64_t v)
{
	return put_u32(gu, addr, (uint32_t)v) &&
	       put_u32(gu, addr + 4, (uint32_t)(v >> 32));
}

/* A long of the guest's ABI (time_t of the old 32-bit calls too). */
static bool put_long(struct grun_guest *gu, uint64_t addr, uint64_t v)
{
	return gu->wordsize == 8 ? put_u64(gu, addr, v)
				 : put_u32(gu, addr, (uint32_t)v);
}

static bool get_long(struct grun_guest *gu, uint64_t addr, uint64_t *v)
{
	unsigned char b[8] = { 0 };
	if (!grun_mem_read(gu, addr, b, gu->wordsize))
		return false;
	*v = 0;
	for (unsigned i = 0; i < gu->wordsize; i++)
		*v |= (uint64_t)b[i] << (8 * i);
	return true;
}

/* ------------------------------------------------------------- console */

static int64_t do_write(struct grun_guest *gu, uint64_t fd, uint64_t addr,
			uint64_t len)
{
	unsigned char buf[4096];
	uint64_t done = 0;
	if (fd != 1 && fd != 2)
		return err(LX_EBADF);
	while (done < len) {
		size_t n = len - done < sizeof buf ? (size_t)(len - done) : sizeof buf;
		if (!grun_mem_read(gu, addr + done, buf, n))
			return done ? (int64_t)done : err(LX_EFAULT);
		if (gu->output_to_gdb && gu->console) {
			gu->console(gu->console_ctx, (int)fd, buf, n);
		} else {
			int host_fd = fd == 1 && gu->stdout_to_stderr ? 2 : (int)fd;
			ssize_t w = write(host_fd, buf, n);
			if (w < 0)
				return done ? (int64_t)done : err(errno);
			n = (size_t)w;
		}
		done += n;
	}
	return (int64_t)done;
}

/* Waiting for input must not stall the debugger: when stdin has nothing
 * after a short wait, the syscall is restarted from the next slice. */
static int64_t do_read(struct grun_guest *gu, uint64_t fd, uint64_t addr,
		       uint64_t len)
{
	static unsigned char buf[GRUN_IO_CHUNK];
	struct pollfd p = { .fd = 0, .events = POLLIN };
	if (fd != 0)
		return err(LX_EBADF);
	if (gu->stdin_eof || len == 0)
		return 0;
	if (poll(&p, 1, GRUN_READ_WAIT_MS) == 0) {
		gu->syscall_restart = true;
		return 0;
	}
	if (len > sizeof buf)
		len = sizeof buf;
	ssize_t n = read(0, buf, (size_t)len);
	if (n < 0)
		return err(errno);
	if (!grun_mem_write(gu, addr, buf, (size_t)n))
		return err(LX_EFAULT);
	return n;
}

/* readv/writev: an iovec is two guest longs. */
static int64_t do_iov(struct grun_guest *gu, bool is_write, uint64_t fd,
		      uint64_t iov, uint64_t cnt)
{
	int64_t total = 0;
	if (cnt > 1024)
		return err(LX_EINVAL);
	for (uint64_t i = 0; i < cnt; i++) {
		uint64_t base, len;
		uint64_t at = iov + i * 2 * gu->wordsize;
		if (!get_long(gu, at, &base) || !get_long(gu, at + gu->wordsize, &len))
			return total ? total : err(LX_EFAULT);
		if (len == 0)
			continue;
		int64_t r = is_write ? do_write(gu, fd, base, len)
				     : do_read(gu, fd, base, len);
		if (gu->syscall_restart && total > 0) {
			gu->syscall_restart = false; /* keep what was read */
			break;
		}
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((uint64_t)r < len)
			break;
	}
	return total;
}

/* struct stat (asm-generic, AArch64) and struct stat64 (ARM EABI) of a host
 * fd 0-2: only the fields programs look at (type, block size). */
static int64_t do_fstat(struct grun_guest *gu, uint64_t fd, uint64_t addr)
{
	struct stat st;
	unsigned char b[128];
	if (fd > 2)
		return err(LX_EBADF);
	if (fstat((int)fd, &st) != 0)
		return err(errno);
	memset(b, 0, sizeof b);
	if (gu->arch == GRUN_ARCH_AARCH64) {
		struct { size_t off, size; uint64_t v; } f[] = {
			{ 0, 8, st.st_dev }, { 8, 8, st.st_ino },
			{ 16, 4, st.st_mode }, { 20, 4, st.st_nlink },
			{ 24, 4, st.st_uid }, { 28, 4, st.st_gid },
			{ 32, 8, st.st_rdev }, { 48, 8, (uint64_t)st.st_size },
			{ 56, 4, (uint64_t)st.st_blksize },
			{ 64, 8, (uint64_t)st.st_blocks },
		};
		for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
			for (size_t k = 0; k < f[i].size; k++)
				b[f[i].off + k] = (unsigned char)(f[i].v >> (8 * k));
		return grun_mem_write(gu, addr, b, 128) ? 0 : err(LX_EFAULT);
	}
	struct { size_t off, size; uint64_t v; } f[] = {
		{ 0, 8, st.st_dev }, { 12, 4, st.st_ino },
		{ 16, 4, st.st_mode }, { 20, 4, st.st_nlink },
		{ 24, 4, st.st_uid }, { 28, 4, st.st_gid },
		{ 32, 8, st.st_rdev }, { 48, 8, (uint64_t)st.st_size },
		{ 56, 4, (uint64_t)st.st_blksize },
		{ 64, 8, (uint64_t)st.st_blocks }, { 96, 8, st.st_ino },
	};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		for (size_t k = 0; k < f[i].size; k++)
			b[f[i].off + k] = (unsigned char)(f[i].v >> (8 * k));
	return grun_mem_write(gu, addr, b, 104) ? 0 : err(LX_EFAULT);
}

/* fstatat with AT_EMPTY_PATH is fstat; paths do not exist here. */
static int64_t do_fstatat(struct grun_guest *gu, const struct sc_args *s)
{
	char c;
	if (!grun_mem_read(gu, arg(s, 1), &c, 1))
		return err(LX_EFAULT);
	if (c == '\0' && (arg(s, 3) & LX_AT_EMPTY_PATH))
		return do_fstat(gu, arg(s, 0), arg(s, 2));
	return err(LX_ENOENT);
}

static int64_t do_readlink(struct grun_guest *gu, uint64_t path_addr,
			   uint64_t buf, uint64_t size)
{
	char path[64];
	char real[4096];
	if (!grun_mem_read_str(gu, path_addr, path, sizeof path))
		return err(LX_ENOENT);
	if (strcmp(path, "/proc/self/exe") != 0)
		return err(LX_ENOENT);
	if (!realpath(gu->exe_path, real))
		return err(LX_ENOENT);
	size_t n = strlen(real);
	if (n > size)
		n = (size_t)size;
	return grun_mem_write(gu, buf, real, n) ? (int64_t)n : err(LX_EFAULT);
}

/* -------------------------------------------------------------- memory */

static uint32_t prot_to_uc(uint64_t prot)
{
	uint32_t p = 0;
	if (prot & LX_PROT_READ)
		p |= UC_PROT_READ;
	if (prot & LX_PROT_WRITE)
		p |= UC_PROT_WRITE;
	if (prot & LX_PROT_EXEC)
		p |= UC_PROT_EXEC;
	return p;
}

/* brk grows up to the mmap area; pages stay mapped once mapped so a
 * shrink-and-grow keeps what the program wrote (Linux zeroes them, but
 * glibc does not rely on it). */
static int64_t do_brk(struct grun_guest *gu, uint64_t want)
{
	uint64_t mapped_end = GRUN_PAGE_UP(gu->brk_cur);
	if (want < gu->brk_start || want >= gu->mmap_base - GRUN_PAGE_SIZE)
		return (int64_t)gu->brk_cur;
	if (GRUN_PAGE_UP(want) > mapped_end) {
		if (grun_map(gu, mapped_end, GRUN_PAGE_UP(want) - mapped_end,
			     UC_PROT_READ | UC_PROT_WRITE) != 0)
			return (int64_t)gu->brk_cur;
	} else if (GRUN_PAGE_UP(want) < mapped_end) {
		uc_mem_unmap(gu->uc, GRUN_PAGE_UP(want),
			     mapped_end - GRUN_PAGE_UP(want));
	}
	gu->brk_cur = want;
	return (int64_t)want;
}

static void unmap_range(struct grun_guest *gu, uint64_t addr, uint64_t len)
{
	/* uc_mem_unmap fails on holes: go page by page over mapped runs. */
	for (uint64_t a = addr; a < addr + len; a += GRUN_PAGE_SIZE) {
		unsigned char probe;
		if (uc_mem_read(gu->uc, a, &probe, 1) == UC_ERR_OK)
			uc_mem_unmap(gu->uc, a, GRUN_PAGE_SIZE);
	}
}

static int64_t do_mmap(struct grun_guest *gu, uint64_t addr, uint64_t len,
		       uint64_t prot, uint64_t flags, int64_t fd)
{
	uint64_t size = GRUN_PAGE_UP(len);
	if (len == 0 || size < len || (addr & (GRUN_PAGE_SIZE - 1)))
		return err(LX_EINVAL);
	if (!(flags & LX_MAP_ANONYMOUS))
		return fd < 0 ? err(LX_EBADF) : err(LX_ENODEV);
	if (flags & (LX_MAP_FIXED | LX_MAP_FIXED_NOREPLACE)) {
		if (addr + size < addr || addr + size > gu->stack_top)
			return err(LX_ENOMEM);
		unmap_range(gu, addr, size);
	} else {
		addr = grun_mmap_find(gu, size);
		if (addr == 0)
			return err(LX_ENOMEM);
	}
	if (grun_map(gu, addr, size, prot_to_uc(prot)) != 0)
		return err(LX_ENOMEM);
	return (int64_t)addr;
}

static int64_t do_munmap(struct grun_guest *gu, uint64_t addr, uint64_t len)
{
	if ((addr & (GRUN_PAGE_SIZE - 1)) || len == 0 ||
	    addr + GRUN_PAGE_UP(len) < addr)
		return err(LX_EINVAL);
	unmap_range(gu, addr, GRUN_PAGE_UP(len));
	return 0;
}

static int64_t do_mprotect(struct grun_guest *gu, uint64_t addr,
			   uint64_t len, uint64_t prot)
{
	if ((addr & (GRUN_PAGE_SIZE - 1)) || addr + GRUN_PAGE_UP(len) < addr)
		return err(LX_EINVAL);
	if (len == 0)
		return 0;
	return uc_mem_protect(gu->uc, addr, GRUN_PAGE_UP(len), prot_to_uc(prot)) ==
			       UC_ERR_OK
		       ? 0
		       : err(LX_ENOMEM);
}

/* ---------------------------------------------------------------- misc */

static int64_t do_uname(struct grun_guest *gu, uint64_t addr)
{
	char u[6][65];
	memset(u, 0, sizeof u);
	strcpy(u[0], "Linux");
	strcpy(u[1], "gstub");
	strcpy(u[2], "6.1.0");
	strcpy(u[3], "#1 SMP");
	strcpy(u[4], gu->arch == GRUN_ARCH_AARCH64 ? "aarch64" : "armv7l");
	strcpy(u[5], "(none)");
	return grun_mem_write(gu, addr, u, sizeof u) ? 0 : err(LX_EFAULT);
}

/* timespec/timeval as two fields of `field` bytes each. */
static int64_t put_time(struct grun_guest *gu, uint64_t addr, int64_t sec,
			int64_t frac, unsigned field)
{
	bool ok = field == 8 ? put_u64(gu, addr, (uint64_t)sec) &&
				       put_u64(gu, addr + 8, (uint64_t)frac)
			     : put_u32(gu, addr, (uint32_t)sec) &&
				       put_u32(gu, addr + 4, (uint32_t)frac);
	return ok ? 0 : err(LX_EFAULT);
}

static int64_t do_clock_gettime(struct grun_guest *gu, uint64_t clk,
				uint64_t addr, unsigned field, bool res)
{
	struct timespec ts;
	if (clk > 16)
		return err(LX_EINVAL);
	if ((res ? clock_getres((clockid_t)clk, &ts)
		 : clock_gettime((clockid_t)clk, &ts)) != 0)
		return err(errno);
	if (addr == 0)
		return 0;
	return put_time(gu, addr, ts.tv_sec, ts.tv_nsec, field);
}

static int64_t do_getrandom(struct grun_guest *gu, uint64_t addr,
			    uint64_t len)
{
	unsigned char buf[256];
	if (len > sizeof buf)
		len = sizeof buf;
	ssize_t n = getrandom(buf, (size_t)len, 0);
	if (n < 0)
		return err(errno);
	return grun_mem_write(gu, addr, buf, (size_t)n) ? n : err(LX_EFAULT);
}

static int64_t do_prlimit(struct grun_guest *gu, uint64_t pid, uint64_t res,
			  uint64_t old, bool compat32)
{
	uint64_t cur = UINT64_MAX, max = UINT64_MAX;
	if (pid != 0 && pid != (uint64_t)gu->tid)
		return err(LX_ESRCH);
	if (res >= 16)
		return err(LX_EINVAL);
	if (res == LX_RLIMIT_STACK)
		cur = 8u << 20;
	if (old == 0)
		return 0;
	if (compat32) /* getrlimit: two guest longs */
		return put_long(gu, old, gu->wordsize == 8 ? cur : (uint32_t)cur) &&
				       put_long(gu, old + gu->wordsize,
						gu->wordsize == 8 ? max : (uint32_t)max)
			       ? 0
			       : err(LX_EFAULT);
	return put_u64(gu, old, cur) && put_u64(gu, old + 8, max) ? 0
								  : err(LX_EFAULT);
}

static int64_t do_signal_self(struct grun_guest *gu, uint64_t pid,
			      uint64_t sig)
{
	if (sig >= 65)
		return err(LX_EINVAL);
	if ((int)pid != gu->tid && (int)pid != 0 && (int)pid != -1)
		return err(LX_ESRCH);
	if (sig == 0)
		return 0;
	gu->event = GRUN_EV_SIGNAL;
	gu->event_sig = (int)sig;
	uc_emu_stop(gu->uc);
	return 0;
}

static void do_exit(struct grun_guest *gu, uint64_t code)
{
	gu->exited = true;
	gu->exit_status = (int)(code & 0xff);
	gu->term_signal = 0;
	gu->event = GRUN_EV_EXITED;
	uc_emu_stop(gu->uc);
}

static int64_t do_set_tls(struct grun_guest *gu, uint64_t value)
{
	uc_arm_cp_reg tpidruro = { .cp = 15, .crn = 13, .crm = 0, .opc1 = 0,
				   .opc2 = 3, .val = value };
	return uc_reg_write(gu->uc, UC_ARM_REG_CP_REG, &tpidruro) == UC_ERR_OK
		       ? 0
		       : err(LX_EINVAL);
}

static void log_unsupported(struct grun_guest *gu, long nr,
			    const struct grun_sc_entry *e)
{
	size_t bit = (size_t)nr;
	if (nr >= 0 && bit < sizeof gu->logged_enosys * 8) {
		if (gu->logged_enosys[bit / 8] & (1u << (bit % 8)))
			return;
		gu->logged_enosys[bit / 8] |= (unsigned char)(1u << (bit % 8));
	}
	if (e)
		fprintf(stderr, "gstub-run: unsupported syscall %s (%ld), returning -ENOSYS\n",
			e->name, nr);
	else
		fprintf(stderr, "gstub-run: unsupported syscall %ld, returning -ENOSYS\n",
			nr);
}

static int64_t dispatch(struct grun_guest *gu, long nr,
			const struct grun_sc_entry *e, const struct sc_args *s)
{
	switch (e ? e->sc : SC_NONE) {
	case SC_READ:
		return do_read(gu, arg(s, 0), arg(s, 1), arg(s, 2));
	case SC_WRITE:
		return do_write(gu, arg(s, 0), arg(s, 1), arg(s, 2));
	case SC_READV:
		return do_iov(gu, false, arg(s, 0), arg(s, 1), arg(s, 2));
	case SC_WRITEV:
		return do_iov(gu, true, arg(s, 0), arg(s, 1), arg(s, 2));
	case SC_PREAD:
	case SC_PWRITE:
	case SC_LSEEK:
	case SC_LLSEEK:
		return arg(s, 0) <= 2 ? err(LX_ESPIPE) : err(LX_EBADF);
	case SC_OPENAT:
	case SC_OPEN:
	case SC_ACCESS:
	case SC_FACCESSAT:
		return err(LX_ENOENT);
	case SC_CLOSE:
		return arg(s, 0) <= 2 ? 0 : err(LX_EBADF);
	case SC_IOCTL:
		if (arg(s, 0) > 2)
			return err(LX_EBADF);
		return err(LX_ENOTTY);
	case SC_FCNTL:
		if (arg(s, 0) > 2)
			return err(LX_EBADF);
		if (arg(s, 1) == LX_F_GETFL)
			return arg(s, 0) == 0 ? O_RDONLY : O_WRONLY;
		return arg(s, 1) == LX_F_GETFD ? 0 : err(LX_EINVAL);
	case SC_FSTAT:
	case SC_FSTAT64:
		return do_fstat(gu, arg(s, 0), arg(s, 1));
	case SC_FSTATAT:
	case SC_FSTATAT64:
		return do_fstatat(gu, s);
	case SC_READLINK:
		return do_readlink(gu, arg(s, 0), arg(s, 1), arg(s, 2));
	case SC_READLINKAT:
		return do_readlink(gu, arg(s, 1), arg(s, 2), arg(s, 3));
	case SC_GETCWD: {
		char cwd[4096];
		if (!getcwd(cwd, sizeof cwd))
			return err(LX_ENOENT);
		size_t n = strlen(cwd) + 1;
		if (n > arg(s, 1))
			return err(LX_ERANGE);
		return grun_mem_write(gu, arg(s, 0), cwd, n) ? (int64_t)n
							     : err(LX_EFAULT);
	}
	case SC_EXIT:
	case SC_EXIT_GROUP:
		do_exit(gu, arg(s, 0));
		return 0;
	case SC_KILL:
		return do_signal_self(gu, arg(s, 0), arg(s, 1));
	case SC_TKILL:
		return do_signal_self(gu, arg(s, 0), arg(s, 1));
	case SC_TGKILL:
		return do_signal_self(gu, arg(s, 1), arg(s, 2));
	case SC_BRK:
		return do_brk(gu, arg(s, 0));
	case SC_MMAP:
		return do_mmap(gu, arg(s, 0), arg(s, 1), arg(s, 2), arg(s, 3),
			       (int64_t)arg(s, 4));
	case SC_MMAP2:
		return do_mmap(gu, arg(s, 0), arg(s, 1), arg(s, 2), arg(s, 3),
			       (int32_t)arg(s, 4));
	case SC_MUNMAP:
		return do_munmap(gu, arg(s, 0), arg(s, 1));
	case SC_MPROTECT:
		return do_mprotect(gu, arg(s, 0), arg(s, 1), arg(s, 2));
	case SC_MREMAP:
		return err(LX_ENOMEM); /* glibc falls back to malloc+copy */
	case SC_MADVISE:
		return 0;
	case SC_UNAME:
		return do_uname(gu, arg(s, 0));
	case SC_SET_TID_ADDRESS:
	case SC_GETPID:
	case SC_GETTID:
		return gu->tid;
	case SC_GETPPID:
		return getppid();
	case SC_GETUID:
		return getuid();
	case SC_GETEUID:
		return geteuid();
	case SC_GETGID:
		return getgid();
	case SC_GETEGID:
		return getegid();
	case SC_SET_ROBUST_LIST:
	case SC_SIGALTSTACK:
	case SC_SCHED_YIELD:
	case SC_ARM_CACHEFLUSH:
		return 0;
	case SC_RT_SIGACTION:
		/* Accepted, never delivered: old action reads as SIG_DFL. */
		if (arg(s, 2)) {
			unsigned char z[32] = { 0 };
			if (!grun_mem_write(gu, arg(s, 2), z, gu->wordsize == 8 ? 32 : 20))
				return err(LX_EFAULT);
		}
		return 0;
	case SC_RT_SIGPROCMASK:
		if (arg(s, 2) && !put_u64(gu, arg(s, 2), 0))
			return err(LX_EFAULT);
		return 0;
	case SC_RSEQ:
	case SC_STATX:
	case SC_ARM_BREAKPOINT:
		return err(LX_ENOSYS);
	case SC_GETRANDOM:
		return do_getrandom(gu, arg(s, 0), arg(s, 1));
	case SC_CLOCK_GETTIME:
		return do_clock_gettime(gu, arg(s, 0), arg(s, 1), gu->wordsize, false);
	case SC_CLOCK_GETTIME64:
		return do_clock_gettime(gu, arg(s, 0), arg(s, 1), 8, false);
	case SC_CLOCK_GETRES:
		return do_clock_gettime(gu, arg(s, 0), arg(s, 1), gu->wordsize, true);
	case SC_CLOCK_GETRES64:
		return do_clock_gettime(gu, arg(s, 0), arg(s, 1), 8, true);
	case SC_GETTIMEOFDAY: {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		if (arg(s, 0) == 0)
			return 0;
		return put_time(gu, arg(s, 0), ts.tv_sec, ts.tv_nsec / 1000,
				gu->wordsize);
	}
	case SC_NANOSLEEP:
	case SC_CLOCK_NANOSLEEP:
	case SC_CLOCK_NANOSLEEP64:
		/* Time passes instantly here: a debugged program must not
		 * block the serve loop. */
		return 0;
	case SC_PRLIMIT64:
		return do_prlimit(gu, arg(s, 0), arg(s, 1), arg(s, 3), false);
	case SC_GETRLIMIT:
		return do_prlimit(gu, 0, arg(s, 0), arg(s, 1), true);
	case SC_FUTEX:
	case SC_FUTEX64:
		/* One thread: nobody to wait for or to wake. */
		return (arg(s, 1) & LX_FUTEX_CMD_MASK) == LX_FUTEX_WAIT ? err(LX_EAGAIN)
									: 0;
	case SC_SCHED_GETAFFINITY: {
		unsigned char mask[8] = { 1 };
		uint64_t n = arg(s, 1) < 8 ? arg(s, 1) : 8;
		if (n < gu->wordsize)
			return err(LX_EINVAL);
		return grun_mem_write(gu, arg(s, 2), mask, (size_t)n) ? (int64_t)n
								      : err(LX_EFAULT);
	}
	case SC_ARM_SET_TLS:
		return do_set_tls(gu, arg(s, 0));
	case SC_NONE:
		break;
	}
	log_unsupported(gu, nr, e);
	return err(LX_ENOSYS);
}

void grun_syscall(struct grun_guest *gu)
{
	struct sc_args s;
	long nr;
	bool a64 = gu->arch == GRUN_ARCH_AARCH64;
	for (int i = 0; i < 6; i++)
		s.a[i] = grun_get_xreg(gu, (unsigned)i);
	nr = (long)grun_get_xreg(gu, a64 ? 8 : 7);
	gu->syscall_restart = false;
	int64_t r = dispatch(gu, nr, grun_sc_lookup(gu->arch, nr), &s);
	if (gu->event == GRUN_EV_EXITED)
		return;
	if (gu->syscall_restart) {
		/* Back onto the svc (2 bytes in Thumb), ending the slice. */
		uint64_t pc = grun_get_resume_pc(gu);
		grun_set_pc(gu, (pc & ~(uint64_t)1) - ((pc & 1) ? 2 : 4) + (pc & 1));
		uc_emu_stop(gu->uc);
		return;
	}
	grun_set_xreg(gu, 0, a64 ? (uint64_t)r : (uint32_t)r);
}
