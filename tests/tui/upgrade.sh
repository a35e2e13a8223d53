#!/bin/sh
# A library of the version before, opened by the reader: brought up to date as it
# opens, the status line saying so meanwhile (too quickly to read with a small
# library), and given back to the keys once it is done.
. "$top_srcdir/tests/tui/tmux.sh"

# The library is opened after the first paint only beside a bundled corpus: one of test text.
mkdir "$TEST_HOME/src"
cp "$fix/tui-hits.en.txt" "$TEST_HOME/src/other.en.txt"
printf 'other\tconvention\ten\t1\t0\t4\t-\t-\t-\tother.en.txt\t%s\tTest text\n' \
	"$(sha256sum <"$TEST_HOME/src/other.en.txt" | cut -c1-64)" >"$TEST_HOME/manifest.tsv"
"$TREATY" build-corpus --manifest "$TEST_HOME/manifest.tsv" --src "$TEST_HOME/src" \
	--out "$TEST_HOME/bundled.db" >/dev/null
ok $? "a bundled corpus of test text builds"
export TREATY_CORPUS="$TEST_HOME/bundled.db"
READER_ENV="TREATY_CORPUS=$TREATY_CORPUS"

import --id tuitest --lang en "$fix/tui-reader.en.txt"
lib="$XDG_DATA_HOME/treaty/library.db"
sqlite3 "$lib" "DROP TABLE rank_row; PRAGMA user_version=6"
is "$(sqlite3 "$lib" 'PRAGMA user_version')" 6 "a library of schema 6 (test text)"

# The ids cache stamped for the library as it now is (library-ids.c), as a reader of the
# version before leaves it: the reader paints first and opens the library on screen.
ids="$XDG_DATA_HOME/treaty/library.ids"
nsec=$(stat -c %y "$lib" | sed -e 's/^[^.]*\.\([0-9]*\).*/\1/' -e 's/^0*//')
printf 'treaty-library-ids 1 %s %s\ntuitest\n' "$(stat -c '%d %i %s %Y' "$lib")" "${nsec:-0}" \
	>"$ids"

reader 80 24 --goto='other 1'
shows '^ other · Art\. 1' "the reader opens at a bundled document"
shows 'q quit *$' "the status line gives the keys once the library is brought up to date"
hides 'updating your library' "and no longer says it is being brought up to date"
keys q
exits 0 "q quits"
is "$(sqlite3 "$lib" 'PRAGMA user_version')" 7 "the library is of this version's schema"
is "$(sqlite3 "$lib" 'SELECT (SELECT count(*) FROM rank_row) = (SELECT count(*) FROM provision)')" \
	1 "with the words of every provision"
done_testing
