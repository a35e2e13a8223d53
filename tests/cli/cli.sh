#!/bin/sh
# The command line: list, show, search, import, library, remove, both formats.
. "$top_srcdir/tests/lib.sh"
fix="$top_srcdir/tests/fixtures"

run "$TREATY" --version
ok $status "--version exits 0"
like "$out" '^treaty [0-9]' "--version prints the version"
run "$TREATY" --help
like "$out" 'search QUERY' "--help lists the commands"
run "$TREATY" frobnicate
is "$status" 2 "unknown command is exit 2"
like "$errout" "unknown command 'frobnicate'" "and says so"
run "$TREATY" show
is "$status" 2 "show without a document is a usage error"
run "$TREATY" search x --limit zero
is "$status" 2 "bad --limit is a usage error"
run "$TREATY" list --format yaml
like "$errout" 'text or json' "bad --format explained"

# Import a fixture into the private library.
run "$TREATY" import "$fix/test-convention.fr.txt" --id essai --kind convention
ok $status "import the French fixture: $errout"
like "$out" 'imported essai \(fr\)' "import reports the document"
run "$TREATY" library
like "$out" '^essai +fr +convention +3 articles' "library lists it with 3 articles"
run "$TREATY" show essai 2
like "$out" 'Définitions' "show essai 2 prints the heading"
like "$out" 'ii\) un extrait de fichier' "and the sub-points"
run "$TREATY" show essai 'art. 3, para. 2'
like "$out" "^2\. Le paragraphe 1" "show art. 3, para. 2"
run "$TREATY" show essai 1 --format json
like "$out" '"eid":"art_1"' "json has eid"
like "$out" '"citation":' "json has citation"
like "$out" '"heading":"Objet"' "json has heading"
run "$TREATY" show essai 99
is "$status" 1 "missing article is exit 1"
like "$errout" 'essai has no article 99; it has articles 1–3' "missing article explained"
run "$TREATY" search élève
ok $status "search finds an accented word"
like "$out" '^essai Art\. 3\(2\)' "hit cites Art. 3(2)"
run "$TREATY" search eleve --format json
like "$out" '"eid":"art_3__para_2"' "search without accents finds it (json)"
like "$out" '"highlights":\[\[' "json has highlight ranges"
like "$out" '"score":' "json has a score"
run "$TREATY" search 'élève' --lang en
is "$status" 1 "a language filter can leave nothing: exit 1"
run "$TREATY" search 'lang:fr doc:essai fichier'
ok $status "filters in the query"

# A library of the version before (no rank_row): brought up to date once, the user told why
# the command takes long.
lib="$XDG_DATA_HOME/treaty/library.db"
sqlite3 "$lib" "DROP TABLE rank_row; PRAGMA user_version=6"
run "$TREATY" search élève
ok $status "a library of schema 6 is searched: $errout"
like "$errout" '^treaty: updating your library for this version \(once' \
	"the user is told it is brought up to date"
is "$(sqlite3 "$lib" 'PRAGMA user_version')" 7 "to this version's schema"
like "$out" '^essai Art\. 3\(2\)' "and finds the same"
run "$TREATY" search élève
is "$errout" "" "once"
run "$TREATY" remove essai
ok $status "remove"
run "$TREATY" remove essai
is "$status" 1 "remove again: nothing there"

# Inserted articles: "Article 2 bis" comes after Article 2 and is art_2bis (test text).
run "$TREATY" import "$fix/test-inserted.en.txt" --id inserted --kind convention
ok $status "import a fixture with inserted articles: $errout"
run "$TREATY" library
like "$out" '^inserted +en +convention +5 articles' "2 bis and 2 ter are articles"
run "$TREATY" show inserted '2 bis'
like "$out" '^Inserted scope' "show inserted '2 bis'"
run "$TREATY" show inserted 'art. 2 ter, para. 1' --format json
like "$out" '"eid":"art_2ter__para_1".*"citation":"Art\. 2 ter\(1\)"' "its id and citation"
run "$TREATY" show inserted '2 quater'
like "$errout" 'inserted has no article 2 quater;' "a missing inserted article is named as written"
run "$TREATY" show inserted art_2bis__para_2
like "$out" '^2\. Nothing else changes' "its id is accepted as such"
run "$TREATY" refs inserted 3 --format json
like "$out" '"target_eid":"art_2bis","target_citation":"Art\. 2 bis"' "article 2 bis is a reference"
like "$out" '"target_eid":"art_2ter__para_1"' "paragraph 1 of article 2 ter too"
run "$TREATY" refs --stats --format json
like "$out" '"doc":"inserted".*"found":3,"resolved":3' "all three resolve (Article 2 in Art. 1)"
run "$TREATY" remove inserted
ok $status "remove it"

