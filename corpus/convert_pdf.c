/*
 * convert_pdf.c — a PDF becomes paragraphs.
 *
 * Poppler's pdftotext, run without a shell, puts the words in reading order
 * and groups them into flows, blocks and lines with their boxes
 * (-bbox-layout; its plain-text mode is not used because it drops every
 * hyphen at a line end, compound or not).  pdf_layout.c reads that,
 * pdf_furniture.c takes away what is printed around the text, and this file
 * rebuilds the paragraphs: a new block starts one, and so does a line that
 * ends short of the margin by more than the next line's first word needs
 * (the typesetter would have put the word there).  Words broken at a line end
 * are rejoined as dehyphen.c decides.
 */
#include "corpus/dehyphen.h"
#include "corpus/pdf.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Generous: the XHTML of a 64 MB PDF is much larger than its text. */
#define MAX_LAYOUT_BYTES (512u << 20)
#define PDFTOTEXT_SECONDS 300

typedef struct corpus_pdf_line line_t;

static const char *last_word(const char *s)
{
	const char *sp = strrchr(s, ' ');
	return sp ? sp + 1 : s;
}

static int ends_in_hyphen(const char *s)
{
	int soft;
	const char *w = last_word(s);
	return corpus_end_hyphen(w, strlen(w), &soft) > 0;
}

static int starts_lower(const char *s)
{
	size_t used;
	return corpus_is_lower(corpus_utf8_decode(s, strlen(s), &used));
}

/* The right margin a line could have reached. */
static double right_edge(const struct corpus_pdf_layout *l, const line_t *a)
{
	const struct corpus_pdf_block *b = &l->blocks[a->block];
	if (b->nlines >= 2)
		return b->x1;
	double edge = a->x1;
	const struct corpus_pdf_page *p = &l->pages[a->page];
	for (size_t i = p->first; i < p->first + p->n; i++)
		if (!l->lines[i].furniture && l->blocks[l->lines[i].block].nlines >= 2 &&
		    l->lines[i].x1 > edge)
			edge = l->lines[i].x1;
	return edge;
}

/* b's first word would not have fitted at the end of a: a need not end a paragraph. */
static int full(const struct corpus_pdf_layout *l, const line_t *a, const line_t *b)
{
	return right_edge(l, a) - a->x1 < b->first_w + a->space * 1.5;
}

/* a ends a sentence: ".", ";", ":", "!" or "?", maybe inside closing quotes or brackets. */
static int ends_sentence(const char *a)
{
	static const char closers[] = "\"')]\xE2\x80\x9D\xE2\x80\x99\xC2\xBB";
	size_t n = strlen(a);
	while (n > 0 && (strchr(closers, a[n - 1]) || ((unsigned char)a[n - 1] & 0xC0) == 0x80))
		n--;
	return n > 0 && strchr(".;:!?", a[n - 1]);
}

/* A heading in capitals: letters, none of them lowercase. */
static int all_caps(const char *s)
{
	size_t len = strlen(s), used;
	int letters = 0;
	for (size_t i = 0; i < len; i += used) {
		int32_t c = corpus_utf8_decode(s + i, len - i, &used);
		if (corpus_is_lower(c))
			return 0;
		letters += (c >= 'A' && c <= 'Z') || c >= 0xC0;
	}
	return letters >= 2;
}

/* b goes on with a sentence: a lowercase word that is not a point's label ("a)", "b."). */
static int goes_on(const char *b)
{
	size_t n = strcspn(b, " ");
	return starts_lower(b) && !(n <= 5 && (b[n - 1] == ')' || b[n - 1] == '.'));
}

/* b goes on a's line: poppler splits a line whose spaces were stretched wide. */
static int same_line(const line_t *a, const line_t *b)
{
	double h = a->y1 - a->y0;
	return a->page == b->page && a->block == b->block && b->x0 >= a->x1 - 1 &&
	       b->y0 - a->y0 < h * 0.3 && a->y0 - b->y0 < h * 0.3;
}

static int same_paragraph(const struct corpus_pdf_layout *l, const line_t *a, const line_t *b)
{
	if ((ends_in_hyphen(a->text) && starts_lower(b->text)) || same_line(a, b))
		return 1;
	/*
	 * Across a page break the space between paragraphs is lost: a full line
	 * ending a sentence before a line that starts one is taken as a
	 * paragraph's end, and so is a heading in capitals, since a heading run
	 * into text would hide it.
	 */
	if (b->page != a->page)
		return full(l, a, b) && !all_caps(a->text) &&
		       !(ends_sentence(a->text) && !goes_on(b->text));
	if (b->block != a->block || b->y0 < a->y0 || b->y0 - a->y1 > (a->y1 - a->y0))
		return 0;
	return full(l, a, b);
}

/* The document's vocabulary, less the halves of words broken at a line end. */
static struct corpus_words *vocabulary(const struct corpus_pdf_layout *l)
{
	struct corpus_words *w = corpus_words_new();
	int broken_before = 0;
	for (size_t i = 0; w && i < l->n; i++) {
		const line_t *ln = &l->lines[i];
		if (ln->furniture)
			continue;
		int broken = ends_in_hyphen(ln->text);
		if (corpus_words_add_line(w, ln->text, broken_before, broken) < 0) {
			corpus_words_free(w);
			return NULL;
		}
		broken_before = broken;
	}
	return w;
}

