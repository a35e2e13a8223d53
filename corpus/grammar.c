/*
 * grammar.c — heading words and label shapes of the six UN languages and
 * Dutch.  Every match is bounded by a few dozen bytes, so classifying a line
 * costs the same whatever the line's length.
 */
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/grammar.h"
#include "corpus/utf8.h"

struct corpus_lang {
	const char *code;
	const char *example;
	/* Lowercase words; matched without regard to case. */
	const char *article[3], *chapter[3], *section[3], *title[3];
	const char *preamble[3];
	const char *conclusions[4];
	int cjk;   /* headings are 第…条, 第…章, 第…节, 第…目 */
	int cased; /* the script has case: "Article 2 Illegal access" needs no separator */
};

static const struct corpus_lang langs[] = {
    {"en",
     "Article 1",
     {"article"},
     {"chapter"},
     {"section"},
     {"title"},
     {"preamble"},
     {"in witness whereof", "done at"},
     0,
     1},
    {"fr",
     "Article 1",
     {"article"},
     {"chapitre"},
     {"section"},
     {"titre"},
     {"préambule"},
     {"en foi de quoi", "fait à"},
     0,
     1},
    {"es",
     "Artículo 1",
     {"artículo", "articulo"},
     {"capítulo", "capitulo"},
     {"sección", "seccion"},
     {"título", "titulo"},
     {"preámbulo", "preambulo"},
     {"en fe de lo cual", "hecho en"},
     0,
     1},
    {"ru",
     "Статья 1",
     {"статья"},
     {"глава"},
     {"раздел"},
     {"титул"},
     {"преамбула"},
     {"в удостоверение чего", "совершено в"},
     0,
     1},
    {"ar",
     "المادة 1",
     {"المادة"},
     {"الفصل"},
     {"الفرع"},
     {"الباب"},
     {"الديباجة"},
     {"وإثباتا لذلك", "وإثباتاً لذلك", "حررت في"},
     0,
     0},
    {"zh", "第1条", {NULL}, {NULL}, {NULL}, {NULL}, {"序言"}, {"为此", "下列签署人"}, 1, 0},
    {"nl",
     "Artikel 1",
     {"artikel"},
     {"hoofdstuk"},
     {"afdeling"},
     {"titel"},
     {"preambule"},
     {"ten blijke waarvan", "gedaan te"},
     0,
     1},
};

const struct corpus_lang *corpus_lang_find(const char *code)
{
	for (size_t k = 0; code && k < sizeof langs / sizeof *langs; k++)
		if (strcmp(langs[k].code, code) == 0)
			return &langs[k];
	return NULL;
}

const char *corpus_lang_list(void)
{
	return "en, fr, es, ru, ar, zh, nl";
}

const char *corpus_lang_example(const struct corpus_lang *lang)
{
	return lang->example;
}

int corpus_lang_cjk(const struct corpus_lang *lang)
{
	return lang->cjk;
}

/* Bytes of s that spell word (lowercase) without regard to case, or 0. */
static size_t match_word(const char *s, size_t len, const char *word)
{
	size_t wl = strlen(word), i = 0, j = 0;

	while (j < wl) {
		if (i >= len)
			return 0;
		uint32_t a = corpus_u_lower(corpus_u8_next(s, len, &i));
		uint32_t b = corpus_u8_next(word, wl, &j);
		if (a != b)
			return 0;
	}
	return i;
}

static size_t match_any(const char *s, size_t len, const char *const *words, size_t nwords)
{
	for (size_t k = 0; k < nwords && words[k]; k++) {
		size_t m = match_word(s, len, words[k]);
		if (m)
			return m;
	}
	return 0;
}

static uint32_t peek(const char *s, size_t len, size_t i, size_t *next)
{
	*next = i;
	return i < len ? corpus_u8_next(s, len, next) : 0;
}

static size_t skip_space(const char *s, size_t len, size_t i)
{
	size_t n;

	while (i < len && corpus_u_space(peek(s, len, i, &n)))
		i = n;
	return i;
}

static int is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ||
	       (c >= 0xff10 && c <= 0xff19);
}

static int is_han_digit(uint32_t c)
{
	static const uint32_t d[] = {0x3007, 0x96f6, 0x4e00, 0x4e8c, 0x4e24, 0x4e09, 0x56db, 0x4e94,
	                             0x516d, 0x4e03, 0x516b, 0x4e5d, 0x5341, 0x767e, 0x5343};
	for (size_t k = 0; k < sizeof d / sizeof *d; k++)
		if (d[k] == c)
			return 1;
	return 0;
}

