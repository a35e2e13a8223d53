/*
 * query.c — the query language (see query.h) to a safe FTS5 MATCH expression.
 *
 * FTS5's own syntax has column filters, NEAR, ^, + and barewords that fail on
 * punctuation; a delegate who types "art. 2(1)" or "l'accès" must not meet an
 * SQLite syntax error.  So the translator never passes user text as syntax:
 * it splits the input itself, and every term becomes an FTS5 string, whose
 * content only the tokenizer sees.  The only syntax emitted is AND, OR, NOT,
 * parentheses and a trailing *.
 */
#include "corpus/query.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Stray input that is read sensibly, each explained once, in this order. */
enum notice {
	N_QUOTE = 1 << 0,
	N_STAR = 1 << 1,
	N_MINUS = 1 << 2,
	N_OR = 1 << 3,
	N_NOT = 1 << 4,
	N_PAREN = 1 << 5,
	N_SIGN = 1 << 6,
	N_PUNCT = 1 << 7,
	N_FILTER = 1 << 8,
};

static const char *const notice_text[] = {
    N_("the closing quote was missing and has been added"),
    N_("* works only at the end of a word, as in crimin*; another * was ignored"),
    N_("- works only just before a word, as in -child; a lone - was ignored"),
    N_("OR needs a word on each side; a stray OR was ignored"),
    N_("NOT needs a word after it; it was ignored"),
    N_("parentheses do not group: OR joins only the two words beside it"),
    N_("^ and + are not needed and were ignored"),
    N_("parts without letters or digits were ignored"),
    NULL, /* N_FILTER: built with the name */
};

enum item_kind { ITEM_TERM, ITEM_OR };

struct item {
	enum item_kind kind;
	char *text; /* as typed, without quotes or stars */
	int neg, prefix;
};

struct parser {
	const unsigned char *s;
	size_t len, pos;
	struct item items[CORPUS_QUERY_MAX_TERMS * 2 + 2];
	size_t nitems, nterms;
	unsigned notices;
	char unknown_filter[32]; /* first unknown "name:" seen */
	struct corpus_parsed_query *out;
	char *err;
	size_t errlen;
};

/* A growing string; on allocation failure it stays NULL and reports it at the end. */
struct buf {
	char *s;
	size_t len, cap;
	int failed;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->failed)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->failed = 1;
			return;
		}
		b->s = p, b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	if (p->err && p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err, p->errlen, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* Decode the code point at s[i] (input is known valid UTF-8); *n gets its length. */
static unsigned cp_at(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	unsigned c = s[i];
	if (c < 0x80 || i + 1 >= len) {
		*n = 1;
		return c;
	}
	if (c < 0xE0) {
		*n = 2;
		return ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
	}
	if (c < 0xF0) {
		*n = i + 2 < len ? 3 : 1;
		return *n == 3 ? ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)
		               : c;
	}
	*n = i + 3 < len ? 4 : 1;
	return *n == 4 ? ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
	                     (s[i + 3] & 0x3F)
	               : c;
}

static int is_space(unsigned c)
{
	return c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
	       c == 0x205F || c == 0x3000;
}

/* Quotation marks of the languages served; any of them opens or closes. */
static int is_quote(unsigned c)
{
	return c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E ||
	       c == 0x300C || c == 0x300D || c == 0xFF02;
}

static int is_minus(unsigned c)
{
	return c == '-' || c == 0x2212 || c == 0xFF0D;
}

static unsigned peek(struct parser *p, size_t *n)
{
	return cp_at(p->s, p->len, p->pos, n);
}

static void skip_space(struct parser *p)
{
	size_t n;
	while (p->pos < p->len && is_space(peek(p, &n)))
		p->pos += n;
}

/* Nonzero when s[0..n) has an ASCII letter or digit, or any non-ASCII character. */
static int has_word_char(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 1;
	}
	return 0;
}

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

