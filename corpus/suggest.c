/*
 * suggest.c — "did you mean …" when a search finds nothing.
 *
 * A word is compared, folded and stemmed as the index holds it, with every
 * term of each language's index, by edit distance on code points, as a
 * whole and by its beginning (see PREFIX_STEM).  The terms are those of
 * rank_term (rank.h), counted at import: fts5vocab would read every doclist
 * of the index, which grows with the library.  The store keeps them in
 * memory until their database changes (corpus_store_vocab).
 * The index holds stems ("procedur"), which are not words to show, so the
 * chosen term is turned back into a word as written by asking FTS5 to mark
 * it in the first provisions that contain it.
 */
#include "corpus/store-internal.h"
#include "i18n/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

/* Words are compared on at most this many code points. */
#define MAX_CP 48

struct candidate {
	char term[128];
	char schema[8];
	char lang[4];
	int distance;
	int docs;
};

static int to_cps(const char *s, int32_t cps[MAX_CP])
{
	int32_t i = 0, n = (int32_t)strlen(s), k = 0;
	while (i < n && k < MAX_CP) {
		UChar32 c;
		U8_NEXT(s, i, n, c);
		cps[k++] = c;
	}
	return i < n ? -1 : k;
}

/*
 * Edit distance between a and b in code points, counting a swap of two
 * neighbours as one edit (optimal string alignment): "interecption" is one
 * edit from "interception", not two, and so nearer to it than to
 * "interests".  Gives up, returning limit + 1, once every alignment costs
 * more than limit.  When prefix is set, the distance is from a to the
 * nearest prefix of b instead, and *end is that prefix's length.
 */
static int distance_to(const int32_t *a, int na, const int32_t *b, int nb, int limit, int prefix,
                       int *end)
{
	int rows[3][MAX_CP + 1];
	int *before = rows[0], *last = rows[1], *row = rows[2];
	if (!prefix && abs(na - nb) > limit)
		return limit + 1;
	for (int j = 0; j <= nb; j++)
		last[j] = j;
	for (int i = 1; i <= na; i++) {
		int best = i;
		row[0] = i;
		for (int j = 1; j <= nb; j++) {
			int v = last[j - 1] + (a[i - 1] != b[j - 1]);
			if (last[j] + 1 < v)
				v = last[j] + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    before[j - 2] + 1 < v)
				v = before[j - 2] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best > limit)
			return limit + 1;
		int *t = before;
		before = last, last = row, row = t;
	}
	int d = last[nb], at = nb;
	for (int j = 0; prefix && j < nb; j++)
		if (last[j] < d)
			d = last[j], at = j;
	if (end)
		*end = at;
	return d;
}

static int distance(const int32_t *a, int na, const int32_t *b, int nb, int limit)
{
	return distance_to(a, na, b, nb, limit, 0, NULL);
}

/* Keep term as the candidate c when it is nearer than c's, or as near and in more provisions. */
static void consider(struct candidate *c, const char *term, const char *schema, const char *lang,
                     int d, int docs)
{
	if (d > c->distance || (d == c->distance && docs <= c->docs))
		return;
	snprintf(c->term, sizeof c->term, "%s", term);
	snprintf(c->schema, sizeof c->schema, "%s", schema);
	snprintf(c->lang, sizeof c->lang, "%s", lang);
	c->distance = d;
	c->docs = docs;
}

/*
 * A stem of at least this many code points may be the start of a misspelt
 * word whose mistake is in the ending: the stemmer cannot take off an ending
 * it does not recognise ("jurisdictoin" stays whole, three edits from
 * "jurisdict"), so the stem is compared with the word's beginning instead,
 * leaving at most PREFIX_REST code points over.
 */
#define PREFIX_STEM 5
#define PREFIX_REST 5

/* Rows holding term, from the vocabulary; 0 when it cannot tell. */
static int docs_of(struct corpus_store *store, const char *schema, const char *lang,
                   const char *term)
{
	char *sql =
	    sqlite3_mprintf("SELECT ndocs FROM %s.rank_term WHERE lang = ?1 AND term = ?2", schema);
	sqlite3_stmt *st = corpus_stmt_get(store, sql);
	int docs = 0;
	if (st) {
		sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, term, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			docs = sqlite3_column_int(st, 0);
	}
	corpus_stmt_put(store, st);
	sqlite3_free(sql);
	return docs;
}

