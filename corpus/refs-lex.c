/*
 * refs-lex.c — words, numbers and punctuation of provision text, classified
 * by the keyword tables of each language, for the reference grammar.
 *
 * Words are folded for comparison only (lowercase, Arabic without vowel
 * marks, tatweel and hamza seats); the text itself is never changed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/refs-int.h"
#include "corpus/utf8.h"

/* A keyword: a folded word ("*" at the end: any ending) and what it is. */
struct ref_kw {
	const char *w;
	unsigned char cls, plural;
	long ord; /* nonzero: an ordinal word, a number */
};

/* ---- Keyword tables ------------------------------------------------------ */

/* clang-format off */
static const struct ref_kw kw_en[] = {
	{"article", K_ART, 0, 0}, {"articles", K_ART, 1, 0}, {"art", K_ART, 0, 0},
	{"arts", K_ART, 1, 0}, {"paragraph", K_PARA, 0, 0}, {"paragraphs", K_PARA, 1, 0},
	{"para", K_PARA, 0, 0}, {"paras", K_PARA, 1, 0}, {"sub-paragraph", K_POINT, 0, 0},
	{"sub-paragraphs", K_POINT, 1, 0}, {"subparagraph", K_POINT, 0, 0},
	{"subparagraphs", K_POINT, 1, 0}, {"chapter", K_CHAP, 0, 0}, {"chapters", K_CHAP, 1, 0},
	{"and", K_AND, 0, 0}, {"or", K_AND, 0, 0}, {"through", K_RANGE, 0, 0},
	{"to", K_RANGE, 0, 0}, {"of", K_OF, 0, 0}, {"the", K_THE, 0, 0}, {"this", K_THIS, 0, 0},
	{"present", K_THIS, 0, 0}, {"above", K_ABOVE, 0, 0}, {"below", K_ABOVE, 0, 0},
	{"convention", K_CONV, 0, 0}, {"protocol", K_PROT, 0, 0}, {"statute", K_INSTR, 0, 0},
	{"treaty", K_INSTR, 0, 0}, {"charter", K_INSTR, 0, 0}, {"covenant", K_INSTR, 0, 0},
	{"agreement", K_INSTR, 0, 0}, {"on", K_TPREP, 0, 0}, {"for", K_TPREP, 0, 0},
	{"against", K_TPREP, 0, 0}, {"concerning", K_TPREP, 0, 0}, {"ets", K_ETS, 0, 0},
	{"cets", K_ETS, 0, 0}, {"no", K_NO, 0, 0}, {"nos", K_NO, 0, 0},
	{"preceding", K_PRECED, 0, 0}, {"foregoing", K_PRECED, 0, 0}, {"two", K_COUNT, 0, 2},
	{"three", K_COUNT, 0, 3}, {"draft", K_DRAFT, 0, 0}, {"drafts", K_DRAFT, 1, 0},
	{"text", K_TEXT, 0, 0}, {"revised", K_REVISED, 0, 0}, {NULL, 0, 0, 0}};
/* clang-format on */

