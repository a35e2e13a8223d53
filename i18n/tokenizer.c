/*
 * tokenizer.c — text to search tokens, with their byte offsets in the source.
 *
 * Segmentation is ICU's word break iterator (UAX #29), with two exceptions
 * that keep the result the same while making it fast or useful:
 *   - ASCII spaces are always word boundaries, so the text is cut there into
 *     chunks that stand alone.  A chunk whose characters are all below U+0800
 *     and of the plain UAX #29 classes (letters, digits, the Mid* marks; no
 *     combining marks, format characters or Hebrew) is segmented here by those
 *     classes' rules, as ICU 72 would (the unit test compares the two on
 *     random strings and on whole texts): all of English and Dutch, nearly all
 *     of French, Spanish, Russian and Arabic.  Bytes, for pure ASCII.  Other
 *     chunks go to ICU, whose rule engine costs a third of the chain.
 *   - Han and kana characters are indexed one by one, never through ICU's
 *     dictionary: the dictionary splits legal Chinese badly (缔|约|国, 联合|国)
 *     and is the slowest step.  A query string goes through the same code, so
 *     联合国 becomes the phrase 联 合 国 and every substring of a text is found.
 * Each word is then folded (NFKC_Casefold, then fold.c), French and Dutch
 * elision is taken off (l'accès → accès; offsets then cover only the word),
 * and it is stemmed in the table's language, except the last word of a
 * prefix query, which is emitted as typed with its stem as a synonym.
 *
 * Invalid UTF-8 is read as U+FFFD, one per bad byte, which is no word, so
 * offsets stay exact.  Buffers live in the instance: no allocation per token.
 */
#include "i18n/analysis.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utf16.h>

/* UTF-16 units of a word that are looked at; longer words are cut. */
#define SRC_MAX 256
/* NFKC_Casefold maps one unit to at most 18. */
#define NORM_MAX (SRC_MAX * 18 + 8)

enum elision { ELIDE_NONE, ELIDE_FR, ELIDE_NL };

struct i18n_tok {
	enum elision elide;
	struct i18n_stem *stem; /* NULL: no stemming */
	int arabic;             /* stem before folding ة (see fold.c) */
	int keep_finals;        /* this run: arabic, and words are stemmed */
	UBreakIterator *bi;
	UChar *u;     /* the current span in UTF-16 */
	int32_t *map; /* byte offset of each unit of u, and of its end */
	int32_t ucap;
	/* the current run */
	const char *text;
	int flags, rc;
	i18n_token_fn fn;
	void *ctx;
	/* in a prefix query, the token held back until we know whether it is the last */
	int held, held_len, held_start, held_end, held_cjk;
	char held_tok[I18N_TOKEN_MAX];
	char out[I18N_TOKEN_MAX], final[I18N_TOKEN_MAX];
	UChar norm[NORM_MAX];
};

/* ---- Word-break classes ----------------------------------------------- */

/*
 * UAX #29 classes of the characters below U+0800, as ICU 72's root rules use
 * them (they tailor ':' out of MidLetter and '@' into ALetter), reduced to
 * what the rules in simple_run() need.  C_COMPLEX marks the
 * characters those rules cannot handle (Extend, Format, ZWJ, Hebrew letters,
 * Katakana, regional indicators): a chunk holding one goes to ICU.
 */
enum {
	C_SEP = 0,
	C_ALPHA = 1,
	C_DIGIT = 2,
	C_UNDER = 4, /* ExtendNumLet */
	C_MIDLETTER = 8,
	C_MIDNUM = 16,
	C_COMPLEX = 32,
};
#define C_WORD (C_ALPHA | C_DIGIT | C_UNDER)
#define LOW 0x800

static unsigned char wb_class[LOW];
static pthread_once_t classes_once = PTHREAD_ONCE_INIT;

