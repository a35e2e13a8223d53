#!/bin/sh
# Moving about: the contents pane, articles, go-to and the history of places,
# the mouse.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"

# X10 mouse report (what tmux-256color's kmous announces): button, column, row from 0.
mouse() { tm send-keys -t t -H 1b 5b 4d "$(printf %x $((32 + $1)))" \
	"$(printf %x $((33 + $2)))" "$(printf %x $((33 + $3)))"; }

reader 80 24
shows '^ Contents' "the reader starts in the contents"
# Rows: document, Preamble, CHAPTER I, 1, 2, CHAPTER II, 3 …
keys j j j j
keys Enter
shows '^ tuitest · Art\. 2 · Definitions · en +2/7' "Enter on an article opens it, with a header"
shows '^Article 2$' "the text starts at the article"
keys ']'
shows '^ tuitest · Art\. 3 · Scrolling' "] goes to the next article"
keys '['
shows '^ tuitest · Art\. 2 · Definitions' "[ to the previous one"
keys G
shows 'It ends here' "G goes to the end"
shows '^ tuitest · Art\. 5 · Going back .* 100%' "where the header names the article at the top, and 100%"
keys g
shows '^ tuitest · Title' "g goes to the start"
keys Tab
shows '^ Contents' "Tab shows the contents on a narrow terminal"
keys j j j j j
keys Left
hides '^ +3 Scrolling' "Left closes a chapter"
keys Right
shows '^ +3 Scrolling' "Right opens it again"
keys Tab
shows '^ tuitest · Title' "Tab goes back to the text, where it was"

# Go to, and back with the exact scroll.
keys :
shows '^Go to:' "the go-to prompt opens"
typed 'art 3'
keys Enter
shows '^ tuitest · Art\. 3 · Scrolling' ":art 3 goes to article 3"
keys j j j
wait_gone '^Article 3$'
before=$(line 2)
keys :
typed 'tuitest 6(2)'
keys Enter
shows '^2\. The provisions shown side by side' "a document and a paragraph: tuitest 6(2)"
keys :
typed 'art 99'
keys Enter
shows 'tuitest has no article 99; it has articles 1–7' "a missing article is explained"
shows '^2\. The provisions shown side by side' "and the reader stays where it was"
keys :
typed 'frobnicate'
keys Enter
shows 'frobnicate' "something that is no place is reported"
keys BSpace
shows '^ tuitest · Art\. 3' "Backspace goes back"
is "$(line 2)" "$before" "to the exact scroll position"
keys L
shows '^2\. The provisions shown side by side' "L goes forward again"
keys H
shows '^ tuitest · Art\. 3' "H goes back too"
keys H
shows '^ tuitest · Title' "and further back, to the start of the document (g)"
keys H
keys H
shows 'nothing further back' "until there is nothing further back"

# A cross-reference: numbered, followed by typing its number, and back.
keys :
typed 'art 5'
keys Enter
shows '^ tuitest · Art\. 5 · Going back' "article 5"
shows 'such as the one to \[[0-9]+\]Article 3' "its reference to article 3 is numbered"
n=$(printf '%s\n' "$screen" | sed -n 's/.*\[\([0-9]*\)\]Article 3.*/\1/p' | head -1)
keys j
wait_gone '^Article 5$'
before=$(line 2)
typed "$n"
shows "^Follow link: $n\$" "typing its number asks to follow it"
keys Enter
shows '^ tuitest · Art\. 3 · Scrolling' "Enter follows it to article 3"
shows "^\[$n\] tuitest Art\. 3; Backspace goes back" "and says so"
keys BSpace
shows '^ tuitest · Art\. 5' "Backspace comes back"
is "$(line 2)" "$before" "to the exact line"
typed 99
keys Enter
shows 'no reference \[99\]' "a number with no reference is reported"

# The mouse.
keys Tab
shows '^ +4 Searching' "the contents again"
row=$(printf '%s\n' "$screen" | grep -n '^ *4 Searching' | cut -d: -f1)
mouse 0 10 $((row - 1))
shows '^ tuitest · Art\. 4 · Searching' "a click on a contents entry opens it"
before=$(line 2)
mouse 65 10 5
wait_gone "^$before\$"
ok $? "the wheel scrolls the text"

keys q
exits 0 "q quits"

# A place given at start-up that is not there: said, and the reader opens anyway.
reader 80 24 --goto='tuitest 99'
shows 'tuitest has no article 99; it has articles 1–7' "--goto to a missing article says so"
shows '^ Contents' "and the reader opens at the contents"
keys q
exits 0 "and quits as usual"
reader 80 24 --goto='tuitest 3(9)'
shows 'tuitest \(en\) has no Art\. 3\(9\)' "--goto to a missing paragraph says so too"
keys q
exits 0 "q quits"
reader 80 24 --goto='tuitest 3(2)'
shows '^ tuitest · Art\. 3 · Scrolling' "--goto to a paragraph opens its article"
hides 'has no' "with no complaint"
keys q
exits 0 "q quits"

# Inserted articles: listed as written, "2 bis", and opened from the contents.
import --id inserted --lang en "$fix/test-inserted.en.txt"
reader 100 24 --goto='inserted 1'
shows '^ +2 bis Inserted scope' "the contents list Article 2 bis as \"2 bis\""
shows '^ +2 ter Second insertion' "and 2 ter"
keys ':'
typed 'inserted 2 bis'
keys Enter
shows '· Art\. 2 bis · Inserted scope' "go to 2 bis"
keys q
exits 0 "q quits"
done_testing
