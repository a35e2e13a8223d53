/*
 * view-text.c — the reading pane: a document wrapped to the pane, a sticky
 * header naming where the top row is, search hits, and a second language
 * side by side.
 *
 * The scroll position is a row of struct tui_rows; everything that changes
 * the rows (a resize, a language, the side-by-side view) first takes the
 * place at the top and restores it afterwards, so the reader stays put.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const empty_help[] = {
    N_("No documents yet."),
    "",
    N_("Add an official text to your library with"),
    "    treaty import --lang en --id ID FILE",
    N_("(--lang is the text's language: ar en es fr nl ru zh),"),
    N_("then start treaty again."),
    "",
    N_("A build with the corpus sources includes the bundled treaties:"),
    "    ./configure --with-corpus-src=DIR",
    "",
    N_("q quits; treaty --help lists every command."),
};

void tui_text_free(struct tui_text *t)
{
	tui_doc_free(&t->doc[0]);
	tui_doc_free(&t->doc[1]);
	tui_rows_free(&t->rows);
	corpus_highlight_free(t->found, t->nfound);
	memset(t, 0, sizeof *t);
}

static int column_width(const struct tui_text *t)
{
	int w = t->side ? (t->rect.w - 1) / 2 : t->rect.w;
	return w < 1 ? 1 : w;
}

static size_t visible_rows(const struct tui_text *t)
{
	return t->rect.h > 1 ? (size_t)(t->rect.h - 1) : 1;
}

static const struct tui_doc *second(const struct tui_text *t)
{
	return t->side && !t->other ? &t->doc[1] : NULL;
}

static void clamp_top(struct tui_text *t)
{
	size_t vis = visible_rows(t);
	size_t max = t->rows.n > vis ? t->rows.n - vis : 0;
	if (t->top > max)
		t->top = max;
}

void tui_text_here(struct tui_app *app, struct tui_place *p)
{
	struct tui_text *t = &app->text;
	if (!t->doc[0].id) {
		tui_place_set(p, "", "", "");
		return;
	}
	if (t->anchored && t->top == t->anchor_top) {
		*p = t->anchor;
		tui_place_set(p, t->doc[0].id, t->doc[0].lang, t->anchor.eid);
		p->part = t->anchor.part;
		p->byte = t->anchor.byte;
		return;
	}
	tui_rows_place(&t->rows, &t->doc[0], second(t), t->top, p);
}

static void apply_hits(struct tui_text *t)
{
	struct tui_doc *d = &t->doc[0];
	int ours = strcmp(d->id, t->hit_doc) == 0 && strcmp(d->lang, t->hit_lang) == 0;
	tui_doc_mark(d, t->found, ours ? t->nfound : 0);
	t->hit = -1;
}

/* The last top row of the second column when it scrolls on its own. */
static size_t max_top2(const struct tui_text *t)
{
	size_t n = t->doc[1].nl, vis = visible_rows(t);
	return n > vis ? n - vis : 0;
}

/* The line of entry's first words in d, as a place is shown at the top: not its blank row. */
static size_t first_words(const struct tui_doc *d, int entry)
{
	size_t line = d->first_line[entry];
	return line + 1 < d->nl && d->l[line].para < 0 ? line + 1 : line;
}

int tui_text_line_at(const struct tui_text *t, int col, size_t i)
{
	if (col && t->other)
		return t->top2 + i < t->doc[1].nl ? (int)(t->top2 + i) : -1;
	return t->top + i < t->rows.n ? t->rows.line[t->top + i][col] : -1;
}

/* Wrap to the pane and rebuild the rows; the caller restores the place. */
static int rewrap(struct tui_text *t)
{
	int w = column_width(t);
	/* Another document keeps the provision at its top; the rows do for the same one. */
	int e2 = t->other && t->top2 < t->doc[1].nl ? t->doc[1].l[t->top2].entry : -1;
	tui_rows_free(&t->rows);
	if (tui_doc_wrap(&t->doc[0], w) < 0 || (t->side && tui_doc_wrap(&t->doc[1], w) < 0))
		return -1;
	if (e2 >= 0)
		t->top2 = t->doc[1].first_line[e2];
	if (t->other && t->top2 > max_top2(t))
		t->top2 = max_top2(t);
	return tui_rows_build(&t->rows, &t->doc[0], second(t));
}

