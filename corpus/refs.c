/*
 * refs.c — the grammar of references in the alphabetic languages (en, fr, es,
 * ru, ar, nl) and the public entry point.
 *
 * A reference starts at a level word (article, paragraph, sub-paragraph) and
 * runs through a list of citations — each a number or letter with deeper
 * parts ("9.1.a", "1 (b) (ii)", "24, paragraph 1"), ranges ("2 through 11")
 * and siblings ("a and c") — then qualifiers: "of Article 29", "of this
 * article", "of the Convention", "above".  Russian puts the qualifier after
 * without a preposition ("пункта 2 статьи 5"); Dutch puts ordinal words
 * before the noun ("het eerste en tweede lid").
 *
 * Every step consumes tokens and never goes back further than a few tokens,
 * so a text is read in linear time whatever it holds.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/refs-int.h"

struct parse {
	const struct ref_lang *lang;
	const struct ref_lex *lx;
	size_t i;               /* the next token */
	struct ref_item *items; /* REF_MAX_ITEMS */
	size_t n;
	int own_kw; /* a level whose keyword, said again, starts another reference; or -1 */
};

static const struct ref_tok *tk(const struct parse *p, size_t at)
{
	return at < p->lx->n ? &p->lx->t[at] : NULL;
}

static int cls_at(const struct parse *p, size_t at)
{
	const struct ref_tok *t = tk(p, at);
	return t ? t->cls : -1;
}

static int deepest(const struct ref_item *it)
{
	for (int l = L_N - 1; l >= 0; l--)
		if (it->set & 1u << l)
			return l;
	return -1;
}

static int topmost(const struct ref_item *it)
{
	for (int l = 0; l < L_N; l++)
		if (it->set & 1u << l)
			return l;
	return L_N;
}

/* ---- Values: numbers, letters, roman numerals ---------------------------- */

static int is_bare_letter(const struct parse *p, const struct ref_tok *t)
{
	return t && t->type == T_WORD && t->letter && !t->upper && p->lang->bare_letters &&
	       t->fe - t->fs <= 2;
}

/* A point letter: "(b)", "b)", "«b»", or bare "b" where allowed.  Tokens used, or 0. */
static size_t rd_letter(const struct parse *p, size_t at, int bare, long *v)
{
	const struct ref_tok *a = tk(p, at), *b = tk(p, at + 1), *c = tk(p, at + 2);
	if (!a)
		return 0;
	if ((a->cls == K_LP || a->cls == K_QUOTE) && b && b->type == T_WORD && b->letter && c &&
	    (c->cls == K_RP || c->cls == K_QUOTE) && c->adj && b->adj) {
		*v = b->letter;
		return 3;
	}
	if (a->type == T_WORD && a->letter && b && b->cls == K_RP && b->adj &&
	    (p->lang->bare_letters || a->upper == 0)) {
		*v = a->letter;
		return 2;
	}
	if (bare && is_bare_letter(p, a)) {
		*v = a->letter;
		return 1;
	}
	return 0;
}

/* A subpoint: "(ii)", "ii)", "’2’", or bare "ii" where allowed. */
static size_t rd_roman(const struct parse *p, size_t at, int bare, long *v)
{
	const struct ref_tok *a = tk(p, at), *b = tk(p, at + 1), *c = tk(p, at + 2);
	if (!a)
		return 0;
	if (a->cls == K_LP && b && b->type == T_WORD && b->roman && c && c->cls == K_RP && b->adj &&
	    c->adj) {
		*v = b->roman;
		return 3;
	}
	if (a->cls == K_QUOTE && b && b->type == T_NUM && !b->ord && b->val > 0 && c &&
	    c->cls == K_QUOTE && b->adj && c->adj) {
		*v = b->val;
		return 3;
	}
	if (a->type == T_WORD && a->roman && !a->upper && b && b->cls == K_RP && b->adj) {
		*v = a->roman;
		return 2;
	}
	if (bare && a->type == T_WORD && a->roman && !a->upper) {
		*v = a->roman;
		return 1;
	}
	return 0;
}

static size_t rd_num(const struct parse *p, size_t at, long *v)
{
	const struct ref_tok *a = tk(p, at);
	if (a && a->type == T_NUM) {
		*v = a->val;
		return 1;
	}
	return 0;
}

static size_t rd_val(const struct parse *p, size_t at, int lvl, int bare, long *v)
{
	switch (lvl) {
	case L_ART:
	case L_PARA:
		return rd_num(p, at, v);
	case L_POINT:
		return rd_letter(p, at, bare, v);
	default:
		return rd_roman(p, at, bare, v);
	}
}

