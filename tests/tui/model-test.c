/*
 * model-test — the reader's model without a terminal: places and history,
 * search terms, the go-to parser, and a document wrapped and laid out in one
 * or two columns, read from a private library holding the test fixtures.
 */
#include "tests/tap.h"
#include "tui/reader.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static void test_history(void)
{
	struct tui_history h;
	struct tui_place a, b, c, here, to;
	tui_place_set(&a, "d", "en", "art_1");
	tui_place_set(&b, "d", "en", "art_2");
	tui_place_set(&c, "d", "en", "art_3");
	tui_history_init(&h, &a);
	tap_is_int(tui_history_back(&h, &a, &to), 1, "history: nothing back at the start");
	here = a;
	here.byte = 120; /* scrolled within article 1 before jumping */
	tui_history_push(&h, &here, &b);
	tui_history_push(&h, &b, &c);
	tui_history_back(&h, &c, &to);
	tap_is_str(to.eid, "art_2", "history: back once");
	tui_history_back(&h, &to, &to);
	tap_is_str(to.eid, "art_1", "history: back twice");
	tap_is_int(to.byte, 120, "history: with the exact scroll it left");
	tui_history_forward(&h, &to, &to);
	tap_is_str(to.eid, "art_2", "history: forward");
	tui_history_push(&h, &to, &a);
	tap_is_int(tui_history_forward(&h, &a, &to), 1, "history: a jump drops what was forward");
	tui_history_free(&h);
}

static void test_place_file(const char *dir)
{
	char path[512];
	struct tui_place p, q;
	tui_place_set(&p, "budapest", "nl", "art_5__para_2");
	p.part = 1;
	p.byte = 42;
	snprintf(path, sizeof path, "%s/place", dir);
	tap_is_int(tui_place_load(path, &q), 1, "place file: none yet");
	tap_is_int(tui_place_save(path, &p, NULL, 0), 0, "place file: saved");
	tap_is_int(tui_place_load(path, &q), 0, "place file: read back");
	tap_ok(strcmp(q.doc, p.doc) == 0 && strcmp(q.lang, p.lang) == 0 &&
	           strcmp(q.eid, p.eid) == 0 && q.part == 1 && q.byte == 42,
	       "place file: the same place");
	remove(path);
}

static void test_snippet(void)
{
	struct tui_range *r;
	size_t n;
	char *plain = tui_snippet_plain("a \xFE"
	                                "bc\xFF d",
	                                &r, &n);
	tap_is_str(plain, "a bc d", "snippet: marks taken out");
	tap_ok(n == 1 && r[0].start == 2 && r[0].end == 4, "snippet: the hit's range");
	free(plain);
	free(r);
}

static int known(void *ctx, const char *word)
{
	(void)ctx;
	return strcmp(word, "budapest") == 0 || strcmp(word, "uncc") == 0;
}

static void test_goto(void)
{
	char doc[64], eid[192], err[256];
	static const struct {
		const char *spec, *cur, *doc, *eid;
	} ok[] = {
	    {"art 5(2)(b)", "budapest", "budapest", "art_5__para_2__point_b"},
	    {"budapest 2", NULL, "budapest", "art_2"},
	    {"Budapest 2", "uncc", "budapest", "art_2"},
	    {"uncc 7", "budapest", "uncc", "art_7"},
	    {"budapest", NULL, "budapest", ""},
	    {"art_4__para_1", "uncc", "uncc", "art_4__para_1"},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int rc =
		    tui_goto_parse(ok[i].spec, known, NULL, ok[i].cur, doc, eid, err, sizeof err);
		tap_ok(rc == 0 && strcmp(doc, ok[i].doc) == 0 && strcmp(eid, ok[i].eid) == 0,
		       "go to '%s' → %s %s", ok[i].spec, ok[i].doc, ok[i].eid);
		if (rc)
			tap_diag("%s", err);
	}
	tap_is_int(tui_goto_parse("art 5", known, NULL, NULL, doc, eid, err, sizeof err), -1,
	           "go to: no document to go to in");
	tap_is_int(tui_goto_parse("  ", known, NULL, "uncc", doc, eid, err, sizeof err), -1,
	           "go to: nothing typed");
	tap_is_int(tui_goto_parse("frobnicate", known, NULL, "uncc", doc, eid, err, sizeof err), -1,
	           "go to: not a place");
	tap_ok(strlen(err) > 0, "go to: and why");
}

static struct corpus_store *library(const char *dir, const char *srcdir)
{
	static const char *const files[][2] = {{"tui-reader.en.txt", "en"},
	                                       {"tui-reader.fr.txt", "fr"}};
	char path[1024], err[512];
	snprintf(path, sizeof path, "%s/library.db", dir);
	struct corpus_store *s = corpus_store_open(NULL, path, err, sizeof err);
	for (size_t i = 0; s && i < 2; i++) {
		struct corpus_document doc;
		struct corpus_load_options o = {0};
		o.id = "tuitest";
		o.lang = files[i][1];
		snprintf(path, sizeof path, "%s/tests/fixtures/%s", srcdir, files[i][0]);
		if (corpus_load_file(path, &o, &doc, err, sizeof err) < 0 ||
		    corpus_store_import(s, &doc, err, sizeof err) < 0) {
			tap_diag("%s", err);
			corpus_store_close(s);
			s = NULL;
		}
		corpus_document_free(&doc);
	}
	return s;
}

