/*
 * view-search.c — search as you type: a search line, and under it the ranked
 * hits with citation and highlighted snippet, updated at every keystroke.
 *
 * Typing never waits for a query: the event loop runs the query only when no
 * key is waiting, and a progress handler on the database interrupts it as
 * soon as one arrives; the interrupted query stays pending and runs again,
 * with the longer text, once the keys are read.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Hits listed; more would not fit any screen, and each costs a snippet. */
#define LIST_LIMIT 50
/* Rows per hit: citation, then the snippet. */
#define HIT_ROWS 3
/* Virtual machine steps between two looks at the keyboard. */
#define PROGRESS_STEPS 1000

void tui_search_free(struct tui_search *s)
{
	corpus_hit_free(s->hit, s->n);
	free(s->suggestion);
	memset(s, 0, sizeof *s);
}

static int give_way(void *flag)
{
	if (!tui_term_pending())
		return 0;
	*(int *)flag = 1;
	return 1;
}

/* corpus_search, interrupted when a key arrives: 2 then, and nothing is changed. */
static int search_interruptible(struct tui_app *app, const struct corpus_query *q,
                                struct corpus_hit **hits, size_t *n, char *err, size_t errlen)
{
	sqlite3 *db = corpus_store_db(app->store);
	int interrupted = 0;
	sqlite3_progress_handler(db, PROGRESS_STEPS, give_way, &interrupted);
	int rc = corpus_search(app->store, q, hits, n, err, errlen);
	sqlite3_progress_handler(db, 0, NULL, NULL);
	if (interrupted) {
		if (rc == 0)
			corpus_hit_free(*hits, *n);
		*hits = NULL;
		*n = 0;
		return 2;
	}
	return rc;
}

int tui_search_run(struct tui_app *app)
{
	struct tui_search *s = &app->search;
	struct corpus_hit *hits = NULL;
	size_t n = 0;
	char err[512] = "";
	if (!s->dirty)
		return 0;
	int rc = 0;
	char *better = NULL;
	if (*s->query) {
		struct corpus_query q = {s->query, NULL, NULL, LIST_LIMIT, &better};
		rc = search_interruptible(app, &q, &hits, &n, err, sizeof err);
		if (rc == 2) {
			free(better);
			return 0;
		}
	}
	corpus_hit_free(s->hit, s->n);
	free(s->suggestion);
	s->suggestion = better;
	s->hit = hits;
	s->n = n;
	s->cur = s->top = 0;
	snprintf(s->shown, sizeof s->shown, "%s", s->query);
	if (!*s->query)
		snprintf(s->msg, sizeof s->msg,
		         _("Type words to search every document and language; \"a phrase\", "
		           "prefix*, -not, OR, doc:budapest, lang:nl, art:5 narrow it."));
	else if (rc != 0)
		snprintf(s->msg, sizeof s->msg, "%s", err);
	else
		snprintf(s->msg, sizeof s->msg, P_("%zu hit", "%zu hits", n), n);
	s->dirty = 0;
	return 1;
}

/*
 * Open hit i: the store says where the query matched every provision of the
 * hit's document and language, and those places are highlighted in the text.
 */
static void open_hit(struct tui_app *app, size_t i)
{
	struct tui_search *s = &app->search;
	const struct corpus_hit *h = &s->hit[i];
	struct corpus_highlight *found = NULL;
	size_t n = 0;
	char err[512];
	struct corpus_query q = {s->shown, h->doc, h->lang, 0, NULL};
	int failed = corpus_highlight(app->store, &q, &found, &n, err, sizeof err) < 0;
	struct tui_place p;
	tui_place_set(&p, h->doc, h->lang, h->eid);
	tui_text_set_hits(app, h->doc, h->lang, found, n);
	app->overlay = TUI_NO_OVERLAY;
	if (tui_app_open(app, &p, 1) != 0)
		return;
	app->focus = TUI_FOCUS_TEXT;
	/* Hits are counted and stepped through in the whole document, not the first screen. */
	tui_text_complete(app);
	/* n and N continue from the first hit inside the opened provision. */
	const struct tui_doc *d = &app->text.doc[0];
	int e = tui_doc_find(d, h->eid);
	for (size_t k = 0; e >= 0 && k < d->nhit; k++) {
		if (d->p[d->hit[k].para].entry < e)
			continue;
		app->text.hit = (long)k;
		break;
	}
	if (failed)
		tui_app_message(app, 1, "%s", err);
	else
		tui_app_message(app, 0,
		                P_("%zu hit highlighted; n next, N previous",
		                   "%zu hits highlighted; n next, N previous", d->nhit),
		                d->nhit);
}

static void select_hit(struct tui_search *s, long delta)
{
	long cur = (long)s->cur + delta;
	if (cur >= (long)s->n)
		cur = (long)s->n - 1;
	if (cur < 0)
		cur = 0;
	s->cur = (size_t)cur;
}

