/*
 * search-int.h — what search.c shares with search-lists.c, its shortcut
 * through the terms' lists.  Internal to corpus/.
 */
#ifndef TREATY_CORPUS_SEARCH_INT_H
#define TREATY_CORPUS_SEARCH_INT_H

#include "corpus/query.h"
#include "corpus/store-internal.h"

/* A row of the ranking, before it is read: which table, which row, how good. */
struct ranked {
	size_t table; /* index into the tables searched */
	sqlite3_int64 rowid;
	double score; /* treaty_rank's: lower is better */
};

/*
 * What ranking needs of one table for this query: its statistics, and for
 * each phrase of the query that is one term, the term's row count and list.
 */
struct table_terms {
	double avgdl, nrows;
	double *idf; /* per phrase; NAN when only the index can count it */
	int simple;  /* every phrase is one term, with no alternative */
	int missing; /* some phrase's term is not in the table */
	struct term_info {
		sqlite3_int64 id; /* rank_term.id; 0 when the table has no such term */
		int ndocs, nlist, has_cut;
		double cut;
		sqlite3_int64 cut_rowid;
	} * info;
};

/*
 * The best `want` rows of table number `table` (t) for pq, a plain query
 * whose phrases are simple in it, found from the terms' lists without
 * reading every row that matches: into out[*n] (room for want), sorted by
 * score then rowid.  doc and art (an eid) filter the rows when not NULL.
 * Returns 0, 1 when the lists cannot tell (the full search must run), -1 on
 * an error (err set; an interrupt is one).
 */
int corpus_search_lists(struct corpus_store *s, const struct corpus_fts_table *t, size_t table,
                        const struct table_terms *tt, const struct corpus_parsed_query *pq,
                        const char *doc, const char *art, int want, struct ranked *out, size_t *n,
                        char *err, size_t errlen);

#endif