static void init_classes(void)
{
	for (UChar32 c = 0; c < LOW; c++) {
		switch (u_getIntPropertyValue(c, UCHAR_WORD_BREAK)) {
		case U_WB_ALETTER:
			wb_class[c] = C_ALPHA;
			break;
		case U_WB_OTHER: /* ICU's tailoring counts '@' as a letter */
			wb_class[c] = c == '@' ? C_ALPHA : C_SEP;
			break;
		case U_WB_NUMERIC:
			wb_class[c] = C_DIGIT;
			break;
		case U_WB_EXTENDNUMLET:
			wb_class[c] = C_UNDER;
			break;
		case U_WB_MIDLETTER: /* ICU's tailoring leaves the colon out */
			wb_class[c] = c == ':' ? C_SEP : C_MIDLETTER;
			break;
		case U_WB_MIDNUMLET:
		case U_WB_SINGLE_QUOTE:
			wb_class[c] = C_MIDLETTER | C_MIDNUM;
			break;
		case U_WB_MIDNUM:
			wb_class[c] = C_MIDNUM;
			break;
		case U_WB_CR:
		case U_WB_LF:
		case U_WB_NEWLINE:
		case U_WB_WSEGSPACE:
		case U_WB_DOUBLE_QUOTE: /* joins only after Hebrew letters, which are complex */
			wb_class[c] = C_SEP;
			break;
		default:
			wb_class[c] = C_COMPLEX;
		}
	}
}

static int is_alpha(unsigned char c)
{
	return c < 0x80 && (wb_class[c] & C_ALPHA);
}

/* Nonzero when s[0..len) has no byte above 0x7F; a word at a time. */
static int all_ascii(const unsigned char *s, int len)
{
	int i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (w & 0x8080808080808080ull)
			return 0;
	}
	for (; i < len; i++)
		if (s[i] & 0x80)
			return 0;
	return 1;
}

static const char *const languages[] = {"en", "fr", "es", "ru", "ar", "zh", "nl", "und"};

struct i18n_tok *i18n_tok_new(const char *lang, char *err, size_t errlen)
{
	size_t i = 0;
	while (i < sizeof languages / sizeof languages[0] && strcmp(lang, languages[i]) != 0)
		i++;
	if (i == sizeof languages / sizeof languages[0]) {
		if (err && errlen)
			snprintf(err, errlen,
			         "unknown language \"%.20s\" for the tokenizer (known: en fr es ru "
			         "ar zh nl und)",
			         lang);
		return NULL;
	}
	struct i18n_tok *t = calloc(1, sizeof *t);
	UErrorCode e = U_ZERO_ERROR;
	const char *why = NULL;
	if (!t)
		goto oom;
	t->elide = !strcmp(lang, "fr") ? ELIDE_FR : !strcmp(lang, "nl") ? ELIDE_NL : ELIDE_NONE;
	t->stem = i18n_stem_new(lang, &why);
	t->arabic = t->stem && !strcmp(lang, "ar");
	int bad_data = i18n_fold_init();
	pthread_once(&classes_once, init_classes);
	t->bi = ubrk_open(UBRK_WORD, "", NULL, 0, &e);
	if (why || bad_data || U_FAILURE(e)) {
		i18n_tok_free(t);
		if (U_FAILURE(e))
			why = u_errorName(e);
		else if (!why)
			why = "out of memory";
		if (err && errlen)
			snprintf(err, errlen, "cannot start the tokenizer: %s", why);
		return NULL;
	}
	return t;
oom:
	if (err && errlen)
		snprintf(err, errlen, "out of memory");
	return NULL;
}

void i18n_tok_free(struct i18n_tok *t)
{
	if (!t)
		return;
	if (t->bi)
		ubrk_close(t->bi);
	i18n_stem_free(t->stem);
	free(t->u);
	free(t->map);
	free(t);
}

/* ---- Emitting --------------------------------------------------------- */

