#!/bin/sh
# Resizing at any moment re-lays out without losing the place: 80×24 → 40×12
# → too small → 80×24, and a wide terminal with both panes.
. "$top_srcdir/tests/tui/tmux.sh"

import --id tuitest --lang en "$fix/tui-reader.en.txt"

reader 80 24 --goto='tuitest 3'
shows '^ tuitest · Art\. 3 · Scrolling' "the reader opens at article 3"
keys j j j j j j
wait_gone '^Article 3$'
top=$(line 2)
word=$(printf '%s\n' "$top" | awk '{print $2, $3}')
resize 40 12
shows '^ tuitest · Art\. 3 · Scr' "at 40×12 the header still names article 3"
hides 'Contents' "one pane at a time"
shows "^[^│]*$word" "the words at the top are still at the top"
keys j
keys k
shows "^[^│]*$word" "and scrolling there works"
resize 20 6
shows 'The terminal is too' "at 20×6 the reader says the terminal is too small"
shows 'at least' "and what it needs"
resize 80 24
shows '^ tuitest · Art\. 3 · Scrolling' "at 80×24 the reader comes back"
is "$(line 2)" "$top" "at the same line"
resize 120 30
shows '^ Contents +│ tuitest · Art\. 3 · Scrolling' "at 120×30 the contents and the text side by side"
shows "│.*$word" "still at the same words"
resize 80 24
shows '^ tuitest · Art\. 3 · Scrolling' "and back to one pane"
is "$(line 2)" "$top" "at the same line again"
keys q
exits 0 "q quits"

reader 20 6
shows 'The terminal is too' "a reader started too small says so"
resize 80 24
shows '^ tuitest · Art\. 3 · Scrolling' "and starts when the terminal grows, where the last one left"
keys q
exits 0 "q quits"
done_testing