/* A separator between a heading's number and its title on the same line. */
static int is_sep(uint32_t c)
{
	return c == ':' || c == '.' || c == '-' || c == 0x2013 || c == 0x2014 || c == 0xff1a ||
	       c == 0x2012;
}

/* A number after a heading word: digits (with an ordinal suffix) or one or two words. */
static size_t number_token(const char *s, size_t len, size_t i, size_t *tok_end)
{
	size_t n, start = i;
	uint32_t c = peek(s, len, i, &n);

	if (is_digit(c)) {
		while (i < len && is_digit(peek(s, len, i, &n)) && i - start < 12)
			i = n;
		*tok_end = i;
		/* an inserted article: "2 bis", "2-bis", "2bis", "2 مكرراً" */
		size_t j = i, m;
		int ord;
		c = peek(s, len, i, &n);
		if (c == ' ' || c == '-' || c == 0xa0 || c == 0x2011)
			j = n;
		if ((m = corpus_eid_suffix(s + j, len - j, &ord)) > 0)
			return *tok_end = j + m;
		/* "1er", "1re", "1º": the suffix belongs to the label, not the number */
		static const char *const suffix[] = {"er", "re", "º", "°"};
		for (size_t k = 0; k < 4; k++) {
			size_t sl = strlen(suffix[k]);
			if (len - i >= sl && memcmp(s + i, suffix[k], sl) == 0)
				return i + sl;
		}
		return i;
	}
	while (i < len && i - start < 40) {
		c = peek(s, len, i, &n);
		if (corpus_u_space(c) || is_sep(c) || c == ',' || c == ';')
			break;
		i = n;
	}
	*tok_end = i;
	/* Arabic ordinals from 11 on are two words: الحادي عشر */
	size_t j = skip_space(s, len, i);
	size_t m = match_word(s + j, len - j, "عشرة");
	if (!m)
		m = match_word(s + j, len - j, "عشر");
	if (m && j > i &&
	    (j + m == len || corpus_u_space(peek(s, len, j + m, &n)) ||
	     is_sep(peek(s, len, j + m, &n)))) {
		*tok_end = j + m;
		return j + m;
	}
	return i;
}

/* Code points in s[i..len), counting at most limit + 1. */
static size_t count_cp(const char *s, size_t len, size_t i, size_t limit)
{
	size_t n = 0;

	while (i < len && n <= limit) {
		corpus_u8_next(s, len, &i);
		n++;
	}
	return n;
}

/* A heading on the same line as its number is short, or the line is text. */
#define HEADING_MAX 200

/* Whether the line ends a sentence or introduces a list: then it is text, not a heading. */
static int ends_sentence(const char *s, size_t len)
{
	size_t k;
	uint32_t c = len ? corpus_u8_prev(s, len, &k) : 0;

	return c == '.' || c == ';' || c == ':' || c == ',';
}

/*
 * After the number at s[i]: nothing, or a separator and a heading.  Without a
 * separator, a heading follows only a CJK number, or (in a script with case)
 * starts with a capital and is not a sentence: "Article 2 Illegal access" but
 * not "Article 5 of the Convention applies." nor "Article 5 Each Party shall …".
 */
static int heading_after(const char *s, size_t len, size_t i, int cjk, int cased,
                         struct corpus_head *h)
{
	size_t n, j = skip_space(s, len, i);
	uint32_t c = peek(s, len, j, &n);

	h->label_len = i;
	h->rest = len;
	if (j == len)
		return 0;
	if (is_sep(c)) {
		h->label_len = n;
		h->rest = skip_space(s, len, n);
	} else if (cjk && j > i) {
		h->rest = j;
	} else if (cased && j > i && corpus_u_lower(c) != c && !ends_sentence(s, len)) {
		h->rest = j;
	} else {
		return -1; /* "Article 5 of the Convention …" is text */
	}
	return count_cp(s, len, h->rest, HEADING_MAX) > HEADING_MAX ? -1 : 0;
}

