#!/bin/sh
# Build the description loader's libFuzzer target with clang
# (-fsanitize=fuzzer,address,undefined) and run it for a bounded time over
# the seed corpus plus the loader's test corpus. Inputs the fuzzer finds go
# to a scratch folder, never into the source tree.
#
# usage: fuzz/run.sh [SECONDS] [WORKDIR]      (defaults: 60, a fresh temp folder)
# Exit status: 0 when the run ended without a finding; the fuzzer's status
# otherwise (the crashing input is kept in WORKDIR).
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
work=${2:-}
CC=${CC:-clang}

case $secs in '' | *[!0-9]*) echo "run.sh: SECONDS must be a number" >&2; exit 2 ;; esac
command -v "$CC" >/dev/null 2>&1 || { echo "run.sh: $CC not found" >&2; exit 2; }
if [ -z "$work" ]; then
	work=$(mktemp -d)
	echo "run.sh: working in $work"
fi
mkdir -p "$work/corpus" "$work/artifacts"

# the loader with the table code it fills and the error texts it quotes
"$CC" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-std=gnu11 -Wall -Wextra -I"$top/include" \
	"$top"/xml/*.c "$top/stub/errors.c" "$top/fuzz/tdesc-load-fuzz.c" \
	-lexpat -o "$work/tdesc-load-fuzz"

# seeds: copies, so that what the fuzzer adds stays in the scratch folder
cp "$top"/fuzz/corpus/* "$work/corpus/"
for f in "$top"/tests/tdesc-corpus/good/*.xml "$top"/tests/tdesc-corpus/bad/*.xml; do
	cp "$f" "$work/corpus/corpus-$(basename "$f")"
done

"$work/tdesc-load-fuzz" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
	-max_len=65536 -artifact_prefix="$work/artifacts/" \
	-dict="$top/fuzz/tdesc.dict" "$work/corpus"
