/*
 * corpus.h — the model: documents, provisions and their identifiers, the
 * structure recogniser for official texts, the SQLite store with its FTS5
 * index, and search.  Knows nothing of the screen.
 *
 * Conventions: functions return 0 on success and -1 on failure (1 where noted
 * for "nothing found"), writing a message into err[errlen] when err is not
 * NULL.  Messages about source files name file:line.  Strings returned through
 * out-pointers are owned by the caller (free()) unless a *_free() is named.
 */
#ifndef TREATY_CORPUS_H
#define TREATY_CORPUS_H

#include <stddef.h>

/* ---- Provisions ------------------------------------------------------- */

enum corpus_kind {
	CORPUS_LONGTITLE, /* the document's title line */
	CORPUS_PREAMBLE,
	CORPUS_CHAPTER,
	CORPUS_SECTION,
	CORPUS_TITLE, /* "TITLE 1" inside a section (Budapest) */
	CORPUS_ARTICLE,
	CORPUS_PARAGRAPH,   /* numbered paragraph "1." */
	CORPUS_POINT,       /* lettered point "a)", "(a)", "(أ)" */
	CORPUS_SUBPOINT,    /* "(i)", "’1’" */
	CORPUS_WRAP,        /* unnumbered text after a provision's children */
	CORPUS_CONCLUSIONS, /* final formula: "IN WITNESS WHEREOF …" */
	CORPUS_BLOCK        /* a paragraph of a document without articles (press) */
};

/* Name of a kind as stored and printed ("article", "point", …). Static. */
const char *corpus_kind_name(enum corpus_kind kind);

/*
 * One provision.  Text is verbatim: label + heading + text, in that order,
 * are exactly the characters of the source (whitespace between them aside).
 */
struct corpus_provision {
	char *eid;  /* Akoma Ntoso style id, same in every language: "art_4__para_1" */
	int parent; /* index of the parent in the document's array, -1 at top level */
	enum corpus_kind kind;
	char *num;     /* normalised number: "4", "2", "a", "ii"; NULL if none */
	char *label;   /* as written: "Article 4", "1.", "a)", "(أ)", "Preamble"; may be NULL */
	char *heading; /* article or chapter heading as written; may be NULL */
	char *text;    /* the provision's own text (not its children's); may be "" */
	int line;      /* line of the source where it starts (1-based) */
};

/* A document in one language, as recognised from a source. */
struct corpus_document {
	char *id;   /* "budapest", "budapest-p1", "uncc", … */
	char *kind; /* "convention", "protocol", "press", "statement", … */
	char *lang; /* ISO 639-1 */
	char *title;
	char *symbol;  /* "ETS No. 185", "A/RES/79/243"; may be NULL */
	char *date;    /* ISO 8601; may be NULL */
	char *parent;  /* id of the convention a protocol belongs to; may be NULL */
	int authentic; /* this language version is authentic */
	int partial;   /* the source is known to be incomplete */
	char *source;  /* the file it was read from (base name); may be NULL */
	char *sha256;  /* of the source file's bytes; may be NULL */
	/* A statement's circumstances (kind "statement"); each may be NULL. */
	char *delegation;              /* who spoke: "Brazil" */
	char *on_behalf_of;            /* the group spoken for: "the Group of 77 and China" */
	char *meeting;                 /* "Ad Hoc Committee, concluding session, 3rd meeting" */
	char *agenda_item;             /* "4" */
	char *refers_to;               /* id of the document the statement discusses: "uncc" */
	struct corpus_provision *prov; /* in document order */
	size_t n;
	/*
	 * What the recogniser read but did not take as structure, for the user:
	 * "file:line: warning: …" lines, each ending in '\n' (a label that
	 * repeats a number already used, kept as text); NULL when none.
	 */
	char *warnings;
};

/* Free every string and provision doc holds (not doc itself) and zero it. */
void corpus_document_free(struct corpus_document *doc);

