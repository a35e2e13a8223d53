/*
 * analysis.h — internals of the search analysis chain, shared by fold.c,
 * tokenizer.c, stem.c and fts.c (and the unit tests); not part of the
 * module's contract, which is i18n.h.
 */
#ifndef TREATY_I18N_ANALYSIS_H
#define TREATY_I18N_ANALYSIS_H

#include <stddef.h>
#include <unicode/utypes.h>

/* A folded token is cut (at a character boundary) to this many bytes. */
#define I18N_TOKEN_MAX 256

/* ---- fold.c: per-character folding ------------------------------------ */

/* Load what folding needs (once per process); -1 when ICU's data is missing. */
int i18n_fold_init(void);

/*
 * Fold the word s[0..n) (UTF-16 as in the text) into UTF-8 out[0..cap):
 * NFKC_Casefold (lowercase, compatibility forms such as full-width letters
 * and ligatures unfolded, default-ignorables dropped), then Latin diacritics,
 * ё, Arabic harakat, tatweel and letter variants, digits of any script,
 * apostrophes.  norm[normcap] is scratch space, 18 units per unit of s.
 * Returns the bytes written (cut at a character).  keep_finals leaves ة for
 * the Arabic stemmer, which reads it as a suffix (الدولة and الدول share a
 * stem only so); i18n_fold_arabic_finals() then folds it in the stemmer's
 * output.  ى is folded before stemming: typed as ي it must give the same stem.
 */
int i18n_fold_word16(const UChar *s, int32_t n, int keep_finals, char *out, int cap, UChar *norm,
                     int32_t normcap);
void i18n_fold_arabic_finals(char *s, int n);

/* Nonzero for the characters indexed one by one: Han, kana. */
int i18n_is_cjk(UChar32 c);

/* ---- stem.c: Snowball with a cache of recent words -------------------- */

struct i18n_stem;

/*
 * NULL when lang has no stemmer (zh, und; *why NULL) or when it cannot be
 * made (*why says why: out of memory, or libstemmer cannot be opened).
 */
struct i18n_stem *i18n_stem_new(const char *lang, const char **why);
void i18n_stem_free(struct i18n_stem *st);

/*
 * The stem of the folded word w[0..n); *out points into st (valid until the
 * next call).  Returns its length; never 0 for n > 0 (the word itself when
 * the stemmer would leave nothing or fails).
 */
int i18n_stem(struct i18n_stem *st, const char *w, int n, const char **out);

/* ---- tokenizer.c ------------------------------------------------------ */

enum {
	I18N_TOK_QUERY = 1 << 0,    /* text of a query (no difference but PREFIX) */
	I18N_TOK_PREFIX = 1 << 1,   /* the last token is a prefix: not stemmed */
	I18N_TOK_AUX = 1 << 2,      /* only positions and offsets matter (highlight) */
	I18N_TOK_NOSTEM = 1 << 3,   /* fold only */
	I18N_TOK_ICU_ONLY = 1 << 4, /* no ASCII fast path (tests compare the two) */
};

/* Bit in a token's flags: same position as the previous token (a synonym). */
#define I18N_TOK_COLOCATED 1

/* Receives each token: flags, the folded bytes, and its source byte range. */
typedef int (*i18n_token_fn)(void *ctx, int flags, const char *tok, int n, int start, int end);

struct i18n_tok;

/* A tokenizer for text in lang (see i18n.h); NULL with a message on an unknown language. */
struct i18n_tok *i18n_tok_new(const char *lang, char *err, size_t errlen);
void i18n_tok_free(struct i18n_tok *t);

/*
 * Tokenize text[0..len) (any bytes), calling fn for each token in order;
 * stops at and returns fn's first nonzero result.  Returns 0, or -1 when out
 * of memory.
 */
int i18n_tok_run(struct i18n_tok *t, const char *text, int len, int flags, i18n_token_fn fn,
                 void *ctx);

#endif
