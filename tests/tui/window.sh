#!/bin/sh
# A place given at start-up is painted from what its first screen needs (the
# provision, its ancestors and what follows it); the rest of the document is
# read right after.  Whatever the first key is, it finds the whole document
# there, and the text has not moved.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"

# steady: wait until the screen stops changing (the references are numbered a
# moment after the first paint); $screen keeps it.
steady() {
	screen=$(screen)
	tries=50
	while [ "$tries" -gt 0 ]; do
		sleep 0.2
		again=$(screen)
		[ "$again" = "$screen" ] && return 0
		screen=$again
		tries=$((tries - 1))
	done
}

# The middle of the document, keys typed at once: they wait for the whole.
reader 80 12 --goto='tuitest 4(1)'
keys ']'
shows '^ tuitest · Art\. 5 · Going back · en' "] typed at once goes to the next article"
keys '['
shows '^ tuitest · Art\. 4 · Searching · en' "[ comes back"
keys '['
shows '^ tuitest · Art\. 3 · Scrolling · en' "[ reaches an article before the place opened"
keys g
shows '^ tuitest · Title · en' "g the start of the document"
keys G
shows 'IN WITNESS WHEREOF' "G its end"
keys q
exits 0 "q quits"

# The first screen of a paragraph in the middle: the header counts the whole's articles.
reader 80 12 --goto='tuitest 4(2)'
shows '^ tuitest · Art\. 4 · Searching · en +4/7' "the header names the article, fourth of seven"
top=$(line 2)
like "$top" '^2\. The results shall be shown' "the paragraph is the top row"
shows '^ tuitest · Art\. 4 · Searching · en +4/7 · [0-9]+%' "the position shows once all is read"
is "$(line 2)" "$top" "the text has not moved"
keys C-l
steady
is "$(line 2)" "$top" "nor at the first key"
keys Tab
shows '^ Contents' "the contents, on a narrow terminal"
shows '^ +1 Purpose' "list the articles before the place"
shows '^ +6 Languages' "and after it"
keys Tab
shows '^2\. The results shall be shown' "Tab back to the text, where it was"
keys q
exits 0 "q quits"

# Near the end a screen shows rows above the place too: painted so from the start.
reader 80 24 --goto='tuitest 7(2)'
shows 'IN WITNESS WHEREOF' "the last paragraph's screen reaches the document's end"
steady
first=$screen
keys C-l
steady
is "$screen" "$first" "and the first key moves nothing"
keys k
steady
is "$(line 3)" "$(printf '%s\n' "$first" | sed -n 2p)" "k scrolls up from there"
keys q
exits 0 "q quits"

# Search and n after a start at a place.
reader 80 24 --goto='tuitest 6'
shows '^ tuitest · Art\. 6 · Languages' "the reader opens at article 6"
keys /
typed lighthouse
shows '^ tuitest Art\. 4\(1\) en' "a search lists hits before the place"
keys Enter
shows 'hits? highlighted; n next, N previous' "Enter opens the first hit"
keys n
shows '^hit [123] of 3' "n steps through the hits"
keys q
exits 0 "q quits"

# A small terminal, and a provision that does not exist: as before.
reader 40 12 --goto='tuitest 3(2)'
shows '^ tuitest · Art\. 3 · Scrollin' "at 40×12 too"
keys ']'
shows '^ tuitest · Art\. 4' "] from there"
keys q
exits 0 "q quits"
reader 80 24 --goto='tuitest 6(9)'
shows 'tuitest \(en\) has no' "a paragraph that is not there is reported"
keys q
exits 0 "q quits"

# A long document of the bundled corpus: its middle and its end.
if [ -n "$CORPUS_SRC" ] && [ -s "$TREATY_CORPUS" ]; then
	READER_ENV="TREATY_CORPUS=$TREATY_CORPUS"
	reader 80 24 --goto='budapest 23'
	shows '^ budapest · Art\. 23 · .* 23/48' "Budapest article 23, 23rd of 48"
	keys ']' ']'
	shows '^ budapest · Art\. 25 ' "] ] two articles on"
	keys q
	exits 0 "q quits"
	reader 80 24 --goto='budapest 48'
	shows '^ budapest · Art\. 4[78] .* 4[78]/48' "Budapest's last article: the end of the document"
	shows '\[[0-9]+\]Article' "its references numbered"
	steady
	first=$screen
	keys C-l
	steady
	is "$screen" "$first" "the first key moves nothing"
	keys q
	exits 0 "q quits"
	READER_ENV=
else
	for i in 1 2 3 4 5 6 7; do skip "no corpus sources (CORPUS_SRC is empty)"; done
fi
done_testing