/* clang-format off */
static const struct ref_kw kw_nl[] = {
	{"artikel", K_ART, 0, 0}, {"artikelen", K_ART, 1, 0}, {"art", K_ART, 0, 0},
	{"lid", K_PARA, 0, 0}, {"leden", K_PARA, 1, 0}, {"onderdeel", K_POINT, 0, 0},
	{"onderdelen", K_POINT, 1, 0}, {"hoofdstuk", K_CHAP, 0, 0}, {"en", K_AND, 0, 0},
	{"of", K_AND, 0, 0}, {"tot", K_TPREP, 0, 0}, {"van", K_OF, 0, 0}, {"het", K_THE, 0, 0},
	{"de", K_THE, 0, 0}, {"dit", K_THIS, 0, 0}, {"deze", K_THIS, 0, 0},
	{"hierboven", K_ABOVE, 0, 0}, {"hieronder", K_ABOVE, 0, 0}, {"onder", K_ONDER, 0, 0},
	{"verdrag", K_CONV, 0, 0}, {"protocol", K_PROT, 0, 0}, {"statuut", K_INSTR, 0, 0},
	{"handvest", K_INSTR, 0, 0}, {"overeenkomst", K_INSTR, 0, 0}, {"inzake", K_TPREP, 0, 0},
	{"betreffende", K_TPREP, 0, 0}, {"ter", K_TPREP, 0, 0}, {"ets", K_ETS, 0, 0},
	{"cets", K_ETS, 0, 0}, {"no", K_NO, 0, 0}, {"nr", K_NO, 0, 0}, {"vorige", K_PRECED, 0, 0},
	{"voorgaande", K_PRECED, 0, 0}, {"twee", K_COUNT, 0, 2}, {"drie", K_COUNT, 0, 3},
	{"eerste", K_NONE, 0, 1}, {"tweede", K_NONE, 0, 2}, {"derde", K_NONE, 0, 3},
	{"vierde", K_NONE, 0, 4}, {"vijfde", K_NONE, 0, 5}, {"zesde", K_NONE, 0, 6},
	{"zevende", K_NONE, 0, 7}, {"achtste", K_NONE, 0, 8}, {"negende", K_NONE, 0, 9},
	{"tiende", K_NONE, 0, 10}, {"elfde", K_NONE, 0, 11}, {"twaalfde", K_NONE, 0, 12},
	{"dertiende", K_NONE, 0, 13}, {"veertiende", K_NONE, 0, 14},
	{"vijftiende", K_NONE, 0, 15}, {"zestiende", K_NONE, 0, 16},
	{"zeventiende", K_NONE, 0, 17}, {"achttiende", K_NONE, 0, 18},
	{"negentiende", K_NONE, 0, 19}, {"twintigste", K_NONE, 0, 20}, {"ontwerp", K_DRAFT, 0, 0},
	{"ontwerpverdrag", K_DRAFT, 0, 0}, {"ontwerptekst", K_DRAFT, 0, 0}, {"tekst", K_TEXT, 0, 0},
	{"herzien", K_REVISED, 0, 0}, {"herziene", K_REVISED, 0, 0}, {NULL, 0, 0, 0}};
/* clang-format on */

/* clang-format off */
static const struct ref_kw kw_fr[] = {
	{"article", K_ART, 0, 0}, {"articles", K_ART, 1, 0}, {"paragraphe", K_PARA, 0, 0},
	{"paragraphes", K_PARA, 1, 0}, {"alinéa", K_POINT, 0, 0}, {"alinéas", K_POINT, 1, 0},
	{"sous-alinéa", K_SUB, 0, 0}, {"sous-alinéas", K_SUB, 1, 0}, {"chapitre", K_CHAP, 0, 0},
	{"et", K_AND, 0, 0}, {"ou", K_AND, 0, 0}, {"à", K_RANGE, 0, 0}, {"de", K_OF, 0, 0},
	{"du", K_OF, 0, 0}, {"des", K_OF, 1, 0}, {"d'", K_OF, 0, 0}, {"le", K_THE, 0, 0},
	{"la", K_THE, 0, 0}, {"les", K_THE, 1, 0}, {"l'", K_THE, 0, 0}, {"présent", K_THIS, 0, 0},
	{"présente", K_THIS, 0, 0}, {"présents", K_THIS, 1, 0}, {"présentes", K_THIS, 1, 0},
	{"ci-dessus", K_ABOVE, 0, 0}, {"ci-dessous", K_ABOVE, 0, 0}, {"supra", K_ABOVE, 0, 0},
	{"convention", K_CONV, 0, 0}, {"protocole", K_PROT, 0, 0}, {"statut", K_INSTR, 0, 0},
	{"traité", K_INSTR, 0, 0}, {"charte", K_INSTR, 0, 0}, {"pacte", K_INSTR, 0, 0},
	{"accord", K_INSTR, 0, 0}, {"sur", K_TPREP, 0, 0}, {"pour", K_TPREP, 0, 0},
	{"contre", K_TPREP, 0, 0}, {"relative", K_TPREP, 0, 0}, {"relatif", K_TPREP, 0, 0},
	{"ste", K_ETS, 0, 0}, {"stce", K_ETS, 0, 0}, {"ets", K_ETS, 0, 0}, {"no", K_NO, 0, 0},
	{"premier", K_NONE, 0, 1}, {"première", K_NONE, 0, 1}, {"précédent", K_PRECED, 0, 0},
	{"précédents", K_PRECED, 0, 0}, {"deux", K_COUNT, 0, 2}, {"trois", K_COUNT, 0, 3},
	{"projet", K_DRAFT, 0, 0}, {"projets", K_DRAFT, 1, 0}, {"texte", K_TEXT, 0, 0},
	{"révisé", K_REVISED, 0, 0}, {"révisée", K_REVISED, 0, 0}, {NULL, 0, 0, 0}};
/* clang-format on */

