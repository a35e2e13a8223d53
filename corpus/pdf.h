/*
 * pdf.h — private to the PDF reader (convert_pdf.c, pdf_layout.c,
 * pdf_furniture.c): a PDF's text as poppler laid it out, page by page, block
 * by block, line by line, with the boxes that tell furniture and paragraphs
 * apart.  Coordinates are PDF points, y growing down the page.
 */
#ifndef TREATY_PDF_H
#define TREATY_PDF_H

#include "corpus/convert.h"

#include <stddef.h>

struct corpus_pdf_line {
	int page, block; /* indices into the layout's pages and blocks */
	double x0, y0, x1, y1;
	double first_w; /* width of the first word */
	double space;   /* typical gap between words */
	char *text;     /* the words joined by single spaces; owned */
	int furniture;  /* a running head, page number, … */
};

struct corpus_pdf_block {
	double x1; /* right edge of its widest line */
	int nlines;
};

struct corpus_pdf_page {
	double height;
	size_t first, n; /* lines[first .. first + n) */
};

/* Lines in poppler's reading order. */
struct corpus_pdf_layout {
	struct corpus_pdf_line *lines;
	size_t n, cap;
	struct corpus_pdf_block *blocks;
	size_t nblocks, bcap;
	struct corpus_pdf_page *pages;
	size_t npages, pcap;
	char *title; /* the PDF's Info title; may be NULL; owned */
};

/* Read the XHTML of `pdftotext -bbox-layout` into l (zeroed by the caller). */
int corpus_pdf_read_layout(const char *path, const char *xhtml, size_t len,
                           struct corpus_pdf_layout *l, char *err, size_t errlen);
void corpus_pdf_layout_free(struct corpus_pdf_layout *l);

/*
 * Mark the furniture at the top and bottom edges of every page, noting in out
 * the symbol and date of a UN masthead and the number of lines removed.
 */
int corpus_pdf_mark_furniture(struct corpus_pdf_layout *l, struct corpus_converted *out);

/* A line that is furniture wherever it stands at a page's edge ("3/40", "24-24403 (E)"). */
int corpus_pdf_furniture_line(const char *s);

#endif
