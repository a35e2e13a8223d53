#!/bin/sh
# treaty under valgrind memcheck: what make check-valgrind puts in $TREATY.
# Each run writes its own log into $VALGRIND_LOGS; tests/valgrind/verdict.sh
# reads them.  An error makes the run exit 99, so tests see it too.
: "${VALGRIND_LOGS:?}" "${VALGRIND_TREATY:?}"
exec valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
	--show-leak-kinds=definite --errors-for-leak-kinds=definite \
	--track-origins=yes --num-callers=30 \
	--suppressions="$(dirname "$0")/treaty.supp" \
	--log-file="$VALGRIND_LOGS/vg.%p.log" "$VALGRIND_TREATY" "$@"
