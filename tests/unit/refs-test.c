/*
 * refs-test.c — the reference recogniser: real provisions of the bundled
 * texts (read from $CORPUS_SRC at run time, never copied here), sentences
 * written for the test in fr, es, ru, zh (tests/fixtures/refs-sentences.tsv),
 * statements citing a draft in every language (tests/fixtures/refs-drafts.tsv)
 * and adversarial text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/refs.h"
#include "tests/tap.h"

/* ---- Expected targets: "art_2..4 budapest:art_9! ext:- uncc:art_7~ ?:art_3~!" -- */

static int isdigit_ascii(char c)
{
	return c >= '0' && c <= '9';
}

static void append(char **s, size_t *n, const char *t)
{
	size_t m = strlen(t);
	*s = realloc(*s, *n + m + 2);
	if (*n)
		(*s)[(*n)++] = ' ';
	memcpy(*s + *n, t, m + 1);
	*n += m;
}

/* Expand "art_2..4" and "art_1__point_b..d" into their targets. */
static char *expand(const char *want)
{
	char *out = NULL, *copy = strdup(want), *save = NULL;
	size_t n = 0;
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		char *dots = strstr(w, "..");
		if (!dots) {
			append(&out, &n, w);
			continue;
		}
		*dots = '\0';
		char *us = strrchr(w, '_'), *hi = dots + 2, buf[256];
		const char *tail = hi + strcspn(hi, "~!");
		if (isdigit_ascii(us[1])) {
			for (long v = atol(us + 1); v <= atol(hi); v++) {
				snprintf(buf, sizeof buf, "%.*s%ld%s", (int)(us + 1 - w), w, v,
				         tail);
				append(&out, &n, buf);
			}
		} else {
			for (char c = us[1]; c <= hi[0]; c++) {
				snprintf(buf, sizeof buf, "%.*s%c%s", (int)(us + 1 - w), w, c,
				         tail);
				append(&out, &n, buf);
			}
		}
	}
	free(copy);
	return out ? out : strdup("");
}

/*
 * The records as "doc:eid~!" words: the text's own document goes without
 * "doc:", no document at all as "?:"; "~" a draft's, "!" unresolved.
 */
static char *render(const struct corpus_ref *r, size_t n, const char *own)
{
	char *out = NULL, buf[256];
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		const char *doc = r[i].external ? "ext:" : r[i].target_doc ? "" : "?:";
		snprintf(buf, sizeof buf, "%s%s%s%s%s%s", doc,
		         r[i].target_doc && strcmp(r[i].target_doc, own) ? r[i].target_doc : "",
		         r[i].target_doc && strcmp(r[i].target_doc, own) ? ":" : "",
		         r[i].target_eid ? r[i].target_eid : "-", r[i].draft ? "~" : "",
		         r[i].resolved ? "" : "!");
		append(&out, &len, buf);
	}
	return out ? out : strdup("");
}

static int check(const char *text, const struct corpus_ref_ctx *ctx, const char *want,
                 const char *span, const char *name)
{
	struct corpus_ref *r;
	size_t n;
	char err[256];
	int rc = corpus_refs_find(text, strlen(text), ctx, &r, &n, err, sizeof err);
	if (!tap_is_int(rc, 0, name))
		return 0;
	char *got = render(r, n, ctx->doc), *exp = expand(want);
	int ok = tap_is_str(got, exp, name);
	if (span)
		ok &= tap_is_str(n ? r[0].text : NULL, span, name);
	/* every record's text is the span it claims */
	for (size_t i = 0; i < n; i++)
		if (r[i].end > strlen(text) ||
		    strncmp(text + r[i].start, r[i].text, r[i].end - r[i].start) != 0)
			ok = tap_ok(0, "%s: record %zu's text is its span", name, i);
	free(got);
	free(exp);
	corpus_refs_free(r, n);
	return ok;
}

