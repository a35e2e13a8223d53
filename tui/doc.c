/*
 * doc.c — a document as the reading pane shows it: its provisions composed
 * into paragraphs, wrapped to a width, search hits located, and the rows of
 * one column or of two languages side by side.
 *
 * The stored fields are shown verbatim; composing only puts a label and its
 * text on one line, as the printed treaty does.
 */
#include "corpus/terms.h"
#include "i18n/nls.h"
#include "tui/reader.h"

#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Wrapping narrower than this would show a word per line; indents give way first. */
#define MIN_TEXT_WIDTH 12
#define MAX_DEPTH 32

static int is_block_kind(enum corpus_kind k)
{
	return k <= CORPUS_ARTICLE || k == CORPUS_CONCLUSIONS;
}

static int kind_indent(enum corpus_kind k)
{
	return k == CORPUS_POINT ? 4 : k == CORPUS_SUBPOINT ? 8 : 0;
}

/* The links of the paragraph: their ranges, for drawing. */
static int para_links(struct tui_para *p, const struct tui_link *l, size_t n)
{
	if (!n)
		return 0;
	p->links = malloc(n * sizeof *p->links);
	p->numbers = malloc(n * sizeof *p->numbers);
	if (!p->links || !p->numbers)
		return -1;
	for (size_t k = 0; k < n; k++) {
		p->links[k] = l[k].shown;
		p->numbers[k] = l[k].number;
	}
	p->nlinks = n;
	return 0;
}

/*
 * A paragraph of label, a space and text (either may be NULL); the links of
 * entry from *next on that lie in text get their numbers in it.
 */
static int add_para(struct tui_doc *d, size_t *cap, int entry, enum tui_style style, int indent,
                    int blank, const char *a, const char *b, size_t *next)
{
	size_t n = 0, len;
	if ((!a || !*a) && (!b || !*b))
		return 0;
	if (d->np == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		struct tui_para *p = realloc(d->p, *cap * sizeof *p);
		if (!p)
			return -1;
		d->p = p;
	}
	while (next && *next < d->nlink && d->link[*next].entry < entry)
		(*next)++; /* links in text that is not shown (none expected) */
	size_t first = next ? *next : 0;
	while (next && b && first + n < d->nlink && d->link[first + n].entry == entry)
		n++;
	/* No links at all: d->link is NULL, and NULL + 0 is undefined behaviour in C. */
	struct tui_link *links = d->link ? d->link + first : NULL;
	char *text = tui_links_compose(a, b, links, n, (int)d->np, (int)first + 1, &len);
	if (!text)
		return -1;
	struct tui_para p = {.entry = entry,
	                     .style = style,
	                     .indent = indent,
	                     .blank_before = blank && d->np > 0,
	                     .text = text,
	                     .len = len,
	                     .first_link = first,
	                     .text_at = !b              ? -1
	                                : a && *a && *b ? (long)strlen(a) + 1
	                                                : (long)(a ? strlen(a) : 0)};
	if (para_links(&p, links, n) < 0) {
		free(text), free(p.links), free(p.numbers);
		return -1;
	}
	if (next)
		*next += n;
	d->p[d->np++] = p;
	return 0;
}

