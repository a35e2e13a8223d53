# Fuzz targets: each builds for libFuzzer (see its header) and, without it,
# runs in make check over generated input with a fixed seed.
check_PROGRAMS += tests/fuzz/refs-fuzz
tests_fuzz_refs_fuzz_SOURCES = tests/fuzz/refs-fuzz.c
tests_fuzz_refs_fuzz_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/fuzz/refs-fuzz
