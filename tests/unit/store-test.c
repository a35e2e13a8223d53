/*
 * The store: building, reading back, searching, importing and removing, with
 * documents assembled by hand (synthetic test text, not treaty text).
 */
#include "corpus/corpus.h"
#include "tests/tap.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/treaty-store-test.XXXXXX";

static void add(struct corpus_document *d, const char *eid, int parent, enum corpus_kind kind,
                const char *num, const char *label, const char *heading, const char *text)
{
	struct corpus_provision *p = &d->prov[d->n++];
	p->eid = strdup(eid);
	p->parent = parent;
	p->kind = kind;
	p->num = num ? strdup(num) : NULL;
	p->label = label ? strdup(label) : NULL;
	p->heading = heading ? strdup(heading) : NULL;
	p->text = strdup(text);
	p->line = (int)d->n;
}

/* A small made-up convention: a chapter with two articles, one with parts. */
static void make_doc(struct corpus_document *d, const char *id, const char *lang, const char *word)
{
	char text[128];
	memset(d, 0, sizeof *d);
	d->id = strdup(id);
	d->lang = strdup(lang);
	d->kind = strdup("convention");
	d->title = strdup("Test convention");
	d->prov = calloc(8, sizeof *d->prov);
	add(d, "chp_1", -1, CORPUS_CHAPTER, "1", "CHAPTER I", "TEST MATTERS", "");
	add(d, "art_1", 0, CORPUS_ARTICLE, "1", "Article 1", "Purpose", "The purpose is testing.");
	add(d, "art_2", 0, CORPUS_ARTICLE, "2", "Article 2", "Scope", "");
	snprintf(text, sizeof text, "Each Party shall adopt measures on %s.", word);
	add(d, "art_2__para_1", 2, CORPUS_PARAGRAPH, "1", "1.", NULL, text);
	add(d, "art_2__para_1__point_a", 3, CORPUS_POINT, "a", "a)", NULL, "procedures for data;");
	add(d, "art_2__para_2", 2, CORPUS_PARAGRAPH, "2", "2.", NULL, "A Party may reserve.");
	add(d, "art_3", 0, CORPUS_ARTICLE, "3", "Article 3", "Final", "Nothing more.");
}

/* The bytes of a range of stored text, for comparing. */
static const char *cut(const char *s, struct corpus_range r)
{
	static char buf[128];
	snprintf(buf, sizeof buf, "%.*s", (int)(r.end - r.start), s + r.start);
	return buf;
}

static void highlight(struct corpus_store *s)
{
	struct corpus_highlight *h;
	size_t n;
	char err[512];
	struct corpus_query q = {"purposes", "testconv", "en", 0, NULL};
	tap_ok(corpus_highlight(s, &q, &h, &n, err, sizeof err) == 0 && n == 1,
	       "highlight: one provision matches purposes");
	if (n == 1) {
		tap_is_str(h[0].eid, "art_1", "highlight: article 1");
		tap_ok(h[0].nheading == 1 &&
		           strcmp(cut("Purpose", h[0].heading[0]), "Purpose") == 0,
		       "highlight: the heading, as stored");
		tap_ok(h[0].ntext == 1 &&
		           strcmp(cut("The purpose is testing.", h[0].text[0]), "purpose") == 0,
		       "highlight: the inflected word in the text, as stored");
	}
	corpus_highlight_free(h, n);
	struct corpus_query q2 = {"Party art:2", "testconv", NULL, 0, NULL};
	tap_ok(corpus_highlight(s, &q2, &h, &n, err, sizeof err) == 0 && n == 4,
	       "highlight: every language, the art: filter kept");
	for (size_t i = 0; i < n; i++)
		tap_ok(strncmp(h[i].eid, "art_2__", 7) == 0 && h[i].ntext == 1 && !h[i].nheading,
		       "highlight: %s %s, one hit in its text", h[i].lang, h[i].eid);
	corpus_highlight_free(h, n);
	struct corpus_query q3 = {"zzzz", NULL, NULL, 0, NULL};
	tap_ok(corpus_highlight(s, &q3, &h, &n, err, sizeof err) == 0 && n == 0 && !h,
	       "highlight: nothing matches, nothing marked");
}

