# stub: the protocol engine (freestanding: no libc beyond mem*). The list is
# named so that cross builds (bare-metal firmware, size report) take the same
# files.
engine_sources = \
	stub/internal.h \
	stub/errors.c \
	stub/hex.c \
	stub/log.c \
	stub/output.c \
	stub/receive.c \
	stub/dispatch.c \
	stub/engine.c \
	stub/stop.c \
	stub/registers.c \
	stub/sve.c \
	stub/target_regs.c \
	stub/memory.c \
	stub/swbreak.c \
	stub/breakpoints.c \
	stub/resume.c \
	stub/threads.c \
	stub/thread_id.c \
	stub/xfer.c \
	stub/connection.c \
	stub/monitor.c \
	stub/stepping.c \
	stub/syscalls.c
libgstub_la_SOURCES += $(engine_sources)