/* consider(), the term's row count read only when it may be kept. */
static void consider_term(struct corpus_store *store, struct candidate *c, const char *term,
                          const char *schema, const char *lang, int d)
{
	if (d <= c->distance)
		consider(c, term, schema, lang, d, docs_of(store, schema, lang, term));
}

/* Whether the set holds more than n letters. */
static int more_than(uint64_t set, int n)
{
	for (; set; set &= set - 1)
		if (--n < 0)
			return 1;
	return 0;
}

/*
 * Look through one language's vocabulary for terms near folded: as a whole
 * (into best), and as the beginning of folded (into start).  A term whose
 * length or letters rule out both kinds of match is not compared at all: an
 * edit brings at most one letter that the other word lacks, so a term with
 * more than limit letters not in folded is more than limit edits from it and
 * from its beginnings (and a beginning needs one edit or none).
 */
static void scan_vocab(struct corpus_store *store, const char *schema, const char *lang,
                       const char *folded, struct candidate *best, struct candidate *start)
{
	int32_t want[MAX_CP], got[MAX_CP];
	int nw = to_cps(folded, want);
	if (nw <= 2)
		return;
	int limit = nw <= 4 ? 1 : 2;
	/* A prefix match is one edit from a beginning of folded that leaves 1..PREFIX_REST over. */
	int shortest = nw - PREFIX_REST - 1 > PREFIX_STEM ? nw - PREFIX_REST - 1 : PREFIX_STEM;
	if (nw - limit < shortest)
		shortest = nw - limit;
	uint64_t letters = 0;
	for (int i = 0; i < nw; i++)
		letters |= corpus_letter(want[i]);
	const struct corpus_vocab *v = corpus_store_vocab(store, schema, lang);
	for (size_t i = 0; v && i < v->n; i++) {
		const char *term = v->term[i];
		if (v->cps[i] < shortest || v->cps[i] > nw + limit ||
		    more_than(v->letters[i] & ~letters, limit))
			continue;
		int ng = to_cps(term, got);
		if (ng < 0)
			continue;
		int d = distance(want, nw, got, ng, limit);
		if (d == 0) {
			best->distance = -1; /* the word is there: nothing to suggest */
			return;
		}
		if (d <= limit) {
			consider_term(store, best, term, schema, lang, d);
			continue;
		}
		int end;
		if (ng >= PREFIX_STEM && (d = distance_to(got, ng, want, nw, 1, 1, &end)) <= 1 &&
		    end < nw && nw - end <= PREFIX_REST)
			consider_term(store, start, term, schema, lang, d);
	}
}

/* How many provisions holding the term are read to find how it is written, and words kept. */
#define SURFACE_ROWS 50
#define SURFACE_WORDS 32

struct surface {
	char *word;
	int distance, count;
};

/* word folded in lang (stemmed with I18N_FOLD_STEM) into out[cap]: its length, or -1. */
static int fold(struct corpus_store *store, const char *lang, const char *word, int flags,
                char *out, size_t cap)
{
	struct i18n_folder *f = corpus_store_folder(store, lang);
	return f ? i18n_folder_fold(f, word, strlen(word), flags, out, cap) : -1;
}

/* Code points of word folded (not stemmed) in lang into cps, or -1. */
static int folded_cps(struct corpus_store *store, const char *lang, const char *word,
                      int32_t cps[MAX_CP])
{
	char folded[256];
	if (fold(store, lang, word, 0, folded, sizeof folded) <= 0)
		return -1;
	return to_cps(folded, cps);
}

/*
 * Count one written form w (taken) of the term; a form not seen before is
 * folded and compared with what was typed (want, nw code points), once.
 */
