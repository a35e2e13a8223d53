/*
 * eid.c — provision identifiers: the one place where they are derived from
 * written numbers, built, validated, parsed from what a person types, and
 * turned back into citations.  Ids follow Akoma Ntoso's naming
 * ("art_4__para_1__point_a") and are the same in every language, so every
 * script's way of writing a number is normalised here: roman and
 * Arabic-Indic numerals, Chinese numerals, Arabic ordinal words, the abjad
 * order of Arabic point letters and the Cyrillic order of Russian ones.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/utf8.h"
#include "i18n/nls.h"

/* ---- Numbers ---------------------------------------------------------- */

/* Value of a decimal digit in any script the texts use, or -1. */
static int digit_value(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int)(c - '0');
	if (c >= 0x660 && c <= 0x669) /* Arabic-Indic */
		return (int)(c - 0x660);
	if (c >= 0x6f0 && c <= 0x6f9) /* Extended Arabic-Indic */
		return (int)(c - 0x6f0);
	if (c >= 0xff10 && c <= 0xff19) /* fullwidth */
		return (int)(c - 0xff10);
	return -1;
}

/* A run of decimal digits (any one script per digit), or -1. */
static long parse_digits(const char *s, size_t len)
{
	long v = 0;
	size_t i = 0;

	if (len == 0)
		return -1;
	while (i < len) {
		int d = digit_value(corpus_u8_next(s, len, &i));
		if (d < 0 || v > 99999999)
			return -1;
		v = v * 10 + d;
	}
	return v;
}

static const char *const roman_sym[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                        "xl", "x",  "ix", "v",  "iv", "i"};
static const int roman_val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};

/* Lowercase roman numeral of v (1..3999) into out (at least 16 bytes). */
static void roman_format(int v, char *out)
{
	size_t o = 0;

	for (int k = 0; k < 13; k++)
		for (; v >= roman_val[k]; v -= roman_val[k])
			for (const char *p = roman_sym[k]; *p; p++)
				out[o++] = *p;
	out[o] = '\0';
}

/* A roman numeral in canonical form (either case), or -1. */
static long parse_roman(const char *s, size_t len)
{
	char low[16], canon[16];
	long v = 0;

	if (len == 0 || len >= sizeof low)
		return -1;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (!strchr("ivxlcdm", c) || c == '\0')
			return -1;
		low[i] = c;
	}
	low[len] = '\0';
	for (size_t i = 0; i < len; i++) {
		int a = 0, b = 0;
		for (int k = 0; k < 13; k++) {
			if (roman_sym[k][1] == '\0' && roman_sym[k][0] == low[i])
				a = roman_val[k];
			if (i + 1 < len && roman_sym[k][1] == '\0' && roman_sym[k][0] == low[i + 1])
				b = roman_val[k];
		}
		v += a < b ? -a : a;
	}
	if (v <= 0 || v > 3999)
		return -1;
	roman_format((int)v, canon);
	return strcmp(canon, low) == 0 ? v : -1;
}

/* Chinese numerals ("十二", "二十一", "一百"), or -1. */
static long parse_chinese(const char *s, size_t len)
{
	static const uint32_t digits[] = {0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db,
	                                  0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d};
	long total = 0, digit = -1;
	size_t i = 0;

	if (len == 0)
		return -1;
	while (i < len) {
		uint32_t c = corpus_u8_next(s, len, &i);
		long d = -1, unit = 0;
		for (int k = 0; k < 10; k++)
			if (digits[k] == c)
				d = k;
		if (c == 0x96f6) /* 零 */
			d = 0;
		if (c == 0x4e24) /* 两 */
			d = 2;
		if (c == 0x5341) /* 十 */
			unit = 10;
		if (c == 0x767e) /* 百 */
			unit = 100;
		if (c == 0x5343) /* 千 */
			unit = 1000;
		if (d >= 0) {
			digit = d;
		} else if (unit) {
			total += (digit < 0 ? 1 : digit) * unit;
			digit = -1;
		} else {
			return -1;
		}
		if (total > 99999)
			return -1;
	}
	if (digit > 0)
		total += digit;
	return total > 0 ? total : -1;
}

/* Arabic ordinal words, masculine and feminine ("الفصل الثاني", "المادة الأولى"). */
static long parse_arabic_ordinal(const char *s, size_t len)
{
	static const struct {
		const char *w;
		int v;
	} units[] = {
	    {"الأول", 1},   {"الاول", 1},   {"الأولى", 1},  {"الاولى", 1},   {"الحادي", 0},
	    {"الحادية", 0}, {"الثاني", 2},  {"الثانية", 2}, {"الثالث", 3},   {"الثالثة", 3},
	    {"الرابع", 4},  {"الرابعة", 4}, {"الخامس", 5},  {"الخامسة", 5},  {"السادس", 6},
	    {"السادسة", 6}, {"السابع", 7},  {"السابعة", 7}, {"الثامن", 8},   {"الثامنة", 8},
	    {"التاسع", 9},  {"التاسعة", 9}, {"العاشر", 10}, {"العاشرة", 10}, {"العشرون", 20}};
	size_t wl = 0;

	while (wl < len && s[wl] != ' ')
		wl++;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		if (strlen(units[k].w) != wl || memcmp(s, units[k].w, wl) != 0)
			continue;
		if (wl == len)
			return units[k].v > 0 ? units[k].v : -1;
		/* 11 is الحادي عشر, 12–19 add عشر (or عشرة) to the unit; "first" has no teen. */
		const char *rest = s + wl + 1;
		size_t rl = len - wl - 1;
		int teen = (rl == strlen("عشر") && memcmp(rest, "عشر", rl) == 0) ||
		           (rl == strlen("عشرة") && memcmp(rest, "عشرة", rl) == 0);
		int u = units[k].v;
		if (!teen || u == 1 || u >= 10)
			return -1;
		return u == 0 ? 11 : 10 + u;
	}
	return -1;
}

