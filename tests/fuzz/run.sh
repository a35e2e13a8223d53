#!/bin/sh
# tests/fuzz/run.sh TARGET SECONDS [JOBS] — fuzz one target for a while and report.
#
# Run from the build tree after `make fuzz`.  The growing corpus is kept in
# tests/fuzz/build/TARGET-corpus (so later runs start where earlier ones
# stopped) and findings in tests/fuzz/build/TARGET-findings.  Prints one line:
#   TARGET: N executions in S s (R/s), C coverage points, F findings
# and exits 1 when there are findings.  FUZZ_RUNS=N stops the run after N
# inputs, counted over all jobs (whichever comes first).  To turn a finding
# into a regression test, copy it into $srcdir/tests/fuzz/TARGET/regressions/
# (make check replays it) and fix the code.
set -u
target=${1:?usage: run.sh TARGET SECONDS [JOBS]}
seconds=${2:?usage: run.sh TARGET SECONDS [JOBS]}
jobs=${3:-1}
here=$(cd "$(dirname "$0")" && pwd)
bin=tests/fuzz/build/$target-fuzz
[ -x "$bin" ] || { echo "run.sh: $bin not built; run make fuzz first" >&2; exit 2; }
work=tests/fuzz/build/$target-corpus
found=tests/fuzz/build/$target-findings
log=tests/fuzz/build/$target.log
mkdir -p "$work" "$found"
dict=
[ -f "$here/$target/dict" ] && dict=-dict=$here/$target/dict
seeds=$here/$target/seeds
regr=
[ -d "$here/$target/regressions" ] && regr=$here/$target/regressions
maxlen=65536
[ -f "$here/$target/max_len" ] && maxlen=$(cat "$here/$target/max_len")
before=$(ls "$found" | wc -l)

# A leak is a finding; an input that takes over 10 s (FUZZ_TIMEOUT) or 2 GB is
# one too.  libFuzzer's report of a slow input uses the same limit, so that a
# long run paused for a measurement does not count its pause as a finding.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
start=$(date +%s)
if [ "$jobs" -gt 1 ]; then
	# -fork keeps going after a finding, so a long run reports all it finds.
	"$bin" -fork="$jobs" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
		-max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
		-report_slow_units="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -max_len="$maxlen" \
		-print_final_stats=1 -artifact_prefix="$found/" $dict "$work" "$seeds" $regr \
		>"$log" 2>&1
else
	"$bin" ${FUZZ_RUNS:+-runs=$FUZZ_RUNS} -max_total_time="$seconds" \
		-timeout="${FUZZ_TIMEOUT:-10}" -report_slow_units="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 \
		-max_len="$maxlen" -print_final_stats=1 -artifact_prefix="$found/" \
		$dict "$work" "$seeds" $regr >"$log" 2>&1
fi
end=$(date +%s)
elapsed=$((end - start))
[ "$elapsed" -gt 0 ] || elapsed=1

# Single process: the final stats; -fork: the last status line's exec count.
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
[ -n "$execs" ] || execs=$(sed -n 's/^#\([0-9][0-9]*\).*/\1/p' "$log" | tail -1)
cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | sed 's/cov: //')
after=$(ls "$found" | wc -l)
new=$((after - before))
where=
[ "$new" -eq 0 ] || where=" (in $found)"
echo "$target: ${execs:-?} executions in ${elapsed} s ($(( ${execs:-0} / elapsed ))/s), ${cov:-?} coverage points, $new findings$where"
[ "$new" -eq 0 ]
