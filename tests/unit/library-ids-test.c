/*
 * library-ids-test.c — the cache of the library's document ids: trusted only
 * while its stamp is the library's (same file, size and modification time, no
 * -wal file), and a store opened with it deferred reads the library whenever
 * the cache lists the document asked for, or was wrong.  Documents are
 * made-up test text.
 */
#include "corpus/corpus.h"
#include "corpus/library-ids.h"
#include "corpus/store-internal.h"
#include "tests/tap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/treaty-ids-test.XXXXXX";
static char lib[256], cache[256];

static void put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

/* The number of ids the cache gives, or -1 when it is not trusted. */
static int cached(void)
{
	char **ids;
	size_t n;
	if (corpus_ids_read(cache, lib, &ids, &n) < 0)
		return -1;
	corpus_ids_free(ids, n);
	return (int)n;
}

static void set_mtime(const char *path, long sec, long nsec)
{
	struct timespec t[2] = {{sec, nsec}, {sec, nsec}};
	utimensat(AT_FDCWD, path, t, 0);
}

static void stamp(void)
{
	char *const two[] = {"alpha", "beta"};
	char **ids;
	size_t n;
	char *p = corpus_ids_path("/x/treaty/library.db");
	tap_is_str(p, "/x/treaty/library.ids", "the cache lies beside the library");
	free(p);

	tap_ok(corpus_ids_write(cache, lib, two, 2) < 0,
	       "no cache for a library that is not there");
	put(lib, "not really a database, but a file");
	set_mtime(lib, 1000000000, 123456789);
	tap_ok(corpus_ids_write(cache, lib, two, 2) == 0, "written for a library that is");
	tap_ok(corpus_ids_read(cache, lib, &ids, &n) == 0 && n == 2 &&
	           strcmp(ids[0], "alpha") == 0 && strcmp(ids[1], "beta") == 0,
	       "and read back as written");
	if (n == 2)
		corpus_ids_free(ids, n);

	/* A cache is a file anyone may edit: its ids come back in order whatever. */
	char *const unsorted[] = {"gamma", "alpha", "budapest-p1", "budapest"};
	tap_ok(corpus_ids_write(cache, lib, unsorted, 4) == 0, "a cache out of order written");
	tap_ok(corpus_ids_read(cache, lib, &ids, &n) == 0 && n == 4 &&
	           strcmp(ids[0], "alpha") == 0 && strcmp(ids[1], "budapest") == 0 &&
	           strcmp(ids[2], "budapest-p1") == 0 && strcmp(ids[3], "gamma") == 0,
	       "read back sorted");
	if (n == 4) {
		tap_ok(corpus_ids_has(ids, n, "alpha") && corpus_ids_has(ids, n, "budapest") &&
		           corpus_ids_has(ids, n, "budapest-p1") && corpus_ids_has(ids, n, "gamma"),
		       "each id found");
		tap_ok(!corpus_ids_has(ids, n, "beta") && !corpus_ids_has(ids, n, "budapest-p") &&
		           !corpus_ids_has(ids, n, "zeta") && !corpus_ids_has(ids, n, ""),
		       "ids not there are not found");
		corpus_ids_free(ids, n);
	}
	tap_ok(!corpus_ids_has(NULL, 0, "alpha"), "an empty list has nothing");
	corpus_ids_write(cache, lib, two, 2);

	set_mtime(lib, 1000000000, 123456790);
	tap_is_int(cached(), -1, "a nanosecond later the library is another: not trusted");
	set_mtime(lib, 1000000000, 123456789);
	tap_is_int(cached(), 2, "the same time again: trusted");

	FILE *f = fopen(lib, "a");
	fputc('x', f);
	fclose(f);
	set_mtime(lib, 1000000000, 123456789);
	tap_is_int(cached(), -1, "another size at the same time: not trusted");
	tap_ok(corpus_ids_write(cache, lib, two, 1) == 0, "written anew");
	tap_is_int(cached(), 1, "trusted again, with what was written");

	char wal[300];
	snprintf(wal, sizeof wal, "%s-wal", lib);
	put(wal, "");
	tap_is_int(cached(), -1, "a -wal file: the library's state is not all in it");
	tap_ok(corpus_ids_write(cache, lib, two, 2) < 0, "nor is a cache written then");
	unlink(wal);
	tap_is_int(cached(), 1, "the -wal file gone: trusted");

	char moved[300];
	snprintf(moved, sizeof moved, "%s.copy", lib);
	rename(lib, moved);
	put(lib, "not really a database, but a filex");
	set_mtime(lib, 1000000000, 123456789);
	tap_is_int(cached(), -1, "another file of the same size and time: not trusted");
	unlink(lib);
	rename(moved, lib);
	tap_is_int(cached(), 1, "the first one back: trusted");

	FILE *c = fopen(cache, "r+");
	char line[256] = "";
	fgets(line, sizeof line, c);
	fclose(c);
	put(cache, line);
	tap_is_int(cached(), 0, "a cache listing no ids");
	line[strlen(line) - 1] = '\0';
	put(cache, line);
	tap_is_int(cached(), -1, "a cache cut short: not trusted");
	put(cache, "treaty-library-ids 2 0 0 0 0 0\n");
	tap_is_int(cached(), -1, "another format: not trusted");
	unlink(cache);
	tap_is_int(cached(), -1, "no cache: not trusted");
	unlink(lib);
}

