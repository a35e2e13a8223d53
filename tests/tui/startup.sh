#!/bin/sh
# The start-up screen: an empty library explains how to import documents; with
# documents, the contents; the help lists the keys; q quits cleanly.
. "$top_srcdir/tests/tui/tmux.sh"

reader 80 24
shows 'No documents yet' "an empty library says so"
shows 'treaty import --lang' "and how to import documents"
keys q
exits 0 "q quits with status 0"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"
reader 80 24
shows '^ Contents' "the start-up screen shows the contents"
shows '▾ tuitest +Test Convention on Reading Machines' "with the document opened"
shows 'CHAPTER I GENERAL PROVISIONS' "its chapters"
shows '^ +1 Purpose' "and its articles"
shows '\? help .* q quit' "the status line points to the help"
hides 'Search:' "no search line yet"

keys '?'
shows 'Keys of the treaty reader' "? opens the help"
first=$screen
keys G
shows 'NO_COLOR' "G shows the end of the help, with NO_COLOR"
help="$first
$screen"
for k in ': ' '/ ' 'n N' 'Backspace  H' '\] \[' 'Tab' '1 … 9' 'l ' 'v ' 'q '; do
	printf '%s\n' "$help" | grep -q -- "^ *$k"
	ok $? "the help lists $k"
done
keys Escape
shows '^ Contents' "a key closes the help"

keys q
exits 0 "q quits"
[ -s "$place_file" ]
ok $? "the place is kept for the next session"

reader 80 24 --ui-lang fr
shows '^ tuitest · Title · en' "--ui-lang fr: the document stays in English"
shows 'Tab sommaire · / chercher' "the status line speaks French"
keys '?'
shows '^ Touches du lecteur treaty' "and so does the help"
shows '^ +n N +le résultat suivant ou précédent' "every key, in French"
keys q q
exits 0 "q quits"

reader 120 30
shows '^ Contents +│ tuitest · Title · en' "at 120 columns the contents and the text are side by side"
shows '│Test Convention on Reading Machines' "the text shows the document"
keys q
exits 0 "and q quits"
done_testing
