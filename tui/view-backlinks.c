/*
 * view-backlinks.c — what cites the provision being read (r): every
 * provision of every document whose references land in it, with the citing
 * sentence, statements and the press marked as such.  Enter follows one as
 * any other link, so Backspace comes back.
 *
 * A reference is listed in the language being read; a document that has no
 * version in that language is listed in the languages it has, once per
 * citing provision.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows per back-link: where it is, then its sentence. */
#define ITEM_ROWS 3

void tui_backlinks_free(struct tui_backlinks *b)
{
	corpus_link_free(b->l, b->n);
	memset(b, 0, sizeof *b);
}

/* Treaties first, then what is said about them. */
static int kind_rank(const char *kind)
{
	if (!kind)
		return 0;
	return strcmp(kind, "statement") == 0 ? 1 : strcmp(kind, "press") == 0 ? 2 : 0;
}

static int same_citation(const struct corpus_link *a, const struct corpus_link *b)
{
	return strcmp(a->doc, b->doc) == 0 && strcmp(a->eid, b->eid) == 0 &&
	       (a->target_eid && b->target_eid ? strcmp(a->target_eid, b->target_eid) == 0
	                                       : a->target_eid == b->target_eid);
}

static void free_fields(struct corpus_link *l)
{
	free(l->doc), free(l->lang), free(l->eid), free(l->text), free(l->sentence);
	free(l->target_doc), free(l->target_eid), free(l->kind), free(l->delegation);
}

/*
 * The back-links of l[0..n) worth listing, treaties first and otherwise in
 * the store's order, into a new array (*out); l's records are moved there
 * or freed, and l itself is freed.
 */
static size_t keep(struct tui_app *app, struct corpus_link *l, size_t n, const char *lang,
                   struct corpus_link **out)
{
	size_t m = 0;
	*out = calloc(n ? n : 1, sizeof **out);
	for (size_t i = 0; i < n; i++) {
		int wanted =
		    *out && l[i].incoming &&
		    (strcmp(l[i].lang, lang) == 0 || !tui_app_has_language(app, l[i].doc, lang));
		for (size_t k = 0; wanted && k < i; k++)
			if (l[k].doc && strcmp(l[k].lang, l[i].lang) != 0 &&
			    same_citation(&l[k], &l[i]) && l[k].incoming)
				wanted = 0;
		if (!wanted)
			free_fields(&l[i]), memset(&l[i], 0, sizeof l[i]);
	}
	for (int rank = 0; rank < 3 && *out; rank++)
		for (size_t i = 0; i < n; i++)
			if (l[i].doc && kind_rank(l[i].kind) == rank)
				(*out)[m++] = l[i];
	if (!*out)
		for (size_t i = 0; i < n; i++)
			free_fields(&l[i]);
	free(l);
	return m;
}

void tui_backlinks_open(struct tui_app *app)
{
	struct tui_backlinks *b = &app->backlinks;
	const struct tui_doc *d = &app->text.doc[0];
	struct corpus_link *l;
	size_t n;
	char err[512];
	int e = d->id ? tui_text_top_entry(app) : -1;
	if (e < 0) {
		tui_app_message(app, 0, _("no provision here to look up"));
		return;
	}
	const char *eid = d->e[d->article[e]].eid;
	char *cite = corpus_eid_cite(eid, d->lang);
	char title[256];
	snprintf(title, sizeof title, "%s %s", d->id, cite ? cite : eid);
	free(cite);
	if (corpus_links(app->store, d->id, eid, NULL, &l, &n, err, sizeof err) != 0) {
		tui_app_message(app, 1, "%s", err);
		return;
	}
	struct corpus_link *kept;
	n = keep(app, l, n, d->lang, &kept);
	if (!n) {
		free(kept);
		tui_app_message(app, 0, _("nothing in the library cites %s"), title);
		return;
	}
	tui_backlinks_free(b);
	b->l = kept;
	b->n = n;
	snprintf(b->title, sizeof b->title, "%s", title);
	b->rect = app->search.rect;
	app->overlay = TUI_BACKLINKS;
}

static void follow(struct tui_app *app, size_t i)
{
	struct tui_backlinks *b = &app->backlinks;
	const struct corpus_link *l = &b->l[i];
	struct tui_place p;
	char what[256];
	char *cite = corpus_eid_cite(l->eid, l->lang);
	snprintf(what, sizeof what, "%s %s", l->doc, cite ? cite : l->eid);
	free(cite);
	tui_place_set(&p, l->doc, l->lang, l->eid);
	app->overlay = TUI_NO_OVERLAY;
	if (tui_app_open(app, &p, 1) != 0)
		return;
	app->focus = TUI_FOCUS_TEXT;
	tui_app_message(app, 0, _("%s, which cites %s; Backspace goes back"), what, b->title);
}

static void select_item(struct tui_backlinks *b, long delta)
{
	long cur = (long)b->cur + delta;
	if (cur >= (long)b->n)
		cur = (long)b->n - 1;
	b->cur = cur < 0 ? 0 : (size_t)cur;
}