/* Every row's place leads back to that row, and no line is wider than the column. */
static void test_layout(struct tui_doc *d, int width)
{
	struct tui_rows r;
	struct tui_place p;
	size_t wrong = 0, wide = 0;
	tui_doc_wrap(d, width);
	tui_rows_build(&r, d, NULL);
	for (size_t row = 0; row < r.n; row++) {
		tui_rows_place(&r, d, NULL, row, &p);
		wrong += tui_rows_find(&r, d, NULL, &p) != row;
		const struct tui_line *l = &d->l[r.line[row][0]];
		if (l->para >= 0) {
			const struct tui_para *pa = &d->p[l->para];
			size_t end = l->span.end;
			while (end > l->span.start && pa->text[end - 1] == ' ')
				end--;
			wide += i18n_width(pa->text + l->span.start, end - l->span.start) +
			            tui_doc_indent(d, pa) >
			        width;
		}
	}
	tap_is_int((long)wrong, 0, "every row's place leads back to it");
	tap_is_int((long)wide, 0, "no line wider than the column");
	tui_rows_free(&r);
}

/*
 * The first screen wrapped alone (before the first paint) is row for row what
 * the whole wrap shows from the same place, and no more than a screen or so.
 */
static void test_first_screen(struct tui_doc *d, const char *eid, int part)
{
	enum { ROWS = 6 };
	int entry = tui_doc_find(d, eid);
	tui_doc_wrap(d, 44);
	tap_ok(!d->partial, "%s: the whole wrap is not partial", eid);
	size_t from = d->first_line[entry], n = d->nl;
	while (from < n &&
	       (d->l[from].para < 0 || d->l[from].para < (int)d->first_para[entry] + part))
		from++;
	struct tui_line *whole = malloc((n - from) * sizeof *whole);
	memcpy(whole, d->l + from, (n - from) * sizeof *whole);
	tui_doc_wrap_screen(d, 44, entry, part, ROWS);
	size_t at = 0, same = 0;
	while (at < d->nl && d->l[at].para < (int)d->first_para[entry] + part)
		at++;
	for (size_t k = 0; at + k < d->nl && k < n - from; k++)
		same += memcmp(&d->l[at + k], &whole[k], sizeof *whole) == 0;
	tap_ok(d->partial && d->nl - at >= (n - from < ROWS ? n - from : ROWS) &&
	           same == d->nl - at && d->nl < n,
	       "%s (part %d): the first screen alone is the whole wrap's rows (%zu of %zu wrapped)",
	       eid, part, d->nl, n);
	free(whole);
	tui_doc_wrap(d, 44);
	tap_ok(!d->partial && d->nl == n, "%s: and wrapped whole again, all of it", eid);
}

/*
 * Mark what query finds in d and count the hits whose text does not hold want
 * (compared without regard to ASCII case) from their first or second byte,
 * or that begin on a reference number's "[".
 */
static int count_marked(struct corpus_store *s, struct tui_doc *d, const char *query,
                        const char *want)
{
	struct corpus_highlight *h;
	size_t nh, n = strlen(want);
	int wrong = 0;
	char err[512];
	if (corpus_highlight(s, &(struct corpus_query){query, d->id, d->lang, 0, NULL}, &h, &nh,
	                     err, sizeof err) < 0)
		return -1;
	tui_doc_mark(d, h, nh);
	corpus_highlight_free(h, nh);
	for (size_t i = 0; i < d->np; i++)
		for (size_t k = 0; k < d->p[i].nhits; k++) {
			const char *at = d->p[i].text + d->p[i].hits[k].start;
			wrong += strncasecmp(at, want, n) != 0 && strncasecmp(at + 1, want, n) != 0;
		}
	return d->nhit ? wrong : -1;
}