/*
 * Recognise the structure of a plain UTF-8 official text in language lang
 * ("en", "fr", "es", "ru", "ar", "zh", "nl").  doc->id, kind, lang … are the
 * caller's to fill in before or after; this fills doc->prov and doc->n, and
 * doc->title (strdup'd) from the first line when NULL.
 *
 * need_articles nonzero: a treaty.  The first line is the long title, what
 * comes before the first heading the preamble ("Preamble" label optional),
 * then chapters / sections / titles, articles with their heading, paragraphs
 * "1." "1 -", points "a)" "(a)" "a." "(أ)" "а)" "（一）", sub-points "(i)"
 * "i." "’1’", unlabelled text after a list as a wrap, and the final formula
 * ("IN WITNESS WHEREOF", "TEN BLIJKE WAARVAN", …) as the conclusions.
 * need_articles 0 (kind "press" or "statement"): no structure is looked for;
 * the first paragraph is the long title and each further paragraph (text
 * between blank lines) a block.
 *
 * A label that numbers a provision already numbered so (a paragraph number
 * used twice or going back, a point letter or chapter repeated) leaves its
 * line as text of the provision before it and a line in doc->warnings.
 *
 * Fails (with "file:line: message") on an empty file, invalid UTF-8 or a NUL
 * byte, no articles (when need_articles), duplicate or out-of-order article
 * numbers, an unknown language.  On failure doc->prov is NULL and doc->n 0.
 */
int corpus_parse_text(const char *file, const char *text, size_t len, const char *lang,
                      int need_articles, struct corpus_document *doc, char *err, size_t errlen);

/*
 * Check that the provisions' labels, headings and texts, concatenated in
 * document order, equal text[0..len) with all whitespace removed.  On failure
 * the message gives the line of the first difference.
 */
int corpus_check_fidelity(const char *file, const char *text, size_t len,
                          const struct corpus_document *doc, char *err, size_t errlen);

/* ---- Loading files ---------------------------------------------------- */

/* What the user says about a file to import; any field may be NULL. */
struct corpus_load_options {
	const char *id, *lang, *kind, *title;
	const char *symbol, *date; /* date: YYYY, YYYY-MM or YYYY-MM-DD */
	const char *delegation, *on_behalf_of, *meeting, *agenda_item, *refers_to;
	const char *converter; /* treaty-convert, for PDF, Word, HTML; NULL: found in PATH */
};

/* What reading a file involved, for the message after an import. */
struct corpus_load_report {
	const char *format; /* "text", "PDF", "Word (.docx)", "HTML"; static */
	int furniture;      /* lines of page furniture removed (PDF) */
	int rejoined;       /* words hyphenated at a line end rejoined (PDF) */
};

/*
 * Read a whole file (at most 64 MB) into *data, NUL-terminated (caller frees).
 * Refuses directories and missing files with "path: reason".
 */
int corpus_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen);

/*
 * Turn the bytes of a plain-text document into a checked document: encoding
 * detected and converted, language guessed when o->lang is NULL, structure
 * recognised, fidelity proved.  doc is filled (free with corpus_document_free).
 */
int corpus_load_text(const char *path, const char *bytes, size_t len,
                     const struct corpus_load_options *o, struct corpus_document *doc, char *err,
                     size_t errlen);
int corpus_load_file(const char *path, const struct corpus_load_options *o,
                     struct corpus_document *doc, char *err, size_t errlen);

/*
 * Like corpus_load_file, for any format: the format is told from the bytes
 * (PDF, Word .docx, HTML, else text), the file converted to clean paragraphs
 * and these recognised and checked against the converted text.  Title,
 * symbol, date and language come from the options, else from the file (PDF
 * info and UN masthead, docx properties, <title> and <html lang>), the
 * language last from the text itself.  report may be NULL.
 */
int corpus_load_any(const char *path, const struct corpus_load_options *o,
                    struct corpus_document *doc, struct corpus_load_report *report, char *err,
                    size_t errlen);

/*
 * Build the bundled corpus at out from the manifest's documents in src_dir,
 * refusing any source whose SHA-256 differs from the manifest's or whose
 * article count is not the expected one.  src_dir NULL or "": an empty corpus.
 */
int corpus_build_bundled(const char *manifest, const char *src_dir, const char *out, char *err,
                         size_t errlen);

/* ---- Provision identifiers -------------------------------------------- */

/*
 * Parse what a person types for a provision — "2", "art 2", "article 2",
 * "2(1)(a)", "art. 2, para. 1 (a)", "Article 2 paragraph 1 b", or an eid
 * itself — into an eid ("art_2__para_1__point_a").  Returns NULL and sets err
 * when it is not a provision reference.  Caller frees.
 */
