#!/bin/sh
# AArch64 SVE descriptions as gdb 13 reads them, for every vector length
# (vq 1..16) with and without pauth:
#   - `set tdesc filename` on gstub-tdesc's XML: gdb's remote register map
#     (numbers, names, g offsets, sizes) and types are gstub's, and
#     sizeof($z0) = 16*vq, sizeof($p0) = sizeof($ffr) = 2*vq, the views of
#     z0 (ptype $z0.b.u, .h.f, .s.f, .d.f, .q.u) and p0 have vq-scaled
#     element counts, gdb's v0 view is 16 bytes (gdb prints a vector's element count as its
#     "vector_size"), vg is a 64-bit integer, gdb says nothing on stderr;
#   - live, against tests/unit/sve-gdb-server (GSTUB_SVE_CURRENT), one
#     connection per vq: `p $vg` = 2*vq with those sizes.
# All of one kind run in one gdb. Prints TAP; skips without gdb-multiarch.

here=$(cd "$(dirname "$0")" && pwd)
tool=./tools/gstub-tdesc
server=./tests/unit/sve-gdb-server
GDB=${GDB:-$(command -v gdb-multiarch || true)}

if [ -z "$GDB" ]; then
	echo "1..0 # SKIP gdb-multiarch not found"
	exit 0
fi
if [ ! -x "$tool" ]; then
	echo "1..0 # SKIP $tool not built"
	exit 0
fi
tmp=$(mktemp -d ./tdesc-gdb-sve.XXXXXX) || exit 1
pid=
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
. "$here/tdesc-gdb-lib.sh"

# ------------------------------------------- every vq, from the XML
set --
for pauth in "" --pauth; do
	vq=1
	while [ $vq -le 16 ]; do
		tag=vq$vq${pauth:+-pauth}
		"$tool" aarch64 --sve-vl=$((128 * vq)) $pauth --xml >"$tmp/$tag.xml" &&
		"$tool" aarch64 --sve-vl=$((128 * vq)) $pauth --layout >"$tmp/$tag.layout" || {
			echo "Bail out! gstub-tdesc failed for $tag"; exit 1; }
		set -- "$@" -ex "echo @@ $tag\\n" \
			-ex "set tdesc filename $tmp/$tag.xml" \
			-ex 'maint print remote-registers' \
			-ex 'p sizeof($z0)' -ex 'p sizeof($z31)' -ex 'p sizeof($p0)' \
			-ex 'p sizeof($ffr)' -ex 'p sizeof($vg)' \
			-ex 'whatis $z0' -ex 'ptype $z0.b.u' -ex 'ptype $z0.h.f' \
			-ex 'ptype $z0.s.f' -ex 'ptype $z0.d.f' -ex 'ptype $z0.q.u' \
			-ex 'ptype $p0' -ex 'ptype $vg' -ex 'p sizeof($v0)' \
			-ex 'p sizeof($pauth_dmask)'
		vq=$((vq + 1))
	done
done
"$GDB" -nx -batch "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/err" ]
ok $? "gdb read 32 SVE descriptions without a complaint"
sed 's/^/#   /' "$tmp/err" | head -n 5
split_sections "$tmp/out"

for pauth in "" --pauth; do
	vq=1
	while [ $vq -le 16 ]; do
		tag=vq$vq${pauth:+-pauth}
		check_map "$tmp/$tag.layout" "$tmp/sec.$tag" "$tag"
		z=$((16 * vq)) p=$((2 * vq))
		pa=1
		[ -n "$pauth" ] && pa=8 # sizeof of an unknown $name is 1 (void)
		grep '^\$\|^type = ' "$tmp/sec.$tag" | sed 's/^\$[0-9]* = //' >"$tmp/vals"
		cat >"$tmp/expect" <<EOF
$z
$z
$p
$p
8
type = union svev
type = uint8_t __attribute__ ((vector_size($z)))
type = builtin_type_ieee_half __attribute__ ((vector_size($((z / 2)))))
type = builtin_type_ieee_single __attribute__ ((vector_size($((z / 4)))))
type = builtin_type_ieee_double __attribute__ ((vector_size($((z / 8)))))
type = uint128_t __attribute__ ((vector_size($((z / 16)))))
type = uint8_t __attribute__ ((vector_size($p)))
type = long
16
$pa
EOF
		if cmp -s "$tmp/expect" "$tmp/vals"; then
			ok 0 "$tag: sizeof z0/z31 $z, p0/ffr $p, vg 8; z0 views and p0 scale with vq; v0 (gdb's view of z0) 16"
		else
			ok 1 "$tag: sizes and types of z0, p0, ffr, vg"
			diff "$tmp/expect" "$tmp/vals" | head -8 | sed 's/^/#   /'
		fi
		vq=$((vq + 1))
	done
done

# --------------------------------------- live: p $vg at every vq
if [ ! -x "$server" ]; then
	n=$((n + 1))
	echo "ok $n # SKIP $server not built: no live vg check"
else
	for pauth in "" pauth; do
		"$server" :0 current 16 1 $pauth 2>"$tmp/server.err" &
		pid=$!
		port=
		w=0
		while [ -z "$port" ] && [ $w -lt 100 ]; do
			sleep 0.1
			port=$(sed -n 's/^Listening on port \([0-9]*\)$/\1/p' "$tmp/server.err")
			w=$((w + 1))
		done
		set -- -ex "target remote 127.0.0.1:$port"
		vq=1
		while [ $vq -le 16 ]; do
			set -- "$@" -ex "monitor set vq $vq" -ex disconnect \
				-ex "target remote 127.0.0.1:$port" \
				-ex "echo @@ live$vq\\n" -ex 'p $vg' \
				-ex 'p sizeof($z0)' -ex 'p sizeof($p0)' -ex 'p $z0.d.u[0]'
			vq=$((vq + 1))
		done
		timeout 60 "$GDB" -nx -batch -ex 'set confirm off' "$@" </dev/null \
			>"$tmp/out" 2>&1
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pid=
		split_sections "$tmp/out"
		bad=
		vq=1
		while [ $vq -le 16 ]; do
			got=$(sed -n 's/^\$[0-9]* = //p' "$tmp/sec.live$vq" | tr '\n' ' ')
			# z0 byte j is j+1: its first doubleword is 0x0807060504030201
			[ "$got" = "$((2 * vq)) $((16 * vq)) $((2 * vq)) 578437695752307201 " ] ||
				bad="$bad vq$vq($got)"
			vq=$((vq + 1))
		done
		[ -z "$bad" ]
		ok $? "live${pauth:+ with pauth}, vq 1..16: p \$vg = 2*vq, sizeof z0 16*vq, p0 2*vq, z0 value${bad:+:$bad}"
	done
fi

echo "1..$n"
exit $failed
