/*
 * terms-test.c — defined terms: sentences written for the test in every
 * language (tests/fixtures/terms-sentences.tsv), the definitions of the
 * bundled corpus ($TREATY_CORPUS, built from the official texts; skipped
 * without them), looking terms up in any inflection, and finding their uses.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/terms.h"
#include "i18n/i18n.h"
#include "tests/tap.h"

/* The terms text defines, "|" between them. Caller frees. */
static char *defined(const char *text, const char *lang)
{
	size_t *sp, n, len = 1;
	if (corpus_terms_in_text(text, strlen(text), lang, &sp, &n) < 0)
		return strdup("(error)");
	for (size_t i = 0; i < n; i++)
		len += sp[2 * i + 1] - sp[2 * i] + 1;
	char *out = calloc(1, len);
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), len - strlen(out), "%s%.*s", i ? "|" : "",
		         (int)(sp[2 * i + 1] - sp[2 * i]), text + sp[2 * i]);
	free(sp);
	return out;
}

static void sentences(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	if (!tap_ok(f != NULL, "fixture %s opens", path))
		return;
	while (getline(&line, &cap, f) > 0) {
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		char *lang = line, *text = strchr(lang, '\t'), *want;
		if (!text || !(want = strchr(++text, '\t')))
			continue;
		text[-1] = '\0';
		*want++ = '\0';
		char *got = defined(text, lang);
		tap_is_str(got, want, lang);
		if (strcmp(got, want) != 0)
			tap_diag("line %d: %s", lineno, text);
		free(got);
	}
	free(line);
	fclose(f);
}

static void adversarial(void)
{
	size_t n = 20000, *sp, ns;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = i % 3 == 2 ? ' ' : '"';
	s[n] = '\0';
	tap_ok(corpus_terms_in_text(s, n, "en", &sp, &ns) == 0, "20 000 quotes: no crash");
	free(sp);
	memset(s, 'a', n);
	s[0] = '"';
	tap_ok(corpus_terms_in_text(s, n, "en", &sp, &ns) == 0 && ns == 0,
	       "an unterminated quote over 20 000 letters defines nothing");
	free(sp);
	free(s);
	char *got = defined("\"\" means nothing", "en");
	tap_is_str(got, "", "an empty term is none");
	free(got);
	tap_ok(corpus_terms_in_text("\"x\" means", 9, "xx", &sp, &ns) == 0 && ns == 0,
	       "a language without a grammar defines nothing");
	free(sp);
}

/* Uses in a made-up text of terms folded here: plural and inflected forms count. */
static void uses(void)
{
	struct corpus_term t[2] = {{NULL, "en", "computer system", NULL, NULL},
	                           {NULL, "en", "computer", NULL, NULL}};
	char norm[2][64];
	for (int i = 0; i < 2; i++) {
		i18n_fold_word("en", t[i].term, strlen(t[i].term), I18N_FOLD_STEM, norm[i], 64);
		t[i].norm = norm[i];
	}
	const char *text = "Two computer systems, one computer, and the computer system's data.";
	struct corpus_term_use *u;
	size_t n;
	char err[128], got[256] = "";
	tap_is_int(corpus_term_uses(t, 2, text, strlen(text), "en", &u, &n, err, sizeof err), 0,
	           "uses");
	for (size_t i = 0; i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%.*s=%zu", i ? "|" : "",
		         (int)(u[i].end - u[i].start), text + u[i].start, u[i].term);
	tap_is_str(got, "computer systems=0|computer=1|computer system's=0",
	           "plural and possessive forms, the longest term first");
	free(u);

	struct corpus_term z = {NULL, "zh", "测试系统", NULL, (char *)"测 试 系 统"};
	const char *zt = "各测试系统和测试系统。";
	tap_is_int(corpus_term_uses(&z, 1, zt, strlen(zt), "zh", &u, &n, err, sizeof err), 0,
	           "zh uses");
	tap_is_int((long)n, 2, "Chinese: the term as written, twice");
	free(u);
}

