/*
 * store.c — the SQLite store: the bundled corpus and the user's library.
 *
 * Two databases, one connection.  The user's library is the main database
 * (an in-memory one with the same schema when there is none, so every query
 * has one shape); the bundled corpus, built at make time, is attached
 * read-only as "bundled".  Statements over both are one SELECT a database
 * joined by UNION ALL (corpus_store_each_db), each with its own joins, so
 * that every one uses its tables' indexes.
 *
 * The reader may open the library later (corpus_store_open_deferred): main is
 * then an empty in-memory database, and the library's documents are known
 * from its ids cache (library-ids.h) until something needs the library, or
 * the reader, having painted its first screen, asks for it.  A document the
 * cache lists opens it at once, since the library's version wins.
 *
 * Full-text search uses one FTS5 table per language (fts_en, fts_nl, …),
 * external-content over the provision table: FTS5 cannot hand a tokenizer a
 * per-row language, and stemming must follow the text's language.
 *
 * Every write of a document happens in one transaction; the bundled corpus is
 * written to a temporary file and renamed over the old one only when complete.
 */
#include "corpus/library-ids.h"
#include "corpus/rank.h"
#include "corpus/store-internal.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bumped whenever the schema changes; older or newer databases are refused. */
#define SCHEMA_VERSION 7

/*
 * A document's articles, counted from the index alone: the reader's header
 * says "2/48" on its first screen, before the document is read.
 */
#define PROVISION_ARTICLE_SQL                                                                      \
	"CREATE INDEX IF NOT EXISTS main.provision_article ON provision(doc, lang, seq)"           \
	" WHERE kind='article';"

static const char schema_sql[] =
    "CREATE TABLE IF NOT EXISTS document("
    " id TEXT NOT NULL, lang TEXT NOT NULL, kind TEXT NOT NULL, title TEXT,"
    " symbol TEXT, date TEXT, parent TEXT, authentic INTEGER NOT NULL DEFAULT 0,"
    " partial INTEGER NOT NULL DEFAULT 0, source TEXT, sha256 TEXT,"
    " delegation TEXT, on_behalf_of TEXT, meeting TEXT, agenda_item TEXT, refers_to TEXT,"
    " PRIMARY KEY(id, lang));"
    "CREATE TABLE IF NOT EXISTS provision("
    " rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL, lang TEXT NOT NULL,"
    " eid TEXT NOT NULL, parent_eid TEXT, kind TEXT NOT NULL, num TEXT,"
    " label TEXT, heading TEXT, text TEXT NOT NULL, seq INTEGER NOT NULL,"
    " depth INTEGER NOT NULL, line INTEGER, UNIQUE(doc, lang, eid));"
    "CREATE INDEX IF NOT EXISTS provision_seq ON provision(doc, lang, seq);" PROVISION_ARTICLE_SQL
    /* the I18N_ANALYSIS_VERSION the index was made with */
    "CREATE TABLE IF NOT EXISTS analysis(version INTEGER NOT NULL);" CORPUS_REFS_SCHEMA
        CORPUS_RANK_SCHEMA;

