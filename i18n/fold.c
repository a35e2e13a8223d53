/*
 * fold.c — what makes two spellings of a word the same word for search.
 *
 * Runs after NFKC_Casefold (which already lowercases, unfolds compatibility
 * forms such as full-width letters and digits or ligatures, and drops
 * default-ignorables such as the soft hyphen).  What is left is per script:
 * a delegate types "procedure" for "procédure", "елка" for "ёлка", "اتفاقية"
 * without vowel marks or with a bare alef, and digits in the keyboard's
 * script.  Stress marks, vowel marks and other combining diacritics are
 * dropped everywhere; precomposed letters outside Latin (й, Greek) are kept,
 * because there the mark makes another letter.
 */
#include "i18n/analysis.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

/* Latin letters with diacritics, U+00C0–U+024F and U+1E00–U+1EFF, to their base letter. */
#define LATIN1_FIRST 0xC0
#define LATIN1_LAST 0x24F
#define LATIN2_FIRST 0x1E00
#define LATIN2_LAST 0x1EFF
static unsigned char latin1_base[LATIN1_LAST - LATIN1_FIRST + 1];
static unsigned char latin2_base[LATIN2_LAST - LATIN2_FIRST + 1];
static const UNormalizer2 *nfkc_cf;
static pthread_once_t once = PTHREAD_ONCE_INIT;

/*
 * The whole chain for each character below U+0800 (Latin, Greek, Cyrillic,
 * Arabic), precomputed.  When every character of a word has a normalisation
 * boundary before it (nothing composes with what precedes it) and NFKC_Casefold
 * makes each one character, the word normalises character by character:
 * it folds through this table without calling ICU.
 */
#define LOW 0x800
#define LOW_SLOW 0xFFFF /* not foldable alone: normalise the word */
#define LOW_DROP 0xFFFE
#define LOW_TWO 0xFFFD /* a ligature written as two letters: æ, œ */
static uint16_t low_fold[LOW];

/* Letters that are not decomposable but that people type without their stroke. */
static const struct {
	UChar32 c;
	char base;
} strokes[] = {
    {0xD8, 'o'},  {0xF8, 'o'},  {0x110, 'd'}, {0x111, 'd'}, {0x126, 'h'}, {0x127, 'h'},
    {0x131, 'i'}, {0x141, 'l'}, {0x142, 'l'}, {0x166, 't'}, {0x167, 't'},
};

static UChar32 fold_cp(UChar32 c, int keep_finals, const char **two);

static unsigned char base_of(const UNormalizer2 *nfd, UChar32 c)
{
	UChar d[8];
	UErrorCode e = U_ZERO_ERROR;
	int32_t n = unorm2_getDecomposition(nfd, c, d, 8, &e);
	if (U_FAILURE(e) || n < 1 || d[0] >= 0x80)
		return 0;
	return (unsigned char)d[0];
}

static void init(void)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&e);
	nfkc_cf = unorm2_getNFKCCasefoldInstance(&e);
	if (U_FAILURE(e))
		return;
	for (UChar32 c = LATIN1_FIRST; c <= LATIN1_LAST; c++)
		latin1_base[c - LATIN1_FIRST] = base_of(nfd, c);
	for (UChar32 c = LATIN2_FIRST; c <= LATIN2_LAST; c++)
		latin2_base[c - LATIN2_FIRST] = base_of(nfd, c);
	for (size_t i = 0; i < sizeof strokes / sizeof strokes[0]; i++)
		latin1_base[strokes[i].c - LATIN1_FIRST] = (unsigned char)strokes[i].base;
	for (UChar32 c = 0; c < LOW; c++) {
		UChar in[1] = {(UChar)c}, m[8];
		UErrorCode e2 = U_ZERO_ERROR;
		int32_t n = unorm2_normalize(nfkc_cf, in, 1, m, 8, &e2);
		low_fold[c] = LOW_SLOW;
		if (U_FAILURE(e2) || n > 1 || !unorm2_hasBoundaryBefore(nfkc_cf, c))
			continue;
		const char *two = NULL;
		UChar32 f = n == 0 ? -1 : fold_cp(m[0], 0, &two);
		low_fold[c] = f == -1   ? LOW_DROP
		              : f == -2 ? LOW_TWO
		              : f < LOW ? (uint16_t)f
		                        : LOW_SLOW;
	}
}

int i18n_fold_init(void)
{
	pthread_once(&once, init);
	return nfkc_cf ? 0 : -1;
}

int i18n_is_cjk(UChar32 c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x3040 && c <= 0x30FF) || (c >= 0xF900 && c <= 0xFAFF) ||
	       (c >= 0x20000 && c <= 0x3134F) || (c >= 0x31F0 && c <= 0x31FF) || c == 0x3005 ||
	       c == 0x3007 || (c >= 0xFF66 && c <= 0xFF9D);
}

