/*
 * sanitize.c — what the display draws instead of a control, and the byte
 * buffer the layout's text grows in.
 *
 * A document is untrusted: an ESC would let it drive the terminal, a C1 CSI
 * (0x9b) too on terminals that honour 8-bit controls, and a bidi override
 * would let it show one text while storing another.  Each becomes a glyph
 * that says what it is, with the stand-ins of visible.c so that the screen
 * and the command line show the same (the policy is spelled out in i18n.h).
 */
#include "i18n/display-internal.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

int dsp_buf_put(struct dsp_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (b->len + n + 1 > cap)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p)
			return -1;
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return 0;
}

int dsp_buf_put_cp(struct dsp_buf *b, UChar32 c)
{
	char u8[U8_MAX_LENGTH];
	int32_t n = 0;
	UBool bad = 0;
	U8_APPEND(u8, n, (int32_t)sizeof u8, c, bad);
	(void)bad; /* callers pass scalar values only */
	return dsp_buf_put(b, u8, (size_t)n);
}

int dsp_is_control(UChar32 c)
{
	if (c == '\n' || c == '\t' || i18n_is_unsafe(c))
		return 1; /* '\n' and '\t' only reach here inside a line: see dsp_cluster() */
	/* No font draws them and wcwidth() refuses them: ncursesw would guess. */
	return u_charType(c) == U_UNASSIGNED;
}

int dsp_mark(struct dsp_buf *out, UChar32 c, int bad_byte)
{
	char mark[16];
	int n = i18n_stand_in(bad_byte ? -1 : c, mark);
	if (out && dsp_buf_put(out, mark, (size_t)n) < 0)
		return -1;
	if (mark[0] == '<')
		return n;
	UChar32 picture; /* ␀ … ␟, ␡ or U+FFFD: one code point */
	int32_t i = 0;
	U8_NEXT((const uint8_t *)mark, i, n, picture);
	return dsp_cp_width(picture);
}