/* clang-format off */
static const struct ref_kw kw_es[] = {
	{"artículo", K_ART, 0, 0}, {"artículos", K_ART, 1, 0}, {"párrafo", K_PARA, 0, 0},
	{"párrafos", K_PARA, 1, 0}, {"apartado", K_POINT, 0, 0}, {"apartados", K_POINT, 1, 0},
	{"inciso", K_SUB, 0, 0}, {"incisos", K_SUB, 1, 0}, {"capítulo", K_CHAP, 0, 0},
	{"y", K_AND, 0, 0}, {"o", K_AND, 0, 0}, {"e", K_AND, 0, 0}, {"u", K_AND, 0, 0},
	{"a", K_RANGE, 0, 0}, {"al", K_RANGE, 0, 0}, {"de", K_OF, 0, 0}, {"del", K_OF, 0, 0},
	{"el", K_THE, 0, 0}, {"la", K_THE, 0, 0}, {"los", K_THE, 1, 0}, {"las", K_THE, 1, 0},
	{"presente", K_THIS, 0, 0}, {"presentes", K_THIS, 1, 0}, {"supra", K_ABOVE, 0, 0},
	{"infra", K_ABOVE, 0, 0}, {"convención", K_CONV, 0, 0}, {"convenio", K_CONV, 0, 0},
	{"protocolo", K_PROT, 0, 0}, {"estatuto", K_INSTR, 0, 0}, {"tratado", K_INSTR, 0, 0},
	{"carta", K_INSTR, 0, 0}, {"pacto", K_INSTR, 0, 0}, {"acuerdo", K_INSTR, 0, 0},
	{"sobre", K_TPREP, 0, 0}, {"para", K_TPREP, 0, 0}, {"contra", K_TPREP, 0, 0},
	{"ste", K_ETS, 0, 0}, {"ets", K_ETS, 0, 0}, {"primero", K_NONE, 0, 1},
	{"anterior", K_PRECED, 0, 0}, {"anteriores", K_PRECED, 0, 0}, {"dos", K_COUNT, 0, 2},
	{"tres", K_COUNT, 0, 3}, {"primera", K_NONE, 0, 1}, {"proyecto", K_DRAFT, 0, 0},
	{"proyectos", K_DRAFT, 1, 0}, {"texto", K_TEXT, 0, 0}, {"revisado", K_REVISED, 0, 0},
	{"revisada", K_REVISED, 0, 0}, {NULL, 0, 0, 0}};
/* clang-format on */

/* clang-format off */
static const struct ref_kw kw_ru[] = {
	{"стать*", K_ART, 0, 0}, {"статей", K_ART, 1, 0}, {"подпункт*", K_POINT, 0, 0},
	{"пункт*", K_PARA, 0, 0}, {"глав*", K_CHAP, 0, 0}, {"и", K_AND, 0, 0},
	{"или", K_AND, 0, 0}, {"по", K_RANGE, 0, 0}, {"с", K_FROM, 0, 0}, {"со", K_FROM, 0, 0},
	{"настоящ*", K_THIS, 0, 0}, {"данн*", K_THIS, 0, 0}, {"этой", K_THIS, 0, 0},
	{"этого", K_THIS, 0, 0}, {"этом", K_THIS, 0, 0}, {"выше", K_ABOVE, 0, 0},
	{"ниже", K_ABOVE, 0, 0}, {"предыдущ*", K_PRECED, 0, 0}, {"двух", K_COUNT, 0, 2},
	{"два", K_COUNT, 0, 2}, {"трех", K_COUNT, 0, 3}, {"конвенци*", K_CONV, 0, 0},
	{"протокол*", K_PROT, 0, 0}, {"устав*", K_INSTR, 0, 0}, {"договор*", K_INSTR, 0, 0},
	{"пакт*", K_INSTR, 0, 0}, {"соглашени*", K_INSTR, 0, 0}, {"о", K_TPREP, 0, 0},
	{"об", K_TPREP, 0, 0}, {"против", K_TPREP, 0, 0}, {"етс", K_ETS, 0, 0},
	{"проект*", K_DRAFT, 0, 0}, {"текст*", K_TEXT, 0, 0}, {"пересмотренн*", K_REVISED, 0, 0},
	{NULL, 0, 0, 0}};
/* clang-format on */