static int is_combining_diacritic(UChar32 c)
{
	return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
	       (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
	       (c >= 0xFE20 && c <= 0xFE2F);
}

/* Arabic harakat (tashkil), Quranic annotation signs and tatweel: not part of the word. */
static int is_arabic_mark(UChar32 c)
{
	return (c >= 0x64B && c <= 0x65F) || c == 0x670 || c == 0x640 ||
	       (c >= 0x610 && c <= 0x61A) || (c >= 0x6D6 && c <= 0x6DC) ||
	       (c >= 0x6DF && c <= 0x6E4) || c == 0x6E7 || c == 0x6E8 || (c >= 0x6EA && c <= 0x6ED);
}

/* c folded: a code point, -1 to drop it, or -2 for a ligature written as two letters (*two). */
static UChar32 fold_cp(UChar32 c, int keep_finals, const char **two)
{
	if (c >= LATIN1_FIRST && c <= LATIN1_LAST) {
		if (c == 0xE6 || c == 0xC6)
			return *two = "ae", -2;
		if (c == 0x153 || c == 0x152)
			return *two = "oe", -2;
		unsigned char b = latin1_base[c - LATIN1_FIRST];
		return b ? b : c;
	}
	if (c >= 0x600 && c <= 0x6FF) {
		if (is_arabic_mark(c))
			return -1;
		switch (c) {
		case 0x622: /* آ */
		case 0x623: /* أ */
		case 0x625: /* إ */
		case 0x671: /* ٱ */
			return 0x627;
		case 0x649: /* ى */
			return 0x64A;
		case 0x629: /* ة */
			return keep_finals ? c : 0x647;
		}
		if (c >= 0x660 && c <= 0x669)
			return '0' + (c - 0x660);
		if (c >= 0x6F0 && c <= 0x6F9)
			return '0' + (c - 0x6F0);
		return c;
	}
	if (c == 0x451) /* ё */
		return 0x435;
	if (is_combining_diacritic(c))
		return -1;
	if (c >= LATIN2_FIRST && c <= LATIN2_LAST) {
		unsigned char b = latin2_base[c - LATIN2_FIRST];
		return b ? b : c;
	}
	if (c == 0x2019 || c == 0x2018 || c == 0x2BC)
		return '\'';
	if (c >= 0x660 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER)
		return '0' + u_charDigitValue(c);
	return c;
}

static int put_utf8(char *out, int k, int cap, UChar32 c)
{
	int need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
	if (k + need > cap)
		return -1;
	if (need == 1) {
		out[k] = (char)c;
	} else if (need == 2) {
		out[k] = (char)(0xC0 | (c >> 6));
		out[k + 1] = (char)(0x80 | (c & 0x3F));
	} else if (need == 3) {
		out[k] = (char)(0xE0 | (c >> 12));
		out[k + 1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[k + 2] = (char)(0x80 | (c & 0x3F));
	} else {
		out[k] = (char)(0xF0 | (c >> 18));
		out[k + 1] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[k + 2] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[k + 3] = (char)(0x80 | (c & 0x3F));
	}
	return k + need;
}

static int fold_normalised(const UChar *s, int32_t n, int keep_finals, char *out, int cap)
{
	int k = 0;
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(s, i, n, c);
		if (c < 0x80) {
			if (k >= cap)
				break;
			out[k++] = (char)c;
			continue;
		}
		const char *two = NULL;
		c = fold_cp(c, keep_finals, &two);
		if (c == -1)
			continue;
		int next = c == -2 ? put_utf8(out, k, cap, two[0]) : put_utf8(out, k, cap, c);
		if (next >= 0 && c == -2)
			next = put_utf8(out, next, cap, two[1]);
		if (next < 0)
			break;
		k = next;
	}
	return k;
}

void i18n_fold_arabic_finals(char *s, int n)
{
	for (int i = 0; i + 1 < n; i++)
		if ((unsigned char)s[i] == 0xD8 && (unsigned char)s[i + 1] == 0xA9) /* ة → ه */
			s[i] = (char)0xD9, s[i + 1] = (char)0x87;
}

/* The fast path: each character folded alone; -1 when one needs ICU's normaliser. */
static int fold_low(const UChar *s, int32_t n, int keep_finals, char *out, int cap)
{
	int k = 0;
	for (int32_t i = 0; i < n; i++) {
		UChar c = s[i];
		unsigned f;
		if (c < LOW) {
			f = low_fold[c];
			if (f == LOW_SLOW)
				return -1;
			if (f == LOW_DROP)
				continue;
			if (keep_finals && c == 0x629)
				f = c;
		} else if (c >= 0x3400 && c <= 0x9FFF && (c >= 0x4E00 || c <= 0x4DBF)) {
			f = c; /* Han: no mapping, no composition */
		} else {
			return -1;
		}
		if (f == LOW_TWO) {
			if (k + 2 > cap)
				break;
			out[k] = (c == 0xE6 || c == 0xC6) ? 'a' : 'o', out[k + 1] = 'e', k += 2;
		} else if (f < 0x80) {
			if (k + 1 > cap)
				break;
			out[k++] = (char)f;
		} else if (f < 0x800) {
			if (k + 2 > cap)
				break;
			out[k++] = (char)(0xC0 | (f >> 6));
			out[k++] = (char)(0x80 | (f & 0x3F));
		} else {
			if (k + 3 > cap)
				break;
			out[k++] = (char)(0xE0 | (f >> 12));
			out[k++] = (char)(0x80 | ((f >> 6) & 0x3F));
			out[k++] = (char)(0x80 | (f & 0x3F));
		}
	}
	return k;
}

int i18n_fold_word16(const UChar *s, int32_t n, int keep_finals, char *out, int cap, UChar *norm,
                     int32_t normcap)
{
	int k = fold_low(s, n, keep_finals, out, cap);
	if (k >= 0)
		return k;
	UErrorCode e = U_ZERO_ERROR;
	int32_t ok = unorm2_spanQuickCheckYes(nfkc_cf, s, n, &e);
	if (U_SUCCESS(e) && ok < n) {
		memcpy(norm, s, (size_t)ok * sizeof *s);
		n = unorm2_normalizeSecondAndAppend(nfkc_cf, norm, ok, normcap, s + ok, n - ok, &e);
		s = norm;
	}
	if (U_FAILURE(e))
		return 0;
	return fold_normalised(s, n, keep_finals, out, cap);
}
