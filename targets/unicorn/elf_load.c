/*
 * Loading a static little-endian ELF executable (AArch64 or AArch32) into
 * guest memory: every header field is checked before it is used, because the
 * file is untrusted input.
 */
#include "guest.h"

#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Executables larger than this are surely not test programs. */
#define GRUN_MAX_ELF_SIZE (512u << 20)

/* A static-pie executable (ET_DYN) is loaded at its link addresses (from 0):
 * gdb learns a load offset only from qOffsets or the auxv, which the engine
 * does not serve, and relocating it elsewhere would leave gdb's symbols
 * off. The cost: reads of page 0 do not fault for such programs. */

/* A program header, whatever the class. */
struct phdr {
	uint32_t type, flags;
	uint64_t offset, vaddr, filesz, memsz;
};

struct elf_info {
	int class64;
	uint16_t type, machine;
	uint64_t entry, phoff;
	uint16_t phentsize, phnum;
};

static int fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static uint16_t rd16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p)
{
	return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

static int read_file(const char *path, unsigned char **data, size_t *size,
		     char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f)
		return fail(err, errlen, "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		fclose(f);
		return fail(err, errlen, "%s: not a regular file", path);
	}
	if (st.st_size > (off_t)GRUN_MAX_ELF_SIZE) {
		fclose(f);
		return fail(err, errlen, "%s: file too large", path);
	}
	*size = (size_t)st.st_size;
	*data = malloc(*size ? *size : 1);
	if (!*data || fread(*data, 1, *size, f) != *size) {
		fclose(f);
		free(*data);
		*data = NULL;
		return fail(err, errlen, "%s: cannot read file", path);
	}
	fclose(f);
	return 0;
}

static int parse_header(const unsigned char *d, size_t size,
			struct elf_info *ei, const char *path, char *err,
			size_t errlen)
{
	if (size < EI_NIDENT || memcmp(d, ELFMAG, SELFMAG) != 0)
		return fail(err, errlen, "%s: not an ELF file", path);
	if (d[EI_DATA] != ELFDATA2LSB)
		return fail(err, errlen,
			    "%s: unsupported ELF: only little-endian programs run",
			    path);
	if (d[EI_CLASS] != ELFCLASS32 && d[EI_CLASS] != ELFCLASS64)
		return fail(err, errlen, "%s: bad ELF class", path);
	ei->class64 = d[EI_CLASS] == ELFCLASS64;
	if (size < (ei->class64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr)))
		return fail(err, errlen, "%s: truncated ELF header", path);
	ei->type = rd16(d + 16);
	ei->machine = rd16(d + 18);
	if (ei->class64) {
		ei->entry = rd64(d + 24);
		ei->phoff = rd64(d + 32);
		ei->phentsize = rd16(d + 54);
		ei->phnum = rd16(d + 56);
	} else {
		ei->entry = rd32(d + 24);
		ei->phoff = rd32(d + 28);
		ei->phentsize = rd16(d + 42);
		ei->phnum = rd16(d + 44);
	}
	if (ei->machine == EM_AARCH64 && !ei->class64)
		return fail(err, errlen, "%s: AArch64 program must be ELF64", path);
	if (ei->machine == EM_ARM && ei->class64)
		return fail(err, errlen, "%s: ARM program must be ELF32", path);
	if (ei->machine != EM_AARCH64 && ei->machine != EM_ARM)
		return fail(err, errlen,
			    "%s: unsupported machine %u (AArch64 and ARM run)",
			    path, ei->machine);
	if (ei->type != ET_EXEC && ei->type != ET_DYN)
		return fail(err, errlen, "%s: not an executable (ELF type %u)",
			    path, ei->type);
	if (ei->phentsize != (ei->class64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)) ||
	    ei->phnum == 0 || ei->phnum > 256 || ei->phoff > size ||
	    (uint64_t)ei->phentsize * ei->phnum > size - ei->phoff)
		return fail(err, errlen, "%s: bad program header table", path);
	return 0;
}

static void get_phdr(const unsigned char *d, const struct elf_info *ei,
		     unsigned i, struct phdr *ph)
{
	const unsigned char *p = d + ei->phoff + (uint64_t)i * ei->phentsize;
	if (ei->class64) {
		ph->type = rd32(p);
		ph->flags = rd32(p + 4);
		ph->offset = rd64(p + 8);
		ph->vaddr = rd64(p + 16);
		ph->filesz = rd64(p + 32);
		ph->memsz = rd64(p + 40);
	} else {
		ph->type = rd32(p);
		ph->offset = rd32(p + 4);
		ph->vaddr = rd32(p + 8);
		ph->filesz = rd32(p + 16);
		ph->memsz = rd32(p + 20);
		ph->flags = rd32(p + 24);
	}
}

static uint32_t uc_perms(uint32_t pflags)
{
	uint32_t perms = 0;
	if (pflags & PF_R)
		perms |= UC_PROT_READ;
	if (pflags & PF_W)
		perms |= UC_PROT_WRITE;
	if (pflags & PF_X)
		perms |= UC_PROT_EXEC;
	return perms;
}

/* Checks that every PT_LOAD fits the file and the address space, and finds
 * the span they cover. */
