/*
 * reader.c — the full-screen reader: its options, the one event loop that
 * owns input, resizing and signals, the keys that work everywhere, and the
 * status line.  The views do the rest, each in its own file.
 */
#include "config.h"
#include "i18n/nls.h"
#include "tui/screen.h"
#include "tui/tui.h"

#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct reader_options {
	const char *goto_spec, *lang;
	enum i18n_bidi_mode bidi;
	int mouse;
};

static int parse_options(int argc, char **argv, struct reader_options *o)
{
	char msg[256];
	static const struct option longopts[] = {
	    {"bidi", required_argument, NULL, 'b'},     {"goto", required_argument, NULL, 'g'},
	    {"lang", required_argument, NULL, 'l'},     {"no-mouse", no_argument, NULL, 'm'},
	    {"ambiguous-wide", no_argument, NULL, 'w'}, {NULL, 0, NULL, 0}};
	int c;
	memset(o, 0, sizeof *o);
	o->bidi = I18N_BIDI_APP;
	o->mouse = 1;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			if (strcmp(optarg, "app") == 0)
				o->bidi = I18N_BIDI_APP;
			else if (strcmp(optarg, "terminal") == 0)
				o->bidi = I18N_BIDI_TERMINAL;
			else if (strcmp(optarg, "off") == 0)
				o->bidi = I18N_BIDI_OFF;
			else {
				fprintf(stderr, "treaty: %s\n",
				        _("--bidi is app, terminal or off"));
				return TUI_USAGE;
			}
			break;
		case 'g':
			o->goto_spec = optarg;
			break;
		case 'l':
			o->lang = optarg;
			break;
		case 'm':
			o->mouse = 0;
			break;
		case 'w':
			i18n_set_ambiguous_wide(1);
			break;
		case ':':
			snprintf(msg, sizeof msg, _("--%s needs a value"), argv[optind - 1] + 2);
			fprintf(stderr, "treaty: %s\n%s\n", msg, _("Try 'treaty --help'."));
			return TUI_USAGE;
		default:
			snprintf(msg, sizeof msg, _("unknown option --%s"),
			         argv[optind - 1] + strspn(argv[optind - 1], "-"));
			fprintf(stderr, "treaty: %s\n%s\n", msg, _("Try 'treaty --help'."));
			return TUI_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr,
		        _("treaty: unexpected '%s'; to start at a place: treaty --goto='%s'\n"),
		        argv[optind], argv[optind]);
		return TUI_USAGE;
	}
	return TUI_OK;
}

/* ---- What views ask of the reader ------------------------------------- */

void tui_app_message(struct tui_app *app, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_error = error;
}

void tui_app_here(struct tui_app *app, struct tui_place *p)
{
	tui_text_here(app, p);
}

int tui_app_open(struct tui_app *app, const struct tui_place *p, int push)
{
	struct tui_place here, now;
	char err[512];
	tui_app_here(app, &here);
	app->text.focus2 = 0; /* what moves is the first column: the keys go back to it */
	int rc = tui_text_show(app, p, err, sizeof err);
	if (rc != 0) {
		tui_app_message(app, 1, "%s", err);
		return -1;
	}
	tui_app_here(app, &now);
	tui_contents_follow(app);
	if (!app->history.n)
		tui_history_init(&app->history, &now);
	else if (push && *here.doc)
		tui_history_push(&app->history, &here, &now);
	return 0;
}

int tui_app_has_language(struct tui_app *app, const char *doc, const char *lang)
{
	char *langs = corpus_languages(app->store, doc), *save = NULL;
	int has = 0;
	for (char *l = langs ? strtok_r(langs, ",", &save) : NULL; l && !has;
	     l = strtok_r(NULL, ",", &save))
		has = strcmp(l, lang) == 0;
	free(langs);
	return has;
}

