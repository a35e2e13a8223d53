#!/bin/sh
# Bad-input catalogue, hostile or extreme text that is nonetheless a document:
# it is imported, stored verbatim and shown safely, and the document already
# in the library is untouched.
. "$top_srcdir/tests/bad-input/lib.sh"
cd "$work" || exit 1
essai() { "$TREATY" show essai --format json | sha256sum; }
kept=$(essai)

# ESC sequences and bidi overrides: stored as they are, shown as visible marks.
esc=$(printf '\033')
rlo=$(printf '\342\200\256')
pdf=$(printf '\342\200\254')
printf 'Title with %s[2J\n\nArticle 1\nText %s[31mred%s[0m and %sevil%s end.\n' \
	"$esc" "$esc" "$esc" "$rlo" "$pdf" >controls.txt
run "$TREATY" import controls.txt --lang en --id controls
is "$status:$errout" "0:" "ESC and bidi overrides: imported"
is "$out" "imported controls (en): 2 provisions from controls.txt" "ESC and bidi overrides: reported"
run "$TREATY" show controls 1
is "$out" "
Article 1
Text ␛[31mred␛[0m and <U+202E>evil<U+202C> end." "ESC and bidi overrides: show draws visible marks"
raw_esc "$out"
ok $((!$?)) "ESC and bidi overrides: no raw ESC or override in show's output"
run "$TREATY" show controls 1 --format json
like "$out" '"text":"Text \\u001b\[31mred\\u001b\[0m and ‮evil‬ end\."' \
	"ESC and bidi overrides: JSON keeps the text, ESC escaped"
run "$TREATY" list
raw_esc "$out"
ok $((!$?)) "ESC and bidi overrides: list shows the title without raw ESC"
like "$out" 'Title with ␛\[2J' "ESC and bidi overrides: list shows the mark"
run "$TREATY" search red --doc controls
raw_esc "$out"
ok $((!$?)) "ESC and bidi overrides: no raw ESC in search output"
is "$(sqlite3 "$lib" "SELECT text FROM provision WHERE doc='controls' AND eid='art_1'")" \
	"Text ${esc}[31mred${esc}[0m and ${rlo}evil${pdf} end." \
	"ESC and bidi overrides: stored verbatim"

# Ids are printed as they are, so one with a control in it is refused,
# whether given or taken from the file's name.
case_is "an id with ESC in it" 2 \
	"treaty: controls.txt: document id \"e␛[31m\" has control characters; choose another with --id" \
	"$TREATY" import controls.txt --lang en --id "e${esc}[31m"
cp controls.txt "x${esc}[2J.txt"
case_is "a file name with ESC in it" 2 \
	"treaty: x␛[2J.txt: document id \"x␛[2J\" has control characters; choose another with --id" \
	"$TREATY" import "x${esc}[2J.txt" --lang en
printf 'Title\n\nArticle 2\nTwo.\n\nArticle 1\nOne.\n' >"y${esc}[2J.txt"
case_is "a bad file whose name has ESC in it" 2 \
	"treaty: y␛[2J.txt:6: article 1 out of order (after article 2 at line 3)" \
	"$TREATY" import "y${esc}[2J.txt" --lang en
case_is "an id with a bidi override in it" 2 \
	"treaty: controls.txt: document id \"a<U+202E>b\" has control characters; choose another with --id" \
	"$TREATY" import controls.txt --lang en --id "a${rlo}b"

# A 10 MB paragraph on one line: accepted (files up to 64 MB are), shown whole.
awk 'BEGIN { printf "Title\n\nArticle 1\n"; for (i = 0; i < 1400000; i++) printf "word%d ", i % 97; printf "end.\n" }' >long-line.txt
run "$TREATY" import long-line.txt --lang en --id long
is "$status:$errout" "0:" "10 MB line: imported"
is "$out" "imported long (en): 2 provisions from long-line.txt" "10 MB line: reported"
run "$TREATY" show long 1
is "$(printf '%s\n' "$out" | sed -n 3p | wc -c)" "$(sed -n 4p long-line.txt | wc -c)" \
	"10 MB line: shown whole"
# The same line with no heading before it is no treaty.
tail -n 1 long-line.txt >one-line.txt
case_is "10 MB line without an article" 2 \
	"treaty: one-line.txt:1: no articles found (no line like \"Article 1\")" \
	"$TREATY" import one-line.txt --lang en

# 100 000 articles, generated here: imported, listed, each one reachable.
awk 'BEGIN { printf "Generated test text\n\n"; for (i = 1; i <= 100000; i++) printf "Article %d\nFiller sentence number %d.\n\n", i, i }' >many.txt
run "$TREATY" import many.txt --lang en --id many
is "$status:$errout" "0:" "100 000 articles: no message"
is "$out" "imported many (en): 100001 provisions from many.txt" "100 000 articles: imported"
run "$TREATY" list
like "$out" '^many +en +document +100000 articles \(1-100000\)' "100 000 articles: listed"
run "$TREATY" show many 99999
is "$out" "
Article 99999
Filler sentence number 99999." "100 000 articles: article 99999 shown"
run "$TREATY" search '"sentence number 77777"'
like "$out" '^many Art\. 77777 ' "100 000 articles: found by search"

# Empty headings: an article with no text, a label with only a dash.
printf 'Title\n\nArticle 1\n\nArticle 2 -\nText two.\n\nChapter II\n\nArticle 3\n' >empty-heading.txt
run "$TREATY" import empty-heading.txt --lang en --id emptyhead
is "$status:$errout" "0:" "empty headings: imported"
is "$out" "imported emptyhead (en): 5 provisions from empty-heading.txt" "empty headings: reported"
run "$TREATY" show emptyhead --format json
like "$out" '"eid":"art_1".*"heading":null,"text":""' "empty headings: article 1 is empty"
like "$out" '"eid":"art_2".*"label":"Article 2 -","heading":null,"text":"Text two\."' \
	"empty headings: article 2 keeps its dash"
like "$out" '"eid":"art_3","parent":"chp_2"' "empty headings: article 3 under an empty chapter"

is "$(essai)" "$kept" "the document already there is unchanged"
done_testing
