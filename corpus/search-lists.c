/*
 * search-lists.c — the first page of a plain search from its terms' lists,
 * without scoring every row that matches (rank.h keeps the lists).
 *
 * The threshold algorithm (Fagin): read the lists of the query's terms side
 * by side, best rows first.  A row seen in every list has its score from the
 * lists (f and D are kept there).  A row not yet seen in some list, when it
 * could still matter, is looked up in the rest of that list, which is in
 * memory; it is ruled out by a list that holds every row of its term, and
 * scored by FTS5 itself (MATCH and rowid, treaty_rank) only when a list cut
 * short may have left it out.
 * After depth d no unseen row can score above τ, the sum of idf · g of each
 * list at d (or of its cut, once a list is read to its end): the search
 * stops when `want` rows score at least τ.  A list that holds every row of
 * its term ends the search when read through, since a row must hold every
 * term.  When the lists end first, they cannot tell, and the caller runs
 * the full search.  Scores are computed by the same function either way, so
 * a page is the one the full search returns, rows of equal score aside.
 * The lists hold first rows only (rank.h's twins), and so do the rows read
 * from FTS5 here: the algorithm finds the best first rows, a filter passing
 * one when it or a twin passes, and the page is theirs with their twins,
 * which score the same (expand()).
 */
#include "corpus/rank.h"
#include "corpus/search-int.h"
#include "corpus/store-internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { PARTIAL, EXACT, OUT };

/* The doc: (?2) and art: (?3) filters on the provision p; NULL passes. */
#define FILTERS                                                                                    \
	"(?2 IS NULL OR p.doc = ?2) AND (?3 IS NULL OR p.eid = ?3 OR"                              \
	" substr(p.eid, 1, length(?3) + 2) = ?3 || '__')"

struct cand {
	sqlite3_int64 rowid;
	uint64_t known; /* the lists it was seen in */
	int D, state;
	double v; /* the score, higher better, once EXACT */
};

struct ta {
	struct corpus_store *s;
	int m, want;
	const double *idf;
	double avgdl;
	struct corpus_rank_entry **list;
	int *nlist;
	const struct corpus_rank_entry ***by_rowid; /* each list's entries in rowid order */
	const struct table_terms *tt;
	double *bound;
	struct cand *c;
	int *f; /* m counts a candidate */
	size_t nc, cap;
	size_t *slot, nslots;
	double *heap; /* the best `want` exact scores, smallest on top */
	int nheap;
	sqlite3_stmt *ra;
	sqlite3_stmt *filter; /* with doc: or art:, a row and its twins that pass, first first */
	const char *doc, *art;
	char *err;
	size_t errlen;
};

static int fail(struct ta *a)
{
	corpus_search_failed(a->s->db, "search", a->err, a->errlen);
	return -1;
}

static void heap_push(struct ta *a, double v)
{
	double *h = a->heap;
	int i;
	if (a->nheap < a->want) {
		for (i = a->nheap++; i > 0 && h[(i - 1) / 2] > v; i = (i - 1) / 2)
			h[i] = h[(i - 1) / 2];
		h[i] = v;
		return;
	}
	if (v <= h[0])
		return;
	for (i = 0;;) {
		int k = 2 * i + 1;
		if (k >= a->nheap)
			break;
		if (k + 1 < a->nheap && h[k + 1] < h[k])
			k++;
		if (h[k] >= v)
			break;
		h[i] = h[k];
		i = k;
	}
	h[i] = v;
}

/* The candidate for rowid, made when new; NULL when out of memory. */
static struct cand *cand_of(struct ta *a, sqlite3_int64 rowid)
{
	if (2 * (a->nc + 1) > a->nslots) {
		size_t n = a->nslots ? a->nslots * 2 : 1024;
		size_t *slot = calloc(n, sizeof *slot);
		if (!slot)
			return NULL;
		for (size_t i = 0; i < a->nc; i++) {
			size_t h = (size_t)a->c[i].rowid * 0x9E3779B97F4A7C15ULL & (n - 1);
			while (slot[h])
				h = (h + 1) & (n - 1);
			slot[h] = i + 1;
		}
		free(a->slot);
		a->slot = slot, a->nslots = n;
	}
	size_t h = (size_t)rowid * 0x9E3779B97F4A7C15ULL & (a->nslots - 1);
	for (; a->slot[h]; h = (h + 1) & (a->nslots - 1))
		if (a->c[a->slot[h] - 1].rowid == rowid)
			return &a->c[a->slot[h] - 1];
	if (a->nc == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 256;
		void *c = realloc(a->c, cap * sizeof *a->c);
		void *f = c ? realloc(a->f, cap * (size_t)a->m * sizeof *a->f) : NULL;
		if (c)
			a->c = c;
		if (!f)
			return NULL;
		a->f = f, a->cap = cap;
	}
	struct cand *c = &a->c[a->nc];
	memset(c, 0, sizeof *c);
	c->rowid = rowid;
	memset(&a->f[a->nc * (size_t)a->m], 0, (size_t)a->m * sizeof *a->f);
	a->slot[h] = ++a->nc;
	return c;
}

