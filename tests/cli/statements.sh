#!/bin/sh
# Statements and the press report: their citations of a draft resolve into the
# document named by --refers-to, with a warning on import; the cited provision's
# back-links show them, marked with kind and delegation.  The statements are test
# text (tests/fixtures/statement-draft.*.txt), not a delegation's words.
. "$top_srcdir/tests/lib.sh"
fx="$top_srcdir/tests/fixtures"

# The document discussed: test text, six articles.
{
	printf 'Test Convention on Drafts\n\n'
	for n in 1 2 3 4 5 6; do
		printf 'Article %s\n\nHeading %s\n\nThis is test text of article %s, not treaty text.\n\n' \
			"$n" "$n" "$n"
	done
} > "$TEST_HOME/testconv.en.txt"
run "$TREATY" import "$TEST_HOME/testconv.en.txt" --id testconv --lang en --kind convention
ok $status "import the convention discussed: $errout"

# English, with --refers-to.
run "$TREATY" import "$fx/statement-draft.en.txt" --id stmt-en --lang en \
	--delegation Freedonia --meeting "test meeting" --refers-to testconv
ok $status "import an English statement: $errout"
like "$errout" '^treaty: warning: stmt-en speaks of a draft \(5 references, such as "draft article 3"\); they are linked to testconv' \
	"the import warns that it speaks of a draft"
like "$errout" 'linked to testconv, whose numbering may differ' "and where its references go"
run "$TREATY" refs stmt-en --format json
ok $status "refs stmt-en"
json=$out
for a in 3 5 6 4 2; do
	like "$json" "\"target_doc\":\"testconv\",\"target_eid\":\"art_$a\".*\"resolved\":true.*\"draft\":true" \
		"draft article $a resolves into testconv"
done
like "$json" '"target_doc":"testconv","target_eid":"art_99".*"text":"article 99 of the draft".*"resolved":false' \
	"article 99 of the draft is kept, unresolved"
like "$json" '"target_doc":"budapest","target_eid":"art_15".*"draft":false' \
	"Article 15 of the Budapest Convention goes to budapest, not to the draft"
like "$json" '"text":"articles 5 and 6 of the draft"' "the reference as written"

run "$TREATY" refs testconv 5
ok $status "refs testconv 5"
like "$out" 'en stmt-en ¶ 1 \[statement, Freedonia\]  "articles 5 and 6 of the draft" -> testconv Art\. 5 \(as numbered in a draft\)' \
	"the back-link names the statement, its delegation and the draft"
like "$out" '^      Our delegation supports draft article 3 as it stands, and we can accept articles 5 and 6 of the draft\.$' \
	"with the citing sentence"
run "$TREATY" refs testconv 5 --format json
like "$out" '"direction":"in","doc":"stmt-en",.*"target_eid":"art_5".*"draft":true,"kind":"statement","delegation":"Freedonia"' \
	"json: kind and delegation of the citing document"
run "$TREATY" refs testconv 4 --lang en --format json
like "$out" '"eid":"block_2".*"text":"Article 4 of the draft convention"' "--lang en keeps the statement"
run "$TREATY" refs testconv 4 --lang fr
is "$status" 1 "--lang fr: testconv has no French version"

# French, first without --refers-to: kept, unresolved, never dropped.
run "$TREATY" import "$fx/statement-draft.fr.txt" --id stmt-fr --lang fr --kind statement \
	--delegation Freedonie
ok $status "import a French statement without --refers-to: $errout"
like "$errout" 'stmt-fr speaks of a draft \(2 references, such as "projet d.article 3"\); they stay unresolved, since no --refers-to' \
	"the warning says they stay unresolved"
run "$TREATY" refs stmt-fr --format json
like "$out" '"target_doc":null,"target_eid":"art_3".*"text":"projet d.article 3","start":[0-9]*,"end":[0-9]*,"resolved":false' \
	"projet d'article 3 is kept, unresolved"
is "$(printf '%s\n' "$out" | grep -c '"target_doc":null,"target_eid":"art_[56]"')" 2 \
	"articles 5 et 6 du projet de convention: both kept"
like "$out" '"target_doc":"budapest","target_eid":"art_15"' "la Convention de Budapest still resolves to budapest"
run "$TREATY" import "$fx/statement-draft.fr.txt" --id stmt-fr --lang fr --kind statement \
	--delegation Freedonie --refers-to testconv
ok $status "import it again with --refers-to"
run "$TREATY" refs stmt-fr --format json
is "$(printf '%s\n' "$out" | grep -c '"target_doc":"testconv","target_eid":"art_[356]","target_citation":"[^"]*","text":"[^"]*","start":[0-9]*,"end":[0-9]*,"resolved":true')" 3 \
	"now projet d'article 3 and articles 5 et 6 resolve"

