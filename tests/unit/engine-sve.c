/*
 * SVE vector-length policies: bytes past the current length are zero on
 * the wire and dropped on writes; vg is expedited in every stop reply;
 * under GSTUB_SVE_CURRENT the served description (sizes, `g`, target.xml)
 * switches only at a stop or when gdb starts reading target.xml.
 */
#include <stdio.h>
#include <string.h>

#include "mock-target.h"
#include "tap.h"

static struct mock_target mt;

#define Z0 0x22
#define P0 0x44
#define FFR 0x54
#define VG 0x55

/* What a p reply must be: the stored bytes that are live, then zeros. */
static const char *expect(struct mock_target *m, unsigned regnum,
			  size_t live, size_t size)
{
	static char buf[1024];
	const struct gstub_tdesc_reg *r = gstub_tdesc_find(&m->store_td, regnum);
	size_t i;

	for (i = 0; i < size; i++)
		snprintf(buf + 2 * i, 3, "%02x",
			 i < live ? m->regs[r->offset + i] : 0);
	buf[2 * size] = 0;
	return buf;
}

static const char *preg(struct mock_target *m, unsigned regnum)
{
	char pkt[16];

	snprintf(pkt, sizeof pkt, "p%x", regnum);
	return mock_reply(m, pkt);
}

/* A stop after `c`, as the target reports it. */
static const char *stop_after_continue(struct mock_target *m)
{
	struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };
	static char r[4096];
	const char *o;
	size_t n;

	mock_packet(m, "c");
	m->out_len = 0;
	gstub_report_stop(&m->g, &st);
	o = m->out;
	n = strlen(o);
	if (n < 4 || o[0] != '$')
		return "(none)";
	memcpy(r, o + 1, n - 4);
	r[n - 4] = 0;
	m->out_len = 0;
	return r;
}

/* g_size of the description at vq (pauth, as the mock builds it). */
static size_t g_size_at(unsigned vq)
{
	static struct gstub_tdesc td;
	struct gstub_aarch64_config c = { .sve_vq = vq, .pauth = true };

	return gstub_tdesc_aarch64(&td, &c) == 0 ? td.g_size : 0;
}

/* target.xml as the engine serves it now, read in one window. */
static const char *served_xml(struct mock_target *m)
{
	return mock_reply(m, "qXfer:features:read:target.xml:0,ffff");
}

static bool xml_has_vq(const char *xml, unsigned vq)
{
	char want[64];

	snprintf(want, sizeof want, "<vector id=\"svevqu\" type=\"uint128\" count=\"%u\"/>", vq);
	return strstr(xml, want) != NULL;
}

