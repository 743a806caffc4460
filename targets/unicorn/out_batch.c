/*
 * The engine's output on its way to gdb: held until the run loop gets
 * control back, then sent in one write.
 *
 * The engine writes a reply in pieces ("$", the payload, "#xx"); with
 * TCP_NODELAY each piece would be a segment of its own and wake gdb up on
 * its own. On loopback one write saves about a third of a round trip,
 * which stepping pays for every packet gdb sends after a stop.
 *
 * Long hex replies are run-length encoded by the engine itself
 * (cfg.compress_reply, main.c); what arrives here is sent as it is.
 */
#include "debugger.h"

#include <string.h>

void grun_out_write(void *ctx, const void *data, size_t len)
{
	struct grun_out_batch *b = ctx;

	if (len > sizeof b->buf - b->len)
		grun_out_flush(b);
	if (len > sizeof b->buf) {
		/* Larger than any reply the engine makes: as it is. */
		gstub_server_write(b->srv, data, len);
		b->sent = true;
		return;
	}
	memcpy(b->buf + b->len, data, len);
	b->len += len;
}

void grun_out_flush(struct grun_out_batch *b)
{
	if (b->len == 0)
		return;
	gstub_server_write(b->srv, b->buf, b->len);
	b->len = 0;
	b->sent = true;
}

void grun_out_drop(struct grun_out_batch *b)
{
	b->len = 0;
}
