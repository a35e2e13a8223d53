/*
 * search-cache.c — what every search would otherwise make anew: its prepared
 * statements, the query tokenizer and the word folder of each language, and
 * the vocabularies "did you mean" compares a word with, kept on the store.
 *
 * A statement is found by its SQL text, which names its table: a table made
 * by an import has statements of its own, and SQLite prepares a kept
 * statement again when the schema changes.  A statement handed out is busy
 * until given back; asking again for a busy one gets a statement of its own,
 * finalized when given back, so that two readers never share one.  Given
 * back, it is reset and its bindings cleared: a binding may point into a
 * query that is about to be freed.
 */
#include "corpus/rank.h"
#include "corpus/store-internal.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

/* Statements kept: the readers of a search over a few languages, and a few searches' shapes. */
#define KEPT 64

struct kept {
	char *sql;
	unsigned long hash, used;
	sqlite3_stmt *st;
	int busy;
};

struct kept_tok {
	char lang[8];
	struct corpus_rank_tok *tok;
};

struct kept_folder {
	char lang[8];
	struct i18n_folder *folder;
};

struct kept_vocab {
	char schema[8], lang[8];
	unsigned version; /* the database's data version when read */
	struct corpus_vocab v;
	char *text; /* the terms, each ended by a NUL */
};

struct corpus_search_cache {
	struct kept st[KEPT];
	size_t nst;
	unsigned long clock;
	struct kept_tok *tok;
	size_t ntok;
	struct kept_folder *folder;
	size_t nfolder;
	struct kept_vocab *vocab;
	size_t nvocab;
};

static unsigned long hash_of(const char *s)
{
	unsigned long h = 5381;
	for (; *s; s++)
		h = h * 33 ^ (unsigned char)*s;
	return h;
}

static struct corpus_search_cache *cache_of(struct corpus_store *s)
{
	if (!s->cache)
		s->cache = calloc(1, sizeof *s->cache);
	return s->cache;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, unsigned flags)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db, sql, -1, flags, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* A slot for a new statement: a free one, else the least recently used idle one, else NULL. */
static struct kept *slot(struct corpus_search_cache *c)
{
	if (c->nst < KEPT)
		return &c->st[c->nst++];
	struct kept *old = NULL;
	for (size_t i = 0; i < c->nst; i++)
		if (!c->st[i].busy && (!old || c->st[i].used < old->used))
			old = &c->st[i];
	if (old) {
		sqlite3_finalize(old->st);
		free(old->sql);
		memset(old, 0, sizeof *old);
	}
	return old;
}

sqlite3_stmt *corpus_stmt_get(struct corpus_store *s, const char *sql)
{
	struct corpus_search_cache *c = cache_of(s);
	if (!c || !sql)
		return NULL;
	unsigned long h = hash_of(sql);
	for (size_t i = 0; i < c->nst; i++) {
		struct kept *k = &c->st[i];
		if (k->hash != h || !k->sql || strcmp(k->sql, sql) != 0)
			continue;
		if (k->busy)
			return prepare(s->db, sql, 0);
		k->busy = 1;
		k->used = ++c->clock;
		return k->st;
	}
	sqlite3_stmt *st = prepare(s->db, sql, SQLITE_PREPARE_PERSISTENT);
	struct kept *k = st ? slot(c) : NULL;
	char *copy = k ? strdup(sql) : NULL;
	if (!copy) {
		if (k) /* out of memory: the slot stays empty */
			k->hash = 0, k->sql = NULL;
		return st;
	}
	*k = (struct kept){copy, h, ++c->clock, st, 1};
	return st;
}

