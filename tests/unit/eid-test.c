/*
 * eid-test.c — provision identifiers: numbers written in every script, ids
 * built and validated, what a person types parsed, citations.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "tests/tap.h"

static void nums(void)
{
	static const struct {
		enum corpus_kind kind;
		const char *written, *want; /* want NULL: refused */
	} t[] = {
	    {CORPUS_ARTICLE, "4", "4"},
	    {CORPUS_ARTICLE, "48", "48"},
	    {CORPUS_ARTICLE, "٤٨", "48"}, /* Arabic-Indic */
	    {CORPUS_ARTICLE, "۱۲", "12"}, /* Extended Arabic-Indic */
	    {CORPUS_ARTICLE, "十二", "12"},
	    {CORPUS_ARTICLE, "二十一", "21"},
	    {CORPUS_ARTICLE, "一百零五", "105"},
	    {CORPUS_ARTICLE, "premier", "1"},
	    {CORPUS_ARTICLE, "Premier", "1"},
	    {CORPUS_ARTICLE, "0", NULL},
	    {CORPUS_ARTICLE, "", NULL},
	    {CORPUS_ARTICLE, "x1", NULL},
	    /* inserted articles */
	    {CORPUS_ARTICLE, "2 bis", "2bis"},
	    {CORPUS_ARTICLE, "2bis", "2bis"},
	    {CORPUS_ARTICLE, "2-bis", "2bis"},
	    {CORPUS_ARTICLE, "17 Ter", "17ter"},
	    {CORPUS_ARTICLE, "3 quater", "3quater"},
	    {CORPUS_ARTICLE, "3 nonies", "3novies"},
	    {CORPUS_ARTICLE, "3 decies", "3decies"},
	    {CORPUS_ARTICLE, "5 бис", "5bis"},
	    {CORPUS_ARTICLE, "5 тер", "5ter"},
	    {CORPUS_ARTICLE, "٥ مكرراً", "5bis"},
	    {CORPUS_ARTICLE, "5 مكرر", "5bis"},
	    {CORPUS_ARTICLE, "二之二", "2bis"},
	    {CORPUS_ARTICLE, "2之三", "2ter"},
	    {CORPUS_ARTICLE, "2之一", NULL},
	    {CORPUS_ARTICLE, "2 bist", NULL},
	    {CORPUS_ARTICLE, "2 b", NULL},
	    {CORPUS_ARTICLE, "bis", NULL},
	    {CORPUS_ARTICLE, "0 bis", NULL},
	    {CORPUS_ARTICLE, "2 bis bis", NULL},
	    {CORPUS_PARAGRAPH, "2 bis", "2bis"},
	    {CORPUS_PARAGRAPH, "3-ter", "3ter"},
	    {CORPUS_PARAGRAPH, "1 مكرراً", "1bis"},
	    {CORPUS_PARAGRAPH, "2 bist", NULL},
	    {CORPUS_PARAGRAPH, "4-", NULL}, /* a dash without its suffix (fuzzing found it) */
	    {CORPUS_ARTICLE, "7\xC2\xA0", NULL},
	    {CORPUS_CHAPTER, "2 bis", NULL},
	    {CORPUS_CHAPTER, "IV", "4"},
	    {CORPUS_CHAPTER, "iv", "4"},
	    {CORPUS_CHAPTER, "XLVIII", "48"},
	    {CORPUS_CHAPTER, "IIII", NULL}, /* not a canonical roman numeral */
	    {CORPUS_CHAPTER, "IC", NULL},
	    {CORPUS_CHAPTER, "الأول", "1"},
	    {CORPUS_CHAPTER, "الثاني", "2"},
	    {CORPUS_CHAPTER, "الثالثة", "3"},
	    {CORPUS_CHAPTER, "العاشر", "10"},
	    {CORPUS_CHAPTER, "الحادي عشر", "11"},
	    {CORPUS_CHAPTER, "الثاني عشر", "12"},
	    {CORPUS_CHAPTER, "التاسعة عشرة", "19"},
	    {CORPUS_CHAPTER, "العشرون", "20"},
	    {CORPUS_CHAPTER, "الأول عشر", NULL},
	    {CORPUS_CHAPTER, "الحادي", NULL},
	    {CORPUS_PARAGRAPH, " 3 ", "3"},
	    {CORPUS_POINT, "a", "a"},
	    {CORPUS_POINT, "D", "d"},
	    {CORPUS_POINT, "ab", NULL},
	    {CORPUS_POINT, "1", NULL},
	    {CORPUS_POINT, "а", "a"}, /* Cyrillic а */
	    {CORPUS_POINT, "г", "d"},
	    {CORPUS_POINT, "и", "i"},
	    {CORPUS_POINT, "к", "j"},
	    {CORPUS_POINT, "Э", "z"},
	    {CORPUS_POINT, "ё", NULL},
	    {CORPUS_POINT, "一", "a"},
	    {CORPUS_POINT, "十五", "o"},
	    {CORPUS_POINT, "二十七", NULL},
	    {CORPUS_POINT, "هـ", "e"},
	    {CORPUS_POINT, "ا", "a"},
	    {CORPUS_POINT, "ظ", NULL},
	    {CORPUS_SUBPOINT, "ii", "ii"},
	    {CORPUS_SUBPOINT, "IV", "iv"},
	    {CORPUS_SUBPOINT, "1", "i"},
	    {CORPUS_SUBPOINT, "3", "iii"},
	    {CORPUS_SUBPOINT, "٤", "iv"},
	    {CORPUS_SUBPOINT, "二", "ii"},
	    {CORPUS_SUBPOINT, "39", "xxxix"},
	    {CORPUS_SUBPOINT, "40", NULL},
	    {CORPUS_SUBPOINT, "c", NULL},
	    {CORPUS_PREAMBLE, "1", NULL},
	};
	char out[16];

	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		int rc =
		    corpus_eid_num(t[i].kind, t[i].written, strlen(t[i].written), out, sizeof out);
		char name[96];
		snprintf(name, sizeof name, "%s \"%s\"", corpus_kind_name(t[i].kind), t[i].written);
		tap_is_str(rc == 0 ? out : NULL, t[i].want, name);
	}
	tap_ok(corpus_eid_num(CORPUS_ARTICLE, "1", 1, out, 8) == -1,
	       "a too small buffer is refused");
}

