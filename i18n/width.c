/*
 * width.c — cells per code point and per grapheme cluster.
 *
 * The screen model is ncursesw's, and ncursesw asks the C library's
 * wcwidth(): each code point of nonzero width opens cells of its own, each
 * zero-width one rides on the cell before.  So a cluster's width is the sum
 * of its code points' widths, computed here from ICU's properties the way
 * glibc derives wcwidth() from the same Unicode data (the unit test compares
 * the two over every code point).  What this module draws instead of the
 * text (stand-ins, tab spaces, dotted circles) is counted as drawn.
 */
#include "i18n/display-internal.h"
#include "i18n/i18n.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

#define DOTTED_CIRCLE 0x25CC

/* Process-wide by design (i18n.h): a display setting chosen before drawing. */
static int ambiguous_wide;

void i18n_set_ambiguous_wide(int wide)
{
	ambiguous_wide = wide != 0;
}

int dsp_cp_width(UChar32 c)
{
	if (c >= 0x20 && c < 0x7F)
		return 1;
	int8_t gc = u_charType(c);
	if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK)
		return 0;
	/* Format characters are invisible, except the Arabic number signs and
	 * their kin that span the digits after them (glibc agrees). */
	if (gc == U_FORMAT_CHAR && !u_hasBinaryProperty(c, UCHAR_PREPENDED_CONCATENATION_MARK))
		return 0;
	/* glibc 2.36 draws these wide though Unicode 15 does not; ncursesw
	 * counts what glibc says (Unicode 16 made the hexagrams wide too). */
	if ((c >= 0x3248 && c <= 0x324F) || (c >= 0x4DC0 && c <= 0x4DFF))
		return 2;
	/* Conjoining jamo vowels and finals join the initial's two cells. */
	int hst = u_getIntPropertyValue(c, UCHAR_HANGUL_SYLLABLE_TYPE);
	if (hst == U_HST_VOWEL_JAMO || hst == U_HST_TRAILING_JAMO)
		return 0;
	switch (u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH)) {
	case U_EA_WIDE:
	case U_EA_FULLWIDTH:
		return 2;
	case U_EA_AMBIGUOUS:
		return ambiguous_wide ? 2 : 1;
	default:
		return 1;
	}
}

/* A zero-width code point with no base: drawn on a dotted circle, or not at all. */
static int needs_base(UChar32 c)
{
	int8_t gc = u_charType(c);
	if (gc == U_FORMAT_CHAR || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
		return 0;
	return 1;
}

static enum dsp_kind single_kind(UChar32 c)
{
	switch (c) {
	case ' ':
		return DSP_SPACE;
	case '\t':
		return DSP_TAB;
	case '\n':
		return DSP_NEWLINE;
	case 0x00AD:
		return DSP_SHY;
	case 0x2028:
	case 0x2029:
		return DSP_NOTHING;
	default:
		return DSP_TEXT;
	}
}

static int put_cp(struct dsp_buf *out, UChar32 c)
{
	return out ? dsp_buf_put_cp(out, c) : 0;
}

static int spaces(struct dsp_buf *out, int n)
{
	for (int i = 0; out && i < n; i++)
		if (dsp_buf_put(out, " ", 1) < 0)
			return -1;
	return n;
}

int dsp_cluster(const struct dsp_text *t, const UChar *draw, int32_t a, int32_t b, int col,
		enum dsp_kind *kind, int *mark, struct dsp_buf *out)
{
	const UChar *u = t->u;
	if (b == a + 1 && u[a] > ' ' && u[a] < 0x7F && draw[0] > ' ' && draw[0] < 0x7F) {
		*mark = 0; /* the common case: one printable ASCII character */
		*kind = DSP_TEXT;
		char ch = (char)draw[0];
		return out && dsp_buf_put(out, &ch, 1) < 0 ? -1 : 1;
	}
	int32_t i = a;
	UChar32 c;
	U16_NEXT(u, i, b, c);

	*mark = 0;
	*kind = i == b ? single_kind(c) : DSP_TEXT;
	if (c == '\r' && i + 1 == b && u[i] == '\n')
		*kind = DSP_NEWLINE;
	switch (*kind) {
	case DSP_SPACE:
		return out && dsp_buf_put(out, " ", 1) < 0 ? -1 : 1;
	case DSP_TAB:
		return spaces(out, DSP_TAB_STOP - col % DSP_TAB_STOP);
	case DSP_SHY:
	case DSP_NOTHING:
		return 0;
	default:
		break; /* a newline inside a line is drawn as its mark, below */
	}

	int width = 0, base = 0, drawn = 0;
	for (i = a; i < b;) {
		int32_t at = i;
		UChar32 d;
		U16_NEXT(u, i, b, c);
		U16_GET(draw, 0, at - a, b - a, d);
		int bad = dsp_text_bad(t, at);
		if (bad || dsp_is_control(c)) {
			int w = dsp_mark(out, c, bad);
			if (w < 0)
				return -1;
			*mark = 1;
			width += w;
			base = 0, drawn = 1;
			continue;
		}
		if (d == DSP_ABSORBED)
			continue;
		int w = dsp_cp_width(d);
		if (w == 0 && !base) {
			if (!needs_base(d))
				continue;
			if (put_cp(out, DOTTED_CIRCLE) < 0)
				return -1;
			w = dsp_cp_width(DOTTED_CIRCLE);
		}
		if (put_cp(out, d) < 0)
			return -1;
		width += w;
		base = 1, drawn = 1;
	}
	if (*mark && *kind != DSP_NEWLINE)
		*kind = DSP_MARK;
	else if (!drawn)
		*kind = DSP_NOTHING;
	return width;
}

int i18n_width(const char *s, size_t len)
{
	struct dsp_text *t = dsp_scratch_text();
	UBreakIterator *it = dsp_char_iter();
	UErrorCode e = U_ZERO_ERROR;

	if (!it || dsp_text_load(t, s, len) < 0)
		return -1;
	ubrk_setText(it, t->u, t->n, &e);
	if (U_FAILURE(e))
		return -1;
	int width = 0;
	for (int32_t a = 0, b; a < t->n; a = b) {
		enum dsp_kind kind;
		int mark;
		b = dsp_next_cluster(it, t->u, t->n, a);
		width += dsp_cluster(t, t->u + a, a, b, width, &kind, &mark, NULL);
	}
	return width;
}
