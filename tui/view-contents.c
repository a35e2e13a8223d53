/*
 * view-contents.c — the contents pane: documents, then their chapters and
 * articles, each level collapsible.  A document's outline is read the first
 * time it is opened, so that start-up reads only the list of documents.
 *
 * Until references are resolved in the text, the article headings here are
 * the links: Enter or a click follows one.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int in_outline(enum corpus_kind k)
{
	return k == CORPUS_PREAMBLE || k == CORPUS_CHAPTER || k == CORPUS_SECTION ||
	       k == CORPUS_TITLE || k == CORPUS_ARTICLE || k == CORPUS_CONCLUSIONS;
}

static int is_group(const struct tui_onode *n)
{
	return n->kind == CORPUS_CHAPTER || n->kind == CORPUS_SECTION || n->kind == CORPUS_TITLE;
}

static void free_outline(struct tui_outline *o)
{
	for (size_t i = 0; i < o->n; i++) {
		free(o->node[i].eid);
		free(o->node[i].label);
		free(o->node[i].heading);
	}
	free(o->node);
	o->node = NULL;
	o->n = 0;
}

void tui_contents_free(struct tui_contents *c)
{
	for (size_t i = 0; i < c->ndocs; i++) {
		free_outline(&c->doc[i]);
		free(c->doc[i].id);
		free(c->doc[i].title);
	}
	free(c->doc);
	free(c->row);
	memset(c, 0, sizeof *c);
}

/* An article is listed by its number, a chapter by its label as written. */
static char *node_label(const struct corpus_entry *e)
{
	if (e->kind == CORPUS_ARTICLE && e->num) {
		/* An inserted article's number is kept as "2bis"; lists write "2 bis". */
		size_t digits = strspn(e->num, "0123456789");
		char *label = malloc(strlen(e->num) + 2);
		if (label && digits && e->num[digits])
			sprintf(label, "%.*s %s", (int)digits, e->num, e->num + digits);
		else if (label)
			strcpy(label, e->num);
		return label;
	}
	if (e->label)
		return strdup(e->label);
	return corpus_eid_cite(e->eid, e->lang);
}

static int load_outline(struct tui_app *app, struct tui_outline *o)
{
	struct corpus_entry *e;
	size_t n;
	char err[512];
	const struct tui_doc *d = &app->text.doc[0];
	if (o->loaded)
		return 0;
	/* The document being read is at hand, in the language being read. */
	int reading = d->id && strcmp(d->id, o->id) == 0;
	if (reading) {
		e = d->e;
		n = d->n;
	} else if (corpus_get(app->store, o->id, NULL, NULL, &e, &n, err, sizeof err) != 0) {
		tui_app_message(app, 1, "%s", err);
		return -1;
	}
	o->node = calloc(n ? n : 1, sizeof *o->node);
	if (!o->node) {
		if (!reading)
			corpus_entry_free(e, n);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (!in_outline(e[i].kind))
			continue;
		struct tui_onode *node = &o->node[o->n++];
		node->kind = e[i].kind;
		node->depth = e[i].depth;
		node->eid = strdup(e[i].eid);
		node->label = node_label(&e[i]);
		node->heading = e[i].heading ? strdup(e[i].heading) : NULL;
	}
	if (!reading)
		corpus_entry_free(e, n);
	o->loaded = 1;
	return 0;
}

/* The visible rows: documents, and the outline of each open one, minus collapsed groups. */
static void build_rows(struct tui_contents *c)
{
	size_t n = c->ndocs;
	for (size_t d = 0; d < c->ndocs; d++)
		n += c->doc[d].expanded ? c->doc[d].n : 0;
	free(c->row);
	c->row = malloc((n ? n : 1) * sizeof *c->row);
	c->nrows = 0;
	if (!c->row)
		return;
	for (size_t d = 0; d < c->ndocs; d++) {
		const struct tui_outline *o = &c->doc[d];
		int hide = -1; /* nodes deeper than this are inside a collapsed group */
		c->row[c->nrows++] = (struct tui_vrow){(int)d, -1};
		for (size_t i = 0; o->expanded && i < o->n; i++) {
			if (hide >= 0 && o->node[i].depth > hide)
				continue;
			hide = o->node[i].collapsed ? o->node[i].depth : -1;
			c->row[c->nrows++] = (struct tui_vrow){(int)d, (int)i};
		}
	}
	if (c->cur >= c->nrows)
		c->cur = c->nrows ? c->nrows - 1 : 0;
}

