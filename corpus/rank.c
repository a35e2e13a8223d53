/*
 * rank.c — the score, its statistics and each term's best rows (rank.h).
 *
 * The terms of a row are found by running the language's tokenizer over its
 * heading and text exactly as FTS5 does when it indexes them (through
 * fts5_api, in document mode), so that a term's count here is the count of
 * rows FTS5 finds for it, and a row's length the one it stores.
 */
#include "corpus/rank.h"
#include "corpus/store-internal.h"
#include "i18n/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define K1 1.2
#define B 0.75
#define HEADING_WEIGHT 4.0
#define TERM_MAX 256

double corpus_rank_g(double f, double D, double avgdl)
{
	return (f * (K1 + 1.0)) / (f + K1 * (1 - B + B * D / avgdl));
}

double corpus_rank_idf(double N, double n)
{
	double idf = log((N - n + 0.5) / (n + 0.5));
	return idf <= 0.0 ? 1e-6 : idf;
}

double corpus_rank_score(int n, const double *idf, const double *f, double D, double avgdl)
{
	double score = 0.0;
	for (int i = 0; i < n; i++)
		score += idf[i] * corpus_rank_g(f[i], D, avgdl);
	return score;
}

/* ---- treaty_rank(fts, avgdl, N, idf...) -------------------------------- */

/* What one query needs at every row: each phrase's idf. */
struct query_idf {
	int n;
	double *idf, *f;
};

static void query_idf_free(void *p)
{
	struct query_idf *q = p;
	free(q->idf);
	free(q->f);
	free(q);
}

static int count_row(const Fts5ExtensionApi *api, Fts5Context *fts, void *user)
{
	(void)api, (void)fts;
	(*(sqlite3_int64 *)user)++;
	return SQLITE_OK;
}

static struct query_idf *query_idf_of(const Fts5ExtensionApi *api, Fts5Context *fts, int nval,
                                      sqlite3_value **val, int *rc)
{
	struct query_idf *q = api->xGetAuxdata(fts, 0);
	if (q)
		return q;
	double N = sqlite3_value_double(val[1]);
	q = calloc(1, sizeof *q);
	int n = api->xPhraseCount(fts);
	if (!q || !(q->idf = calloc((size_t)n + 1, sizeof *q->idf)) ||
	    !(q->f = calloc((size_t)n + 1, sizeof *q->f))) {
		*rc = SQLITE_NOMEM;
		goto fail;
	}
	q->n = n;
	for (int i = 0; i < n; i++) {
		if (i + 2 < nval && sqlite3_value_type(val[i + 2]) != SQLITE_NULL) {
			q->idf[i] = sqlite3_value_double(val[i + 2]);
			continue;
		}
		sqlite3_int64 rows = 0;
		if ((*rc = api->xQueryPhrase(fts, i, &rows, count_row)) != SQLITE_OK)
			goto fail;
		q->idf[i] = corpus_rank_idf(N, (double)rows);
	}
	if ((*rc = api->xSetAuxdata(fts, q, query_idf_free)) != SQLITE_OK)
		return NULL; /* FTS5 freed it */
	return q;
fail:
	if (q)
		query_idf_free(q);
	return NULL;
}

static void rank_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
	int rc = SQLITE_OK, ninst, ntok;
	if (nval < 2) {
		sqlite3_result_error(ctx, "treaty_rank: want avgdl and N", -1);
		return;
	}
	struct query_idf *q = query_idf_of(api, fts, nval, val, &rc);
	if (q) {
		memset(q->f, 0, (size_t)q->n * sizeof *q->f);
		rc = api->xInstCount(fts, &ninst);
	}
	for (int i = 0; q && rc == SQLITE_OK && i < ninst; i++) {
		int phrase, col, off;
		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && phrase < q->n)
			q->f[phrase] += col == 0 ? HEADING_WEIGHT : 1.0;
	}
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &ntok);
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double avgdl = sqlite3_value_double(val[0]);
	sqlite3_result_double(
	    ctx, -corpus_rank_score(q->n, q->idf, q->f, (double)ntok, avgdl > 0 ? avgdl : 1.0));
}

/* treaty_fd(fts): the row's weighted count of the query's first phrase, and its length. */
static void fd_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                  sqlite3_value **val)
{
	int rc, ninst, ntok;
	sqlite3_int64 f = 0;
	(void)nval, (void)val;
	rc = api->xInstCount(fts, &ninst);
	for (int i = 0; rc == SQLITE_OK && i < ninst; i++) {
		int phrase, col, off;
		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == SQLITE_OK && phrase == 0)
			f += col == 0 ? (int)HEADING_WEIGHT : 1;
	}
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, -1, &ntok);
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else
		sqlite3_result_int64(ctx, f * CORPUS_RANK_FD + ntok);
}