void corpus_set_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	if (!err || !errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

void corpus_search_failed(sqlite3 *db, const char *what, char *err, size_t errlen)
{
	if (sqlite3_errcode(db) == SQLITE_INTERRUPT)
		corpus_set_error(err, errlen, "%s", _("search interrupted"));
	else if (sqlite3_errcode(db) ==
	         SQLITE_CORRUPT) /* FTS5 may say only "vtable constructor failed" */
		corpus_set_error(err, errlen, "%s: %s", what, sqlite3_errstr(SQLITE_CORRUPT));
	else
		corpus_set_error(err, errlen, "%s: %s", what, sqlite3_errmsg(db));
}

char *corpus_strdup(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

char *corpus_column_dup(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? corpus_strdup((const char *)t) : NULL;
}

int corpus_lang_ok(const char *lang)
{
	size_t n = lang ? strlen(lang) : 0;
	if (n < 2 || n > 3)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (lang[i] < 'a' || lang[i] > 'z')
			return 0;
	return 1;
}

static int exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	corpus_set_error(err, errlen, "database: %s", msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

/*
 * The first column of the first row of fmt (one %s, the schema's name), or
 * failed when it cannot run and none when it gives no row.
 */
static int first_int(sqlite3 *db, const char *fmt, const char *schema, int failed, int none)
{
	char sql[96];
	sqlite3_stmt *st;
	int v = none;
	snprintf(sql, sizeof sql, fmt, schema);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return failed;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int schema_version(sqlite3 *db, const char *schema)
{
	return first_int(db, "PRAGMA %s.user_version", schema, -1, -1);
}

/* Nonzero when schema has any table at all (an empty file has none). */
static int has_tables(sqlite3 *db, const char *schema)
{
	return first_int(db, "SELECT count(*) FROM %s.sqlite_master", schema, -1, 0);
}

/* Version 3 added a statement's circumstances to the document table. */
static int migrate_statements(sqlite3 *db, char *err, size_t errlen)
{
	if (exec(db,
	         "BEGIN; ALTER TABLE main.document ADD COLUMN delegation TEXT;"
	         " ALTER TABLE main.document ADD COLUMN on_behalf_of TEXT;"
	         " ALTER TABLE main.document ADD COLUMN meeting TEXT;"
	         " ALTER TABLE main.document ADD COLUMN agenda_item TEXT;"
	         " ALTER TABLE main.document ADD COLUMN refers_to TEXT;"
	         " PRAGMA user_version=3; COMMIT;",
	         err, errlen) == 0)
		return 0;
	exec(db, "ROLLBACK", NULL, 0);
	return -1;
}

/*
 * Version 5 added the rank tables (rank.h), version 7 the rows' words
 * (rank_row), which the lists leave twins out by: made from the library's
 * provisions once, to version.
 */
static int migrate_rank(sqlite3 *db, int version, char *err, size_t errlen)
{
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d; COMMIT", version);
	if (exec(db, "BEGIN; " CORPUS_RANK_SCHEMA, err, errlen) == 0 &&
	    corpus_rank_rebuild(db, err, errlen) == 0 && exec(db, sql, err, errlen) == 0)
		return 0;
	exec(db, "ROLLBACK", NULL, 0);
	return -1;
}

/* The analysis version schema's index was made with; 0 when it does not say. */
static int analysis_version(sqlite3 *db, const char *schema)
{
	return first_int(db, "SELECT max(version) FROM %s.analysis", schema, 0, 0);
}

/*
 * Make the library's index again with this program's analysis, in one
 * transaction: every language's full-text index from its provisions, then the
 * rank tables from those.  A library whose index another analysis made would
 * otherwise miss words in searches, and be damaged by the next removal, since
 * FTS5 finds a row's entries to delete by tokenizing its text again.
 */
static int reindex(sqlite3 *db, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = exec(db, "BEGIN IMMEDIATE", err, errlen);
	if (rc == 0 && sqlite3_prepare_v2(db,
	                                  "SELECT substr(name, 5) FROM main.sqlite_master"
	                                  " WHERE type='table' AND name GLOB 'fts_*'"
	                                  " AND name NOT GLOB 'fts_*_*'",
	                                  -1, &st, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
		rc = -1;
	}
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *lang = (const char *)sqlite3_column_text(st, 0);
		char *sql = sqlite3_mprintf("INSERT INTO main.fts_%s(fts_%s) VALUES('rebuild')",
		                            lang, lang);
		rc = sql && corpus_lang_ok(lang) ? exec(db, sql, err, errlen) : -1;
		sqlite3_free(sql);
	}
	sqlite3_finalize(st);
	char sql[96];
	snprintf(sql, sizeof sql, "DELETE FROM main.analysis; INSERT INTO main.analysis VALUES(%d)",
	         I18N_ANALYSIS_VERSION);
	if (rc == 0 && corpus_rank_rebuild(db, err, errlen) == 0 &&
	    corpus_fts_merge(db, err, errlen) == 0 && exec(db, sql, err, errlen) == 0 &&
	    exec(db, "COMMIT", err, errlen) == 0)
		return 0;
	exec(db, "ROLLBACK", NULL, 0);
	return -1;
}

static void (*upgrade_notice)(void *);
static int (*upgrade_stop)(void *);
static void *upgrade_arg;

void corpus_set_upgrade_notice(void (*notice)(void *arg), int (*stop)(void *arg), void *arg)
{
	upgrade_notice = notice;
	upgrade_stop = stop;
	upgrade_arg = arg;
}

static int stop_upgrade(void *unused)
{
	(void)unused;
	return upgrade_stop && upgrade_stop(upgrade_arg);
}

/*
 * A library is about to be brought up to date on db: *migrated set, the
 * user told once, and asked to stop now and then (the caller takes the
 * progress handler off).
 */
static void upgrading(sqlite3 *db, int *migrated)
{
	if (migrated && *migrated)
		return;
	if (migrated)
		*migrated = 1;
	if (upgrade_notice)
		upgrade_notice(upgrade_arg);
	if (upgrade_stop) /* often: a few rows' steps; the question is a flag read */
		sqlite3_progress_handler(db, 100, stop_upgrade, NULL);
}

/*
 * Create the schema in an empty main database, or check the version of a used
 * one and bring an older one up to date (*migrated set; may be NULL).
 */
static int prepare_main(sqlite3 *db, const char *what, int *migrated, char *err, size_t errlen)
{
	int tables = has_tables(db, "main");
	if (tables < 0) {
		corpus_set_error(err, errlen, _("%s is not a treaty database (%s)"), what,
		                 sqlite3_errmsg(db));
		return -1;
	}
	if (tables > 0) {
		int v = schema_version(db, "main");
		if (v >= 1 && v < SCHEMA_VERSION) {
			upgrading(db, migrated);
			if (v < 3 && migrate_statements(db, err, errlen) < 0)
				return -1;
			/* 2: references; 4: a statement's, into what it discusses, drafts marked */
			if (v < 4 && corpus_refs_migrate(db, 4, err, errlen) < 0)
				return -1;
			if (v < 5 && migrate_rank(db, 5, err, errlen) < 0)
				return -1;
			/* 6: the analysis version, unknown before: the index is made again below */
			if (v < 6 && exec(db,
			                  "CREATE TABLE IF NOT EXISTS main.analysis(version INTEGER"
			                  " NOT NULL); PRAGMA user_version=6",
			                  err, errlen) < 0)
				return -1;
			if (v >= 5 && v < 7 && migrate_rank(db, 7, err, errlen) < 0)
				return -1;
			if (v < 5 && exec(db, "PRAGMA user_version=7", err, errlen) < 0)
				return -1;
			v = SCHEMA_VERSION;
		}
		if (v != SCHEMA_VERSION) {
			corpus_set_error(
			    err, errlen,
			    _("%s has schema version %d; this treaty reads version %d"), what, v,
			    SCHEMA_VERSION);
			return -1;
		}
		/* Libraries made before the articles' index count without it, only slower. */
		exec(db, PROVISION_ARTICLE_SQL, NULL, 0);
		if (analysis_version(db, "main") == I18N_ANALYSIS_VERSION)
			return 0;
		upgrading(db, migrated);
		return reindex(db, err, errlen);
	}
	char sql[sizeof schema_sql + 128];
	snprintf(sql, sizeof sql, "%sINSERT INTO analysis VALUES(%d); PRAGMA user_version=%d;",
	         schema_sql, I18N_ANALYSIS_VERSION, SCHEMA_VERSION);
	return exec(db, sql, err, errlen);
}

/* Open a connection with the tokenizer registered. */
/*
 * The "natural_order" collation: ids as a person reads them, a run of digits by its
 * value ("doc-9" before "doc-10", "x98" before "x979"), everything else byte
 * by byte.  Runs of equal value ("09", "9") are then told apart by their
 * bytes, so that the order is total and a document's rows stay together.
 */
static int natural(void *unused, int na, const void *pa, int nb, const void *pb)
{
	const unsigned char *a = pa, *b = pb;
	int i = 0, j = 0;
	(void)unused;
	while (i < na && j < nb) {
		if (!isdigit(a[i]) || !isdigit(b[j])) {
			if (a[i] != b[j])
				return a[i] < b[j] ? -1 : 1;
			i++, j++;
			continue;
		}
		while (i < na && a[i] == '0')
			i++;
		while (j < nb && b[j] == '0')
			j++;
		int si = i, sj = j;
		while (i < na && isdigit(a[i]))
			i++;
		while (j < nb && isdigit(b[j]))
			j++;
		if (i - si != j - sj)
			return i - si < j - sj ? -1 : 1;
		int c = memcmp(a + si, b + sj, (size_t)(i - si));
		if (c)
			return c;
	}
	if (i < na || j < nb)
		return i < na ? 1 : -1;
	int c = memcmp(a, b, (size_t)(na < nb ? na : nb));
	return c ? c : (na > nb) - (na < nb);
}

static sqlite3 *open_db(const char *path, int flags, char *err, size_t errlen)
{
	static int configured;
	sqlite3 *db = NULL;
	/*
	 * A store is used by one thread at a time, so its connection needs no
	 * mutex, and nothing reads SQLite's memory statistics, whose upkeep takes
	 * a global one at every allocation (a call that comes after SQLite is
	 * initialised fails harmlessly).
	 */
	if (!configured) {
		configured = 1;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
	flags |= SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_URI, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "%s: %s", path,
		                 db ? sqlite3_errmsg(db) : _("cannot open"));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_extended_result_codes(db, 1);
	if (sqlite3_create_collation_v2(db, "natural_order", SQLITE_UTF8, NULL, natural, NULL) !=
	    SQLITE_OK) {
		corpus_set_error(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
		sqlite3_close(db);
		return NULL;
	}
	if (i18n_fts5_register(db, err, errlen) < 0 || corpus_rank_register(db, err, errlen) < 0 ||
	    corpus_snippet_register(db, err, errlen) < 0) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/* arm once a database, joined by UNION ALL (see corpus_store_each_db); NULL when out of memory. */
static char *each_db(struct corpus_store *s, const char *arm)
{
	static const struct {
		const char *name, *user;
	} db[] = {{"bundled", "0"}, {"main", "1"}};
	sqlite3_str *sql = sqlite3_str_new(s->db);
	for (size_t i = s->bundled ? 0 : 1; i < sizeof db / sizeof *db; i++) {
		if (sqlite3_str_length(sql))
			sqlite3_str_appendall(sql, " UNION ALL ");
		for (const char *a = arm; *a;) {
			size_t plain = strcspn(a + 1, "{") + 1;
			if (!strncmp(a, "{db}", 4))
				sqlite3_str_appendall(sql, db[i].name), a += 4;
			else if (!strncmp(a, "{user}", 6))
				sqlite3_str_appendall(sql, db[i].user), a += 6;
			else
				sqlite3_str_append(sql, a, (int)plain), a += plain;
		}
	}
	return sqlite3_str_finish(sql);
}

sqlite3_stmt *corpus_store_each_db(struct corpus_store *s, const char *arm, const char *order,
                                   char *err, size_t errlen)
{
	if (corpus_store_need(s, NULL, err, errlen) < 0)
		return NULL;
	char *both = each_db(s, arm);
	char *sql = both ? sqlite3_mprintf("%s ORDER BY %s", both, order) : NULL;
	sqlite3_stmt *st = NULL;
	sqlite3_free(both);
	if (!sql)
		corpus_set_error(err, errlen, "%s", _("out of memory"));
	else if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(s->db));
	sqlite3_free(sql);
	return st;
}

const char *corpus_store_documents(struct corpus_store *s)
{
	if (s->pending) /* the documents asked about are not in the library */
		return "(SELECT 0 AS user, id, lang, authentic FROM bundled.document)";
	return s->bundled ? "(SELECT 0 AS user, id, lang, authentic FROM bundled.document"
	                    " UNION ALL SELECT 1, id, lang, authentic FROM main.document)"
	                  : "(SELECT 1 AS user, id, lang, authentic FROM main.document)";
}

static int attach_bundled(struct corpus_store *s, const char *path, char *err, size_t errlen)
{
	struct stat sb;
	if (!path || stat(path, &sb) != 0)
		return 0;
	char *uri = sqlite3_mprintf("file:%s?mode=ro", path);
	char *sql = sqlite3_mprintf("ATTACH %Q AS bundled", uri);
	int rc = exec(s->db, sql, NULL, 0);
	sqlite3_free(sql);
	sqlite3_free(uri);
	int v = rc < 0 ? -1 : schema_version(s->db, "bundled");
	int a = v == SCHEMA_VERSION ? analysis_version(s->db, "bundled") : I18N_ANALYSIS_VERSION;
	if (rc < 0 || has_tables(s->db, "bundled") <= 0 || v != SCHEMA_VERSION ||
	    a != I18N_ANALYSIS_VERSION) {
		if (a != I18N_ANALYSIS_VERSION)
			corpus_set_error(err, errlen,
			                 _("the bundled corpus %s was indexed by another analysis"
			                   " (%d, want %d); rebuild it with make"),
			                 path, a, I18N_ANALYSIS_VERSION);
		else
			corpus_set_error(err, errlen,
			                 _("the bundled corpus %s is damaged or of another version "
			                   "(%d, want %d);"
			                   " rebuild it with make"),
			                 path, v, SCHEMA_VERSION);
		if (rc == 0)
			exec(s->db, "DETACH bundled", NULL, 0);
		return -1;
	}
	s->bundled = 1;
	return 0;
}

static int make_parent_dirs(const char *path)
{
	char *d = corpus_strdup(path);
	if (!d)
		return -1;
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0700) != 0 && errno != EEXIST) {
			free(d);
			return -1;
		}
		*p = '/';
	}
	free(d);
	return 0;
}

/*
 * A library on a disk that cannot be written (a read-only medium, a folder
 * without write permission) is still the user's: open it read-only so that it
 * can be read, and let writes fail with SQLite's "readonly database".  Without
 * its -shm file a WAL database cannot be opened read-only unless declared
 * immutable, which holds on such a disk.
 */
static int open_library_readonly(struct corpus_store *s, const char *path)
{
	static const char *const how[] = {"file:%s?mode=ro", "file:%s?immutable=1"};
	struct stat sb;
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return -1;
	for (size_t i = 0; i < sizeof how / sizeof *how; i++) {
		char *uri = sqlite3_mprintf(how[i], path);
		s->db = uri ? open_db(uri, SQLITE_OPEN_READONLY, NULL, 0) : NULL;
		sqlite3_free(uri);
		if (s->db && has_tables(s->db, "main") > 0 &&
		    schema_version(s->db, "main") == SCHEMA_VERSION) {
			s->library = 1;
			return 0;
		}
		sqlite3_close(s->db);
		s->db = NULL;
	}
	return -1;
}

/* The library, or an empty in-memory stand-in when it cannot be had. */
static int open_library(struct corpus_store *s, const char *path)
{
	char why[512] = "";
	if (path) {
		if (make_parent_dirs(path) == 0) {
			s->db = open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, why,
			                sizeof why);
			int ready =
			    s->db && prepare_main(s->db, path, &s->migrated, why, sizeof why) == 0;
			if (s->db)
				sqlite3_progress_handler(s->db, 0, NULL, NULL);
			if (ready && exec(s->db, "PRAGMA journal_mode=WAL", why, sizeof why) == 0) {
				s->library = 1;
				return 0;
			}
			sqlite3_close(s->db);
			s->db = NULL;
			if (open_library_readonly(s, path) == 0)
				return 0;
		} else {
			snprintf(why, sizeof why, "%s: cannot create its folder: %s", path,
			         strerror(errno));
		}
		snprintf(s->library_error, sizeof s->library_error, "%s", why);
	} else {
		snprintf(s->library_error, sizeof s->library_error, "no library in use");
	}
	s->db = open_db(":memory:", SQLITE_OPEN_READWRITE, why, sizeof why);
	if (!s->db || prepare_main(s->db, "memory", NULL, why, sizeof why) < 0)
		return -1;
	return 0;
}

static struct corpus_store *new_store(const char *corpus_path, const char *library_path, char *err,
                                      size_t errlen)
{
	struct corpus_store *s = calloc(1, sizeof *s);
	if (s && (!corpus_path || (s->corpus_path = corpus_strdup(corpus_path))) &&
	    (!library_path || ((s->library_path = corpus_strdup(library_path)) &&
	                       (s->ids_path = corpus_ids_path(library_path)))))
		return s;
	corpus_set_error(err, errlen, _("out of memory"));
	if (s) {
		free(s->corpus_path);
		free(s->library_path);
		free(s);
	}
	return NULL;
}

static void free_store(struct corpus_store *s)
{
	corpus_ids_free(s->ids, s->nids);
	free(s->corpus_path);
	free(s->library_path);
	free(s->ids_path);
	free(s->written);
	free(s);
}

/* The library as main, the bundled corpus attached: s->db, or -1 and NULL. */
static int connect_store(struct corpus_store *s, char *err, size_t errlen)
{
	if (open_library(s, s->library_path) < 0) {
		corpus_set_error(err, errlen, _("cannot open a database: %s"), s->library_error);
		sqlite3_close(s->db);
		s->db = NULL;
		return -1;
	}
	if (attach_bundled(s, s->corpus_path, err, errlen) < 0 ||
	    (s->migrated && corpus_refs_check(s->db, NULL, s->bundled, err, errlen) < 0)) {
		sqlite3_close(s->db);
		s->db = NULL;
		return -1;
	}
	return 0;
}

struct corpus_store *corpus_store_open(const char *corpus_path, const char *library_path, char *err,
                                       size_t errlen)
{
	struct corpus_store *s = new_store(corpus_path, library_path, err, errlen);
	if (s && connect_store(s, err, errlen) < 0) {
		free_store(s);
		return NULL;
	}
	return s;
}

struct corpus_store *corpus_store_open_deferred(const char *corpus_path, const char *library_path,
                                                char *err, size_t errlen)
{
	struct corpus_store *s = new_store(corpus_path, library_path, err, errlen);
	if (!s)
		return NULL;
	if (s->ids_path && corpus_ids_read(s->ids_path, library_path, &s->ids, &s->nids) == 0) {
		s->db = open_db(":memory:", SQLITE_OPEN_READWRITE, err, errlen);
		if (s->db && attach_bundled(s, corpus_path, err, errlen) == 0 && s->bundled) {
			s->pending = 1;
			return s;
		}
		sqlite3_close(s->db);
		s->db = NULL;
		s->bundled = 0;
	}
	if (connect_store(s, err, errlen) < 0) {
		free_store(s);
		return NULL;
	}
	return s;
}

/* The library's document ids, in order; -1 when they cannot be read. */
static int library_ids(sqlite3 *db, char ***ids, size_t *n)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;
	*ids = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(db, "SELECT DISTINCT id FROM main.document ORDER BY id", -1, &st,
	                       NULL) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			char **p = realloc(*ids, cap * sizeof *p);
			if (!p)
				break;
			*ids = p;
		}
		if (!((*ids)[*n] = corpus_column_dup(st, 0)))
			break;
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	corpus_ids_free(*ids, *n);
	*ids = NULL;
	*n = 0;
	return -1;
}

