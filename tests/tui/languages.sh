#!/bin/sh
# Languages: l cycles the languages of a document, v shows a second one side by
# side and keeps the two in step; Chinese text keeps to the cell grid.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
import --id tuitest --lang fr "$fix/tui-reader.fr.txt"
import --id tuitest --lang zh "$fix/tui-reader.zh.txt"

reader 80 24 --goto='tuitest 3'
shows '^ tuitest · Art\. 3 · Scrolling · en' "the reader opens in English"
keys l
shows '^ tuitest · Art\. 3 · Défilement · fr' "l shows the same article in French"
keys l
shows '^ tuitest · .*滚动 · zh' "then in Chinese"
keys l
shows '^ tuitest · Art\. 3 · Scrolling · en' "and back in English"

keys v
shows '^Beside \(Enter: another language\):' "v asks what goes beside"
keys Enter
shows '^ tuitest · Art\. 3 · Scrolling · en \| fr' "Enter: French beside English"
shows '^Article 3 +│Article 3' "each provision starts on the same row in both"
shows '│Défilement' "the second column is the French text"
keys ']'
shows '^Article 4 +│Article 4' "] keeps them in step"
keys j j j j j
shows '^ tuitest · Art\. 4' "scrolling the pane"
keys ']'
shows '^Article 5 +│Article 5' "scrolls both to the same provision"
keys l
shows '^ tuitest · Art\. 5 · Retour en arrière · fr \| en' "l with two columns swaps them"
keys v
shows '^ tuitest · Art\. 5 · Retour en arrière · fr +5/7' "v closes the second column"
hides '│' "leaving one"

# Chinese: every row keeps to 80 cells and the column rule stays in its column.
check_grid() { # COLUMN-OF-RULE (0 for none)
	screen | python3 -c '
import sys, unicodedata
rule = int(sys.argv[1])
def cells(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
bad = []
lines = sys.stdin.read().split("\n")[1:-2]
for n, line in enumerate(lines, 2):
    if cells(line) > 80:
        bad.append("%d: %d cells" % (n, cells(line)))
    if rule and "│" in line and cells(line[:line.index("│")]) != rule:
        bad.append("%d: rule at %d" % (n, cells(line[:line.index("│")])))
print("; ".join(bad))
sys.exit(1 if bad else 0)
' "$1"
}
if have_python; then
	keys :
	typed 'art 3'
	keys Enter
	keys l
	shows '^ tuitest · .*滚动 · zh' "Chinese alone"
	shows '各方应确保' "shows the Chinese text"
	out=$(check_grid 0)
	ok $? "Chinese lines fit the 80 cells $out"
	keys v
	typed en
	keys Enter
	shows '^ tuitest · .* · zh \| en' "v en: Chinese beside English"
	shows '^第3条 +│Article 3' "aligned by provision"
	out=$(check_grid 39)
	ok $? "every row keeps the column rule at cell 39 $out"
else
	skip "python3 is needed to count cells"
	skip "python3 is needed to count cells"
	skip "python3 is needed to count cells"
	skip "python3 is needed to count cells"
	skip "python3 is needed to count cells"
fi
keys q
exits 0 "q quits"

# The bundled corpus: Budapest in English and Dutch.
if [ -n "$CORPUS_SRC" ] && [ -s "$TREATY_CORPUS" ]; then
	READER_ENV="TREATY_CORPUS=$TREATY_CORPUS"
	reader 80 24 --goto='budapest 2'
	READER_ENV=
	shows '^ budapest · Art\. 2 · Illegal access · en' "Budapest article 2 in English"
	keys l
	shows '^ budapest · Art\. 2 · .* · nl' "and in Dutch"
	keys v
	typed 'budapest en'
	keys Enter
	shows '^Artikel 2 +│Article 2' "v budapest en: side by side, in step"
	keys q
	exits 0 "q quits"
else
	for i in 1 2 3 4; do skip "no corpus sources (CORPUS_SRC is empty)"; done
fi
done_testing