/* ".d", ".ii", ".1" at token at: a part joined by a dot to what precedes, no spaces. */
static int dotted_at(const struct parse *p, size_t at, int want)
{
	const struct ref_tok *d = tk(p, at), *w = tk(p, at + 1);
	if (!d || d->cls != K_DOT || !d->adj || !w || !w->adj)
		return 0;
	switch (want) {
	case L_PARA:
		return w->type == T_NUM && !w->ord;
	case L_POINT:
		return w->type == T_WORD && w->letter && w->fe - w->fs == 1;
	default:
		return w->type == T_WORD && w->roman && !w->upper;
	}
}

static int dotted(const struct parse *p, int want)
{
	return dotted_at(p, p->i, want);
}

static void set_lvl(struct ref_item *it, int lvl, long v)
{
	it->v[lvl] = v;
	it->set |= 1u << lvl;
}

/*
 * The deeper parts written right after a value at lvl: "9.1.a", "2(1)",
 * "1 (b) (ii)", "1 a.ii", "(أ) ’1‘".  Returns the deepest level reached.
 */
static int deeper(struct parse *p, struct ref_item *it, int lvl)
{
	long v;
	size_t k;
	for (;;) {
		const struct ref_tok *t = tk(p, p->i), *u = tk(p, p->i + 1);
		if (lvl == L_ART && dotted(p, L_PARA)) {
			set_lvl(it, lvl = L_PARA, u->val), p->i += 2;
		} else if (lvl == L_ART && dotted(p, L_POINT)) {
			set_lvl(it, lvl = L_POINT, u->letter), p->i += 2;
		} else if (lvl == L_ART && t && t->cls == K_LP && u && u->type == T_NUM &&
		           cls_at(p, p->i + 2) == K_RP) {
			set_lvl(it, lvl = L_PARA, u->val), p->i += 3;
		} else if (lvl == L_PARA && dotted(p, L_POINT)) {
			set_lvl(it, lvl = L_POINT, u->letter), p->i += 2;
		} else if (lvl == L_PARA && (k = rd_letter(p, p->i, 0, &v)) > 0) {
			set_lvl(it, lvl = L_POINT, v), p->i += k;
		} else if (lvl == L_PARA && is_bare_letter(p, t) && t->fe - t->fs == 1 &&
		           dotted_at(p, p->i + 1, L_SUB)) {
			set_lvl(it, lvl = L_POINT, t->letter), p->i += 1;
		} else if (lvl == L_POINT && dotted(p, L_SUB)) {
			set_lvl(it, lvl = L_SUB, u->roman), p->i += 2;
		} else if (lvl == L_POINT && (k = rd_roman(p, p->i, 0, &v)) > 0) {
			set_lvl(it, lvl = L_SUB, v), p->i += k;
		} else {
			return lvl;
		}
	}
}

/* A sentence's full stop is not part of the reference; the dot of "d. and e" is. */
static void absorb_dot(struct parse *p)
{
	const struct ref_tok *d = tk(p, p->i);
	int next = cls_at(p, p->i + 1);
	if (d && d->cls == K_DOT && d->adj &&
	    (next == K_AND || next == K_COMMA || next == K_OF || next == K_RANGE ||
	     next == K_ABOVE))
		p->i++;
}

/* ---- Lists ------------------------------------------------------------------ */

static int parse_list(struct parse *p, int lvl, int multi, const struct ref_item *base);
static int ord_list(struct parse *p, const struct ref_item *base, size_t *fail);

static int push(struct parse *p, const struct ref_item *it)
{
	if (p->n >= REF_MAX_ITEMS)
		return 0;
	p->items[p->n++] = *it;
	return 1;
}

/* "2 through 11", "1.b through 1.d", "(أ) إلى (ج)", "tot en met het negende". */
static void range(struct parse *p, struct ref_item *it, int lvl)
{
	size_t save = p->i;
	int d = deepest(it);
	long v;
	size_t k;
	if (cls_at(p, p->i) != K_RANGE)
		return;
	p->i++;
	while (cls_at(p, p->i) == K_THE)
		p->i++;
	if (d > lvl && (k = rd_val(p, p->i, d, 1, &v)) > 0) {
		p->i += k;
		it->rlvl = d, it->hi = v;
		return;
	}
	if ((k = rd_val(p, p->i, lvl, 1, &v)) > 0) {
		struct ref_item e = *it;
		p->i += k;
		e.set &= (1u << lvl) - 1;
		set_lvl(&e, lvl, v);
		if (deeper(p, &e, lvl) == d) {
			int diff = lvl;
			while (diff < d && e.v[diff] == it->v[diff])
				diff++;
			if (diff == d) {
				it->rlvl = d, it->hi = e.v[d];
				return;
			}
			/* "1.b through 2.d" has no place in one range: keep both ends */
			push(p, it);
			*it = e;
			return;
		}
	}
	p->i = save;
}