static int add_item(struct parser *p, enum item_kind kind, const char *s, size_t n, int neg,
                    int prefix)
{
	/*
	 * A phrase that begins with I18N_INDEXED_TERM is taken by the tokenizer
	 * as an index term, verbatim; a user's cannot be (text pasted from a PDF
	 * may hold that private-use character).  It is no part of a word, so
	 * leaving it out searches for what a text holding it was indexed as.
	 */
	size_t mark = sizeof I18N_INDEXED_TERM - 1;
	while (kind == ITEM_TERM && n >= mark && memcmp(s, I18N_INDEXED_TERM, mark) == 0)
		s += mark, n -= mark;
	if (kind == ITEM_TERM && n == 0)
		return 0;
	if (kind == ITEM_TERM && ++p->nterms > CORPUS_QUERY_MAX_TERMS)
		return fail(p, _("too many words: a search takes at most %d words or phrases"),
		            CORPUS_QUERY_MAX_TERMS);
	if (p->nitems == sizeof p->items / sizeof p->items[0])
		return 0; /* only runs of OR get here; more of them add nothing */
	struct item *it = &p->items[p->nitems];
	it->kind = kind, it->neg = neg, it->prefix = prefix, it->text = NULL;
	if (kind == ITEM_TERM && !(it->text = dup_n(s, n)))
		return fail(p, _("out of memory"));
	p->nitems++;
	return 0;
}

/*
 * Read a quoted phrase starting at the opening quote; *s and *n receive its
 * content, *prefix whether a * ends it (inside or just after the quotes).
 */
static void read_phrase(struct parser *p, const char **s, size_t *n, int *prefix)
{
	size_t k;
	peek(p, &k);
	p->pos += k;
	size_t start = p->pos, end;
	for (;;) {
		if (p->pos >= p->len) {
			end = p->pos;
			p->notices |= N_QUOTE;
			break;
		}
		unsigned c = peek(p, &k);
		if (is_quote(c)) {
			end = p->pos;
			p->pos += k;
			break;
		}
		p->pos += k;
	}
	*prefix = 0;
	while (p->pos < p->len && p->s[p->pos] == '*')
		p->pos++, *prefix = 1;
	/* Trim spaces (French puts no-break spaces inside « »); a * at the end is a prefix. */
	size_t first = end, last = start;
	for (size_t i = start; i < end; i += k) {
		unsigned c = cp_at(p->s, end, i, &k);
		if (is_space(c))
			continue;
		if (first == end)
			first = i;
		if (c != '*')
			last = i + k;
	}
	if (first < end && last < end)
		for (size_t i = last; i < end; i++)
			*prefix |= p->s[i] == '*';
	*s = (const char *)p->s + first;
	*n = last > first ? last - first : 0;
}

static int set_filter(struct parser *p, const char *name, char **slot, const char *v, size_t n)
{
	if (n == 0) {
		const char *eg = !strcmp(name, "doc")    ? "budapest"
		                 : !strcmp(name, "lang") ? "nl"
		                                         : "5";
		return fail(p, _("%s: needs a value, as in %s:%s"), name, name, eg);
	}
	if (*slot)
		return fail(p, _("%s: is given twice; give one"), name);
	if (!strcmp(name, "lang")) {
		if (n < 2 || n > 3)
			goto badlang;
		for (size_t i = 0; i < n; i++)
			if (((unsigned char)v[i] | 0x20) < 'a' ||
			    ((unsigned char)v[i] | 0x20) > 'z')
				goto badlang;
	}
	if (!(*slot = dup_n(v, n)))
		return fail(p, _("out of memory"));
	if (!strcmp(name, "lang"))
		for (char *c = *slot; *c; c++)
			*c |= 0x20;
	return 0;
badlang:
	return fail(p, _("lang: takes a language code such as en, fr or ar, not \"%.*s\""),
	            (int)(n > 40 ? 40 : n), v);
}