/*
 * Nonzero unless the library holds exactly the ids its cache listed.  Both
 * lists are sorted (SQLite's BINARY order is strcmp's), so they are compared
 * one id against one: a thousand documents made a million comparisons.
 */
static int ids_differ(struct corpus_store *s)
{
	char **ids;
	size_t n;
	if (library_ids(s->db, &ids, &n) < 0)
		return 1;
	int differ = n != s->nids;
	for (size_t i = 0; i < n && !differ; i++)
		differ = strcmp(ids[i], s->ids[i]) != 0;
	corpus_ids_free(ids, n);
	return differ;
}

int corpus_store_open_library(struct corpus_store *s, char *err, size_t errlen)
{
	if (!s->pending)
		return s->stale;
	sqlite3 *memory = s->db;
	corpus_search_cache_free(s); /* its statements are the old connection's */
	s->db = NULL;
	s->bundled = 0;
	if (connect_store(s, err, errlen) < 0) {
		s->db = memory;
		s->bundled = 1;
		return -1;
	}
	sqlite3_close(memory);
	s->pending = 0;
	s->stale = s->library && ids_differ(s);
	corpus_ids_free(s->ids, s->nids);
	s->ids = NULL;
	s->nids = 0;
	return s->stale;
}

int corpus_store_need(struct corpus_store *s, const char *doc, char *err, size_t errlen)
{
	if (!s->pending || (doc && !corpus_ids_has(s->ids, s->nids, doc)))
		return 0;
	return corpus_store_open_library(s, err, errlen) < 0 ? -1 : 0;
}

