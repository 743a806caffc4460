# examples/: the embedding example from the README, built by `make check` so
# that it can never rot; demo.c is the program the README's first command serves.
check_PROGRAMS += examples/embed
examples_embed_SOURCES = examples/embed.c
examples_embed_LDADD = libgstub.la
EXTRA_DIST += examples/demo.c
TESTS += tests/examples/embed-gdb.sh
EXTRA_DIST += tests/examples/embed-gdb.sh