/* A bareword of the form name:value.  1: not a filter; 0: done; -1: error. */
static int try_filter(struct parser *p, const char *w, size_t n, int neg)
{
	size_t colon = 0;
	while (colon < n &&
	       (((unsigned char)w[colon] | 0x20) >= 'a' && ((unsigned char)w[colon] | 0x20) <= 'z'))
		colon++;
	if (colon == 0 || colon == n || w[colon] != ':')
		return 1;
	static const char *const names[] = {"doc", "lang", "art"};
	struct corpus_parsed_query *q = p->out;
	char **slots[] = {&q->doc, &q->lang, &q->art};
	for (int i = 0; i < 3; i++) {
		if (strlen(names[i]) != colon || strncasecmp(w, names[i], colon) != 0)
			continue;
		if (neg)
			return fail(p, _("a filter cannot be excluded: -%s:"), names[i]);
		const char *v = w + colon + 1;
		size_t vn = n - colon - 1;
		if (vn == 0 && p->pos < p->len) {
			size_t k;
			if (is_quote(peek(p, &k))) {
				int ignored;
				read_phrase(p, &v, &vn, &ignored);
			}
		}
		return set_filter(p, names[i], slots[i], v, vn);
	}
	if (!(p->notices & N_FILTER))
		snprintf(p->unknown_filter, sizeof p->unknown_filter, "%.*s",
		         (int)(colon < 20 ? colon : 20), w);
	p->notices |= N_FILTER;
	return 1;
}

/*
 * A run of characters up to a space or a quote; signs were taken off already.
 * Keywords are recognised unless a - was typed before them: "-OR" is a word.
 */
static int bareword(struct parser *p, int minus, int *not_next)
{
	size_t start = p->pos, k;
	while (p->pos < p->len) {
		unsigned c = peek(p, &k);
		if (is_space(c) || is_quote(c))
			break;
		p->pos += k;
	}
	const char *w = (const char *)p->s + start;
	size_t n = p->pos - start;

	/* Parentheses that balance inside a word are text: "2(1)(a)". */
	long depth = 0;
	for (size_t i = 0; i < n; i++)
		depth += (w[i] == '(') - (w[i] == ')');
	if (depth)
		p->notices |= N_PAREN;
	for (; depth > 0 && n && *w == '('; depth--)
		w++, n--;
	for (; depth < 0 && n && w[n - 1] == ')'; depth++)
		n--;
	if (!minus && ((n == 2 && !memcmp(w, "OR", 2)) || (n == 3 && !memcmp(w, "AND", 3)) ||
	               (n == 3 && !memcmp(w, "NOT", 3)))) {
		if (*not_next)
			p->notices |= N_NOT;
		*not_next = w[0] == 'N';
		return w[0] == 'O' ? add_item(p, ITEM_OR, NULL, 0, 0, 0) : 0;
	}
	int neg = minus || *not_next;
	*not_next = 0;
	int rc = try_filter(p, w, n, neg);
	if (rc <= 0)
		return rc;

	int prefix = 0;
	while (n && w[n - 1] == '*')
		n--, prefix = 1;
	while (n && *w == '*')
		w++, n--, p->notices |= N_STAR;
	if (n == 0) {
		if (prefix) /* a word of stars; a word of brackets is explained by N_PAREN */
			p->notices |= N_STAR;
		return 0;
	}
	if (!has_word_char(w, n)) {
		p->notices |= N_PUNCT;
		return 0;
	}
	return add_item(p, ITEM_TERM, w, n, neg, prefix);
}

/* Take off the signs before a term: returns whether a minus was among them. */
static int signs(struct parser *p)
{
	int minus = 0;
	size_t k;
	while (p->pos < p->len) {
		unsigned c = peek(p, &k);
		if (is_minus(c))
			minus = 1;
		else if (c == '+' || c == '^')
			p->notices |= N_SIGN;
		else
			break;
		p->pos += k;
	}
	return minus;
}