/* Nonzero when the row or one of its twins passes the doc: and art: filters; -1 on an error. */
static int passes(struct ta *a, sqlite3_int64 rowid)
{
	if (!a->filter)
		return 1;
	sqlite3_reset(a->filter);
	sqlite3_bind_int64(a->filter, 1, rowid);
	int step = sqlite3_step(a->filter);
	return step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
}

/* Score a candidate seen in every list, from the lists. */
static int score_known(struct ta *a, struct cand *c)
{
	int ok = passes(a, c->rowid);
	if (ok < 0)
		return fail(a);
	c->state = ok ? EXACT : OUT;
	if (!ok)
		return 0;
	double f[64];
	const int *cf = &a->f[(size_t)(c - a->c) * (size_t)a->m];
	for (int i = 0; i < a->m; i++)
		f[i] = cf[i];
	c->v = corpus_rank_score(a->m, a->idf, f, c->D, a->avgdl);
	heap_push(a, c->v);
	return 0;
}

static int by_rowid(const void *pa, const void *pb)
{
	const struct corpus_rank_entry *const *a = pa, *const *b = pb;
	return ((*a)->rowid > (*b)->rowid) - ((*a)->rowid < (*b)->rowid);
}

/*
 * The entry of list i for rowid, or NULL when the list does not hold it; -1
 * into *rc when memory runs out.  The list is put in rowid order the first
 * time, as few searches look anything up.
 */
