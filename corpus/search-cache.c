/*
 * search-cache.c — what every search would otherwise make anew: its prepared
 * statements and the query tokenizer of each language, kept on the store.
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

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

struct corpus_search_cache {
	struct kept st[KEPT];
	size_t nst;
	unsigned long clock;
	struct kept_tok *tok;
	size_t ntok;
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
	free(c);
	s->cache = NULL;
}
