#!/bin/sh
# v: choosing what goes in the second column — another language, kept in step
# by provision, or another document at a provision, which scrolls on its own
# when Tab (or a click) gives it the keys.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"
# The same test text under a second name stands for a second convention.
import --id tuiother --lang en "$fix/tui-reader.en.txt"

# X10 mouse report (what tmux-256color's kmous announces): button, column, row from 0.
mouse() { tm send-keys -t t -H 1b 5b 4d "$(printf %x $((32 + $1)))" \
	"$(printf %x $((33 + $2)))" "$(printf %x $((33 + $3)))"; }

# The escape sequences that start the header's half for the column beside.
header_beside() { screen_attrs | head -1 | grep -o "$(printf '\033')\[[0-9;]*m *tuiother" | head -1; }
bold_beside() { header_beside | grep -Eq '\[([0-9;]*;)?1(;[0-9;]*)?m'; }

READER_ENV=NO_COLOR=1
reader 90 24 --goto='tuitest 3'
shows '^ tuitest · Art\. 3 · Scrolling · en' "the reader opens at article 3"
keys v
shows 'Beside \(Enter: another language\):' "v asks what goes beside"
typed 'tuiother 5'
keys Enter
shows '^ tuitest · Art\. 3 · Scrolling · en +3/7 +tuiother · Art\. 5 · Going back · en +5/7' \
	"another document at a provision: each half of the header names its column"
shows 'Article 3 +│Article 5 *$' "its provision beside the first column's"
shows 'tuiother Art\. 5 \(en\) beside; Tab gives it the keys' "and says how to move it"
keys j
shows '^Scrolling +│Article 5 *$' "j scrolls the first column alone: the articles do not correspond"
keys Tab
shows 'tuiother beside has the keys and scrolls alone; Tab goes on' "Tab gives the keys to the column beside"
eventually bold_beside
ok $? "its half of the header stands out"
keys j
shows '^Scrolling +│Going back *$' "j scrolls it alone"
keys ']'
shows ' tuiother · Art\. 6 · Languages · en' "] goes to its next article"
shows '^ tuitest · Art\. 3 · Scrolling' "the first column stays"
keys '['
shows ' tuiother · Art\. 5 · Going back' "[ to its previous one"
keys G
shows '│test convention\. *$' "G to its end"
keys d
shows '“reader” · tuiother Art\. 2\(b\)' "d: the definition of a term in view beside"
keys Escape
keys Tab
shows 'Enter open · Tab text' "Tab goes on to the contents"
keys Tab
keys ']'
shows '^ tuitest · Art\. 4 · Searching · en' "then the text, which ] moves"
shows '│test convention\. *$' "without the column beside"
keys BTab
shows 'Enter open · Tab text' "Shift-Tab goes the other way: the contents"
keys BTab
shows 'tuiother beside has the keys' "then the column beside"
keys g
shows ' tuiother · Title · en' "g takes it to its start"
keys :
typed '5'
keys Enter
shows '^ tuitest · Art\. 5 · Going back' "a go-to moves the first column"
keys j
shows '^Going back +│' "and gives it the keys back"
shows ' tuiother · Title · en' "the column beside staying where it was"
mouse 65 60 10
shows ' tuiother · Preamble · en' "the wheel over the column beside scrolls it"
shows '^Going back +│ *$' "and it alone"
mouse 0 60 10
shows 'move the column beside' "a click there gives it the keys"
keys j
shows '^Going back +│The Parties to this test' "j then scrolls it"
mouse 65 10 10
shows '^as the one to .*│The Parties to this test' "the wheel over the first column scrolls that one"
keys v
hides '│' "v closes the second column"
keys v
typed 'fr'
keys Enter
shows '^ tuitest · Art\. 5 · Going back · en \| fr' "v fr: French beside, kept in step"
shows 'Article 6 +│Article 6 *$' "provision beside provision"
keys Tab
shows 'Enter open · Tab text' "Tab: the contents, since the two columns move as one"
keys Tab
keys v
keys v
typed 'tuiother'
keys Enter
shows 'tuiother · Title · en' "a document alone: from its start"
keys v
keys v
typed 'nosuchdoc 3'
keys Enter
shows 'nosuchdoc' "something that is no document is reported"
hides '│' "and nothing opens"
keys v
keys Escape
hides 'Beside' "Esc leaves the prompt"
keys ?
shows 'beside another document \(v\): give it the keys, to scroll it alone' "? lists Tab for the column beside"
keys q
keys q
exits 0 "q quits"
done_testing
