/*
 * terms.c — defined terms: where the definitions articles (and the odd "for
 * the purpose of this article, the term … means") define them, how a person
 * looks one up, and where a document uses them.  Matching goes through the
 * language layer's folding and stemming, so "computer systems" is a use of
 * "computer system".
 */
#include "corpus/terms.h"
#include "corpus/store-internal.h"
#include "corpus/utf8.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"

#include <stdlib.h>
#include <string.h>

/* ---- Definitions in a text ---------------------------------------------- */

struct def_lang {
	const char *code;
	const char *const *term_words; /* "the term", "مصطلح": the word before a quoted term */
	const char *const *verbs;      /* "means", "يعني": the word after it */
	const char *const *ors; /* "or": ”التجميد“ أو ”الحجز“ يعني */
};

static const char *const en_t[] = {"term", "expression", NULL};
static const char *const en_v[] = {"means", "shall mean", "shall include", "includes", NULL};
static const char *const en_o[] = {"or", "and", NULL};
static const char *const nl_t[] = {"term", "begrip", "uitdrukking", "onder", NULL};
static const char *const nl_v[] = {"betekent", "omvat", NULL};
static const char *const nl_o[] = {"of", "en", NULL};
static const char *const fr_t[] = {"terme", "expression", NULL};
static const char *const fr_v[] = {"désigne", "désignent", "s'entend", "s’entend",
                                   "vise",    "comprend",  NULL};
static const char *const fr_o[] = {"ou", "et", NULL};
static const char *const es_t[] = {"término", "expresión", NULL};
static const char *const es_v[] = {"significa", "se entenderá", "se entiende", "designa",
                                   "comprende", "incluye",      NULL};
static const char *const es_o[] = {"o", "u", "y", NULL};
static const char *const ru_t[] = {"термин", "термина", "выражение", NULL};
static const char *const ru_v[] = {"означает", "означают", "понимается", "включает", NULL};
static const char *const ru_o[] = {"или", "и", NULL};
static const char *const ar_t[] = {"مصطلح", "عبارة", "تعبير", NULL};
static const char *const ar_v[] = {"يعني", "تعني", "يقصد", "يشمل", "تشمل", NULL};
static const char *const ar_o[] = {"أو", "او", "و", NULL};
static const char *const zh_v[] = {"系指", "是指", "指", "一词", "包括", NULL};
static const char *const zh_o[] = {"或", "和", NULL};
static const char *const none[] = {NULL};

static const struct def_lang def_langs[] = {
    {"en", en_t, en_v, en_o}, {"nl", nl_t, nl_v, nl_o}, {"fr", fr_t, fr_v, fr_o},
    {"es", es_t, es_v, es_o}, {"ru", ru_t, ru_v, ru_o}, {"ar", ar_t, ar_v, ar_o},
    {"zh", none, zh_v, zh_o},
};

static int is_word(uint32_t c);

/* Does a phrase of the list ("means", "shall include") start at s[at], ending a word? */
static int phrase_at(const char *const *list, const char *s, size_t len, size_t at)
{
	for (; *list; list++) {
		size_t m = strlen(*list), k = at + m;
		if (at + m <= len && strncasecmp(s + at, *list, m) == 0 &&
		    (k == len || !is_word(corpus_u8_next(s, len, &k))))
			return 1;
	}
	return 0;
}

static int is_open(uint32_t c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0xAB;
}

static int is_close(uint32_t c)
{
	return c == '"' || c == 0x201D || c == 0x201C || c == 0xBB;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x3000;
}

/* Letters of a word: not space, not punctuation (the apostrophe of "s'entend" kept). */
static int is_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
		       c == '\'';
	return !(is_space(c) || is_open(c) || is_close(c) || c == 0x060C || c == 0x061B ||
	         c == 0x061F || c == 0x06D4 || (c >= 0x2000 && c <= 0x2018) ||
	         (c >= 0x201A && c <= 0x206F) || (c >= 0x3001 && c <= 0x303F) ||
	         (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xA1 && c <= 0xBF) || c == 0xD7);
}

