#!/bin/sh
# treaty refs: outgoing references and back-links, both formats, and --stats.
. "$top_srcdir/tests/lib.sh"

run "$TREATY" refs
is "$status" 2 "refs without a document is a usage error"
run "$TREATY" refs --stats budapest
is "$status" 2 "--stats takes no document"
run "$TREATY" refs budapest 2 --format yaml
like "$errout" 'text or json' "bad --format explained"

# A document of our own (test text, not treaty text), with a dangling reference.
cat > "$TEST_HOME/refs-test.en.txt" <<'TXT'
Test Convention

Article 1

Scope

1. This text applies as provided in Article 2 and in article 99.
2. Paragraph 1 of this article and Article 24 of the Budapest Convention are cited here.

Article 2

Terms

For the purposes of this text, "widget" means a test device.
TXT
run "$TREATY" import "$TEST_HOME/refs-test.en.txt" --id reftest --lang en --kind convention
ok $status "import a document with references: $errout"
run "$TREATY" refs reftest 1
ok $status "refs reftest 1"
like "$out" '"article 99" -> Art\. 99 \(unresolved\)' "article 99 is kept, unresolved"
like "$out" '"Article 2" -> Art\. 2$' "Article 2 resolves"
like "$out" '"Paragraph 1 of this article" -> Art\. 1\(1\)' "a relative reference"
run "$TREATY" refs reftest 2 --format json
like "$out" '"direction":"in","doc":"reftest","lang":"en","eid":"art_1__para_1"' "Art. 2 is cited by Art. 1(1)"
like "$out" '"target_doc":"reftest","target_eid":"art_2".*"text":"Article 2".*"resolved":true' \
	"json carries target, text and resolved"
run "$TREATY" refs reftest 1 --format json
like "$out" '"target_eid":"art_99".*"resolved":false' "json: article 99 unresolved"
run "$TREATY" refs reftest 9
is "$status" 1 "a missing provision is exit 1"
like "$errout" 'reftest has no article 9' "and explained"
run "$TREATY" refs --stats --format json
like "$out" '"doc":"reftest","lang":"en","found":4,"resolved":3,"external":0,"unresolved":1' \
	"stats count the library document"

# treaty define, on the library document's Art. 2.
run "$TREATY" define widgets
ok $status "define finds a plural form"
like "$out" '^"widget"  reftest Art\. 2 \[en\]' "and names where it is defined"
like "$out" 'means a test device' "with the definition"
run "$TREATY" define widget --format json
like "$out" '"term":"widget","doc":"reftest","lang":"en","eid":"art_2".*"definition":' "define json"
run "$TREATY" define gadget
is "$status" 1 "an undefined term is exit 1"
like "$errout" "no defined term 'gadget'" "and explained"
run "$TREATY" define one two
is "$status" 2 "one term at a time"

if [ -n "$CORPUS_SRC" ]; then
	run "$TREATY" define "computer systems" --doc budapest
	like "$out" '^"computer system"  budapest Art\. 1\(a\) \[en\]' "define computer systems"
	run "$TREATY" define --doc uncc
	is "$(printf '%s\n' "$out" | grep -c '^uncc')" 17 "the UN Convention defines 17 terms"
	run "$TREATY" refs budapest 24 --lang en
	ok $status "refs budapest 24"
	like "$out" 'budapest Art\. 22\(3\) +"Article 24, paragraph 1, of this Convention" -> Art\. 24\(1\)' \
		"back-link from Art. 22(3)"
	like "$out" 'budapest-p1 Art\. 8\(2\) .* -> budapest Art\. 24' "back-link from the protocol"
	like "$out" 'reftest Art\. 1\(2\)' "back-link from the library"
	run "$TREATY" refs budapest-p1 8 --format json
	is "$(printf '%s\n' "$out" | grep -c '"direction":"out".*"target_doc":"budapest"')" 58 \
		"ETS 189 Art. 8 cites 29 provisions of the Convention, in en and in nl"
	run "$TREATY" refs budapest 27 --lang nl --format json
	like "$out" '"eid":"art_27__para_9__point_c".*"target_eid":"art_27__para_9__point_a"' \
		"nl: onderdeel a van dit lid"
	run "$TREATY" refs uncc 2 --format json
	like "$out" '"target_eid":"art_17".*"resolved":false' "uncc: Art. 17 is beyond the partial source"

	# The resolution rate: at least 98 % for every complete bundled convention.
	run "$TREATY" refs --stats --format json
	printf '%s\n' "$out" | sed 's/^/# /'
	low=$(printf '%s\n' "$out" | grep '"partial":false' | grep -v '"doc":"reftest"' |
		sed -n 's/.*"doc":"\([^"]*\)","lang":"\([^"]*\)".*"rate":\([0-9.]*\).*/\1 \2 \3/p' |
		awk '$3 < 98 { print $1 "/" $2 "=" $3 }')
	is "$low" "" "every complete bundled document resolves at least 98 %"
	like "$out" '"doc":"budapest","lang":"en","found":[1-9]' "budapest en has references"
	run "$TREATY" refs --stats
	like "$out" '^uncc +ar .*partial source' "the partial source is flagged"
else
	skip "no corpus sources: bundled corpus checks"
fi
done_testing