static void build_and_read(void)
{
	struct corpus_document docs[2];
	char path[256], err[512];
	make_doc(&docs[0], "testconv", "en", "interception");
	make_doc(&docs[1], "testconv", "nl", "interceptie");
	snprintf(path, sizeof path, "%s/corpus.db", dir);
	tap_ok(corpus_store_build(path, docs, 2, err, sizeof err) == 0, "build: %s", err);
	corpus_document_free(&docs[0]);
	corpus_document_free(&docs[1]);

	struct corpus_store *s = corpus_store_open(path, NULL, err, sizeof err);
	tap_ok(s != NULL, "open bundled only: %s", s ? "" : err);
	if (!s)
		return;
	struct corpus_docinfo *info;
	size_t n;
	tap_ok(corpus_list(s, &info, &n, err, sizeof err) == 0 && n == 2, "two language versions");
	if (n == 2) {
		tap_is_str(info[0].lang, "en", "first is en");
		tap_is_int(info[0].articles, 3, "three articles");
		tap_is_int(info[0].last_article, 3, "last article 3");
		tap_is_int(info[0].user, 0, "bundled, not library");
	}
	corpus_docinfo_free(info, n);

	struct corpus_entry *e;
	tap_ok(corpus_get(s, "testconv", "en", "art_2", &e, &n, err, sizeof err) == 0, "get art_2");
	tap_is_int((long)n, 4, "art_2 and its three descendants");
	if (n == 4) {
		tap_is_str(e[3].eid, "art_2__para_2", "subtree ends at para 2");
		tap_is_int(e[2].depth - e[0].depth, 2, "point two levels below article");
	}
	corpus_entry_free(e, n);

	tap_ok(corpus_get(s, "testconv", "nl", "chp_1", &e, &n, err, sizeof err) == 0 && n == 7,
	       "a chapter holds its articles (not prefixed by its id)");
	corpus_entry_free(e, n);

	/* A window: the ancestors, the provision, and what follows, with the whole's counts. */
	struct corpus_window w;
	tap_ok(corpus_get_window(s, "testconv", "en", "art_2__para_1__point_a", 1, &e, &n, &w, err,
	                         sizeof err) == 0,
	       "window at art_2(1)(a)");
	tap_is_int((long)n, 5, "its three ancestors, itself and one entry after");
	if (n == 5) {
		tap_is_str(e[0].eid, "chp_1", "from the top ancestor");
		tap_is_str(e[2].eid, "art_2__para_1", "down the parents, in order");
		tap_is_str(e[4].eid, "art_2__para_2", "then what follows");
	}
	tap_is_int(w.articles, 3, "the whole document's articles");
	tap_is_int(w.articles_before, 2, "two of them before the provision (art_1, art_2)");
	corpus_entry_free(e, n);
	tap_ok(corpus_get_window(s, "testconv", "nl", "art_3", 10, &e, &n, &w, err, sizeof err) ==
	               0 &&
	           n == 2 && w.articles_before == 2,
	       "window at the last article: its chapter and itself");
	corpus_entry_free(e, n);
	tap_is_int(corpus_get_window(s, "testconv", "en", "art_99", 5, &e, &n, &w, err, sizeof err),
	           1, "a window at no provision is 1");
	tap_is_int(corpus_get_window(s, "nosuch", NULL, "art_1", 5, &e, &n, &w, err, sizeof err), 1,
	           "a window in no document is 1");

	tap_is_int(corpus_get(s, "testconv", "en", "art_99", &e, &n, err, sizeof err), 1,
	           "art_99 is not found");
	tap_is_str(err, "testconv has no article 99; it has articles 1–3", "helpful message");
	tap_is_int(corpus_get(s, "nosuch", NULL, NULL, &e, &n, err, sizeof err), 1,
	           "unknown document");
	tap_is_int(corpus_get(s, "testconv", "fr", NULL, &e, &n, err, sizeof err), 1,
	           "unknown language");
	tap_is_str(err, "testconv is not available in 'fr'; it is in: en,nl", "lists languages");

	struct corpus_hit *h;
	struct corpus_query q = {"interception", NULL, NULL, 0, NULL};
	tap_ok(corpus_search(s, &q, &h, &n, err, sizeof err) == 0 && n == 1, "search finds 1");
	if (n == 1) {
		tap_is_str(h[0].eid, "art_2__para_1", "hit eid");
		tap_ok(strstr(h[0].snippet, CORPUS_MARK_START "interception" CORPUS_MARK_END) !=
		           NULL,
		       "snippet marks the word");
	}
	corpus_hit_free(h, n);
	struct corpus_query q2 = {"Party", NULL, NULL, 0, NULL};
	tap_ok(corpus_search(s, &q2, &h, &n, err, sizeof err) == 0, "search Party");
	tap_ok(n >= 1 && (strcmp(h[0].langs, "en,nl") == 0 || strcmp(h[0].langs, "nl,en") == 0),
	       "languages grouped: %s", n ? h[0].langs : "");
	corpus_hit_free(h, n);
	struct corpus_query q3 = {"zzzz", NULL, NULL, 0, NULL};
	tap_is_int(corpus_search(s, &q3, &h, &n, err, sizeof err), 1, "no hits is 1");
	highlight(s);
	corpus_store_close(s);
}

