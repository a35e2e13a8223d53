/*
 * parse-test.c — the structure recogniser on small inputs, one language per
 * case, and every error it reports.
 *
 * All the input texts below are TEST TEXT written for these tests, in the
 * shape of treaties; they are not treaty text and quote no official document.
 * Each case gives the expected provisions, one per line, as
 * "eid|label|heading|text" (newlines inside a text written as "/").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "tests/tap.h"

struct parse_case {
	const char *name, *lang;
	int need_articles;
	const char *input;
	const char *want;
};

static const struct parse_case cases[] = {
    {"en: title, labelled preamble, chapters, sections, titles, points, wrap, conclusions", "en", 1,
     "Test Convention on Examples\n\n"
     "Preamble The Parties to this test agree as follows:\n"
     "CHAPTER I\n\nGENERAL\n\n"
     "Article 1\n\nTerms\n\nFor this test:\n\n"
     "a) \"alpha\" means one;\n\nb) \"beta\" means:\n\n(i) two; or\n\n(ii) three;\n\n"
     "c) \"gamma\" means four.\n\n"
     "CHAPTER II\n\nRULES\n\nSECTION 1\n\nFIRST RULES\n\nTITLE 1\n\nOPENING RULES\n\n"
     "Article 2\n\nScope\n\n"
     "1. Each Party shall test.\n\n"
     "Article 3 of this test is a line of text, not a heading.\n"
     "2. Each Party may test:\n\na) here; and\n\nb) there;\n\nwith care.\n"
     "3.\n\na)One more;\n\nb) Two more.\n\n"
     "IN WITNESS WHEREOF the undersigned have signed this test.\n",
     "longtitle|||Test Convention on Examples\n"
     "preamble|Preamble||The Parties to this test agree as follows:\n"
     "chp_1|CHAPTER I|GENERAL|\n"
     "art_1|Article 1|Terms|For this test:\n"
     "art_1__point_a|a)||\"alpha\" means one;\n"
     "art_1__point_b|b)||\"beta\" means:\n"
     "art_1__point_b__subpoint_i|(i)||two; or\n"
     "art_1__point_b__subpoint_ii|(ii)||three;\n"
     "art_1__point_c|c)||\"gamma\" means four.\n"
     "chp_2|CHAPTER II|RULES|\n"
     "chp_2__sec_1|SECTION 1|FIRST RULES|\n"
     "chp_2__sec_1__title_1|TITLE 1|OPENING RULES|\n"
     "art_2|Article 2|Scope|\n"
     "art_2__para_1|1.||Each Party shall test./Article 3 of this test is a line of text, not "
     "a heading.\n"
     "art_2__para_2|2.||Each Party may test:\n"
     "art_2__para_2__point_a|a)||here; and\n"
     "art_2__para_2__point_b|b)||there;\n"
     "art_2__para_2__wrap|||with care.\n"
     "art_2__para_3|3.||\n"
     "art_2__para_3__point_a|a)||One more;\n"
     "art_2__para_3__point_b|b)||Two more.\n"
     "conclusions|||IN WITNESS WHEREOF the undersigned have signed this test.\n"},

    {"fr: Article premier, heading after a dash, EN FOI DE QUOI", "fr", 1,
     "Convention d'essai\n\nPréambule\n\nLes Parties conviennent de ce qui suit :\n\n"
     "Chapitre premier – Dispositions générales\n\n"
     "Article premier\n\nObjet\n\nLe présent texte sert aux essais.\n\n"
     "ARTICLE 2 – Définitions\n\n1. Au sens du présent texte :\n\n"
     "a) « essai » désigne un test ;\n\nb) « texte » désigne un écrit.\n\n"
     "EN FOI DE QUOI, les soussignés ont signé.\n",
     "longtitle|||Convention d'essai\n"
     "preamble|Préambule||Les Parties conviennent de ce qui suit :\n"
     "chp_1|Chapitre premier –|Dispositions générales|\n"
     "art_1|Article premier|Objet|Le présent texte sert aux essais.\n"
     "art_2|ARTICLE 2 –|Définitions|\n"
     "art_2__para_1|1.||Au sens du présent texte :\n"
     "art_2__para_1__point_a|a)||« essai » désigne un test ;\n"
     "art_2__para_1__point_b|b)||« texte » désigne un écrit.\n"
     "conclusions|||EN FOI DE QUOI, les soussignés ont signé.\n"},

    {"es: accented and capitalised heading words, sections", "es", 1,
     "Convenio de prueba\n\nLas Partes acuerdan lo siguiente:\n\n"
     "CAPÍTULO I\n\nDISPOSICIONES\n\nSECCIÓN 1\n\nGENERAL\n\n"
     "Artículo 1\n\nObjeto\n\nEste texto es una prueba.\n\n"
     "ARTÍCULO 2\n\nDefiniciones\n\na) uno;\n\nb) dos.\n\n"
     "EN FE DE LO CUAL, los abajo firmantes firman.\n",
     "longtitle|||Convenio de prueba\n"
     "preamble|||Las Partes acuerdan lo siguiente:\n"
     "chp_1|CAPÍTULO I|DISPOSICIONES|\n"
     "chp_1__sec_1|SECCIÓN 1|GENERAL|\n"
     "art_1|Artículo 1|Objeto|Este texto es una prueba.\n"
     "art_2|ARTÍCULO 2|Definiciones|\n"
     "art_2__point_a|a)||uno;\n"
     "art_2__point_b|b)||dos.\n"
     "conclusions|||EN FE DE LO CUAL, los abajo firmantes firman.\n"},

    {"ru: Cyrillic point letters, upper-case Статья", "ru", 1,
     "Тестовая конвенция\n\nГлава I\n\nОбщие положения\n\n"
     "Статья 1\n\nЦель\n\n1. Этот текст нужен для проверки:\n\n"
     "а) первое;\n\nб) второе;\n\nв) третье.\n\n"
     "СТАТЬЯ 2\n\nСрок\n\nТекст действует всегда.\n\n"
     "В УДОСТОВЕРЕНИЕ ЧЕГО нижеподписавшиеся подписали.\n",
     "longtitle|||Тестовая конвенция\n"
     "chp_1|Глава I|Общие положения|\n"
     "art_1|Статья 1|Цель|\n"
     "art_1__para_1|1.||Этот текст нужен для проверки:\n"
     "art_1__para_1__point_a|а)||первое;\n"
     "art_1__para_1__point_b|б)||второе;\n"
     "art_1__para_1__point_c|в)||третье.\n"
     "art_2|СТАТЬЯ 2|Срок|Текст действует всегда.\n"
     "conclusions|||В УДОСТОВЕРЕНИЕ ЧЕГО нижеподписавшиеся подписали.\n"},

    {"ar: headings on the heading line, abjad points, ’1’ sub-points, wraps, Arabic-Indic", "ar", 1,
     "اتفاقية اختبار\n"
     "الفصل الأول: أحكام عامة\n"
     "المادة 1: الغرض\n"
     "1 - هذا نص تجريبي:\n\n"
     "(أ) أول؛\n\n’1’ فرع أول؛\n\n’2’ فرع ثان؛\n\nبقصد الاختبار؛\n\n"
     "(ب) ثان؛\n\n(هـ) خامس.\n"
     "2 - فقرة ثانية.\n"
     "الفصل الحادي عشر: أحكام ختامية\n"
     "المادة ٢: الختام\n"
     "نص المادة:\n\n(أ) أول؛\n\n(ب) ثان؛\n\nوذلك للاختبار.\n",
     "longtitle|||اتفاقية اختبار\n"
     "chp_1|الفصل الأول:|أحكام عامة|\n"
     "art_1|المادة 1:|الغرض|\n"
     "art_1__para_1|1 -||هذا نص تجريبي:\n"
     "art_1__para_1__point_a|(أ)||أول؛\n"
     "art_1__para_1__point_a__subpoint_i|’1’||فرع أول؛\n"
     "art_1__para_1__point_a__subpoint_ii|’2’||فرع ثان؛\n"
     "art_1__para_1__point_a__wrap|||بقصد الاختبار؛\n"
     "art_1__para_1__point_b|(ب)||ثان؛\n"
     "art_1__para_1__point_e|(هـ)||خامس.\n"
     "art_1__para_2|2 -||فقرة ثانية.\n"
     "chp_11|الفصل الحادي عشر:|أحكام ختامية|\n"
     "art_2|المادة ٢:|الختام|نص المادة:\n"
     "art_2__point_a|(أ)||أول؛\n"
     "art_2__point_b|(ب)||ثان؛\n"
     "art_2__wrap|||وذلك للاختبار.\n"},

    {"zh: 第…章, 第…条, 一、 paragraphs, （一） points, 1. sub-points", "zh", 1,
     "测试公约\n\n序言\n\n各缔约国议定如下：\n\n"
     "第一章　总则\n\n"
     "第一条　目的\n\n本公约用于测试。\n\n"
     "第二条\n\n定义\n\n一、在本公约中：\n\n（一）“甲”系指：1. 第一；\n\n"
     "1. 第一项；\n\n2. 第二项；\n\n（二）“乙”系指第二。\n\n二、第二款。\n\n"
     "第十二条\n\n生效\n\n本公约立即生效。\n\n"
     "为此，下列签署人签署本公约。\n",
     "longtitle|||测试公约\n"
     "preamble|序言||各缔约国议定如下：\n"
     "chp_1|第一章|总则|\n"
     "art_1|第一条|目的|本公约用于测试。\n"
     "art_2|第二条|定义|\n"
     "art_2__para_1|一、||在本公约中：\n"
     "art_2__para_1__point_a|（一）||“甲”系指：1. 第一；\n"
     "art_2__para_1__point_a__subpoint_i|1.||第一项；\n"
     "art_2__para_1__point_a__subpoint_ii|2.||第二项；\n"
     "art_2__para_1__point_b|（二）||“乙”系指第二。\n"
     "art_2__para_2|二、||第二款。\n"
     "art_12|第十二条|生效|本公约立即生效。\n"
     "conclusions|||为此，下列签署人签署本公约。\n"},

    {"nl: glued Preambule, chapter without title line, a./i. points, dash items, h. then i.", "nl",
     1,
     "Testverdrag\n\nPreambuleDe Partijen komen het volgende overeen:\n"
     "HOOFDSTUK I\n\nAFDELING 1\n\nALGEMEEN\n\n"
     "Artikel 1\n\nBegrippen\n\nIn dit verdrag wordt verstaan onder:\n\n"
     "a. „test\", iets dat\n\n– eerste streepje, en\n\n– tweede streepje;\n\n"
     "b. „proef\":\n\ni. eerste;\n\nii. tweede;\n\n"
     "c. c;\n\nd. d;\n\ne. e;\n\nf. f;\n\ng. g;\n\nh. h;\n\ni. negende letter.\n\n"
     "Artikel 2\n\nSlot\n\nDit is het einde.\n\ne.g. geen punt.\n\n"
     "TEN BLIJKE WAARVAN de ondergetekenden dit hebben ondertekend.\n",
     "longtitle|||Testverdrag\n"
     "preamble|Preambule||De Partijen komen het volgende overeen:\n"
     "chp_1|HOOFDSTUK I||\n"
     "chp_1__sec_1|AFDELING 1|ALGEMEEN|\n"
     "art_1|Artikel 1|Begrippen|In dit verdrag wordt verstaan onder:\n"
     "art_1__point_a|a.||„test\", iets dat/– eerste streepje, en/– tweede streepje;\n"
     "art_1__point_b|b.||„proef\":\n"
     "art_1__point_b__subpoint_i|i.||eerste;\n"
     "art_1__point_b__subpoint_ii|ii.||tweede;\n"
     "art_1__point_c|c.||c;\n"
     "art_1__point_d|d.||d;\n"
     "art_1__point_e|e.||e;\n"
     "art_1__point_f|f.||f;\n"
     "art_1__point_g|g.||g;\n"
     "art_1__point_h|h.||h;\n"
     "art_1__point_i|i.||negende letter.\n"
     "art_2|Artikel 2|Slot|Dit is het einde./e.g. geen punt.\n"
     "conclusions|||TEN BLIJKE WAARVAN de ondergetekenden dit hebben ondertekend.\n"},

    {"press: blocks, headings ignored", "en", 0,
     "Home Test News\n\nA Test Headline\n\nFirst paragraph of the test report.\n"
     "It goes on on the next line.\n\nArticle 1\n\n\"A quoted test statement,\" someone said.\n",
     "longtitle|||Home Test News\n"
     "block_1|||A Test Headline\n"
     "block_2|||First paragraph of the test report. It goes on on the next line.\n"
     "block_3|||Article 1\n"
     "block_4|||\"A quoted test statement,\" someone said.\n"},

    {"en: wrapped lines join with a space, paragraph numbers only go up, duplicate labels stay "
     "text",
     "en", 1,
     "Title\nArticle 1\nHeading\n1. First line\nsecond line.\n2. Two.\n2. Again two.\n"
     "1. One again.\n2001. A year is not a paragraph.\n",
     "longtitle|||Title\n"
     "art_1|Article 1|Heading|\n"
     "art_1__para_1|1.||First line second line.\n"
     "art_1__para_2|2.||Two. 2. Again two. 1. One again. 2001. A year is not a paragraph.\n"},

    {"en: headings on the number's line without a separator; (1) paragraphs", "en", 1,
     "T\n\nCHAPTER II GENERAL RULES\n\nArticle 1 Scope\n\nArticle 2 Each Party shall act.\n\n"
     "Article 2 Reach\n\n(1) First.\n\n(2) Second.\n",
     "longtitle|||T\n"
     "chp_2|CHAPTER II|GENERAL RULES|\n"
     "art_1|Article 1|Scope|Article 2 Each Party shall act.\n"
     "art_2|Article 2|Reach|\n"
     "art_2__para_1|(1)||First.\n"
     "art_2__para_2|(2)||Second.\n"},

    {"es: ordinal sign after the number", "es", 1, "Prueba\n\nArtículo 1º\n\nObjeto\n\nTexto.\n",
     "longtitle|||Prueba\n"
     "art_1|Artículo 1º|Objeto|Texto.\n"},

    {"en: inserted articles 2 bis, 2 ter, joined and hyphenated suffixes", "en", 1,
     "T\n\nArticle 2\n\nTwo\n\nText.\n\nArticle 2 bis\n\nTwo again\n\n1. One.\n\n"
     "Article 2 bis of this test is text.\n\nArticle 2-ter\n\nThird\n\nText.\n\n"
     "Article 3quater - Odd\n\nText.\n\nArticle 4 Terms\n\nText.\n",
     "longtitle|||T\n"
     "art_2|Article 2|Two|Text.\n"
     "art_2bis|Article 2 bis|Two again|\n"
     "art_2bis__para_1|1.||One./Article 2 bis of this test is text.\n"
     "art_2ter|Article 2-ter|Third|Text.\n"
     "art_3quater|Article 3quater -|Odd|Text.\n"
     "art_4|Article 4|Terms|Text.\n"},

    {"fr, ru, ar, zh: inserted articles in each script", "fr", 1,
     "T\n\nArticle premier\n\nUn\n\nArticle 1 bis\n\nUn encore\n\nTexte.\n",
     "longtitle|||T\n"
     "art_1|Article premier|Un|\n"
     "art_1bis|Article 1 bis|Un encore|Texte.\n"},
    {"ru: статья 5 бис", "ru", 1, "Т\n\nСтатья 5\n\nА\n\nСтатья 5 бис\n\nБ\n\nТекст.\n",
     "longtitle|||Т\n"
     "art_5|Статья 5|А|\n"
     "art_5bis|Статья 5 бис|Б|Текст.\n"},
    {"ar: المادة 5 مكرراً", "ar", 1, "ع\n\nالمادة 5: أ\n\nالمادة 5 مكرراً: ب\n\nنص.\n",
     "longtitle|||ع\n"
     "art_5|المادة 5:|أ|\n"
     "art_5bis|المادة 5 مكرراً:|ب|نص.\n"},
    {"zh: 第五条之二", "zh", 1, "标题\n\n第五条 甲\n\n第五条之二 乙\n\n正文。\n",
     "longtitle|||标题\n"
     "art_5|第五条|甲|\n"
     "art_5bis|第五条之二|乙|正文。\n"},

    {"en: inserted paragraphs 2 bis, 2ter, 2-quater; Arabic 1 مكرراً", "en", 1,
     "T\n\nArticle 1\n\nH\n\n1. One.\n\n2. Two.\n\n2 bis. Inserted.\n\n2ter. Again.\n\n"
     "2-quater. Once more.\n\n3. Three.\n",
     "longtitle|||T\n"
     "art_1|Article 1|H|\n"
     "art_1__para_1|1.||One.\n"
     "art_1__para_2|2.||Two.\n"
     "art_1__para_2bis|2 bis.||Inserted.\n"
     "art_1__para_2ter|2ter.||Again.\n"
     "art_1__para_2quater|2-quater.||Once more.\n"
     "art_1__para_3|3.||Three.\n"},
    {"ar: فقرة 1 مكرراً", "ar", 1, "ع\n\nالمادة 1: أ\n\n1 - نص.\n\n1 مكرراً - نص آخر.\n",
     "longtitle|||ع\n"
     "art_1|المادة 1:|أ|\n"
     "art_1__para_1|1 -||نص.\n"
     "art_1__para_1bis|1 مكرراً -||نص آخر.\n"},

    {"en: the first line can be a heading; CRLF line ends", "en", 1,
     "Article 1\r\n\r\nOne\r\n\r\nText one.\r\n\r\nArticle 2 - Two\r\n\r\nText two.\r\n",
     "art_1|Article 1|One|Text one.\n"
     "art_2|Article 2 -|Two|Text two.\n"},
};

/* The provisions of doc as "eid|label|heading|text" lines. Caller frees. */
static char *dump(const struct corpus_document *doc)
{
	size_t cap = 1024, n = 0;
	char *out = malloc(cap);

	out[0] = '\0';
	for (size_t i = 0; i < doc->n; i++) {
		const struct corpus_provision *p = &doc->prov[i];
		const char *f[4] = {p->eid, p->label, p->heading, p->text};
		for (int k = 0; k < 4; k++) {
			const char *s = f[k] ? f[k] : "";
			size_t l = strlen(s) + 2;
			if (n + l + 1 > cap) {
				cap = 2 * (n + l + 1);
				out = realloc(out, cap);
			}
			for (; *s; s++)
				out[n++] = *s == '\n' ? '/' : *s;
			out[n++] = k < 3 ? '|' : '\n';
			out[n] = '\0';
		}
	}
	return out;
}

