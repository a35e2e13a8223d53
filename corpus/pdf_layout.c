/*
 * pdf_layout.c — read what `pdftotext -bbox-layout` writes: XHTML with
 * pages, flows, blocks, lines and words, each with its box.  It is read as a
 * stream, since a long document's tree would be large, keeping one record per
 * line.
 */
#include "corpus/dehyphen.h"
#include "corpus/pdf.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

void corpus_pdf_layout_free(struct corpus_pdf_layout *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->lines[i].text);
	free(l->lines);
	free(l->blocks);
	free(l->pages);
	free(l->title);
	memset(l, 0, sizeof *l);
}

static int grow(void **p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 64;
	void *q = realloc(*p, c * size);
	if (!q)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

static double attr_num(xmlTextReaderPtr r, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	double d = v ? strtod((const char *)v, NULL) : 0;
	xmlFree(v);
	return d;
}

/* Ligatures are glyphs, not text: "ﬁ" is "fi" in the source. */
static void add_word_text(struct corpus_buf *b, const char *s)
{
	static const char *const lig[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
	size_t len = strlen(s), used;
	for (size_t i = 0; i < len; i += used) {
		int32_t c = corpus_utf8_decode(s + i, len - i, &used);
		if (c >= 0xFB00 && c <= 0xFB06)
			corpus_buf_adds(b, lig[c - 0xFB00]);
		else
			corpus_buf_add(b, s + i, used);
	}
}

/* The line being read. */
struct reading {
	struct corpus_pdf_layout *l;
	struct corpus_buf text;
	double x0, y0, x1, y1, first_w, last_x1, gaps;
	int words;
	int in_line;
};

static void start_line(struct reading *g, xmlTextReaderPtr r)
{
	g->x0 = attr_num(r, "xMin");
	g->y0 = attr_num(r, "yMin");
	g->x1 = attr_num(r, "xMax");
	g->y1 = attr_num(r, "yMax");
	g->words = 0;
	g->gaps = 0;
	g->in_line = 1;
	g->text.len = 0;
	corpus_buf_add(&g->text, "", 0);
}

static void add_word(struct reading *g, xmlTextReaderPtr r)
{
	double x0 = attr_num(r, "xMin"), x1 = attr_num(r, "xMax");
	xmlChar *w = xmlTextReaderReadString(r);
	if (!w)
		return;
	if (g->words) {
		g->gaps += x0 - g->last_x1;
		corpus_buf_add(&g->text, " ", 1);
	} else {
		g->first_w = x1 - x0;
	}
	add_word_text(&g->text, (const char *)w);
	xmlFree(w);
	g->last_x1 = x1;
	g->words++;
}

static int end_line(struct reading *g)
{
	struct corpus_pdf_layout *l = g->l;
	g->in_line = 0;
	if (g->text.oom)
		return -1;
	if (!g->words)
		return 0;
	if (grow((void **)&l->lines, &l->cap, l->n, sizeof *l->lines) < 0)
		return -1;
	struct corpus_pdf_line *ln = &l->lines[l->n];
	*ln = (struct corpus_pdf_line){
	    .page = (int)l->npages - 1,
	    .block = (int)l->nblocks - 1,
	    .x0 = g->x0,
	    .y0 = g->y0,
	    .x1 = g->x1,
	    .y1 = g->y1,
	    .first_w = g->first_w,
	    .space = g->words > 1 ? g->gaps / (g->words - 1) : (g->y1 - g->y0) * 0.25,
	    .text = corpus_strdup(g->text.s),
	};
	if (!ln->text)
		return -1;
	l->n++;
	l->pages[l->npages - 1].n++;
	struct corpus_pdf_block *b = &l->blocks[l->nblocks - 1];
	b->nlines++;
	if (g->x1 > b->x1)
		b->x1 = g->x1;
	return 0;
}

static int on_element(struct reading *g, xmlTextReaderPtr r, const char *name)
{
	struct corpus_pdf_layout *l = g->l;
	if (strcmp(name, "title") == 0 && !l->title) {
		xmlChar *t = xmlTextReaderReadString(r);
		l->title = t && *t ? corpus_strdup((const char *)t) : NULL;
		xmlFree(t);
	} else if (strcmp(name, "page") == 0) {
		if (grow((void **)&l->pages, &l->pcap, l->npages, sizeof *l->pages) < 0)
			return -1;
		l->pages[l->npages++] = (struct corpus_pdf_page){attr_num(r, "height"), l->n, 0};
	} else if (strcmp(name, "block") == 0 && l->npages) {
		if (grow((void **)&l->blocks, &l->bcap, l->nblocks, sizeof *l->blocks) < 0)
			return -1;
		l->blocks[l->nblocks++] = (struct corpus_pdf_block){0, 0};
	} else if (strcmp(name, "line") == 0 && l->nblocks) {
		start_line(g, r);
	} else if (strcmp(name, "word") == 0 && g->in_line) {
		add_word(g, r);
	}
	return 0;
}

int corpus_pdf_read_layout(const char *path, const char *xhtml, size_t len,
                           struct corpus_pdf_layout *l, char *err, size_t errlen)
{
	/* Control characters from a PDF's text would make the XML unreadable. */
	char *copy = malloc(len + 1);
	if (!copy) {
		corpus_set_error(err, errlen, _("%s: out of memory"), path);
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)xhtml[i];
		copy[i] = c < 0x20 && c != '\n' && c != '\t' && c != '\r' ? ' ' : (char)c;
	}
	copy[len] = '\0';
	struct reading g = {.l = l};
	xmlTextReaderPtr r =
	    len <= 0x7FFFFFFF
	        ? xmlReaderForMemory(copy, (int)len, NULL, "UTF-8",
	                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
	        : NULL;
	int rc = r ? 1 : -1;
	while (rc == 1 && (rc = xmlTextReaderRead(r)) == 1) {
		int type = xmlTextReaderNodeType(r);
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		if (!name)
			continue;
		if (type == XML_READER_TYPE_ELEMENT && on_element(&g, r, name) < 0)
			rc = -2;
		else if (type == XML_READER_TYPE_END_ELEMENT && strcmp(name, "line") == 0 &&
		         g.in_line && end_line(&g) < 0)
			rc = -2;
	}
	xmlFreeTextReader(r);
	free(copy);
	free(g.text.s);
	if (rc == -2)
		corpus_set_error(err, errlen, _("%s: out of memory"), path);
	else if (rc < 0)
		corpus_set_error(err, errlen, _("%s: cannot read the text layout pdftotext wrote"),
		                 path);
	return rc < 0 ? -1 : 0;
}
