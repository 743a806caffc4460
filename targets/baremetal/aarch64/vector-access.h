/* The program's vector state (sve-access.S, fp-access.S). */
#ifndef A64_VECTOR_ACCESS_H
#define A64_VECTOR_ACCESS_H

#include <stdint.h>

void sve_store_z(void *buf);
void sve_load_z(const void *buf);
void sve_store_p(void *buf);
void sve_load_p(const void *buf);
void sve_store_ffr(void *out, void *scratch);
void sve_load_ffr(const void *in, void *scratch);
uint64_t sve_vl_bytes(void);
void sve_set_len(uint64_t len);

void fp_store_v(void *buf);
void fp_load_v(const void *buf);
uint64_t fp_get_fpsr(void);
uint64_t fp_get_fpcr(void);
void fp_set_fpsr(uint64_t v);
void fp_set_fpcr(uint64_t v);

#endif