/* Any way of writing the number of an article, chapter, section, title, paragraph. */
static long parse_number(const char *s, size_t len)
{
	long v;

	if ((v = parse_digits(s, len)) >= 0 || (v = parse_roman(s, len)) >= 0 ||
	    (v = parse_chinese(s, len)) >= 0 || (v = parse_arabic_ordinal(s, len)) >= 0)
		return v;
	/* French writes the first article and chapter "premier". */
	static const char *const first[] = {"premier",  "première", "PREMIER",
	                                    "PREMIÈRE", "Premier",  "Première"};
	for (size_t k = 0; k < sizeof first / sizeof *first; k++)
		if (strlen(first[k]) == len && memcmp(s, first[k], len) == 0)
			return 1;
	return -1;
}

/* Position (1-based) of a point letter in its script's order, or -1. */
static int point_ordinal(const char *s, size_t len)
{
	/* Abjad order, as UN Arabic texts letter their points. */
	static const uint32_t abjad[] = {0x623, 0x628, 0x62c, 0x62f, 0x647, 0x648, 0x632,
	                                 0x62d, 0x637, 0x64a, 0x643, 0x644, 0x645, 0x646,
	                                 0x633, 0x639, 0x641, 0x635, 0x642, 0x631, 0x634,
	                                 0x62a, 0x62b, 0x62e, 0x630, 0x636};
	/* Cyrillic order without ё, й, ъ, ы, ь, as Russian texts letter points. */
	static const uint32_t cyr[] = {0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x436,
	                               0x437, 0x438, 0x43a, 0x43b, 0x43c, 0x43d, 0x43e,
	                               0x43f, 0x440, 0x441, 0x442, 0x443, 0x444, 0x445,
	                               0x446, 0x447, 0x448, 0x449, 0x44d};
	size_t i = 0;
	uint32_t c;
	long v;

	if (len == 0)
		return -1;
	if ((v = parse_chinese(s, len)) > 0)
		return v <= 26 ? (int)v : -1;
	c = corpus_u8_next(s, len, &i);
	/* A tatweel may follow ه so that the letter is not read as a digit-like ring. */
	if (i < len) {
		size_t j = i;
		if (corpus_u8_next(s, len, &j) != 0x640 || j != len)
			return -1;
	}
	if (c >= 'a' && c <= 'z')
		return (int)(c - 'a' + 1);
	if (c >= 'A' && c <= 'Z')
		return (int)(c - 'A' + 1);
	if (c == 0x627 || c == 0x625) /* alef written without or below hamza */
		c = 0x623;
	if (c == 0x649) /* alef maqsura for ya */
		c = 0x64a;
	c = corpus_u_lower(c);
	for (int k = 0; k < 26; k++)
		if (abjad[k] == c || cyr[k] == c)
			return k + 1;
	return -1;
}

/* ---- Inserted articles: "2 bis", "2 ter" … ------------------------------ */

/* The id's spelling of each suffix, by its ordinal: bis is the second article numbered 2. */
static const char *const suffix_names[] = {NULL,     NULL,        "bis",    "ter",
                                           "quater", "quinquies", "sexies", "septies",
                                           "octies", "novies",    "decies"};
#define SUFFIX_MAX 10

/* How each language writes them: Latin everywhere, бис in Russian, مكرراً (bis) in Arabic. */
static const struct {
	const char *w;
	int k;
} suffix_words[] = {{"bis", 2},     {"ter", 3},    {"quater", 4}, {"quinquies", 5}, {"sexies", 6},
                    {"septies", 7}, {"octies", 8}, {"novies", 9}, {"nonies", 9},    {"decies", 10},
                    {"бис", 2},     {"тер", 3},    {"кватер", 4}, {"مكرر", 2},      {"مكررا", 2}};

static int is_arabic_haraka(uint32_t c)
{
	return c >= 0x64b && c <= 0x652;
}

static int is_letter(uint32_t c);

/* Bytes of s[0..len) that spell word (lowercase), vowel marks aside, up to a word's end; or 0. */
static size_t suffix_match(const char *s, size_t len, const char *word)
{
	size_t wl = strlen(word), i = 0, j = 0, k;

	while (j < wl) {
		if (i >= len)
			return 0;
		uint32_t a = corpus_u8_next(s, len, &i);
		if (is_arabic_haraka(a))
			continue;
		if (corpus_u_lower(a) != corpus_u8_next(word, wl, &j))
			return 0;
	}
	while (i < len && (k = i, is_arabic_haraka(corpus_u8_next(s, len, &k))))
		i = k;
	k = i;
	return i < len && is_letter(corpus_u8_next(s, len, &k)) ? 0 : i;
}

