#!/bin/sh
# gstub's size on bare metal: what a firmware pays to link the engine.
#
#   sh bench/size.sh [WORKDIR]
#
# Builds a minimal firmware (static context and packet buffer, a target whose
# ops do nothing, gstub_init + gstub_feed + gstub_report_stop) for
#   aarch64  aarch64-linux-gnu-gcc -Os, AArch64 + SVE at 2048 bits
#   arm-m    arm-none-eabi-gcc -mthumb -mcpu=cortex-m4 -Os, M-profile + VFP D16
# three ways each: the default engine, with only the architecture's next-pc
# decoder, and the smallest configuration (every GSTUB_CONFIG_* switch of
# include/gstub/config.h off; the budget applies to this one: exit status 1
# while it is over),
# each with -ffreestanding -ffunction-sections -fdata-sections and linked
# with -nostdlib -Wl,--gc-sections (own mem*, libgcc), and prints:
#   - .text+.rodata of the linked image (size -A) and the engine's share,
#     file by file, biggest first (from the link map, after garbage
#     collection);
#   - RAM: sizeof(struct gstub) and sizeof(struct gstub_tdesc) as the cross
#     compiler lays them out;
#   - the smallest packet buffer gstub_init accepts per description, found by
#     bisection on the host and compared with 4 * g_size + 4.
# Compilers: $AARCH64_CC, $ARM_EABI_CC, $HOST_CC (default: found on PATH;
# a missing cross compiler skips its build). Extra flags for every cross
# compile (e.g. -DGSTUB_MAX_BREAKPOINTS=16): $SIZE_CFLAGS.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
mkdir -p "$work"
: "${AARCH64_CC:=$(command -v aarch64-linux-gnu-gcc || true)}"
: "${ARM_EABI_CC:=$(command -v arm-none-eabi-gcc || true)}"
: "${HOST_CC:=$(command -v cc || command -v gcc)}"
: "${SIZE_CFLAGS:=}"
budget=16384

# The freestanding sources, from the named lists the build itself uses.
mk_list() { # FILE NAME: the .c entries of `NAME = \` ... in FILE
	awk -v name="$2" '
		$1 == name && $2 == "=" { on = 1; next }
		on { for (i = 1; i <= NF; i++) if ($i ~ /\.c$/) print $i
		     if ($NF != "\\") on = 0 }' "$top/$1"
}
sources="$(mk_list stub/local.mk engine_sources)
$(mk_list stub/nextpc.mk nextpc_sources)
$(mk_list xml/local.mk tdesc_sources)"

# ---------------------------------------------------------------- firmware
cat >"$work/embed.c" <<'EOF'
/* The least a firmware does to carry gstub: one static context, one packet
 * buffer, one description, bytes in and stops out. */
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

static int read_reg(void *c, gstub_tid t, unsigned r, void *b, size_t n)
{ (void)c; (void)t; (void)r; (void)b; (void)n; return GSTUB_ENODATA; }
static int write_reg(void *c, gstub_tid t, unsigned r, const void *b, size_t n)
{ (void)c; (void)t; (void)r; (void)b; (void)n; return 0; }
static int read_mem(void *c, uint64_t a, void *b, size_t n)
{ (void)c; (void)a; (void)b; (void)n; return GSTUB_EFAULT; }
static int write_mem(void *c, uint64_t a, const void *b, size_t n)
{ (void)c; (void)a; (void)b; (void)n; return GSTUB_EFAULT; }
static int resume(void *c, const struct gstub_resume_action *a, size_t n)
{ (void)c; (void)a; (void)n; return 0; }
static void interrupt(void *c) { (void)c; }
static void uart_write(void *c, const void *d, size_t n)
{ (void)c; (void)d; (void)n; }

static const struct gstub_target_ops ops = {
	.version = GSTUB_TARGET_OPS_VERSION,
	.flags = GSTUB_TARGET_CAN_STEP,
	.read_reg = read_reg, .write_reg = write_reg,
	.read_mem = read_mem, .write_mem = write_mem,
	.resume = resume, .interrupt = interrupt,
};

static struct gstub stub;
static struct gstub_tdesc td;
static uint8_t packet_buf[EMBED_PACKET_BUF];
volatile uint8_t uart_rx; /* stands for the UART data register */