static int lex(struct parser *p)
{
	int not_next = 0;
	for (;;) {
		skip_space(p);
		if (p->pos >= p->len)
			break;
		int minus = signs(p);
		size_t k;
		unsigned c = p->pos < p->len ? peek(p, &k) : ' ';
		if (is_space(c)) {
			if (minus)
				p->notices |= N_MINUS;
			continue;
		}
		if (!is_quote(c)) {
			if (bareword(p, minus, &not_next) < 0)
				return -1;
			continue;
		}
		const char *s;
		size_t n;
		int prefix, neg = minus || not_next;
		not_next = 0;
		read_phrase(p, &s, &n, &prefix);
		if (!has_word_char(s, n))
			p->notices |= N_PUNCT;
		else if (add_item(p, ITEM_TERM, s, n, neg, prefix) < 0)
			return -1;
	}
	if (not_next)
		p->notices |= N_NOT;
	return 0;
}

/* An FTS5 string: the only way user text reaches the MATCH expression. */
static void add_string(struct buf *b, const struct item *it)
{
	const char *s = it->text, *q;
	buf_add(b, "\"", 1);
	while ((q = strchr(s, '"')) != NULL) {
		buf_add(b, s, (size_t)(q - s));
		buf_add(b, "\"\"", 2);
		s = q + 1;
	}
	buf_str(b, s);
	buf_str(b, it->prefix ? "\"*" : "\"");
}

/*
 * Group the items: an OR joins the positive terms beside it into one group;
 * groups are ANDed; exclusions are subtracted from the whole.  Explicit AND
 * and parentheses, because FTS5 binds OR looser than AND and has no implicit
 * AND before a parenthesis.
 */
static int build(struct parser *p, struct buf *b)
{
	struct item *it = p->items;
	size_t group[CORPUS_QUERY_MAX_TERMS], size[CORPUS_QUERY_MAX_TERMS];
	struct item *pos[CORPUS_QUERY_MAX_TERMS];
	size_t npos = 0, nneg = 0, ngroups = 0;
	int pending_or = 0, after_pos = 0;

	for (size_t i = 0; i < p->nitems; i++) {
		if (it[i].kind == ITEM_OR) {
			if (!after_pos || pending_or)
				p->notices |= N_OR;
			else
				pending_or = 1;
			after_pos = 0;
		} else if (it[i].neg) {
			nneg++;
			if (pending_or)
				p->notices |= N_OR;
			pending_or = 0, after_pos = 0;
		} else {
			if (!pending_or)
				size[ngroups++] = 0;
			group[npos] = ngroups - 1;
			size[ngroups - 1]++;
			pos[npos++] = &it[i];
			pending_or = 0, after_pos = 1;
		}
	}
	if (pending_or)
		p->notices |= N_OR;
	if (npos == 0)
		return nneg
		           ? fail(p,
		                  _("only exclusions: add a word to look for, as in: fraud -child"))
		           : 0;

	/* The phrases in the order of the expression: the positive strings, then the excluded. */
	struct corpus_parsed_query *q = p->out;
	if (!(q->phrases = calloc(npos + nneg, sizeof *q->phrases)))
		return fail(p, _("out of memory"));
	q->plain = ngroups == npos && nneg == 0;
	for (size_t i = 0; i < npos + p->nitems; i++) {
		const struct item *t = i < npos ? pos[i] : &it[i - npos];
		if (i >= npos && !(t->kind == ITEM_TERM && t->neg))
			continue;
		struct corpus_phrase *ph = &q->phrases[q->nphrases++];
		ph->prefix = t->prefix;
		q->plain &= !t->prefix;
		if (!(ph->text = dup_n(t->text, strlen(t->text))))
			return fail(p, _("out of memory"));
	}
	int wrap = nneg && npos > 1;
	if (wrap)
		buf_str(b, "(");
	for (size_t i = 0; i < npos; i++) {
		size_t g = group[i];
		int first = i == 0 || group[i - 1] != g, last = i + 1 == npos || group[i + 1] != g;
		int paren = ngroups > 1 && size[g] > 1;
		if (i)
			buf_str(b, first ? " AND " : " OR ");
		if (first && paren)
			buf_str(b, "(");
		add_string(b, pos[i]);
		if (last && paren)
			buf_str(b, ")");
	}
	if (wrap)
		buf_str(b, ")");
	for (size_t i = 0; i < p->nitems; i++)
		if (it[i].kind == ITEM_TERM && it[i].neg)
			buf_str(b, " NOT "), add_string(b, &it[i]);
	return 0;
}

