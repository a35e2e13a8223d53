# Crash safety: treaty killed with SIGKILL while it writes (tests/crash/crash.sh;
# tests/crash/many.sh for hundreds of kills).  fts-check verifies a library
# after each kill, the "treaty" tokenizer registered.
check_PROGRAMS += tests/crash/fts-check
tests_crash_fts_check_SOURCES = tests/crash/fts-check.c
tests_crash_fts_check_LDADD = i18n/libi18n.a $(BASE_LIBS)
TESTS += tests/crash/crash.sh tests/crash/reader.sh
EXTRA_DIST += tests/crash/crash.sh tests/crash/reader.sh tests/crash/many.sh
