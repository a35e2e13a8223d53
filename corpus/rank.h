/*
 * rank.h — ranking that does not depend on the size of the library: BM25
 * with its statistics kept at import, and each term's best rows kept in
 * order.  Internal to corpus/ (store.c keeps the tables, search.c and
 * suggest.c read them).
 *
 * The score is FTS5's bm25 (k1 1.2, b 0.75, a heading's word worth 4 of the
 * text's) with two differences that make it cheap: a term's idf comes from
 * the rank_term table (rows holding it, counted at import) instead of
 * counting them at every query, and the mean row length (avgdl) is fixed
 * when a language's tables are first made, so a row's weight for a term,
 * g(f, D), never changes as documents come and go.  Each term keeps its
 * CORPUS_RANK_LIST best rows by g (rank_list): the first page of a one-word
 * search is read from there, and of a search for several words by the
 * threshold algorithm over their lists (search.c).
 */
#ifndef TREATY_CORPUS_RANK_H
#define TREATY_CORPUS_RANK_H

#include <sqlite3.h>
#include <stddef.h>

/* How many of a term's best rows are kept: more than a first page needs (8 × 20). */
#define CORPUS_RANK_LIST 256

/*
 * rank_lang: a language's row count and its fixed mean row length.
 * rank_term: every term of a language with the rows holding it (ndocs), and
 * its list's state: nlist entries; cut NULL when the list holds every row of
 * the term, else the weight and rowid of the best row left out: every row
 * left out ranks at or after (cut, cut_rowid) in the order (g desc, rowid),
 * every row kept before it.  A term of at most CORPUS_RANK_LIST rows has no
 * list (nlist 0, cut NULL): a search reads its rows from FTS5, which is as
 * quick, and import does not rewrite a list at every document.
 * rank_list: the entries of a term's list (rank_term.id), best first, each
 * 16 bytes little-endian: rowid (8), f (4), D (4).
 * rank_row: every row's words as one number (sig: a hash of its language,
 * its length and each term with its count), and rep, the first row (lowest
 * rowid) with the same sig.  Rows with the same words score the same for
 * every query, so a list holds only the first of them (its "twins" are left
 * out, and do not count against CORPUS_RANK_LIST): a library that holds a
 * provision a thousand times (drafts, or a text imported twice) would
 * otherwise fill a term's list with copies of one provision, and the lists
 * could answer nothing.  "Every row" and "every row left out" above are
 * then of the first rows only; a search reads the twins of the rows it
 * keeps from rank_row.
 */
#define CORPUS_RANK_SCHEMA                                                                         \
	"CREATE TABLE IF NOT EXISTS rank_lang(lang TEXT PRIMARY KEY, nrows INTEGER NOT NULL,"      \
	" avgdl REAL NOT NULL) WITHOUT ROWID;"                                                     \
	"CREATE TABLE IF NOT EXISTS rank_term(id INTEGER PRIMARY KEY, lang TEXT NOT NULL,"         \
	" term TEXT NOT NULL, ndocs INTEGER NOT NULL, nlist INTEGER NOT NULL DEFAULT 0,"           \
	" cut REAL, cut_rowid INTEGER, UNIQUE(lang, term));"                                       \
	"CREATE TABLE IF NOT EXISTS rank_list(id INTEGER PRIMARY KEY, entries BLOB NOT NULL);"     \
	"CREATE TABLE IF NOT EXISTS rank_row(rowid INTEGER PRIMARY KEY, sig INTEGER NOT NULL,"     \
	" rep INTEGER NOT NULL);"                                                                  \
	"CREATE INDEX IF NOT EXISTS rank_row_sig ON rank_row(sig);"                                \
	"CREATE INDEX IF NOT EXISTS rank_row_twin ON rank_row(rep) WHERE rep != rowid;"

/* treaty_fd(fts) returns f · CORPUS_RANK_FD + D. */
#define CORPUS_RANK_FD 4294967296LL

/* A row of a term's list: its weighted count of the term and its length in tokens. */
struct corpus_rank_entry {
	sqlite3_int64 rowid;
	int f, D;
	double g; /* corpus_rank_g(f, D, avgdl) */
};

/* The weight of a term in a row: f its count (heading ×4), D the row's tokens. */
double corpus_rank_g(double f, double D, double avgdl);

/* idf of a term held by n of N rows, as FTS5's bm25 computes it. */
double corpus_rank_idf(double N, double n);

/* The score of a row, higher better: the sum of idf[i] · g(f[i], D) over n terms. */
double corpus_rank_score(int n, const double *idf, const double *f, double D, double avgdl);

/*
 * Register the auxiliary functions on db: treaty_rank(fts, avgdl, N, idf...),
 * minus the score of the row (lower is better, as bm25), with the i-th idf
 * argument for the query's i-th phrase (a NULL or missing idf is counted
 * from the index, as bm25 does); and treaty_fd(fts), the row's weighted count
 * of the first phrase and its length, as f · CORPUS_RANK_FD + D.
 */
int corpus_rank_register(sqlite3 *db, char *err, size_t errlen);

/* Add to main's rank tables the rows of doc's lang version, just written. */
int corpus_rank_add(sqlite3 *db, const char *doc, const char *lang, char *err, size_t errlen);

/* Take out of main's rank tables the rows of doc's lang version, before they go. */
int corpus_rank_remove(sqlite3 *db, const char *doc, const char *lang, char *err, size_t errlen);

/*
 * Make main's rank tables anew from its provisions (avgdl of each language
 * fixed again): after building the bundled corpus, and to bring an older
 * library up to date.  The caller holds the transaction.
 */
int corpus_rank_rebuild(sqlite3 *db, char *err, size_t errlen);

/* A language's tokenizer as FTS5 runs it (fts5_api), for the terms of a text. */
struct corpus_rank_tok;

/* lang's tokenizer on db, or NULL.  corpus_rank_tok_free() it. */
struct corpus_rank_tok *corpus_rank_tok_new(sqlite3 *db, const char *lang);
void corpus_rank_tok_free(struct corpus_rank_tok *t);

/*
 * The one term FTS5 looks for when a query holds the string s[0..n) (not a
 * prefix), into out[cap]: 1 when there is exactly one and no alternative, 0
 * when there is none or more (a phrase, a synonym), -1 on error.
 */
int corpus_rank_query_term(struct corpus_rank_tok *t, const char *s, int n, char *out, int cap);

/* Decode entry i of a rank_list blob; g is left for the caller. */
void corpus_rank_entry_get(const unsigned char *blob, int i, struct corpus_rank_entry *e);

#endif
