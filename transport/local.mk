# transport: host transports (TCP, Unix socket, serial tty, stdio) and the
# serve loop. POSIX only; built into libgstub. The pthread library comes from
# configure (AC_SEARCH_LIBS for pthread_create adds it to LIBS where needed).
libgstub_la_SOURCES += \
	transport/transport.h \
	transport/comm.c \
	transport/sockets.c \
	transport/tty.c \
	transport/fdio.c \
	transport/stop_queue.c \
	transport/serve.c

# Unit tests (TAP). transport-comm and transport-stopq test the internal
# pieces directly; the others run the engine behind real sockets, a pty and
# stdio in a child process.
TRANSPORT_TESTS = \
	tests/unit/transport-comm \
	tests/unit/transport-stopq \
	tests/unit/transport-serve \
	tests/unit/transport-tty \
	tests/unit/transport-stdio
check_PROGRAMS += $(TRANSPORT_TESTS)
TESTS += $(TRANSPORT_TESTS)

TRANSPORT_TEST_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/transport
tests_unit_transport_comm_SOURCES = tests/unit/transport-comm.c
tests_unit_transport_comm_CPPFLAGS = $(TRANSPORT_TEST_CPPFLAGS)
tests_unit_transport_comm_LDADD = libgstub.la
tests_unit_transport_stopq_SOURCES = tests/unit/transport-stopq.c
tests_unit_transport_stopq_CPPFLAGS = $(TRANSPORT_TEST_CPPFLAGS)
tests_unit_transport_stopq_LDADD = libgstub.la
tests_unit_transport_serve_SOURCES = tests/unit/transport-serve.c \
	tests/unit/transport-util.h
tests_unit_transport_serve_LDADD = libgstub.la
tests_unit_transport_tty_SOURCES = tests/unit/transport-tty.c \
	tests/unit/transport-util.h
tests_unit_transport_tty_LDADD = libgstub.la
tests_unit_transport_stdio_SOURCES = tests/unit/transport-stdio.c \
	tests/unit/transport-util.h
tests_unit_transport_stdio_LDADD = libgstub.la

# A real gdb against the transports (skipped when gdb-multiarch is missing).
check_PROGRAMS += tests/unit/transport-gdb-server
tests_unit_transport_gdb_server_SOURCES = tests/unit/transport-gdb-server.c \
	tests/unit/transport-util.h
tests_unit_transport_gdb_server_LDADD = libgstub.la
TESTS += tests/unit/transport-gdb.sh
EXTRA_DIST += tests/unit/transport-gdb.sh
