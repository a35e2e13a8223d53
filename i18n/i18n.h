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
#include <stdint.h>

struct sqlite3;
struct fts5_api;

/* ---- Input text ------------------------------------------------------- */

/*
 * Turn the bytes of an input file into UTF-8.  Valid UTF-8 is kept as is
 * (a leading byte-order mark is dropped, since it is not text).  Anything else
 * is identified with ICU's charset detection and converted when the detector is
 * confident; otherwise it is refused, naming the line of the first bad byte.
 * *out (NUL-terminated, caller frees) and *out_len receive the text; *charset,
 * when not NULL, receives a static name of the encoding found.
 */
int i18n_to_utf8(const char *bytes, size_t len, char **out, size_t *out_len, const char **charset,
                 char *err, size_t errlen);

/* Nonzero when s[0..len) is well-formed UTF-8; otherwise 0 and *bad = offset. */
int i18n_utf8_valid(const char *s, size_t len, size_t *bad);

/*
 * Guess the language of a text from its letters: the script for Arabic,
 * Chinese and Russian, frequent short words for the Latin-script languages
 * (en, fr, es, nl).  Returns a static ISO 639-1 code, or NULL when unsure.
 */
const char *i18n_guess_language(const char *text, size_t len);

/* ---- Untrusted text -------------------------------------------------- */

/*
 * Nonzero for a code point that must never reach a terminal as itself:
 * C0 controls but line feed and tab, DEL, C1 controls, and the bidi
 * embedding/override/isolate controls U+202A–202E and U+2066–2069.
 */
int i18n_is_unsafe(int32_t c);

/*
 * The visible stand-in for an unsafe code point (c < 0: an invalid byte) into
 * out[16]: a Control Picture (␛ for ESC) for C0 and DEL, "<U+202E>" for the
 * others, U+FFFD for a bad byte.  Returns its length in bytes.
 */
int i18n_stand_in(int32_t c, char out[16]);

/* A copy of s[0..len) with every unsafe code point replaced by its stand-in. Caller frees. */
char *i18n_visible(const char *s, size_t len);

/* ---- Search analysis -------------------------------------------------- */

/*
 * Register the "treaty" FTS5 tokenizer on db (every connection that reads or
 * writes a table using it needs this).  Its one argument is the language code
 * of the text ("en", "fr", "es", "ru", "ar", "zh", "nl", or "und" for no
 * stemming): FTS5 cannot pass a language per row, so the store keeps one FTS
 * table per language.  Per word: ICU word segmentation (Han and kana one
 * character a token, so every substring is found as a phrase), NFKC case
 * folding, diacritics and Arabic vowel marks removed, letter variants and
 * digits unified, French/Dutch elision (l', d', qu') taken off, and Snowball
 * stemming except for the last word of a prefix query; in an Arabic query a
 * word ending in ه or ة also matches its other spelling.  Offsets reported to
 * FTS5 are the word's bytes in the stored text, so highlight() and snippet()
 * mark exactly what the reader sees.
 */
int i18n_fts5_register(struct sqlite3 *db, char *err, size_t errlen);

/*
 * The Snowball stemmers are opened (libstemmer, by dlopen) when the first
 * stemming analysis is made, not at start-up.  0 when they can be used;
 * otherwise -1 and the reason in err (the library missing, say).  What
 * indexes or searches asks first: through FTS5 a tokenizer that cannot start
 * is only "error in tokenizer constructor".
 */
int i18n_stemmers_open(char *err, size_t errlen);

/*
 * A phrase of a query that begins with this (U+E000, a private-use
 * character) is one token as the index holds it, already folded and
 * stemmed, and is matched as it is: "\"" I18N_INDEXED_TERM "gegeven\"" finds
 * the index's "gegeven", which stemming again would make "gegev".  A prefix
 * query would find it too, with every longer term, which in a large index
 * costs far more.
 */
#define I18N_INDEXED_TERM "\xEE\x80\x80"

/* db's FTS5 interface, for registering more of its functions; NULL without FTS5. Not owned. */
struct fts5_api *i18n_fts5_api(struct sqlite3 *db);

/*
 * The version of the analysis above: raised whenever some text's tokens
 * change (folding, stemming, word breaks, what is indexed), because an index
 * is only right for the analysis that made it, and FTS5 removes a row by
 * tokenizing it again.  A database records the version its index was made
 * with; tests/fixtures/tokenizer-golden.txt records it with a hash of the
 * goldens, so that changing them without raising it fails a test.
 */
#define I18N_ANALYSIS_VERSION 1

/*
 * The value of the tokenize= option for an FTS table holding text in lang
 * ("treaty fr"); "treaty und" for a language without its own analysis.
 * Static storage.
 */
