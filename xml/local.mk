# xml: target descriptions and the register maps derived from them
# (freestanding, like the engine; named for the cross builds)
tdesc_sources = \
	xml/tdesc-internal.h \
	xml/tdesc-packed.h \
	xml/tdesc-packed.c \
	xml/tdesc-build.c \
	xml/tdesc-lookup.c \
	xml/tdesc-neon-q.c \
	xml/tdesc-xml.c \
	xml/tdesc-aarch64.c \
	xml/tdesc-arm.c \
	xml/tdesc-x86-64.c
libgstub_la_SOURCES += $(tdesc_sources)

# unit tests of the descriptions (TAP)
tdesc_unit_tests = \
	tests/unit/tdesc-layout \
	tests/unit/tdesc-xml \
	tests/unit/tdesc-lookup
check_PROGRAMS += $(tdesc_unit_tests)
TESTS += $(tdesc_unit_tests)
tests_unit_tdesc_layout_SOURCES = tests/unit/tdesc-layout.c tests/unit/tdesc-configs.h
tests_unit_tdesc_layout_LDADD = libgstub.la
tests_unit_tdesc_xml_SOURCES = tests/unit/tdesc-xml.c tests/unit/tdesc-configs.h
tests_unit_tdesc_xml_LDADD = libgstub.la
tests_unit_tdesc_lookup_SOURCES = tests/unit/tdesc-lookup.c tests/unit/tdesc-configs.h
tests_unit_tdesc_lookup_LDADD = libgstub.la

# The libexpat loader for user descriptions: host only, built when
# configure found libexpat.
if HAVE_EXPAT
libgstub_la_SOURCES += \
	xml/tdesc-load-internal.h \
	xml/tdesc-load.c \
	xml/tdesc-load-elements.c
AM_CPPFLAGS += $(EXPAT_CFLAGS)
libgstub_la_LIBADD += $(EXPAT_LIBS)
gstubinclude_HEADERS += include/gstub/tdesc-load.h

tdesc_load_unit_tests = \
	tests/unit/tdesc-load-roundtrip \
	tests/unit/tdesc-load-include \
	tests/unit/tdesc-load-corpus
check_PROGRAMS += $(tdesc_load_unit_tests)
TESTS += $(tdesc_load_unit_tests)
tests_unit_tdesc_load_roundtrip_SOURCES = tests/unit/tdesc-load-roundtrip.c \
	tests/unit/tdesc-load-check.h tests/unit/tdesc-configs.h
tests_unit_tdesc_load_roundtrip_LDADD = libgstub.la
tests_unit_tdesc_load_include_SOURCES = tests/unit/tdesc-load-include.c \
	tests/unit/tdesc-load-check.h tests/unit/tdesc-configs.h
tests_unit_tdesc_load_include_LDADD = libgstub.la
tests_unit_tdesc_load_corpus_SOURCES = tests/unit/tdesc-load-corpus.c \
	tests/unit/tdesc-load-check.h
tests_unit_tdesc_load_corpus_LDADD = libgstub.la
tests_unit_tdesc_load_corpus_CPPFLAGS = $(AM_CPPFLAGS) \
	-DTDESC_CORPUS_DIR='"$(abs_top_srcdir)/tests/tdesc-corpus"'
endif
EXTRA_DIST += tests/tdesc-corpus

