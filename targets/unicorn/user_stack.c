/*
 * The initial stack of a Linux process, as the kernel lays it out for a
 * static executable: argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL,
 * then the strings and the AT_RANDOM bytes above.
 */
#include "guest.h"

#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#define GRUN_STACK_SIZE (8u << 20)
#define GRUN_STACK_TOP_AARCH64 0x7ff0000000ull
#define GRUN_STACK_TOP_ARM 0xbf000000ull
/* Anonymous mmap area: between the program (and its brk) and the stack. */
#define GRUN_MMAP_BASE_AARCH64 0x7f00000000ull
#define GRUN_MMAP_BASE_ARM 0x40000000ull

/* Linux hwcaps of a CPU like Unicorn's: AArch64 fp+asimd; ARMv7 with
 * VFPv4-D32, NEON, TLS register and integer divide. */
#define GRUN_HWCAP_AARCH64 ((1u << 0) | (1u << 1))
#define GRUN_HWCAP_ARM                                                       \
	((1u << 1) | (1u << 2) | (1u << 4) | (1u << 6) | (1u << 7) |         \
	 (1u << 12) | (1u << 13) | (1u << 15) | (1u << 16) | (1u << 17) |    \
	 (1u << 18) | (1u << 19))

struct stack_writer {
	struct grun_guest *gu;
	uint64_t at;   /* next free byte, going down */
	bool ok;
};

static uint64_t push_bytes(struct stack_writer *w, const void *p, size_t n)
{
	w->at -= n;
	if (!grun_mem_write(w->gu, w->at, p, n))
		w->ok = false;
	return w->at;
}

static uint64_t push_str(struct stack_writer *w, const char *s)
{
	return push_bytes(w, s, strlen(s) + 1);
}

static void put_word(struct stack_writer *w, uint64_t addr, uint64_t v)
{
	unsigned char b[8];
	for (unsigned i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	if (!grun_mem_write(w->gu, addr, b, w->gu->wordsize))
		w->ok = false;
}

int grun_setup_stack(struct grun_guest *gu, int argc, char **argv,
		     char **envp, char *err, size_t errlen)
{
	bool a64 = gu->arch == GRUN_ARCH_AARCH64;
	uint64_t top = a64 ? GRUN_STACK_TOP_AARCH64 : GRUN_STACK_TOP_ARM;
	struct stack_writer w = { gu, top, true };
	int envc = 0;
	unsigned char rnd[16];
	unsigned ws = gu->wordsize;

	gu->stack_top = top;
	gu->mmap_base = gu->mmap_next = a64 ? GRUN_MMAP_BASE_AARCH64 : GRUN_MMAP_BASE_ARM;
	gu->mmap_limit = top - GRUN_STACK_SIZE - 0x100000;
	if (gu->brk_start >= gu->mmap_base) {
		snprintf(err, errlen, "program overlaps the mmap area");
		return -1;
	}
	if (grun_map(gu, top - GRUN_STACK_SIZE, GRUN_STACK_SIZE,
		     UC_PROT_READ | UC_PROT_WRITE) != 0) {
		snprintf(err, errlen, "cannot map the stack");
		return -1;
	}
	while (envp && envp[envc])
		envc++;

	/* Strings, from the top down. */
	uint64_t execfn = push_str(&w, gu->exe_path);
	uint64_t platform = push_str(&w, a64 ? "aarch64" : "v7l");
	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
		for (unsigned i = 0; i < sizeof rnd; i++)
			rnd[i] = (unsigned char)(getpid() * 131 + i * 17);
	uint64_t random = push_bytes(&w, rnd, sizeof rnd);
	uint64_t env_at[envc > 0 ? envc : 1], arg_at[argc > 0 ? argc : 1];
	for (int i = envc - 1; i >= 0; i--)
		env_at[i] = push_str(&w, envp[i]);
	for (int i = argc - 1; i >= 0; i--)
		arg_at[i] = push_str(&w, argv[i]);

	const uint64_t auxv[][2] = {
		{ AT_PHDR, gu->phdr_addr },
		{ AT_PHENT, gu->phent },
		{ AT_PHNUM, gu->phnum },
		{ AT_PAGESZ, GRUN_PAGE_SIZE },
		{ AT_BASE, 0 },
		{ AT_FLAGS, 0 },
		{ AT_ENTRY, gu->entry },
		{ AT_UID, getuid() },
		{ AT_EUID, geteuid() },
		{ AT_GID, getgid() },
		{ AT_EGID, getegid() },
		{ AT_HWCAP, a64 ? GRUN_HWCAP_AARCH64 : GRUN_HWCAP_ARM },
		{ AT_HWCAP2, 0 },
		{ AT_CLKTCK, 100 },
		{ AT_SECURE, 0 },
		{ AT_RANDOM, random },
		{ AT_PLATFORM, platform },
		{ AT_EXECFN, execfn },
		{ AT_NULL, 0 },
	};
	size_t nwords = 1 + (size_t)argc + 1 + (size_t)envc + 1 +
			2 * (sizeof auxv / sizeof auxv[0]);
	uint64_t sp = (w.at - nwords * ws) & ~(uint64_t)15;
	uint64_t p = sp;
	put_word(&w, p, (uint64_t)argc);
	p += ws;
	for (int i = 0; i < argc; i++, p += ws)
		put_word(&w, p, arg_at[i]);
	put_word(&w, p, 0);
	p += ws;
	for (int i = 0; i < envc; i++, p += ws)
		put_word(&w, p, env_at[i]);
	put_word(&w, p, 0);
	p += ws;
	for (size_t i = 0; i < sizeof auxv / sizeof auxv[0]; i++) {
		put_word(&w, p, auxv[i][0]);
		put_word(&w, p + ws, auxv[i][1]);
		p += 2 * ws;
	}
	if (!w.ok || top - sp > GRUN_STACK_SIZE / 2) {
		snprintf(err, errlen, "arguments and environment too large");
		return -1;
	}
	if (a64)
		uc_reg_write(gu->uc, UC_ARM64_REG_SP, &sp);
	else
		uc_reg_write(gu->uc, UC_ARM_REG_SP, &sp);
	grun_set_pc(gu, gu->entry);
	return 0;
}