/* A deeper list hung on an item: "24, paragraph 1", "9 paragraph 3", "eerste lid onder onderdeel
 * b". */
static int attach(struct parse *p, const struct ref_item *it)
{
	size_t save = p->i, fail;
	int d = deepest(it);
	if (it->rlvl >= 0)
		return 0;
	if (cls_at(p, p->i) == K_COMMA)
		p->i++;
	if (cls_at(p, p->i) == K_ONDER)
		p->i++;
	const struct ref_tok *t = tk(p, p->i);
	/* ar "والفقرة": the conjunction starts a citation of its own */
	if (t && t->type == T_WORD && !t->andpre) {
		int lvl = t->cls == K_PARA    ? L_PARA
		          : t->cls == K_POINT ? L_POINT
		          : t->cls == K_SUB   ? L_SUB
		                              : -1;
		if (lvl > d) {
			p->i++;
			if (parse_list(p, lvl, t->plural, it))
				return 1;
		}
	}
	p->i = save;
	if (cls_at(p, p->i) == K_COMMA)
		p->i++;
	if (d == L_ART && p->lang->ord_before_noun && ord_list(p, it, &fail))
		return 1;
	p->i = save;
	return 0;
}

/* One citation at lvl from base; its deeper parts, range and attached lists. */
static int item(struct parse *p, int lvl, const struct ref_item *base, int bare)
{
	struct ref_item it = *base;
	long v;
	size_t k = rd_val(p, p->i, lvl, bare, &v);
	if (!k)
		return 0;
	p->i += k;
	it.set &= (1u << lvl) - 1;
	it.rlvl = -1;
	set_lvl(&it, lvl, v);
	deeper(p, &it, lvl);
	range(p, &it, lvl);
	absorb_dot(p);
	if (attach(p, &it))
		return 1;
	return push(p, &it);
}

/* ", ", " and ", ", and ", " and the " between citations. */
static int separator(struct parse *p)
{
	int c = cls_at(p, p->i);
	if (c != K_COMMA && c != K_AND)
		return 0;
	p->i++;
	if (c == K_COMMA && cls_at(p, p->i) == K_AND)
		p->i++;
	return 1;
}

/*
 * Could the word at token at be a subpoint numeral after prev?  "ii" always;
 * of the one-letter numerals only "i" starts a list, and "v", "x" … only
 * continue one ("iv or v").
 */
static int roman_plausible(const struct parse *p, size_t at, const struct ref_item *prev)
{
	const struct ref_tok *t = tk(p, at);
	if (t && t->cls == K_QUOTE && tk(p, at + 1) && tk(p, at + 1)->type == T_NUM)
		return 1; /* ar ’2‘ */
	if (t && t->cls == K_LP)
		t = tk(p, at + 1);
	if (!t || t->type != T_WORD || !t->roman)
		return 0;
	if (t->fe - t->fs > 1 || t->roman == 1)
		return 1;
	return (prev->set & 1u << L_SUB) && t->roman == prev->v[L_SUB] + 1;
}

/* After a separator: a sibling of the last citation ("a and c", "i or ii"). */
static int sibling(struct parse *p, int lvl)
{
	struct ref_item *prev = &p->items[p->n - 1], it = *prev;
	int d = deepest(prev);
	long v;
	size_t k;
	if (d < lvl || (d == lvl && d != L_POINT) || prev->rlvl >= 0)
		return 0;
	if (d == L_POINT && d > lvl && (k = rd_letter(p, p->i, 1, &v)) > 0 &&
	    (k > 1 || v > prev->v[L_POINT]) &&
	    !(roman_plausible(p, p->i, prev) && v != prev->v[L_POINT] + 1)) {
		p->i += k;
		it.set &= (1u << (L_POINT + 1)) - 1;
		set_lvl(&it, L_POINT, v);
	} else if (d >= L_POINT && roman_plausible(p, p->i, prev) &&
	           (k = rd_roman(p, p->i, 1, &v)) > 0) {
		/* "onderdeel a, i of ii": the numeral refines point a, then lists */
		p->i += k;
		set_lvl(&it, L_SUB, v);
		if (d == L_POINT) {
			it.rlvl = -1;
			deeper(p, &it, L_SUB);
			range(p, &it, L_SUB);
			absorb_dot(p);
			*prev = it;
			return 1;
		}
	} else {
		return 0;
	}
	it.rlvl = -1;
	deeper(p, &it, deepest(&it));
	range(p, &it, lvl);
	absorb_dot(p);
	return push(p, &it);
}

static int kw_level(int cls)
{
	switch (cls) {
	case K_ART:
		return L_ART;
	case K_PARA:
		return L_PARA;
	case K_POINT:
		return L_POINT;
	case K_SUB:
		return L_SUB;
	default:
		return -1;
	}
}