static int compose(struct tui_doc *d)
{
	size_t cap = 0, link = 0;
	int wrap_indent = 0;
	d->first_para = malloc((d->n + 1) * sizeof *d->first_para);
	if (!d->first_para)
		return -1;
	d->first_para[d->n] = 0;
	for (size_t i = 0, np; i < d->n; i++) {
		const struct corpus_entry *e = &d->e[i];
		int entry = (int)i, rc = 0;
		d->first_para[i] = d->np;
		if (is_block_kind(e->kind)) {
			/* A document's title line is a heading, whichever field holds it. */
			enum tui_style ts = e->kind == CORPUS_LONGTITLE ? TUI_HEADING : TUI_BODY;
			rc |= add_para(d, &cap, entry, TUI_HEADING, 0, 1, e->label, NULL, NULL);
			np = d->np;
			rc |= add_para(d, &cap, entry, TUI_HEADING, 0, !e->label, e->heading, NULL,
			               NULL);
			if (d->np > np)
				d->p[np].heading = 1;
			rc |= add_para(d, &cap, entry, ts, 0, 1, NULL, e->text, &link);
			if (rc)
				return -1;
			wrap_indent = 0;
			continue;
		}
		int indent = e->kind == CORPUS_WRAP ? wrap_indent : kind_indent(e->kind);
		int blank = e->kind == CORPUS_PARAGRAPH || e->kind == CORPUS_BLOCK;
		np = d->np;
		rc |= add_para(d, &cap, entry, TUI_HEADING, indent, blank, e->heading, NULL, NULL);
		if (d->np > np)
			d->p[np].heading = 1;
		rc |= add_para(d, &cap, entry, TUI_BODY, indent, blank && !e->heading, e->label,
		               e->text, &link);
		if (rc)
			return -1;
		if (e->kind != CORPUS_WRAP)
			wrap_indent = e->kind == CORPUS_PARAGRAPH ? 0
			              : indent - 4 < 0            ? 0
			                                          : indent - 4;
	}
	d->first_para[d->n] = d->np;
	return 0;
}

/*
 * Each entry's article: the nearest enclosing article, else its top-level
 * ancestor (itself when none is held: a window begins deep in a document).
 */
static int find_articles(struct tui_doc *d)
{
	int stack[MAX_DEPTH];
	for (int k = 0; k < MAX_DEPTH; k++)
		stack[k] = -1;
	d->article = malloc((d->n ? d->n : 1) * sizeof *d->article);
	if (!d->article)
		return -1;
	d->narticles = 0;
	for (size_t i = 0; i < d->n; i++) {
		int depth = d->e[i].depth;
		if (depth < 0)
			depth = 0;
		if (depth >= MAX_DEPTH)
			depth = MAX_DEPTH - 1;
		stack[depth] = (int)i;
		d->article[i] = stack[0] >= 0 ? stack[0] : (int)i;
		for (int k = 0; k <= depth; k++)
			if (stack[k] >= 0 && d->e[stack[k]].kind == CORPUS_ARTICLE) {
				d->article[i] = stack[k];
				break;
			}
		if (d->e[i].kind == CORPUS_ARTICLE)
			d->narticles++;
	}
	return 0;
}

int tui_doc_load(struct tui_doc *d, struct corpus_store *s, const char *doc, const char *lang,
                 int links, char *err, size_t errlen)
{
	memset(d, 0, sizeof *d);
	int rc = corpus_get(s, doc, lang, NULL, &d->e, &d->n, err, errlen);
	if (rc != 0)
		return rc;
	d->id = strdup(doc);
	d->lang = strdup(d->e[0].lang);
	if (!d->id || !d->lang || find_articles(d) < 0 ||
	    (links && tui_links_load(d, s, err, errlen) < 0) || compose(d) < 0) {
		snprintf(err, errlen, _("out of memory"));
		tui_doc_free(d);
		return -1;
	}
	return 0;
}

/* The units ] and [ step through: articles, or top-level parts in a document without any. */
static int is_unit(const struct tui_doc *d, size_t i)
{
	return d->narticles ? d->e[i].kind == CORPUS_ARTICLE : d->e[i].depth == 0;
}

