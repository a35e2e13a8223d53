/*
 * Search at the scale where its shortcuts matter: a library of generated
 * documents (made-up words, not treaty text) and the bundled corpus when it
 * is there.  A search interrupted at any point fails with "search
 * interrupted" or returns the whole page, never a part of it.  The
 * vocabulary kept at import is FTS5's, after imports, removals and the
 * migration of an old library; and a page read from the terms' lists is the
 * page of the full search (rows of equal score aside), for every term alone
 * and for pairs and triples, filtered or not, including when removals have
 * shortened the lists.  A store that keeps its statements from search to
 * search finds what a store opened afresh finds, also after an import made
 * the table of a new language.
 */
#include "corpus/corpus.h"
#include "corpus/rank.h"
#include "corpus/store-internal.h"
#include "tests/tap.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/treaty-search-test.XXXXXX";

/* Made-up words; the first ones come up far more often than the last. */
static const char *const words[] = {
    "alpha", "bravo", "carbo", "delta", "ember", "fjord", "gamma", "hotel", "indigo", "jolly",
    "kilo",  "lumen", "mango", "nadir", "omega", "pluto", "quark", "rover", "sigma",  "tango",
    "umbra", "vigor", "waltz", "xenon", "yodel", "zebra", "amber", "basil", "cedar",  "dingo",
    "egret", "fable", "gusto", "hazel", "ionic", "joule", "koala", "llama", "maple",  "noble",
};
#define NWORDS (sizeof words / sizeof words[0])

static unsigned long rng = 12345;

