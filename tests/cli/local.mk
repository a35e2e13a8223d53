# Command-line tests: shell scripts speaking TAP against the built treaty.
TESTS += tests/cli/cli.sh tests/cli/refs.sh tests/cli/statements.sh
EXTRA_DIST += tests/cli/cli.sh tests/cli/refs.sh tests/fixtures/README.md tests/fixtures/test-convention.fr.txt \
	tests/fixtures/test-inserted.en.txt \
	tests/cli/statements.sh tests/fixtures/statement-draft.en.txt tests/fixtures/statement-draft.fr.txt \
	tests/fixtures/statement-draft.ru.txt tests/fixtures/statement-draft.ar.txt