/* ---- Real provisions, found in the official texts at run time -------- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	long n;
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (s = malloc((size_t)n + 1)) != NULL) {
		if (fread(s, 1, (size_t)n, f) != (size_t)n) {
			free(s);
			s = NULL;
		} else {
			s[n] = '\0';
		}
	}
	fclose(f);
	return s;
}

static int starts_line(const char *line, const char *p)
{
	return strncmp(line, p, strlen(p)) == 0;
}

/*
 * The text of article art, paragraph para (0: none), point (NULL: none) in a
 * source file laid out one provision a line, without its label.  A small
 * stand-in for the structure recogniser, good enough to find test input.
 */
static char *provision(const char *src, const char *lang, int art, int para, const char *point)
{
	char head[64], next[64], pl[16], pt[32];
	const char *p, *end;
	if (strcmp(lang, "ar") == 0) {
		snprintf(
		    head, sizeof head,
		    "\n\xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD8\xAF\xD8\xA9 %d:", art); /* المادة */
		snprintf(next, sizeof next,
		         "\n\xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD8\xAF\xD8\xA9 %d:", art + 1);
		snprintf(pl, sizeof pl, "%d - ", para);
	} else {
		const char *w = strcmp(lang, "nl") == 0 ? "Artikel" : "Article";
		snprintf(head, sizeof head, "\n%s %d\n", w, art);
		snprintf(next, sizeof next, "\n%s %d\n", w, art + 1);
		snprintf(pl, sizeof pl, "%d.", para);
	}
	if (!(p = strstr(src, head)))
		return NULL;
	p += strlen(head);
	end = strstr(p, next);
	if (!end)
		end = p + strlen(p);
	p = strchr(p, '\n') + 1; /* the heading (en, nl) or the rest of the heading line (ar) */
	if (strcmp(lang, "ar") != 0)
		p = strchr(p, '\n') + 1;
	while (*p == '\n')
		p++;
	for (; para && p < end; p = strchr(p, '\n') + 1)
		if (starts_line(p, pl)) {
			p += strlen(pl);
			break;
		}
	if (point) {
		const char *from = p;
		snprintf(pt, sizeof pt, strcmp(lang, "ar") == 0 ? "(%s)" : "%s)", point);
		for (p = from; p < end; p = strchr(p, '\n') + 1)
			if (starts_line(p, pt) ||
			    (strcmp(lang, "nl") == 0 && p[0] == point[0] && p[1] == '.'))
				break;
		p += strcmp(lang, "nl") == 0 ? 2 : strlen(pt);
	}
	if (p >= end)
		return NULL;
	while (*p == ' ')
		p++;
	return strndup(p, strcspn(p, "\n"));
}

struct real {
	const char *file, *lang, *doc, *parent;
	int art, para;
	const char *point; /* as the source labels it: "c", "أ" */
	const char *eid;
	const char *want;
};