/*
 * Read the library's ids for its cache, holding the write lock so that no
 * other connection commits before ours closes (the close rolls it back, then
 * checkpoints).  A writer at work is not waited for: the cache is left as it is.
 */
static int ids_for_cache(sqlite3 *db, char ***ids, size_t *n)
{
	*ids = NULL;
	*n = 0;
	sqlite3_busy_timeout(db, 0);
	return exec(db, "BEGIN IMMEDIATE", NULL, 0) == 0 ? library_ids(db, ids, n) : -1;
}

void corpus_store_close(struct corpus_store *store)
{
	char **ids = NULL;
	size_t n = 0;
	if (!store)
		return;
	corpus_search_cache_free(store);
	int keep = store->library && !store->pending && store->ids_path &&
	           ids_for_cache(store->db, &ids, &n) == 0;
	/* With its last connection closed, the library's state is all in library.db. */
	if (sqlite3_close(store->db) == SQLITE_OK && keep)
		corpus_ids_write(store->ids_path, store->library_path, ids, n);
	corpus_ids_free(ids, n);
	free_store(store);
}

struct sqlite3 *corpus_store_db(struct corpus_store *store)
{
	corpus_store_need(store, NULL, NULL, 0);
	return store->db;
}

const char *corpus_store_library_error(struct corpus_store *store)
{
	corpus_store_need(store, NULL, NULL, 0);
	return store->library ? NULL : store->library_error;
}