int tui_backlinks_key(struct tui_app *app, int key)
{
	struct tui_backlinks *b = &app->backlinks;
	long page = b->rect.h > ITEM_ROWS + 1 ? (b->rect.h - 1) / ITEM_ROWS : 1;
	switch (key) {
	case TUI_ESC:
	case 'r':
	case TUI_KEY(KEY_BACKSPACE):
	case 127:
	case TUI_CTRL('h'):
		app->overlay = TUI_NO_OVERLAY;
		break;
	case 'q':
	case 'Q':
		app->quit = 1;
		break;
	case '\r':
	case '\n':
	case TUI_KEY(KEY_ENTER):
		follow(app, b->cur);
		break;
	case TUI_KEY(KEY_UP):
	case 'k':
	case TUI_CTRL('p'):
		select_item(b, -1);
		break;
	case TUI_KEY(KEY_DOWN):
	case 'j':
	case TUI_CTRL('n'):
		select_item(b, 1);
		break;
	case TUI_KEY(KEY_PPAGE):
	case 'b':
		select_item(b, -page);
		break;
	case TUI_KEY(KEY_NPAGE):
	case ' ':
		select_item(b, page);
		break;
	case 'g':
	case TUI_KEY(KEY_HOME):
		b->cur = 0;
		break;
	case 'G':
	case TUI_KEY(KEY_END):
		b->cur = b->n - 1;
		break;
	default:
		return 0;
	}
	return 1;
}

void tui_backlinks_click(struct tui_app *app, int y, int x, int wheel)
{
	struct tui_backlinks *b = &app->backlinks;
	(void)x;
	if (wheel) {
		select_item(b, wheel);
		return;
	}
	if (y < b->rect.y + 2)
		return;
	size_t i = b->top + (size_t)(y - b->rect.y - 2) / ITEM_ROWS;
	if (i < b->n) {
		b->cur = i;
		follow(app, i);
	}
}

/* ---- Drawing ---------------------------------------------------------- */

/* What the citing document is, when it is not a treaty: "statement: Delegation", "press". */
static void describe(const struct corpus_link *l, char *out, size_t size)
{
	*out = '\0';
	if (kind_rank(l->kind) == 1 && l->delegation)
		snprintf(out, size, _("statement: %s"), l->delegation);
	else if (kind_rank(l->kind) == 1)
		snprintf(out, size, "%s", _("statement"));
	else if (kind_rank(l->kind) == 2)
		snprintf(out, size, "%s", _("press report"));
}

static void draw_item(struct tui_backlinks *b, size_t i, int y, int rows)
{
	const struct corpus_link *l = &b->l[i];
	int x = b->rect.x, w = b->rect.w, sel = i == b->cur;
	char head[256], kind[192];
	char *cite = corpus_eid_cite(l->eid, l->lang);
	snprintf(head, sizeof head, "%s %s", l->doc, cite ? cite : l->eid);
	free(cite);
	if (sel)
		tui_fill(y, x, w, TUI_SELECT);
	int used = tui_draw_str(y, x + 1, w - 1, head, sel ? TUI_SELECT : TUI_HEADING) + 2;
	used += tui_draw_str(y, x + used, w - used, l->lang, sel ? TUI_SELECT : TUI_DIM) + 1;
	describe(l, kind, sizeof kind);
	if (*kind && used < w)
		used += tui_draw_str(y, x + used, w - used, kind, sel ? TUI_SELECT : TUI_MARK) + 1;
	if (l->draft && used < w)
		tui_draw_str(y, x + used, w - used, _("(cites a draft)"),
		             sel ? TUI_SELECT : TUI_DIM);
	const char *s = l->sentence && *l->sentence ? l->sentence : l->text ? l->text : "";
	size_t len = strlen(s), nl;
	const char *ref = l->text && *l->text ? strstr(s, l->text) : NULL;
	struct tui_range r = {ref ? (size_t)(ref - s) : 0,
	                      ref ? (size_t)(ref - s) + strlen(l->text) : 0};
	struct tui_hl hl = {&r, ref ? 1 : 0, TUI_LINK, (size_t)-1};
	struct i18n_span *lines;
	if (i18n_wrap(s, len, w - 4, &lines, &nl, NULL, 0) == 0) {
		for (size_t k = 0; k < nl && (int)k < rows - 1; k++)
			tui_draw_span(y + 1 + (int)k, x, w, 4, s, len, lines[k], TUI_BODY, &hl, 1);
		free(lines);
	}
}

void tui_backlinks_draw(struct tui_app *app)
{
	struct tui_backlinks *b = &app->backlinks;
	b->rect = app->search.rect; /* the whole screen but the status line, as it is now */
	int y = b->rect.y, x = b->rect.x, w = b->rect.w;
	char head[512];
	tui_fill(y, x, w, TUI_HEADER);
	snprintf(head, sizeof head, _("Cited by: %s"), b->title);
	tui_draw_str(y, x + 1, w - 1, head, TUI_HEADER);
	snprintf(head, sizeof head, P_("%zu citing reference", "%zu citing references", b->n),
	         b->n);
	tui_draw_str(y + 1, x + 1, w - 1, head, TUI_DIM);
	size_t per = (size_t)(b->rect.h - 2) / ITEM_ROWS;
	if (per < 1)
		per = 1;
	if (b->cur < b->top)
		b->top = b->cur;
	if (b->cur >= b->top + per)
		b->top = b->cur - per + 1;
	for (size_t i = b->top; i < b->n && i < b->top + per; i++) {
		int iy = y + 2 + (int)(i - b->top) * ITEM_ROWS;
		int rows = b->rect.y + b->rect.h - iy;
		draw_item(b, i, iy, rows < ITEM_ROWS ? rows : ITEM_ROWS);
	}
}
