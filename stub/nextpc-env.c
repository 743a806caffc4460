/*
 * Memory access for the next-pc decoders: whole little-endian values through
 * a read callback that may return fewer bytes than asked.
 */
#include "nextpc.h"

int gstub_nextpc_load(const struct gstub_nextpc_env *env, uint64_t addr,
		      size_t len, uint64_t *value)
{
	uint8_t buf[8];
	size_t done = 0;
	uint64_t v = 0;

	if (len > sizeof buf)
		return GSTUB_EINVAL;
	while (done < len) {
		int n = env->read_mem(env->ctx, addr + done, buf + done,
				      len - done);
		if (n < 0)
			return n;
		/* nothing read, or more than asked: never loop or overrun */
		if (n == 0 || (size_t)n > len - done)
			return GSTUB_EFAULT;
		done += (size_t)n;
	}
	while (len--)
		v = v << 8 | buf[len];
	*value = v;
	return 0;
}
