# bench/: measurements, built on demand (make bench/tokenizer-bench), never by make check.
EXTRA_PROGRAMS += bench/tokenizer-bench
bench_tokenizer_bench_SOURCES = bench/tokenizer-bench.c
bench_tokenizer_bench_LDADD = corpus/libcorpus.a i18n/libi18n.a $(BASE_LIBS)
CLEANFILES += bench/tokenizer-bench
EXTRA_DIST += bench/tokenizer.sh bench/queries.txt bench/recall.txt bench/RESULTS.md

# bench/run: search against rg and grep, show against cat, index builds.
EXTRA_PROGRAMS += bench/search-bench
bench_search_bench_SOURCES = bench/search-bench.c
bench_search_bench_LDADD = corpus/libcorpus.a i18n/libi18n.a $(BASE_LIBS)
CLEANFILES += bench/search-bench
EXTRA_DIST += bench/run bench/search-queries.txt bench/firstpaint
