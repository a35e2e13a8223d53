/*
 * search.c — ranked full-text search over every language of both databases.
 *
 * Each language has its own FTS5 table (see store.c), so one search is a
 * UNION ALL of one SELECT per table, ranked together by treaty_rank (rank.h).
 * A plain search (words, no phrase, OR, NOT or prefix) is first asked of the
 * terms' lists (search-lists.c), which give the same page without scoring
 * every row that matches; the full search runs when they cannot tell.  Hits
 * of the same provision in several languages are folded into one, listing
 * them.
 */
#include "corpus/query.h"
#include "corpus/rank.h"
#include "corpus/search-int.h"
#include "corpus/store-internal.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"

#include <math.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_LIMIT 20

/* Tokens of the snippet window around each hit. */
#define SNIPPET_TOKENS 24

static void table_terms_free(struct table_terms *tt, size_t nt)
{
	for (size_t i = 0; tt && i < nt; i++)
		free(tt[i].idf), free(tt[i].info);
	free(tt);
}

/* rank_lang and rank_term of one table, for the phrases of pq. */
static int table_terms(struct corpus_store *s, const struct corpus_fts_table *t,
                       const struct corpus_parsed_query *pq, struct table_terms *tt, char *err,
                       size_t errlen)
{
	char *lang_sql =
	    sqlite3_mprintf("SELECT nrows, avgdl FROM %s.rank_lang WHERE lang = ?1", t->schema);
	char *term_sql = sqlite3_mprintf("SELECT id, ndocs, nlist, cut, cut_rowid FROM"
	                                 " %s.rank_term WHERE lang = ?1 AND term = ?2",
	                                 t->schema);
	sqlite3_stmt *lang = NULL, *term = NULL;
	struct corpus_rank_tok *tok = NULL;
	int rc = -1;
	tt->avgdl = 1.0, tt->nrows = 0;
	tt->simple = 1;
	tt->idf = calloc(pq->nphrases + 1, sizeof *tt->idf);
	tt->info = calloc(pq->nphrases + 1, sizeof *tt->info);
	if (!lang_sql || !term_sql || !tt->idf || !tt->info ||
	    !(lang = corpus_stmt_get(s, lang_sql)) || !(term = corpus_stmt_get(s, term_sql)))
		goto done;
	sqlite3_bind_text(lang, 1, t->lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(term, 1, t->lang, -1, SQLITE_STATIC);
	int step = sqlite3_step(lang);
	if (step == SQLITE_ROW) {
		tt->nrows = sqlite3_column_double(lang, 0);
		tt->avgdl = sqlite3_column_double(lang, 1);
	} else if (step != SQLITE_DONE) {
		goto done;
	}
	if (!(tok = corpus_store_tok(s, t->lang)))
		goto done;
	for (size_t i = 0; i < pq->nphrases; i++) {
		const struct corpus_phrase *ph = &pq->phrases[i];
		char word[256];
		int one = ph->prefix ? 0
		                     : corpus_rank_query_term(tok, ph->text, (int)strlen(ph->text),
		                                              word, sizeof word);
		tt->idf[i] = NAN;
		if (one < 0)
			goto done;
		if (one == 0) {
			tt->simple = 0;
			continue;
		}
		sqlite3_reset(term);
		sqlite3_bind_text(term, 2, word, -1, SQLITE_TRANSIENT);
		struct term_info *in = &tt->info[i];
		if ((step = sqlite3_step(term)) == SQLITE_ROW) {
			in->id = sqlite3_column_int64(term, 0);
			in->ndocs = sqlite3_column_int(term, 1);
			in->nlist = sqlite3_column_int(term, 2);
			in->has_cut = sqlite3_column_type(term, 3) != SQLITE_NULL;
			in->cut = sqlite3_column_double(term, 3);
			in->cut_rowid = sqlite3_column_int64(term, 4);
		} else if (step != SQLITE_DONE) {
			goto done;
		} else {
			tt->missing = 1;
		}
		tt->idf[i] = corpus_rank_idf(tt->nrows, in->ndocs);
	}
	rc = 0;
done:
	if (rc < 0) /* the message, before the statements are reset */
		corpus_search_failed(s->db, "search", err, errlen);
	corpus_stmt_put(s, lang);
	corpus_stmt_put(s, term);
	sqlite3_free(lang_sql);
	sqlite3_free(term_sql);
	return rc;
}

/* The first parameter of table i's treaty_rank arguments (avgdl, N, then one idf a phrase). */
static int first_param(size_t i, const struct corpus_parsed_query *pq)
{
	return 4 + (int)(i * (2 + pq->nphrases));
}

static char *rank_args(size_t i, const struct corpus_parsed_query *pq)
{
	int p = first_param(i, pq);
	char *args = sqlite3_mprintf("?%d, ?%d", p, p + 1);
	for (size_t k = 0; args && k < pq->nphrases; k++) {
		char *more = sqlite3_mprintf("%s, ?%d", args, p + 2 + (int)k);
		sqlite3_free(args);
		args = more;
	}
	return args;
}

/*
 * One SELECT per table, ranked together; parameters ?1 match, ?2 doc, ?3
 * article eid, then each table's statistics.  Only rowids and scores: a
 * snippet costs a read and a tokenization of its row, so it is made for the
 * rows shown, not for every row that matches.  The provision table is joined
 * only when a filter needs it.  Equal scores are ordered by table and rowid,
 * so that a page is the same however it was found.
 */
static char *build_sql(const struct corpus_fts_table *t, size_t n,
                       const struct corpus_parsed_query *pq, int filtered, int limit)
{
	char *sql = sqlite3_mprintf("SELECT * FROM (");
	for (size_t i = 0; sql && i < n; i++) {
		char *part = NULL, *args = rank_args(i, pq);
		if (args && filtered)
			part = sqlite3_mprintf(
			    "%s%sSELECT %d AS tab, f.rowid AS id, treaty_rank(fts_%s, %s) AS score"
			    " FROM %s.fts_%s AS f JOIN %s.provision AS p"
			    " ON p.rowid = f.rowid WHERE fts_%s MATCH ?1 AND (?2 IS NULL OR"
			    " p.doc = ?2) AND (?3 IS NULL OR p.eid = ?3 OR"
			    " substr(p.eid, 1, length(?3) + 2) = ?3 || '__')",
			    sql, i ? " UNION ALL " : "", (int)i, t[i].lang, args, t[i].schema,
			    t[i].lang, t[i].schema, t[i].lang);
		else if (args)
			part =
			    sqlite3_mprintf("%s%sSELECT %d AS tab, rowid AS id, treaty_rank(fts_%s,"
			                    " %s) AS score FROM %s.fts_%s WHERE fts_%s MATCH ?1",
			                    sql, i ? " UNION ALL " : "", (int)i, t[i].lang, args,
			                    t[i].schema, t[i].lang, t[i].lang);
		sqlite3_free(args);
		sqlite3_free(sql);
		sql = part;
	}
	char *all = sqlite3_mprintf("%s) ORDER BY score, tab, id LIMIT %d", sql, limit);
	sqlite3_free(sql);
	return all;
}

static void bind_stats(sqlite3_stmt *st, size_t nt, const struct table_terms *tt,
                       const struct corpus_parsed_query *pq)
{
	for (size_t i = 0; i < nt; i++) {
		int p = first_param(i, pq);
		sqlite3_bind_double(st, p, tt[i].avgdl);
		sqlite3_bind_double(st, p + 1, tt[i].nrows);
		for (size_t k = 0; k < pq->nphrases; k++)
			if (!isnan(tt[i].idf[k]))
				sqlite3_bind_double(st, p + 2 + (int)k, tt[i].idf[k]);
	}
}

/* The best rows of every table for pq, at most max, best first, into rows[*n]. */
static int rank_rows(struct corpus_store *s, const struct corpus_parsed_query *pq, const char *art,
                     const struct corpus_fts_table *t, const struct table_terms *tt, size_t nt,
                     int max, struct ranked *rows, size_t *n, char *err, size_t errlen)
{
	char *sql = build_sql(t, nt, pq, pq->doc || art, max);
	sqlite3_stmt *st = NULL;
	int rc = -1, step;
	if (!(st = corpus_stmt_get(s, sql))) {
		corpus_search_failed(s->db, "search", err, errlen);
		goto done;
	}
	sqlite3_bind_text(st, 1, pq->match, -1, SQLITE_STATIC);
	if (pq->doc)
		sqlite3_bind_text(st, 2, pq->doc, -1, SQLITE_STATIC);
	if (art)
		sqlite3_bind_text(st, 3, art, -1, SQLITE_STATIC);
	bind_stats(st, nt, tt, pq);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		rows[*n].table = (size_t)sqlite3_column_int(st, 0);
		rows[*n].rowid = sqlite3_column_int64(st, 1);
		rows[*n].score = sqlite3_column_double(st, 2);
		(*n)++;
	}
	if (step != SQLITE_DONE) {
		corpus_search_failed(s->db, "search", err, errlen);
		goto done;
	}
	rc = 0;
done:
	corpus_stmt_put(s, st);
	sqlite3_free(sql);
	return rc;
}

