/*
 * Guest memory: mapping pages, copying bytes in and out, and finding room
 * for anonymous mmap.
 */
#include "guest.h"

int grun_map(struct grun_guest *gu, uint64_t addr, uint64_t len,
	     uint32_t perms)
{
	if (len == 0)
		return 0;
	return uc_mem_map(gu->uc, addr, len, perms) == UC_ERR_OK ? 0 : -1;
}

bool grun_mem_read(struct grun_guest *gu, uint64_t addr, void *buf,
		   size_t len)
{
	if (len == 0)
		return true;
	if (addr + len < addr)
		return false;
	return uc_mem_read(gu->uc, addr, buf, len) == UC_ERR_OK;
}

bool grun_mem_write(struct grun_guest *gu, uint64_t addr, const void *buf,
		    size_t len)
{
	if (len == 0)
		return true;
	if (addr + len < addr)
		return false;
	return uc_mem_write(gu->uc, addr, buf, len) == UC_ERR_OK;
}

bool grun_mem_read_str(struct grun_guest *gu, uint64_t addr, char *buf,
		       size_t max)
{
	for (size_t i = 0; i < max; i++) {
		if (!grun_mem_read(gu, addr + i, &buf[i], 1))
			return false;
		if (buf[i] == '\0')
			return true;
	}
	return false;
}

/* True when no byte of [addr, addr+len) is mapped. */
static bool range_free(struct grun_guest *gu, uint64_t addr, uint64_t len)
{
	uc_mem_region *regions = NULL;
	uint32_t n = 0;
	bool ok = true;
	if (uc_mem_regions(gu->uc, &regions, &n) != UC_ERR_OK)
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (regions[i].begin < addr + len && regions[i].end >= addr)
			ok = false;
	uc_free(regions);
	return ok;
}

/* First fit upwards from mmap_next, then from the start of the area again
 * (munmap leaves holes). */
uint64_t grun_mmap_find(struct grun_guest *gu, uint64_t len)
{
	uint64_t start = gu->mmap_next;
	for (int pass = 0; pass < 2; pass++) {
		uc_mem_region *regions = NULL;
		uint32_t n = 0;
		uint64_t a = start;
		if (uc_mem_regions(gu->uc, &regions, &n) != UC_ERR_OK)
			return 0;
		/* Jump over mapped regions until a hole fits; n is small. */
		for (bool moved = true; moved && a + len <= gu->mmap_limit;) {
			moved = false;
			for (uint32_t i = 0; i < n; i++)
				if (regions[i].begin < a + len && regions[i].end >= a) {
					a = GRUN_PAGE_UP(regions[i].end + 1);
					moved = true;
				}
		}
		uc_free(regions);
		if (a + len <= gu->mmap_limit && a + len > a && range_free(gu, a, len)) {
			gu->mmap_next = a + len;
			return a;
		}
		start = gu->mmap_base;
	}
	return 0;
}
