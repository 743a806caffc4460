# fuzz: a libFuzzer target for the description loader (fuzz/run.sh builds
# and runs it with clang); `make check` replays its seed corpus and the
# loader's test corpus through it with a plain main instead (TAP).
if HAVE_EXPAT
check_PROGRAMS += fuzz/tdesc-load-replay
TESTS += fuzz/tdesc-load-replay
fuzz_tdesc_load_replay_SOURCES = fuzz/tdesc-load-fuzz.c fuzz/replay-main.c
fuzz_tdesc_load_replay_LDADD = libgstub.la
fuzz_tdesc_load_replay_CPPFLAGS = $(AM_CPPFLAGS) \
	-DFUZZ_DEFAULT_DIRS='"$(abs_top_srcdir)/fuzz/corpus", "$(abs_top_srcdir)/tests/tdesc-corpus/good", "$(abs_top_srcdir)/tests/tdesc-corpus/bad"'
endif
EXTRA_DIST += fuzz/run.sh fuzz/corpus
