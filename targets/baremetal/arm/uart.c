/* PL011 driver: polled transmit, receive drained from the FIFO by the
 * interrupt (program running) or by the monitor's loop (program stopped). */
#include "uart.h"
#include "board.h"

#define UART_DR 0x00
#define UART_FR 0x18
#define UART_LCR_H 0x2c
#define UART_CR 0x30
#define UART_IMSC 0x38
#define UART_ICR 0x44

#define FR_RXFE (1u << 4)
#define FR_TXFF (1u << 5)
#define LCR_FEN (1u << 4)
#define LCR_WLEN8 (3u << 5)
#define CR_UARTEN (1u << 0)
#define CR_TXE (1u << 8)
#define CR_RXE (1u << 9)
#define INT_RX (1u << 4)
#define INT_RT (1u << 6)

static uint32_t reg(uint32_t off)
{
	return BOARD_UART_BASE + off;
}

void uart_init(void)
{
	mmio_write32(reg(UART_CR), 0);
	mmio_write32(reg(UART_ICR), 0x7ff);
	mmio_write32(reg(UART_LCR_H), LCR_FEN | LCR_WLEN8);
	/* the GIC decides whether the line reaches the CPU (CPSR.I) */
	mmio_write32(reg(UART_IMSC), INT_RX | INT_RT);
	mmio_write32(reg(UART_CR), CR_UARTEN | CR_TXE | CR_RXE);
}

void uart_write(const void *data, size_t len)
{
	const unsigned char *p = data;

	while (len--) {
		while (mmio_read32(reg(UART_FR)) & FR_TXFF)
			;
		mmio_write32(reg(UART_DR), *p++);
	}
}

size_t uart_read_ready(unsigned char *buf, size_t max)
{
	size_t n = 0;

	while (n < max && !(mmio_read32(reg(UART_FR)) & FR_RXFE))
		buf[n++] = (unsigned char)mmio_read32(reg(UART_DR));
	return n;
}
