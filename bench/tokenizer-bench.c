/*
 * tokenizer-bench — the "treaty <lang>" analyser against SQLite's
 * "unicode61 remove_diacritics 2", on the same rows and the same queries.
 *
 *   tokenizer-bench [-n REPEAT] [-q QUERIES] [-r RECALL] LANG:FILE...
 *
 * Every non-empty line of each FILE is a row in language LANG; the row set is
 * indexed REPEAT times over (1 by default).  Reported, for each analyser:
 * tokenizing alone and indexing (FTS5 inserts and commit), in MB/s of source
 * text; per-query time (the MATCH, bm25 ranking, 20 rows with snippets) as
 * the median and 99th percentile over every run of every query in QUERIES
 * ("lang<TAB>what a user types", translated by corpus_query_parse); and the
 * recall on RECALL ("lang<TAB>query<TAB>text that must be found"): each text
 * is indexed among the others of its language and must come back.
 * Ratios are treaty / unicode61: above 1 is faster for MB/s, slower for time.
 */
#include "corpus/query.h"
#include "i18n/i18n.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_LANGS 8
#define INDEX_RUNS 5
#define QUERY_RUNS 15

struct rows {
	char lang[8];
	char **row;
	size_t n, cap, bytes;
};

static struct rows langs[MAX_LANGS];
static size_t nlangs;

static const char *const analysers[2] = {"unicode61", "treaty"};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *spec(int treaty, const char *lang)
{
	return treaty ? i18n_fts5_tokenize_spec(lang) : "unicode61 remove_diacritics 2";
}

static void die(const char *what, const char *why)
{
	fprintf(stderr, "tokenizer-bench: %s: %s\n", what, why);
	exit(2);
}

static struct rows *rows_of(const char *lang)
{
	for (size_t i = 0; i < nlangs; i++)
		if (!strcmp(langs[i].lang, lang))
			return &langs[i];
	if (nlangs == MAX_LANGS)
		die(lang, "too many languages");
	struct rows *r = &langs[nlangs++];
	snprintf(r->lang, sizeof r->lang, "%s", lang);
	return r;
}

static void add_row(struct rows *r, const char *s, size_t n)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		if (!(r->row = realloc(r->row, r->cap * sizeof *r->row)))
			die("rows", "out of memory");
	}
	r->row[r->n] = strndup(s, n);
	r->bytes += n;
	r->n++;
}

static void load(const char *arg)
{
	const char *colon = strchr(arg, ':');
	if (!colon || colon - arg > 3)
		die(arg, "expected LANG:FILE");
	char lang[8];
	snprintf(lang, sizeof lang, "%.*s", (int)(colon - arg), arg);
	FILE *f = fopen(colon + 1, "r");
	if (!f)
		die(colon + 1, "cannot open");
	struct rows *r = rows_of(lang);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (n > 0)
			add_row(r, line, (size_t)n);
	}
	free(line);
	fclose(f);
}

static sqlite3 *open_db(void)
{
	sqlite3 *db;
	char err[256];
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || i18n_fts5_register(db, err, sizeof err))
		die("sqlite", "cannot open a database with the tokenizer");
	return db;
}

static void exec(sqlite3 *db, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		die(sql, err);
}

/*
 * Create t_<lang> for each language and fill it repeat times over, one
 * transaction per language; secs[l] receives the seconds of inserts and commit.
 */
static void build(sqlite3 *db, int treaty, int repeat, double *secs)
{
	for (size_t l = 0; l < nlangs; l++) {
		char *sql = sqlite3_mprintf("CREATE VIRTUAL TABLE t_%s USING fts5(x, tokenize=%Q)",
		                            langs[l].lang, spec(treaty, langs[l].lang));
		exec(db, sql);
		sqlite3_free(sql);
		sqlite3_stmt *st;
		sql = sqlite3_mprintf("INSERT INTO t_%s(x) VALUES (?1)", langs[l].lang);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			die(sql, sqlite3_errmsg(db));
		sqlite3_free(sql);
		double t0 = now();
		exec(db, "BEGIN");
		for (int k = 0; k < repeat; k++)
			for (size_t i = 0; i < langs[l].n; i++) {
				sqlite3_bind_text(st, 1, langs[l].row[i], -1, SQLITE_STATIC);
				if (sqlite3_step(st) != SQLITE_DONE)
					die("insert", sqlite3_errmsg(db));
				sqlite3_reset(st);
			}
		exec(db, "COMMIT");
		secs[l] = now() - t0;
		sqlite3_finalize(st);
	}
}

