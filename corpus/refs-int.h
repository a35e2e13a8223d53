/*
 * refs-int.h — what the reference recogniser's files share: the word lexer
 * (refs-lex.c), the grammar of the alphabetic languages (refs.c), Chinese
 * (refs-zh.c) and the resolution of citations to ids (refs-emit.c).
 * Not a contract outside corpus/refs*.c.
 */
#ifndef TREATY_REFS_INT_H
#define TREATY_REFS_INT_H

#include <stddef.h>

#include "corpus/refs.h"

/* Limits that keep adversarial text linear in time and output. */
#define REF_MAX_ITEMS 256   /* citations in one reference ("Articles 1, 2, …") */
#define REF_MAX_RANGE 100   /* targets of one range ("Articles 2 through 11") */
#define REF_MAX_NUM 999999L /* larger numbers are not provision numbers */
#define REF_HUGE (-2L)      /* value of a number beyond REF_MAX_NUM */
#define REF_REC_COST 64     /* what a record costs beyond its text, for the budget */
/*
 * An inserted article ("2 bis") is the number plus its suffix's ordinal
 * times REF_SUF (bis 2, ter 3 …): beyond REF_MAX_NUM, so no other level and
 * no range takes it for a number of its own.
 */
#define REF_SUF (1L << 24)

/* Levels of a citation, outermost first. */
enum { L_ART, L_PARA, L_POINT, L_SUB, L_N };

/* ---- Tokens ------------------------------------------------------------ */

enum ref_type { T_WORD, T_NUM, T_PUNCT };

enum ref_cls {
	K_NONE,
	K_ART,  /* article(s), artikel(en), المادة, статья, artículo … */
	K_PARA, /* paragraph(s), lid/leden, الفقرة, пункт … */
	K_POINT, /* sub-paragraph(s), onderdeel, الفقرة الفرعية, подпункт, alinéa … */
	K_SUB,    /* sous-alinéa, inciso … */
	K_CHAP,   /* chapter, hoofdstuk, глава … */
	K_AND,    /* and, or, en, of, و, и … (a list separator) */
	K_RANGE,  /* through, to, tot en met, إلى, à, по, "–" … */
	K_FROM,   /* the "с" of "с 2 по 10" */
	K_OF,     /* of, van, من, de, du, del … */
	K_THE,    /* the, het, de, la, l' … */
	K_THIS,   /* this, present, dit, هذه, настоящий, présent … */
	K_ABOVE,  /* above, below, hierboven, أعلاه, выше, ci-dessus … */
	K_ONDER,  /* nl "onder" in "eerste lid onder onderdeel b" */
	K_CONV,   /* convention, verdrag, الاتفاقية, конвенция … */
	K_PROT,   /* protocol */
	K_INSTR,  /* another kind of instrument: statute, treaty, charter … */
	K_TPREP,  /* what starts a title after an instrument word: on, for, inzake … */
	K_ETS,    /* ETS / CETS */
	K_NO,     /* "No" of "ETS No. 185" */
	K_TEEN,   /* ar عشرة of compound ordinals */
	K_PRECED, /* preceding, foregoing, vorige, précédents, anteriores */
	K_COUNT,  /* two, twee, deux, dos: "the two preceding paragraphs" */
	K_DRAFT, /* draft, projet, proyecto, проект, مشروع, ontwerp: the text discussed */
	K_TEXT,  /* text, texte, texto, текст, النص: "the draft text" */
	K_REVISED, /* revised, révisé, revisado, пересмотренный, المنقح: "the revised draft" */
	K_COMMA,
	K_DOT,
	K_LP,
	K_RP,
	K_QUOTE,
	K_SLASH,
	K_OTHER
};

struct ref_tok {
	size_t s, e;   /* bytes of the text */
	size_t fs, fe; /* the folded word in the lexer's buffer (words) */
	long val;      /* T_NUM: value (REF_HUGE beyond REF_MAX_NUM); ordinal words too */
	unsigned char type, cls;
	unsigned char plural; /* keyword in the plural (or dual) */
	unsigned char adj;    /* no space between the previous token and this one */
	unsigned char ord;    /* T_NUM written as an ordinal word ("eerste", "الأولى") */
	unsigned char andpre; /* ar: the word carries the conjunction و/ف */
	unsigned char upper;  /* the word starts with a capital */
	int letter;           /* 1..26 when the word can be a point letter */
	int roman;            /* the value when the word is a roman numeral */
};