static int check_segments(const unsigned char *d, size_t size,
			  const struct elf_info *ei, uint64_t space_end,
			  uint64_t *lo, uint64_t *hi, const char *path,
			  char *err, size_t errlen)
{
	unsigned nload = 0;
	*lo = UINT64_MAX;
	*hi = 0;
	for (unsigned i = 0; i < ei->phnum; i++) {
		struct phdr ph;
		get_phdr(d, ei, i, &ph);
		/* static-pie (ET_DYN) has PT_DYNAMIC but relocates itself */
		if (ph.type == PT_INTERP ||
		    (ph.type == PT_DYNAMIC && ei->type == ET_EXEC))
			return fail(err, errlen,
				    "%s: dynamically linked programs are not supported (link with -static)",
				    path);
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		if (ph.filesz > ph.memsz || ph.offset > size ||
		    ph.filesz > size - ph.offset || ph.vaddr >= space_end ||
		    ph.memsz > space_end - ph.vaddr)
			return fail(err, errlen, "%s: bad PT_LOAD segment %u",
				    path, i);
		if (ph.vaddr < *lo)
			*lo = ph.vaddr;
		if (ph.vaddr + ph.memsz > *hi)
			*hi = ph.vaddr + ph.memsz;
		nload++;
	}
	if (nload == 0)
		return fail(err, errlen, "%s: no loadable segment", path);
	if (*hi - *lo > (1ull << 31))
		return fail(err, errlen, "%s: segments span too much memory",
			    path);
	return 0;
}

/* Maps the pages of all segments: a page shared by two segments gets both
 * permissions. Then copies file contents; the rest stays zero (bss). */
static int map_segments(struct grun_guest *gu, const unsigned char *d,
			const struct elf_info *ei, uint64_t lo, uint64_t hi,
			const char *path, char *err, size_t errlen)
{
	uint64_t first = GRUN_PAGE_DOWN(lo + gu->load_bias);
	uint64_t npages = (GRUN_PAGE_UP(hi + gu->load_bias) - first) / GRUN_PAGE_SIZE;
	uint8_t *perm = calloc(npages, 1);
	if (!perm)
		return fail(err, errlen, "out of memory");
	for (unsigned i = 0; i < ei->phnum; i++) {
		struct phdr ph;
		get_phdr(d, ei, i, &ph);
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		uint64_t a = GRUN_PAGE_DOWN(ph.vaddr + gu->load_bias);
		uint64_t e = GRUN_PAGE_UP(ph.vaddr + gu->load_bias + ph.memsz);
		for (; a < e; a += GRUN_PAGE_SIZE)
			perm[(a - first) / GRUN_PAGE_SIZE] |=
				(uint8_t)(uc_perms(ph.flags) | 0x80);
	}
	for (uint64_t p = 0; p < npages;) {
		uint64_t q = p + 1;
		while (q < npages && perm[q] == perm[p])
			q++;
		if (perm[p] & 0x80 &&
		    grun_map(gu, first + p * GRUN_PAGE_SIZE,
			     (q - p) * GRUN_PAGE_SIZE, perm[p] & 0x7f) != 0) {
			free(perm);
			return fail(err, errlen, "%s: cannot map segment at 0x%llx",
				    path, (unsigned long long)(first + p * GRUN_PAGE_SIZE));
		}
		p = q;
	}
	free(perm);
	for (unsigned i = 0; i < ei->phnum; i++) {
		struct phdr ph;
		get_phdr(d, ei, i, &ph);
		if (ph.type != PT_LOAD || ph.filesz == 0)
			continue;
		if (!grun_mem_write(gu, ph.vaddr + gu->load_bias, d + ph.offset,
				    ph.filesz))
			return fail(err, errlen, "%s: cannot load segment %u",
				    path, i);
	}
	return 0;
}

/* AT_PHDR: the headers' address in memory, from PT_PHDR or from the
 * segment that holds file offset e_phoff. */
static uint64_t find_phdr_addr(const unsigned char *d, const struct elf_info *ei,
			       uint64_t bias)
{
	for (unsigned i = 0; i < ei->phnum; i++) {
		struct phdr ph;
		get_phdr(d, ei, i, &ph);
		if (ph.type == PT_PHDR)
			return ph.vaddr + bias;
	}
	for (unsigned i = 0; i < ei->phnum; i++) {
		struct phdr ph;
		get_phdr(d, ei, i, &ph);
		if (ph.type == PT_LOAD && ei->phoff >= ph.offset &&
		    ei->phoff - ph.offset < ph.filesz)
			return ph.vaddr + bias + (ei->phoff - ph.offset);
	}
	return 0;
}

int grun_load_elf(struct grun_guest *gu, const char *path, char *err,
		  size_t errlen)
{
	unsigned char *d = NULL;
	size_t size = 0;
	struct elf_info ei = { 0 };
	uint64_t lo, hi, space_end;
	int rc = -1;

	if (read_file(path, &d, &size, err, errlen) != 0)
		return -1;
	if (parse_header(d, size, &ei, path, err, errlen) != 0)
		goto out;
	gu->arch = ei.machine == EM_AARCH64 ? GRUN_ARCH_AARCH64 : GRUN_ARCH_ARM;
	gu->wordsize = gu->arch == GRUN_ARCH_AARCH64 ? 8 : 4;
	/* Below the mmap area and the stack (see user_stack.c). */
	space_end = gu->arch == GRUN_ARCH_AARCH64 ? 0x7f00000000ull : 0x40000000ull;
	if (check_segments(d, size, &ei, space_end, &lo, &hi, path, err,
			   errlen) != 0)
		goto out;
	gu->load_bias = 0; /* see the static-pie note at the top */
	if (grun_cpu_open(gu, err, errlen) != 0)
		goto out;
	if (map_segments(gu, d, &ei, lo, hi, path, err, errlen) != 0)
		goto out;
	gu->entry = ei.entry + gu->load_bias;
	gu->phdr_addr = find_phdr_addr(d, &ei, gu->load_bias);
	gu->phnum = ei.phnum;
	gu->phent = ei.phentsize;
	gu->brk_start = gu->brk_cur = GRUN_PAGE_UP(hi + gu->load_bias);
	gu->exe_path = path;
	rc = 0;
out:
	free(d);
	return rc;
}
