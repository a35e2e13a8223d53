# The language of the interface: --ui-lang and LANGUAGE, and complete catalogues.
TESTS += tests/nls/ui-lang.sh tests/nls/catalogues.sh
EXTRA_DIST += tests/nls/ui-lang.sh tests/nls/catalogues.sh
