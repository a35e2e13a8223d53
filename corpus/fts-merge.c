/*
 * fts-merge.c — the library's merge policy: each language's full-text index
 * is kept in few segments.
 *
 * FTS5 writes every transaction's rows as a new segment (b-tree) and merges
 * them lazily, four of a level at a time (its automerge), so a library built
 * by importing documents one by one keeps 7–12 segments per language at a
 * few thousand documents.  Every query opens and seeks each term in every
 * segment, and a page of hits runs one query per snippet: the segments, not
 * the rows, are most of a page's time.
 *
 * So every write of the library (import, removal, a rebuilt index) ends, in
 * its own transaction, by merging each table with FTS5's 'merge' command and
 * 'usermerge' 2 until the command says it did nothing: then no level holds
 * two segments, and a merged segment larger than the next level's moves up
 * (FTS5 promotes it), which in practice leaves one or two segments.  The
 * work is a binary counter's: a document's rows are written again once per
 * level they climb, and an import that completes a level pays for that
 * level's merge.  Every table is merged, not only the one written, so that a
 * library made before this policy is merged at its next write.
 *
 * That still leaves about one segment per doubling of a table's imports
 * (6–7 at a few thousand documents), each a seek per term and snippet.  A
 * batch of imports ends with corpus_store_optimize(): a language the batch
 * grew by a quarter or more is merged into one segment (FTS5's 'optimize', a
 * rewrite of the whole table: about a second for 80 MB of text), so a
 * library built or grown in bulk is searched at its fastest, and a table is
 * rewritten only after its rows grew by a quarter: the rewrites of a table
 * grown that way cost at most five times one rewrite of its final size.
 */
#include "corpus/store-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int run(sqlite3 *db, const char *fmt, const char *lang, char *err, size_t errlen)
{
	char *sql = sqlite3_mprintf(fmt, lang, lang);
	char *msg = NULL;
	int rc = sql && sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK ? 0 : -1;
	if (rc < 0)
		corpus_set_error(err, errlen, "index of %s: %s", lang,
		                 msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	sqlite3_free(sql);
	return rc;
}

static int merge_table(sqlite3 *db, const char *lang, char *err, size_t errlen)
{
	if (run(db, "INSERT INTO main.fts_%s(fts_%s, rank) VALUES('usermerge', 2)", lang, err,
	        errlen) < 0)
		return -1;
	for (;;) {
		/* FTS5's documented test: fewer than two changes, nothing was merged. */
		int before = sqlite3_total_changes(db);
		/* 1000 pages a step: the loop, not this, bounds the work */
		if (run(db, "INSERT INTO main.fts_%s(fts_%s, rank) VALUES('merge', 1000)", lang,
		        err, errlen) < 0)
			return -1;
		if (sqlite3_total_changes(db) - before < 2)
			return 0;
	}
}

int corpus_fts_merge(sqlite3 *db, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = 0;
	if (sqlite3_prepare_v2(db,
	                       "SELECT substr(name, 5) FROM main.sqlite_master WHERE type='table'"
	                       " AND name GLOB 'fts_*' AND name NOT GLOB 'fts_*_*'",
	                       -1, &st, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
		return -1;
	}
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *lang = (const char *)sqlite3_column_text(st, 0);
		rc = corpus_lang_ok(lang) ? merge_table(db, lang, err, errlen) : 0;
	}
	sqlite3_finalize(st);
	return rc;
}

void corpus_fts_written(struct corpus_store *s, const char *lang, size_t rows)
{
	size_t i = 0;
	while (i < s->nwritten && strcmp(s->written[i].lang, lang) != 0)
		i++;
	if (i == s->nwritten) {
		struct corpus_fts_written *w = realloc(s->written, (i + 1) * sizeof *w);
		if (!w)
			return; /* the policy only: that language is not optimized */
		s->written = w;
		snprintf(w[i].lang, sizeof w[i].lang, "%s", lang);
		w[i].rows = 0;
		s->nwritten++;
	}
	s->written[i].rows += rows;
}

/* The rows of lang's table, as ranking counts them; 0 when unknown. */
static sqlite3_int64 table_rows(sqlite3 *db, const char *lang)
{
	sqlite3_stmt *st;
	sqlite3_int64 n = 0;
	if (sqlite3_prepare_v2(db, "SELECT nrows FROM main.rank_lang WHERE lang=?", -1, &st,
	                       NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

int corpus_store_optimize(struct corpus_store *s, char *err, size_t errlen)
{
	int rc = 0;
	for (size_t i = 0; i < s->nwritten && rc == 0; i++) {
		const char *lang = s->written[i].lang;
		if (4 * (sqlite3_int64)s->written[i].rows < table_rows(s->db, lang))
			continue;
		/* A transaction of its own: an interrupted rewrite leaves the table as it was. */
		rc = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
		if (rc < 0)
			corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(s->db));
		if (rc == 0)
			rc = run(s->db, "INSERT INTO main.fts_%s(fts_%s) VALUES('optimize')", lang,
			         err, errlen);
		if (rc == 0 && sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(s->db));
			rc = -1;
		}
		if (rc < 0)
			sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	}
	free(s->written);
	s->written = NULL;
	s->nwritten = 0;
	return rc;
}
