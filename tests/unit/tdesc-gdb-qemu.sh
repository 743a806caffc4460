#!/bin/sh
# Differential: the same gdb reads QEMU 7.2's own gdbstub descriptions
# (qemu-aarch64 -cpu max,sve-max-vq=N for N = 1..16; qemu-arm -cpu
# cortex-a15) and gstub's for the same configuration, and must list the
# same SVE / VFP / NEON registers with the same numbers, sizes and types,
# except where QEMU 7.2 differs on purpose or by mistake; those differences
# are pinned here (docs/tdesc.md explains them):
#   - its svep type has 16*vq elements, 8 times the predicate registers'
#     2*vq bytes, so gdb sizes p0-p15 and ffr at 16*vq bytes;
#   - it describes z at the largest length (sve-max-vq) while the program
#     runs at Linux's default 512 bits: above vq 4, vg says 8 while z0 is
#     16*N bytes;
#   - fpsr/fpcr are plain "int" (gdb 13's own description has flag types);
#   - its NEON feature lists q0-q15 as registers of their own (q10 twice,
#     no q11), numbered before fpscr; gdb's own form (and gstub's) leaves
#     the NEON feature empty, with d0-d31 as ieee_double.
# QEMU's user-mode stub listens on every interface, so it runs only in a
# private network namespace (unshare -n as root, else unshare -rn), and
# its ports are waited for with ss, never by connecting. Prints TAP; skips
# what the machine lacks.

here=$(cd "$(dirname "$0")" && pwd)
tool=./tools/gstub-tdesc
GDB=${GDB:-$(command -v gdb-multiarch || true)}

skip() {
	echo "1..0 # SKIP $1"
	exit 0
}
[ -n "$GDB" ] || skip "gdb-multiarch not found"
[ -x "$tool" ] || skip "$tool not built"
for t in qemu-aarch64 qemu-arm aarch64-linux-gnu-gcc arm-linux-gnueabihf-gcc ss ip; do
	command -v $t >/dev/null 2>&1 || skip "$t not found"
done
if [ "$(id -u)" -eq 0 ] && unshare -n true 2>/dev/null; then
	netns="unshare -n"
elif unshare -rn true 2>/dev/null; then
	netns="unshare -rn"
else
	skip "no private network namespace (unshare -n) for QEMU's gdbstub"
fi