static void library(void)
{
	struct corpus_document d;
	char corpus[256], lib[256], err[512];
	snprintf(corpus, sizeof corpus, "%s/corpus.db", dir);
	snprintf(lib, sizeof lib, "%s/data/treaty/library.db", dir);
	struct corpus_store *s = corpus_store_open(corpus, lib, err, sizeof err);
	tap_ok(s != NULL, "open with library: %s", s ? "" : err);
	if (!s)
		return;
	make_doc(&d, "mine", "fr", "interception");
	tap_ok(corpus_store_import(s, &d, err, sizeof err) == 0, "import: %s", err);
	tap_ok(corpus_store_import(s, &d, err, sizeof err) == 0, "re-import replaces");
	corpus_document_free(&d);

	struct corpus_docinfo *info;
	size_t n;
	corpus_list(s, &info, &n, err, sizeof err);
	tap_is_int((long)n, 3, "bundled two + library one");
	corpus_docinfo_free(info, n);

	/* A document that fails midway must leave the old version in place. */
	make_doc(&d, "mine", "fr", "replaced");
	free(d.prov[2].eid);
	d.prov[2].eid = strdup("art_1"); /* duplicate id: the insert fails */
	tap_ok(corpus_store_import(s, &d, err, sizeof err) < 0, "bad import refused: %s", err);
	corpus_document_free(&d);
	struct corpus_hit *h;
	struct corpus_query q = {"interception", "mine", NULL, 0, NULL};
	tap_ok(corpus_search(s, &q, &h, &n, err, sizeof err) == 0 && n == 1,
	       "old version still searchable");
	corpus_hit_free(h, n);

	tap_is_int(corpus_store_remove(s, "mine", err, sizeof err), 0, "remove");
	tap_is_int(corpus_store_remove(s, "mine", err, sizeof err), 1, "remove again: not there");
	tap_is_int(corpus_search(s, &q, &h, &n, err, sizeof err), 1, "gone from the index");
	corpus_store_close(s);
}