int corpus_store_has_bundled(struct corpus_store *store)
{
	return store->bundled;
}

int corpus_fts_tables(struct corpus_store *s, const char *lang, struct corpus_fts_table **out,
                      size_t *n)
{
	const char *schemas[] = {"main", "bundled"};
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (corpus_store_need(s, NULL, NULL, 0) < 0)
		return -1;
	for (int i = 0; i < 1 + s->bundled; i++) {
		char *sql = sqlite3_mprintf("SELECT substr(name, 5) FROM %s.sqlite_master WHERE"
		                            " type='table' AND name GLOB 'fts_*'"
		                            " AND name NOT GLOB 'fts_*_*' ORDER BY name",
		                            schemas[i]);
		sqlite3_stmt *st = corpus_stmt_get(s, sql);
		int rc;
		sqlite3_free(sql);
		if (!st)
			goto fail;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *l = (const char *)sqlite3_column_text(st, 0);
			if (!corpus_lang_ok(l) || (lang && strcmp(l, lang) != 0))
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 8;
				void *p = realloc(*out, cap * sizeof **out);
				if (!p) {
					corpus_stmt_put(s, st);
					goto fail;
				}
				*out = p;
			}
			snprintf((*out)[*n].schema, sizeof(*out)[*n].schema, "%s", schemas[i]);
			snprintf((*out)[*n].lang, sizeof(*out)[*n].lang, "%s", l);
			(*n)++;
		}
		corpus_stmt_put(s, st);
		if (rc != SQLITE_DONE) /* interrupted: no table may go missing from a search */
			goto fail;
	}
	return 0;
