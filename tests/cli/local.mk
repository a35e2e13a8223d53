# Command-line tests: shell scripts speaking TAP against the built treaty.
TESTS +=
