#!/bin/sh
# Bad-input catalogue, the user's library: damaged, of a newer version, on a
# disk that cannot be written or that is full, or nowhere at all.  The library
# is never overwritten: imports are refused with the reason, and reading
# commands say that it is not in use rather than that it is empty.
. "$top_srcdir/tests/bad-input/lib.sh"
cd "$work" || exit 1
printf 'Test title\n\nArticle 1\nA short invented article.\n' >new.txt
awk 'BEGIN { printf "Generated test text\n\n"; for (i = 1; i <= 2000; i++) printf "Article %d\nGenerated filler sentence number %d, to take room on a disk.\n\n", i, i }' >big.txt
cp "$lib" good.db

unusable() { # unusable NAME WHY: import refused, library and list warn, nothing changed
	warn="treaty: warning: your library is not in use: $lib $2"
	case_is "$1: import" 2 "$warn
treaty: new.txt: cannot write to the library: $lib $2" "$TREATY" import new.txt --lang en
	case_is "$1: library" 1 "$warn" "$TREATY" library
	case_is "$1: remove" 1 "$warn
treaty: essai is not in your library" "$TREATY" remove essai
}

head -c "$(wc -c <good.db)" /dev/zero >"$lib"
unusable "library zeroed" "is not a treaty database (file is not a database)"
printf 'SQLite format 3\000 and then nothing\n' >"$lib"
unusable "library truncated to its header" "is not a treaty database (file is not a database)"
cp good.db "$lib"
sqlite3 "$lib" 'PRAGMA user_version = 99'
unusable "library from a future version" \
	"has schema version 99; this treaty reads version $(sqlite3 "$TREATY_CORPUS" 'PRAGMA user_version')"
cp good.db "$lib"

# A full disk, simulated by a file size limit (writes past it fail with EFBIG):
# the import fails as a whole and the library is as it was.
case_is "a full disk (file size limit)" 2 "treaty: big.txt: database: disk I/O error" \
	sh -c 'trap "" XFSZ; ulimit -f 150 && exec "$0" "$@"' "$TREATY" import big.txt --lang en
is "$(sqlite3 "$lib" 'PRAGMA integrity_check')" "ok" "a full disk: the library passes integrity_check"

# No library at all (no HOME, no XDG_DATA_HOME): reading works, importing says so.
if [ "$(sqlite3 "$TREATY_CORPUS" 'SELECT count(*) FROM document')" -gt 0 ]; then
	case_is "no home: list" 0 "" env -u HOME -u XDG_DATA_HOME "$TREATY" list
else
	case_is "no home: list" 1 "treaty: no documents yet; add one with: treaty import FILE --lang L" \
		env -u HOME -u XDG_DATA_HOME "$TREATY" list
fi
case_is "no home: import" 2 "treaty: new.txt: cannot write to the library: no library in use" \
	env -u HOME -u XDG_DATA_HOME "$TREATY" import new.txt --lang en

done_testing
