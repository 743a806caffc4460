/* The board's PL011: gdb's serial line. */
#ifndef FW_ARM_UART_H
#define FW_ARM_UART_H

#include <stddef.h>

void uart_init(void);
/* Spins while the transmit FIFO is full. */
void uart_write(const void *data, size_t len);
/* Moves the bytes waiting in the receive FIFO to buf (at most max);
 * returns how many. Never waits. */
size_t uart_read_ready(unsigned char *buf, size_t max);

#endif
