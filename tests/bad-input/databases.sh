#!/bin/sh
# Bad-input catalogue, damaged databases and a hostile disk.
#
# The bundled corpus is read-only and made by the build: a damaged one, or one
# of another schema version, is refused with a message naming it and saying
# that make rebuilds it (it never is touched by the program).  The user's
# library is never overwritten or repaired behind the user's back: when it is
# damaged or of a newer version, imports are refused, it is left byte for
# byte as it was, and reading commands warn that it is not in use.
. "$top_srcdir/tests/bad-input/lib.sh"
cd "$work" || exit 1
want=$(sqlite3 "$TREATY_CORPUS" 'PRAGMA user_version')

# A corpus of our own, large enough to damage page by page: 3000 generated articles.
mkdir src
awk 'BEGIN { printf "Generated corpus text\n\n"; for (i = 1; i <= 3000; i++) printf "Article %d\nGenerated sentence number %d, long enough to fill pages.\n\n", i, i }' >src/gen.en.txt
printf 'gen\tconvention\ten\t1\t0\t3000\t-\t-\t-\tgen.en.txt\t%s\tGenerated corpus\n' \
	"$(sha256sum <src/gen.en.txt | cut -c1-64)" >manifest.tsv
run "$TREATY" build-corpus --manifest manifest.tsv --src src --out gen.db
is "$status:$errout" "0:" "a generated corpus builds"
size=$(wc -c <gen.db)

damaged() { # damaged NAME FILE VERSION: the corpus FILE is refused by list, show and search
	msg="treaty: the bundled corpus $2 is damaged or of another version ($3, want $want); rebuild it with make"
	corpus_db=$2
	case_is "$1: list" 2 "$msg" "$TREATY" list
	case_is "$1: show" 2 "$msg" "$TREATY" show essai 1
	case_is "$1: search" 2 "$msg" "$TREATY" search fichier
	corpus_db=
}

head -c $((size / 2)) gen.db >truncated.db
damaged "corpus truncated" truncated.db -1
head -c "$size" /dev/zero >zeroed.db
damaged "corpus zeroed" zeroed.db -1
: >empty.db
damaged "corpus empty" empty.db 0
cp gen.db future.db
sqlite3 future.db 'PRAGMA user_version = 99'
damaged "corpus from a future version" future.db 99
printf 'not a database\n' >text.db
damaged "corpus not a database" text.db -1
# An index made by another version of the search analysis (i18n.h): its words would be missed.
cp gen.db analysis.db
sqlite3 analysis.db 'UPDATE analysis SET version = version + 1'
analysis=$(sqlite3 analysis.db 'SELECT version FROM analysis')
corpus_db=analysis.db
msg="treaty: the bundled corpus analysis.db was indexed by another analysis ($analysis, want $((analysis - 1))); rebuild it with make"
case_is "corpus of another analysis: list" 2 "$msg" "$TREATY" list
case_is "corpus of another analysis: search" 2 "$msg" "$TREATY" search generated
corpus_db=

# Rebuilt from its sources, as make does with a corpus.db that treaty refuses
# (tui/local.mk): the damaged file is replaced whole, with the bytes the build
# made before the damage, and read again.
for f in truncated zeroed future empty text analysis; do
	run "$TREATY" build-corpus --manifest manifest.tsv --src src --out $f.db
	is "$status:$errout" "0:" "corpus $f: rebuilt from its sources"
	cmp -s gen.db $f.db
	ok $? "corpus $f: rebuilt to the bytes of the corpus before the damage"
	corpus_db=$f.db
	case_is "corpus $f, rebuilt: show" 0 "" "$TREATY" show gen 3000
	is "$out" "
Article 3000
Generated sentence number 3000, long enough to fill pages." "corpus $f, rebuilt: the last article is read"
	corpus_db=
done

# Pages zeroed in the middle: the header and the schema are intact, so only
# reading finds the damage; it must be reported, never a text cut short.
cp gen.db holed.db
dd if=/dev/zero of=holed.db bs=4096 seek=$((size / 4096 / 3)) count=$((size / 4096 / 3)) \
	conv=notrunc 2>/dev/null
corpus_db=holed.db
case_is "corpus with damaged pages: list" 2 "treaty: database: database disk image is malformed" \
	"$TREATY" list
case_is "corpus with damaged pages: show" 2 "treaty: database: database disk image is malformed" \
	"$TREATY" show gen
# A phrase is looked for in every row that holds its words (words alone may be
# answered from the terms' lists, which read only the rows of the page).
case_is "corpus with damaged pages: search" 2 "treaty: search: database disk image is malformed" \
	"$TREATY" search '"generated sentence"'
corpus_db=

# The index names a provision that is no longer there (the index and the
# provisions disagree): damage too, not "no more rows" nor a hit left out.
cp gen.db orphan.db
sqlite3 orphan.db "DELETE FROM provision WHERE doc = 'gen' AND eid = 'art_2999'"
corpus_db=orphan.db
case_is "index naming a missing provision: search" 2 \
	"treaty: search: database disk image is malformed" "$TREATY" search 2999
case_is "index naming a missing provision: phrase" 2 \
	"treaty: search: database disk image is malformed" "$TREATY" search '"number 2999"'
corpus_db=

# A missing corpus is an empty one: the library alone is listed.
corpus_db=$work/none.db
case_is "no corpus at all" 0 "" "$TREATY" show essai 1
corpus_db=

# The stemmers cannot be opened (libstemmer is opened at the first analysis):
# what indexes or searches names it and stops, rather than going on unstemmed
# or saying FTS5's "error in tokenizer constructor"; reading goes on.
soname=$(sed -n 's/^#define STEMMER_SONAME "\(.*\)"$/\1/p' "$(dirname "$TREATY")/config.h")
mkdir nostem
yes 'not a shared library' | head -c 2000 >"nostem/$soname"
why="cannot open the stemmers ($soname): $work/nostem/$soname: invalid ELF header"
export LD_LIBRARY_PATH="$work/nostem${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
case_is "no stemmers: search" 2 "treaty: $why" "$TREATY" search fichier
case_is "no stemmers: define" 2 "treaty: $why" "$TREATY" define fichier
printf 'Test convention\n\nArticle 1\n\nPurpose\n\nEach Party shall test.\n' >stem.en.txt
case_is "no stemmers: import" 2 "treaty: stem.en.txt: $why" "$TREATY" import stem.en.txt --lang en --id other
case_is "no stemmers: remove" 2 "treaty: $why" "$TREATY" remove essai
run "$TREATY" show essai 1
is "$status:$errout" "0:" "no stemmers: show reads on"
export LD_LIBRARY_PATH="${LD_LIBRARY_PATH#"$work/nostem"}"
LD_LIBRARY_PATH=${LD_LIBRARY_PATH#:}

done_testing
