/*
 * bidi.c — the Unicode Bidirectional Algorithm (UAX #9) through ICU, and the
 * terminal's own bidi mode.
 *
 * Paragraph levels are resolved once per paragraph text (rules P–I), then
 * each wrapped line gets its levels with rule L1 (ubidi_setLine), and the
 * display reorders whole clusters by those levels (rule L2), so a base and
 * its marks never come apart.
 */
#include "i18n/display-internal.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

struct dsp_bidi {
	UBiDi *para, *line;
	const UChar *u;
	int32_t n;
	int ltr; /* u[0..n) is left to right throughout: para was not set */
};

struct dsp_bidi *dsp_bidi_new(void)
{
	struct dsp_bidi *b = calloc(1, sizeof *b);
	if (!b)
		return NULL;
	b->para = ubidi_open();
	b->line = ubidi_open();
	if (!b->para || !b->line) {
		dsp_bidi_free(b);
		return NULL;
	}
	return b;
}

void dsp_bidi_free(struct dsp_bidi *b)
{
	if (!b)
		return;
	if (b->line) /* a line shares its paragraph's data: close it first */
		ubidi_close(b->line);
	if (b->para)
		ubidi_close(b->para);
	free(b);
}

/*
 * What the display shows as a stand-in counts as a neutral (ON), so an
 * embedding, override or isolate in a document has no effect on the order
 * of what is around it.  '\n' stays a paragraph separator and '\t' a
 * segment separator: they do their job.
 */
static UCharDirection neutral_controls(const void *context, UChar32 c)
{
	(void)context;
	if (c != '\n' && c != '\t' && dsp_is_control(c))
		return U_OTHER_NEUTRAL;
	return (UCharDirection)U_BIDI_CLASS_DEFAULT;
}

static int failed(UErrorCode e, const char *what, char *err, size_t errlen)
{
	if (U_SUCCESS(e))
		return 0;
	if (err)
		snprintf(err, errlen, "bidi: %s: %s", what, u_errorName(e));
	return -1;
}

/*
 * Below U+0590 no character is right to left (R, AL, AN) nor an embedding,
 * override or isolate: in a paragraph of those alone, left to right unless
 * asked otherwise, every level is 0.  Most texts are such, and need no UBA.
 */
static int all_ltr(const UChar *u, int32_t n, UBiDiLevel level)
{
	if (level != UBIDI_DEFAULT_LTR && level != 0)
		return 0;
	for (int32_t i = 0; i < n; i++)
		if (u[i] >= 0x0590)
			return 0;
	return 1;
}

int dsp_bidi_para(struct dsp_bidi *b, const UChar *u, int32_t n, UBiDiLevel level, int neutral,
		  char *err, size_t errlen)
{
	UErrorCode e = U_ZERO_ERROR;
	b->u = u;
	b->n = n;
	b->ltr = all_ltr(u, n, level);
	if (b->ltr)
		return 0;
	ubidi_setClassCallback(b->para, neutral ? neutral_controls : NULL, NULL, NULL, NULL, &e);
	if (failed(e, "class callback", err, errlen) < 0)
		return -1;
	ubidi_setPara(b->para, u, n, level, NULL, &e);
	return failed(e, "paragraph", err, errlen);
}

int dsp_bidi_line(struct dsp_bidi *b, int32_t start, int32_t limit, const UBiDiLevel **levels,
		  UBiDiLevel *para_level, char *err, size_t errlen)
{
	UErrorCode e = U_ZERO_ERROR;
	*levels = NULL;
	if (b->ltr) {
		*para_level = 0;
		/* As ubidi_setLine() does, a line ends its paragraph at the latest. */
		for (int32_t i = start; i + 1 < limit; i++)
			if (b->u[i] == '\n')
				return failed(U_ILLEGAL_ARGUMENT_ERROR,
				              "line (does it cross a paragraph?)", err, errlen);
		return 0;
	}
	if (b->n == 0) {
		*para_level = ubidi_getParaLevel(b->para);
		return 0;
	}
	ubidi_getParagraph(b->para, start < b->n ? start : b->n - 1, NULL, NULL, para_level, &e);
	if (failed(e, "paragraph level", err, errlen) < 0)
		return -1;
	if (start == limit)
		return 0;
	ubidi_setLine(b->para, start, limit, b->line, &e);
	if (failed(e, "line (does it cross a paragraph?)", err, errlen) < 0)
		return -1;
	*levels = ubidi_getLevels(b->line, &e);
	return failed(e, "levels", err, errlen);
}

UBiDiLevel dsp_cluster_level(const UChar *u, int32_t a, int32_t b, const UBiDiLevel *levels)
{
	for (int32_t i = a; i < b;) {
		int32_t at = i;
		UChar32 c;
		U16_NEXT(u, i, b, c);
		if (u_charDirection(c) != U_BOUNDARY_NEUTRAL)
			return levels[at];
	}
	return levels[a];
}

void dsp_reorder(const UBiDiLevel *levels, int32_t n, int32_t *visual)
{
	if (n > 0)
		ubidi_reorderVisual(levels, n, visual);
}

const char *i18n_bidi_terminal_prelude(enum i18n_bidi_mode mode)
{
	switch (mode) {
	case I18N_BIDI_APP:
		return "\033[8l";
	case I18N_BIDI_TERMINAL:
		return "\033[8h";
	default:
		return "";
	}
}

const char *i18n_bidi_terminal_restore(enum i18n_bidi_mode mode)
{
	return mode == I18N_BIDI_APP ? "\033[8h" : "";
}
