/*
 * refs-store-test.c — references in the store: written with a document,
 * checked against the corpus (a target missing stays, unresolved), checked
 * again when the document they point into arrives or goes, and added to a
 * library of the schema before references; a statement's citations of a
 * draft, into the document it discusses; the links of a provision cited by
 * many documents, and the terms of one, read at the cost of what is read,
 * not of the library.  Synthetic test text, not treaty text and not a
 * delegation's words.
 */
#include "corpus/corpus.h"
#include "corpus/refs.h"
#include "corpus/terms.h"
#include "tests/tap.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/treaty-refs-store-test.XXXXXX";

static void add(struct corpus_document *d, const char *eid, int parent, enum corpus_kind kind,
                const char *num, const char *text)
{
	struct corpus_provision *p = &d->prov[d->n++];
	p->eid = strdup(eid);
	p->parent = parent;
	p->kind = kind;
	p->num = strdup(num);
	p->text = strdup(text);
}

/* A convention "conv" of three articles. */
static void make_conv(struct corpus_document *d)
{
	memset(d, 0, sizeof *d);
	d->id = strdup("conv");
	d->lang = strdup("en");
	d->kind = strdup("convention");
	d->prov = calloc(4, sizeof *d->prov);
	add(d, "chp_1", -1, CORPUS_CHAPTER, "1", "");
	add(d, "art_1", 0, CORPUS_ARTICLE, "1", "Terms used in this chapter.");
	add(d, "art_2", 0, CORPUS_ARTICLE, "2", "Measures under Article 1.");
	add(d, "art_3", 0, CORPUS_ARTICLE, "3", "Final words.");
}

/* A protocol to "conv" citing into it, and a provision that does not exist. */
static void make_prot(struct corpus_document *d)
{
	memset(d, 0, sizeof *d);
	d->id = strdup("prot");
	d->lang = strdup("en");
	d->kind = strdup("protocol");
	d->parent = strdup("conv");
	d->prov = calloc(2, sizeof *d->prov);
	add(d, "art_1", -1, CORPUS_ARTICLE, "1", "Articles 2 and 3 of the Convention apply.");
	add(d, "art_2", -1, CORPUS_ARTICLE, "2", "Article 99 of the Convention does not exist.");
}

/* A statement about refers_to (NULL: none given), citing a draft and a bare article. */
static void make_stmt(struct corpus_document *d, const char *refers_to)
{
	memset(d, 0, sizeof *d);
	d->id = strdup("stmt");
	d->lang = strdup("en");
	d->kind = strdup("statement");
	d->delegation = strdup("Freedonia");
	d->refers_to = refers_to ? strdup(refers_to) : NULL;
	d->prov = calloc(3, sizeof *d->prov);
	add(d, "longtitle", -1, CORPUS_LONGTITLE, "", "Statement (test text)");
	add(d, "block_1", -1, CORPUS_BLOCK, "1",
	    "We support draft article 2. We accept article 3.");
	add(d, "block_2", -1, CORPUS_BLOCK, "2", "The draft convention should be adopted.");
}

/* "target_eid:resolved …" of the references from doc, in order. */
static char *refs_of(struct corpus_store *s, const char *doc)
{
	struct corpus_link *l;
	size_t n;
	char err[256], *out = calloc(1, 512);
	if (corpus_links(s, doc, NULL, NULL, &l, &n, err, sizeof err) != 0)
		return strcpy(out, err);
	for (size_t i = 0; i < n; i++)
		if (!l[i].incoming)
			snprintf(out + strlen(out), 512 - strlen(out), "%s%s:%d", *out ? " " : "",
			         l[i].target_eid ? l[i].target_eid : "-", l[i].resolved);
	corpus_link_free(l, n);
	return out;
}

