# lib.sh — TAP helpers for the shell tests.  Source it; call done_testing last.
# Each test gets its own data directory, so no test sees a user's real library.
tap_n=0
tap_failed=0
: "${TREATY:?TREATY must name the program under test}"
TEST_HOME=$(mktemp -d "${TMPDIR:-/tmp}/treaty-test.XXXXXX")
export XDG_DATA_HOME="$TEST_HOME/data" XDG_CONFIG_HOME="$TEST_HOME/config" HOME="$TEST_HOME"
export LC_ALL=C.UTF-8
# Under C.UTF-8 gettext still reads LANGUAGE: a developer's own setting must not
# translate the messages tests expect in English.
unset LANGUAGE
trap 'rm -rf "$TEST_HOME"' EXIT

ok() { # ok CONDITION-STATUS NAME
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# run CMD…: runs, keeping stdout in $out, stderr in $errout, status in $status.
run() {
	out=$("$@" 2>"$TEST_HOME/stderr") && status=0 || status=$?
	errout=$(cat "$TEST_HOME/stderr")
}

# is GOT WANT NAME
is() {
	if [ "$1" = "$2" ]; then ok 0 "$3"; else
		ok 1 "$3"
		printf '#   got:  %s\n#   want: %s\n' "$1" "$2"
	fi
}

# like TEXT PATTERN NAME (grep -E pattern)
like() {
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then ok 0 "$3"; else
		ok 1 "$3"
		printf '%s\n' "$1" | head -5 | sed 's/^/#   got: /'
		printf '#   want match: %s\n' "$2"
	fi
}

skip() { tap_n=$((tap_n + 1)); echo "ok $tap_n # SKIP $1"; }

done_testing() { echo "1..$tap_n"; [ "$tap_failed" -eq 0 ]; }
