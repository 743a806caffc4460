#!/bin/sh
# Load every built-in description into a real gdb and check that gdb's
# remote register map (number, g offset, size per register) is exactly the
# one gstub-tdesc --layout reports, and that gdb accepted the XML without a
# word of complaint.
#
# usage: gdb-check-tdesc.sh [GSTUB_TDESC [GDB]]
# Speaks TAP (one check per configuration); skips when gdb is missing.
set -u
tool=${1:-./tools/gstub-tdesc}
gdb=${2:-gdb-multiarch}
command -v "$gdb" >/dev/null 2>&1 || { echo "1..0 # SKIP $gdb not found"; exit 0; }
[ -x "$tool" ] || { echo "Bail out! $tool is not executable"; exit 1; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

configs='aarch64
aarch64 --pauth --mte --tpidr2
aarch64 --tls
aarch64 --sve-vl=128
aarch64 --sve-vl=512 --pauth
aarch64 --sve-vl=512 --pauth --mte --tls
aarch64 --sve-vl=1024 --mte
aarch64 --sve-vl=2048 --pauth --mte --tpidr2
arm
arm --vfp=v2
arm --vfp=v3-d16 --tls
arm --vfp=v3
arm --vfp=v3 --neon
arm --vfp=v3 --neon --tls
arm --neon-q
arm --neon-q --tls
arm-m
arm-m --fp
x86-64'

n=0 fail=0
while IFS= read -r cfg; do
	# shellcheck disable=SC2086
	"$tool" $cfg --xml >"$tmp/t.xml" && "$tool" $cfg --layout >"$tmp/l" || {
		n=$((n + 1)); fail=$((fail + 1))
		echo "not ok $n - $cfg: gstub-tdesc failed"; continue; }
	grep -v '^#' "$tmp/l" | awk '{ print $1, $2, $3, $4 }' >"$tmp/want"
	"$gdb" -batch -nx -ex "set tdesc filename $tmp/t.xml" \
		-ex 'maint print remote-registers' >"$tmp/out" 2>"$tmp/err" </dev/null
	# rows with a remote number: name nr rel offset size type rmt-nr g-offset
	awk 'NR > 1 && NF >= 8 { print $7, $1, $8, $5 }' "$tmp/out" |
		sort -n >"$tmp/got"
	n=$((n + 1))
	if [ -s "$tmp/err" ]; then
		echo "not ok $n - $cfg: gdb complained"
		sed 's/^/#   /' "$tmp/err" | head -n 5
		fail=$((fail + 1))
	elif ! diff -u "$tmp/want" "$tmp/got" >"$tmp/diff"; then
		echo "not ok $n - $cfg: gdb's register map differs"
		sed 's/^/#   /' "$tmp/diff" | head -n 20
		fail=$((fail + 1))
	else
		echo "ok $n - $cfg: gdb maps $(wc -l <"$tmp/want") registers as we do"
	fi
done <<EOF_CONFIGS
$configs
EOF_CONFIGS
echo "1..$n"
[ "$fail" -eq 0 ]