size_t corpus_eid_suffix(const char *s, size_t len, int *k)
{
	size_t best = 0;

	for (size_t w = 0; w < sizeof suffix_words / sizeof *suffix_words; w++) {
		size_t m = suffix_match(s, len, suffix_words[w].w);
		if (m > best)
			best = m, *k = suffix_words[w].k;
	}
	return best;
}

const char *corpus_eid_suffix_name(int k)
{
	return k >= 2 && k <= SUFFIX_MAX ? suffix_names[k] : NULL;
}

/*
 * An article number with a suffix: "2 bis", "2-bis", "2bis", "٢ مكرراً",
 * "二之二" (Chinese writes article 2 bis 第二条之二).  The number, or -1; *k
 * receives the suffix's ordinal.
 */
static long parse_suffixed(const char *s, size_t len, int *k)
{
	size_t i = 0, n, num_end;
	int han = 0;
	long v, ord;

	while (i < len) {
		n = i;
		uint32_t c = corpus_u8_next(s, len, &n);
		if (digit_value(c) < 0 && parse_chinese(s + i, n - i) < 0)
			break;
		han |= digit_value(c) < 0;
		i = n;
	}
	num_end = i;
	if (num_end == 0 || num_end == len)
		return -1;
	v = han ? parse_chinese(s, num_end) : parse_digits(s, num_end);
	if (v < 1 || v > 99999)
		return -1;
	n = i;
	uint32_t c = corpus_u8_next(s, len, &n);
	if (c == 0x4e4b) /* 之 */
		return (ord = parse_chinese(s + n, len - n)) >= 2 && ord <= SUFFIX_MAX
		           ? (*k = (int)ord, v)
		           : -1;
	if (c == ' ' || c == '-' || c == 0xa0 || c == 0x2011)
		i = n;
	/* "4-" is a number and a dash, not a suffixed number: the suffix must be there. */
	return i < len && corpus_eid_suffix(s + i, len - i, k) == len - i ? v : -1;
}