/* The whole abjad order, as the brief for Arabic points gives it. */
static void abjad(void)
{
	static const char *const letters[] = {"أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط",
	                                      "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
	                                      "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض"};
	int ok = 1;
	char out[16];

	for (int k = 0; k < 26; k++) {
		if (corpus_eid_num(CORPUS_POINT, letters[k], strlen(letters[k]), out, sizeof out) !=
		        0 ||
		    out[0] != 'a' + k || out[1]) {
			ok = 0;
			tap_diag("%s gave %s", letters[k], out);
		}
	}
	tap_ok(ok, "abjad letters map to a..z in order");
}

static void make(void)
{
	static const struct {
		const char *parent;
		enum corpus_kind kind;
		const char *num, *want;
	} t[] = {
	    {NULL, CORPUS_ARTICLE, "4", "art_4"},
	    {"chp_2__sec_1__title_1", CORPUS_ARTICLE, "4", "art_4"},
	    {"art_4", CORPUS_PARAGRAPH, "1", "art_4__para_1"},
	    {"art_1", CORPUS_POINT, "d", "art_1__point_d"},
	    {"art_1__point_c", CORPUS_SUBPOINT, "ii", "art_1__point_c__subpoint_ii"},
	    {NULL, CORPUS_CHAPTER, "2", "chp_2"},
	    {"chp_2", CORPUS_SECTION, "1", "chp_2__sec_1"},
	    {NULL, CORPUS_SECTION, "1", "sec_1"},
	    {"chp_2__sec_1", CORPUS_TITLE, "1", "chp_2__sec_1__title_1"},
	    {"art_9", CORPUS_WRAP, NULL, "art_9__wrap"},
	    {"art_9", CORPUS_WRAP, "1", "art_9__wrap"},
	    {"art_9", CORPUS_WRAP, "2", "art_9__wrap_2"},
	    {NULL, CORPUS_WRAP, "1", NULL},
	    {NULL, CORPUS_BLOCK, "7", "block_7"},
	    {NULL, CORPUS_PREAMBLE, NULL, "preamble"},
	    {NULL, CORPUS_LONGTITLE, NULL, "longtitle"},
	    {NULL, CORPUS_CONCLUSIONS, NULL, "conclusions"},
	    {NULL, CORPUS_ARTICLE, "A", NULL},
	    {NULL, CORPUS_ARTICLE, "4__x", NULL},
	    {NULL, CORPUS_ARTICLE, NULL, NULL},
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *got = corpus_eid_make(t[i].parent, t[i].kind, t[i].num);
		tap_is_str(got, t[i].want, t[i].want ? t[i].want : "refused");
		free(got);
	}
}