const char *tui_app_language(struct tui_app *app, const char *doc, char out[16])
{
	const char *cur = app->text.doc[0].lang ? app->text.doc[0].lang : app->start_lang;
	int has = cur && tui_app_has_language(app, doc, cur);
	snprintf(out, 16, "%s", has ? cur : "");
	return has ? out : NULL;
}

int tui_app_store_has(void *store, const char *word)
{
	char *langs = corpus_languages(store, word);
	free(langs);
	return langs != NULL;
}

/* The document a go-to named, with its languages as the store listed them (owned). */
struct named_doc {
	struct corpus_store *store;
	char word[64];
	char *langs;
};

/* A tui_is_doc that keeps what it found: the go-to needs the languages next. */
static int named_doc_has(void *ctx, const char *word)
{
	struct named_doc *nd = ctx;
	char *langs = corpus_languages(nd->store, word);
	if (!langs)
		return 0;
	free(nd->langs);
	nd->langs = langs;
	snprintf(nd->word, sizeof nd->word, "%s", word);
	return 1;
}

/*
 * The language to open doc in, as tui_app_language and then the store's
 * default (the first listed) would choose, from the languages already read.
 */
static const char *named_doc_language(struct tui_app *app, const struct named_doc *nd, char out[16])
{
	const char *cur = app->text.doc[0].lang ? app->text.doc[0].lang : app->start_lang;
	size_t len = cur ? strlen(cur) : 0;
	for (const char *l = nd->langs; cur && *l;) {
		size_t k = strcspn(l, ",");
		if (k == len && strncmp(l, cur, len) == 0)
			break;
		l += k + (l[k] == ',');
		if (!*l)
			cur = NULL;
	}
	if (cur)
		snprintf(out, 16, "%s", cur);
	else
		snprintf(out, 16, "%.*s", (int)strcspn(nd->langs, ","), nd->langs);
	return out;
}

int tui_app_goto(struct tui_app *app, const char *spec)
{
	char doc[64], eid[192], err[512], lang[16];
	struct corpus_entry *e;
	size_t n;
	struct tui_place p;
	struct named_doc nd = {app->store, "", NULL};
	if (tui_goto_parse(spec, named_doc_has, &nd, app->text.doc[0].id, doc, eid, err,
	                   sizeof err) < 0) {
		free(nd.langs);
		tui_app_message(app, 1, "%s", err);
		return -1;
	}
	const char *l = nd.langs && strcmp(nd.word, doc) == 0 ? named_doc_language(app, &nd, lang)
	                                                      : tui_app_language(app, doc, lang);
	free(nd.langs);
	/*
	 * A provision that is not there is refused before the screen changes; but
	 * with nothing on screen yet (the place given at start-up) there is nothing
	 * to keep, and reading the document once, then looking, is quicker.
	 */
	int first = !app->text.doc[0].id;
	if (*eid && !first) {
		if (corpus_get(app->store, doc, l, eid, &e, &n, err, sizeof err) != 0) {
			tui_app_message(app, 1, "%s", err);
			return -1;
		}
		corpus_entry_free(e, n);
	}
	tui_place_set(&p, doc, l, eid);
	if (tui_app_open(app, &p, 1) < 0)
		return -1;
	int at = first && *eid ? tui_doc_find(&app->text.doc[0], eid) : -1;
	if (first && *eid && (at < 0 || strcmp(app->text.doc[0].e[at].eid, eid) != 0)) {
		/* The store says why, as the command line would. */
		int rc = corpus_get(app->store, doc, l, eid, &e, &n, err, sizeof err);
		if (rc == 0)
			corpus_entry_free(e, n);
		else {
			tui_app_message(app, 1, "%s", err);
			return -1;
		}
	}
	app->focus = TUI_FOCUS_TEXT;
	return 0;
}

/* ---- Layout and drawing ------------------------------------------------ */