static int noop_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	(void)flags, (void)tok, (void)start, (void)end;
	++*(long *)ctx;
	return SQLITE_OK;
}

/* The analyser alone, through the FTS5 tokenizer interface: seconds for every row. */
static double tokenize_only(sqlite3 *db, int treaty, int repeat, long *tokens)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		die("fts5", sqlite3_errmsg(db));
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	double total = 0;
	*tokens = 0;
	for (size_t l = 0; l < nlangs; l++) {
		void *user;
		fts5_tokenizer tk;
		Fts5Tokenizer *inst;
		const char *args[2] = {"remove_diacritics", "2"};
		const char *arg = langs[l].lang;
		if (api->xFindTokenizer(api, analysers[treaty], &user, &tk) != SQLITE_OK ||
		    tk.xCreate(user, treaty ? &arg : args, treaty ? 1 : 2, &inst) != SQLITE_OK)
			die(analysers[treaty], "cannot create the tokenizer");
		double t0 = now();
		for (int k = 0; k < repeat; k++)
			for (size_t i = 0; i < langs[l].n; i++)
				tk.xTokenize(inst, tokens, FTS5_TOKENIZE_DOCUMENT, langs[l].row[i],
				             (int)strlen(langs[l].row[i]), noop_token);
		total += now() - t0;
		tk.xDelete(inst);
	}
	return total;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n ? v[n / 2] : 0;
}

static double percentile(double *v, size_t n, double p)
{
	qsort(v, n, sizeof *v, cmp_double);
	size_t i = (size_t)(p * (double)(n - 1) + 0.5);
	return n ? v[i < n ? i : n - 1] : 0;
}

/* ---- Queries ---------------------------------------------------------- */

struct query {
	char lang[8];
	char *match;
	char *typed;
};

static struct query *queries;
static size_t nqueries;

static void load_queries(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die(path, "cannot open");
	char line[1024];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *tab = strchr(line, '\t');
		if (line[0] == '#' || !tab)
			continue;
		*tab = '\0';
		struct corpus_parsed_query pq;
		char err[256];
		if (corpus_query_parse(tab + 1, &pq, err, sizeof err) < 0 || !pq.match)
			die(tab + 1, err);
		queries = realloc(queries, (nqueries + 1) * sizeof *queries);
		struct query *q = &queries[nqueries++];
		snprintf(q->lang, sizeof q->lang, "%.7s", line);
		q->match = strdup(pq.match);
		q->typed = strdup(tab + 1);
		corpus_query_free(&pq);
	}
	fclose(f);
}