fail:
	free(*out);
	*out = NULL;
	*n = 0;
	return -1;
}

/* ---- Writing documents ----------------------------------------------- */

static int ensure_fts(sqlite3 *db, const char *lang, char *err, size_t errlen)
{
	char *sql = sqlite3_mprintf("CREATE VIRTUAL TABLE IF NOT EXISTS main.fts_%s USING fts5("
	                            "heading, text, content='provision', content_rowid='rowid',"
	                            " tokenize=%Q)",
	                            lang, i18n_fts5_tokenize_spec(lang));
	int rc = exec(db, sql, err, errlen);
	sqlite3_free(sql);
	return rc;
}

/* Remove one language version of a document, its provisions and their index rows. */
static int delete_version(sqlite3 *db, const char *id, const char *lang, char *err, size_t errlen)
{
	if (corpus_rank_remove(db, id, lang, err, errlen) < 0)
		return -1;
	char *sql = sqlite3_mprintf("INSERT INTO main.fts_%s(fts_%s, rowid, heading, text)"
	                            " SELECT 'delete', rowid, heading, text FROM main.provision"
	                            " WHERE doc=%Q AND lang=%Q;"
	                            "DELETE FROM main.provision WHERE doc=%Q AND lang=%Q;"
	                            "DELETE FROM main.reference WHERE doc=%Q AND lang=%Q;"
	                            "DELETE FROM main.document WHERE id=%Q AND lang=%Q;",
	                            lang, lang, id, lang, id, lang, id, lang, id, lang);
	int rc = exec(db, sql, err, errlen);
	sqlite3_free(sql);
	return rc;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static int insert_document(sqlite3 *db, const struct corpus_document *d, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	const char *sql = "INSERT INTO main.document(id, lang, kind, title, symbol, date, parent,"
	                  " authentic, partial, source, sha256, delegation, on_behalf_of, meeting,"
	                  " agenda_item, refers_to) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
		return -1;
	}
	bind_text(st, 1, d->id);
	bind_text(st, 2, d->lang);
	bind_text(st, 3, d->kind ? d->kind : "document");
	bind_text(st, 4, d->title);
	bind_text(st, 5, d->symbol);
	bind_text(st, 6, d->date);
	bind_text(st, 7, d->parent);
	sqlite3_bind_int(st, 8, d->authentic);
	sqlite3_bind_int(st, 9, d->partial);
	bind_text(st, 10, d->source);
	bind_text(st, 11, d->sha256);
	bind_text(st, 12, d->delegation);
	bind_text(st, 13, d->on_behalf_of);
	bind_text(st, 14, d->meeting);
	bind_text(st, 15, d->agenda_item);
	bind_text(st, 16, d->refers_to);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	if (rc < 0)
		corpus_set_error(err, errlen, "%s (%s): %s", d->id, d->lang, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc;
}

static int depth_of(const struct corpus_document *d, size_t i)
{
	int depth = 0;
	for (int p = d->prov[i].parent; p >= 0 && depth <= (int)d->n; p = d->prov[p].parent)
		depth++;
	return depth;
}

static int insert_provisions(sqlite3 *db, const struct corpus_document *d, char *err, size_t errlen)
{
	sqlite3_stmt *ins = NULL, *fts = NULL;
	char *fts_sql = sqlite3_mprintf("INSERT INTO main.fts_%s(rowid, heading, text)"
	                                " VALUES(?,?,?)",
	                                d->lang);
	const char *sql = "INSERT INTO main.provision(doc, lang, eid, parent_eid, kind, num, label,"
	                  " heading, text, seq, depth, line) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)";
	int rc = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, fts_sql, -1, &fts, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
		goto done;
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct corpus_provision *p = &d->prov[i];
		bind_text(ins, 1, d->id);
		bind_text(ins, 2, d->lang);
		bind_text(ins, 3, p->eid);
		bind_text(ins, 4, p->parent >= 0 ? d->prov[p->parent].eid : NULL);
		bind_text(ins, 5, corpus_kind_name(p->kind));
		bind_text(ins, 6, p->num);
		bind_text(ins, 7, p->label);
		bind_text(ins, 8, p->heading);
		bind_text(ins, 9, p->text ? p->text : "");
		sqlite3_bind_int64(ins, 10, (sqlite3_int64)i);
		sqlite3_bind_int(ins, 11, depth_of(d, i));
		sqlite3_bind_int(ins, 12, p->line);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			corpus_set_error(err, errlen, "%s (%s) %s: %s", d->id, d->lang, p->eid,
			                 sqlite3_errmsg(db));
			goto done;
		}
		sqlite3_reset(ins);
		sqlite3_bind_int64(fts, 1, sqlite3_last_insert_rowid(db));
		bind_text(fts, 2, p->heading);
		bind_text(fts, 3, p->text ? p->text : "");
		if (sqlite3_step(fts) != SQLITE_DONE) {
			corpus_set_error(err, errlen, "index of %s (%s): %s", d->id, d->lang,
			                 sqlite3_errmsg(db));
			goto done;
		}
		sqlite3_reset(fts);
	}
	rc = 0;
