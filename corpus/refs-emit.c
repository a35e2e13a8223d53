/*
 * refs-emit.c — from a recognised reference to records: relative citations
 * completed from the provision's own place, ranges expanded, the target
 * document chosen, and the provision id written in the project's scheme
 * (art_N__para_M__point_x__subpoint_r).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "corpus/refs-int.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int record(struct ref_out *out, const struct ref_chain *c, const char *doc, const char *eid,
                  int resolved, int external)
{
	if (out->n == out->cap) {
		size_t nc = out->cap ? out->cap * 2 : 16;
		struct corpus_ref *r = realloc(out->r, nc * sizeof *r);
		if (!r)
			return out->oom = 1, -1;
		out->r = r, out->cap = nc;
	}
	struct corpus_ref *r = &out->r[out->n];
	memset(r, 0, sizeof *r);
	r->start = c->start, r->end = c->end;
	r->text = malloc(c->end - c->start + 1);
	r->target_doc = dup_or_null(doc);
	r->target_eid = dup_or_null(eid);
	out->n++;
	if (!r->text || (doc && !r->target_doc) || (eid && !r->target_eid))
		return out->oom = 1, -1;
	memcpy(r->text, out->text + c->start, c->end - c->start);
	r->text[c->end - c->start] = '\0';
	r->resolved = resolved && doc && !external;
	r->external = external;
	r->draft = c->draft;
	size_t cost = c->end - c->start + REF_REC_COST;
	out->budget = out->budget > cost ? out->budget - cost : 0;
	return 0;
}

static int sane(int lvl, long v)
{
	switch (lvl) {
	case L_POINT:
		return v >= 1 && v <= 26;
	case L_SUB:
		return v >= 1 && v <= 39;
	case L_ART: /* "2 bis" too */
	case L_PARA:
		return v % REF_SUF >= 1 && v % REF_SUF <= REF_MAX_NUM &&
		       (v < REF_SUF || corpus_eid_suffix_name((int)(v / REF_SUF)));
	default:
		return v >= 1 && v <= REF_MAX_NUM;
	}
}

/*
 * The id for the levels in set, built by eid.c (caller frees).  NULL when
 * there is none to write: no article, or a number no provision can have
 * (0, too large, a 40th subpoint).
 */
static char *build_eid(const long v[L_N], unsigned set)
{
	static const enum corpus_kind kind[L_N] = {CORPUS_ARTICLE, CORPUS_PARAGRAPH, CORPUS_POINT,
	                                           CORPUS_SUBPOINT};
	char *eid = NULL;
	if (!(set & 1u << L_ART))
		return NULL;
	for (int l = 0; l < L_N; l++) {
		char num[24], norm[16];
		if (!(set & 1u << l))
			continue;
		if (!sane(l, v[l])) {
			free(eid);
			return NULL;
		}
		if (l == L_POINT) {
			snprintf(norm, sizeof norm, "%c", (char)('a' + v[l] - 1));
		} else {
			const char *suffix =
			    l == L_ART || l == L_PARA ? corpus_eid_suffix_name((int)(v[l] / REF_SUF))
			                              : NULL;
			snprintf(num, sizeof num, "%ld%s%s", v[l] % REF_SUF, suffix ? " " : "",
			         suffix ? suffix : "");
			if (corpus_eid_num(kind[l], num, strlen(num), norm, sizeof norm) < 0) {
				free(eid);
				return NULL;
			}
		}
		char *next = corpus_eid_make(eid, kind[l], norm);
		free(eid);
		if (!(eid = next))
			return NULL;
	}
	return eid;
}

/*
 * The document a reference points into.  A statement has no articles of its
 * own: what it cites without naming a document is what it discusses.
 */
static const char *target_doc(const struct ref_out *out, const struct ref_chain *c)
{
	const struct corpus_ref_ctx *x = out->ctx;
	const char *own = x->commentary ? x->refers_to : x->doc;
	switch (c->docsel) {
	case D_PARENT:
		return x->parent ? x->parent : own;
	case D_ID:
		return c->doc_id;
	case D_EXTERNAL:
		return NULL;
	case D_DRAFT:
		return x->refers_to;
	default:
		return own;
	}
}

/*
 * Complete a citation with the levels it leaves out: from the qualifiers
 * ("of Article 29"), else from the provision's own place ("paragraph 1"
 * means the paragraph of this article) — but never from the own place below
 * a level the text gave explicitly.
 */
static unsigned complete(const struct ref_out *out, const struct ref_chain *c,
                         const struct ref_item *it, long full[L_N])
{
	unsigned set = it->set;
	int top = L_N, given = 0;
	memcpy(full, it->v, sizeof it->v);
	for (int l = 0; l < L_N; l++)
		if (set & 1u << l) {
			top = l;
			break;
		}
	for (int l = 0; l < top; l++) {
		if (c->anchor.set & 1u << l) {
			full[l] = c->anchor.v[l], set |= 1u << l, given = 1;
		} else if (!given && (out->own_set & 1u << l)) {
			full[l] = out->own[l], set |= 1u << l;
		}
	}
	return set;
}