const char *i18n_fts5_tokenize_spec(const char *lang);

/* Flag for the folding functions: stem the words as the index does. */
#define I18N_FOLD_STEM 1

/*
 * Fold s[0..len) (UTF-8; any bytes are safe) in language lang exactly as the
 * tokenizer does, writing the words joined by single spaces, NUL-terminated,
 * into out[outlen] (a Han text gives one character a word).  Without
 * I18N_FOLD_STEM the words are folded but not stemmed ("Données" → "donnees"),
 * with it they are what the index holds ("donne").  Use it to compare what a
 * user typed with the index vocabulary ("did you mean") or to match defined
 * terms.  Returns the length written, or -1 for an unknown language, an out
 * too small, or no memory.  Opens an ICU iterator per call: for many words
 * use an i18n_folder.
 */
int i18n_fold_word(const char *lang, const char *s, size_t len, int flags, char *out,
                   size_t outlen);

/* The same with the analyser kept open; NULL with a message for an unknown language. */
struct i18n_folder;
struct i18n_folder *i18n_folder_new(const char *lang, char *err, size_t errlen);
int i18n_folder_fold(struct i18n_folder *f, const char *s, size_t len, int flags, char *out,
                     size_t outlen);
void i18n_folder_free(struct i18n_folder *f);

/* ---- Display ---------------------------------------------------------- */

/*
 * Text becomes screen cells in three steps: i18n_wrap() cuts a paragraph into
 * lines, i18n_layout_line() turns one line into glyphs in the order they are
 * drawn, and the caller draws each glyph's bytes with ncursesw.
 *
 * Cells.  A grapheme cluster is never split.  Its width is the sum of what
 * ncursesw (through the C library's wcwidth) gives the code points that are
 * actually drawn for it: combining marks, variation selectors, ZWJ and other
 * zero-width characters 0; East Asian Wide and Fullwidth 2; East Asian
 * Ambiguous 1, or 2 after i18n_set_ambiguous_wide(1); everything else 1.
 * Emoji sequences follow the same rule, because ncursesw puts every spacing
 * code point in cells of its own: U+263A U+FE0F is 1 cell, a ZWJ family of
 * three people 6, a flag 2.  A terminal that draws such a sequence as one
 * glyph leaves a gap; the screen model stays right, which matters more.
 * A combining mark with no base (at the start of a line, after a control)
 * is drawn on U+25CC DOTTED CIRCLE, as the Unicode Standard recommends.
 *
 * Untrusted text.  Nothing in a layout can drive the terminal: its text has
 * no byte below 0x20, no 0x7F and no C1 code point.  These become visible
 * stand-ins (i18n_stand_in(), the same as i18n_visible() prints), flagged
 * with glyph.mark so the TUI can style them:
 *   - C0 controls U+0000–U+001F: the control pictures U+2400–U+241F (␀ … ␛ …),
 *     DEL: ␡ (U+2421); ESC is one of them, so an escape sequence shows as
 *     "␛[31m" and does nothing;
 *   - C1 controls U+0080–U+009F, the bidi embeddings, overrides and isolates
 *     U+202A–U+202E and U+2066–U+2069, and (in a layout only, since wcwidth()
 *     refuses them) code points unassigned in Unicode 15 and noncharacters:
 *     a bracketed code such as "<U+202E>";
 *   - bytes that are not UTF-8: U+FFFD, one per ill-formed sequence (the
 *     Unicode Standard's "maximal subpart" practice).
 * The bidi controls so shown also lose their effect (they count as neutral),
 * so a document cannot make its displayed text differ from its stored text.
 * The implicit marks U+200E LRM, U+200F RLM and U+061C ALM are kept and take
 * part in bidi: they cannot reorder letters, Arabic documents use them to
 * place punctuation, and showing them would clutter every such line.  They
 * are drawn as nothing, as are the other default-ignorable code points that
 * stand alone (ZWSP, word joiner, BOM) and U+2028/U+2029.
 * A tab is drawn as spaces up to the next multiple of 8 cells from the start
 * of the line (not a mark: legal texts use tabs after paragraph numbers).
 * A soft hyphen (U+00AD) is drawn as nothing, or as "-" when a line ends at it.
 *
 * Thread safety: the display functions keep their ICU iterators and scratch
 * buffers per thread.  i18n_set_ambiguous_wide() is process-wide: set it
 * before drawing, and wrap again after changing it.
 */

enum i18n_bidi_mode {
	I18N_BIDI_APP,      /* we reorder, mirror and shape; the terminal must not */
	I18N_BIDI_TERMINAL, /* logical order, Arabic shaped; the terminal reorders */
	I18N_BIDI_OFF       /* logical order, no shaping: the text as stored */
};