/* Arabic, folded: hamza seats as bare alef, no vowel marks. */
/* clang-format off */
static const struct ref_kw kw_ar[] = {
	{"المادة", K_ART, 0, 0}, {"مادة", K_ART, 0, 0}, {"المادتين", K_ART, 1, 0},
	{"المادتان", K_ART, 1, 0}, {"مادتين", K_ART, 1, 0}, {"المواد", K_ART, 1, 0},
	{"مواد", K_ART, 1, 0}, {"الفقرة", K_PARA, 0, 0}, {"فقرة", K_PARA, 0, 0},
	{"الفقرتين", K_PARA, 1, 0}, {"الفقرتان", K_PARA, 1, 0}, {"الفقرات", K_PARA, 1, 0},
	{"فقرات", K_PARA, 1, 0}, {"البند", K_POINT, 0, 0}, {"بند", K_POINT, 0, 0},
	{"البندين", K_POINT, 1, 0}, {"البنود", K_POINT, 1, 0}, {"الفصل", K_CHAP, 0, 0},
	{"و", K_AND, 0, 0}, {"او", K_AND, 0, 0}, {"الى", K_RANGE, 0, 0}, {"حتى", K_RANGE, 0, 0},
	{"من", K_OF, 0, 0}, {"هذه", K_THIS, 0, 0}, {"هذا", K_THIS, 0, 0},
	{"اعلاه", K_ABOVE, 0, 0}, {"ادناه", K_ABOVE, 0, 0}, {"الاتفاقية", K_CONV, 0, 0},
	{"البروتوكول", K_PROT, 0, 0}, {"اتفاقية", K_INSTR, 0, 0}, {"بروتوكول", K_INSTR, 0, 0},
	{"معاهدة", K_INSTR, 0, 0}, {"ميثاق", K_INSTR, 0, 0}, {"العهد", K_INSTR, 0, 0},
	{"النظام", K_INSTR, 0, 0}, {"عشرة", K_TEEN, 0, 0}, {"عشر", K_TEEN, 0, 0},
	{"مشروع", K_DRAFT, 0, 0}, {"مشاريع", K_DRAFT, 1, 0}, {"مشروعات", K_DRAFT, 1, 0},
	{"النص", K_TEXT, 0, 0}, {"المنقح", K_REVISED, 0, 0}, {"المنقحة", K_REVISED, 0, 0},
	{NULL, 0, 0, 0}};
/* clang-format on */

/* ---- Document names -------------------------------------------------------- */

static const struct ref_name names_en[] = {
    {{"additional", "protocol", "to", "the", "convention", "on", "cybercrime"}, "budapest-p1"},
    {{"first", "additional", "protocol"}, "budapest-p1"},
    {{"convention", "on", "cybercrime"}, "budapest"},
    {{"budapest", "convention"}, "budapest"},
    {{"budapest", "conventions"}, "budapest"}, /* "the UN and Budapest conventions" */
    {{"united", "nations", "convention", "against", "cybercrime"}, "uncc"},
    {{"un", "convention", "against", "cybercrime"}, "uncc"},
    {{NULL}, NULL}};

static const struct ref_name names_nl[] = {
    {{"aanvullend", "protocol", "bij", "het", "verdrag", "inzake", "de", "bestrijding", "van",
      "strafbare", "feiten", "verbonden", "met", "elektronische", "netwerken"},
     "budapest-p1"},
    {{"verdrag", "inzake", "de", "bestrijding", "van", "strafbare", "feiten", "verbonden", "met",
      "elektronische", "netwerken"},
     "budapest"},
    {{"verdrag", "inzake", "strafbare", "feiten", "verbonden", "met", "elektronische", "netwerken"},
     "budapest"},
    {{"verdrag", "van", "boedapest"}, "budapest"},
    {{"cybercrimeverdrag"}, "budapest"},
    {{NULL}, NULL}};

static const struct ref_name names_fr[] = {
    {{"protocole", "additionnel", "à", "la", "convention", "sur", "la", "cybercriminalité"},
     "budapest-p1"},
    {{"convention", "sur", "la", "cybercriminalité"}, "budapest"},
    {{"convention", "de", "budapest"}, "budapest"},
    {{"convention", "des", "nations", "unies", "contre", "la", "cybercriminalité"}, "uncc"},
    {{NULL}, NULL}};

static const struct ref_name names_es[] = {
    {{"protocolo", "adicional", "al", "convenio", "sobre", "la", "ciberdelincuencia"},
     "budapest-p1"},
    {{"convenio", "sobre", "la", "ciberdelincuencia"}, "budapest"},
    {{"convenio", "de", "budapest"}, "budapest"},
    {{"convención", "de", "las", "naciones", "unidas", "contra", "la", "ciberdelincuencia"},
     "uncc"},
    {{NULL}, NULL}};

