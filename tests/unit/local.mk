# tests/unit: the engine's unit tests (TAP), on a scripted mock target
ENGINE_TESTS = \
	tests/unit/engine-framing \
	tests/unit/engine-packets \
	tests/unit/engine-stops \
	tests/unit/engine-xfer \
	tests/unit/engine-log \
	tests/unit/engine-multi \
	tests/unit/engine-multiprocess \
	tests/unit/engine-sve \
	tests/unit/engine-step \
	tests/unit/engine-rle
check_PROGRAMS += $(ENGINE_TESTS)
TESTS += $(ENGINE_TESTS) tests/unit/engine-freestanding
noinst_LTLIBRARIES += tests/unit/libmock.la
tests_unit_libmock_la_SOURCES = tests/unit/mock-target.c tests/unit/mock-target.h
ENGINE_TEST_LIBS = tests/unit/libmock.la libgstub.la

tests_unit_engine_framing_SOURCES = tests/unit/engine-framing.c
tests_unit_engine_framing_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_packets_SOURCES = tests/unit/engine-packets.c
tests_unit_engine_packets_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_stops_SOURCES = tests/unit/engine-stops.c
tests_unit_engine_stops_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_xfer_SOURCES = tests/unit/engine-xfer.c
tests_unit_engine_xfer_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_log_SOURCES = tests/unit/engine-log.c
tests_unit_engine_log_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_multi_SOURCES = tests/unit/engine-multi.c
tests_unit_engine_multi_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_multiprocess_SOURCES = tests/unit/engine-multiprocess.c
tests_unit_engine_multiprocess_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_sve_SOURCES = tests/unit/engine-sve.c
tests_unit_engine_sve_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_step_SOURCES = tests/unit/engine-step.c
tests_unit_engine_step_LDADD = $(ENGINE_TEST_LIBS)
tests_unit_engine_rle_SOURCES = tests/unit/engine-rle.c
tests_unit_engine_rle_LDADD = $(ENGINE_TEST_LIBS)

# The freestanding check compiles stub/*.c with the configured compiler: a
# small wrapper carries $(CC) and the source folder to the script.
check_SCRIPTS = tests/unit/engine-freestanding
tests/unit/engine-freestanding: $(srcdir)/tests/unit/engine-freestanding.sh Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/unit && \
	{ echo '#!/bin/sh'; \
	  echo 'CC="$(CC)" top_srcdir="$(abs_top_srcdir)" exec $(SHELL) "$(abs_top_srcdir)/tests/unit/engine-freestanding.sh" "$$@"'; \
	} > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
CLEANFILES += tests/unit/engine-freestanding
EXTRA_DIST += tests/unit/engine-freestanding.sh

# SVE vector-length policies with a real gdb (skipped without gdb-multiarch)
check_PROGRAMS += tests/unit/sve-gdb-server
tests_unit_sve_gdb_server_SOURCES = tests/unit/sve-gdb-server.c
tests_unit_sve_gdb_server_LDADD = libgstub.la
TESTS += tests/unit/sve-gdb.sh
EXTRA_DIST += tests/unit/sve-gdb.sh

# Descriptions as gdb reads them: every SVE length, every other built-in
# configuration, and a differential against QEMU's own gdbstub
TESTS += tests/unit/tdesc-gdb-sve.sh tests/unit/tdesc-gdb-others.sh \
	tests/unit/tdesc-gdb-qemu.sh
EXTRA_DIST += tests/unit/tdesc-gdb-sve.sh tests/unit/tdesc-gdb-others.sh \
	tests/unit/tdesc-gdb-qemu.sh tests/unit/tdesc-gdb-lib.sh

# The engine in its smallest configuration, compiled from its sources (not
# libgstub): left-out packets get the empty reply, the core packets still
# work.
check_PROGRAMS += tests/unit/engine-minimal
TESTS += tests/unit/engine-minimal
tests_unit_engine_minimal_SOURCES = tests/unit/engine-minimal.c \
	tests/unit/mock-target.c tests/unit/mock-target.h \
	$(engine_sources) $(nextpc_sources) $(tdesc_sources)
tests_unit_engine_minimal_CPPFLAGS = $(AM_CPPFLAGS) $(GSTUB_SMALLEST_CONFIG)
# The same with vCont kept: what the target's own range stepping needs.
check_PROGRAMS += tests/unit/engine-minimal-vcont
TESTS += tests/unit/engine-minimal-vcont
tests_unit_engine_minimal_vcont_SOURCES = $(tests_unit_engine_minimal_SOURCES)
tests_unit_engine_minimal_vcont_CPPFLAGS = $(AM_CPPFLAGS) \
	$(GSTUB_SMALLEST_CONFIG) -UGSTUB_CONFIG_VCONT