static void test_max_policy(void)
{
	struct mock_target *m = &mt;
	char pkt[1100], want[64];
	const char *r;
	size_t i;

	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_MAX, 0, 65536) == 0,
	   "max: init, description at vq 4");
	r = preg(m, Z0);
	ok(strlen(r) == 128 && strcmp(r, expect(m, Z0, 64, 64)) == 0,
	   "max, vq 4: z0 is 64 bytes as stored");
	r = preg(m, VG);
	ok(strcmp(r, "0800000000000000") == 0, "max, vq 4: vg 8");

	m->sve_vq = 2;
	r = preg(m, Z0);
	ok(strlen(r) == 128 && strcmp(r, expect(m, Z0, 32, 64)) == 0,
	   "max, vq 2: z0 still 64 bytes, the top 32 zero (not the target's junk)");
	ok(m->last_reg_size == 64, "max: the target is asked for the full size");
	r = preg(m, P0);
	ok(strcmp(r, expect(m, P0, 4, 8)) == 0, "max, vq 2: p0 8 bytes, top 4 zero");
	r = preg(m, P0 + 15);
	ok(strcmp(r, expect(m, P0 + 15, 4, 8)) == 0, "max, vq 2: p15 too");
	r = preg(m, FFR);
	ok(strcmp(r, expect(m, FFR, 4, 8)) == 0, "max, vq 2: ffr too");
	r = preg(m, Z0 + 31);
	ok(strcmp(r, expect(m, Z0 + 31, 32, 64)) == 0, "max, vq 2: z31 too");
	r = preg(m, 0x42);
	ok(strlen(r) == 8 && strcmp(r, expect(m, 0x42, 4, 4)) == 0,
	   "max: fpsr is not scalable");
	r = preg(m, VG);
	ok(strcmp(r, "0400000000000000") == 0, "max, vq 2: vg 4, the current length");

	r = mock_reply(m, "g");
	ok(strlen(r) == 2 * g_size_at(4), "max, vq 2: g keeps the vq 4 size");
	{
		const struct gstub_tdesc_reg *z5 = gstub_tdesc_find(&m->td, Z0 + 5);
		const struct gstub_tdesc_reg *p3 = gstub_tdesc_find(&m->td, P0 + 3);

		ok(strlen(r) > 2 * (z5->offset + 64) &&
		   strncmp(r + 2 * z5->offset, expect(m, Z0 + 5, 32, 64), 128) == 0,
		   "max, vq 2: z5 in g: zeros past the length");
		ok(strncmp(r + 2 * p3->offset, expect(m, P0 + 3, 4, 8), 16) == 0,
		   "max, vq 2: p3 in g: zeros past the length");
	}

	/* writes: bytes past the current length are dropped, not refused */
	strcpy(pkt, "P22=");
	for (i = 0; i < 64; i++)
		snprintf(pkt + 4 + 2 * i, 3, "%02x", (unsigned)(0xa0 + i));
	m->wrote_past_length = false;
	ok(strcmp(mock_reply(m, pkt), "OK") == 0, "max, vq 2: P z0 at 64 bytes -> OK");
	ok(!m->wrote_past_length, "max: the bytes past the length reached the target as zero");
	r = preg(m, Z0);
	ok(strncmp(r, "a0a1a2", 6) == 0 && strcmp(r + 64, expect(m, Z0, 0, 32)) == 0,
	   "max: the live bytes were written");
	r = mock_reply(m, "g");
	{
		static char gpkt[40000];
		size_t n = strlen(r);

		gpkt[0] = 'G';
		for (i = 0; i < n; i++)
			gpkt[1 + i] = 'f';
		gpkt[1 + n] = 0;
		m->wrote_past_length = false;
		ok(strcmp(mock_reply(m, gpkt), "OK") == 0, "max: G with every byte ff -> OK");
		ok(!m->wrote_past_length, "max: G dropped the bytes past the length");
		r = preg(m, Z0);
		ok(strcmp(r + 64, expect(m, Z0, 0, 32)) == 0 &&
		   strncmp(r, "ffffffff", 8) == 0, "max: G wrote the live bytes");
	}

	/* vg in every stop reply */
	r = mock_reply(m, "?");
	ok(strstr(r, ";55:0400000000000000;") != NULL, "max: ? expedites vg");
	r = stop_after_continue(m);
	snprintf(want, sizeof want, ";55:0400000000000000;");
	ok(strstr(r, want) != NULL, "max: a stop reply expedites vg: %s", r);
	m->sve_vq = 3;
	r = stop_after_continue(m);
	ok(strstr(r, ";55:0600000000000000;") != NULL, "max: vg follows the length");
	r = preg(m, Z0);
	ok(strlen(r) == 128, "max: the stop changed no size");

	/* a length above the description's is taken as the description's */
	m->sve_vq = 9;
	r = preg(m, Z0);
	ok(strcmp(r, expect(m, Z0, 64, 64)) == 0,
	   "max: current vq above the description: all 64 bytes live");
	/* unknown length: the description's size, as the target fills it */
	m->sve_vq = 0;
	{
		int calls = m->vq_calls;

		r = preg(m, Z0);
		ok(m->vq_calls == calls + 1, "max: p z0 asks for the length once");
	}
	mock_fini(m);

	/* without SVE ops: no length known, vg still expedited */
	ok(mock_init_sve(m, 2, 1, GSTUB_SVE_MAX, 0, 65536) == 0, "max without sve ops");
	m->ops.sve = NULL;
	r = preg(m, Z0);
	ok(strlen(r) == 64 && strstr(r, "eeee") != NULL,
	   "no sve ops: the target's bytes are sent as they are");
	r = mock_reply(m, "?");
	ok(strstr(r, ";55:0200000000000000;") != NULL, "no sve ops: vg is still expedited");
	mock_fini(m);

	/* a version 1 table has no sve member: never read */
	ok(mock_init_sve(m, 2, 1, GSTUB_SVE_MAX, 0, 65536) == 0, "version 1 ops");
	m->ops.version = 1;
	ok(gstub_init(&m->g, &m->cfg) == 0, "version 1 ops table accepted");
	r = preg(m, Z0);
	ok(m->vq_calls == 0 && strlen(r) == 64, "version 1: sve ops not used");
	m->ops.version = GSTUB_TARGET_OPS_VERSION + 1;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EINVAL, "ops from a newer header -> EINVAL");
	mock_fini(m);

	/* no SVE in the description: no vg */
	mock_init(m, MOCK_AARCH64, 4096, false, false, true);
	r = mock_reply(m, "?");
	ok(strstr(r, ";55:") == NULL, "no SVE: no vg in the stop reply");
	mock_fini(m);
}

