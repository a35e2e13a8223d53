# The bad-input catalogue (see tests/bad-input/README.md): exact messages, and
# proof that the user's data and the corpus did not change.
BAD_INPUT_TESTS = tests/bad-input/import.sh tests/bad-input/text.sh \
	tests/bad-input/query.sh tests/bad-input/databases.sh \
	tests/bad-input/library.sh tests/bad-input/terminal.sh
TESTS += $(BAD_INPUT_TESTS)
EXTRA_DIST += $(BAD_INPUT_TESTS) tests/bad-input/lib.sh tests/bad-input/cases.sh \
	tests/bad-input/README.md
