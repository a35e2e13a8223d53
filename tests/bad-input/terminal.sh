#!/bin/sh
# Bad-input catalogue, the terminal: no terminal, an unknown one, one that
# cannot place the cursor, a locale that is not UTF-8, a 1×1 terminal and a
# thousand resizes in a row.  The reader either works or says why it cannot,
# and leaves the terminal and the user's data as they were.
. "$top_srcdir/tests/tui/tmux.sh"
. "$top_srcdir/tests/bad-input/cases.sh"
cd "$work" || exit 1

# Without a terminal at all (make check's stdin is not one).
case_is "stdin and stdout not a terminal" 2 \
	"treaty: the reader needs a terminal; for a pipe, use treaty show or treaty search" \
	"$TREATY" </dev/null

# term_case NAME STATUS MESSAGE [NAME=VALUE…]: the reader started in a 160×10
# terminal with these in its environment; the screen must show exactly
# MESSAGE, the reader exit with STATUS, and nothing change.  STDIN=FILE
# redirects its input, UNSET=NAME removes a variable.
term_case() {
	name=$1 want_status=$2 want=$3
	shift 3
	before=$(state)
	status_file="$TEST_HOME/status.$((tm_runs + 1))"
	start 160 10 env IN="${STDIN:-}" sh -c 'f=$1; shift
if [ -n "$IN" ]; then "$@" <"$IN"; else "$@"; fi; echo $? >"$f"; exec sleep 600' sh "$status_file" \
		env ${UNSET:+-u "$UNSET"} TREATY_CORPUS=/nonexistent XDG_DATA_HOME="$XDG_DATA_HOME" \
		LC_ALL=C.UTF-8 "$@" "$TREATY"
	exits "$want_status" "$name: exit status $want_status"
	# The shell outlives the reader (tmux may drop the last output of a pane
	# that dies at once) and tmux may show it after the status is written.
	tries=200
	while got=$(screen | sed '/^$/d') && [ "$got" != "$want" ] &&
		[ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	is "$got" "$want" "$name: the message"
	is "$(state)" "$before" "$name: nothing changed"
}

STDIN=/dev/null
term_case "stdin not a terminal" 2 \
	"treaty: the reader needs a terminal; for a pipe, use treaty show or treaty search"
STDIN=
UNSET=TERM
term_case "TERM unset" 2 "treaty: cannot use the terminal ''"
UNSET=
term_case "TERM unknown" 2 "treaty: cannot use the terminal 'nosuch-terminal'" TERM=nosuch-terminal

# A terminal that cannot place the cursor: refused, not drawn as a scroll of junk.
term_case "TERM dumb" 2 "treaty: the terminal 'dumb' cannot place the cursor; the reader needs one that can (or use treaty show and treaty search)" \
	TERM=dumb
# Outside UTF-8 every letter beyond ASCII would be drawn as a blank: the text
# would be shown wrong, so the reader says what to do instead.
term_case "a locale that is not UTF-8" 2 "treaty: the reader needs a UTF-8 locale to show the texts as they are (this one uses ANSI_X3.4-1968); try: LC_ALL=C.UTF-8 treaty" \
	LC_ALL=C
if locale -a 2>/dev/null | grep -qix 'fr_FR.iso88591\|en_US.iso88591\|de_DE.iso88591'; then
	latin1=$(locale -a | grep -ix 'fr_FR.iso88591\|en_US.iso88591\|de_DE.iso88591' | head -1)
	term_case "a Latin-1 locale" 2 "treaty: the reader needs a UTF-8 locale to show the texts as they are (this one uses ISO-8859-1); try: LC_ALL=C.UTF-8 treaty" \
		LC_ALL="$latin1"
else
	skip "a Latin-1 locale: none installed"
	skip "a Latin-1 locale: the message"
	skip "a Latin-1 locale: nothing changed"
fi

# screen_is TEXT NAME: the screen comes to show exactly TEXT (empty rows aside).
screen_is() {
	tries=200
	while got=$(screen | sed '/^$/d') && [ "$got" != "$1" ] && [ "$tries" -gt 0 ]; do
		sleep 0.05
		tries=$((tries - 1))
	done
	is "$got" "$1" "$2"
}

# 1×1: nothing fits, nothing breaks; one size short of 30×8, it says why it
# cannot read; grown, it reads.
kept=$(sha256sum <"$lib")
reader 1 1
keys j
resize 29 7
screen_is "The terminal is too small
(29×7). treaty needs at least
30×8; make the window larger,
or press q to quit." "a 1×1 terminal grown to 29×7: the message"
resize 80 24
shows 'essai' "a 1×1 terminal grown to 80×24 shows the document"
keys q
exits 0 "a 1×1 terminal: q quits"
is "$(sha256sum <"$lib")" "$kept" "a 1×1 terminal: the library is unchanged"

# A thousand resizes in a row, as a tiling window manager may send.
reader 80 24
shows 'essai' "before the resizes, the reader runs"
i=0
while [ $i -lt 1000 ]; do
	resize $((1 + i * 7 % 120)) $((1 + i * 3 % 40))
	i=$((i + 1))
done
resize 80 24
shows 'essai' "after 1 000 resizes, the reader draws the document"
keys j
keys q
exits 0 "after 1 000 resizes, q quits"
is "$(sha256sum <"$lib")" "$kept" "after 1 000 resizes, the library is unchanged"

done_testing
