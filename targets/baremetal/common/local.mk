# targets/baremetal/common: what both bare-metal firmwares share for QEMU's
# virt board (memory functions, GICv2, PL011, the board's addresses) and
# for their debug registers (which one holds which hardware point). Each
# firmware's local.mk compiles these into its monitor; they are listed
# here once so the distribution carries them once.
baremetal_common_dir = targets/baremetal/common

baremetal_common_sources = \
	$(baremetal_common_dir)/virt-board.h \
	$(baremetal_common_dir)/mem.h \
	$(baremetal_common_dir)/mem.c \
	$(baremetal_common_dir)/virt-gic.h \
	$(baremetal_common_dir)/virt-gic.c \
	$(baremetal_common_dir)/pl011.h \
	$(baremetal_common_dir)/pl011.c \
	$(baremetal_common_dir)/hwpoints.h \
	$(baremetal_common_dir)/arm-debug.h \
	$(baremetal_common_dir)/hwpoints.c

EXTRA_DIST += $(baremetal_common_sources)