/* The token as indexed: stemmed when stem (and the language has a stemmer). */
static int final_form(struct i18n_tok *t, const char *tok, int n, int stem, const char **res)
{
	if (stem && t->stem && !(t->flags & I18N_TOK_NOSTEM))
		n = i18n_stem(t->stem, tok, n, &tok);
	if (t->keep_finals) {
		memmove(t->final, tok, (size_t)n);
		i18n_fold_arabic_finals(t->final, n);
		tok = t->final;
	}
	*res = tok;
	return n;
}

/* Swap a final ه for ة or ة for ه in the folded word w[0..n); 0 when it ends in neither. */
static int swap_arabic_final(char *w, int n)
{
	unsigned char *e = (unsigned char *)w + n - 2;
	if (n < 2 || !((e[0] == 0xD9 && e[1] == 0x87) || (e[0] == 0xD8 && e[1] == 0xA9)))
		return 0;
	int heh = e[0] == 0xD9;
	e[0] = heh ? 0xD8 : 0xD9, e[1] = heh ? 0xA9 : 0x87;
	return 1;
}

/*
 * A word of an Arabic query that ends in ه or ة is looked for in both
 * spellings, because people type ه for ة (الجريمه) and the index cannot
 * agree by itself: ة is stemmed as a suffix before it is folded, while after
 * the article a final ه is kept as a letter of the word.  So the other
 * spelling's stem, which is what the index holds for a word written that
 * way, goes with the query word as a synonym; the index is unchanged.
 */
static void deliver(struct i18n_tok *t, const char *tok, int n, int start, int end, int cjk)
{
	char other[I18N_TOKEN_MAX], first[I18N_TOKEN_MAX];
	int both = t->keep_finals && (t->flags & I18N_TOK_QUERY) && !cjk;
	if (both) {
		memcpy(other, tok, (size_t)n);
		both = swap_arabic_final(other, n);
	}
	const char *s;
	int m = final_form(t, tok, n, !cjk, &s);
	t->rc = t->fn(t->ctx, 0, s, m, start, end);
	if (!both || t->rc)
		return;
	memcpy(first, s, (size_t)m);
	int k = final_form(t, other, n, 1, &s);
	if (k != m || memcmp(s, first, (size_t)m) != 0)
		t->rc = t->fn(t->ctx, I18N_TOK_COLOCATED, s, k, start, end);
}

static void release_held(struct i18n_tok *t, int last)
{
	if (!t->held || t->rc)
		return;
	t->held = 0;
	if (!last) {
		deliver(t, t->held_tok, t->held_len, t->held_start, t->held_end, t->held_cjk);
		return;
	}
	/*
	 * The prefix as typed matches the words it begins; its stem too, as a
	 * synonym, because the index holds stems: "computer*" must find
	 * "computer", indexed as "comput".  An Arabic prefix ending in ه or ة
	 * brings the other spelling's forms as well, as deliver() does for a
	 * whole word: الجريمه* must find what الجريمة* finds.
	 */
	char forms[4][I18N_TOKEN_MAX];
	int len[4], nforms = 0;
	for (int variant = 0; variant < 2 && !t->rc; variant++) {
		char word[I18N_TOKEN_MAX];
		memcpy(word, t->held_tok, (size_t)t->held_len);
		if (variant == 1 &&
		    !(t->keep_finals && !t->held_cjk && swap_arabic_final(word, t->held_len)))
			break;
		for (int stem = 0; stem < 2 && !t->rc; stem++) {
			if (stem && (!t->stem || t->held_cjk || (t->flags & I18N_TOK_NOSTEM)))
				break;
			const char *s;
			int n = final_form(t, word, t->held_len, stem, &s);
			int seen = 0;
			for (int k = 0; k < nforms && !seen; k++)
				seen = len[k] == n && memcmp(forms[k], s, (size_t)n) == 0;
			if (seen)
				continue;
			memcpy(forms[nforms], s, (size_t)n);
			len[nforms] = n;
			t->rc = t->fn(t->ctx, nforms ? I18N_TOK_COLOCATED : 0, forms[nforms], n,
			              t->held_start, t->held_end);
			nforms++;
		}
	}
}

