/*
 * Fuzz target: the "treaty" tokenizer, on arbitrary bytes (invalid UTF-8,
 * NULs, controls).  The first byte chooses the language.  Promises checked:
 *   - every token is non-empty, at most I18N_TOKEN_MAX bytes, valid UTF-8
 *     (but in highlight mode, where tokens are the source bytes), and its
 *     source range lies inside the text, in order;
 *   - the ASCII fast path gives exactly what ICU alone gives;
 *   - through FTS5 (one input in 32), the index stays consistent (integrity-check
 * re-tokenizes the stored text), and a text searched for as a phrase finds itself, since queries
 * and texts meet the same analysis.
 */
#include "i18n/analysis.h"
#include "i18n/i18n.h"
#include "tests/fuzz/fuzz.h"

#include <sqlite3.h>
#include <string.h>

static const char *const langs[] = {"en", "fr", "es", "ru", "ar", "zh", "nl", "und"};

struct stream {
	size_t len;
	int aux;   /* highlight mode: tokens are the source bytes, neither folded nor cut */
	char *buf; /* "flags start end token\n" per token */
	size_t blen, bcap;
	int last_start;
};

static int on_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct stream *s = ctx;
	size_t bad;
	if (n <= 0 || (n > I18N_TOKEN_MAX && !s->aux))
		fuzz_fail("token of %d bytes", n);
	if (start < 0 || end < start || (size_t)end > s->len)
		fuzz_fail("token range [%d, %d) outside a text of %zu bytes", start, end, s->len);
	if (start < s->last_start)
		fuzz_fail("token at %d after one at %d", start, s->last_start);
	if (!s->aux && !i18n_utf8_valid(tok, (size_t)n, &bad))
		fuzz_fail("token with invalid UTF-8 at %zu", bad);
	s->last_start = start;
	if (s->blen + (size_t)n + 64 > s->bcap) {
		s->bcap = (s->blen + (size_t)n + 64) * 2;
		s->buf = realloc(s->buf, s->bcap);
		if (!s->buf)
			abort();
	}
	s->blen += (size_t)sprintf(s->buf + s->blen, "%d %d %d %.*s\n", flags, start, end, n, tok);
	return 0;
}

/* Instances are reused, as FTS5 reuses them: state must not leak from one text to the next. */
static struct i18n_tok *toks[8];

static struct stream tokens(unsigned k, const char *text, size_t len, int flags)
{
	struct stream s = {len, !!(flags & I18N_TOK_AUX), NULL, 0, 0, 0};
	char err[256];
	if (!toks[k] && !(toks[k] = i18n_tok_new(langs[k], err, sizeof err)))
		fuzz_fail("i18n_tok_new(%s): %s", langs[k], err);
	if (i18n_tok_run(toks[k], text, (int)len, flags, on_token, &s) != 0)
		fuzz_fail("i18n_tok_run failed");
	return s;
}

static void same(struct stream a, struct stream b, const char *what)
{
	if (a.blen != b.blen || (a.blen && memcmp(a.buf, b.buf, a.blen) != 0))
		fuzz_fail("%s: token streams differ:\n%.*s---\n%.*s", what, (int)a.blen,
		          a.buf ? a.buf : "", (int)b.blen, b.buf ? b.buf : "");
	free(a.buf);
	free(b.buf);
}

static sqlite3 *db;

/*
 * Per language: insert, integrity-check, phrase query, delete, prepared once
 * (parsing them cost more than running them).
 */
enum { INS, CHECK, MATCH, DEL, NSTMT };
static sqlite3_stmt *stmt[8][NSTMT];
static unsigned calls[8];

