/*
 * search-bench — the in-process half of bench/run: what the store and search
 * cost without starting a process.
 *
 *   search-bench import LIBRARY LIST
 *       Import every document of LIST (lines "path<TAB>id<TAB>lang<TAB>kind")
 *       into LIBRARY, each in its own transaction as treaty import does.
 *       Prints "import BYTES SECONDS SLOWEST FINAL": SLOWEST the seconds of
 *       the slowest document's import (one that completes a merge pays for
 *       it), FINAL those of corpus_store_optimize() after the last, as treaty
 *       import runs it after its files; SECONDS includes both.
 *   search-bench reindex LIBRARY
 *       For each language of LIBRARY, build a full-text index of its
 *       provisions (external content over the same rows, as the store's) with
 *       the "treaty" analyser and with SQLite's "unicode61 remove_diacritics 2",
 *       best of two builds each; the library's own index is not touched.
 *       Prints "reindex LANG BYTES TREATY_SECONDS UNICODE61_SECONDS".
 *   search-bench search LIBRARY CORPUS REPS QUERY...
 *       Open the store once; run each query REPS times for its first page
 *       (20 hits, as the reader asks); prints "search MS" for every run.
 *
 * Times are wall-clock (CLOCK_MONOTONIC): a search that waits for the disk
 * should show it.  Exits 2 on any error.
 */
#include "corpus/corpus.h"
#include "i18n/i18n.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int die(const char *what, const char *why)
{
	fprintf(stderr, "search-bench: %s: %s\n", what, why);
	return 2;
}

static int import(const char *library, const char *list)
{
	char err[1024], line[8192];
	struct corpus_store *s = corpus_store_open(NULL, library, err, sizeof err);
	FILE *f = fopen(list, "r");
	double took = 0, slowest = 0;
	long long bytes = 0;
	if (!s)
		return die(library, err);
	if (!f)
		return die(list, "cannot open");
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *path = strtok(line, "\t"), *id = strtok(NULL, "\t");
		char *lang = strtok(NULL, "\t"), *kind = strtok(NULL, "\t");
		struct corpus_load_options o = {.id = id, .lang = lang, .kind = kind};
		struct corpus_document doc;
		struct stat sb;
		if (!path || !id || !lang || !kind || stat(path, &sb) != 0)
			return die(list, "bad line");
		double t0 = now();
		if (corpus_load_file(path, &o, &doc, err, sizeof err) < 0 ||
		    corpus_store_import(s, &doc, err, sizeof err) < 0)
			return die(path, err);
		double t = now() - t0;
		took += t;
		if (t > slowest)
			slowest = t;
		bytes += sb.st_size;
		corpus_document_free(&doc);
	}
	fclose(f);
	double t0 = now();
	if (corpus_store_optimize(s, err, sizeof err) < 0)
		return die(library, err);
	double final = now() - t0;
	took += final;
	corpus_store_close(s);
	printf("import %lld %.3f %.3f %.3f\n", bytes, took, slowest, final);
	return 0;
}

static int exec_timed(sqlite3 *db, const char *sql, double *took)
{
	char *msg = NULL;
	double t0 = now();
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	*took = now() - t0;
	if (rc != SQLITE_OK) {
		fprintf(stderr, "search-bench: %s: %s\n", sql, msg ? msg : "");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Build the index of analyser spec over the rows of bench_rows; the time of the best of two. */
static int build(sqlite3 *db, const char *spec, double *best)
{
	char *make = sqlite3_mprintf("DROP TABLE IF EXISTS bench_fts; CREATE VIRTUAL TABLE"
	                             " bench_fts USING fts5(heading, text, content='bench_rows',"
	                             " content_rowid='id', tokenize=%Q)",
	                             spec);
	double took, ignored;
	*best = 1e9;
	for (int run = 0; run < 2; run++) {
		if (exec_timed(db, make, &ignored) < 0 ||
		    exec_timed(db, "INSERT INTO bench_fts(bench_fts) VALUES('rebuild')", &took) < 0)
			return -1;
		if (took < *best)
			*best = took;
	}
	sqlite3_free(make);
	return exec_timed(db, "DROP TABLE bench_fts", &ignored);
}

static int reindex(const char *library)
{
	char err[256];
	sqlite3 *db;
	sqlite3_stmt *st;
	if (sqlite3_open(library, &db) != SQLITE_OK || i18n_fts5_register(db, err, sizeof err) < 0)
		return die(library, sqlite3_errmsg(db));
	if (sqlite3_prepare_v2(db,
	                       "SELECT lang, sum(length(CAST(coalesce(heading, '') AS BLOB)) +"
	                       " length(CAST(text AS BLOB))) FROM provision GROUP BY lang",
	                       -1, &st, NULL) != SQLITE_OK)
		return die(library, sqlite3_errmsg(db));
	/* Languages first: no table may be made or dropped while a statement reads. */
	char langs[16][8];
	long long bytes[16];
	int n = 0;
	while (n < 16 && sqlite3_step(st) == SQLITE_ROW) {
		snprintf(langs[n], sizeof langs[n], "%s", (const char *)sqlite3_column_text(st, 0));
		bytes[n++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	for (int i = 0; i < n; i++) {
		double treaty, unicode61, ignored;
		/* The rows of one language, as the store's fts_LANG indexes them. */
		char *rows = sqlite3_mprintf("DROP VIEW IF EXISTS bench_rows; CREATE VIEW"
		                             " bench_rows AS SELECT rowid AS id, heading, text FROM"
		                             " provision WHERE lang=%Q",
		                             langs[i]);
		if (exec_timed(db, rows, &ignored) < 0 ||
		    build(db, i18n_fts5_tokenize_spec(langs[i]), &treaty) < 0 ||
		    build(db, "unicode61 remove_diacritics 2", &unicode61) < 0)
			return 2;
		printf("reindex %s %lld %.3f %.3f\n", langs[i], bytes[i], treaty, unicode61);
		sqlite3_free(rows);
	}
	sqlite3_exec(db, "DROP VIEW IF EXISTS bench_rows", NULL, NULL, NULL);
	sqlite3_close(db);
	return 0;
}

static int search(const char *library, const char *corpus, int reps, char **queries, int n)
{
	char err[1024];
	struct corpus_store *s = corpus_store_open(corpus, library, err, sizeof err);
	if (!s)
		return die(library, err);
	for (int i = 0; i < n; i++) {
		for (int r = 0; r < reps; r++) {
			struct corpus_query q = {.text = queries[i], .limit = 20};
			struct corpus_hit *hits;
			size_t nh;
			double t0 = now();
			int rc = corpus_search(s, &q, &hits, &nh, err, sizeof err);
			double ms = (now() - t0) * 1000;
			if (rc < 0)
				return die(queries[i], err);
			if (rc == 0)
				corpus_hit_free(hits, nh);
			printf("search %.3f %zu\n", ms, rc == 0 ? nh : (size_t)0);
		}
	}
	corpus_store_close(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "import") == 0)
		return import(argv[2], argv[3]);
	if (argc == 3 && strcmp(argv[1], "reindex") == 0)
		return reindex(argv[2]);
	if (argc >= 6 && strcmp(argv[1], "search") == 0)
		return search(argv[2], argv[3], atoi(argv[4]), argv + 5, argc - 5);
	fprintf(stderr, "usage: search-bench import LIBRARY LIST | reindex LIBRARY |"
	                " search LIBRARY CORPUS REPS QUERY...\n");
	return 2;
}
