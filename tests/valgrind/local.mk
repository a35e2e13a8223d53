# make check-valgrind: the reader's end-to-end tests (tests/tui) again, with
# every treaty they start under valgrind memcheck; then each run's log must
# show no error and no definite leak (tests/valgrind/verdict.sh, TAP).  Not
# part of make check (it takes minutes); .ci/run runs it once.
VALGRIND_LOGS = $(abs_top_builddir)/tests/valgrind/logs
EXTRA_DIST += tests/valgrind/treaty-vg.sh tests/valgrind/verdict.sh tests/valgrind/treaty.supp

check-valgrind: all
	@command -v valgrind >/dev/null || { \
		echo "make check-valgrind needs valgrind (Debian: apt-get install valgrind)"; exit 1; }
	@rm -rf $(VALGRIND_LOGS) && $(MKDIR_P) $(VALGRIND_LOGS)
	@$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(TUI_TESTS)' \
		TEST_SUITE_LOG=tests/valgrind/test-suite.log \
		TESTS_ENVIRONMENT='VALGRIND_LOGS=$(VALGRIND_LOGS); \
		VALGRIND_TREATY=$(abs_top_builddir)/treaty$(EXEEXT); \
		TREATY=$(abs_top_srcdir)/tests/valgrind/treaty-vg.sh; \
		export VALGRIND_LOGS VALGRIND_TREATY TREATY;'; \
	tests=$$?; \
	$(SHELL) $(srcdir)/tests/valgrind/verdict.sh $(VALGRIND_LOGS) >tests/valgrind/verdict.log; \
	memcheck=$$?; \
	grep -v '^ok ' tests/valgrind/verdict.log; \
	echo "valgrind: $$(grep -c '^ok ' tests/valgrind/verdict.log) runs clean," \
		"$$(grep -c '^not ok ' tests/valgrind/verdict.log) with errors or definite leaks"; \
	test $$tests -eq 0 && test $$memcheck -eq 0

clean-local: clean-valgrind
clean-valgrind:
	rm -rf $(VALGRIND_LOGS) tests/valgrind/verdict.log tests/valgrind/test-suite.log

.PHONY: check-valgrind clean-valgrind