static int by_rank(const void *pa, const void *pb)
{
	const struct ranked *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	if (a->table != b->table)
		return a->table < b->table ? -1 : 1;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

/*
 * The best rows of a plain query from the terms' lists, each table's best max
 * merged as the full search orders them.  0 done, 1 when the lists cannot
 * tell (a phrase, a table whose lists end too soon), -1 on an error.
 */
static int from_lists(struct corpus_store *s, const struct corpus_parsed_query *pq, const char *art,
                      const struct corpus_fts_table *t, const struct table_terms *tt, size_t nt,
                      int max, struct ranked *rows, size_t *n, char *err, size_t errlen)
{
	for (size_t i = 0; i < nt; i++)
		if (!tt[i].simple)
			return 1;
	struct ranked *all = calloc(nt * (size_t)max + 1, sizeof *all);
	size_t nall = 0;
	int rc = 0;
	if (!all) {
		corpus_set_error(err, errlen, _("out of memory"));
		return -1;
	}
	for (size_t i = 0; rc == 0 && i < nt; i++) {
		size_t got = 0;
		if (tt[i].missing) /* a word the table does not have: no row of it matches */
			continue;
		rc = corpus_search_lists(s, &t[i], i, &tt[i], pq, pq->doc, art, max, all + nall,
		                         &got, err, errlen);
		nall += got;
	}
	if (rc == 0) {
		qsort(all, nall, sizeof *all, by_rank);
		*n = nall < (size_t)max ? nall : (size_t)max;
		memcpy(rows, all, *n * sizeof *rows);
		s->search_lists++;
	}
	free(all);
	return rc;
}

/* Statements that read a ranked row, one of each per table, prepared when first needed. */
struct readers {
	struct corpus_store *s;
	const struct corpus_fts_table *t;
	sqlite3_stmt **row, **snip;
	const char *match;
};

static sqlite3_stmt *reader(struct readers *r, size_t i, int snippet)
{
	sqlite3_stmt **slot = snippet ? &r->snip[i] : &r->row[i];
	if (*slot)
		return *slot;
	const struct corpus_fts_table *t = &r->t[i];
	char *sql;
	if (snippet)
		sql = sqlite3_mprintf(
		    "SELECT coalesce(nullif(treaty_snippet(fts_%s, 1, '" CORPUS_MARK_START
		    "', '" CORPUS_MARK_END
		    "', '…', %d), ''), treaty_snippet(fts_%s, 0, '" CORPUS_MARK_START
		    "', '" CORPUS_MARK_END "', '', 8)) FROM %s.fts_%s WHERE fts_%s MATCH ?1"
		    " AND rowid = ?2",
		    t->lang, SNIPPET_TOKENS, t->lang, t->schema, t->lang, t->lang);
	else
		sql = sqlite3_mprintf("SELECT doc, lang, eid, heading FROM %s.provision"
		                      " WHERE rowid = ?1",
		                      t->schema);
	*slot = corpus_stmt_get(r->s, sql);
	if (*slot && snippet)
		sqlite3_bind_text(*slot, 1, r->match, -1, SQLITE_STATIC);
	sqlite3_free(sql);
	return *slot;
}

/*
 * Step st, bound to rowid, to its one row: 0, or -1 on an error, or
 * CORPUS_ROW_MISSING when there is no such row.  The rows come from the index
 * (or the terms' lists kept with it), so a row missing from the provisions,
 * or that the index no longer matches, means the database is damaged.
 */
#define CORPUS_ROW_MISSING (-2)
static int read_row(sqlite3_stmt *st, int col, sqlite3_int64 rowid)
{
	sqlite3_reset(st);
	sqlite3_bind_int64(st, col, rowid);
	int step = sqlite3_step(st);
	return step == SQLITE_ROW ? 0 : step == SQLITE_DONE ? CORPUS_ROW_MISSING : -1;
}

/*
 * Fold a row into the hits: a provision already there gains a language.
 * 0, -1 on an error, or CORPUS_ROW_MISSING.
 */
static int add_hit(struct readers *r, const struct ranked *row, struct corpus_hit **hits, size_t *n,
                   size_t *cap)
{
	sqlite3_stmt *st = reader(r, row->table, 0);
	int rc = st ? read_row(st, 1, row->rowid) : -1;
	if (rc < 0)
		return rc;
	const char *doc = (const char *)sqlite3_column_text(st, 0);
	const char *lang = (const char *)sqlite3_column_text(st, 1);
	const char *eid = (const char *)sqlite3_column_text(st, 2);
	for (size_t i = 0; i < *n; i++) {
		struct corpus_hit *h = &(*hits)[i];
		if (strcmp(h->doc, doc) != 0 || strcmp(h->eid, eid) != 0)
			continue;
		if (strstr(h->langs, lang))
			return 0;
		char *more = malloc(strlen(h->langs) + strlen(lang) + 2);
		if (!more)
			return -1;
		sprintf(more, "%s,%s", h->langs, lang);
		free(h->langs);
		h->langs = more;
		return 0;
	}
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		void *p = realloc(*hits, *cap * sizeof **hits);
		if (!p)
			return -1;
		*hits = p;
	}
	struct corpus_hit *h = &(*hits)[*n];
	memset(h, 0, sizeof *h);
	h->user = strcmp(r->t[row->table].schema, "main") == 0;
	h->doc = corpus_column_dup(st, 0);
	h->lang = corpus_column_dup(st, 1);
	h->eid = corpus_column_dup(st, 2);
	h->heading = corpus_column_dup(st, 3);
	h->score = row->score;
	h->langs = corpus_strdup(lang);
	(*n)++;
	sqlite3_stmt *sn = reader(r, row->table, 1);
	if ((rc = sn ? read_row(sn, 2, row->rowid) : -1) < 0)
		return rc;
	h->snippet = corpus_column_dup(sn, 0);
	return 0;
}

