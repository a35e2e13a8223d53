/*
 * Fuzz target: the display layer, on arbitrary bytes and widths.  The first
 * byte is the width (signed: widths below 1 count as 1), the second sets
 * East Asian ambiguous characters wide or narrow.  Promises checked, for
 * every line of i18n_wrap() and every bidi mode of i18n_layout_line():
 *   - the lines follow each other, separated only by "\n" or "\r\n";
 *   - the glyphs cover the line's bytes exactly once, their out ranges
 *     follow each other through the layout's text, their widths add up;
 *   - no line is wider than the width unless it holds one drawn cluster;
 *   - nothing drawn can drive the terminal: no C0, DEL, C1 or bidi control,
 *     and the text is valid UTF-8 (also for i18n_visible()'s output);
 *   - in the logical modes the glyphs keep the source order.
 */
#include "i18n/i18n.h"
#include "tests/fuzz/fuzz.h"

#include <string.h>

/* Nonzero when s (valid UTF-8) holds something a terminal would obey. */
static int drives_terminal(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] == 0x7f)
			return 1;
		if (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
			return 1;
		if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0xaa &&
		    s[i + 2] <= 0xae)
			return 1;
		if (s[i] == 0xe2 && i + 2 < n && s[i + 1] == 0x81 && s[i + 2] >= 0xa6 &&
		    s[i + 2] <= 0xa9)
			return 1;
	}
	return 0;
}

static void check_text(const char *what, const char *s, size_t n)
{
	size_t bad;
	if (!i18n_utf8_valid(s, n, &bad))
		fuzz_fail("%s: invalid UTF-8 at %zu", what, bad);
	if (drives_terminal((const unsigned char *)s, n))
		fuzz_fail("%s: a control reaches the terminal", what);
}

static void check_layout(struct i18n_span line, const struct i18n_layout *l, int width,
                         enum i18n_bidi_mode mode)
{
	size_t span = line.end - line.start, out = 0;
	unsigned char *seen = calloc(span + 1, 1);
	int cells = 0, drawn = 0;
	if (!seen)
		abort();
	for (size_t g = 0; g < l->n; g++) {
		const struct i18n_glyph *gl = &l->glyphs[g];
		if (gl->src_len == 0 || gl->src < line.start || gl->src + gl->src_len > line.end)
			fuzz_fail("glyph %zu [%zu+%zu) outside the line [%zu, %zu)", g, gl->src,
			          gl->src_len, line.start, line.end);
		for (size_t b = gl->src; b < gl->src + gl->src_len; b++)
			if (seen[b - line.start]++)
				fuzz_fail("byte %zu in two glyphs", b);
		if (gl->out != out)
			fuzz_fail("glyph %zu out at %zu, expected %zu", g, gl->out, out);
		if (gl->width < 0)
			fuzz_fail("glyph %zu has width %d", g, gl->width);
		if (mode != I18N_BIDI_APP && g > 0 && gl->src < l->glyphs[g - 1].src)
			fuzz_fail("logical mode %d: glyph %zu before the one ahead of it", mode, g);
		out += gl->out_len;
		cells += gl->width;
		drawn += gl->width > 0;
	}
	for (size_t b = 0; b < span; b++)
		if (!seen[b])
			fuzz_fail("byte %zu of the line in no glyph", line.start + b);
	free(seen);
	if (out != strlen(l->text))
		fuzz_fail("glyphs hold %zu bytes, the text %zu", out, strlen(l->text));
	if (cells != l->width)
		fuzz_fail("glyph widths add up to %d, the layout says %d", cells, l->width);
	if (l->width > (width < 1 ? 1 : width) && drawn > 1)
		fuzz_fail("%d cells on a line of %d", l->width, width);
	check_text("layout", l->text, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum i18n_bidi_mode modes[] = {I18N_BIDI_APP, I18N_BIDI_TERMINAL,
	                                            I18N_BIDI_OFF};
	struct i18n_span *lines;
	size_t n, covered = 0;
	char err[256];
	if (size < 2)
		return 0;
	int width = (int8_t)data[0];
	i18n_set_ambiguous_wide(data[1] & 1);
	size_t len = size - 2;
	char *s = fuzz_bytes(data + 2, len);

	if (i18n_width(s, len) < 0)
		fuzz_fail("negative width");
	char *clean = i18n_visible(s, len);
	if (!clean)
		fuzz_fail("i18n_visible failed");
	/* '\n' and '\t' are kept by design; everything else must be inert. */
	size_t clean_len = strlen(clean);
	for (size_t i = 0; i < clean_len; i++)
		if (clean[i] == '\n' || clean[i] == '\t')
			clean[i] = ' ';
	check_text("i18n_visible", clean, clean_len);
	free(clean);

	if (i18n_wrap(s, len, width, &lines, &n, err, sizeof err) < 0)
		fuzz_fail("i18n_wrap: %s", err);
	for (size_t k = 0; k < n; k++) {
		size_t gap = lines[k].start - covered;
		const char *g = s + covered;
		if (lines[k].start < covered || lines[k].end < lines[k].start || lines[k].end > len)
			fuzz_fail("line %zu [%zu, %zu) out of place", k, lines[k].start,
			          lines[k].end);
		int newline = k > 0 && ((gap == 1 && g[0] == '\n') ||
		                        (gap == 2 && memcmp(g, "\r\n", 2) == 0));
		if (gap != 0 && !newline)
			fuzz_fail("line %zu does not follow the one before", k);
		covered = lines[k].end;
		for (int m = 0; m < 3; m++) {
			struct i18n_layout l;
			if (i18n_layout_line(s, len, lines[k], modes[m], &l, err, sizeof err) < 0)
				fuzz_fail("i18n_layout_line: %s", err);
			check_layout(lines[k], &l, width, modes[m]);
			i18n_layout_free(&l);
			i18n_layout_free(&l); /* documented as safe */
		}
	}
	size_t rest = len - covered;
	if (!(rest == 0 || (rest == 1 && s[covered] == '\n') ||
	      (rest == 2 && memcmp(s + covered, "\r\n", 2) == 0)))
		fuzz_fail("the lines stop at %zu of %zu", covered, len);
	free(lines);
	free(s);
	return 0;
}
