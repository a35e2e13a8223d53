#!/bin/sh
# The reader paints its first screen before opening the user's library when the
# library's ids cache (library.ids, beside it) says the document is not there.
# A library document with the id of a bundled one replaces it: it must be what
# the reader shows, whatever the cache says — listed, missing, stamped for
# another state of the library, or stamped right but listing other ids.
. "$top_srcdir/tests/tui/tmux.sh"

# A bundled corpus of our own: "shared" (article 2 "Offences"), and "other".
mkdir "$TEST_HOME/src"
cp "$fix/tui-hits.en.txt" "$TEST_HOME/src/shared.en.txt"
cp "$fix/tui-hits.en.txt" "$TEST_HOME/src/other.en.txt"
for id in shared other; do
	printf '%s\tconvention\ten\t1\t0\t4\t-\t-\t-\t%s.en.txt\t%s\tTest text\n' "$id" "$id" \
		"$(sha256sum <"$TEST_HOME/src/$id.en.txt" | cut -c1-64)"
done >"$TEST_HOME/manifest.tsv"
"$TREATY" build-corpus --manifest "$TEST_HOME/manifest.tsv" --src "$TEST_HOME/src" \
	--out "$TEST_HOME/bundled.db" >/dev/null
ok $? "a bundled corpus of test text builds"
READER_ENV="TREATY_CORPUS=$TEST_HOME/bundled.db"
export TREATY_CORPUS="$TEST_HOME/bundled.db"

# The library's "shared" (article 2 "Definitions") replaces the bundled one.
import --id shared --lang en "$fix/tui-reader.en.txt"
import --id mine --lang en "$fix/tui-hits.en.txt"
lib="$XDG_DATA_HOME/treaty/library.db"
ids="$XDG_DATA_HOME/treaty/library.ids"
[ -s "$ids" ] && grep -qx shared "$ids" && grep -qx mine "$ids"
ok $? "the import leaves a cache listing the library's ids"
ls "$lib-wal" >/dev/null 2>&1
ok $((!$?)) "and no -wal file"

# first NAME: the reader at 'shared 2' shows the library's article 2 and keeps it.
first() {
	rm -f "$place_file"
	reader 80 24 --goto='shared 2'
	shows '^ shared · Art\. 2 · Definitions · en' "$1: the library's version is shown"
	# The bundled version could come after; the references are numbered last.
	shows '^ shared · Art\. 2 · Definitions · en .*%' "$1: and stays once all is read"
	hides 'Offences' "$1: never the bundled one"
	keys q
	exits 0 "$1: q quits"
}

first "cache listing it"
rm -f "$ids"
first "no cache"
# A cache listing nothing, stamped for another state of the library.
printf 'treaty-library-ids 1 1 2 3 4 5\n' >"$ids"
first "a cache of another state"
# A cache listing nothing, stamped right: as if the library had changed without it.
head -n 1 "$ids" >"$ids.new" && mv "$ids.new" "$ids"
grep -qx shared "$ids"
ok $((!$?)) "a forged cache, stamped right, lists no document"
first "a right stamp over wrong ids"
"$TREATY" list >/dev/null
grep -qx shared "$ids"
ok $? "the next close writes the cache anew"

# A document the library does not hold: the bundled one, then everything else as usual.
rm -f "$place_file"
reader 80 24 --goto='other 2'
shows '^ other · Art\. 2 · Offences · en' "a bundled document is shown from the bundle"
keys Tab
shows '^. mine ' "the contents list the library's documents"
keys Tab /
typed lighthouse
shows '^ shared Art\. 2' "a search finds the library's text"
keys Escape q
exits 0 "q quits"

done_testing