static void emit(struct i18n_tok *t, const char *tok, int n, int start, int end, int cjk)
{
	if (t->flags & I18N_TOK_AUX) {
		t->rc = t->fn(t->ctx, 0, tok, n, start, end);
	} else if (t->flags & I18N_TOK_PREFIX) {
		release_held(t, 0);
		memcpy(t->held_tok, tok, (size_t)n);
		t->held = 1, t->held_len = n, t->held_start = start, t->held_end = end;
		t->held_cjk = cjk;
	} else {
		deliver(t, tok, n, start, end, cjk);
	}
}

/* ---- Elision ---------------------------------------------------------- */

/* Nonzero when the letters w[0..k) are an elided article or pronoun of the language. */
static int elided(enum elision mode, const char *w, int k)
{
	static const char *const fr[] = {"l", "d",  "j",     "m",      "n",      "s",     "t",
	                                 "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"};
	static const char *const nl[] = {"l", "d", "qu"};
	const char *const *list = mode == ELIDE_FR ? fr : nl;
	size_t n = mode == ELIDE_FR ? sizeof fr / sizeof fr[0] : sizeof nl / sizeof nl[0];
	for (size_t i = 0; i < n; i++)
		if ((int)strlen(list[i]) == k && strncasecmp(w, list[i], (size_t)k) == 0)
			return 1;
	return 0;
}

