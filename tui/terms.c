/*
 * terms.c — which words of a text to highlight after a search.
 *
 * The store marks in each snippet exactly the forms its tokenizer matched
 * ("access", "accessed"), so those surface forms, looked for again in the
 * provisions that matched, highlight the whole text without a second index.
 */
#include "tui/reader.h"

#include <stdlib.h>
#include <string.h>

static int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A byte inside a word, for the boundary test: any non-ASCII byte counts. */
static int word_byte(unsigned char c)
{
	return ascii_alnum(c) || c >= 0x80;
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static int same(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold((unsigned char)a[i]) != fold((unsigned char)b[i]))
			return 0;
	return 1;
}

static int add_word(struct tui_terms *t, const char *w, size_t len)
{
	if (!len)
		return 0;
	for (size_t i = 0; i < t->n; i++)
		if (strlen(t->word[i]) == len && same(t->word[i], w, len))
			return 0;
	char **p = realloc(t->word, (t->n + 1) * sizeof *p);
	if (!p)
		return -1;
	t->word = p;
	if (!(t->word[t->n] = strndup(w, len)))
		return -1;
	t->n++;
	return 0;
}

int tui_terms_add_snippet(struct tui_terms *t, const char *snippet)
{
	const char *p = snippet;
	while ((p = strchr(p, CORPUS_MARK_START[0]))) {
		const char *end = strchr(++p, CORPUS_MARK_END[0]);
		if (!end)
			break;
		if (add_word(t, p, (size_t)(end - p)) < 0)
			return -1;
		p = end + 1;
	}
	return 0;
}

void tui_terms_free(struct tui_terms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->word[i]);
	free(t->word);
	memset(t, 0, sizeof *t);
}

static int match_at(const char *s, size_t len, size_t at, const char *w, size_t wl)
{
	if (at + wl > len || !same(s + at, w, wl))
		return 0;
	if (ascii_alnum((unsigned char)w[0]) && at > 0 && word_byte((unsigned char)s[at - 1]))
		return 0;
	if (ascii_alnum((unsigned char)w[wl - 1]) && at + wl < len &&
	    word_byte((unsigned char)s[at + wl]))
		return 0;
	return 1;
}

int tui_terms_find(const struct tui_terms *t, const char *s, size_t len, struct tui_range **out,
                   size_t *n)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	for (size_t at = 0; at < len; at++) {
		/* Only at the start of a character: never split one. */
		if (((unsigned char)s[at] & 0xC0) == 0x80)
			continue;
		size_t best = 0;
		for (size_t i = 0; i < t->n; i++) {
			size_t wl = strlen(t->word[i]);
			if (wl > best && match_at(s, len, at, t->word[i], wl))
				best = wl;
		}
		if (!best)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			struct tui_range *p = realloc(*out, cap * sizeof *p);
			if (!p) {
				free(*out);
				*out = NULL;
				*n = 0;
				return -1;
			}
			*out = p;
		}
		(*out)[(*n)++] = (struct tui_range){at, at + best};
		at += best - 1;
	}
	return 0;
}

char *tui_snippet_plain(const char *snippet, struct tui_range **ranges, size_t *n)
{
	size_t len = strlen(snippet), o = 0, cap = 0;
	char *plain = malloc(len + 1);
	*ranges = NULL;
	*n = 0;
	if (!plain)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (snippet[i] == CORPUS_MARK_START[0]) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 8;
				struct tui_range *p = realloc(*ranges, cap * sizeof *p);
				if (!p)
					break;
				*ranges = p;
			}
			(*ranges)[(*n)++] = (struct tui_range){o, o};
		} else if (snippet[i] == CORPUS_MARK_END[0]) {
			if (*n)
				(*ranges)[*n - 1].end = o;
		} else {
			plain[o++] = snippet[i];
		}
	}
	plain[o] = '\0';
	return plain;
}