static void test_init_errors(void)
{
	struct mock_target *m = &mt;

	ok(mock_init_sve(m, 4, 4, (enum gstub_sve_policy)7, 0, 65536) ==
	   GSTUB_EINVAL, "unknown policy -> EINVAL");
	mock_fini(m);
	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 17, 65536) == GSTUB_EINVAL,
	   "current: max vq 17 -> EINVAL");
	mock_fini(m);
	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 3, 65536) == GSTUB_EINVAL,
	   "current: description above max vq -> EINVAL");
	mock_fini(m);
	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 16, 4 * g_size_at(15) + 8) ==
	   GSTUB_ENOMEM, "current: buffer too small for vq 16 -> ENOMEM");
	mock_fini(m);
	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 15, 4 * g_size_at(15) + 8) == 0,
	   "current: the same buffer holds vq 15");
	mock_fini(m);

	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 8, 65536) == 0, "current: init");
	ok(m->describe_calls == 8, "current: init checked every vq 1..8");
	m->cfg.sve_describe = NULL;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EINVAL, "current without describe -> EINVAL");
	m->cfg = mt.cfg;
	mock_fini(m);
	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 8, 65536) == 0, "current: init");
	m->cfg.sve_tdesc_buf = NULL;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EINVAL, "current without a buffer -> EINVAL");
	m->cfg.sve_tdesc_buf = &m->td;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EINVAL,
	   "current with tdesc as its own buffer -> EINVAL");
	m->cfg.sve_tdesc_buf = &m->spare_td;
	m->ops.sve = NULL;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EINVAL, "current without sve ops -> EINVAL");
	m->ops.sve = &m->sve_ops;
	m->describe_fail_vq = 3;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EIO, "current: describe failing at vq 3 -> its error");
	m->describe_fail_vq = 0;
	m->sve_cfg.sve_vq = 0;
	m->cfg.sve_describe = NULL;
	ok(gstub_init(&m->g, &m->cfg) == GSTUB_EINVAL, "current: still EINVAL");
	mock_fini(m);

	/* a policy means nothing without SVE in the description */
	ok(mock_init(m, MOCK_AARCH64, 4096, false, false, true) == 0, "no SVE");
	m->cfg.sve_policy = GSTUB_SVE_CURRENT;
	ok(gstub_init(&m->g, &m->cfg) == 0, "no SVE: current needs nothing");
	mock_fini(m);
}