static void run_case(const struct parse_case *c)
{
	struct corpus_document doc = {0};
	char err[256] = "";
	size_t len = strlen(c->input);
	int rc = corpus_parse_text("test.txt", c->input, len, c->lang, c->need_articles, &doc, err,
	                           sizeof err);

	if (!tap_ok(rc == 0, "%s: parses", c->name)) {
		tap_diag("%s", err);
		return;
	}
	char *got = dump(&doc);
	tap_is_str(got, c->want, c->name);
	free(got);
	rc = corpus_check_fidelity("test.txt", c->input, len, &doc, err, sizeof err);
	if (!tap_ok(rc == 0, "%s: fidelity", c->name))
		tap_diag("%s", err);
	for (size_t i = 0; i < doc.n; i++)
		if (doc.prov[i].parent >= (int)i) {
			tap_ok(0, "%s: parent of %s comes before it", c->name, doc.prov[i].eid);
			break;
		}
	corpus_document_free(&doc);
}

struct error_case {
	const char *name, *lang;
	int need_articles;
	const char *input;
	size_t len; /* 0: strlen(input) */
	const char *want;
};

static const struct error_case errors[] = {
    {"empty file", "en", 1, "", 0, "t.txt:1: empty file"},
    {"only whitespace", "en", 1, " \n\t\n  \n", 0, "t.txt:1: empty file"},
    {"empty press file", "en", 0, "\n\n", 0, "t.txt:1: empty file"},
    {"no articles", "en", 1, "A title\n\nSome text.\n", 0,
     "t.txt:1: no articles found (no line like \"Article 1\")"},
    {"no articles, Dutch", "nl", 1, "Een titel\n\nTekst.\n", 0,
     "t.txt:1: no articles found (no line like \"Artikel 1\")"},
    {"no articles, Chinese", "zh", 1, "标题\n\n正文。\n", 0,
     "t.txt:1: no articles found (no line like \"第1条\")"},
    {"duplicate article", "en", 1, "T\n\nArticle 1\n\nA\n\nArticle 1\n\nB\n", 0,
     "t.txt:7: duplicate article number 1 (already at line 3)"},
    {"out-of-order article", "en", 1, "T\n\nArticle 2\n\nA\n\nArticle 1\n", 0,
     "t.txt:7: article 1 out of order (after article 2 at line 3)"},
    {"duplicate inserted article", "en", 1, "T\n\nArticle 2 bis\n\nA\n\nArticle 2bis\n", 0,
     "t.txt:7: duplicate article number 2 bis (already at line 3)"},
    {"inserted article out of order", "en", 1, "T\n\nArticle 3\n\nA\n\nArticle 2 ter\n", 0,
     "t.txt:7: article 2 ter out of order (after article 3 at line 3)"},
    {"ter before bis", "en", 1, "T\n\nArticle 2 ter\n\nA\n\nArticle 2 bis\n", 0,
     "t.txt:7: article 2 bis out of order (after article 2 ter at line 3)"},
    {"out-of-order roman and arabic", "fr", 1, "T\nArticle 3\nArticle premier\n", 0,
     "t.txt:3: article 1 out of order (after article 3 at line 2)"},
    {"unknown language", "xx", 1, "T\n\nArticle 1\n", 0,
     "t.txt:1: unknown language \"xx\" (known: en, fr, es, ru, ar, zh, nl)"},
    {"no language", NULL, 1, "T\n\nArticle 1\n", 0,
     "t.txt:1: unknown language \"\" (known: en, fr, es, ru, ar, zh, nl)"},
    {"invalid UTF-8", "en", 1, "T\n\nbad \xff byte\n", 0,
     "t.txt:3: invalid UTF-8 (convert the file to UTF-8)"},
    {"NUL byte", "en", 1, "T\n\nArticle 1\0x\n", 14, "t.txt:3: NUL byte in the text"},
};

