# tests/build: checks on how gstub builds (compilers, freestanding cross builds)

# stub/ and xml/ cross-compiled for bare metal (AArch64, Cortex-M4): they
# build warning-free and need nothing but mem*. A small wrapper carries the
# cross compilers configure found and the build's own source lists; a
# missing compiler makes its checks SKIP.
check_SCRIPTS += tests/build/freestanding-cross
TESTS += tests/build/freestanding-cross
tests/build/freestanding-cross: $(srcdir)/tests/build/freestanding-cross.sh Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/build && \
	{ echo '#!/bin/sh'; \
	  echo 'AARCH64_CC="$(AARCH64_CC)" ARM_EABI_CC="$(ARM_EABI_CC)" top_srcdir="$(abs_top_srcdir)" \'; \
	  echo 'sources="$(engine_sources) $(nextpc_sources) $(tdesc_sources)" \'; \
	  echo 'exec $(SHELL) "$(abs_top_srcdir)/tests/build/freestanding-cross.sh" "$$@"'; \
	} > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
CLEANFILES += tests/build/freestanding-cross
EXTRA_DIST += tests/build/freestanding-cross.sh

# The 16 KiB budget of the smallest configuration (bench/size.sh's own
# verdict, AArch64 + SVE and M-profile), so that no change slips past it.
check_SCRIPTS += tests/build/size-budget
TESTS += tests/build/size-budget
tests/build/size-budget: $(srcdir)/tests/build/size-budget.sh Makefile
	$(AM_V_GEN)$(MKDIR_P) tests/build && \
	{ echo '#!/bin/sh'; \
	  echo 'AARCH64_CC="$(AARCH64_CC)" ARM_EABI_CC="$(ARM_EABI_CC)" HOST_CC="$(CC)" top_srcdir="$(abs_top_srcdir)" \'; \
	  echo 'exec $(SHELL) "$(abs_top_srcdir)/tests/build/size-budget.sh" "$$@"'; \
	} > $@.tmp && chmod +x $@.tmp && mv $@.tmp $@
CLEANFILES += tests/build/size-budget
EXTRA_DIST += tests/build/size-budget.sh