done:
	sqlite3_finalize(ins);
	sqlite3_finalize(fts);
	sqlite3_free(fts_sql);
	return rc;
}

/*
 * Nonzero when an id would reach a terminal with a control in it: ids are
 * printed as they are, in lists and messages, so they must be plain text.
 */
static int id_unsafe(const char *id, char **shown)
{
	*shown = i18n_visible(id, strlen(id));
	return !*shown || strcmp(*shown, id) != 0;
}

/* Write one document version into main; the caller holds the transaction. */
static int write_document(sqlite3 *db, const struct corpus_document *d, char *err, size_t errlen)
{
	char *shown = NULL;
	if (!d->id || !*d->id || !corpus_lang_ok(d->lang)) {
		corpus_set_error(err, errlen,
		                 _("document %s: missing id or bad language code '%s'"),
		                 d->id ? d->id : "?", d->lang ? d->lang : "");
		return -1;
	}
	if (id_unsafe(d->id, &shown)) {
		corpus_set_error(
		    err, errlen,
		    _("document id \"%s\" has control characters; choose another with --id"),
		    shown ? shown : "?");
		free(shown);
		return -1;
	}
	free(shown);
	if (ensure_fts(db, d->lang, err, errlen) < 0 ||
	    delete_version(db, d->id, d->lang, err, errlen) < 0 ||
	    insert_document(db, d, err, errlen) < 0 || insert_provisions(db, d, err, errlen) < 0 ||
	    corpus_rank_add(db, d->id, d->lang, err, errlen) < 0 ||
	    corpus_refs_write(db, d->id, d->lang, err, errlen) < 0)
		return -1;
	return 0;
}

