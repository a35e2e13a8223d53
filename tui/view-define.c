/*
 * view-define.c — the definition of a defined term, in a small window over
 * the text (d, or a click on a term).  The uses of the terms a document
 * defines are marked in its text; d shows the first term in view, d again
 * the next one, and Esc closes the window.
 */
#include "corpus/terms.h"
#include "i18n/nls.h"
#include "tui/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The window is at most this wide: a definition reads better in a short measure. */
#define MAX_WIDTH 66

static int listed(const size_t *v, size_t n, size_t term)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == term)
			return 1;
	return 0;
}

/*
 * The distinct terms used in the rows of column col on screen, in reading
 * order, into *out.
 */
static size_t visible_terms(struct tui_app *app, int col, size_t **out)
{
	const struct tui_text *t = &app->text;
	const struct tui_doc *d = &t->doc[col];
	size_t vis = t->rect.h > 1 ? (size_t)(t->rect.h - 1) : 1, n = 0;
	*out = malloc((d->nterm ? d->nterm : 1) * sizeof **out);
	if (!*out)
		return 0;
	for (size_t r = 0; r < vis; r++) {
		int line = tui_text_line_at(t, col, r);
		if (line < 0 || d->l[line].para < 0)
			continue;
		const struct tui_line *l = &d->l[line];
		const struct tui_para *p = &d->p[l->para];
		for (size_t k = 0; k < p->nuses; k++)
			if (p->uses[k].start >= l->span.start && p->uses[k].start < l->span.end &&
			    !listed(*out, n, p->use_term[k]))
				(*out)[n++] = p->use_term[k];
	}
	return n;
}

void tui_define_free(struct tui_define *w)
{
	free(w->vis);
	memset(w, 0, sizeof *w);
}

void tui_define_show(struct tui_app *app, int col, size_t term)
{
	struct tui_define *w = &app->define;
	tui_define_free(w);
	w->col = col;
	w->nvis = visible_terms(app, col, &w->vis);
	w->cur = 0;
	for (size_t i = 0; i < w->nvis; i++)
		if (w->vis[i] == term)
			w->cur = i;
	w->term = term;
	app->overlay = TUI_DEFINE;
}

void tui_define_open(struct tui_app *app)
{
	struct tui_define *w = &app->define;
	int col = app->text.focus2; /* the document beside, when it has the keys */
	const struct tui_doc *d = &app->text.doc[col];
	if (!d->id || !d->nterm) {
		tui_app_message(app, 0, _("this document defines no terms"));
		return;
	}
	tui_define_free(w);
	w->col = col;
	w->nvis = visible_terms(app, col, &w->vis);
	if (!w->nvis) {
		tui_define_free(w);
		tui_app_message(app, 0,
		                _("no defined term in view; their uses are marked in the text"));
		return;
	}
	w->cur = 0;
	w->term = w->vis[0];
	app->overlay = TUI_DEFINE;
}

int tui_define_key(struct tui_app *app, int key)
{
	struct tui_define *w = &app->define;
	switch (key) {
	case 'd':
	case '\t':
	case TUI_KEY(KEY_RIGHT):
		if (w->nvis) {
			w->cur = (w->cur + 1) % w->nvis;
			w->term = w->vis[w->cur];
		}
		return 1;
	case TUI_KEY(KEY_LEFT):
		if (w->nvis) {
			w->cur = (w->cur + w->nvis - 1) % w->nvis;
			w->term = w->vis[w->cur];
		}
		return 1;
	case 'q':
	case 'Q':
		app->quit = 1;
		return 1;
	default:
		/* Esc, Enter, Backspace or anything else: back to the text. */
		app->overlay = TUI_NO_OVERLAY;
		return 1;
	}
}

/* One row of the window: a span of the text of entry e. */
struct row {
	int e;
	struct i18n_span span;
};

/* The entry as the text shows it: its label, a space, its text.  Caller frees. */
static char *entry_text(const struct tui_doc *d, int e)
{
	const char *label = d->e[e].label ? d->e[e].label : "";
	const char *text = d->e[e].text ? d->e[e].text : "";
	size_t n = strlen(label) + strlen(text) + 2;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s%s", label, *label && *text ? " " : "", text);
	return s;
}

