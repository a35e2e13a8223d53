# Unit tests, one program per concern.
TEST_LIBS_CORPUS = corpus/libcorpus.a i18n/libi18n.a $(BASE_LIBS)
TEST_LIBS_I18N = i18n/libi18n.a $(BASE_LIBS)

include tests/unit/display.mk

check_PROGRAMS += tests/unit/text-test
tests_unit_text_test_SOURCES = tests/unit/text-test.c
tests_unit_text_test_LDADD = $(TEST_LIBS_I18N)
TESTS += tests/unit/text-test

check_PROGRAMS += tests/unit/query-test
tests_unit_query_test_SOURCES = tests/unit/query-test.c
tests_unit_query_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/query-test

check_PROGRAMS += tests/unit/store-test
tests_unit_store_test_SOURCES = tests/unit/store-test.c
tests_unit_store_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/store-test

check_PROGRAMS += tests/unit/tokenizer-test
tests_unit_tokenizer_test_SOURCES = tests/unit/tokenizer-test.c
tests_unit_tokenizer_test_LDADD = $(TEST_LIBS_I18N)
TESTS += tests/unit/tokenizer-test
EXTRA_DIST += tests/fixtures/tokenizer-golden.txt

check_PROGRAMS += tests/unit/parse-test tests/unit/eid-test tests/unit/corpus-src-test
tests_unit_parse_test_SOURCES = tests/unit/parse-test.c
tests_unit_parse_test_LDADD = $(TEST_LIBS_CORPUS)
tests_unit_eid_test_SOURCES = tests/unit/eid-test.c
tests_unit_eid_test_LDADD = $(TEST_LIBS_CORPUS)
tests_unit_corpus_src_test_SOURCES = tests/unit/corpus-src-test.c
tests_unit_corpus_src_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/parse-test tests/unit/eid-test tests/unit/corpus-src-test

check_PROGRAMS += tests/unit/refs-test
tests_unit_refs_test_SOURCES = tests/unit/refs-test.c
tests_unit_refs_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/refs-test
EXTRA_DIST += tests/fixtures/refs-sentences.tsv tests/fixtures/refs-drafts.tsv

check_PROGRAMS += tests/unit/refs-store-test
tests_unit_refs_store_test_SOURCES = tests/unit/refs-store-test.c
tests_unit_refs_store_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/refs-store-test

check_PROGRAMS += tests/unit/terms-test
tests_unit_terms_test_SOURCES = tests/unit/terms-test.c
tests_unit_terms_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/terms-test
EXTRA_DIST += tests/fixtures/terms-sentences.tsv

check_PROGRAMS += tests/unit/formats-test
tests_unit_formats_test_SOURCES = tests/unit/formats-test.c
tests_unit_formats_test_LDADD = $(CONVERT_LIBS)
TESTS += tests/unit/formats-test

check_PROGRAMS += tests/unit/library-test
tests_unit_library_test_SOURCES = tests/unit/library-test.c
tests_unit_library_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/library-test

check_PROGRAMS += tests/unit/search-test
tests_unit_search_test_SOURCES = tests/unit/search-test.c
tests_unit_search_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/search-test

check_PROGRAMS += tests/unit/snippet-test
tests_unit_snippet_test_SOURCES = tests/unit/snippet-test.c
tests_unit_snippet_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/snippet-test

check_PROGRAMS += tests/unit/library-ids-test
tests_unit_library_ids_test_SOURCES = tests/unit/library-ids-test.c
tests_unit_library_ids_test_LDADD = $(TEST_LIBS_CORPUS)
TESTS += tests/unit/library-ids-test
