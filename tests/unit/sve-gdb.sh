#!/bin/sh
# The SVE vector-length policies with a real gdb (13) against
# tests/unit/sve-gdb-server, whose length changes by `monitor set vq N`:
#   max      z/p/ffr values correct before and after a length change, zeros
#            past the length, writes there dropped, vg follows, sizes fixed;
#   current  the stop reply expedites vg, p/g replies switch to the exact new
#            sizes at that stop, and a gdb that reads target.xml again (a
#            new connection) shows exact sizes and values;
#   raw      for every vq 1..16: p22 (z0) is 32*vq hex digits, p44 (p0) 4*vq,
#            g the sum of the description's sizes (gstub-tdesc --layout).
# Prints TAP; skips without gdb-multiarch.

server=./tests/unit/sve-gdb-server
tool=./tools/gstub-tdesc
GDB=${GDB:-$(command -v gdb-multiarch || true)}
pid=

. "$(dirname "$0")/tap.sh"

if [ -z "$GDB" ]; then
	echo "1..0 # SKIP gdb-multiarch not found"
	exit 0
fi
if [ ! -x "$server" ] || [ ! -x "$tool" ]; then
	echo "1..0 # SKIP $server or $tool not built"
	exit 0
fi

tmp=$(mktemp -d ./sve-gdb.XXXXXX) || exit 1
cleanup() {
	stop_server
	rm -rf "$tmp"
}
trap cleanup EXIT

stop_server() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		pid=
	fi
}

# start_server POLICY MAXVQ VQ [pauth]: sets $port (loopback, port 0).
start_server() {
	stop_server
	"$server" :0 "$@" 2>"$tmp/server.err" &
	pid=$!
	port=
	w=0
	while [ $w -lt 100 ]; do
		port=$(sed -n 's/^Listening on port \([0-9]*\)$/\1/p' "$tmp/server.err")
		[ -n "$port" ] && return 0
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
		w=$((w + 1))
	done
	echo "# server did not start: $(cat "$tmp/server.err")"
	return 1
}

run_gdb() {
	timeout 60 "$GDB" -nx -batch -ex "set confirm off" \
		-ex 'set debug remote-packet-max-chars unlimited' \
		-ex "target remote 127.0.0.1:$port" "$@" </dev/null >"$tmp/out" 2>&1
}

# The value gdb printed for print command number $1 ("$N = ...").
val() {
	sed -n "s/^\\\$$1 = //p" "$tmp/out"
}

# "{a, a+1, ..., b}" the way gdb prints a byte vector, with an optional
# tail of zeros ("0 <repeats N times>" or single zeros).
seq_list() {
	from=$1 to=$2 zeros=${3:-0}
	s=$(seq "$from" "$to" | awk '{ printf "%s%d", (NR > 1 ? ", " : ""), $1 % 256 }')
	if [ "$zeros" -ge 10 ]; then
		s="$s, 0 <repeats $zeros times>"
	else
		i=0
		while [ $i -lt "$zeros" ]; do s="$s, 0"; i=$((i + 1)); done
	fi
	echo "{$s}"
}

check_val() { # NUMBER WANT DESCRIPTION
	got=$(val "$1")
	[ "$got" = "$2" ]
	ok $? "$3"
	[ "$got" = "$2" ] || echo "#   got: '$got'  want: '$2'"
}

# Sum of the register sizes of a description (bytes of a `g` reply).
g_bytes() {
	# shellcheck disable=SC2086
	"$tool" aarch64 --sve-vl=$((128 * $1)) $2 --layout |
		awk '!/^#/ { s += $4 } END { print s }'
}

# Hex digits of the reply to the Kth `maint packet` whose text is $1.
reply_len() {
	awk -v pkt="$1" -v k="${2:-1}" '
		$0 == "sending: " pkt { want = 1; next }
		want && /^received: "/ {
			if (++seen == k) {
				s = $0; sub(/^received: "/, "", s); sub(/"$/, "", s)
				print length(s); exit
			}
			want = 0
		}' "$tmp/out"
}