static const struct real reals[] = {
    /* Budapest Convention, English */
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 11, 1, NULL, "art_11__para_1", "art_2..10"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 11, 2, NULL, "art_11__para_2",
     "art_3..5 art_7 art_8 art_9__para_1__point_a art_9__para_1__point_c"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 11, 3, NULL, "art_11__para_3",
     "art_11__para_2"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 14, 2, NULL, "art_14__para_2",
     "art_21 art_14__para_1"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 14, 2, "a", "art_14__para_2__point_a",
     "art_2..11"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 14, 3, "b", "art_14__para_3__point_b",
     "art_20 art_21"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 22, 2, NULL, "art_22__para_2",
     "art_22__para_1__point_b..d"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 22, 3, NULL, "art_22__para_3",
     "art_24__para_1"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 25, 2, NULL, "art_25__para_2", "art_27..35"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 25, 4, NULL, "art_25__para_4",
     "-! art_2..11"}, /* "this chapter": no chapter given here */
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 27, 1, NULL, "art_27__para_1",
     "art_27__para_2..9 art_27 art_27"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 27, 4, NULL, "art_27__para_4",
     "art_25__para_4"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 27, 9, "c", "art_27__para_9__point_c",
     "art_27__para_9__point_a"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 29, 4, NULL, "art_29__para_4",
     "art_2..11 art_29"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 29, 7, NULL, "art_29__para_7",
     "art_29__para_1"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 30, 1, NULL, "art_30__para_1", "art_29"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 30, 2, NULL, "art_30__para_2",
     "art_30__para_1"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 9, 4, NULL, "art_9__para_4",
     "art_9__para_1__point_d art_9__para_1__point_e art_9__para_2__point_b "
     "art_9__para_2__point_c"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 6, 1, "b", "art_6__para_1__point_b",
     "art_6__para_1__point_a__subpoint_i art_6__para_1__point_a__subpoint_ii art_2..5"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 40, 0, NULL, "art_40",
     "art_2 art_3 art_6__para_1__point_b art_7 art_9__para_3 art_27__para_9__point_e"},
    {"budapest-ets185.en.txt", "en", "budapest", NULL, 37, 1, NULL, "art_37__para_1",
     "ext:art_20__point_d!"},
    /* the same provisions in the Dutch translation */
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 11, 1, NULL, "art_11__para_1", "art_2..10"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 11, 2, NULL, "art_11__para_2",
     "art_3..5 art_7 art_8 art_9__para_1__point_a art_9__para_1__point_c"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 14, 2, NULL, "art_14__para_2",
     "art_21 art_14__para_1"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 22, 2, NULL, "art_22__para_2",
     "art_22__para_1__point_b..d"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 22, 3, NULL, "art_22__para_3",
     "art_24__para_1"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 25, 2, NULL, "art_25__para_2", "art_27..35"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 27, 1, NULL, "art_27__para_1",
     "art_27__para_2..9 art_27"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 27, 9, "c", "art_27__para_9__point_c",
     "art_27__para_9__point_a"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 29, 4, NULL, "art_29__para_4",
     "art_2..11 art_29"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 30, 1, NULL, "art_30__para_1", "art_29"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 9, 4, NULL, "art_9__para_4",
     "art_9__para_1__point_d art_9__para_1__point_e art_9__para_2__point_b "
     "art_9__para_2__point_c"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 6, 1, "b", "art_6__para_1__point_b",
     "art_6__para_1__point_a__subpoint_i art_6__para_1__point_a__subpoint_ii art_2..5"},
    {"budapest-ets185.nl.txt", "nl", "budapest", NULL, 40, 0, NULL, "art_40",
     "art_2 art_3 art_6__para_1__point_b art_7 art_9__para_3 art_27__para_9__point_e"},
    /* ETS 189, Art. 8: into the Convention */
    {"budapest-ets189.en.txt", "en", "budapest-p1", "budapest", 8, 1, NULL, "art_8__para_1",
     "budapest:art_1 budapest:art_12 budapest:art_13 budapest:art_22 budapest:art_41 "
     "budapest:art_44 budapest:art_45 budapest:art_46"},
    {"budapest-ets189.en.txt", "en", "budapest-p1", "budapest", 8, 2, NULL, "art_8__para_2",
     "budapest:art_14..21 budapest:art_23..35 art_2..7"},
    {"budapest-ets189.en.txt", "en", "budapest-p1", "budapest", 12, 2, NULL, "art_12__para_2",
     "art_3 art_5 art_6 budapest:art_22__para_2 budapest:art_41__para_1 budapest:-"},
    {"budapest-ets189.nl.txt", "nl", "budapest-p1", "budapest", 8, 1, NULL, "art_8__para_1",
     "budapest:art_1 budapest:art_12 budapest:art_13 budapest:art_22 budapest:art_41 "
     "budapest:art_44 budapest:art_45 budapest:art_46"},
    {"budapest-ets189.nl.txt", "nl", "budapest-p1", "budapest", 8, 2, NULL, "art_8__para_2",
     "budapest:art_14..21 budapest:art_23..35 art_2..7"},
    /* the UN Convention in Arabic */
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 2, 0, "\xD9\x85",
     "art_2__point_m", "art_17"}, /* (م) */
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 3, 0, "\xD8\xA8",
     "art_3__point_b", "art_23 art_35"}, /* (ب) */
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 4, 2, NULL, "art_4__para_2",
     "art_4"},
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 11, 1, "\xD8\xA8",
     "art_11__para_1__point_b",
     "art_11__para_1__point_a__subpoint_i art_11__para_1__point_a__subpoint_ii art_7..10"},
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 11, 3, NULL, "art_11__para_3",
     "art_11__para_1 art_11__para_1__point_a__subpoint_ii"},
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 14, 1, "\xD8\xAF",
     "art_14__para_1__point_d", "art_14__para_1__point_a..c"}, /* (د) */
    {"un-cybercrime-convention.ar.partial.txt", "ar", "uncc", NULL, 15, 1, NULL, "art_15__para_1",
     "art_14"},
};

