#!/usr/bin/env bash
# Side-by-side benchmark: the same gdb session against gstub-run and against
# QEMU's user-mode gdbstub (qemu-aarch64 -g), in one run, printing times and
# the ratio gstub/qemu for each scenario (lower is better for gstub).
#
#   bash bench/run.sh [BUILD_DIR]     (default: _build)
#
# Scenarios: 2000 `stepi`; reading 1 MiB of memory with `dump binary memory`;
# connect + `break main` + `continue`.
set -euo pipefail
# qemu-aarch64 -g listens on every interface: run the whole comparison in a
# private network namespace where only loopback exists (needs root).
if [ -z "${GSTUB_BENCH_NETNS:-}" ] && [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null; then
	export GSTUB_BENCH_NETNS=1
	exec unshare -n bash -c 'ip link set lo up && exec bash "$0" "$@"' "$0" "$@"
fi
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
gstub_run=$build/gstub-run
for tool in gdb-multiarch qemu-aarch64 aarch64-linux-gnu-gcc ss; do
	command -v "$tool" >/dev/null || { echo "bench: $tool missing" >&2; exit 2; }
done
[ -x "$gstub_run" ] || { echo "bench: $gstub_run not built" >&2; exit 2; }

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
aarch64-linux-gnu-gcc -static -g -O1 -o "$work/prog" "$top/bench/bench-prog.c"

# A port nobody listens on (qemu-user cannot pick one itself).
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		ss -ltn | grep -q ":$p " || { echo $p; return; }
	done
}
wait_port() { for _ in $(seq 200); do ss -ltn | grep -q ":$1 " && return 0; sleep 0.05; done; return 1; }

# start_server KIND PORT: one program instance serving one gdb session.
start_server() {
	case $1 in
	gstub) "$gstub_run" --once "127.0.0.1:$2" "$work/prog" >/dev/null 2>&1 & ;;
	qemu) qemu-aarch64 -g "$2" "$work/prog" >/dev/null 2>&1 & ;;
	esac
	wait_port "$2"
}

# run_gdb PORT SCRIPT: time a batch gdb session, in seconds.
run_gdb() {
	local start end
	start=$(date +%s.%N)
	gdb-multiarch -nx -q -batch "$work/prog" -ex "target remote 127.0.0.1:$1" \
		-x "$2" </dev/null >"$work/gdb.out" 2>&1
	end=$(date +%s.%N)
	awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'
}

cat >"$work/stepi.gdb" <<'GDB'
break main
continue
stepi 2000
kill
GDB
cat >"$work/memread.gdb" <<'GDB'
break 11
continue
dump binary memory /dev/null &buffer[0] &buffer[1048576]
kill
GDB
cat >"$work/connect.gdb" <<'GDB'
break main
continue
kill
GDB

printf '%-28s %10s %10s %8s\n' scenario gstub-run qemu-user ratio
for scenario in stepi memread connect; do
	declare -A t
	for kind in gstub qemu; do
		port=$(free_port)
		start_server $kind "$port"
		t[$kind]=$(run_gdb "$port" "$work/$scenario.gdb")
		wait 2>/dev/null || true
	done
	awk -v s="$scenario" -v g="${t[gstub]}" -v q="${t[qemu]}" \
		'BEGIN { printf "%-28s %9.3fs %9.3fs %8.2f\n", s, g, q, g / q }'
done