static void run_error(const struct error_case *c)
{
	struct corpus_document doc = {0};
	char err[256] = "";
	size_t len = c->len ? c->len : strlen(c->input);
	int rc = corpus_parse_text("t.txt", c->input, len, c->lang, c->need_articles, &doc, err,
	                           sizeof err);

	tap_ok(rc == -1 && doc.prov == NULL && doc.n == 0, "%s: refused, nothing kept", c->name);
	tap_is_str(err, c->want, c->name);
	corpus_document_free(&doc);
}

/* The fidelity check must see a changed, a dropped and an invented character. */
static void fidelity_failures(void)
{
	const char *src = "T\n\nArticle 1\n\nHeading\n\nSome text.\n\nArticle 2\n\nMore text.\n";
	struct corpus_document doc = {0};
	char err[256] = "";
	size_t len = strlen(src);

	if (corpus_parse_text("f.txt", src, len, "en", 1, &doc, err, sizeof err) < 0) {
		tap_ok(0, "fidelity source parses: %s", err);
		return;
	}
	tap_ok(corpus_check_fidelity("f.txt", src, len, &doc, err, sizeof err) == 0,
	       "fidelity holds before any change");
	char *t = doc.prov[1].text; /* art_1: "Some text." */
	t[0] = 's';
	tap_ok(corpus_check_fidelity("f.txt", src, len, &doc, err, sizeof err) == -1,
	       "a changed letter is seen");
	tap_is_str(err, "f.txt:7: provision art_1 differs from the source here",
	           "changed letter: message names line and provision");
	t[0] = 'S';
	doc.n--; /* drop art_2 */
	tap_ok(corpus_check_fidelity("f.txt", src, len, &doc, err, sizeof err) == -1,
	       "a dropped provision is seen");
	tap_is_str(err, "f.txt:9: the provisions leave out the text from here",
	           "dropped text: message names the line");
	doc.n++;
	char *longer = malloc(strlen(t) + 2);
	sprintf(longer, "%s!", t);
	doc.prov[1].text = longer;
	free(t);
	tap_ok(corpus_check_fidelity("f.txt", src, len, &doc, err, sizeof err) == -1,
	       "an invented character is seen");
	tap_is_str(err, "f.txt:9: provision art_1 differs from the source here",
	           "invented character: message names line and provision");
	corpus_document_free(&doc);
}