/* The whole of a document of which only a window was read, in its place. */
static int read_whole(struct tui_text *t, struct corpus_store *s, char *err, size_t errlen)
{
	struct tui_doc d;
	int rc = tui_doc_load(&d, s, t->doc[0].id, t->doc[0].lang, 0, err, errlen);
	if (rc != 0)
		return -1;
	tui_doc_free(&t->doc[0]);
	t->doc[0] = d;
	apply_hits(t);
	return 0;
}

/*
 * A document just opened in one column: wrap the screen that shows p, and
 * leave the rest to tui_text_complete.
 */
static int first_screen(struct tui_app *app, const struct tui_place *p, char *err, size_t errlen)
{
	struct tui_text *t = &app->text;
	if (t->side)
		return rewrap(t);
	tui_rows_free(&t->rows);
	for (;;) {
		int rc =
		    tui_doc_wrap_screen(&t->doc[0], column_width(t),
		                        tui_doc_find(&t->doc[0], p->eid), p->part, visible_rows(t));
		if (rc < 0)
			return -1;
		if (rc == 0)
			break;
		if (read_whole(t, app->store, err, errlen) < 0) {
			tui_doc_free(&t->doc[0]); /* nothing half-laid is drawn */
			return 1;
		}
	}
	return tui_rows_build(&t->rows, &t->doc[0], NULL);
}

static void go_to_place(struct tui_text *t, const struct tui_place *p)
{
	t->top = tui_rows_find(&t->rows, &t->doc[0], second(t), p);
	clamp_top(t);
	t->anchor = *p;
	t->anchor_top = t->top;
	t->anchored = 1;
}

void tui_text_relayout(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	struct tui_place here;
	if (!t->doc[0].id || t->doc[0].width == column_width(t))
		return;
	tui_text_here(app, &here);
	if (rewrap(t) < 0) {
		tui_app_message(app, 1, _("out of memory"));
		return;
	}
	go_to_place(t, &here);
}

/* A language of doc other than except, after it in the document's list when there is a choice. */
static char *other_language(struct tui_app *app, const char *doc, const char *except)
{
	char *langs = corpus_languages(app->store, doc), *pick = NULL;
	if (!langs)
		return NULL;
	char *after = NULL, *first = NULL, *save = NULL;
	int seen = 0;
	for (char *l = strtok_r(langs, ",", &save); l; l = strtok_r(NULL, ",", &save)) {
		if (strcmp(l, except) == 0) {
			seen = 1;
			continue;
		}
		if (!first)
			first = l;
		if (seen && !after)
			after = l;
	}
	if (after || first)
		pick = strdup(after ? after : first);
	free(langs);
	return pick;
}

/* Load doc in lang as the second column, its defined terms marked as in the first. */
static int load_beside(struct tui_app *app, const char *doc, const char *lang, char *err,
                       size_t errlen)
{
	struct tui_text *t = &app->text;
	struct tui_doc d;
	int rc = tui_doc_load(&d, app->store, doc, lang, 0, err, errlen);
	if (rc != 0)
		return rc;
	if (tui_doc_mark_terms(&d, app->store, err, errlen) < 0) {
		tui_doc_free(&d);
		return -1;
	}
	tui_doc_free(&t->doc[1]);
	t->doc[1] = d;
	return 0;
}

/* Load lang (NULL: another language of the document) as the second column. */
static int load_second(struct tui_app *app, const char *lang, char *err, size_t errlen)
{
	struct tui_text *t = &app->text;
	char *pick = lang ? strdup(lang) : other_language(app, t->doc[0].id, t->doc[0].lang);
	if (!pick) {
		snprintf(err, errlen, _("%s is only in %s"), t->doc[0].id, t->doc[0].lang);
		return 1;
	}
	int rc = load_beside(app, t->doc[0].id, pick, err, errlen);
	free(pick);
	return rc;
}