int corpus_eid_num(enum corpus_kind kind, const char *s, size_t len, char *out, size_t outlen)
{
	int k;
	long v;

	while (len > 0 && (s[0] == ' ' || s[0] == '\t'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (outlen < 16)
		return -1;
	switch (kind) {
	case CORPUS_POINT: {
		int k = point_ordinal(s, len);
		if (k < 1)
			return -1;
		out[0] = (char)('a' + k - 1);
		out[1] = '\0';
		return 0;
	}
	case CORPUS_SUBPOINT:
		if ((v = parse_roman(s, len)) < 0 && (v = parse_digits(s, len)) < 0 &&
		    (v = parse_chinese(s, len)) < 0)
			return -1;
		if (v < 1 || v > 39)
			return -1;
		roman_format((int)v, out);
		return 0;
	case CORPUS_ARTICLE:
	case CORPUS_PARAGRAPH:
		if (parse_number(s, len) < 1 && (v = parse_suffixed(s, len, &k)) > 0) {
			snprintf(out, outlen, "%ld%s", v, suffix_names[k]);
			return 0;
		}
		/* fall through */
	case CORPUS_CHAPTER:
	case CORPUS_SECTION:
	case CORPUS_TITLE:
	case CORPUS_BLOCK:
	case CORPUS_WRAP:
		if ((v = parse_number(s, len)) < 1)
			return -1;
		snprintf(out, outlen, "%ld", v);
		return 0;
	default:
		return -1;
	}
}

/* ---- Building and validating ------------------------------------------ */

static const char *prefix_of(enum corpus_kind kind)
{
	switch (kind) {
	case CORPUS_CHAPTER:
		return "chp";
	case CORPUS_SECTION:
		return "sec";
	case CORPUS_TITLE:
		return "title";
	case CORPUS_ARTICLE:
		return "art";
	case CORPUS_PARAGRAPH:
		return "para";
	case CORPUS_POINT:
		return "point";
	case CORPUS_SUBPOINT:
		return "subpoint";
	case CORPUS_WRAP:
		return "wrap";
	case CORPUS_BLOCK:
		return "block";
	default:
		return NULL;
	}
}

static int num_ok(const char *num)
{
	size_t n = num ? strlen(num) : 0;

	if (n == 0 || n > 15)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((num[i] >= '0' && num[i] <= '9') || (num[i] >= 'a' && num[i] <= 'z')))
			return 0;
	return 1;
}

char *corpus_eid_make(const char *parent, enum corpus_kind kind, const char *num)
{
	const char *pre = prefix_of(kind);
	char *out;
	size_t n;

	switch (kind) {
	case CORPUS_LONGTITLE:
		return strdup("longtitle");
	case CORPUS_PREAMBLE:
		return strdup("preamble");
	case CORPUS_CONCLUSIONS:
		return strdup("conclusions");
	case CORPUS_CHAPTER:
	case CORPUS_ARTICLE:
	case CORPUS_BLOCK:
		parent = NULL; /* articles keep their id when chapters move */
		break;
	case CORPUS_WRAP:
		if (!parent)
			return NULL;
		if (!num || strcmp(num, "1") == 0) {
			n = strlen(parent) + 8;
			if ((out = malloc(n)))
				snprintf(out, n, "%s__wrap", parent);
			return out;
		}
		break;
	default:
		break;
	}
	if (!pre || !num_ok(num))
		return NULL;
	n = (parent ? strlen(parent) + 2 : 0) + strlen(pre) + strlen(num) + 2;
	if (!(out = malloc(n)))
		return NULL;
	if (parent)
		snprintf(out, n, "%s__%s_%s", parent, pre, num);
	else
		snprintf(out, n, "%s_%s", pre, num);
	return out;
}

/* Rank of an id component: what may follow what. */
enum { R_CHP, R_SEC, R_TITLE, R_ART, R_PARA, R_POINT, R_SUB, R_WRAP, R_BLOCK, R_LEAF };

struct comp {
	int rank;
	char val[16]; /* "" when none */
};

/* The ordinal of the id's spelling of a suffix ("bis" 2), or 0. */
static int suffix_ordinal(const char *s, size_t len)
{
	for (int k = 2; k <= SUFFIX_MAX; k++)
		if (strlen(suffix_names[k]) == len && memcmp(s, suffix_names[k], len) == 0)
			return k;
	return 0;
}

/* Split a candidate eid into at most max components; -1 when malformed. */
static int split_eid(const char *eid, struct comp *c, int max)
{
	static const struct {
		const char *name;
		int rank;
		int digits; /* value: 1 digits, 0 letters, -1 none allowed */
	} names[] = {{"chp", R_CHP, 1},      {"sec", R_SEC, 1},   {"title", R_TITLE, 1},
	             {"art", R_ART, 1},      {"para", R_PARA, 1}, {"point", R_POINT, 0},
	             {"subpoint", R_SUB, 0}, {"wrap", R_WRAP, 1}, {"block", R_BLOCK, 1}};
	int n = 0;
	const char *p = eid;

	for (;;) {
		const char *end = strstr(p, "__");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *us;
		size_t nl;
		int k, found = -1;

		if (n == max || len == 0)
			return -1;
		us = memchr(p, '_', len);
		nl = us ? (size_t)(us - p) : len;
		for (k = 0; k < (int)(sizeof names / sizeof *names); k++)
			if (strlen(names[k].name) == nl && memcmp(p, names[k].name, nl) == 0)
				found = k;
		c[n].val[0] = '\0';
		if (found < 0) {
			static const char *const leaves[] = {"longtitle", "preamble",
			                                     "conclusions"};
			for (k = 0; k < 3; k++)
				if (strlen(leaves[k]) == len && memcmp(p, leaves[k], len) == 0)
					found = k;
			if (found < 0 || us)
				return -1;
			c[n].rank = R_LEAF;
			snprintf(c[n].val, sizeof c[n].val, "%s", leaves[found]);
		} else {
			size_t vl = us ? len - nl - 1 : 0;
			c[n].rank = names[found].rank;
			if (!us && names[found].rank != R_WRAP)
				return -1;
			if (vl >= sizeof c[n].val || (us && vl == 0))
				return -1;
			size_t i = 0;
			for (; i < vl; i++) {
				char ch = us[1 + i];
				int dig = ch >= '0' && ch <= '9';
				int let = ch >= 'a' && ch <= 'z';
				if (names[found].digits ? !dig : !let)
					break;
			}
			/* an inserted article or paragraph: "art_2bis", "para_3ter" */
			if (i < vl && !((names[found].rank == R_ART || names[found].rank == R_PARA) &&
			                i > 0 &&
			                suffix_ordinal(us + 1 + i, vl - i) > 0))
				return -1;
			if (vl > 0 && us[1] == '0')
				return -1;
			if (vl > 0)
				memcpy(c[n].val, us + 1, vl);
			c[n].val[vl] = '\0';
			/* "__wrap_1" is spelled "__wrap". */
			if (c[n].rank == R_WRAP && strcmp(c[n].val, "1") == 0)
				return -1;
		}
		n++;
		if (!end)
			return n;
		p = end + 2;
	}
}

/* Whether the sequence of components is one the recogniser can produce. */
static int comps_ok(const struct comp *c, int n)
{
	if (n < 1)
		return 0;
	if (c[0].rank == R_LEAF || c[0].rank == R_BLOCK)
		return n == 1;
	if (c[0].rank > R_ART)
		return 0;
	for (int i = 1; i < n; i++) {
		int a = c[i - 1].rank, b = c[i].rank;
		if (b <= a || b == R_LEAF || b == R_BLOCK || a == R_WRAP)
			return 0;
		if (a < R_ART && b >= R_ART) /* articles are never prefixed by their chapter */
			return 0;
	}
	return 1;
}

int corpus_eid_valid(const char *eid)
{
	struct comp c[8];
	int n;

	if (!eid || strlen(eid) > 200)
		return 0;
	n = split_eid(eid, c, 8);
	return n > 0 && comps_ok(c, n);
}

/* ---- Parsing what a person types -------------------------------------- */

enum tok_type { T_WORD, T_NUM };

struct tok {
	enum tok_type type;
	char s[48]; /* lower-cased where the script has case */
	size_t len;
};

static int is_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) || (c >= 0x400 && c <= 0x4ff) ||
	       (c >= 0x620 && c <= 0x64a) || c == 0x640 || (c >= 0x4e00 && c <= 0x9fff) ||
	       c == 0x3007;
}

