/*
 * The monitor's own messages on the UART, for failures that end the RSP
 * session anyway: a fault inside the monitor, a boot that cannot go on.
 */
#include "monitor.h"

void monitor_fault(unsigned vector) __attribute__((noreturn));

size_t text_len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void put_hex(uint64_t v)
{
	static const char digits[] = "0123456789abcdef";
	char buf[16];
	int i;

	for (i = 15; i >= 0; i--, v >>= 4)
		buf[i] = digits[v & 0xf];
	uart_write(buf, sizeof buf);
}

/* A fault inside the monitor is a bug: say where on the console (this
 * breaks the RSP session, which is gone anyway) and stop. */
void monitor_fault(unsigned vector)
{
	static const char msg[] = "\ngstub monitor fault: vector, esr, elr, far:\n";

	uart_write(msg, sizeof msg - 1);
	put_hex(vector);
	uart_write(" ", 1);
	put_hex(READ_SYSREG(esr_el1));
	uart_write(" ", 1);
	put_hex(READ_SYSREG(elr_el1));
	uart_write(" ", 1);
	put_hex(READ_SYSREG(far_el1));
	uart_write("\n", 1);
	for (;;)
		__asm__ volatile("wfe");
}

void console_fatal(const char *what, int err)
{
	static const char head[] = "gstub monitor: ";
	const char *text = gstub_strerror(err);

	uart_write(head, sizeof head - 1);
	uart_write(what, text_len(what));
	uart_write(": ", 2);
	uart_write(text, text_len(text));
	uart_write("\n", 1);
	for (;;)
		__asm__ volatile("wfe");
}
