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

# A real full disk and a read-only one need a file system of their own: a
# tmpfs when we may mount one (root), else a folder without write permission.
if [ "$(id -u)" -eq 0 ] && mkdir mnt && mount -t tmpfs -o size=200k tmpfs mnt 2>/dev/null; then
	trap 'umount "$work/mnt" 2>/dev/null; rm -rf "$TEST_HOME"' EXIT
	mkdir mnt/treaty && cp good.db mnt/treaty/library.db
	saved=$XDG_DATA_HOME
	XDG_DATA_HOME=$work/mnt lib=$work/mnt/treaty/library.db
	case_is "a full disk (tmpfs)" 2 "treaty: big.txt: database: database or disk is full" \
		"$TREATY" import big.txt --lang en
	is "$(sqlite3 "$lib" 'PRAGMA integrity_check')" "ok" "a full tmpfs: integrity_check passes"
	mount -o remount,ro mnt
	readonly_how="a read-only file system"
else
	skip "a full disk (tmpfs): needs root to mount a tmpfs"
	skip "a full tmpfs: integrity_check"
	saved=$XDG_DATA_HOME
	mkdir -p ro/treaty && cp good.db ro/treaty/library.db
	XDG_DATA_HOME=$work/ro lib=$work/ro/treaty/library.db
	chmod a-w ro/treaty ro/treaty/library.db
	trap 'chmod -R u+w "$TEST_HOME"; rm -rf "$TEST_HOME"' EXIT
	readonly_how="a folder without write permission"
fi
# Read-only: the documents are still there to read; writing says why not.
case_is "$readonly_how: library" 0 "" "$TREATY" library
like "$out" '^essai +fr ' "$readonly_how: the library's documents are listed"
case_is "$readonly_how: show" 0 "" "$TREATY" show essai 1
case_is "$readonly_how: import" 2 \
	"treaty: new.txt: database: attempt to write a readonly database" "$TREATY" import new.txt --lang en
case_is "$readonly_how: remove" 2 "treaty: database: attempt to write a readonly database" \
	"$TREATY" remove essai
XDG_DATA_HOME=$saved lib=$saved/treaty/library.db

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
