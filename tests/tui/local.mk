# The reader in a real terminal: TAP shell scripts that start treaty in tmux,
# type keys and read the screen back (see tests/tui/tmux.sh).
TUI_TESTS = \
	tests/tui/startup.sh \
	tests/tui/navigate.sh \
	tests/tui/search.sh \
	tests/tui/hits.sh \
	tests/tui/backlinks.sh \
	tests/tui/terms.sh \
	tests/tui/beside.sh \
	tests/tui/languages.sh \
	tests/tui/resize.sh \
	tests/tui/bidi.sh \
	tests/tui/safety.sh \
	tests/tui/signals.sh \
	tests/tui/window.sh \
	tests/tui/library-first.sh \
	tests/tui/upgrade.sh
TESTS += $(TUI_TESTS)

check_PROGRAMS += tests/tui/model-test
tests_tui_model_test_SOURCES = tests/tui/model-test.c
tests_tui_model_test_LDADD = tui/libtui.a $(TEST_LIBS_CORPUS)
TESTS += tests/tui/model-test
EXTRA_DIST += $(TUI_TESTS) tests/tui/tmux.sh \
	tests/fixtures/tui-reader.en.txt tests/fixtures/tui-reader.fr.txt \
	tests/fixtures/tui-reader.zh.txt tests/fixtures/tui-reader.ar.txt \
	tests/fixtures/tui-hostile.en.txt \
	tests/fixtures/tui-hits.en.txt tests/fixtures/tui-hits.fr.txt \
	tests/fixtures/tui-hits.zh.txt
