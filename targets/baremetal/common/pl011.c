/*
 * PL011 driver shared by both firmwares: the registers are the same for
 * either CPU and so is how gstub uses the line.
 */
#include "pl011.h"
#include "virt-board.h"

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_LCR_H 0x2c
#define UART_CR 0x30
#define UART_IMSC 0x38
#define UART_ICR 0x44

#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define LCR_H_FEN (1u << 4)
#define LCR_H_WLEN8 (3u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define INT_RX (1u << 4)
#define INT_RT (1u << 6)
#define INT_ALL 0x7ffu

static uintptr_t reg(unsigned off)
{
	return VIRT_UART_BASE + off;
}

void uart_init(void)
{
	mmio_write32(reg(UART_CR), 0);
	mmio_write32(reg(UART_ICR), INT_ALL);
	mmio_write32(reg(UART_LCR_H), LCR_H_FEN | LCR_H_WLEN8);
	/* receive and receive-timeout: a byte waiting in the FIFO always
	 * raises the interrupt, however few came */
	mmio_write32(reg(UART_IMSC), INT_RX | INT_RT);
	mmio_write32(reg(UART_CR), CR_UARTEN | CR_TXE | CR_RXE);
}

void uart_write(const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len--) {
		while (mmio_read32(reg(UART_FR)) & FR_TXFF)
			;
		mmio_write32(reg(UART_DR), *p++);
	}
}

bool uart_rx_ready(void)
{
	return !(mmio_read32(reg(UART_FR)) & FR_RXFE);
}

size_t uart_read_ready(uint8_t *buf, size_t max)
{
	size_t n = 0;

	/* cleared before the FIFO is drained, so a byte that comes after the
	 * last read raises the interrupt again instead of being missed */
	mmio_write32(reg(UART_ICR), INT_RX | INT_RT);
	while (n < max && uart_rx_ready())
		buf[n++] = (uint8_t)mmio_read32(reg(UART_DR));
	return n;
}
