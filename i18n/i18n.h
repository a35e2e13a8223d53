/*
 * i18n.h — the language layer: everything that depends on Unicode, built on ICU.
 *
 * This module knows nothing of treaties or of the screen.  It offers:
 *   - conversion of input bytes to UTF-8 (charset detection) and validation;
 *   - search analysis: folding, and the FTS5 tokenizer registered on a connection;
 *   - display: width in terminal cells, line wrapping (UAX #14), bidi layout of a
 *     line in visual order with Arabic shaping, and sanitising of untrusted text.
 *
 * Conventions: functions that can fail return 0 on success and -1 on failure,
 * writing a message into err[errlen] when err is not NULL.  Byte offsets are
 * offsets into the caller's UTF-8 text.  Memory returned through an out-pointer
 * is owned by the caller and released with free() unless a *_free() is named.
 */
#ifndef TREATY_I18N_H
#define TREATY_I18N_H

#include <stddef.h>

struct sqlite3;

/* ---- Input text ------------------------------------------------------- */

/*
 * Turn the bytes of an input file into UTF-8.  Valid UTF-8 is kept as is
 * (a leading byte-order mark is dropped, since it is not text).  Anything else
 * is identified with ICU's charset detection and converted when the detector is
 * confident; otherwise it is refused, naming the line of the first bad byte.
 * *out (NUL-terminated, caller frees) and *out_len receive the text; *charset,
 * when not NULL, receives a static name of the encoding found.
 */
int i18n_to_utf8(const char *bytes, size_t len, char **out, size_t *out_len,
		 const char **charset, char *err, size_t errlen);

/* Nonzero when s[0..len) is well-formed UTF-8; otherwise 0 and *bad = offset. */
int i18n_utf8_valid(const char *s, size_t len, size_t *bad);

/* ---- Search analysis -------------------------------------------------- */

/*
 * Register the "treaty" FTS5 tokenizer on db.  Its one argument is the
 * language code of the text ("en", "fr", "es", "ru", "ar", "zh", "nl", or
 * "und" for no stemming): FTS5 cannot pass a language per row, so the store
 * keeps one FTS table per language.
 */
int i18n_fts5_register(struct sqlite3 *db, char *err, size_t errlen);

/*
 * The value of the tokenize= option for an FTS table holding text in lang.
 * Static storage.
 */
const char *i18n_fts5_tokenize_spec(const char *lang);

/* ---- Display ---------------------------------------------------------- */

enum i18n_bidi_mode {
	I18N_BIDI_APP,      /* we reorder and shape; the terminal must not */
	I18N_BIDI_TERMINAL, /* logical order; the terminal reorders */
	I18N_BIDI_OFF       /* logical order, no shaping */
};

/* Count East-Asian-ambiguous characters as two cells (default: one). */
void i18n_set_ambiguous_wide(int wide);

/* Width of s[0..len) in terminal cells, after sanitising, by grapheme cluster. */
int i18n_width(const char *s, size_t len);

/* A byte range [start, end) of a text. */
struct i18n_span {
	size_t start, end;
};

/*
 * Break s[0..len) into lines of at most width cells, at UAX #14 opportunities
 * (hard breaks at '\n'); a cluster wider than the line is put alone on a line.
 * Trailing spaces of a line are inside its span but not counted in its width.
 * *lines receives *n spans in order (caller frees).
 */
int i18n_wrap(const char *s, size_t len, int width, struct i18n_span **lines, size_t *n);

/* One grapheme cluster, as it is to be drawn. */
struct i18n_glyph {
	size_t src, src_len; /* where it comes from in the logical text */
	size_t out, out_len; /* what to draw: bytes in the layout's text */
	int width;           /* cells it takes */
	int mark;            /* nonzero: out is a visible stand-in for a control */
};

/* A line ready to draw, glyphs in visual order, left to right. */
struct i18n_layout {
	char *text; /* the bytes glyphs point into (sanitised, shaped) */
	struct i18n_glyph *glyphs;
	size_t n;
	int width; /* total cells */
	int rtl;   /* the paragraph's base direction is right-to-left */
};

/*
 * Lay out the line para[line.start..line.end) of a paragraph for drawing.
 * The paragraph's direction is taken from its first strong character.  In
 * I18N_BIDI_APP mode the glyphs come in visual order with mirrored brackets
 * and Arabic shaped; otherwise in logical order.  Controls (C0, C1, DEL, ESC
 * sequences' bytes) and bidi controls (U+202A–202E, U+2066–2069) become
 * visible marks, so nothing in the text can drive the terminal.
 * Release with i18n_layout_free().
 */
int i18n_layout_line(const char *para, size_t para_len, struct i18n_span line,
		     enum i18n_bidi_mode mode, struct i18n_layout *out);
void i18n_layout_free(struct i18n_layout *layout);

#endif
