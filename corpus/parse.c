/*
 * parse.c — the structure recogniser: a plain official text becomes a tree
 * of provisions with stable ids, without a character of it being changed.
 *
 * The text is read line by line (blank lines only separate).  grammar.c says
 * what a line starts with; here it is placed: a heading opens a chapter,
 * section, title or article; a label opens a paragraph, point or sub-point
 * under the provisions still open; anything else continues the innermost open
 * provision, or, after a list of points, becomes the "wrap" text that closes
 * the list.  Each step looks at one line and the top of a small stack, so the
 * whole is linear in the size of the text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/grammar.h"
#include "corpus/utf8.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"

const char *corpus_kind_name(enum corpus_kind kind)
{
	static const char *const names[] = {"longtitle", "preamble", "chapter",     "section",
	                                    "title",     "article",  "paragraph",   "point",
	                                    "subpoint",  "wrap",     "conclusions", "block"};
	if ((unsigned)kind < sizeof names / sizeof *names)
		return names[kind];
	return "unknown";
}

void corpus_document_free(struct corpus_document *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n; i++) {
		struct corpus_provision *p = &doc->prov[i];
		free(p->eid);
		free(p->num);
		free(p->label);
		free(p->heading);
		free(p->text);
	}
	free(doc->prov);
	free(doc->id);
	free(doc->kind);
	free(doc->lang);
	free(doc->title);
	free(doc->symbol);
	free(doc->date);
	free(doc->parent);
	free(doc->source);
	free(doc->sha256);
	free(doc->delegation);
	free(doc->on_behalf_of);
	free(doc->meeting);
	free(doc->agenda_item);
	free(doc->refers_to);
	free(doc->warnings);
	memset(doc, 0, sizeof *doc);
}

/* ---- Lines ------------------------------------------------------------ */

struct line {
	size_t s, e; /* trimmed content text[s..e) */
	int no;      /* 1-based line number */
	int gap;     /* blank lines came before it */
};

/* Non-blank lines, trimmed of whitespace. *out is the caller's to free. */
static int split_lines(const char *text, size_t len, struct line **out, size_t *n)
{
	size_t cap = 64, cnt = 0, i = 0;
	int no = 1, gap = 0;
	struct line *v = malloc(cap * sizeof *v);

	if (!v)
		return -1;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - text) : len, s = i, e = end, k;
		while (s < e) {
			k = s;
			if (!corpus_u_space(corpus_u8_next(text, e, &k)))
				break;
			s = k;
		}
		while (e > s) {
			if (!corpus_u_space(corpus_u8_prev(text, e, &k)))
				break;
			e = k;
		}
		if (s < e) {
			if (cnt == cap) {
				struct line *w = realloc(v, 2 * cap * sizeof *v);
				if (!w) {
					free(v);
					return -1;
				}
				v = w, cap *= 2;
			}
			v[cnt++] = (struct line){s, e, no, gap};
			gap = 0;
		} else {
			gap = 1;
		}
		i = end + 1;
		no++;
	}
	*out = v;
	*n = cnt;
	return 0;
}

/* ---- Building the provision array ------------------------------------- */

struct open {
	int idx;        /* provision index */
	int level;      /* depth rank: chapter 0 … sub-point 6 */
	long last_para; /* article: number_rank() of the last paragraph */
	char last_para_num[16]; /* and its number */
	int last_point; /* article or paragraph: ordinal of the last point */
	int point_style;
	int wraps; /* wraps opened under this provision */
	int wrap;  /* this is a wrap: it holds text, never children */
};

enum { L_CHAPTER, L_SECTION, L_TITLE, L_ARTICLE, L_PARA, L_POINT, L_SUB, L_MAX = 12 };

/* An entry of the set of ids in use. */
struct slot {
	size_t hash;
	size_t idx; /* provision index + 1; 0: empty */
};

