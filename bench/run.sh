#!/usr/bin/env bash
# Side-by-side benchmark of three gdb stubs, in one run, on the same
# program (bench/bench-prog.c): gstub-run and QEMU's user-mode gdbstub
# (qemu-aarch64 -g) on its static AArch64 build, and gdbserver on its
# static x86-64 build. Runs are interleaved (A B C A B C ...) because this
# machine's speed swings with its load; each time is the median of RUNS
# runs, net of the median of a connect-only run.
#
#   bash bench/run.sh [BUILD_DIR]     (default: _build)
#
# Scenarios:
#   (a) `next` over a one-line loop of N iterations (N set by gdb in a
#       global); peers too slow for the full N run a smaller one, and the
#       time is scaled to the full N (printed as such)
#   (b) `stepi` STEPS times
#   (c) `dump binary memory` of 16 MiB
# Settings (environment): RUNS (5), STEPS (20000), LOOP_N (1000000),
# LOOP_N_QEMU (1000), LOOP_N_GDBSERVER (10000), PEERS ("gstub qemu gdbserver").
set -euo pipefail
# qemu-aarch64 -g and gdbserver listen on every interface: run the whole
# comparison in a private network namespace where only loopback exists
# (needs root).
if [ -z "${GSTUB_BENCH_NETNS:-}" ] && [ "$(id -u)" -eq 0 ] && command -v unshare >/dev/null; then
	export GSTUB_BENCH_NETNS=1
	exec unshare -n bash -c 'ip link set lo up && exec bash "$0" "$@"' "$0" "$@"
fi
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
gstub_run=$build/gstub-run
runs=${RUNS:-5}
steps=${STEPS:-20000}
loop_n=${LOOP_N:-1000000}
peers=(${PEERS:-gstub qemu gdbserver})
declare -A small_n=([gstub]=$loop_n [qemu]=${LOOP_N_QEMU:-1000} [gdbserver]=${LOOP_N_GDBSERVER:-10000})

for tool in gdb-multiarch aarch64-linux-gnu-gcc ss awk; do
	command -v "$tool" >/dev/null || { echo "bench: $tool missing" >&2; exit 2; }
done
for p in "${peers[@]}"; do
	case $p in
	gstub) [ -x "$gstub_run" ] || { echo "bench: $gstub_run not built" >&2; exit 2; } ;;
	qemu) command -v qemu-aarch64 >/dev/null || { echo "bench: qemu-aarch64 missing" >&2; exit 2; } ;;
	gdbserver)
		command -v gdbserver >/dev/null && command -v gcc >/dev/null ||
			{ echo "bench: gdbserver or gcc missing (scripts/deps.sh)" >&2; exit 2; } ;;
	*) echo "bench: unknown peer $p" >&2; exit 2 ;;
	esac
done

work=$(mktemp -d)
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT
aarch64-linux-gnu-gcc -static -g -O0 -o "$work/prog-aarch64" "$top/bench/bench-prog.c"
if [[ " ${peers[*]} " == *" gdbserver "* ]]; then
	gcc -static -g -O0 -o "$work/prog-x86_64" "$top/bench/bench-prog.c"
fi
loop_line=$(grep -n 'bench: loop' "$top/bench/bench-prog.c" | cut -d: -f1)
done_line=$(grep -n 'bench: done' "$top/bench/bench-prog.c" | cut -d: -f1)

# A port nobody listens on (qemu-user cannot pick one itself; gdbserver
# can but prints it late).
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		ss -ltnH "sport = :$p" | grep -q . || { echo $p; return; }
	done
}
# Wait for the port with ss: qemu-user accepts only one connection.
wait_port() {
	for _ in $(seq 400); do
		ss -ltnH "sport = :$1" | grep -q . && return 0
		kill -0 "$server_pid" 2>/dev/null || return 1
		sleep 0.025
	done
	return 1
}

prog_for() { [ "$1" = gdbserver ] && echo "$work/prog-x86_64" || echo "$work/prog-aarch64"; }

# start_server PEER PORT: one program instance for one gdb run.
start_server() {
	local prog
	prog=$(prog_for "$1")
	case $1 in
	gstub) "$gstub_run" --once --quiet "127.0.0.1:$2" "$prog" >/dev/null 2>"$work/server.err" & ;;
	qemu) qemu-aarch64 -g "$2" "$prog" >/dev/null 2>"$work/server.err" & ;;
	gdbserver) gdbserver --once "127.0.0.1:$2" "$prog" >/dev/null 2>"$work/server.err" & ;;
	esac
	server_pid=$!
	wait_port "$2" || { echo "bench: $1 did not listen" >&2; cat "$work/server.err" >&2; exit 1; }
}

stop_server() {
	# gdb killed the program; the stub exits by itself (--once), else TERM.
	for _ in $(seq 100); do
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.05
	done
	kill "$server_pid" 2>/dev/null || true
	wait "$server_pid" 2>/dev/null || true
	server_pid=
}

