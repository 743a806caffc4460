/* Framing: acks, NACK and resend, checksums, splits, RLE, overlong packets,
 * no-ack mode and Ctrl-C. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "mock-target.h"

static struct mock_target mt;

static const char *const packets[] = {
	"qSupported:multiprocess+;swbreak+;hwbreak+;vContSupported+",
	"g", "p20", "m400000,10", "qfThreadInfo", "qXfer:features:read:target.xml:0,40",
	"vMustReplyEmpty", "qC", "?", "m0,4", "p999",
};

/* Feeding whole, byte by byte and split at every index gives the same. */
static void test_splits(void)
{
	struct mock_target *m = &mt;
	char whole[MOCK_OUT_SIZE], got[MOCK_OUT_SIZE];
	size_t i, k, len;

	mock_init(m, MOCK_AARCH64, 8192, false, false, true);
	for (i = 0; i < sizeof packets / sizeof packets[0]; i++) {
		const char *f = mock_frame(packets[i], strlen(packets[i]));
		char frame[4096];
		int bad_split = 0, bad_byte = 0;

		strcpy(frame, f);
		len = strlen(frame);
		strcpy(whole, mock_feed(m, frame, len));
		ok(whole[0] == '+' && whole[1] == '$', "%s: whole", packets[i]);
		got[0] = 0;
		for (k = 0; k < len; k++)
			strcat(got, mock_feed(m, frame + k, 1));
		bad_byte = strcmp(got, whole) != 0;
		for (k = 1; k < len; k++) {
			strcpy(got, mock_feed(m, frame, k));
			if (got[0]) /* nothing may come before the packet ends */
				bad_split++;
			strcat(got, mock_feed(m, frame + k, len - k));
			bad_split += strcmp(got, whole) != 0;
		}
		ok(!bad_byte, "%s: byte by byte", packets[i]);
		ok(!bad_split, "%s: split at every index", packets[i]);
	}
	mock_fini(m);
}

static void test_acks(void)
{
	struct mock_target *m = &mt;
	const char *r;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_packet(m, "m400000,4"), "+$00010203#86", "ack then reply");
	is_str(mock_feed_str(m, "-"), "$00010203#86", "NACK -> the reply again");
	is_str(mock_feed_str(m, "-"), "$00010203#86", "NACK twice -> again");
	is_str(mock_feed_str(m, "+"), "", "ack: nothing");
	is_str(mock_feed_str(m, "$m400000,4#00"), "-", "bad checksum -> NACK");
	is_str(mock_feed_str(m, "$m400000,4#f1"), "+$00010203#86", "then the connection goes on");
	is_str(mock_feed_str(m, "$m400000,4#zz"), "-", "non-hex checksum -> NACK");
	is_str(mock_feed_str(m, "$m400000,4#F1"), "+$00010203#86", "upper-case checksum digits");
	is_str(mock_feed_str(m, "xyz\r\n+"), "", "noise between packets is ignored");
	is_str(mock_feed_str(m, "$m4000$m400000,4#f1"), "+$00010203#86", "$ restarts a packet");
	is_str(mock_feed_str(m, "$m400000,4#c$m400000,4#f1"), "-+$00010203#86",
	       "$ inside the checksum: NACK, then the new packet");
	r = mock_feed_str(m, "\x03");
	is_str(r, "", "0x03 while stopped is ignored");
	ok(m->interrupts == 0, "no interrupt while stopped");
	mock_fini(m);
}

static void test_rle(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	/* "m40*!,4": '0' and 4 more = m400000,4 */
	is_str(mock_reply(m, "m40*!,4"), "00010203", "RLE accepted on input");
	is_str(mock_reply(m, "M40*!,2:a*\""), "E22", "RLE: expanded data longer than the length -> E22");
	is_str(mock_reply(m, "M40*!,3:a*\"a"), "E22", "RLE: expanded data checked");
	is_str(mock_reply(m, "M40*!,3:a*\""), "OK", "RLE '\"' = 5 copies");
	ok(m->mem[0] == 0xaa && m->mem[1] == 0xaa && m->mem[2] == 0xaa, "RLE data landed");
	is_str(mock_reply(m, "M40*!,2:b* "), "OK", "RLE ' ' = 3 copies");
	ok(m->mem[0] == 0xbb && m->mem[1] == 0xbb && m->mem[2] == 0xaa, "RLE data landed");
	is_str(mock_reply(m, "*!m"), "E71", "RLE with nothing to repeat -> E71");
	is_str(mock_reply(m, "m4*"), "E71", "RLE without count -> E71");
	is_str(mock_reply(m, "m4*\x01"), "E71", "RLE count not printable -> E71");
	mock_fini(m);
}