int tui_text_show(struct tui_app *app, const struct tui_place *p, char *err, size_t errlen)
{
	struct tui_text *t = &app->text;
	const char *lang = *p->lang ? p->lang : NULL;
	if (!t->doc[0].id || strcmp(t->doc[0].id, p->doc) != 0 ||
	    (lang && strcmp(t->doc[0].lang, lang) != 0)) {
		struct tui_doc d;
		char keep[16] = "";
		/*
		 * The first document read at start-up: only what its first screen
		 * shows, when the contents beside do not want the whole outline.
		 */
		int rc = !t->doc[0].id && !t->side && *p->eid && app->narrow
		             ? tui_doc_load_window(&d, app->store, p->doc, lang, p->eid,
		                                   visible_rows(t), err, errlen)
		             : 1;
		/* Its references come once it is on screen: they take longer to read. */
		if (rc == 1)
			rc = tui_doc_load(&d, app->store, p->doc, lang, 0, err, errlen);
		if (rc != 0)
			return rc;
		/* The second column keeps its language, or takes the old first's when equal. */
		if (t->side && !t->other)
			snprintf(keep, sizeof keep, "%s",
			         strcmp(t->doc[1].lang, d.lang) != 0 ? t->doc[1].lang
			                                             : t->doc[0].lang);
		tui_doc_free(&t->doc[0]);
		t->doc[0] = d;
		t->links_pending = 1;
		if (t->side && !t->other) {
			char why[256];
			int kept = *keep && strcmp(keep, d.lang) != 0 &&
			           load_second(app, keep, why, sizeof why) == 0;
			if (!kept && load_second(app, NULL, why, sizeof why) != 0) {
				t->side = 0;
				tui_doc_free(&t->doc[1]);
			}
		}
		apply_hits(t);
		rc = first_screen(app, p, err, errlen);
		if (rc != 0) {
			if (rc < 0)
				snprintf(err, errlen, _("out of memory"));
			return -1;
		}
	}
	go_to_place(t, p);
	return 0;
}

void tui_text_complete(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	struct tui_place here;
	if (!t->doc[0].partial)
		return;
	char err[256];
	int anchored = t->anchored && t->top == t->anchor_top;
	tui_text_here(app, &here);
	if (t->doc[0].window && read_whole(t, app->store, err, sizeof err) < 0) {
		tui_app_message(app, 1, "%s", err);
		return;
	}
	if (rewrap(t) < 0) {
		tui_app_message(app, 1, _("out of memory"));
		return;
	}
	go_to_place(t, &here);
	t->anchored = anchored;
}

void tui_text_reread(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	struct tui_place here;
	char err[256];
	if (!t->doc[0].id)
		return;
	tui_text_here(app, &here);
	tui_doc_free(&t->doc[0]);
	if (tui_text_show(app, &here, err, sizeof err) != 0)
		tui_app_message(app, 1, "%s", err);
}

int tui_text_idle(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	struct tui_place here;
	char err[256];
	if (!t->links_pending || !t->doc[0].id)
		return 0;
	t->links_pending = 0;
	int anchored = t->anchored && t->top == t->anchor_top;
	tui_text_here(app, &here);
	/* One wrap of the whole, with the numbers, rather than one before them too. */
	if (t->doc[0].window && read_whole(t, app->store, err, sizeof err) < 0) {
		tui_app_message(app, 1, "%s", err);
		return 1;
	}
	int entry = tui_doc_find(&t->doc[0], here.eid);
	if (tui_doc_add_links(&t->doc[0], app->store, err, sizeof err) < 0 ||
	    tui_doc_mark_terms(&t->doc[0], app->store, err, sizeof err) < 0 || rewrap(t) < 0) {
		tui_app_message(app, 1, "%s", err);
		return 1;
	}
	long hit = t->hit;
	apply_hits(t);
	t->hit = hit < (long)t->doc[0].nhit ? hit : -1;
	/* The numbers put before references move the bytes after them. */
	if (entry >= 0 && here.byte > 0)
		here.byte = tui_doc_shift(&t->doc[0], entry, here.part, here.byte);
	go_to_place(t, &here);
	t->anchored = anchored;
	return 1;
}

void tui_text_next_language(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	struct tui_place p;
	if (!t->doc[0].id)
		return;
	char *next = other_language(app, t->doc[0].id, t->doc[0].lang);
	if (!next) {
		tui_app_message(app, 0, _("%s is only in %s"), t->doc[0].id, t->doc[0].lang);
		return;
	}
	tui_text_here(app, &p);
	snprintf(p.lang, sizeof p.lang, "%s", next);
	free(next);
	if (tui_app_open(app, &p, 0) == 0)
		tui_app_message(app, 0, _("%s in %s"), t->doc[0].id, t->doc[0].lang);
}

