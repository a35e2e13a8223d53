/*
 * output.c — printing document text on the command line.  Text is untrusted
 * input: control characters and bidi overrides are shown, never sent.
 */
#include "tui/tui.h"
#include "i18n/i18n.h"

#include <stdlib.h>
#include <string.h>

void tui_put_text(FILE *f, const char *s)
{
	char *v = i18n_visible(s, strlen(s));
	if (v)
		fputs(v, f);
	free(v);
}

void tui_put_json_string(FILE *f, const char *s)
{
	if (!s) {
		fputs("null", f);
		return;
	}
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(f, "\\u%04x", *p);
			else
				putc(*p, f);
		}
	}
	putc('"', f);
}