/* doc->title comes from the first line, unless the caller set one. */
static void title_from_first_line(void)
{
	const char *src = "The Title\n\nArticle 1\n\nText.\n";
	struct corpus_document doc = {0};
	char err[256];

	corpus_parse_text("t.txt", src, strlen(src), "en", 1, &doc, err, sizeof err);
	tap_is_str(doc.title, "The Title", "title taken from the first line");
	corpus_document_free(&doc);
	doc.title = strdup("Given");
	corpus_parse_text("t.txt", src, strlen(src), "en", 1, &doc, err, sizeof err);
	tap_is_str(doc.title, "Given", "a title set by the caller is kept");
	corpus_document_free(&doc);
}

/*
 * Whatever the input, the recogniser either refuses it with a message or
 * gives a tree that passes the fidelity check with unique, valid ids.  The
 * inputs are the cases above with bytes changed, cut and repeated by a fixed
 * pseudo-random sequence (the same on every run).
 */
static void mutations(void)
{
	unsigned long seed = 12345;
	int bad = 0, parsed = 0, runs = 3000;
	static const char pieces[][12] = {"\n",       "\n\n", "Article ", "(a) ", "a) ", "1. ",
	                                  "’1’ ",     "(i) ", "CHAPTER ", "IV",   " – ", ":",
	                                  "\xd8\xa3", "第",   "条",       "\xff", "i. ", "2 - "};

	for (int r = 0; r < runs && !bad; r++) {
		const struct parse_case *c = &cases[r % (sizeof cases / sizeof *cases)];
		size_t len = strlen(c->input), n = 0;
		char *buf = malloc(len * 3 + 64);
		for (size_t i = 0; i < len; i++) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			unsigned op = (unsigned)(seed >> 33) % 1000;
			if (op < 10)
				continue; /* drop a byte */
			if (op < 20 && n < len * 2) {
				const char *pc =
				    pieces[(seed >> 40) % (sizeof pieces / sizeof *pieces)];
				memcpy(buf + n, pc, strlen(pc));
				n += strlen(pc);
			}
			if (op >= 20 && op < 30)
				buf[n++] =
				    (char)(32 + (seed >> 45) % 95); /* another ASCII character */
			else if (op == 30)
				buf[n++] = (char)(seed >> 45); /* any byte at all */
			else
				buf[n++] = c->input[i];
		}
		struct corpus_document doc = {0};
		char err[256];
		if (corpus_parse_text("m.txt", buf, n, c->lang, r % 5 != 0, &doc, err,
		                      sizeof err) == 0) {
			parsed++;
			if (corpus_check_fidelity("m.txt", buf, n, &doc, err, sizeof err) < 0) {
				bad = 1;
				tap_diag("mutation %d of \"%s\": %s", r, c->name, err);
			}
			for (size_t i = 0; i < doc.n && !bad; i++) {
				if (!corpus_eid_valid(doc.prov[i].eid)) {
					bad = 1;
					tap_diag("mutation %d: invalid id %s", r, doc.prov[i].eid);
				}
				for (size_t j = i + 1; j < doc.n; j++)
					if (strcmp(doc.prov[i].eid, doc.prov[j].eid) == 0) {
						bad = 1;
						tap_diag("mutation %d: id %s twice", r,
						         doc.prov[i].eid);
					}
			}
		}
		corpus_document_free(&doc);
		free(buf);
	}
	tap_ok(!bad, "mutated inputs: refused or faithful, with valid unique ids");
	tap_ok(parsed > runs / 4, "mutated inputs: many still parse (%d of %d)", parsed, runs);
}