# Bad input: clear messages with file:line, and the library unchanged.
printf '' > "$TEST_HOME/empty.txt"
run "$TREATY" import "$TEST_HOME/empty.txt" --lang en
is "$status" 2 "empty file refused"
like "$errout" 'empty.txt:1: the file is empty' "with file:line"
run "$TREATY" import "$TEST_HOME/nonexistent.txt" --lang en
like "$errout" 'nonexistent.txt: No such file' "missing file"
run "$TREATY" import "$TEST_HOME" --lang en
like "$errout" 'is a directory' "directory refused"
printf 'Just a line of prose.\nAnd another.\n' > "$TEST_HOME/prose.txt"
run "$TREATY" import "$TEST_HOME/prose.txt" --lang en
is "$status" 2 "no articles refused"
like "$errout" 'prose.txt:[0-9]+: .*article' "no articles explained"
run "$TREATY" import "$fix/test-convention.fr.txt" --lang xx
is "$status" 2 "unknown language refused"
like "$errout" 'test-convention.fr.txt:1: unknown language "xx"' "unknown language explained"
printf 'T\n\nArticle 1\n\nOne\n\nText.\n\nArticle 1\n\nTwo\n\nText.\n' > "$TEST_HOME/dup.txt"
run "$TREATY" import "$TEST_HOME/dup.txt" --lang en
like "$errout" 'dup.txt:9: duplicate article number 1 \(already at line 3\)' "duplicate article"
printf 'T\n\nArticle 2\n\nOne\n\nText.\n\nArticle 1\n\nTwo\n\nText.\n' > "$TEST_HOME/ooo.txt"
run "$TREATY" import "$TEST_HOME/ooo.txt" --lang en
like "$errout" 'ooo.txt:9: article 1 out of order \(after article 2 at line 3\)' "out of order"
# A number used twice is kept as text, never changed, and the import says where (test text).
printf 'T\n\nArticle 1\n\nH\n\n1. One.\n\n2. Two.\n\n2. Two again.\n\n(a) x;\n(a) y.\n' \
	> "$TEST_HOME/rep.txt"
run "$TREATY" import "$TEST_HOME/rep.txt" --lang en --id rep
ok $status "a text with a repeated number is imported"
like "$errout" 'rep.txt:11: warning: "2\." is used a second time \(first at line 9\); the line is kept as text of art_1__para_2' \
	"the repeated paragraph number is reported with file:line"
like "$errout" 'rep.txt:14: warning: "\(a\)" is used a second time \(first at line 13\)' \
	"and the repeated point letter"
run "$TREATY" show rep art_1__para_2
like "$out" '^2\. Two again\.$' "the line is there, as written"
run "$TREATY" remove rep
ok $status "remove it"
printf 'Article 1\n\377\376\000\001 junk\n' > "$TEST_HOME/bin.txt"
run "$TREATY" import "$TEST_HOME/bin.txt" --lang en
is "$status" 2 "binary junk refused"
run "$TREATY" library
is "$status" 1 "library still empty after the failures"

# A legacy encoding is detected and converted, not stored as mojibake.
iconv -f UTF-8 -t ISO-8859-1 "$fix/test-convention.fr.txt" > "$TEST_HOME/latin1.txt"
run "$TREATY" import "$TEST_HOME/latin1.txt" --id latin
ok $status "Latin-1 file imported: $errout"
run "$TREATY" show latin 2
like "$out" 'Définitions' "its accents survive"
run "$TREATY" remove latin
ok $status "and it can be removed"