void tui_text_toggle_side(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	struct tui_place here;
	if (!t->doc[0].id)
		return;
	if (!t->side) {
		app->overlay = TUI_PROMPT;
		app->prompt_kind = TUI_PROMPT_SIDE;
		app->prompt[0] = '\0';
		return;
	}
	tui_text_here(app, &here);
	t->side = t->other = t->focus2 = 0;
	tui_doc_free(&t->doc[1]);
	if (rewrap(t) < 0) {
		tui_app_message(app, 1, _("out of memory"));
		return;
	}
	go_to_place(t, &here);
}

/*
 * Read what the v prompt typed into a document, a language ("" for the
 * reader's choice) and a provision ("" for the start).
 */
static int side_spec(struct tui_app *app, const char *spec, char doc[64], char lang[16],
                     char eid[192], char *err, size_t errlen)
{
	const char *cur = app->text.doc[0].id;
	char w[2][64] = {"", ""}, extra[2];
	int n = sscanf(spec, "%63s %63s %1s", w[0], w[1], extra);
	snprintf(doc, 64, "%s", cur);
	*lang = *eid = '\0';
	if (n <= 0)
		return 0;
	if (n == 1 && strlen(w[0]) < 16 && tui_app_has_language(app, cur, w[0])) {
		snprintf(lang, 16, "%s", w[0]);
		return 0;
	}
	if (n == 2 && strlen(w[1]) < 16 && tui_app_store_has(app->store, w[0]) &&
	    tui_app_has_language(app, w[0], w[1])) {
		snprintf(doc, 64, "%s", w[0]);
		snprintf(lang, 16, "%s", w[1]);
		return 0;
	}
	return tui_goto_parse(spec, tui_app_store_has, app->store, cur, doc, eid, err, errlen);
}

void tui_text_open_side(struct tui_app *app, const char *spec)
{
	struct tui_text *t = &app->text;
	struct tui_place here;
	struct corpus_entry *e;
	size_t n;
	char doc[64], lang[16], eid[192], err[512], pick[16];
	if (!t->doc[0].id || side_spec(app, spec, doc, lang, eid, err, sizeof err) < 0) {
		tui_app_message(app, 1, "%s", t->doc[0].id ? err : "");
		return;
	}
	/* The same document in another language is kept in step; anything else scrolls alone. */
	int same = strcmp(doc, t->doc[0].id) == 0 && !*eid && strcmp(lang, t->doc[0].lang) != 0;
	const char *l = *lang ? lang : same ? NULL : tui_app_language(app, doc, pick);
	int rc;
	if (same) {
		rc = load_second(app, l, err, sizeof err);
	} else if ((rc = corpus_get(app->store, doc, l, *eid ? eid : NULL, &e, &n, err,
	                            sizeof err)) == 0) {
		corpus_entry_free(e, n);
		rc = load_beside(app, doc, l, err, sizeof err);
	}
	if (rc != 0) {
		tui_app_message(app, rc < 0, "%s", err);
		return;
	}
	tui_text_here(app, &here);
	t->side = 1;
	t->other = !same;
	t->top2 = 0;
	t->focus2 = 0;
	if (rewrap(t) < 0) {
		tui_app_message(app, 1, _("out of memory"));
		return;
	}
	go_to_place(t, &here);
	if (same) {
		tui_app_message(app, 0, _("%s beside %s, kept in step; v closes"), t->doc[1].lang,
		                t->doc[0].lang);
		return;
	}
	int at = *eid ? tui_doc_find(&t->doc[1], eid) : -1;
	t->top2 = at >= 0 ? first_words(&t->doc[1], at) : 0;
	if (t->top2 > max_top2(t))
		t->top2 = max_top2(t);
	char *cite = *eid ? corpus_eid_cite(eid, t->doc[1].lang) : NULL;
	char what[256];
	snprintf(what, sizeof what, "%s%s%s (%s)", doc, cite ? " " : "", cite ? cite : "",
	         t->doc[1].lang);
	free(cite);
	tui_app_message(app, 0, _("%s beside; Tab gives it the keys, to scroll it alone; v closes"),
	                what);
}

