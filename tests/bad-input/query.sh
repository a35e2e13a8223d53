#!/bin/sh
# Bad-input catalogue, what a user types: queries and provision references.
# Nothing typed reaches SQLite as syntax, every refusal says why, and a
# search or a reading never changes anything.
. "$top_srcdir/tests/bad-input/lib.sh"
cd "$work" || exit 1

# A megabyte of query, in words (one argument may not exceed 128 KB on Linux).
big=$(awk 'BEGIN { for (i = 0; i < 100000; i++) printf "abcdefghi "; }')
# shellcheck disable=SC2086 # the words are meant to split
case_is "a query of 1 MB" 2 "treaty: the search is too long: 999999 bytes, at most 8192" \
	"$TREATY" search $big

# Every FTS5 metacharacter alone: nothing to search for, and why.
nothing() { # nothing QUERY WHY
	case_is "query $1" 2 "treaty: nothing to search for: $2" "$TREATY" search "$1" --doc essai
}
nothing '"' 'the closing quote was missing and has been added; parts without letters or digits were ignored'
nothing '""' 'parts without letters or digits were ignored'
nothing '*' '* works only at the end of a word, as in crimin*; another * was ignored'
nothing '^' '^ and + are not needed and were ignored'
nothing '+' '^ and + are not needed and were ignored'
nothing '-' '- works only just before a word, as in -child; a lone - was ignored'
nothing ':' 'parts without letters or digits were ignored'
nothing '{}' 'parts without letters or digits were ignored'
nothing '(' 'parentheses do not group: OR joins only the two words beside it'
nothing '()' 'parts without letters or digits were ignored'
nothing 'OR' 'OR needs a word on each side; a stray OR was ignored'
nothing 'NOT' 'NOT needs a word after it; it was ignored'
nothing 'AND' 'type words, "a phrase" or a filter such as doc:budapest'
nothing ')' 'parentheses do not group: OR joins only the two words beside it'
nothing ',' 'parts without letters or digits were ignored'
nothing '{' 'parts without letters or digits were ignored'
nothing '}' 'parts without letters or digits were ignored'
nothing '-:' 'parts without letters or digits were ignored'
# The other ASCII punctuation marks: outside a string FTS5 reads most as a syntax error.
for c in '.' '!' '#' '$' '%' '&' "'" '/' ';' '<' '=' '>' '?' '@' '[' '\' ']' '_' '`' '|' '~'; do
	nothing "$c" 'parts without letters or digits were ignored'
done
# NEAR is no operator here, only a word: without the bundled corpus, so that
# no suggestion of a similar word depends on it.
corpus_db=$work/none.db
case_is "query NEAR" 1 "treaty: no provision matches NEAR" "$TREATY" search NEAR --doc essai
case_is "query NEAR()" 1 "treaty: no provision matches NEAR()" "$TREATY" search 'NEAR()' --doc essai
corpus_db=
case_is "query -fichier" 2 "treaty: only exclusions: add a word to look for, as in: fraud -child" \
	"$TREATY" search -fichier --doc essai

# The same around a word: read as text or explained, never an SQLite error.
found() { # found QUERY NOTE: a hit in the fixture, with NOTE (or nothing) on stderr
	case_is "query $1" 0 "$2" "$TREATY" search "$1" --doc essai
}
found 'fichier*' ''
found '"fichier"' ''
found '(fichier)' ''
found '%fichier%' ''
found '^fichier' 'treaty: note: ^ and + are not needed and were ignored'
found 'fichier OR' 'treaty: note: OR needs a word on each side; a stray OR was ignored'
found 'fichier NOT' 'treaty: note: NOT needs a word after it; it was ignored'
found '"fichier' 'treaty: note: the closing quote was missing and has been added'
found 'fichier (' 'treaty: note: parentheses do not group: OR joins only the two words beside it'
found 'fichier:' 'treaty: note: "fichier:" is not a filter and was searched as text (filters: doc:, lang:, art:)'
found 'fichier)' 'treaty: note: parentheses do not group: OR joins only the two words beside it'
found 'fichier,' ''
found '{fichier}' ''
found 'fichier AND' ''
found 'AND fichier' ''
found '"fichier" *' 'treaty: note: * works only at the end of a word, as in crimin*; another * was ignored'
found 'fichier ^' 'treaty: note: ^ and + are not needed and were ignored'
case_is "query -fichier:" 2 "treaty: only exclusions: add a word to look for, as in: fraud -child" \
	"$TREATY" search -fichier: --doc essai
case_is "query NEAR(fichier lecteur, 2)" 1 "treaty: note: parentheses do not group: OR joins only the two words beside it
treaty: no provision matches NEAR(fichier lecteur, 2)" "$TREATY" search 'NEAR(fichier lecteur, 2)' --doc essai
case_is "query {heading text}:fichier" 1 "treaty: no provision matches {heading text}:fichier" \
	"$TREATY" search '{heading text}:fichier' --doc essai
case_is "SQL in a document name" 1 "treaty: no document 'x'); DROP TABLE provision;--'; try: treaty list" \
	"$TREATY" show "x'); DROP TABLE provision;--"
# A query pasted with controls in it is quoted back without them.
case_is "a query with ESC and a bidi override" 1 "treaty: no provision matches qqqq␛[31m <U+202E>x" \
	"$TREATY" search "$(printf 'qqqq\033[31m \342\200\256x')" --doc essai
case_is "a filter without a value" 2 "treaty: doc: needs a value, as in doc:budapest" \
	"$TREATY" search 'doc: fichier'
case_is "an art: filter that is no provision" 2 \
	"treaty: \"zz\" is not a provision (try \"2\", \"art. 2(1)(a)\", \"chapter II\" or an id like \"art_2__para_1__point_a\")" \
	"$TREATY" search 'art:zz fichier' --doc essai
case_is "a filter given twice" 2 "treaty: doc: is given twice; give one" \
	"$TREATY" search 'doc:essai doc:essai fichier'

# Documents and provisions that do not exist.
case_is "unknown document" 1 "treaty: no document 'nosuch'; try: treaty list" "$TREATY" show nosuch
case_is "unknown article" 1 "treaty: essai has no article 99; it has articles 1–3" \
	"$TREATY" show essai 99
case_is "unknown provision id" 1 "treaty: essai (fr) has no Art. 2(7) (art_2__para_7)" \
	"$TREATY" show essai art_2__para_7
case_is "not a provision" 2 \
	"treaty: \"art. ((\" is not a provision (try \"2\", \"art. 2(1)(a)\", \"chapter II\" or an id like \"art_2__para_1__point_a\")" \
	"$TREATY" show essai 'art. (('
case_is "unknown language of a document" 1 "treaty: essai is not available in 'en'; it is in: fr" \
	"$TREATY" show essai 1 --lang en
case_is "remove what is not there" 1 "treaty: nosuch is not in your library" "$TREATY" remove nosuch
case_is "a --limit of zero" 2 "treaty search: --limit takes a number from 1 to 10000
Try 'treaty --help'." "$TREATY" search fichier --limit 0
case_is "a --limit past 2^64" 2 "treaty search: --limit takes a number from 1 to 10000
Try 'treaty --help'." "$TREATY" search fichier --limit 99999999999999999999999

done_testing