enum { C_NONE, C_DIGIT, C_LETTER, C_HAN_DIGIT, C_HAN };

static int char_class(uint32_t c)
{
	static const uint32_t han_digits[] = {0x3007, 0x96f6, 0x4e00, 0x4e8c, 0x4e24,
	                                      0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03,
	                                      0x516b, 0x4e5d, 0x5341, 0x767e, 0x5343};
	if (digit_value(c) >= 0)
		return C_DIGIT;
	for (size_t k = 0; k < sizeof han_digits / sizeof *han_digits; k++)
		if (han_digits[k] == c)
			return C_HAN_DIGIT;
	if (c >= 0x4e00 && c <= 0x9fff)
		return C_HAN;
	return is_letter(c) ? C_LETTER : C_NONE;
}

/*
 * Words and digit runs of spec, lower-cased; punctuation and spaces only
 * separate them.  A run of Chinese numerals is one word, any other Han
 * character a word by itself ("第2条第1款" gives 第 2 条 第 1 款).
 */
static int tokenize(const char *spec, struct tok *t, int max)
{
	size_t len = strlen(spec), i = 0;
	int n = 0;

	while (i < len) {
		size_t at = i;
		uint32_t c = corpus_u8_next(spec, len, &i);
		int cls = char_class(c);
		if (cls == C_NONE)
			continue;
		if (n == max)
			return -1;
		t[n].type = cls == C_DIGIT ? T_NUM : T_WORD;
		t[n].len = 0;
		for (i = at; i < len;) {
			size_t from = i;
			uint32_t d = corpus_u_lower(corpus_u8_next(spec, len, &i));
			if (char_class(d) != cls || (cls == C_HAN && from != at)) {
				i = from;
				break;
			}
			if (t[n].len + (i - from) >= sizeof t[n].s)
				return -1;
			/* lower-casing keeps the UTF-8 length in the scripts it touches */
			char buf[4];
			size_t bl = i - from;
			if (d < 0x80)
				buf[0] = (char)d;
			else if (d < 0x800)
				buf[0] = (char)(0xc0 | (d >> 6)),
				buf[1] = (char)(0x80 | (d & 0x3f));
			else
				memcpy(buf, spec + from, bl);
			memcpy(t[n].s + t[n].len, buf, bl);
			t[n].len += bl;
		}
		t[n].s[t[n].len] = '\0';
		n++;
	}
	return n;
}

static int word_in(const struct tok *t, const char *const *words)
{
	if (t->type != T_WORD)
		return 0;
	for (; *words; words++)
		if (strcmp(t->s, *words) == 0)
			return 1;
	return 0;
}

static const char *const w_article[] = {"art",     "arts",     "article",  "articles",
                                        "artikel", "artículo", "articulo", "статья",
                                        "ст",      "المادة",   NULL};
static const char *const w_chapter[] = {"chapter",   "chp",      "ch",       "chap",
                                        "chapitre",  "capítulo", "capitulo", "глава",
                                        "hoofdstuk", "hfdst",    "الفصل",    NULL};
static const char *const w_section[] = {"section", "sec",      "sección", "seccion",
                                        "раздел",  "afdeling", "الفرع",   NULL};
static const char *const w_title[] = {"title", "titre", "título", "titulo",
                                      "titel", "титул", "الباب",  NULL};
static const char *const w_para[] = {"para", "paragraph",  "paragraphs", "paras",   "par",
                                     "lid",  "paragraphe", "párrafo",    "parrafo", "пункт",
                                     "п",    "الفقرة",     NULL};
static const char *const w_point[] = {"point",    "points",    "letter", "subparagraph", "subpara",
                                      "onder",    "onderdeel", "lit",    "litt",         "alinéa",
                                      "apartado", "подпункт",  NULL};
static const char *const w_sub[] = {"subpoint", "item", "sub", "clause", NULL};
static const char *const w_preamble[] = {"preamble",  "préambule", "preambule", "preámbulo",
                                         "преамбула", "الديباجة",  "序言",      NULL};
static const char *const w_concl[] = {"conclusions", "conclusion", "final", NULL};

/* Append "__kind_value" (or the top-level "kind_value") to out. */
static int append(char *out, size_t outlen, enum corpus_kind kind, const struct tok *t)
{
	char num[16];
	char *eid;

	if (corpus_eid_num(kind, t->s, t->len, num, sizeof num) < 0)
		return -1;
	eid = corpus_eid_make(out[0] ? out : NULL, kind, num);
	if (!eid)
		return -1;
	if (strlen(eid) >= outlen) {
		free(eid);
		return -1;
	}
	strcpy(out, eid);
	free(eid);
	return 0;
}