static unsigned next(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

/* A word, frequent ones more likely: the smaller of two draws. */
static const char *word(void)
{
	unsigned a = next(NWORDS), b = next(NWORDS);
	return words[a < b ? a : b];
}

static void sentence(char *out, size_t cap, int nwords)
{
	size_t len = 0;
	out[0] = '\0';
	for (int i = 0; i < nwords && len + 16 < cap; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s%s", i ? " " : "", word());
}

/* Document number k: articles with a heading and paragraphs of generated words. */
static void make_doc(struct corpus_document *d, int k, const char *lang)
{
	char id[32], eid[64], text[1024];
	snprintf(id, sizeof id, "gen%d", k);
	memset(d, 0, sizeof *d);
	d->id = strdup(id);
	d->lang = strdup(lang);
	d->kind = strdup("convention");
	d->title = strdup("Generated");
	d->prov = calloc(64, sizeof *d->prov);
	for (int a = 0; a < 8; a++) {
		struct corpus_provision *p = &d->prov[d->n++];
		int art = (int)d->n - 1;
		snprintf(eid, sizeof eid, "art_%d", a + 1);
		p->eid = strdup(eid);
		p->parent = -1;
		p->kind = CORPUS_ARTICLE;
		sentence(text, sizeof text, 1 + (int)next(3));
		p->heading = strdup(text);
		p->text = strdup("");
		for (int q = 0; q < 3; q++) {
			p = &d->prov[d->n++];
			snprintf(eid, sizeof eid, "art_%d__para_%d", a + 1, q + 1);
			p->eid = strdup(eid);
			p->parent = art;
			p->kind = CORPUS_PARAGRAPH;
			sentence(text, sizeof text, 3 + (int)next(30));
			p->text = strdup(text);
		}
	}
}

static struct corpus_store *open_library(void)
{
	char lib[256], err[512];
	const char *corpus = getenv("TREATY_CORPUS");
	snprintf(lib, sizeof lib, "%s/data/treaty/library.db", dir);
	struct corpus_store *s = corpus_store_open(corpus, lib, err, sizeof err);
	if (!s)
		tap_diag("open: %s", err);
	return s;
}

static int import_generated(struct corpus_store *s, int ndocs)
{
	char err[512];
	for (int k = 0; k < ndocs; k++) {
		struct corpus_document d;
		make_doc(&d, k, k % 3 == 2 ? "nl" : "en");
		int rc = corpus_store_import(s, &d, err, sizeof err);
		corpus_document_free(&d);
		if (rc < 0) {
			tap_diag("import: %s", err);
			return -1;
		}
	}
	return 0;
}

/* Two pages as one text: provision, languages and score of every hit. */
static char *page_text(const struct corpus_hit *h, size_t n)
{
	size_t cap = 64 + n * 128, len = 0;
	char *out = malloc(cap);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, cap - len, "%s/%s/%s %.9g\n", h[i].doc, h[i].eid,
		                        h[i].langs, h[i].score);
	return out;
}

static int stop_after, calls;

static int interrupt_at(void *unused)
{
	(void)unused;
	return ++calls >= stop_after;
}

/*
 * Interrupted at its k-th progress call for every k, the handler called
 * every 10 steps and at every step: a whole page or "search interrupted",
 * and no transaction left open either way.
 */
static void interrupts(struct corpus_store *s, const char *text)
{
	sqlite3 *db = corpus_store_db(s);
	struct corpus_query q = {text, NULL, NULL, 20, NULL};
	struct corpus_hit *h;
	size_t n;
	char err[512];
	if (corpus_search(s, &q, &h, &n, err, sizeof err) != 0) {
		tap_ok(0, "%s: %s", text, err);
		return;
	}
	char *want = page_text(h, n);
	corpus_hit_free(h, n);
	int wrong = 0, stopped = 0, open = 0;
	for (int period = 10; period > 0; period -= 9) {
		for (int k = 1; k < 1000000; k += 1 + k / 16) {
			stop_after = k, calls = 0;
			sqlite3_progress_handler(db, period, interrupt_at, NULL);
			int rc = corpus_search(s, &q, &h, &n, err, sizeof err);
			sqlite3_progress_handler(db, 0, NULL, NULL);
			open += !sqlite3_get_autocommit(db);
			if (!sqlite3_get_autocommit(db))
				sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
			if (rc < 0) {
				stopped++;
				wrong += strcmp(err, "search interrupted") != 0;
				if (strcmp(err, "search interrupted") != 0)
					tap_diag("at %d: %s", k, err);
				continue;
			}
			char *got = rc == 0 ? page_text(h, n) : NULL;
			if (rc == 0)
				corpus_hit_free(h, n);
			wrong += !got || strcmp(got, want) != 0;
			free(got);
			if (calls < stop_after)
				break; /* it ran to the end without being stopped */
		}
	}
	free(want);
	tap_ok(stopped > 0 && wrong == 0 && open == 0,
	       "%s: interrupted at %d points, each a failure or the whole page (%d wrong), %d"
	       " transactions left open",
	       text, stopped, wrong, open);
}

/* Every page of queries on s as one text, snippets and headings included; NULL on a failure. */
static char *pages(struct corpus_store *s, const char *const *queries, size_t nq)
{
	size_t cap = 1 << 16, len = 0;
	char *out = malloc(cap), err[512];
	out[0] = '\0';
	for (size_t i = 0; i < nq; i++) {
		struct corpus_query q = {queries[i], NULL, NULL, 20, NULL};
		struct corpus_hit *h;
		size_t n;
		int rc = corpus_search(s, &q, &h, &n, err, sizeof err);
		if (rc < 0) {
			tap_diag("%s: %s", queries[i], err);
			free(out);
			return NULL;
		}
		for (size_t k = 0; rc == 0 && k < n; k++) {
			size_t need = len + strlen(h[k].heading ? h[k].heading : "") +
			              strlen(h[k].snippet ? h[k].snippet : "") + 256;
			if (need > cap)
				out = realloc(out, cap = 2 * need);
			len += (size_t)snprintf(out + len, cap - len, "%s %s/%s/%s %.9g [%s] %s\n",
			                        queries[i], h[k].doc, h[k].eid, h[k].langs,
			                        h[k].score, h[k].heading ? h[k].heading : "",
			                        h[k].snippet ? h[k].snippet : "");
		}
		if (rc == 0)
			corpus_hit_free(h, n);
		else
			len += (size_t)snprintf(out + len, cap - len, "%s: %s\n", queries[i], err);
	}
	return out;
}

/*
 * Searches on one store, an import of a document in a language the library
 * had no table for, and the same searches again: what a store opened afresh
 * finds, snippets included.
 */
static void kept_statements(struct corpus_store *s)
{
	static const char *const queries[] = {
	    "alpha",           "bravo carbo",      "gam*",
	    "\"delta ember\"", "fjord OR hotel",   "alpha -kilo",
	    "lumen doc:gen3",  "mango art:2",      "alpha lang:fr",
	    "alphx",           "indigo jolly kilo"};
	size_t nq = sizeof queries / sizeof *queries;
	char err[512];
	char *before = NULL, *after = NULL, *fresh = NULL;
	for (int round = 0; round < 3; round++) {
		free(before);
		before = pages(s, queries, nq);
	}
	struct corpus_document d;
	make_doc(&d, 100, "fr"); /* made-up words, as every generated document */
	int rc = corpus_store_import(s, &d, err, sizeof err);
	corpus_document_free(&d);
	if (rc < 0)
		tap_diag("import: %s", err);
	after = pages(s, queries, nq);
	struct corpus_store *t = open_library();
	fresh = t ? pages(t, queries, nq) : NULL;
	corpus_store_close(t);
	tap_ok(rc == 0 && before && after && fresh && strcmp(after, fresh) == 0 &&
	           strcmp(before, after) != 0 && strstr(after, "/fr"),
	       "searches on one store, before and after an import in a new language, find what a"
	       " fresh store finds");
	free(before), free(after), free(fresh);
}

/* Rows of sql's one count column, or -1. */
static long count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long n = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		tap_diag("%s: %s", sql, sqlite3_errmsg(db));
		return -1;
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/*
 * The vocabulary kept at import is FTS5's own: the same terms with the same
 * row counts as fts5vocab finds by reading the index, and the row count of
 * the language is the provisions'.
 */
static void vocabulary(struct corpus_store *s, const char *schema, const char *lang,
                       const char *when)
{
	sqlite3 *db = corpus_store_db(s);
	char *sql = sqlite3_mprintf(
	    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_%s_%s USING fts5vocab(%s, fts_%s, 'row')",
	    schema, lang, schema, lang);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT count(*) FROM (SELECT term, doc FROM temp.v_%s_%s EXCEPT"
	                      " SELECT term, ndocs FROM %s.rank_term WHERE lang = %Q)",
	                      schema, lang, schema, lang);
	long missing = count(db, sql);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT count(*) FROM (SELECT term, ndocs FROM %s.rank_term"
	                      " WHERE lang = %Q EXCEPT SELECT term, doc FROM temp.v_%s_%s)",
	                      schema, lang, schema, lang);
	long extra = count(db, sql);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT count(*) FROM %s.rank_term WHERE lang = %Q", schema, lang);
	long terms = count(db, sql);
	sqlite3_free(sql);
	sql = sqlite3_mprintf("SELECT (SELECT count(*) FROM %s.provision WHERE lang = %Q) ="
	                      " (SELECT nrows FROM %s.rank_lang WHERE lang = %Q)",
	                      schema, lang, schema, lang);
	long rows = count(db, sql);
	sqlite3_free(sql);
	tap_ok(terms > 0 && missing == 0 && extra == 0 && rows == 1,
	       "%s %s %s: %ld terms as FTS5 has them (%ld missing, %ld more), rows counted", when,
	       schema, lang, terms, missing, extra);
}

/* Every entry of every list of main is a first row (rank.h's twins are left out). */
static void lists_hold_first_rows(struct corpus_store *s, const char *when)
{
	sqlite3 *db = corpus_store_db(s);
	sqlite3_stmt *lists, *rep;
	long entries = 0, twins = 0, missing = 0;
	if (sqlite3_prepare_v2(db, "SELECT entries FROM main.rank_list", -1, &lists, NULL) !=
	        SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rep FROM main.rank_row WHERE rowid = ?1", -1, &rep,
	                       NULL) != SQLITE_OK) {
		tap_ok(0, "%s: the lists can be read: %s", when, sqlite3_errmsg(db));
		return;
	}
	while (sqlite3_step(lists) == SQLITE_ROW) {
		const unsigned char *b = sqlite3_column_blob(lists, 0);
		int n = sqlite3_column_bytes(lists, 0) / 16;
		for (int i = 0; i < n; i++, entries++) {
			struct corpus_rank_entry e;
			corpus_rank_entry_get(b, i, &e);
			sqlite3_reset(rep);
			sqlite3_bind_int64(rep, 1, e.rowid);
			if (sqlite3_step(rep) != SQLITE_ROW)
				missing++;
			else if (sqlite3_column_int64(rep, 0) != e.rowid)
				twins++;
		}
	}
	sqlite3_finalize(lists);
	sqlite3_finalize(rep);
	tap_ok(entries > 0 && twins == 0 && missing == 0,
	       "%s: the lists' %ld entries are first rows (%ld twins, %ld unknown)", when, entries,
	       twins, missing);
}