void tui_text_set_hits(struct tui_app *app, const char *doc, const char *lang,
                       struct corpus_highlight *found, size_t n)
{
	struct tui_text *t = &app->text;
	corpus_highlight_free(t->found, t->nfound);
	t->found = found;
	t->nfound = n;
	snprintf(t->hit_doc, sizeof t->hit_doc, "%s", doc);
	snprintf(t->hit_lang, sizeof t->hit_lang, "%s", lang);
	if (t->doc[0].id)
		apply_hits(t);
}

static size_t hit_row(const struct tui_text *t, size_t i)
{
	return t->rows.row_of[0][t->doc[0].hit[i].line];
}

/* Bring row into view with a little context above it, as less does. */
static void reveal(struct tui_text *t, size_t row)
{
	size_t vis = visible_rows(t), context = vis / 4 < 2 ? vis / 4 : 2;
	if (row >= t->top && row < t->top + vis)
		return;
	t->top = row > context ? row - context : 0;
	clamp_top(t);
}

void tui_text_step_hit(struct tui_app *app, int forward)
{
	struct tui_text *t = &app->text;
	const struct tui_doc *d = &t->doc[0];
	size_t vis = visible_rows(t);
	long i, n = (long)d->nhit;
	if (!n) {
		tui_app_message(app, 0, _("no search hits here; / searches"));
		return;
	}
	int seen = t->hit >= 0 && hit_row(t, (size_t)t->hit) >= t->top &&
	           hit_row(t, (size_t)t->hit) < t->top + vis;
	if (seen) {
		i = t->hit + (forward ? 1 : -1);
	} else if (forward) {
		for (i = 0; i < n && hit_row(t, (size_t)i) < t->top; i++)
			;
	} else {
		for (i = n - 1; i >= 0 && hit_row(t, (size_t)i) >= t->top; i--)
			;
	}
	const char *fmt = _("hit %ld of %ld");
	if (i >= n || i < 0) {
		i = i < 0 ? n - 1 : 0;
		fmt = forward ? _("hit %ld of %ld (from the top)")
		              : _("hit %ld of %ld (from the bottom)");
	}
	t->hit = i;
	reveal(t, hit_row(t, (size_t)i));
	tui_app_message(app, 0, fmt, i + 1, n);
}

int tui_text_top_entry(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	int anchor = t->anchored && t->top == t->anchor_top && *t->anchor.eid
	                 ? tui_doc_find(&t->doc[0], t->anchor.eid)
	                 : -1;
	if (anchor >= 0)
		return anchor;
	for (size_t r = t->top; r < t->rows.n; r++)
		if (t->rows.line[r][0] >= 0)
			return t->doc[0].l[t->rows.line[r][0]].entry;
	for (size_t r = t->top; r-- > 0;)
		if (t->rows.line[r][0] >= 0)
			return t->doc[0].l[t->rows.line[r][0]].entry;
	return -1;
}

/*
 * The top row of column col (a row of the two in step, or a line of another
 * document beside) and the largest it may be.
 */
static size_t *column_top(struct tui_text *t, int col, size_t *max)
{
	size_t vis = visible_rows(t);
	if (col && t->other) {
		*max = max_top2(t);
		return &t->top2;
	}
	*max = t->rows.n > vis ? t->rows.n - vis : 0;
	return &t->top;
}

static void scroll_by(struct tui_text *t, int col, long delta)
{
	size_t max, *top = column_top(t, col, &max);
	if (delta < 0 && (size_t)-delta > *top)
		*top = 0;
	else
		*top += (size_t)delta;
	if (*top > max)
		*top = max;
}

void tui_text_scroll(struct tui_app *app, int x, long delta)
{
	struct tui_text *t = &app->text;
	scroll_by(t, t->side && x - t->rect.x > column_width(t), delta);
}

int tui_text_tab(struct tui_app *app, int forward)
{
	struct tui_text *t = &app->text;
	int text = app->focus == TUI_FOCUS_TEXT;
	if (!t->other || (!text && forward)) {
		t->focus2 = 0;
		return 0;
	}
	/* Forward: the contents, the text, the document beside; backward the other way round. */
	if (text && t->focus2 == forward) {
		t->focus2 = 0;
		return 0;
	}
	app->focus = TUI_FOCUS_TEXT;
	t->focus2 = text ? forward : 1;
	if (t->focus2)
		tui_app_message(app, 0, _("%s beside has the keys and scrolls alone; Tab goes on"),
		                t->doc[1].id);
	return 1;
}

