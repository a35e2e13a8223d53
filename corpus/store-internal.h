/*
 * store-internal.h — what the files of corpus/ share and nobody else sees:
 * the store's innards and small helpers for strings and messages.
 */
#ifndef TREATY_STORE_INTERNAL_H
#define TREATY_STORE_INTERNAL_H

#include "corpus/corpus.h"

#include <sqlite3.h>
#include <stdint.h>

/* Rows a store's imports wrote to a language's index since corpus_store_optimize. */
struct corpus_fts_written {
	char lang[4];
	size_t rows;
};

struct corpus_store {
	sqlite3 *db;  /* main: the library (or an in-memory stand-in); "bundled" attached */
	int bundled;  /* a bundled corpus is attached */
	int library;  /* main is the user's library on disk */
	int migrated; /* the library was brought up to this schema when opened */
	char library_error[512];
	char *corpus_path, *library_path, *ids_path; /* owned; NULL when not given */
	/*
	 * The library is not open yet (corpus_store_open_deferred): main is an
	 * empty in-memory database, and ids[0..nids) the library's document ids
	 * as its cache listed them (owned).
	 */
	int pending;
	char **ids;
	size_t nids;
	int stale;       /* the library, once open, did not hold the ids its cache listed */
	int search_full; /* tests: never answer a search from the terms' lists */
	unsigned long search_lists; /* searches answered from the terms' lists (search-lists.c) */
	struct corpus_search_cache *cache;  /* owned: search-cache.c, made on first use */
	struct corpus_fts_written *written; /* owned: one per language imported into */
	size_t nwritten;
};

/*
 * Open the library now when it is pending and doc (NULL: any document) may be
 * in it, so that what follows sees both databases.  -1 when the connection
 * could not be made again (the store is then as it was).
 */
int corpus_store_need(struct corpus_store *s, const char *doc, char *err, size_t errlen);

/* A language's FTS table in one of the two databases. */
struct corpus_fts_table {
	char schema[8]; /* "main" (the library) or "bundled" */
	char lang[4];
};

/*
 * The FTS tables of both databases, of language lang only when not NULL.
 * *out (caller frees) receives *n tables; -1 on a database error.
 */
int corpus_fts_tables(struct corpus_store *s, const char *lang, struct corpus_fts_table **out,
                      size_t *n);

/*
 * A statement over both databases, prepared: arm once for each, the bundled
 * corpus first, joined by UNION ALL, with "{db}" in arm made the database's
 * name and "{user}" 0 (bundled) or 1 (the library), then ORDER BY order
 * (column numbers).  Not a view of both: SQLite copies a UNION ALL view
 * that is joined, or searched by a correlated subquery, and scans the copy,
 * which at a thousand documents takes minutes; each arm uses its own
 * tables' indexes.  Opens a deferred library first.  The caller finalizes
 * it; NULL with err set.
 */
sqlite3_stmt *corpus_store_each_db(struct corpus_store *s, const char *arm, const char *order,
                                   char *err, size_t errlen);

/*
 * The documents of both databases as a subquery of (user, id, lang,
 * authentic), for statements that must not open a deferred library.  Static.
 */
const char *corpus_store_documents(struct corpus_store *s);

/*
 * A prepared statement of sql on s->db, kept on the store (search-cache.c):
 * NULL when it cannot be prepared (sqlite3_errmsg says why).  Give it back
 * with corpus_stmt_put(), which resets it and clears its bindings.
 */
sqlite3_stmt *corpus_stmt_get(struct corpus_store *s, const char *sql);
void corpus_stmt_put(struct corpus_store *s, sqlite3_stmt *st);

/* lang's query tokenizer (rank.h), owned by the store; NULL on error. */
struct corpus_rank_tok *corpus_store_tok(struct corpus_store *s, const char *lang);

/* lang's word folder (i18n.h), owned by the store: making one opens a word breaker and a stemmer.
 */
struct i18n_folder *corpus_store_folder(struct corpus_store *s, const char *lang);