int tui_doc_load_window(struct tui_doc *d, struct corpus_store *s, const char *doc,
                        const char *lang, const char *eid, size_t rows, char *err, size_t errlen)
{
	struct corpus_window w;
	memset(d, 0, sizeof *d);
	int rc = corpus_get_window(s, doc, lang, eid, rows, &d->e, &d->n, &w, err, errlen);
	if (rc != 0)
		return rc;
	size_t at = 0;
	while (at < d->n && strcmp(d->e[at].eid, eid) != 0)
		at++;
	if (at == d->n || d->e[at].kind == CORPUS_WRAP) {
		tui_doc_free(d);
		return 1;
	}
	d->id = strdup(doc);
	d->lang = strdup(d->e[0].lang);
	if (!d->id || !d->lang || find_articles(d) < 0 || compose(d) < 0) {
		snprintf(err, errlen, _("out of memory"));
		tui_doc_free(d);
		return -1;
	}
	/* The entries before eid are its ancestors: the whole's counts place them. */
	d->window = 1;
	d->narticles = w.articles;
	d->units = w.articles ? w.articles : w.tops;
	d->units_before = w.articles ? w.articles_before : w.tops_before;
	for (size_t i = 0; i < at; i++)
		d->units_before -= is_unit(d, i);
	return 0;
}

static void free_paras(struct tui_doc *d)
{
	for (size_t i = 0; i < d->np; i++) {
		free(d->p[i].text);
		free(d->p[i].hits);
		free(d->p[i].links);
		free(d->p[i].numbers);
		free(d->p[i].uses);
		free(d->p[i].use_term);
	}
	free(d->p);
	free(d->first_para);
	d->p = NULL;
	d->first_para = NULL;
	d->np = 0;
}

int tui_doc_add_links(struct tui_doc *d, struct corpus_store *s, char *err, size_t errlen)
{
	snprintf(err, errlen, _("out of memory"));
	tui_links_free(d->link, d->nlink);
	free_paras(d);
	if (tui_links_load(d, s, err, errlen) < 0 || compose(d) < 0)
		return -1;
	d->width = 0; /* to be wrapped again */
	return 0;
}

int tui_doc_shift(const struct tui_doc *d, int entry, int part, int byte)
{
	size_t p = d->first_para[entry] + (size_t)part;
	if (p >= d->first_para[entry + 1])
		return byte;
	const struct tui_para *para = &d->p[p];
	size_t at = (size_t)byte;
	for (size_t k = 0; k < para->nlinks && para->numbers[k].start <= at; k++)
		at += para->numbers[k].end - para->numbers[k].start;
	return (int)at;
}

int tui_doc_mark_terms(struct tui_doc *d, struct corpus_store *s, char *err, size_t errlen)
{
	corpus_term_free(d->term, d->nterm);
	d->term = NULL;
	d->nterm = 0;
	if (corpus_terms(s, d->id, d->lang, &d->term, &d->nterm, err, errlen) != 0)
		return 0; /* nothing defined: nothing to mark */
	for (size_t i = 0; d->nterm && i < d->np; i++) {
		struct tui_para *p = &d->p[i];
		struct corpus_term_use *u;
		size_t n;
		free(p->uses), free(p->use_term);
		p->uses = NULL, p->use_term = NULL, p->nuses = 0;
		if (p->style != TUI_BODY)
			continue; /* a heading is not running text */
		if (corpus_term_uses(d->term, d->nterm, p->text, p->len, d->lang, &u, &n, err,
		                     errlen) < 0)
			return 0; /* no analysis for the language: the text reads as well */
		p->uses = malloc((n ? n : 1) * sizeof *p->uses);
		p->use_term = malloc((n ? n : 1) * sizeof *p->use_term);
		if (!p->uses || !p->use_term) {
			free(u);
			snprintf(err, errlen, _("out of memory"));
			return -1;
		}
		for (size_t k = 0; k < n; k++) {
			p->uses[k] = (struct tui_range){u[k].start, u[k].end};
			p->use_term[k] = u[k].term;
		}
		p->nuses = n;
		free(u);
	}
	return 0;
}

static void free_layout(struct tui_doc *d)
{
	free(d->l);
	free(d->first_line);
	free(d->hit);
	d->l = NULL;
	d->first_line = NULL;
	d->hit = NULL;
	d->nl = d->nhit = 0;
}