static int in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list; list++)
		if (strlen(*list) == n && strncasecmp(*list, w, n) == 0)
			return 1;
	return 0;
}

/* The word ending just before byte `end` (spaces and colons skipped): [*ws, we). */
static void word_before(const char *s, size_t end, size_t *ws, size_t *we)
{
	size_t i = end, st;
	while (i > 0) {
		uint32_t c = corpus_u8_prev(s, i, &st);
		if (!is_space(c) && c != ':')
			break;
		i = st;
	}
	*we = i;
	while (i > 0) {
		uint32_t c = corpus_u8_prev(s, i, &st);
		if (!is_word(c))
			break;
		i = st;
	}
	*ws = i;
}

/* The word starting at or after `from` (spaces and commas skipped): [*ws, we). */
static void word_after(const char *s, size_t len, size_t from, size_t *ws, size_t *we)
{
	size_t i = from, k;
	while (i < len) {
		k = i;
		uint32_t c = corpus_u8_next(s, len, &k);
		if (!is_space(c) && c != ',' && c != 0x060C)
			break;
		i = k;
	}
	*ws = i;
	while (i < len) {
		k = i;
		if (!is_word(corpus_u8_next(s, len, &k)))
			break;
		i = k;
	}
	*we = i;
}

/* Chinese writes "“计算机系统”系指": a verb right after the quote. */
static int zh_verb(const char *s, size_t len, size_t at)
{
	for (const char *const *v = zh_v; *v; v++)
		if (at + strlen(*v) <= len && strncmp(s + at, *v, strlen(*v)) == 0)
			return 1;
	return 0;
}

/*
 * Is the quoted term [a, b) (closing quote ending at after) a definition?
 * prev_end: where the previous defined term's closing quote ended, or 0.
 */
static int defines(const struct def_lang *L, const char *s, size_t len, size_t open, size_t after,
                   size_t prev_end)
{
	size_t ws, we, vs, ve;
	int zh = strcmp(L->code, "zh") == 0;
	word_before(s, open, &ws, &we);
	word_after(s, len, after, &vs, &ve);
	int at_start = we == 0;
	int verb = zh ? zh_verb(s, len, vs) : phrase_at(L->verbs, s, len, vs);
	/* the head of a chain: ”التجميد“ أو ”الحجز“ يعني */
	int or_next = 0;
	if (in_list(L->ors, s + vs, ve - vs)) {
		size_t ns, ne, k = ve;
		word_after(s, len, ve, &ns, &ne);
		or_next = ns < len && (k = ns, is_open(corpus_u8_next(s, len, &k)));
	}
	/* a comma or colon straight after the quote: "„computersysteem", ieder apparaat" */
	int punct = after < len && (s[after] == ',' || s[after] == ':' ||
	                            (after + 1 < len && !strncmp(s + after, "\xD8\x8C", 2)));
	int chained = 0;
	if (prev_end && in_list(L->ors, s + ws, we - ws)) {
		size_t pws, pwe;
		word_before(s, ws, &pws, &pwe);
		chained = pwe == prev_end;
	}
	return (at_start && (punct || or_next)) || verb || chained ||
	       in_list(L->term_words, s + ws, we - ws);
}

static int is_space_or_thin(uint32_t c)
{
	return is_space(c) || c == 0x202F || c == 0x2009;
}

static void trim(const char *s, size_t *a, size_t *b)
{
	size_t k, st;
	while (*a < *b && (k = *a, is_space_or_thin(corpus_u8_next(s, *b, &k))))
		*a = k;
	while (*b > *a && is_space_or_thin(corpus_u8_prev(s, *b, &st)))
		*b = st;
}

