/*
 * GICv2 distributor and CPU interface for both firmwares. The interrupt
 * is made level-sensitive: the PL011 holds its line while bytes wait, so a
 * handler that drains the FIFO before the end of interrupt never sees a
 * stale one, and bytes that arrive later raise it again.
 */
#include "virt-gic.h"
#include "virt-board.h"

#define GICD_CTLR 0x000
#define GICD_ISENABLER 0x100
#define GICD_IPRIORITYR 0x400
#define GICD_ITARGETSR 0x800
#define GICD_ICFGR 0xc00

#define GICC_CTLR 0x00
#define GICC_PMR 0x04
#define GICC_IAR 0x0c
#define GICC_EOIR 0x10

#define UART_PRIORITY 0xa0u
#define CPU0 0x01u

void gic_init(void)
{
	mmio_write32(VIRT_GICD_BASE + GICD_CTLR, 1);
	/* let every priority through; the monitors mask with CPSR/PSTATE */
	mmio_write32(VIRT_GICC_BASE + GICC_PMR, 0xff);
	mmio_write32(VIRT_GICC_BASE + GICC_CTLR, 1);
}

/* Byte-wide fields are written as whole words (read-modify-write) so the
 * firmwares touch the GIC with word accesses only. */
static void set_byte_field(uintptr_t base, uint32_t intid, uint8_t value)
{
	uintptr_t addr = base + (intid & ~3u);
	unsigned shift = (intid & 3u) * 8;
	uint32_t v = mmio_read32(addr);

	v &= ~(0xffu << shift);
	v |= (uint32_t)value << shift;
	mmio_write32(addr, v);
}

void gic_enable(uint32_t intid)
{
	uintptr_t cfg = VIRT_GICD_BASE + GICD_ICFGR + (intid / 16) * 4;

	set_byte_field(VIRT_GICD_BASE + GICD_IPRIORITYR, intid, UART_PRIORITY);
	set_byte_field(VIRT_GICD_BASE + GICD_ITARGETSR, intid, CPU0);
	mmio_write32(cfg, mmio_read32(cfg) & ~(2u << ((intid % 16) * 2)));
	mmio_write32(VIRT_GICD_BASE + GICD_ISENABLER + (intid / 32) * 4,
		     1u << (intid % 32));
}

uint32_t gic_ack(void)
{
	return mmio_read32(VIRT_GICC_BASE + GICC_IAR);
}

void gic_end(uint32_t iar)
{
	mmio_write32(VIRT_GICC_BASE + GICC_EOIR, iar);
}
