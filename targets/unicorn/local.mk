# targets/unicorn: gstub-run, a Unicorn-based emulator for static AArch64 and
# ARM Linux programs with the engine embedded (built only with Unicorn 2).
if HAVE_UNICORN
# The guest layer (ELF loading, CPU, syscalls, hardware points), shared by
# gstub-run and its unit test.
GRUN_GUEST_SOURCES = \
	targets/unicorn/elf_load.c \
	targets/unicorn/cpu_setup.c \
	targets/unicorn/user_stack.c \
	targets/unicorn/guest_mem.c \
	targets/unicorn/cpu_regs.c \
	targets/unicorn/cpu_run.c \
	targets/unicorn/fault_locate.c \
	targets/unicorn/linux_signals.c \
	targets/unicorn/syscall_table.c \
	targets/unicorn/syscalls.c \
	targets/unicorn/syscall_stops.c \
	targets/unicorn/code_stops.c \
	targets/unicorn/range_step.c \
	targets/unicorn/hw_points.c

bin_PROGRAMS += gstub-run
gstub_run_SOURCES = \
	targets/unicorn/guest.h \
	targets/unicorn/debugger.h \
	targets/unicorn/options.h \
	targets/unicorn/syscall_table.h \
	$(GRUN_GUEST_SOURCES) \
	targets/unicorn/main.c \
	targets/unicorn/options.c \
	targets/unicorn/debug_ops.c \
	targets/unicorn/target_desc.c \
	targets/unicorn/monitor_cmds.c \
	targets/unicorn/run_loop.c \
	targets/unicorn/out_batch.c
gstub_run_CFLAGS = $(AM_CFLAGS) $(UNICORN_CFLAGS)
gstub_run_LDADD = libgstub.la $(UNICORN_LIBS)

# Unit tests: the guest layer runs tiny hand-made ELF files (no cross
# compiler needed); the option parser runs alone.
check_PROGRAMS += tests/unit/run-guest tests/unit/run-options tests/unit/run-outbatch
TESTS += tests/unit/run-guest tests/unit/run-options tests/unit/run-outbatch
tests_unit_run_guest_SOURCES = \
	tests/unit/run-guest.c \
	$(GRUN_GUEST_SOURCES)
tests_unit_run_guest_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/targets/unicorn
tests_unit_run_guest_CFLAGS = $(AM_CFLAGS) $(UNICORN_CFLAGS)
tests_unit_run_guest_LDADD = $(UNICORN_LIBS)
tests_unit_run_options_SOURCES = tests/unit/run-options.c targets/unicorn/options.c
tests_unit_run_options_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/targets/unicorn
# The output batch alone, with the connection's write replaced by the test.
tests_unit_run_outbatch_SOURCES = tests/unit/run-outbatch.c targets/unicorn/out_batch.c
tests_unit_run_outbatch_CPPFLAGS = $(AM_CPPFLAGS) -I$(top_srcdir)/targets/unicorn
tests_unit_run_outbatch_CFLAGS = $(AM_CFLAGS) $(UNICORN_CFLAGS)
endif