static const struct corpus_rank_entry *entry_of(struct ta *a, int i, sqlite3_int64 rowid, int *rc)
{
	const struct corpus_rank_entry **e = a->by_rowid[i];
	if (!e) {
		if (!(e = malloc(((size_t)a->nlist[i] + 1) * sizeof *e))) {
			*rc = -1;
			return NULL;
		}
		for (int k = 0; k < a->nlist[i]; k++)
			e[k] = &a->list[i][k];
		qsort(e, (size_t)a->nlist[i], sizeof *e, by_rowid);
		a->by_rowid[i] = e;
	}
	int lo = 0, hi = a->nlist[i];
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		sqlite3_int64 r = e[mid]->rowid;
		if (r == rowid)
			return e[mid];
		if (r < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Score a candidate missing from some list as far as the lists have read.
 * The rest of each list is in memory: a list that holds the row gives its
 * counts, and one that holds every row of its term and not this one rules
 * the row out (it must hold every term).  FTS5 is asked only about a row
 * that some list, cut short, may have left out.
 */
static int score_asked(struct ta *a, struct cand *c)
{
	int *cf = &a->f[(size_t)(c - a->c) * (size_t)a->m];
	uint64_t all = a->m == 64 ? UINT64_MAX : ((uint64_t)1 << a->m) - 1;
	for (int i = 0; i < a->m; i++) {
		if (c->known >> i & 1)
			continue;
		int rc = 0;
		const struct corpus_rank_entry *e = entry_of(a, i, c->rowid, &rc);
		if (rc < 0) {
			corpus_set_error(a->err, a->errlen, "search: out of memory");
			return -1;
		}
		if (e) {
			c->known |= (uint64_t)1 << i;
			cf[i] = e->f, c->D = e->D;
		} else if (!a->tt->info[i].has_cut) {
			c->state = OUT;
			return 0;
		}
	}
	if (c->known == all)
		return score_known(a, c);
	int ok = passes(a, c->rowid);
	if (ok < 0)
		return fail(a);
	c->state = OUT;
	if (!ok)
		return 0;
	sqlite3_reset(a->ra);
	sqlite3_bind_int64(a->ra, 2, c->rowid);
	int step = sqlite3_step(a->ra);
	if (step == SQLITE_ROW) {
		c->state = EXACT;
		c->v = -sqlite3_column_double(a->ra, 0);
		heap_push(a, c->v);
		step = sqlite3_step(a->ra);
	}
	return step == SQLITE_DONE ? 0 : fail(a);
}

/* The most a partial candidate can score: its unseen lists at their bounds. */
static double upper(struct ta *a, const struct cand *c)
{
	double s = 0.0;
	const int *cf = &a->f[(size_t)(c - a->c) * (size_t)a->m];
	for (int i = 0; i < a->m; i++)
		s += a->idf[i] *
		     (c->known >> i & 1 ? corpus_rank_g(cf[i], c->D, a->avgdl) : a->bound[i]);
	return s;
}

/* Score the partial candidates that could reach at least floor (all when every = 1). */
static int resolve(struct ta *a, int every)
{
	for (size_t i = 0; i < a->nc; i++) {
		struct cand *c = &a->c[i];
		if (c->state != PARTIAL)
			continue;
		double floor = a->nheap == a->want ? a->heap[0] : -1.0;
		if ((every || upper(a, c) >= floor) && score_asked(a, c) < 0)
			return -1;
	}
	return 0;
}

static int see(struct ta *a, int list, const struct corpus_rank_entry *e)
{
	struct cand *c = cand_of(a, e->rowid);
	if (!c) {
		corpus_set_error(a->err, a->errlen, "search: out of memory");
		return -1;
	}
	if (c->state != PARTIAL || c->known >> list & 1)
		return 0;
	c->known |= (uint64_t)1 << list;
	c->D = e->D;
	a->f[(size_t)(c - a->c) * (size_t)a->m + (size_t)list] = e->f;
	if (c->known == (a->m == 64 ? UINT64_MAX : ((uint64_t)1 << a->m) - 1))
		return score_known(a, c);
	return 0;
}

/* 0 done, 1 the lists cannot tell, -1 error. */
static int run(struct ta *a, const struct table_terms *tt)
{
	int depth = 0;
	for (int i = 0; i < a->m; i++)
		if (a->nlist[i] > depth)
			depth = a->nlist[i];
	for (int d = 0; d < depth; d++) {
		int complete = 0;
		for (int i = 0; i < a->m; i++) {
			if (d < a->nlist[i] && see(a, i, &a->list[i][d]) < 0)
				return -1;
			if (d + 1 < a->nlist[i])
				a->bound[i] = a->list[i][d].g;
			else if (tt->info[i].has_cut)
				a->bound[i] = tt->info[i].cut; /* read through: what is left out */
			else
				complete =
				    1; /* every row of term i is seen, so every row that matches */
		}
		if (complete)
			return resolve(a, 1);
		if (a->nheap < a->want)
			continue;
		double tau = 0.0;
		for (int i = 0; i < a->m; i++)
			tau += a->idf[i] * a->bound[i];
		if (a->heap[0] < tau)
			continue;
		if (resolve(a, 0) < 0)
			return -1;
		if (a->heap[0] >= tau)
			return 0;
	}
	return 1;
}

static int by_score(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	if (a->state != b->state)
		return a->state == EXACT ? -1 : b->state == EXACT ? 1 : 0;
	if (a->v != b->v)
		return a->v > b->v ? -1 : 1;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

static int by_weight(const void *pa, const void *pb)
{
	const struct corpus_rank_entry *a = pa, *b = pb;
	if (a->g != b->g)
		return a->g > b->g ? -1 : 1;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

/* A term's list, decoded with its weights; NULL when it is not as rank_term says. */
static struct corpus_rank_entry *read_list(sqlite3_stmt *st, const struct term_info *in,
                                           double avgdl, int *rc)
{
	struct corpus_rank_entry *e = malloc(((size_t)in->nlist + 1) * sizeof *e);
	*rc = 0;
	if (!e)
		return NULL;
	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, in->id);
	int step = sqlite3_step(st);
	if (step == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 16 * in->nlist) {
		const unsigned char *b = sqlite3_column_blob(st, 0);
		for (int i = 0; i < in->nlist; i++) {
			corpus_rank_entry_get(b, i, &e[i]);
			e[i].g = corpus_rank_g(e[i].f, e[i].D, avgdl);
		}
		return e;
	}
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		*rc = -1;
	free(e);
	return NULL;
}

/*
 * Every first row (rank.h) of a term without a list (it has few), from
 * FTS5: the phrase as the query has it, which is that one term (search.c
 * made sure).
 */
static struct corpus_rank_entry *read_rows(struct corpus_store *s, const struct corpus_fts_table *t,
                                           const char *phrase, double avgdl, int *n, int *rc)
{
	char *sql = sqlite3_mprintf("SELECT rowid, treaty_fd(fts_%s) FROM %s.fts_%s AS f"
	                            " WHERE fts_%s MATCH '\"' || replace(?1, '\"', '\"\"') || '\"'"
	                            " AND NOT EXISTS (SELECT 1 FROM %s.rank_row AS r"
	                            " WHERE r.rowid = f.rowid AND r.rep != r.rowid)",
	                            t->lang, t->schema, t->lang, t->lang, t->schema);
	struct corpus_rank_entry *e = NULL;
	sqlite3_stmt *st = NULL;
	size_t cap = 0;
	int step;
	*n = 0;
	*rc = -1;
	if (!(st = corpus_stmt_get(s, sql)))
		goto done;
	sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((size_t)*n == cap) {
			cap = cap ? cap * 2 : 64;
			void *p = realloc(e, cap * sizeof *e);
			if (!p)
				goto done;
			e = p;
		}
		sqlite3_int64 fd = sqlite3_column_int64(st, 1);
		struct corpus_rank_entry *x = &e[(*n)++];
		x->rowid = sqlite3_column_int64(st, 0);
		x->f = (int)(fd / CORPUS_RANK_FD), x->D = (int)(fd % CORPUS_RANK_FD);
		x->g = corpus_rank_g(x->f, x->D, avgdl);
	}
	if (step == SQLITE_DONE) {
		*rc = 0;
		if (*n)
			qsort(e, (size_t)*n, sizeof *e, by_weight);
		else if (!e)
			e = malloc(sizeof *e);
	}
done:
	if (*rc < 0) {
		free(e);
		e = NULL;
	}
	corpus_stmt_put(s, st); /* last: its reset leaves the error for the caller's message */
	sqlite3_free(sql);
	return e;
}

static char *ra_sql(const struct corpus_fts_table *t, int m)
{
	char *args = sqlite3_mprintf("?3, ?4");
	for (int i = 0; args && i < m; i++) {
		char *more = sqlite3_mprintf("%s, ?%d", args, 5 + i);
		sqlite3_free(args);
		args = more;
	}
	char *sql = args ? sqlite3_mprintf("SELECT treaty_rank(fts_%s, %s) FROM %s.fts_%s"
	                                   " WHERE fts_%s MATCH ?1 AND rowid = ?2",
	                                   t->lang, args, t->schema, t->lang, t->lang)
	                 : NULL;
	sqlite3_free(args);
	return sql;
}

static int prepare(struct ta *a, const struct corpus_fts_table *t, const struct table_terms *tt,
                   const struct corpus_parsed_query *pq)
{
	char *sql = ra_sql(t, a->m);
	int rc = (a->ra = corpus_stmt_get(a->s, sql)) ? 0 : -1;
	sqlite3_free(sql);
	if (rc < 0)
		return fail(a);
	sqlite3_bind_text(a->ra, 1, pq->match, -1, SQLITE_STATIC);
	sqlite3_bind_double(a->ra, 3, tt->avgdl);
	sqlite3_bind_double(a->ra, 4, tt->nrows);
	for (int i = 0; i < a->m; i++)
		sqlite3_bind_double(a->ra, 5 + i, tt->idf[i]);
	if (!a->doc && !a->art)
		return 0;
	/* Stepped once, it tells whether a row passes; read through, which rows go on the page. */
	sql = sqlite3_mprintf("SELECT rowid FROM %s.provision AS p WHERE p.rowid = ?1 AND " FILTERS
	                      " UNION ALL SELECT * FROM (SELECT r.rowid FROM %s.rank_row AS r JOIN"
	                      " %s.provision AS p ON p.rowid = r.rowid WHERE r.rep = ?1 AND"
	                      " r.rep != r.rowid AND " FILTERS " ORDER BY r.rowid LIMIT ?4)",
	                      t->schema, t->schema, t->schema);
	rc = (a->filter = corpus_stmt_get(a->s, sql)) ? 0 : -1;
	sqlite3_free(sql);
	if (rc < 0)
		return fail(a);
	if (a->doc)
		sqlite3_bind_text(a->filter, 2, a->doc, -1, SQLITE_STATIC);
	if (a->art)
		sqlite3_bind_text(a->filter, 3, a->art, -1, SQLITE_STATIC);
	sqlite3_bind_int(a->filter, 4, a->want);
	return 0;
}

static int by_page(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

/*
 * The page from the best first rows (a->c, sorted): each with its twins
 * that pass the filters, lowest rowid first, all in the full search's order
 * (score, then rowid), the first want into out.  A first row's twins come
 * after it, so the rows of worse first rows are not read once want rows
 * score more than they do.
 */
static int expand(struct ta *a, const struct corpus_fts_table *t, size_t table, struct ranked *out,
                  size_t *n)
{
	/*
	 * Unfiltered, the first row is on the page without reading its
	 * provision, so that one missing (a damaged library) is reported when the
	 * page is read rather than left out; only its twins are read.
	 */
	char *sql = a->filter ? NULL
	                      : sqlite3_mprintf("SELECT rowid FROM %s.rank_row WHERE rep = ?1 AND"
	                                        " rep != rowid ORDER BY rowid LIMIT ?2",
	                                        t->schema);
	sqlite3_stmt *st = a->filter ? a->filter : corpus_stmt_get(a->s, sql);
	/* At most want first rows, each with itself and want twins. */
	struct ranked *rows = malloc(((size_t)a->want * ((size_t)a->want + 1) + 1) * sizeof *rows);
	size_t nrows = 0, better = 0;
	int rc = -1, step = SQLITE_DONE;
	sqlite3_free(sql);
	if (!st) {
		rc = fail(a);
		goto done;
	}
	if (!rows) {
		corpus_set_error(a->err, a->errlen, "search: out of memory");
		goto done;
	}
	if (!a->filter)
		sqlite3_bind_int(st, 2, a->want);
	for (size_t i = 0; i < a->nc && i < (size_t)a->want && a->c[i].state == EXACT; i++) {
		if (i > 0 && a->c[i].v < a->c[i - 1].v)
			better = nrows; /* rows that score more than this first row and its twins */
		if (better >= (size_t)a->want)
			break;
		if (!a->filter)
			rows[nrows++] = (struct ranked){table, a->c[i].rowid, -a->c[i].v};
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, a->c[i].rowid);
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			rows[nrows++] =
			    (struct ranked){table, sqlite3_column_int64(st, 0), -a->c[i].v};
		if (step != SQLITE_DONE) {
			rc = fail(a);
			goto done;
		}
	}
	qsort(rows, nrows, sizeof *rows, by_page);
	for (*n = 0; *n < nrows && *n < (size_t)a->want; (*n)++)
		out[*n] = rows[*n];
	rc = 0;
done:
	free(rows);
	if (st != a->filter)
		corpus_stmt_put(a->s, st);
	return rc;
}

int corpus_search_lists(struct corpus_store *s, const struct corpus_fts_table *t, size_t table,
                        const struct table_terms *tt, const struct corpus_parsed_query *pq,
                        const char *doc, const char *art, int want, struct ranked *out, size_t *n,
                        char *err, size_t errlen)
{
	int m = (int)pq->nphrases, rc = -1;
	struct ta a = {s,          m,          want,       tt->idf,          tt->avgdl,
	               .doc = doc, .art = art, .err = err, .errlen = errlen, .tt = tt};
	sqlite3_stmt *get = NULL;
	*n = 0;
	if (m < 1 || m > 64 || want < 1)
		return 1;
	char *sql = sqlite3_mprintf("SELECT entries FROM %s.rank_list WHERE id = ?1", t->schema);
	a.list = calloc((size_t)m, sizeof *a.list);
	a.nlist = calloc((size_t)m, sizeof *a.nlist);
	a.bound = calloc((size_t)m, sizeof *a.bound);
	a.by_rowid = calloc((size_t)m, sizeof *a.by_rowid);
	a.heap = calloc((size_t)want, sizeof *a.heap);
	if (!a.list || !a.nlist || !a.bound || !a.by_rowid || !a.heap || !sql) {
		corpus_set_error(err, errlen, "search: out of memory");
		goto done;
	}
	if (!(get = corpus_stmt_get(s, sql))) {
		fail(&a);
		goto done;
	}
	for (int i = 0; i < m; i++) {
		int bad;
		const struct term_info *in = &tt->info[i];
		if (in->nlist == 0 && !in->has_cut) {
			if (!(a.list[i] = read_rows(s, t, pq->phrases[i].text, tt->avgdl,
			                            &a.nlist[i], &bad))) {
				rc = fail(&a);
				goto done;
			}
			continue;
		}
		if (!(a.list[i] = read_list(get, in, tt->avgdl, &bad))) {
			rc = bad ? fail(&a) : 1;
			goto done;
		}
		a.nlist[i] = in->nlist;
	}
	if (prepare(&a, t, tt, pq) < 0 || (rc = run(&a, tt)) != 0)
		goto done;
	qsort(a.c, a.nc, sizeof *a.c, by_score);
	rc = expand(&a, t, table, out, n);
done:
	for (int i = 0; a.list && i < m; i++)
		free(a.list[i]), free(a.by_rowid ? a.by_rowid[i] : NULL);
	free(a.by_rowid);
	free(a.list), free(a.nlist), free(a.bound), free(a.heap);
	free(a.c), free(a.f), free(a.slot);
	corpus_stmt_put(s, get);
	corpus_stmt_put(s, a.ra);
	corpus_stmt_put(s, a.filter);
	sqlite3_free(sql);
	return rc;
}