/* ] and [ in column col: the next article below its top row, or the previous one above it. */
static void step_article(struct tui_app *app, int col, int forward)
{
	struct tui_text *t = &app->text;
	const struct tui_doc *d = &t->doc[col];
	size_t max, *top = column_top(t, col, &max);
	long best = -1;
	for (int k = 0;; k++) {
		int e = tui_doc_article_entry(d, k);
		if (e < 0)
			break;
		size_t row =
		    col && t->other ? first_words(d, e) : tui_rows_entry_row(&t->rows, d, col, e);
		if (forward && row > *top) {
			best = (long)row;
			break;
		}
		if (!forward && row < *top)
			best = (long)row;
	}
	if (best < 0) {
		tui_app_message(app, 0,
		                forward ? _("this is the last article")
		                        : _("this is the first article"));
		return;
	}
	*top = (size_t)best < max ? (size_t)best : max;
}

int tui_text_key(struct tui_app *app, int key)
{
	struct tui_text *t = &app->text;
	int col = t->focus2;
	size_t max, *top = column_top(t, col, &max);
	long page = (long)visible_rows(t) - 1;
	if (page < 1)
		page = 1;
	switch (key) {
	case TUI_KEY(KEY_UP):
	case 'k':
	case TUI_CTRL('p'):
	case TUI_CTRL('y'):
		scroll_by(t, col, -1);
		break;
	case TUI_KEY(KEY_DOWN):
	case 'j':
	case TUI_CTRL('n'):
	case TUI_CTRL('e'):
		scroll_by(t, col, 1);
		break;
	case TUI_KEY(KEY_NPAGE):
	case ' ':
	case 'f':
	case TUI_CTRL('f'):
		scroll_by(t, col, page);
		break;
	case TUI_KEY(KEY_PPAGE):
	case 'b':
	case TUI_CTRL('b'):
		scroll_by(t, col, -page);
		break;
	case TUI_CTRL('d'):
		scroll_by(t, col, (page + 1) / 2);
		break;
	case 'd':
		tui_define_open(app);
		break;
	case 'u':
	case TUI_CTRL('u'):
		scroll_by(t, col, -(page + 1) / 2);
		break;
	case 'g':
	case '<':
	case TUI_KEY(KEY_HOME):
		*top = 0;
		break;
	case 'G':
	case '>':
	case TUI_KEY(KEY_END):
		*top = max;
		break;
	case ']':
		step_article(app, col, 1);
		break;
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		/* A number follows a reference, as in lynx: the rest of it is typed at the prompt.
		 */
		if (!t->doc[0].nlink) {
			tui_app_message(app, 0, _("no references here to follow"));
			break;
		}
		app->overlay = TUI_PROMPT;
		app->prompt_kind = TUI_PROMPT_LINK;
		snprintf(app->prompt, sizeof app->prompt, "%c", key);
		break;
	case '[':
		step_article(app, col, 0);
		break;
	default:
		return 0;
	}
	return 1;
}

void tui_text_follow(struct tui_app *app, long n)
{
	const struct tui_doc *d = &app->text.doc[0];
	struct tui_place p;
	char lang[16];
	if (n < 1 || (size_t)n > d->nlink) {
		if (d->nlink)
			tui_app_message(app, 1, _("no reference [%ld]; they are numbered 1 to %zu"),
			                n, d->nlink);
		else
			tui_app_message(app, 1, _("no references here"));
		return;
	}
	const struct tui_link *l = &d->link[n - 1];
	if (!l->doc || l->external) {
		tui_app_message(app, 0, _("[%ld] %s: another instrument, not in the library"), n,
		                l->text ? l->text : "");
		return;
	}
	if (!l->resolved) {
		tui_app_message(app, 0, _("[%ld] %s: not in the text of %s as it stands"), n,
		                l->text ? l->text : "", l->doc);
		return;
	}
	tui_place_set(&p, l->doc, tui_app_language(app, l->doc, lang), l->eid ? l->eid : "");
	char *cite = l->eid ? corpus_eid_cite(l->eid, d->lang) : NULL;
	char what[256];
	snprintf(what, sizeof what, "[%ld] %s%s%s", n, l->doc, cite ? " " : "", cite ? cite : "");
	free(cite);
	if (tui_app_open(app, &p, 1) != 0)
		return;
	app->focus = TUI_FOCUS_TEXT;
	if (l->targets > 1)
		tui_app_message(app, 0, _("%s, the first of %d; Backspace goes back"), what,
		                l->targets);
	else
		tui_app_message(app, 0, _("%s; Backspace goes back"), what);
}

