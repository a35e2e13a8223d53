/*
 * visible.c — make untrusted text safe to print.
 *
 * A document must not be able to drive the terminal (escape sequences) or
 * make what is shown differ from what is stored (bidi overrides), so every
 * such character is replaced by a visible stand-in.  Line feeds and tabs are
 * the only controls kept, because they are layout, not commands.
 */
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

int i18n_is_unsafe(int32_t c)
{
	return (c >= 0 && c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f) ||
	       (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

int i18n_stand_in(int32_t c, char out[16])
{
	if (c < 0) /* before the C0 test, which would take it for a control */
		return snprintf(out, 16, "\xEF\xBF\xBD"); /* U+FFFD for a bad byte */
	if (c < 0x20) /* the Control Pictures block mirrors C0: ␀ … ␟, ␛ for ESC */
		return snprintf(out, 16, "\xE2\x90%c", (char)(0x80 + c));
	if (c == 0x7f) /* ␡ */
		return snprintf(out, 16, "\xE2\x90\xA1");
	return snprintf(out, 16, "<U+%04X>", (unsigned)c);
}

char *i18n_visible(const char *s, size_t len)
{
	/* A stand-in is at most 8 bytes for a 1-byte input, so 8× bounds the result. */
	char *out = malloc(len * 8 + 1);
	size_t o = 0;
	int32_t i = 0, n = (int32_t)len;
	if (!out)
		return NULL;
	while (i < n) {
		int32_t at = i;
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c >= 0 && !i18n_is_unsafe(c)) {
			memcpy(out + o, s + at, (size_t)(i - at));
			o += (size_t)(i - at);
		} else {
			char mark[16];
			int m = i18n_stand_in(c, mark);
			memcpy(out + o, mark, (size_t)m);
			o += (size_t)m;
		}
	}
	out[o] = '\0';
	return out;
}