/*
 * The defining provision and its parts ("means a program that shows …:" and
 * its points), wrapped to width: *texts per entry from first (caller frees
 * each and the arrays), *rows in order.  Returns the number of rows.
 */
static size_t wrap_definition(const struct tui_doc *d, const struct corpus_term *t, int width,
                              char ***texts, size_t *ntexts, int *first, struct row **rows)
{
	int e0 = tui_doc_find(d, t->eid), e1 = e0 + 1;
	size_t eidlen = strlen(t->eid), n = 0, cap = 0;
	*texts = NULL;
	*ntexts = 0;
	*rows = NULL;
	*first = e0;
	if (e0 < 0)
		return 0;
	while ((size_t)e1 < d->n && strncmp(d->e[e1].eid, t->eid, eidlen) == 0 &&
	       strncmp(d->e[e1].eid + eidlen, "__", 2) == 0)
		e1++;
	if ((*texts = calloc((size_t)(e1 - e0), sizeof **texts)))
		*ntexts = (size_t)(e1 - e0);
	for (int e = e0; *texts && e < e1; e++) {
		struct i18n_span *sp;
		size_t ns;
		char *s = (*texts)[e - e0] = entry_text(d, e);
		int indent = e > e0 ? 2 : 0;
		if (!s || i18n_wrap(s, strlen(s), width - indent, &sp, &ns, NULL, 0) < 0)
			break;
		for (size_t k = 0; k < ns; k++) {
			if (n == cap) {
				struct row *r =
				    realloc(*rows, (cap = cap ? 2 * cap : 16) * sizeof *r);
				if (!r)
					break;
				*rows = r;
			}
			if (n < cap)
				(*rows)[n++] = (struct row){e, sp[k]};
		}
		free(sp);
	}
	return n;
}

static void frame(int y, int x, int h, int w)
{
	tui_term_style(TUI_DIM);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

void tui_define_draw(struct tui_app *app)
{
	const struct tui_define *w = &app->define;
	const struct tui_doc *d = &app->text.doc[w->col];
	const struct tui_rect *r = &app->text.rect;
	if (!d->id || w->term >= d->nterm)
		return;
	const struct corpus_term *t = &d->term[w->term];
	int ww = r->w - 4 < MAX_WIDTH ? r->w - 4 : MAX_WIDTH, first;
	if (ww < 12)
		return;
	char **texts, title[512], foot[256];
	struct row *rows;
	size_t ntexts, nl = wrap_definition(d, t, ww - 4, &texts, &ntexts, &first, &rows);
	int h = (int)nl + 4, max_h = r->h - 2;
	if (h > max_h)
		h = max_h;
	int y = r->y + (r->h - h) / 2, x = r->x + (r->w - ww) / 2;
	for (int i = 0; i < h; i++)
		tui_fill(y + i, x, ww, TUI_BODY);
	frame(y, x, h, ww);
	char *cite = corpus_eid_cite(t->eid, t->lang);
	snprintf(title, sizeof title, " “%s” · %s %s ", t->term, t->doc, cite ? cite : t->eid);
	free(cite);
	tui_draw_str(y, x + 2, ww - 4, title, TUI_HEADING);
	for (size_t k = 0; k < nl && (int)k < h - 4; k++) {
		const char *s = texts[rows[k].e - first];
		tui_draw_span(y + 2 + (int)k, x + 2, ww - 4, rows[k].e > first ? 2 : 0, s,
		              strlen(s), rows[k].span, TUI_BODY, NULL, 0);
	}
	if (w->nvis > 1)
		snprintf(foot, sizeof foot, _(" %zu of %zu terms in view · d next · Esc closes "),
		         w->cur + 1, w->nvis);
	else
		snprintf(foot, sizeof foot, "%s", _(" Esc closes "));
	tui_draw_str(y + h - 1, x + 2, ww - 4, foot, TUI_DIM);
	for (size_t i = 0; i < ntexts; i++)
		free(texts[i]);
	free(texts);
	free(rows);
}