char *corpus_eid_parse(const char *spec, char *err, size_t errlen);

/*
 * The normalised number ("4", "a", "ii") of a number as written in a label of
 * a provision of kind: "IV", "4", "٤", "四", "premier", "الرابع" for articles,
 * chapters, sections, titles and paragraphs (a decimal number); "d", "D",
 * "د", "г", "四" for points (abjad and Cyrillic order mapped to Latin
 * letters: أ=a ب=b ج=c د=d ه=e …; а=a б=b в=c …); "iv", "4", "٤", "四" for
 * sub-points (always a lowercase roman numeral, so that the Arabic ’4’ and
 * the English (iv) get the same id).  s[0..len) holds the number alone,
 * without brackets.  Writes into out[outlen], outlen >= 16; -1 when it is
 * not such a number.
 */
int corpus_eid_num(enum corpus_kind kind, const char *s, size_t len, char *out, size_t outlen);

/*
 * An inserted article is numbered with a suffix: Article 2 bis comes after
 * Article 2 ("2 bis", "2-bis", "2bis"; ter, quater … decies; Russian бис,
 * тер, кватер; Arabic مكرراً; Chinese 第二条之二).  corpus_eid_num() reads
 * such a number into "2bis", and its id is "art_2bis".
 * corpus_eid_suffix(): bytes of s[0..len) that spell a suffix up to a word's
 * end (0 when none), *k its ordinal (bis 2, ter 3 … decies 10).
 * corpus_eid_suffix_name(): the id's spelling of ordinal k ("bis"), static,
 * or NULL when k is no suffix's ordinal.
 */
size_t corpus_eid_suffix(const char *s, size_t len, int *k);
const char *corpus_eid_suffix_name(int k);

/*
 * The eid of a provision of kind with normalised number num under the
 * provision parent (an eid, NULL at top level): "art_4" (articles, chapters
 * and blocks ignore parent), "art_4__para_1", "chp_2__sec_1".  For a wrap,
 * num is its ordinal under parent (NULL or "1": "…__wrap", "2": "…__wrap_2").
 * Caller frees; NULL when num is not a normalised number.
 */
char *corpus_eid_make(const char *parent, enum corpus_kind kind, const char *num);

/* Nonzero when eid is a well-formed provision id ("art_1__point_c__subpoint_ii"). */
int corpus_eid_valid(const char *eid);

/*
 * A human citation for an eid in language lang: "Art. 2(1)(a)", "Preamble",
 * "Chapter II".  Caller frees.
 */
char *corpus_eid_cite(const char *eid, const char *lang);

/* ---- The store -------------------------------------------------------- */

/* opaque: the bundled corpus and the user's library; to be used by one thread at a time */
struct corpus_store;

/*
 * Open the bundled corpus database at corpus_path (read-only; may be NULL or
 * missing, giving an empty corpus) together with the user's library at
 * library_path (created when missing; NULL for none).
 */
struct corpus_store *corpus_store_open(const char *corpus_path, const char *library_path, char *err,
                                       size_t errlen);

/*
 * The same, but the library may be opened later: when its ids cache (written
 * by corpus_store_close, beside it) matches it, only the bundled corpus is
 * opened now, and the library is opened when a function needs it (a
 * document the cache lists, the list of documents, search, import …) or at
 * corpus_store_open_library.  Otherwise as corpus_store_open.
 */
struct corpus_store *corpus_store_open_deferred(const char *corpus_path, const char *library_path,
                                                char *err, size_t errlen);

/*
 * Open the library now if it was deferred (no-op otherwise); a library that
 * cannot be used leaves corpus_store_library_error set, as at open.  1 when
 * the library did not hold the documents its cache listed, so that what was
 * read before from the bundled corpus may not be what the library holds:
 * read it again.  -1 when the connection could not be made (err).
 */
int corpus_store_open_library(struct corpus_store *store, char *err, size_t errlen);