# The bundled corpus.
if [ -n "$CORPUS_SRC" ]; then
	run "$TREATY" list
	like "$out" '^budapest +en +convention +48 articles' "budapest en has 48 articles"
	like "$out" '^budapest-p1 +nl +protocol +16 articles' "protocol nl has 16"
	like "$out" '^uncc +ar +convention +15 articles.*PARTIAL' "uncc is partial"
	like "$out" '^newsweek-2024-01 +en +press' "press report listed"
	run "$TREATY" list --format json
	like "$out" '"doc":"uncc","lang":"ar".*"partial":true' "json list marks partial"
	run "$TREATY" show budapest 2
	like "$out" '^Illegal access' "budapest 2 is Illegal access"
	run "$TREATY" show budapest 'art. 1 (c) (ii)' --format json
	like "$out" '"eid":"art_1__point_c__subpoint_ii"' "sub-point by citation"
	run "$TREATY" show budapest 99
	like "$errout" 'budapest has no article 99; it has articles 1–48' "budapest 99 explained"
	run "$TREATY" show budapest 2 --lang nl
	like "$out" 'Artikel 2' "Dutch version"
	run "$TREATY" search 'illegal access'
	like "$out" '^budapest Art\. 2 ' "search finds Art. 2 first"
	run "$TREATY" search 'illegal access *'
	like "$errout" 'note: .*\*' "a stray * is explained"
	run "$TREATY" search 'illegal acess'
	is "$status" 1 "a misspelt word finds nothing"
	like "$errout" 'did you mean: illegal access \?' "and gets a suggestion"
	run "$TREATY" search 'illegal acess doc:budapest'
	like "$errout" 'did you mean: illegal access doc:budapest \?' "the suggestion keeps the filters"
	run "$TREATY" search '"illegal access" jurisdictoin lang:en'
	like "$errout" 'did you mean: "illegal access" jurisdiction lang:en \?' "and the quotes"
	# The word suggested is the written form nearest to the typed one, not any of its stem's.
	run "$TREATY" search 'extradtion'
	like "$errout" 'did you mean: extradition \?' "extradtion: extradition, not extradite"
	run "$TREATY" search 'gegevns'
	like "$errout" 'did you mean: gegevens \?' "gegevns: gegevens, whose stem stems again"
	# A swap of two letters is one edit, so the nearer word wins over a more frequent one.
	run "$TREATY" search 'interecption'
	like "$errout" 'did you mean: interception \?' "interecption: interception, not interests"
	# A mistake in the ending, which the stemmer keeps: the stem is found at the beginning.
	run "$TREATY" search 'jurisdictoin'
	like "$errout" 'did you mean: jurisdiction \?' "jurisdictoin: jurisdiction"
	run "$TREATY" search 'computerz'
	like "$errout" 'did you mean: computer \?' "computerz: computer, not computersysteem"
	# A stem at the beginning of a word far from all of its written forms suggests nothing.
	run "$TREATY" search 'jurisdictxqzw'
	is "$errout" 'treaty: no provision matches jurisdictxqzw' "jurisdictxqzw: no suggestion"
	run "$TREATY" search 'البيانت'
	like "$errout" 'did you mean: البيانات \?' "Arabic: the word as written, not its stem"
	# ة typed as ه, a common way of typing Arabic: found as if typed with ة.
	run "$TREATY" search 'الجريمه' --limit 1
	like "$out" '^uncc ' "Arabic with ه for ة finds the words written with ة"
	is "$(run "$TREATY" search 'الجريمه' --limit 200 --format json; printf '%s\n' "$out" | wc -l)" \
		"$(run "$TREATY" search 'الجريمة' --limit 200 --format json; printf '%s\n' "$out" | wc -l)" \
		"and as many provisions as with ة"
	is "$(run "$TREATY" search 'الجريمه*' --limit 200 --format json; printf '%s\n' "$out" | wc -l)" \
		"$(run "$TREATY" search 'الجريمة*' --limit 200 --format json; printf '%s\n' "$out" | wc -l)" \
		"a prefix typed with ه finds as many as with ة"
	run "$TREATY" search 'computersysteem' --doc budapest --limit 3 --format json
	is "$(printf '%s\n' "$out" | wc -l)" 3 "--limit 3 gives 3 lines"
	# An altered source is refused by name, with both hashes.
	mkdir "$TEST_HOME/src"
	cp "$CORPUS_SRC"/*.txt "$TEST_HOME/src/"
	chmod u+w "$TEST_HOME/src/budapest-ets189.en.txt"
	printf ' ' >> "$TEST_HOME/src/budapest-ets189.en.txt"
	run "$TREATY" build-corpus --manifest "$top_srcdir/corpus/manifest.tsv" \
		--src "$TEST_HOME/src" --out "$TEST_HOME/c.db"
	is "$status" 2 "an altered source stops the build"
	like "$errout" 'budapest-ets189.en.txt: refused: its SHA-256 is [0-9a-f]{64} but the manifest expects 8127d88d' "naming the file and both hashes"
	test ! -e "$TEST_HOME/c.db"
	ok $? "and no corpus is written"
else
	skip "no corpus sources: bundled corpus checks"
fi
done_testing