static void valid(void)
{
	static const char *const good[] = {"longtitle",
	                                   "preamble",
	                                   "conclusions",
	                                   "chp_2",
	                                   "chp_2__sec_1__title_1",
	                                   "sec_1",
	                                   "art_4",
	                                   "art_4__para_1",
	                                   "art_1__point_d",
	                                   "art_1__point_c__subpoint_ii",
	                                   "art_24__para_1__point_a",
	                                   "art_11__para_1__point_a__wrap",
	                                   "art_13__wrap_2",
	                                   "art_2bis",
	                                   "art_2decies__para_1__point_a",
	                                   "art_2__para_1bis",
	                                   "art_2bis__para_3ter__point_a",
	                                   "block_12"};
	static const char *const bad[] = {"",
	                                  "art",
	                                  "art_",
	                                  "art_0",
	                                  "art_01",
	                                  "art_x",
	                                  "art_4__",
	                                  "art_4____para_1",
	                                  "__art_4",
	                                  "chp_2__art_4",
	                                  "art_4__chp_2",
	                                  "art_4__para_1__para_2",
	                                  "art_4__point_1",
	                                  "art_4__wrap_1",
	                                  "art_4__wrap__point_a",
	                                  "preamble__para_1",
	                                  "block_1__para_1",
	                                  "Art_4",
	                                  "art_4 ",
	                                  "para_1",
	                                  "wrap",
	                                  "art_1__wrap__wrap",
	                                  "art_bis",
	                                  "art_2bi",
	                                  "art_2bisx",
	                                  "art_2__para_1bi",
	                                  "chp_2bis",
	                                  "art_02bis"};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		tap_ok(corpus_eid_valid(good[i]), "valid: %s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		tap_ok(!corpus_eid_valid(bad[i]), "invalid: \"%s\"", bad[i]);
	tap_ok(!corpus_eid_valid(NULL), "invalid: NULL");
}