int corpus_terms_in_text(const char *text, size_t len, const char *lang, size_t **spans, size_t *n)
{
	const struct def_lang *L = NULL;
	size_t i = 0, cap = 0, prev_end = 0;
	*spans = NULL, *n = 0;
	for (size_t k = 0; k < sizeof def_langs / sizeof def_langs[0]; k++)
		if (lang && strcmp(def_langs[k].code, lang) == 0)
			L = &def_langs[k];
	if (!L)
		return 0;
	while (i < len) {
		size_t open = i, a;
		if (!is_open(corpus_u8_next(text, len, &i)))
			continue;
		a = i;
		/* the term: up to the closing quote, on one line, not too long */
		size_t b = a, k = a;
		uint32_t c = 0;
		while (k < len && k - a <= 160) {
			b = k;
			c = corpus_u8_next(text, len, &k);
			if (is_close(c) || c == '\n' || is_open(c))
				break;
		}
		if (!is_close(c) || b == a) {
			i = b > a ? b : i;
			continue;
		}
		i = k;
		if (!defines(L, text, len, open, k, prev_end))
			continue;
		/* French spaces inside guillemets: « système » */
		trim(text, &a, &b);
		if (a == b)
			continue;
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 8;
			size_t *sp = realloc(*spans, 2 * nc * sizeof *sp);
			if (!sp) {
				free(*spans);
				*spans = NULL, *n = 0;
				return -1;
			}
			*spans = sp, cap = nc;
		}
		(*spans)[2 * *n] = a;
		(*spans)[2 * *n + 1] = b;
		(*n)++;
		prev_end = k;
	}
	return 0;
}

/* ---- Terms of the corpus -------------------------------------------------- */

/* Fold and stem s in lang as the index does; "und" when lang has no analysis. Caller frees. */
static char *norm_of(const char *lang, const char *s, size_t len)
{
	size_t cap = 4 * len + 16;
	char *out = malloc(cap);
	if (out && i18n_fold_word(lang, s, len, I18N_FOLD_STEM, out, cap) < 0 &&
	    i18n_fold_word("und", s, len, I18N_FOLD_STEM, out, cap) < 0) {
		free(out);
		return NULL;
	}
	return out;
}

static int add_term(struct corpus_term **out, size_t *n, size_t *cap, sqlite3_stmt *st,
                    const char *text, size_t a, size_t b)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		struct corpus_term *t = realloc(*out, nc * sizeof *t);
		if (!t)
			return -1;
		*out = t, *cap = nc;
	}
	struct corpus_term *t = &(*out)[(*n)++];
	t->doc = corpus_column_dup(st, 0);
	t->lang = corpus_column_dup(st, 1);
	t->eid = corpus_column_dup(st, 2);
	t->term = malloc(b - a + 1);
	if (t->term) {
		memcpy(t->term, text + a, b - a);
		t->term[b - a] = '\0';
	}
	t->norm = t->lang ? norm_of(t->lang, text + a, b - a) : NULL;
	return t->doc && t->lang && t->eid && t->term && t->norm ? 0 : -1;
}

int corpus_terms(struct corpus_store *s, const char *doc, const char *lang,
                 struct corpus_term **out, size_t *n, char *err, size_t errlen)
{
	/*
	 * Only texts with a quotation mark can define a term.  A document asked
	 * for is found by its index, which "?1 IS NULL OR doc=?1" would forgo.
	 */
	static const char arm[] =
	    "SELECT doc, lang, eid, text, seq FROM {db}.provision"
	    " WHERE %s AND (?2 IS NULL OR lang=?2)"
	    " AND (instr(text, '\"') OR instr(text, '\xE2\x80\x9C') OR instr(text, '\xE2\x80\x9D')"
	    " OR instr(text, '\xE2\x80\x9E') OR instr(text, '\xC2\xAB'))";
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = 0;
	*out = NULL, *n = 0;
	/* Terms are keyed by their stems; without the stemmers "und" would stand in, unstemmed. */
	if (i18n_stemmers_open(err, errlen) < 0)
		return -1;
	char *sql = sqlite3_mprintf(arm, doc ? "doc=?1" : "?1 IS NULL");
	if (!sql) {
		corpus_set_error(err, errlen, "out of memory");
		return -1;
	}
	st = corpus_store_each_db(s, sql, "1, 2, 5", err, errlen);
	sqlite3_free(sql);
	if (!st)
		return -1;
	if (doc)
		sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	if (lang)
		sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *text = (const char *)sqlite3_column_text(st, 3);
		const char *tl = (const char *)sqlite3_column_text(st, 1);
		size_t *sp, ns;
		if (corpus_terms_in_text(text, (size_t)sqlite3_column_bytes(st, 3), tl, &sp, &ns) <
		    0) {
			rc = -1;
			break;
		}
		for (size_t k = 0; rc == 0 && k < ns; k++)
			rc = add_term(out, n, &cap, st, text, sp[2 * k], sp[2 * k + 1]);
		free(sp);
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		corpus_set_error(err, errlen, "out of memory");
		corpus_term_free(*out, *n);
		*out = NULL, *n = 0;
	}
	return rc;
}

