/*
 * The program's calls into the monitor (svc #0, number in x8, arguments
 * in x0/x1, result in x0): console output to gdb, exit, and a new SVE
 * vector length. Buffers are checked against the board's memory map.
 */
#include "monitor.h"

/* Console output goes to gdb as `O` packets of at most this many bytes
 * (each byte becomes two hex digits in the packet). */
#define OUTPUT_CHUNK 256u

static uint64_t do_write(struct gstub *g, uint64_t buf, uint64_t len)
{
	uint64_t done = 0, n;

	if (len && !memory_valid(buf, len))
		return (uint64_t)(int64_t)GSTUB_EFAULT;
	while (done < len) {
		n = len - done < OUTPUT_CHUNK ? len - done : OUTPUT_CHUNK;
		/* nobody to show it to when gdb is not waiting: dropped */
		(void)gstub_console_output(g, (const void *)(uintptr_t)(buf + done),
					   (size_t)n);
		done += n;
	}
	return len;
}

bool syscall_serve(struct gstub *g, int *exit_status)
{
	struct user_frame *f = &user_frame;

	switch (f->x[8]) {
	case SYS_WRITE:
		f->x[0] = do_write(g, f->x[0], f->x[1]);
		return false;
	case SYS_EXIT:
		*exit_status = (int)(f->x[0] & 0xff);
		return true;
	case SYS_SET_VQ:
		f->x[0] = regs_set_vq((unsigned)f->x[0]);
		return false;
	default:
		f->x[0] = (uint64_t)(int64_t)GSTUB_ENOSYS;
		return false;
	}
}
