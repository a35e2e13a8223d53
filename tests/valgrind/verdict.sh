#!/bin/sh
# verdict.sh DIR: the valgrind logs in DIR, summed up as TAP: each run with no
# error and no definite leak is one ok.  Exits 1 when one is not.
dir=${1:?usage: verdict.sh DIR}
n=0 bad=0
for log in "$dir"/vg.*.log; do
	[ -f "$log" ] || continue
	n=$((n + 1))
	cmd=$(sed -n 's/^==[0-9]*== Command: //p' "$log" | head -1 | cut -c1-120)
	errors=$(sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9]*\) errors.*/\1/p' "$log" | tail -1)
	lost=$(sed -n 's/^==[0-9]*==    definitely lost: \([0-9,]*\) bytes.*/\1/p' "$log" | tr -d , | tail -1)
	# A run killed by a signal (the tests send some) writes no summary: its errors are
	# still listed, and leaks cannot be judged.
	if [ -z "$errors" ]; then
		errors=$(grep -c '^==[0-9]*== \(Invalid\|Conditional\|Use of uninit\|Syscall param\|Mismatched\|Source and destination\)' "$log")
	fi
	if [ "${errors:-0}" -eq 0 ] && [ "${lost:-0}" -eq 0 ]; then
		echo "ok $n - $cmd"
	else
		bad=$((bad + 1))
		echo "not ok $n - $cmd: $errors errors, ${lost:-0} bytes definitely lost ($log)"
		grep -A12 '^==[0-9]*== \(Invalid\|Conditional\|Use of uninit\|Syscall\|Mismatched\|[0-9,]* bytes in [0-9,]* blocks are definitely\)' "$log" |
			head -40 | sed 's/^/#   /'
	fi
done
echo "1..$n"
[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