/*
 * The row already made for d's document, or c->ndocs.  corpus_list() gives a
 * document's languages one after the other, the bundled corpus (the first
 * `bundled` rows, a few) before the library: with thousands of documents, a
 * look through every row made so far took longer than reading the list.
 */
static size_t listed(const struct tui_contents *c, size_t bundled, const struct corpus_docinfo *d)
{
	if (c->ndocs && strcmp(c->doc[c->ndocs - 1].id, d->id) == 0)
		return c->ndocs - 1;
	for (size_t k = 0; d->user && k < bundled; k++)
		if (strcmp(c->doc[k].id, d->id) == 0)
			return k;
	return c->ndocs;
}

static int read_list(struct tui_app *app)
{
	struct tui_contents *c = &app->contents;
	struct corpus_docinfo *info;
	size_t n;
	char err[512];
	struct tui_rect rect = c->rect;
	memset(c, 0, sizeof *c);
	c->rect = rect;
	if (corpus_list(app->store, &info, &n, err, sizeof err) < 0) {
		tui_app_message(app, 1, "%s", err);
		return -1;
	}
	c->doc = calloc(n ? n : 1, sizeof *c->doc);
	app->ids = calloc(n ? n : 1, sizeof *app->ids);
	if (!c->doc || !app->ids) {
		corpus_docinfo_free(info, n);
		return -1;
	}
	/* One row per document, whatever its languages; the first listed language names it. */
	size_t bundled = 0;
	for (size_t i = 0; i < n; i++) {
		size_t k = listed(c, bundled, &info[i]);
		if (k < c->ndocs) {
			c->doc[k].partial |= info[i].partial;
			continue;
		}
		struct tui_outline *o = &c->doc[c->ndocs++];
		o->id = strdup(info[i].id);
		o->title = info[i].title ? strdup(info[i].title) : NULL;
		o->partial = info[i].partial;
		app->ids[app->nids++] = strdup(info[i].id);
		if (!info[i].user)
			bundled = c->ndocs;
	}
	corpus_docinfo_free(info, n);
	build_rows(c);
	return 0;
}

void tui_contents_load(struct tui_app *app)
{
	if (app->listed)
		return;
	/* The outline of the document being read is taken from it: all of it. */
	if (app->text.doc[0].window)
		tui_text_complete(app);
	app->listed = 1;
	if (read_list(app) == 0)
		tui_contents_follow(app);
}

static void expand(struct tui_app *app, int d, int open)
{
	struct tui_outline *o = &app->contents.doc[d];
	if (open && load_outline(app, o) < 0)
		return;
	o->expanded = open;
	build_rows(&app->contents);
}

void tui_contents_follow(struct tui_app *app)
{
	struct tui_contents *c = &app->contents;
	const struct tui_doc *d = &app->text.doc[0];
	int e = tui_text_top_entry(app);
	if (!d->id || e < 0)
		return;
	const char *eid = d->e[d->article[e]].eid;
	for (size_t k = 0; app->listed && k < c->ndocs; k++) {
		struct tui_outline *o = &c->doc[k];
		if (strcmp(o->id, d->id) != 0)
			continue;
		if (!o->expanded)
			expand(app, (int)k, 1);
		/* Open the groups above the provision, from the nearest up. */
		int target = -1;
		for (size_t i = 0; i < o->n; i++)
			if (strcmp(o->node[i].eid, eid) == 0)
				target = (int)i;
		for (int i = target, depth = target >= 0 ? o->node[target].depth : 0; i-- > 0;)
			if (o->node[i].depth < depth) {
				o->node[i].collapsed = 0;
				depth = o->node[i].depth;
			}
		build_rows(c);
		for (size_t r = 0; r < c->nrows; r++)
			if (c->row[r].doc == (int)k && (c->row[r].node == target || target < 0)) {
				c->cur = r;
				break;
			}
		return;
	}
}

