/*
 * view-help.c — every key of the reader, on one scrollable page (?).
 * The table is the one list of keys: the README's "Reading" section follows it.
 * Key names stay as they are written on the keyboard; what they do is translated.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <string.h>

struct help_line {
	const char *keys; /* NULL: a section title in what */
	const char *what;
};

static const struct help_line help[] = {
    {NULL, N_("Moving")},
    {"↑ ↓  j k", N_("a line up or down (in the contents: an entry)")},
    {"PgUp PgDn  b Space", N_("a page up or down")},
    {"Ctrl-U Ctrl-D  u", N_("half a page up or down")},
    {"g G  Home End", N_("the start or the end of the document")},
    {"] [", N_("the next or the previous article")},
    {"Tab", N_("switch between the contents and the text")},
    {"Tab", N_("beside another document (v): give it the keys, to scroll it alone")},
    {"Enter", N_("open the entry under the cursor")},
    {"→ ←  + -", N_("open or close a document or chapter in the contents")},
    {NULL, N_("Going places")},
    {":", N_("go to: art 5(2)(b), budapest 2, uncc 7, or an identifier")},
    {"Backspace  H", N_("back to where you were before the last jump")},
    {"L", N_("forward again")},
    {"1 … 9  Enter", N_("follow the reference with that number: [12]Article 21")},
    {"r", N_("what cites this article, statements included; Enter follows one")},
    {NULL, N_("Searching")},
    {"/", N_("search every document as you type")},
    {"", N_("words, \"a phrase\", prefix*, -word, OR, doc:ID lang:CODE art:N")},
    {"↑ ↓  Enter  Esc", N_("in the search: choose a hit, open it, go back")},
    {"Enter", N_("in a search that found nothing: search for the words suggested")},
    {"n N", N_("the next or the previous hit, across articles")},
    {"Esc", N_("in the text: hide the hits")},
    {NULL, N_("Defined terms")},
    {"d", N_("the definition of a term in view (terms in italics); d again: the next")},
    {"click", N_("on a term: its definition; Esc closes the window")},
    {NULL, N_("Languages")},
    {"l", N_("the next language of the document")},
    {"v", N_("a second column: Enter or a language (fr, budapest nl), kept in step;")},
    {"", N_("or another document or place (uncc 7, budapest-p1), scrolled alone; v closes")},
    {NULL, N_("Mouse")},
    {"click", N_("open a contents entry, a search hit or a reference; mark a hit")},
    {"wheel", N_("scroll the pane under the pointer")},
    {NULL, N_("The rest")},
    {"?", N_("this help (q, Esc or ? closes it)")},
    {"Ctrl-L", N_("redraw the screen")},
    {"Ctrl-Z", N_("suspend; fg brings the reader back")},
    {"q", N_("quit; the place is kept for next time")},
    {NULL, N_("Options")},
    {"--goto=PLACE", N_("start at a place, as typed after :")},
    {"--lang=CODE", N_("start in this language")},
    {"--bidi=MODE", N_("app (treaty orders right-to-left text), terminal, off")},
    {"--no-mouse", N_("leave the mouse to the terminal, for selecting text")},
    {"--ambiguous-wide", N_("count East Asian ambiguous characters as two cells")},
    {"NO_COLOR=1", N_("no colours: bold, underline and reverse only")},
};

#define NLINES (sizeof help / sizeof help[0])
#define KEY_COLUMN 22

static int max_top(struct tui_app *app)
{
	int vis = app->rows - 2;
	return (int)NLINES > vis ? (int)NLINES - vis : 0;
}

void tui_help_draw(struct tui_app *app)
{
	int w = app->cols, vis = app->rows - 2;
	if (app->help_top > max_top(app))
		app->help_top = max_top(app);
	tui_fill(0, 0, w, TUI_HEADER);
	tui_draw_str(0, 1, w - 1, _("Keys of the treaty reader"), TUI_HEADER);
	for (int i = 0; i < vis && app->help_top + i < (int)NLINES; i++) {
		const struct help_line *h = &help[app->help_top + i];
		int y = 1 + i;
		if (!h->keys) {
			tui_draw_str(y, 1, w - 1, _(h->what), TUI_HEADING);
			continue;
		}
		int kc = w > 2 * KEY_COLUMN ? KEY_COLUMN : w / 3;
		tui_draw_str(y, 3, kc - 3, h->keys, TUI_LINK);
		tui_draw_str(y, kc + 1, w - kc - 1, _(h->what), TUI_BODY);
	}
}

int tui_help_key(struct tui_app *app, int key)
{
	int page = app->rows - 3 > 1 ? app->rows - 3 : 1;
	switch (key) {
	case TUI_KEY(KEY_UP):
	case 'k':
		app->help_top--;
		break;
	case TUI_KEY(KEY_DOWN):
	case 'j':
		app->help_top++;
		break;
	case TUI_KEY(KEY_PPAGE):
	case 'b':
		app->help_top -= page;
		break;
	case TUI_KEY(KEY_NPAGE):
	case ' ':
		app->help_top += page;
		break;
	case 'g':
	case TUI_KEY(KEY_HOME):
		app->help_top = 0;
		break;
	case 'G':
	case TUI_KEY(KEY_END):
		app->help_top = max_top(app);
		break;
	default:
		app->overlay = TUI_NO_OVERLAY;
		return 1;
	}
	if (app->help_top < 0)
		app->help_top = 0;
	if (app->help_top > max_top(app))
		app->help_top = max_top(app);
	return 1;
}
