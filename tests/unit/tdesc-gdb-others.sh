#!/bin/sh
# Every AArch32 (A-profile, VFP/NEON/TLS), M-profile, x86-64 and non-SVE
# AArch64 description as gdb 13 reads it with `set tdesc filename`: gdb's
# remote register map and types are gstub's (tdesc-gdb-lib.sh), and the
# registers gdb derives from them are there with their sizes: s0-s31 with
# any VFP, d16-d31 only with 32 D registers, q0-q31/d/s/h/b views on
# AArch64, eax/ax/al on x86-64. gdb 13.1 adds no q0-q15 to an AArch32
# description whose NEON feature is empty, which is gdb's own form of it
# (QEMU lists q0-q15 in its NEON feature instead; tdesc-gdb-qemu.sh); with
# --neon-q gstub lists them too, typed as gdb's own q view, and gdb 13.1
# shows them.
# One gdb for all. Prints TAP; skips without gdb-multiarch.

here=$(cd "$(dirname "$0")" && pwd)
tool=./tools/gstub-tdesc
GDB=${GDB:-$(command -v gdb-multiarch || true)}

if [ -z "$GDB" ]; then
	echo "1..0 # SKIP gdb-multiarch not found"
	exit 0
fi
if [ ! -x "$tool" ]; then
	echo "1..0 # SKIP $tool not built"
	exit 0
fi
tmp=$(mktemp -d ./tdesc-gdb-others.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$here/tdesc-gdb-lib.sh"

# config | registers to size | their sizes (1: gdb has no such register)
configs='arm|s0 d0 d15 d16 q0 tpidruro|1 1 1 1 1 1
arm --tls|s0 d0 q0 tpidruro|1 1 1 4
arm --vfp=v2|s0 s31 d0 d15 d16 q0|4 4 8 8 1 1
arm --vfp=v2 --tls|s0 s31 d15 d16 tpidruro|4 4 8 1 4
arm --vfp=v3-d16|s0 s31 d0 d15 d16 q0|4 4 8 8 1 1
arm --vfp=v3-d16 --tls|s0 s31 d15 d16 tpidruro|4 4 8 1 4
arm --vfp=v3|s0 s31 d0 d16 d31 q0|4 4 8 8 8 1
arm --vfp=v3 --tls|s0 s31 d31 q0 tpidruro|4 4 8 1 4
arm --vfp=v3 --neon|s0 s31 d0 d31 q0 q15|4 4 8 8 1 1
arm --vfp=v3 --neon --tls|s0 s31 d31 q0 tpidruro|4 4 8 1 4
arm --vfp=v3 --neon-q|s0 s31 d0 d31 q0 q15|4 4 8 8 16 16
arm --vfp=v3 --neon-q --tls|s0 d31 q0 q15 tpidruro|4 8 16 16 4
arm-m|s0 d0 xpsr cpsr|1 1 4 1
arm-m --fp|s0 s31 d0 d15 d16 xpsr|4 4 8 8 1 4
x86-64|eax ax al ah xmm0 xmm15 st0 ymm0 fs_base orig_rax|4 2 1 1 16 16 10 1 8 8
aarch64|v0 v31 q0 d0 s0 h0 b0 z0 vg|16 16 16 8 4 2 1 1 1
aarch64 --pauth --mte --tls --tpidr2|v0 q31 pauth_dmask tag_ctl tpidr tpidr2|16 16 8 8 8 8
aarch64 --tls|v0 tpidr tpidr2 pauth_dmask|16 8 1 1'

set --
i=0
while IFS='|' read -r cfg regs sizes; do
	i=$((i + 1))
	# shellcheck disable=SC2086
	"$tool" $cfg --xml >"$tmp/c$i.xml" && "$tool" $cfg --layout >"$tmp/c$i.layout" ||
		{ echo "Bail out! gstub-tdesc $cfg failed"; exit 1; }
	set -- "$@" -ex "echo @@ c$i\\n" -ex "set tdesc filename $tmp/c$i.xml" \
		-ex 'maint print remote-registers'
	for r in $regs; do
		set -- "$@" -ex "p sizeof(\$$r)"
	done
	case $cfg in
	*neon-q*) set -- "$@" -ex 'ptype $s0' -ex 'whatis $q0' ;;
	arm-m*|arm*vfp*) set -- "$@" -ex 'ptype $s0' ;;
	x86-64) set -- "$@" -ex 'whatis $xmm0' ;;
	aarch64*) set -- "$@" -ex 'whatis $v0' ;;
	esac
done <<EOF
$configs
EOF
"$GDB" -nx -batch "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
[ ! -s "$tmp/err" ]
ok $? "gdb read every description without a complaint"
sed 's/^/#   /' "$tmp/err" | head -n 5
split_sections "$tmp/out"

i=0
while IFS='|' read -r cfg regs sizes; do
	i=$((i + 1))
	check_map "$tmp/c$i.layout" "$tmp/sec.c$i" "$cfg"
	got=$(sed -n 's/^\$[0-9]* = //p' "$tmp/sec.c$i" | tr '\n' ' ')
	[ "$got" = "$sizes " ]
	ok $? "$cfg: sizeof of $regs: $sizes${got:+ (gdb: $got)}"
	case $cfg in
	arm-m|arm|arm\ --tls) ;;
	*neon-q*)
		grep -q '^type = float$' "$tmp/sec.c$i" &&
			grep -q '^type = union neon_q$' "$tmp/sec.c$i"
		ok $? "$cfg: s0 is a float, q0 a neon_q" ;;
	arm*)
		grep -q '^type = float$' "$tmp/sec.c$i"
		ok $? "$cfg: s0 is a float" ;;
	x86-64)
		grep -q '^type = union vec128$' "$tmp/sec.c$i"
		ok $? "$cfg: xmm0 is vec128" ;;
	aarch64*)
		grep -q '^type = union aarch64v$' "$tmp/sec.c$i"
		ok $? "$cfg: v0 is aarch64v" ;;
	esac
done <<EOF
$configs
EOF

echo "1..$n"
exit $failed
