/*
 * Register lookups the engine does for every p/P packet and stop reply:
 * by gdb number (binary search, the table is kept in ascending order) and
 * by name. td->nregs only grows through gstub_tdesc_add_reg, which stops
 * at the table's size and refuses a register without a name.
 */
#include <gstub/tdesc.h>

#include "tdesc-internal.h"

const struct gstub_tdesc_reg *gstub_tdesc_find(const struct gstub_tdesc *td,
					       uint32_t regnum)
{
	uint32_t lo = 0, hi;

	if (!td)
		return NULL;
	hi = td->nregs;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		uint32_t n = td->regs[mid].regnum;

		if (n == regnum)
			return &td->regs[mid];
		if (n < regnum)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

bool gstub_tdesc_same_name(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

const struct gstub_tdesc_reg *gstub_tdesc_find_name(const struct gstub_tdesc *td,
						    const char *name)
{
	const struct gstub_tdesc_reg *r, *end;

	if (!td || !name)
		return NULL;
	end = td->regs + td->nregs;
	for (r = td->regs; r < end; r++)
		if (gstub_tdesc_same_name(r->name, name))
			return r;
	return NULL;
}