static void term_clear(struct corpus_term *t)
{
	free(t->doc);
	free(t->lang);
	free(t->term);
	free(t->eid);
	free(t->norm);
}

void corpus_term_free(struct corpus_term *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		term_clear(&t[i]);
	free(t);
}

/* Does the word sequence w occur in norm, whole words? */
static int has_words(const char *norm, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = norm; n && (p = strstr(p, w)) != NULL; p++)
		if ((p == norm || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

int corpus_define(struct corpus_store *s, const char *word, const char *doc, const char *lang,
                  struct corpus_term **out, size_t *n, char *err, size_t errlen)
{
	struct corpus_term *t;
	size_t nt, kept = 0;
	*out = NULL, *n = 0;
	if (corpus_terms(s, doc, lang, &t, &nt, err, errlen) < 0)
		return -1;
	/* equal first; only when nothing is equal, the terms that contain the words */
	for (int pass = 0; pass < 2 && kept == 0; pass++) {
		for (size_t i = 0; i < nt; i++) {
			char *w = norm_of(t[i].lang, word, strlen(word));
			int hit =
			    w && (pass == 0 ? strcmp(w, t[i].norm) == 0 : has_words(t[i].norm, w));
			free(w);
			if (hit && i != kept) {
				struct corpus_term tmp = t[kept];
				t[kept] = t[i], t[i] = tmp;
			}
			kept += hit;
		}
	}
	for (size_t i = kept; i < nt; i++)
		term_clear(&t[i]);
	if (!kept) {
		free(t);
		if (doc)
			corpus_set_error(err, errlen, _("no defined term '%s' in %s"), word, doc);
		else
			corpus_set_error(err, errlen, _("no defined term '%s'"), word);
		return 1;
	}
	*out = t, *n = kept;
	return 0;
}

/* ---- Uses of the terms in a text ------------------------------------------ */

/* One stemmed word of the text, and the bytes it comes from. */
struct stem {
	size_t start, end, off; /* off: the stem in the words buffer */
};

struct stems {
	struct stem *w;
	size_t n, cap;
	char *buf;
	size_t used, bufcap;
};

static int push_stem(struct stems *st, size_t start, size_t end, const char *w, size_t wl)
{
	if (st->n == st->cap) {
		size_t nc = st->cap ? st->cap * 2 : 64;
		struct stem *x = realloc(st->w, nc * sizeof *x);
		if (!x)
			return -1;
		st->w = x, st->cap = nc;
	}
	if (st->used + wl + 1 > st->bufcap) {
		size_t nc = (st->bufcap + wl + 1) * 2;
		char *b = realloc(st->buf, nc);
		if (!b)
			return -1;
		st->buf = b, st->bufcap = nc;
	}
	memcpy(st->buf + st->used, w, wl);
	st->buf[st->used + wl] = '\0';
	st->w[st->n++] = (struct stem){start, end, st->used};
	st->used += wl + 1;
	return 0;
}

/* The text's words, each folded and stemmed; a word may stem to several ("l'article"). */
static int stem_text(struct i18n_folder *f, const char *text, size_t len, struct stems *st)
{
	size_t i = 0;
	while (i < len) {
		size_t a = i, k = i;
		if (!is_word(corpus_u8_next(text, len, &k))) {
			i = k;
			continue;
		}
		/* a word, hyphens inside it included */
		while (i < len) {
			k = i;
			uint32_t c = corpus_u8_next(text, len, &k);
			size_t m = k;
			if (!is_word(c) &&
			    !(c == '-' && k < len && is_word(corpus_u8_next(text, len, &m))))
				break;
			i = k;
		}
		char out[512];
		if (i - a > 120 ||
		    i18n_folder_fold(f, text + a, i - a, I18N_FOLD_STEM, out, sizeof out) < 0)
			continue;
		for (char *w = out; *w;) {
			size_t wl = strcspn(w, " ");
			if (wl && push_stem(st, a, i, w, wl) < 0)
				return -1;
			w += wl;
			w += *w == ' ';
		}
	}
	return 0;
}

static size_t words_in(const char *norm)
{
	size_t n = *norm != '\0';
	for (const char *p = norm; *p; p++)
		n += *p == ' ';
	return n;
}

/* Do the stems from p on spell norm's words? */
static int matches(const struct stems *st, size_t p, const char *norm, size_t k)
{
	if (p + k > st->n)
		return 0;
	for (size_t j = 0; j < k; j++) {
		const char *w = st->buf + st->w[p + j].off;
		size_t wl = strlen(w);
		if (strncmp(norm, w, wl) != 0 || (norm[wl] != ' ' && norm[wl] != '\0'))
			return 0;
		norm += wl + (norm[wl] == ' ');
	}
	return 1;
}

static int push_use(struct corpus_term_use **u, size_t *n, size_t *cap, size_t s, size_t e,
                    size_t term)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 16;
		struct corpus_term_use *x = realloc(*u, nc * sizeof *x);
		if (!x)
			return -1;
		*u = x, *cap = nc;
	}
	(*u)[(*n)++] = (struct corpus_term_use){s, e, term};
	return 0;
}