/* Enter on a row: open the document, the group or the article it names. */
static void activate(struct tui_app *app)
{
	struct tui_contents *c = &app->contents;
	struct tui_place p;
	if (!c->nrows)
		return;
	struct tui_vrow r = c->row[c->cur];
	struct tui_outline *o = &c->doc[r.doc];
	const char *lang = app->text.doc[0].id && strcmp(app->text.doc[0].id, o->id) == 0
	                       ? app->text.doc[0].lang
	                       : NULL;
	if (r.node < 0) {
		expand(app, r.doc, 1);
		tui_place_set(&p, o->id, lang, "");
	} else {
		struct tui_onode *n = &o->node[r.node];
		if (is_group(n) && n->collapsed) {
			n->collapsed = 0;
			build_rows(c);
		}
		tui_place_set(&p, o->id, lang, n->eid);
	}
	if (tui_app_open(app, &p, 1) == 0)
		app->focus = TUI_FOCUS_TEXT;
}

/* Right and Left: open or close the row's level; Left on a closed one goes to its parent. */
static void fold(struct tui_app *app, int open)
{
	struct tui_contents *c = &app->contents;
	if (!c->nrows)
		return;
	struct tui_vrow r = c->row[c->cur];
	struct tui_outline *o = &c->doc[r.doc];
	if (r.node < 0) {
		expand(app, r.doc, open);
		return;
	}
	struct tui_onode *n = &o->node[r.node];
	if (is_group(n) && n->collapsed == open) {
		n->collapsed = !open;
		build_rows(c);
		return;
	}
	if (open)
		return;
	while (c->cur > 0) {
		c->cur--;
		struct tui_vrow up = c->row[c->cur];
		if (up.node < 0 || o->node[up.node].depth < n->depth)
			break;
	}
}

static void move_cursor(struct tui_contents *c, long delta)
{
	long cur = (long)c->cur + delta;
	if (cur >= (long)c->nrows)
		cur = (long)c->nrows - 1;
	if (cur < 0)
		cur = 0;
	c->cur = (size_t)cur;
}

int tui_contents_key(struct tui_app *app, int key)
{
	struct tui_contents *c = &app->contents;
	long page = c->rect.h > 2 ? c->rect.h - 2 : 1;
	switch (key) {
	case TUI_KEY(KEY_UP):
	case 'k':
	case TUI_CTRL('p'):
		move_cursor(c, -1);
		break;
	case TUI_KEY(KEY_DOWN):
	case 'j':
	case TUI_CTRL('n'):
		move_cursor(c, 1);
		break;
	case TUI_KEY(KEY_NPAGE):
	case ' ':
	case TUI_CTRL('f'):
		move_cursor(c, page);
		break;
	case TUI_KEY(KEY_PPAGE):
	case 'b':
	case TUI_CTRL('b'):
		move_cursor(c, -page);
		break;
	case 'g':
	case TUI_KEY(KEY_HOME):
		c->cur = 0;
		break;
	case 'G':
	case TUI_KEY(KEY_END):
		move_cursor(c, (long)c->nrows);
		break;
	case '\r':
	case '\n':
	case TUI_KEY(KEY_ENTER):
		activate(app);
		break;
	case TUI_KEY(KEY_RIGHT):
	case '+':
		fold(app, 1);
		break;
	case TUI_KEY(KEY_LEFT):
	case '-':
		fold(app, 0);
		break;
	default:
		return 0;
	}
	return 1;
}

void tui_contents_scroll(struct tui_app *app, int delta)
{
	move_cursor(&app->contents, delta);
}