/*
 * notice(arg) is called, when set, just before a library is brought up to
 * date for this version or indexed again as it is opened: done once, in one
 * transaction, but long for a large library (about 15 s for 6 000
 * documents), so the user is told why nothing moves.  stop(arg), when set,
 * is asked now and then meanwhile: nonzero gives it up, the library left as
 * it was and not in use (corpus_store_library_error says "interrupted").
 * One for the program; NULL for none.
 */
void corpus_set_upgrade_notice(void (*notice)(void *arg), int (*stop)(void *arg), void *arg);

/*
 * Close the store.  A library opened for writing gets its ids cache written
 * anew beside it, when no other connection has it open.
 */
void corpus_store_close(struct corpus_store *store);

/* The database handle, for modules that add their own queries (refs). */
struct sqlite3 *corpus_store_db(struct corpus_store *store);

/* Why the user's library is not in use (NULL when it is): imports will fail with it. */
const char *corpus_store_library_error(struct corpus_store *store);

/* Nonzero when a bundled corpus is attached. */
int corpus_store_has_bundled(struct corpus_store *store);

/*
 * Create a database at path holding the given documents, in one transaction:
 * the build uses this for the bundled corpus.  An existing file is replaced
 * only once the new one is complete.
 */
int corpus_store_build(const char *path, struct corpus_document *docs, size_t ndocs, char *err,
                       size_t errlen);

/*
 * Add (or replace) a document language version in the user's library, in one
 * transaction: on failure nothing changes.
 */
int corpus_store_import(struct corpus_store *store, const struct corpus_document *doc, char *err,
                        size_t errlen);

/*
 * After a batch of imports: merge the full-text index of each language that
 * the store's imports since it was opened (or since the last call) grew by a
 * quarter or more into one segment, each in a transaction of its own, so that
 * it is searched at its fastest (README "How the index is kept").  -1 on a
 * database error (that language's index is then as it was).
 */
int corpus_store_optimize(struct corpus_store *store, char *err, size_t errlen);

/* Remove every language version of document id from the user's library. 1: no such document. */
int corpus_store_remove(struct corpus_store *store, const char *id, char *err, size_t errlen);

/* A document language version, as listed. */
struct corpus_docinfo {
	char *id, *kind, *lang, *title, *symbol, *date, *parent;
	char *delegation, *on_behalf_of, *meeting, *agenda_item, *refers_to; /* statements */
	int authentic, partial;
	int user;     /* from the user's library, not the bundled corpus */
	int articles; /* number of articles */
	int provisions;
	int first_article, last_article;
};

/*
 * All document language versions: the bundled corpus's, then the library's,
 * each ordered by id (a run of digits by its value: "doc-9" before "doc-10")
 * then language.  Free with corpus_docinfo_free.
 */
int corpus_list(struct corpus_store *store, struct corpus_docinfo **docs, size_t *n, char *err,
                size_t errlen);
void corpus_docinfo_free(struct corpus_docinfo *docs, size_t n);

/* A stored provision, with its place. */
struct corpus_entry {
	char *doc, *lang, *eid, *parent_eid;
	enum corpus_kind kind;
	char *num, *label, *heading, *text;
	int depth; /* 0 for top level */
	int seq;   /* position in document order */
};

/*
 * The provision eid of doc in lang (lang NULL: the document's first language)
 * and all its descendants, in document order; eid NULL: the whole document.
 * Returns 1 with a helpful message ("budapest has no article 99; it has
 * articles 1–48") when the document or provision does not exist.
 */
int corpus_get(struct corpus_store *store, const char *doc, const char *lang, const char *eid,
               struct corpus_entry **out, size_t *n, char *err, size_t errlen);
void corpus_entry_free(struct corpus_entry *e, size_t n);

/* Where the entries of corpus_get_window lie in their whole document. */
struct corpus_window {
	int articles, tops; /* the document's articles, and its provisions of depth 0 */
	int articles_before, tops_before; /* those of them before the provision */
};

/*
 * What a reader needs to show provision eid of doc in lang (NULL: as
 * corpus_get) before the rest of the document: eid's ancestors, eid, and the
 * count entries that follow it, in document order (*out: as corpus_get).
 * Returns 1 without a message when the document or provision does not exist
 * (corpus_get says why).
 */
int corpus_get_window(struct corpus_store *store, const char *doc, const char *lang,
                      const char *eid, size_t count, struct corpus_entry **out, size_t *n,
                      struct corpus_window *w, char *err, size_t errlen);

