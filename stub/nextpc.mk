# stub/nextpc.mk: the next-pc decoders (software single step) and their tests
nextpc_sources = \
	stub/nextpc.h \
	stub/nextpc-env.c \
	stub/nextpc-a64.c \
	stub/nextpc-arm.h \
	stub/nextpc-arm.c \
	stub/nextpc-a32.c \
	stub/nextpc-t32.c
libgstub_la_SOURCES += $(nextpc_sources)

# A pure unit test (no emulator): exception cases, memory and register errors.
check_PROGRAMS += tests/unit/nextpc-unit
TESTS += tests/unit/nextpc-unit
tests_unit_nextpc_unit_SOURCES = tests/unit/nextpc-unit.c
tests_unit_nextpc_unit_LDADD = libgstub.la

# Oracle tests: every prediction against Unicorn executing the instruction.
EXTRA_DIST += tests/unit/nextpc-oracle.h
if HAVE_UNICORN
check_PROGRAMS += tests/unit/nextpc-oracle-a64 tests/unit/nextpc-oracle-arm
TESTS += tests/unit/nextpc-oracle-a64 tests/unit/nextpc-oracle-arm
tests_unit_nextpc_oracle_a64_SOURCES = tests/unit/nextpc-oracle-a64.c
tests_unit_nextpc_oracle_a64_CFLAGS = $(AM_CFLAGS) $(UNICORN_CFLAGS)
tests_unit_nextpc_oracle_a64_LDADD = libgstub.la $(UNICORN_LIBS)
tests_unit_nextpc_oracle_arm_SOURCES = tests/unit/nextpc-oracle-arm.c
tests_unit_nextpc_oracle_arm_CFLAGS = $(AM_CFLAGS) $(UNICORN_CFLAGS)
tests_unit_nextpc_oracle_arm_LDADD = libgstub.la $(UNICORN_LIBS)
endif