/* The next citation after a separator, or 0 (the caller puts the separator back). */
static int next_item(struct parse *p, int lvl, int multi, const struct ref_item *base)
{
	size_t save = p->i, fail;
	if (sibling(p, lvl))
		return 1;
	while (cls_at(p, p->i) == K_THE)
		p->i++;
	if (kw_level(cls_at(p, p->i)) == lvl && multi && lvl != p->own_kw) {
		p->i++;
		if (item(p, lvl, base, 1))
			return 1;
	}
	p->i = save;
	if (lvl == L_PARA && multi && p->lang->ord_before_noun) {
		while (cls_at(p, p->i) == K_THE)
			p->i++;
		if (ord_list(p, base, &fail))
			return 1;
		p->i = save;
	}
	return multi && item(p, lvl, base, 1);
}

static int parse_list(struct parse *p, int lvl, int multi, const struct ref_item *base)
{
	size_t n0 = p->n;
	if (!item(p, lvl, base, 1))
		return 0;
	while (p->n < REF_MAX_ITEMS) {
		size_t save = p->i;
		const struct ref_tok *t = tk(p, p->i);
		/* ar "والمادة 5": the conjunction is inside the next keyword */
		if (t && t->andpre && kw_level(t->cls) == lvl && multi && lvl != p->own_kw) {
			p->i++;
			if (item(p, lvl, base, 1))
				continue;
			p->i = save;
			break;
		}
		if (!separator(p) || !next_item(p, lvl, multi, base)) {
			p->i = save;
			break;
		}
	}
	return p->n > n0;
}

/*
 * nl: "het eerste lid", "het eerste en tweede lid", "het tweede tot en met
 * het negende lid".  On failure *fail is where the ordinals ran out, so the
 * caller need not try again from inside them.
 */
static int ord_list(struct parse *p, const struct ref_item *base, size_t *fail)
{
	size_t j = p->i, first = p->n;
	struct ref_item it = *base;
	it.set &= (1u << L_PARA) - 1;
	it.rlvl = -1;
	*fail = j + 1;
	if (!tk(p, j) || !tk(p, j)->ord)
		return 0;
	while (tk(p, j) && tk(p, j)->ord) {
		size_t k = j + 1;
		int c = cls_at(p, k);
		if (c != K_COMMA && c != K_AND && c != K_RANGE)
			break;
		k++;
		while (cls_at(p, k) == K_THE)
			k++;
		if (!tk(p, k) || !tk(p, k)->ord)
			break;
		j = k;
	}
	*fail = j + 1;
	if (cls_at(p, j + 1) != K_PARA)
		return 0;
	/* the ordinals are a list of paragraphs: read them again as items */
	for (size_t k = p->i; k <= j && p->n < REF_MAX_ITEMS; k++) {
		const struct ref_tok *t = tk(p, k);
		if (!t->ord)
			continue;
		set_lvl(&it, L_PARA, t->val);
		it.rlvl = -1;
		if (cls_at(p, k + 1) == K_RANGE) {
			k += 2;
			while (cls_at(p, k) == K_THE)
				k++;
			it.rlvl = L_PARA, it.hi = tk(p, k)->val;
		}
		push(p, &it);
	}
	p->i = j + 2;
	if (p->n > first) {
		struct ref_item last = p->items[p->n - 1];
		size_t save = p->i;
		if (last.rlvl < 0) {
			p->n--;
			if (!attach(p, &last)) {
				p->i = save;
				push(p, &last);
			}
		}
	}
	return 1;
}

/* ---- Qualifiers ---------------------------------------------------------------- */

/* A document's name from the language's table at token at; tokens used or 0. */
static size_t rd_name(const struct parse *p, size_t at, const char **doc)
{
	const struct ref_name *nm = p->lang->names;
	for (; nm && nm->words[0]; nm++) {
		size_t k = 0;
		for (; k < 16 && nm->words[k]; k++) {
			const char *w = nm->words[k],
			           *have = at + k < p->lx->n ? ref_word(p->lx, at + k) : "";
			size_t m = strlen(w);
			if (w[m - 1] == '*' ? strncmp(w, have, m - 1) != 0 : strcmp(w, have) != 0)
				break;
		}
		if (k < 16 && nm->words[k])
			continue;
		*doc = nm->doc;
		return k;
	}
	return 0;
}