/* "eid:term|…" of the terms of doc in lang. */
static char *terms_of(struct corpus_store *s, const char *doc, const char *lang)
{
	struct corpus_term *t;
	size_t n;
	char err[256], *out = calloc(1, 4096);
	if (corpus_terms(s, doc, lang, &t, &n, err, sizeof err) < 0)
		return strcpy(out, err);
	for (size_t i = 0; i < n; i++)
		snprintf(out + strlen(out), 4096 - strlen(out), "%s%s:%s", i ? "|" : "", t[i].eid,
		         t[i].term);
	corpus_term_free(t, n);
	return out;
}

static void check_define(struct corpus_store *s, const char *word, const char *lang,
                         const char *want, const char *name)
{
	struct corpus_term *t;
	size_t n;
	char err[256], got[512] = "";
	int rc = corpus_define(s, word, NULL, lang, &t, &n, err, sizeof err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s %s %s", i ? "|" : "",
		         t[i].doc, t[i].lang, t[i].eid);
	tap_is_str(rc == 0 ? got : err, want, name);
	corpus_term_free(t, n);
}

static void bundled(const char *db)
{
	char err[256] = "";
	struct corpus_store *s = corpus_store_open(db, NULL, err, sizeof err);
	if (!tap_ok(s != NULL, "open the bundled corpus: %s", err))
		return;
	char *got = terms_of(s, "budapest", "en");
	tap_is_str(got,
	           "art_1__point_a:computer system|art_1__point_b:computer data|"
	           "art_1__point_c:service provider|art_1__point_d:traffic data|"
	           "art_9__para_2:child pornography|art_9__para_3:minor|"
	           "art_18__para_3:subscriber information",
	           "Budapest, en: Art. 1 and the terms of Arts. 9 and 18");
	free(got);
	got = terms_of(s, "budapest", "nl");
	tap_ok(strstr(got, "art_1__point_a:computersysteem|") && strstr(got, "art_9__para_3:") &&
	           strstr(got, "art_18__para_3:abonnee-informatie"),
	       "Budapest, nl: the same provisions define: %s", got);
	free(got);
	got = terms_of(s, "budapest-p1", NULL);
	tap_is_str(got,
	           "art_2__para_1:racist and xenophobic material|"
	           "art_2__para_1:racistisch en xenofobisch materiaal",
	           "the Protocol's Art. 2(1), en and nl");
	free(got);
	got = terms_of(s, "uncc", "ar");
	size_t count = 0;
	for (char *p = got; (p = strstr(p, "art_2__point_")); p++)
		count++;
	tap_is_int((long)count, 16, "UN Convention, ar: 16 terms in Art. 2 (a) to (o), (k) two");
	tap_ok(strstr(got, "art_14__para_2:") != NULL, "and the term of Art. 14(2)");
	free(got);
	check_define(s, "computer systems", NULL, "budapest en art_1__point_a",
	             "define a plural form");
	check_define(s, "Computersystemen", "nl", "budapest nl art_1__point_a",
	             "define a Dutch plural");
	check_define(s, "data", "en", "budapest en art_1__point_b|budapest en art_1__point_d",
	             "a word finds the terms that contain it");
	check_define(s, "\xD8\xA7\xD9\x84\xD8\xAD\xD8\xAC\xD8\xB2", "ar", /* الحجز */
	             "uncc ar art_2__point_k", "an Arabic term of a chain");
	check_define(s, "frobnication", NULL, "no defined term 'frobnication'",
	             "nothing defined: a message");
	corpus_store_close(s);
}

int main(void)
{
	const char *top = getenv("top_srcdir"), *db = getenv("TREATY_CORPUS"),
	           *src = getenv("CORPUS_SRC");
	char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/terms-sentences.tsv", top ? top : ".");
	sentences(path);
	adversarial();
	uses();
	if (src && *src && db && *db)
		bundled(db);
	else
		tap_skip("no official texts: the bundled corpus is empty");
	return tap_done();
}