/* Units to skip at the start of the word u[0..n) for elision: "l’" → 2. */
static int elision_u16(enum elision mode, const UChar *u, int32_t n)
{
	char w[8];
	for (int k = 0; k < 7 && k + 1 < n; k++) {
		UChar c = u[k];
		if (k > 0 && (c == '\'' || c == 0x2019 || c == 0x2BC || c == 0xFF07))
			return elided(mode, w, k) ? k + 1 : 0;
		if (c >= 0x80 || !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 0;
		w[k] = (char)c;
	}
	return 0;
}

static int elision_ascii(enum elision mode, const char *s, int n)
{
	for (int k = 1; k < 7 && k + 1 < n; k++)
		if (s[k] == '\'')
			return elided(mode, s, k) ? k + 1 : 0;
	return 0;
}

/* ---- The fast paths --------------------------------------------------- */

static void ascii_token(struct i18n_tok *t, int start, int end)
{
	const char *s = t->text;
	if (t->elide && is_alpha((unsigned char)s[start]))
		start += elision_ascii(t->elide, s + start, end - start);
	if (t->flags & I18N_TOK_AUX) {
		emit(t, s + start, end - start, start, end, 0);
		return;
	}
	int n = end - start < I18N_TOKEN_MAX ? end - start : I18N_TOKEN_MAX;
	for (int i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[start + i];
		t->out[i] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
	}
	emit(t, t->out, n, start, end, 0);
}

/*
 * UAX #29 restricted to the classes of wb_class: letters, digits and '_'
 * join (WB5, WB8–WB10, WB13a/b); a MidLetter or MidNumLet ('.', '\'', ·)
 * joins two letters (WB6/7); a MidNum or MidNumLet ('.', ',', ';', '\'',
 * Arabic comma) joins two digits (WB11/12); everything else breaks.  A
 * segment is a word when it holds a letter or digit, or is a run of two or
 * more '_'.  ascii_chunk() runs them on bytes, simple_run() on UTF-16.
 */
static void ascii_chunk(struct i18n_tok *t, int a, int b)
{
	const unsigned char *s = (const unsigned char *)t->text;
	int i = a;
	while (i < b && !t->rc) {
		if (!(wb_class[s[i]] & C_WORD)) {
			i++;
			continue;
		}
		int start = i, alnum = 0;
		for (;;) {
			unsigned k;
			while (i < b && ((k = wb_class[s[i]]) & C_WORD))
				alnum |= k & (C_ALPHA | C_DIGIT), i++;
			if (i + 1 >= b)
				break;
			unsigned prev = wb_class[s[i - 1]], mid = wb_class[s[i]],
			         next = wb_class[s[i + 1]];
			if ((prev & next & C_ALPHA) && (mid & C_MIDLETTER))
				i += 2;
			else if ((prev & next & C_DIGIT) && (mid & C_MIDNUM))
				i += 2;
			else
				break;
		}
		if (alnum || i - start >= 2)
			ascii_token(t, start, i);
	}
}

/* ---- Through ICU ------------------------------------------------------ */

/*
 * Decode text[a..b) into t->u, one U+FFFD per invalid byte; returns units, -1
 * out of memory.  *cjk tells whether a character to index alone was met,
 * *complex whether one that simple_run() cannot segment.
 */
static int32_t decode(struct i18n_tok *t, int a, int b, int *cjk, int *complex)
{
	const unsigned char *s = (const unsigned char *)t->text;
	if (b - a + 1 > t->ucap) {
		int32_t cap = b - a + 1 > 256 ? b - a + 1 : 256;
		UChar *u = realloc(t->u, (size_t)cap * sizeof *u);
		if (u)
			t->u = u;
		int32_t *m = realloc(t->map, (size_t)cap * sizeof *m);
		if (m)
			t->map = m;
		if (!u || !m)
			return -1;
		t->ucap = cap;
	}
	UChar *u = t->u;
	int32_t *map = t->map, k = 0;
	for (int i = a; i < b;) {
		unsigned c = s[i];
		int len = 1;
		UChar32 cp = 0xFFFD;
		if (c < 0x80) {
			cp = (UChar32)c;
		} else if (c >= 0xC2 && c <= 0xF4) {
			int need = c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
			UChar32 v = (UChar32)(c & (0x3F >> need));
			int ok = i + need < b;
			for (int j = 1; ok && j <= need; j++) {
				ok = (s[i + j] & 0xC0) == 0x80;
				v = (v << 6) | (s[i + j] & 0x3F);
			}
			static const UChar32 min[] = {0, 0x80, 0x800, 0x10000};
			if (ok && v >= min[need] && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF))
				cp = v, len = need + 1;
		}
		map[k] = i;
		if (cp >= LOW)
			*complex = 1, *cjk |= cp >= 0x3005 && i18n_is_cjk(cp);
		else
			*complex |= wb_class[cp] & C_COMPLEX;
		if (cp >= 0x10000) {
			u[k] = U16_LEAD(cp);
			map[k + 1] = i;
			u[k + 1] = U16_TRAIL(cp);
			k += 2;
		} else {
			u[k++] = (UChar)cp;
		}
		i += len;
	}
	map[k] = b;
	return k;
}

/* Fold the word s[0..n) into t->out; returns its length (0: nothing left). */
static int fold_word(struct i18n_tok *t, const UChar *s, int32_t n)
{
	if (n > SRC_MAX)
		n = U16_IS_LEAD(s[SRC_MAX - 1]) ? SRC_MAX - 1 : SRC_MAX;
	return i18n_fold_word16(s, n, t->keep_finals, t->out, I18N_TOKEN_MAX, t->norm, NORM_MAX);
}

static void icu_token(struct i18n_tok *t, int32_t ts, int32_t te, int cjk)
{
	if (t->elide && !cjk)
		ts += elision_u16(t->elide, t->u + ts, te - ts);
	int n = fold_word(t, t->u + ts, te - ts);
	if (n > 0)
		emit(t, t->out, n, t->map[ts], t->map[te], cjk);
}