/* "the Convention", "het Verdrag", "الاتفاقية", "Конвенции" (not followed by a title). */
static int rd_docword(const struct parse *p, size_t at, struct ref_chain *c)
{
	const struct ref_tok *t = tk(p, at);
	if (!t || (t->cls != K_CONV && t->cls != K_PROT))
		return 0;
	if (cls_at(p, at + 1) == K_TPREP ||
	    (cls_at(p, at + 1) == K_OF && strcmp(p->lang->code, "nl") == 0)) {
		c->docsel = D_EXTERNAL;
		return 1;
	}
	c->docsel = t->cls == K_CONV ? D_PARENT : D_OWN;
	return 1;
}

/*
 * A draft named at token at: "draft", "the revised draft text", "projet de
 * convention", "проекта конвенции", "مشروع الاتفاقية المنقح".  Tokens used,
 * or 0.  *noun: a document word came with it; *prot: a draft protocol, which
 * is not the text discussed.
 */
/* At most one "revised" at each place, so that a run of them is read in linear time. */
static size_t revised(const struct parse *p, size_t at)
{
	return at + (cls_at(p, at) == K_REVISED);
}

static size_t rd_draft(const struct parse *p, size_t at, int *noun, int *prot)
{
	size_t j = revised(p, at), k;
	*noun = 0, *prot = 0;
	if (cls_at(p, j) != K_DRAFT)
		return 0;
	j = revised(p, j + 1);
	k = j;
	if (cls_at(p, k) == K_OF) /* "projet de convention", "draft of the text" */
		for (k++; cls_at(p, k) == K_THE;)
			k++;
	int c = cls_at(p, k);
	if (c == K_CONV || c == K_TEXT || c == K_INSTR || c == K_PROT) {
		*noun = 1, *prot = c == K_PROT;
		j = revised(p, k + 1);
	}
	return j - at;
}

/*
 * After the citations: "of Article 29", "of this article", "of the
 * Convention", "above", in any order that goes outward.  Each one found
 * moves p->i past it and returns 1.
 */
static int qualifier(struct parse *p, struct ref_chain *c, int *top)
{
	size_t save = p->i;
	long v;
	size_t k;
	const char *doc;
	if (cls_at(p, p->i) == K_COMMA)
		p->i++;
	if (cls_at(p, p->i) == K_ABOVE || cls_at(p, p->i) == K_PRECED) {
		p->i++;
		return 1;
	}
	int of = cls_at(p, p->i) == K_OF;
	if (of)
		p->i++;
	else if (!p->lang->implicit_of)
		goto none;
	while (cls_at(p, p->i) == K_THE)
		p->i++;
	const struct ref_tok *t = tk(p, p->i);
	if (!t)
		goto none;
	if (t->cls == K_THIS && tk(p, p->i + 1)) {
		int c2 = cls_at(p, p->i + 1);
		if (c2 == K_ART && *top > L_ART) {
			*top = L_ART;
		} else if (c2 == K_PARA && *top > L_PARA) {
			c->anchor.v[L_PARA] = 0; /* own paragraph: filled on emitting */
			*top = L_PARA;
		} else if (c2 == K_CONV || c2 == K_PROT) {
			c->docsel = D_OWN, *top = -1;
		} else {
			goto none;
		}
		p->i += 2;
		return 1;
	}
	if (t->cls == K_ART && *top > L_ART && (k = rd_num(p, p->i + 1, &v)) > 0) {
		struct ref_item a = {0};
		p->i += 1 + k;
		set_lvl(&a, L_ART, v);
		deeper(p, &a, L_ART);
		for (int l = 0; l < *top; l++)
			if (a.set & 1u << l)
				set_lvl(&c->anchor, l, a.v[l]);
		*top = L_ART;
		return 1;
	}
	if (t->cls == K_PARA && *top > L_PARA && (k = rd_num(p, p->i + 1, &v)) > 0) {
		p->i += 1 + k;
		set_lvl(&c->anchor, L_PARA, v);
		*top = L_PARA;
		return 1;
	}
	if (*top >= 0 && (k = rd_name(p, p->i, &doc)) > 0) {
		p->i += k;
		c->docsel = doc ? D_ID : D_EXTERNAL, c->doc_id = doc, *top = -1;
		return 1;
	}
	int noun, prot;
	if (*top >= 0 && (k = rd_draft(p, p->i, &noun, &prot)) > 0) {
		/* "of the draft convention", "проекта", "من مشروع الاتفاقية" */
		size_t m;
		p->i += k;
		c->draft = 1, *top = -1;
		if (!noun && (m = rd_name(p, p->i, &doc)) > 0) {
			p->i += m; /* "of the draft United Nations convention against cybercrime" */
			c->docsel = doc ? D_ID : D_EXTERNAL, c->doc_id = doc;
		} else {
			c->docsel = prot ? D_EXTERNAL : D_DRAFT;
		}
		return 1;
	}
	if (*top >= 0 && rd_docword(p, p->i, c)) {
		p->i++;
		*top = -1;
		return 1;
	}
	if (*top >= 0 && t->cls == K_INSTR &&
	    (of || p->lang->implicit_of || strcmp(p->lang->code, "ar") == 0)) {
		p->i++;
		c->docsel = D_EXTERNAL, *top = -1;
		return 1;
	}
none:
	p->i = save;
	return 0;
}

