# tests/bad-input/cases.sh — the helpers of the bad-input catalogue, sourced
# after tests/lib.sh (lib.sh) or tests/tui/tmux.sh (terminal.sh).
#
# Every case runs a command on bad input and checks three things: the exit
# status, the exact message on stderr, and that nothing changed: the state of
# the user's data (every file under XDG_DATA_HOME, byte for byte) and of the
# bundled corpus is taken before and after.  It gives each script a library
# holding the French test fixture.
unset LANGUAGE LC_MESSAGES LANG
fix="$top_srcdir/tests/fixtures"
work="$TEST_HOME/work"
lib="$XDG_DATA_HOME/treaty/library.db"
mkdir -p "$work"

# The bytes of every file of the user's data (SQLite's -shm is a cache of
# the -wal, rebuilt on open, an empty -wal holds nothing, and library.ids is
# a list of the library's ids that a close writes when it is missing or
# stale) and of the corpus database in use.
state() {
	if [ -d "$XDG_DATA_HOME" ]; then
		find "$XDG_DATA_HOME" -type f ! -name '*-shm' ! \( -name '*-wal' -size 0 \) \
			! -name library.ids |
			LC_ALL=C sort |
			while read -r f; do
				printf '%s %s\n' "${f#"$XDG_DATA_HOME"/}" "$(sha256sum <"$f" | cut -c1-64)"
			done
	fi
	if [ -f "${corpus_db:-$TREATY_CORPUS}" ]; then
		printf 'corpus %s\n' "$(sha256sum <"${corpus_db:-$TREATY_CORPUS}" | cut -c1-64)"
	fi
}

# case_is NAME STATUS MESSAGE CMD...: run CMD (with TREATY_CORPUS=$corpus_db
# when set); its status, its whole stderr and an unchanged state are three tests.
case_is() {
	name=$1 want_status=$2 want_err=$3
	shift 3
	before=$(state)
	if [ -n "${corpus_db:-}" ]; then
		run env TREATY_CORPUS="$corpus_db" "$@"
	else
		run "$@"
	fi
	is "$status" "$want_status" "$name: exit status $want_status"
	is "$errout" "$want_err" "$name: the message"
	is "$(state)" "$before" "$name: nothing changed"
}

# raw_esc TEXT: succeeds when TEXT holds an ESC, CSI or bidi override byte sequence.
raw_esc() {
	printf '%s' "$1" | LC_ALL=C grep -q "$(printf '\033')\|$(printf '\302\233')\|$(printf '\342\200\256')"
}

run "$TREATY" import "$fix/test-convention.fr.txt" --id essai
[ "$status" -eq 0 ] || echo "Bail out! the fixture does not import: $errout"