static int range_ok(const struct ref_item *it, long lo)
{
	return sane(it->rlvl, lo) && sane(it->rlvl, it->hi) && it->hi >= lo &&
	       it->hi - lo < REF_MAX_RANGE;
}

/* How many records the citations give; an unexpandable range gives one. */
static size_t count_targets(const struct ref_out *out, const struct ref_chain *c)
{
	size_t n = 0;
	for (size_t k = 0; k < c->n; k++) {
		long full[L_N];
		const struct ref_item *it = &c->items[k];
		complete(out, c, it, full);
		if (it->rlvl >= 0 && range_ok(it, full[it->rlvl]))
			n += (size_t)(it->hi - full[it->rlvl] + 1);
		else
			n++;
	}
	return n;
}

/* A record for the id of full[set]; resolved only when the id could be written. */
static int record_at(struct ref_out *out, const struct ref_chain *c, const char *doc,
                     const long full[L_N], unsigned set, int resolved)
{
	char *eid = build_eid(full, set);
	int rc = record(out, c, doc, eid, resolved && eid, c->docsel == D_EXTERNAL);
	free(eid);
	return rc;
}

static int emit_item(struct ref_out *out, const struct ref_chain *c, const struct ref_item *it,
                     const char *doc)
{
	long full[L_N];
	unsigned set = complete(out, c, it, full);
	if (it->rlvl < 0)
		return record_at(out, c, doc, full, set, 1);
	long lo = full[it->rlvl];
	if (!range_ok(it, lo))
		return record_at(out, c, doc, full, set, 0); /* kept, not expanded */
	for (long x = lo; x <= it->hi; x++) {
		full[it->rlvl] = x;
		if (record_at(out, c, doc, full, set, 1) < 0)
			return -1;
	}
	return 0;
}

/* "this article", "this paragraph", "this chapter": what encloses the text. */
static int emit_self(struct ref_out *out, const struct ref_chain *c, const char *doc)
{
	if (c->self_lvl == L_N)
		return record(out, c, doc, out->ctx->chapter, out->ctx->chapter != NULL, 0);
	unsigned set = out->own_set & (1u << L_ART | 1u << L_PARA);
	if (c->self_lvl == L_ART)
		set &= 1u << L_ART;
	return record_at(out, c, doc, out->own, set, 1);
}

/* "Chapter II": chp_2. */
static int emit_chapter(struct ref_out *out, const struct ref_chain *c, long v, const char *doc)
{
	char num[24], norm[16], *eid = NULL;
	snprintf(num, sizeof num, "%ld", v);
	if (v > 0 && v <= REF_MAX_NUM &&
	    corpus_eid_num(CORPUS_CHAPTER, num, strlen(num), norm, sizeof norm) == 0)
		eid = corpus_eid_make(NULL, CORPUS_CHAPTER, norm);
	int rc = record(out, c, doc, eid, eid != NULL, c->docsel == D_EXTERNAL);
	free(eid);
	return rc;
}

/* "the two preceding paragraphs" of paragraph 3: paragraphs 1 and 2. */
static int emit_preceding(struct ref_out *out, const struct ref_chain *c, const char *doc)
{
	struct ref_item it = {0};
	struct ref_chain one = *c;
	if (!(out->own_set & 1u << L_PARA) || out->own[L_PARA] - c->preceding < 1)
		return record(out, c, doc, NULL, 0, 0);
	it.set = 1u << L_PARA;
	it.v[L_PARA] = out->own[L_PARA] - c->preceding;
	it.rlvl = L_PARA, it.hi = out->own[L_PARA] - 1;
	one.items = &it, one.n = 1;
	return emit_item(out, &one, &it, doc);
}

int ref_emit(struct ref_out *out, const struct ref_chain *c)
{
	const char *doc = target_doc(out, c);
	if (c->doc_only) {
		/* a document mentioning itself, or a draft nobody named, is no reference */
		if (c->docsel == D_OWN ||
		    (doc && out->ctx->doc && strcmp(doc, out->ctx->doc) == 0) ||
		    (!doc && c->docsel != D_EXTERNAL))
			return 0;
		return record(out, c, doc, NULL, 1, c->docsel == D_EXTERNAL);
	}
	if (c->self_lvl >= 0)
		return emit_self(out, c, doc);
	if (c->preceding)
		return emit_preceding(out, c, doc);
	if (c->n > 0 && count_targets(out, c) * (c->end - c->start + REF_REC_COST) > out->budget) {
		/* adversarial text: keep the reference, as one unresolved record */
		struct ref_item first = c->items[0];
		struct ref_chain one = *c;
		first.rlvl = -1;
		one.n = 1, one.items = &first;
		if (emit_item(out, &one, &first, doc) < 0)
			return -1;
		out->r[out->n - 1].resolved = 0;
		return 0;
	}
	for (size_t k = 0; k < c->n; k++) {
		int rc;
		rc = c->chapter ? emit_chapter(out, c, c->items[k].v[L_ART], doc)
		                : emit_item(out, c, &c->items[k], doc);
		if (rc < 0)
			return -1;
	}
	return 0;
}