static const struct ref_name names_ru[] = {
    {{"дополнительн*", "протокол*", "к", "конвенции", "о", "киберпреступности"}, "budapest-p1"},
    {{"конвенци*", "о", "киберпреступности"}, "budapest"},
    {{"будапештск*", "конвенци*"}, "budapest"},
    {{"конвенци*", "организации", "объединенных", "наций", "против", "киберпреступности"}, "uncc"},
    {{NULL}, NULL}};

static const struct ref_name names_ar[] = {
    {{"اتفاقية", "الامم", "المتحدة", "لمكافحة", "الجريمة", "السيبرانية"}, "uncc"},
    {{"اتفاقية", "بودابست"}, "budapest"},
    {{"الاتفاقية", "المتعلقة", "بالجريمة", "الالكترونية"}, "budapest"},
    {{NULL}, NULL}};

static const struct ref_lang langs[] = {
    {"en", 0, 0, 1, 1, names_en}, {"nl", 0, 1, 1, 1, names_nl}, {"fr", 0, 0, 1, 1, names_fr},
    {"es", 0, 0, 1, 1, names_es}, {"ru", 1, 0, 0, 1, names_ru}, {"ar", 0, 0, 0, 0, names_ar},
    {"zh", 0, 0, 0, 0, NULL},
};

static const struct ref_kw *lang_kw(const struct ref_lang *lang)
{
	static const struct ref_kw *const tab[] = {kw_en, kw_nl, kw_fr, kw_es, kw_ru, kw_ar};
	size_t i = (size_t)(lang - langs);
	return i < sizeof tab / sizeof tab[0] ? tab[i] : NULL;
}

const struct ref_lang *ref_lang_get(const char *code)
{
	for (size_t i = 0; code && i < sizeof langs / sizeof langs[0]; i++)
		if (strcmp(langs[i].code, code) == 0)
			return &langs[i];
	return NULL;
}

const char *ref_ets_doc(long n)
{
	return n == 185 ? "budapest" : n == 189 ? "budapest-p1" : NULL;
}

/* ---- Characters -------------------------------------------------------------- */

int ref_digit(unsigned cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0x0660 && cp <= 0x0669)
		return (int)(cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return (int)(cp - 0x06F0);
	if (cp >= 0xFF10 && cp <= 0xFF19)
		return (int)(cp - 0xFF10);
	return -1;
}

static int is_arabic_mark(unsigned cp)
{
	return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640;
}