# The gdb script of SCENARIO for PEER. Every scenario starts the same way
# (connect, break at the loop, continue), so the connect-only run is the
# common part to subtract.
write_script() {
	local scenario=$1 peer=$2 f=$work/$1-$2.gdb
	{
		echo "set pagination off"
		echo "set confirm off"
		echo "break $loop_line"
		echo "continue"
		case $scenario in
		connect) ;;
		loop)
			echo "set var iterations = ${small_n[$peer]}"
			echo "next"
			echo "p counter" ;;
		stepi)
			echo "set var iterations = 4000000000"
			echo "stepi $steps"
			echo "p 1" ;;
		memory)
			echo "dump binary memory $work/dump-$peer.bin &buffer[0] &buffer[sizeof buffer]" ;;
		esac
		echo "kill"
	} >"$f"
	echo "$f"
}

# run_once SCENARIO PEER: sets last_time to the seconds one whole gdb
# run took (not in a subshell, so the EXIT trap knows the server).
run_once() {
	local port script start end prog
	port=$(free_port)
	start_server "$2" "$port"
	script=$(write_script "$1" "$2")
	prog=$(prog_for "$2")
	start=$(date +%s.%N)
	gdb-multiarch -nx -q -batch "$prog" -ex "target remote 127.0.0.1:$port" \
		-x "$script" </dev/null >"$work/gdb.out" 2>&1
	end=$(date +%s.%N)
	stop_server
	check_output "$1" "$2"
	last_time=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }')
}

# A time is only worth anything if the scenario really happened.
check_output() {
	local ok=1
	case $1 in
	connect) grep -q "Breakpoint 1, main" "$work/gdb.out" || ok=0 ;;
	loop) grep -q "^$done_line[[:space:]]" "$work/gdb.out" &&
		grep -q "= ${small_n[$2]}\$" "$work/gdb.out" || ok=0 ;;
	stepi) grep -q '^\$1 = 1$' "$work/gdb.out" || ok=0 ;;
	memory) [ "$(stat -c %s "$work/dump-$2.bin" 2>/dev/null)" = $((16 << 20)) ] || ok=0 ;;
	esac
	if [ $ok = 0 ]; then
		echo "bench: $1 on $2 did not complete; gdb said:" >&2
		tail -20 "$work/gdb.out" >&2
		exit 1
	fi
}

median() { tr ' ' '\n' | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A times
scenarios=(connect loop stepi memory)
echo "bench: ${runs} interleaved runs of ${scenarios[*]} on ${peers[*]}" >&2
for ((r = 1; r <= runs; r++)); do
	for s in "${scenarios[@]}"; do
		for p in "${peers[@]}"; do
			run_once "$s" "$p"
			times[$s,$p]="${times[$s,$p]:-} $last_time"
			echo "bench: run $r $s $p ${last_time}s" >&2
		done
	done
done

declare -A net
for p in "${peers[@]}"; do
	c=$(echo "${times[connect,$p]}" | median)
	for s in loop stepi memory; do
		m=$(echo "${times[$s,$p]}" | median)
		net[$s,$p]=$(awk -v m="$m" -v c="$c" 'BEGIN { d = m - c; printf "%.4f", (d > 0.0001 ? d : 0.0001) }')
	done
	# The loop at a smaller N: scaled to the full N.
	net[loop,$p]=$(awk -v t="${net[loop,$p]}" -v n="${small_n[$p]}" -v full="$loop_n" 'BEGIN { printf "%.4f", t * full / n }')
	net[connect,$p]=$c
done

printf '\nmedian of %d runs, net of the connect-only run (%s)\n' "$runs" "$(uname -m), $(nproc) cpus"
printf '%-34s' scenario
for p in "${peers[@]}"; do printf ' %12s' "$p"; done
for p in "${peers[@]}"; do [ "$p" = gstub ] || printf ' %14s' "$p/gstub"; done
printf '\n'
row() {
	local label=$1 s=$2
	printf '%-34s' "$label"
	for p in "${peers[@]}"; do printf ' %11.3fs' "${net[$s,$p]}"; done
	for p in "${peers[@]}"; do
		[ "$p" = gstub ] && continue
		if [[ " ${peers[*]} " == *" gstub "* ]]; then
			awk -v a="${net[$s,$p]}" -v g="${net[$s,gstub]}" 'BEGIN { printf " %13.1fx", a / g }'
		else
			printf ' %14s' -
		fi
	done
	printf '\n'
}
row "connect only (not net)" connect
row "(a) next over loop, N=$loop_n" loop
row "(b) stepi x$steps" stepi
row "(c) dump 16 MiB" memory
printf '\n(a) measured at N ='
for p in "${peers[@]}"; do printf ' %s %s,' "$p" "${small_n[$p]}"; done
printf ' scaled to %s\n' "$loop_n"
printf '%-34s' "(b) steps/s"
for p in "${peers[@]}"; do awk -v t="${net[stepi,$p]}" -v n="$steps" 'BEGIN { printf " %12.0f", n / t }'; done
printf '\n%-34s' "(c) MB/s"
for p in "${peers[@]}"; do awk -v t="${net[memory,$p]}" 'BEGIN { printf " %12.1f", 16 * 1048576 / t / 1e6 }'; done
printf '\n'