static void layout(struct tui_app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->cols < TUI_MIN_COLS || app->rows < TUI_MIN_ROWS;
	app->narrow = app->cols < TUI_WIDE_COLS;
	int h = app->rows - 1;
	struct tui_rect all = {0, 0, h, app->cols};
	app->search.rect = all;
	if (app->narrow) {
		app->contents.rect = all;
		app->text.rect = all;
	} else {
		int cw = app->cols * 3 / 10;
		cw = cw < 28 ? 28 : cw > 44 ? 44 : cw;
		app->contents.rect = (struct tui_rect){0, 0, h, cw};
		app->text.rect = (struct tui_rect){0, cw + 1, h, app->cols - cw - 1};
	}
	if (!app->too_small)
		tui_text_relayout(app);
}

static void draw_too_small(struct tui_app *app)
{
	char msg[256];
	struct i18n_span *lines;
	size_t n;
	snprintf(msg, sizeof msg,
	         _("The terminal is too small (%d×%d). treaty needs at least %d×%d; make the "
	           "window larger, or press q to quit."),
	         app->cols, app->rows, TUI_MIN_COLS, TUI_MIN_ROWS);
	if (i18n_wrap(msg, strlen(msg), app->cols, &lines, &n, NULL, 0) < 0)
		return;
	for (size_t i = 0; i < n && (int)i < app->rows; i++)
		tui_draw_span((int)i, 0, app->cols, 0, msg, strlen(msg), lines[i], TUI_HEADING,
		              NULL, 0);
	free(lines);
}

static const char *hints(struct tui_app *app)
{
	/* A suggestion is kept only when nothing matched. */
	if (app->overlay == TUI_SEARCH && app->search.suggestion)
		return _("Enter search for the words suggested · Esc back");
	if (app->overlay == TUI_SEARCH)
		return _("↑↓ choose · Enter open · Esc back");
	if (app->overlay == TUI_HELP)
		return _("↑↓ scroll · any other key closes");
	if (app->overlay == TUI_BACKLINKS)
		return _("↑↓ choose · Enter follow · Esc back");
	if (app->overlay == TUI_DEFINE)
		return _("d the next term in view · Esc closes");
	if (app->listed && !app->nids)
		return _("? help · q quit");
	if (app->focus == TUI_FOCUS_CONTENTS)
		return _("Enter open · Tab text · / search · : go to · ? help · q quit");
	if (app->text.focus2)
		return _("↑↓ PgUp PgDn ] [ move the column beside · Tab contents · ? help");
	return _("Tab contents · / search · : go to · ? help · q quit");
}

static void draw_status(struct tui_app *app)
{
	int y = app->rows - 1;
	tui_fill(y, 0, app->cols, TUI_STATUS);
	if (*app->status)
		tui_draw_str(y, 0, app->cols, app->status,
		             app->status_error ? TUI_ERROR : TUI_STATUS);
	else
		tui_draw_str(y, 1, app->cols - 1, hints(app), TUI_STATUS);
}

static void draw(struct tui_app *app)
{
	erase();
	app->cursor_y = app->cursor_x = -1;
	if (app->too_small) {
		draw_too_small(app);
	} else {
		if (app->overlay == TUI_SEARCH) {
			draw_status(app);
			tui_search_draw(app);
		} else if (app->overlay == TUI_HELP) {
			tui_help_draw(app);
		} else if (app->overlay == TUI_BACKLINKS) {
			tui_backlinks_draw(app);
		} else {
			int both = !app->narrow;
			if (both || app->focus == TUI_FOCUS_CONTENTS) {
				tui_contents_load(app);
				tui_contents_draw(app);
			}
			if (both || app->focus == TUI_FOCUS_TEXT)
				tui_text_draw(app);
			if (both) {
				tui_term_style(TUI_DIM);
				mvvline(0, app->contents.rect.w, ACS_VLINE, app->rows - 1);
			}
			if (app->overlay == TUI_DEFINE && (both || app->focus == TUI_FOCUS_TEXT))
				tui_define_draw(app);
		}
		if (app->overlay == TUI_PROMPT)
			tui_prompt_draw(app);
		else if (app->overlay != TUI_SEARCH)
			draw_status(app);
	}
	if (app->cursor_y >= 0) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
	}
	tui_term_refresh();
}

