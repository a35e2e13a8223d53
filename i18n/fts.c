/*
 * fts.c — the "treaty" FTS5 tokenizer, and word folding for other modules.
 *
 * Design: stemming must follow the language of the text, but FTS5 (SQLite
 * 3.40, Debian 12) gives a tokenizer no per-row information.  So the
 * tokenizer takes the language as its argument ("treaty fr"), and the store
 * keeps one FTS table per language, created with i18n_fts5_tokenize_spec().
 * A query is tokenized by each table's own instance, so the same words meet
 * the same folding and stemming on both sides; searching "all languages"
 * means querying each table.
 */
#include "i18n/analysis.h"
#include "i18n/i18n.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fts_create(void *unused, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)unused;
	if (argc > 1)
		return SQLITE_ERROR;
	struct i18n_tok *t = i18n_tok_new(argc == 1 ? argv[0] : "und", NULL, 0);
	*out = (Fts5Tokenizer *)t;
	return t ? SQLITE_OK : SQLITE_ERROR;
}

static void fts_delete(Fts5Tokenizer *t)
{
	i18n_tok_free((struct i18n_tok *)t);
}

static int fts_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
                        int (*token)(void *, int, const char *, int, int, int))
{
	int mode = 0;
	size_t mark = sizeof I18N_INDEXED_TERM - 1;
	if ((flags & FTS5_TOKENIZE_QUERY) && (size_t)len > mark &&
	    !memcmp(text, I18N_INDEXED_TERM, mark))
		return token(ctx, 0, text + mark, len - (int)mark, 0, len);
	if (flags & FTS5_TOKENIZE_QUERY)
		mode |= I18N_TOK_QUERY;
	if (flags & FTS5_TOKENIZE_PREFIX)
		mode |= I18N_TOK_PREFIX;
	if (flags & FTS5_TOKENIZE_AUX)
		mode |= I18N_TOK_AUX;
	/* I18N_TOK_COLOCATED is FTS5_TOKEN_COLOCATED, so token passes straight through. */
	int rc = i18n_tok_run((struct i18n_tok *)tok, text, len, mode, token, ctx);
	return rc < 0 ? SQLITE_NOMEM : rc;
}

_Static_assert(I18N_TOK_COLOCATED == FTS5_TOKEN_COLOCATED, "token flag values differ");

fts5_api *i18n_fts5_api(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

int i18n_fts5_register(struct sqlite3 *db, char *err, size_t errlen)
{
	static fts5_tokenizer methods = {fts_create, fts_delete, fts_tokenize};
	fts5_api *api = i18n_fts5_api(db);
	if (!api || api->iVersion < 2) {
		if (err && errlen)
			snprintf(err, errlen, "this SQLite has no FTS5");
		return -1;
	}
	if (api->xCreateTokenizer(api, "treaty", NULL, &methods, NULL) != SQLITE_OK) {
		if (err && errlen)
			snprintf(err, errlen, "cannot register the tokenizer: %s",
			         sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

const char *i18n_fts5_tokenize_spec(const char *lang)
{
	static const char *const specs[] = {"treaty en", "treaty fr", "treaty es", "treaty ru",
	                                    "treaty ar", "treaty zh", "treaty nl"};
	for (size_t i = 0; lang && i < sizeof specs / sizeof specs[0]; i++)
		if (strcmp(lang, specs[i] + 7) == 0)
			return specs[i];
	return "treaty und";
}

/* ---- Folding words for other modules ---------------------------------- */

struct fold_out {
	char *out;
	size_t cap, len;
	int overflow;
};

static int fold_collect(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct fold_out *o = ctx;
	(void)start, (void)end;
	if (flags & I18N_TOK_COLOCATED)
		return 0;
	size_t need = o->len + (o->len > 0) + (size_t)n + 1;
	if (need > o->cap) {
		o->overflow = 1;
		return 1;
	}
	if (o->len > 0)
		o->out[o->len++] = ' ';
	memcpy(o->out + o->len, tok, (size_t)n);
	o->len += (size_t)n;
	o->out[o->len] = '\0';
	return 0;
}

struct i18n_folder *i18n_folder_new(const char *lang, char *err, size_t errlen)
{
	return (struct i18n_folder *)i18n_tok_new(lang ? lang : "und", err, errlen);
}

void i18n_folder_free(struct i18n_folder *f)
{
	i18n_tok_free((struct i18n_tok *)f);
}

int i18n_folder_fold(struct i18n_folder *f, const char *s, size_t len, int flags, char *out,
                     size_t outlen)
{
	struct fold_out o = {out, outlen, 0, 0};
	if (!outlen || len > 0x7FFFFFFF)
		return -1;
	out[0] = '\0';
	int mode = flags & I18N_FOLD_STEM ? 0 : I18N_TOK_NOSTEM;
	int rc = i18n_tok_run((struct i18n_tok *)f, s, (int)len, mode, fold_collect, &o);
	return rc < 0 || o.overflow ? -1 : (int)o.len;
}

int i18n_fold_word(const char *lang, const char *s, size_t len, int flags, char *out, size_t outlen)
{
	struct i18n_folder *f = i18n_folder_new(lang, NULL, 0);
	if (!f)
		return -1;
	int n = i18n_folder_fold(f, s, len, flags, out, outlen);
	i18n_folder_free(f);
	return n;
}
