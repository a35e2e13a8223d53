/*
 * text.c — input bytes to UTF-8.
 *
 * Official texts arrive in whatever encoding their publisher or a delegate's
 * editor used.  Well-formed UTF-8 is trusted as is; anything else goes through
 * ICU's charset detector and is converted only when the detector is confident,
 * because a wrong guess would silently alter a treaty text.
 */
#include "i18n/i18n.h"
#include "i18n/nls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

/* Below this confidence (0–100) a guess is refused rather than used. */
#define MIN_CONFIDENCE 50

int i18n_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned c = p[i];
		size_t need;
		unsigned min;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			need = 1, min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2, min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3, min = 0x10000;
		} else {
			goto fail;
		}
		if (i + need >= len)
			goto fail;
		unsigned cp = c & (0x3F >> need);
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				goto fail;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			goto fail;
		i += need + 1;
	}
	return 1;
fail:
	if (bad)
		*bad = i;
	return 0;
}

static int line_of(const char *s, size_t off)
{
	int line = 1;
	for (size_t i = 0; i < off; i++)
		line += s[i] == '\n';
	return line;
}

static void set_err(char *err, size_t errlen, const char *fmt, int a, const char *b)
{
	if (err)
		snprintf(err, errlen, fmt, a, b);
}

static int keep_utf8(const char *bytes, size_t len, char **out, size_t *out_len)
{
	if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0)
		bytes += 3, len -= 3;
	*out = malloc(len + 1);
	if (!*out)
		return -1;
	memcpy(*out, bytes, len);
	(*out)[len] = '\0';
	*out_len = len;
	return 0;
}

/* Convert with the named converter; fails on any byte it cannot map. */
static int convert(const char *name, const char *bytes, size_t len, char **out, size_t *out_len)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *from = ucnv_open(name, &st);
	UConverter *to = ucnv_open("UTF-8", &st);
	char *buf = NULL;
	if (U_FAILURE(st))
		goto fail;
	ucnv_setToUCallBack(from, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &st);
	size_t cap = len * 4 + 4;
	buf = malloc(cap);
	if (!buf)
		goto fail;
	char *target = buf;
	const char *source = bytes;
	ucnv_convertEx(to, from, &target, buf + cap - 1, &source, bytes + len, NULL, NULL, NULL,
	               NULL, 1, 1, &st);
	if (U_FAILURE(st))
		goto fail;
	*target = '\0';
	ucnv_close(from);
	ucnv_close(to);
	*out = buf;
	*out_len = (size_t)(target - buf);
	return 0;
fail:
	free(buf);
	ucnv_close(from);
	ucnv_close(to);
	return -1;
}

int i18n_to_utf8(const char *bytes, size_t len, char **out, size_t *out_len, const char **charset,
                 char *err, size_t errlen)
{
	size_t bad = 0;
	if (i18n_utf8_valid(bytes, len, &bad)) {
		if (charset)
			*charset = "UTF-8";
		if (keep_utf8(bytes, len, out, out_len) < 0) {
			set_err(err, errlen, "%.0d%s", 0, _("out of memory"));
			return -1;
		}
		return 0;
	}

	UErrorCode st = U_ZERO_ERROR;
	UCharsetDetector *det = ucsdet_open(&st);
	ucsdet_setText(det, bytes, (int32_t)(len > 0x7fffffff ? 0x7fffffff : len), &st);
	const UCharsetMatch *m = ucsdet_detect(det, &st);
	const char *name = m ? ucsdet_getName(m, &st) : NULL;
	int conf = m ? ucsdet_getConfidence(m, &st) : 0;
	static char found[32];
	snprintf(found, sizeof found, "%s", name ? name : "");
	ucsdet_close(det);

	/* UTF-8 was already ruled out: a "UTF-8" guess means the text is damaged. */
	if (U_FAILURE(st) || !name || conf < MIN_CONFIDENCE || strcmp(found, "UTF-8") == 0) {
		set_err(err, errlen, "%d: %s", line_of(bytes, bad),
		        _("invalid UTF-8 and no confident guess of the encoding; "
		          "convert the file to UTF-8 first"));
		return -1;
	}
	if (convert(found, bytes, len, out, out_len) < 0) {
		set_err(err, errlen, _("%d: the text is not valid %s"), line_of(bytes, bad), found);
		return -1;
	}
	if (charset)
		*charset = found;
	return 0;
}