static void import_and_remove(void)
{
	struct corpus_document conv, prot;
	char lib[256], err[512];
	snprintf(lib, sizeof lib, "%s/library.db", dir);
	struct corpus_store *s = corpus_store_open(NULL, lib, err, sizeof err);
	if (!tap_ok(s != NULL, "open a library: %s", err))
		return;
	make_prot(&prot);
	tap_ok(corpus_store_import(s, &prot, err, sizeof err) == 0, "import the protocol: %s", err);
	char *got = refs_of(s, "prot");
	tap_is_str(got, "art_2:0 art_3:0 art_99:0", "without its convention nothing resolves");
	free(got);
	make_conv(&conv);
	tap_ok(corpus_store_import(s, &conv, err, sizeof err) == 0, "import the convention: %s",
	       err);
	got = refs_of(s, "prot");
	tap_is_str(got, "art_2:1 art_3:1 art_99:0",
	           "the convention arrives: its articles resolve, article 99 does not");
	free(got);
	got = refs_of(s, "conv");
	tap_is_str(got, "chp_1:1 art_1:1", "this chapter, Article 1");
	free(got);

	struct corpus_link *l;
	size_t n;
	tap_is_int(corpus_links(s, "conv", "art_2", NULL, &l, &n, err, sizeof err), 0, "links");
	int from_prot = 0;
	for (size_t i = 0; i < n; i++)
		from_prot +=
		    l[i].incoming && !strcmp(l[i].doc, "prot") && !strcmp(l[i].eid, "art_1");
	tap_is_int(from_prot, 1, "conv Art. 2 is cited by prot Art. 1");
	corpus_link_free(l, n);
	tap_is_int(corpus_links(s, "conv", "art_9", NULL, &l, &n, err, sizeof err), 1,
	           "a missing provision is reported");

	tap_is_int(corpus_store_remove(s, "conv", err, sizeof err), 0, "remove the convention");
	got = refs_of(s, "prot");
	tap_is_str(got, "art_2:0 art_3:0 art_99:0", "and the protocol's references are unresolved");
	free(got);
	corpus_document_free(&conv);
	corpus_document_free(&prot);
	corpus_store_close(s);
}

/* "doc:eid:resolved:draft …" of the references from the statement. */
static char *stmt_refs(struct corpus_store *s)
{
	struct corpus_link *l;
	size_t n;
	char err[256], *out = calloc(1, 512);
	if (corpus_links(s, "stmt", NULL, NULL, &l, &n, err, sizeof err) != 0)
		return strcpy(out, err);
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), 512 - strlen(out), "%s%s:%s:%d:%d", *out ? " " : "",
		         l[i].target_doc ? l[i].target_doc : "?",
		         l[i].target_eid ? l[i].target_eid : "-", l[i].resolved, l[i].draft);
	corpus_link_free(l, n);
	return out;
}

static void statement(void)
{
	struct corpus_document conv, stmt;
	char lib[256], err[512];
	snprintf(lib, sizeof lib, "%s/stmt.db", dir);
	struct corpus_store *s = corpus_store_open(NULL, lib, err, sizeof err);
	if (!tap_ok(s != NULL, "open a library: %s", err))
		return;
	make_conv(&conv);
	make_stmt(&stmt, NULL);
	tap_ok(corpus_store_import(s, &conv, err, sizeof err) == 0 &&
	           corpus_store_import(s, &stmt, err, sizeof err) == 0,
	       "import a convention and a statement without --refers-to: %s", err);
	char *got = stmt_refs(s);
	tap_is_str(got, "?:art_2:0:1 ?:art_3:0:0",
	           "without --refers-to its citations are kept, unresolved; the draft as such");
	free(got);
	corpus_document_free(&stmt);
	make_stmt(&stmt, "conv");
	tap_ok(corpus_store_import(s, &stmt, err, sizeof err) == 0,
	       "import it again about conv: %s", err);
	got = stmt_refs(s);
	tap_is_str(got, "conv:art_2:1:1 conv:art_3:1:0 conv:-:1:1",
	           "with --refers-to conv: its articles and the draft itself");
	free(got);

	struct corpus_link *l;
	size_t n, in = 0;
	tap_is_int(corpus_links(s, "conv", "art_2", NULL, &l, &n, err, sizeof err), 0,
	           "conv Art. 2's links");
	for (size_t i = 0; i < n; i++)
		if (l[i].incoming && !strcmp(l[i].doc, "stmt")) {
			in++;
			tap_is_str(l[i].kind, "statement", "the back-link is from a statement");
			tap_is_str(l[i].delegation, "Freedonia", "of Freedonia");
			tap_is_str(l[i].sentence, "We support draft article 2.",
			           "with the citing sentence");
			tap_is_int(l[i].draft, 1, "citing a draft");
		}
	tap_is_int((int)in, 1, "conv Art. 2 is discussed by the statement");
	corpus_link_free(l, n);
	tap_is_int(corpus_links(s, "conv", "art_1", NULL, &l, &n, err, sizeof err), 0,
	           "conv Art. 1's links");
	for (size_t i = 0; i < n; i++)
		if (l[i].incoming)
			tap_is_str(l[i].kind, "convention", "a convention's back-link says so");
	corpus_link_free(l, n);
	corpus_document_free(&conv);
	corpus_document_free(&stmt);
	corpus_store_close(s);
}

