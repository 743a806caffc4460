# tests: the DejaGnu tiers run by `make check` through automake's dejagnu
# support: gstub.gdb (a real gdb-multiarch against gstub-run, per
# architecture), gstub.proto (raw packets over a socket), gstub.log (gdb's
# packet log against gstub's). Tools configure did not find are passed
# empty: those tests say UNSUPPORTED. Useful runs:
#   make check-DEJAGNU RUNTESTFLAGS="basics.exp GSTUB_ARCHES=thumb"
#   make check-DEJAGNU RUNTESTFLAGS="GSTUB_PEER=qemu"   (qemu-user's stub
#       instead, for comparison; it listens on all interfaces, so run it in
#       a private network namespace)
#   tests/summary.sh         after `make check`: one line per tier, totals
DEJATOOL = gstub
# automake's own RUNTESTDEFAULTFLAGS (--tool gstub --srcdir TOP) cannot be
# overridden under -Wall -Werror; a later --srcdir wins, so the tiers' folder
# is given here.
AM_RUNTESTFLAGS = \
	--srcdir $(abs_top_srcdir)/tests \
	GSTUB_RUN=$(abs_top_builddir)/gstub-run \
	GDB=$(GDB_MULTIARCH) \
	AARCH64_CC=$(AARCH64_CC) \
	ARM_CC=$(ARM_CC) \
	GSTUB_SRCDIR=$(abs_top_srcdir) \
	GSTUB_BUILDDIR=$(abs_top_builddir) \
	QEMU_SYSTEM_AARCH64=$(QEMU_SYSTEM_AARCH64) \
	QEMU_SYSTEM_ARM=$(QEMU_SYSTEM_ARM)
# runtest looks for the tiers in testsuite/ unless site.exp says otherwise.
EXTRA_DEJAGNU_SITE_CONFIG = $(top_srcdir)/tests/config/site.exp

EXTRA_DIST += \
	tests/summary.sh \
	tests/config/unix.exp \
	tests/config/site.exp \
	tests/lib/gstub.exp \
	tests/lib/gstub-support.exp \
	tests/lib/gstub-server.exp \
	tests/lib/gstub-gdb.exp \
	tests/lib/gstub-rsp.exp \
	tests/lib/gstub-pktlog.exp \
	tests/lib/gstub-step.exp \
	tests/lib/gstub-board.exp \
	tests/progs/basics.c \
	tests/progs/spin.c \
	tests/progs/step-cases.c \
	tests/gstub.gdb/basics.exp \
	tests/gstub.gdb/entry.exp \
	tests/gstub.gdb/interrupt.exp \
	tests/gstub.gdb/reattach.exp \
	tests/gstub.proto/badinput.exp \
	tests/gstub.proto/order.exp \
	tests/gstub.proto/resume.exp \
	tests/gstub.log/pktlog.exp \
	tests/gstub.step/syscalls.exp \
	tests/gstub.step/lines.exp

# Test programs, server output and logs go to tests/tmp of the build.
clean-local: clean-local-dejagnu-tmp
.PHONY: clean-local-dejagnu-tmp
clean-local-dejagnu-tmp:
	-rm -rf tests/tmp