/* A long input exercises the growth of every table (and would show a quadratic step as a hang). */
static void long_input(void)
{
	size_t arts = 3000, cap = arts * 200, n = 0;
	char *buf = malloc(cap);
	struct corpus_document doc = {0};
	char err[256];

	n += (size_t)sprintf(buf + n, "Long test\n\n");
	for (size_t a = 1; a <= arts; a++)
		n += (size_t)sprintf(buf + n,
		                     "Article %zu\n\nHeading\n\n1. Text:\n\na) x;\n\nb) y.\n", a);
	int rc = corpus_parse_text("l.txt", buf, n, "en", 1, &doc, err, sizeof err);
	tap_ok(rc == 0 && doc.n == 1 + arts * 4, "3000 articles: %zu provisions", doc.n);
	tap_ok(rc == 0 && corpus_check_fidelity("l.txt", buf, n, &doc, err, sizeof err) == 0,
	       "3000 articles: fidelity");
	tap_is_str(doc.n ? doc.prov[doc.n - 1].eid : "", "art_3000__para_1__point_b",
	           "3000 articles: last id");
	corpus_document_free(&doc);
	free(buf);
}

static void kind_names(void)
{
	static const char *const want[] = {"longtitle", "preamble", "chapter",     "section",
	                                   "title",     "article",  "paragraph",   "point",
	                                   "subpoint",  "wrap",     "conclusions", "block"};
	for (int k = 0; k < 12; k++)
		tap_is_str(corpus_kind_name((enum corpus_kind)k), want[k], "kind name");
}

