/*
 * stem.c — Snowball stemming by language, behind a small cache.
 *
 * A Snowball stemmer costs 200–700 ns a word, as much as the rest of the
 * chain; legal text repeats its words (the, of, Party, computer, data…), so
 * a direct-mapped cache of recent words answers most calls with one hash and
 * one comparison, and never allocates.  What remains is one Snowball call per
 * distinct word: the cost of indexing a small corpus.
 */
#include "config.h"
#include "i18n/analysis.h"
#include "i18n/i18n.h"

#include <dlfcn.h>
#include <libstemmer.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096     /* power of two: 256 KB, most of a treaty's vocabulary */
#define SHORT 31       /* longer words bypass the cache */
#define CACHE_AFTER 16 /* words stemmed without a cache */

/* One cache line, so that a lookup touches one line. */
struct slot {
	unsigned char wlen, slen; /* wlen 0: empty */
	char word[SHORT], stem[SHORT];
};
_Static_assert(sizeof(struct slot) == 64, "a slot is a cache line");

struct i18n_stem {
	struct sb_stemmer *sb;
	struct sb_stemmer *latin1; /* the same algorithm on bytes, for ASCII; or NULL */
	struct slot *cache;        /* in raw, at a cache line's start */
	void *raw;
	int stemmed; /* words stemmed before the cache was made */
};

static const struct {
	const char *lang, *algorithm;
} algorithms[] = {
    {"en", "english"}, {"fr", "french"}, {"es", "spanish"},
    {"ru", "russian"}, {"ar", "arabic"}, {"nl", "dutch"},
};

/*
 * libstemmer is opened when the first stemmer is made, not when the program
 * starts: its tables hold some 14 000 pointers, which the loader would
 * relocate at every start (84 of the 204 page faults of `treaty --version`),
 * before a first paint that stems nothing.  Kept open to the end.
 */
typedef struct sb_stemmer *sb_new_fn(const char *algorithm, const char *encoding);
typedef const sb_symbol *sb_stem_fn(struct sb_stemmer *, const sb_symbol *word, int size);
typedef int sb_length_fn(struct sb_stemmer *);
typedef void sb_delete_fn(struct sb_stemmer *);

static struct {
	sb_new_fn *make;
	sb_stem_fn *stem;
	sb_length_fn *length;
	sb_delete_fn *drop;
	char why[256]; /* why it could not be opened, or "" */
} snowball;
static pthread_once_t snowball_once = PTHREAD_ONCE_INIT;

static void open_snowball(void)
{
	void *lib = dlopen(STEMMER_SONAME, RTLD_NOW | RTLD_LOCAL);
	if (lib) {
		snowball.make = (sb_new_fn *)dlsym(lib, "sb_stemmer_new");
		snowball.stem = (sb_stem_fn *)dlsym(lib, "sb_stemmer_stem");
		snowball.length = (sb_length_fn *)dlsym(lib, "sb_stemmer_length");
		snowball.drop = (sb_delete_fn *)dlsym(lib, "sb_stemmer_delete");
		if (snowball.make && snowball.stem && snowball.length && snowball.drop)
			return;
	}
	const char *e = dlerror();
	snprintf(snowball.why, sizeof snowball.why, "cannot open the stemmers (%s): %s",
	         STEMMER_SONAME, e ? e : "a function is missing");
	snowball.make = NULL;
}

int i18n_stemmers_open(char *err, size_t errlen)
{
	pthread_once(&snowball_once, open_snowball);
	if (snowball.make)
		return 0;
	if (err && errlen)
		snprintf(err, errlen, "%s", snowball.why);
	return -1;
}

struct i18n_stem *i18n_stem_new(const char *lang, const char **why)
{
	*why = NULL;
	for (size_t i = 0; i < sizeof algorithms / sizeof algorithms[0]; i++) {
		if (strcmp(lang, algorithms[i].lang) != 0)
			continue;
		pthread_once(&snowball_once, open_snowball);
		if (!snowball.make) {
			*why = snowball.why;
			return NULL;
		}
		struct i18n_stem *st = calloc(1, sizeof *st);
		if (st && (st->sb = snowball.make(algorithms[i].algorithm, "UTF_8")) != NULL) {
			st->latin1 = snowball.make(algorithms[i].algorithm, "ISO_8859_1");
			return st;
		}
		*why = "out of memory";
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
		snowball.drop(st->sb);
	if (st->latin1)
		snowball.drop(st->latin1);
	free(st->raw);
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
	/*
	 * Made once a stemmer has stemmed a few words: one made for a single
	 * word ("did you mean" folds a few with theirs) would otherwise clear
	 * 256 KB for it.  Without one, words are stemmed uncached.  calloc, as
	 * memory that large may come from the system already zeroed.
	 */
	if (!st->raw && ++st->stemmed > CACHE_AFTER &&
	    (st->raw = calloc(SLOTS + 1, sizeof *st->cache)) != NULL)
		st->cache = (struct slot *)(((uintptr_t)st->raw + 63) & ~(uintptr_t)63);
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
	const sb_symbol *r = snowball.stem(sb, (const sb_symbol *)w, n);
	int len = r ? snowball.length(sb) : 0;
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