void tui_doc_free(struct tui_doc *d)
{
	free_layout(d);
	free_paras(d);
	tui_links_free(d->link, d->nlink);
	corpus_term_free(d->term, d->nterm);
	free(d->article);
	corpus_entry_free(d->e, d->n);
	free(d->id);
	free(d->lang);
	memset(d, 0, sizeof *d);
}

static int add_line(struct tui_doc *d, size_t *cap, int para, int entry, struct i18n_span span)
{
	if (d->nl == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		struct tui_line *l = realloc(d->l, *cap * sizeof *l);
		if (!l)
			return -1;
		d->l = l;
	}
	if (d->first_line[entry] == (size_t)-1)
		d->first_line[entry] = d->nl;
	d->l[d->nl++] = (struct tui_line){para, entry, span};
	return 0;
}

/* Hits in reading order, each with its row: what n and N step through. */
static int locate_hits(struct tui_doc *d)
{
	size_t cap = 0;
	free(d->hit);
	d->hit = NULL;
	d->nhit = 0;
	for (size_t i = 0; i < d->nl; i++) {
		const struct tui_line *l = &d->l[i];
		if (l->para < 0)
			continue;
		const struct tui_para *p = &d->p[l->para];
		for (size_t h = 0; h < p->nhits; h++) {
			if (p->hits[h].start < l->span.start || p->hits[h].start >= l->span.end)
				continue;
			if (d->nhit == cap) {
				cap = cap ? cap * 2 : 32;
				struct tui_hitpos *np = realloc(d->hit, cap * sizeof *np);
				if (!np)
					return -1;
				d->hit = np;
			}
			d->hit[d->nhit++] = (struct tui_hitpos){l->para, p->hits[h].start, i};
		}
	}
	return 0;
}

int tui_doc_indent(const struct tui_doc *d, const struct tui_para *p)
{
	if (d->width - p->indent >= MIN_TEXT_WIDTH)
		return p->indent;
	return d->width > MIN_TEXT_WIDTH ? d->width - MIN_TEXT_WIDTH : 0;
}

static int wrap_para(struct tui_doc *d, size_t *cap, size_t i)
{
	struct tui_para *p = &d->p[i];
	struct i18n_span *spans, blank = {0, 0};
	size_t ns;
	int indent = tui_doc_indent(d, p);
	if (p->blank_before && add_line(d, cap, -1, p->entry, blank) < 0)
		return -1;
	if (i18n_wrap(p->text, p->len, d->width - indent, &spans, &ns, NULL, 0) < 0)
		return -1;
	for (size_t k = 0; k < ns; k++)
		if (add_line(d, cap, (int)i, p->entry, spans[k]) < 0) {
			free(spans);
			return -1;
		}
	free(spans);
	return 0;
}

/*
 * Wrap the paragraphs from first on, until past paragraph last there are
 * rows lines more (SIZE_MAX: to the end).  Entries before first get its row.
 */
static int wrap_from(struct tui_doc *d, int width, size_t first, size_t last, size_t rows)
{
	size_t cap = 0, i, stop = SIZE_MAX;
	free_layout(d);
	d->width = width;
	d->first_line = malloc((d->n + 1) * sizeof *d->first_line);
	if (!d->first_line)
		return -1;
	for (i = 0; i <= d->n; i++)
		d->first_line[i] = (size_t)-1;
	for (i = first; i < d->np && (stop == SIZE_MAX || d->nl < stop); i++) {
		if (wrap_para(d, &cap, i) < 0)
			return -1;
		if (i == last && rows != SIZE_MAX)
			stop = d->nl + rows;
	}
	/* A window that ends before the screen does: what follows, or rows above, are not held. */
	if (d->window && i == d->np && d->nl < stop)
		return 1;
	/*
	 * Less than a screen below the place (the end of the document): the whole
	 * wrap's screen would show rows above it too, so wrap the whole now rather
	 * than have the first key move the text.
	 */
	if (first > 0 && i == d->np && d->nl < stop)
		return wrap_from(d, width, 0, 0, SIZE_MAX);
	d->partial = d->window || first > 0 || i < d->np;
	d->first_line[d->n] = d->nl;
	for (size_t i = d->n; i-- > 0;)
		if (d->first_line[i] == (size_t)-1)
			d->first_line[i] = d->first_line[i + 1];
	return locate_hits(d);
}