/* A library of schema 3 finds its references again: a statement's now point where it speaks. */
static void migrate_statement(void)
{
	char path[256], err[512];
	sqlite3 *db;
	snprintf(path, sizeof path, "%s/v3.db", dir);
	tap_is_int(sqlite3_open(path, &db), SQLITE_OK, "create a version-3 library");
	int rc = sqlite3_exec(
	    db,
	    "CREATE TABLE document(id TEXT NOT NULL, lang TEXT NOT NULL, kind TEXT NOT NULL,"
	    " title TEXT, symbol TEXT, date TEXT, parent TEXT, authentic INTEGER NOT NULL"
	    " DEFAULT 0, partial INTEGER NOT NULL DEFAULT 0, source TEXT, sha256 TEXT,"
	    " delegation TEXT, on_behalf_of TEXT, meeting TEXT, agenda_item TEXT, refers_to TEXT,"
	    " PRIMARY KEY(id, lang));"
	    "CREATE TABLE provision(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL,"
	    " lang TEXT NOT NULL, eid TEXT NOT NULL, parent_eid TEXT, kind TEXT NOT NULL,"
	    " num TEXT, label TEXT, heading TEXT, text TEXT NOT NULL, seq INTEGER NOT NULL,"
	    " depth INTEGER NOT NULL, line INTEGER, UNIQUE(doc, lang, eid));"
	    "CREATE TABLE reference(rowid INTEGER PRIMARY KEY, doc TEXT NOT NULL,"
	    " lang TEXT NOT NULL, eid TEXT NOT NULL, seq INTEGER NOT NULL,"
	    " span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,"
	    " target_doc TEXT, target_eid TEXT, determined INTEGER NOT NULL,"
	    " resolved INTEGER NOT NULL, external INTEGER NOT NULL DEFAULT 0);"
	    "INSERT INTO document(id, lang, kind) VALUES('conv', 'en', 'convention');"
	    "INSERT INTO document(id, lang, kind, delegation, refers_to)"
	    " VALUES('stmt', 'en', 'statement', 'Freedonia', 'conv');"
	    "INSERT INTO provision(doc, lang, eid, kind, text, seq, depth) VALUES"
	    " ('conv', 'en', 'art_1', 'article', 'Nothing.', 0, 0),"
	    " ('conv', 'en', 'art_2', 'article', 'Nothing more.', 1, 0),"
	    " ('stmt', 'en', 'block_1', 'block', 'We support draft article 2.', 0, 0);"
	    "INSERT INTO reference(doc, lang, eid, seq, span_start, span_end, text, target_doc,"
	    " target_eid, determined, resolved) VALUES"
	    " ('stmt', 'en', 'block_1', 0, 17, 26, 'article 2', 'stmt', 'art_2', 1, 0);"
	    "PRAGMA user_version=3;",
	    NULL, NULL, NULL);
	sqlite3_close(db);
	tap_is_int(rc, SQLITE_OK, "with a statement whose reference pointed at itself");
	struct corpus_store *s = corpus_store_open(NULL, path, err, sizeof err);
	if (!tap_ok(s != NULL, "open it: %s", err))
		return;
	tap_is_str(corpus_store_library_error(s), NULL, "it is used, not set aside");
	char *got = stmt_refs(s);
	tap_is_str(got, "conv:art_2:1:1", "its reference now points into conv, as a draft's");
	free(got);
	corpus_store_close(s);
}

/* A library written before references existed gets them when opened. */
static void migrate(void)
{
	char path[256], err[512];
	sqlite3 *db;
	snprintf(path, sizeof path, "%s/old.db", dir);
	tap_is_int(sqlite3_open(path, &db), SQLITE_OK, "create a version-1 library");
	sqlite3_exec(
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
	    "INSERT INTO provision(doc, lang, eid, kind, text, seq, depth) VALUES"
	    " ('old', 'en', 'art_1', 'article', 'See Article 2.', 0, 0),"
	    " ('old', 'en', 'art_2', 'article', 'Nothing.', 1, 0);"
	    "PRAGMA user_version=1;",
	    NULL, NULL, NULL);
	sqlite3_close(db);
	struct corpus_store *s = corpus_store_open(NULL, path, err, sizeof err);
	if (!tap_ok(s != NULL, "open it: %s", err))
		return;
	tap_is_str(corpus_store_library_error(s), NULL, "it is used, not set aside");
	char *got = refs_of(s, "old");
	tap_is_str(got, "art_2:1", "its references were found");
	free(got);
	corpus_store_close(s);
}