static void test_current_policy(void)
{
	struct mock_target *m = &mt;
	static char xml4[16384];
	char pkt[300];
	const char *r;
	size_t i;
	int calls;

	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 8, 65536) == 0,
	   "current: init at vq 4, max 8");
	strcpy(xml4, served_xml(m));
	ok(xml_has_vq(xml4 + 1, 4), "current: target.xml at vq 4");
	ok(strlen(preg(m, Z0)) == 128, "current, vq 4: z0 64 bytes");

	/* the length changes while stopped: nothing changes size until a stop */
	m->sve_vq = 2;
	r = preg(m, Z0);
	ok(strlen(r) == 128 && strcmp(r, expect(m, Z0, 32, 64)) == 0,
	   "current: shrunk while stopped: z0 still as served (64 bytes), zeros past vq 2");
	ok(strlen(mock_reply(m, "g")) == 2 * g_size_at(4), "current: g still at vq 4");
	mock_fini(m);

	ok(mock_init_sve(m, 4, 4, GSTUB_SVE_CURRENT, 8, 65536) == 0, "current: init again");
	m->sve_vq = 2;
	r = mock_reply(m, "qXfer:features:read:target.xml:10,20");
	ok(r[0] == 'm' && strlen(preg(m, Z0)) == 128,
	   "current: a read of target.xml past offset 0 does not switch");

	r = stop_after_continue(m);
	ok(strstr(r, ";55:0400000000000000;") != NULL, "current: the stop expedites vg 4: %s", r);
	r = preg(m, Z0);
	ok(strlen(r) == 64 && strcmp(r, expect(m, Z0, 32, 32)) == 0,
	   "current: after the stop z0 is 32 bytes");
	ok(strlen(preg(m, P0)) == 8 && strlen(preg(m, FFR)) == 8,
	   "current: p0 and ffr 4 bytes");
	ok(strlen(mock_reply(m, "g")) == 2 * g_size_at(2), "current: g is the vq 2 size");
	ok(xml_has_vq(served_xml(m) + 1, 2), "current: target.xml now at vq 2");
	ok(m->g.td == &m->spare_td, "current: served from the caller's buffer");

	/* P at the served size only */
	strcpy(pkt, "P22=");
	for (i = 0; i < 32; i++)
		snprintf(pkt + 4 + 2 * i, 3, "%02x", (unsigned)(0x10 + i));
	ok(strcmp(mock_reply(m, pkt), "OK") == 0, "current: P z0 at 32 bytes -> OK");
	ok(strncmp(preg(m, Z0), "101112", 6) == 0, "current: written");
	strcpy(pkt + 4 + 64, "0000");
	ok(strcmp(mock_reply(m, pkt), "E22") == 0, "current: P z0 at 34 bytes -> E22");

	/* growing while stopped: the served size holds, truncated */
	m->sve_vq = 8;
	r = preg(m, Z0);
	ok(strlen(r) == 64 && m->last_reg_size == 32,
	   "current: grown while stopped: z0 stays 32 bytes until the stop");
	r = mock_reply(m, "?");
	ok(strstr(r, ";55:1000000000000000;") != NULL, "current: ? is a stop reply: vg 16");
	ok(strlen(preg(m, Z0)) == 256, "current: now z0 is 128 bytes");
	ok(strlen(mock_reply(m, "g")) == 2 * g_size_at(8), "current: g at vq 8");

	/* above max_vq: clamped */
	m->sve_vq = 12;
	r = stop_after_continue(m);
	ok(strstr(r, ";55:1800000000000000;") != NULL,
	   "current: vg is what the target reads, even past max_vq");
	ok(strlen(preg(m, Z0)) == 256, "current: vq 12 above max 8 is served as 8");

	/* back to the first length: cfg.tdesc again */
	m->sve_vq = 4;
	stop_after_continue(m);
	ok(m->g.td == &m->td && strcmp(served_xml(m), xml4) == 0,
	   "current: back at vq 4 the first description is served");

	/* gdb connecting anew reads target.xml first: it gets the length now */
	gstub_reset_connection(&m->g);
	m->sve_vq = 3;
	ok(xml_has_vq(served_xml(m) + 1, 3), "current: a new connection's target.xml is at vq 3");
	ok(strlen(preg(m, Z0)) == 96, "current: and z0 is 48 bytes");
	ok(strlen(mock_reply(m, "g")) == 2 * g_size_at(3), "current: g at vq 3");

	/* the target running: no length is asked for */
	mock_packet(m, "c");
	calls = m->vq_calls;
	m->sve_vq = 5;
	r = served_xml(m);
	ok(m->vq_calls == calls && xml_has_vq(r + 1, 3),
	   "current: target.xml while running: no switch, no call");
	{
		struct gstub_stop st = { GSTUB_STOP_SIGNAL, 1, GSTUB_SIGTRAP, 0, 0, 0 };

		gstub_report_stop(&m->g, &st);
	}
	ok(strlen(preg(m, Z0)) == 160, "current: the stop switched to vq 5");

	/* describe failing later: the first description is served */
	m->describe_fail_vq = 6;
	m->sve_vq = 6;
	mock_clear(m);
	gstub_set_log_enabled(&m->g, true);
	r = stop_after_continue(m);
	ok(strlen(preg(m, Z0)) == 128 && m->g.td == &m->td,
	   "current: describe failing at a stop: back to the first description");
	ok(strstr(m->log, "SVE: no description") != NULL, "current: and the log says so");
	ok(strstr(r, ";55:0c00000000000000;") != NULL, "current: vg still says 12");
	mock_fini(m);
}

int main(void)
{
	test_max_policy();
	test_init_errors();
	test_current_policy();
	return tap_done();
}