int tui_doc_wrap(struct tui_doc *d, int width)
{
	return wrap_from(d, width, 0, 0, SIZE_MAX);
}

int tui_doc_wrap_screen(struct tui_doc *d, int width, int entry, int part, size_t rows)
{
	size_t first = entry >= 0 && (size_t)entry < d->n ? d->first_para[entry] : 0;
	size_t last = first + (size_t)(part > 0 ? part : 0);
	if (last >= d->np)
		last = d->np ? d->np - 1 : 0;
	return wrap_from(d, width, first, last, rows);
}

int tui_doc_find(const struct tui_doc *d, const char *eid)
{
	char want[192];
	snprintf(want, sizeof want, "%s", eid);
	while (*want) {
		for (size_t i = 0; i < d->n; i++)
			if (strcmp(d->e[i].eid, want) == 0)
				return (int)i;
		char *cut = strstr(want, "__");
		if (!cut)
			break;
		while (strstr(cut + 2, "__"))
			cut = strstr(cut + 2, "__");
		*cut = '\0';
	}
	return -1;
}

int tui_doc_article_entry(const struct tui_doc *d, int n)
{
	for (size_t i = 0; i < d->n; i++)
		if (is_unit(d, i) && n-- == 0)
			return (int)i;
	return -1;
}

int tui_doc_article_index(const struct tui_doc *d, int entry)
{
	int k = 0;
	if (entry < 0 || (size_t)entry >= d->n)
		return -1;
	int unit = d->narticles ? d->article[entry] : entry;
	while (unit >= 0 && !is_unit(d, (size_t)unit))
		unit--;
	if (unit < 0)
		return -1;
	for (int i = 0; i < unit; i++)
		k += is_unit(d, (size_t)i);
	return k + d->units_before;
}

int tui_doc_units(const struct tui_doc *d)
{
	int units = d->narticles;
	if (d->window)
		return d->units;
	if (!units)
		while (tui_doc_article_entry(d, units) >= 0)
			units++;
	return units;
}

/* The entry of eid itself, not an ancestor; from hint on, as hits come in document order. */
static int find_exact(const struct tui_doc *d, const char *eid, size_t *hint)
{
	for (size_t k = 0; k < d->n; k++) {
		size_t i = (*hint + k) % d->n;
		if (strcmp(d->e[i].eid, eid) == 0) {
			*hint = i;
			return (int)i;
		}
	}
	return -1;
}

static int push_range(struct tui_para *p, size_t *cap, size_t start, size_t end)
{
	if (start >= end)
		return 0;
	if (p->nhits == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		struct tui_range *r = realloc(p->hits, *cap * sizeof *r);
		if (!r)
			return -1;
		p->hits = r;
	}
	p->hits[p->nhits++] = (struct tui_range){start, end};
	return 0;
}

/*
 * Bytes [start, end) of the stored text shown in paragraph p: after its label,
 * and cut around the number of a reference that starts inside them, which is
 * the reader's, not a hit.
 */
static int place_text_range(const struct tui_doc *d, struct tui_para *p, size_t *cap, size_t start,
                            size_t end)
{
	size_t shift = (size_t)p->text_at, from = start;
	for (size_t k = 0; k < p->nlinks; k++) {
		size_t at = d->link[p->first_link + k].at,
		       width = p->numbers[k].end - p->numbers[k].start;
		if (at <= from) {
			shift += width;
		} else if (at < end) {
			if (push_range(p, cap, from + shift, at + shift) < 0)
				return -1;
			from = at;
			shift += width;
		}
	}
	return push_range(p, cap, from + shift, end + shift);
}