# Russian and Arabic.
run "$TREATY" import "$fx/statement-draft.ru.txt" --id stmt-ru --lang ru --delegation Фридония \
	--refers-to testconv
ok $status "import a Russian statement: $errout"
run "$TREATY" refs stmt-ru --format json
like "$out" '"target_doc":"testconv","target_eid":"art_3".*"text":"проект статьи 3".*"resolved":true.*"draft":true' \
	"проект статьи 3"
like "$out" '"target_eid":"art_6".*"text":"статьями 5 и 6 проекта конвенции".*"resolved":true' \
	"статьями 5 и 6 проекта конвенции"
like "$out" '"target_doc":"budapest","target_eid":"art_15".*"text":"Статья 15 Будапештской конвенции"' \
	"Будапештской конвенции"
run "$TREATY" import "$fx/statement-draft.ar.txt" --id stmt-ar --lang ar --delegation فريدونيا \
	--refers-to testconv
ok $status "import an Arabic statement: $errout"
run "$TREATY" refs stmt-ar --format json
like "$out" '"target_doc":"testconv","target_eid":"art_3".*"text":"مشروع المادة 3".*"resolved":true.*"draft":true' \
	"مشروع المادة 3"
like "$out" '"target_eid":"art_6".*"text":"المادتين 5 و 6 من مشروع الاتفاقية".*"resolved":true' \
	"المادتين 5 و 6 من مشروع الاتفاقية"
like "$out" '"target_doc":"budapest","target_eid":"art_15"' "اتفاقية بودابست"
run "$TREATY" refs testconv 3
is "$(printf '%s\n' "$out" | grep -c '\[statement, ')" 4 "testconv Art. 3 is discussed by the four statements"

# A statement that cites no draft: no warning.
printf 'Statement (test text)\n\nWe support article 2 of the Convention.\n' > "$TEST_HOME/plain.en.txt"
run "$TREATY" import "$TEST_HOME/plain.en.txt" --id stmt-plain --lang en --refers-to testconv
ok $status "import a statement citing no draft"
is "$errout" "" "no warning"
run "$TREATY" refs stmt-plain --format json
like "$out" '"target_doc":"testconv","target_eid":"art_2".*"resolved":true.*"draft":false' \
	"article 2 of the Convention is testconv's"

# The bundled press report and a statement about the UN Convention.
if [ -n "$CORPUS_SRC" ]; then
	press="$CORPUS_SRC/press-2024-01-newsweek-russia-un-treaty.en.txt"
	named=$(grep -o -i 'budapest convention' "$press" | wc -l)
	run "$TREATY" refs newsweek-2024-01 --format json
	is "$(printf '%s\n' "$out" | grep -c '"direction":"out".*"target_doc":"budapest","target_eid":null.*"resolved":true')" \
		"$named" "every mention of the Budapest Convention in the press report resolves to budapest"
	is "$(printf '%s\n' "$out" | grep -c '"direction":"out"')" "$named" "and it cites nothing else"
	run "$TREATY" refs budapest --format json
	like "$out" '"direction":"in","doc":"newsweek-2024-01".*"target_doc":"budapest".*"kind":"press","delegation":null' \
		"budapest's back-links include the press report, marked press"
	run "$TREATY" refs budapest
	like "$out" 'en newsweek-2024-01 ¶ [0-9]+ \[press\]  "Budapest conventions?" -> budapest$' \
		"in text, marked [press]"
	run "$TREATY" refs --stats --format json
	like "$out" "\"doc\":\"newsweek-2024-01\",\"lang\":\"en\",\"found\":$named,\"resolved\":$named" \
		"refs --stats counts them resolved"

	run "$TREATY" import "$fx/statement-draft.en.txt" --id stmt-uncc --lang en \
		--delegation Freedonia --refers-to uncc
	ok $status "a statement about the UN Convention"
	like "$errout" 'linked to uncc' "warned: linked to uncc"
	run "$TREATY" refs uncc 5 --format json
	like "$out" '"direction":"in","doc":"stmt-uncc".*"target_doc":"uncc","target_eid":"art_5".*"resolved":true.*"draft":true,"kind":"statement","delegation":"Freedonia"' \
		"uncc Art. 5 is discussed by the statement"
	run "$TREATY" refs budapest 15
	like "$out" 'en stmt-uncc ¶ 3 \[statement, Freedonia\]  "Article 15 of the Budapest Convention" -> budapest Art\. 15$' \
		"budapest Art. 15's back-links show the statement"
else
	skip "no corpus sources: the press report and the UN Convention"
fi
done_testing