/* Labels kept as text are reported, file:line first; the text is the same as without. */
static const struct {
	const char *name, *lang, *input, *want; /* want NULL: no warning */
} warn_cases[] = {
    {"a clean text", "en", "T\n\nArticle 1\n\nH\n\n1. One.\n\n2. Two.\n\na) x;\n\nb) y.\n", NULL},
    {"a repeated paragraph number", "en",
     "T\n\nArticle 1\n\nH\n\n1. One.\n\n2. Two.\n\n2. Two again.\n",
     "t.txt:11: warning: \"2.\" is used a second time (first at line 9); the line is kept as text"
     " of art_1__para_2\n"},
    {"a paragraph number going back", "en",
     "T\n\nArticle 1\n\nH\n\n2. Two.\n\n3. Three.\n\n1. One.\n",
     "t.txt:11: warning: \"1.\" comes after paragraph 3 (line 9); the line is kept as text of"
     " art_1__para_3\n"},
    {"a paragraph number after an inserted one", "en",
     "T\n\nArticle 1\n\nH\n\n2. Two.\n\n2 bis. Inserted.\n\n1. One.\n",
     "t.txt:11: warning: \"1.\" comes after paragraph 2 bis (line 9); the line is kept as text"
     " of art_1__para_2bis\n"},
    {"an inserted paragraph twice", "en",
     "T\n\nArticle 1\n\nH\n\n2 bis. Inserted.\n\n2bis. Again.\n",
     "t.txt:9: warning: \"2bis.\" is used a second time (first at line 7); the line is kept as"
     " text of art_1__para_2bis\n"},
    {"a repeated point letter", "en", "T\n\nArticle 1\n\nH\n\n(a) x;\n(a) y.\n",
     "t.txt:8: warning: \"(a)\" is used a second time (first at line 7); the line is kept as text"
     " of art_1__point_a\n"},
    {"a repeated chapter", "en", "T\n\nCHAPTER I\n\nArticle 1\n\nH\n\nCHAPTER I\n\nArticle 2\n",
     "t.txt:9: warning: \"CHAPTER I\" is used a second time (first at line 3); the line is kept as"
     " text of art_1\n"},
    {"Arabic", "ar", "ع\n\nالمادة 1: أ\n\n1 - نص.\n\n1 - نص آخر.\n",
     "t.txt:7: warning: \"1 -\" is used a second time (first at line 5); the line is kept as text"
     " of art_1__para_1\n"},
    {"a year is not a paragraph", "en", "T\n\nArticle 1\n\nH\n\n1. One.\n\n2001. A year.\n", NULL},
};

