/*
 * Fuzz target: the query translator.  Its promise is that nothing typed
 * reaches FTS5 unparsed, so every translation it accepts is run against a
 * real FTS5 table with the store's tokenizer: an SQLite error there is a
 * broken promise (a delegate would see a syntax error instead of results).
 */
#include "corpus/query.h"
#include "i18n/i18n.h"
#include "tests/fuzz/fuzz.h"

#include <sqlite3.h>
#include <string.h>

static sqlite3 *db;
static sqlite3_stmt *match;

/* One connection for the whole run: opening one per input would dominate the time. */
static void open_db(void)
{
	char err[256];
	char *sql;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    i18n_fts5_register(db, err, sizeof err) < 0)
		fuzz_fail("cannot set up: %s", sqlite3_errmsg(db));
	sql = sqlite3_mprintf(
	    "CREATE VIRTUAL TABLE t USING fts5(heading, text, tokenize=%Q);"
	    "INSERT INTO t VALUES('Article 2', 'Illegal access to a computer system');"
	    "INSERT INTO t VALUES('Article 6', 'misuse of devices, or data');",
	    i18n_fts5_tokenize_spec("en"));
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(
	        db, "SELECT rowid, snippet(t, 1, '[', ']', '…', 8) FROM t WHERE t MATCH ?", -1,
	        &match, NULL) != SQLITE_OK)
		fuzz_fail("cannot set up: %s", sqlite3_errmsg(db));
	sqlite3_free(sql);
}

static int lowercase(const char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			return 0;
	return 1;
}

static void check(const char *text, const struct corpus_parsed_query *q)
{
	if (!q->match && !q->doc && !q->lang && !q->art)
		fuzz_fail("accepted \"%s\" with nothing in it", text);
	if (q->lang && !lowercase(q->lang))
		fuzz_fail("lang filter \"%s\" not lowercased", q->lang);
	if (q->nwords > CORPUS_QUERY_MAX_TERMS)
		fuzz_fail("%zu words, limit %d", q->nwords, CORPUS_QUERY_MAX_TERMS);
	for (size_t i = 0; i < q->nwords; i++)
		if (!q->words[i])
			fuzz_fail("word %zu is NULL", i);
	if (!q->match)
		return;
	size_t bad;
	if (!i18n_utf8_valid(q->match, strlen(q->match), &bad))
		fuzz_fail("MATCH expression has invalid UTF-8 at %zu", bad);
	if (!db)
		open_db();
	sqlite3_bind_text(match, 1, q->match, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(match)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fuzz_fail("FTS5 refused the translation of \"%s\": %s: %s", text, q->match,
		          sqlite3_errmsg(db));
	sqlite3_reset(match);
	sqlite3_clear_bindings(match);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus_parsed_query q;
	char err[512] = "";
	char *text = fuzz_string(data, size);
	memset(&q, 0xA5, sizeof q); /* the parser must not rely on a zeroed out */
	if (corpus_query_parse(text, &q, err, sizeof err) == 0) {
		check(text, &q);
		corpus_query_free(&q);
		if (q.match || q.words || q.notice)
			fuzz_fail("corpus_query_free left pointers behind");
	} else {
		if (!*err)
			fuzz_fail("refused \"%s\" without a message", text);
		if (q.match || q.doc || q.lang || q.art || q.words || q.notice)
			fuzz_fail("refused \"%s\" but left something in out", text);
	}
	free(text);
	return 0;
}
