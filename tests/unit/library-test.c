/*
 * library-test.c — the personal library shared by several readers: two
 * readers open at once, and a reader open while an import is under way (a
 * write transaction held open), both keep working and see either the old or
 * the new version, never half of one.  Documents are made-up test text.
 */
#include "corpus/corpus.h"
#include "i18n/i18n.h"
#include "tests/tap.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/treaty-library-test.XXXXXX";

/* A small document: one article whose text carries word. */
static int load(const char *id, const char *word, struct corpus_document *d)
{
	char text[256], err[512];
	snprintf(text, sizeof text,
	         "Test Convention\n\nArticle 1\n\nPurpose\n\nEach Party shall test the %s.\n",
	         word);
	struct corpus_load_options o = {.id = id, .lang = "en", .kind = "convention"};
	int rc = corpus_load_text("test.txt", text, strlen(text), &o, d, err, sizeof err);
	if (rc < 0)
		tap_diag("load: %s", err);
	return rc;
}

/* How many library documents a reader sees, or -1 when it cannot read. */
static int count(struct corpus_store *s)
{
	struct corpus_docinfo *docs;
	size_t n, user = 0;
	char err[512];
	if (corpus_list(s, &docs, &n, err, sizeof err) < 0) {
		tap_diag("list: %s", err);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		user += docs[i].user;
	corpus_docinfo_free(docs, n);
	return (int)user;
}

static int found(struct corpus_store *s, const char *word)
{
	struct corpus_hit *hits;
	size_t n;
	char err[512];
	struct corpus_query q = {.text = word};
	int rc = corpus_search(s, &q, &hits, &n, err, sizeof err);
	if (rc == 0)
		corpus_hit_free(hits, n);
	else if (rc < 0)
		tap_diag("search: %s", err);
	return rc == 0 ? (int)n : rc < 0 ? -1 : 0;
}

/* What a search for text that finds nothing suggests, or "" (NULL when it finds the text). */
static char *suggested(struct corpus_store *s, const char *text)
{
	struct corpus_hit *hits;
	size_t n;
	char err[512], *better = NULL;
	struct corpus_query q = {.text = text, .suggestion = &better};
	int rc = corpus_search(s, &q, &hits, &n, err, sizeof err);
	if (rc == 0)
		corpus_hit_free(hits, n);
	return rc == 0 ? NULL : better ? better : calloc(1, 1);
}

/*
 * "Did you mean" compares with a vocabulary the store keeps in memory: it
 * must see the words of a document imported since, by another store (as by
 * another process) or by the same one.
 */
static void suggestions(struct corpus_store *reader, struct corpus_store *writer)
{
	struct corpus_document d;
	char err[512] = "", *got;
	got = suggested(reader, "quincse");
	tap_ok(got && strcmp(got, "quinces") != 0, "no document has quinces: not suggested (%s)",
	       got ? got : "hits");
	free(got);
	tap_ok(load("fourth", "quinces", &d) == 0 &&
	           corpus_store_import(writer, &d, err, sizeof err) == 0,
	       "another store imports a document with quinces: %s", err);
	corpus_document_free(&d);
	got = corpus_suggest(reader, "quincse", NULL);
	tap_is_str(got ? got : "(none)", "quinces", "the reader now suggests it, outside a search");
	free(got);
	got = suggested(reader, "quincse");
	tap_is_str(got ? got : "hits", "quinces", "and in a search");
	free(got);
	got = suggested(reader, "medlasr");
	tap_ok(got && strcmp(got, "medlars") != 0, "no document has medlars: not suggested (%s)",
	       got ? got : "hits");
	free(got);
	tap_ok(load("fifth", "medlars", &d) == 0 &&
	           corpus_store_import(reader, &d, err, sizeof err) == 0,
	       "the reader imports a document with medlars: %s", err);
	corpus_document_free(&d);
	got = suggested(reader, "medlasr");
	tap_is_str(got ? got : "hits", "medlars", "and suggests it at once");
	free(got);
}

/* A library written before statements (schema 2) gains their columns and keeps its documents. */
static void migrate(void)
{
	char path[256], err[512] = "";
	sqlite3 *db;
	snprintf(path, sizeof path, "%s/old.db", dir);
	sqlite3_open(path, &db);
	int rc = sqlite3_exec(
	    db,
	    "CREATE TABLE document(id TEXT NOT NULL, lang TEXT NOT NULL, kind TEXT NOT NULL,"
	    " title TEXT, symbol TEXT, date TEXT, parent TEXT, authentic INTEGER NOT NULL"
	    " DEFAULT 0, partial INTEGER NOT NULL DEFAULT 0, source TEXT, sha256 TEXT,"
	    " PRIMARY KEY(id, lang));"
	    "CREATE TABLE provision(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL,"
	    " lang TEXT NOT NULL, eid TEXT NOT NULL, parent_eid TEXT, kind TEXT NOT NULL,"
	    " num TEXT, label TEXT, heading TEXT, text TEXT NOT NULL, seq INTEGER NOT NULL,"
	    " depth INTEGER NOT NULL, line INTEGER, UNIQUE(doc, lang, eid));"
	    "INSERT INTO document(id, lang, kind) VALUES('old', 'en', 'convention');"
	    "PRAGMA user_version=2;",
	    NULL, NULL, NULL);
	sqlite3_close(db);
	tap_ok(rc == SQLITE_OK, "a library of schema 2");
	struct corpus_store *s = corpus_store_open(NULL, path, err, sizeof err);
	tap_ok(s && !corpus_store_library_error(s), "opens and is used: %s",
	       s && corpus_store_library_error(s) ? corpus_store_library_error(s) : err);
	if (s)
		tap_is_int(count(s), 1, "its document is listed with the new columns");
	corpus_store_close(s);
}

/* The one integer a query gives, or -1. */
static int one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int notices, stops;

static void count_notice(void *unused)
{
	(void)unused;
	notices++;
}

static int always_stop(void *unused)
{
	(void)unused;
	stops++;
	return 1;
}

static int never_stop(void *unused)
{
	(void)unused;
	return 0;
}

/* The library's schema version and documents, read without a store; -1 when it cannot be. */
static int version_of(const char *lib, int *docs)
{
	sqlite3 *db;
	int v = -1;
	*docs = -1;
	if (sqlite3_open(lib, &db) == SQLITE_OK) {
		v = one_int(db, "PRAGMA user_version");
		*docs = one_int(db, "SELECT count(DISTINCT id) FROM document");
	}
	sqlite3_close(db);
	return v;
}

/*
 * A library of schema 6 (no rank_row) opened: the user is told before it is
 * brought up to date, and asked now and then whether to stop; stopped, it is
 * left as it was and not in use; not stopped, it is brought up to date.
 */
static void upgrade(const char *lib, int docs)
{
	char err[512] = "";
	sqlite3 *db;
	int now;
	if (sqlite3_open(lib, &db) == SQLITE_OK)
		sqlite3_exec(db, "DROP TABLE rank_row; PRAGMA user_version=6", NULL, NULL, NULL);
	sqlite3_close(db);
	tap_is_int(version_of(lib, &now), 6, "a library of schema 6");
	corpus_set_upgrade_notice(count_notice, always_stop, NULL);
	struct corpus_store *s = corpus_store_open(NULL, lib, err, sizeof err);
	const char *why = s ? corpus_store_library_error(s) : NULL;
	tap_ok(notices == 1 && stops > 0, "the user is told, then asked whether to stop (%d, %d)",
	       notices, stops);
	tap_ok(why && strstr(why, "interrupted"), "stopped, the library is not in use: %s",
	       why ? why : err);
	corpus_store_close(s);
	tap_ok(version_of(lib, &now) == 6 && now == docs, "and is left as it was: %d documents",
	       now);
	notices = 0;
	corpus_set_upgrade_notice(count_notice, never_stop, NULL);
	s = corpus_store_open(NULL, lib, err, sizeof err);
	tap_ok(s && !corpus_store_library_error(s) && notices == 1 && count(s) == docs,
	       "not stopped, it opens with its documents: %s", err);
	corpus_store_close(s);
	corpus_set_upgrade_notice(NULL, NULL, NULL);
	tap_is_int(version_of(lib, &now), 7, "brought up to date");
	s = corpus_store_open(NULL, lib, err, sizeof err);
	tap_ok(s && notices == 1, "and the next open says nothing");
	corpus_store_close(s);
}

/*
 * A library whose index another analysis made (here: an index emptied, and
 * an analysis version that is not this program's) is indexed again when
 * opened, so that its words are found and a removal does not damage it.
 */
static void reanalyse(const char *lib)
{
	char err[512] = "";
	struct corpus_store *s = corpus_store_open(NULL, lib, err, sizeof err);
	if (!tap_ok(s != NULL, "open the library again: %s", err))
		return;
	sqlite3 *db = corpus_store_db(s);
	tap_is_int(one_int(db, "SELECT version FROM main.analysis"), I18N_ANALYSIS_VERSION,
	           "the library records the analysis its index was made with");
	int rc = sqlite3_exec(db,
	                      "INSERT INTO main.fts_en(fts_en) VALUES('delete-all');"
	                      "DELETE FROM main.rank_term; DELETE FROM main.rank_list;"
	                      "UPDATE main.analysis SET version = version + 1",
	                      NULL, NULL, NULL);
	tap_ok(rc == SQLITE_OK, "an index made by another analysis (simulated)");
	tap_is_int(found(s, "apples"), 0, "which does not find the words of the library");
	corpus_store_close(s);

	s = corpus_store_open(NULL, lib, err, sizeof err);
	if (!tap_ok(s && !corpus_store_library_error(s), "the library opens: %s",
	            s && corpus_store_library_error(s) ? corpus_store_library_error(s) : err))
		return;
	db = corpus_store_db(s);
	tap_is_int(one_int(db, "SELECT version FROM main.analysis"), I18N_ANALYSIS_VERSION,
	           "and its index is made again with this analysis");
	tap_is_int(found(s, "apples"), 1, "its words are found again");
	tap_ok(sqlite3_exec(db, "INSERT INTO main.fts_en(fts_en) VALUES('integrity-check')", NULL,
	                    NULL, NULL) == SQLITE_OK,
	       "the index passes FTS5's integrity-check");
	tap_ok(corpus_store_remove(s, "first", err, sizeof err) == 0 &&
	           sqlite3_exec(db, "INSERT INTO main.fts_en(fts_en) VALUES('integrity-check')",
	                        NULL, NULL, NULL) == SQLITE_OK,
	       "and still after a removal: %s", err);
	corpus_store_close(s);
}

int main(void)
{
	char lib[256], err[512] = "";
	struct corpus_document d;
	if (!mkdtemp(dir))
		return 1;
	snprintf(lib, sizeof lib, "%s/library.db", dir);

	struct corpus_store *writer = corpus_store_open(NULL, lib, err, sizeof err);
	tap_ok(writer != NULL, "open the library: %s", writer ? "" : err);
	if (!writer)
		return tap_done();
	tap_ok(load("first", "apples", &d) == 0 &&
	           corpus_store_import(writer, &d, err, sizeof err) == 0,
	       "import a first document");
	corpus_document_free(&d);

	struct corpus_store *r1 = corpus_store_open(NULL, lib, err, sizeof err);
	struct corpus_store *r2 = corpus_store_open(NULL, lib, err, sizeof err);
	tap_ok(r1 && r2, "two readers open the library at once");
	if (!r1 || !r2)
		return tap_done();
	tap_is_int(count(r1), 1, "reader 1 sees the document");
	tap_is_int(count(r2), 1, "reader 2 sees it too");

	/* An import under way: its write transaction is open, not yet committed. */
	sqlite3 *db = corpus_store_db(writer);
	int rc = sqlite3_exec(db,
	                      "BEGIN IMMEDIATE;"
	                      "INSERT INTO main.document(id, lang, kind) VALUES('half', 'en', 'x');"
	                      "DELETE FROM main.provision;",
	                      NULL, NULL, NULL);
	tap_ok(rc == SQLITE_OK, "a write transaction is under way");
	tap_is_int(count(r1), 1, "during it, reader 1 still reads the old library");
	tap_is_int(found(r2, "apples"), 1, "and reader 2 still searches it");
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	tap_is_int(count(r1), 1, "the abandoned write left nothing behind");

	/* A reader in the middle of reading while another import commits. */
	sqlite3 *rdb = corpus_store_db(r1);
	rc = sqlite3_exec(rdb, "BEGIN; SELECT count(*) FROM main.document;", NULL, NULL, NULL);
	tap_ok(rc == SQLITE_OK, "reader 1 holds a read transaction");
	tap_ok(load("second", "pears", &d) == 0 &&
	           corpus_store_import(writer, &d, err, sizeof err) == 0,
	       "an import commits while the reader reads: %s", err);
	corpus_document_free(&d);
	tap_is_int(count(r1), 1, "the reader's snapshot is unchanged");
	sqlite3_exec(rdb, "COMMIT", NULL, NULL, NULL);
	tap_is_int(count(r1), 2, "after it, reader 1 sees the new document");
	tap_is_int(found(r2, "pears"), 1, "and reader 2 finds its words");

	/* A reader can import too; the first store sees the result. */
	tap_ok(load("third", "plums", &d) == 0 && corpus_store_import(r2, &d, err, sizeof err) == 0,
	       "a reader's store imports as well: %s", err);
	corpus_document_free(&d);
	tap_is_int(count(writer), 3, "and every store sees all three");
	suggestions(r1, writer);

	corpus_store_close(r1);
	corpus_store_close(r2);
	corpus_store_close(writer);
	upgrade(lib, 5);
	reanalyse(lib);
	migrate();
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", dir);
	return tap_done();
}