static void warnings(void)
{
	for (size_t i = 0; i < sizeof warn_cases / sizeof *warn_cases; i++) {
		struct corpus_document doc = {0};
		char err[256] = "";
		const char *in = warn_cases[i].input;
		int rc = corpus_parse_text("t.txt", in, strlen(in), warn_cases[i].lang, 1, &doc,
		                           err, sizeof err);
		tap_ok(rc == 0 && corpus_check_fidelity("t.txt", in, strlen(in), &doc, err,
		                                        sizeof err) == 0,
		       "warnings, %s: parses, text kept whole %s", warn_cases[i].name, err);
		tap_is_str(doc.warnings, warn_cases[i].want, warn_cases[i].name);
		corpus_document_free(&doc);
	}

	/* Hundreds of repeats: fifty lines, then how many more. */
	size_t cap = 64 + 300 * 8, n = 0;
	char *big = malloc(cap);
	n += (size_t)snprintf(big, cap, "T\n\nArticle 1\n\nH\n\n1. One.\n");
	for (int k = 0; k < 300; k++)
		n += (size_t)snprintf(big + n, cap - n, "1. Re.\n");
	struct corpus_document doc = {0};
	char err[256] = "";
	int rc = corpus_parse_text("t.txt", big, n, "en", 1, &doc, err, sizeof err);
	int lines = 0;
	for (const char *w = doc.warnings; w && *w; w++)
		lines += *w == '\n';
	tap_ok(rc == 0 && lines == 51, "300 repeats: 50 warnings and a count (%d lines)", lines);
	tap_ok(doc.warnings && strstr(doc.warnings, "t.txt: warning: 250 more lines like these are"
	                                            " kept as text\n"),
	       "the count says 250 more");
	corpus_document_free(&doc);
	free(big);

	/* A failed parse leaves no warnings behind. */
	const char *bad = "T\n\nArticle 2\n\n1. A.\n1. B.\n\nArticle 1\n";
	rc = corpus_parse_text("t.txt", bad, strlen(bad), "en", 1, &doc, err, sizeof err);
	tap_ok(rc < 0 && doc.warnings == NULL && doc.prov == NULL, "a refused text: no warnings");
}

int main(void)
{
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		run_case(&cases[i]);
	for (size_t i = 0; i < sizeof errors / sizeof *errors; i++)
		run_error(&errors[i]);
	fidelity_failures();
	title_from_first_line();
	mutations();
	long_input();
	kind_names();
	warnings();
	return tap_done();
}
