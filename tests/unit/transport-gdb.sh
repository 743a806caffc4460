#!/bin/sh
# A real gdb against the transports: TCP (twice, to check that the server
# keeps listening after a disconnect), a Unix socket with once, and stdio
# through `target remote | ...`. Prints TAP; skips without gdb-multiarch.

server=./tests/unit/transport-gdb-server
GDB=${GDB:-$(command -v gdb-multiarch || true)}
pid=

. "$(dirname "$0")/tap.sh"

if [ -z "$GDB" ]; then
	echo "1..0 # SKIP gdb-multiarch not found"
	exit 0
fi
if [ ! -x "$server" ]; then
	echo "1..0 # SKIP $server not built"
	exit 0
fi

tmp=$(mktemp -d ./transport-gdb.XXXXXX) || exit 1
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

run_gdb() {
	timeout 30 "$GDB" -nx -batch -ex "set confirm off" "$@" </dev/null 2>&1
}

# Wait (up to 10 s) until file $1 has at least $3 (default 1) lines
# matching $2.
wait_for_line() {
	w=0
	while [ $w -lt 100 ]; do
		[ "$(grep -c "$2" "$1" 2>/dev/null)" -ge "${3:-1}" ] && return 0
		sleep 0.1
		w=$((w + 1))
	done
	return 1
}

# ---- TCP on loopback, port 0, two gdb connections in turn
"$server" :0 2>"$tmp/tcp.err" &
pid=$!
wait_for_line "$tmp/tcp.err" '^Listening on port [0-9]'
ok $? "TCP server says Listening on port N"
port=$(sed -n 's/^Listening on port \([0-9]*\)$/\1/p' "$tmp/tcp.err" | head -n 1)
for i in 1 2; do
	out=$(run_gdb -ex "target remote 127.0.0.1:$port" \
		-ex "info registers pc" -ex "stepi" -ex "disconnect")
	echo "$out" | grep -q '^pc  *0x400000 '
	ok $? "gdb $i reads pc over TCP"
	echo "$out" | grep -q '^0x0*400000 in'
	ok $? "gdb $i: stepi stops again (stop posted from another thread)"
	# The server notices the disconnect and listens again.
	wait_for_line "$tmp/tcp.err" "^Listening on port $port\$" $((i + 1))
	ok $? "gdb $i gone: the server listens again"
done
test "$(grep -c '^Remote debugging from host 127.0.0.1, port [0-9]*$' "$tmp/tcp.err")" -eq 2
ok $? "server printed 'Remote debugging from host 127.0.0.1, port P' twice"
kill -0 "$pid" 2>/dev/null
ok $? "TCP server still running"
kill "$pid"
wait "$pid" 2>/dev/null
pid=

# ---- Unix socket, once
sock="$tmp/gdb.sock"
"$server" "unix:$sock" once 2>"$tmp/unix.err" &
pid=$!
wait_for_line "$tmp/unix.err" "^Listening on unix socket $sock\$"
ok $? "Unix server says Listening on unix socket PATH"
out=$(run_gdb -ex "target remote $sock" -ex "info registers pc" -ex "disconnect")
echo "$out" | grep -q '^pc  *0x400000 '
ok $? "gdb reads pc over a Unix socket"
i=0
while kill -0 "$pid" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
wait "$pid"
ok $? "once: the server exits 0 after gdb leaves"
pid=
test ! -e "$sock"
ok $? "the socket file is removed"

# ---- stdio, through a pipe from gdb
out=$(run_gdb -ex "target remote | $server -" -ex "info registers pc" -ex "kill")
echo "$out" | grep -q '^pc  *0x400000 '
ok $? "gdb reads pc over stdio"
echo "$out" | grep -q 'Remote debugging using stdio'
ok $? "stdio server says Remote debugging using stdio"

echo "1..$n"
exit $failed
