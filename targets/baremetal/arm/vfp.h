/* The program's VFP/NEON registers (vfp.S). */
#ifndef FW_ARM_VFP_H
#define FW_ARM_VFP_H

#include <stdint.h>

void vfp_enable(void);
void vfp_save(uint64_t d[32]);
void vfp_load(const uint64_t d[32]);
uint32_t vfp_fpscr_get(void);
void vfp_fpscr_set(uint32_t value);

#endif
