/*
 * pdf_furniture.c — what a printed page carries besides the text: running
 * heads with the document symbol and page number, the job-number footer
 * ("24-24403 (E)"), barcodes, "Please recycle", and on a UN document's first
 * page the masthead ("United Nations", "General Assembly", "Distr.: General",
 * the date).  Only lines at a page's top or bottom edge are ever removed:
 * peeling stops at the first line that is text.  A line that is not such
 * furniture by its form is still furniture when the same line stands at the
 * edge of many pages (a running head of another publisher).
 */
#include "corpus/dehyphen.h"
#include "corpus/pdf.h"
#include "corpus/store-internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* How many lines at each edge of a page may hold a running head. */
#define EDGE_LINES 3

static int all_digits(const char *s, size_t n, size_t min, size_t max)
{
	if (n < min || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

/* "3", "3/40", "-3-": a page number on its own. */
static int page_number(const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	if (slash)
		return all_digits(s, (size_t)(slash - s), 1, 4) &&
		       all_digits(slash + 1, n - (size_t)(slash - s) - 1, 1, 4);
	if (n >= 3 && s[0] == '-' && s[n - 1] == '-')
		return all_digits(s + 1, n - 2, 1, 4);
	return all_digits(s, n, 1, 4);
}

/* "24-24403": the UN job number of a document. */
static int job_number(const char *s, size_t n)
{
	return n >= 7 && n <= 10 && s[2] == '-' && all_digits(s, 2, 2, 2) &&
	       all_digits(s + 3, n - 3, 4, 7);
}

static int word_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

/* Nothing but punctuation and symbols: a rule, or a barcode drawn in a font. */
static int no_letters(const char *s, size_t n)
{
	size_t used;
	for (size_t i = 0; i < n; i += used) {
		int32_t c = corpus_utf8_decode(s + i, n - i, &used);
		if (c < 0x80 ? isalnum(c) : (c < 0x2000 || (c >= 0x3000 && c < 0xFB00)))
			return 0;
	}
	return 1;
}

/* One word of a furniture line: 2 a sure sign, 1 allowed beside one, 0 text. */
static int furniture_word(const char *t, size_t n)
{
	if (page_number(t, n) || corpus_is_un_symbol(t, n) || job_number(t, n) ||
	    all_digits(t, n, 6, 6) || word_is(t, n, "recycle") ||
	    (n >= 3 && t[0] == '*' && t[n - 1] == '*' && all_digits(t + 1, n - 2, 1, 12)) ||
	    (n == 3 && t[0] == '(' && isupper((unsigned char)t[1]) && t[2] == ')'))
		return 2;
	if (word_is(t, n, "please") || word_is(t, n, "page") || word_is(t, n, "of") ||
	    word_is(t, n, "p.") || no_letters(t, n))
		return 1;
	return 0;
}

/*
 * A line made of furniture only: page numbers, symbols, job numbers with their
 * language code "(E)" and date code "020125", barcodes "*2424403*", "Please
 * recycle".  Words such as "Page" and "of" count only beside a number.
 */
int corpus_pdf_furniture_line(const char *s)
{
	size_t len = strlen(s);
	int sure = 0;
	if (corpus_is_un_symbol(s, len) || no_letters(s, len))
		return 1;
	for (size_t i = 0; i < len;) {
		size_t n = strcspn(s + i, " ");
		int kind = furniture_word(s + i, n);
		if (kind == 0)
			return 0;
		sure += kind == 2;
		i += n;
		while (s[i] == ' ')
			i++;
	}
	return sure > 0;
}

/* "24 December 2024" → "2024-12-24" into iso[11]; 0 when s is such a date. */
static int masthead_date(const char *s, char iso[11])
{
	static const char *const months[] = {"January",   "February", "March",    "April",
	                                     "May",       "June",     "July",     "August",
	                                     "September", "October",  "November", "December"};
	int day, year, end = 0;
	char month[16];
	if (sscanf(s, "%2d %15s %4d%n", &day, month, &year, &end) != 3 || s[end] || day < 1 ||
	    day > 31 || year < 1945 || year > 2999)
		return -1;
	for (int m = 0; m < 12; m++)
		if (strcmp(month, months[m]) == 0) {
			snprintf(iso, 11, "%04d-%02d-%02d", year, m + 1, day);
			return 0;
		}
	return -1;
}

/* What the top of a UN document's first page carries above the text. */
static int masthead_line(const char *s)
{
	static const char *const starts[] = {
	    "United Nations", "General Assembly", "Security Council", "Economic and Social Council",
	    "Distr.",         "Original:",        "Agenda item",      "Item "};
	char iso[11];
	size_t len = strlen(s);
	for (size_t i = 0; i < sizeof starts / sizeof *starts; i++)
		if (strncmp(s, starts[i], strlen(starts[i])) == 0)
			return 1;
	return masthead_date(s, iso) == 0 ||
	       (len < 40 && len > 8 && strcmp(s + len - 8, " session") == 0);
}

/* ---- Running heads -------------------------------------------------------------- */

static size_t words_in(const char *s, size_t n)
{
	size_t w = n > 0;
	for (size_t i = 0; i < n; i++)
		w += s[i] == ' ';
	return w;
}

/*
 * The line without a page number at either end: the same on every page.  What
 * is left must be a few words, or "Article 5" would be the running head
 * "Article" with a page number.
 */
static char *running_key(const char *s)
{
	size_t len = strlen(s), start = 0, end = len;
	size_t first = strcspn(s, " ");
	if (first < len && page_number(s, first))
		start = first + 1;
	const char *last = strrchr(s, ' ');
	if (last && (size_t)(last - s) >= start &&
	    page_number(last + 1, len - (size_t)(last - s) - 1))
		end = (size_t)(last - s);
	if ((start || end < len) && words_in(s + start, end - start) < 3)
		start = 0, end = len;
	return strndup(s + start, end - start);
}

struct seen {
	char *key;
	size_t page;
};

static int by_key_then_page(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->page > y->page) - (x->page < y->page);
}

/* Line indices of a page ordered top to bottom, then left to right. */
static size_t *page_order(const struct corpus_pdf_layout *l, const struct corpus_pdf_page *p)
{
	size_t *ix = malloc((p->n ? p->n : 1) * sizeof *ix);
	if (!ix)
		return NULL;
	for (size_t i = 0; i < p->n; i++) {
		size_t k = i, v = p->first + i;
		while (k > 0) {
			const struct corpus_pdf_line *a = &l->lines[ix[k - 1]], *b = &l->lines[v];
			if (a->y0 < b->y0 - 1 || (a->y0 <= b->y0 + 1 && a->x0 <= b->x0))
				break;
			ix[k] = ix[k - 1];
			k--;
		}
		ix[k] = v;
	}
	return ix;
}

/* The texts that stand among the edge lines of at least 3 pages and 40 % of them. */
struct running {
	char **keys; /* sorted */
	size_t n;
};

static void running_free(struct running *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->keys[i]);
	free(r->keys);
}