static void real_cases(const char *dir)
{
	for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
		const struct real *c = &reals[i];
		char path[4096], name[160];
		snprintf(path, sizeof path, "%s/%s", dir, c->file);
		snprintf(name, sizeof name, "%s %s %s", c->doc, c->lang, c->eid);
		char *src = slurp(path),
		     *text = src ? provision(src, c->lang, c->art, c->para, c->point) : NULL;
		if (!tap_ok(text != NULL, "%s: found in %s", name, c->file)) {
			free(src);
			continue;
		}
		struct corpus_ref_ctx ctx = {c->lang, c->doc, c->parent, c->eid, NULL, NULL, 0};
		check(text, &ctx, c->want, NULL, name);
		free(text);
		free(src);
	}
}

/* ---- Sentences written for the test ------------------------------------ */

static void sentences(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;
	if (!tap_ok(f != NULL, "fixture %s opens", path))
		return;
	while ((len = getline(&line, &cap, f)) > 0) {
		char *fld[7], *s = line, name[64];
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (int k = 0; k < 7; k++) {
			fld[k] = s;
			s = s ? strchr(s, '\t') : NULL;
			if (s)
				*s++ = '\0';
		}
		snprintf(name, sizeof name, "sentences line %d (%s)", lineno, fld[0]);
		struct corpus_ref_ctx ctx = {
		    fld[0], fld[1], strcmp(fld[2], "-") ? fld[2] : NULL, fld[3], NULL, NULL, 0};
		check(fld[4], &ctx, fld[5], fld[6], name);
	}
	free(line);
	fclose(f);
}

/* ---- Statements citing a draft of what they discuss ---------------------- */

static void drafts(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;
	if (!tap_ok(f != NULL, "fixture %s opens", path))
		return;
	while (getline(&line, &cap, f) > 0) {
		char *fld[6], *s = line, name[64];
		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (int k = 0; k < 6; k++) {
			fld[k] = s ? s : "";
			s = s ? strchr(s, '\t') : NULL;
			if (s)
				*s++ = '\0';
		}
		snprintf(name, sizeof name, "drafts line %d (%s)", lineno, fld[0]);
		/* a statement's text is a block: no article of its own to complete citations */
		struct corpus_ref_ctx ctx = {fld[0],        "stmt",
		                             NULL,          "block_2",
		                             NULL,          strcmp(fld[2], "-") ? fld[2] : NULL,
		                             *fld[1] == '1'};
		check(fld[3], &ctx, fld[4], *fld[5] ? fld[5] : NULL, name);
	}
	free(line);
	fclose(f);
}

/* ---- Adversarial text ------------------------------------------------------ */

static const struct corpus_ref_ctx en = {"en", "uncc", NULL, "art_5__para_2", NULL, NULL, 0};