tmp=$(mktemp -d ./tdesc-gdb-qemu.XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
. "$here/tdesc-gdb-lib.sh"

# Programs that only exit: QEMU stops them at their first instruction.
cat >"$tmp/a64.c" <<'EOF'
void _start(void)
{
	__asm__ volatile("mov x0, #0\n\tmov x8, #93\n\tsvc #0");
}
EOF
cat >"$tmp/arm.c" <<'EOF'
void _start(void)
{
	__asm__ volatile("mov r0, #0\n\tmov r7, #1\n\tsvc #0");
}
EOF
aarch64-linux-gnu-gcc -nostdlib -static -O1 -o "$tmp/a64" "$tmp/a64.c" &&
arm-linux-gnueabihf-gcc -nostdlib -static -O1 -marm -o "$tmp/arm" "$tmp/arm.c" ||
	{ echo "Bail out! cannot build the test programs"; exit 1; }

# gdb's commands: for each QEMU, connect, print, kill; then the same for
# gstub's description of that configuration.
set --
vq=1
while [ $vq -le 16 ]; do
	"$tool" aarch64 --sve-vl=$((128 * vq)) --xml >"$tmp/g$vq.xml" || exit 1
	for side in q g; do
		if [ $side = q ]; then
			set -- "$@" -ex 'echo @@ connect\n' -ex 'unset tdesc filename' \
				-ex "target remote 127.0.0.1:$((20000 + vq))"
		else
			set -- "$@" -ex "set tdesc filename $tmp/g$vq.xml"
		fi
		set -- "$@" -ex "echo @@ $side$vq\\n" -ex 'maint print remote-registers' \
			-ex "echo @@ ${side}t$vq\\n" -ex 'ptype $z0.q' -ex 'ptype $z0.d' \
			-ex 'ptype $z0.s' -ex 'ptype $z0.h' -ex 'ptype $z0.b' -ex 'ptype $vg'
		if [ $side = q ]; then
			set -- "$@" -ex "echo @@ qv$vq\\n" -ex 'p $vg' -ex kill
		fi
	done
	vq=$((vq + 1))
done
"$tool" arm --vfp=v3 --neon --xml >"$tmp/garm.xml" || exit 1
set -- "$@" -ex 'echo @@ connect\n' -ex 'unset tdesc filename' \
	-ex 'target remote 127.0.0.1:20100' \
	-ex 'echo @@ qarm\n' \
	-ex 'maint print remote-registers' -ex 'echo @@ qarmt\n' \
	-ex 'p sizeof($s0)' -ex 'p sizeof($s31)' -ex 'ptype $s0' -ex kill \
	-ex "set tdesc filename $tmp/garm.xml" -ex 'echo @@ garm\n' \
	-ex 'maint print remote-registers' -ex 'echo @@ garmt\n' \
	-ex 'p sizeof($s0)' -ex 'p sizeof($s31)' -ex 'ptype $s0'

# Inside the namespace: every QEMU on its own port, then one gdb.
{
	echo 'ip link set lo up || exit 1'
	echo 'pids='
	vq=1
	while [ $vq -le 16 ]; do
		echo "qemu-aarch64 -cpu max,sve-max-vq=$vq -g $((20000 + vq)) '$tmp/a64' 2>/dev/null & pids=\"\$pids \$!\""
		vq=$((vq + 1))
	done
	echo "qemu-arm -cpu cortex-a15 -g 20100 '$tmp/arm' 2>/dev/null & pids=\"\$pids \$!\""
	cat <<'EOF'
w=0
while [ $(ss -ltnH | grep -c ':20[01][0-9][0-9] ') -lt 17 ] && [ $w -lt 100 ]; do
	sleep 0.1
	w=$((w + 1))
done
EOF
	printf 'timeout 120 "%s" -nx -batch -ex "set confirm off"' "$GDB"
	for a in "$@"; do
		printf " '%s'" "$a"
	done
	printf ' </dev/null >"%s/out" 2>"%s/err"\n' "$tmp" "$tmp"
	echo 'for p in $pids; do kill $p 2>/dev/null; done; wait'
} >"$tmp/run.sh"
$netns sh "$tmp/run.sh"
split_sections "$tmp/out"

# "name rnum size type" of the SVE registers in a section.
sve_rows() {
	awk 'NF >= 8 && $1 ~ /^(z[0-9]+|p[0-9]+|ffr|vg|fpsr|fpcr)$/ {
		print $1, $7, $5, $6 }' "$1"
}

vq=1
while [ $vq -le 16 ]; do
	sve_rows "$tmp/sec.q$vq" >"$tmp/q"
	sve_rows "$tmp/sec.g$vq" >"$tmp/g"
	z=$((16 * vq)) p=$((2 * vq))
	[ -s "$tmp/q" ] || { ok 1 "vq $vq: no registers from QEMU"; vq=$((vq + 1)); continue; }
	# what must agree: names, numbers, z/vg sizes and types, the views
	awk '{ print $1, $2 }' "$tmp/q" >"$tmp/qn"
	awk '{ print $1, $2 }' "$tmp/g" >"$tmp/gn"
	same=
	cmp -s "$tmp/qn" "$tmp/gn" && [ "$(wc -l <"$tmp/gn")" -eq 52 ] && same=names
	zq=$(awk '$1 ~ /^z/ { print $3, $4 }' "$tmp/q" | sort -u)
	zg=$(awk '$1 ~ /^z/ { print $3, $4 }' "$tmp/g" | sort -u)
	vgq=$(awk '$1 == "vg" { print $3, $4 }' "$tmp/q")
	vgg=$(awk '$1 == "vg" { print $3, $4 }' "$tmp/g")
	cmp -s "$tmp/sec.qt$vq" "$tmp/sec.gt$vq" && views=same
	[ "$same" = names ] && [ "$zq" = "$z svev" ] && [ "$zg" = "$z svev" ] &&
		[ "$vgq" = "8 long" ] && [ "$vgg" = "8 long" ] && [ "$views" = same ]
	ok $? "vq $vq: QEMU and gstub: same 52 SVE register names and numbers, z0-z31 $z-byte svev, vg 8-byte long, same z0 views"
	[ "$views" = same ] || diff "$tmp/sec.qt$vq" "$tmp/sec.gt$vq" | head -6 | sed 's/^/#   /'
	views=
	# pinned differences
	pq=$(awk '$1 ~ /^(p[0-9]+|ffr)$/ { print $3, $4 }' "$tmp/q" | sort -u)
	pg=$(awk '$1 ~ /^(p[0-9]+|ffr)$/ { print $3, $4 }' "$tmp/g" | sort -u)
	fq=$(awk '$1 ~ /^fp/ { printf "%s %s %s,", $1, $3, $4 }' "$tmp/q")
	fg=$(awk '$1 ~ /^fp/ { printf "%s %s %s,", $1, $3, $4 }' "$tmp/g")
	vg=$(sed -n 's/^\$[0-9]* = //p' "$tmp/sec.qv$vq")
	cur=$vq
	[ $cur -gt 4 ] && cur=4
	[ "$pq" = "$((8 * p)) svep" ] && [ "$pg" = "$p svep" ] &&
		[ "$fq" = "fpsr 4 int,fpcr 4 int," ] &&
		[ "$fg" = "fpsr 4 fpsr_flags,fpcr 4 fpcr_flags," ] && [ "$vg" = $((2 * cur)) ]
	ok $? "vq $vq, known QEMU differences: p0-p15/ffr $((8 * p)) bytes (gstub $p), fpsr/fpcr int, vg $vg at z0 $z bytes"
	vq=$((vq + 1))