static int collect_edges(const struct corpus_pdf_layout *l, struct seen **out, size_t *n)
{
	size_t cap = l->npages * 2 * EDGE_LINES + 1;
	struct seen *s = calloc(cap, sizeof *s);
	*out = s;
	*n = 0;
	if (!s)
		return -1;
	for (size_t p = 0; p < l->npages; p++) {
		const struct corpus_pdf_page *pg = &l->pages[p];
		size_t *ix = page_order(l, pg);
		if (!ix)
			return -1;
		for (size_t i = 0; i < pg->n; i++) {
			if (i >= EDGE_LINES && i + EDGE_LINES < pg->n)
				continue;
			if (!(s[*n].key = running_key(l->lines[ix[i]].text))) {
				free(ix);
				return -1;
			}
			s[(*n)++].page = p;
		}
		free(ix);
	}
	return 0;
}

static int find_running(const struct corpus_pdf_layout *l, struct running *r)
{
	struct seen *s;
	size_t n;
	int rc = collect_edges(l, &s, &n);
	if (rc == 0 && n)
		qsort(s, n, sizeof *s, by_key_then_page);
	r->keys = calloc(n + 1, sizeof *r->keys);
	for (size_t i = 0; rc == 0 && r->keys && i < n;) {
		size_t j = i, pages = 0;
		for (; j < n && strcmp(s[j].key, s[i].key) == 0; j++)
			pages += j == i || s[j].page != s[j - 1].page;
		if (*s[i].key && l->npages >= 3 && pages >= 3 && pages * 5 >= l->npages * 2) {
			r->keys[r->n++] = s[i].key;
			s[i].key = NULL;
		}
		i = j;
	}
	for (size_t i = 0; s && i < n; i++)
		free(s[i].key);
	free(s);
	return rc < 0 || !r->keys ? -1 : 0;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int is_running(const struct running *r, const char *s)
{
	char *key = running_key(s);
	int found = key && r->n && bsearch(&key, r->keys, r->n, sizeof *r->keys, cmp_key);
	free(key);
	return found;
}

/* ---- Peeling the edges ------------------------------------------------------------ */

/* Take the first symbol among the words of s. */
static void note_symbol(struct corpus_converted *out, const char *s)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len && !out->symbol;) {
		size_t n = strcspn(s + i, " ");
		if (corpus_is_un_symbol(s + i, n))
			out->symbol = strndup(s + i, n);
		i += n;
		while (s[i] == ' ')
			i++;
	}
}

static int is_furniture(const struct running *r, size_t page, int top, const char *s,
                        struct corpus_converted *out)
{
	char iso[11];
	if (corpus_pdf_furniture_line(s) || is_running(r, s)) {
		note_symbol(out, s);
		return 1;
	}
	if (page != 0 || !top || !masthead_line(s))
		return 0;
	note_symbol(out, s);
	if (!out->date && masthead_date(s, iso) == 0)
		out->date = corpus_strdup(iso);
	return 1;
}

int corpus_pdf_mark_furniture(struct corpus_pdf_layout *l, struct corpus_converted *out)
{
	struct running r = {0};
	if (find_running(l, &r) < 0) {
		running_free(&r);
		return -1;
	}
	for (size_t p = 0; p < l->npages; p++) {
		struct corpus_pdf_page *pg = &l->pages[p];
		size_t *ix = page_order(l, pg);
		if (!ix) {
			running_free(&r);
			return -1;
		}
		size_t top = 0, bottom = pg->n;
		while (top < pg->n && is_furniture(&r, p, 1, l->lines[ix[top]].text, out))
			l->lines[ix[top++]].furniture = 1;
		while (bottom > top && is_furniture(&r, p, 0, l->lines[ix[bottom - 1]].text, out))
			l->lines[ix[--bottom]].furniture = 1;
		out->furniture += (int)(top + pg->n - bottom);
		free(ix);
	}
	running_free(&r);
	return 0;
}
