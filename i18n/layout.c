/*
 * layout.c — one wrapped line of a paragraph into glyphs in drawing order.
 *
 * The steps, on the line's UTF-16: grapheme clusters (ICU), bidi levels of
 * the line within its paragraph, a drawing copy of the characters that is
 * shaped (Arabic) and mirrored (brackets at odd levels) unit for unit, one
 * glyph per cluster built from that copy with its stand-ins, and the glyphs
 * reordered by level.  Because the copy keeps every unit in place, each glyph
 * knows the bytes of the paragraph it stands for.
 *
 * The TUI lays out one visible line after another of the same paragraph, or
 * of two paragraphs side by side, so the bidi resolution of the last few
 * paragraphs is kept (per thread) and found again by their text.
 */
#include "i18n/display-internal.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>

#define LAM 0x0644

struct para {
	char *bytes; /* a copy of the last paragraph, to know when it changes */
	size_t len, cap;
	int valid;
	struct dsp_text t;
	struct dsp_bidi *bidi;
};

/* A glyph in logical order, before reordering. */
struct lglyph {
	struct i18n_glyph g;
	UBiDiLevel level;
	uint8_t kind;
};

struct scratch {
	struct lglyph *g;
	UBiDiLevel *levels;
	int32_t *visual;
	size_t gcap;
	UChar *draw;
	int32_t dcap;
	struct dsp_buf out;
};

#define PARAS 4 /* two columns side by side, with room to spare */

static _Thread_local struct para paras[PARAS];
static _Thread_local unsigned next_victim;
static _Thread_local struct scratch scratch;

static int fail(char *err, size_t errlen, const char *msg)
{
	if (err)
		snprintf(err, errlen, "layout: %s", msg);
	return -1;
}

/* The paragraph resolved, from the cache or now; NULL with a message in err. */
static struct para *load_para(const char *s, size_t len, char *err, size_t errlen)
{
	for (int i = 0; i < PARAS; i++) {
		struct para *p = &paras[i];
		if (p->valid && p->len == len && (len == 0 || memcmp(p->bytes, s, len) == 0))
			return p;
	}
	struct para *p = &paras[next_victim++ % PARAS];
	p->valid = 0;
	if (len + 1 > p->cap) {
		char *b = realloc(p->bytes, len + 1);
		if (!b)
			return fail(err, errlen, "out of memory"), NULL;
		p->bytes = b;
		p->cap = len + 1;
	}
	if (len)
		memcpy(p->bytes, s, len);
	p->len = len;
	if (dsp_text_load(&p->t, p->bytes, len) < 0)
		return fail(err, errlen, "out of memory"), NULL;
	if (!p->bidi && !(p->bidi = dsp_bidi_new()))
		return fail(err, errlen, "ICU bidi unavailable"), NULL;
	if (dsp_bidi_para(p->bidi, p->t.u, p->t.n, UBIDI_DEFAULT_LTR, 1, err, errlen) < 0)
		return NULL;
	p->valid = 1;
	return p;
}

static int reserve(int32_t units)
{
	struct scratch *s = &scratch;
	if (units > s->dcap) {
		UChar *d = realloc(s->draw, (size_t)units * sizeof *d);
		if (!d)
			return -1;
		s->draw = d;
		s->dcap = units;
	}
	/* A line has at most as many glyphs as units. */
	if ((size_t)units > s->gcap) {
		struct lglyph *g = realloc(s->g, (size_t)units * sizeof *g);
		if (g)
			s->g = g;
		UBiDiLevel *l = realloc(s->levels, (size_t)units * sizeof *l);
		if (l)
			s->levels = l;
		int32_t *v = realloc(s->visual, (size_t)units * sizeof *v);
		if (v)
			s->visual = v;
		if (!g || !l || !v)
			return -1;
		s->gcap = (size_t)units;
	}
	return 0;
}

/* Brackets and the like at odd (right-to-left) levels take their mirror image. */
static void mirror(UChar *draw, const UBiDiLevel *levels, int32_t n)
{
	for (int32_t i = 0; i < n;) {
		int32_t at = i;
		UChar32 c;
		U16_NEXT(draw, i, n, c);
		if (!(levels[at] & 1) || !u_isMirrored(c))
			continue;
		UChar32 m = u_charMirror(c);
		/* A mirror of other width would make the line wider than wrapped. */
		if (m == c || U16_LENGTH(m) != i - at || dsp_cp_width(m) != dsp_cp_width(c))
			continue;
		if (U_IS_BMP(m)) {
			draw[at] = (UChar)m;
		} else {
			draw[at] = U16_LEAD(m);
			draw[at + 1] = U16_TRAIL(m);
		}
	}
}