/* The page: ranked rows read in order, folded, until limit provisions. */
static int read_hits(struct corpus_store *s, const struct corpus_parsed_query *pq,
                     const struct corpus_fts_table *t, size_t nt, const struct ranked *rows,
                     size_t nrows, int limit, struct corpus_hit **hits, size_t *n, char *err,
                     size_t errlen)
{
	struct readers r = {s, t, calloc(nt, sizeof *r.row), calloc(nt, sizeof *r.snip), pq->match};
	size_t cap = 0;
	int rc = r.row && r.snip ? 0 : -1;
	for (size_t i = 0; rc == 0 && i < nrows && *n < (size_t)limit; i++)
		rc = add_hit(&r, &rows[i], hits, n, &cap);
	if (rc == CORPUS_ROW_MISSING)
		corpus_set_error(err, errlen, "search: %s", sqlite3_errstr(SQLITE_CORRUPT));
	else if (rc < 0)
		corpus_search_failed(s->db, "search", err, errlen);
	for (size_t i = 0; i < nt && r.row && r.snip; i++)
		corpus_stmt_put(s, r.row[i]), corpus_stmt_put(s, r.snip[i]);
	free(r.row), free(r.snip);
	return rc;
}

static int run_search(struct corpus_store *s, const struct corpus_parsed_query *pq,
                      const struct corpus_fts_table *t, size_t nt, int limit,
                      struct corpus_hit **hits, size_t *n, char *err, size_t errlen)
{
	/* Fetch more rows than asked: several may fold into one provision. */
	int max = limit * 8;
	char *art = pq->art ? corpus_eid_parse(pq->art, err, errlen) : NULL;
	struct ranked *rows = calloc((size_t)max, sizeof *rows);
	struct table_terms *tt = NULL;
	size_t nrows = 0;
	int rc = -1;
	if (pq->art && !art) /* an art: filter that names no provision must not widen the search */
		goto done;
	if (!rows) {
		corpus_set_error(err, errlen, _("out of memory"));
		goto done;
	}
	if (!(tt = calloc(nt, sizeof *tt))) {
		corpus_set_error(err, errlen, _("out of memory"));
		goto done;
	}
	for (size_t i = 0; i < nt; i++)
		if (table_terms(s, &t[i], pq, &tt[i], err, errlen) < 0)
			goto done;
	int listed = pq->plain && !s->search_full
	                 ? from_lists(s, pq, art, t, tt, nt, max, rows, &nrows, err, errlen)
	                 : 1;
	if (listed < 0)
		goto done;
	if (listed == 0 || rank_rows(s, pq, art, t, tt, nt, max, rows, &nrows, err, errlen) == 0)
		rc = read_hits(s, pq, t, nt, rows, nrows, limit, hits, n, err, errlen);
done:
	table_terms_free(tt, nt);
	free(rows);
	free(art);
	return rc;
}