/* ---- Input ------------------------------------------------------------- */

static int inside(const struct tui_rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

static void mouse(struct tui_app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || app->too_small)
		return;
	int wheel = ev.bstate & BUTTON4_PRESSED ? -1 : ev.bstate & BUTTON5_PRESSED ? 1 : 0;
	if (!wheel && !(ev.bstate & BUTTON1_PRESSED))
		return;
	if (app->overlay == TUI_SEARCH) {
		tui_search_click(app, ev.y, ev.x, wheel);
		return;
	}
	if (app->overlay == TUI_BACKLINKS) {
		tui_backlinks_click(app, ev.y, ev.x, wheel);
		return;
	}
	if (app->overlay == TUI_DEFINE) {
		app->overlay =
		    TUI_NO_OVERLAY; /* a click elsewhere closes it, and does what it does */
	} else if (app->overlay != TUI_NO_OVERLAY) {
		app->help_top += 3 * wheel;
		return;
	}
	int contents_shown = !app->narrow || app->focus == TUI_FOCUS_CONTENTS;
	if (contents_shown && inside(&app->contents.rect, ev.y, ev.x)) {
		if (wheel) {
			tui_contents_scroll(app, 3 * wheel);
		} else {
			app->focus = TUI_FOCUS_CONTENTS;
			tui_contents_click(app, ev.y, ev.x);
		}
	} else if (inside(&app->text.rect, ev.y, ev.x)) {
		if (wheel) {
			tui_text_scroll(app, ev.x, 3 * wheel);
		} else {
			app->focus = TUI_FOCUS_TEXT;
			tui_text_click(app, ev.y, ev.x);
		}
	}
}

static void history_step(struct tui_app *app, int forward)
{
	struct tui_place here, to;
	char err[512];
	tui_app_here(app, &here);
	int rc = forward ? tui_history_forward(&app->history, &here, &to)
	                 : tui_history_back(&app->history, &here, &to);
	if (rc != 0) {
		tui_app_message(app, 0,
		                forward ? _("nothing further forward") : _("nothing further back"));
		return;
	}
	app->text.focus2 = 0;
	if (tui_text_show(app, &to, err, sizeof err) != 0)
		tui_app_message(app, 1, "%s", err);
	app->focus = TUI_FOCUS_TEXT;
}

static void hide_hits(struct tui_app *app)
{
	tui_text_set_hits(app, "", "", NULL, 0);
}

static int global_key(struct tui_app *app, int key)
{
	switch (key) {
	case 'q':
	case 'Q':
		app->quit = 1;
		break;
	case '?':
		app->overlay = TUI_HELP;
		app->help_top = 0;
		break;
	case '/':
		app->overlay = TUI_SEARCH;
		if (!*app->search.msg)
			app->search.dirty = 1;
		break;
	case ':':
		app->overlay = TUI_PROMPT;
		app->prompt_kind = TUI_PROMPT_GOTO;
		app->prompt[0] = '\0';
		break;
	case '\t':
	case TUI_KEY(KEY_BTAB):
		if (tui_text_tab(app, key == '\t'))
			break;
		app->focus = app->focus == TUI_FOCUS_TEXT ? TUI_FOCUS_CONTENTS : TUI_FOCUS_TEXT;
		if (app->focus == TUI_FOCUS_CONTENTS) {
			tui_contents_load(app);
			tui_contents_follow(app);
		}
		break;
	case TUI_KEY(KEY_BACKSPACE):
	case 127:
	case TUI_CTRL('h'):
	case 'H':
		history_step(app, 0);
		break;
	case 'L':
		history_step(app, 1);
		break;
	case 'l':
		tui_text_next_language(app);
		break;
	case 'v':
		tui_text_toggle_side(app);
		break;
	case 'r':
		tui_backlinks_open(app);
		break;
	case 'n':
	case 'N':
		tui_text_step_hit(app, key == 'n');
		break;
	case TUI_ESC:
		hide_hits(app);
		break;
	default:
		return 0;
	}
	return 1;
}

