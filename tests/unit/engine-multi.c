/* Two stubs in one process do not share anything. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target a, b;

int main(void)
{
	const char *fa, *fb;
	char frame_a[64], frame_b[64];
	size_t i, la, lb;

	ok(mock_init(&a, MOCK_AARCH64, 4096, false, false, true) == 0, "stub a");
	ok(mock_init(&b, MOCK_ARM, 8192, true, true, false) == 0, "stub b");
	b.mem[0] = 0x55;

	/* interleaved byte by byte */
	strcpy(frame_a, mock_frame("m400000,2", 9));
	strcpy(frame_b, mock_frame("m400000,2", 9));
	la = strlen(frame_a);
	lb = strlen(frame_b);
	a.out_len = b.out_len = 0;
	for (i = 0; i < la || i < lb; i++) {
		if (i < la)
			gstub_feed(&a.g, frame_a + i, 1);
		if (i < lb)
			gstub_feed(&b.g, frame_b + i, 1);
	}
	is_str(a.out, "+$0001#c1", "a answers from its memory");
	is_str(b.out, "+$5501#cb", "b answers from its memory");

	fa = mock_reply(&a, "QStartNoAckMode");
	is_str(fa, "OK", "a: no-ack mode");
	is_str(mock_packet(&b, "qC"), "+$QC1#c5", "b still acks");
	is_str(mock_packet(&a, "qC"), "$QC1#c5", "a does not");
	fa = mock_reply(&a, "Z0,400010,4");
	fb = mock_reply(&b, "Z0,400010,2");
	ok(strcmp(fa, "OK") == 0 && strcmp(fb, "OK") == 0 && memcmp(a.mem + 0x10, "\x00\x00\x20\xd4", 4) == 0 &&
	   memcmp(b.mem + 0x10, "\x00\xbe", 2) == 0, "each patches its own memory");
	gstub_reset_connection(&a.g);
	ok(a.mem[0x10] == 0x10 && b.mem[0x10] == 0x00, "resetting a leaves b's breakpoint");
	mock_packet(&b, "c");
	ok(gstub_is_running(&b.g) && !gstub_is_running(&a.g), "running state is per stub");
	gstub_set_log_max_chars(&a.g, 7);
	ok(gstub_get_log_max_chars(&b.g) == 512, "log settings are per stub");
	is_str(mock_reply(&a, "qSupported"), "PacketSize=7ff;QStartNoAckMode+;qXfer:features:read+;"
	       "qXfer:threads:read+;swbreak+;vContSupported+", "a's PacketSize");
	mock_fini(&a);
	mock_fini(&b);
	return tap_done();
}
