/*
 * The virt board's GICv2, the least that delivers one SPI (the UART's
 * receive interrupt) to CPU 0. Both monitors run with interrupts masked
 * and only let them in while the program runs.
 */
#ifndef VIRT_GIC_H
#define VIRT_GIC_H

#include <stdint.h>

/* What gic_ack returns (in its low 10 bits) when nothing is pending. */
#define GIC_SPURIOUS_INTID 1023u
#define GIC_IAR_INTID(iar) ((iar) & 0x3ffu)

/* Turns on the distributor and the CPU interface; no interrupt is enabled
 * until gic_enable. */
void gic_init(void);
/* Routes `intid` (an SPI) to CPU 0 as a level-sensitive interrupt. */
void gic_enable(uint32_t intid);
/* Acknowledges the highest pending interrupt: the value to pass to
 * gic_end (see GIC_IAR_INTID). */
uint32_t gic_ack(void);
/* Ends the interrupt gic_ack returned (not for a spurious one). */
void gic_end(uint32_t iar);

#endif
