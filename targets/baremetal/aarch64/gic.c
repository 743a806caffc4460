/*
 * GICv2, just enough to route the UART's receive interrupt to the CPU
 * while the program runs at EL0. The monitor itself always runs with
 * interrupts masked (exception entry masks them) and polls.
 */
#include "board.h"

#define GICD_CTLR 0x000
#define GICD_ISENABLER 0x100
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

static volatile uint32_t *gicd32(unsigned off)
{
	return (volatile uint32_t *)(uintptr_t)(BOARD_GICD_BASE + off);
}

static volatile uint8_t *gicd8(unsigned off)
{
	return (volatile uint8_t *)(uintptr_t)(BOARD_GICD_BASE + off);
}

static volatile uint32_t *gicc(unsigned off)
{
	return (volatile uint32_t *)(uintptr_t)(BOARD_GICC_BASE + off);
}

void gic_init(void)
{
	unsigned id = BOARD_UART_INTID;

	*gicd32(GICD_CTLR) = 0;
	*gicd8(GICD_IPRIORITYR + id) = 0xa0;
	*gicd8(GICD_ITARGETSR + id) = 1; /* CPU 0 */
	*gicd32(GICD_ISENABLER + 4 * (id / 32)) = 1u << (id % 32);
	*gicd32(GICD_CTLR) = 1;
	*gicc(GICC_PMR) = 0xff;
	*gicc(GICC_CTLR) = 1;
}

uint32_t gic_ack(void)
{
	return *gicc(GICC_IAR);
}

void gic_eoi(uint32_t iar)
{
	*gicc(GICC_EOIR) = iar;
}