struct parser {
	const char *file, *text;
	const struct corpus_lang *lang;
	struct corpus_document *doc;
	size_t cap;
	size_t *tlen, *tcap; /* length and capacity of each provision's text */
	/* Open-addressing set of the eids in use (linear probing, at most half full). */
	struct slot *set;
	size_t setcap;
	struct open stack[L_MAX];
	int depth;
	int last; /* the provision that text continues: top of stack, or the last front one */
	int articles, last_art_line, want_heading, in_conclusions, blocks;
	long last_art;         /* number_rank() of the last article */
	char last_art_num[16]; /* and its number */
	/* A label the line starts with but that is kept as text (a number used before). */
	struct {
		int line;     /* where that number was used, 0: nothing pending */
		char after[16]; /* a paragraph number lower than this one, without a repeat: "" */
		size_t label; /* bytes of the label at the start of the line */
	} kept;
	int warnings;    /* warnings written so far */
	size_t warn_len; /* bytes of doc->warnings */
	char *err;
	size_t errlen;
};

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	/* FNV's low bits are weak for ids that differ in one digit; mix the high ones in */
	h ^= h >> 29;
	h *= 0xbf58476d1ce4e5b9u;
	h ^= h >> 32;
	return h;
}

/* Slot of eid (hashed h) in the set: where it is, or the empty slot where it would go. */
static size_t set_slot(const struct parser *p, const char *eid, size_t h)
{
	size_t k = h & (p->setcap - 1);

	/* the stored hash spares most visits to the provision's id */
	while (p->set[k].idx &&
	       (p->set[k].hash != h || strcmp(p->doc->prov[p->set[k].idx - 1].eid, eid) != 0))
		k = (k + 1) & (p->setcap - 1);
	return k;
}

static int set_grow(struct parser *p)
{
	size_t old = p->setcap;
	struct slot *was = p->set;

	p->setcap = old ? old * 2 : 256;
	if (!(p->set = calloc(p->setcap, sizeof *p->set))) {
		p->set = was, p->setcap = old;
		return -1;
	}
	for (size_t k = 0; k < old; k++)
		if (was[k].idx)
			p->set[set_slot(p, p->doc->prov[was[k].idx - 1].eid, was[k].hash)] = was[k];
	free(was);
	return 0;
}

/* The source line of the provision with this id, or 0 when there is none. */
static int line_of_eid(const struct parser *p, const char *eid)
{
	if (!eid || !p->setcap)
		return 0;
	size_t k = set_slot(p, eid, hash(eid));
	return p->set[k].idx ? p->doc->prov[p->set[k].idx - 1].line : 0;
}

static int oom(struct parser *p)
{
	snprintf(p->err, p->errlen, _("%s: out of memory"), p->file);
	return -1;
}

