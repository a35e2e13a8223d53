/*
 * screen.h — the reader's state and its views, for the files that draw.
 *
 * One struct tui_app holds everything; each view keeps its part (contents,
 * text, search, prompt, help) and has a *_draw and a *_key in its own file.
 * Every pointer in these structs is owned by the struct that holds it.
 */
#ifndef TREATY_TUI_SCREEN_H
#define TREATY_TUI_SCREEN_H

#define NCURSES_WIDECHAR 1
#include <curses.h>

#include "corpus/refs.h"
#include "tui/reader.h"

/* Below this size the reader shows only a message until the terminal grows. */
#define TUI_MIN_COLS 30
#define TUI_MIN_ROWS 8
/* From this width on, the contents and the text are shown side by side. */
#define TUI_WIDE_COLS 100

/* A key: a character as itself, a curses key code above every Unicode code point. */
#define TUI_KEY(code) (0x200000 + (code))
#define TUI_CTRL(c) ((c)&0x1f)
enum { TUI_ESC = 27 };

struct tui_rect {
	int y, x, h, w;
};

/* ---- The terminal (term.c) ------------------------------------------ */

int tui_term_start(enum i18n_bidi_mode bidi, int mouse, int color, char *err, size_t errlen);
void tui_term_stop(void);
/* curses' refresh(): what was drawn goes to the terminal. */
void tui_term_refresh(void);
void tui_term_style(enum tui_style style);
/* The next key, or 0 when none is waiting. */
int tui_term_key(int *key);
/* The next signal caught (SIGWINCH, SIGTSTP, SIGCONT, SIGTERM, …), or 0. */
int tui_term_signal(void);
/* Nonzero once SIGTERM, SIGHUP or SIGINT has been caught, whether read or not. */
int tui_term_quitting(void);
/* Nonzero when a key or a signal is waiting: what a running query gives way to. */
int tui_term_pending(void);
/* Sleep until a key or a signal arrives, or timeout_ms (-1: no limit) passes. */
void tui_term_wait(int timeout_ms);
/* Take the terminal's new size into curses. */
void tui_term_resize(void);
/* Ctrl-Z: give the terminal back and stop; tui_term_resume takes it again on SIGCONT. */
void tui_term_suspend(void);
void tui_term_resume(void);

/* ---- Drawing (draw.c) ----------------------------------------------- */

/*
 * A layer of highlights to draw over a text: ranges in style, the one
 * starting at now in TUI_HIT_NOW.  Of several layers, the first that covers
 * a glyph styles it.
 */
struct tui_hl {
	const struct tui_range *r;
	size_t n;
	enum tui_style style;
	size_t now; /* (size_t)-1: none */
};

extern enum i18n_bidi_mode tui_bidi;

/*
 * Draw the line span of text at row y in the w cells from column x, indent
 * cells in from the side it starts, through the language layer (visual
 * order, visible controls).  A right-to-left line is aligned to the right
 * edge in app bidi mode.  Returns the cells drawn.
 */
int tui_draw_span(int y, int x, int w, int indent, const char *text, size_t len,
                  struct i18n_span span, enum tui_style base, const struct tui_hl *hl, size_t nhl);
/* Draw a one-line string, cut with "…" when wider than w. Returns the cells drawn. */
int tui_draw_str(int y, int x, int w, const char *s, enum tui_style style);
/* The byte of text whose glyph tui_draw_span put at column cx, or -1. */
long tui_span_byte_at(int x, int w, int indent, const char *text, size_t len, struct i18n_span span,
                      int cx);
void tui_fill(int y, int x, int w, enum tui_style style);

/* ---- The views -------------------------------------------------------- */

enum tui_focus { TUI_FOCUS_CONTENTS, TUI_FOCUS_TEXT };
/* What the prompt on the status line asks for: a place, a link number, the second column. */
enum tui_prompt_kind { TUI_PROMPT_GOTO, TUI_PROMPT_LINK, TUI_PROMPT_SIDE };
enum tui_overlay { TUI_NO_OVERLAY, TUI_SEARCH, TUI_PROMPT, TUI_HELP, TUI_BACKLINKS, TUI_DEFINE };

/* One line of a document's outline in the contents. */
struct tui_onode {
	enum corpus_kind kind;
	int depth;
	char *eid;
	char *label;   /* "2", "CHAPTER I", "Preamble" */
	char *heading; /* may be NULL */
	int collapsed;
};

