#!/bin/sh
# Signals: SIGTERM, SIGHUP and SIGINT end the reader with the terminal given
# back; Ctrl-Z suspends it and fg resumes it, the bidi mode sent again each way.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
esc=$(printf '\033')
log="$TEST_HOME/raw"

# count_in FILE TEXT: how many times TEXT occurs in FILE.
count_in() { grep -o -- "$2" "$1" | wc -l | tr -d ' '; }

for sig in TERM HUP INT; do
	reader 80 24 --goto='tuitest 2'
	shows '^ tuitest · Art\. 2' "SIG$sig: the reader runs"
	: >"$log"
	tm pipe-pane -t t -o "cat >>'$log'"
	kill -s "$sig" "$(reader_pid)"
	case $sig in TERM) n=15 ;; HUP) n=1 ;; INT) n=2 ;; esac
	exits $((128 + n)) "SIG$sig ends it with status $((128 + n))"
	eventually grep -q "${esc}\[?1049l" "$log"
	ok $? "SIG$sig: the normal screen is back"
	grep -q "${esc}\[8h" "$log"
	ok $? "SIG$sig: the terminal's bidi mode is restored"
done

reader 80 24 --goto='tuitest 2'
shows '^ tuitest · Art\. 2' "C-c: the reader runs"
keys C-c
exits 130 "C-c ends it like SIGINT"

# Ctrl-Z under a shell with job control.  Not under valgrind (make
# check-valgrind), whose programs do not stop on a SIGTSTP they raise.
if command -v bash >/dev/null 2>&1 && [ -z "${VALGRIND_LOGS:-}" ]; then
	start 80 24 env PS1='$ ' bash --norc --noprofile -i
	shows '^\$' "a shell"
	: >"$log"
	tm pipe-pane -t t -o "cat >>'$log'"
	typed "TREATY_CORPUS=/nonexistent $TREATY --goto='tuitest 2'"
	keys Enter
	shows '^ tuitest · Art\. 2' "the reader runs under the shell"
	keys j j j
	wait_gone '^Article 2$'
	top=$(line 2)
	keys C-z
	shows 'Stopped' "Ctrl-Z suspends it"
	eventually grep -q "${esc}\[8h" "$log"
	ok $? "giving the terminal its bidi mode back"
	before=$(count_in "$log" "${esc}\[8l")
	typed fg
	keys Enter
	shows '^ tuitest · Art\. 2' "fg resumes it"
	is "$(line 2)" "$top" "where it was"
	is "$(count_in "$log" "${esc}\[8l")" $((before + 1)) "and sends the bidi prelude again"
	keys q
	shows '^\$' "q gives the shell back"
else
	why="bash is needed for job control"
	[ -z "${VALGRIND_LOGS:-}" ] || why="a program under valgrind does not stop on SIGTSTP"
	for i in 1 2 3 4 5 6 7 8; do skip "$why"; done
fi
done_testing
