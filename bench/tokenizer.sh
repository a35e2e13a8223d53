#!/bin/sh
# bench/tokenizer.sh — the "treaty" analyser against unicode61 (results: bench/RESULTS.md).
#
#   bench/tokenizer.sh [CORPUS_SRC]
#
# Run from a configured build tree; it builds bench/tokenizer-bench.  Four measurements:
#   1. the bundled corpus (en, nl, ar: the files of corpus/manifest.tsv), each line a row;
#   2. the same rows 100 times over;
#   3. the bundled corpus with prose in fr, es, ru and zh from the man pages installed
#      under /usr/share/man (Debian's manpages-fr, -es, -ru, -zh; up to 200 KB each,
#      rendered with groff into a temporary directory, never into the tree);
#   4. that set 100 times over.
# The same query mix (bench/queries.txt) runs on both analysers; recall is measured on
# bench/recall.txt.  Times are CPU time of the process, so other load on the machine
# disturbs them less than wall-clock time would.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
src=${1:-$(sed -n 's/^CORPUS_SRC = //p' "$top/Makefile" 2>/dev/null || true)}
if [ -z "$src" ] || [ ! -d "$src" ]; then
	echo "tokenizer.sh: give the corpus-source directory (configure found none)" >&2
	exit 2
fi
make -C "$top" bench/tokenizer-bench >/dev/null
bench=$top/bench/tokenizer-bench

corpus=
while IFS='	' read -r id kind lang authentic partial articles parent symbol date file rest; do
	case $id in '#'* | '') continue ;; esac
	[ -f "$src/$file" ] && corpus="$corpus $lang:$src/$file"
done <"$top/corpus/manifest.tsv"
[ -n "$corpus" ] || { echo "tokenizer.sh: no corpus file found in $src" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
man=
for dir in fr es ru zh_CN; do
	[ -d "/usr/share/man/$dir" ] || continue
	lang=${dir%_CN}
	find "/usr/share/man/$dir" -type f | sort | head -300 | while read -r page; do
		zcat -f "$page" | groff -k -Kutf8 -mandoc -Tutf8 -rLL=2000n -P-cbou 2>/dev/null || true
	done | sed 's/^ *//' | grep -v '^$' | head -c 200000 | sed '$d' >"$tmp/man.$lang.txt"
	[ -s "$tmp/man.$lang.txt" ] && man="$man $lang:$tmp/man.$lang.txt"
done

echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(uname -m), $(nproc) cores," \
	"$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -1)"
echo "# commit $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo unknown)," \
	"SQLite $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)," \
	"ICU $(pkg-config --modversion icu-uc 2>/dev/null), load $(cut -d' ' -f1-3 /proc/loadavg)"
q=$top/bench/queries.txt
r=$top/bench/recall.txt
echo; echo "## 1. bundled corpus"; "$bench" -q "$q" -r "$r" $corpus
echo; echo "## 2. bundled corpus x100"; "$bench" -n 100 -q "$q" $corpus
if [ -n "$man" ]; then
	echo; echo "## 3. bundled corpus and man pages (fr es ru zh)"; "$bench" -q "$q" $corpus $man
	echo; echo "## 4. bundled corpus and man pages x100"; "$bench" -n 100 -q "$q" $corpus $man
fi