static void parse(void)
{
	static const struct {
		const char *spec, *want;
	} t[] = {
	    {"2", "art_2"},
	    {"art 2", "art_2"},
	    {"article 2", "art_2"},
	    {"Art. 2", "art_2"},
	    {"ARTICLE 2", "art_2"},
	    {"  2  ", "art_2"},
	    {"2(1)(a)", "art_2__para_1__point_a"},
	    {"art. 2, para. 1 (a)", "art_2__para_1__point_a"},
	    {"article 2 paragraph 1 b", "art_2__para_1__point_b"},
	    {"2.1.a", "art_2__para_1__point_a"},
	    {"1(c)(ii)", "art_1__point_c__subpoint_ii"},
	    {"art 1 d", "art_1__point_d"},
	    {"Art. 2(1)(i)", "art_2__para_1__point_i"},
	    {"2(1)(a)(iv)", "art_2__para_1__point_a__subpoint_iv"},
	    {"art 24 para 1 point a", "art_24__para_1__point_a"},
	    {"art 2 sub-paragraph b", "art_2__point_b"},
	    {"art 1 point c subpoint ii", "art_1__point_c__subpoint_ii"},
	    {"artikel 1 onder d", "art_1__point_d"},
	    {"Art. 2, lid 1, onder a", "art_2__para_1__point_a"},
	    {"article premier", "art_1"},
	    {"Статья 5 п. 2", "art_5__para_2"},
	    {"المادة ٢ (١) (أ)", "art_2__para_1__point_a"},
	    {"المادة 2 (هـ) ’2’", "art_2__point_e__subpoint_ii"},
	    {"第2条第1款（一）", "art_2__para_1__point_a"},
	    {"第十二条", "art_12"},
	    {"第二条第一款（一）", "art_2__para_1__point_a"},
	    {"第1条（三）(ii)", "art_1__point_c__subpoint_ii"},
	    {"第2章", "chp_2"},
	    {"第2章第1节第3目", "chp_2__sec_1__title_3"},
	    {"序言", "preamble"},
	    {"第2款", NULL},
	    {"第2", NULL},
	    {"preamble", "preamble"},
	    {"Preamble", "preamble"},
	    {"préambule", "preamble"},
	    {"conclusions", "conclusions"},
	    {"chapter II", "chp_2"},
	    {"CHAPTER IV", "chp_4"},
	    {"chp 2", "chp_2"},
	    {"chp_2", "chp_2"},
	    {"chapter 2 section 1 title 3", "chp_2__sec_1__title_3"},
	    {"Hoofdstuk III", "chp_3"},
	    {"art_1__point_c__subpoint_ii", "art_1__point_c__subpoint_ii"},
	    {"art_13__wrap", "art_13__wrap"},
	    {"block_3", "block_3"},
	    {"longtitle", "longtitle"},
	    {"", NULL},
	    {"foo", NULL},
	    {"art", NULL},
	    {"art q", NULL},
	    {"art x", "art_10"}, /* a roman numeral */
	    {"2(a)(1)(b)", NULL},
	    {"2 ii", NULL},
	    {"chapter", NULL},
	    {"chapter II article 2", NULL},
	    {"art_0", NULL},
	    {"preamble 2", NULL},
	    {"2(1)(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)(m)(n)(o)(p)", NULL},
	    {"2 bis", "art_2bis"},
	    {"article 2 bis", "art_2bis"},
	    {"Art. 2bis(1)(a)", "art_2bis__para_1__point_a"},
	    {"art 17-ter para 2", "art_17ter__para_2"},
	    {"Article 2 BIS", "art_2bis"},
	    {"статья 5 бис", "art_5bis"},
	    {"المادة 5 مكرراً (1)", "art_5bis__para_1"},
	    {"第二条之二", "art_2bis"},
	    {"第2条之三第1款", "art_2ter__para_1"},
	    {"art_2bis__para_1", "art_2bis__para_1"},
	    {"1(2 bis)", "art_1__para_2bis"},
	    {"art. 1, para. 2 ter (a)", "art_1__para_2ter__point_a"},
	    {"article 5 bis, paragraph 1 bis", "art_5bis__para_1bis"},
	    {"2 bis bis", NULL},
	    {"bis", NULL},
	};
	char err[256];

	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		err[0] = '\0';
		char *got = corpus_eid_parse(t[i].spec, err, sizeof err);
		char name[96];
		snprintf(name, sizeof name, "parse \"%s\"", t[i].spec);
		tap_is_str(got, t[i].want, name);
		if (!t[i].want)
			tap_ok(strstr(err, "is not a provision") != NULL, "%s: says why", name);
		free(got);
	}
	err[0] = '\0';
	tap_ok(corpus_eid_parse(NULL, err, sizeof err) == NULL && err[0], "parse NULL: refused");
	tap_ok(corpus_eid_parse("x", NULL, 0) == NULL, "parse without an error buffer");
	tap_is_str(
	    (corpus_eid_parse("foo", err, sizeof err), err),
	    "\"foo\" is not a provision (try \"2\", \"art. 2(1)(a)\", \"chapter II\" or an id "
	    "like \"art_2__para_1__point_a\")",
	    "the error message");
}