struct tui_outline {
	char *id, *title;
	int partial;
	int loaded, expanded;
	struct tui_onode *node;
	size_t n;
};

/* A row of the contents: a document (node -1) or a node of its outline. */
struct tui_vrow {
	int doc, node;
};

struct tui_contents {
	struct tui_outline *doc;
	size_t ndocs;
	struct tui_vrow *row;
	size_t nrows, cur, top;
	struct tui_rect rect;
};

struct tui_text {
	struct tui_doc doc[2]; /* the document, and a second column side by side */
	int side;
	/*
	 * The second column is another document, or the same at another place:
	 * not kept in step (their articles do not correspond), but scrolled on
	 * its own from its top row top2 (a line of doc[1]) when it has the keys
	 * (focus2, given by Tab or a click).
	 */
	int other;
	size_t top2;
	int focus2;
	struct tui_rows rows;
	int links_pending; /* doc[0]'s references are read after the first paint */
	size_t top;
	/*
	 * The place last gone to, while the reader has not scrolled from it: a
	 * provision near the end of a document cannot be at the top of the pane,
	 * and it must still be where a resize or another language comes back to.
	 */
	struct tui_place anchor;
	size_t anchor_top;
	int anchored;
	long hit; /* the hit n/N stands on, -1: none */
	struct tui_rect rect;
	/* What the last opened search found in doc[0]'s document and language. */
	struct corpus_highlight *found;
	size_t nfound;
	char hit_doc[64], hit_lang[16];
};

struct tui_search {
	char query[512];
	char shown[512]; /* the query whose hits are listed */
	int dirty;       /* the hits are not yet those of query */
	struct corpus_hit *hit;
	size_t n, cur, top;
	char msg[512];
	char *suggestion; /* "did you mean" when nothing matched, owned; or NULL */
	struct tui_rect rect;
};

/* The back-links of a provision (r): what cites it, from every document. */
struct tui_backlinks {
	struct corpus_link *l; /* incoming references, treaties first */
	size_t n, cur, top;
	char title[256]; /* the provision cited: "tuitest Art. 3" */
	struct tui_rect rect;
};

/* The definition window (d): which term it shows, among the terms in view. */
struct tui_define {
	int col;     /* the column whose terms: 0, or 1 (beside) */
	size_t term; /* an index into the terms of that column's document */
	size_t *vis; /* the terms in view when it opened, in reading order */
	size_t nvis, cur;
};

struct tui_app {
	struct corpus_store *store;
	int listed; /* the contents are read: a moment after the first paint when not shown */
	const char *start_lang; /* --lang: the language to open documents in, when they have it */
	char **ids;             /* the documents, in list order */
	size_t nids;
	int rows, cols, narrow, too_small;
	enum tui_focus focus;
	enum tui_overlay overlay;
	struct tui_contents contents;
	struct tui_text text;
	struct tui_search search;
	struct tui_backlinks backlinks;
	struct tui_define define;
	char prompt[512];
	enum tui_prompt_kind prompt_kind;
	int help_top;
	struct tui_history history;
	char status[512];
	int status_error;
	int upgrading;          /* the status line says the library is being brought up to date */
	int cursor_y, cursor_x; /* where the typing cursor goes after drawing; -1: hidden */
	int quit, exit_status;
};