/* The languages doc is stored in, comma-separated ("en,nl"). Caller frees; NULL if none. */
char *corpus_languages(struct corpus_store *store, const char *doc);

/* ---- Search ----------------------------------------------------------- */

struct corpus_query {
	const char *text; /* what the user typed, in the query language */
	const char *doc;  /* filter, or NULL */
	const char *lang; /* filter, or NULL */
	int limit;        /* 0: a default */
	/*
	 * When set and nothing matches: the "did you mean" query (the text with
	 * each word no index holds replaced by the nearest one that does,
	 * filters, quotes and operators as typed), caller frees; or NULL.
	 */
	char **suggestion;
};

/*
 * Hits in a snippet are marked with bytes that never occur in UTF-8, so no
 * stored text can forge or break a mark.
 */
#define CORPUS_MARK_START "\xFE"
#define CORPUS_MARK_END "\xFF"

/* One provision that matched, in its best-scoring language. */
struct corpus_hit {
	char *doc, *lang, *eid, *heading;
	char *langs;   /* every language in which this provision matched: "en,nl" */
	char *snippet; /* hits between CORPUS_MARK_START and CORPUS_MARK_END */
	double score;  /* minus the BM25 score (rank.h), lower is better */
	int user;      /* from the user's library */
};

/*
 * Ranked hits. 1: nothing found (err may hold a "did you mean" suggestion).
 * It reads in one transaction of its own unless one is open.  A progress
 * handler on corpus_store_db() may interrupt it ("search interrupted"); one
 * that also interrupts the end of its transaction is removed, so that the
 * transaction does not stay open.
 */
int corpus_search(struct corpus_store *store, const struct corpus_query *q,
                  struct corpus_hit **hits, size_t *n, char *err, size_t errlen);
void corpus_hit_free(struct corpus_hit *hits, size_t n);

/* Bytes [start, end) of a stored string. */
struct corpus_range {
	size_t start, end;
};

/* Where a query matched one provision, in its stored heading and text. */
struct corpus_highlight {
	char *doc, *lang, *eid;
	struct corpus_range *heading; /* the hits in the heading as stored, sorted; may be NULL */
	size_t nheading;
	struct corpus_range *text; /* the hits in the text as stored, sorted; may be NULL */
	size_t ntext;
};

/*
 * Every provision q matches (q->doc and q->lang filter as in corpus_search;
 * q->limit 0: all of them), in document order, with the byte ranges of its
 * hits: what FTS5's matching through the language's tokenizer found —
 * inflected forms, folded diacritics, Han characters — mapped onto the
 * stored heading and text, which are never rewritten.  Nothing matching is
 * 0 with *n 0.  Free *out with corpus_highlight_free.
 */
int corpus_highlight(struct corpus_store *store, const struct corpus_query *q,
                     struct corpus_highlight **out, size_t *n, char *err, size_t errlen);
void corpus_highlight_free(struct corpus_highlight *h, size_t n);

/*
 * How the query language read the stray parts of text ("a lone * was
 * ignored"), for showing beside the results; NULL when it read it as typed.
 * Caller frees.
 */
char *corpus_query_notice(const char *text);

/*
 * The indexed word nearest to word (edit distance at most 2 on its folded,
 * stemmed form), as written in some provision, in language lang or any when
 * NULL.  NULL when word is indexed as it is or nothing is near.  Caller frees.
 */
char *corpus_suggest(struct corpus_store *store, const char *word, const char *lang);

/* ---- The manifest of known documents ---------------------------------- */

struct corpus_manifest_entry {
	char *id, *kind, *lang, *title, *symbol, *date, *parent, *file, *sha256;
	int authentic, partial, articles; /* articles: expected count, 0 for none */
};

/* Read the manifest (tab-separated, see corpus/manifest.tsv). Free with corpus_manifest_free. */
int corpus_manifest_read(const char *path, struct corpus_manifest_entry **out, size_t *n, char *err,
                         size_t errlen);
void corpus_manifest_free(struct corpus_manifest_entry *m, size_t n);

/* SHA-256 of data as 64 lowercase hex digits into hex[65]. */
void corpus_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
