/*
 * highlight.c — where a query's hits are in the provisions it matches, as
 * byte ranges of their stored heading and text.
 *
 * FTS5's highlight() marks exactly what its own matching found, through the
 * same tokenizer ("treaty <lang>": folding, stemming, Han one character a
 * token), so an inflected or folded form is marked because the index matched
 * it, not because it looks like a word of the query.  The marks are bytes
 * that never occur in UTF-8: taking them out gives the stored text back byte
 * for byte, which is checked, so each range holds for the stored text itself.
 */
#include "corpus/query.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <stdlib.h>
#include <string.h>

/* One SELECT over one language table; parameters ?1 match, ?2 doc, ?3 article eid. */
static char *build_sql(const struct corpus_fts_table *t)
{
	return sqlite3_mprintf(
	    "SELECT p.doc, p.lang, p.eid, p.heading, p.text,"
	    " highlight(fts_%s, 0, '" CORPUS_MARK_START "', '" CORPUS_MARK_END "'),"
	    " highlight(fts_%s, 1, '" CORPUS_MARK_START "', '" CORPUS_MARK_END "')"
	    " FROM %s.fts_%s JOIN %s.provision AS p ON p.rowid = fts_%s.rowid"
	    " WHERE fts_%s MATCH ?1 AND (?2 IS NULL OR p.doc = ?2)"
	    " AND (?3 IS NULL OR p.eid = ?3 OR substr(p.eid, 1, length(?3) + 2) = ?3 || '__')"
	    " ORDER BY p.doc, p.seq",
	    t->lang, t->lang, t->schema, t->lang, t->schema, t->lang, t->lang);
}

/*
 * The ranges between the marks of marked, which must be stored with the
 * marks taken out (NULL stands for ""); -1 when it is not, or memory runs out.
 */
static int ranges(const char *marked, const char *stored, struct corpus_range **out, size_t *n)
{
	size_t o = 0, cap = 0, start = 0;
	*out = NULL;
	*n = 0;
	if (!stored)
		stored = "";
	for (const char *m = marked ? marked : ""; *m; m++) {
		if (*m == CORPUS_MARK_START[0]) {
			start = o;
		} else if (*m == CORPUS_MARK_END[0]) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 4;
				struct corpus_range *r = realloc(*out, cap * sizeof *r);
				if (!r)
					goto fail;
				*out = r;
			}
			(*out)[(*n)++] = (struct corpus_range){start, o};
		} else if (stored[o++] != *m) {
			goto fail;
		}
	}
	if (stored[o] == '\0')
		return 0;
fail:
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
}

static int add_row(sqlite3_stmt *st, struct corpus_highlight **out, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		void *p = realloc(*out, *cap * sizeof **out);
		if (!p)
			return -1;
		*out = p;
	}
	struct corpus_highlight *h = &(*out)[*n];
	memset(h, 0, sizeof *h);
	h->doc = corpus_column_dup(st, 0);
	h->lang = corpus_column_dup(st, 1);
	h->eid = corpus_column_dup(st, 2);
	(*n)++;
	if (!h->doc || !h->lang || !h->eid)
		return -1;
	/* A text that is not the stored one (a damaged index) marks nothing rather than the wrong
	 * words. */
	ranges((const char *)sqlite3_column_text(st, 5), (const char *)sqlite3_column_text(st, 3),
	       &h->heading, &h->nheading);
	ranges((const char *)sqlite3_column_text(st, 6), (const char *)sqlite3_column_text(st, 4),
	       &h->text, &h->ntext);
	return 0;
}

static int run_table(struct corpus_store *s, const struct corpus_fts_table *t,
                     const struct corpus_parsed_query *pq, const char *art, int limit,
                     struct corpus_highlight **out, size_t *n, size_t *cap, char *err,
                     size_t errlen)
{
	char *sql = build_sql(t);
	sqlite3_stmt *st = NULL;
	int rc = -1, step = SQLITE_DONE;
	if (!sql || sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "highlight: %s", sqlite3_errmsg(s->db));
		goto done;
	}
	sqlite3_bind_text(st, 1, pq->match, -1, SQLITE_STATIC);
	if (pq->doc)
		sqlite3_bind_text(st, 2, pq->doc, -1, SQLITE_STATIC);
	if (art)
		sqlite3_bind_text(st, 3, art, -1, SQLITE_STATIC);
	while ((!limit || *n < (size_t)limit) && (step = sqlite3_step(st)) == SQLITE_ROW)
		if (add_row(st, out, n, cap) < 0) {
			corpus_set_error(err, errlen, _("out of memory"));
			goto done;
		}
	if (step != SQLITE_DONE && step != SQLITE_ROW) {
		corpus_search_failed(s->db, "highlight", err, errlen);
		goto done;
	}
	rc = 0;
done:
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return rc;
}

int corpus_highlight(struct corpus_store *store, const struct corpus_query *q,
                     struct corpus_highlight **out, size_t *n, char *err, size_t errlen)
{
	struct corpus_parsed_query pq;
	struct corpus_fts_table *tables = NULL;
	size_t nt = 0, cap = 0;
	char *art = NULL;
	int rc = -1;
	*out = NULL;
	*n = 0;
	if (corpus_query_parse(q->text, &pq, err, errlen) < 0)
		return -1;
	if (!pq.match) {
		corpus_set_error(err, errlen, _("type a word to search for, not only filters"));
		goto done;
	}
	if (q->doc && !pq.doc)
		pq.doc = corpus_strdup(q->doc);
	if (q->lang && !pq.lang)
		pq.lang = corpus_strdup(q->lang);
	/* An art: filter that names no provision must not widen the marks. */
	if (pq.art && !(art = corpus_eid_parse(pq.art, err, errlen)))
		goto done;
	if (corpus_fts_tables(store, pq.lang, &tables, &nt) < 0) {
		corpus_search_failed(store->db, "highlight", err, errlen);
		goto done;
	}
	rc = 0;
	for (size_t i = 0; rc == 0 && i < nt; i++)
		rc = run_table(store, &tables[i], &pq, art, q->limit, out, n, &cap, err, errlen);
done:
	if (rc < 0) {
		corpus_highlight_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	free(art);
	free(tables);
	corpus_query_free(&pq);
	return rc;
}

void corpus_highlight_free(struct corpus_highlight *h, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(h[i].doc), free(h[i].lang), free(h[i].eid);
		free(h[i].heading), free(h[i].text);
	}
	free(h);
}
