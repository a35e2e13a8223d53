#!/bin/sh
# v: choosing what goes in the second column — another language, kept in step
# by provision, or another document at a provision, scrolled along.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"
# The same test text under a second name stands for a second convention.
import --id tuiother --lang en "$fix/tui-reader.en.txt"

reader 90 24 --goto='tuitest 3'
shows '^ tuitest · Art\. 3 · Scrolling · en' "the reader opens at article 3"
keys v
shows 'Beside \(Enter: another language\):' "v asks what goes beside"
typed 'tuiother 5'
keys Enter
shows '\| tuiother Art\. 5 · en' "another document at a provision: named in the header"
shows 'Article 3 +│Article 5 *$' "its provision beside the first column's"
shows 'tuiother Art\. 5 \(en\) beside, scrolled with the text; v closes' "and says how it moves"
keys j
shows 'Scrolling +│Going back *$' "both columns scroll together"
keys ']'
shows '^ tuitest · Art\. 4 · Searching' "] moves the first column to the next article"
keys v
hides '│Going back' "v closes the second column"
keys v
typed 'fr'
keys Enter
shows '^ tuitest · Art\. 4 · Searching · en \| fr' "v fr: French beside, kept in step"
shows 'Article 4 +│Article 4 *$' "provision beside provision"
keys v
keys v
typed 'tuiother'
keys Enter
shows '\| tuiother Title · en' "a document alone: from its start"
keys v
keys v
typed 'nosuchdoc 3'
keys Enter
shows 'nosuchdoc' "something that is no document is reported"
hides '│' "and nothing opens"
keys v
keys Escape
hides 'Beside' "Esc leaves the prompt"
keys q
exits 0 "q quits"
done_testing
