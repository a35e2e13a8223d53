/*
 * wrap.c — a paragraph cut into lines of at most so many cells.
 *
 * Greedy, by segments: a segment runs from one break opportunity to the
 * next (a word and the spaces after it; one character in Chinese).  A segment
 * goes on the current line when its cells up to its trailing spaces fit,
 * since those spaces may hang beyond the edge; otherwise the line ends before
 * it.  A segment wider than a whole line is cut between clusters.
 */
#include "i18n/display-internal.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>

struct wrap {
	const struct dsp_text *t;
	const struct dsp_cl *c;
	int width;
	struct i18n_span *lines;
	size_t n, cap;
	int32_t line; /* first cluster of the current line */
	int col;      /* cells used so far, trailing spaces included */
};

/* Cells of a segment's clusters [k, j) from column col. */
struct measure {
	int core;    /* up to the last cluster that is not a space */
	int total;   /* spaces included */
	int hyphen;  /* 1 when it ends at a soft hyphen: "-" if the line ends here */
	int newline; /* 1 when its last cluster is a '\n' */
};

static int cells(const struct wrap *w, int32_t k, int col)
{
	if (w->c[k].kind == DSP_TAB)
		return DSP_TAB_STOP - col % DSP_TAB_STOP;
	return w->c[k].kind == DSP_NEWLINE ? 0 : w->c[k].width;
}

static struct measure measure(const struct wrap *w, int32_t k, int32_t j, int col)
{
	struct measure m = {0};
	int start = col;
	for (; k < j; k++) {
		col += cells(w, k, col);
		switch (w->c[k].kind) {
		case DSP_SPACE:
			break;
		case DSP_NEWLINE:
			m.newline = 1;
			break;
		default:
			m.core = col - start;
			m.hyphen = w->c[k].kind == DSP_SHY;
		}
	}
	m.total = col - start;
	return m;
}

/* End the current line before cluster k (its span stops before unit end). */
static int emit(struct wrap *w, int32_t k, int32_t end)
{
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		struct i18n_span *p = realloc(w->lines, cap * sizeof *p);
		if (!p)
			return -1;
		w->lines = p;
		w->cap = cap;
	}
	w->lines[w->n++] = (struct i18n_span){w->t->off[w->c[w->line].start], w->t->off[end]};
	w->line = k;
	w->col = 0;
	return 0;
}

/* A segment wider than a line: as many clusters per line as fit, at least one. */
static int cut(struct wrap *w, int32_t k, int32_t j)
{
	for (; k < j; k++) {
		/* A soft hyphen ends the segment, and so may end the line with "-". */
		int hyphen = w->c[k].kind == DSP_SHY;
		int c = cells(w, k, w->col);
		if (w->c[k].kind != DSP_SPACE && w->col + c + hyphen > w->width && k > w->line) {
			if (emit(w, k, w->c[k].start) < 0)
				return -1;
			c = cells(w, k, 0);
		}
		w->col += c;
	}
	return 0;
}

static int segment(struct wrap *w, int32_t k, int32_t j)
{
	struct measure m = measure(w, k, j, w->col);
	if (k > w->line && w->col + m.core + m.hyphen > w->width) {
		if (emit(w, k, w->c[k].start) < 0)
			return -1;
		m = measure(w, k, j, 0);
	}
	if (m.core + m.hyphen > w->width - w->col) {
		if (cut(w, k, j) < 0)
			return -1;
	} else {
		w->col += m.total;
	}
	if (m.newline || w->c[j].brk == 2)
		return emit(w, j, w->c[m.newline ? j - 1 : j].start);
	return 0;
}

int i18n_wrap(const char *s, size_t len, int width, struct i18n_span **lines, size_t *n,
	      char *err, size_t errlen)
{
	struct dsp_text *t = dsp_scratch_text();
	struct dsp_clusters *cs = dsp_scratch_clusters();
	struct wrap w = {.t = t, .width = width < 1 ? 1 : width};

	*lines = NULL;
	*n = 0;
	if (dsp_text_load(t, s, len) < 0 || dsp_analyse(t, cs, 1) < 0) {
		if (err)
			snprintf(err, errlen, "wrap: out of memory or ICU failure");
		return -1;
	}
	w.c = cs->c;
	for (int32_t k = 0; k < cs->n;) {
		int32_t j = k + 1;
		while (j < cs->n && !cs->c[j].brk)
			j++;
		if (segment(&w, k, j) < 0)
			goto nomem;
		k = j;
	}
	if (w.line < cs->n && emit(&w, cs->n, t->n) < 0)
		goto nomem;
	*lines = w.lines;
	*n = w.n;
	return 0;
nomem:
	free(w.lines);
	if (err)
		snprintf(err, errlen, "wrap: out of memory");
	return -1;
}
