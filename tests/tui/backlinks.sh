#!/bin/sh
# Back-links (r): what cites the provision being read, statements marked, and
# following one as any other link, with Backspace back.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"
# An invented statement (test text) citing "draft article 3" of the test convention.
"$TREATY" import "$fix/statement-draft.en.txt" --id stmt-en --lang en --delegation Freedonia \
	--refers-to tuitest >/dev/null 2>&1

reader 80 24 --goto='tuitest 3'
shows '^ tuitest · Art\. 3 · Scrolling' "the reader opens at article 3"
before=$(line 2)
keys r
shows '^ Cited by: tuitest Art\. 3' "r lists what cites article 3"
shows '^ tuitest Art\. 5\(1\) +en' "article 5 of the same document, in the language being read"
hides '^ tuitest Art\. 5\(1\) +fr' "and not again in the other language"
shows '^ stmt-en .* statement: Freedonia' "the statement, marked as one"
shows 'such as the one to Article 3' "with the citing sentence"
# Treaties come first, then statements.
row5=$(printf '%s\n' "$screen" | grep -n '^ tuitest Art\. 5' | cut -d: -f1)
rows=$(printf '%s\n' "$screen" | grep -n '^ stmt-en' | cut -d: -f1)
ok "$([ "${row5:-99}" -lt "${rows:-0}" ]; echo $?)" "the treaty before the statement"
keys Enter
shows '^ tuitest · Art\. 5 · Going back' "Enter follows the back-link"
shows 'which cites tuitest Art\. 3; Backspace goes back' "and says so"
keys BSpace
shows '^ tuitest · Art\. 3 · Scrolling' "Backspace comes back"
is "$(line 2)" "$before" "to the same line"
keys r
shows '^ Cited by: tuitest Art\. 3' "r again"
keys Down Enter
shows '^ stmt-en' "the statement opens"
keys BSpace
shows '^ tuitest · Art\. 3' "and back again"
keys r
shows '^ Cited by' "the list"
keys Escape
hides '^ Cited by' "Esc closes it"
shows '^ tuitest · Art\. 3' "where the reader was"
keys :
typed 'art 6'
keys Enter
shows '^ tuitest · Art\. 6' "article 6"
keys r
shows '^ stmt-en .*\(cites a draft\)' "a statement citing a draft's article says so"
keys Escape
keys :
typed 'art 1'
keys Enter
shows '^ tuitest · Art\. 1' "article 1"
keys r
shows 'nothing in the library cites tuitest Art\. 1' "a provision nothing cites says so"
keys q
exits 0 "q quits"
done_testing
