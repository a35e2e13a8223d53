#!/bin/sh
# Importing PDF, Word and HTML.  The files are made here, at test time, from
# texts we control: the bundled official sources (from $CORPUS_SRC; skipped
# when there are none) and tests/fixtures/test-resolution.en.txt (test text).
# PDFs are typeset by groff like UN documents (masthead, running heads with
# symbol and page number, job-number footer, hyphenated justified lines);
# .docx files are zip+XML with Word's own paragraph numbering; web pages wrap
# the text in a site's navigation.  Each must give the same provisions and the
# same words as the plain text it was made from.
. "$top_srcdir/tests/lib.sh"
here="$top_srcdir/tests/formats"
fix="$top_srcdir/tests/fixtures"
tmp="$TEST_HOME/files"
mkdir -p "$tmp"

have() { command -v "$1" >/dev/null 2>&1; }

# same_provisions ID1 ID2 NAME: language, ids, kinds, labels, headings and words agree.
same_provisions() {
	"$TREATY" show "$1" --format json | python3 "$here/provisions.py" >"$tmp/$1.p"
	"$TREATY" show "$2" --format json | python3 "$here/provisions.py" >"$tmp/$2.p"
	if [ -s "$tmp/$1.p" ] && cmp -s "$tmp/$1.p" "$tmp/$2.p"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diff "$tmp/$1.p" "$tmp/$2.p" | head -10 | sed 's/^/#   /'
	fi
}

# import_as ID FILE [OPTIONS…]: import, reporting failure as a test.
import_as() {
	id=$1 file=$2
	shift 2
	run "$TREATY" import "$file" --id "$id" "$@"
	ok $status "import $(basename "$file") as $id: $errout"
}

# roundtrip NAME TEXT KIND FORMATS: import TEXT and each format made from it.
roundtrip() {
	name=$1 text=$2 kind=$3 formats=$4
	import_as "$name-txt" "$text" --kind "$kind"
	for f in $formats; do
		case $f in
		pdf) sh "$here/mkpdf.sh" "$text" "$tmp/$name.pdf" 2>"$tmp/groff.err" ;;
		docx) python3 "$here/mkdocx.py" "$text" "$tmp/$name.docx" ;;
		html) python3 "$here/mkhtml.py" "$text" "$tmp/$name.html" "$(echo "$name" | sed 's/.*-//')" ;;
		esac
		import_as "$name-$f" "$tmp/$name.$f" --kind "$kind"
		same_provisions "$name-txt" "$name-$f" "$name: $f gives the provisions and words of the text"
	done
}

formats="docx html"
if have groff && have pdftotext; then
	formats="pdf docx html"
else
	skip "groff or pdftotext missing: no PDF tests (run ./setup)"
fi

# ---- Our own UN-style fixture --------------------------------------------------
roundtrip fixture-en "$fix/test-resolution.en.txt" convention "$formats"
case $formats in pdf*)
	run "$TREATY" import "$tmp/fixture-en.pdf" --id fixture-en-pdf
	like "$out" 'PDF; [0-9]+ lines of page furniture left out; [0-9]+ words rejoined' \
		"the import says what the PDF reader removed and rejoined"
	run "$TREATY" library --format json
	like "$(echo "$out" | grep '"doc":"fixture-en-pdf"')" '"symbol":"A/RES/79/243","date":"2024-12-24"' \
		"symbol and date come from the PDF's masthead"
	run "$TREATY" show fixture-en-pdf --format json
	if echo "$out" | grep -Eq '24-24403|2424403|Please recycle|A/RES/79/243|[0-9]/40'; then
		ok 1 "no page furniture in the provisions"
	else
		ok 0 "no page furniture in the provisions"
	fi
	like "$(echo "$out" | grep '"eid":"art_4__para_2"')" 'cross-border, non-governmental or self-governing' \
		"compounds keep their hyphens"
	;;
esac
run "$TREATY" library --format json
like "$(echo "$out" | grep '"doc":"fixture-en-docx"')" '"title":"Test Convention on the Conversion' \
	"the docx title comes from its first paragraph when its properties have none"
like "$(echo "$out" | grep '"doc":"fixture-en-html"')" '"lang":"en","kind":"convention","title":"Test Convention on the Conversion of Demonstration Documents - Treaty Office"' \
	"the HTML title comes from <title>, the language from the text"
run "$TREATY" show fixture-en-html --format json
if echo "$out" | grep -Eq 'Treaty Office|Signatures and ratifications|Article 99|Article 100|analytics'; then
	ok 1 "no site navigation, scripts or footer in the provisions"
else
	ok 0 "no site navigation, scripts or footer in the provisions"
fi

# ---- The bundled official texts ---------------------------------------------------
if [ -z "$CORPUS_SRC" ]; then
	skip "no corpus sources (CORPUS_SRC is empty): bundled texts not round-tripped"
else
	roundtrip budapest-en "$CORPUS_SRC/budapest-ets185.en.txt" convention "$formats"
	roundtrip budapest-nl "$CORPUS_SRC/budapest-ets185.nl.txt" convention "$formats"
	roundtrip protocol-en "$CORPUS_SRC/budapest-ets189.en.txt" protocol "$formats"
	roundtrip protocol-nl "$CORPUS_SRC/budapest-ets189.nl.txt" protocol "$formats"
	roundtrip press-en "$CORPUS_SRC/press-2024-01-newsweek-russia-un-treaty.en.txt" press "$formats"
	# groff has no Arabic fonts: the Arabic text goes through Word and HTML only.
	roundtrip uncc-ar "$CORPUS_SRC/un-cybercrime-convention.ar.partial.txt" convention "docx html"
fi

# ---- Statements ---------------------------------------------------------------------
cat >"$tmp/statement.txt" <<'EOF'
Statement by the delegation of Testland (test text, not a real statement)

Thank you, Chair. Our delegation supports draft article 17 as it stands, and asks that the words on cross-border co-operation be kept.

We thank the secretariat for its work.
EOF
python3 "$here/mkdocx.py" "$tmp/statement.txt" "$tmp/statement.docx" "Statement by Testland"
run "$TREATY" import "$tmp/statement.docx" --id testland-st --delegation Testland \
	--on-behalf-of "the Group of Test States" --meeting "Ad Hoc Committee, 3rd meeting" \
	--date 2024-08-08 --agenda-item 4 --refers-to uncc
ok $status "import a statement with its circumstances: $errout"
run "$TREATY" library --format json
st=$(echo "$out" | grep '"doc":"testland-st"')
like "$st" '"kind":"statement"' "statement options imply --kind statement"
like "$st" '"date":"2024-08-08".*"delegation":"Testland","on_behalf_of":"the Group of Test States","meeting":"Ad Hoc Committee, 3rd meeting","agenda_item":"4","refers_to":"uncc"' \
	"delegation, on behalf of, meeting, date, agenda item and the document it refers to are stored"
like "$st" '"title":"Statement by Testland"' "the title comes from the docx properties"
run "$TREATY" import "$tmp/statement.docx" --id x --kind convention --delegation Testland
is "$status" 2 "statement options with another kind are a usage error"
run "$TREATY" import "$tmp/statement.docx" --id x --kind statement --date 8/8/2024
is "$status" 2 "a date that is not ISO 8601 is refused"
like "$errout" 'YYYY-MM-DD' "and the form is named"

done_testing
