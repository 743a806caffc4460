#!/usr/bin/env bash
# Configure and build gstub out of tree in _build/ (CI flags: warnings are
# errors). Usage: scripts/build.sh [extra configure args]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
[ -x configure ] && [ configure -nt configure.ac ] || autoreconf -fi
mkdir -p _build
cd _build
if [ ! -f Makefile ] || [ ../configure -nt config.status ]; then
	../configure --enable-werror "$@"
fi
make -j"$(nproc)"
