# tests/: unit tests per room (TAP programs), command-line and terminal tests
# (TAP shell scripts).  Every test speaks TAP so that .ci/run can count cases.
LOG_DRIVER = env AM_TAP_AWK='$(AWK)' $(SHELL) $(top_srcdir)/build-aux/tap-driver.sh
TEST_EXTENSIONS = .sh
SH_LOG_DRIVER = $(LOG_DRIVER)
AM_TESTS_ENVIRONMENT = \
	top_srcdir='$(top_srcdir)'; top_builddir='$(top_builddir)'; \
	TREATY='$(abs_top_builddir)/treaty'; \
	TREATY_CORPUS='$(abs_top_builddir)/corpus.db'; \
	CORPUS_SRC='$(CORPUS_SRC)'; \
	unset LANGUAGE; \
	export top_srcdir top_builddir TREATY TREATY_CORPUS CORPUS_SRC;
EXTRA_DIST += tests/tap.h tests/lib.sh

include tests/unit/local.mk
include tests/cli/local.mk
include tests/nls/local.mk
include tests/fuzz/local.mk
include tests/bad-input/local.mk
include tests/valgrind/local.mk
include tests/crash/local.mk
include tests/formats/local.mk
include tests/tui/local.mk