int embed_main(void);
int embed_main(void)
{
	struct gstub_config cfg = {
		.ops = &ops, .tdesc = &td, .write = uart_write,
		.packet_buf = packet_buf, .packet_buf_size = sizeof packet_buf,
	};
	struct gstub_stop stop = { .reason = GSTUB_STOP_SIGNAL,
				   .tid = 1, .signal = GSTUB_SIGTRAP };
#ifdef EMBED_AARCH64
	struct gstub_aarch64_config a = { .sve_vq = 16 };
	if (gstub_tdesc_aarch64(&td, &a))
		return 1;
#else
	struct gstub_arm_config a = { .fp = GSTUB_ARM_FP_VFPV3_D16,
				      .m_profile = true };
	if (gstub_tdesc_arm(&td, &a))
		return 1;
#endif
	if (gstub_init(&stub, &cfg))
		return 1;
	for (;;) {
		uint8_t c = uart_rx;
		gstub_feed(&stub, &c, 1);
		if (c == 0x03)
			gstub_report_stop(&stub, &stop);
	}
}
EOF

# The C library part a firmware brings anyway; counted on its own.
cat >"$work/memfuncs.c" <<'EOF'
#include <stddef.h>
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memcpy(void *d, const void *s, size_t n)
{ unsigned char *o = d; const unsigned char *i = s; while (n--) *o++ = *i++; return d; }
void *memmove(void *d, const void *s, size_t n)
{ unsigned char *o = d; const unsigned char *i = s;
  if (o < i) while (n--) *o++ = *i++; else while (n--) o[n] = i[n]; return d; }
void *memset(void *d, int c, size_t n)
{ unsigned char *o = d; while (n--) *o++ = (unsigned char)c; return d; }
int memcmp(const void *a, const void *b, size_t n)
{ const unsigned char *x = a, *y = b;
  for (; n; n--, x++, y++)
    if (*x != *y)
      return *x - *y;
  return 0; }
EOF

# The context as the target lays it out: the size of an array is sizeof.
cat >"$work/ram.c" <<'EOF'
#include <gstub/gstub.h>
#include <gstub/tdesc.h>
char size_of_struct_gstub[sizeof(struct gstub)];
char size_of_struct_gstub_tdesc[sizeof(struct gstub_tdesc)];
EOF

# ------------------------------------------------------ host: packet buffer
cat >"$work/minbuf.c" <<'EOF'
/* The smallest packet buffer gstub_init takes, by bisection, next to the
 * rule the engine documents: two halves of 2 * g_size + 2 bytes each (the
 * `g` reply in hex; the `G` packet and its NUL), at least 256 each. */
#include <stdio.h>
#include <stdlib.h>
#include <gstub/gstub.h>
#include <gstub/tdesc.h>

static int rr(void *c, gstub_tid t, unsigned r, void *b, size_t n)
{ (void)c; (void)t; (void)r; (void)b; (void)n; return 0; }
static int wr(void *c, gstub_tid t, unsigned r, const void *b, size_t n)
{ (void)c; (void)t; (void)r; (void)b; (void)n; return 0; }
static int rm(void *c, uint64_t a, void *b, size_t n)
{ (void)c; (void)a; (void)b; (void)n; return 0; }
static int wm(void *c, uint64_t a, const void *b, size_t n)
{ (void)c; (void)a; (void)b; (void)n; return 0; }
static int rs(void *c, const struct gstub_resume_action *a, size_t n)
{ (void)c; (void)a; (void)n; return 0; }
static void in(void *c) { (void)c; }
static void wf(void *c, const void *d, size_t n) { (void)c; (void)d; (void)n; }
static const struct gstub_target_ops ops = {
	GSTUB_TARGET_OPS_VERSION, 0, rr, wr, rm, wm, rs, in,
	.kill = NULL,
};
static struct gstub g;
static uint8_t buf[1 << 20];

static int fits(const struct gstub_tdesc *td, size_t size)
{
	struct gstub_config cfg = { .ops = &ops, .tdesc = td, .write = wf,
				    .packet_buf = buf, .packet_buf_size = size };
	int err = gstub_init(&g, &cfg);
	if (err && err != GSTUB_ENOMEM) {
		fprintf(stderr, "gstub_init: %s\n", gstub_strerror(err));
		exit(1);
	}
	return err == 0;
}

