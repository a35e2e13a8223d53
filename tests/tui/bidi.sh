#!/bin/sh
# Arabic in app mode: treaty puts the glyphs in visual order, shaped, right-
# aligned, and tells the terminal not to reorder them; off keeps logical order.
. "$top_srcdir/tests/tui/tmux.sh"

if ! have_python; then
	echo "1..0 # SKIP python3 is needed to read visual order back"
	exit 0
fi
import --id tuitest-ar --lang ar "$fix/tui-reader.ar.txt"

# logical_of LINE: the screen line read back into logical order: reversed, then
# presentation forms unshaped (NFKC), brackets mirrored back.
logical_of() {
	printf '%s' "$1" | python3 -c '
import sys, unicodedata
s = sys.stdin.read().strip()[::-1]
s = unicodedata.normalize("NFKC", s).translate(str.maketrans("()[]{}", ")(][}{"))
print(s)'
}
# text_of DOC ART: the stored text of an article, as the command line gives it.
text_of() {
	"$TREATY" show "$1" "$2" --format json | head -1 | python3 -c '
import json, sys
print(json.loads(sys.stdin.readline())["text"])'
}

want=$(text_of tuitest-ar 1)
reader 80 24 --goto='tuitest-ar 1'
shows 'ﺓﺩﺎﻤﻟﺍ' "app mode draws shaped Arabic (presentation forms)"
row=$(printf '%s\n' "$screen" | grep -n 'ﺭﺎﺒﺘﺧ' | head -1 | cut -d: -f1)
text=$(line "$row")
is "$(logical_of "$text")" "$want" "the line is the text in visual order, right to left"
like "$text" '[^ ]$' "aligned to the right edge"
label=$(printf '%s\n' "$screen" | sed 1d | grep -m1 'ﺓﺩﺎﻤﻟﺍ' | sed 's/ *$//')
like "$label" '^ *:1 ﺓﺩﺎﻤﻟﺍ$' "the article number stands to the left of the word, as read right to left"
keys q
exits 0 "q quits"

reader 80 24 --bidi=off --goto='tuitest-ar 1'
shows "^$want" "--bidi=off leaves the text in logical order, unshaped"
keys q
exits 0 "q quits"

# The terminal is told: explicit bidi mode (CSI 8 l) on start, implicit (CSI 8 h) on exit.
start 80 24 sh
log="$TEST_HOME/raw"
: >"$log"
tm pipe-pane -t t -o "cat >>'$log'"
typed "TREATY_CORPUS=/nonexistent $TREATY --goto='tuitest-ar 1'; echo reader-status=\$?"
keys Enter
shows 'ﺓﺩﺎﻤﻟﺍ' "the reader runs under a shell"
keys q
shows '^reader-status=0' "and quits"
grep -q "$(printf '\033\\[8l')" "$log"
ok $? "app mode sends CSI 8 l when it starts"
# tmux copies the pane's output to the log a little after it reaches the screen.
ends_implicit() { tail -c 200 "$log" | grep -q "$(printf '\033\\[8h')"; }
eventually ends_implicit
ok $? "and CSI 8 h when it ends"

# The bundled convention: its Arabic article read back in logical order.
if [ -n "$CORPUS_SRC" ] && [ -s "$TREATY_CORPUS" ]; then
	want=$(TREATY_CORPUS=$TREATY_CORPUS text_of uncc 1)
	READER_ENV="TREATY_CORPUS=$TREATY_CORPUS"
	reader 80 24 --goto='uncc 1'
	READER_ENV=
	shows 'uncc \(partial\)' "the bundled convention, marked partial"
	found=no
	for text in $(printf '%s\n' "$screen" | sed -n '2,23p' | tr ' ' '\001'); do
		text=$(printf '%s' "$text" | tr '\001' ' ')
		[ "$(logical_of "$text")" = "$want" ] && found=yes
	done
	is "$found" yes "article 1 of the convention reads back in logical order"
	keys q
	exits 0 "q quits"
else
	for i in 1 2 3; do skip "no corpus sources (CORPUS_SRC is empty)"; done
fi
done_testing