/* Articles numbered "2 bis": their ids are art_2bis. Test text, in each script. */
static void inserted_articles(void)
{
	struct corpus_ref_ctx bis = {"en", "uncc", NULL, "art_2bis__para_2", NULL, NULL, 0};
	check("as provided in article 2 bis", &en, "art_2bis", "article 2 bis", "article 2 bis");
	check("under Article 17ter, paragraph 1", &en, "art_17ter__para_1", NULL, "17ter, joined");
	check("under Article 17-quater (1)", &en, "art_17quater__para_1", NULL, "17-quater");
	check("articles 2 bis and 3 ter", &en, "art_2bis art_3ter", NULL, "a list of them");
	check("paragraph 1 of article 5 bis", &en, "art_5bis__para_1", NULL, "as a qualifier");
	check("paragraph 1 of this article", &bis, "art_2bis__para_1", NULL,
	      "relative to an inserted article");
	check("paragraph 1", &bis, "art_2bis__para_1", NULL, "a bare paragraph in one");
	check("articles 2 bis to 4", &en, "art_2bis!", NULL, "a range from one is not expanded");
	check("paragraph 3 bis", &en, "art_5__para_3bis", NULL, "an inserted paragraph");
	check("paragraph 2 ter of article 5 bis", &en, "art_5bis__para_2ter", NULL,
	      "an inserted paragraph of an inserted article");
	check("paragraph 1 bis of this article", &bis, "art_2bis__para_1bis", NULL,
	      "relative to an inserted article");
	check("article 2 bisque", &en, "art_2", "article 2", "a longer word is no suffix");
	check("Artikel 2 ter uitvoering",
	      &(struct corpus_ref_ctx){"nl", "x", NULL, NULL, NULL, NULL, 0}, "art_2", "Artikel 2",
	      "nl: ter apart is a word");
	check("Artikel 2ter", &(struct corpus_ref_ctx){"nl", "x", NULL, NULL, NULL, NULL, 0},
	      "art_2ter", NULL, "nl: 2ter joined");
	check("l'article 4 bis de la présente Convention",
	      &(struct corpus_ref_ctx){"fr", "uncc", NULL, "art_1", NULL, NULL, 0}, "art_4bis",
	      NULL, "fr");
	check("пункт 2 статьи 4 бис",
	      &(struct corpus_ref_ctx){"ru", "uncc", NULL, "art_1", NULL, NULL, 0},
	      "art_4bis__para_2", NULL, "ru");
	check("المادة 4 مكرراً",
	      &(struct corpus_ref_ctx){"ar", "uncc", NULL, "art_1", NULL, NULL, 0}, "art_4bis",
	      NULL, "ar");
	check("第四条之二第一款",
	      &(struct corpus_ref_ctx){"zh", "uncc", NULL, "art_1", NULL, NULL, 0},
	      "art_4bis__para_1", NULL, "zh");
}