/* A made-up one-article treaty whose text carries word. */
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

/* The text of doc's article 1 as the store gives it, or "" (caller frees). */
static char *text_of(struct corpus_store *s, const char *doc)
{
	struct corpus_entry *e;
	size_t n;
	char err[512];
	char *t = NULL;
	if (corpus_get(s, doc, NULL, "art_1", &e, &n, err, sizeof err) == 0) {
		for (size_t i = 0; i < n && !t; i++)
			if (e[i].text && strstr(e[i].text, "shall"))
				t = corpus_strdup(e[i].text);
		corpus_entry_free(e, n);
	}
	return t ? t : corpus_strdup("");
}

static void deferred(void)
{
	struct corpus_document d;
	char corpus[256], err[512] = "";
	snprintf(corpus, sizeof corpus, "%s/corpus.db", dir);
	if (load("shared", "bundle", &d) < 0)
		return;
	tap_ok(corpus_store_build(corpus, &d, 1, err, sizeof err) == 0, "build: %s", err);
	corpus_document_free(&d);

	struct corpus_store *s = corpus_store_open(corpus, lib, err, sizeof err);
	tap_ok(s && load("shared", "library", &d) == 0 &&
	           corpus_store_import(s, &d, err, sizeof err) == 0,
	       "the library gets its own 'shared': %s", err);
	corpus_document_free(&d);
	corpus_store_close(s);
	tap_is_int(cached(), 1, "closing the store wrote the cache");

	s = corpus_store_open_deferred(corpus, lib, err, sizeof err);
	tap_ok(s && s->pending, "with the cache, the library is left for later");
	char *t = s ? text_of(s, "shared") : NULL;
	tap_ok(t && strstr(t, "library"), "a document the cache lists is the library's");
	free(t);
	tap_ok(s && !s->pending, "and reading it opened the library");
	tap_is_int(s ? corpus_store_open_library(s, err, sizeof err) : -1, 0,
	           "the cache was right");
	corpus_store_close(s);

	/* A cache stamped right that lists nothing: as if the library changed behind it. */
	char *none[] = {NULL};
	tap_ok(corpus_ids_write(cache, lib, none, 0) == 0, "a cache listing nothing");
	s = corpus_store_open_deferred(corpus, lib, err, sizeof err);
	t = s ? text_of(s, "shared") : NULL;
	tap_ok(s && s->pending && t && strstr(t, "bundle"),
	       "believed, it gives the bundled version and leaves the library closed");
	free(t);
	tap_is_int(s ? corpus_store_open_library(s, err, sizeof err) : -1, 1,
	           "opening the library says the cache was wrong");
	t = s ? text_of(s, "shared") : NULL;
	tap_ok(t && strstr(t, "library"), "and the library's version is read after");
	free(t);
	struct corpus_docinfo *docs;
	size_t n = 0;
	tap_ok(s && corpus_list(s, &docs, &n, err, sizeof err) == 0 && n == 2,
	       "the list has both: %s", err);
	if (n)
		corpus_docinfo_free(docs, n);
	corpus_store_close(s);
	tap_is_int(cached(), 1, "and the close wrote a right cache");

	/* Without the cache, the library is opened at once. */
	unlink(cache);
	s = corpus_store_open_deferred(corpus, lib, err, sizeof err);
	tap_ok(s && !s->pending, "no cache: the library is opened at once");
	corpus_store_close(s);
	unlink(corpus);
}

int main(void)
{
	if (!mkdtemp(dir))
		return 1;
	snprintf(lib, sizeof lib, "%s/library.db", dir);
	snprintf(cache, sizeof cache, "%s/library.ids", dir);
	stamp();
	deferred();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", dir);
	return tap_done();
}