/*
 * A language's vocabulary in one database: the terms of its rank_term
 * (rank.h), each with its length in code points and the set of its code
 * points, as bits (c % 64) of letters.  Kept on the store, read
 * again once that database has changed (its data version, which counts this
 * connection's writes as well as other processes'), so that "did you mean"
 * compares words in memory rather than stepping through the table at every
 * search.  The version is the one the last read of the database saw: read
 * it first (corpus_fts_tables does).  Owned by the store, valid until the
 * next call; NULL on error.
 */
struct corpus_vocab {
	size_t n;
	const char **term;
	const int *cps;
	const uint64_t *letters;
};

/* A code point's bit in corpus_vocab.letters. */
static inline uint64_t corpus_letter(int32_t c)
{
	return (uint64_t)1 << ((uint32_t)c & 63);
}
const struct corpus_vocab *corpus_store_vocab(struct corpus_store *s, const char *schema,
                                              const char *lang);

/* Make treaty_snippet() and treaty_marks() (snippet.c) known to db's FTS5; -1 with a message. */
int corpus_snippet_register(sqlite3 *db, char *err, size_t errlen);

/* Finalize what search-cache.c keeps: before s->db is closed or replaced. */
void corpus_search_cache_free(struct corpus_store *s);

/* printf into err[errlen] when err is not NULL. */
void corpus_set_error(char *err, size_t errlen, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * The message for a search whose statement stopped short: "search
 * interrupted" when the reader's next key interrupted it, else "what: " and
 * SQLite's message.
 */
void corpus_search_failed(sqlite3 *db, const char *what, char *err, size_t errlen);

/* strdup that accepts NULL (returns NULL).  Caller frees. */
char *corpus_strdup(const char *s);

/* A copy of a text column, NULL for SQL NULL.  Caller frees. */
char *corpus_column_dup(sqlite3_stmt *st, int col);

/* Nonzero for a plausible ISO 639 code: 2 or 3 lowercase ASCII letters. */
int corpus_lang_ok(const char *lang);

/*
 * The merge policy (fts-merge.c): merge the segments of every full-text index
 * of main until no level holds two; in the caller's write transaction.
 */
int corpus_fts_merge(sqlite3 *db, char *err, size_t errlen);

/* Count rows written to lang's index for corpus_store_optimize (fts-merge.c). */
void corpus_fts_written(struct corpus_store *s, const char *lang, size_t rows);

/* ---- References (refs-store.c) ---------------------------------------- */

/* The reference table: one row per target of a reference found in a provision. */
#define CORPUS_REFS_SCHEMA                                                                         \
	"CREATE TABLE IF NOT EXISTS reference("                                                    \
	" rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL, lang TEXT NOT NULL,"                       \
	" eid TEXT NOT NULL, seq INTEGER NOT NULL, span_start INTEGER NOT NULL,"                   \
	" span_end INTEGER NOT NULL, text TEXT NOT NULL, target_doc TEXT, target_eid TEXT,"        \
	" determined INTEGER NOT NULL, resolved INTEGER NOT NULL,"                                 \
	" external INTEGER NOT NULL DEFAULT 0, draft INTEGER NOT NULL DEFAULT 0);"                 \
	"CREATE INDEX IF NOT EXISTS reference_from ON reference(doc, lang, eid);"                  \
	"CREATE INDEX IF NOT EXISTS reference_to ON reference(target_doc, target_eid);"            \
	"CREATE INDEX IF NOT EXISTS provision_target ON provision(doc, eid);"

/* Find and store the references of doc's lang version, already in main. */
int corpus_refs_write(sqlite3 *db, const char *doc, const char *lang, char *err, size_t errlen);

/*
 * Set `resolved` of main's references from doc and to doc (doc NULL: all):
 * the recogniser determined the target and the corpus has it — in main or,
 * with_bundled, in the bundled corpus.  "Article 99" stays, unresolved.
 */
int corpus_refs_check(sqlite3 *db, const char *doc, int with_bundled, char *err, size_t errlen);

/*
 * Find every document's references again (the table is made anew) and set
 * the library's schema to version, in one transaction.  Targets are left to
 * corpus_refs_check, once the bundled corpus is attached.
 */
int corpus_refs_migrate(sqlite3 *db, int version, char *err, size_t errlen);

#endif