static int show(const char *name, const struct gstub_tdesc *td)
{
	size_t lo = 1, hi = sizeof buf, rule;
	if (!fits(td, hi))
		return 1;
	while (lo < hi) { /* smallest size that fits */
		size_t mid = lo + (hi - lo) / 2;
		if (fits(td, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	rule = 2 * (size_t)td->g_size + 2;
	if (rule < 256)
		rule = 256;
	rule *= 2;
	printf("| %s | %u | %u | %zu | %zu | %s |\n", name, (unsigned)td->nregs,
	       (unsigned)td->g_size, lo, rule, lo == rule ? "yes" : "NO");
	return lo != rule;
}

int main(void)
{
	static struct gstub_tdesc td;
	static const unsigned vqs[] = { 1, 2, 4, 8, 16 };
	char name[64];
	int bad = 0;
	size_t i;

	printf("| description | registers | g bytes | bisection | rule | agree |\n");
	printf("|---|---:|---:|---:|---:|---|\n");
	for (i = 0; i < sizeof vqs / sizeof vqs[0]; i++) {
		struct gstub_aarch64_config a = { .sve_vq = vqs[i] };
		snprintf(name, sizeof name, "aarch64 SVE %u bits", 128 * vqs[i]);
		bad |= gstub_tdesc_aarch64(&td, &a) || show(name, &td);
	}
	{
		struct gstub_aarch64_config a = { .sve_vq = 16, .pauth = true,
			.mte = true, .tls = true, .tpidr2 = true };
		bad |= gstub_tdesc_aarch64(&td, &a) ||
		       show("aarch64 SVE 2048 + pauth, mte, tls", &td);
	}
	{
		struct gstub_arm_config a = { .m_profile = true };
		bad |= gstub_tdesc_arm(&td, &a) || show("arm-m (no FP)", &td);
	}
	{
		struct gstub_arm_config a = { .fp = GSTUB_ARM_FP_VFPV3_D16,
					      .m_profile = true };
		bad |= gstub_tdesc_arm(&td, &a) ||
		       show("arm-m + VFP D16 (Cortex-M4F)", &td);
	}
	return bad;
}
EOF

# --------------------------------------------------------------- measuring
# Per-file .text+.rodata kept in the image, biggest first, from the link
# map (input sections listed after "Linker script and memory map").
per_file() { # MAP
	awk '
		function hex(s,  i, v) {
			v = 0; s = tolower(s); sub(/^0x/, "", s)
			for (i = 1; i <= length(s); i++)
				v = v * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
			return v
		}
		/^Linker script and memory map/ { on = 1; next }
		!on { next }
		/^ \.(text|rodata)/ {
			if (NF >= 4) { sz = $3; f = $4 }
			else { getline; sz = $2; f = $3 }
			if (f == "") next
			sub(/.*\//, "", f); sub(/\(.*$/, "", f)
			bytes[f] += hex(sz)
		}
		END { for (f in bytes) if (bytes[f]) printf "%d %s\n", bytes[f], f }
	' "$1" | sort -rn
}

sym_size() { # NM OBJECT SYMBOL: the symbol's size in bytes
	printf '%d\n' "0x$("$1" -S "$2" | awk -v s="$3" '$4 == s { print $2 }')"
}

build() { # NAME CC FLAGS...
	name=$1 cc=$2
	shift 2
	d="$work/$name"
	mkdir -p "$d/obj"
	cflags="-std=gnu11 -ffreestanding -fno-builtin -fno-stack-protector \
-fno-asynchronous-unwind-tables -fno-unwind-tables -fno-pie \
-ffunction-sections -fdata-sections -Wall -Wextra -I$top/include $* $SIZE_CFLAGS"
	objs=""
	for src in $sources; do
		o="$d/obj/$(basename "$src" .c).o"
		$cc $cflags -c "$top/$src" -o "$o" || return 1
		objs="$objs $o"
	done
	case $name in aarch64*) def=-DEMBED_AARCH64 ;; *) def= ;; esac
	# 4 * g_size + 4 for the description linked (minbuf shows the rule)
	case $name in
	aarch64*) row=" aarch64 SVE 2048 bits " ;;
	*) row=" arm-m + VFP D16 (Cortex-M4F) " ;;
	esac
	buf=$(awk -F'|' -v row="$row" '$2 == row { print $5 + 0 }' "$work/minbuf.txt")
	$cc $cflags $def -DEMBED_PACKET_BUF="$buf" -c "$work/embed.c" -o "$d/embed.o" || return 1
	# never link-time optimised: calls to mem* appear only after LTO
	$cc $cflags -fno-lto -fno-tree-loop-distribute-patterns -c "$work/memfuncs.c" \
		-o "$d/memfuncs.o" || return 1
	$cc $cflags -fno-lto -c "$work/ram.c" -o "$d/ram.o" || return 1
	$cc $cflags -nostdlib -static -no-pie -Wl,--gc-sections -Wl,-e,embed_main \
		-Wl,--build-id=none -Wl,-Map,"$d/fw.map" \
		"$d/embed.o" $objs "$d/memfuncs.o" -lgcc -o "$d/fw.elf" || return 1
	size=${cc%gcc}size
	nm=${cc%gcc}nm
	"$size" -A "$d/fw.elf" >"$d/size-A.txt"
	image=$(awk '$1 ~ /^\.(text|rodata)/ { s += $2 } END { print s }' "$d/size-A.txt")
	data=$(awk '$1 ~ /^\.(data|bss)/ { s += $2 } END { print s + 0 }' "$d/size-A.txt")
	per_file "$d/fw.map" >"$d/per-file.txt"
	# The engine: the image less the harness, mem* and libgcc. (The map's
	# per-file numbers count string sections before the linker merges
	# duplicates, so their sum may exceed the image slightly.)
	others=$(awk '$2 == "embed.o" || $2 == "memfuncs.o" || $2 ~ /^lib/ \
		{ s += $1 } END { print s + 0 }' "$d/per-file.txt")
	engine=$((image - others))
	gstub_ram=$(sym_size "$nm" "$d/ram.o" size_of_struct_gstub)
	td_ram=$(sym_size "$nm" "$d/ram.o" size_of_struct_gstub_tdesc)
	verdict=within
	[ "$engine" -le $budget ] || verdict=OVER
	echo
	echo "### $name: $cc $*"
	echo
	echo "- image .text+.rodata (size -A): $image bytes; .data+.bss: $data bytes"
	echo "- engine (stub/ + xml/) .text+.rodata: $engine bytes ($verdict the $budget-byte budget); harness, mem* and libgcc: $others"
	echo "- RAM: sizeof(struct gstub) = $gstub_ram, sizeof(struct gstub_tdesc) = $td_ram, packet buffer = $buf"
	echo
	echo "| bytes | file |"
	echo "|---:|---|"
	awk '{ printf "| %d | %s |\n", $1, $2 }' "$d/per-file.txt"
	[ "$verdict" = within ]
}

