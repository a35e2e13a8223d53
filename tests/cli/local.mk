# Command-line tests: shell scripts speaking TAP against the built treaty.
TESTS += tests/cli/cli.sh tests/cli/refs.sh
EXTRA_DIST += tests/cli/cli.sh tests/cli/refs.sh tests/fixtures/README.md tests/fixtures/test-convention.fr.txt