void tui_contents_click(struct tui_app *app, int y, int x)
{
	struct tui_contents *c = &app->contents;
	size_t r = c->top + (size_t)(y - c->rect.y - 1);
	if (y <= c->rect.y || r >= c->nrows)
		return;
	c->cur = r;
	struct tui_vrow v = c->row[r];
	int marker =
	    x - c->rect.x <= 2 + (v.node < 0 ? 0 : 2 * c->doc[v.doc].node[v.node].depth + 2);
	/* A click on the ▸ opens or closes; anywhere else follows the entry. */
	if (marker && (v.node < 0 || is_group(&c->doc[v.doc].node[v.node]))) {
		int closed =
		    v.node < 0 ? !c->doc[v.doc].expanded : c->doc[v.doc].node[v.node].collapsed;
		fold(app, closed);
		return;
	}
	activate(app);
}

/* ---- Drawing ---------------------------------------------------------- */

static int is_current(struct tui_app *app, const struct tui_outline *o, const struct tui_onode *n)
{
	const struct tui_doc *d = &app->text.doc[0];
	int e = d->id && strcmp(d->id, o->id) == 0 ? tui_text_top_entry(app) : -1;
	if (e < 0)
		return 0;
	return n ? strcmp(d->e[d->article[e]].eid, n->eid) == 0 : 1;
}

static void draw_row(struct tui_app *app, int y, const struct tui_vrow *v, int selected)
{
	struct tui_contents *c = &app->contents;
	const struct tui_outline *o = &c->doc[v->doc];
	const struct tui_onode *n = v->node >= 0 ? &o->node[v->node] : NULL;
	int x = c->rect.x, w = c->rect.w, indent = n ? 2 + 2 * n->depth : 0;
	int current = is_current(app, o, n);
	enum tui_style base = selected ? TUI_SELECT : current ? TUI_CURRENT : TUI_BODY;
	const char *marker = " ";
	if (!n)
		marker = o->expanded ? "▾" : "▸";
	else if (is_group(n))
		marker = n->collapsed ? "▸" : "▾";
	if (selected)
		tui_fill(y, x, w, TUI_SELECT);
	x += indent;
	w -= indent;
	if (w <= 0)
		return;
	tui_draw_str(y, x, w, marker, base);
	x += 2;
	w = c->rect.x + c->rect.w - x;
	if (!n) {
		int used = tui_draw_str(y, x, w, o->id, selected ? TUI_SELECT : TUI_HEADING);
		x += used + 1, w -= used + 1;
		if (o->partial && w > 0) {
			used =
			    tui_draw_str(y, x, w, _("(partial)"), selected ? TUI_SELECT : TUI_DIM);
			x += used + 1, w -= used + 1;
		}
		if (o->title && w > 0)
			tui_draw_str(y, x, w, o->title, selected ? TUI_SELECT : TUI_DIM);
		return;
	}
	enum tui_style ls = n->kind == CORPUS_ARTICLE ? base : selected ? TUI_SELECT : TUI_HEADING;
	int used = tui_draw_str(y, x, w, n->label, ls);
	x += used + 1, w -= used + 1;
	if (n->heading && w > 0)
		tui_draw_str(y, x, w, n->heading,
		             selected                    ? TUI_SELECT
		             : n->kind == CORPUS_ARTICLE ? TUI_LINK
		                                         : base);
}

void tui_contents_draw(struct tui_app *app)
{
	struct tui_contents *c = &app->contents;
	int focused = app->focus == TUI_FOCUS_CONTENTS;
	size_t vis = c->rect.h > 1 ? (size_t)c->rect.h - 1 : 1;
	tui_fill(c->rect.y, c->rect.x, c->rect.w, focused ? TUI_HEADER : TUI_STATUS);
	tui_draw_str(c->rect.y, c->rect.x + 1, c->rect.w - 1, _("Contents"),
	             focused ? TUI_HEADER : TUI_STATUS);
	if (!c->nrows) {
		tui_draw_str(c->rect.y + 2, c->rect.x + 1, c->rect.w - 1, _("(no documents)"),
		             TUI_DIM);
		return;
	}
	if (c->cur < c->top)
		c->top = c->cur;
	if (c->cur >= c->top + vis)
		c->top = c->cur - vis + 1;
	for (size_t i = 0; i < vis && c->top + i < c->nrows; i++)
		draw_row(app, c->rect.y + 1 + (int)i, &c->row[c->top + i],
		         focused && c->top + i == c->cur);
}
