#!/usr/bin/env bash
# The main job: install what is missing, build gstub, and serve a bundled
# AArch64 demo program with gstub-run on 127.0.0.1:1234 until gdb is done.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
bash "$top/scripts/deps.sh"
bash "$top/scripts/build.sh"
cd "$top/_build"
aarch64-linux-gnu-gcc -static -g -O0 -o demo "$top/examples/demo.c"
port=${GSTUB_DEMO_PORT:-1234}
cat <<MSG

gstub-run is serving the demo program. In another terminal, attach with:

    gdb-multiarch $top/_build/demo -ex 'target remote 127.0.0.1:$port'

(then e.g. 'break main', 'continue', 'next', 'info registers', 'monitor help').
MSG
exec ./gstub-run --once "127.0.0.1:$port" ./demo