/* ---- References ----------------------------------------------------------- */

static void chain_init(struct ref_chain *c, struct parse *p, size_t start)
{
	memset(c, 0, sizeof *c);
	/* ar "والفقرة": the conjunction (one two-byte letter) is not part of the reference */
	c->start = p->lx->t[start].s + (p->lx->t[start].andpre ? 2 : 0);
	c->items = p->items;
	c->self_lvl = -1;
	c->docsel = D_OWN;
	p->n = 0;
}

static void chain_end(struct ref_chain *c, struct parse *p)
{
	c->end = p->lx->t[p->i - 1].e;
	c->n = p->n;
}

/* The level a keyword's list runs at, from the form of its first value. */
static int first_level(const struct parse *p, int lvl)
{
	long v;
	const struct ref_tok *a = tk(p, p->i), *b = tk(p, p->i + 1);
	if (lvl == L_PARA && !rd_num(p, p->i, &v) && a && a->type == T_WORD && a->letter &&
	    !a->upper && a->fe - a->fs == 1 && b && b->cls == K_DOT && b->adj)
		return L_POINT; /* "paragraphs a.i or ii" */
	if (lvl == L_POINT && !rd_letter(p, p->i, 1, &v) && rd_roman(p, p->i, 1, &v))
		return L_SUB;
	return lvl;
}

/* A reference that starts with a level keyword at token s. 1: found, p->i past it. */
static int citation(struct parse *p, size_t s, struct ref_chain *c)
{
	int lvl = kw_level(p->lx->t[s].cls);
	struct ref_item base = {0};
	base.rlvl = -1;
	chain_init(c, p, s);
	p->i = s + 1;
	if (cls_at(p, p->i) == K_FROM ||
	    (cls_at(p, p->i) == K_OF && strcmp(p->lang->code, "ar") == 0 && tk(p, p->i + 1) &&
	     tk(p, p->i + 1)->type == T_NUM))
		p->i++;
	lvl = first_level(p, lvl);
	if (!parse_list(p, lvl, 1, &base))
		return 0;
	int top = L_N;
	for (size_t k = 0; k < p->n; k++)
		if (topmost(&p->items[k]) < top)
			top = topmost(&p->items[k]);
	for (int q = 0; q < 6 && top >= 0 && qualifier(p, c, &top); q++)
		;
	chain_end(c, p);
	return 1;
}

/* nl: a reference that starts with ordinals, "het eerste lid van dit artikel". */
static int ord_citation(struct parse *p, size_t s, struct ref_chain *c, size_t *fail)
{
	struct ref_item base = {0};
	base.rlvl = -1;
	chain_init(c, p, s);
	p->i = s;
	if (!ord_list(p, &base, fail))
		return 0;
	/* "het eerste lid, onderdelen d en e, en het tweede lid, …" */
	while (p->n < REF_MAX_ITEMS) {
		size_t save = p->i, f;
		if (separator(p)) {
			while (cls_at(p, p->i) == K_THE)
				p->i++;
			if (ord_list(p, &base, &f))
				continue;
		}
		p->i = save;
		break;
	}
	int top = L_PARA;
	for (int q = 0; q < 6 && top >= 0 && qualifier(p, c, &top); q++)
		;
	chain_end(c, p);
	return 1;
}

/* "this article", "dit lid", "هذه المادة", "настоящей статьи", "le présent article", "this
 * chapter". */
static int self_ref(struct parse *p, size_t s, struct ref_chain *c)
{
	int c2 = cls_at(p, s + 1);
	if ((c2 != K_ART && c2 != K_PARA && c2 != K_CHAP) || tk(p, s + 1)->plural)
		return 0;
	if (tk(p, s + 2) && tk(p, s + 2)->type == T_NUM)
		return 0;
	chain_init(c, p, s);
	c->self_lvl = c2 == K_ART ? L_ART : c2 == K_PARA ? L_PARA : L_N;
	p->i = s + 2;
	chain_end(c, p);
	return 1;
}

/*
 * "the two preceding paragraphs", "de twee vorige leden", "les deux
 * paragraphes précédents", "the preceding paragraph": counted back from the
 * text's own paragraph when emitting.
 */
