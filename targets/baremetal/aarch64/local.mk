# targets/baremetal/aarch64: firmware with gstub inside, for QEMU's virt board
#
# One ELF: an EL1 monitor (the engine, the target descriptions, the board's
# drivers from targets/baremetal/common) and an EL0 program (user-*). Built
# with the Linux cross compiler in freestanding mode; nothing from its libc
# is linked. The monitor never
# touches FP/SVE registers (-mgeneral-regs-only): they hold the program's.
a64_dir = targets/baremetal/aarch64
a64_fw = $(a64_dir)/gstub-fw-a64.elf

a64_monitor_c = \
	$(a64_dir)/monitor.c \
	$(a64_dir)/traps.c \
	$(a64_dir)/console.c \
	$(a64_dir)/bootargs.c \
	$(a64_dir)/regs.c \
	$(a64_dir)/memory.c \
	$(a64_dir)/hwdebug.c \
	$(a64_dir)/syscalls.c \
	$(a64_dir)/mmu.c \
	$(a64_dir)/fdt.c
a64_monitor_s = \
	$(a64_dir)/start.S \
	$(a64_dir)/sve-access.S \
	$(a64_dir)/fp-access.S
a64_user_c = $(a64_dir)/user-demo.c
a64_user_s = $(a64_dir)/user-crt.S $(a64_dir)/user-sve.S
a64_headers = \
	$(a64_dir)/board.h \
	$(a64_dir)/monitor.h \
	$(a64_dir)/vector-access.h

EXTRA_DIST += $(a64_monitor_c) $(a64_monitor_s) $(a64_user_c) $(a64_user_s) \
	$(a64_headers) $(a64_dir)/link.ld $(a64_dir)/README.md \
	tests/gstub.board/aarch64.exp tests/gstub.board/aarch64-sve.exp

A64_COMMON_FLAGS = -std=gnu11 -ffreestanding -nostdlib -fno-builtin \
	-fno-tree-loop-distribute-patterns -fno-stack-protector -fno-pie \
	-mno-outline-atomics -g -I$(top_srcdir)/include -I$(top_srcdir)/stub \
	-I$(top_srcdir)/xml -I$(top_srcdir)/$(a64_dir) \
	-I$(top_srcdir)/$(baremetal_common_dir)
A64_MONITOR_FLAGS = $(A64_COMMON_FLAGS) $(WARN_CFLAGS) -O2 -mgeneral-regs-only
# The program is built for debugging: every line and variable where gdb
# expects them.
A64_USER_FLAGS = $(A64_COMMON_FLAGS) $(WARN_CFLAGS) -O0

a64_monitor_all = $(engine_sources) $(nextpc_sources) $(tdesc_sources) \
	$(a64_monitor_c) $(a64_monitor_s) $(a64_headers) \
	$(baremetal_common_sources)
a64_user_all = $(a64_user_c) $(a64_user_s)

# The same firmware with the engine in its smallest configuration
# ($(GSTUB_SMALLEST_CONFIG): no Z0, monitor commands, packet log, syscall
# catching, threads, engine stepping or SVE `current` policy), the one
# bench/size.sh measures: the board tier runs gdb against it too.
a64_fw_smallest = $(a64_dir)/gstub-fw-a64-smallest.elf

# The monitor's sources for the compiler; headers in the list are skipped,
# gcc would precompile them.
a64_monitor_files = `for f in $(a64_monitor_all); do case $$f in *.c|*.S) \
	if test -f $$f; then echo $$f; else echo $(srcdir)/$$f; fi;; esac; done`
a64_link = $(AARCH64_CC) $(A64_COMMON_FLAGS) -static -no-pie \
	-Wl,--build-id=none -Wl,--no-warn-rwx-segments \
	-T $(srcdir)/$(a64_dir)/link.ld -o $@

if HAVE_BAREMETAL_AARCH64
# Built by `make` (the board tier needs them, and they prove the engine
# builds freestanding).
noinst_DATA += $(a64_fw) $(a64_fw_smallest)
CLEANFILES += $(a64_fw) $(a64_dir)/gstub-fw-a64-monitor.o \
	$(a64_dir)/gstub-fw-a64-user.o $(a64_fw_smallest) \
	$(a64_dir)/gstub-fw-a64-smallest-monitor.o

# Each part is one relocatable object (link.ld tells them apart by name).
$(a64_dir)/gstub-fw-a64-monitor.o: $(a64_monitor_all) include/gstub/gstub.h \
		include/gstub/tdesc.h include/gstub/config.h
	@$(MKDIR_P) $(a64_dir)
	$(AM_V_CC)$(AARCH64_CC) $(A64_MONITOR_FLAGS) -r -o $@ $(a64_monitor_files)
$(a64_dir)/gstub-fw-a64-smallest-monitor.o: $(a64_monitor_all) \
		include/gstub/gstub.h include/gstub/tdesc.h include/gstub/config.h
	@$(MKDIR_P) $(a64_dir)
	$(AM_V_CC)$(AARCH64_CC) $(A64_MONITOR_FLAGS) $(GSTUB_SMALLEST_CONFIG) \
	  -r -o $@ $(a64_monitor_files)
$(a64_dir)/gstub-fw-a64-user.o: $(a64_user_all)
	@$(MKDIR_P) $(a64_dir)
	$(AM_V_CC)$(AARCH64_CC) $(A64_USER_FLAGS) -r -o $@ \
	  `for f in $(a64_user_all); do \
	    if test -f $$f; then echo $$f; else echo $(srcdir)/$$f; fi; done`
$(a64_fw): $(a64_dir)/gstub-fw-a64-monitor.o $(a64_dir)/gstub-fw-a64-user.o \
		$(a64_dir)/link.ld
	$(AM_V_GEN)$(a64_link) $(a64_dir)/gstub-fw-a64-monitor.o \
	  $(a64_dir)/gstub-fw-a64-user.o
$(a64_fw_smallest): $(a64_dir)/gstub-fw-a64-smallest-monitor.o \
		$(a64_dir)/gstub-fw-a64-user.o $(a64_dir)/link.ld
	$(AM_V_GEN)$(a64_link) $(a64_dir)/gstub-fw-a64-smallest-monitor.o \
	  $(a64_dir)/gstub-fw-a64-user.o
endif
