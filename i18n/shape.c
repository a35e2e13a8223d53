/*
 * shape.c — Arabic letters into the presentation forms that a terminal
 * without a shaping engine draws joined.
 *
 * u_shapeArabic() does the joining.  Two things are kept away from it so
 * that every unit stays where it was (each glyph must map back to its
 * source bytes):
 *  - transparent marks (harakat…) are left out of its input: they do not
 *    affect joining, and it would turn them into spacing forms (U+FE77 for a
 *    fatha between letters), which take a cell of their own;
 *  - a lam-alef pair goes in with DAL standing for the alef (DAL joins the
 *    same way), and the ligature is put in afterwards: when ICU 72 makes the
 *    ligature itself, its length-preserving options shift the neighbouring
 *    letters to find room for the freed unit.
 */
#include "i18n/display-internal.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/ushape.h>
#include <unicode/utf16.h>

#define LAM 0x0644
#define DAL 0x062F

static _Thread_local UChar *in, *res;
static _Thread_local int32_t *from, cap;

static int is_alef(UChar c)
{
	return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0627;
}

/* The ligature for lam + alef, isolated after LAM's initial form, final after its medial. */
static UChar ligature(UChar alef, UChar lam_form)
{
	UChar isolated = 0xFEFB;
	if (alef == 0x0622)
		isolated = 0xFEF5;
	else if (alef == 0x0623)
		isolated = 0xFEF7;
	else if (alef == 0x0625)
		isolated = 0xFEF9;
	return lam_form == 0xFEE0 ? isolated + 1 : isolated;
}

static int has_arabic(const UChar *u, int32_t n)
{
	for (int32_t i = 0; i < n; i++)
		if (u[i] >= 0x0600 && u[i] <= 0x08FF)
			return 1;
	return 0;
}

static int reserve(int32_t n)
{
	if (n <= cap)
		return 0;
	UChar *a = realloc(in, (size_t)n * sizeof *a);
	if (a)
		in = a;
	UChar *b = realloc(res, (size_t)n * sizeof *b);
	if (b)
		res = b;
	int32_t *c = realloc(from, (size_t)n * sizeof *c);
	if (c)
		from = c;
	if (!a || !b || !c)
		return -1;
	cap = n;
	return 0;
}

/* Letters to shape, without the transparent marks; -1 marks a stand-in. */
static int32_t gather(const UChar *u, int32_t n)
{
	int32_t k = 0;
	for (int32_t i = 0; i < n; i++) {
		UChar c = u[i];
		if (U16_IS_SURROGATE(c)) {
			in[k] = ' '; /* outside Arabic: joins nothing */
			from[k++] = -1;
			continue;
		}
		if (u_getIntPropertyValue(c, UCHAR_JOINING_TYPE) == U_JT_TRANSPARENT)
			continue;
		int lam_alef = is_alef(c) && k > 0 && in[k - 1] == LAM && from[k - 1] >= 0;
		in[k] = lam_alef ? DAL : c;
		from[k++] = i;
	}
	return k;
}

int dsp_shape(UChar *u, int32_t n)
{
	if (!has_arabic(u, n))
		return 0;
	if (reserve(n) < 0)
		return -1;
	int32_t k = gather(u, n);
	UErrorCode e = U_ZERO_ERROR;
	int32_t m = u_shapeArabic(in, k, res, k,
				  U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL |
					  U_SHAPE_LAMALEF_NEAR | U_SHAPE_PRESERVE_PRESENTATION,
				  &e);
	if (U_FAILURE(e) || m != k)
		return -1;
	for (int32_t j = 0; j < k; j++) {
		if (from[j] < 0)
			continue;
		UChar c = u[from[j]];
		if (in[j] == DAL && c != DAL) {
			UChar lam_form = res[j - 1];
			if (lam_form == 0xFEDF || lam_form == 0xFEE0) {
				u[from[j - 1]] = ligature(c, lam_form);
				u[from[j]] = DSP_ABSORBED;
			}
			continue; /* otherwise the alef stays as it is */
		}
		u[from[j]] = res[j];
	}
	return 0;
}
