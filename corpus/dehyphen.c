/*
 * dehyphen.c — a hyphen at a line end is dropped only when it is a
 * line-break artefact.  The line must go on in lowercase (or in capitals after
 * capitals); then, in this order:
 *   - the joined word occurs elsewhere in the document (at least as often as
 *     the hyphenated one): drop; the hyphenated word does: keep;
 *   - the same for the two pieces around the break inside a compound
 *     ("non-crimi-" + "nal": "criminal" is a word): drop or keep;
 *   - a one-letter first piece ("e-" + "mail", "seven-day-a-" + "week"), a
 *     compound prefix ("non-", "self-", "niet-"), a hyphenated continuation
 *     ("seven-" + "day-a-week"): keep, since typesetters never leave one
 *     letter behind nor break inside a compound that is already broken;
 *   - otherwise drop: most line-end hyphens are the typesetter's.  (Keeping
 *     the hyphen when both pieces are words of their own, "rules-" + "based",
 *     was tried and did more harm than good: "under-" + "take".)
 */
#include "corpus/dehyphen.h"
#include "corpus/convert.h"
#include "corpus/store-internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---- UTF-8 ------------------------------------------------------------------ */

int32_t corpus_utf8_decode(const char *s, size_t len, size_t *used)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len >= 2 && (u[0] & 0xE0) == 0xC0) {
		*used = 2;
		return (u[0] & 0x1F) << 6 | (u[1] & 0x3F);
	}
	if (len >= 3 && (u[0] & 0xF0) == 0xE0) {
		*used = 3;
		return (u[0] & 0x0F) << 12 | (u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	}
	if (len >= 4 && (u[0] & 0xF8) == 0xF0) {
		*used = 4;
		return (u[0] & 0x07) << 18 | (u[1] & 0x3F) << 12 | (u[2] & 0x3F) << 6 |
		       (u[3] & 0x3F);
	}
	*used = len ? 1 : 0;
	return len ? u[0] : 0;
}

/* The code point ending s[0..len), and where it starts. */
static int32_t decode_last(const char *s, size_t len, size_t *start)
{
	size_t back = len ? len - 1 : 0, used;
	while (back > 0 && ((unsigned char)s[back] & 0xC0) == 0x80)
		back--;
	*start = back;
	return corpus_utf8_decode(s + back, len - back, &used);
}

/*
 * Case in the alphabets that hyphenate at line ends (Latin, Greek, Cyrillic);
 * Arabic and Chinese do not.  An approximation is enough: it only decides
 * whether a line goes on in mid-word and which words are the same.
 */
int corpus_is_lower(int32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) ||
	       (c >= 0x100 && c <= 0x17F && (c & 1)) || (c >= 0x3AC && c <= 0x3CE) ||
	       (c >= 0x430 && c <= 0x45F);
}

static int32_t fold(int32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
	    (c >= 0x391 && c <= 0x3AB) || (c >= 0x410 && c <= 0x42F))
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0x100 && c <= 0x17F && !(c & 1))
		return c + 1;
	return c;
}

static int is_upper(int32_t c)
{
	return c != fold(c);
}