/* The first w in text at or after at that is not part of a longer word nor a filter's value. */
static const char *find_word(const char *text, const char *at, const char *w)
{
	size_t n = strlen(w);
	for (const char *f = strstr(at, w); f; f = strstr(f + 1, w)) {
		unsigned char before = f > text ? (unsigned char)f[-1] : ' ';
		unsigned char after = (unsigned char)f[n];
		if (!isalnum(before) && before < 0x80 && before != ':' && !isalnum(after) &&
		    after < 0x80)
			return f;
	}
	return NULL;
}

/*
 * text with each of the query's words that no index holds replaced by the
 * nearest that one does, in place, so that filters, quotes and operators stay
 * as typed; NULL when no word changes.  The words are looked for in text in
 * their order; one that cannot be placed (never, as they are kept as typed)
 * means no suggestion.  Caller frees.
 */
static char *suggest_query(struct corpus_store *store, const struct corpus_parsed_query *pq,
                           const char *text)
{
	sqlite3_str *out = sqlite3_str_new(store->db);
	const char *at = text;
	int changed = 0;
	for (size_t i = 0; at && i < pq->nwords; i++) {
		const char *w = pq->words[i], *found = find_word(text, at, w);
		char *alt = found ? corpus_suggest(store, w, pq->lang) : NULL;
		if (found) {
			sqlite3_str_append(out, at, (int)(found - at));
			sqlite3_str_appendall(out, alt ? alt : w);
			changed |= alt != NULL;
		}
		at = found ? found + strlen(w) : NULL;
		free(alt);
	}
	if (at)
		sqlite3_str_appendall(out, at);
	char *built = sqlite3_str_finish(out);
	char *better = at && changed ? corpus_strdup(built) : NULL;
	sqlite3_free(built);
	return better;
}

