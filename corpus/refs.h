/*
 * refs.h — cross-references in provision text: "Article 24, paragraph 1",
 * "Articles 2 through 11 of this Convention", "paragraph 1 of this article",
 * "الفقرة 2 من المادة 5", "пункта 2 статьи 5", "第五条第二款".
 *
 * The recogniser is a pure function of a provision's text and its place: it
 * knows the grammar of references in en, fr, es, ru, ar, zh and nl, the
 * project's provision ids (art_N__para_M__point_x__subpoint_r), and the ids of
 * the documents it can name (budapest, budapest-p1, uncc).  It does not know
 * which provisions exist: the store checks targets and clears `resolved` for
 * those that do not (article 99).
 *
 * One record per target.  A list or range ("Articles 3 through 5, 7") gives
 * several records that share the span of the whole reference as written,
 * qualifiers included ("… of this Convention"), in text order and, within a
 * span, in the order of the targets.  A reversed or absurdly long range
 * ("Articles 9 through 2", "1 through 99999") is kept as one unresolved
 * record naming its first target.
 *
 * Which mentions are references: every article/paragraph/point/chapter
 * citation; a bare "this article", "this paragraph" or "this chapter" (the
 * enclosing provision; a chapter only when ctx->chapter is given); "the two
 * preceding paragraphs"; a mention of another document of the corpus
 * without a provision ("the Convention" inside a protocol, "the Budapest
 * Convention", "ETS No. 185"), with target_eid NULL; an ETS number of a
 * treaty outside the corpus, external.  A document's mentions of itself
 * ("this Convention") are not references.
 *
 * A statement or a press report has no articles of its own (ctx->commentary):
 * the articles it cites without naming a document ("article 17", "article 17
 * of the Convention") are those of the document it discusses, ctx->refers_to.
 * A citation that calls its document a draft ("draft article 17", "article
 * 17 of the draft convention", "the draft text's article 24", "projet
 * d'article 17", "статья 17 проекта конвенции", "مشروع المادة 17",
 * "第17条草案", "ontwerpartikel 17") is marked draft and points into
 * ctx->refers_to in any text; the draft covers the citations its keyword
 * lists ("draft articles 2 and 3"), not a keyword said again ("draft article
 * 2 and article 3": article 3 is the final text's).  A bare "the convention"
 * in a press report is never linked to a convention named before it: the
 * words cannot tell which one it means (README, "Importing documents").
 * Without a refers_to such citations are kept with target_doc NULL,
 * unresolved; a mention of the draft or "the Convention" without an article
 * is then no reference.  A named document ("Article 15 of the Budapest
 * Convention") is that document, draft or not.
 */
#ifndef TREATY_REFS_H
#define TREATY_REFS_H

#include <stddef.h>

/* Where the text is: relative references resolve against these. */
struct corpus_ref_ctx {
	const char *lang; /* "en", "fr", "es", "ru", "ar", "zh", "nl" */
	const char *doc;  /* id of the document the text belongs to */
	const char
	    *parent;     /* the convention a protocol belongs to ("the Convention"); may be NULL */
	const char *eid; /* the provision holding the text: "art_24__para_2"; may be NULL */
	const char *chapter; /* the chapter holding it ("chp_3", for "this chapter"); may be NULL */
	const char *refers_to; /* the document the text discusses (--refers-to); may be NULL */
	int commentary; /* the text's document has no articles of its own (statement, press) */
};

struct corpus_ref {
	size_t start, end; /* the reference as written: bytes [start, end) of the text */
	char *text;        /* a copy of those bytes */
	char *target_doc;  /* document id; NULL when the target is outside the corpus */
	char *target_eid;  /* provision id; NULL for a whole document */
	int resolved;      /* the target is determined (not external, numbers sane) */
	int external;      /* names an instrument outside the corpus (another treaty) */
	int draft;         /* cites a draft: its numbering may differ from the final text */
};

/*
 * Find the references in text[0..len) (UTF-8; invalid bytes are skipped).
 * Linear in len; the number of records is bounded by a small multiple of
 * len.  *refs (caller frees with corpus_refs_free) and *n receive the
 * records.  Returns 0; 1 when there is no grammar for ctx->lang (no
 * records, message in err); -1 when memory runs out.
 */
int corpus_refs_find(const char *text, size_t len, const struct corpus_ref_ctx *ctx,
                     struct corpus_ref **refs, size_t *n, char *err, size_t errlen);
void corpus_refs_free(struct corpus_ref *refs, size_t n);


/* ---- Stored references (refs-read.c) ---------------------------------- */

struct corpus_store;

/* A stored reference, seen from a provision: one it cites, or one citing it. */
struct corpus_link {
	int incoming;                  /* 0: the provision cites; 1: it is cited (a back-link) */
	char *doc, *lang, *eid;        /* the citing provision */
	char *target_doc, *target_eid; /* NULL: outside the corpus / the whole document */
	char *text;                    /* the reference as written */
	char *sentence;                /* the sentence of the citing provision holding it */
	size_t start, end;             /* the reference in the citing provision's text, bytes */
	int resolved;                  /* the target exists in the corpus */
	int external;                  /* the target is another treaty */
	int draft;                     /* cited as a draft's ("draft article 17") */
	char *kind;       /* of the citing document: "convention", "statement", "press" … */
	char *delegation; /* of the citing document when a statement; else NULL */
};

/*
 * What provision eid of doc and its parts cite (eid NULL: the whole
 * document), then what cites them from elsewhere, in every language or only
 * lang's.  Returns 1 with a message when the document or provision does not
 * exist.  Free *out with corpus_link_free.
 */
int corpus_links(struct corpus_store *s, const char *doc, const char *eid, const char *lang,
		 struct corpus_link **out, size_t *n, char *err, size_t errlen);
void corpus_link_free(struct corpus_link *l, size_t n);

/* References of one document version: found, resolved, to other treaties. */
struct corpus_refstat {
	char *doc, *lang;
	int partial; /* the source is incomplete: citations beyond it cannot resolve */
	int found, resolved, external;
};

/* Every document version, by id and language. Free with corpus_refstat_free. */
int corpus_refs_stats(struct corpus_store *s, struct corpus_refstat **out, size_t *n, char *err,
		      size_t errlen);
void corpus_refstat_free(struct corpus_refstat *r, size_t n);

#endif