static void test_document(struct corpus_store *s)
{
	struct tui_doc en, fr;
	struct tui_rows r;
	struct tui_place p;
	char err[512];
	tap_is_int(tui_doc_load(&en, s, "tuitest", "en", 1, err, sizeof err), 0, "load en");
	tap_is_int(tui_doc_load(&fr, s, "tuitest", "fr", 0, err, sizeof err), 0, "load fr");
	tap_is_int(en.narticles, 7, "seven articles");
	tap_is_str(en.e[tui_doc_article_entry(&en, 2)].eid, "art_3", "the third is art_3");
	tap_is_str(en.e[tui_doc_find(&en, "art_3__para_9")].eid, "art_3",
	           "a missing paragraph finds its article");

	/* The reference to article 3 in article 5(1), numbered, the text around it unchanged. */
	tap_ok(en.nlink >= 1, "references are read (%zu)", en.nlink);
	for (size_t k = 0; k < en.nlink; k++) {
		const struct tui_link *l = &en.link[k];
		const struct tui_para *pa = &en.p[l->para];
		const char *stored = en.e[l->entry].text;
		int same = l->shown.end - l->shown.start == l->end - l->at &&
		           memcmp(pa->text + l->shown.start, stored + l->at, l->end - l->at) == 0;
		char num[32];
		snprintf(num, sizeof num, "[%zu]", k + 1);
		tap_ok(same && strncmp(pa->text + l->number.start, num, strlen(num)) == 0,
		       "reference %s shows \"%s\" as stored", num, l->text);
	}

	test_layout(&en, 80);
	test_layout(&en, 33);
	test_first_screen(&en, "art_4", 0);
	test_first_screen(&en, "art_5", 1);
	test_first_screen(&en, "art_1", 0);
	/* Near the end the screen shows rows above the place too: the whole is wrapped at once. */
	tui_doc_wrap_screen(&en, 44, tui_doc_find(&en, en.e[en.n - 1].eid), 0, 6);
	size_t tail = en.nl;
	tui_doc_wrap(&en, 44);
	tap_ok(tail == en.nl, "the last provision's screen: the whole wrapped (%zu of %zu rows)",
	       tail, en.nl);

	/* The place of a line kept at one width is found again at another. */
	tui_doc_wrap(&en, 80);
	tui_rows_build(&r, &en, NULL);
	size_t row =
	    tui_rows_find(&r, &en, NULL, &(struct tui_place){"tuitest", "en", "art_6", 0, 0});
	tui_rows_place(&r, &en, NULL, row + 4, &p);
	tui_rows_free(&r);
	tui_doc_wrap(&en, 40);
	tui_rows_build(&r, &en, NULL);
	const struct tui_line *l = &en.l[r.line[tui_rows_find(&r, &en, NULL, &p)][0]];
	tap_ok(l->para >= 0 && (p.byte < 0 || (l->span.start <= (size_t)p.byte &&
	                                       (size_t)p.byte < l->span.end + 1)),
	       "a place kept at 80 columns is the same words at 40");
	tui_rows_free(&r);

	/* Side by side: each shared provision starts on the same row in both columns. */
	tui_doc_wrap(&en, 39);
	tui_doc_wrap(&fr, 39);
	tui_rows_build(&r, &en, &fr);
	size_t apart = 0;
	for (size_t i = 0; i < en.n; i++) {
		int k = tui_doc_find(&fr, en.e[i].eid);
		if (k >= 0 && strcmp(fr.e[k].eid, en.e[i].eid) == 0 &&
		    en.first_line[i] < en.first_line[i + 1])
			apart += tui_rows_entry_row(&r, &en, 0, (int)i) !=
			         tui_rows_entry_row(&r, &fr, 1, k);
	}
	tap_is_int((long)apart, 0, "side by side, provisions start on the same row");
	tui_rows_place(&r, &en, &fr, tui_rows_entry_row(&r, &en, 0, tui_doc_find(&en, "art_4")) + 1,
	               &p);
	tap_is_str(p.eid, "art_4", "a row of the two columns is a place in the first");
	tui_rows_free(&r);

	/* Hits: where the store says, found again after a wrap. */
	struct corpus_highlight *h;
	size_t nh;
	corpus_highlight(s, &(struct corpus_query){"lighthouse", "tuitest", "en", 0, NULL}, &h, &nh,
	                 err, sizeof err);
	tui_doc_mark(&en, h, nh);
	corpus_highlight_free(h, nh);
	tap_is_int((long)en.nhit, 3, "three hits in the provisions that matched");
	tui_doc_wrap(&en, 50);
	tap_is_int((long)en.nhit, 3, "the same three after wrapping again");
	tap_ok(en.nhit == 3 && en.hit[0].line < en.hit[1].line && en.hit[1].line < en.hit[2].line,
	       "in reading order");
	tui_doc_mark(&en, NULL, 0);
	tap_is_int((long)en.nhit, 0, "no hits clears them");
	/* Hits placed after the label and the numbers of references ("[1]Article 3"). */
	tap_is_int(count_marked(s, &en, "article", "article"), 0, "every hit of article is a word");
	tap_is_int(count_marked(s, &fr, "defilement", "éfil"), 0,
	           "every hit of defilement, folded and stemmed, is défil…");
	tap_ok(fr.nhit >= 4, "défilement and défiler, heading and text (%zu)", fr.nhit);
	tui_doc_free(&en);
	tui_doc_free(&fr);
}

int main(void)
{
	const char *srcdir = getenv("top_srcdir");
	char dir[] = "/tmp/treaty-model.XXXXXX";
	if (!srcdir)
		srcdir = ".";
	if (!mkdtemp(dir))
		return 2;
	test_history();
	test_place_file(dir);
	test_snippet();
	test_goto();
	struct corpus_store *s = library(dir, srcdir);
	if (tap_ok(s != NULL, "a library with the test convention in en and fr")) {
		test_document(s);
		corpus_store_close(s);
	}
	char cmd[512];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		tap_diag("could not remove %s", dir);
	return tap_done();
}
