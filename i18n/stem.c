/*
 * stem.c — Snowball stemming by language, behind a small cache.
 *
 * A Snowball stemmer costs 200–700 ns a word, as much as the rest of the
 * chain; legal text repeats its words (the, of, Party, computer, data…), so
 * a direct-mapped cache of recent words answers most calls with one hash and
 * one comparison, and never allocates.  What remains is one Snowball call per
 * distinct word: the cost of indexing a small corpus.
 */
#include "i18n/analysis.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096 /* power of two: 256 KB, most of a treaty's vocabulary */
#define SHORT 31   /* longer words bypass the cache */

/* One cache line, so that a lookup touches one line. */
struct slot {
	unsigned char wlen, slen; /* wlen 0: empty */
	char word[SHORT], stem[SHORT];
};
_Static_assert(sizeof(struct slot) == 64, "a slot is a cache line");

struct i18n_stem {
	struct sb_stemmer *sb;
	struct sb_stemmer *latin1; /* the same algorithm on bytes, for ASCII; or NULL */
	struct slot *cache;
};

static const struct {
	const char *lang, *algorithm;
} algorithms[] = {
    {"en", "english"}, {"fr", "french"}, {"es", "spanish"},
    {"ru", "russian"}, {"ar", "arabic"}, {"nl", "dutch"},
};

struct i18n_stem *i18n_stem_new(const char *lang, int *oom)
{
	*oom = 0;
	for (size_t i = 0; i < sizeof algorithms / sizeof algorithms[0]; i++) {
		if (strcmp(lang, algorithms[i].lang) != 0)
			continue;
		struct i18n_stem *st = calloc(1, sizeof *st);
		if (st && (st->sb = sb_stemmer_new(algorithms[i].algorithm, "UTF_8")) != NULL) {
			st->latin1 = sb_stemmer_new(algorithms[i].algorithm, "ISO_8859_1");
			return st;
		}
		*oom = 1;
		i18n_stem_free(st);
		return NULL;
	}
	return NULL;
}

void i18n_stem_free(struct i18n_stem *st)
{
	if (!st)
		return;
	if (st->sb)
		sb_stemmer_delete(st->sb);
	if (st->latin1)
		sb_stemmer_delete(st->latin1);
	free(st->cache);
	free(st);
}

static uint32_t hash(const char *w, int n)
{
	uint32_t h = 2166136261u;
	for (int i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

int i18n_stem(struct i18n_stem *st, const char *w, int n, const char **out)
{
	struct slot *s = NULL;
	/* Made on first use: a table may never stem; without it, words are stemmed uncached. */
	if (!st->cache && (st->cache = aligned_alloc(64, SLOTS * sizeof *st->cache)) != NULL)
		memset(st->cache, 0, SLOTS * sizeof *st->cache);
	if (n <= SHORT && st->cache) {
		s = &st->cache[hash(w, n) & (SLOTS - 1)];
		if (s->wlen == n && memcmp(s->word, w, (size_t)n) == 0) {
			*out = s->stem;
			return s->slen;
		}
	}
	/* ASCII is the same in both encodings, and so are its stems; bytes are cheaper. */
	unsigned char high = 0;
	for (int i = 0; i < n; i++)
		high |= (unsigned char)w[i];
	struct sb_stemmer *sb = high < 0x80 && st->latin1 ? st->latin1 : st->sb;
	const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)w, n);
	int len = r ? sb_stemmer_length(sb) : 0;
	if (len <= 0) {
		*out = w;
		len = n;
	} else {
		*out = (const char *)r;
	}
	if (s && len <= SHORT) {
		s->wlen = (unsigned char)n, s->slen = (unsigned char)len;
		memcpy(s->word, w, (size_t)n);
		memcpy(s->stem, *out, (size_t)len);
		*out = s->stem;
	}
	return len;
}
