/*
 * draw.c — putting text on the screen.  Everything shown goes through the
 * language layer's line layout, so the screen gets glyphs in visual order
 * with controls as visible marks: no byte of a document reaches the terminal
 * as itself unless it is a printable character.
 */
#include "tui/screen.h"

#include <string.h>

enum i18n_bidi_mode tui_bidi = I18N_BIDI_APP;

static const char ellipsis[] = "\xE2\x80\xA6"; /* … */

static enum tui_style glyph_style(const struct i18n_glyph *g, enum tui_style base,
                                  const struct tui_hl *hl, size_t nhl)
{
	if (g->mark)
		return TUI_MARK;
	for (size_t k = 0; k < nhl; k++)
		for (size_t i = 0; i < hl[k].n; i++) {
			if (hl[k].r[i].start > g->src)
				break;
			if (g->src < hl[k].r[i].end)
				return hl[k].r[i].start == hl[k].now ? TUI_HIT_NOW : hl[k].style;
		}
	return base;
}

/* A glyph curses surely puts in one cell: one printable ASCII byte. */
static int is_ascii(const struct i18n_layout *lay, const struct i18n_glyph *g)
{
	unsigned char c = (unsigned char)lay->text[g->out];
	return g->width == 1 && g->out_len == 1 && !g->mark && c >= 0x20 && c < 0x7f;
}

/*
 * Where a laid-out line goes within [x, x+w): the indent is taken from the
 * side the line starts, and a right-to-left line is aligned to the right.
 */
static void place_line(const struct i18n_layout *lay, int *x, int *w, int indent, int align)
{
	int rtl = align && tui_bidi == I18N_BIDI_APP && lay->rtl;
	if (indent > *w)
		indent = *w;
	*w -= indent;
	if (!rtl)
		*x += indent;
	else if (lay->width < *w)
		*x += *w - lay->width;
}

static int draw_laid(int y, int x, int w, int indent, const char *text, size_t len,
                     struct i18n_span span, enum tui_style base, const struct tui_hl *hl,
                     size_t nhl, int align)
{
	struct i18n_layout lay;
	if (w <= 0)
		return 0;
	if (i18n_layout_line(text, len, span, tui_bidi, &lay, NULL, 0) < 0)
		return 0;
	place_line(&lay, &x, &w, indent, align);
	int cx = x, cut = lay.width > w;
	for (size_t i = 0; i < lay.n;) {
		const struct i18n_glyph *g = &lay.glyphs[i];
		if (cx + g->width > x + w - cut)
			break;
		if (!(g->width > 0 && g->out_len > 0)) {
			cx += g->width;
			i++;
			continue;
		}
		enum tui_style style = glyph_style(g, base, hl, nhl);
		/*
		 * A run of printable ASCII glyphs of one style goes to curses in one
		 * call (their bytes follow one another in the layout's text); any
		 * other glyph alone, at the column the layout gives it.
		 */
		size_t j = i + 1;
		int run = g->width;
		if (is_ascii(&lay, g))
			for (; j < lay.n && cx + run + 1 <= x + w - cut && is_ascii(&lay, &lay.glyphs[j]) &&
			       glyph_style(&lay.glyphs[j], base, hl, nhl) == style;
			     j++)
				run++;
		const struct i18n_glyph *last = &lay.glyphs[j - 1];
		tui_term_style(style);
		mvaddnstr(y, cx, lay.text + g->out, (int)(last->out + last->out_len - g->out));
		cx += run;
		i = j;
	}
	if (cut) {
		tui_term_style(base);
		mvaddstr(y, cx, ellipsis);
		cx++;
	}
	i18n_layout_free(&lay);
	return cx - x;
}

int tui_draw_span(int y, int x, int w, int indent, const char *text, size_t len,
                  struct i18n_span span, enum tui_style base, const struct tui_hl *hl, size_t nhl)
{
	return draw_laid(y, x, w, indent, text, len, span, base, hl, nhl, 1);
}

/* Strings of the interface stay where they are put, whatever their direction. */
int tui_draw_str(int y, int x, int w, const char *s, enum tui_style style)
{
	size_t len = strlen(s);
	struct i18n_span all = {0, len};
	return draw_laid(y, x, w, 0, s, len, all, style, NULL, 0, 0);
}

long tui_span_byte_at(int x, int w, int indent, const char *text, size_t len, struct i18n_span span,
                      int cx)
{
	struct i18n_layout lay;
	long at = -1;
	if (i18n_layout_line(text, len, span, tui_bidi, &lay, NULL, 0) < 0)
		return -1;
	place_line(&lay, &x, &w, indent, 1);
	int col = x;
	for (size_t i = 0; i < lay.n; i++) {
		if (cx >= col && cx < col + lay.glyphs[i].width) {
			at = (long)lay.glyphs[i].src;
			break;
		}
		col += lay.glyphs[i].width;
	}
	i18n_layout_free(&lay);
	return at;
}

void tui_fill(int y, int x, int w, enum tui_style style)
{
	tui_term_style(style);
	for (int i = 0; i < w; i++)
		mvaddch(y, x + i, ' ');
}
