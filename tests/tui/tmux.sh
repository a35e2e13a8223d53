# tmux.sh — drive the real treaty in a real terminal and read its screen.
#
# Source after setting nothing: it sources tests/lib.sh.  Each test script
# gets its own tmux server on a private socket; the reader runs in a pane of
# a given size, keys are typed with send-keys, and the screen is read with
# capture-pane (with -e, the attributes too).  Nothing sleeps a fixed time to
# decide a result: every check polls the screen until what it expects shows,
# or a timeout passes.
. "$top_srcdir/tests/lib.sh"
fix="$top_srcdir/tests/fixtures"

if ! command -v tmux >/dev/null 2>&1; then
	echo "1..0 # SKIP tmux is not installed (it is in setup's PACKAGES)"
	exit 0
fi
unset TMUX TMUX_PANE
# Sockets live in the test's directory: tmux leaves them behind when its server is killed.
tm_runs=0
tm_socket="$TEST_HOME/tmux-0"
terminal=screen-256color
infocmp tmux-256color >/dev/null 2>&1 && terminal=tmux-256color
cat >"$TEST_HOME/tmux.conf" <<EOF
set -g default-terminal "$terminal"
set -g status off
set -g remain-on-exit on
set -g escape-time 0
EOF
# A pipe-pane may still be writing its log when the server goes: try twice.
trap 'tmux -S "$tm_socket" kill-server 2>/dev/null
rm -rf "$TEST_HOME" 2>/dev/null || { sleep 0.5; rm -rf "$TEST_HOME"; }' EXIT
# The reader keeps its place between sessions; tests that want a fresh start remove it.
place_file="$XDG_DATA_HOME/treaty/place"

tm() { tmux -S "$tm_socket" -f "$TEST_HOME/tmux.conf" "$@"; }

# start COLS ROWS COMMAND [ARGS…]: a new terminal of that size running the command.
# Each gets a server of its own: a new session could reach a server still exiting.
start() {
	cols=$1 rows=$2
	shift 2
	tm kill-server 2>/dev/null
	tm_runs=$((tm_runs + 1))
	tm_socket="$TEST_HOME/tmux-$tm_runs"
	tm new-session -d -s t -x "$cols" -y "$rows" "$@"
}

# reader COLS ROWS [ARGS…]: treaty in a terminal, with the test's private library and no
# bundled corpus, so that screens depend on the fixtures alone.  READER_ENV adds
# assignments (NO_COLOR=1, TREATY_CORPUS=… for the tests of the bundled corpus).
# A shell around it writes its exit status to a file: tmux does not always learn it.
READER_ENV=
reader() {
	cols=$1 rows=$2
	shift 2
	status_file="$TEST_HOME/status.$((tm_runs + 1))"
	# shellcheck disable=SC2086 # READER_ENV is a list of words
	# The shell ignores Ctrl-C, which goes to the reader as well, to outlive it.
	start "$cols" "$rows" sh -c 'trap "" INT; f=$1; shift; "$@"; echo $? >"$f"' sh "$status_file" \
		env TREATY_CORPUS=/nonexistent XDG_DATA_HOME="$XDG_DATA_HOME" LC_ALL=C.UTF-8 \
		$READER_ENV "$TREATY" "$@"
}

# The process id of the reader started by reader: the child of the pane's shell.
reader_pid() {
	parent=$(tm display -p -t t '#{pane_pid}')
	for stat in /proc/[0-9]*/stat; do
		# After "pid (command) ": the state, then the parent's id.
		fields=$(sed 's/.*) //' "$stat" 2>/dev/null) || continue
		set -- $fields
		[ "${2:-}" = "$parent" ] || continue
		pid=${stat#/proc/}
		echo "${pid%/stat}"
		return
	done
}

screen() { tm capture-pane -p -t t 2>/dev/null; }
screen_attrs() { tm capture-pane -p -e -t t 2>/dev/null; }
keys() { tm send-keys -t t "$@"; }
typed() { tm send-keys -t t -l "$1"; }
resize() { tm resize-window -t t -x "$1" -y "$2"; }

# settle: under valgrind (make check-valgrind) a screen arrives slowly enough to be
# read half drawn; wait until two reads 50 ms apart agree.  $screen keeps it.
settle() {
	[ -n "${VALGRIND_LOGS:-}" ] || return 0
	tries=100
	while [ "$tries" -gt 0 ]; do
		sleep 0.05
		again=$(screen)
		[ "$again" = "$screen" ] && return 0
		screen=$again
		tries=$((tries - 1))
	done
}

# wait_for PATTERN [SECONDS]: poll the screen until a line matches (grep -E); $screen keeps it.
wait_for() {
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		screen=$(screen)
		printf '%s\n' "$screen" | grep -Eq -- "$1" && settle && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# wait_gone PATTERN [SECONDS]: poll until no line matches.
wait_gone() {
	tries=$(( ${2:-10} * 20 ))
	while [ "$tries" -gt 0 ]; do
		screen=$(screen)
		printf '%s\n' "$screen" | grep -Eq -- "$1" || return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

# eventually COMMAND…: poll until the command succeeds (10 s at most).
eventually() {
	tries=200
	while [ "$tries" -gt 0 ]; do
		"$@" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	return 1
}

show_screen() { printf '%s\n' "$screen" | sed 's/^/#   | /'; }

# shows PATTERN NAME: a test that the screen comes to show PATTERN.
shows() {
	if wait_for "$1"; then ok 0 "$2"; else
		ok 1 "$2"
		printf '#   waited for: %s\n' "$1"
		show_screen
	fi
}

# hides PATTERN NAME: a test that the screen comes to show no PATTERN.
hides() {
	if wait_gone "$1"; then ok 0 "$2"; else
		ok 1 "$2"
		printf '#   still there: %s\n' "$1"
		show_screen
	fi
}

# exits STATUS NAME: the reader started by reader ends with STATUS.
exits() {
	tries=200
	while [ "$tries" -gt 0 ] && ! [ -s "$status_file" ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	is "$(cat "$status_file" 2>/dev/null)" "$1" "$2"
}

# line N: row N (from 1) of the screen as last read.
line() { printf '%s\n' "$screen" | sed -n "${1}p"; }

# Import a fixture into the test's private library.
import() { "$TREATY" import "$@" >/dev/null 2>"$TEST_HOME/import.err" || cat "$TEST_HOME/import.err" >&2; }

have_python() { command -v python3 >/dev/null 2>&1; }