void corpus_stmt_put(struct corpus_store *s, sqlite3_stmt *st)
{
	struct corpus_search_cache *c = s->cache;
	if (!st)
		return;
	for (size_t i = 0; c && i < c->nst; i++)
		if (c->st[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->st[i].busy = 0;
			return;
		}
	sqlite3_finalize(st);
}

struct corpus_rank_tok *corpus_store_tok(struct corpus_store *s, const char *lang)
{
	struct corpus_search_cache *c = cache_of(s);
	if (!c)
		return NULL;
	for (size_t i = 0; i < c->ntok; i++)
		if (strcmp(c->tok[i].lang, lang) == 0)
			return c->tok[i].tok;
	struct kept_tok *more = realloc(c->tok, (c->ntok + 1) * sizeof *more);
	if (!more)
		return NULL;
	c->tok = more;
	struct corpus_rank_tok *t = corpus_rank_tok_new(s->db, lang);
	if (t) {
		snprintf(c->tok[c->ntok].lang, sizeof c->tok[c->ntok].lang, "%s", lang);
		c->tok[c->ntok++].tok = t;
	}
	return t;
}

struct i18n_folder *corpus_store_folder(struct corpus_store *s, const char *lang)
{
	struct corpus_search_cache *c = cache_of(s);
	if (!c)
		return NULL;
	for (size_t i = 0; i < c->nfolder; i++)
		if (strcmp(c->folder[i].lang, lang) == 0)
			return c->folder[i].folder;
	struct kept_folder *more = realloc(c->folder, (c->nfolder + 1) * sizeof *more);
	if (!more)
		return NULL;
	c->folder = more;
	struct i18n_folder *f = i18n_folder_new(lang, NULL, 0);
	if (f) {
		snprintf(c->folder[c->nfolder].lang, sizeof c->folder[c->nfolder].lang, "%s", lang);
		c->folder[c->nfolder++].folder = f;
	}
	return f;
}

static void vocab_clear(struct kept_vocab *k)
{
	free(k->text);
	free(k->v.term);
	free((int *)k->v.cps);
	free((uint64_t *)k->v.letters);
	k->text = NULL;
	k->v = (struct corpus_vocab){0};
}

/* The code points of t[0..n) counted into *cps, and their set as bits (c % 64). */
static uint64_t letters_of(const char *t, size_t n, int *cps)
{
	uint64_t set = 0;
	int32_t i = 0, len = (int32_t)n;
	*cps = 0;
	while (i < len) {
		UChar32 c;
		U8_NEXT(t, i, len, c);
		set |= corpus_letter(c);
		(*cps)++;
	}
	return set;
}

/* Read k's terms, in the order of the index on (lang, term), as a scan of the table had them. */
static int vocab_read(struct corpus_store *s, struct kept_vocab *k)
{
	char *sql = sqlite3_mprintf("SELECT term FROM %s.rank_term WHERE lang = ?1", k->schema);
	sqlite3_stmt *st = corpus_stmt_get(s, sql);
	size_t n = 0, cap = 0, used = 0, room = 0;
	size_t *at = NULL;
	int *cps = NULL, step = SQLITE_DONE, rc = -1;
	uint64_t *letters = NULL;
	char *text = NULL;
	if (st)
		sqlite3_bind_text(st, 1, k->lang, -1, SQLITE_STATIC);
	while (st && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		size_t len = term ? (size_t)sqlite3_column_bytes(st, 0) : 0;
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			size_t *a = realloc(at, cap * sizeof *a);
			int *c = a ? realloc(cps, cap * sizeof *c) : NULL;
			uint64_t *l = c ? realloc(letters, cap * sizeof *l) : NULL;
			at = a ? a : at;
			cps = c ? c : cps;
			letters = l ? l : letters;
			if (!l)
				goto done;
		}
		if (used + len + 1 > room) {
			room = 2 * (used + len + 1);
			char *t = realloc(text, room);
			if (!t)
				goto done;
			text = t;
		}
		memcpy(text + used, term ? term : "", len);
		text[used + len] = '\0';
		at[n] = used;
		letters[n] = letters_of(text + used, len, &cps[n]);
		n++;
		used += len + 1;
	}
	if (!st || step != SQLITE_DONE)
		goto done;
	const char **term = malloc((n ? n : 1) * sizeof *term);
	if (!term)
		goto done;
	for (size_t i = 0; i < n; i++)
		term[i] = text + at[i];
	k->text = text, text = NULL;
	k->v = (struct corpus_vocab){n, term, cps, letters};
	cps = NULL;
	letters = NULL;
	rc = 0;
done:
	corpus_stmt_put(s, st);
	sqlite3_free(sql);
	free(at);
	free(cps);
	free(letters);
	free(text);
	return rc;
}

const struct corpus_vocab *corpus_store_vocab(struct corpus_store *s, const char *schema,
                                              const char *lang)
{
	struct corpus_search_cache *c = cache_of(s);
	struct kept_vocab *k = NULL;
	unsigned version;
	if (!c ||
	    sqlite3_file_control(s->db, schema, SQLITE_FCNTL_DATA_VERSION, &version) != SQLITE_OK)
		return NULL;
	for (size_t i = 0; i < c->nvocab && !k; i++)
		if (strcmp(c->vocab[i].schema, schema) == 0 && strcmp(c->vocab[i].lang, lang) == 0)
			k = &c->vocab[i];
	if (k && k->v.term && k->version == version)
		return &k->v;
	if (!k) {
		struct kept_vocab *more = realloc(c->vocab, (c->nvocab + 1) * sizeof *more);
		if (!more)
			return NULL;
		c->vocab = more;
		k = &c->vocab[c->nvocab++];
		*k = (struct kept_vocab){0};
		snprintf(k->schema, sizeof k->schema, "%s", schema);
		snprintf(k->lang, sizeof k->lang, "%s", lang);
	}
	vocab_clear(k);
	if (vocab_read(s, k) < 0)
		return NULL;
	k->version = version;
	return &k->v;
}

void corpus_search_cache_free(struct corpus_store *s)
{
	struct corpus_search_cache *c = s->cache;
	if (!c)
		return;
	for (size_t i = 0; i < c->nst; i++)
		sqlite3_finalize(c->st[i].st), free(c->st[i].sql);
	for (size_t i = 0; i < c->ntok; i++)
		corpus_rank_tok_free(c->tok[i].tok);
	free(c->tok);
	for (size_t i = 0; i < c->nfolder; i++)
		i18n_folder_free(c->folder[i].folder);
	free(c->folder);
	for (size_t i = 0; i < c->nvocab; i++)
		vocab_clear(&c->vocab[i]);
	free(c->vocab);
	free(c);
	s->cache = NULL;
}