int corpus_store_build(const char *path, struct corpus_document *docs, size_t ndocs, char *err,
                       size_t errlen)
{
	if (i18n_stemmers_open(err, errlen) < 0)
		return -1;
	char *tmp = sqlite3_mprintf("%s.tmp", path);
	unlink(tmp);
	sqlite3 *db = open_db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errlen);
	int rc = -1;
	if (!db)
		goto done;
	if (prepare_main(db, tmp, NULL, err, errlen) < 0 || exec(db, "BEGIN", err, errlen) < 0)
		goto done;
	for (size_t i = 0; i < ndocs; i++)
		if (write_document(db, &docs[i], err, errlen) < 0)
			goto done;
	/* The bundled corpus is made at once: its avgdl that of all its rows. */
	if (corpus_refs_check(db, NULL, 0, err, errlen) < 0 ||
	    corpus_rank_rebuild(db, err, errlen) < 0 || exec(db, "COMMIT", err, errlen) < 0)
		goto done;
	for (size_t i = 0; i < ndocs; i++) {
		char *sql = sqlite3_mprintf("INSERT INTO fts_%s(fts_%s) VALUES('optimize')",
		                            docs[i].lang, docs[i].lang);
		int r = exec(db, sql, err, errlen);
		sqlite3_free(sql);
		if (r < 0)
			goto done;
	}
	if (sqlite3_close(db) != SQLITE_OK) {
		corpus_set_error(err, errlen, "%s: %s", tmp, sqlite3_errmsg(db));
		goto done;
	}
	db = NULL;
	if (rename(tmp, path) != 0) {
		corpus_set_error(err, errlen, "%s: %s", path, strerror(errno));
		goto done;
	}
	rc = 0;
done:
	if (db) {
		sqlite3_close(db);
		unlink(tmp);
	}
	sqlite3_free(tmp);
	return rc;
}

int corpus_store_import(struct corpus_store *store, const struct corpus_document *doc, char *err,
                        size_t errlen)
{
	if (i18n_stemmers_open(err, errlen) < 0 || corpus_store_need(store, NULL, err, errlen) < 0)
		return -1;
	if (!store->library) {
		corpus_set_error(err, errlen, _("cannot write to the library: %s"),
		                 store->library_error);
		return -1;
	}
	if (exec(store->db, "BEGIN IMMEDIATE", err, errlen) < 0)
		return -1;
	if (write_document(store->db, doc, err, errlen) < 0 ||
	    corpus_refs_check(store->db, doc->id, store->bundled, err, errlen) < 0 ||
	    corpus_fts_merge(store->db, err, errlen) < 0) {
		exec(store->db, "ROLLBACK", NULL, 0);
		return -1;
	}
	if (exec(store->db, "COMMIT", err, errlen) < 0)
		return -1;
	corpus_fts_written(store, doc->lang, doc->n);
	return 0;
}

int corpus_store_remove(struct corpus_store *store, const char *id, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int found = 0, rc = 0;
	if (i18n_stemmers_open(err, errlen) < 0 || corpus_store_need(store, NULL, err, errlen) < 0)
		return -1;
	if (!store->library) {
		corpus_set_error(err, errlen, _("%s is not in your library"), id);
		return 1;
	}
	if (exec(store->db, "BEGIN IMMEDIATE", err, errlen) < 0)
		return -1;
	if (sqlite3_prepare_v2(store->db, "SELECT lang FROM main.document WHERE id=?", -1, &st,
	                       NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(store->db));
		exec(store->db, "ROLLBACK", NULL, 0);
		return -1;
	}
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		char lang[8];
		snprintf(lang, sizeof lang, "%s", (const char *)sqlite3_column_text(st, 0));
		found++;
		rc = corpus_lang_ok(lang) ? delete_version(store->db, id, lang, err, errlen) : -1;
	}
	sqlite3_finalize(st);
	if (rc == 0 && found)
		rc = corpus_refs_check(store->db, id, store->bundled, err, errlen);
	if (rc == 0 && found)
		rc = corpus_fts_merge(store->db, err, errlen);
	if (rc < 0 || !found) {
		exec(store->db, "ROLLBACK", NULL, 0);
		if (!found)
			corpus_set_error(err, errlen, _("%s is not in your library"), id);
		return rc < 0 ? -1 : 1;
	}
	return exec(store->db, "COMMIT", err, errlen);
}
