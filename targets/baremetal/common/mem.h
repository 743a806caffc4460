/*
 * The four memory functions the freestanding engine, the monitors and the
 * compiler may call. The firmwares link no C library (mem.c has them), so
 * they are declared here instead of taken from a libc's <string.h>.
 */
#ifndef VIRT_MEM_H
#define VIRT_MEM_H

#include <stddef.h>

void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif
