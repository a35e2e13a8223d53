/*
 * reader.h — what the files of the full-screen reader share.
 *
 * The reader is built in the ncdu manner: one event loop (reader.c) owns
 * input, resizing and signals; each view has its own file with a *_draw and a
 * *_key; the model files (place.c, doc.c, snippet.c, goto.c) never include
 * curses, so they can be tested without a terminal.
 *
 * Ownership: every struct here owns the strings and arrays it points to,
 * released by its *_free; const pointers are borrowed.
 */
#ifndef TREATY_TUI_READER_H
#define TREATY_TUI_READER_H

#include <stddef.h>

#include "corpus/corpus.h"
#include "i18n/i18n.h"

/* What a run of text is on screen; term.c maps each to attributes. */
enum tui_style {
	TUI_BODY,
	TUI_HEADING, /* chapter and article labels and headings */
	TUI_LINK,    /* something to follow: article headings in the contents */
	TUI_HIT,     /* a search hit in the text or a snippet */
	TUI_HIT_NOW, /* the hit n/N stands on */
	TUI_MARK,    /* a visible stand-in for a control character */
	TUI_HEADER,  /* the sticky header of the reading pane */
	TUI_STATUS,  /* the status line */
	TUI_ERROR,   /* an error in the status line */
	TUI_SELECT,  /* the cursor in a list */
	TUI_CURRENT, /* the contents entry being read */
	TUI_DIM,     /* secondary information: counts, hints, "partial" */
	TUI_TERM,    /* a use of a term the document defines */
	TUI_NSTYLES
};

/* ---- Places and history (place.c) ----------------------------------- */

/*
 * A place: the unit of navigation.  The scroll position is kept as the
 * provision at the top of the pane, which of its paragraphs, and the byte of
 * that paragraph where the top line starts: at the same width it gives back
 * the same top line; at another width, the line holding the same words; in
 * another language, the same provision.
 */
struct tui_place {
	char doc[64];
	char lang[16];
	char eid[192]; /* "" for the start of the document */
	int part;      /* paragraph of the provision, from 0 */
	int byte;      /* where the top line starts in it; -1: the blank row before it */
};

/* A place at the start of provision eid (NULL or "": of the document). */
void tui_place_set(struct tui_place *p, const char *doc, const char *lang, const char *eid);

/* Places visited, as in a browser: at[pos] is where the reader is now. */
struct tui_history {
	struct tui_place *at;
	size_t n, pos, cap;
};

int tui_history_init(struct tui_history *h, const struct tui_place *start);
void tui_history_free(struct tui_history *h);
/* Leave here (its exact scroll kept) for to; what was forward of here is dropped. */
int tui_history_push(struct tui_history *h, const struct tui_place *here,
                     const struct tui_place *to);
/* Step back or forward from here into *to; 1 when there is nowhere to go. */
int tui_history_back(struct tui_history *h, const struct tui_place *here, struct tui_place *to);
int tui_history_forward(struct tui_history *h, const struct tui_place *here, struct tui_place *to);

/* The place kept between sessions, in a small text file. 1: none kept. */
int tui_place_load(const char *path, struct tui_place *p);
int tui_place_save(const char *path, const struct tui_place *p, char *err, size_t errlen);

/* ---- Search snippets (snippet.c) ------------------------------------ */

/* A byte range [start, end) of a text. */
struct tui_range {
	size_t start, end;
};

/* A snippet without its marks, and the ranges the marks enclosed.  Caller frees both. */
char *tui_snippet_plain(const char *snippet, struct tui_range **ranges, size_t *n);

/* ---- Cross-references (links.c) -------------------------------------- */

/* A reference in a provision's text, numbered for following. */
struct tui_link {
	int entry;      /* the citing provision */
	size_t at, end; /* the reference in its stored text, bytes */
	char *text;     /* as written */
	char *doc;      /* the (first) target document; NULL: outside the corpus */
	char *eid;      /* the (first) target provision; NULL: the whole document */
	int targets;    /* provisions named ("Articles 2 through 11": 10) */
	int resolved, external;
	/* Where it is shown, once composed: */
	int para;
	struct tui_range shown;  /* the reference in the paragraph */
	struct tui_range number; /* its "[n]", just before */
};