/*
 * Whether FTS5's 'merge' command finds work in lang's index of main, the
 * change undone: with a positive count and 'usermerge' 2, when a level
 * holds two segments or more; with a negative one, when the index has more
 * than one segment.  Its documented test: fewer than two changes, no work.
 * -1 on an error.
 */
static int merge_work(sqlite3 *db, const char *lang, int pages)
{
	char *set = sqlite3_mprintf("SAVEPOINT probe;"
	                            " INSERT INTO main.fts_%s(fts_%s, rank) VALUES('usermerge', 2)",
	                            lang, lang);
	char *merge = sqlite3_mprintf("INSERT INTO main.fts_%s(fts_%s, rank) VALUES('merge', %d)",
	                              lang, lang, pages);
	int rc = sqlite3_exec(db, set, NULL, NULL, NULL), work = 0;
	if (rc == SQLITE_OK) {
		int before = sqlite3_total_changes(db);
		rc = sqlite3_exec(db, merge, NULL, NULL, NULL);
		work = sqlite3_total_changes(db) - before >= 2;
	}
	sqlite3_free(set);
	sqlite3_free(merge);
	sqlite3_exec(db, "ROLLBACK TO probe; RELEASE probe", NULL, NULL, NULL);
	return rc == SQLITE_OK ? work : -1;
}