static int preceding(struct parse *p, size_t s, struct ref_chain *c)
{
	size_t j = s;
	int k = 1;
	if (cls_at(p, j) == K_COUNT)
		k = (int)p->lx->t[j++].val;
	if (!((cls_at(p, j) == K_PRECED && cls_at(p, j + 1) == K_PARA) ||
	      (cls_at(p, j) == K_PARA && cls_at(p, j + 1) == K_PRECED)))
		return 0;
	chain_init(c, p, s);
	c->preceding = k;
	p->i = j + 2;
	chain_end(c, p);
	return 1;
}

/* "Chapter II", "hoofdstuk III", "الفصل الثاني". */
static int chapter(struct parse *p, size_t s, struct ref_chain *c)
{
	const struct ref_tok *t = tk(p, s + 1);
	struct ref_item it = {0};
	long v = 0;
	if (!t)
		return 0;
	if (t->type == T_NUM)
		v = t->val;
	else if (t->type == T_WORD && t->roman && t->fe - t->fs > 0)
		v = t->roman;
	if (!v || (t->type == T_WORD && !t->upper && t->fe - t->fs == 1))
		return 0;
	chain_init(c, p, s);
	c->chapter = 1;
	it.rlvl = -1;
	set_lvl(&it, L_ART, v);
	push(p, &it);
	p->i = s + 2;
	int top = L_ART;
	qualifier(p, c, &top);
	chain_end(c, p);
	return 1;
}

/* "ETS No. 185", "(CETS No. 24)". */
static int ets(struct parse *p, size_t s, struct ref_chain *c)
{
	size_t j = s + 1;
	if (cls_at(p, j) == K_NO) {
		j++;
		if (cls_at(p, j) == K_DOT)
			j++;
	}
	if (!tk(p, j) || tk(p, j)->type != T_NUM || tk(p, j)->ord)
		return 0;
	chain_init(c, p, s);
	c->doc_only = 1;
	c->doc_id = ref_ets_doc(tk(p, j)->val);
	c->docsel = c->doc_id ? D_ID : D_EXTERNAL;
	p->i = j + 1;
	chain_end(c, p);
	return 1;
}

/*
 * A citation a draft introduces: "draft article 17", "draft articles 5 and
 * 6", "the draft text's article 24", "projet d'article 17", "proyecto de
 * artículo 17", "проект статьи 17", "مشروع المادة 17"; or, with a document
 * word, the draft itself: "the draft convention".
 */
static int draft_ref(struct parse *p, size_t s, struct ref_chain *c)
{
	int noun, prot;
	size_t k = rd_draft(p, s, &noun, &prot), j = s + k;
	if (!k)
		return 0;
	const struct ref_tok *q = tk(p, j), *w = tk(p, j + 1);
	if (q && q->cls == K_QUOTE && q->adj && w && w->adj && !strcmp(ref_word(p->lx, j + 1), "s"))
		j += 2; /* "the draft's article 24" */
	else if (!noun && cls_at(p, j) == K_OF && kw_level(cls_at(p, j + 1)) >= 0)
		j++; /* "projet d'article" */
	if (kw_level(cls_at(p, j)) >= 0 && tk(p, j)->type == T_WORD) {
		/*
		 * "draft article 2 and article 3": the draft is article 2's alone; the
		 * keyword said again starts a citation of its own (article 3 of the
		 * final text), while "draft articles 2 and 3" are both the draft's.
		 */
		p->own_kw = kw_level(cls_at(p, j));
		int found = citation(p, j, c);
		p->own_kw = -1;
		if (!found)
			return 0;
		c->start = p->lx->t[s].s + (p->lx->t[s].andpre ? 2 : 0); /* not ar "و" */
		c->draft = 1;
		if (c->docsel == D_OWN || c->docsel == D_PARENT)
			c->docsel = prot ? D_EXTERNAL : D_DRAFT;
		return 1;
	}
	if (!noun || prot)
		return 0;
	chain_init(c, p, s);
	c->doc_only = 1, c->draft = 1, c->docsel = D_DRAFT;
	p->i = j;
	chain_end(c, p);
	return 1;
}

/* A document named, or "the Convention" seen from a protocol. */
static int doc_mention(struct parse *p, size_t s, struct ref_chain *c)
{
	const char *doc;
	size_t k = rd_name(p, s, &doc);
	const struct ref_tok *t = tk(p, s);
	chain_init(c, p, s);
	c->doc_only = 1;
	if (k > 0 && doc) {
		c->docsel = D_ID, c->doc_id = doc;
		p->i = s + k;
		chain_end(c, p);
		return 1;
	}
	if (t->cls != K_CONV)
		return 0;
	if (s > 0 && cls_at(p, s - 1) == K_THIS)
		return 0;
	if (p->lang->the_before_doc && (s == 0 || cls_at(p, s - 1) != K_THE))
		return 0;
	if (!p->lang->the_before_doc && strcmp(p->lang->code, "ru") == 0 && !t->upper)
		return 0;
	if (!rd_docword(p, s, c) || c->docsel != D_PARENT)
		return 0;
	p->i = s + 1;
	chain_end(c, p);
	return 1;
}

