/*
 * Options on the kernel command line (`-append`, the device tree's
 * bootargs): space-separated key=value words.
 */
#include "monitor.h"

/* The value of `key=` in the command line, or NULL. */
const char *bootarg(const struct boot_info *bi, const char *key,
		    size_t *len)
{
	size_t klen = text_len(key), i = 0, start;
	const char *s = bi->bootargs;

	while (i < bi->bootargs_len) {
		while (i < bi->bootargs_len && s[i] == ' ')
			i++;
		start = i;
		while (i < bi->bootargs_len && s[i] != ' ')
			i++;
		if (i - start > klen && memcmp(s + start, key, klen) == 0 &&
		    s[start + klen] == '=') {
			*len = i - start - klen - 1;
			return s + start + klen + 1;
		}
	}
	return NULL;
}

bool bootarg_is(const char *v, size_t len, const char *want)
{
	return v && len == text_len(want) && memcmp(v, want, len) == 0;
}

unsigned bootarg_uint(const char *v, size_t len)
{
	unsigned n = 0;
	size_t i;

	if (!v || len == 0 || len > 3)
		return 0;
	for (i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9')
			return 0;
		n = n * 10 + (unsigned)(v[i] - '0');
	}
	return n;
}
