#!/bin/sh
# Search as you type: the results follow each keystroke, Enter opens a hit with
# every hit highlighted in the text, n and N step through them across articles.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"

# hit_attrs WORD: the escape sequences just before WORD's first appearance on screen.
hit_attrs() {
	screen_attrs | grep -o "\(\[[0-9;]*m\)*$1" | head -1 | sed "s/$1\$//"
}
highlighted() { hit_attrs lighthouse | grep -Eq '(4[0-7]|7)m'; }

reader 80 24 --goto='tuitest 1'
shows '^ tuitest · Art\. 1 · Purpose' "the reader opens at article 1"
keys /
shows '^ Search: *$' "/ opens the search line"
shows 'Type words to search' "which says what to type"
typed l
shows '^ Search: l$' "the first letter shows at once"
typed i
shows '^ Search: li$' "and the next"
typed ghthouse
shows '^ Search: lighthouse$' "the rest of the word, typed at full speed"
shows '^ tuitest Art\. 2\(a\) en' "the results list article 2(a), with its language"
shows '^ tuitest Art\. 4\(1\)' "and article 4(1)"
shows '^ 3 hits|^ [0-9]+ hits' "with their count"
keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
shows '^ Search: li$' "Backspace takes letters back"
typed zzq
shows 'no provision matches' "a word found nowhere is said so"
keys C-u
typed lighthuose
shows 'did you mean: lighthouse \?' "a misspelt word gets a suggestion"
shows 'Enter search for the words suggested' "which Enter takes"
keys Enter
shows '^ Search: lighthouse$' "Enter puts the suggestion in the search line"
shows '^ tuitest Art\. 4\(1\)' "and lists its hits"
keys C-u
typed 'phare'
shows '^ tuitest Art\. 2\(a\) fr' "a French word finds the French text"
keys C-u
typed lighthouse
shows '^ tuitest Art\. 4\(1\) en' "results again"
row=$(printf '%s\n' "$screen" | grep -n '^ tuitest Art\. 2(a)' | cut -d: -f1)
first=$(printf '%s\n' "$screen" | grep -n '^ tuitest Art' | head -1 | cut -d: -f1)
i=$first
while [ "$i" -lt "$row" ]; do keys Down; i=$((i + 3)); done
keys Enter
shows '^ tuitest · Art\. 2 · Definitions · en' "Enter opens the chosen hit"
shows 'hits? highlighted; n next, N previous' "and says how to step through the hits"
eventually highlighted
ok $? "the hit is highlighted in the text"
keys n
shows '^hit 2 of 3' "n goes to the next hit"
shows '^ tuitest · Art\. 4 · Searching' "in the next article"
keys n
shows '^hit 3 of 3' "and the next"
keys n
shows '^hit 1 of 3 \(from the top\)' "then from the top"
shows '^ tuitest · Art\. 2' "back in article 2"
keys N
shows '^hit 3 of 3 \(from the bottom\)' "N steps back, from the bottom"
keys Escape
not_highlighted() { ! highlighted; }
eventually not_highlighted
ok $? "Esc hides the highlights"
keys /
shows '^ Search: lighthouse$' "/ again shows the last search"
keys Escape
hides 'Search:' "Esc leaves the search"
keys q
exits 0 "q quits"
done_testing