/* Count East-Asian-ambiguous characters as two cells (default: one). */
void i18n_set_ambiguous_wide(int wide);

/*
 * Width of s[0..len) in terminal cells, as one line from column 0: the sum
 * of its clusters' cells by the rules above, spaces at the end included
 * (a '\n' in s counts as its mark ␊, a soft hyphen as 0).  -1 only when
 * memory or ICU fails.
 */
int i18n_width(const char *s, size_t len);

/* A byte range [start, end) of a text. */
struct i18n_span {
	size_t start, end;
};

/*
 * Break s[0..len) into lines of at most width cells (width < 1 counts as 1)
 * at UAX #14 line-break opportunities that are also grapheme cluster
 * boundaries: Chinese between characters but not before closing punctuation,
 * Latin and Cyrillic at spaces.  A word wider than the line is cut at cluster
 * boundaries; a cluster wider than the line is put alone on a line.
 * A '\n' (or "\r\n") ends a line and belongs to no span; the other mandatory
 * breaks (CR, VT, FF, NEL, U+2028, U+2029) end a line and stay at the end of
 * its span.  A final '\n' starts no new line, so "" has no lines, "a\n" one,
 * "a\n\n" two.  Spaces (U+0020) at the end of a line are inside its span but
 * take no cells (the layout gives them width 0); a line that ends at a soft
 * hyphen counts one cell for the "-" drawn there.
 * *lines receives *n spans in order (caller frees).  Returns 0, or -1 with a
 * message in err when memory or ICU fails.
 */
int i18n_wrap(const char *s, size_t len, int width, struct i18n_span **lines, size_t *n, char *err,
              size_t errlen);

/* One grapheme cluster, as it is to be drawn. */
struct i18n_glyph {
	size_t src, src_len; /* where it comes from: bytes of the paragraph */
	size_t out, out_len; /* what to draw: bytes of the layout's text (may be 0) */
	int width;           /* cells it takes */
	int mark;            /* nonzero: out is a visible stand-in for a control */
};

/*
 * A line ready to draw, glyphs in visual order, left to right.  The glyphs'
 * src ranges cover the line's span exactly once, so a byte range of the
 * paragraph (a search hit, a link) is highlighted by testing each glyph's src.
 * A lam-alef pair shaped into one ligature is one glyph whose src covers both
 * letters: such a line is one cell narrower than i18n_wrap() counted it.
 */
struct i18n_layout {
	char *text; /* glyphs' out bytes, in visual order, NUL-terminated */
	struct i18n_glyph *glyphs;
	size_t n;
	int width; /* total cells */
	int rtl;   /* the paragraph's base direction is right-to-left: align right */
};

/*
 * Lay out the line para[line.start..line.end) of a paragraph for drawing
 * (line is normally one of i18n_wrap()'s spans of the same text).  The
 * direction of each paragraph of para (text between '\n's) is taken from its
 * first strong character, left-to-right when it has none.  In I18N_BIDI_APP
 * mode the glyphs come in visual order (UAX #9, ICU) with mirrored brackets
 * and Arabic shaped into presentation forms for terminals that do not shape;
 * I18N_BIDI_TERMINAL shapes but keeps logical order; I18N_BIDI_OFF keeps
 * logical order and the stored characters.  Returns 0, or -1 with a message
 * in err: memory or ICU failed, the span is outside para or not between
 * characters, or (I18N_BIDI_APP) it crosses a '\n'.  Release with
 * i18n_layout_free(), which also accepts a zeroed or already freed layout.
 */
int i18n_layout_line(const char *para, size_t para_len, struct i18n_span line,
                     enum i18n_bidi_mode mode, struct i18n_layout *out, char *err, size_t errlen);
void i18n_layout_free(struct i18n_layout *layout);

/*
 * Bytes to send the terminal for a bidi mode: the prelude when the TUI starts
 * and when it resumes after a suspend, the restore when it exits and before it
 * suspends.  I18N_BIDI_APP's prelude is "\033[8l" (ECMA-48 BDSM reset: VTE-style
 * terminals stop reordering what we already reordered) and its restore is
 * "\033[8h"; I18N_BIDI_TERMINAL's prelude is "\033[8h" (the terminal reorders)
 * and its restore ""; I18N_BIDI_OFF sends nothing.  Terminals without bidi
 * ignore both.  Static storage.
 */
const char *i18n_bidi_terminal_prelude(enum i18n_bidi_mode mode);
const char *i18n_bidi_terminal_restore(enum i18n_bidi_mode mode);

#endif