/* chapter II [section 1 [title 2]] */
static int parse_structure(const struct tok *t, int n, char *out, size_t outlen)
{
	static const char *const *const words[] = {w_chapter, w_section, w_title};
	static const enum corpus_kind kinds[] = {CORPUS_CHAPTER, CORPUS_SECTION, CORPUS_TITLE};
	int i = 0, level = 0;

	out[0] = '\0';
	while (i < n) {
		int k;
		for (k = level; k < 3; k++)
			if (word_in(&t[i], words[k]))
				break;
		if (k == 3 || i + 1 >= n)
			return -1;
		if (append(out, outlen, kinds[k], &t[i + 1]) < 0)
			return -1;
		level = k + 1;
		i += 2;
	}
	return 0;
}

/*
 * The article or paragraph number at t[i] into *num, with an inserted one's suffix ("2 bis");
 * tokens used.
 */
static int suffixed_number(const struct tok *t, int n, int i, struct tok *num)
{
	const struct tok *w = i + 1 < n ? &t[i + 1] : NULL;
	int k;

	*num = t[i];
	if (!w || w->type != T_WORD || corpus_eid_suffix(w->s, w->len, &k) != w->len ||
	    num->len + 1 + w->len >= sizeof num->s)
		return 1;
	num->s[num->len++] = ' ';
	memcpy(num->s + num->len, w->s, w->len + 1);
	num->len += w->len;
	return 2;
}

/* [article] N [bis], then paragraphs [bis], points and sub-points, named or bracketed. */
static int parse_article(const struct tok *t, int n, char *out, size_t outlen)
{
	int i = 0;
	enum corpus_kind at = CORPUS_ARTICLE;
	struct tok num;

	out[0] = '\0';
	if (word_in(&t[0], w_article))
		i++;
	/* after the word, a written number too: "article premier", "art. IV" */
	if (i >= n || (i == 0 && t[i].type != T_NUM))
		return -1;
	i += suffixed_number(t, n, i, &num) - 1;
	if (append(out, outlen, CORPUS_ARTICLE, &num) < 0)
		return -1;
	for (i++; i < n; i++) {
		enum corpus_kind want;
		if (word_in(&t[i], w_para) && i + 1 < n && t[i + 1].type == T_NUM) {
			/* "п" is both the Russian "paragraph" and the point п */
			want = CORPUS_PARAGRAPH;
			i++;
		} else if (word_in(&t[i], w_sub) && i + 1 < n && word_in(&t[i + 1], w_para)) {
			want = CORPUS_POINT; /* "sub-paragraph a" */
			i += 2;
		} else if (word_in(&t[i], w_point)) {
			want = CORPUS_POINT;
			i++;
		} else if (word_in(&t[i], w_sub)) {
			want = CORPUS_SUBPOINT;
			i++;
		} else if (t[i].type == T_NUM) {
			want = at == CORPUS_ARTICLE ? CORPUS_PARAGRAPH : CORPUS_SUBPOINT;
		} else {
			/* a bare letter: a point, or after a point a roman sub-point */
			want = at == CORPUS_POINT ? CORPUS_SUBPOINT : CORPUS_POINT;
		}
		if (i >= n || want <= at)
			return -1;
		if (want == CORPUS_SUBPOINT && at == CORPUS_ARTICLE)
			return -1;
		if (want == CORPUS_PARAGRAPH) {
			i += suffixed_number(t, n, i, &num) - 1;
			if (append(out, outlen, want, &num) < 0)
				return -1;
		} else if (append(out, outlen, want, &t[i]) < 0) {
			return -1;
		}
		at = want;
	}
	return 0;
}

static void set_word(struct tok *t, const char *w)
{
	t->type = T_WORD;
	t->len = strlen(w);
	memcpy(t->s, w, t->len + 1);
}

/*
 * Chinese citations number with 第 before and a unit after: 第2条第1款（一）
 * is article 2, paragraph 1, point a; 第2章 chapter 2.  Rewritten here into
 * the words the other languages use, so one grammar reads them all.
 */
static int chinese_tokens(struct tok *t, int n)
{
	int o = 0;

	if (n < 2 || strcmp(t[0].s, "第") != 0)
		return n;
	for (int i = 0; i < n; i++) {
		const char *unit = i + 2 < n ? t[i + 2].s : "";
		if (strcmp(t[i].s, "第") == 0 && i + 2 < n) {
			const char *w = strcmp(unit, "条") == 0   ? "art"
			                : strcmp(unit, "章") == 0 ? "chapter"
			                : strcmp(unit, "节") == 0 ? "section"
			                : strcmp(unit, "目") == 0 ? "title"
			                : strcmp(unit, "款") == 0 ? "para"
			                                          : NULL;
			if (!w)
				return n; /* not a form we know: leave it to fail */
			set_word(&t[o++], w);
			t[o] = t[i + 1];
			t[o++].type = T_NUM; /* 第二条: a numeral, though written in words */
			i += 2;
			/* 第二条之二: article 2 bis */
			long k = i + 2 < n && strcmp(t[i + 1].s, "之") == 0
			             ? parse_chinese(t[i + 2].s, t[i + 2].len)
			             : -1;
			if (strcmp(w, "art") == 0 && corpus_eid_suffix_name((int)k)) {
				set_word(&t[o++], corpus_eid_suffix_name((int)k));
				i += 2;
			}
		} else if (strcmp(t[i].s, "项") != 0) {
			t[o++] = t[i];
		}
	}
	return o;
}