static void small_cases(void)
{
	check("under article 0 and article 99999999999999999999", &en, "-! -!", NULL,
	      "article 0 and a huge number are kept, unresolved");
	check("Articles 9 through 2", &en, "art_9!", "Articles 9 through 2",
	      "a reversed range is one unresolved record");
	check("Articles 1 through 100000", &en, "art_1!", NULL,
	      "an absurd range is one unresolved record");
	check("paragraph ((((((1)))))) (((((a))))) article (((", &en, "", NULL,
	      "nested parentheses are no reference");
	check("Article 5 (((((((((((((((((((((((((((((((((b)))))))))))))))))))))))))))))))", &en,
	      "art_5", NULL, "deep parentheses after a reference");
	check("\xff\xfe Article \xc3 5, Article 6\xe2\x80", &en, "art_6", NULL,
	      "invalid UTF-8 is skipped");
	check("", &en, "", NULL, "empty text");
	check("this paragraph and this article", &en, "art_5__para_2 art_5", NULL,
	      "this paragraph, this article");
	check("the two preceding paragraphs",
	      &(struct corpus_ref_ctx){"en", "budapest", NULL, "art_38__para_3", NULL, NULL, 0},
	      "art_38__para_1..2", NULL, "the two preceding paragraphs");
	check("in this chapter",
	      &(struct corpus_ref_ctx){"en", "budapest", NULL, "art_25__para_4", "chp_3", NULL, 0},
	      "chp_3", NULL, "this chapter, when the chapter is known");
	check("paragraph 2 of this article",
	      &(struct corpus_ref_ctx){"en", "x", NULL, NULL, NULL, NULL, 0}, "-!", NULL,
	      "a relative reference without a place is unresolved");
	check("Chapter II of this Convention", &en, "chp_2", NULL, "a chapter");
	check("the Convention",
	      &(struct corpus_ref_ctx){"en", "budapest-p1", "budapest", "art_2", NULL, NULL, 0},
	      "budapest:-", NULL, "the Convention from a protocol is its parent");
	check("this Convention", &en, "", NULL, "a document naming itself is no reference");
	check("\xD8\xA7\xD9\x84\xD9\x85\xD8\xA7\xD8\xAF\xD8\xA9 \xD9\xA3\xD9\xA5", /* المادة ٣٥ */
	      &(struct corpus_ref_ctx){"ar", "uncc", NULL, "art_1", NULL, NULL, 0}, "art_35", NULL,
	      "Arabic-Indic digits");

	inserted_articles();

	struct corpus_ref *r;
	size_t n;
	char err[128];
	tap_is_int(corpus_refs_find("Article 5", 9,
	                            &(struct corpus_ref_ctx){"xx", "d", NULL, NULL, NULL, NULL, 0},
	                            &r, &n, err, sizeof err),
	           1, "no grammar for an unknown language");
	tap_ok(strstr(err, "xx") != NULL, "the message names the language: %s", err);
}

/* Run on a generated text; check the records stay sane and bounded. */
static void big(const char *text, size_t len, const char *lang, size_t max_records,
                const char *name)
{
	struct corpus_ref *r;
	size_t n, bytes = 0;
	char err[128];
	struct corpus_ref_ctx ctx = {lang, "uncc", NULL, "art_5__para_2", NULL, NULL, 0};
	int rc = corpus_refs_find(text, len, &ctx, &r, &n, err, sizeof err);
	int ok = rc == 0;
	for (size_t i = 0; ok && i < n; i++) {
		ok = r[i].start < r[i].end && r[i].end <= len;
		bytes += r[i].end - r[i].start;
	}
	tap_ok(ok && n <= max_records && bytes <= 8 * len + 65536,
	       "%s: %zu records, %zu bytes of text", name, n, bytes);
	corpus_refs_free(r, n);
}

static char *repeat(const char *head, const char *unit, size_t times, const char *tail, size_t *len)
{
	size_t h = strlen(head), u = strlen(unit), t = strlen(tail);
	char *s = malloc(h + u * times + t + 1);
	memcpy(s, head, h);
	for (size_t i = 0; i < times; i++)
		memcpy(s + h + i * u, unit, u);
	memcpy(s + h + u * times, tail, t + 1);
	*len = h + u * times + t;
	return s;
}

