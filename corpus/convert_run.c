/*
 * convert_run.c — treaty's side of the converter process: starting
 * treaty-convert on a file's bytes and reading back what it found, and the
 * record format both sides speak.
 */
#include "corpus/convert.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Converted text is at most a few times its source (64 MB): past this, something is wrong. */
#define MAX_CONVERTED_BYTES (256u << 20)
/* Longer than pdftotext's own limit inside the converter, so that its message is the one seen. */
#define CONVERT_SECONDS 330

/* ---- Records --------------------------------------------------------------- */

static void put_record(struct corpus_buf *b, const char *name, const char *value, size_t n)
{
	char head[64];
	if (!value)
		return;
	snprintf(head, sizeof head, "%s %zu\n", name, n);
	corpus_buf_adds(b, head);
	corpus_buf_add(b, value, n);
	corpus_buf_add(b, "\n", 1);
}

static void put_count(struct corpus_buf *b, const char *name, int n)
{
	char digits[16];
	int len = snprintf(digits, sizeof digits, "%d", n);
	put_record(b, name, digits, (size_t)len);
}

static void put_string(struct corpus_buf *b, const char *name, const char *value)
{
	put_record(b, name, value, value ? strlen(value) : 0);
}

char *corpus_converted_encode(const struct corpus_converted *c, size_t *len)
{
	struct corpus_buf b = {0};
	put_record(&b, "text", c->text ? c->text : "", c->text ? c->len : 0);
	put_string(&b, "title", c->title);
	put_string(&b, "symbol", c->symbol);
	put_string(&b, "date", c->date);
	put_string(&b, "lang", c->lang);
	put_count(&b, "furniture", c->furniture);
	put_count(&b, "rejoined", c->rejoined);
	put_record(&b, "end", "", 0);
	if (b.oom) {
		free(b.s);
		return NULL;
	}
	*len = b.len;
	return b.s;
}

/* A copy of value[0..n) as a NUL-terminated string into *field; -1 if it holds a NUL. */
static int take_string(char **field, const char *value, size_t n)
{
	if (*field || memchr(value, '\0', n))
		return -1;
	*field = strndup(value, n);
	return *field ? 0 : -1;
}

static int take_count(int *field, const char *value, size_t n)
{
	char digits[16];
	char *end;
	if (n == 0 || n >= sizeof digits)
		return -1;
	memcpy(digits, value, n);
	digits[n] = '\0';
	long v = strtol(digits, &end, 10);
	if (*end || v < 0 || v > INT_MAX)
		return -1;
	*field = (int)v;
	return 0;
}

static int take(struct corpus_converted *c, const char *name, const char *value, size_t n)
{
	if (strcmp(name, "text") == 0) {
		if (c->text || !(c->text = malloc(n + 1)))
			return -1;
		memcpy(c->text, value, n);
		c->text[n] = '\0';
		c->len = n;
		return 0;
	}
	if (strcmp(name, "title") == 0)
		return take_string(&c->title, value, n);
	if (strcmp(name, "symbol") == 0)
		return take_string(&c->symbol, value, n);
	if (strcmp(name, "date") == 0)
		return take_string(&c->date, value, n);
	if (strcmp(name, "lang") == 0)
		return take_string(&c->lang, value, n);
	if (strcmp(name, "furniture") == 0)
		return take_count(&c->furniture, value, n);
	if (strcmp(name, "rejoined") == 0)
		return take_count(&c->rejoined, value, n);
	return -1;
}

int corpus_converted_decode(const char *data, size_t len, struct corpus_converted *out)
{
	const char *p = data, *end = data + len;
	int ended = 0;
	memset(out, 0, sizeof *out);
	while (p < end && !ended) {
		char name[16];
		size_t n;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl || nl - p > 40 || sscanf(p, "%15[a-z] %zu", name, &n) != 2 ||
		    n > (size_t)(end - nl - 1) || end - nl - 1 - n < 1 || nl[1 + n] != '\n' ||
		    (!(ended = strcmp(name, "end") == 0) && take(out, name, nl + 1, n) < 0)) {
			corpus_converted_free(out);
			return -1;
		}
		p = nl + 2 + n;
	}
	if (!ended || p != end || !out->text) {
		corpus_converted_free(out);
		return -1;
	}
	return 0;
}

/* ---- The process ----------------------------------------------------------- */

/* The converter's message: its standard error up to the first newline, or why it ended. */
static void converter_failed(const char *program, const char *path, const char *errtext, int status,
                             char *err, size_t errlen)
{
	size_t n = errtext ? strcspn(errtext, "\n") : 0;
	if (n > 0 && status == 1)
		corpus_set_error(err, errlen, "%.*s", (int)n, errtext);
	else if (status > 128)
		corpus_set_error(err, errlen, _("%s: the converter %s stopped on signal %d"), path,
		                 program, status - 128);
	else
		corpus_set_error(err, errlen, _("%s: the converter %s failed (exit status %d)"),
		                 path, program, status);
}

int corpus_convert_run(const char *program, enum corpus_format fmt, const char *path,
                       const char *bytes, size_t len, struct corpus_converted *out, char *err,
                       size_t errlen)
{
	const char *prog = program && *program ? program : "treaty-convert";
	char *argv[] = {(char *)prog, (char *)corpus_format_tag(fmt), (char *)path, NULL};
	char *data = NULL, *errtext = NULL;
	size_t dlen = 0;
	int status, rc = -1;
	memset(out, 0, sizeof *out);
	if (!argv[1]) {
		corpus_set_error(err, errlen, "%s: not a format for the converter", path);
		return -1;
	}
	if (corpus_run(argv, bytes, len, MAX_CONVERTED_BYTES, CONVERT_SECONDS, &data, &dlen,
	               &errtext, &status, err, errlen) < 0)
		goto done;
	if (status != 0) {
		converter_failed(prog, path, errtext, status, err, errlen);
		goto done;
	}
	if (corpus_converted_decode(data, dlen, out) < 0) {
		corpus_set_error(err, errlen,
		                 _("%s: the converter %s wrote output treaty cannot read"), path,
		                 prog);
		goto done;
	}
	rc = 0;
done:
	free(data);
	free(errtext);
	return rc;
}