# ---------------------------------------------------------------- max
start_server max 4 4 pauth || exit 1
run_gdb -ex 'p $vg' -ex 'p sizeof($z0)' -ex 'p $z0.b.u' -ex 'p $p0' \
	-ex 'p $ffr' -ex 'p sizeof($p0)' \
	-ex 'monitor set vq 2' -ex 'set debug remote 1' -ex 'stepi' \
	-ex 'p $vg' -ex 'p sizeof($z0)' -ex 'p $z0.b.u' -ex 'p $p0' -ex 'p $ffr' \
	-ex 'p $z31.b.u[31]' -ex 'p $z31.b.u[32]' -ex 'p $p15' \
	-ex 'set $z1.b.u[40] = 7' -ex 'set $z1.b.u[3] = 99' \
	-ex 'maint flush register-cache' -ex 'p $z1.b.u[40]' -ex 'p $z1.b.u[3]' \
	-ex 'monitor set vq 4' -ex 'stepi' \
	-ex 'p $vg' -ex 'p $z0.b.u' -ex 'p $ffr' -ex 'set debug remote 0'
check_val 1 8 "max: vg 8 at 512 bits"
check_val 2 64 "max: sizeof(\$z0) 64"
check_val 3 "$(seq_list 1 64)" "max, 512 bits: z0 as the target holds it"
check_val 4 "{17, 18, 19, 20, 21, 22, 23, 24}" "max, 512 bits: p0"
check_val 5 "{240, 241, 242, 243, 244, 245, 246, 247}" "max, 512 bits: ffr"
check_val 6 8 "max: sizeof(\$p0) 8"
check_val 7 4 "max: after the change to 256 bits and a stop, vg 4"
check_val 8 64 "max: sizeof(\$z0) still 64"
check_val 9 "$(seq_list 1 32 32)" "max, 256 bits: z0 low half kept, the rest zero (not the target's junk)"
check_val 10 "{17, 18, 19, 20, 0, 0, 0, 0}" "max, 256 bits: p0 past the length zero"
check_val 11 "{240, 241, 242, 243, 0, 0, 0, 0}" "max, 256 bits: ffr past the length zero"
check_val 12 16 "max, 256 bits: last live byte of z31"
check_val 13 0 "max, 256 bits: first byte of z31 past the length is 0"
check_val 14 "{16, 17, 18, 19, 0, 0, 0, 0}" "max, 256 bits: p15"
check_val 15 0 "max: a write past the length is dropped (reads 0 again)"
check_val 16 99 "max: a write inside the length lands"
check_val 17 8 "max: back to 512 bits: vg 8"
check_val 18 "$(seq_list 1 32 32)" "max: grown again: the dropped half stays zero"
check_val 19 "{240, 241, 242, 243, 0, 0, 0, 0}" "max: grown again: ffr"
bad=$(grep -c '^ *\[remote\] Packet received: T05.*;55:0[48]00000000000000;' "$tmp/out")
[ "$bad" -eq 2 ]
ok $? "max: both stop replies expedite vg (4, then 8)"
# gdb reads registers with g here: every reply has the 512-bit layout
lens=$(grep -A1 '^ *\[remote\] Sending packet: \$g#67' "$tmp/out" |
	sed -n 's/^ *\[remote\] Packet received: //p' | awk '{ print length($0) }' | sort -u)
[ "$lens" = $((2 * $(g_bytes 4 --pauth))) ]
ok $? "max: every g reply has the 512-bit size ($lens hex digits)"
grep -q 'Truncated register\|too long\|Remote failure' "$tmp/out"
[ $? -ne 0 ]
ok $? "max: gdb reported no size problem"
stop_server

