# targets/baremetal/arm: firmware with gstub inside, for QEMU's virt board
# (AArch32, -cpu cortex-a15), with the board's drivers from
# targets/baremetal/common. Built with the bare-metal cross compiler in
# explicit rules: the monitor with the engine and the descriptions for soft
# float (so it never touches the program's VFP registers), the user program
# in ARM and Thumb with VFPv3/NEON. See targets/baremetal/arm/README.md.
arm_fw_dir = targets/baremetal/arm

arm_fw_monitor_sources = \
	$(arm_fw_dir)/board.h \
	$(arm_fw_dir)/context.h \
	$(arm_fw_dir)/coproc.h \
	$(arm_fw_dir)/monitor.h \
	$(arm_fw_dir)/vfp.h \
	$(arm_fw_dir)/start.S \
	$(arm_fw_dir)/vfp.S \
	$(arm_fw_dir)/monitor.c \
	$(arm_fw_dir)/target_ops.c \
	$(arm_fw_dir)/register_ops.c \
	$(arm_fw_dir)/hwdebug.c \
	$(arm_fw_dir)/memory_map.c

arm_fw_user_sources = \
	$(arm_fw_dir)/user.h \
	$(arm_fw_dir)/user-asm.S \
	$(arm_fw_dir)/user-arm.c \
	$(arm_fw_dir)/user-thumb.c

EXTRA_DIST += \
	$(arm_fw_monitor_sources) \
	$(arm_fw_user_sources) \
	$(arm_fw_dir)/link.ld \
	$(arm_fw_dir)/README.md \
	tests/gstub.board/arm.exp

if HAVE_BAREMETAL_ARM
noinst_DATA += $(arm_fw_dir)/gstub-fw-arm.elf
CLEANFILES += \
	$(arm_fw_dir)/gstub-fw-arm.elf \
	$(arm_fw_dir)/gstub-fw-arm-monitor.o \
	$(arm_fw_dir)/gstub-fw-arm-user.o \
	$(arm_fw_dir)/user-asm.o \
	$(arm_fw_dir)/user-arm.o \
	$(arm_fw_dir)/user-thumb.o

# No unaligned accesses: the MMU is off, so all memory is strongly ordered.
# No loop-to-memcpy rewriting: the firmware's memcpy is such a loop.
ARM_FW_COMMON_FLAGS = -march=armv7-a -mno-unaligned-access \
	-ffreestanding -nostdlib -fno-builtin -fno-tree-loop-distribute-patterns \
	-g -std=gnu11 $(WARN_CFLAGS) -I$(top_srcdir)/include \
	-I$(top_srcdir)/$(baremetal_common_dir)
ARM_FW_MONITOR_FLAGS = $(ARM_FW_COMMON_FLAGS) -marm -mfloat-abi=soft -Os
ARM_FW_USER_FLAGS = $(ARM_FW_COMMON_FLAGS) -mfloat-abi=softfp \
	-mfpu=neon-vfpv3 -O0

# One relocatable object for the monitor, the engine and the descriptions
# (headers in the lists are skipped: gcc would precompile them).
$(arm_fw_dir)/gstub-fw-arm-monitor.o: $(arm_fw_monitor_sources) \
		$(baremetal_common_sources) $(engine_sources) \
		$(nextpc_sources) $(tdesc_sources) $(gstubinclude_HEADERS)
	@$(MKDIR_P) $(arm_fw_dir)
	$(AM_V_CC)srcs=; \
	for f in $(arm_fw_monitor_sources) $(baremetal_common_sources) \
		 $(engine_sources) \
		 $(nextpc_sources) $(tdesc_sources); do \
	  case $$f in *.c|*.S) srcs="$$srcs $(srcdir)/$$f";; esac; \
	done; \
	$(ARM_EABI_CC) $(ARM_FW_MONITOR_FLAGS) -r -o $@ $$srcs

$(arm_fw_dir)/user-asm.o: $(arm_fw_dir)/user-asm.S
	@$(MKDIR_P) $(arm_fw_dir)
	$(AM_V_CC)$(ARM_EABI_CC) $(ARM_FW_USER_FLAGS) -marm -c -o $@ $(srcdir)/$(arm_fw_dir)/user-asm.S
$(arm_fw_dir)/user-arm.o: $(arm_fw_dir)/user-arm.c $(arm_fw_dir)/user.h
	@$(MKDIR_P) $(arm_fw_dir)
	$(AM_V_CC)$(ARM_EABI_CC) $(ARM_FW_USER_FLAGS) -marm -c -o $@ $(srcdir)/$(arm_fw_dir)/user-arm.c
$(arm_fw_dir)/user-thumb.o: $(arm_fw_dir)/user-thumb.c $(arm_fw_dir)/user.h
	@$(MKDIR_P) $(arm_fw_dir)
	$(AM_V_CC)$(ARM_EABI_CC) $(ARM_FW_USER_FLAGS) -mthumb -c -o $@ $(srcdir)/$(arm_fw_dir)/user-thumb.c

# The program in one object, so link.ld can keep its data apart.
$(arm_fw_dir)/gstub-fw-arm-user.o: $(arm_fw_dir)/user-asm.o \
		$(arm_fw_dir)/user-arm.o $(arm_fw_dir)/user-thumb.o
	$(AM_V_CCLD)$(ARM_EABI_CC) -march=armv7-a -nostdlib -r -o $@ \
		$(arm_fw_dir)/user-asm.o $(arm_fw_dir)/user-arm.o \
		$(arm_fw_dir)/user-thumb.o

$(arm_fw_dir)/gstub-fw-arm.elf: $(arm_fw_dir)/gstub-fw-arm-monitor.o \
		$(arm_fw_dir)/gstub-fw-arm-user.o $(arm_fw_dir)/link.ld
	$(AM_V_CCLD)$(ARM_EABI_CC) -march=armv7-a -marm -mfloat-abi=soft \
		-nostdlib -T $(srcdir)/$(arm_fw_dir)/link.ld -o $@ \
		$(arm_fw_dir)/gstub-fw-arm-monitor.o \
		$(arm_fw_dir)/gstub-fw-arm-user.o -lgcc
endif
