#!/bin/sh
# Bad-input catalogue, files to import: each is refused with the exact message
# (file:line where there is a line), exit status 2, and nothing changes.
. "$top_srcdir/tests/bad-input/lib.sh"
cd "$work" || exit 1

printf 'Title\n\nArticle 1\nText \303\050 broken\n' >invalid-utf8.txt
case_is "invalid UTF-8" 2 \
	"treaty: invalid-utf8.txt:4: invalid UTF-8 and no confident guess of the encoding; convert the file to UTF-8 first" \
	"$TREATY" import invalid-utf8.txt --lang en

# An overlong "/" and a UTF-16 surrogate written as UTF-8: neither is UTF-8.
printf 'Title\n\nArticle 1\n\300\257 overlong \355\240\200 surrogate\n' >overlong.txt
case_is "overlong and surrogate sequences" 2 \
	"treaty: overlong.txt:4: invalid UTF-8 and no confident guess of the encoding; convert the file to UTF-8 first" \
	"$TREATY" import overlong.txt --lang en

printf 'Title\n\nArticle 1\nText\000with a NUL\n' >nul.txt
case_is "NUL byte" 2 "treaty: nul.txt:4: NUL byte: this is not a text file" \
	"$TREATY" import nul.txt --lang en

# Binary junk: fixed bytes, so that the line of the first NUL is known.
printf '\177ELF\002\001\001\000\000\000\n\377\376' >junk.bin
case_is "binary file" 2 "treaty: junk.bin:1: NUL byte: this is not a text file" \
	"$TREATY" import junk.bin

: >empty.txt
case_is "empty file" 2 "treaty: empty.txt:1: the file is empty (0 bytes)" \
	"$TREATY" import empty.txt --lang en

printf '\357\273\277' >bom-only.txt
case_is "byte-order mark only" 2 "treaty: bom-only.txt:1: empty file" \
	"$TREATY" import bom-only.txt --lang en

printf 'Just a line of prose.\nAnd another.\n' >prose.txt
case_is "no articles" 2 "treaty: prose.txt:1: no articles found (no line like \"Article 1\")" \
	"$TREATY" import prose.txt --lang en

printf 'Title\n\nArticle 2\nTwo.\n\nArticle 1\nOne.\n' >out-of-order.txt
case_is "articles out of order" 2 \
	"treaty: out-of-order.txt:6: article 1 out of order (after article 2 at line 3)" \
	"$TREATY" import out-of-order.txt --lang en

printf 'Title\n\nArticle 1\nOne.\n\nArticle 1\nAgain.\n' >duplicate.txt
case_is "duplicate article" 2 "treaty: duplicate.txt:6: duplicate article number 1 (already at line 3)" \
	"$TREATY" import duplicate.txt --lang en

case_is "unknown language" 2 \
	"treaty: duplicate.txt:1: unknown language \"xx\" (known: en, fr, es, ru, ar, zh, nl)" \
	"$TREATY" import duplicate.txt --lang xx

# Larger than the 64 MB limit: a sparse file, so the test costs no disk.
: >huge.txt
truncate -s 67108865 huge.txt 2>/dev/null || dd if=/dev/zero of=huge.txt bs=1 count=0 seek=67108865 2>/dev/null
case_is "a file over 64 MB" 2 "treaty: huge.txt: too large (67108865 bytes; the limit is 64 MB)" \
	"$TREATY" import huge.txt --lang en

case_is "a directory" 2 "treaty: $work: is a directory, not a document" \
	"$TREATY" import "$work" --lang en

case_is "a missing file" 2 "treaty: missing.txt: No such file or directory" \
	"$TREATY" import missing.txt --lang en

# A named pipe with no writer: opening it would wait for ever.
mkfifo pipe
case_is "a named pipe" 2 "treaty: pipe: not a regular file (a pipe or a device), not a document" \
	timeout 60 "$TREATY" import pipe --lang en
case_is "a device" 2 "treaty: /dev/null: not a regular file (a pipe or a device), not a document" \
	"$TREATY" import /dev/null --lang en

ln -s loop-b loop-a
ln -s loop-a loop-b
case_is "a symbolic link loop" 2 "treaty: loop-a: Too many levels of symbolic links" \
	"$TREATY" import loop-a --lang en

done_testing