# ------------------------------------------------------------ current
start_server current 8 4 || exit 1
run_gdb -ex 'p sizeof($z0)' -ex 'p $vg' \
	-ex 'monitor set vq 2' -ex 'set debug remote 1' -ex 'stepi' \
	-ex 'maint packet p22' -ex 'maint packet p44' -ex 'maint packet p54' \
	-ex 'maint packet g' -ex 'set debug remote 0' \
	-ex 'disconnect' -ex "target remote 127.0.0.1:$port" \
	-ex 'p sizeof($z0)' -ex 'p $z0.b.u' -ex 'p $p0' -ex 'p $ffr' -ex 'p $vg' \
	-ex 'ptype $z0.b.u' \
	-ex 'monitor set vq 8' -ex 'stepi' -ex 'maint packet p22' \
	-ex 'maint packet g' -ex 'disconnect' -ex "target remote 127.0.0.1:$port" \
	-ex 'p sizeof($z0)' -ex 'p $z0.b.u' -ex 'p $vg'
check_val 1 64 "current: at 512 bits sizeof(\$z0) 64"
check_val 2 8 "current: vg 8"
grep -q '^ *\[remote\] Packet received: T05.*;55:0400000000000000;' "$tmp/out"
ok $? "current: the stop after the change expedites vg 4"
[ "$(reply_len p22)" = 64 ]
ok $? "current: then p22 (z0) is 32 bytes"
[ "$(reply_len p44)" = 8 ] && [ "$(reply_len p54)" = 8 ]
ok $? "current: p44 (p0) and p54 (ffr) are 4 bytes"
want=$((2 * $(g_bytes 2)))
[ "$(reply_len g)" = "$want" ]
ok $? "current: g is $want hex digits, the 256-bit layout"
check_val 3 32 "current: gdb connecting again reads the new description: sizeof(\$z0) 32"
check_val 4 "$(seq_list 1 32)" "current: z0 exact"
check_val 5 "{17, 18, 19, 20}" "current: p0 exact"
check_val 6 "{240, 241, 242, 243}" "current: ffr exact"
check_val 7 4 "current: vg 4"
grep -q '^type = uint8_t __attribute__ ((vector_size(32)))$' "$tmp/out"
ok $? "current: ptype \$z0.b.u is a 32-byte vector"
[ "$(reply_len p22 2)" = 256 ]
ok $? "current: grown to 1024 bits: p22 is 128 bytes after the stop"
want=$((2 * $(g_bytes 8)))
[ "$(reply_len g 2)" = "$want" ]
ok $? "current: g is $want hex digits, the 1024-bit layout"
check_val 8 128 "current: reconnected at 1024 bits: sizeof(\$z0) 128"
check_val 9 "$(seq_list 1 32 96)" "current: z0 at 1024 bits, zero past the old length"
check_val 10 16 "current: vg 16"
stop_server

# ---------------------------------------------- raw sizes, vq 1..16
start_server current 16 1 pauth || exit 1
set --
vq=1
while [ $vq -le 16 ]; do
	set -- "$@" -ex "monitor set vq $vq" -ex 'maint packet ?' \
		-ex 'maint packet p22' -ex 'maint packet p44' -ex 'maint packet g'
	vq=$((vq + 1))
done
run_gdb "$@"
bad=
vq=1
while [ $vq -le 16 ]; do
	z=$(reply_len p22 $vq) p=$(reply_len p44 $vq) g=$(reply_len g $vq)
	want_g=$((2 * $(g_bytes $vq --pauth)))
	if [ "$z" != $((32 * vq)) ] || [ "$p" != $((4 * vq)) ] || [ "$g" != "$want_g" ]; then
		bad="$bad vq$vq(z=$z p=$p g=$g want $want_g)"
	fi
	vq=$((vq + 1))
done
[ -z "$bad" ]
ok $? "raw, vq 1..16 with pauth: p22 = 32*vq, p44 = 4*vq hex digits, g = the sum of the sizes${bad:+:$bad}"
vgs=$(grep -c '^received: "T05.*;55:' "$tmp/out")
[ "$vgs" -eq 16 ]
ok $? "raw: all 16 stop replies expedite vg"
stop_server

echo "1..$n"
exit $failed
