#!/bin/sh
# Defined terms: their uses marked in the text (italic), d shows the
# definition in a small window, d again the next term in view, Esc closes.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"
# The same test text under a second name stands for another document beside.
import --id tuiother --lang en "$fix/tui-reader.en.txt"
import --id hostile --lang en "$fix/tui-hostile.en.txt"

# An italic run ("ESC[3m", alone or among other attributes) just before word.
marked() { screen_attrs | grep -Eq "$(printf '\033')\\[([0-9;]*;)?3(;[0-9;]*)?m($(printf '\033')\\[[0-9;]*m)*$1"; }

READER_ENV=NO_COLOR=1
reader 90 24 --goto='tuitest 3'
shows '^ tuitest · Art\. 3 · Scrolling' "the reader opens at article 3"
eventually marked reader
ok $? "a use of the defined term 'reader' is marked, without colours too"
marked 'keeps its place'
ok $((1 - $?)) "the words around it are not"
keys d
shows '“reader” · tuitest Art\. 2\(b\)' "d shows the definition of the first term in view"
shows '│ b\) "reader" means a program' "the defining point"
shows '│ +ii\) two panes side by side' "with its parts"
shows '1 of 2 terms in view' "and how many terms are in view"
keys d
shows '“lighthouse” · tuitest Art\. 2\(a\)' "d again: the next term in view"
keys Escape
hides '“lighthouse”' "Esc closes the window"
shows '^ tuitest · Art\. 3 · Scrolling' "the text is where it was"
before=$(line 2)
keys C-d
wait_gone "^$before\$"
ok $? "Ctrl-D still scrolls half a page"
keys v
typed fr
keys Enter
shows 'Article ([0-9]) +│Article \1 *$' "v fr: the French text beside"
# The second column starts after the first's width and its rule.
marked_beside() { screen_attrs | grep "│" | sed "s/^.*│//" | grep -Eq "$(printf '\033')\\[([0-9;]*;)?3(;[0-9;]*)?m($(printf '\033')\\[[0-9;]*m)*$1"; }
eventually marked_beside lecteur
ok $? "the French term lecteur is marked in the second column"
marked_beside 'garde sa place'
ok $((1 - $?)) "the words around it are not"
keys v
keys v
typed 'tuiother 3'
keys Enter
shows ' tuiother · Art\. 3' "another document beside"
eventually marked_beside reader
ok $? "its terms are marked too"
keys v
keys :
typed 'hostile'
keys Enter
shows '^ hostile' "another document"
keys d
shows 'this document defines no terms' "where nothing is defined, d says so"
keys q
exits 0 "q quits"
done_testing