/* Try each kind of reference at token s; 1 when one was found (p->i past it). */
static int at_token(struct parse *p, size_t s, struct ref_chain *c, size_t *skip)
{
	const struct ref_tok *t = &p->lx->t[s];
	*skip = s + 1;
	if (kw_level(t->cls) >= 0 && t->type == T_WORD)
		return citation(p, s, c) || preceding(p, s, c);
	if (t->ord && p->lang->ord_before_noun)
		return ord_citation(p, s, c, skip);
	switch (t->cls) {
	case K_THIS:
		return self_ref(p, s, c);
	case K_CHAP:
		return chapter(p, s, c);
	case K_ETS:
		return ets(p, s, c);
	case K_COUNT:
	case K_PRECED:
		return preceding(p, s, c);
	case K_DRAFT:
	case K_REVISED:
		return draft_ref(p, s, c);
	default:
		return t->type == T_WORD && doc_mention(p, s, c);
	}
}

static int scan(struct ref_out *out, const struct ref_lang *lang, const char *text, size_t len)
{
	struct ref_lex lx;
	struct parse p = {0};
	int rc = 0;
	if (ref_lex(lang, text, len, &lx) < 0)
		return -1;
	p.lang = lang, p.lx = &lx, p.own_kw = -1;
	p.items = malloc(REF_MAX_ITEMS * sizeof *p.items);
	if (!p.items) {
		ref_lex_free(&lx);
		return -1;
	}
	for (size_t s = 0; s < lx.n && rc == 0;) {
		struct ref_chain c;
		size_t skip;
		if (at_token(&p, s, &c, &skip)) {
			rc = ref_emit(out, &c);
			s = p.i > s ? p.i : s + 1;
		} else {
			s = skip;
		}
	}
	free(p.items);
	ref_lex_free(&lx);
	return rc;
}

/* ---- The entry point -------------------------------------------------------- */

/* The provision's own place from its id: "art_6__para_1__point_b" gives 6, 1, b. */
static void own_place(struct ref_out *out, const char *eid)
{
	static const char *const pre[L_N] = {"art_", "para_", "point_", "subpoint_"};
	for (const char *s = eid; s && *s;) {
		const char *e = strstr(s, "__");
		size_t n = e ? (size_t)(e - s) : strlen(s);
		for (int l = 0; l < L_N; l++) {
			size_t m = strlen(pre[l]);
			if (n <= m || strncmp(s, pre[l], m) != 0)
				continue;
			const char *v = s + m;
			char *end = NULL;
			long x = 0;
			int k;
			if (l == L_POINT)
				x = n - m == 1 && v[0] >= 'a' && v[0] <= 'z' ? v[0] - 'a' + 1 : 0;
			else if (l == L_SUB)
				x = ref_roman(v, n - m);
			else
				x = strtol(v, &end, 10);
			if (x <= 0 || x > REF_MAX_NUM)
				continue;
			/* "art_2bis", "para_3ter": the suffix's ordinal, as the lexer reads "2 bis" */
			if ((l == L_ART || l == L_PARA) && end < s + n &&
			    corpus_eid_suffix(end, (size_t)(s + n - end), &k))
				x += k * REF_SUF;
			out->own[l] = x, out->own_set |= 1u << l;
		}
		s = e ? e + 2 : NULL;
	}
}

int corpus_refs_find(const char *text, size_t len, const struct corpus_ref_ctx *ctx,
                     struct corpus_ref **refs, size_t *n, char *err, size_t errlen)
{
	struct ref_out out = {0};
	const struct ref_lang *lang = ref_lang_get(ctx->lang);
	int rc;
	*refs = NULL, *n = 0;
	if (!lang) {
		if (err)
			snprintf(err, errlen, "no reference grammar for language '%s'",
			         ctx->lang ? ctx->lang : "(none)");
		return 1;
	}
	out.text = text, out.ctx = ctx;
	/* far beyond any real provision, yet linear: see ref_emit */
	out.budget = 65536 + 8 * len;
	own_place(&out, ctx->eid);
	rc = strcmp(lang->code, "zh") == 0 ? ref_zh_scan(&out, text, len)
	                                   : scan(&out, lang, text, len);
	if (rc < 0 || out.oom) {
		corpus_refs_free(out.r, out.n);
		if (err)
			snprintf(err, errlen, "out of memory finding references");
		return -1;
	}
	*refs = out.r, *n = out.n;
	return 0;
}

void corpus_refs_free(struct corpus_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(refs[i].text);
		free(refs[i].target_doc);
		free(refs[i].target_eid);
	}
	free(refs);
}