static void add_surface(struct surface *s, int *n, char *w, struct corpus_store *store,
                        const char *lang, const int32_t *want, int nw)
{
	int32_t got[MAX_CP];
	for (int i = 0; i < *n; i++)
		if (strcmp(s[i].word, w) == 0) {
			s[i].count++;
			free(w);
			return;
		}
	if (*n == SURFACE_WORDS) {
		free(w);
		return;
	}
	int nf = folded_cps(store, lang, w, got);
	int d = nw >= 0 && nf >= 0 ? distance(want, nw, got, nf, MAX_CP) : MAX_CP + 1;
	s[(*n)++] = (struct surface){w, d, 1};
}

/*
 * The term as written: of the words FTS5 marks for it in some provisions, the
 * one nearest to what was typed (folded, not stemmed), then the most frequent:
 * "extradtion" is nearer to "extradition" than to "extradite", whose stem it
 * shares.
 */
static char *surface_word(struct corpus_store *store, const struct candidate *c, const char *typed,
                          int *distance_out)
{
	char *sql = sqlite3_mprintf("SELECT treaty_marks(fts_%s, 1) FROM %s.fts_%s"
	                            " WHERE fts_%s MATCH ? LIMIT %d",
	                            c->lang, c->schema, c->lang, c->lang, SURFACE_ROWS);
	/* The term is a stem already, and stemming it again can give another ("gegev"). */
	char *phrase = sqlite3_mprintf("\"" I18N_INDEXED_TERM "%w\"", c->term);
	struct surface found[SURFACE_WORDS];
	int n = 0;
	int32_t want[MAX_CP];
	int nw = folded_cps(store, c->lang, typed, want);
	sqlite3_stmt *st = sql && phrase ? corpus_stmt_get(store, sql) : NULL;
	if (st) {
		sqlite3_bind_text(st, 1, phrase, -1, SQLITE_STATIC);
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *a = (const char *)sqlite3_column_text(st, 0), *b;
			for (; a && (b = strchr(a, '\xFF')) != NULL; a = b + 1) {
				char *w = strndup(a, (size_t)(b - a));
				if (!w)
					continue;
				add_surface(found, &n, w, store, c->lang, want, nw);
			}
		}
	}
	corpus_stmt_put(store, st);
	sqlite3_free(phrase);
	sqlite3_free(sql);
	int best = -1;
	for (int i = 0; i < n; i++)
		if (best < 0 || found[i].distance < found[best].distance ||
		    (found[i].distance == found[best].distance &&
		     found[i].count > found[best].count))
			best = i;
	char *word = best >= 0 ? found[best].word : corpus_strdup(c->term);
	*distance_out = best >= 0 ? found[best].distance : MAX_CP + 1;
	for (int i = 0; i < n; i++)
		if (i != best)
			free(found[i].word);
	return word;
}

char *corpus_suggest(struct corpus_store *store, const char *word, const char *lang)
{
	struct candidate best = {.distance = 99}, start = {.distance = 99};
	struct corpus_fts_table *t;
	size_t n;
	if (corpus_fts_tables(store, lang, &t, &n) < 0)
		return NULL;
	for (size_t i = 0; i < n && best.distance >= 0; i++) {
		char folded[256];
		if (fold(store, t[i].lang, word, I18N_FOLD_STEM, folded, sizeof folded) > 0 &&
		    !strchr(folded, ' '))
			scan_vocab(store, t[i].schema, t[i].lang, folded, &best, &start);
	}
	free(t);
	if (best.distance < 0)
		return NULL;
	/*
	 * Each kind of candidate is turned into its written form, and the form
	 * nearer to what was typed wins: "computerz" is one edit from the Dutch
	 * stem "computer", whose words read "computersysteem", and begins with
	 * the English "comput", written "computer".  A stem found at the word's
	 * beginning says little by itself ("interest" begins "interesting"), so
	 * its word must be as near as a whole-word suggestion would be.
	 */
	int d_best = MAX_CP + 1, d_start = MAX_CP + 1;
	char *whole = best.distance <= 2 ? surface_word(store, &best, word, &d_best) : NULL;
	char *begun = start.distance <= 1 ? surface_word(store, &start, word, &d_start) : NULL;
	if (begun && (d_start > 2 || (whole && d_best <= d_start))) {
		free(begun);
		begun = NULL;
	}
	if (begun) {
		free(whole);
		return begun;
	}
	return whole;
}
