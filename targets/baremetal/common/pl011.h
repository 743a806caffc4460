/*
 * The virt board's first PL011, gdb's serial line in both firmwares.
 * Transmit is polled; received bytes are read by the monitor, from its
 * loop while the program is stopped and from the receive interrupt while
 * it runs.
 */
#ifndef VIRT_PL011_H
#define VIRT_PL011_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 8 bits, FIFOs on, the receive interrupt raised at the UART (the GIC and
 * the CPU's mask decide whether it reaches the CPU). */
void uart_init(void);
/* Spins while the transmit FIFO is full. */
void uart_write(const void *data, size_t len);
/* True when the receive FIFO holds a byte. */
bool uart_rx_ready(void);
/* Moves the bytes waiting in the receive FIFO to buf (at most max) and
 * clears the receive interrupt; returns how many. Never waits. */
size_t uart_read_ready(uint8_t *buf, size_t max);

#endif
