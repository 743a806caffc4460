/*
 * The board's first PL011: gstub's transport. The engine only writes
 * (uart_write spins while the transmit FIFO is full); received bytes are
 * read by the monitor, from its loop while the program is stopped and from
 * the receive interrupt while it runs.
 */
#include "board.h"

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

static volatile uint32_t *reg(unsigned off)
{
	return (volatile uint32_t *)(uintptr_t)(BOARD_UART_BASE + off);
}

void uart_init(void)
{
	*reg(UART_CR) = 0;
	*reg(UART_LCR_H) = LCR_H_FEN | LCR_H_WLEN8;
	*reg(UART_ICR) = 0x7ff;
	/* receive and receive-timeout: a byte waiting in the FIFO always
	 * raises the interrupt, however few came */
	*reg(UART_IMSC) = INT_RX | INT_RT;
	*reg(UART_CR) = CR_UARTEN | CR_TXE | CR_RXE;
}

void uart_write(void *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;

	(void)ctx;
	while (len--) {
		while (*reg(UART_FR) & FR_TXFF)
			;
		*reg(UART_DR) = *p++;
	}
}

bool uart_rx_ready(void)
{
	return !(*reg(UART_FR) & FR_RXFE);
}

uint8_t uart_getc(void)
{
	return (uint8_t)*reg(UART_DR);
}

void uart_ack_irq(void)
{
	*reg(UART_ICR) = INT_RX | INT_RT;
}