/* reader.c: what views ask of the reader. */
void tui_app_message(struct tui_app *app, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Where the reader is now. */
void tui_app_here(struct tui_app *app, struct tui_place *p);
/* Go to a place; push: remember where the reader was, for Backspace. */
int tui_app_open(struct tui_app *app, const struct tui_place *p, int push);
/* Go to what the go-to prompt or --goto names. */
int tui_app_goto(struct tui_app *app, const char *spec);
/* Whether doc has a version in lang. */
int tui_app_has_language(struct tui_app *app, const char *doc, const char *lang);
/* Whether word names a document of the store (a struct corpus_store *): a tui_is_doc. */
int tui_app_store_has(void *store, const char *word);
/* The language to read doc in: the one being read when doc has it (into out), else NULL. */
const char *tui_app_language(struct tui_app *app, const char *doc, char out[16]);

/* view-contents.c */
/* Read the list of documents, once; the contents then follow the text. */
void tui_contents_load(struct tui_app *app);
void tui_contents_free(struct tui_contents *c);
void tui_contents_draw(struct tui_app *app);
int tui_contents_key(struct tui_app *app, int key);
void tui_contents_click(struct tui_app *app, int y, int x);
void tui_contents_scroll(struct tui_app *app, int delta);
/* Move the cursor to the provision being read, opening what hides it. */
void tui_contents_follow(struct tui_app *app);

/* view-text.c */
void tui_text_free(struct tui_text *t);
void tui_text_draw(struct tui_app *app);
int tui_text_key(struct tui_app *app, int key);
void tui_text_click(struct tui_app *app, int y, int x);
/* The wheel: scroll the column under x (the two when they are in step). */
void tui_text_scroll(struct tui_app *app, int x, long delta);
/* The line of column col's document on row i of the pane (from 0, under the header); -1: none. */
int tui_text_line_at(const struct tui_text *t, int col, size_t i);
/*
 * Tab (forward) or Shift-Tab from where the focus is: nonzero when it moved
 * between the text and the second column, when that is another document.
 */
int tui_text_tab(struct tui_app *app, int forward);
/* Show place p, loading its document when needed. */
int tui_text_show(struct tui_app *app, const struct tui_place *p, char *err, size_t errlen);
/* Re-wrap after the pane's width changed, keeping the place. */
void tui_text_relayout(struct tui_app *app);
void tui_text_here(struct tui_app *app, struct tui_place *p);
/* l and v: the next language, and a second language side by side. */
void tui_text_next_language(struct tui_app *app);
void tui_text_toggle_side(struct tui_app *app);
/*
 * What the v prompt typed goes in the second column: "" or a language ("nl")
 * for the document in another language, kept in step; "budapest nl",
 * "uncc 7", "budapest-p1" for another document, or a place, scrolled along.
 */
void tui_text_open_side(struct tui_app *app, const char *spec);
/* n and N. */
void tui_text_step_hit(struct tui_app *app, int forward);
/* Follow the reference numbered n in the text. */
void tui_text_follow(struct tui_app *app, long n);
/*
 * Highlight what a search found in doc in lang: found[0..n), from
 * corpus_highlight(), which the text takes over (n 0: nothing).
 */
void tui_text_set_hits(struct tui_app *app, const char *doc, const char *lang,
                       struct corpus_highlight *found, size_t n);
/* The entry of the provision at the top of the pane, -1 when nothing is shown. */
int tui_text_top_entry(struct tui_app *app);
/* Work left for when no key waits (the references); nonzero when the pane changed. */
int tui_text_idle(struct tui_app *app);
/* Wrap the whole of a document of which only the first screen was: before any key is handled. */
void tui_text_complete(struct tui_app *app);
/*
 * Read the document on screen again from the store, at the same place: what
 * was read may have come from another database than the one that holds it now.
 */
void tui_text_reread(struct tui_app *app);

/* view-search.c */
void tui_search_free(struct tui_search *s);
void tui_search_draw(struct tui_app *app);
int tui_search_key(struct tui_app *app, int key);
void tui_search_click(struct tui_app *app, int y, int x, int wheel);
/* Run the query when it changed; gives way (and stays pending) when a key arrives. */
int tui_search_run(struct tui_app *app);

/* view-backlinks.c */
/* r: list what cites the provision being read; a message when nothing does. */
void tui_backlinks_open(struct tui_app *app);
void tui_backlinks_free(struct tui_backlinks *b);
void tui_backlinks_draw(struct tui_app *app);
int tui_backlinks_key(struct tui_app *app, int key);
void tui_backlinks_click(struct tui_app *app, int y, int x, int wheel);

/* view-define.c */
/* d: the definition of the first defined term in view; a message when there is none. */
void tui_define_open(struct tui_app *app);
/* The definition of term (an index into the document's terms), as a click asks. */
void tui_define_show(struct tui_app *app, int col, size_t term);
void tui_define_free(struct tui_define *w);
void tui_define_draw(struct tui_app *app);
int tui_define_key(struct tui_app *app, int key);

/* view-prompt.c: the go-to prompt on the status line. */
void tui_prompt_draw(struct tui_app *app);
int tui_prompt_key(struct tui_app *app, int key);
/* Line editing shared by the prompt and the search line; nonzero when key edited buf. */
int tui_edit_key(char *buf, size_t size, int key);

/* view-help.c */
void tui_help_draw(struct tui_app *app);
int tui_help_key(struct tui_app *app, int key);

#endif
