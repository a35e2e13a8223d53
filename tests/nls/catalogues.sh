#!/bin/sh
# The catalogues are complete and correct: every marked message of the sources
# (extracted afresh, as "make -C po update-po" would) is translated in every
# language of po/LINGUAS, none fuzzy, printf formats and plural forms checked
# by msgfmt -c; and every source file that marks messages is in po/POTFILES.in.
. "$top_srcdir/tests/lib.sh"
po="$top_srcdir/po"

for tool in xgettext msgmerge msgfmt msgattrib; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		skip "$tool is not installed (Debian: gettext)"
		done_testing
		exit 0
	fi
done

# POTFILES.in names existing files, and every file that marks messages.
listed=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$po/POTFILES.in")
missing=
for f in $listed; do [ -f "$top_srcdir/$f" ] || missing="$missing $f"; done
is "$missing" "" "every file in po/POTFILES.in exists"
unlisted=
for f in $(cd "$top_srcdir" && grep -l -E '(^|[^A-Za-z0-9_])(N_|P_|_)\("' corpus/*.[ch] i18n/*.[ch] tui/*.[ch]); do
	[ "$f" = i18n/nls.h ] && continue # defines the marks
	printf '%s\n' "$listed" | grep -qx "$f" || unlisted="$unlisted $f"
done
is "$unlisted" "" "every file that marks messages is in po/POTFILES.in"

# The messages as they are in the sources now, with po/Makevars' options.
opts=$(sed -e ':a' -e '/\\$/{N;s/\\\n//;ba' -e '}' "$po/Makevars" | sed -n 's/^XGETTEXT_OPTIONS *= *//p')
# shellcheck disable=SC2086 # the options are words
(cd "$top_srcdir" && xgettext --language=C $opts --package-name=treaty \
	-o "$TEST_HOME/treaty.pot" $listed) 2>"$TEST_HOME/xgettext.err"
ok $? "xgettext extracts the messages: $(head -3 "$TEST_HOME/xgettext.err")"
total=$(msgattrib --no-wrap "$TEST_HOME/treaty.pot" | grep -c '^msgid ')
total=$((total - 1)) # the header

for lang in $(sed -e 's/#.*//' "$po/LINGUAS"); do
	file="$po/$lang.po"
	if [ ! -f "$file" ]; then
		ok 1 "po/$lang.po exists"
		continue
	fi
	msgfmt -c -o /dev/null "$file" 2>"$TEST_HOME/msgfmt.err"
	ok $? "po/$lang.po: msgfmt -c accepts it (formats, plural forms, header) $(head -3 "$TEST_HOME/msgfmt.err")"
	msgmerge --quiet --lang="$lang" -o "$TEST_HOME/$lang.po" "$file" "$TEST_HOME/treaty.pot"
	stats=$(msgfmt -c --statistics -o /dev/null "$TEST_HOME/$lang.po" 2>&1)
	is "$stats" "$total translated messages." "po/$lang.po: all $total messages of the sources translated, none fuzzy"
	if [ "$stats" != "$total translated messages." ]; then
		msgattrib --untranslated "$TEST_HOME/$lang.po" | sed -n 's/^msgid /#   untranslated: /p' | head -10
		msgattrib --only-fuzzy "$TEST_HOME/$lang.po" | sed -n 's/^msgid /#   fuzzy: /p' | head -10
		echo "#   fix: make -C po update-po, then translate po/$lang.po"
	fi
done

done_testing
