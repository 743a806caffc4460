#!/bin/sh
# The engine (stub/) and the built-in descriptions (xml/) build for bare
# metal: for AArch64 with -ffreestanding -nostdlib, and for Cortex-M4 with
# arm-none-eabi-gcc -mthumb -mcpu=cortex-m4 -Os -ffreestanding, warning-free,
# and together they need nothing from outside but memcpy, memset, memmove
# and memcmp (no libc, no libgcc helpers). A build that leaves out the
# next-pc decoders of other architectures (GSTUB_CONFIG_NEXTPC_*) must not
# reference them. The smallest configuration (every GSTUB_CONFIG_* switch of
# gstub/config.h off) builds warning-free too, defines none of the left-out
# features' functions and reaches no next-pc decoder. Prints TAP; a missing
# cross compiler skips its checks.
#
# Environment: AARCH64_CC, ARM_EABI_CC (default: found on PATH), top_srcdir,
# and `sources`, the freestanding .c files relative to top_srcdir (default:
# the engine_sources, nextpc_sources and tdesc_sources lists of the build).
. "$(dirname "$0")/../unit/tap.sh"
top=${top_srcdir:-$(dirname "$0")/../..}
: "${AARCH64_CC:=$(command -v aarch64-linux-gnu-gcc || true)}"
: "${ARM_EABI_CC:=$(command -v arm-none-eabi-gcc || true)}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT

mk_list() { # FILE NAME: the .c entries of `NAME = \` ... in FILE
	awk -v name="$2" '
		$1 == name && $2 == "=" { on = 1; next }
		on { for (i = 1; i <= NF; i++) if ($i ~ /\.c$/) print $i
		     if ($NF != "\\") on = 0 }' "$top/$1"
}
if [ -z "${sources:-}" ]; then
	sources="$(mk_list stub/local.mk engine_sources) $(mk_list stub/nextpc.mk nextpc_sources) $(mk_list xml/local.mk tdesc_sources)"
fi
csources=""
for s in $sources; do
	case $s in *.c) csources="$csources $s" ;; esac
done

skip() { # COUNT REASON: COUNT skipped checks
	i=0
	while [ $i -lt "$1" ]; do
		i=$((i + 1))
		n=$((n + 1))
		echo "ok $n # SKIP $2"
	done
}

