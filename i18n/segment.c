/*
 * segment.c — UTF-8 to ICU's UTF-16 with a way back, and the cutting of text
 * into grapheme clusters and line-break opportunities.
 *
 * Wrapping runs over every article at every resize, so nothing here
 * allocates per character: the buffers and the two break iterators live per
 * thread and only grow.
 */
#include "i18n/display-internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

static _Thread_local UBreakIterator *char_iter, *line_iter;
static _Thread_local struct dsp_text scratch_text;
static _Thread_local struct dsp_clusters scratch_clusters;

static UBreakIterator *open_iter(UBreakIterator **it, UBreakIteratorType type)
{
	if (!*it) {
		UErrorCode e = U_ZERO_ERROR;
		*it = ubrk_open(type, "", NULL, 0, &e);
		if (U_FAILURE(e))
			*it = NULL;
	}
	return *it;
}

UBreakIterator *dsp_char_iter(void)
{
	return open_iter(&char_iter, UBRK_CHARACTER);
}

UBreakIterator *dsp_line_iter(void)
{
	return open_iter(&line_iter, UBRK_LINE);
}

struct dsp_text *dsp_scratch_text(void)
{
	return &scratch_text;
}

struct dsp_clusters *dsp_scratch_clusters(void)
{
	return &scratch_clusters;
}

int32_t dsp_next_cluster(UBreakIterator *it, const UChar *u, int32_t n, int32_t i)
{
	if (u[i] < 0x80 && (i + 1 == n || (u[i + 1] < 0x80 && !(u[i] == '\r' && u[i + 1] == '\n'))))
		return i + 1;
	/* next() is cheaper than following(), which may have to find its way back */
	return ubrk_current(it) == i ? ubrk_next(it) : ubrk_following(it, i);
}

static int grow(void **p, size_t size)
{
	void *q = realloc(*p, size);
	if (!q)
		return -1;
	*p = q;
	return 0;
}

int dsp_text_load(struct dsp_text *t, const char *s, size_t len)
{
	/* A byte gives at most one unit (four bytes give two). */
	if (len >= INT32_MAX)
		return -1;
	if ((int32_t)len + 1 > t->cap) {
		int32_t cap = t->cap ? t->cap : 256;
		while (cap < (int32_t)len + 1)
			cap = cap > INT32_MAX / 2 ? INT32_MAX : cap * 2;
		if (grow((void **)&t->u, (size_t)cap * sizeof *t->u) < 0 ||
		    grow((void **)&t->off, (size_t)cap * sizeof *t->off) < 0)
			return -1;
		t->cap = cap;
	}
	const uint8_t *p = (const uint8_t *)s;
	int32_t n = 0;
	size_t i = 0;
	while (i < len) {
		size_t at = i;
		if (p[i] < 0x80) {
			t->u[n] = p[i++];
			t->off[n++] = at;
			continue;
		}
		UChar32 c;
		U8_NEXT(p, i, len, c);
		if (c < 0)
			c = 0xFFFD;
		if (U_IS_BMP(c)) {
			t->u[n] = (UChar)c;
			t->off[n++] = at;
		} else {
			t->u[n] = U16_LEAD(c);
			t->off[n++] = at;
			t->u[n] = U16_TRAIL(c);
			t->off[n++] = at;
		}
	}
	t->off[n] = len;
	t->n = n;
	t->src = s;
	return 0;
}

void dsp_text_free(struct dsp_text *t)
{
	free(t->u);
	free(t->off);
	memset(t, 0, sizeof *t);
}

int dsp_text_bad(const struct dsp_text *t, int32_t i)
{
	if (t->u[i] != 0xFFFD)
		return 0;
	return t->off[i + 1] - t->off[i] != 3 || memcmp(t->src + t->off[i], "\xEF\xBF\xBD", 3) != 0;
}

int32_t dsp_text_unit(const struct dsp_text *t, size_t off)
{
	int32_t lo = 0, hi = t->n;
	while (lo < hi) { /* first unit whose offset is >= off */
		int32_t mid = lo + (hi - lo) / 2;
		if (t->off[mid] < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return t->off[lo] == off ? lo : -1;
}

static int push(struct dsp_clusters *cs, int32_t start)
{
	if (cs->n + 1 >= cs->cap) {
		int32_t cap = cs->cap ? cs->cap * 2 : 256;
		if (grow((void **)&cs->c, (size_t)cap * sizeof *cs->c) < 0)
			return -1;
		cs->cap = cap;
	}
	cs->c[cs->n++] = (struct dsp_cl){.start = start};
	return 0;
}

/* Opportunities that fall inside a cluster are dropped: see dsp_analyse(). */
static int mark_breaks(const struct dsp_text *t, struct dsp_clusters *cs)
{
	UBreakIterator *it = dsp_line_iter();
	UErrorCode e = U_ZERO_ERROR;
	if (!it)
		return -1;
	ubrk_setText(it, t->u, t->n, &e);
	if (U_FAILURE(e))
		return -1;
	int32_t k = 0;
	for (int32_t p = ubrk_next(it); p != UBRK_DONE; p = ubrk_next(it)) {
		while (cs->c[k].start < p)
			k++;
		if (cs->c[k].start != p)
			continue;
		int32_t status = ubrk_getRuleStatus(it);
		cs->c[k].brk = status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT ? 2 : 1;
	}
	return 0;
}

int dsp_analyse(const struct dsp_text *t, struct dsp_clusters *cs, int breaks)
{
	UBreakIterator *it = dsp_char_iter();
	UErrorCode e = U_ZERO_ERROR;
	if (!it)
		return -1;
	ubrk_setText(it, t->u, t->n, &e);
	if (U_FAILURE(e))
		return -1;
	cs->n = 0;
	for (int32_t a = 0, b; a < t->n; a = b) {
		enum dsp_kind kind;
		int mark;
		b = dsp_next_cluster(it, t->u, t->n, a);
		if (push(cs, a) < 0)
			return -1;
		cs->c[cs->n - 1].width = dsp_cluster(t, t->u + a, a, b, 0, &kind, &mark, NULL);
		cs->c[cs->n - 1].kind = (uint8_t)kind;
	}
	if (push(cs, t->n) < 0)
		return -1;
	cs->n--; /* the sentinel is not a cluster */
	cs->c[cs->n].kind = DSP_NOTHING;
	return breaks ? mark_breaks(t, cs) : 0;
}