/* The hits of h in the paragraphs of entry e. */
static int mark_entry(struct tui_doc *d, int e, const struct corpus_highlight *h)
{
	for (size_t i = d->first_para[e]; i < d->first_para[e + 1]; i++) {
		struct tui_para *p = &d->p[i];
		size_t cap = p->nhits;
		for (size_t k = 0; p->heading && k < h->nheading; k++)
			if (h->heading[k].end <= p->len &&
			    push_range(p, &cap, h->heading[k].start, h->heading[k].end) < 0)
				return -1;
		for (size_t k = 0; p->text_at >= 0 && k < h->ntext; k++)
			if (place_text_range(d, p, &cap, h->text[k].start, h->text[k].end) < 0)
				return -1;
	}
	return 0;
}

int tui_doc_mark(struct tui_doc *d, const struct corpus_highlight *h, size_t n)
{
	size_t hint = 0;
	for (size_t i = 0; i < d->np; i++) {
		free(d->p[i].hits);
		d->p[i].hits = NULL;
		d->p[i].nhits = 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (strcmp(h[i].doc, d->id) != 0 || strcmp(h[i].lang, d->lang) != 0)
			continue;
		int e = find_exact(d, h[i].eid, &hint);
		if (e >= 0 && mark_entry(d, e, &h[i]) < 0)
			return -1;
	}
	return d->l ? locate_hits(d) : 0;
}

/* ---- Rows ------------------------------------------------------------ */

static int add_row(struct tui_rows *r, size_t *cap, int a, int b)
{
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		int(*p)[2] = realloc(r->line, *cap * sizeof *p);
		if (!p)
			return -1;
		r->line = p;
	}
	r->line[r->n][0] = a;
	r->line[r->n][1] = b;
	if (a >= 0)
		r->row_of[0][a] = r->n;
	if (b >= 0)
		r->row_of[1][b] = r->n;
	r->n++;
	return 0;
}

/* Rows for entries [ea, ea_end) of a beside [eb, eb_end) of b, padded to the taller. */
static int add_block(struct tui_rows *r, size_t *cap, const struct tui_doc *a, size_t ea,
                     size_t ea_end, const struct tui_doc *b, size_t eb, size_t eb_end)
{
	size_t a0 = a ? a->first_line[ea] : 0, a1 = a ? a->first_line[ea_end] : 0;
	size_t b0 = b ? b->first_line[eb] : 0, b1 = b ? b->first_line[eb_end] : 0;
	size_t h = a1 - a0 > b1 - b0 ? a1 - a0 : b1 - b0;
	for (size_t k = 0; k < h; k++)
		if (add_row(r, cap, a0 + k < a1 ? (int)(a0 + k) : -1,
		            b0 + k < b1 ? (int)(b0 + k) : -1) < 0)
			return -1;
	return 0;
}

int tui_rows_build(struct tui_rows *r, const struct tui_doc *a, const struct tui_doc *b)
{
	size_t cap = 0, eb = 0;
	memset(r, 0, sizeof *r);
	r->row_of[0] = malloc((a->nl + 1) * sizeof(size_t));
	r->row_of[1] = malloc(((b ? b->nl : 0) + 1) * sizeof(size_t));
	if (!r->row_of[0] || !r->row_of[1])
		goto fail;
	if (!b) {
		for (size_t i = 0; i < a->nl; i++)
			if (add_row(r, &cap, (int)i, -1) < 0)
				goto fail;
		return 0;
	}
	for (size_t ea = 0; ea < a->n; ea++) {
		size_t k = eb;
		while (k < b->n && strcmp(b->e[k].eid, a->e[ea].eid) != 0)
			k++;
		if (k == b->n) {
			if (add_block(r, &cap, a, ea, ea + 1, b, eb, eb) < 0)
				goto fail;
			continue;
		}
		/* What only the second language has comes before the shared provision. */
		if (add_block(r, &cap, a, ea, ea, b, eb, k) < 0 ||
		    add_block(r, &cap, a, ea, ea + 1, b, k, k + 1) < 0)
			goto fail;
		eb = k + 1;
	}
	if (add_block(r, &cap, a, a->n, a->n, b, eb, b->n) < 0)
		goto fail;
	return 0;
fail:
	tui_rows_free(r);
	return -1;
}