/* The glyphs of units [a, b) of the paragraph, in logical order; their count or -1. */
static int32_t glyphs(const struct dsp_text *t, int32_t a, int32_t b, const UBiDiLevel *levels)
{
	struct scratch *s = &scratch;
	UBreakIterator *it = dsp_char_iter();
	UErrorCode e = U_ZERO_ERROR;
	if (!it)
		return -1;
	ubrk_setText(it, t->u + a, b - a, &e);
	if (U_FAILURE(e))
		return -1;
	int32_t ng = 0, n = b - a;
	int col = 0;
	for (int32_t ca = 0, cb; ca < n; ca = cb) {
		cb = dsp_next_cluster(it, t->u + a, n, ca);
		/* A lam-alef ligature is one glyph for the two letters. */
		if (t->u[a + ca] == LAM && cb < n && s->draw[cb] == DSP_ABSORBED)
			cb = dsp_next_cluster(it, t->u + a, n, cb);
		struct lglyph *g = &s->g[ng++];
		enum dsp_kind kind;
		size_t out = s->out.len;
		int w = dsp_cluster(t, s->draw + ca, a + ca, a + cb, col, &kind, &g->g.mark,
				    &s->out);
		if (w < 0)
			return -1;
		g->g.src = t->off[a + ca];
		g->g.src_len = t->off[a + cb] - g->g.src;
		g->g.out = out;
		g->g.out_len = s->out.len - out;
		g->g.width = w;
		g->level = levels ? dsp_cluster_level(t->u + a, ca, cb, levels) : 0;
		g->kind = (uint8_t)kind;
		col += w;
	}
	return ng;
}

/* Spaces at the end of a line hang (no cells); a soft hyphen there shows. */
static int line_end(int32_t ng)
{
	struct scratch *s = &scratch;
	int32_t i = ng - 1;
	for (; i >= 0 && s->g[i].kind == DSP_SPACE; i--)
		s->g[i].g.width = 0, s->g[i].g.out_len = 0;
	if (i < 0 || s->g[i].kind != DSP_SHY)
		return 0;
	s->g[i].g.out = s->out.len;
	s->g[i].g.out_len = 1;
	s->g[i].g.width = 1;
	return dsp_buf_put(&s->out, "-", 1);
}

static int emit(struct i18n_layout *out, int32_t ng, int reorder)
{
	struct scratch *s = &scratch;
	out->glyphs = malloc((size_t)(ng ? ng : 1) * sizeof *out->glyphs);
	out->text = malloc(s->out.len + 1);
	if (!out->glyphs || !out->text)
		return -1;
	for (int32_t i = 0; i < ng; i++) {
		s->levels[i] = s->g[i].level;
		s->visual[i] = i;
	}
	if (reorder)
		dsp_reorder(s->levels, ng, s->visual);
	size_t len = 0;
	for (int32_t v = 0; v < ng; v++) {
		struct i18n_glyph g = s->g[s->visual[v]].g;
		if (g.out_len)
			memcpy(out->text + len, s->out.s + g.out, g.out_len);
		g.out = len;
		len += g.out_len;
		out->glyphs[v] = g;
		out->width += g.width;
	}
	out->text[len] = '\0';
	out->n = (size_t)ng;
	return 0;
}

int i18n_layout_line(const char *para, size_t para_len, struct i18n_span line,
		     enum i18n_bidi_mode mode, struct i18n_layout *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof *out);
	if (line.start > line.end || line.end > para_len)
		return fail(err, errlen, "line outside its paragraph");
	struct para *p = load_para(para, para_len, err, errlen);
	if (!p)
		return -1;
	const struct dsp_text *t = &p->t;
	int32_t a = dsp_text_unit(t, line.start), b = dsp_text_unit(t, line.end);
	if (a < 0 || b < 0)
		return fail(err, errlen, "line does not start and end between characters");

	/* Only the app reorders; the other modes want the paragraph's direction. */
	const UBiDiLevel *levels;
	UBiDiLevel para_level;
	if (dsp_bidi_line(p->bidi, a, mode == I18N_BIDI_APP ? b : a, &levels, &para_level,
			  err, errlen) < 0)
		return -1;
	out->rtl = para_level & 1;

	struct scratch *s = &scratch;
	if (reserve(b - a) < 0)
		return fail(err, errlen, "out of memory");
	/*
	 * An empty line copies nothing, but memcpy wants valid pointers even then, and both are
	 * NULL when no line was laid out before (scratch) or the paragraph is empty (found by
	 * the display fuzz target: UBSan's nonnull check).
	 */
	if (b > a)
		memcpy(s->draw, t->u + a, (size_t)(b - a) * sizeof *s->draw);
	if (mode != I18N_BIDI_OFF && dsp_shape(s->draw, b - a) < 0)
		return fail(err, errlen, "Arabic shaping failed");
	if (levels)
		mirror(s->draw, levels, b - a);

	s->out.len = 0;
	int32_t ng = glyphs(t, a, b, levels);
	if (ng < 0 || line_end(ng) < 0 || emit(out, ng, levels != NULL) < 0) {
		i18n_layout_free(out);
		return fail(err, errlen, "out of memory or ICU failure");
	}
	return 0;
}

void i18n_layout_free(struct i18n_layout *layout)
{
	free(layout->text);
	free(layout->glyphs);
	memset(layout, 0, sizeof *layout);
}
