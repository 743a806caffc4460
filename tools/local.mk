# tools: small programs on the library
bin_PROGRAMS += tools/gstub-tdesc
tools_gstub_tdesc_SOURCES = tools/gstub-tdesc.c
tools_gstub_tdesc_LDADD = libgstub.la

# gdb itself must read every built-in description as gstub-tdesc lays it out
TESTS += tools/gdb-check-tdesc.sh
EXTRA_DIST += tools/gdb-check-tdesc.sh

# --load/--check read user descriptions through the libexpat loader
tools_gstub_tdesc_CPPFLAGS = $(AM_CPPFLAGS)
if HAVE_EXPAT
tools_gstub_tdesc_CPPFLAGS += -DGSTUB_TDESC_LOADER=1
TESTS += tools/tdesc-check.sh
endif
EXTRA_DIST += tools/tdesc-check.sh
