/*
 * snippet.c — treaty_snippet(), the excerpt of a hit that a results list
 * shows: a window of a column's tokens around the query's hits, each hit
 * between marks.
 *
 * It takes the same arguments as FTS5's snippet() (column, open mark, close
 * mark, ellipsis, tokens) but cuts the text once, and only as far as the
 * window's end.  FTS5's cuts the whole column twice (once to find sentences
 * for choosing the window, once to copy it), and a long preamble cut twice
 * for each hit of a page was most of a search's time at 1 000 copies of the
 * corpus.  The hits to show are chosen from their token positions alone,
 * which the index gives without reading the text: those that hold the most
 * different phrases of the query, then the most hits.  The window starts
 * where the text does when that shows as many different phrases, else where
 * the sentence of the first hit starts when the window from there still
 * shows them all, else it is centred on them.
 *
 * The text between the first and the last token shown is copied byte for
 * byte, so taking the marks and ellipses out gives a substring of the stored
 * text: a snippet never alters what a treaty says.
 */
#include "corpus/store-internal.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

/* A phrase's hit in the column: tokens [start, end). */
struct hit {
	int start, end, phrase;
};

struct window {
	const char *text;
	int ntext;
	const char *open, *close, *ellipsis;
	int ntokens; /* of the column */
	struct hit *hit;
	int nhit;
	int want;          /* tokens to show */
	int first, last;   /* the best hits' span: tokens [first, last) */
	int lo;            /* the first token recorded */
	int *from, *to;    /* byte offsets of tokens lo .. lo + 2 want */
	char *sentence;    /* whether each recorded token begins a sentence */
	int pos, prev_end; /* the next token's position; the previous token's end */
};

static int by_start(const void *pa, const void *pb)
{
	const struct hit *a = pa, *b = pb;
	return a->start != b->start ? (a->start > b->start) - (a->start < b->start)
	                            : (a->end < b->end) - (a->end > b->end);
}

/* The column's hits, sorted; -1 on an error, else their count into *out (free it). */
static int hits_of(const Fts5ExtensionApi *api, Fts5Context *fts, int col, struct hit **out)
{
	int ninst, n = 0, rc = api->xInstCount(fts, &ninst);
	struct hit *h = rc == SQLITE_OK ? malloc(((size_t)ninst + 1) * sizeof *h) : NULL;
	*out = h;
	if (!h)
		return -1;
	for (int i = 0; i < ninst; i++) {
		int phrase, c, off;
		if (api->xInst(fts, i, &phrase, &c, &off) != SQLITE_OK)
			return -1;
		if (c != col)
			continue;
		int size = api->xPhraseSize(fts, phrase);
		h[n++] = (struct hit){off, off + (size > 0 ? size : 1), phrase};
	}
	qsort(h, (size_t)n, sizeof *h, by_start);
	return n;
}

/* What the hits from i on that fit in want tokens from from are worth; their end into *end. */
static int worth(const struct window *w, int i, int from, int *end)
{
	int score = 0;
	unsigned long long seen = 0;
	*end = from;
	for (int k = i; k < w->nhit && w->hit[k].end <= from + w->want; k++) {
		int p = w->hit[k].phrase & 63;
		score += seen >> p & 1 ? 1 : 1000;
		seen |= 1ULL << p;
		if (w->hit[k].end > *end)
			*end = w->hit[k].end;
	}
	return score;
}

/*
 * The span of hits to show, [first, last): for each hit as the first, score
 * those that fit in want tokens from it: a phrase not yet seen counts 1000, a
 * repeat 1.  The start of the text is kept when it shows as many different
 * phrases as the best, for a provision read from its beginning reads best.
 */
static void best_hits(struct window *w)
{
	int best = -1, end;
	w->first = 0, w->last = 0;
	for (int i = 0; i < w->nhit; i++) {
		int score = worth(w, i, w->hit[i].start, &end);
		if (score > best)
			best = score, w->first = w->hit[i].start, w->last = end;
	}
	if (w->nhit && worth(w, 0, 0, &end) / 1000 >= best / 1000)
		w->first = 0, w->last = end;
}

/*
 * Nonzero when the bytes between two tokens end a sentence or a list's item:
 * a full stop, colon and the like before a space ("1.a" is not one), or a
 * CJK or Arabic mark, which needs none.
 */
