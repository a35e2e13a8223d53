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

#include "corpus/refs-int.h"

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static int record(struct ref_out *out, const struct ref_chain *c, const char *doc,
		  const char *eid, int resolved, int external)
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
		return v >= 1 && v <= 399;
	default:
		return v >= 1 && v <= REF_MAX_NUM;
	}
}

/*
 * The id for the levels in set.  Returns 1 when every number is one a
 * provision can have, 0 when the id was written but cannot exist
 * ("art_0"), -1 when there is no id to write (no article, or a number too
 * large to be one).
 */
static int build_eid(char *buf, size_t n, const long v[L_N], unsigned set)
{
	int ok = 1;
	size_t o = 0;
	if (!(set & 1u << L_ART))
		return -1;
	for (int l = 0; l < L_N; l++) {
		if (!(set & 1u << l))
			continue;
		if (v[l] == REF_HUGE || v[l] < 0 || (l >= L_POINT && !sane(l, v[l])))
			return -1;
		ok &= sane(l, v[l]);
		char r[12];
		int w;
		switch (l) {
		case L_ART:
			w = snprintf(buf + o, n - o, "art_%ld", v[l]);
			break;
		case L_PARA:
			w = snprintf(buf + o, n - o, "__para_%ld", v[l]);
			break;
		case L_POINT:
			w = snprintf(buf + o, n - o, "__point_%c", (char)('a' + v[l] - 1));
			break;
		default:
			ref_roman_str((int)v[l], r);
			w = snprintf(buf + o, n - o, "__subpoint_%s", r);
			break;
		}
		if (w < 0 || (size_t)w >= n - o)
			return -1;
		o += (size_t)w;
	}
	return ok;
}

static const char *target_doc(const struct ref_out *out, const struct ref_chain *c)
{
	switch (c->docsel) {
	case D_PARENT:
		return out->ctx->parent ? out->ctx->parent : out->ctx->doc;
	case D_ID:
		return c->doc_id;
	case D_EXTERNAL:
		return NULL;
	default:
		return out->ctx->doc;
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

static int emit_item(struct ref_out *out, const struct ref_chain *c, const struct ref_item *it,
		     const char *doc)
{
	long full[L_N];
	char eid[128];
	unsigned set = complete(out, c, it, full);
	int ext = c->docsel == D_EXTERNAL;
	if (it->rlvl < 0) {
		int ok = build_eid(eid, sizeof eid, full, set);
		return record(out, c, doc, ok < 0 ? NULL : eid, ok > 0, ext);
	}
	long lo = full[it->rlvl], hi = it->hi;
	if (!range_ok(it, lo)) {
		/* kept, so nobody loses sight of it, but not expanded */
		int b = build_eid(eid, sizeof eid, full, set);
		return record(out, c, doc, b < 0 ? NULL : eid, 0, ext);
	}
	for (long x = lo; x <= hi; x++) {
		full[it->rlvl] = x;
		int b = build_eid(eid, sizeof eid, full, set);
		if (record(out, c, doc, b < 0 ? NULL : eid, b > 0, ext) < 0)
			return -1;
	}
	return 0;
}

/* "this article", "this paragraph", "this chapter": what encloses the text. */
static int emit_self(struct ref_out *out, const struct ref_chain *c, const char *doc)
{
	char eid[128];
	if (c->self_lvl == L_N)
		return record(out, c, doc, out->ctx->chapter, out->ctx->chapter != NULL, 0);
	unsigned set = out->own_set & (1u << L_ART | 1u << L_PARA);
	if (c->self_lvl == L_ART)
		set &= 1u << L_ART;
	int ok = build_eid(eid, sizeof eid, out->own, set);
	return record(out, c, doc, ok < 0 ? NULL : eid, ok > 0, 0);
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
	char eid[64];
	if (c->doc_only) {
		/* a document mentioning itself is no reference */
		if (c->docsel == D_OWN || (doc && out->ctx->doc && strcmp(doc, out->ctx->doc) == 0))
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
		if (c->chapter) {
			long v = c->items[k].v[L_ART];
			snprintf(eid, sizeof eid, "chp_%ld", v);
			rc = record(out, c, doc, v > 0 ? eid : NULL, v > 0,
				    c->docsel == D_EXTERNAL);
		} else {
			rc = emit_item(out, c, &c->items[k], doc);
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}