struct tui_doc;
/* Read d's references from the store into d->link, in document order, one per span. */
int tui_links_load(struct tui_doc *d, struct corpus_store *s, char *err, size_t errlen);
void tui_links_free(struct tui_link *l, size_t n);
/*
 * label, a space and text, with "[n]" put before each of the n links of
 * text (sorted, not overlapping), numbered from first_number; their shown and
 * number ranges are filled in.  *len receives the length.  Caller frees.
 */
char *tui_links_compose(const char *label, const char *text, struct tui_link *l, size_t n, int para,
                        int first_number, size_t *len);

/* ---- A document laid out for reading (doc.c) ------------------------- */

/* One paragraph as shown: a label, a heading, or a provision's text. */
struct tui_para {
	int entry; /* index into the document's entries */
	enum tui_style style;
	int indent;       /* cells from the start edge */
	int blank_before; /* a blank row separates it from what precedes */
	char *text;       /* composed from the stored fields, never altered within them */
	size_t len;
	struct tui_range *hits; /* search hits, sorted */
	size_t nhits;
	/* Which stored field it shows, for placing the store's byte ranges of hits: */
	int heading;  /* the provision's heading, as stored */
	long text_at; /* where the provision's stored text starts in it; -1: it holds none */
	struct tui_range *links, *numbers; /* its references and their numbers, sorted */
	size_t nlinks;
	size_t first_link;      /* index in the document's links of the first */
	struct tui_range *uses; /* uses of defined terms, sorted */
	size_t *use_term;       /* per use, its term: an index into the document's terms */
	size_t nuses;
};

/* One row of a wrapped document. */
struct tui_line {
	int para; /* -1: a blank row */
	int entry;
	struct i18n_span span;
};

/* A search hit's place in the wrapped document, in reading order. */
struct tui_hitpos {
	int para;
	size_t start;
	size_t line;
};

struct tui_doc {
	char *id, *lang;
	struct corpus_entry *e;
	size_t n;
	int *article; /* per entry: the article (or top-level provision) it belongs to */
	int narticles;
	struct tui_para *p;
	size_t np;
	/* after tui_doc_wrap: */
	int width;
	struct tui_line *l;
	size_t nl;
	size_t *first_line; /* per entry, its first row; n+1 entries, the last = nl */
	size_t *first_para; /* per entry, its first paragraph; n+1 entries, the last = np */
	int partial;        /* only one screen's paragraphs are wrapped (tui_doc_wrap_screen) */
	/* after tui_doc_load_window: only what the first screen needs is held */
	int window;
	int units, units_before; /* the whole's ] [ units, and those before the entries held */
	/* after tui_doc_mark: */
	struct tui_hitpos *hit;
	size_t nhit;
	struct tui_link *link; /* numbered from 1 in this order */
	size_t nlink;
	/* after tui_doc_mark_terms: */
	struct corpus_term *term; /* the terms the document defines, in its language */
	size_t nterm;
};

/*
 * Read doc in lang (NULL: its first language) from the store, with its
 * references numbered when links is nonzero.  1: no such document.
 */
int tui_doc_load(struct tui_doc *d, struct corpus_store *s, const char *doc, const char *lang,
                 int links, char *err, size_t errlen);
/*
 * Read only what the first screen at eid needs (corpus_get_window, rows
 * entries from eid on), and set d->window: reading a whole convention costs
 * more than the rest of showing one screen of it.  Every entry held is
 * composed as in the whole document; tui_doc_load reads the whole before
 * anything but the first screen is asked of d.  1 when a window cannot show
 * eid (no such provision, or text that takes its indent from the entry before
 * it): read the whole then.
 */
int tui_doc_load_window(struct tui_doc *d, struct corpus_store *s, const char *doc,
                        const char *lang, const char *eid, size_t rows, char *err,
                        size_t errlen);
