#!/bin/sh
# Crash safety of the reader: killed with SIGKILL at random moments around
# quitting, when it writes the place it keeps between sessions, the place
# file is the old one or the new one, whole, and the library is intact.
. "$top_srcdir/tests/tui/tmux.sh"
n=${CRASH_ITERATIONS:-8}
seed=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# CRASH_SEED=$seed CRASH_ITERATIONS=$n"
lib="$XDG_DATA_HOME/treaty/library.db"
fts_check=${FTS_CHECK:-$top_builddir/tests/crash/fts-check}
import --id tuitest --lang en "$fix/tui-reader.en.txt"
# Under AddressSanitizer a reader killed as it exits may be killed in the middle of
# LeakSanitizer's check, whose thread then reports that it lost the process: no leak
# check for a process this test kills.
READER_ENV="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

bad=0 i=0
for d in $(awk -v n="$n" -v s="$seed" 'BEGIN { srand(s); for (i = 0; i < n; i++) printf "%.3f\n", rand() * 0.05 }'); do
	i=$((i + 1))
	before=$(cat "$place_file" 2>/dev/null)
	reader 80 24 --goto="tuitest $((1 + i % 7))"
	wait_for '^ tuitest · Art\.' >/dev/null
	keys j
	pid=$(reader_pid)
	keys q
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	eventually test -s "$status_file"
	after=$(cat "$place_file" 2>/dev/null)
	whole=$(printf '%s\n' "$after" | grep -c "$(printf '^tuitest\ten\t[a-z0-9_]*\t[0-9]*\t[0-9]*$')")
	if [ "$("$fts_check" "$lib")" != ok ] || { [ "$after" != "$before" ] && [ "$whole" != 1 ]; }; then
		bad=$((bad + 1))
		printf '#   killed %ss after q: place [%s], library %s\n' "$d" "$after" "$("$fts_check" "$lib")"
	fi
done
is "$bad" 0 "$n readers killed around quitting: the place file old or new and whole, the library intact"
done_testing