done

# AArch32, cortex-a15: VFPv3-D32 + NEON
arm_rows() {
	awk 'NF >= 8 && $1 ~ /^(d[0-9]+|q[0-9]+|fpscr)$/ { print $1, $7, $5, $6 }' "$1"
}
arm_rows "$tmp/sec.qarm" >"$tmp/q"
arm_rows "$tmp/sec.garm" >"$tmp/g"
dq=$(awk '$1 ~ /^d/ { print $1, $2, $3 }' "$tmp/q")
dg=$(awk '$1 ~ /^d/ { print $1, $2, $3 }' "$tmp/g")
[ -n "$dq" ] && [ "$dq" = "$dg" ] && [ "$(grep -c '^d' "$tmp/g")" -eq 32 ]
ok $? "arm: QEMU and gstub: d0-d31, numbers 26-57, 8 bytes each"
grep '^\$\|^type' "$tmp/sec.qarmt" | sed 's/^\$[0-9]* //' >"$tmp/qs"
grep '^\$\|^type' "$tmp/sec.garmt" | sed 's/^\$[0-9]* //' >"$tmp/gs"
cmp -s "$tmp/qs" "$tmp/gs" &&
	[ "$(sed -n 's/^\$[0-9]* = //p' "$tmp/sec.garmt" | tr '\n' ' ')" = "4 4 " ]
ok $? "arm: both give s0-s31 (4-byte float views of d0-d15)"
qn=$(awk '$1 ~ /^q/ { printf "%s ", $1 }' "$tmp/q")
want_q="q0 q1 q2 q3 q4 q5 q6 q7 q8 q9 q10 q10 q12 q13 q14 q15 "
[ "$qn" = "$want_q" ] && ! grep -q '^q' "$tmp/g"
ok $? "arm, known QEMU difference: its NEON feature lists q0-q15 as registers, q10 twice and no q11 (gstub's, like gdb's own, none)"
[ "$(awk '$1 == "fpscr" { print $2 }' "$tmp/q")" = 74 ] &&
	[ "$(awk '$1 == "fpscr" { print $2 }' "$tmp/g")" = 58 ] &&
	[ "$(awk '$1 == "d0" { print $4 }' "$tmp/q")" = neon_d ] &&
	[ "$(awk '$1 == "d0" { print $4 }' "$tmp/g")" = _ieee_double ]
ok $? "arm, known QEMU differences: fpscr numbered 74 after its q registers (gstub 58), d registers of type neon_d (gstub ieee_double)"

# QEMU cannot name the program it runs: gdb warns about that, nothing else
grep -v '^warning: No executable has been specified and target does not support$' "$tmp/err" |
	grep -v '^determining executable automatically.  Try using the "file" command.$' >"$tmp/err2"
[ ! -s "$tmp/err2" ]
ok $? "gdb said nothing else on stderr"
sed 's/^/#   /' "$tmp/err2" | head -5

echo "1..$n"
exit $failed
