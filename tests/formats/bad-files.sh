#!/bin/sh
# Bad files: each is refused with a clear message naming the file, exit
# status 2, and the library is left exactly as it was (its contents are
# checksummed before and after).  The files are made here, at test time.
. "$top_srcdir/tests/lib.sh"
here="$top_srcdir/tests/formats"
fix="$top_srcdir/tests/fixtures"
tmp="$TEST_HOME/files"
mkdir -p "$tmp"
lib="$XDG_DATA_HOME/treaty/library.db"

have() { command -v "$1" >/dev/null 2>&1; }

# The library's contents, whatever its pages look like.
library_sum() { sqlite3 "$lib" .dump | sha256sum; }

run "$TREATY" import "$fix/test-resolution.en.txt" --id kept
ok $status "a good document in the library first: $errout"
before=$(library_sum)

# refused FILE PATTERN NAME: exit 2, a message matching PATTERN, library untouched.
refused() {
	run "$TREATY" import "$1" --id bad
	is "$status" 2 "$3: exit status 2"
	like "$errout" "$2" "$3: $(printf '%s' "$errout" | head -1)"
	is "$(library_sum)" "$before" "$3: the library is unchanged"
}

if have groff && have pdftotext; then
	sh "$here/mkpdf.sh" "$fix/test-resolution.en.txt" "$tmp/good.pdf"
	size=$(wc -c <"$tmp/good.pdf")
	head -c $((size * 2 / 3)) "$tmp/good.pdf" >"$tmp/truncated.pdf"
	refused "$tmp/truncated.pdf" 'truncated.pdf: the PDF is truncated or damaged' "truncated PDF"
	if have qpdf; then
		qpdf --encrypt secret owner 256 -- "$tmp/good.pdf" "$tmp/encrypted.pdf"
		refused "$tmp/encrypted.pdf" 'encrypted.pdf: the PDF is encrypted with a password' \
			"encrypted PDF"
	else
		skip "qpdf missing: no encrypted PDF (run ./setup)"
	fi
	cp "$tmp/good.pdf" "$tmp/renamed.txt"
	run "$TREATY" import "$tmp/renamed.txt" --id renamed
	ok $status "a PDF named .txt is still read as a PDF: $errout"
	like "$out" '\(PDF' "and the import says so"
	before=$(library_sum)
else
	skip "groff or pdftotext missing: no bad PDFs (run ./setup)"
fi

python3 "$here/mkdocx.py" --bomb "$tmp/bomb.docx"
refused "$tmp/bomb.docx" 'bomb.docx: refused: word/document.xml would unpack to [0-9]+ bytes' \
	"zip-bomb .docx"

printf 'PK\003\004 not really a zip, but word/document.xml is named' >"$tmp/broken.docx"
refused "$tmp/broken.docx" 'broken.docx: not a readable Word document' "damaged .docx"

printf '<html><head><title>Nothing here</title></head></html>\n' >"$tmp/nobody.html"
refused "$tmp/nobody.html" 'nobody.html: the HTML page has no body' "HTML with no body"

printf '<html><body><nav>Home</nav><script>x()</script></body></html>\n' >"$tmp/navonly.html"
refused "$tmp/navonly.html" 'navonly.html: the HTML page has no text in its body' \
	"HTML with nothing but navigation"

: >"$tmp/empty.pdf"
refused "$tmp/empty.pdf" 'empty.pdf:1: the file is empty \(0 bytes\)' "0-byte file"

mkdir "$tmp/folder.pdf"
refused "$tmp/folder.pdf" 'folder.pdf: is a directory' "a directory"

printf 'Article 1\nThis is text.\n' >"$tmp/liar.pdf"
refused "$tmp/liar.pdf" 'liar.pdf: the name says PDF but the contents are not' \
	"text named .pdf"

printf '\320\317\021\340\241\261\032\341 old Word' >"$tmp/old.doc"
refused "$tmp/old.doc" 'old.doc: an old binary Word \(.doc\) file' "legacy .doc"

refused "$tmp/missing.pdf" 'missing.pdf: No such file' "missing file"

# The converters run in their own process: when it is missing or dies, the
# import says so and treaty itself carries on.
printf '<html><body><p>Article 1</p><p>Test text.</p></body></html>\n' >"$tmp/page.html"
TREATY_CONVERT="$tmp/no-such-converter" refused "$tmp/page.html" \
	"cannot run $tmp/no-such-converter: No such file" "converter missing"
printf '#!/bin/sh\nkill -SEGV $$\n' >"$tmp/crashing-converter"
chmod +x "$tmp/crashing-converter"
TREATY_CONVERT="$tmp/crashing-converter" refused "$tmp/page.html" \
	'page.html: the converter .*crashing-converter stopped on signal 11' "converter crashes"
printf '#!/bin/sh\nprintf "text 99\\nshort"\n' >"$tmp/lying-converter"
chmod +x "$tmp/lying-converter"
TREATY_CONVERT="$tmp/lying-converter" refused "$tmp/page.html" \
	'page.html: the converter .*lying-converter wrote output treaty cannot read' \
	"converter output damaged"

run "$TREATY" show kept 1
ok $status "the document imported first is still there"

done_testing