static void handle_key(struct tui_app *app, int key)
{
	/* A resize is no answer to a message: it stays until the user acts. */
	if (key == TUI_KEY(KEY_RESIZE)) {
		layout(app);
		return;
	}
	app->status[0] = '\0';
	if (key == TUI_KEY(KEY_MOUSE)) {
		mouse(app);
		return;
	}
	if (key == TUI_CTRL('l')) {
		clearok(curscr, TRUE);
		return;
	}
	if (app->too_small) {
		app->quit = key == 'q' || key == 'Q';
		return;
	}
	switch (app->overlay) {
	case TUI_HELP:
		tui_help_key(app, key);
		return;
	case TUI_PROMPT:
		tui_prompt_key(app, key);
		return;
	case TUI_SEARCH:
		tui_search_key(app, key);
		return;
	case TUI_BACKLINKS:
		tui_backlinks_key(app, key);
		return;
	case TUI_DEFINE:
		tui_define_key(app, key);
		return;
	case TUI_NO_OVERLAY:
		break;
	}
	if (global_key(app, key))
		return;
	int used =
	    app->focus == TUI_FOCUS_CONTENTS ? tui_contents_key(app, key) : tui_text_key(app, key);
	if (!used && key >= ' ' && key < TUI_KEY(0))
		tui_app_message(app, 0, _("? lists the keys"));
}

static void handle_signal(struct tui_app *app, int sig)
{
	switch (sig) {
	case SIGWINCH:
		tui_term_resize();
		layout(app);
		break;
	case SIGTSTP:
		tui_term_suspend();
		break;
	case SIGCONT:
		tui_term_resume();
		layout(app);
		break;
	default: /* SIGTERM, SIGHUP, SIGINT: leave the terminal as it was found */
		app->quit = 1;
		app->exit_status = 128 + sig;
	}
}

/*
 * The library, when the store left it for later (its cache said it does not
 * hold the document on screen): opened right after the first paint, before
 * any key is read.  Nonzero when the screen changed.
 */
static int open_library(struct tui_app *app)
{
	char err[512];
	int rc = corpus_store_open_library(app->store, err, sizeof err);
	if (rc < 0) {
		tui_app_message(app, 1, "%s", err);
		return 1;
	}
	if (tui_library_unusable(app->store)) {
		tui_app_message(app, 1, _("your library is not in use: %s"),
		                corpus_store_library_error(app->store));
		return 1;
	}
	if (rc == 0 || !app->text.doc[0].id)
		return 0;
	/* The library's documents were not those its cache listed: read the place again. */
	tui_text_reread(app);
	return 1;
}

/*
 * The library is being brought up to date as it opens: say so on the status
 * line alone, since the panes may read the store, which is busy.
 */
static void show_upgrade(void *arg)
{
	struct tui_app *app = arg;
	tui_app_message(app, 0,
	                _("updating your library for this version (once; a large library takes a"
	                  " while)…"));
	app->upgrading = 1;
	draw_status(app);
	tui_term_refresh();
}

/* Bringing the library up to date is given up when the reader is told to quit. */
static int stop_upgrade(void *unused)
{
	(void)unused;
	return tui_term_quitting();
}

static void run(struct tui_app *app)
{
	draw(app);
	int changed = open_library(app);
	corpus_set_upgrade_notice(NULL, NULL, NULL);
	if (app->upgrading && !app->status_error)
		app->status[0] = '\0'; /* done */
	if (changed || app->upgrading)
		draw(app);
	app->upgrading = 0;
	while (!app->quit) {
		int sig, key, changed = 0;
		while ((sig = tui_term_signal()) > 0) {
			tui_text_complete(app); /* a taller pane shows more than the first screen */
			handle_signal(app, sig);
			changed = 1;
		}
		while (!app->quit && tui_term_key(&key)) {
			tui_text_complete(app);
			handle_key(app, key);
			changed = 1;
		}
		if (app->quit)
			break;
		/* Echo what was typed at once; the query comes after, and gives way to keys. */
		if (changed)
			draw(app);
		if (app->overlay == TUI_SEARCH && app->search.dirty && !tui_term_pending() &&
		    tui_search_run(app))
			draw(app);
		if (!tui_term_pending() && tui_text_idle(app))
			draw(app);
		if (!tui_term_pending() && !app->listed) {
			tui_contents_load(app);
			draw(app);
		}
		tui_term_wait(-1);
	}
}