static int ends_sentence(const char *s, int n)
{
	static const struct {
		const char *s;
		int n; /* bytes */
	} marks[] = {{"。", 3}, {"؟", 2}, {"！", 3}, {"？", 3}, {"；", 3}, {"：", 3}, {"؛", 2}};
	for (int i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':') {
			if (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '\t'))
				return 1;
		} else if (c >= 0xD8) { /* the first byte of every mark */
			for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
				if (i + marks[k].n <= n &&
				    memcmp(s + i, marks[k].s, (size_t)marks[k].n) == 0)
					return 1;
		}
	}
	return 0;
}

/* Record the offsets of tokens lo .. lo + 2 want; stop after them. */
static int on_token(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct window *w = ctx;
	(void)tok, (void)n;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	int pos = w->pos++, k = pos - w->lo;
	if (k >= 0) {
		w->from[k] = start, w->to[k] = end;
		w->sentence[k] =
		    pos == 0 || ends_sentence(w->text + w->prev_end, start - w->prev_end);
	}
	w->prev_end = end;
	return k + 1 >= 2 * w->want ? SQLITE_DONE : SQLITE_OK;
}

/*
 * The first token to show: where the sentence holding the first hit begins,
 * when the window from there still shows all of the hits; else the window
 * centred on them.  n tokens were recorded.
 */
static int window_start(const struct window *w, int n)
{
	if (w->ntokens <= w->want || w->nhit == 0)
		return 0;
	for (int p = w->first; p >= w->lo; p--)
		if (p - w->lo < n && w->sentence[p - w->lo])
			return p;
	int start = w->first - (w->want - (w->last - w->first)) / 2;
	if (start > w->ntokens - w->want)
		start = w->ntokens - w->want;
	return start < w->lo ? w->lo : start;
}

/* The snippet of tokens [start, end) of the n recorded, marks and ellipses added. */
static void render(const struct window *w, int n, int start, int end, sqlite3_str *out)
{
	int next = 0, open_until = -1;
	int copied = start == 0 ? 0 : w->from[start - w->lo];
	if (start > 0)
		sqlite3_str_appendall(out, w->ellipsis);
	for (int pos = start; pos < end && pos - w->lo < n; pos++) {
		int k = pos - w->lo;
		sqlite3_str_append(out, w->text + copied, w->from[k] - copied);
		for (; next < w->nhit && w->hit[next].start <= pos; next++) {
			if (w->hit[next].end <= pos)
				continue;
			if (open_until < 0)
				sqlite3_str_appendall(out, w->open);
			if (w->hit[next].end > open_until)
				open_until = w->hit[next].end;
		}
		sqlite3_str_append(out, w->text + w->from[k], w->to[k] - w->from[k]);
		copied = w->to[k];
		if (open_until >= 0 && (pos + 1 >= open_until || pos + 1 >= end)) {
			sqlite3_str_appendall(out, w->close);
			open_until = -1;
		}
	}
	if (end < w->ntokens)
		sqlite3_str_appendall(out, w->ellipsis);
	else
		sqlite3_str_append(out, w->text + copied, w->ntext - copied);
}

/* treaty_snippet(fts, column, open, close, ellipsis, tokens) */
static void snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
                       int nval, sqlite3_value **val)
{
	if (nval != 5) {
		sqlite3_result_error(
		    ctx, "treaty_snippet: want column, open, close, ellipsis, tokens", -1);
		return;
	}
	int col = sqlite3_value_int(val[0]);
	struct window w = {.open = (const char *)sqlite3_value_text(val[1]),
	                   .close = (const char *)sqlite3_value_text(val[2]),
	                   .ellipsis = (const char *)sqlite3_value_text(val[3]),
	                   .want = sqlite3_value_int(val[4])};
	sqlite3_str *out = NULL;
	int rc = api->xColumnText(fts, col, &w.text, &w.ntext);
	if (rc == SQLITE_OK)
		rc = api->xColumnSize(fts, col, &w.ntokens);
	if (rc == SQLITE_OK && (w.nhit = hits_of(api, fts, col, &w.hit)) < 0)
		rc = SQLITE_NOMEM;
	if (rc != SQLITE_OK || !w.text || !w.open || !w.close || !w.ellipsis || w.want < 1 ||
	    w.want > 1000)
		goto done;
	best_hits(&w);
	w.lo = w.ntokens <= w.want || w.last <= w.want ? 0 : w.last - w.want;
	w.from = malloc(2 * (size_t)w.want * sizeof *w.from);
	w.to = malloc(2 * (size_t)w.want * sizeof *w.to);
	w.sentence = malloc(2 * (size_t)w.want);
	if (!w.from || !w.to || !w.sentence) {
		rc = SQLITE_NOMEM;
		goto done;
	}
	rc = api->xTokenize(fts, w.text, w.ntext, &w, on_token);
	if (rc != SQLITE_OK && rc != SQLITE_DONE)
		goto done;
	rc = SQLITE_OK;
	int n = w.pos - w.lo < 2 * w.want ? w.pos - w.lo : 2 * w.want;
	int start = window_start(&w, n > 0 ? n : 0);
	out = sqlite3_str_new(NULL);
	render(&w, n, start, start + w.want < w.ntokens ? start + w.want : w.ntokens, out);
	rc = sqlite3_str_errcode(out);
done:
	free(w.hit), free(w.from), free(w.to), free(w.sentence);
	int len = out ? sqlite3_str_length(out) : 0;
	char *s = out ? sqlite3_str_finish(out) : NULL;
	if (rc == SQLITE_OK && s) {
		sqlite3_result_text(ctx, s, len, sqlite3_free);
		return;
	}
	sqlite3_free(s);
	if (rc == SQLITE_OK)
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
	else
		sqlite3_result_error_code(ctx, rc);
}