static int level_pairs(struct corpus_store *s, const char *lang)
{
	return merge_work(corpus_store_db(s), lang, 1);
}

static int several_segments(struct corpus_store *s, const char *lang)
{
	return merge_work(corpus_store_db(s), lang, -1);
}

/*
 * gen0's rows of fts_en deleted and put back, a transaction each, without the
 * policy: a segment each on the first level, as imports left them before it.
 */
static void old_segments(struct corpus_store *s)
{
	for (int i = 0; i < 3; i++)
		sqlite3_exec(corpus_store_db(s),
		             "BEGIN; INSERT INTO main.fts_en(fts_en, rowid, heading, text) SELECT"
		             " 'delete', rowid, heading, text FROM main.provision WHERE doc='gen0'"
		             " AND lang='en'; INSERT INTO main.fts_en(rowid, heading, text) SELECT"
		             " rowid, heading, text FROM main.provision WHERE doc='gen0' AND"
		             " lang='en'; COMMIT",
		             NULL, NULL, NULL);
}

static const char *const merge_queries[] = {
    "alpha",        "bravo carbo",    "gam*",        "\"delta ember\"",   "fjord OR hotel",
    "alpha -kilo",  "lumen doc:gen3", "mango art:2", "indigo jolly kilo", "alphx",
    "zebra lang:nl"};

/*
 * The merge policy (corpus/fts-merge.c): every import leaves no level of an
 * index with two segments; a batch that grew a language by a quarter or more
 * ends with its index in one segment, and the same pages, snippets
 * included, as from several; a smaller one leaves it as it was.
 */
static void merge_policy(struct corpus_store *s)
{
	size_t nq = sizeof merge_queries / sizeof *merge_queries;
	char err[512];
	tap_ok(level_pairs(s, "en") == 0 && level_pairs(s, "nl") == 0,
	       "imports one by one leave no level of an index with two segments");
	old_segments(s);
	tap_ok(several_segments(s, "en") == 1, "an index in several segments");
	char *before = pages(s, merge_queries, nq);
	tap_ok(corpus_store_optimize(s, err, sizeof err) == 0, "a batch's end: %s", err);
	tap_ok(several_segments(s, "en") == 0 && several_segments(s, "nl") == 0,
	       "a batch that made the library leaves each index in one segment");
	char *after = pages(s, merge_queries, nq);
	tap_ok(before && after && strcmp(before, after) == 0 && strlen(before) > 1000,
	       "the same pages and snippets from one segment as from several");
	free(before), free(after);
	struct corpus_document d;
	make_doc(&d, 60, "en");
	int rc = corpus_store_import(s, &d, err, sizeof err);
	corpus_document_free(&d);
	tap_ok(rc == 0 && corpus_store_optimize(s, err, sizeof err) == 0 &&
	           several_segments(s, "en") == 1 && level_pairs(s, "en") == 0,
	       "a batch that adds less than a quarter leaves the index in its segments");
}

/*
 * A library made before the policy, its index in segments that share
 * levels, is merged at its next write, whatever the language written.
 */
