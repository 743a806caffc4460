/* The GICv2 of the virt board: one interrupt (the UART) to CPU 0. */
#ifndef FW_ARM_GIC_H
#define FW_ARM_GIC_H

#include <stdint.h>

void gic_init(void);
void gic_enable(uint32_t intid);
/* Acknowledge the highest pending interrupt; 1023 when none. */
uint32_t gic_ack(void);
void gic_end(uint32_t iar);

#endif
