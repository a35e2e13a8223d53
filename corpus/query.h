/*
 * query.h — the query language a delegate types, translated into a safe FTS5
 * MATCH expression plus filters.  Internal to corpus/ (search.c uses it).
 *
 * The language:
 *   word            every word is required (implicit AND)
 *   "exact phrase"  words in this order; also “…”, «…», „…“
 *   crimin*         prefix: the last word of a word or phrase
 *   -word  NOT word exclude a word or "phrase"
 *   a OR b          either; OR binds tighter than the implicit AND:
 *                   "fraud child OR minor" is fraud AND (child OR minor)
 *   doc:budapest  lang:nl  art:5  art:"2(1)(a)"   filters, not searched
 * Nothing typed reaches FTS5 unparsed: every term is emitted as an FTS5
 * string ("…" with " doubled), so column filters, NEAR, ^, + and parentheses
 * the user types are only text.  Stray pieces (a lone * or -, a dangling OR,
 * an unclosed quote, parentheses) are read sensibly and explained in
 * ->notice; what cannot be read sensibly is refused with a message.
 */
#ifndef TREATY_CORPUS_QUERY_H
#define TREATY_CORPUS_QUERY_H

#include <stddef.h>

/* Limits that keep a pasted page from becoming a pathological FTS5 query. */
#define CORPUS_QUERY_MAX_BYTES 8192
#define CORPUS_QUERY_MAX_TERMS 64

/* A translated query.  Every string is owned by the struct: corpus_query_free(). */
struct corpus_parsed_query {
	char *match;  /* FTS5 MATCH expression; NULL when the query is only filters */
	char *doc;    /* doc: filter as typed, or NULL */
	char *lang;   /* lang: filter, lowercased, or NULL */
	char *art;    /* art: filter as typed ("5", "2(1)(a)"), for corpus_eid_parse; or NULL */
	char **words; /* the terms looked for (not the excluded ones), as typed, without
	                 quotes or '*': for "did you mean" suggestions */
	size_t nwords;
	char *notice; /* how stray input was read ("a lone * was ignored"), or NULL */
	/* The strings of match in its order (FTS5's phrase numbers), as typed. */
	struct corpus_phrase {
		char *text;
		int prefix; /* followed by * */
	} *phrases;
	size_t nphrases;
	int plain; /* match is only strings joined by AND: no OR, no NOT, no prefix */
};

/*
 * Translate text (NUL-terminated UTF-8) into out.  Returns 0, or -1 with a
 * message for the user in err (nothing to search for, only exclusions,
 * invalid UTF-8, too long, a filter without a value or given twice); out is
 * then empty and needs no free.
 */
int corpus_query_parse(const char *text, struct corpus_parsed_query *out, char *err, size_t errlen);

/* Release what corpus_query_parse() put in q and zero it. */
void corpus_query_free(struct corpus_parsed_query *q);

#endif