static void merge_old_library(struct corpus_store *s)
{
	char err[512];
	old_segments(s);
	tap_ok(level_pairs(s, "en") == 1, "an index as a library before the policy has it");
	struct corpus_document d;
	make_doc(&d, 61, "nl");
	tap_ok(corpus_store_import(s, &d, err, sizeof err) == 0 && level_pairs(s, "en") == 0,
	       "merged at the library's next import, in another language");
	corpus_document_free(&d);
}

/* An old library (schema 4, no rank tables) is brought up to date when opened. */
static struct corpus_store *migrate(struct corpus_store *s)
{
	char lib[256];
	corpus_store_close(s);
	snprintf(lib, sizeof lib, "%s/data/treaty/library.db", dir);
	sqlite3 *db;
	if (sqlite3_open(lib, &db) == SQLITE_OK)
		sqlite3_exec(db,
		             "DROP TABLE rank_lang; DROP TABLE rank_term; DROP TABLE rank_list;"
		             " DROP TABLE rank_row; PRAGMA user_version = 4",
		             NULL, NULL, NULL);
	sqlite3_close(db);
	s = open_library();
	if (!s)
		return NULL;
	tap_ok(count(corpus_store_db(s), "PRAGMA main.user_version") == 7,
	       "an old library is migrated when opened");
	/* Version 6 had the rank tables but not the rows' words. */
	corpus_store_close(s);
	if (sqlite3_open(lib, &db) == SQLITE_OK)
		sqlite3_exec(db, "DROP TABLE rank_row; PRAGMA user_version = 6", NULL, NULL, NULL);
	sqlite3_close(db);
	s = open_library();
	if (!s)
		return NULL;
	tap_ok(count(corpus_store_db(s), "PRAGMA main.user_version") == 7 &&
	           count(corpus_store_db(s), "SELECT count(*) FROM main.rank_row") ==
	               count(corpus_store_db(s), "SELECT count(*) FROM main.provision"),
	       "a library of version 6 gets the rows' words when opened");
	return s;
}

/* Pages of the same search the two ways; ties of score may be ordered or cut differently. */
static int same_page(const struct corpus_hit *a, size_t na, const struct corpus_hit *b, size_t nb,
                     int *tied)
{
	char *ta = page_text(a, na), *tb = page_text(b, nb);
	int same = strcmp(ta, tb) == 0;
	free(ta), free(tb);
	if (same)
		return 1;
	if (na != nb)
		return 0;
	for (size_t i = 0; i < na; i++)
		if (a[i].score != b[i].score)
			return 0;
	/* Every provision above the last score of the page is on both, at the same score. */
	for (size_t i = 0; i < na; i++) {
		if (a[i].score == a[na - 1].score)
			continue;
		size_t k = 0;
		while (k < nb && (strcmp(a[i].doc, b[k].doc) || strcmp(a[i].eid, b[k].eid) ||
		                  a[i].score != b[k].score))
			k++;
		if (k == nb)
			return 0;
	}
	(*tied)++;
	return 1;
}

static int search_both(struct corpus_store *s, const char *text, int limit, int *tied)
{
	struct corpus_query q = {text, NULL, NULL, limit, NULL};
	struct corpus_hit *h1 = NULL, *h2 = NULL;
	size_t n1 = 0, n2 = 0;
	char e1[512] = "", e2[512] = "";
	s->search_full = 1;
	int r1 = corpus_search(s, &q, &h1, &n1, e1, sizeof e1);
	s->search_full = 0;
	int r2 = corpus_search(s, &q, &h2, &n2, e2, sizeof e2);
	int same = r1 == r2 && (r1 != 0 || same_page(h1, n1, h2, n2, tied)) &&
	           (r1 == 0 || strcmp(e1, e2) == 0);
	if (!same) {
		char *p1 = r1 == 0 ? page_text(h1, n1) : NULL,
		     *p2 = r2 == 0 ? page_text(h2, n2) : NULL;
		tap_diag("%s (limit %d): full %d %s\n%s-- lists %d %s\n%s", text, limit, r1, e1,
		         p1 ? p1 : "", r2, e2, p2 ? p2 : "");
		free(p1), free(p2);
	}
	if (r1 == 0)
		corpus_hit_free(h1, n1);
	if (r2 == 0)
		corpus_hit_free(h2, n2);
	return same;
}

