# The display layer: widths, wrapping, stand-ins, bidi layout, and the
# Unicode Consortium's conformance files (read from unicode-data at test time).
check_PROGRAMS += tests/unit/display-test tests/unit/unicode-conformance-test
tests_unit_display_test_SOURCES = tests/unit/display-test.c
tests_unit_display_test_LDADD = $(TEST_LIBS_I18N)
tests_unit_unicode_conformance_test_SOURCES = tests/unit/unicode-conformance-test.c
tests_unit_unicode_conformance_test_LDADD = $(TEST_LIBS_I18N)
TESTS += tests/unit/display-test tests/unit/unicode-conformance-test
