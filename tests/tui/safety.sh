#!/bin/sh
# What a document cannot do: drive the terminal.  ESC and U+202E are shown as
# visible marks.  And NO_COLOR: no colours, yet links, hits and headings stay
# apart by bold, underline and reverse.
. "$top_srcdir/tests/tui/tmux.sh"

import --id hostile --lang en "$fix/tui-hostile.en.txt"
import --id tuitest --lang en "$fix/tui-reader.en.txt"
esc=$(printf '\033')

reader 80 24 --goto='hostile 1'
shows 'an escape ␛\[31mred␛\[0m sequence' "ESC is shown as ␛, its sequence as text"
shows 'override <U\+202E>here<U\+202C> inside' "U+202E and U+202C are shown as their codes"
attrs=$(screen_attrs)
printf '%s\n' "$attrs" | grep -q "${esc}\[31mred"
ok $((1 - $?)) "the word after the escape is not red"
printf '%s\n' "$attrs" | grep 'override' | grep -q "${esc}\[[0-9;]*m<U+202E>"
ok $? "the marks stand out from the text"
keys q
exits 0 "q quits"

# colours_in: whether the screen uses any colour (SGR 30–37, 40–47, 90–107, 38;…, 48;…).
colours_in() { screen_attrs | grep -Eq "${esc}\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)[;m]"; }
# style_before TEXT: the escape sequences right before TEXT on the screen.
style_before() { screen_attrs | grep -o "\(${esc}\[[0-9;]*m\)*$1" | head -1; }

reader 120 30 --goto='tuitest 2'
shows '^ Contents' "with colours"
eventually colours_in
ok $? "a colour terminal gets colours"
keys q
exits 0 "q quits"

READER_ENV=NO_COLOR=1
reader 120 30 --goto='tuitest 2'
READER_ENV=
shows '^ Contents' "with NO_COLOR"
colours_in
ok $((1 - $?)) "NO_COLOR: no colour at all"
like "$(style_before 'Definitions$')" "${esc}\[([0-9;]*;)?1[;m]" "headings are bold"
like "$(style_before 'Purpose')" "${esc}\[([0-9;]*;)?4[;m]" "links (article headings in the contents) are underlined"
keys /
typed lighthouse
shows '^ tuitest Art\. 2\(a\)' "a search"
keys Enter
shows 'hits? highlighted' "opened"
hit_reverse() { style_before lighthouse | grep -Eq "${esc}\[([0-9;]*;)?7[;m]"; }
eventually hit_reverse
ok $? "hits are in reverse video"
keys q
exits 0 "q quits"
done_testing