/* A named document: a phrase of folded words ("*" at the end: any ending). */
struct ref_name {
	const char *words[16];
	const char *doc; /* NULL: outside the corpus */
};

struct ref_lang {
	const char *code;
	int implicit_of;     /* ru: "пункта 2 статьи 5" needs no "of" */
	int ord_before_noun; /* nl: "het eerste en tweede lid" */
	int the_before_doc;  /* "the Convention" needs its article to be a mention */
	int bare_letters;    /* point letters may stand without brackets: "onderdeel a" */
	const struct ref_name *names;
};

struct ref_lex {
	const char *text;
	size_t len;
	char *fold; /* folded words, NUL-separated */
	size_t nfold;
	struct ref_tok *t;
	size_t n;
};

/* The language's grammar data, or NULL. */
const struct ref_lang *ref_lang_get(const char *code);

/* Split text into tokens for lang (not zh). 0, or -1 when out of memory. */
int ref_lex(const struct ref_lang *lang, const char *text, size_t len, struct ref_lex *lx);
void ref_lex_free(struct ref_lex *lx);

/* The folded word of token i ("" for non-words). */
const char *ref_word(const struct ref_lex *lx, size_t i);

/* Value of a decimal digit code point in any script, or -1 (for lexing only). */
int ref_digit(unsigned cp);

/*
 * Numbers and letters are normalised by corpus_eid_num (eid.c), the one
 * place that knows every script's way of writing them; these wrap it.
 */
long ref_number(const char *s, size_t len); /* an article or paragraph number, or REF_HUGE */
int ref_letter(const char *s, size_t len);  /* a point letter: 1..26, or 0 */
int ref_roman(const char *s, size_t len);   /* a Latin roman numeral's value, or 0 */

/* ---- Citations and their resolution ------------------------------------ */

/* One citation: the levels given in the text, and maybe a range at one level. */
struct ref_item {
	unsigned set; /* bit 1 << level for each level given */
	long v[L_N];  /* article and paragraph numbers, point letters 1..26, subpoints 1..39 */
	int rlvl;     /* level of a range, -1 for none */
	long hi;      /* last value of the range */
};

enum ref_docsel {
	D_OWN,      /* the text's own document */
	D_PARENT,   /* "the Convention" from a protocol */
	D_ID,       /* a named document of the corpus */
	D_EXTERNAL, /* another instrument */
	D_DRAFT     /* the draft of what the text discusses (ctx->refers_to) */
};

/* A whole reference: its span, its citations, and what qualifies them all. */
struct ref_chain {
	size_t start, end;
	struct ref_item *items;
	size_t n;
	struct ref_item anchor; /* "of Article 29": levels given outside the items */
	int self_lvl;           /* "this article", "this paragraph", "this chapter": L_ART,
	                           L_PARA, L_N; else -1 */
	int chapter;            /* the items are chapters: "Chapter II" */
	int preceding;          /* "the two preceding paragraphs": 2; else 0 */
	int docsel;
	const char *doc_id; /* D_ID: static id */
	int doc_only;       /* a document without a provision */
	int draft;          /* the citation calls its document a draft */
};

/* The recogniser's output under construction. */
struct ref_out {
	const char *text;
	const struct corpus_ref_ctx *ctx;
	long own[L_N]; /* the provision's own place; 0 where it has none */
	unsigned own_set;
	struct corpus_ref *r;
	size_t n, cap;
	size_t budget; /* bytes of records still allowed (see ref_emit) */
	int oom;
};

/* Turn a chain into records. 0, or -1 when out of memory. */
int ref_emit(struct ref_out *out, const struct ref_chain *c);

/* The document a static table names for "ETS No. n", or NULL. */
const char *ref_ets_doc(long n);

/* Find references in Chinese text. 0, or -1 when out of memory. */
int ref_zh_scan(struct ref_out *out, const char *text, size_t len);

#endif
