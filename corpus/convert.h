/*
 * convert.h — private to corpus/: the readers that turn a PDF, a Word
 * (.docx) or an HTML file into clean UTF-8 paragraphs, so that the same
 * structure recognition and fidelity check serve every format.
 *
 * Converted text has one paragraph per line and a blank line between
 * paragraphs; page furniture (running heads, page numbers, job numbers),
 * site navigation and markup are gone, and nothing else is changed but the
 * joining of lines and of words hyphenated at a line end.
 */
#ifndef TREATY_CONVERT_H
#define TREATY_CONVERT_H

#include <stddef.h>

enum corpus_format {
	CORPUS_FORMAT_TEXT,
	CORPUS_FORMAT_PDF,
	CORPUS_FORMAT_DOCX,
	CORPUS_FORMAT_HTML
};

/* "text", "PDF", "Word (.docx)", "HTML". Static. */
const char *corpus_format_name(enum corpus_format f);

/*
 * The format of a file from its first bytes, not its name: "%PDF-", a zip
 * holding word/document.xml, "<html"/"<!DOCTYPE html"; anything else is
 * text.  Refuses (-1) what treaty cannot read — another zip, a legacy .doc,
 * RTF — and a name that promises a format the bytes do not have
 * ("x.pdf" that is no PDF), naming path.
 */
int corpus_sniff(const char *path, const char *bytes, size_t len, enum corpus_format *fmt,
                 char *err, size_t errlen);

/* What a converter found: the text and what the file says about itself. */
struct corpus_converted {
	char *text; /* UTF-8 paragraphs, NUL-terminated; owned */
	size_t len;
	char *title;   /* PDF Info title, docx dc:title, HTML <title>; may be NULL; owned */
	char *symbol;  /* UN document symbol from the first page ("A/RES/79/243"); may be NULL */
	char *date;    /* ISO 8601 date from a UN masthead; may be NULL */
	char *lang;    /* ISO 639-1 from the file (docx dc:language, <html lang>); may be NULL */
	int furniture; /* lines of page furniture removed (PDF) */
	int rejoined;  /* words rejoined across a line end (PDF) */
};

void corpus_converted_free(struct corpus_converted *c);

/* Each converter reads bytes[0..len) (the file's contents; path names it in messages). */
int corpus_convert_pdf(const char *path, const char *bytes, size_t len,
                       struct corpus_converted *out, char *err, size_t errlen);
int corpus_convert_docx(const char *path, const char *bytes, size_t len,
                        struct corpus_converted *out, char *err, size_t errlen);
int corpus_convert_html(const char *path, const char *bytes, size_t len,
                        struct corpus_converted *out, char *err, size_t errlen);

/*
 * The PDF cleaner on its own: from the XHTML that `pdftotext -bbox-layout`
 * writes (pages, flows, blocks, lines, words with their boxes) to paragraphs.
 * corpus_convert_pdf runs pdftotext and then this.
 */
int corpus_pdf_layout_to_text(const char *path, const char *xhtml, size_t len,
                              struct corpus_converted *out, char *err, size_t errlen);

/*
 * The converters run in a process of their own, treaty-convert
 * (convert_main.c): the reader then never loads libxml2, libzip and what
 * they bring (a third of its start-up), and a converter that a hostile file
 * crashes cannot take treaty down with it.
 *
 * corpus_convert_run runs program (a path; NULL: "treaty-convert" looked up in
 * PATH) as `program FORMAT PATH`, FORMAT being corpus_format_tag(fmt), with
 * bytes on its standard input, and reads what it converted into *out.  Its
 * message (on standard error) becomes err when it fails.
 */
int corpus_convert_run(const char *program, enum corpus_format fmt, const char *path,
                       const char *bytes, size_t len, struct corpus_converted *out, char *err,
                       size_t errlen);

/* "pdf", "docx", "html" (NULL for text): the FORMAT argument of treaty-convert. Static. */
const char *corpus_format_tag(enum corpus_format f);

/*
 * What passes between the two: records "NAME LENGTH\n", LENGTH bytes, "\n",
 * for text, title, symbol, date, lang, furniture and rejoined (these two in
 * decimal), absent fields left out, and last an empty "end" record, so that
 * output cut short is never taken for a shorter text.  Length-counted, so
 * that a title may hold any byte.  corpus_converted_encode returns a malloc'd buffer (caller
 * frees) or NULL; corpus_converted_decode fills *out, or returns -1 on output
 * that does not follow the format.
 */
char *corpus_converted_encode(const struct corpus_converted *c, size_t *len);
int corpus_converted_decode(const char *data, size_t len, struct corpus_converted *out);

/* A UN document symbol ("A/RES/79/243", "A/AC.291/L.15"): the whole of s[0..len). */
int corpus_is_un_symbol(const char *s, size_t len);

/* ---- Shared helpers (convert.c) ---------------------------------------- */

/* A growing NUL-terminated string. */
struct corpus_buf {
	char *s;
	size_t len, cap;
	int oom; /* an allocation failed: the content is incomplete */
};

void corpus_buf_add(struct corpus_buf *b, const char *s, size_t n);
void corpus_buf_adds(struct corpus_buf *b, const char *s);
/* Append a paragraph break ("\n\n") unless the text is empty or already ends with one. */
void corpus_buf_paragraph(struct corpus_buf *b);
/* Trim trailing whitespace and end with one newline; hands b->s to out (NULL when empty). */
void corpus_buf_finish(struct corpus_buf *b, char **out, size_t *outlen);

/*
 * Run argv[0] (looked up in PATH, no shell) with input on its standard input;
 * its standard output and error are collected into *out and *errtext (NUL-
 * terminated, caller frees), each up to max_out bytes.  A program that runs
 * longer than timeout_s seconds is killed.  *status gets its exit status.
 * Returns -1 with a message when it cannot be started (not installed: the
 * message says so) or is killed; 0 otherwise, whatever its exit status.
 */
int corpus_run(char *const argv[], const char *input, size_t inlen, size_t max_out, int timeout_s,
               char **out, size_t *outlen, char **errtext, int *status, char *err, size_t errlen);

#endif