static void adversarial(void)
{
	size_t len;
	char *s = repeat("Article 1", ",", 10000, " and 2", &len);
	check(s, &en, "art_1", NULL, "10 000 commas");
	free(s);
	s = repeat("Articles 1", ", 2", 10000, "", &len);
	big(s, len, "en", 10000, "a list of 10 000 articles");
	free(s);
	s = repeat("", "Articles 1 through 99 ", 50000, "", &len);
	big(s, len, "en", len, "a megabyte of ranges");
	free(s);
	s = repeat("het", " eerste en", 20000, " dag", &len);
	big(s, len, "nl", 0, "20 000 ordinals and no paragraph");
	free(s);
	s = repeat("", "revised ", 100000, "draft article 1", &len);
	big(s, len, "en", 1, "100 000 times revised, then a draft article");
	free(s);
	s = repeat("", "draft of the ", 50000, "text's", &len);
	big(s, len, "en", 0, "50 000 drafts of drafts and no article");
	free(s);
	s = repeat("", "\xE8\x8D\x89\xE6\xA1\x88", 100000, "", &len); /* 草案… */
	big(s, len, "zh", 0, "100 000 Chinese drafts");
	free(s);
	s = repeat("paragraph 1", ".a", 50000, "", &len);
	big(s, len, "en", 10, "a dotted chain of 50 000 parts");
	free(s);
	s = repeat("\xE7\xAC\xAC", "\xE5\x8D\x81", 100000, "\xE6\x9D\xA1", &len); /* 第十…十条 */
	big(s, len, "zh", 1, "a Chinese numeral of 100 000 characters");
	free(s);
	s = repeat("", "\xE7\xAC\xAC\xE4\xB8\x80\xE3\x80\x81", 50000,
	           "\xE7\xAC\xAC\xE4\xBA\x8C"
	           "\xE6\x9D\xA1",
	           &len); /* 第一、… 第二条 */
	big(s, len, "zh", 300, "50 000 Chinese items");
	free(s);

	/* every prefix of tricky text, cut anywhere, even inside a character */
	static const char *const tricky[] = {
	    "paragraphs 1, sub-paragraphs d. and e, and 2, sub-paragraphs b. and c. of this "
	    "article",
	    "Articles 3 through 5, 7, 8, and 9.1.a and c. of the Convention on Cybercrime",
	    "het tweede tot en met het negende lid van dit artikel",
	    "\xD8\xA7\xD9\x84\xD9\x81\xD9\x82\xD8\xB1\xD8\xA9 1 (\xD8\xA3) \xE2\x80\x99"
	    "1\xE2\x80\x98 \xD8\xA3\xD9\x88 \xE2\x80\x99"
	    "2\xE2\x80\x98",
	    "\xE7\xAC\xAC\xE4\xBA\x8C\xE5\x8D\x81\xE4\xB9\x9D\xE6\x9D\xA1\xE7\xAC\xAC\xE4\xB8"
	    "\x80\xE6\xAC\xBE(b)\xE9\xA1\xB9",
	    "the revised draft convention's articles 5 and 6 of the draft text",
	    "\xE5\x85\xAC\xE7\xBA\xA6\xE8\x8D\x89\xE6\xA1\x88\xE7\xAC\xAC\xE5\x8D\x81"
	    "\xE4\xB8\x83\xE6\x9D\xA1\xE8\x8D\x89\xE6\xA1\x88", /* 公约草案第十七条草案 */
	};
	static const char *const langs[] = {"en", "en", "nl", "ar", "zh", "en", "zh"};
	int fine = 1;
	for (size_t k = 0; k < sizeof tricky / sizeof tricky[0]; k++) {
		size_t n = strlen(tricky[k]);
		for (size_t cut = 0; cut <= n; cut++) {
			struct corpus_ref *r;
			size_t nr;
			char err[64];
			struct corpus_ref_ctx ctx = {langs[k], "uncc", NULL, "art_5__para_2",
			                             NULL,     NULL,   0};
			char *t = strndup(tricky[k], cut);
			if (corpus_refs_find(t, cut, &ctx, &r, &nr, err, sizeof err) != 0)
				fine = 0;
			for (size_t i = 0; i < nr; i++)
				fine &= r[i].end <= cut;
			corpus_refs_free(r, nr);
			free(t);
		}
	}
	tap_ok(fine, "every prefix of tricky references is handled");
}

int main(void)
{
	const char *src = getenv("CORPUS_SRC"), *top = getenv("top_srcdir");
	char path[4096];
	if (src && *src)
		real_cases(src);
	else
		tap_skip("CORPUS_SRC is not set: the official texts are not here");
	snprintf(path, sizeof path, "%s/tests/fixtures/refs-sentences.tsv", top ? top : ".");
	sentences(path);
	snprintf(path, sizeof path, "%s/tests/fixtures/refs-drafts.tsv", top ? top : ".");
	drafts(path);
	small_cases();
	adversarial();
	return tap_done();
}
