EXTRA_DIST += bench/run.sh bench/bench-prog.c