void tui_text_click(struct tui_app *app, int y, int x)
{
	struct tui_text *t = &app->text;
	int cw = column_width(t);
	int col = x - t->rect.x > cw ? 1 : 0;
	if (y <= t->rect.y || col > t->side || !t->doc[0].id)
		return;
	if (t->other)
		t->focus2 = col; /* a click gives the column the keys, as Tab does */
	int line = tui_text_line_at(t, col, (size_t)(y - t->rect.y - 1));
	const struct tui_doc *d = &t->doc[col];
	if (line < 0 || d->l[line].para < 0)
		return;
	const struct tui_line *l = &d->l[line];
	const struct tui_para *p = &d->p[l->para];
	long at = tui_span_byte_at(t->rect.x + col * (cw + 1), cw, tui_doc_indent(d, p), p->text,
	                           p->len, l->span, x);
	for (size_t k = 0; at >= 0 && k < p->nlinks; k++)
		if ((size_t)at >= p->numbers[k].start && (size_t)at < p->links[k].end) {
			tui_text_follow(app, (long)(p->first_link + k + 1));
			return;
		}
	for (size_t k = 0; at >= 0 && k < p->nuses; k++)
		if ((size_t)at >= p->uses[k].start && (size_t)at < p->uses[k].end) {
			tui_define_show(app, col, p->use_term[k]);
			return;
		}
	for (size_t i = 0; at >= 0 && i < d->nhit; i++) {
		const struct tui_hitpos *h = &d->hit[i];
		if (h->para != l->para || (size_t)at < h->start)
			continue;
		for (size_t k = 0; k < p->nhits; k++)
			if (p->hits[k].start == h->start && (size_t)at < p->hits[k].end) {
				t->hit = (long)i;
				tui_app_message(app, 0, _("hit %ld of %ld"), (long)i + 1,
				                (long)d->nhit);
				return;
			}
	}
}

/* ---- Drawing ---------------------------------------------------------- */

/*
 * Where a column is, in w cells from x: document, article, heading and
 * language of entry e at its top (with what beside adds), and how far
 * through the document its rows [.., bottom) of total reach (total 0: the
 * article alone, for a half-width header).
 */
static void draw_place(struct tui_app *app, const struct tui_doc *d, int e, const char *beside,
                       size_t bottom, size_t total, int x, int w, enum tui_style style)
{
	char left[1024], right[64] = "";
	int y = app->text.rect.y;
	int a = d->article[e];
	char *cite = corpus_eid_cite(d->e[a].eid, d->lang);
	int partial = 0;
	for (size_t i = 0; i < app->contents.ndocs; i++)
		if (strcmp(app->contents.doc[i].id, d->id) == 0)
			partial = app->contents.doc[i].partial;
	snprintf(left, sizeof left, " %s%s%s · %s%s%s · %s%s", d->id, partial ? " " : "",
	         partial ? _("(partial)") : "", cite ? cite : d->e[a].eid,
	         d->e[a].heading ? " · " : "", d->e[a].heading ? d->e[a].heading : "", d->lang,
	         beside);
	free(cite);
	int pct = total ? (int)(bottom * 100 / total) : 100;
	int k = tui_doc_article_index(d, e), units = tui_doc_units(d);
	/* Before the whole document is wrapped, how far through it is not known yet. */
	if (k >= 0 && (d->partial || !total))
		snprintf(right, sizeof right, " %d/%d ", k + 1, units);
	else if (k >= 0)
		snprintf(right, sizeof right, " %d/%d · %d%% ", k + 1, units, pct);
	else if (!d->partial && total)
		snprintf(right, sizeof right, " %d%% ", pct);
	int rw = i18n_width(right, strlen(right));
	int lw = w - rw;
	if (lw < w / 2)
		lw = w, rw = 0;
	tui_fill(y, x, w, style);
	tui_draw_str(y, x, lw, left, style);
	if (rw)
		tui_draw_str(y, x + lw, rw, right, style);
}

