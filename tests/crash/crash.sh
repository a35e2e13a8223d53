#!/bin/sh
# Crash safety: treaty killed with SIGKILL at random moments while it writes,
# many times; after each kill the library passes PRAGMA integrity_check and
# the FTS5 integrity-check, every document committed before is intact, and the
# document being written is either its old or its new version, never a mix.
#
# CRASH_ITERATIONS (default 8) kills per kind of write; CRASH_SEED makes a
# run repeatable (it is printed).  make check runs a few; tests/crash/many.sh
# runs hundreds.
. "$top_srcdir/tests/lib.sh"
top_srcdir=$(cd "$top_srcdir" && pwd)
n=${CRASH_ITERATIONS:-8}
seed=${CRASH_SEED:-$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}
echo "# CRASH_SEED=$seed CRASH_ITERATIONS=$n"
fts_check=${FTS_CHECK:-$top_builddir/tests/crash/fts-check}
case $fts_check in /*) ;; *) fts_check=$(pwd)/$fts_check ;; esac
work="$TEST_HOME/work"
lib="$XDG_DATA_HOME/treaty/library.db"
mkdir -p "$work"
cd "$work" || exit 1

# The environment of a command this test will kill (env runs it as the same
# process, so that the kill reaches it).  Under AddressSanitizer, a kill in the
# middle of LeakSanitizer's check at exit has its thread report that it lost
# the process: no leak check for it.
doomed="ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

# Two versions of one document, large enough for an import to take a while,
# and a document imported once that must survive everything.
gen() { # gen VERSION ARTICLES
	awk -v v="$1" -v n="$2" 'BEGIN { printf "Crash test text, version %s\n\n", v
		for (i = 1; i <= n; i++) printf "Article %d\nVersion %s of generated sentence %d, long enough to take some time to index.\n\n", i, v, i }'
}
gen one 3000 >v1.txt
gen two 4000 >v2.txt
"$TREATY" import "$top_srcdir/tests/fixtures/test-convention.fr.txt" --id kept >/dev/null ||
	echo "Bail out! the fixture does not import"
"$TREATY" import v1.txt --lang en --id doc >/dev/null
doc() { "$TREATY" show doc --format json 2>/dev/null | sha256sum | cut -c1-64; }
kept() { "$TREATY" show kept --format json 2>/dev/null | sha256sum | cut -c1-64; }
v1=$(doc)
"$TREATY" import v2.txt --lang en --id doc >/dev/null
v2=$(doc)
"$TREATY" import v1.txt --lang en --id doc >/dev/null
k=$(kept)
[ "$v1" != "$v2" ] || echo "Bail out! the two versions read the same"

# How long each write takes here, to spread the kills over the whole of it.
ms() { echo $(( $(date +%s%N) / 1000000 )); }
t0=$(ms)
"$TREATY" import v2.txt --lang en --id probe >/dev/null
t1=$(ms)
"$TREATY" remove probe >/dev/null
t2=$(ms)
import_ms=$((t1 - t0)) remove_ms=$((t2 - t1))
echo "# an import takes $import_ms ms, a removal $remove_ms ms"

# delays N MS: N delays in seconds, spread over 0 … 1.5 × MS (a loaded machine
# is slower than the measure), from the seed.
delays() {
	awk -v n="$1" -v s="$seed" -v span="$2" 'BEGIN { srand(s)
		for (i = 0; i < n; i++) printf "%.3f\n", rand() * span * 1.5 / 1000 }'
}

# checked: the library after a kill: both integrity checks, the kept
# document as it was, the written one old or new ($which says which).
checked() {
	integrity=$("$fts_check" "$lib")
	now=$(doc)
	case $now in
	"$v1") which=old ;;
	"$v2") which=new ;;
	*) which="neither ($(sqlite3 "$lib" "SELECT count(*) FROM provision WHERE doc='doc'") provisions)" ;;
	esac
	[ "$integrity" = ok ] && [ "$(kept)" = "$k" ] && { [ "$which" = old ] || [ "$which" = new ]; }
}

i=0 bad=0 olds=0 news=0
for d in $(delays "$n" "$import_ms"); do
	i=$((i + 1))
	from=$(doc)
	# Alternate the direction, so that both "old" and "new" mean something.
	if [ "$from" = "$v1" ]; then to=v2.txt; else to=v1.txt; fi
	env "$doomed" "$TREATY" import "$to" --lang en --id doc >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if checked; then
		[ "$now" = "$from" ] && olds=$((olds + 1)) || news=$((news + 1))
	else
		bad=$((bad + 1))
		echo "#   import killed after ${d}s: $integrity; document $which"
	fi
done
is "$bad" 0 "$n imports killed at random moments: library intact, each time old or new ($olds old, $news new)"

# Removing a document: it is there or it is gone.
i=0 bad=0 gone=0
for d in $(delays "$n" "$remove_ms"); do
	i=$((i + 1))
	[ "$(sqlite3 "$lib" "SELECT count(*) FROM document WHERE id='doc'")" != 0 ] ||
		"$TREATY" import v1.txt --lang en --id doc >/dev/null
	before=$(doc)
	env "$doomed" "$TREATY" remove doc >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	integrity=$("$fts_check" "$lib")
	count=$(sqlite3 "$lib" "SELECT count(*) FROM document WHERE id='doc'")
	provs=$(sqlite3 "$lib" "SELECT count(*) FROM provision WHERE doc='doc'")
	if [ "$integrity" = ok ] && [ "$(kept)" = "$k" ] &&
		{ { [ "$count" = 0 ] && [ "$provs" = 0 ]; } || [ "$(doc)" = "$before" ]; }; then
		[ "$count" = 0 ] && gone=$((gone + 1))
	else
		bad=$((bad + 1))
		echo "#   removal killed after ${d}s: integrity $integrity, $count documents, $provs provisions"
	fi
done
is "$bad" 0 "$n removals killed at random moments: the document is whole or gone ($gone gone)"

# The bundled corpus: a build killed half-way leaves the old one in place.
mkdir src
cp v2.txt src/gen.en.txt
printf 'gen\tconvention\ten\t1\t0\t4000\t-\t-\t-\tgen.en.txt\t%s\tGenerated corpus\n' \
	"$(sha256sum <src/gen.en.txt | cut -c1-64)" >manifest.tsv
"$TREATY" build-corpus --manifest manifest.tsv --src src --out built.db
is "$("$fts_check" built.db)" ok "the corpus built whole passes both integrity checks"
good=$(sha256sum <built.db)
bad=0
for d in $(delays "$n" "$import_ms"); do
	env "$doomed" "$TREATY" build-corpus --manifest manifest.tsv --src src --out built.db &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	if [ "$(sha256sum <built.db)" != "$good" ] ||
		[ "$("$fts_check" built.db)" != ok ]; then
		bad=$((bad + 1))
		echo "#   build killed after ${d}s left a different corpus"
	fi
done
is "$bad" 0 "$n corpus builds killed at random moments: the corpus is the one built before"

done_testing