/*
 * Every stride-th term of the vocabularies alone, and pairs and triples of
 * them, with and without filters: the same page from the lists as in full.
 */
static void equivalence(struct corpus_store *s, const char *when, size_t stride)
{
	sqlite3 *db = corpus_store_db(s);
	const char *sql = corpus_store_has_bundled(s)
	                      ? "SELECT term FROM main.rank_term UNION SELECT term FROM"
	                        " bundled.rank_term ORDER BY 1"
	                      : "SELECT DISTINCT term FROM main.rank_term ORDER BY 1";
	static const char *const filters[] = {
	    "",         "",       " doc:tie12",    " doc:gen3",
	    " lang:nl", " art:2", " doc:budapest", " art:\"2(1)\""};
	sqlite3_stmt *st;
	char **terms = NULL;
	size_t n = 0, cap = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (strchr(t, '"'))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			terms = realloc(terms, cap * sizeof *terms);
		}
		terms[n++] = strdup(t);
	}
	sqlite3_finalize(st);
	unsigned long lists = s->search_lists;
	int queries = 0, wrong = 0, tied = 0;
	char text[512];
	for (size_t i = 0; i < n; i += stride, queries++) {
		snprintf(text, sizeof text, "\"%s\"%s", terms[i], filters[i % 8]);
		wrong += !search_both(s, text, i % 5 ? 20 : 3, &tied);
	}
	for (int i = 0; n && i < 1000 / (int)stride; i++, queries++) {
		const char *a = terms[next((unsigned)n)], *b = terms[next((unsigned)n)];
		/* made-up words often, for pairs that match */
		if (i % 2)
			a = word(), b = word();
		if (i % 5 == 4)
			snprintf(text, sizeof text, "\"%s\" \"%s\" %s%s", a, b, word(),
			         filters[i % 8]);
		else
			snprintf(text, sizeof text, "\"%s\" \"%s\"%s", a, b, filters[i % 8]);
		/* short pages stop early in long lists: the threshold is what is tested then */
		wrong += !search_both(s, text, i % 2 ? 1 + i % 5 : 20, &tied);
	}
	unsigned long answered = s->search_lists - lists;
	tap_ok(wrong == 0 && answered * 4 > (unsigned long)queries,
	       "%s: %d searches the same from the lists as in full (%lu answered from the lists,"
	       " %d differ only among equal scores), %d differ",
	       when, queries, answered, tied, wrong);
	for (size_t i = 0; i < n; i++)
		free(terms[i]);
	free(terms);
}

/* The first hit of text (its doc and eid into first) and how many there are; -1 on an error. */
static int first_hit(struct corpus_store *s, const char *text, char *first, size_t cap)
{
	struct corpus_query q = {text, NULL, NULL, 20, NULL};
	struct corpus_hit *h;
	size_t n;
	char err[512];
	if (corpus_search(s, &q, &h, &n, err, sizeof err) != 0)
		return -1;
	snprintf(first, cap, "%s/%s", n ? h[0].doc : "", n ? h[0].eid : "");
	corpus_hit_free(h, n);
	return (int)n;
}

/*
 * The benchmark's copies (bench/run writes every text a thousand times): P
 * headed "xyzzy", Q headed "plugh" and R, whose text holds both, each copied
 * more often than a list holds rows.  The best rows of either word are
 * copies of P or of Q, and only R holds both: the lists can answer only by
 * holding one row of each provision's copies (rank.h's twins).  Removing the
 * first copies makes the next ones first, in rank_row and in the lists.
 */