static void cite(void)
{
	static const struct {
		const char *eid, *lang, *want;
	} t[] = {
	    {"art_2", "en", "Art. 2"},
	    {"art_2__para_1__point_a", "en", "Art. 2(1)(a)"},
	    {"art_1__point_c__subpoint_ii", "en", "Art. 1(c)(ii)"},
	    {"art_13__wrap", "en", "Art. 13 (closing words)"},
	    {"preamble", "en", "Preamble"},
	    {"conclusions", "en", "Final formula"},
	    {"longtitle", "en", "Title"},
	    {"chp_2", "en", "Chapter II"},
	    {"chp_2__sec_1__title_3", "en", "Chapter II, Section 1, Title 3"},
	    {"block_4", "en", "¶ 4"},
	    {"art_2__para_1__point_a", "nl", "Art. 2, lid 1, onder a"},
	    {"art_1__point_c__subpoint_ii", "nl", "Art. 1, onder c, sub ii"},
	    {"preamble", "nl", "Preambule"},
	    {"chp_3", "nl", "Hoofdstuk III"},
	    {"art_2__para_1__point_a", "ar", "المادة 2 (1) (أ)"},
	    {"art_2__point_e__subpoint_ii", "ar", "المادة 2 (ه) ’2’"},
	    {"art_2__point_o", "ar", "المادة 2 (س)"},
	    {"preamble", "ar", "الديباجة"},
	    {"art_2__para_1__point_b", "ru", "Ст. 2(1)(б)"},
	    {"chp_4", "ru", "Глава IV"},
	    {"art_2__para_1__point_b", "fr", "Art. 2(1)(b)"},
	    {"preamble", "fr", "Préambule"},
	    {"chp_1", "es", "Capítulo I"},
	    {"art_12__para_2__point_a", "zh", "第12条第2款（一）"},
	    {"chp_2", "zh", "第2章"},
	    {"art_2bis", "en", "Art. 2 bis"},
	    {"art_2bis__para_1__point_a", "fr", "Art. 2 bis(1)(a)"},
	    {"art_17quater__para_2", "nl", "Art. 17 quater, lid 2"},
	    {"art_5bis__para_1", "ru", "Ст. 5 бис(1)"},
	    {"art_5sexies", "ru", "Ст. 5 sexies"},
	    {"art_5bis__para_1", "ar", "المادة 5 مكررا (1)"},
	    {"art_5ter", "ar", "المادة 5 ter"},
	    {"art_1__para_2bis", "en", "Art. 1(2 bis)"},
	    {"art_1__para_2ter__point_a", "nl", "Art. 1, lid 2 ter, onder a"},
	    {"art_1__para_2bis", "ru", "Ст. 1(2 бис)"},
	    {"art_1__para_2bis", "ar", "المادة 1 (2 مكررا)"},
	    {"art_1__para_2bis", "zh", "第1条第2款之二"},
	    {"art_2bis__para_1", "zh", "第2条之二第1款"},
	    {"art_2__para_1__point_a", "xx", "Art. 2(1)(a)"}, /* unknown: English */
	    {"art_2__para_1__point_a", NULL, "Art. 2(1)(a)"},
	    {"not an id", "en", "not an id"}, /* shown as it is rather than lost */
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++) {
		char *got = corpus_eid_cite(t[i].eid, t[i].lang);
		char name[96];
		snprintf(name, sizeof name, "cite %s in %s", t[i].eid,
		         t[i].lang ? t[i].lang : "NULL");
		tap_is_str(got, t[i].want, name);
		free(got);
	}
	tap_ok(corpus_eid_cite(NULL, "en") == NULL, "cite NULL: NULL");
}

/* What is parsed from a citation, in any language, comes back to the same id. */
static void round_trip(void)
{
	static const char *const ids[] = {"art_2",
	                                  "art_2__para_1__point_a",
	                                  "art_1__point_c__subpoint_ii",
	                                  "art_2__para_3__point_e__subpoint_iv",
	                                  "art_48__point_o",
	                                  "art_2bis",
	                                  "art_2ter__para_1__point_b",
	                                  "art_9decies__para_3",
	                                  "chp_2",
	                                  "chp_2__sec_1__title_1",
	                                  "preamble"};
	static const char *const langs[] = {"en", "fr", "es", "ru", "ar", "zh", "nl"};
	for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
		for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
			char *c = corpus_eid_cite(ids[i], langs[l]);
			char *back = corpus_eid_parse(c, NULL, 0);
			char name[160];
			snprintf(name, sizeof name, "%s: %s reads back", langs[l], c);
			tap_is_str(back, ids[i], name);
			free(c);
			free(back);
		}
}

int main(void)
{
	nums();
	abjad();
	make();
	valid();
	parse();
	cite();
	round_trip();
	return tap_done();
}
