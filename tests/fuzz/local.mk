# Fuzzing.  Each target (tests/fuzz/TARGET.c) is built twice:
#  - by make check, with the configured compiler and driver.c, as
#    tests/fuzz/TARGET-replay: its seeds, regressions and a few thousand
#    deterministic mutations, so targets never rot (and run under ASan+UBSan
#    in the --enable-sanitizers build);
#  - by make fuzz, with clang's libFuzzer, ASan and UBSan, as
#    tests/fuzz/build/TARGET-fuzz, run by tests/fuzz/run.sh TARGET SECONDS.
FUZZ_TARGETS = parse query tokenizer display refs
# Targets written in their own style, as NAME:SOURCE (refs-fuzz.c builds for
# libFuzzer with -DREFS_LIBFUZZER).
FUZZ_OTHER = refs-all:tests/fuzz/refs-fuzz.c
FUZZ_REPLAY_LIBS = corpus/libcorpus.a i18n/libi18n.a $(BASE_LIBS)

# The reference recogniser's own target (see its header): without libFuzzer
# it runs in make check over generated input with a fixed seed.
check_PROGRAMS += tests/fuzz/refs-fuzz
tests_fuzz_refs_fuzz_SOURCES = tests/fuzz/refs-fuzz.c
tests_fuzz_refs_fuzz_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/fuzz/refs-fuzz

check_PROGRAMS += tests/fuzz/parse-replay
tests_fuzz_parse_replay_SOURCES = tests/fuzz/parse.c tests/fuzz/driver.c tests/fuzz/fuzz.h
tests_fuzz_parse_replay_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DIR='"$(abs_top_srcdir)/tests/fuzz/parse"'
tests_fuzz_parse_replay_LDADD = $(FUZZ_REPLAY_LIBS)
TESTS += tests/fuzz/parse-replay

check_PROGRAMS += tests/fuzz/query-replay
tests_fuzz_query_replay_SOURCES = tests/fuzz/query.c tests/fuzz/driver.c tests/fuzz/fuzz.h
tests_fuzz_query_replay_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DIR='"$(abs_top_srcdir)/tests/fuzz/query"'
tests_fuzz_query_replay_LDADD = $(FUZZ_REPLAY_LIBS)
TESTS += tests/fuzz/query-replay

check_PROGRAMS += tests/fuzz/tokenizer-replay
tests_fuzz_tokenizer_replay_SOURCES = tests/fuzz/tokenizer.c tests/fuzz/driver.c tests/fuzz/fuzz.h
tests_fuzz_tokenizer_replay_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DIR='"$(abs_top_srcdir)/tests/fuzz/tokenizer"'
tests_fuzz_tokenizer_replay_LDADD = $(FUZZ_REPLAY_LIBS)
TESTS += tests/fuzz/tokenizer-replay

check_PROGRAMS += tests/fuzz/display-replay
tests_fuzz_display_replay_SOURCES = tests/fuzz/display.c tests/fuzz/driver.c tests/fuzz/fuzz.h
tests_fuzz_display_replay_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DIR='"$(abs_top_srcdir)/tests/fuzz/display"'
tests_fuzz_display_replay_LDADD = $(FUZZ_REPLAY_LIBS)
TESTS += tests/fuzz/display-replay

check_PROGRAMS += tests/fuzz/refs-replay
tests_fuzz_refs_replay_SOURCES = tests/fuzz/refs.c tests/fuzz/driver.c tests/fuzz/fuzz.h
tests_fuzz_refs_replay_CPPFLAGS = $(AM_CPPFLAGS) -DFUZZ_DIR='"$(abs_top_srcdir)/tests/fuzz/refs"'
tests_fuzz_refs_replay_LDADD = $(FUZZ_REPLAY_LIBS)
TESTS += tests/fuzz/refs-replay

EXTRA_DIST += tests/fuzz/run.sh tests/fuzz/README.md tests/fuzz/parse tests/fuzz/query \
	tests/fuzz/tokenizer tests/fuzz/display tests/fuzz/refs
# Each target's inputs are a directory named as its source (tokenizer/ beside
# tokenizer.c): without a rule of their own, make's built-in one would try to
# compile a directory older than its .c file when distributing it.
tests/fuzz/parse tests/fuzz/query tests/fuzz/tokenizer tests/fuzz/display tests/fuzz/refs: ;

# make fuzz: the library sources compiled again with clang and coverage
# instrumentation (a gcc-built library would give libFuzzer nothing to steer by).
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=undefined
FUZZ_LIBSRC = $(corpus_libcorpus_a_SOURCES) $(i18n_libi18n_a_SOURCES)
FUZZ_CPPFLAGS = $(DEFS) $(AM_CPPFLAGS) $(CPPFLAGS)
FUZZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wno-unused-parameter \
	$(ICU_CFLAGS) $(SQLITE_CFLAGS) $(XML_CFLAGS) $(LIBZIP_CFLAGS)

fuzz:
	@command -v $(FUZZ_CC) >/dev/null || { \
		echo "make fuzz needs clang with libFuzzer (Debian: apt-get install clang libclang-rt-14-dev)"; \
		exit 1; }
	@$(MKDIR_P) tests/fuzz/build/obj
	@set -e; objs=; for src in $(FUZZ_LIBSRC); do \
		case $$src in *.c) ;; *) continue ;; esac; \
		obj=tests/fuzz/build/obj/`echo $$src | sed 's|/|_|g; s|\.c$$|.o|'`; \
		if test ! -f $$obj || test -n "`find $(srcdir)/$$src $(srcdir)/corpus $(srcdir)/i18n \
				config.h -name '*.h' -newer $$obj -o -path $(srcdir)/$$src -newer $$obj`"; then \
			echo "  FUZZCC   $$src"; \
			$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(FUZZ_CPPFLAGS) \
				$(FUZZ_CFLAGS) -c $(srcdir)/$$src -o $$obj; \
		fi; \
		objs="$$objs $$obj"; \
	done; \
	for t in $(FUZZ_TARGETS) $(FUZZ_OTHER); do \
		case $$t in *:*) src=$${t#*:}; t=$${t%%:*} ;; *) src=tests/fuzz/$$t.c ;; esac; \
		echo "  FUZZLD   tests/fuzz/build/$$t-fuzz"; \
		$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -DREFS_LIBFUZZER $(FUZZ_CPPFLAGS) \
			$(FUZZ_CFLAGS) $(srcdir)/$$src $$objs $(BASE_LIBS) -o tests/fuzz/build/$$t-fuzz; \
	done

clean-local: clean-fuzz
clean-fuzz:
	rm -rf tests/fuzz/build tests/fuzz/fuzz-failure-*

.PHONY: fuzz clean-fuzz
