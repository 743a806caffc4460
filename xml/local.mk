# xml: target descriptions and the register maps derived from them
libgstub_la_SOURCES += \
	xml/tdesc-internal.h \
	xml/tdesc-build.c \
	xml/tdesc-lookup.c \
	xml/tdesc-xml.c \
	xml/tdesc-aarch64.c \
	xml/tdesc-arm.c \
	xml/tdesc-x86-64.c

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