# Undefined symbols of the objects in DIR that none of them defines.
outside() {
	$NM -g --defined-only "$1"/*.o | awk 'NF == 3 { print $3 }' | sort -u >"$1.def"
	$NM -u "$1"/*.o | awk 'NF == 2 { print $2 }' | sort -u >"$1.und"
	comm -23 "$1.und" "$1.def"
}

# target NAME CC "FLAGS" "ONE-DECODER FLAGS" "DECODERS LEFT OUT"
target() {
	name=$1 cc=$2 flags=$3 one=$4 dropped=$5
	nfiles=0
	for s in $csources; do nfiles=$((nfiles + 1)); done
	if [ -z "$cc" ]; then
		skip $((nfiles + 2)) "$name: no cross compiler"
		return
	fi
	d="$tmp/$name"
	mkdir -p "$d"
	# the cross binutils next to the compiler, else the host's
	NM=${cc%gcc}nm
	command -v "$NM" >/dev/null 2>&1 || NM="nm"
	cflags="-std=gnu11 $flags -Wall -Wextra -Werror -I$top/include"
	for s in $csources; do
		o="$d/$(basename "$s" .c).o"
		# shellcheck disable=SC2086
		$cc $cflags -c "$top/$s" -o "$o" 2>"$tmp/err"
		ok $? "$name: $s compiles"
		sed 's/^/#   /' "$tmp/err"
	done
	bad=$(outside "$d" | grep -vx 'memcpy\|memset\|memmove\|memcmp' | tr '\n' ' ')
	[ -z "$bad" ]
	ok $? "$name: nothing needed from outside but mem*${bad:+ (also: $bad)}"

	# The engine's only caller of the decoders, with one decoder built.
	# shellcheck disable=SC2086
	if $cc $cflags $one -c "$top/stub/stepping.c" -o "$tmp/step1.o" 2>"$tmp/err"; then
		$NM -u "$tmp/step1.o" | awk '{ print $2 }' >"$tmp/step1.und"
		refs=""
		for f in $dropped; do
			grep -qx "$f" "$tmp/step1.und" && refs="$refs $f"
		done
		[ -z "$refs" ]
		ok $? "$name: $one leaves out $dropped${refs:+ (still used:$refs)}"
	else
		ok 1 "$name: stepping.c compiles with $one"
		sed 's/^/#   /' "$tmp/err"
	fi
}

# The smallest configuration, and what it must leave out: the handlers of
# the packets it drops, the packet log and the decoders (no engine stepping).
# (GSTUB_SMALLEST_CONFIG of stub/local.mk, as the build names it)
minimal=$(awk '/^GSTUB_SMALLEST_CONFIG =/ { on = 1; sub(/^[^=]*=/, "") }
	on { more = sub(/\\$/, ""); printf "%s ", $0; if (!more) exit }' \
	"$top/stub/local.mk")
left_out="gstub_cmd_monitor gstub_cmd_catch_syscalls gstub_cmd_xfer_threads \
gstub_cmd_thread_extra_info gstub_log_begin gstub_log_bytes \
gstub_catch_supported gstub_swbreak_insert gstub_swbreak_shadow_read \
gstub_cmd_vcont gstub_cmd_vcont_query"
decoders="gstub_nextpc_a64 gstub_nextpc_arm gstub_nextpc_armv7m"

# minimal NAME CC "FLAGS"
minimal() {
	name=$1 cc=$2 flags=$3
	if [ -z "$cc" ]; then
		skip 3 "$name minimal: no cross compiler"
		return
	fi
	d="$tmp/$name-minimal"
	mkdir -p "$d"
	NM=${cc%gcc}nm
	command -v "$NM" >/dev/null 2>&1 || NM="nm"
	cflags="-std=gnu11 $flags $minimal -Wall -Wextra -Werror -I$top/include"
	errs=""
	: >"$tmp/err"
	for s in $csources; do
		# shellcheck disable=SC2086
		$cc $cflags -c "$top/$s" -o "$d/$(basename "$s" .c).o" \
			2>>"$tmp/err" || errs="$errs $s"
	done
	[ -z "$errs" ]
	ok $? "$name minimal: every file compiles warning-free${errs:+ (not:$errs)}"
	sed 's/^/#   /' "$tmp/err"
	bad=$(outside "$d" | grep -vx 'memcpy\|memset\|memmove\|memcmp' | tr '\n' ' ')
	[ -z "$bad" ]
	ok $? "$name minimal: nothing needed from outside but mem*${bad:+ (also: $bad)}"
	$NM -g --defined-only "$d"/*.o | awk 'NF == 3 { print $3 }' >"$d.defs"
	$NM -u "$d"/*.o | awk 'NF == 2 { print $2 }' >"$d.uses"
	found=""
	for f in $left_out; do
		grep -qx "$f" "$d.defs" && found="$found $f"
	done
	for f in $decoders; do
		grep -qx "$f" "$d.uses" && found="$found $f"
	done
	[ -z "$found" ]
	ok $? "$name minimal: left-out features absent${found:+ (present:$found)}"
}

target aarch64 "$AARCH64_CC" "-ffreestanding -nostdlib -fno-stack-protector -Os" \
	"-DGSTUB_CONFIG_NEXTPC_ARM=0 -DGSTUB_CONFIG_NEXTPC_ARM_M=0" \
	"gstub_nextpc_arm gstub_nextpc_armv7m"
target cortex-m4 "$ARM_EABI_CC" "-mthumb -mcpu=cortex-m4 -Os -ffreestanding -nostdlib" \
	"-DGSTUB_CONFIG_NEXTPC_A64=0 -DGSTUB_CONFIG_NEXTPC_ARM=0" \
	"gstub_nextpc_a64 gstub_nextpc_arm"
minimal aarch64 "$AARCH64_CC" "-ffreestanding -nostdlib -fno-stack-protector -Os"
minimal cortex-m4 "$ARM_EABI_CC" "-mthumb -mcpu=cortex-m4 -Os -ffreestanding -nostdlib"
echo "1..$n"
exit $failed
