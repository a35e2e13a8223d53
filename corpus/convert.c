/*
 * convert.c — which reader a file needs, told from its bytes (a name can
 * lie), and the small string buffer the readers share.
 */
#include "corpus/convert.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Per format: its name in messages, and the FORMAT argument of treaty-convert. */
static const struct {
	const char *name, *tag;
} formats[] = {
    [CORPUS_FORMAT_TEXT] = {"text", NULL},
    [CORPUS_FORMAT_PDF] = {"PDF", "pdf"},
    [CORPUS_FORMAT_DOCX] = {"Word (.docx)", "docx"},
    [CORPUS_FORMAT_HTML] = {"HTML", "html"},
};

const char *corpus_format_name(enum corpus_format f)
{
	return f <= CORPUS_FORMAT_HTML ? formats[f].name : formats[0].name;
}

const char *corpus_format_tag(enum corpus_format f)
{
	return f <= CORPUS_FORMAT_HTML ? formats[f].tag : NULL;
}

void corpus_converted_free(struct corpus_converted *c)
{
	free(c->text);
	free(c->title);
	free(c->symbol);
	free(c->date);
	free(c->lang);
	memset(c, 0, sizeof *c);
}

/* ---- Buffer -------------------------------------------------------------- */

void corpus_buf_add(struct corpus_buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void corpus_buf_adds(struct corpus_buf *b, const char *s)
{
	corpus_buf_add(b, s, strlen(s));
}

void corpus_buf_paragraph(struct corpus_buf *b)
{
	while (b->len && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\t'))
		b->s[--b->len] = '\0';
	if (b->len == 0 || (b->len >= 2 && b->s[b->len - 1] == '\n' && b->s[b->len - 2] == '\n'))
		return;
	corpus_buf_adds(b, b->s[b->len - 1] == '\n' ? "\n" : "\n\n");
}

void corpus_buf_finish(struct corpus_buf *b, char **out, size_t *outlen)
{
	while (b->len && isspace((unsigned char)b->s[b->len - 1]))
		b->s[--b->len] = '\0';
	if (b->len)
		corpus_buf_adds(b, "\n");
	if (b->oom || b->len == 0) {
		free(b->s);
		*out = NULL;
		*outlen = 0;
	} else {
		*out = b->s;
		*outlen = b->len;
	}
	memset(b, 0, sizeof *b);
}

/* ---- Sniffing ------------------------------------------------------------ */

/* Whether needle occurs in bytes[0..len) (which may hold NUL bytes). */
static int has(const char *bytes, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = bytes; n <= len && (size_t)(p - bytes) <= len - n; p++) {
		p = memchr(p, needle[0], len - n - (size_t)(p - bytes) + 1);
		if (!p)
			return 0;
		if (memcmp(p, needle, n) == 0)
			return 1;
	}
	return 0;
}

/* Case-insensitive search in the first limit bytes. */
static int has_nocase(const char *bytes, size_t len, size_t limit, const char *needle)
{
	size_t n = strlen(needle);
	if (len > limit)
		len = limit;
	for (size_t i = 0; i + n <= len; i++)
		if (strncasecmp(bytes + i, needle, n) == 0)
			return 1;
	return 0;
}

static int ext_is(const char *path, const char *ext)
{
	const char *dot = strrchr(path, '.');
	const char *slash = strrchr(path, '/');
	return dot && (!slash || dot > slash) && strcasecmp(dot + 1, ext) == 0;
}

static int looks_html(const char *bytes, size_t len)
{
	size_t i = 0;
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && isspace((unsigned char)bytes[i]))
		i++;
	if (i >= len || bytes[i] != '<')
		return 0;
	return has_nocase(bytes + i, len - i, 4096, "<html") ||
	       has_nocase(bytes + i, len - i, 4096, "<!doctype html") ||
	       has_nocase(bytes + i, len - i, 4096, "<body") ||
	       has_nocase(bytes + i, len - i, 4096, "<head");
}

static int sniff_zip(const char *path, const char *bytes, size_t len, enum corpus_format *fmt,
                     char *err, size_t errlen)
{
	if (has(bytes, len, "word/document.xml")) {
		*fmt = CORPUS_FORMAT_DOCX;
		return 0;
	}
	if (has(bytes, len, "application/vnd.oasis.opendocument"))
		corpus_set_error(err, errlen,
		                 _("%s: an OpenDocument file, which treaty does not read;"
		                   " save it as Word (.docx), PDF or plain text"),
		                 path);
	else
		corpus_set_error(
		    err, errlen,
		    _("%s: a zip archive but not a Word document (no word/document.xml)"), path);
	return -1;
}

int corpus_sniff(const char *path, const char *bytes, size_t len, enum corpus_format *fmt,
                 char *err, size_t errlen)
{
	*fmt = CORPUS_FORMAT_TEXT;
	if (has(bytes, len < 1024 ? len : 1024, "%PDF-")) {
		*fmt = CORPUS_FORMAT_PDF;
		return 0;
	}
	if (len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0)
		return sniff_zip(path, bytes, len, fmt, err, errlen);
	if (len >= 8 && memcmp(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0) {
		corpus_set_error(err, errlen,
		                 _("%s: an old binary Word (.doc) file; save it as .docx or PDF"),
		                 path);
		return -1;
	}
	if (len >= 5 && memcmp(bytes, "{\\rtf", 5) == 0) {
		corpus_set_error(err, errlen,
		                 _("%s: an RTF file, which treaty does not read; save it as .docx"),
		                 path);
		return -1;
	}
	if (looks_html(bytes, len)) {
		*fmt = CORPUS_FORMAT_HTML;
		return 0;
	}
	if (ext_is(path, "pdf") || ext_is(path, "docx")) {
		corpus_set_error(
		    err, errlen,
		    _("%s: the name says %s but the contents are not (no %s signature);"
		      " the file may be damaged"),
		    path, ext_is(path, "pdf") ? "PDF" : "Word (.docx)",
		    ext_is(path, "pdf") ? "%PDF-" : "zip");
		return -1;
	}
	return 0;
}

/* ---- UN document symbols --------------------------------------------------- */

/* One component after a slash: letters, digits, dots and hyphens ("AC.291", "Rev.1"). */
static size_t symbol_part(const char *s, size_t len, int *digits)
{
	size_t i = 0;
	while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '-')) {
		*digits |= isdigit((unsigned char)s[i]) != 0;
		i++;
	}
	return i;
}

int corpus_is_un_symbol(const char *s, size_t len)
{
	size_t i = 0;
	int slashes = 0, digits = 0;
	while (i < len && isupper((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 8)
		return 0;
	while (i < len && s[i] == '/') {
		size_t n = symbol_part(s + i + 1, len - i - 1, &digits);
		if (n == 0)
			return 0;
		i += n + 1;
		slashes++;
	}
	if (slashes < 2 || !digits)
		return 0;
	if (i == len)
		return 1;
	/* Security Council resolutions carry their year: "S/RES/2719 (2023)". */
	if (len - i != 7 || s[i] != ' ' || s[i + 1] != '(' || s[len - 1] != ')')
		return 0;
	for (size_t k = i + 2; k < len - 1; k++)
		if (!isdigit((unsigned char)s[k]))
			return 0;
	return 1;
}
