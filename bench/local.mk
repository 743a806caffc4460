# The benchmark is run by hand (bash bench/run.sh BUILD_DIR), never by
# `make check`: see bench/README.md.
EXTRA_DIST += bench/run.sh bench/bench-prog.c bench/README.md
EXTRA_DIST += bench/size.sh bench/size.md
