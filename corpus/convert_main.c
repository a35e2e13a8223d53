/*
 * convert_main.c — treaty-convert, the process the converters run in:
 *
 *     treaty-convert FORMAT PATH < bytes > records
 *
 * FORMAT is pdf, docx or html; PATH only names the file in messages.  It
 * writes what it found as the records of convert.h and exits 0, or writes one
 * message line on standard error and exits 1 (2: called wrongly).  treaty
 * starts it for `treaty import` (corpus_convert_run); it is not meant to be
 * run by hand, though nothing stops that.
 */
#include "config.h"
#include "corpus/convert.h"
#include "i18n/nls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* As corpus_read_file's limit, with one byte more to see a file that passes it. */
#define MAX_INPUT_BYTES ((64u << 20) + 1)

static int read_all(int fd, struct corpus_buf *b)
{
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		if (b->len + (size_t)n > MAX_INPUT_BYTES)
			return -1;
		corpus_buf_add(b, chunk, (size_t)n);
	}
	corpus_buf_add(b, "", 0);
	return n < 0 || b->oom ? -1 : 0;
}

static int convert(const char *tag, const char *path, const char *bytes, size_t len,
                   struct corpus_converted *c, char *err, size_t errlen)
{
	if (strcmp(tag, "pdf") == 0)
		return corpus_convert_pdf(path, bytes, len, c, err, errlen);
	if (strcmp(tag, "docx") == 0)
		return corpus_convert_docx(path, bytes, len, c, err, errlen);
	return corpus_convert_html(path, bytes, len, c, err, errlen);
}

static int write_all(const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(1, s, n);
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct corpus_buf in = {0};
	struct corpus_converted c;
	char err[1024];
	size_t len;
	i18n_ui_init(NULL, err, sizeof err);
	if (argc != 3 || (strcmp(argv[1], "pdf") != 0 && strcmp(argv[1], "docx") != 0 &&
	                  strcmp(argv[1], "html") != 0)) {
		fputs("usage: treaty-convert pdf|docx|html PATH < FILE\n", stderr);
		return 2;
	}
	if (read_all(0, &in) < 0) {
		fprintf(stderr, "%s: %s\n", argv[2],
		        _("cannot read the file (too large, or unreadable)"));
		free(in.s);
		return 1;
	}
	int rc = convert(argv[1], argv[2], in.s, in.len, &c, err, sizeof err);
	free(in.s);
	if (rc < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	char *out = corpus_converted_encode(&c, &len);
	corpus_converted_free(&c);
	if (!out || write_all(out, len) < 0) {
		fprintf(stderr, "%s: %s\n", argv[2], _("out of memory or output closed"));
		free(out);
		return 1;
	}
	free(out);
	return 0;
}