/* ---- Start and end ----------------------------------------------------- */

/* The file that keeps the place between sessions, beside the user's library. */
static const char *place_file(void)
{
	static char path[4096];
	const char *lib = tui_library_path();
	const char *slash = lib ? strrchr(lib, '/') : NULL;
	if (!slash)
		return NULL;
	snprintf(path, sizeof path, "%.*s/place", (int)(slash - lib), lib);
	return path;
}

static void start_place(struct tui_app *app, const struct reader_options *o)
{
	struct tui_place p;
	char lang[16];
	if (o->goto_spec && tui_app_goto(app, o->goto_spec) == 0)
		return;
	if (!o->goto_spec && tui_place_load(place_file(), &p) == 0) {
		if (tui_app_language(app, p.doc, lang))
			snprintf(p.lang, sizeof p.lang, "%s", lang);
		if (tui_app_open(app, &p, 0) == 0) {
			app->focus = TUI_FOCUS_TEXT;
			return;
		}
		app->status[0] = '\0'; /* a document removed since: start afresh, silently */
	}
	tui_contents_load(app);
	if (!app->nids) {
		app->focus = TUI_FOCUS_TEXT; /* where the reader says how to add documents */
		return;
	}
	char keep[sizeof app->status];
	snprintf(keep, sizeof keep, "%s", app->status);
	tui_place_set(&p, app->ids[0], tui_app_language(app, app->ids[0], lang), "");
	tui_app_open(app, &p, 0);
	if (*keep)
		tui_app_message(app, 1, "%s", keep);
	app->focus = TUI_FOCUS_CONTENTS;
	tui_contents_follow(app);
}

static void finish(struct tui_app *app)
{
	struct tui_place p;
	char err[512];
	tui_app_here(app, &p);
	if (tui_place_save(place_file(), &p, err, sizeof err) < 0) {
		fputs("treaty: ", stderr);
		fprintf(stderr, _("could not keep the place: %s"), err);
		fputc('\n', stderr);
	}
	tui_contents_free(&app->contents);
	tui_text_free(&app->text);
	tui_search_free(&app->search);
	tui_backlinks_free(&app->backlinks);
	tui_define_free(&app->define);
	tui_history_free(&app->history);
	for (size_t i = 0; i < app->nids; i++)
		free(app->ids[i]);
	free(app->ids);
	corpus_store_close(app->store);
}

int tui_reader(int argc, char **argv)
{
	struct reader_options o;
	struct tui_app app;
	char err[512];
	int rc = parse_options(argc, argv, &o);
	if (rc != TUI_OK)
		return rc;
	memset(&app, 0, sizeof app);
	app.start_lang = o.lang;
	tui_bidi = o.bidi;
	if (!(app.store = tui_open_store_deferred()))
		return TUI_USAGE;
	const char *no_color = getenv("NO_COLOR");
	if (tui_term_start(o.bidi, o.mouse, !(no_color && *no_color), err, sizeof err) < 0) {
		fprintf(stderr, "treaty: %s\n", err);
		finish(&app);
		return TUI_USAGE;
	}
	layout(&app);
	/* From here the library may be opened (the place, the first paint): say so on screen. */
	corpus_set_upgrade_notice(show_upgrade, stop_upgrade, &app);
	start_place(&app, &o);
	run(&app);
	tui_term_stop();
	finish(&app);
	return app.exit_status;
}