static void test_overlong(void)
{
	struct mock_target *m = &mt;
	char pkt[5000];

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	/* PacketSize is 0x7ff: a payload of 0x7ff bytes fits, one more does not */
	memset(pkt, 'a', sizeof pkt);
	memcpy(pkt, "X400000,7f3:", 12);
	pkt[12 + 0x7f3] = 0;
	ok(strlen(pkt) == 0x7ff, "packet of %zu bytes", strlen(pkt));
	is_str(mock_reply(m, pkt), "OK", "largest packet fits");
	memset(pkt, 'a', sizeof pkt);
	memcpy(pkt, "X400000,7f4:", 12);
	pkt[12 + 0x7f4] = 0;
	is_str(mock_reply(m, pkt), "E90", "overlong packet -> ack and E90");
	is_str(mock_reply(m, "m400000,1"), "61", "the connection goes on");
	{
		/* overlong through RLE */
		char f[256];

		strcpy(f, "m400000,1");
		for (int i = 0; i < 30; i++)
			strcat(f, "0*~");
		is_str(mock_reply(m, f), "E90", "overlong by RLE -> E90");
	}
	mock_fini(m);
}

static void test_noack(void)
{
	struct mock_target *m = &mt;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	is_str(mock_packet(m, "QStartNoAckMode"), "+$OK#9a", "QStartNoAckMode: acked OK");
	is_str(mock_feed_str(m, "+"), "", "gdb's ack of the OK");
	is_str(mock_packet(m, "m400000,4"), "$00010203#86", "no ack any more");
	is_str(mock_feed_str(m, "-"), "", "a NACK is not answered in no-ack mode");
	is_str(mock_feed_str(m, "$m400000,4#00"), "",
	       "bad checksum in no-ack mode: dropped, no NACK");
	is_str(mock_packet(m, "m400000,1"), "$00#60", "the next packet is answered");
	gstub_reset_connection(&m->g);
	is_str(mock_packet(m, "m400000,4"), "+$00010203#86", "reset: acks again");
	mock_fini(m);
}

/* A UART never sees gdb go away: a new gdb's qSupported, arriving in the
 * old session's no-ack mode, starts a new session (ack sent, breakpoints
 * out of memory, acks on again). */
static void test_new_session_on_line(void)
{
	struct mock_target *m = &mt;
	const char *r;

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_packet(m, "QStartNoAckMode");
	mock_feed_str(m, "+");
	is_str(mock_packet(m, "Z0,400010,4"), "$OK#9a", "old session: Z0 without acks");
	ok(memcmp(m->mem + 0x10, "\x00\x00\x20\xd4", 4) == 0, "old session: BRK planted");
	r = mock_packet(m, "qSupported:multiprocess+");
	ok(mock_starts(r, "+$PacketSize="), "new gdb's qSupported is acked and answered");
	ok(memcmp(m->mem + 0x10, "\x10\x11\x12\x13", 4) == 0,
	   "the old session's breakpoint left memory");
	is_str(mock_packet(m, "m400010,4"), "+$10111213#8a", "acks are on again");
	mock_fini(m);
}

static void test_interrupt(void)
{
	struct mock_target *m = &mt;
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGINT, 0, 0, 0 };

	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	mock_packet(m, "c");
	is_str(mock_feed_str(m, "\x03"), "", "0x03 while running");
	ok(m->interrupts == 1, "0x03 -> interrupt()");
	is_str(mock_packet(m, "vCtrlC"), "+$OK#9a", "vCtrlC while running -> OK");
	ok(m->interrupts == 2, "vCtrlC -> interrupt()");
	mock_clear(m);
	gstub_report_stop(&m->g, &st);
	ok(strncmp(m->out, "$T02thread:1;", 13) == 0, "SIGINT stop reply");
	is_str(mock_feed_str(m, "\x03"), "", "0x03 after the stop: ignored");
	ok(m->interrupts == 2, "no interrupt after the stop");
	mock_fini(m);
}

int main(void)
{
	test_splits();
	test_acks();
	test_rle();
	test_overlong();
	test_noack();
	test_new_session_on_line();
	test_interrupt();
	return tap_done();
}