/* One search as the reader does it: ranked, 20 hits, each with a snippet. */
static int search(sqlite3 *db, const struct query *q, double *seconds)
{
	char *sql = sqlite3_mprintf("SELECT rowid, snippet(t_%s, 0, '[', ']', '…', 24) FROM t_%s"
	                            " WHERE t_%s MATCH ?1 ORDER BY rank LIMIT 20",
	                            q->lang, q->lang, q->lang);
	sqlite3_stmt *st;
	int hits = 0;
	double t0 = now();
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die(sql, sqlite3_errmsg(db));
	sqlite3_bind_text(st, 1, q->match, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		hits++;
	sqlite3_finalize(st);
	*seconds = now() - t0;
	sqlite3_free(sql);
	return hits;
}

struct qstats {
	double median, p99; /* milliseconds */
	long hits;
};

static int have_lang(const char *lang)
{
	for (size_t i = 0; i < nlangs; i++)
		if (!strcmp(langs[i].lang, lang))
			return 1;
	return 0;
}

static int verbose;

static struct qstats run_queries(sqlite3 *db)
{
	size_t total = nqueries * QUERY_RUNS, k = 0;
	double *all = malloc(total * sizeof *all), *mine = malloc(QUERY_RUNS * sizeof *mine);
	double *medians = malloc((nqueries + 1) * sizeof *medians);
	struct qstats s = {0, 0, 0};
	size_t counted = 0;
	for (size_t i = 0; i < nqueries; i++) {
		if (!have_lang(queries[i].lang))
			continue;
		for (int r = 0; r < QUERY_RUNS; r++) {
			int hits = search(db, &queries[i], &mine[r]);
			if (r == 0)
				s.hits += hits;
			all[k++] = mine[r] * 1e3;
		}
		medians[counted++] = median(mine, QUERY_RUNS) * 1e3;
		if (verbose)
			printf("    %-8.3f ms  %s: %s\n", medians[counted - 1], queries[i].lang,
			       queries[i].typed);
	}
	s.median = median(medians, counted);
	s.p99 = percentile(all, k, 0.99);
	free(all), free(mine), free(medians);
	return s;
}

/* ---- Recall ----------------------------------------------------------- */

struct judgement {
	char lang[8];
	char *match, *text;
};

static struct judgement *judged;
static size_t njudged;

static void load_recall(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die(path, "cannot open");
	char line[4096];
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		char *q = strchr(line, '\t'), *t = q ? strchr(q + 1, '\t') : NULL;
		if (line[0] == '#' || !t)
			continue;
		*q++ = '\0', *t++ = '\0';
		struct corpus_parsed_query pq;
		char err[256];
		if (corpus_query_parse(q, &pq, err, sizeof err) < 0 || !pq.match)
			die(q, err);
		judged = realloc(judged, (njudged + 1) * sizeof *judged);
		struct judgement *j = &judged[njudged++];
		snprintf(j->lang, sizeof j->lang, "%.7s", line);
		j->match = strdup(pq.match);
		j->text = strdup(t);
		corpus_query_free(&pq);
	}
	fclose(f);
}

/*
 * How many judged texts their query finds, each text indexed among those of
 * its language; per_lang receives "en 5/6, fr 4/4, …".
 */
static int recall(int treaty, char *per_lang, size_t len)
{
	sqlite3 *db = open_db();
	int found = 0;
	for (size_t i = 0; i < njudged; i++) {
		char *sql =
		    sqlite3_mprintf("CREATE VIRTUAL TABLE IF NOT EXISTS r_%s USING fts5(x, "
		                    "tokenize=%Q); INSERT INTO r_%s(rowid, x) VALUES (%d, %Q)",
		                    judged[i].lang, spec(treaty, judged[i].lang), judged[i].lang,
		                    (int)i + 1, judged[i].text);
		exec(db, sql);
		sqlite3_free(sql);
	}
	int *hit = calloc(njudged + 1, sizeof *hit);
	for (size_t i = 0; i < njudged; i++) {
		sqlite3_stmt *st;
		char *sql = sqlite3_mprintf("SELECT 1 FROM r_%s WHERE r_%s MATCH ?1 AND rowid = %d",
		                            judged[i].lang, judged[i].lang, (int)i + 1);
		if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
			die(sql, sqlite3_errmsg(db));
		sqlite3_bind_text(st, 1, judged[i].match, -1, SQLITE_STATIC);
		hit[i] = sqlite3_step(st) == SQLITE_ROW;
		found += hit[i];
		sqlite3_finalize(st);
		sqlite3_free(sql);
	}
	per_lang[0] = '\0';
	for (size_t i = 0; i < njudged; i++) {
		int first = 1, n = 0, f = 0;
		for (size_t k = 0; k < njudged; k++) {
			if (strcmp(judged[k].lang, judged[i].lang) != 0)
				continue;
			first &= k >= i;
			n++, f += hit[k];
		}
		if (!first)
			continue;
		size_t used = strlen(per_lang);
		snprintf(per_lang + used, len - used, "%s%s %d/%d", used ? ", " : "",
		         judged[i].lang, f, n);
	}
	free(hit);
	sqlite3_close(db);
	return found;
}

/* ---- Main ------------------------------------------------------------- */

static void usage(void)
{
	fprintf(stderr, "usage: tokenizer-bench [-v] [-n REPEAT] [-q QUERIES] [-r RECALL] "
	                "LANG:FILE...\n");
	exit(2);
}

