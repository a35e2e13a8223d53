#!/bin/sh
# tests/crash/many.sh [N] — the crash test with N kills of each kind (default
# 300), from the top of a built tree.  Not part of make check.
cd "$(dirname "$0")/../.." || exit 1
top=$(pwd)
here=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "$here/../.." && pwd)
CRASH_ITERATIONS=${1:-300} top_srcdir=$srcdir TREATY=$top/treaty FTS_CHECK=$top/tests/crash/fts-check \
	exec sh "$srcdir/tests/crash/crash.sh"