static void set_up(void)
{
	static const char *const forms[NSTMT] = {
	    "INSERT INTO t%u(rowid, x) VALUES(1, ?)",
	    "INSERT INTO t%u(t%u) VALUES('integrity-check')",
	    "SELECT count(*) FROM t%u WHERE t%u MATCH ?",
	    "DELETE FROM t%u WHERE rowid = 1",
	};
	char sql[256], err[256];
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    i18n_fts5_register(db, err, sizeof err) < 0)
		fuzz_fail("cannot set up FTS5");
	for (unsigned i = 0; i < 8; i++) {
		snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE t%u USING fts5(x, tokenize='%s')",
		         i, i18n_fts5_tokenize_spec(langs[i]));
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
			fuzz_fail("%s: %s", sql, sqlite3_errmsg(db));
		for (int f = 0; f < NSTMT; f++) {
			snprintf(sql, sizeof sql, forms[f], i, i);
			if (sqlite3_prepare_v2(db, sql, -1, &stmt[i][f], NULL) != SQLITE_OK)
				fuzz_fail("%s: %s", sql, sqlite3_errmsg(db));
		}
	}
}

/* Run a prepared statement to its end; the first column of its last row, or -1. */
static int run(sqlite3_stmt *st, const char *what)
{
	int rc, value = -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		value = sqlite3_column_int(st, 0);
	if (rc != SQLITE_DONE)
		fuzz_fail("%s: %s", what, sqlite3_errmsg(db));
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return value;
}

static void through_fts(unsigned k, const char *text, size_t len)
{
	if (!db)
		set_up();
	sqlite3_bind_text(stmt[k][INS], 1, text, (int)len, SQLITE_STATIC);
	run(stmt[k][INS], "insert");
	/* The check reads the whole index: every 16th text, and it covers them all. */
	if (calls[k]++ % 16 == 0)
		run(stmt[k][CHECK], "integrity-check");

	/*
	 * The text as one FTS5 string, quotes doubled; NULs end SQL strings, so skip those.  A
	 * phrase beginning with I18N_INDEXED_TERM is an index term by contract, not text (the query
	 * translator takes it off users' phrases: query-test).
	 */
	size_t mark = sizeof I18N_INDEXED_TERM - 1;
	if (len <= 4096 && !memchr(text, '\0', len) &&
	    !(len >= mark && memcmp(text, I18N_INDEXED_TERM, mark) == 0)) {
		struct stream s = tokens(k, text, len, I18N_TOK_QUERY);
		int has_tokens = s.blen > 0;
		free(s.buf);
		char *q = malloc(2 * len + 3), *p = q;
		*p++ = '"';
		for (size_t i = 0; i < len; i++) {
			if (text[i] == '"')
				*p++ = '"';
			*p++ = text[i];
		}
		*p++ = '"';
		sqlite3_bind_text(stmt[k][MATCH], 1, q, (int)(p - q), SQLITE_STATIC);
		if (run(stmt[k][MATCH], "phrase query") != 1 && has_tokens)
			fuzz_fail("the text searched as a phrase does not find itself (%s)",
			          langs[k]);
		free(q);
	}
	/* Deleting re-tokenizes the stored text; a difference shows in a later integrity-check. */
	run(stmt[k][DEL], "delete");
}

/*
 * Whether an input also goes through FTS5: one in 32, by a hash of all its bytes.  Choosing by
 * the first byte let libFuzzer keep nearly every input on this slow path (the FTS5 runs reach
 * more code, so their inputs win a place in the corpus, and mutations seldom touch the first
 * byte): 91 % of a grown corpus went through FTS5, and the target ran at half its speed.
 */
static int via_fts(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h % 32 == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size > (1u << 20))
		return 0;
	unsigned k = data[0] % 8;
	char *text = fuzz_bytes(data + 1, size - 1);
	size_t len = size - 1;
	same(tokens(k, text, len, 0), tokens(k, text, len, I18N_TOK_ICU_ONLY), "fast path and ICU");
	same(tokens(k, text, len, I18N_TOK_QUERY | I18N_TOK_PREFIX),
	     tokens(k, text, len, I18N_TOK_QUERY | I18N_TOK_PREFIX | I18N_TOK_ICU_ONLY),
	     "prefix query: fast path and ICU");
	free(tokens(k, text, len, I18N_TOK_AUX).buf);
	/* SQLite costs ten times the rest: one input in 32 goes through it. */
	if (via_fts(data, size))
		through_fts(k, text, len);
	free(text);
	return 0;
}