/* The rules of ascii_chunk() on t->u[p..q), every unit below LOW and not C_COMPLEX. */
static void simple_run(struct i18n_tok *t, int32_t p, int32_t q)
{
	const UChar *u = t->u;
	int32_t i = p;
	while (i < q && !t->rc) {
		if (!(wb_class[u[i]] & C_WORD)) {
			i++;
			continue;
		}
		int32_t start = i;
		int alnum = 0;
		for (;;) {
			unsigned k;
			while (i < q && ((k = wb_class[u[i]]) & C_WORD))
				alnum |= k & (C_ALPHA | C_DIGIT), i++;
			if (i + 1 >= q)
				break;
			unsigned prev = wb_class[u[i - 1]], mid = wb_class[u[i]],
			         next = wb_class[u[i + 1]];
			if ((prev & next & C_ALPHA) && (mid & C_MIDLETTER))
				i += 2;
			else if ((prev & next & C_DIGIT) && (mid & C_MIDNUM))
				i += 2;
			else
				break;
		}
		if (alnum || i - start >= 2)
			icu_token(t, start, i, 0);
	}
}

static void icu_run(struct i18n_tok *t, int32_t p, int32_t q)
{
	UErrorCode e = U_ZERO_ERROR;
	ubrk_setText(t->bi, t->u + p, q - p, &e);
	if (U_FAILURE(e))
		return;
	int32_t a = ubrk_first(t->bi), b;
	while (!t->rc && (b = ubrk_next(t->bi)) != UBRK_DONE) {
		if (ubrk_getRuleStatus(t->bi) >= UBRK_WORD_NONE_LIMIT)
			icu_token(t, p + a, p + b, 0);
		a = b;
	}
}

/*
 * Text holding non-ASCII: segmented by simple_run() when it can, otherwise
 * by ICU, with Han and kana taken out and indexed one by one.
 */
static int span(struct i18n_tok *t, int a, int b)
{
	int cjk = 0, complex = 0;
	int32_t n = decode(t, a, b, &cjk, &complex);
	if (n < 0)
		return -1;
	if (!complex && !(t->flags & I18N_TOK_ICU_ONLY)) {
		simple_run(t, 0, n);
		return 0;
	}
	if (!cjk) {
		icu_run(t, 0, n);
		return 0;
	}
	for (int32_t p = 0; p < n && !t->rc;) {
		int32_t q = p, next = p;
		UChar32 c = 0;
		while (q < n) {
			U16_NEXT(t->u, next, n, c);
			if (i18n_is_cjk(c))
				break;
			q = next;
		}
		if (q > p)
			icu_run(t, p, q);
		if (q < n && !t->rc)
			icu_token(t, q, next, 1);
		p = next;
	}
	return 0;
}

/* ---- The run ---------------------------------------------------------- */

static int is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Extend [a, *end) over the chunk at *end; returns whether it holds non-ASCII. */
static int next_chunk(const unsigned char *s, int len, int *a, int *end)
{
	int i = *end, high = 0;
	while (i < len && is_space(s[i]))
		i++;
	*a = i;
	while (i < len && !is_space(s[i]))
		high |= s[i++];
	*end = i;
	return high & 0x80;
}

int i18n_tok_run(struct i18n_tok *t, const char *text, int len, int flags, i18n_token_fn fn,
                 void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	t->text = text, t->flags = flags, t->fn = fn, t->ctx = ctx, t->rc = 0, t->held = 0;
	t->keep_finals = t->arabic && !(flags & (I18N_TOK_NOSTEM | I18N_TOK_AUX));

	if (!text || len <= 0)
		return 0;
	if (!(flags & I18N_TOK_ICU_ONLY) && all_ascii(s, len)) {
		/* ASCII spaces being boundaries, the whole text is one run. */
		ascii_chunk(t, 0, len);
		release_held(t, 1);
		return t->rc;
	}
	if (flags & I18N_TOK_ICU_ONLY) {
		if (span(t, 0, len) < 0)
			return -1;
		release_held(t, 1);
		return t->rc;
	}
	/* ASCII spaces are boundaries: each chunk between them stands alone. */
	int a, end = 0;
	while (!t->rc) {
		int high = next_chunk(s, len, &a, &end);
		if (a >= len)
			break;
		if (!high)
			ascii_chunk(t, a, end);
		else if (span(t, a, end) < 0)
			return -1;
	}
	release_held(t, 1);
	return t->rc;
}