int tui_search_key(struct tui_app *app, int key)
{
	struct tui_search *s = &app->search;
	long page = s->rect.h > HIT_ROWS + 1 ? (s->rect.h - 1) / HIT_ROWS : 1;
	switch (key) {
	case TUI_ESC:
		app->overlay = TUI_NO_OVERLAY;
		return 1;
	case '\r':
	case '\n':
	case TUI_KEY(KEY_ENTER):
		if (s->dirty)
			tui_search_run(
			    app); /* Enter means this query, even typed faster than shown */
		if (s->n && !s->dirty) {
			open_hit(app, s->cur);
		} else if (s->suggestion && !s->dirty && strlen(s->suggestion) < sizeof s->query) {
			/* Nothing found: Enter takes the "did you mean" offered. */
			strcpy(s->query, s->suggestion);
			s->dirty = 1;
			tui_search_run(app);
		}
		return 1;
	case TUI_KEY(KEY_UP):
	case TUI_CTRL('p'):
		select_hit(s, -1);
		return 1;
	case TUI_KEY(KEY_DOWN):
	case TUI_CTRL('n'):
		select_hit(s, 1);
		return 1;
	case TUI_KEY(KEY_PPAGE):
		select_hit(s, -page);
		return 1;
	case TUI_KEY(KEY_NPAGE):
		select_hit(s, page);
		return 1;
	}
	if (tui_edit_key(s->query, sizeof s->query, key)) {
		s->dirty = strcmp(s->query, s->shown) != 0;
		return 1;
	}
	return 0;
}

void tui_search_click(struct tui_app *app, int y, int x, int wheel)
{
	struct tui_search *s = &app->search;
	(void)x;
	if (wheel) {
		select_hit(s, wheel);
		return;
	}
	if (y < s->rect.y + 2)
		return;
	size_t i = s->top + (size_t)(y - s->rect.y - 2) / HIT_ROWS;
	if (i < s->n && !s->dirty) {
		s->cur = i;
		open_hit(app, i);
	}
}

/* ---- Drawing ---------------------------------------------------------- */

static void draw_hit(struct tui_search *s, size_t i, int y, int rows)
{
	const struct corpus_hit *h = &s->hit[i];
	int x = s->rect.x, w = s->rect.w, sel = i == s->cur;
	char head[256];
	char *cite = corpus_eid_cite(h->eid, h->lang);
	snprintf(head, sizeof head, "%s %s", h->doc, cite ? cite : h->eid);
	free(cite);
	enum tui_style st = sel ? TUI_SELECT : TUI_HEADING;
	if (sel)
		tui_fill(y, x, w, TUI_SELECT);
	int used = tui_draw_str(y, x + 1, w - 1, head, st) + 2;
	used += tui_draw_str(y, x + used, w - used, h->langs ? h->langs : h->lang,
	                     sel ? TUI_SELECT : TUI_DIM) +
	        1;
	if (h->heading && used < w)
		tui_draw_str(y, x + used, w - used, h->heading, sel ? TUI_SELECT : TUI_BODY);
	struct tui_range *r;
	size_t nr, nl;
	struct i18n_span *lines;
	char *plain = tui_snippet_plain(h->snippet ? h->snippet : "", &r, &nr);
	if (!plain)
		return;
	size_t len = strlen(plain);
	struct tui_hl hl = {r, nr, TUI_HIT, (size_t)-1};
	if (i18n_wrap(plain, len, w - 4, &lines, &nl, NULL, 0) == 0) {
		for (size_t k = 0; k < nl && (int)k < rows - 1; k++)
			tui_draw_span(y + 1 + (int)k, x, w, 4, plain, len, lines[k], TUI_BODY, &hl,
			              1);
		free(lines);
	}
	free(plain);
	free(r);
}

void tui_search_draw(struct tui_app *app)
{
	struct tui_search *s = &app->search;
	int y = s->rect.y, x = s->rect.x, w = s->rect.w;
	tui_fill(y, x, w, TUI_HEADER);
	int used = tui_draw_str(y, x + 1, w - 1, _("Search:"), TUI_HEADER) + 2;
	int qw = tui_draw_str(y, x + used, w - used - 1, s->query, TUI_HEADER);
	int cursor_x = x + used + qw;
	int list_y = y + 2;
	tui_draw_str(y + 1, x + 1, w - 1, s->dirty ? _("searching…") : s->msg, TUI_DIM);
	size_t per = (size_t)(s->rect.h - 2) / HIT_ROWS;
	if (per < 1)
		per = 1;
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + per)
		s->top = s->cur - per + 1;
	for (size_t i = s->top; i < s->n && i < s->top + per; i++) {
		int hy = list_y + (int)(i - s->top) * HIT_ROWS;
		int rows = s->rect.y + s->rect.h - hy;
		draw_hit(s, i, hy, rows < HIT_ROWS ? rows : HIT_ROWS);
	}
	app->cursor_y = y;
	app->cursor_x = cursor_x < x + w ? cursor_x : x + w - 1;
}