static char *dup_span(const char *s, size_t len)
{
	char *d = malloc(len + 1);

	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

/* Room for twice as many provisions. */
static int grow(struct parser *p)
{
	size_t nc = p->cap ? p->cap * 2 : 64;
	struct corpus_provision *v = realloc(p->doc->prov, nc * sizeof *v);
	size_t *tl, *tc;

	if (!v)
		return -1;
	p->doc->prov = v;
	if (!(tl = realloc(p->tlen, nc * sizeof *tl)))
		return -1;
	p->tlen = tl;
	if (!(tc = realloc(p->tcap, nc * sizeof *tc)))
		return -1;
	p->tcap = tc;
	p->cap = nc;
	return 0;
}

/*
 * Add a provision; eid (taken over) must be new.  Returns its index, -2 when
 * the eid is already used (the caller then keeps the line as text), -1 on
 * failure.
 */
static int add(struct parser *p, char *eid, enum corpus_kind kind, int parent, const char *num,
               int line)
{
	struct corpus_document *d = p->doc;
	size_t k, h;

	if (!eid)
		return oom(p);
	if ((d->n + 1) * 2 > p->setcap && set_grow(p) < 0) {
		free(eid);
		return oom(p);
	}
	h = hash(eid);
	k = set_slot(p, eid, h);
	if (p->set[k].idx) {
		free(eid);
		return -2;
	}
	if (d->n == p->cap && grow(p) < 0) {
		free(eid);
		return oom(p);
	}
	struct corpus_provision *v = &d->prov[d->n];
	memset(v, 0, sizeof *v);
	v->eid = eid;
	v->kind = kind;
	v->parent = parent;
	v->line = line;
	v->text = calloc(1, 16);
	v->num = num ? strdup(num) : NULL;
	p->tlen[d->n] = 0;
	p->tcap[d->n] = 16;
	d->n++; /* counted now, so that the document frees it whatever happens */
	if (!v->text || (num && !v->num))
		return oom(p);
	p->set[k] = (struct slot){h, d->n};
	return (int)d->n - 1;
}

/* Append s[0..len) to provision i's text; sep goes between when it is not empty. */
static int append(struct parser *p, int i, const char *s, size_t len, const char *sep)
{
	size_t need = p->tlen[i] + strlen(sep) + len + 1;
	char *t = p->doc->prov[i].text;

	if (p->tlen[i] == 0)
		sep = "";
	if (need > p->tcap[i]) {
		size_t nc = p->tcap[i] * 2 > need ? p->tcap[i] * 2 : need;
		if (!(t = realloc(t, nc)))
			return oom(p);
		p->doc->prov[i].text = t;
		p->tcap[i] = nc;
	}
	size_t o = p->tlen[i];
	memcpy(t + o, sep, strlen(sep));
	o += strlen(sep);
	memcpy(t + o, s, len);
	o += len;
	t[o] = '\0';
	p->tlen[i] = o;
	return 0;
}

/* How a continued line joins the text before it: a new paragraph, a space, or nothing (CJK). */
static const char *joiner(struct parser *p, int i, const struct line *l)
{
	size_t k, a = p->tlen[i];
	const char *t = p->doc->prov[i].text;

	if (l->gap)
		return "\n";
	k = l->s;
	if (a > 0 && corpus_u_cjk(corpus_u8_prev(t, a, &a)) &&
	    corpus_u_cjk(corpus_u8_next(p->text, l->e, &k)))
		return "";
	return " ";
}

static int continue_text(struct parser *p, int i, const struct line *l, size_t from)
{
	if (from >= l->e)
		return 0;
	return append(p, i, p->text + from, l->e - from, joiner(p, i, l));
}

/* Give provision i the label line[0..label_len), trailing spaces left out. */
static int set_label(struct parser *p, int i, const struct line *l, const struct corpus_head *h)
{
	size_t e = l->s + h->label_len, k;

	while (e > l->s && corpus_u_space(corpus_u8_prev(p->text, e, &k)))
		e = k;
	if (!(p->doc->prov[i].label = dup_span(p->text + l->s, e - l->s)))
		return oom(p);
	return 0;
}

static void push(struct parser *p, int idx, int level)
{
	struct open *o = &p->stack[p->depth++];

	memset(o, 0, sizeof *o);
	o->idx = idx;
	o->level = level;
	p->last = idx;
}

/* Close open provisions down to (not including) the first one below level. */
static void pop_to_level(struct parser *p, int level)
{
	while (p->depth > 0 && p->stack[p->depth - 1].level >= level)
		p->depth--;
}

static void pop_to(struct parser *p, int depth)
{
	p->depth = depth;
}

static int find_level(const struct parser *p, int level)
{
	for (int k = p->depth - 1; k >= 0; k--)
		if (p->stack[k].level == level && !p->stack[k].wrap)
			return k;
	return -1;
}

/* ---- Placing lines ---------------------------------------------------- */

static int error_at(struct parser *p, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%d: %s", p->file, line, msg);
	return -1;
}

static int text_line(struct parser *p, const struct line *l);

/* Where an article or paragraph number comes in order: 2, then 2 bis, 2 ter …, then 3. */
static long number_rank(const char *num)
{
	char *end;
	long n = strtol(num, &end, 10);
	int k = 0;

	if (*end)
		corpus_eid_suffix(end, strlen(end), &k);
	return n * 16 + k;
}

/* An article or paragraph number as people write it: "2bis" is shown "2 bis". */
static void number_shown(const char *num, char *out, size_t outlen)
{
	size_t d = strspn(num, "0123456789");

	snprintf(out, outlen, "%.*s%s%s", (int)d, num, num[d] ? " " : "", num + d);
}

static int structure(struct parser *p, const struct line *l, const struct corpus_head *h)
{
	static const int level[] = {[CORPUS_CHAPTER] = L_CHAPTER,
	                            [CORPUS_SECTION] = L_SECTION,
	                            [CORPUS_TITLE] = L_TITLE,
	                            [CORPUS_ARTICLE] = L_ARTICLE};
	int lv = level[h->kind], parent = -1, i;
	char *eid;

	if (h->kind == CORPUS_ARTICLE && p->articles) {
		long n = number_rank(h->num);
		char this[24], last[24];
		number_shown(h->num, this, sizeof this);
		number_shown(p->last_art_num, last, sizeof last);
		if (n == p->last_art)
			return error_at(p, l->no,
			                _("duplicate article number %s (already at line %d)"), this,
			                p->last_art_line);
		if (n < p->last_art)
			return error_at(p, l->no,
			                _("article %s out of order (after article %s at line %d)"),
			                this, last, p->last_art_line);
	}
	pop_to_level(p, lv);
	if (p->depth > 0)
		parent = p->stack[p->depth - 1].idx;
	eid = corpus_eid_make(parent >= 0 ? p->doc->prov[parent].eid : NULL, h->kind, h->num);
	p->kept.line = line_of_eid(p, eid), p->kept.after[0] = '\0', p->kept.label = h->label_len;
	if ((i = add(p, eid, h->kind, parent, h->num, l->no)) == -2)
		return text_line(p, l); /* a chapter number seen before: keep the line as text */
	p->kept.line = 0;
	if (i < 0)
		return -1;
	if (h->kind == CORPUS_ARTICLE) {
		p->articles++;
		p->last_art = number_rank(h->num);
		snprintf(p->last_art_num, sizeof p->last_art_num, "%s", h->num);
		p->last_art_line = l->no;
	}
	push(p, i, lv);
	if (set_label(p, i, l, h) < 0)
		return -1;
	if (h->rest < l->e - l->s) {
		char *hd = dup_span(p->text + l->s + h->rest, l->e - l->s - h->rest);
		if (!hd)
			return oom(p);
		p->doc->prov[i].heading = hd;
	} else {
		p->want_heading = i + 1;
	}
	return 0;
}

/* A line short and unpunctuated enough to be the heading of the line above. */
static int heading_like(const struct parser *p, const struct line *l)
{
	size_t k, n = 0, i = l->s;
	uint32_t last = corpus_u8_prev(p->text, l->e, &k);

	while (i < l->e && n <= 200)
		corpus_u8_next(p->text, l->e, &i), n++;
	if (n > 200)
		return 0;
	/* sentences and introductions end in punctuation; headings do not */
	return !(last < 0x80 && strchr(".:;,!?", (int)last)) && last != 0x61b && last != 0x60c &&
	       last != 0x3002 && last != 0xff1a && last != 0xff1b;
}

/* Which of point or sub-point an ambiguous letter is (i, v, x), from what is open. */
static void resolve_letter(struct parser *p, struct corpus_head *h, int container, int point)
{
	const struct open *c = &p->stack[container];
	int ord = h->num[0] - 'a' + 1;
	int next = ord == c->last_point + 1;

	if (!h->alt[0])
		return;
	/* inside a point, only the next letter in the point's own style continues the points */
	if (point >= 0 ? !(next && h->style == c->point_style) : !next) {
		h->kind = CORPUS_SUBPOINT;
		memcpy(h->num, h->alt, sizeof h->num);
	}
}

/*
 * The label h numbers a provision of kind under parent that exists already
 * (or, with after, a paragraph lower than paragraph after): the line stays
 * text, and the importer says so once it knows where the text went.  1.
 */
static int kept_number(struct parser *p, int parent, enum corpus_kind kind,
                       const struct corpus_head *h, const char *after)
{
	char *eid = corpus_eid_make(p->doc->prov[parent].eid, kind, h->num);
	int line = line_of_eid(p, eid);

	free(eid);
	p->kept.after[0] = '\0';
	if (!line && after) {
		eid = corpus_eid_make(p->doc->prov[parent].eid, CORPUS_PARAGRAPH, after);
		line = line_of_eid(p, eid);
		free(eid);
		number_shown(after, p->kept.after, sizeof p->kept.after);
	}
	p->kept.line = line, p->kept.label = h->label_len;
	return 1;
}

/* A paragraph, point or sub-point label. 1: not placed here (the line is text). */
static int item(struct parser *p, const struct line *l, struct corpus_head *h)
{
	int art = find_level(p, L_ARTICLE), para, point, container, parent_depth, level, i;

	if (art < 0)
		return 1;
	para = find_level(p, L_PARA);
	point = find_level(p, L_POINT);
	container = para >= 0 ? para : art;
	if (h->kind == CORPUS_PARAGRAPH && point >= 0 && corpus_lang_cjk(p->lang) &&
	    h->style == 'n') {
		/* Chinese numbers sub-points "1." inside a point "（一）" */
		char sub[16];
		if (corpus_eid_num(CORPUS_SUBPOINT, h->num, strlen(h->num), sub, sizeof sub) < 0)
			return 1;
		h->kind = CORPUS_SUBPOINT;
		memcpy(h->num, sub, sizeof sub);
	}
	if (h->kind == CORPUS_POINT)
		resolve_letter(p, h, container, point);
	switch (h->kind) {
	case CORPUS_PARAGRAPH: {
		long n = number_rank(h->num), last = p->stack[art].last_para;
		/* numbers only go up; "2001." starting a line of text is not paragraph 2001 */
		if (strtol(h->num, NULL, 10) > 999)
			return 1;
		if (n <= last)
			return kept_number(p, p->stack[art].idx, CORPUS_PARAGRAPH, h,
			                   p->stack[art].last_para_num);
		parent_depth = art, level = L_PARA;
		break;
	}
	case CORPUS_POINT:
		parent_depth = container, level = L_POINT;
		break;
	default:
		parent_depth = point >= 0 ? point : container, level = L_SUB;
		break;
	}
	int parent = p->stack[parent_depth].idx;
	i = add(p, corpus_eid_make(p->doc->prov[parent].eid, h->kind, h->num), h->kind, parent,
	        h->num, l->no);
	if (i == -2)
		return kept_number(p, parent, h->kind, h, NULL);
	if (i < 0)
		return -1;
	if (h->kind == CORPUS_PARAGRAPH) {
		p->stack[art].last_para = number_rank(h->num);
		snprintf(p->stack[art].last_para_num, sizeof p->stack[art].last_para_num, "%s",
		         h->num);
	}
	if (h->kind == CORPUS_POINT) {
		p->stack[container].last_point = h->num[0] - 'a' + 1;
		p->stack[container].point_style = h->style;
	}
	pop_to(p, parent_depth + 1);
	push(p, i, level);
	if (set_label(p, i, l, h) < 0)
		return -1;
	return continue_text(p, i, l, l->s + h->rest);
}

static int starts_with_dash(const struct parser *p, const struct line *l)
{
	size_t i = l->s;
	uint32_t c = corpus_u8_next(p->text, l->e, &i);

	return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015 ||
	       c == 0x2022 || c == 0x2010 || c == 0x2212;
}

static int ends_with_colon(const struct parser *p, int i)
{
	size_t k, n = p->tlen[i];

	if (n == 0)
		return 0;
	uint32_t c = corpus_u8_prev(p->doc->prov[i].text, n, &k);
	return c == ':' || c == 0xff1a;
}

/*
 * An unlabelled line.  After a point or sub-point, a new paragraph of text
 * that is not a dash item and does not follow an introductory colon closes the
 * list: it is the wrap of the provision the list belongs to.
 */
static int text_line(struct parser *p, const struct line *l)
{
	if (p->depth > 0) {
		const struct open *top = &p->stack[p->depth - 1];
		if ((top->level == L_POINT || top->level == L_SUB) && !top->wrap && p->depth > 1 &&
		    l->gap && !starts_with_dash(p, l) && !ends_with_colon(p, top->idx)) {
			struct open *w = &p->stack[p->depth - 2];
			char num[16];
			int i;
			snprintf(num, sizeof num, "%d", ++w->wraps);
			i = add(p, corpus_eid_make(p->doc->prov[w->idx].eid, CORPUS_WRAP, num),
			        CORPUS_WRAP, w->idx, NULL, l->no);
			if (i == -1)
				return -1;
			if (i >= 0) {
				pop_to(p, p->depth - 1);
				push(p, i, w->level + 1);
				p->stack[p->depth - 1].wrap = 1;
				return continue_text(p, i, l, l->s);
			}
		}
	}
	if (p->last < 0)
		return 0;
	return continue_text(p, p->last, l, l->s);
}

/* A front provision (title, preamble) at top level, made the one text continues. */
static int add_front(struct parser *p, enum corpus_kind kind, const struct line *l)
{
	int i = add(p, corpus_eid_make(NULL, kind, NULL), kind, -1, NULL, l->no);

	if (i >= 0)
		p->last = i;
	return i < 0 ? -1 : i;
}

/*
 * Before the first heading: the first line is the title, then comes the
 * preamble, labelled ("Preamble …") or not.  When a labelled preamble comes
 * later (preamble_below), the lines up to it continue the title.
 */
static int front(struct parser *p, const struct line *l, int preamble_below)
{
	struct corpus_document *d = p->doc;
	size_t m = corpus_head_preamble(p->lang, p->text + l->s, l->e - l->s);
	int in_title = d->n > 0 && d->prov[d->n - 1].kind == CORPUS_LONGTITLE;
	int i;

	if (m && (d->n == 0 || in_title)) {
		if ((i = add_front(p, CORPUS_PREAMBLE, l)) < 0)
			return -1;
		if (!(d->prov[i].label = dup_span(p->text + l->s, m)))
			return oom(p);
		size_t k = l->s + m, n = k;
		while (k < l->e && corpus_u_space(corpus_u8_next(p->text, l->e, &n)))
			k = n;
		return continue_text(p, i, l, k);
	}
	if (d->n == 0 && add_front(p, CORPUS_LONGTITLE, l) < 0)
		return -1;
	else if (in_title && !preamble_below && add_front(p, CORPUS_PREAMBLE, l) < 0)
		return -1;
	return continue_text(p, p->last, l, l->s);
}

static int conclusions(struct parser *p, const struct line *l)
{
	int i = add(p, corpus_eid_make(NULL, CORPUS_CONCLUSIONS, NULL), CORPUS_CONCLUSIONS, -1,
	            NULL, l->no);

	if (i < 0)
		return -1;
	p->depth = 0;
	p->last = i;
	p->in_conclusions = 1;
	return continue_text(p, i, l, l->s);
}

/* Stored warnings beyond this many are counted in a last one. */
#define WARNINGS_MAX 50

/* Append one line to doc->warnings. */
static int add_warning(struct parser *p, const char *msg)
{
	size_t n = strlen(msg);
	char *w = realloc(p->doc->warnings, p->warn_len + n + 2);

	if (!w)
		return oom(p);
	memcpy(w + p->warn_len, msg, n);
	p->warn_len += n;
	w[p->warn_len++] = '\n';
	w[p->warn_len] = '\0';
	p->doc->warnings = w;
	return 0;
}

/*
 * A line that starts like a provision already numbered so is kept as the
 * text of the provision before it (the text is never changed): say which
 * line, which label and where its text went, so that the user can check.
 */
static int warn_kept(struct parser *p, const struct line *l)
{
	char msg[1024], label[64];
	const char *into = p->last >= 0 ? p->doc->prov[p->last].eid : "longtitle";
	int at = p->kept.line;
	size_t ll = p->kept.label < 40 ? p->kept.label : 40;

	/* the label as written, cut (at a character's start) when long */
	while (ll > 0 && ll < p->kept.label && (p->text[l->s + ll] & 0xC0) == 0x80)
		ll--;
	snprintf(label, sizeof label, "%.*s%s", (int)ll, p->text + l->s,
	         ll < p->kept.label ? "…" : "");
	if (++p->warnings > WARNINGS_MAX)
		return 0;
	if (p->kept.after[0])
		snprintf(msg, sizeof msg,
		         /* TRANSLATORS: "2." comes after paragraph 3 (at line 12); the line is
		            kept as the text of the provision art_4__para_3 */
		         _("%s:%d: warning: \"%s\" comes after paragraph %s (line %d); the line is"
		           " kept as text of %s"),
		         p->file, l->no, label, p->kept.after, at, into);
	else
		snprintf(msg, sizeof msg,
		         _("%s:%d: warning: \"%s\" is used a second time (first at line %d); the"
		           " line is kept as text of %s"),
		         p->file, l->no, label, at, into);
	return add_warning(p, msg);
}

static int place_line(struct parser *p, const struct line *l, int *front_matter,
                      int preamble_below);

static int place(struct parser *p, const struct line *l, int *front_matter, int preamble_below)
{
	int rc = place_line(p, l, front_matter, preamble_below);

	if (rc == 0 && p->kept.line)
		rc = warn_kept(p, l);
	p->kept.line = 0;
	return rc;
}

static int place_line(struct parser *p, const struct line *l, int *front_matter, int preamble_below)
{
	const char *s = p->text + l->s;
	size_t len = l->e - l->s;
	struct corpus_head h;
	int want = p->want_heading;

	p->want_heading = 0;
	if (p->in_conclusions)
		return continue_text(p, p->last, l, l->s);
	if (corpus_head_structure(p->lang, s, len, &h) == 0) {
		*front_matter = 0;
		return structure(p, l, &h);
	}
	if (*front_matter)
		return front(p, l, preamble_below);
	if (corpus_head_item(p->lang, s, len, &h) == 0) {
		int r = item(p, l, &h);
		if (r <= 0)
			return r;
	} else if (want && heading_like(p, l)) {
		if (!(p->doc->prov[want - 1].heading = dup_span(s, len)))
			return oom(p);
		return 0;
	} else if (p->articles && corpus_head_conclusions(p->lang, s, len)) {
		return conclusions(p, l);
	}
	return text_line(p, l);
}

/* Whether the front matter (before the first heading) has a "Preamble" line after its first. */
static int preamble_below(const struct parser *p, const struct line *v, size_t n)
{
	struct corpus_head h;

	for (size_t k = 1; k < n; k++) {
		const char *s = p->text + v[k].s;
		size_t len = v[k].e - v[k].s;
		if (corpus_head_structure(p->lang, s, len, &h) == 0)
			return 0;
		if (corpus_head_preamble(p->lang, s, len))
			return 1;
	}
	return 0;
}

/* Documents without articles: the first paragraph is the title, then one block each. */
static int blocks(struct parser *p, const struct line *v, size_t n)
{
	int cur = -1, count = 0;

	for (size_t k = 0; k < n; k++) {
		if (k == 0) {
			cur = add_front(p, CORPUS_LONGTITLE, &v[k]);
		} else if (v[k].gap) {
			char num[16];
			snprintf(num, sizeof num, "%d", ++count);
			cur = add(p, corpus_eid_make(NULL, CORPUS_BLOCK, num), CORPUS_BLOCK, -1,
			          num, v[k].no);
		}
		if (cur < 0 || continue_text(p, cur, &v[k], v[k].s) < 0)
			return -1;
	}
	return 0;
}

/* Refuse what is not UTF-8 text, naming the line. */
static int check_input(struct parser *p, const char *text, size_t len, size_t n)
{
	const char *nul = memchr(text, '\0', len);
	const char *what = _("invalid UTF-8 (convert the file to UTF-8)");
	size_t bad, line = 1;

	if (n == 0) {
		snprintf(p->err, p->errlen, _("%s:1: empty file"), p->file);
		return -1;
	}
	if (i18n_utf8_valid(text, len, &bad)) {
		if (!nul)
			return 0;
		bad = (size_t)(nul - text);
		what = _("NUL byte in the text");
	}
	for (size_t i = 0; i < bad && i < len; i++)
		line += text[i] == '\n';
	snprintf(p->err, p->errlen, "%s:%zu: %s", p->file, line, what);
	return -1;
}

int corpus_parse_text(const char *file, const char *text, size_t len, const char *lang,
                      int need_articles, struct corpus_document *doc, char *err, size_t errlen)
{
	char dummy[1];
	struct parser p = {0};
	struct line *v = NULL;
	size_t n = 0;
	int rc = -1, front_matter = 1, below;

	p.file = file ? file : "(text)";
	p.text = text;
	p.doc = doc;
	p.err = err ? err : dummy;
	p.errlen = err ? errlen : sizeof dummy;
	p.last = -1;
	doc->prov = NULL;
	doc->n = 0;
	doc->warnings = NULL;
	if (!(p.lang = corpus_lang_find(lang))) {
		snprintf(p.err, p.errlen, _("%s:1: unknown language \"%s\" (known: %s)"), p.file,
		         lang ? lang : "", corpus_lang_list());
		return -1;
	}
	if (!text)
		len = 0;
	if (split_lines(text, len, &v, &n) < 0)
		return oom(&p);
	if (check_input(&p, text, len, n) < 0)
		goto out;
	if (!need_articles) {
		rc = blocks(&p, v, n);
		goto out;
	}
	below = preamble_below(&p, v, n);
	for (size_t k = 0; k < n; k++)
		if (place(&p, &v[k], &front_matter, below) < 0)
			goto out;
	if (p.warnings > WARNINGS_MAX) {
		char msg[512];
		int more = p.warnings - WARNINGS_MAX;
		snprintf(msg, sizeof msg,
		         P_("%s: warning: %d more line like these is kept as text",
		            "%s: warning: %d more lines like these are kept as text", more),
		         p.file, more);
		if (add_warning(&p, msg) < 0)
			goto out;
	}
	if (p.articles == 0) {
		snprintf(p.err, p.errlen, _("%s:1: no articles found (no line like \"%s\")"),
		         p.file, corpus_lang_example(p.lang));
		goto out;
	}
	rc = 0;
out:
	if (rc == 0 && !doc->title && doc->n > 0 && doc->prov[0].kind == CORPUS_LONGTITLE &&
	    !(doc->title = strdup(doc->prov[0].text)))
		rc = oom(&p);
	if (rc < 0) {
		for (size_t i = 0; i < doc->n; i++) {
			struct corpus_provision *q = &doc->prov[i];
			free(q->eid), free(q->num), free(q->label), free(q->heading), free(q->text);
		}
		free(doc->prov);
		doc->prov = NULL;
		doc->n = 0;
		free(doc->warnings);
		doc->warnings = NULL;
	}
	free(v);
	free(p.tlen);
	free(p.tcap);
	free(p.set);
	return rc;
}

/* ---- Fidelity --------------------------------------------------------- */

#define INK_END UINT32_MAX

/* The next non-whitespace code point of s[*i..len), or INK_END. */
static uint32_t next_ink(const char *s, size_t len, size_t *i)
{
	while (*i < len) {
		uint32_t c = corpus_u8_next(s, len, i);
		if (!corpus_u_space(c))
			return c;
	}
	return INK_END;
}

static size_t line_of(const char *text, size_t len, size_t at)
{
	size_t line = 1;

	for (size_t j = 0; j < at && j < len; j++)
		line += text[j] == '\n';
	return line;
}

int corpus_check_fidelity(const char *file, const char *text, size_t len,
                          const struct corpus_document *doc, char *err, size_t errlen)
{
	size_t si = 0;

	if (!file)
		file = "(text)";
	for (size_t k = 0; k < doc->n; k++) {
		const struct corpus_provision *pr = &doc->prov[k];
		const char *parts[3] = {pr->label, pr->heading, pr->text};
		for (int f = 0; f < 3; f++) {
			size_t n = parts[f] ? strlen(parts[f]) : 0, i = 0;
			uint32_t c;
			while ((c = next_ink(parts[f], n, &i)) != INK_END) {
				if (c == next_ink(text, len, &si))
					continue;
				if (err)
					snprintf(
					    err, errlen,
					    _("%s:%zu: provision %s differs from the source here"),
					    file, line_of(text, len, si ? si - 1 : 0), pr->eid);
				return -1;
			}
		}
	}
	if (next_ink(text, len, &si) != INK_END) {
		if (err)
			snprintf(err, errlen,
			         _("%s:%zu: the provisions leave out the text from here"), file,
			         line_of(text, len, si - 1));
		return -1;
	}
	return 0;
}