static int structure_cjk(const char *s, size_t len, struct corpus_head *h)
{
	size_t n, i = 0, start;
	uint32_t c = peek(s, len, i, &n);

	if (c != 0x7b2c) /* 第 */
		return -1;
	i = start = n;
	while (i < len && i - start < 30) {
		c = peek(s, len, i, &n);
		if (!is_digit(c) && !is_han_digit(c))
			break;
		i = n;
	}
	if (i == start)
		return -1;
	size_t num_end = i, after, j, k;
	c = peek(s, len, i, &after);
	switch (c) {
	case 0x6761: /* 条 */
		h->kind = CORPUS_ARTICLE;
		break;
	case 0x7ae0: /* 章 */
		h->kind = CORPUS_CHAPTER;
		break;
	case 0x8282: /* 节 */
		h->kind = CORPUS_SECTION;
		break;
	case 0x76ee: /* 目 */
		h->kind = CORPUS_TITLE;
		break;
	default:
		return -1;
	}
	char num[64];
	size_t nl = num_end - start;
	memcpy(num, s + start, nl);
	/* 第二条之二 is article 2 bis: its number is read as "二之二" */
	if (h->kind == CORPUS_ARTICLE && peek(s, len, after, &k) == 0x4e4b) {
		for (j = k; j < len && j - k < 12 && is_han_digit(peek(s, len, j, &n));)
			j = n;
		if (j > k) {
			memcpy(num + nl, s + after, j - after);
			nl += j - after, after = j;
		}
	}
	if (corpus_eid_num(h->kind, num, nl, h->num, sizeof h->num) < 0)
		return -1;
	/* "第五条所述…" runs on into a sentence: only space or a separator may follow */
	uint32_t d = peek(s, len, after, &n);
	if (after < len && !corpus_u_space(d) && !is_sep(d))
		return -1;
	return heading_after(s, len, after, 1, 0, h);
}

int corpus_head_structure(const struct corpus_lang *lang, const char *s, size_t len,
                          struct corpus_head *h)
{
	static const enum corpus_kind kinds[] = {CORPUS_ARTICLE, CORPUS_CHAPTER, CORPUS_SECTION,
	                                         CORPUS_TITLE};
	const char *const *words[] = {lang->article, lang->chapter, lang->section, lang->title};

	memset(h, 0, sizeof *h);
	if (lang->cjk)
		return structure_cjk(s, len, h);
	for (int k = 0; k < 4; k++) {
		size_t m = match_any(s, len, words[k], 3), n, tok_end;
		if (!m || !corpus_u_space(peek(s, len, m, &n)))
			continue;
		size_t t = skip_space(s, len, m);
		size_t end = number_token(s, len, t, &tok_end);
		if (tok_end == t)
			continue;
		h->kind = kinds[k];
		if (corpus_eid_num(h->kind, s + t, tok_end - t, h->num, sizeof h->num) < 0)
			continue;
		if (heading_after(s, len, end, 0, lang->cased, h) == 0)
			return 0;
	}
	return -1;
}

/* A label "N." or "N -" (Arabic style) or "一、" numbering a paragraph. */
static int item_paragraph(const char *s, size_t len, struct corpus_head *h)
{
	size_t n, i = 0;
	uint32_t c = peek(s, len, 0, &n);

	if (is_han_digit(c)) {
		while (i < len && i < 24 && is_han_digit(peek(s, len, i, &n)))
			i = n;
		if (peek(s, len, i, &n) != 0x3001) /* 、 */
			return -1;
		h->label_len = n;
	} else {
		while (i < len && i < 12 && is_digit(peek(s, len, i, &n)))
			i = n;
		if (i == 0)
			return -1;
		/* an inserted paragraph: "2 bis.", "2bis.", "2-bis", "2 مكرراً -" */
		size_t j = i, m;
		int ord;
		uint32_t sep = peek(s, len, i, &n);
		if (sep == ' ' || sep == '-' || sep == 0xa0 || sep == 0x2011)
			j = n;
		if ((m = corpus_eid_suffix(s + j, len - j, &ord)) > 0)
			i = j + m;
		j = skip_space(s, len, i);
		uint32_t d = peek(s, len, j, &n);
		if (j == i && d == '.') {
			size_t k;
			uint32_t e = peek(s, len, n, &k);
			/* "1.5 million" and "1.1." are not paragraph labels */
			if (n < len && (is_digit(e) || e == '.'))
				return -1;
			h->label_len = n;
		} else if (d == '-' || d == 0x2013) {
			if (n < len && !corpus_u_space(peek(s, len, n, &j)))
				return -1;
			h->label_len = n;
		} else {
			return -1;
		}
	}
	h->kind = CORPUS_PARAGRAPH;
	h->style = is_han_digit(c) ? 'h' : 'n';
	if (corpus_eid_num(CORPUS_PARAGRAPH, s, i, h->num, sizeof h->num) < 0)
		return -1;
	h->rest = skip_space(s, len, h->label_len);
	return 0;
}