static int is_letter(unsigned cp)
{
	if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
		return 1;
	if (cp >= 0xC0 && cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x370 && cp <= 0x52F))
		return 1;
	if (cp >= 0x0600 && cp <= 0x06FF)
		return !(cp == 0x060C || cp == 0x061B || cp == 0x061F || ref_digit(cp) >= 0 ||
		         (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4 || cp < 0x0610);
	return (cp >= 0x0750 && cp <= 0x077F) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
	       (cp >= 0xFE70 && cp <= 0xFEFC) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

static int is_space(unsigned cp)
{
	return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 ||
	       (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
	       cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static int is_upper(unsigned cp)
{
	return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	       (cp >= 0x400 && cp <= 0x42F);
}

/* The folded form of a code point: 0 to drop it. */
static unsigned fold_cp(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 32;
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	if (cp == 0x451) /* ё */
		return 0x435;
	if (cp == 0x0622 || cp == 0x0623 || cp == 0x0625)
		return 0x0627;
	if (is_arabic_mark(cp))
		return 0;
	if (cp == 0x2019 || cp == 0x2010 || cp == 0x2011)
		return cp == 0x2019 ? '\'' : '-';
	return cp;
}

static size_t put_utf8(char *out, unsigned cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* ---- Letters and numerals: eid.c normalises them ------------------------ */

long ref_number(const char *s, size_t len)
{
	char out[16];
	if (corpus_eid_num(CORPUS_ARTICLE, s, len, out, sizeof out) < 0)
		return REF_HUGE; /* 0, or too large to be a provision's number */
	long v = strtol(out, NULL, 10);
	return v > REF_MAX_NUM ? REF_HUGE : v;
}

int ref_letter(const char *s, size_t len)
{
	char out[16];
	if (len == 0 || corpus_eid_num(CORPUS_POINT, s, len, out, sizeof out) < 0)
		return 0;
	return out[0] - 'a' + 1;
}

int ref_roman(const char *s, size_t len)
{
	char out[16];
	if (len == 0 || len > 15 || strspn(s, "ivxlcdmIVXLCDM") < len)
		return 0;
	if (corpus_eid_num(CORPUS_CHAPTER, s, len, out, sizeof out) < 0)
		return 0;
	return (int)strtol(out, NULL, 10);
}

/* ---- The lexer ----------------------------------------------------------------- */

const char *ref_word(const struct ref_lex *lx, size_t i)
{
	return lx->t[i].type == T_WORD ? lx->fold + lx->t[i].fs : "";
}

static const struct ref_kw *kw_find(const struct ref_kw *kw, const char *w)
{
	for (; kw->w; kw++) {
		size_t m = strlen(kw->w);
		if (kw->w[m - 1] == '*') {
			if (strncmp(kw->w, w, m - 1) == 0)
				return kw;
		} else if (strcmp(kw->w, w) == 0) {
			return kw;
		}
	}
	return NULL;
}

static int starts(const char *w, const char *p)
{
	return strncmp(w, p, strlen(p)) == 0;
}

/*
 * Arabic writes conjunctions and prepositions into the word: "والمادة",
 * "للمواد", "بالفقرة", "لهذه".  Look the word up without them.
 */
static const struct ref_kw *kw_find_ar(const struct ref_kw *kw, const char *w, int *andpre)
{
	char buf[256];
	const struct ref_kw *k = kw_find(kw, w);
	*andpre = 0;
	if (k || strlen(w) + 3 >= sizeof buf)
		return k;
	if (starts(w, "و") || starts(w, "ف")) {
		k = kw_find(kw, w + 2);
		if (k && k->cls != K_NONE && k->cls != K_AND && k->cls != K_OF) {
			*andpre = 1;
			return k;
		}
		if (k && k->ord)
			return *andpre = 1, k;
		w += 2;
		*andpre = 1;
	}
	if (starts(w, "لل")) {
		snprintf(buf, sizeof buf, "ال%s", w + 4);
		k = kw_find(kw, buf);
	} else if (starts(w, "ب") || starts(w, "ل") || starts(w, "ك")) {
		k = kw_find(kw, w + 2);
	} else {
		k = NULL;
	}
	if (!k || !(k->cls == K_ART || k->cls == K_PARA || k->cls == K_POINT || k->cls == K_THIS ||
	            k->cls == K_CONV || k->cls == K_PROT || k->cls == K_DRAFT)) {
		*andpre = 0;
		return NULL;
	}
	return k;
}

/* Room for two more tokens: a word may become two (split_draft). */
static int grow(struct ref_lex *lx, size_t *cap)
{
	if (lx->n + 2 <= *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 64;
	struct ref_tok *t = realloc(lx->t, nc * sizeof *t);
	if (!t)
		return -1;
	lx->t = t, *cap = nc;
	return 0;
}

static enum ref_cls punct_cls(unsigned cp)
{
	switch (cp) {
	case ',':
	case 0x060C:
	case 0x3001:
	case 0xFF0C:
		return K_COMMA;
	case '.':
		return K_DOT;
	case '(':
	case 0xFF08:
		return K_LP;
	case ')':
	case 0xFF09:
		return K_RP;
	case '/':
		return K_SLASH;
	case '"':
	case '\'':
	case 0xAB:
	case 0xBB:
	case 0x2018:
	case 0x2019:
	case 0x201C:
	case 0x201D:
	case 0x201E:
		return K_QUOTE;
	case '-':
	case 0x2010:
	case 0x2011:
	case 0x2012:
	case 0x2013:
	case 0x2014:
	case 0x2212:
		return K_RANGE;
	default:
		return K_OTHER;
	}
}

/* Read a word from text[*i]; append its folded form to the fold buffer. */
static void lex_word(struct ref_lex *lx, size_t *i, struct ref_tok *t)
{
	const char *s = lx->text;
	size_t len = lx->len, j = *i;
	t->fs = lx->nfold;
	while (j < len) {
		size_t k = j;
		unsigned cp = corpus_u8_next(s, len, &k);
		if (!is_letter(cp) && !is_arabic_mark(cp)) {
			/* "sub-paragraph", "ci-dessus"; "l'article" */
			size_t m = k;
			int joins = (cp == '-' || cp == 0x2010 || cp == 0x2011) && j > *i &&
			            m < len && is_letter(corpus_u8_next(s, len, &m));
			if (!joins && (cp == '\'' || cp == 0x2019) && m < len) {
				const char *f = lx->fold + t->fs;
				size_t fl = lx->nfold - t->fs;
				if (fl == 1 && (f[0] == 'l' || f[0] == 'd') &&
				    is_letter(corpus_u8_next(s, len, &m))) {
					lx->nfold += put_utf8(lx->fold + lx->nfold, '\'');
					j = k;
					break;
				}
			}
			if (!joins)
				break;
		}
		unsigned f = fold_cp(cp);
		if (f)
			lx->nfold += put_utf8(lx->fold + lx->nfold, f);
		j = k;
	}
	t->fe = lx->nfold;
	lx->fold[lx->nfold++] = '\0';
	t->e = j;
	*i = j;
}

/* Classify a word token by the language's tables. */
static void classify(const struct ref_lang *lang, struct ref_lex *lx, struct ref_tok *t)
{
	const struct ref_kw *kw = lang_kw(lang), *k;
	const char *w = lx->fold + t->fs;
	int andpre = 0;
	size_t wl = t->fe - t->fs;
	k = strcmp(lang->code, "ar") == 0 ? kw_find_ar(kw, w, &andpre) : kw_find(kw, w);
	if (k) {
		t->cls = k->cls, t->plural = k->plural, t->andpre = (unsigned char)andpre;
		if (k->ord && k->cls == K_COUNT)
			t->val = k->ord;
		else if (k->ord)
			t->type = T_NUM, t->val = k->ord, t->ord = 1;
	}
	t->letter = ref_letter(w, wl);
	t->roman = ref_roman(w, wl);
	/* Arabic ordinal words ("الأولى", "الثاني") number articles and chapters */
	if (!k && (unsigned char)w[0] >= 0xD8 && (unsigned char)w[0] <= 0xDB) {
		long v = ref_number(w, wl);
		if (v != REF_HUGE)
			t->type = T_NUM, t->val = v, t->ord = 1;
	}
}

/*
 * nl "ontwerpartikel 17" (draft article 17) writes the draft and the keyword
 * as one word: the word at t becomes the draft, and a token after it the
 * article ("artikel", "artikelen"), so that the grammar reads "draft article".
 * 1 when the second token was made (it is lx->t[lx->n]), 0 when the word is
 * no such compound.
 */
static int split_draft(const struct ref_lang *lang, struct ref_lex *lx, struct ref_tok *t)
{
	static const char draft[] = "ontwerp";
	const size_t dl = sizeof draft - 1;
	const char *w = lx->fold + t->fs;
	const struct ref_kw *k;
	if (strcmp(lang->code, "nl") != 0 || t->cls != K_NONE || strncmp(w, draft, dl) != 0 ||
	    !(k = kw_find(kw_nl, w + dl)) || k->cls != K_ART)
		return 0;
	/* "ontwerp" is ASCII, in the text as in the fold: its bytes are the word's first */
	struct ref_tok *a = t + 1;
	*a = *t;
	a->s = t->s + dl, a->fs = t->fs + dl, a->adj = 1, a->upper = 0;
	a->cls = k->cls, a->plural = k->plural, a->letter = 0, a->roman = 0;
	t->e = a->s, t->cls = K_DRAFT;
	return 1;
}

/* Digits (of any script) at text[*i]; "1er", "2º" keep their ordinal ending. */
static void lex_num(struct ref_lex *lx, size_t *i, struct ref_tok *t)
{
	const char *s = lx->text;
	size_t len = lx->len, j = *i;
	while (j < len) {
		size_t k = j;
		if (ref_digit(corpus_u8_next(s, len, &k)) < 0)
			break;
		j = k;
	}
	long v = ref_number(s + *i, j - *i);
	static const char *const suffix[] = {"er", "re", "\xC2\xBA", "\xC2\xAA"};
	for (size_t q = 0; q < sizeof suffix / sizeof suffix[0]; q++) {
		size_t m = strlen(suffix[q]), k = j + m;
		if (j + m <= len && strncmp(s + j, suffix[q], m) == 0 &&
		    (k >= len || !is_letter(corpus_u8_next(s, len, &k)))) {
			j += m;
			break;
		}
	}
	t->type = T_NUM, t->val = v, t->e = j;
	*i = j;
}

/*
 * Tokens of an inserted article's suffix after the number at i ("2 bis",
 * "2bis", "2-bis", "5 مكرراً"), or 0; *k its ordinal.  Set apart by a space,
 * a word the language uses otherwise (nl "ter") is no suffix.
 */
static size_t suffix_after(const struct ref_lex *lx, size_t i, int *k)
{
	const struct ref_tok *t = &lx->t[i];
	size_t j = i + 1;
	if (t->type != T_NUM || t->ord || t->val < 1 || t->val > REF_MAX_NUM || j >= lx->n)
		return 0;
	if (lx->t[j].type == T_PUNCT && lx->t[j].adj && j + 1 < lx->n && lx->t[j + 1].adj) {
		size_t m = lx->t[j].s;
		unsigned cp = corpus_u8_next(lx->text, lx->len, &m);
		if (cp != '-' && cp != 0x2010 && cp != 0x2011)
			return 0;
		j++;
	}
	const struct ref_tok *w = &lx->t[j];
	const char *f = ref_word(lx, j);
	size_t fl = strlen(f);
	if (w->type != T_WORD || (!w->adj && w->cls != K_NONE) || !fl ||
	    corpus_eid_suffix(f, fl, k) != fl)
		return 0;
	return j - i;
}

/* Merge "tot en met" (nl) and "and/or" into one token; ar "الفقرة الفرعية" into a point. */
static void merge(struct ref_lex *lx)
{
	size_t o = 0;
	for (size_t i = 0; i < lx->n; i++) {
		struct ref_tok *t = &lx->t[i];
		const char *w = ref_word(lx, i);
		if (i + 2 < lx->n && strcmp(w, "tot") == 0 &&
		    strcmp(ref_word(lx, i + 1), "en") == 0 &&
		    strcmp(ref_word(lx, i + 2), "met") == 0) {
			t->cls = K_RANGE, t->e = lx->t[i + 2].e;
			lx->t[o++] = *t;
			i += 2;
			continue;
		}
		if (i + 2 < lx->n && t->cls == K_AND && lx->t[i + 1].cls == K_SLASH &&
		    lx->t[i + 2].cls == K_AND) {
			t->e = lx->t[i + 2].e;
			lx->t[o++] = *t;
			i += 2;
			continue;
		}
		if (i + 1 < lx->n && t->cls == K_PARA &&
		    (strcmp(ref_word(lx, i + 1), "الفرعية") == 0 ||
		     strcmp(ref_word(lx, i + 1), "الفرعيتين") == 0)) {
			t->cls = K_POINT, t->e = lx->t[i + 1].e;
			lx->t[o++] = *t;
			i += 1;
			continue;
		}
		/* ar "الحادية عشرة" = 11: eid.c reads the two words together */
		if (i + 1 < lx->n && t->type == T_WORD && lx->t[i + 1].cls == K_TEEN) {
			char two[128];
			int m = snprintf(two, sizeof two, "%s %s", w, ref_word(lx, i + 1));
			long v =
			    m > 0 && (size_t)m < sizeof two ? ref_number(two, (size_t)m) : REF_HUGE;
			if (v != REF_HUGE) {
				t->type = T_NUM, t->ord = 1, t->val = v, t->e = lx->t[i + 1].e;
				lx->t[o++] = *t;
				i += 1;
				continue;
			}
		}
		int k;
		size_t m = suffix_after(lx, i, &k);
		if (m) {
			t->val += k * REF_SUF, t->e = lx->t[i + m].e;
			lx->t[o++] = *t;
			i += m;
			continue;
		}
		lx->t[o++] = *t;
	}
	lx->n = o;
}

int ref_lex(const struct ref_lang *lang, const char *text, size_t len, struct ref_lex *lx)
{
	size_t cap = 0, i = 0, prev_end = (size_t)-1;
	memset(lx, 0, sizeof *lx);
	lx->text = text, lx->len = len;
	/* folding never grows a word by more than its bytes; +1 for each NUL */
	lx->fold = malloc(2 * len + 1);
	if (!lx->fold)
		return -1;
	while (i < len) {
		size_t k = i;
		unsigned cp = corpus_u8_next(text, len, &k);
		if (is_space(cp)) {
			i = k;
			continue;
		}
		if (grow(lx, &cap) < 0) {
			ref_lex_free(lx);
			return -1;
		}
		struct ref_tok *t = &lx->t[lx->n];
		memset(t, 0, sizeof *t);
		t->s = i, t->adj = prev_end == i;
		if (ref_digit(cp) >= 0) {
			lex_num(lx, &i, t);
		} else if (is_letter(cp)) {
			t->type = T_WORD, t->upper = (unsigned char)is_upper(cp);
			lex_word(lx, &i, t);
			classify(lang, lx, t);
			if (split_draft(lang, lx, t))
				lx->n++, t = &lx->t[lx->n];
		} else {
			t->type = T_PUNCT, t->cls = (unsigned char)punct_cls(cp), t->e = k;
			i = k;
		}
		prev_end = t->e;
		lx->n++;
	}
	merge(lx);
	return 0;
}

void ref_lex_free(struct ref_lex *lx)
{
	free(lx->fold);
	free(lx->t);
	memset(lx, 0, sizeof *lx);
}