echo "## Minimum packet buffer (host, gstub_init bisection vs rule)"
echo
srcs_abs=$(for s in $sources; do printf '%s ' "$top/$s"; done)
$HOST_CC -std=gnu11 -O1 -I"$top/include" "$work/minbuf.c" $srcs_abs -o "$work/minbuf"
"$work/minbuf" | tee "$work/minbuf.txt"

status=0
# The smallest configuration (include/gstub/config.h): every switch off,
# as the build names it (GSTUB_SMALLEST_CONFIG in stub/local.mk); the
# harness's target steps itself (GSTUB_TARGET_CAN_STEP).
minimal=$(awk '/^GSTUB_SMALLEST_CONFIG =/ { on = 1; sub(/^[^=]*=/, "") }
	on { more = sub(/\\$/, ""); printf "%s ", $0; if (!more) exit }' \
	"$top/stub/local.mk")
# Each build as every embedder gets it by default, then with only the
# next-pc decoder its architecture needs (GSTUB_CONFIG_NEXTPC_*), then the
# smallest configuration (the budget is for this one; the others are
# reported, and over budget without failing the script).
if [ -n "$AARCH64_CC" ]; then
	build aarch64 "$AARCH64_CC" -Os || true
	build aarch64-one-decoder "$AARCH64_CC" -Os \
		-DGSTUB_CONFIG_NEXTPC_ARM=0 -DGSTUB_CONFIG_NEXTPC_ARM_M=0 || true
	# shellcheck disable=SC2086
	build aarch64-minimal "$AARCH64_CC" -Os $minimal || status=1
else
	echo "aarch64: skipped (no aarch64-linux-gnu-gcc)"
fi
if [ -n "$ARM_EABI_CC" ]; then
	build arm-m "$ARM_EABI_CC" -mthumb -mcpu=cortex-m4 -Os || true
	build arm-m-one-decoder "$ARM_EABI_CC" -mthumb -mcpu=cortex-m4 -Os \
		-DGSTUB_CONFIG_NEXTPC_A64=0 -DGSTUB_CONFIG_NEXTPC_ARM=0 || true
	# shellcheck disable=SC2086
	build arm-m-minimal "$ARM_EABI_CC" -mthumb -mcpu=cortex-m4 -Os \
		$minimal || status=1
else
	echo "arm-m: skipped (no arm-none-eabi-gcc)"
fi
exit $status