static void ties(struct corpus_store *s)
{
	static const char *const heading[] = {"xyzzy", "plugh", "frotz"};
	static const char *const text[] = {"alpha bravo carbo", "delta ember fjord",
	                                   "gamma xyzzy hotel plugh indigo"};
	char err[512] = "", id[16], first[64];
	int ok = 1, tied = 0;
	for (int k = 0; k < 300 && ok; k++) {
		struct corpus_document d = {0};
		snprintf(id, sizeof id, "tie%d", k);
		d.id = strdup(id), d.lang = strdup("en"), d.kind = strdup("convention");
		d.title = strdup("Ties");
		d.prov = calloc(3, sizeof *d.prov);
		for (int a = 0; a < 3; a++) {
			struct corpus_provision *p = &d.prov[d.n++];
			char eid[16];
			snprintf(eid, sizeof eid, "art_%d", a + 1);
			*p = (struct corpus_provision){.eid = strdup(eid),
			                               .parent = -1,
			                               .kind = CORPUS_ARTICLE,
			                               .heading = strdup(heading[a]),
			                               .text = strdup(text[a])};
		}
		ok = corpus_store_import(s, &d, err, sizeof err) == 0;
		corpus_document_free(&d);
	}
	tap_ok(ok, "300 copies of three provisions imported %s", err);
	for (int round = 0; round < 2; round++) {
		unsigned long lists = s->search_lists;
		int same = search_both(s, "xyzzy plugh", 20, &tied);
		tap_ok(same && s->search_lists == lists + 1,
		       "%s: the lists answer a pair that only copies of one provision hold, as the"
		       " full search does",
		       round ? "the first 10 copies removed" : "300 copies");
		tap_is_int(first_hit(s, "xyzzy plugh", first, sizeof first), 20,
		           "a page of 20 copies");
		tap_is_str(first, round ? "tie10/art_3" : "tie0/art_3", "the first copy first");
		for (int k = 0; k < 10 && !round; k++) {
			snprintf(id, sizeof id, "tie%d", k);
			corpus_store_remove(s, id, err, sizeof err);
		}
	}
	sqlite3 *db = corpus_store_db(s);
	tap_ok(count(db, "SELECT count(*) FROM main.rank_row r WHERE rep !="
	                 " (SELECT min(rowid) FROM main.rank_row b WHERE b.sig = r.sig)") == 0 &&
	           count(db, "SELECT count(*) FROM main.provision p WHERE NOT EXISTS"
	                     " (SELECT 1 FROM main.rank_row r WHERE r.rowid = p.rowid)") == 0 &&
	           count(db, "SELECT count(*) FROM main.rank_row r WHERE NOT EXISTS"
	                     " (SELECT 1 FROM main.provision p WHERE p.rowid = r.rowid)") == 0,
	       "rank_row: one row for every provision, each with the first of its words");
}

int main(void)
{
	if (!mkdtemp(dir))
		return 99;
	struct corpus_store *s = open_library();
	tap_ok(s != NULL, "library opened");
	if (s && import_generated(s, 60) == 0) {
		merge_policy(s);
		merge_old_library(s);
		interrupts(s, "alpha");
		interrupts(s, "bravo carbo");
		interrupts(s, "gam*");
		vocabulary(s, "main", "en", "imported");
		vocabulary(s, "main", "nl", "imported");
		static const char *const bundled[] = {"en", "nl", "ar"};
		for (size_t i = 0; i < 3 && corpus_store_has_bundled(s); i++) {
			char sql[128];
			snprintf(sql, sizeof sql,
			         "SELECT count(*) FROM bundled.sqlite_master WHERE name = 'fts_%s'",
			         bundled[i]);
			if (count(corpus_store_db(s), sql) == 1)
				vocabulary(s, "bundled", bundled[i], "built");
		}
		equivalence(s, "imported", 2);
		ties(s);
		lists_hold_first_rows(s, "300 copies imported, 10 removed");
		kept_statements(s);
		char err[512];
		tap_is_int(corpus_store_remove(s, "gen4", err, sizeof err), 0,
		           "a document removed");
		struct corpus_document d;
		make_doc(&d, 7, "en"); /* gen7 again, its words drawn anew */
		tap_is_int(corpus_store_import(s, &d, err, sizeof err), 0, "a document replaced");
		corpus_document_free(&d);
		for (int k = 10; k < 20; k++) {
			char id[16];
			snprintf(id, sizeof id, "gen%d", k);
			corpus_store_remove(s, id, err, sizeof err);
		}
		tap_ok(level_pairs(s, "en") == 0 && level_pairs(s, "nl") == 0,
		       "removals leave no level of an index with two segments");
		lists_hold_first_rows(s, "after removals");
		vocabulary(s, "main", "en", "after removing and replacing");
		equivalence(s, "after removals", 4);
		s = migrate(s);
		if (s) {
			tap_ok(level_pairs(s, "en") == 0,
			       "an index made again leaves no level with two segments");
			vocabulary(s, "main", "en", "migrated");
			vocabulary(s, "main", "nl", "migrated");
			lists_hold_first_rows(s, "migrated");
			equivalence(s, "migrated", 4);
		}
	}
	corpus_store_close(s);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", dir);
	return tap_done();
}