/* The rows of sql (one integer) on db; -1 when it fails. */
static int count(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The articles are counted from an index of them, which a library made before it gets. */
static void article_index(void)
{
	static const char has[] = "SELECT count(*) FROM %s.sqlite_master WHERE type='index'"
	                          " AND name='provision_article'";
	static const char *const schemas[] = {"bundled", "main"};
	struct corpus_document d;
	struct corpus_entry *e;
	struct corpus_window w;
	size_t n;
	sqlite3 *db;
	char corpus[256], lib[256], err[512], sql[128];
	snprintf(corpus, sizeof corpus, "%s/corpus.db", dir);
	snprintf(lib, sizeof lib, "%s/data/treaty/library.db", dir);
	struct corpus_store *s = corpus_store_open(corpus, lib, err, sizeof err);
	tap_ok(s != NULL, "open with library: %s", s ? "" : err);
	if (!s)
		return;
	make_doc(&d, "counted", "en", "counting");
	tap_ok(corpus_store_import(s, &d, err, sizeof err) == 0, "import: %s", err);
	corpus_document_free(&d);
	for (int i = 0; i < 2; i++) {
		snprintf(sql, sizeof sql, has, schemas[i]);
		tap_ok(count(corpus_store_db(s), sql) == 1, "the %s database has the index",
		       schemas[i]);
	}
	corpus_store_close(s);

	tap_ok(sqlite3_open(lib, &db) == SQLITE_OK &&
	           sqlite3_exec(db, "DROP INDEX provision_article", NULL, NULL, NULL) == SQLITE_OK,
	       "a library without the index, as made before it");
	sqlite3_close(db);
	s = corpus_store_open(corpus, lib, err, sizeof err);
	tap_ok(s != NULL, "open it: %s", s ? "" : err);
	if (!s)
		return;
	snprintf(sql, sizeof sql, has, "main");
	tap_is_int(count(corpus_store_db(s), sql), 1, "opening it made the index");
	tap_ok(corpus_get_window(s, "counted", "en", "art_2", 1, &e, &n, &w, err, sizeof err) ==
	               0 &&
	           w.articles == 3 && w.articles_before == 1,
	       "three articles, one before art_2");
	corpus_entry_free(e, n);
	tap_is_int(corpus_store_remove(s, "counted", err, sizeof err), 0, "remove");
	corpus_store_close(s);
}

/* The library's documents listed as a person reads their numbers, whatever order they came in. */
static void natural_order(void)
{
	static const char *const ids[] = {"doc-10",
	                                  "doc-9",
	                                  "doc-100",
	                                  "doc-09",
	                                  "doc-9a",
	                                  "Doc-2",
	                                  "doc-99999999999999999999999",
	                                  "doc-1.5",
	                                  "doc-1"};
	static const char want[] = "Doc-2 doc-1 doc-1.5 doc-09 doc-9 doc-9a doc-10 doc-100 "
	                           "doc-99999999999999999999999 ";
	char lib[256], err[512], got[512] = "";
	struct corpus_document d;
	struct corpus_docinfo *info;
	size_t n;
	snprintf(lib, sizeof lib, "%s/natural/library.db", dir);
	struct corpus_store *s = corpus_store_open(NULL, lib, err, sizeof err);
	tap_ok(s != NULL, "open a library: %s", s ? "" : err);
	if (!s)
		return;
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		make_doc(&d, ids[i], "en", "ordering");
		if (corpus_store_import(s, &d, err, sizeof err) < 0)
			tap_diag("import %s: %s", ids[i], err);
		corpus_document_free(&d);
	}
	if (corpus_list(s, &info, &n, err, sizeof err) == 0) {
		for (size_t i = 0; i < n; i++)
			if (info[i].user && strlen(got) + strlen(info[i].id) + 2 < sizeof got)
				strcat(strcat(got, info[i].id), " ");
		corpus_docinfo_free(info, n);
	}
	tap_is_str(got, want, "numbers by their value, then the bytes");
	corpus_store_close(s);
}

static void damaged(void)
{
	char path[256], err[512];
	snprintf(path, sizeof path, "%s/zero.db", dir);
	FILE *f = fopen(path, "w");
	for (int i = 0; i < 4096; i++)
		fputc(0, f);
	fclose(f);
	struct corpus_store *s = corpus_store_open(path, NULL, err, sizeof err);
	tap_ok(s == NULL, "a zeroed corpus file is refused");
	tap_ok(strstr(err, "rebuild") != NULL, "message says what to do: %s", err);
	corpus_store_close(s);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 99;
	build_and_read();
	library();
	article_index();
	natural_order();
	damaged();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", dir);
	return tap_done();
}