int corpus_search(struct corpus_store *store, const struct corpus_query *q,
                  struct corpus_hit **hits, size_t *n, char *err, size_t errlen)
{
	struct corpus_parsed_query pq;
	struct corpus_fts_table *tables = NULL;
	size_t nt = 0;
	int limit = q->limit > 0 ? q->limit : DEFAULT_LIMIT;
	int rc = -1;
	*hits = NULL;
	*n = 0;
	if (i18n_stemmers_open(err, errlen) < 0 ||
	    corpus_query_parse(q->text, &pq, err, errlen) < 0)
		return -1;
	if (!pq.match) {
		corpus_set_error(err, errlen, _("type a word to search for, not only filters"));
		corpus_query_free(&pq);
		return -1;
	}
	if (q->doc && !pq.doc)
		pq.doc = corpus_strdup(q->doc);
	if (q->lang && !pq.lang)
		pq.lang = corpus_strdup(q->lang);
	/*
	 * One read transaction for the whole search: its statements (the ranking,
	 * the lists, each hit's row and snippet, "did you mean") see one state of
	 * both databases though another process imports meanwhile, and take the
	 * databases' locks once rather than once each (a tenth of a page's time).
	 */
	int own = sqlite3_get_autocommit(store->db);
	if (own) { /* interrupted as it ends, BEGIN has begun all the same */
		sqlite3_exec(store->db, "BEGIN", NULL, NULL, NULL);
		own = !sqlite3_get_autocommit(store->db);
	}
	if (corpus_fts_tables(store, pq.lang, &tables, &nt) < 0) {
		corpus_search_failed(store->db, "search", err, errlen);
		goto done;
	}
	if (nt)
		rc = run_search(store, &pq, tables, nt, limit, hits, n, err, errlen);
	else
		rc = 0;
	if (rc == 0 && *n == 0) {
		/* The query may have been pasted from anywhere: quote it without its controls. */
		char *better = suggest_query(store, &pq, q->text);
		char *shown = i18n_visible(q->text, strlen(q->text));
		char *shown_better = better ? i18n_visible(better, strlen(better)) : NULL;
		if (shown_better)
			corpus_set_error(err, errlen,
			                 _("no provision matches %s; did you mean: %s ?"),
			                 shown ? shown : "", shown_better);
		else
			corpus_set_error(err, errlen, _("no provision matches %s"),
			                 shown ? shown : "");
		if (q->suggestion)
			*q->suggestion = better, better = NULL;
		free(better), free(shown), free(shown_better);
		rc = 1;
	}
done:
	/*
	 * Prepared afresh (a progress handler counts a kept statement's steps
	 * over all its runs), so that only a handler called every few steps can
	 * interrupt its four; should one, the handler goes, for a read
	 * transaction left open would keep other processes from writing.
	 */
	if (own && sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_progress_handler(store->db, 0, NULL, NULL);
		sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL);
	}
	if (rc < 0) {
		corpus_hit_free(*hits, *n);
		*hits = NULL;
		*n = 0;
	}
	free(tables);
	corpus_query_free(&pq);
	return rc;
}

char *corpus_query_notice(const char *text)
{
	struct corpus_parsed_query pq;
	char *notice = NULL;
	if (corpus_query_parse(text, &pq, NULL, 0) == 0) {
		notice = pq.notice;
		pq.notice = NULL;
		corpus_query_free(&pq);
	}
	return notice;
}

void corpus_hit_free(struct corpus_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(hits[i].doc), free(hits[i].lang), free(hits[i].eid);
		free(hits[i].heading), free(hits[i].langs), free(hits[i].snippet);
	}
	free(hits);
}