static void put_utf8(struct corpus_buf *b, int32_t c)
{
	char s[4];
	size_t n = 0;
	if (c < 0x80) {
		s[n++] = (char)c;
	} else if (c < 0x800) {
		s[n++] = (char)(0xC0 | c >> 6);
		s[n++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		s[n++] = (char)(0xE0 | c >> 12);
		s[n++] = (char)(0x80 | (c >> 6 & 0x3F));
		s[n++] = (char)(0x80 | (c & 0x3F));
	} else {
		s[n++] = (char)(0xF0 | c >> 18);
		s[n++] = (char)(0x80 | (c >> 12 & 0x3F));
		s[n++] = (char)(0x80 | (c >> 6 & 0x3F));
		s[n++] = (char)(0x80 | (c & 0x3F));
	}
	corpus_buf_add(b, s, n);
}

/* Punctuation that may stick to a word's ends: quotes, brackets, dashes. */
static int is_edge_punct(int32_t c)
{
	return (c < 0x80 && c > ' ' && !isalnum(c)) || (c >= 0x2010 && c <= 0x205E) || c == 0xAB ||
	       c == 0xBB || c == 0xA0;
}

/* The word s[0..len) without its edge punctuation, case-folded, into b (reset). */
static void word_key(const char *s, size_t len, struct corpus_buf *b)
{
	size_t used, start = 0, end = len, back;
	while (start < end && is_edge_punct(corpus_utf8_decode(s + start, end - start, &used)))
		start += used;
	while (end > start && is_edge_punct(decode_last(s + start, end - start, &back)))
		end = start + back;
	b->len = 0;
	for (size_t i = start; i < end; i += used)
		put_utf8(b, fold(corpus_utf8_decode(s + i, end - i, &used)));
	corpus_buf_add(b, "", 0);
}

/* ---- The vocabulary ------------------------------------------------------------ */

struct corpus_words {
	char **keys;
	int *counts;
	size_t cap, n;
	struct corpus_buf key; /* scratch */
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

struct corpus_words *corpus_words_new(void)
{
	struct corpus_words *w = calloc(1, sizeof *w);
	if (w && (!(w->keys = calloc(1024, sizeof *w->keys)) ||
	          !(w->counts = calloc(1024, sizeof *w->counts)))) {
		corpus_words_free(w);
		return NULL;
	}
	if (w)
		w->cap = 1024;
	return w;
}

void corpus_words_free(struct corpus_words *w)
{
	if (!w)
		return;
	for (size_t i = 0; w->keys && i < w->cap; i++)
		free(w->keys[i]);
	free(w->keys);
	free(w->counts);
	free(w->key.s);
	free(w);
}

static size_t slot(const struct corpus_words *w, const char *key)
{
	size_t j = hash(key) & (w->cap - 1);
	while (w->keys[j] && strcmp(w->keys[j], key) != 0)
		j = (j + 1) & (w->cap - 1);
	return j;
}

static int rehash(struct corpus_words *w)
{
	size_t cap = w->cap * 2;
	char **keys = calloc(cap, sizeof *keys);
	int *counts = calloc(cap, sizeof *counts);
	if (!keys || !counts) {
		free(keys);
		free(counts);
		return -1;
	}
	struct corpus_words bigger = {.keys = keys, .counts = counts, .cap = cap};
	for (size_t i = 0; i < w->cap; i++) {
		if (!w->keys[i])
			continue;
		size_t j = slot(&bigger, w->keys[i]);
		keys[j] = w->keys[i];
		counts[j] = w->counts[i];
	}
	free(w->keys);
	free(w->counts);
	w->keys = keys;
	w->counts = counts;
	w->cap = cap;
	return 0;
}

static int add_key(struct corpus_words *w, const char *key)
{
	if (!*key)
		return 0;
	if ((w->n + 1) * 2 > w->cap && rehash(w) < 0)
		return -1;
	size_t j = slot(w, key);
	if (!w->keys[j]) {
		if (!(w->keys[j] = corpus_strdup(key)))
			return -1;
		w->n++;
	}
	w->counts[j]++;
	return 0;
}

/* A word and, when it is hyphenated, each of its parts. */
static int add_word(struct corpus_words *w, const char *s, size_t n)
{
	word_key(s, n, &w->key);
	if (w->key.oom || add_key(w, w->key.s) < 0)
		return -1;
	if (!memchr(s, '-', n))
		return 0;
	for (size_t i = 0; i < n;) {
		size_t part = 0;
		while (i + part < n && s[i + part] != '-')
			part++;
		word_key(s + i, part, &w->key);
		if (w->key.oom || add_key(w, w->key.s) < 0)
			return -1;
		i += part + 1;
	}
	return 0;
}

int corpus_words_add_line(struct corpus_words *w, const char *line, int skip_first, int skip_last)
{
	size_t len = strlen(line);
	for (size_t k = 0; k < len;) {
		size_t n = strcspn(line + k, " ");
		int first = k == 0, last = k + n >= len;
		if (n && !(first && skip_first) && !(last && skip_last) &&
		    add_word(w, line + k, n) < 0)
			return -1;
		k += n;
		while (line[k] == ' ')
			k++;
	}
	return 0;
}

int corpus_words_count(const struct corpus_words *w, const char *s, size_t len)
{
	struct corpus_buf key = {0};
	word_key(s, len, &key);
	int n = 0;
	if (key.s && !key.oom) {
		size_t j = slot(w, key.s);
		n = w->keys[j] ? w->counts[j] : 0;
	}
	free(key.s);
	return n;
}

/* ---- Hyphens -------------------------------------------------------------------- */

size_t corpus_end_hyphen(const char *s, size_t len, int *soft)
{
	*soft = 0;
	if (len >= 2 && memcmp(s + len - 2, "\xC2\xAD", 2) == 0) {
		*soft = 1;
		return 2;
	}
	if (len >= 3 && memcmp(s + len - 3, "\xE2\x80\x90", 3) == 0)
		return 3;
	return len >= 1 && s[len - 1] == '-' ? 1 : 0;
}

/* Letters (not punctuation) in the word s[0..len). */
static size_t letters_in(const char *s, size_t len)
{
	size_t n = 0, used;
	for (size_t i = 0; i < len; i += used)
		n += !is_edge_punct(corpus_utf8_decode(s + i, len - i, &used));
	return n;
}

static int word_in(const char *w, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncmp(w, *list, n) == 0)
			return 1;
	return 0;
}

/* Prefixes written with a hyphen whatever follows. */
static const char *const compound_prefixes[] = {"non", "self", "cross", "quasi", "niet", NULL};

/* Count of the concatenation x + sep + y in the vocabulary. */
static int count_joined(const struct corpus_words *w, const char *x, size_t xn, const char *sep,
                        const char *y, size_t yn)
{
	struct corpus_buf b = {0};
	corpus_buf_add(&b, x, xn);
	corpus_buf_adds(&b, sep);
	corpus_buf_add(&b, y, yn);
	int n = b.s && !b.oom ? corpus_words_count(w, b.s, b.len) : 0;
	free(b.s);
	return n;
}

/* The vocabulary's say on "w-" (prefix w[0..plen)) + "c" (c[0..clen)). */
static enum corpus_join vocabulary(const char *w, size_t plen, const char *c, size_t clen,
                                   const struct corpus_words *words)
{
	const char *left = w;
	for (const char *p = memchr(w, '-', plen); p;
	     p = memchr(p + 1, '-', plen - (size_t)(p + 1 - w)))
		left = p + 1;
	size_t left_len = plen - (size_t)(left - w);
	/* The first piece of the continuation; a hyphen ending it is no compound's. */
	size_t right_len = strcspn(c, "-");
	if (right_len >= clen - 1)
		right_len = clen;
	int nj = count_joined(words, w, plen, "", c, clen);
	int nh = count_joined(words, w, plen, "-", c, clen);
	if (nj > 0 && nj >= nh)
		return CORPUS_JOIN_DROP_HYPHEN;
	if (nh > 0)
		return CORPUS_JOIN_KEEP_HYPHEN;
	nj = count_joined(words, left, left_len, "", c, right_len);
	nh = count_joined(words, left, left_len, "-", c, right_len);
	if (nj > 0 && nj >= nh)
		return CORPUS_JOIN_DROP_HYPHEN;
	if (nh > 0)
		return CORPUS_JOIN_KEEP_HYPHEN;
	struct corpus_buf key = {0};
	word_key(left, left_len, &key);
	int prefix = key.s && word_in(key.s, key.len, compound_prefixes);
	free(key.s);
	if (letters_in(left, left_len) == 1 || prefix || right_len < clen)
		return CORPUS_JOIN_KEEP_HYPHEN;
	return CORPUS_JOIN_DROP_HYPHEN;
}

enum corpus_join corpus_line_join(const char *a, const char *b, const struct corpus_words *w)
{
	const char *sp = strrchr(a, ' ');
	const char *word = sp ? sp + 1 : a;
	size_t wlen = strlen(word), used, start;
	int soft;
	size_t h = corpus_end_hyphen(word, wlen, &soft);
	if (!h || wlen == h)
		return CORPUS_JOIN_SPACE;
	size_t plen = wlen - h;
	int32_t last = decode_last(word, plen, &start);
	int32_t next = corpus_utf8_decode(b, strlen(b), &used);
	/* "1990-" or "—-" end no broken word. */
	if (last < 0x80 ? !isalpha(last) : is_edge_punct(last))
		return CORPUS_JOIN_SPACE;
	if (!corpus_is_lower(next) && !(is_upper(last) && is_upper(next)))
		return CORPUS_JOIN_KEEP_HYPHEN;
	if (soft)
		return CORPUS_JOIN_DROP_HYPHEN;
	return vocabulary(word, plen, b, strcspn(b, " "), w);
}
