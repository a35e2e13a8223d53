#!/bin/sh
# Hits highlighted where the store's matching found them: inflected forms, a
# heading, a folded diacritic, Chinese words far apart in one provision; n and
# N count exactly those, across articles.
. "$top_srcdir/tests/tui/tmux.sh"

for l in en fr zh; do import --id tuihits --lang $l "$fix/tui-hits.$l.txt"; done

# marked RUN [BEFORE]: RUN is on screen in reverse video (a hit, without colours), the
# attributes changing just before and just after it (after BEFORE when given).
esc=$(printf '\033')
marked() {
	screen_attrs | grep -Eq "${2:-}$esc\\[([0-9;]*;)?7(;[0-9;]*)?m($esc\\[[0-9;]*m)*$1$esc"
}
# unmarked WORDS: WORDS are in no reverse run.
unmarked() { ! screen_attrs | grep -Eq "$esc\\[([0-9;]*;)?7(;[0-9;]*)?m($esc\\[[0-9;]*m)*[^$esc]*$1"; }
# search QUERY: type it at / and open the first hit.
search() {
	keys /
	keys C-u
	typed "$1"
	wait_for '^ [0-9]+ hits?$' && keys Enter
}

READER_ENV=NO_COLOR=1
reader 80 12 --goto='tuihits 1' --lang=en
shows '^ tuihits · Art\. 1 · Purpose · en' "the reader opens the test text"
search offence
shows '^ tuihits · Art\. 2 · Offences · en' "the first hit opens"
shows '^4 hits highlighted' "four hits: the heading, two in article 2, one in article 3"
eventually marked offence
ok $? "offence is marked"
marked offences
ok $? "so is offences, the same word to the index, far from the first"
marked 'Offences'
ok $? "and Offences in the heading"
unmarked 'Each Party' && unmarked 'domestic law'
ok $? "words the query does not match are not"
keys n
shows '^hit 2 of 4' "n: the next hit"
keys n
shows '^hit 3 of 4' "n: the next"
keys n
shows '^hit 4 of 4' "n: the one in article 3"
shows '^ tuihits · Art\. 3 · Penalties' "across articles"
marked offence 'punish an '
ok $? "marked there too, after a reference number"
keys N N N
shows '^hit 1 of 4' "N steps back to the first"

search 'etendue lang:fr'
shows '^ tuihits · Art\. 1 · Étendue · fr' "a query without accents opens the French hit"
eventually marked 'étendue'
ok $? "étendue is marked"
marked 'Étendue'
ok $? "and the heading Étendue, another case of the accented letter"

keys /
keys C-u
typed offence
wait_for '^ tuihits Art\. 3 ' && keys Down Enter
shows '^ tuihits · Art\. 3 · Penalties · en' "from another language, a hit further on opens"
shows '^4 hits highlighted' "the hits before it counted too"
keys N
shows '^hit 3 of 4' "N from there: the one before it"

search '灯塔 阅读器'
shows '^ tuihits · 第1条 · 灯塔 · zh|^ tuihits · Art\. 1 · 灯塔 · zh' "two Chinese words open the Chinese hit"
eventually marked '阅读器'
ok $? "the second word is marked, far from the first"
marked '灯塔' '说的'
ok $? "the first in the text"
shows '^3 hits highlighted' "and the heading: three"
keys q
exits 0 "q quits"
done_testing