char *corpus_eid_parse(const char *spec, char *err, size_t errlen)
{
	struct tok t[16];
	char out[256];
	int n, ok = -1;

	if (!spec)
		spec = "";
	while (*spec == ' ' || *spec == '\t')
		spec++;
	{
		size_t l = strlen(spec);
		while (l > 0 && (spec[l - 1] == ' ' || spec[l - 1] == '\t'))
			l--;
		if (l < sizeof out) {
			memcpy(out, spec, l);
			out[l] = '\0';
			if (corpus_eid_valid(out))
				return strdup(out);
			if (strcmp(out, "序言") == 0) /* two Han words to the tokenizer */
				return strdup("preamble");
		}
	}
	n = chinese_tokens(t, tokenize(spec, t, 16));
	if (n == 1 && word_in(&t[0], w_preamble))
		return strdup("preamble");
	if (n == 1 && word_in(&t[0], w_concl))
		return strdup("conclusions");
	if (n > 0 &&
	    (word_in(&t[0], w_chapter) || word_in(&t[0], w_section) || word_in(&t[0], w_title)))
		ok = parse_structure(t, n, out, sizeof out);
	else if (n > 0)
		ok = parse_article(t, n, out, sizeof out);
	if (ok == 0)
		return strdup(out);
	if (err)
		snprintf(err, errlen,
		         _("\"%s\" is not a provision (try \"2\", \"art. 2(1)(a)\", \"chapter II\" "
		           "or an id like \"art_2__para_1__point_a\")"),
		         spec);
	return NULL;
}

/* ---- Citations -------------------------------------------------------- */

struct cite_words {
	const char *lang;
	const char *longtitle, *preamble, *conclusions, *chapter, *section, *title;
	const char *art;   /* before the article number */
	const char *after; /* after the article number ("条") */
	int style;         /* 0: Art. 2(1)(a)  1: Art. 2, lid 1, onder a  2: Arabic  3: Chinese */
	const char *wrap;
};

static const struct cite_words cites[] = {
    {"en", "Title", "Preamble", "Final formula", "Chapter", "Section", "Title", "Art. ", "", 0,
     " (closing words)"},
    {"fr", "Intitulé", "Préambule", "Formule finale", "Chapitre", "Section", "Titre", "Art. ", "",
     0, " (phrase finale)"},
    {"es", "Título", "Preámbulo", "Fórmula final", "Capítulo", "Sección", "Título", "Art. ", "", 0,
     " (frase final)"},
    {"ru", "Название", "Преамбула", "Заключительная формула", "Глава", "Раздел", "Титул", "Ст. ",
     "", 0, " (заключительная часть)"},
    {"ar", "العنوان", "الديباجة", "الخاتمة", "الفصل", "الفرع", "الباب", "المادة ", "", 2,
     " (الجملة الختامية)"},
    {"zh", "标题", "序言", "结尾条款", "第", "第", "第", "第", "条", 3, "（结尾）"},
    {"nl", "Titel", "Preambule", "Slotformule", "Hoofdstuk", "Afdeling", "Titel", "Art. ", "", 1,
     ", slotzin"},
};

