# stub: the protocol engine (freestanding: no libc beyond mem*). The list is
# named so that cross builds (bare-metal firmware, size report) take the same
# files.
engine_sources = \
	stub/internal.h \
	stub/errors.c \
	stub/hex.c \
	stub/log.c \
	stub/output.c \
	stub/rle.c \
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

# The smallest configuration: every build switch of gstub/config.h off.
# The unit test engine-minimal and the AArch64 firmware's
# gstub-fw-a64-smallest.elf are built with it; bench/size.sh and
# tests/build/freestanding-cross.sh read it from here.
GSTUB_SMALLEST_CONFIG = -DGSTUB_CONFIG_MONITOR=0 -DGSTUB_CONFIG_PACKET_LOG=0 \
	-DGSTUB_CONFIG_SYSCALL_CATCH=0 -DGSTUB_CONFIG_THREADS=0 \
	-DGSTUB_CONFIG_ENGINE_STEPPING=0 -DGSTUB_CONFIG_SVE_CURRENT=0 \
	-DGSTUB_CONFIG_SW_BREAKPOINTS=0 -DGSTUB_CONFIG_VCONT=0 \
	-DGSTUB_CONFIG_MULTIPROCESS=0