/* Classify the number tok of a point-like label: point, sub-point, or both. */
static int item_letter(const char *tok, size_t tl, struct corpus_head *h)
{
	char sub[16];
	int is_point = corpus_eid_num(CORPUS_POINT, tok, tl, h->num, sizeof h->num) == 0;
	int is_sub = corpus_eid_num(CORPUS_SUBPOINT, tok, tl, sub, sizeof sub) == 0;
	int ascii = (unsigned char)tok[0] < 0x80;

	if (is_point) {
		h->kind = CORPUS_POINT;
		if (is_sub && ascii && !(tok[0] >= '0' && tok[0] <= '9'))
			memcpy(h->alt, sub, sizeof sub);
		return 0;
	}
	/* a bare digit in brackets, "(1)", numbers a paragraph */
	if (is_digit((unsigned char)tok[0]) && tl <= 3) {
		h->kind = CORPUS_PARAGRAPH;
		return corpus_eid_num(CORPUS_PARAGRAPH, tok, tl, h->num, sizeof h->num);
	}
	if (is_sub && ascii) {
		h->kind = CORPUS_SUBPOINT;
		memcpy(h->num, sub, sizeof sub);
		return 0;
	}
	return -1;
}

/* "(a)", "（一）", "(أ)", "(ii)" */
static int item_bracketed(const char *s, size_t len, struct corpus_head *h)
{
	size_t n, i;
	uint32_t c = peek(s, len, 0, &n);

	if (c != '(' && c != 0xff08)
		return -1;
	size_t t = n;
	for (i = t; i < len && i - t < 24; i = n) {
		c = peek(s, len, i, &n);
		if (c == ')' || c == 0xff09)
			break;
	}
	if (i >= len || i == t || (c != ')' && c != 0xff09))
		return -1;
	if (item_letter(s + t, i - t, h) < 0)
		return -1;
	h->style = '(';
	h->label_len = n;
	h->rest = skip_space(s, len, n);
	return 0;
}

/* "’1’" (Arabic sub-points), with either closing quote */
static int item_quoted(const char *s, size_t len, struct corpus_head *h)
{
	size_t n, i;
	uint32_t c = peek(s, len, 0, &n);

	if (c != 0x2019 && c != 0x2018 && c != '\'')
		return -1;
	size_t t = n;
	for (i = t; i < len && i - t < 12 && is_digit(peek(s, len, i, &n)); i = n)
		;
	c = peek(s, len, i, &n);
	if (i == t || (c != 0x2019 && c != 0x2018 && c != '\''))
		return -1;
	h->kind = CORPUS_SUBPOINT;
	if (corpus_eid_num(CORPUS_SUBPOINT, s + t, i - t, h->num, sizeof h->num) < 0)
		return -1;
	h->style = 'q';
	h->label_len = n;
	h->rest = skip_space(s, len, n);
	return 0;
}

/* "a)", "ii)", "أ)", "а)"; "a." and "ii." (Dutch) */
static int item_plain(const char *s, size_t len, struct corpus_head *h)
{
	size_t n, i = 0;
	uint32_t c;

	for (; i < len && i < 12; i = n) {
		c = peek(s, len, i, &n);
		if (corpus_u_space(c) || c == ')' || c == '.' || c == '(' || is_digit(c))
			break;
	}
	c = peek(s, len, i, &n);
	if (i == 0 || (c != ')' && c != '.'))
		return -1;
	if (c == '.') {
		/* only lowercase Latin ("a.", "iv."), and not "e.g." or "i.e." */
		for (size_t k = 0; k < i; k++)
			if (s[k] < 'a' || s[k] > 'z')
				return -1;
		size_t m;
		uint32_t d = peek(s, len, n, &m);
		if (n < len && !corpus_u_space(d) && ((d >= 'a' && d <= 'z') || d == '.'))
			return -1;
	}
	if (item_letter(s, i, h) < 0 || h->kind == CORPUS_PARAGRAPH)
		return -1;
	h->style = c == ')' ? ')' : '.';
	h->label_len = n;
	h->rest = skip_space(s, len, n);
	return 0;
}

int corpus_head_item(const struct corpus_lang *lang, const char *s, size_t len,
                     struct corpus_head *h)
{
	memset(h, 0, sizeof *h);
	if (item_paragraph(s, len, h) == 0)
		return 0;
	memset(h, 0, sizeof *h);
	if (item_bracketed(s, len, h) == 0 || item_quoted(s, len, h) == 0)
		return 0;
	memset(h, 0, sizeof *h);
	return item_plain(s, len, h);
}

size_t corpus_head_preamble(const struct corpus_lang *lang, const char *s, size_t len)
{
	size_t m = match_any(s, len, lang->preamble, 3), n;
	uint32_t c;

	if (!m)
		return 0;
	/* "PreambuleDe lidstaten" runs the label into the text; "Preambles…" is a word */
	c = peek(s, len, m, &n);
	return m < len && c >= 'a' && c <= 'z' ? 0 : m;
}

int corpus_head_conclusions(const struct corpus_lang *lang, const char *s, size_t len)
{
	return match_any(s, len, lang->conclusions, 4) != 0;
}
