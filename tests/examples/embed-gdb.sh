#!/bin/sh
# The README's embedding example, driven by a real gdb: it must serve a
# description, registers, memory, stepping and the monitor exactly as the
# README says. Prints TAP; skips without gdb-multiarch.

embed=./examples/embed
GDB=${GDB:-$(command -v gdb-multiarch || true)}
n=0
failed=0
pid=

check() { # check NAME PATTERN FILE
	n=$((n + 1))
	if grep -q -- "$2" "$3"; then
		echo "ok $n - $1"
	else
		echo "not ok $n - $1"
		sed 's/^/#   /' "$3"
		failed=1
	fi
}

if [ -z "$GDB" ]; then echo "1..0 # SKIP gdb-multiarch not found"; exit 0; fi
if [ ! -x "$embed" ]; then echo "1..0 # SKIP $embed not built"; exit 0; fi

tmp=$(mktemp -d ./embed-gdb.XXXXXX) || exit 1
cleanup() {
	[ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; }
	rm -rf "$tmp"
}
trap cleanup EXIT

"$embed" 127.0.0.1:0 2>"$tmp/err" &
pid=$!
port=
i=0
while [ $i -lt 100 ] && [ -z "$port" ]; do
	port=$(sed -n 's/^Listening on port \([0-9][0-9]*\)$/\1/p' "$tmp/err")
	[ -n "$port" ] || sleep 0.1
	i=$((i + 1))
done
n=$((n + 1))
if [ -z "$port" ]; then echo "not ok $n - example listens"; echo "1..$n"; exit 1; fi
echo "ok $n - example listens on port $port"

timeout 60 "$GDB" -nx -batch -ex 'set confirm off' \
	-ex "target remote 127.0.0.1:$port" \
	-ex 'show architecture' \
	-ex 'p/x $pc' -ex 'stepi' -ex 'p/x $pc' \
	-ex 'set var $x3 = 0x1234' -ex 'p/x $x3' \
	-ex 'set {unsigned int}0x100 = 0xdeadbeef' -ex 'x/1xw 0x100' \
	-ex 'x/1xw 0x2000' \
	-ex 'p $v0' \
	-ex 'monitor help' \
	-ex 'kill' </dev/null >"$tmp/gdb" 2>&1

check "gdb takes the AArch64 description" 'aarch64' "$tmp/gdb"
check "pc starts at 0" '^\$1 = 0x0$' "$tmp/gdb"
check "stepi moves the pc by one instruction" '^\$2 = 0x4$' "$tmp/gdb"
check "register write reads back" '^\$3 = 0x1234$' "$tmp/gdb"
check "memory write reads back" '0x100:[[:space:]]*0xdeadbeef' "$tmp/gdb"
check "memory outside the example's RAM is an error" 'Cannot access memory at address 0x2000' "$tmp/gdb"
check "registers the example lacks are unavailable" '<unavailable>' "$tmp/gdb"
check "monitor help lists the packet-log commands" 'remote-packet-max-chars' "$tmp/gdb"
echo "1..$n"
exit $failed