static void line3(const char *what, double u, double t, int higher_better)
{
	printf("  %-30s %12.3f %12.3f %9.2f%s\n", what, u, t, u > 0 ? t / u : 0,
	       higher_better ? "" : "  (time: lower is better)");
}

int main(int argc, char **argv)
{
	int repeat = 1, c;
	const char *qpath = NULL, *rpath = NULL;
	while ((c = getopt(argc, argv, "n:q:r:v")) != -1) {
		if (c == 'v')
			verbose = 1;
		else if (c == 'n')
			repeat = atoi(optarg) > 0 ? atoi(optarg) : 1;
		else if (c == 'q')
			qpath = optarg;
		else if (c == 'r')
			rpath = optarg;
		else
			usage();
	}
	if (optind == argc && !rpath)
		usage();
	for (int i = optind; i < argc; i++)
		load(argv[i]);
	if (qpath)
		load_queries(qpath);
	if (rpath)
		load_recall(rpath);

	size_t bytes = 0, nrows = 0;
	for (size_t l = 0; l < nlangs; l++)
		bytes += langs[l].bytes * (size_t)repeat, nrows += langs[l].n * (size_t)repeat;
	printf("rows: %zu (%.2f MB) in", nrows, bytes / 1e6);
	for (size_t l = 0; l < nlangs; l++)
		printf(" %s %.0f KB%s", langs[l].lang, langs[l].bytes / 1e3,
		       l + 1 < nlangs ? "," : "");
	printf("; repeated %d times\n", repeat);
	printf("  %-30s %12s %12s %9s\n", "", "unicode61", "treaty", "ratio");

	if (nlangs) {
		int runs = repeat >= 20 ? 3 : INDEX_RUNS;
		double tok[2][INDEX_RUNS], idx[2][INDEX_RUNS], lang_idx[2][MAX_LANGS][INDEX_RUNS];
		long tokens[2] = {0, 0};
		sqlite3 *kept[2] = {NULL, NULL};
		for (int r = 0; r < runs; r++)
			for (int a = 0; a < 2; a++) {
				sqlite3 *db = open_db();
				double secs[MAX_LANGS];
				tok[a][r] = tokenize_only(db, a, repeat, &tokens[a]);
				build(db, a, repeat, secs);
				idx[a][r] = 0;
				for (size_t l = 0; l < nlangs; l++)
					idx[a][r] += secs[l], lang_idx[a][l][r] = secs[l];
				if (r + 1 == runs)
					kept[a] = db;
				else
					sqlite3_close(db);
			}
		double mb = bytes / 1e6;
		line3("tokenize only, MB/s", mb / median(tok[0], runs), mb / median(tok[1], runs),
		      1);
		line3("index (insert+commit), MB/s", mb / median(idx[0], runs),
		      mb / median(idx[1], runs), 1);
		for (size_t l = 0; l < nlangs; l++) {
			char what[64];
			double lmb = langs[l].bytes * (double)repeat / 1e6;
			snprintf(what, sizeof what, "  index %.7s, MB/s", langs[l].lang);
			line3(what, lmb / median(lang_idx[0][l], runs),
			      lmb / median(lang_idx[1][l], runs), 1);
		}
		printf("  %-30s %12ld %12ld\n", "tokens per pass", tokens[0], tokens[1]);
		if (nqueries) {
			struct qstats qs[2];
			for (int a = 0; a < 2; a++)
				qs[a] = run_queries(kept[a]);
			line3("query median, ms", qs[0].median, qs[1].median, 0);
			line3("query p99, ms", qs[0].p99, qs[1].p99, 0);
			printf("  %-30s %12ld %12ld   (first run of each query, at most 20 "
			       "each)\n",
			       "hits", qs[0].hits, qs[1].hits);
		}
		sqlite3_close(kept[0]);
		sqlite3_close(kept[1]);
	}
	if (njudged) {
		char per[2][512];
		int f0 = recall(0, per[0], sizeof per[0]), f1 = recall(1, per[1], sizeof per[1]);
		printf("  %-30s %8d/%-3zu %8d/%-3zu\n", "recall on goldens", f0, njudged, f1,
		       njudged);
		printf("    unicode61: %s\n    treaty:    %s\n", per[0], per[1]);
	}
	return 0;
}
