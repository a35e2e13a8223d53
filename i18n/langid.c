/*
 * langid.c — guess a document's language when the user does not say.
 *
 * Scripts settle Arabic, Chinese and Russian outright.  The Latin-script
 * languages a delegate meets (en, fr, es, nl) are told apart by their most
 * frequent short words, which official texts use densely; a guess without a
 * clear winner is refused rather than risked, since the language chooses the
 * stemmer and the heading grammar.
 */
#include "i18n/i18n.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

/* Enough text to decide; the start of a document is its most typical part. */
#define SAMPLE_BYTES 65536

struct profile {
	const char *lang;
	const char *words[12];
};

static const struct profile latin[] = {
    {"en", {"the", "of", "and", "to", "in", "shall", "be", "or", "any", "that", "with", "by"}},
    {"fr", {"le", "la", "les", "des", "et", "du", "en", "est", "une", "pour", "aux", "dans"}},
    {"es", {"el", "la", "los", "las", "y", "del", "en", "que", "por", "con", "para", "una"}},
    {"nl", {"de", "het", "van", "een", "en", "die", "dat", "voor", "met", "zijn", "wordt", "aan"}},
};

#define NLATIN (sizeof latin / sizeof latin[0])

static void count_word(const char *w, size_t len, int score[NLATIN])
{
	char low[8];
	if (len == 0 || len >= sizeof low)
		return;
	for (size_t i = 0; i < len; i++)
		low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
	low[len] = '\0';
	for (size_t p = 0; p < NLATIN; p++)
		for (size_t k = 0; k < 12 && latin[p].words[k]; k++)
			if (strcmp(low, latin[p].words[k]) == 0)
				score[p]++;
}

const char *i18n_guess_language(const char *text, size_t len)
{
	int32_t n = (int32_t)(len > SAMPLE_BYTES ? SAMPLE_BYTES : len);
	int arabic = 0, han = 0, cyrillic = 0, letters = 0;
	int score[NLATIN] = {0};
	int32_t i = 0, word = -1;

	while (i < n) {
		int32_t at = i;
		UChar32 c;
		U8_NEXT(text, i, n, c);
		int alpha = c >= 0 && (u_isalpha(c) || c == '\'');
		/* word: start of an ASCII word, -1 between words, -2 inside a non-ASCII one. */
		if (alpha && c < 0x80) {
			if (word == -1)
				word = at;
		} else if (alpha) {
			word = -2;
		} else {
			if (word >= 0)
				count_word(text + word, (size_t)(at - word), score);
			word = -1;
		}
		if (c < 0 || !u_isalpha(c))
			continue;
		letters++;
		UErrorCode st = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript(c, &st);
		arabic += sc == USCRIPT_ARABIC;
		han += sc == USCRIPT_HAN;
		cyrillic += sc == USCRIPT_CYRILLIC;
	}
	if (word >= 0)
		count_word(text + word, (size_t)(n - word), score);
	if (letters == 0)
		return NULL;
	if (arabic * 2 > letters)
		return "ar";
	if (han * 3 > letters)
		return "zh";
	if (cyrillic * 2 > letters)
		return "ru";

	size_t best = 0, second = 1;
	for (size_t p = 1; p < NLATIN; p++) {
		if (score[p] > score[best]) {
			second = best;
			best = p;
		} else if (p != best && score[p] > score[second]) {
			second = p;
		}
	}
	/* A clear winner only: twice the runner-up, and a few words at least. */
	if (score[best] < 5 || score[best] < 2 * score[second])
		return NULL;
	return latin[best].lang;
}
