/*
 * display-internal.h — what the display files of i18n/ share, and what the
 * conformance tests reach below the public API.  Not for corpus/ or tui/.
 *
 * Text is handed to ICU as UTF-16; every unit remembers the byte offset of
 * the UTF-8 it came from, so results travel back as byte offsets.
 */
#ifndef TREATY_DISPLAY_INTERNAL_H
#define TREATY_DISPLAY_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <unicode/ubidi.h>
#include <unicode/ubrk.h>

/* UTF-8 loaded as UTF-16.  Buffers grow and are reused; owned by the struct. */
struct dsp_text {
	const char *src; /* the UTF-8 loaded (not owned: it must outlive the use) */
	UChar *u;        /* n units; each ill-formed UTF-8 sequence becomes U+FFFD */
	size_t *off;     /* off[i]: byte offset of unit i; off[n] = the text's length */
	int32_t n;
	int32_t cap;
};

/* Load s[0..len); -1 when memory fails or the text exceeds INT32_MAX units. */
int dsp_text_load(struct dsp_text *t, const char *s, size_t len);
void dsp_text_free(struct dsp_text *t);

/* Nonzero when unit i is a U+FFFD standing for bytes that are not UTF-8. */
int dsp_text_bad(const struct dsp_text *t, int32_t i);

/* The unit at byte offset off (the first of a pair), or -1 when off is inside one. */
int32_t dsp_text_unit(const struct dsp_text *t, size_t off);

/*
 * How a grapheme cluster is drawn.  A cluster is a control, a mark or one
 * base with what combines with it; ICU's character break iterator finds it.
 */
enum dsp_kind {
	DSP_TEXT,    /* drawn as its characters (maybe on a dotted circle) */
	DSP_MARK,    /* a control or bad byte, drawn as a visible stand-in */
	DSP_SPACE,   /* one U+0020: hangs at the end of a line */
	DSP_TAB,     /* spaces to the next tab stop */
	DSP_NEWLINE, /* "\n" or "\r\n": a line ends here */
	DSP_SHY,     /* soft hyphen: nothing, or "-" at the end of a line */
	DSP_NOTHING  /* takes no cell and is not drawn */
};

#define DSP_TAB_STOP 8

/* A growable byte buffer; owned by the struct. */
struct dsp_buf {
	char *s;
	size_t len, cap;
};

int dsp_buf_put(struct dsp_buf *b, const char *s, size_t n);
int dsp_buf_put_cp(struct dsp_buf *b, UChar32 c);

/* Unit drawn as part of a ligature before it: see layout.c (never in text). */
#define DSP_ABSORBED 0xFFFF

/*
 * Classify the cluster t->u[a..b) and give its width when it starts at
 * column col (a tab's width depends on it; a soft hyphen counts 0 here).
 * When out is not NULL, append the UTF-8 bytes to draw for it, taking the
 * characters from draw[0..b-a) (the cluster itself, or a shaped and mirrored
 * copy of the same length, where DSP_ABSORBED units are skipped) and the
 * origin of each unit from t.  A mark sets *mark.
 * Returns the width, or -1 when out cannot grow.
 */
int dsp_cluster(const struct dsp_text *t, const UChar *draw, int32_t a, int32_t b, int col,
		enum dsp_kind *kind, int *mark, struct dsp_buf *out);

/* Cells of one code point as ncursesw counts it (0, 1 or 2). */
int dsp_cp_width(UChar32 c);

/* Nonzero when c is shown as a stand-in: see "Untrusted text" in i18n.h. */
int dsp_is_control(UChar32 c);

/* Append (out may be NULL) the stand-in for c, or for an ill-formed sequence; its width. */
int dsp_mark(struct dsp_buf *out, UChar32 c, int bad_byte);

/*
 * The per-thread break iterators: character (grapheme clusters) and line
 * (UAX #14), opened on first use and kept.  NULL when ICU cannot open them.
 */
UBreakIterator *dsp_char_iter(void);
UBreakIterator *dsp_line_iter(void);

/*
 * The end of the grapheme cluster of u[0..n) that starts at i, with it
 * already set on u.  Between two ASCII characters there is always a boundary
 * but in "\r\n", so most of a Latin text needs no rules at all.
 */
int32_t dsp_next_cluster(UBreakIterator *it, const UChar *u, int32_t n, int32_t i);

/* Per-thread scratch text, for functions that do not keep their text. */
struct dsp_text *dsp_scratch_text(void);

/* One grapheme cluster of an analysed text. */
struct dsp_cl {
	int32_t start; /* its first unit */
	int32_t width; /* cells at column 0 */
	uint8_t kind;  /* enum dsp_kind */
	uint8_t brk;   /* line break before it: 0 none, 1 allowed, 2 mandatory */
};

/* The clusters of a text; c[n] is a sentinel at the end (start = text's n). */
struct dsp_clusters {
	struct dsp_cl *c;
	int32_t n, cap;
};

struct dsp_clusters *dsp_scratch_clusters(void);

/*
 * Cut t into grapheme clusters (ICU character break iterator) with their
 * widths and kinds; with breaks, also mark the line-break opportunities that
 * i18n_wrap() uses: ICU's (UAX #14), except those inside a cluster, which the
 * display never splits.  Returns 0, or -1 when memory or ICU fails.
 */
int dsp_analyse(const struct dsp_text *t, struct dsp_clusters *cs, int breaks);

/*
 * Bidi, as i18n_layout_line() does it: dsp_bidi_para() resolves the
 * paragraphs of u[0..n) (level: UBIDI_DEFAULT_LTR, 0 or 1; neutral: make the
 * stand-in controls neutral, as the display does); dsp_bidi_line() gives
 * the levels of u[start..limit) with rule L1 applied (*levels points into
 * ICU's storage, valid until the next call; NULL when every level is 0, as
 * in a paragraph left to right throughout), and the line's paragraph level.
 * Both return 0, or -1 with a message in err.  u must outlive the calls.
 */
struct dsp_bidi;
struct dsp_bidi *dsp_bidi_new(void); /* NULL when ICU fails; release with dsp_bidi_free() */
void dsp_bidi_free(struct dsp_bidi *b);
int dsp_bidi_para(struct dsp_bidi *b, const UChar *u, int32_t n, UBiDiLevel level, int neutral,
		  char *err, size_t errlen);
int dsp_bidi_line(struct dsp_bidi *b, int32_t start, int32_t limit, const UBiDiLevel **levels,
		  UBiDiLevel *para_level, char *err, size_t errlen);

/*
 * Shape the Arabic of the logical line u[0..n) in place into presentation
 * forms, one unit for one unit: a lam-alef pair becomes the ligature at the
 * lam and DSP_ABSORBED at the alef; marks stay combining marks.  -1 when
 * memory or ICU fails (u is then unchanged).
 */
int dsp_shape(UChar *u, int32_t n);

/*
 * The level of the cluster u[a..b), given levels[a..b): its first character
 * that rule X9 keeps decides (a ZWJ or ZWSP before a mark does not).
 */
UBiDiLevel dsp_cluster_level(const UChar *u, int32_t a, int32_t b, const UBiDiLevel *levels);

/* Visual order (UAX #9 rule L2) of n objects with the given levels. */
void dsp_reorder(const UBiDiLevel *levels, int32_t n, int32_t *visual);

#endif