static void draw_header(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	int e = tui_text_top_entry(app);
	size_t vis = visible_rows(t), bottom = t->top + vis < t->rows.n ? t->top + vis : t->rows.n;
	char beside[32] = "";
	tui_fill(t->rect.y, t->rect.x, t->rect.w, TUI_HEADER);
	if (e < 0)
		return;
	if (!t->other) {
		if (t->side)
			snprintf(beside, sizeof beside, " | %s", t->doc[1].lang);
		draw_place(app, &t->doc[0], e, beside, bottom, t->rows.n, t->rect.x, t->rect.w,
		           TUI_HEADER);
		return;
	}
	/* Another document beside: each column says where it is; the one with the keys stands out.
	 */
	const struct tui_doc *d2 = &t->doc[1];
	int cw = column_width(t);
	draw_place(app, &t->doc[0], e, "", 0, 0, t->rect.x, cw,
	           t->focus2 ? TUI_STATUS : TUI_HEADER);
	if (t->top2 < d2->nl)
		draw_place(app, d2, d2->l[t->top2].entry, "", 0, 0, t->rect.x + cw + 1,
		           t->rect.w - cw - 1, t->focus2 ? TUI_HEADER : TUI_STATUS);
}

static void draw_line(struct tui_text *t, int col, int y, int x, int w, int line)
{
	const struct tui_doc *d = &t->doc[col];
	const struct tui_line *l = &d->l[line];
	if (l->para < 0)
		return;
	const struct tui_para *p = &d->p[l->para];
	struct tui_hl hl[4] = {{p->hits, p->nhits, TUI_HIT, (size_t)-1},
	                       {p->links, p->nlinks, TUI_LINK, (size_t)-1},
	                       {p->numbers, p->nlinks, TUI_DIM, (size_t)-1},
	                       {p->uses, p->nuses, TUI_TERM, (size_t)-1}};
	if (col == 0 && t->hit >= 0 && d->hit[t->hit].para == l->para)
		hl[0].now = d->hit[t->hit].start;
	tui_draw_span(y, x, w, tui_doc_indent(d, p), p->text, p->len, l->span, p->style, hl, 4);
}

static void draw_empty(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	size_t n = sizeof empty_help / sizeof empty_help[0];
	if (app->nids) {
		tui_draw_str(t->rect.y + 2, t->rect.x + 1, t->rect.w - 1,
		             _("Choose a document in the contents (Tab)."), TUI_BODY);
		return;
	}
	for (size_t i = 0; i < n && (int)i + 2 < t->rect.h; i++)
		tui_draw_str(t->rect.y + 2 + (int)i, t->rect.x + 1, t->rect.w - 1,
		             *empty_help[i] == ' ' || !*empty_help[i] ? empty_help[i]
		                                                      : _(empty_help[i]),
		             i ? TUI_BODY : TUI_HEADING);
}

void tui_text_draw(struct tui_app *app)
{
	struct tui_text *t = &app->text;
	int cw = column_width(t);
	if (!t->doc[0].id) {
		tui_fill(t->rect.y, t->rect.x, t->rect.w, TUI_HEADER);
		tui_draw_str(t->rect.y, t->rect.x, t->rect.w, " treaty", TUI_HEADER);
		draw_empty(app);
		return;
	}
	draw_header(app);
	size_t vis = visible_rows(t);
	for (size_t i = 0; i < vis; i++) {
		int y = t->rect.y + 1 + (int)i;
		for (int col = 0; col <= t->side; col++) {
			int line = tui_text_line_at(t, col, i);
			if (line >= 0)
				draw_line(t, col, y, t->rect.x + col * (cw + 1), cw, line);
		}
	}
	if (t->side) {
		tui_term_style(TUI_DIM);
		mvvline(t->rect.y + 1, t->rect.x + cw, ACS_VLINE, t->rect.h - 1);
	}
}