void tui_rows_free(struct tui_rows *r)
{
	free(r->line);
	free(r->row_of[0]);
	free(r->row_of[1]);
	memset(r, 0, sizeof *r);
}

size_t tui_rows_entry_row(const struct tui_rows *r, const struct tui_doc *d, int col, int entry)
{
	size_t line = d->first_line[entry];
	return line >= d->nl ? r->n : r->row_of[col][line];
}

void tui_rows_place(const struct tui_rows *r, const struct tui_doc *a, const struct tui_doc *b,
                    size_t top, struct tui_place *p)
{
	tui_place_set(p, a->id, a->lang, "");
	if (!r->n)
		return;
	if (top >= r->n)
		top = r->n - 1;
	int col = r->line[top][0] >= 0 ? 0 : 1;
	const struct tui_doc *d = col ? b : a;
	if (!d || r->line[top][col] < 0)
		return;
	size_t k = (size_t)r->line[top][col];
	const struct tui_line *l = &d->l[k];
	tui_place_set(p, a->id, a->lang, d->e[l->entry].eid);
	if (l->para >= 0) {
		p->part = l->para - (int)d->first_para[l->entry];
		p->byte = (int)l->span.start;
	} else {
		/* A blank row is kept as the row before the paragraph that follows it. */
		int next = k + 1 < d->nl && d->l[k + 1].entry == l->entry ? d->l[k + 1].para : -1;
		p->part = next >= 0 ? next - (int)d->first_para[l->entry] : 0;
		p->byte = -1;
	}
}

/* The line of place p within entry's lines [lo, hi) of d. */
static size_t find_line(const struct tui_doc *d, int entry, size_t lo, size_t hi,
                        const struct tui_place *p, int exact)
{
	size_t first = lo;
	while (first + 1 < hi && d->l[first].para < 0)
		first++;
	if (!exact || d->first_para[entry] == d->first_para[entry + 1])
		return first;
	/* Another language may have fewer paragraphs, or shorter ones: the nearest then. */
	int last = (int)d->first_para[entry + 1] - 1, para = (int)d->first_para[entry] + p->part;
	if (para > last)
		para = last;
	size_t pick = first;
	for (size_t k = lo; k < hi; k++) {
		const struct tui_line *l = &d->l[k];
		if (p->byte < 0 && l->para < 0 && k + 1 < hi && d->l[k + 1].para == para)
			return k;
		if (l->para == para && (p->byte < 0 || l->span.start <= (size_t)p->byte))
			pick = k;
		if (l->para == para && p->byte < 0)
			return k;
	}
	return pick;
}

size_t tui_rows_find(const struct tui_rows *r, const struct tui_doc *a, const struct tui_doc *b,
                     const struct tui_place *p)
{
	const struct tui_doc *docs[2] = {a, b};
	if (!*p->eid || !r->n)
		return 0;
	for (int col = 0; col < 2; col++) {
		const struct tui_doc *d = docs[col];
		int entry = d ? tui_doc_find(d, p->eid) : -1;
		if (entry < 0)
			continue;
		size_t lo = d->first_line[entry], hi = d->first_line[entry + 1];
		if (lo >= hi)
			return tui_rows_entry_row(r, d, col, entry) < r->n
			           ? tui_rows_entry_row(r, d, col, entry)
			           : r->n - 1;
		/* An ancestor stands in for a provision this language lacks: from its start. */
		int exact = strcmp(d->e[entry].eid, p->eid) == 0;
		return r->row_of[col][find_line(d, entry, lo, hi, p, exact)];
	}
	return 0;
}
