/*
 * terms.h — defined terms: "computer system" means …, the term "minor"
 * shall include …, ”البيانات الإلكترونية“ تعني …, wordt onder „minderjarige"
 * verstaan ….  Found in provision text, looked up by what a person types,
 * and found again where the document uses them, inflected or plural
 * (through the language layer's stemming).
 */
#ifndef TREATY_TERMS_H
#define TREATY_TERMS_H

#include <stddef.h>

/*
 * The terms text[0..len) in lang defines: a quoted term that opens the
 * text (a definitions article's point), is followed by a verb of
 * definition ("means", "désigne", "يعني", "означает", "系指"), or follows a
 * word for "term" ("the term", "de term", "مصطلح", "термин").  Byte spans of
 * the terms, quotes excluded, into *spans (pairs start, end; caller frees),
 * *n pairs.  Pure; linear in len.  0, or -1 when memory runs out.
 */
int corpus_terms_in_text(const char *text, size_t len, const char *lang, size_t **spans, size_t *n);

struct corpus_store;

/* A defined term and where it is defined. */
struct corpus_term {
	char *doc, *lang;
	char *term; /* as written, without its quotes */
	char *eid;  /* the provision defining it */
	char *norm; /* its words folded and stemmed as the index does ("comput system") */
};

/*
 * The terms defined in doc (NULL: every document), in lang's version (NULL:
 * every language), in document order.  Free with corpus_term_free.
 */
int corpus_terms(struct corpus_store *s, const char *doc, const char *lang,
                 struct corpus_term **out, size_t *n, char *err, size_t errlen);
void corpus_term_free(struct corpus_term *t, size_t n);

/*
 * The definitions of what a person typed (any inflection: "computer
 * systems" finds "computer system"), in doc or everywhere, in lang or every
 * language: the terms equal to it, or when there are none, the terms that
 * contain it ("data": "computer data", "traffic data").  1 with a message
 * when there are none.  Free with corpus_term_free.
 */
int corpus_define(struct corpus_store *s, const char *word, const char *doc, const char *lang,
                  struct corpus_term **out, size_t *n, char *err, size_t errlen);

/* Where a defined term is used: bytes [start, end) of a text, and which term (an index). */
struct corpus_term_use {
	size_t start, end;
	size_t term;
};

/*
 * The uses in text[0..len) (in lang) of terms[0..nterms) of the same
 * language, longest match first, inflected forms included, so that the
 * reader can mark them.  *uses: caller frees.  0, or -1 (no memory, or no
 * analysis for lang) with a message.
 */
int corpus_term_uses(const struct corpus_term *terms, size_t nterms, const char *text, size_t len,
                     const char *lang, struct corpus_term_use **uses, size_t *n, char *err,
                     size_t errlen);

#endif
