/*
 * The few facts the monitor takes from the device tree QEMU hands over:
 * the RAM size (/memory reg) and the command line (/chosen bootargs, which
 * `-append` sets). A tree that is missing or malformed leaves the defaults:
 * 128 MiB and no options. Every offset is checked against the header's
 * sizes before it is read.
 */
#include "board.h"

#define FDT_MAGIC 0xd00dfeedu
#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u
#define DEFAULT_RAM (128ull << 20)

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static bool name_is(const char *s, size_t max, const char *want)
{
	size_t i;

	for (i = 0; i < max && want[i]; i++)
		if (s[i] != want[i])
			return false;
	/* "memory" matches "memory@40000000" too */
	return i < max && (s[i] == 0 || s[i] == '@');
}

static bool str_is(const char *s, size_t max, const char *want)
{
	size_t i;

	for (i = 0; i < max && want[i]; i++)
		if (s[i] != want[i])
			return false;
	return i < max && s[i] == 0;
}

void fdt_read_boot_info(const void *dtb, struct boot_info *out)
{
	const uint8_t *b = dtb;
	uint32_t total, off_struct, size_struct, off_strings, size_strings;
	uint32_t pos, end, tok, len, nameoff;
	unsigned depth = 0, node_memory = 0, node_chosen = 0;
	const char *name;

	out->ram_size = DEFAULT_RAM;
	out->bootargs = "";
	out->bootargs_len = 0;
	if (be32(b) != FDT_MAGIC)
		return;
	total = be32(b + 4);
	off_struct = be32(b + 8);
	off_strings = be32(b + 12);
	size_strings = be32(b + 32);
	size_struct = be32(b + 36);
	if (total > (1u << 24) || off_struct > total ||
	    size_struct > total - off_struct || off_strings > total ||
	    size_strings > total - off_strings)
		return;
	pos = off_struct;
	end = off_struct + size_struct;
	while (pos + 4 <= end) {
		tok = be32(b + pos);
		pos += 4;
		switch (tok) {
		case FDT_BEGIN_NODE:
			name = (const char *)b + pos;
			depth++;
			if (depth == 2 && name_is(name, end - pos, "memory"))
				node_memory = depth;
			if (depth == 2 && name_is(name, end - pos, "chosen"))
				node_chosen = depth;
			while (pos < end && b[pos])
				pos++;
			pos = (pos + 4) & ~3u;
			break;
		case FDT_END_NODE:
			if (node_memory == depth)
				node_memory = 0;
			if (node_chosen == depth)
				node_chosen = 0;
			if (depth)
				depth--;
			break;
		case FDT_PROP:
			if (pos + 8 > end)
				return;
			len = be32(b + pos);
			nameoff = be32(b + pos + 4);
			pos += 8;
			if (len > end - pos || nameoff >= size_strings)
				return;
			name = (const char *)b + off_strings + nameoff;
			if (node_memory == depth && depth &&
			    str_is(name, size_strings - nameoff, "reg") &&
			    len >= 16) {
				/* #address-cells = #size-cells = 2 on virt */
				out->ram_size = (uint64_t)be32(b + pos + 8) << 32 |
						be32(b + pos + 12);
			}
			if (node_chosen == depth && depth &&
			    str_is(name, size_strings - nameoff, "bootargs") &&
			    len > 0) {
				out->bootargs = (const char *)b + pos;
				out->bootargs_len = len - 1; /* without NUL */
			}
			pos = (pos + len + 3) & ~3u;
			break;
		case FDT_NOP:
			break;
		default: /* FDT_END or garbage */
			return;
		}
	}
}