/* Chinese numeral for 1..99 ("十二"). */
static void zh_numeral(int n, char *out, size_t outlen)
{
	static const char *const d[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

	if (n < 10)
		snprintf(out, outlen, "%s", d[n]);
	else
		snprintf(out, outlen, "%s十%s", n >= 20 ? d[n / 10 % 10] : "", d[n % 10]);
}

/* The letter of point ordinal k (1..26) in lang's script, as UTF-8. */
static void point_letter(int k, const char *lang, char *out, size_t outlen)
{
	static const char *const ar[] = {"أ", "ب", "ج", "د", "ه", "و", "ز", "ح", "ط",
	                                 "ي", "ك", "ل", "م", "ن", "س", "ع", "ف", "ص",
	                                 "ق", "ر", "ش", "ت", "ث", "خ", "ذ", "ض"};
	static const char *const ru[] = {"а", "б", "в", "г", "д", "е", "ж", "з", "и",
	                                 "к", "л", "м", "н", "о", "п", "р", "с", "т",
	                                 "у", "ф", "х", "ц", "ч", "ш", "щ", "э"};

	if (k < 1 || k > 26)
		snprintf(out, outlen, "?");
	else if (strcmp(lang, "ar") == 0)
		snprintf(out, outlen, "%s", ar[k - 1]);
	else if (strcmp(lang, "ru") == 0)
		snprintf(out, outlen, "%s", ru[k - 1]);
	else if (strcmp(lang, "zh") == 0)
		zh_numeral(k, out, outlen);
	else
		snprintf(out, outlen, "%c", 'a' + k - 1);
}

/* out += s, truncating safely. */
static void cat(char *out, size_t outlen, const char *s)
{
	size_t l = strlen(out);

	if (l < outlen)
		snprintf(out + l, outlen - l, "%s", s);
}

static void cite_structure(const struct cite_words *w, const struct comp *c, int n, char *out,
                           size_t outlen)
{
	for (int i = 0; i < n; i++) {
		const char *word = c[i].rank == R_CHP   ? w->chapter
		                   : c[i].rank == R_SEC ? w->section
		                                        : w->title;
		char num[16], buf[96];
		if (i > 0)
			cat(out, outlen, w->style == 3 ? "" : w->style == 2 ? "، " : ", ");
		if (w->style == 3) {
			const char *unit = c[i].rank == R_CHP   ? "章"
			                   : c[i].rank == R_SEC ? "节"
			                                        : "目";
			snprintf(buf, sizeof buf, "第%s%s", c[i].val, unit);
		} else {
			if (c[i].rank == R_CHP && w->style != 2)
				roman_format(atoi(c[i].val) > 0 && atoi(c[i].val) < 4000
				                 ? atoi(c[i].val)
				                 : 1,
				             num);
			else
				snprintf(num, sizeof num, "%s", c[i].val);
			if (c[i].rank == R_CHP && w->style != 2)
				for (char *p = num; *p; p++)
					*p = (char)(*p - 32);
			snprintf(buf, sizeof buf, "%s %s", word, num);
		}
		cat(out, outlen, buf);
	}
}

/*
 * "2 bis" from "2bis", with unit (Chinese 条 or 款) after the number:
 * Russian writes бис, тер, кватер; Arabic مكررا for bis (the others in Latin
 * letters, which any language's reader accepts); Chinese 第2条之二.
 */
static void number_shown(const struct cite_words *w, const char *val, const char *unit, char *out,
                         size_t outlen)
{
	static const char *const ru[] = {"бис", "тер", "кватер"};
	size_t d = strspn(val, "0123456789");
	int k = suffix_ordinal(val + d, strlen(val + d));
	const char *name = suffix_names[k];
	char zh[16];

	if (!k) {
		snprintf(out, outlen, "%s%s", val, unit);
		return;
	}
	if (w->style == 3) {
		zh_numeral(k, zh, sizeof zh);
		snprintf(out, outlen, "%.*s%s之%s", (int)d, val, unit, zh);
		return;
	}
	if (strcmp(w->lang, "ru") == 0 && k <= 4)
		name = ru[k - 2];
	else if (w->style == 2 && k == 2)
		name = "مكررا";
	snprintf(out, outlen, "%.*s %s%s", (int)d, val, name, unit);
}

static void cite_article(const struct cite_words *w, const char *lang, const struct comp *c, int n,
                         char *out, size_t outlen)
{
	char buf[96], letter[48];

	number_shown(w, c[0].val, w->after, letter, sizeof letter);
	snprintf(buf, sizeof buf, "%s%s", w->art, letter);
	cat(out, outlen, buf);
	for (int i = 1; i < n; i++) {
		const char *v = c[i].val;
		if (c[i].rank == R_WRAP) {
			cat(out, outlen, w->wrap);
			continue;
		}
		if (c[i].rank == R_POINT)
			point_letter(v[0] - 'a' + 1, lang, letter, sizeof letter);
		else if (c[i].rank == R_PARA)
			number_shown(w, v, w->style == 3 ? "款" : "", letter, sizeof letter);
		else
			snprintf(letter, sizeof letter, "%s", v);
		switch (w->style) {
		case 1:
			snprintf(buf, sizeof buf, "%s%s",
			         c[i].rank == R_PARA    ? ", lid "
			         : c[i].rank == R_POINT ? ", onder "
			                                : ", sub ",
			         letter);
			break;
		case 2:
			if (c[i].rank == R_SUB) {
				long k = parse_roman(v, strlen(v));
				snprintf(buf, sizeof buf, " ’%ld’", k > 0 ? k : 0);
			} else {
				snprintf(buf, sizeof buf, " (%s)", letter);
			}
			break;
		case 3:
			if (c[i].rank == R_PARA)
				snprintf(buf, sizeof buf, "第%s", letter);
			else if (c[i].rank == R_POINT)
				snprintf(buf, sizeof buf, "（%s）", letter);
			else
				snprintf(buf, sizeof buf, "(%s)", letter);
			break;
		default:
			snprintf(buf, sizeof buf, "(%s)", letter);
		}
		cat(out, outlen, buf);
	}
}

char *corpus_eid_cite(const char *eid, const char *lang)
{
	const struct cite_words *w = &cites[0];
	struct comp c[8];
	char out[256] = "";
	int n;

	if (!eid)
		return NULL;
	for (size_t k = 0; lang && k < sizeof cites / sizeof *cites; k++)
		if (strcmp(cites[k].lang, lang) == 0)
			w = &cites[k];
	lang = w->lang;
	n = split_eid(eid, c, 8);
	if (n < 1 || !comps_ok(c, n))
		return strdup(eid);
	if (c[0].rank == R_LEAF) {
		const char *s = strcmp(c[0].val, "longtitle") == 0  ? w->longtitle
		                : strcmp(c[0].val, "preamble") == 0 ? w->preamble
		                                                    : w->conclusions;
		return strdup(s);
	}
	if (c[0].rank == R_BLOCK)
		snprintf(out, sizeof out, "¶ %s", c[0].val);
	else if (c[0].rank < R_ART)
		cite_structure(w, c, n, out, sizeof out);
	else
		cite_article(w, lang, c, n, out, sizeof out);
	return strdup(out);
}
