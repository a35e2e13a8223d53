#!/bin/sh
# The language of the interface: --ui-lang, LANGUAGE with a UTF-8 locale, the
# fallback to English, and nothing translated unless asked (tests run in C.UTF-8).
. "$top_srcdir/tests/lib.sh"
fix="$top_srcdir/tests/fixtures"

run "$TREATY" --ui-lang fr --help
case "$errout" in *"has no translations"*)
	skip "built with --disable-nls"
	done_testing
	exit 0 ;;
esac

run "$TREATY" --help
like "$out" '^Usage: treaty' "no LANGUAGE, C.UTF-8: the help is English"

run "$TREATY" --ui-lang fr --help
ok $status "--ui-lang fr --help exits 0"
like "$out" '^Utilisation : treaty' "--ui-lang fr: French usage line"
like "$out" '^Commandes :' "French heading"
like "$out" 'ajouter des documents à votre bibliothèque' "French description of import"
like "$out" '^  search QUERY \[--doc D\]' "synopses stay as typed"
like "$out" 'Code de retour : 0 succès' "French exit status line"

run "$TREATY" --ui-lang=es --help
like "$out" '^Uso: treaty' "--ui-lang=es works too"
run "$TREATY" --help --ui-lang zh
like "$out" '^用法：treaty' "--ui-lang after --help (no command) is still taken"

# Every catalogue speaks: the help differs from English in each language.
english=$("$TREATY" --help)
for lang in $(sed -e 's/#.*//' "$top_srcdir/po/LINGUAS"); do
	run "$TREATY" --ui-lang "$lang" --help
	if [ "$status" -eq 0 ] && [ -z "$errout" ] && [ "$out" != "$english" ]; then
		ok 0 "--ui-lang $lang: translated help"
	else
		ok 1 "--ui-lang $lang: translated help (status $status: $errout)"
	fi
done

# LANGUAGE, the gettext way, with a UTF-8 locale: messages of tui/ and corpus/.
run env LANGUAGE=ru "$TREATY" frobnicate
is "$status" 2 "unknown command still exit 2 in Russian"
like "$errout" "^treaty: неизвестная команда «frobnicate»" "LANGUAGE=ru: Russian error"
like "$errout" "Попробуйте «treaty --help»" "and a Russian hint"
: >"$TEST_HOME/empty.txt"
run env LANGUAGE=ru "$TREATY" import "$TEST_HOME/empty.txt" --lang ru
like "$errout" 'empty.txt:1: файл пуст' "LANGUAGE=ru: an import error from corpus/ is Russian"
run env LANGUAGE=xx:ru "$TREATY" show
like "$errout" 'какой документ\?' "LANGUAGE=xx:ru: the first language with a catalogue wins"

# Plural forms follow the language's rule (Russian has three).
run env LANGUAGE=ru "$TREATY" import "$fix/test-convention.fr.txt" --id essai --kind convention
n=$(printf '%s\n' "$out" | sed -n 's/.*(fr): \([0-9]*\) .*/\1/p')
if [ $((n % 10)) -eq 1 ] && [ $((n % 100)) -ne 11 ]; then form=положение
elif [ $((n % 10)) -ge 2 ] && [ $((n % 10)) -le 4 ] && { [ $((n % 100)) -lt 10 ] || [ $((n % 100)) -ge 20 ]; }; then form=положения
else form=положений; fi
like "$out" "^импортирован essai \\(fr\\): $n $form из " "Russian plural for $n provisions"
run env LANGUAGE=fr "$TREATY" library
like "$out" '^essai +fr +convention +3 articles \(1-3\) +complet ' "French list columns"

# POSIX: under LC_ALL=C, LANGUAGE is ignored; --ui-lang is not.
run env LC_ALL=C LANGUAGE=fr "$TREATY" show
like "$errout" 'which document\?' "LC_ALL=C ignores LANGUAGE"
run env LC_ALL=C "$TREATY" --ui-lang fr show
like "$errout" 'quel document \?' "LC_ALL=C with --ui-lang fr: French"
run env -i HOME="$HOME" XDG_DATA_HOME="$XDG_DATA_HOME" "$TREATY" --ui-lang es --help
like "$out" 'Órdenes:' "an empty environment with --ui-lang es: Spanish, in UTF-8"
run env LANGUAGE=fr "$TREATY" --ui-lang en show
like "$errout" 'which document\?' "--ui-lang en overrides LANGUAGE"

# An unknown language: a warning, then English; the command still runs.
run "$TREATY" --ui-lang xx --help
ok $status "--ui-lang xx still runs the command"
like "$errout" "^treaty: warning: --ui-lang xx: no such interface language \\(there are: en( [a-z]+)+\\); using English" \
	"--ui-lang xx: a warning naming the languages"
like "$out" '^Usage: treaty' "--ui-lang xx: English"
run env LANGUAGE=fr "$TREATY" --ui-lang ../fr --help
like "$errout" 'no such interface language' "a path is not a language"
like "$out" '^Usage: treaty' "and the interface falls back to English, not to LANGUAGE"
run "$TREATY" --ui-lang
is "$status" 2 "--ui-lang without a value is a usage error"
like "$errout" '--ui-lang needs a language' "and says so"
run "$TREATY" --ui-lang fr_CA --help
like "$out" '^Utilisation' "fr_CA falls back to fr, as gettext does"
is "$errout" "" "without a warning"

done_testing