/* The byte offsets of a column's first tokens, as far as its last hit. */
struct spans {
	int *from, *to;
	int n, pos;
};

static int on_span(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct spans *sp = ctx;
	(void)tok, (void)n;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	int pos = sp->pos++;
	sp->from[pos] = start, sp->to[pos] = end;
	return pos + 1 >= sp->n ? SQLITE_DONE : SQLITE_OK;
}

/*
 * treaty_marks(fts, column): the column's hits as its text writes them, in
 * order, each followed by the byte FF (which UTF-8 never uses), for "did you
 * mean" to see how a stem is written.  FTS5's highlight() would copy the
 * whole column through a string rebuilt at every token; this cuts the text
 * only as far as the last hit and copies the hits alone.
 */
static void marks_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                     sqlite3_value **val)
{
	if (nval != 1) {
		sqlite3_result_error(ctx, "treaty_marks: want a column", -1);
		return;
	}
	const char *text = NULL;
	int ntext = 0, nhit = 0, col = sqlite3_value_int(val[0]);
	struct hit *hit = NULL;
	struct spans sp = {0};
	sqlite3_str *out = sqlite3_str_new(NULL);
	int rc = api->xColumnText(fts, col, &text, &ntext);
	if (rc == SQLITE_OK && (nhit = hits_of(api, fts, col, &hit)) < 0)
		rc = SQLITE_NOMEM;
	for (int i = 0; rc == SQLITE_OK && i < nhit; i++)
		if (hit[i].end > sp.n)
			sp.n = hit[i].end;
	if (rc == SQLITE_OK && text && sp.n > 0) {
		sp.from = malloc((size_t)sp.n * sizeof *sp.from);
		sp.to = malloc((size_t)sp.n * sizeof *sp.to);
		rc = sp.from && sp.to ? api->xTokenize(fts, text, ntext, &sp, on_span)
		                      : SQLITE_NOMEM;
		rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
	}
	for (int i = 0; rc == SQLITE_OK && text && i < nhit && hit[i].end <= sp.pos; i++) {
		int from = sp.from[hit[i].start], to = sp.to[hit[i].end - 1];
		sqlite3_str_append(out, text + from, to - from);
		sqlite3_str_appendchar(out, 1, '\xFF');
	}
	free(hit), free(sp.from), free(sp.to);
	if (rc == SQLITE_OK)
		rc = sqlite3_str_errcode(out);
	int len = sqlite3_str_length(out);
	char *s = sqlite3_str_finish(out);
	if (rc == SQLITE_OK)
		sqlite3_result_text(ctx, s ? s : "", len, s ? sqlite3_free : SQLITE_STATIC);
	else {
		sqlite3_free(s);
		sqlite3_result_error_code(ctx, rc);
	}
}

int corpus_snippet_register(sqlite3 *db, char *err, size_t errlen)
{
	fts5_api *api = i18n_fts5_api(db);
	if (!api ||
	    api->xCreateFunction(api, "treaty_snippet", NULL, snippet_fn, NULL) != SQLITE_OK ||
	    api->xCreateFunction(api, "treaty_marks", NULL, marks_fn, NULL) != SQLITE_OK) {
		corpus_set_error(err, errlen, "cannot register the snippet function: %s",
		                 sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}