static long vm_steps;
static int count_steps(void *unused)
{
	(void)unused;
	vm_steps++;
	return 0;
}

/*
 * The work (SQLite's virtual machine steps, counted by a progress handler, so
 * no clock) of reading the links of one article cited by many documents: it
 * must grow with the links found, not with the library.  Reading both
 * databases through a view that unions them copied every provision and
 * scanned the copy for each reference: at a thousand documents a reader
 * hung for minutes.  PROTOCOLS protocols of ARTICLES articles each cite
 * conv Art. 2 once.
 */
#define PROTOCOLS 200
#define ARTICLES 5
static void scale(void)
{
	char bundled[128], lib[128], err[256] = "";
	struct corpus_document conv, prot;
	snprintf(bundled, sizeof bundled, "%s/scale-corpus.db", dir);
	snprintf(lib, sizeof lib, "%s/scale.db", dir);
	/* The convention in a corpus of its own, as the bundled one: two databases to read. */
	struct corpus_store *s = corpus_store_open(NULL, bundled, err, sizeof err);
	make_conv(&conv);
	int ok = s && corpus_store_import(s, &conv, err, sizeof err) == 0;
	corpus_store_close(s);
	s = ok ? corpus_store_open(bundled, lib, err, sizeof err) : NULL;
	if (!tap_ok(s != NULL, "a corpus with the convention, and a library: %s", err))
		return;
	for (int i = 0; ok && i < PROTOCOLS; i++) {
		char id[32], eid[32], num[16];
		memset(&prot, 0, sizeof prot);
		snprintf(id, sizeof id, "prot%d", i);
		prot.id = strdup(id);
		prot.lang = strdup("en");
		prot.kind = strdup("protocol");
		prot.parent = strdup("conv");
		prot.prov = calloc(ARTICLES, sizeof *prot.prov);
		for (int a = 1; a <= ARTICLES; a++) {
			snprintf(eid, sizeof eid, "art_%d", a);
			snprintf(num, sizeof num, "%d", a);
			add(&prot, eid, -1, CORPUS_ARTICLE, num,
			    a == 1 ? "Article 2 of the Convention applies." : "Other words.");
		}
		ok = corpus_store_import(s, &prot, err, sizeof err) == 0;
		corpus_document_free(&prot);
	}
	tap_ok(ok, "import %d protocols citing it: %s", PROTOCOLS, ok ? "" : err);
	sqlite3_progress_handler(corpus_store_db(s), 10, count_steps, NULL);
	struct corpus_link *l;
	size_t n = 0;
	vm_steps = 0;
	tap_is_int(corpus_links(s, "conv", "art_2", NULL, &l, &n, err, sizeof err), 0,
	           "the links of conv Art. 2");
	tap_is_int((int)n, PROTOCOLS + 1, "cited by every protocol, citing Article 1");
	long per_link = vm_steps * 10 / (long)(n ? n : 1);
	tap_ok(per_link < 2000, "read with %ld steps a link (not a scan of the library)", per_link);
	corpus_link_free(l, n);
	/* So must the terms one document defines (the reader asks when it opens one). */
	struct corpus_term *t;
	vm_steps = 0;
	tap_is_int(corpus_terms(s, "conv", NULL, &t, &n, err, sizeof err), 0,
	           "the terms conv defines");
	tap_ok(vm_steps * 10 < 2000, "read with %ld steps (not a scan of the library)",
	       vm_steps * 10);
	corpus_term_free(t, n);
	sqlite3_progress_handler(corpus_store_db(s), 0, NULL, NULL);
	corpus_document_free(&conv);
	corpus_store_close(s);
}

int main(void)
{
	char cmd[128];
	if (!mkdtemp(dir)) {
		tap_ok(0, "temporary directory");
		return tap_done();
	}
	import_and_remove();
	migrate();
	statement();
	migrate_statement();
	scale();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", dir);
	return tap_done();
}