static int build_text(const struct corpus_pdf_layout *l, struct corpus_converted *out)
{
	struct corpus_words *words = vocabulary(l);
	struct corpus_buf b = {0};
	const line_t *prev = NULL;
	if (!words)
		return -1;
	for (size_t i = 0; i < l->n; i++) {
		const line_t *ln = &l->lines[i];
		if (ln->furniture)
			continue;
		if (prev && same_paragraph(l, prev, ln)) {
			enum corpus_join j = corpus_line_join(prev->text, ln->text, words);
			if (j == CORPUS_JOIN_DROP_HYPHEN) {
				int soft;
				const char *w = last_word(prev->text);
				b.len -= corpus_end_hyphen(w, strlen(w), &soft);
				b.s[b.len] = '\0';
				out->rejoined++;
			}
			if (j == CORPUS_JOIN_SPACE)
				corpus_buf_add(&b, " ", 1);
		} else if (prev) {
			corpus_buf_paragraph(&b);
		}
		corpus_buf_adds(&b, ln->text);
		prev = ln;
	}
	corpus_words_free(words);
	int oom = b.oom;
	corpus_buf_finish(&b, &out->text, &out->len);
	return oom ? -1 : 0;
}

/* A PDF title that names a file or a job rather than the document is no title. */
static void take_title(struct corpus_converted *out, const char *title)
{
	size_t n = title ? strlen(title) : 0;
	if (!n)
		return;
	if (corpus_is_un_symbol(title, n)) {
		if (!out->symbol)
			out->symbol = corpus_strdup(title);
		return;
	}
	const char *dot = strrchr(title, '.');
	if (strncmp(title, "Microsoft Word - ", 17) == 0 ||
	    (dot && (strcasecmp(dot, ".doc") == 0 || strcasecmp(dot, ".docx") == 0 ||
	             strcasecmp(dot, ".pdf") == 0)) ||
	    corpus_pdf_furniture_line(title))
		return;
	out->title = corpus_strdup(title);
}

int corpus_pdf_layout_to_text(const char *path, const char *xhtml, size_t len,
                              struct corpus_converted *out, char *err, size_t errlen)
{
	struct corpus_pdf_layout l = {0};
	memset(out, 0, sizeof *out);
	if (corpus_pdf_read_layout(path, xhtml, len, &l, err, errlen) < 0)
		goto fail;
	if (corpus_pdf_mark_furniture(&l, out) < 0 || build_text(&l, out) < 0) {
		corpus_set_error(err, errlen, _("%s: out of memory"), path);
		goto fail;
	}
	if (!out->text) {
		corpus_set_error(
		    err, errlen,
		    _("%s: the PDF has no text (%zu pages of images only?); treaty needs"
		      " a PDF with a text layer: run OCR on it first"),
		    path, l.npages);
		goto fail;
	}
	take_title(out, l.title);
	corpus_pdf_layout_free(&l);
	return 0;
fail:
	corpus_pdf_layout_free(&l);
	corpus_converted_free(out);
	return -1;
}

/* ---- Running pdftotext ------------------------------------------------------------ */

/* A complete PDF ends with %%EOF (within its last kilobyte, by the standard). */
static int has_eof_marker(const char *bytes, size_t len)
{
	size_t from = len > 1024 ? len - 1024 : 0;
	for (size_t i = len >= 5 ? len - 5 + 1 : 0; i-- > from;)
		if (memcmp(bytes + i, "%%EOF", 5) == 0)
			return 1;
	return 0;
}

int corpus_convert_pdf(const char *path, const char *bytes, size_t len,
                       struct corpus_converted *out, char *err, size_t errlen)
{
	/*
	 * A wider column gap than poppler's default keeps the stretched spaces of
	 * a justified line of capitals from being read as columns.
	 */
	char *argv[] = {"pdftotext",    "-enc", "UTF-8", "-colspacing", "2",
	                "-bbox-layout", "-",    "-",     NULL};
	char *xhtml = NULL, *complaints = NULL, msg[512];
	size_t xlen;
	int status, rc = -1;
	memset(out, 0, sizeof *out);
	if (!has_eof_marker(bytes, len)) {
		corpus_set_error(
		    err, errlen,
		    _("%s: the PDF is truncated or damaged (it does not end with %%%%EOF);"
		      " get a complete copy"),
		    path);
		return -1;
	}
	if (corpus_run(argv, bytes, len, MAX_LAYOUT_BYTES, PDFTOTEXT_SECONDS, &xhtml, &xlen,
	               &complaints, &status, msg, sizeof msg) < 0) {
		corpus_set_error(err, errlen, "%s: %s", path, msg);
		return -1;
	}
	if (strstr(complaints, "Incorrect password")) {
		corpus_set_error(err, errlen,
		                 _("%s: the PDF is encrypted with a password; treaty cannot read it"
		                   " (save an unprotected copy)"),
		                 path);
	} else if (status != 0) {
		corpus_set_error(err, errlen,
		                 _("%s: pdftotext could not read the PDF (exit %d): %.*s"), path,
		                 status, (int)strcspn(complaints, "\n"), complaints);
	} else {
		rc = corpus_pdf_layout_to_text(path, xhtml, xlen, out, err, errlen);
	}
	free(xhtml);
	free(complaints);
	return rc;
}
