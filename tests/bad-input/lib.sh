# tests/bad-input/lib.sh — what the cases of the bad-input catalogue share:
# a private data directory (tests/lib.sh) and the case helpers (cases.sh).
. "$top_srcdir/tests/lib.sh"
. "$top_srcdir/tests/bad-input/cases.sh"