int corpus_rank_register(sqlite3 *db, char *err, size_t errlen)
{
	fts5_api *api = i18n_fts5_api(db);
	if (!api || api->xCreateFunction(api, "treaty_rank", NULL, rank_fn, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "treaty_fd", NULL, fd_fn, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "cannot register the rank function: %s",
		                 sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* ---- Tokens as FTS5 makes them ----------------------------------------- */

struct corpus_rank_tok {
	fts5_tokenizer methods;
	Fts5Tokenizer *tok;
};

struct corpus_rank_tok *corpus_rank_tok_new(sqlite3 *db, const char *lang)
{
	fts5_api *api = i18n_fts5_api(db);
	struct corpus_rank_tok *t = calloc(1, sizeof *t);
	void *user = NULL;
	/* The arguments the store's tables give it: "treaty en" → "en". */
	const char *spec = i18n_fts5_tokenize_spec(lang), *arg = strchr(spec, ' ');
	const char *argv[1] = {arg ? arg + 1 : ""};
	if (!api || !t || api->xFindTokenizer(api, "treaty", &user, &t->methods) != SQLITE_OK ||
	    t->methods.xCreate(user, argv, arg ? 1 : 0, &t->tok) != SQLITE_OK) {
		free(t);
		return NULL;
	}
	return t;
}

void corpus_rank_tok_free(struct corpus_rank_tok *t)
{
	if (!t)
		return;
	t->methods.xDelete(t->tok);
	free(t);
}

struct one_term {
	char *out;
	int cap, n, count, colocated;
};

static int take_term(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct one_term *o = ctx;
	(void)start, (void)end;
	if (flags & FTS5_TOKEN_COLOCATED) {
		o->colocated = 1;
		return SQLITE_OK;
	}
	if (o->count++ == 0 && n < o->cap) {
		memcpy(o->out, tok, (size_t)n);
		o->out[n] = '\0';
		o->n = n;
	}
	return SQLITE_OK;
}

int corpus_rank_query_term(struct corpus_rank_tok *t, const char *s, int n, char *out, int cap)
{
	struct one_term o = {out, cap, -1, 0, 0};
	if (t->methods.xTokenize(t->tok, &o, FTS5_TOKENIZE_QUERY, s, n, take_term) != SQLITE_OK)
		return -1;
	return o.count == 1 && !o.colocated && o.n >= 0;
}

/* ---- The terms of rows, gathered ---------------------------------------- */

/* A term of the rows gathered: how many rows hold it and their entries. */
struct term {
	char *text;
	int len;
	uint64_t hash;
	int ndocs;
	struct corpus_rank_entry *e;
	size_t n, cap;
	int cut_set; /* rebuild: rows were left out; cut is the best of them */
	struct corpus_rank_entry cut;
};

/* A row gathered, and with twins (rank.h) its words' sig and the first row with them. */
struct row_sig {
	sqlite3_int64 rowid, rep;
	uint64_t sig;
};

struct gather {
	struct term *terms;
	size_t nterms, cap;
	size_t *slot; /* open addressing: index + 1 into terms, 0 empty */
	size_t nslots;
	size_t *row_terms; /* terms met in the current row */
	size_t nrow, rowcap;
	sqlite3_int64 rowid;
	int row_tokens, column;
	int keep;     /* 0: every entry; else keep the best keep (rebuild) */
	double avgdl; /* for keep */
	long long rows, tokens;
	int failed;
	/*
	 * With twins set (import, rebuild), a row with the words of an earlier
	 * one enters no list: its entries are taken back when it ends, though
	 * it counts for its terms.  Rows are gathered in rowid order.
	 */
	int twins;
	const char *lang;
	struct row_sig *row; /* every row gathered */
	size_t nrows, rowscap;
	struct row_sig *first; /* open addressing on sig: this gather's first rows */
	size_t nfirst, firstcap;
	sqlite3_stmt *earlier; /* a row of an earlier import with the sig */
};

static uint64_t hash(const char *s, int n)
{
	uint64_t h = 1469598103934665603ULL;
	for (int i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* A 64-bit finalizer (splitmix64's), so that sums of mixed values collide as rarely as hashes. */
static uint64_t mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xBF58476D1CE4E5B9ULL;
	x ^= x >> 27;
	x *= 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

static int grow_slots(struct gather *g)
{
	size_t n = g->nslots ? g->nslots * 2 : 1024;
	size_t *slot = calloc(n, sizeof *slot);
	if (!slot)
		return -1;
	for (size_t i = 0; i < g->nterms; i++) {
		size_t h = (size_t)g->terms[i].hash & (n - 1);
		while (slot[h])
			h = (h + 1) & (n - 1);
		slot[h] = i + 1;
	}
	free(g->slot);
	g->slot = slot, g->nslots = n;
	return 0;
}

static struct term *term_of(struct gather *g, const char *s, int n, size_t *index)
{
	if (2 * (g->nterms + 1) > g->nslots && grow_slots(g) < 0)
		return NULL;
	uint64_t full = hash(s, n);
	size_t h = (size_t)full & (g->nslots - 1);
	for (; g->slot[h]; h = (h + 1) & (g->nslots - 1)) {
		struct term *t = &g->terms[g->slot[h] - 1];
		if (t->len == n && memcmp(t->text, s, (size_t)n) == 0) {
			*index = g->slot[h] - 1;
			return t;
		}
	}
	if (g->nterms == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 256;
		void *p = realloc(g->terms, cap * sizeof *g->terms);
		if (!p)
			return NULL;
		g->terms = p, g->cap = cap;
	}
	struct term *t = &g->terms[g->nterms];
	memset(t, 0, sizeof *t);
	if (!(t->text = malloc((size_t)n + 1)))
		return NULL;
	memcpy(t->text, s, (size_t)n);
	t->text[n] = '\0';
	t->len = n;
	t->hash = full;
	g->slot[h] = ++g->nterms;
	*index = g->nterms - 1;
	return t;
}

/* a ranks before b: a greater weight, or the same and a smaller rowid. */
static int before(const struct corpus_rank_entry *a, const struct corpus_rank_entry *b)
{
	return a->g > b->g || (a->g == b->g && a->rowid < b->rowid);
}

static int entry_cmp(const void *pa, const void *pb)
{
	const struct corpus_rank_entry *a = pa, *b = pb;
	return before(a, b) ? -1 : before(b, a) ? 1 : 0;
}

/* Rebuild: keep a term's best g->keep entries; the best of those dropped is the cut. */
static void prune(struct gather *g, struct term *t)
{
	qsort(t->e, t->n, sizeof *t->e, entry_cmp);
	if (t->n <= (size_t)g->keep)
		return;
	if (!t->cut_set || before(&t->e[g->keep], &t->cut))
		t->cut = t->e[g->keep];
	t->cut_set = 1;
	t->n = (size_t)g->keep;
}

/* FTS5's token callback: as fts5StorageInsertCallback counts, colocated tokens add no length. */
static int gather_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct gather *g = ctx;
	size_t index;
	(void)start, (void)end;
	if (!(flags & FTS5_TOKEN_COLOCATED))
		g->row_tokens++;
	if (n > TERM_MAX)
		n = TERM_MAX; /* FTS5 keeps longer tokens whole; none of the analyser's is */
	struct term *t = term_of(g, tok, n, &index);
	if (!t)
		return SQLITE_NOMEM;
	int weight = g->column == 0 ? (int)HEADING_WEIGHT : 1;
	if (t->n && t->e[t->n - 1].rowid == g->rowid) {
		t->e[t->n - 1].f += weight;
		return SQLITE_OK;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 4;
		void *p = realloc(t->e, cap * sizeof *t->e);
		if (!p)
			return SQLITE_NOMEM;
		t->e = p, t->cap = cap;
	}
	t->e[t->n++] = (struct corpus_rank_entry){g->rowid, weight, 0, 0.0};
	t->ndocs++;
	if (g->nrow == g->rowcap) {
		size_t cap = g->rowcap ? g->rowcap * 2 : 64;
		void *p = realloc(g->row_terms, cap * sizeof *g->row_terms);
		if (!p)
			return SQLITE_NOMEM;
		g->row_terms = p, g->rowcap = cap;
	}
	g->row_terms[g->nrow++] = index;
	return SQLITE_OK;
}

/*
 * The row's words as one number: its language, its length and each term
 * with its count, mixed and summed, so that the order the terms came in
 * does not matter.  Two rows with different words share one only by a
 * collision of 64-bit hashes.
 */
static uint64_t row_sig(const struct gather *g)
{
	uint64_t sig = mix(hash(g->lang, (int)strlen(g->lang)) ^ mix((uint64_t)g->row_tokens));
	for (size_t i = 0; i < g->nrow; i++) {
		const struct term *t = &g->terms[g->row_terms[i]];
		sig += mix(t->hash + (uint64_t)t->e[t->n - 1].f * 0x9E3779B97F4A7C15ULL);
	}
	return sig;
}

static int grow_first(struct gather *g)
{
	size_t cap = g->firstcap ? 2 * g->firstcap : 1024;
	struct row_sig *f = calloc(cap, sizeof *f);
	if (!f)
		return -1;
	for (size_t i = 0; i < g->firstcap; i++) {
		if (!g->first[i].rowid)
			continue;
		size_t h = (size_t)g->first[i].sig & (cap - 1);
		while (f[h].rowid)
			h = (h + 1) & (cap - 1);
		f[h] = g->first[i];
	}
	free(g->first);
	g->first = f, g->firstcap = cap;
	return 0;
}

/*
 * The first row with the words sig: one gathered before, else one an
 * earlier import left in rank_row (rowids grow, so it comes first), else
 * the row itself.  -1 on an error.
 */
static int first_row(struct gather *g, uint64_t sig, sqlite3_int64 *rep)
{
	if (2 * (g->nfirst + 1) > g->firstcap && grow_first(g) < 0)
		return -1;
	size_t h = (size_t)sig & (g->firstcap - 1);
	for (; g->first[h].rowid; h = (h + 1) & (g->firstcap - 1))
		if (g->first[h].sig == sig) {
			*rep = g->first[h].rep;
			return 0;
		}
	*rep = g->rowid;
	if (g->earlier) {
		sqlite3_reset(g->earlier);
		sqlite3_bind_int64(g->earlier, 1, (sqlite3_int64)sig);
		int step = sqlite3_step(g->earlier);
		if (step == SQLITE_ROW)
			*rep = sqlite3_column_int64(g->earlier, 0);
		else if (step != SQLITE_DONE)
			return -1;
		sqlite3_reset(g->earlier);
	}
	g->first[h] = (struct row_sig){g->rowid, *rep, sig};
	g->nfirst++;
	return 0;
}

static int keep_row(struct gather *g, uint64_t sig, sqlite3_int64 rep)
{
	if (g->nrows == g->rowscap) {
		size_t cap = g->rowscap ? 2 * g->rowscap : 64;
		void *p = realloc(g->row, cap * sizeof *g->row);
		if (!p)
			return -1;
		g->row = p, g->rowscap = cap;
	}
	g->row[g->nrows++] = (struct row_sig){g->rowid, rep, sig};
	return 0;
}

/* A twin's entries taken back from its terms (the last of each): it enters no list. */
static void drop_row(struct gather *g)
{
	for (size_t i = 0; i < g->nrow; i++)
		g->terms[g->row_terms[i]].n--;
}

static int gather_row(struct gather *g, struct corpus_rank_tok *tok, sqlite3_int64 rowid,
                      sqlite3_stmt *st)
{
	g->rowid = rowid, g->row_tokens = 0, g->nrow = 0;
	for (int col = 0; col < 2; col++) {
		const char *s = (const char *)sqlite3_column_text(st, col + 1);
		if (!s)
			continue; /* FTS5 tokenizes no NULL */
		g->column = col;
		int rc = tok->methods.xTokenize(tok->tok, g, FTS5_TOKENIZE_DOCUMENT, s,
		                                sqlite3_column_bytes(st, col + 1), gather_token);
		if (rc != SQLITE_OK)
			return -1;
	}
	g->rows++;
	g->tokens += g->row_tokens;
	uint64_t sig = 0;
	sqlite3_int64 rep = rowid;
	if (g->twins) {
		sig = row_sig(g);
		if (first_row(g, sig, &rep) < 0)
			return -1;
	}
	if (keep_row(g, sig, rep) < 0)
		return -1;
	if (rep != rowid) {
		drop_row(g);
		return 0;
	}
	for (size_t i = 0; i < g->nrow; i++) {
		struct term *t = &g->terms[g->row_terms[i]];
		struct corpus_rank_entry *e = &t->e[t->n - 1];
		e->D = g->row_tokens;
		if (g->keep) {
			e->g = corpus_rank_g(e->f, e->D, g->avgdl);
			if (t->n >= 2 * (size_t)g->keep)
				prune(g, t);
		}
	}
	return 0;
}

static void gather_free(struct gather *g)
{
	for (size_t i = 0; i < g->nterms; i++)
		free(g->terms[i].text), free(g->terms[i].e);
	free(g->terms);
	free(g->slot);
	free(g->row_terms);
	free(g->row);
	free(g->first);
	sqlite3_finalize(g->earlier);
}

/* Gather the rows sql selects (rowid, heading, text), its one parameter bound to p1, p2. */
static int gather_rows(sqlite3 *db, struct gather *g, const char *lang, const char *sql,
                       const char *p1, const char *p2, char *err, size_t errlen)
{
	struct corpus_rank_tok *tok = corpus_rank_tok_new(db, lang);
	sqlite3_stmt *st = NULL;
	int rc = -1, step;
	g->lang = lang;
	if (!tok || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    (g->twins && !g->earlier &&
	     sqlite3_prepare_v2(db, "SELECT rep FROM main.rank_row WHERE sig = ?1 LIMIT 1", -1,
	                        &g->earlier, NULL) != SQLITE_OK)) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
		goto done;
	}
	sqlite3_bind_text(st, 1, p1, -1, SQLITE_STATIC);
	if (p2)
		sqlite3_bind_text(st, 2, p2, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if (gather_row(g, tok, sqlite3_column_int64(st, 0), st) < 0) {
			corpus_set_error(err, errlen, "database: cannot tokenize row %lld",
			                 (long long)sqlite3_column_int64(st, 0));
			goto done;
		}
	if (step != SQLITE_DONE) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	corpus_rank_tok_free(tok);
	return rc;
}

/* ---- Lists as blobs ------------------------------------------------------ */

void corpus_rank_entry_get(const unsigned char *b, int i, struct corpus_rank_entry *e)
{
	const unsigned char *p = b + 16 * i;
	sqlite3_uint64 r = 0;
	unsigned f = 0, D = 0;
	for (int k = 7; k >= 0; k--)
		r = r << 8 | p[k];
	for (int k = 3; k >= 0; k--)
		f = f << 8 | p[8 + k], D = D << 8 | p[12 + k];
	e->rowid = (sqlite3_int64)r, e->f = (int)f, e->D = (int)D;
}

static void entry_put(unsigned char *b, int i, const struct corpus_rank_entry *e)
{
	unsigned char *p = b + 16 * i;
	sqlite3_uint64 r = (sqlite3_uint64)e->rowid;
	for (int k = 0; k < 8; k++)
		p[k] = (unsigned char)(r >> 8 * k);
	for (int k = 0; k < 4; k++) {
		p[8 + k] = (unsigned char)((unsigned)e->f >> 8 * k);
		p[12 + k] = (unsigned char)((unsigned)e->D >> 8 * k);
	}
}

/* The statements that keep the rank tables, prepared once per document. */
struct writer {
	sqlite3 *db;
	sqlite3_stmt *upsert, *insert, *get_list, *put_list, *set_list, *drop_term, *drop_list,
	    *lower;
	char *err;
	size_t errlen;
};

static int prepare(struct writer *w)
{
	static const char *const sql[] = {
	    "UPDATE main.rank_term SET ndocs = ndocs + ?3 WHERE lang = ?1 AND term = ?2"
	    " RETURNING id, nlist, cut, cut_rowid, ndocs",
	    "INSERT INTO main.rank_term(lang, term, ndocs) VALUES(?1, ?2, ?3)",
	    "SELECT entries FROM main.rank_list WHERE id = ?1",
	    "INSERT OR REPLACE INTO main.rank_list(id, entries) VALUES(?1, ?2)",
	    "UPDATE main.rank_term SET nlist = ?2, cut = ?3, cut_rowid = ?4 WHERE id = ?1",
	    "DELETE FROM main.rank_term WHERE id = ?1",
	    "DELETE FROM main.rank_list WHERE id = ?1",
	    "UPDATE main.rank_term SET ndocs = ndocs - ?3 WHERE lang = ?1 AND term = ?2"
	    " RETURNING id, ndocs, nlist",
	};
	sqlite3_stmt **st[] = {&w->upsert,   &w->insert,    &w->get_list,  &w->put_list,
	                       &w->set_list, &w->drop_term, &w->drop_list, &w->lower};
	for (size_t i = 0; i < sizeof sql / sizeof *sql; i++)
		if (sqlite3_prepare_v2(w->db, sql[i], -1, st[i], NULL) != SQLITE_OK) {
			corpus_set_error(w->err, w->errlen, "database: %s", sqlite3_errmsg(w->db));
			return -1;
		}
	return 0;
}

static void finish(struct writer *w)
{
	sqlite3_finalize(w->upsert), sqlite3_finalize(w->insert), sqlite3_finalize(w->get_list);
	sqlite3_finalize(w->put_list), sqlite3_finalize(w->set_list);
	sqlite3_finalize(w->drop_term), sqlite3_finalize(w->drop_list);
	sqlite3_finalize(w->lower);
}

static int failed(struct writer *w)
{
	corpus_set_error(w->err, w->errlen, "database: %s", sqlite3_errmsg(w->db));
	return -1;
}

static int done_ok(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A term's list as stored, decoded with weights; *n entries (caller frees). */
static struct corpus_rank_entry *read_list(struct writer *w, sqlite3_int64 id, int nlist,
                                           double avgdl, size_t extra, size_t *n)
{
	struct corpus_rank_entry *e = malloc(((size_t)nlist + extra + 1) * sizeof *e);
	*n = 0;
	if (!e)
		return NULL;
	if (nlist == 0)
		return e;
	sqlite3_bind_int64(w->get_list, 1, id);
	if (sqlite3_step(w->get_list) == SQLITE_ROW &&
	    sqlite3_column_bytes(w->get_list, 0) == 16 * nlist) {
		const unsigned char *b = sqlite3_column_blob(w->get_list, 0);
		for (int i = 0; i < nlist; i++) {
			corpus_rank_entry_get(b, i, &e[i]);
			e[i].g = corpus_rank_g(e[i].f, e[i].D, avgdl);
		}
		*n = (size_t)nlist;
	} else {
		free(e);
		e = NULL;
	}
	sqlite3_reset(w->get_list);
	return e;
}

static int write_list(struct writer *w, sqlite3_int64 id, const struct corpus_rank_entry *e,
                      size_t n, const struct corpus_rank_entry *cut)
{
	unsigned char *b = malloc(16 * n + 1);
	if (!b)
		return -1;
	for (size_t i = 0; i < n; i++)
		entry_put(b, (int)i, &e[i]);
	sqlite3_bind_int64(w->put_list, 1, id);
	sqlite3_bind_blob(w->put_list, 2, b, (int)(16 * n), free);
	sqlite3_bind_int64(w->set_list, 1, id);
	sqlite3_bind_int(w->set_list, 2, (int)n);
	if (cut) {
		sqlite3_bind_double(w->set_list, 3, cut->g);
		sqlite3_bind_int64(w->set_list, 4, cut->rowid);
	} else {
		sqlite3_bind_null(w->set_list, 3);
		sqlite3_bind_null(w->set_list, 4);
	}
	return done_ok(w->put_list) < 0 || done_ok(w->set_list) < 0 ? -1 : 0;
}

/*
 * A row's length as FTS5 stored it: its %_docsize blob holds one varint a
 * column (SQLite's, 7 bits a byte, first byte most significant).  FTS5 gives
 * an auxiliary function the length only in a MATCH query, and the term
 * cannot be matched without tokenizing it again.
 */
static int row_size(const unsigned char *p, int n)
{
	int total = 0;
	for (int i = 0; p && i < n;) {
		unsigned v = 0;
		int k = 0;
		while (i < n && k++ < 5) {
			unsigned char c = p[i++];
			v = v << 7 | (c & 0x7F);
			if (!(c & 0x80))
				break;
		}
		total += (int)v;
	}
	return total;
}

/*
 * The list of a term that has just come to more rows than a list holds: its
 * rows and counts as the index has them (fts5vocab, by the term itself, not
 * re-tokenized), twins left out, the older rows' lengths from FTS5's
 * %_docsize.
 */
static int materialize(struct writer *w, const char *lang, sqlite3_int64 id, const struct term *t,
                       double avgdl)
{
	char *sql = sqlite3_mprintf("CREATE VIRTUAL TABLE IF NOT EXISTS temp.rank_vocab_%s USING"
	                            " fts5vocab(main, fts_%s, 'instance');"
	                            "SELECT doc, col FROM temp.rank_vocab_%s WHERE term = ?1"
	                            " AND NOT EXISTS (SELECT 1 FROM main.rank_row AS r"
	                            " WHERE r.rowid = doc AND r.rep != r.rowid);"
	                            "SELECT sz FROM main.fts_%s_docsize WHERE id = ?1",
	                            lang, lang, lang, lang);
	const char *tail = NULL;
	sqlite3_stmt *make = NULL, *inst = NULL, *size = NULL;
	struct corpus_rank_entry *e = NULL, cut = {0};
	size_t n = 0, cap = 0;
	int rc = -1, step;
	if (!sql || sqlite3_prepare_v2(w->db, sql, -1, &make, &tail) != SQLITE_OK ||
	    sqlite3_step(make) != SQLITE_DONE ||
	    sqlite3_prepare_v2(w->db, tail, -1, &inst, &tail) != SQLITE_OK ||
	    sqlite3_prepare_v2(w->db, tail, -1, &size, NULL) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(inst, 1, t->text, t->len, SQLITE_STATIC);
	while ((step = sqlite3_step(inst)) == SQLITE_ROW) {
		sqlite3_int64 rowid = sqlite3_column_int64(inst, 0);
		const char *col = (const char *)sqlite3_column_text(inst, 1);
		int weight = col && strcmp(col, "heading") == 0 ? (int)HEADING_WEIGHT : 1;
		if (n && e[n - 1].rowid == rowid) {
			e[n - 1].f += weight;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 512;
			void *p = realloc(e, cap * sizeof *e);
			if (!p)
				goto done;
			e = p;
		}
		e[n++] = (struct corpus_rank_entry){rowid, weight, -1, 0.0};
	}
	if (step != SQLITE_DONE)
		goto done;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < t->n && e[i].D < 0; k++)
			if (t->e[k].rowid == e[i].rowid)
				e[i].D = t->e[k].D;
		if (e[i].D < 0) {
			sqlite3_reset(size);
			sqlite3_bind_int64(size, 1, e[i].rowid);
			if (sqlite3_step(size) != SQLITE_ROW)
				goto done;
			e[i].D =
			    row_size(sqlite3_column_blob(size, 0), sqlite3_column_bytes(size, 0));
		}
		e[i].g = corpus_rank_g(e[i].f, e[i].D, avgdl);
	}
	qsort(e, n, sizeof *e, entry_cmp);
	if (n > CORPUS_RANK_LIST)
		cut = e[CORPUS_RANK_LIST];
	rc = write_list(w, id, e, n > CORPUS_RANK_LIST ? CORPUS_RANK_LIST : n,
	                n > CORPUS_RANK_LIST ? &cut : NULL);
done:
	sqlite3_finalize(make);
	sqlite3_finalize(inst);
	sqlite3_finalize(size);
	sqlite3_free(sql);
	free(e);
	return rc < 0 ? failed(w) : 0;
}

/* Count a term's new rows and let those that rank before its cut into its list. */
static int add_term(struct writer *w, const char *lang, struct term *t, double avgdl)
{
	sqlite3_bind_text(w->upsert, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->upsert, 2, t->text, t->len, SQLITE_STATIC);
	sqlite3_bind_int(w->upsert, 3, t->ndocs);
	int step = sqlite3_step(w->upsert);
	if (step == SQLITE_DONE) {
		/* A new term (an UPDATE, then an INSERT when needed, measured quicker than an
		 * upsert) */
		sqlite3_reset(w->upsert);
		sqlite3_bind_text(w->insert, 1, lang, -1, SQLITE_STATIC);
		sqlite3_bind_text(w->insert, 2, t->text, t->len, SQLITE_STATIC);
		sqlite3_bind_int(w->insert, 3, t->ndocs);
		if (done_ok(w->insert) < 0)
			return failed(w);
		return t->ndocs > CORPUS_RANK_LIST
		           ? materialize(w, lang, sqlite3_last_insert_rowid(w->db), t, avgdl)
		           : 0;
	}
	if (step != SQLITE_ROW) {
		sqlite3_reset(w->upsert);
		return failed(w);
	}
	sqlite3_int64 id = sqlite3_column_int64(w->upsert, 0);
	int nlist = sqlite3_column_int(w->upsert, 1);
	int has_cut = sqlite3_column_type(w->upsert, 2) != SQLITE_NULL;
	struct corpus_rank_entry cut = {sqlite3_column_int64(w->upsert, 3), 0, 0,
	                                sqlite3_column_double(w->upsert, 2)};
	int ndocs = sqlite3_column_int(w->upsert, 4);
	if (sqlite3_step(w->upsert) != SQLITE_DONE) {
		sqlite3_reset(w->upsert);
		return failed(w);
	}
	sqlite3_reset(w->upsert);
	/* Until a term has more rows than a list holds, FTS5 gives them all at a search. */
	if (nlist == 0 && !has_cut)
		return ndocs > CORPUS_RANK_LIST ? materialize(w, lang, id, t, avgdl) : 0;
	size_t in = 0;
	for (size_t i = 0; i < t->n; i++) {
		t->e[i].g = corpus_rank_g(t->e[i].f, t->e[i].D, avgdl);
		if (!has_cut || before(&t->e[i], &cut))
			t->e[in++] = t->e[i];
	}
	if (in == 0)
		return 0;
	size_t n, k = 0, j = 0;
	struct corpus_rank_entry *old = read_list(w, id, nlist, avgdl, 0, &n);
	struct corpus_rank_entry *e = old ? malloc((n + in) * sizeof *e) : NULL;
	if (!e) {
		free(old);
		return failed(w);
	}
	/* The new rows are few: sorted, then merged into the list, which is sorted. */
	qsort(t->e, in, sizeof *t->e, entry_cmp);
	size_t total = 0;
	while (k < n || j < in)
		e[total++] = j == in || (k < n && before(&old[k], &t->e[j])) ? old[k++] : t->e[j++];
	free(old);
	if (total > CORPUS_RANK_LIST) {
		cut = e[CORPUS_RANK_LIST];
		has_cut = 1;
		total = CORPUS_RANK_LIST;
	}
	int rc = write_list(w, id, e, total, has_cut ? &cut : NULL);
	free(e);
	return rc < 0 ? failed(w) : 0;
}

/* The language's fixed avgdl, and its row count moved by delta; avgdl 0 if it had none. */
static int lang_rows(sqlite3 *db, const char *lang, long long delta, double *avgdl)
{
	sqlite3_stmt *st;
	int rc = -1;
	*avgdl = 0;
	if (sqlite3_prepare_v2(db,
	                       "UPDATE main.rank_lang SET nrows = nrows + ?2 WHERE lang = ?1"
	                       " RETURNING avgdl",
	                       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, delta);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*avgdl = sqlite3_column_double(st, 0);
		step = sqlite3_step(st);
	}
	rc = step == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

static int new_lang(sqlite3 *db, const char *lang, long long rows, double avgdl)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO main.rank_lang VALUES(?1, ?2, ?3)", -1,
	                       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, rows);
	sqlite3_bind_double(st, 3, avgdl);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

static const char version_rows[] = "SELECT rowid, heading, text FROM main.provision"
                                   " WHERE doc = ?1 AND lang = ?2 ORDER BY rowid";

/* Record the gathered rows' words and first rows in rank_row. */
static int put_rows(struct writer *w, const struct gather *g)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(w->db,
	                       "INSERT OR REPLACE INTO main.rank_row(rowid, sig, rep)"
	                       " VALUES(?1, ?2, ?3)",
	                       -1, &st, NULL) != SQLITE_OK)
		return failed(w);
	for (size_t i = 0; i < g->nrows; i++) {
		sqlite3_bind_int64(st, 1, g->row[i].rowid);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)g->row[i].sig);
		sqlite3_bind_int64(st, 3, g->row[i].rep);
		if (done_ok(st) < 0) {
			failed(w);
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return 0;
}

int corpus_rank_add(sqlite3 *db, const char *doc, const char *lang, char *err, size_t errlen)
{
	struct gather g = {.twins = 1};
	struct writer w = {db, .err = err, .errlen = errlen};
	double avgdl;
	int rc = -1;
	if (gather_rows(db, &g, lang, version_rows, doc, lang, err, errlen) < 0)
		goto done;
	if (g.rows == 0) {
		rc = 0;
		goto done;
	}
	if (lang_rows(db, lang, g.rows, &avgdl) < 0) {
		failed(&w);
		goto done;
	}
	/* A language's first document fixes its avgdl (a rebuild fixes it again). */
	if (avgdl <= 0) {
		avgdl = g.tokens > 0 ? (double)g.tokens / (double)g.rows : 1.0;
		if (new_lang(db, lang, g.rows, avgdl) < 0) {
			failed(&w);
			goto done;
		}
	}
	if (prepare(&w) < 0 || put_rows(&w, &g) < 0)
		goto done;
	for (size_t i = 0; i < g.nterms; i++)
		if (add_term(&w, lang, &g.terms[i], avgdl) < 0)
			goto done;
	rc = 0;
done:
	finish(&w);
	gather_free(&g);
	return rc;
}

static int rowid_cmp(const void *pa, const void *pb)
{
	const struct corpus_rank_entry *a = pa, *b = pb;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

/* A first row removed whose twins remain: the lowest of them comes first in its place. */
struct moved {
	sqlite3_int64 from, to;
};

static int moved_cmp(const void *pa, const void *pb)
{
	const struct moved *a = pa, *b = pb;
	return (a->from > b->from) - (a->from < b->from);
}

/*
 * Take the gathered rows out of rank_row.  Where one was the first of its
 * words and others remain, the lowest of those becomes their first, into
 * *mv (sorted, caller frees), for the lists to hold it instead.
 */
static int untwin(struct writer *w, const struct gather *g, struct moved **mv, size_t *nmv)
{
	sqlite3_stmt *del = NULL, *next = NULL, *set = NULL;
	sqlite3_int64 *lost = calloc(g->nrows + 1, sizeof *lost); /* the sig of each row in *mv */
	size_t nlost = 0;
	int rc = -1;
	*mv = calloc(g->nrows + 1, sizeof **mv);
	*nmv = 0;
	if (!*mv || !lost) {
		free(lost);
		corpus_set_error(w->err, w->errlen, "out of memory");
		return -1;
	}
	if (sqlite3_prepare_v2(w->db,
	                       "DELETE FROM main.rank_row WHERE rowid = ?1 RETURNING sig, rep", -1,
	                       &del, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(w->db, "SELECT min(rowid) FROM main.rank_row WHERE sig = ?1", -1,
	                       &next, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(w->db, "UPDATE main.rank_row SET rep = ?2 WHERE sig = ?1", -1, &set,
	                       NULL) != SQLITE_OK)
		goto done;
	for (size_t i = 0; i < g->nrows; i++) {
		sqlite3_bind_int64(del, 1, g->row[i].rowid);
		int step = sqlite3_step(del);
		if (step == SQLITE_ROW && sqlite3_column_int64(del, 1) == g->row[i].rowid) {
			(*mv)[nlost].from = g->row[i].rowid;
			lost[nlost++] = sqlite3_column_int64(del, 0);
		}
		while (step == SQLITE_ROW)
			step = sqlite3_step(del);
		sqlite3_reset(del);
		if (step != SQLITE_DONE)
			goto done;
	}
	for (size_t i = 0; i < nlost; i++) {
		sqlite3_bind_int64(next, 1, lost[i]);
		if (sqlite3_step(next) != SQLITE_ROW)
			goto done;
		int any = sqlite3_column_type(next, 0) != SQLITE_NULL;
		sqlite3_int64 to = sqlite3_column_int64(next, 0);
		sqlite3_reset(next);
		if (!any)
			continue;
		sqlite3_bind_int64(set, 1, lost[i]);
		sqlite3_bind_int64(set, 2, to);
		if (done_ok(set) < 0)
			goto done;
		(*mv)[(*nmv)++] = (struct moved){(*mv)[i].from, to};
	}
	qsort(*mv, *nmv, sizeof **mv, moved_cmp);
	rc = 0;
done:
	free(lost);
	sqlite3_finalize(del), sqlite3_finalize(next), sqlite3_finalize(set);
	return rc < 0 ? failed(w) : 0;
}

/*
 * A term loses rows: fewer counted, the rows gone out of its list, or in
 * their place the twins that now come first (mv); the cut stays, and a twin
 * that would rank after it is left out.
 */
static int remove_term(struct writer *w, const char *lang, struct term *t, double avgdl,
                       const struct moved *mv, size_t nmv)
{
	sqlite3_bind_text(w->lower, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(w->lower, 2, t->text, t->len, SQLITE_STATIC);
	sqlite3_bind_int(w->lower, 3, t->ndocs);
	int step = sqlite3_step(w->lower);
	if (step == SQLITE_DONE) { /* a term the tables never had: nothing to take out */
		sqlite3_reset(w->lower);
		return 0;
	}
	if (step != SQLITE_ROW) {
		sqlite3_reset(w->lower);
		return failed(w);
	}
	sqlite3_int64 id = sqlite3_column_int64(w->lower, 0);
	int ndocs = sqlite3_column_int(w->lower, 1), nlist = sqlite3_column_int(w->lower, 2);
	step = sqlite3_step(w->lower);
	sqlite3_reset(w->lower);
	if (step != SQLITE_DONE)
		return failed(w);
	if (ndocs <= 0) {
		sqlite3_bind_int64(w->drop_term, 1, id);
		sqlite3_bind_int64(w->drop_list, 1, id);
		return done_ok(w->drop_term) < 0 || done_ok(w->drop_list) < 0 ? failed(w) : 0;
	}
	size_t n, kept = 0, replaced = 0;
	struct corpus_rank_entry *e = read_list(w, id, nlist, avgdl, 0, &n);
	if (!e)
		return failed(w);
	qsort(t->e, t->n, sizeof *t->e, rowid_cmp);
	for (size_t i = 0; i < n; i++) {
		if (!bsearch(&e[i], t->e, t->n, sizeof *t->e, rowid_cmp)) {
			e[kept++] = e[i];
			continue;
		}
		struct moved key = {e[i].rowid, 0};
		const struct moved *to = nmv ? bsearch(&key, mv, nmv, sizeof *mv, moved_cmp) : NULL;
		if (to) {
			e[i].rowid = to->to;
			e[kept++] = e[i];
			replaced++;
		}
	}
	int rc = 0;
	if (kept < n || replaced) {
		/* The cut is kept as it is: read it back, then write the shorter list. */
		sqlite3_stmt *st;
		struct corpus_rank_entry cut = {0};
		int has_cut = 0;
		if (sqlite3_prepare_v2(w->db,
		                       "SELECT cut, cut_rowid FROM main.rank_term WHERE id = ?1",
		                       -1, &st, NULL) != SQLITE_OK) {
			free(e);
			return failed(w);
		}
		sqlite3_bind_int64(st, 1, id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			has_cut = 1;
			cut.g = sqlite3_column_double(st, 0);
			cut.rowid = sqlite3_column_int64(st, 1);
		}
		sqlite3_finalize(st);
		if (replaced) {
			qsort(e, kept, sizeof *e, entry_cmp);
			while (has_cut && kept && !before(&e[kept - 1], &cut))
				kept--;
		}
		rc = write_list(w, id, e, kept, has_cut ? &cut : NULL);
	}
	free(e);
	return rc < 0 ? failed(w) : 0;
}

int corpus_rank_remove(sqlite3 *db, const char *doc, const char *lang, char *err, size_t errlen)
{
	struct gather g = {0};
	struct writer w = {db, .err = err, .errlen = errlen};
	struct moved *mv = NULL;
	size_t nmv = 0;
	double avgdl;
	int rc = -1;
	if (gather_rows(db, &g, lang, version_rows, doc, lang, err, errlen) < 0)
		goto done;
	if (g.rows == 0) {
		rc = 0;
		goto done;
	}
	if (lang_rows(db, lang, -g.rows, &avgdl) < 0 || prepare(&w) < 0) {
		failed(&w);
		goto done;
	}
	if (untwin(&w, &g, &mv, &nmv) < 0)
		goto done;
	for (size_t i = 0; i < g.nterms; i++)
		if (remove_term(&w, lang, &g.terms[i], avgdl > 0 ? avgdl : 1.0, mv, nmv) < 0)
			goto done;
	rc = 0;
done:
	finish(&w);
	gather_free(&g);
	free(mv);
	return rc;
}

/* ---- Rebuild ----------------------------------------------------------- */

static int count_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	(void)tok, (void)n, (void)start, (void)end;
	if (!(flags & FTS5_TOKEN_COLOCATED))
		(*(long long *)ctx)++;
	return SQLITE_OK;
}

/* Rows and tokens of lang's rows, as FTS5 counts them, for avgdl. */
static int lang_size(sqlite3 *db, const char *lang, const char *sql, long long *rows,
                     long long *tokens)
{
	struct corpus_rank_tok *tok = corpus_rank_tok_new(db, lang);
	sqlite3_stmt *st = NULL;
	int rc = -1, step;
	*rows = *tokens = 0;
	if (!tok || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		goto done;
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		for (int col = 1; col <= 2; col++) {
			const char *s = (const char *)sqlite3_column_text(st, col);
			if (s && tok->methods.xTokenize(tok->tok, tokens, FTS5_TOKENIZE_DOCUMENT, s,
			                                sqlite3_column_bytes(st, col),
			                                count_token) != SQLITE_OK)
				goto done;
		}
		(*rows)++;
	}
	rc = step == SQLITE_DONE ? 0 : -1;
done:
	sqlite3_finalize(st);
	corpus_rank_tok_free(tok);
	return rc;
}

/* Write a gathered term whole: its count, its best rows and its cut. */
static int put_term(struct writer *w, sqlite3_stmt *ins, const char *lang, struct gather *g,
                    struct term *t)
{
	prune(g, t);
	sqlite3_bind_text(ins, 1, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(ins, 2, t->text, t->len, SQLITE_STATIC);
	sqlite3_bind_int(ins, 3, t->ndocs);
	if (done_ok(ins) < 0)
		return failed(w);
	/* Few rows: FTS5 gives them all at a search.  Many twins: a list of all the first rows. */
	if (!t->cut_set && t->ndocs <= CORPUS_RANK_LIST)
		return 0;
	return write_list(w, sqlite3_last_insert_rowid(w->db), t->e, t->n,
	                  t->cut_set ? &t->cut : NULL) < 0
	           ? failed(w)
	           : 0;
}

static int rebuild_lang(struct writer *w, const char *lang)
{
	static const char rows_sql[] = "SELECT rowid, heading, text FROM main.provision"
	                               " WHERE lang = ?1 ORDER BY rowid";
	struct gather g = {.keep = CORPUS_RANK_LIST, .twins = 1};
	long long rows, tokens;
	sqlite3_stmt *ins = NULL;
	int rc = -1;
	if (lang_size(w->db, lang, rows_sql, &rows, &tokens) < 0) {
		failed(w);
		goto done;
	}
	if (rows == 0) {
		rc = 0;
		goto done;
	}
	g.avgdl = tokens > 0 ? (double)tokens / (double)rows : 1.0;
	if (new_lang(w->db, lang, rows, g.avgdl) < 0 ||
	    sqlite3_prepare_v2(w->db,
	                       "INSERT INTO main.rank_term(lang, term, ndocs)"
	                       " VALUES(?1, ?2, ?3)",
	                       -1, &ins, NULL) != SQLITE_OK) {
		failed(w);
		goto done;
	}
	if (gather_rows(w->db, &g, lang, rows_sql, lang, NULL, w->err, w->errlen) < 0 ||
	    put_rows(w, &g) < 0)
		goto done;
	for (size_t i = 0; i < g.nterms; i++)
		if (put_term(w, ins, lang, &g, &g.terms[i]) < 0)
			goto done;
	rc = 0;
done:
	sqlite3_finalize(ins);
	gather_free(&g);
	return rc;
}

int corpus_rank_rebuild(sqlite3 *db, char *err, size_t errlen)
{
	struct writer w = {db, .err = err, .errlen = errlen};
	sqlite3_stmt *st = NULL;
	char(*langs)[4] = NULL;
	size_t n = 0, cap = 0;
	int rc = -1;
	if (sqlite3_exec(db,
	                 "DELETE FROM main.rank_lang; DELETE FROM main.rank_term;"
	                 " DELETE FROM main.rank_list; DELETE FROM main.rank_row",
	                 NULL, NULL, NULL) != SQLITE_OK ||
	    prepare(&w) < 0 ||
	    sqlite3_prepare_v2(db,
	                       "SELECT substr(name, 5) FROM main.sqlite_master WHERE type='table'"
	                       " AND name GLOB 'fts_*' AND name NOT GLOB 'fts_*_*'",
	                       -1, &st, NULL) != SQLITE_OK) {
		failed(&w);
		goto done;
	}
	/* The languages first: the tables are written while no statement reads them. */
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *l = (const char *)sqlite3_column_text(st, 0);
		if (!corpus_lang_ok(l))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			void *p = realloc(langs, cap * sizeof *langs);
			if (!p)
				goto done;
			langs = p;
		}
		snprintf(langs[n++], sizeof *langs, "%s", l);
	}
	for (size_t i = 0; i < n; i++)
		if (rebuild_lang(&w, langs[i]) < 0)
			goto done;
	rc = 0;
done:
	sqlite3_finalize(st);
	finish(&w);
	free(langs);
	return rc;
}