/* Chinese has no inflection to undo: the term as written, found as written. */
static int uses_zh(const struct corpus_term *terms, size_t nterms, const char *text, size_t len,
                   struct corpus_term_use **u, size_t *n, size_t *cap)
{
	for (size_t i = 0; i < len;) {
		size_t best = 0, which = 0;
		for (size_t t = 0; t < nterms; t++) {
			size_t tl = strlen(terms[t].term);
			if (strcmp(terms[t].lang, "zh") == 0 && tl > best && i + tl <= len &&
			    memcmp(text + i, terms[t].term, tl) == 0)
				best = tl, which = t;
		}
		if (best && push_use(u, n, cap, i, i + best, which) < 0)
			return -1;
		i += best ? best : 1;
	}
	return 0;
}

int corpus_term_uses(const struct corpus_term *terms, size_t nterms, const char *text, size_t len,
                     const char *lang, struct corpus_term_use **uses, size_t *n, char *err,
                     size_t errlen)
{
	struct stems st = {0};
	size_t cap = 0;
	int rc = 0;
	*uses = NULL, *n = 0;
	if (strcmp(lang, "zh") == 0) {
		rc = uses_zh(terms, nterms, text, len, uses, n, &cap);
		goto done;
	}
	struct i18n_folder *f = i18n_folder_new(lang, err, errlen);
	if (!f && !(f = i18n_folder_new("und", err, errlen)))
		return -1;
	rc = stem_text(f, text, len, &st);
	i18n_folder_free(f);
	for (size_t p = 0; rc == 0 && p < st.n;) {
		size_t best = 0, which = 0;
		for (size_t t = 0; t < nterms; t++) {
			size_t k = words_in(terms[t].norm);
			if (k > best && strcmp(terms[t].lang, lang) == 0 &&
			    matches(&st, p, terms[t].norm, k))
				best = k, which = t;
		}
		if (best)
			rc = push_use(uses, n, &cap, st.w[p].start, st.w[p + best - 1].end, which);
		p += best ? best : 1;
	}
done:
	free(st.w);
	free(st.buf);
	if (rc < 0) {
		corpus_set_error(err, errlen, "out of memory");
		free(*uses);
		*uses = NULL, *n = 0;
	}
	return rc;
}