static char *notices_text(const struct parser *p)
{
	struct buf b = {0};
	for (size_t i = 0; i < sizeof notice_text / sizeof notice_text[0]; i++) {
		if (!(p->notices & (1u << i)))
			continue;
		if (b.len)
			buf_str(&b, "; ");
		if (notice_text[i]) {
			buf_str(&b, _(notice_text[i]));
		} else {
			char said[512];
			snprintf(said, sizeof said,
			         _("\"%s:\" is not a filter and was searched as text (filters: "
			           "doc:, lang:, art:)"),
			         p->unknown_filter);
			buf_str(&b, said);
		}
	}
	return b.s;
}

static int collect_words(struct parser *p)
{
	struct corpus_parsed_query *q = p->out;
	q->words = calloc(p->nterms + 1, sizeof *q->words);
	if (!q->words)
		return fail(p, _("out of memory"));
	for (size_t i = 0; i < p->nitems; i++)
		if (p->items[i].text && !p->items[i].neg) {
			q->words[q->nwords++] = p->items[i].text;
			p->items[i].text = NULL;
		}
	return 0;
}

int corpus_query_parse(const char *text, struct corpus_parsed_query *out, char *err, size_t errlen)
{
	static struct parser zero;
	struct parser *p = malloc(sizeof *p);
	struct buf match = {0};
	size_t bad;
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (!p) {
		if (err && errlen)
			snprintf(err, errlen, _("out of memory"));
		return -1;
	}
	*p = zero;
	p->s = (const unsigned char *)text, p->len = strlen(text);
	p->out = out, p->err = err, p->errlen = errlen;

	if (p->len > CORPUS_QUERY_MAX_BYTES) {
		fail(p, _("the search is too long: %zu bytes, at most %d"), p->len,
		     CORPUS_QUERY_MAX_BYTES);
		goto done;
	}
	if (!i18n_utf8_valid(text, p->len, &bad)) {
		fail(p, _("the search is not valid UTF-8 (byte %zu)"), bad + 1);
		goto done;
	}
	if (lex(p) < 0 || build(p, &match) < 0)
		goto done;
	if (match.failed) {
		fail(p, _("out of memory"));
		goto done;
	}
	out->match = match.s, match.s = NULL;
	out->notice = notices_text(p);
	if (!out->match && !out->doc && !out->lang && !out->art) {
		if (out->notice)
			fail(p, _("nothing to search for: %s"), out->notice);
		else
			fail(p, _("nothing to search for: type words, \"a phrase\" or a filter "
			          "such as doc:budapest"));
		goto done;
	}
	rc = collect_words(p);
done:
	for (size_t i = 0; i < p->nitems; i++)
		free(p->items[i].text);
	free(p);
	free(match.s);
	if (rc < 0)
		corpus_query_free(out);
	return rc;
}

void corpus_query_free(struct corpus_parsed_query *q)
{
	free(q->match);
	free(q->doc);
	free(q->lang);
	free(q->art);
	for (size_t i = 0; i < q->nwords; i++)
		free(q->words[i]);
	free(q->words);
	free(q->notice);
	for (size_t i = 0; i < q->nphrases; i++)
		free(q->phrases[i].text);
	free(q->phrases);
	memset(q, 0, sizeof *q);
}