void tui_doc_free(struct tui_doc *d);
/* Read the document's references and compose it again with their numbers. */
int tui_doc_add_links(struct tui_doc *d, struct corpus_store *s, char *err, size_t errlen);
/*
 * Read the terms d defines and mark their uses in every paragraph (again
 * after tui_doc_add_links, which composes the paragraphs anew).  A document
 * that defines nothing, or a language without analysis, marks nothing.
 */
int tui_doc_mark_terms(struct tui_doc *d, struct corpus_store *s, char *err, size_t errlen);
/* Where byte of paragraph part of entry is after tui_doc_add_links put numbers before it. */
int tui_doc_shift(const struct tui_doc *d, int entry, int part, int byte);
/* Wrap every paragraph to width cells; the hits found by tui_doc_mark are located again. */
int tui_doc_wrap(struct tui_doc *d, int width);
/*
 * Wrap only what a screen of rows shows from paragraph part of entry on, and
 * set d->partial: line breaking a whole convention costs more than the rest
 * of opening it, so the reader paints this first and wraps the whole
 * (tui_doc_wrap) before the next key is handled.  With d->window, 1 when the
 * screen would show more than the window holds: read the whole then.
 */
int tui_doc_wrap_screen(struct tui_doc *d, int width, int entry, int part, size_t rows);
/* The indent of paragraph p as wrapped: narrow panes take it from the indent first. */
int tui_doc_indent(const struct tui_doc *d, const struct tui_para *p);
/*
 * The entry of eid, or of its nearest ancestor that exists ("art_5__para_2"
 * for a missing "art_5__para_2__point_z"); -1 when none does.
 */
int tui_doc_find(const struct tui_doc *d, const char *eid);
/* The entry at which the n-th article (0-based) of the document starts, -1 if none. */
int tui_doc_article_entry(const struct tui_doc *d, int n);
/* Position of entry's article among the document's articles (0-based), -1 if none. */
int tui_doc_article_index(const struct tui_doc *d, int entry);
/* How many units ] and [ step through: articles, or top-level parts when there are none. */
int tui_doc_units(const struct tui_doc *d);
/*
 * Highlight the hits h[0..n) that corpus_highlight() found in d's document
 * and language (others are passed over), each range placed in the paragraph
 * that shows its field, after the label and the reference numbers; n 0
 * clears the highlights.
 */
int tui_doc_mark(struct tui_doc *d, const struct corpus_highlight *h, size_t n);

/*
 * The rows of the reading pane: one document, or two side by side with each
 * provision starting on the same row in both (the shorter padded), so that
 * scrolling one scrolls the other to the same provision.
 */
struct tui_rows {
	int (*line)[2]; /* per row, the line of each column or -1 */
	size_t n;
	size_t *row_of[2]; /* per line of each column, its row */
};

int tui_rows_build(struct tui_rows *r, const struct tui_doc *a, const struct tui_doc *b);
void tui_rows_free(struct tui_rows *r);
/* The place at row top; and the row of a place (clamped to its provision). */
void tui_rows_place(const struct tui_rows *r, const struct tui_doc *a, const struct tui_doc *b,
                    size_t top, struct tui_place *p);
size_t tui_rows_find(const struct tui_rows *r, const struct tui_doc *a, const struct tui_doc *b,
                     const struct tui_place *p);
/* The first row of entry of column col's document (its block, blank row included). */
size_t tui_rows_entry_row(const struct tui_rows *r, const struct tui_doc *d, int col, int entry);

/* ---- Going to a provision (goto.c) ---------------------------------- */

/* Whether word (lowercase) names a document; ctx is the caller's. */
typedef int (*tui_is_doc)(void *ctx, const char *word);

/*
 * Read what the user typed at the go-to prompt — "art 5(2)(b)" (in the
 * current document), "budapest 2", "uncc 7", or an identifier — into a
 * document and an eid ("" for the start of a document).  A first word that
 * is_doc knows names the document; otherwise cur_doc (may be NULL) is meant.
 * -1 with a message when it is not a place.
 */
int tui_goto_parse(const char *spec, tui_is_doc is_doc, void *ctx, const char *cur_doc,
                   char doc[64], char eid[192], char *err, size_t errlen);

#endif
