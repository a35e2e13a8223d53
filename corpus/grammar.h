/*
 * grammar.h — private to corpus/: the heading grammar of each language, that
 * is what one line of an official text can start with (a chapter, section,
 * title or article heading, a paragraph number, a point or sub-point label,
 * the preamble's or the final formula's first words).  It looks at one line
 * at a time; deciding what a line means in its context is parse.c's job.
 */
#ifndef TREATY_CORPUS_GRAMMAR_H
#define TREATY_CORPUS_GRAMMAR_H

#include <stddef.h>

struct corpus_lang; /* static: one per supported language */

/* The grammar of language code ("en", "fr", "es", "ru", "ar", "zh", "nl"), or NULL. */
const struct corpus_lang *corpus_lang_find(const char *code);

/* The supported language codes, comma-separated, for messages. Static. */
const char *corpus_lang_list(void);

/* How lang writes an article heading, for messages ("Article 1", "第1条"). Static. */
const char *corpus_lang_example(const struct corpus_lang *lang);

/* Nonzero for Chinese: "1." inside a point numbers a sub-point there. */
int corpus_lang_cjk(const struct corpus_lang *lang);

/* What a line starts with. Offsets are into the line. */
struct corpus_head {
	int kind;         /* enum corpus_kind */
	size_t label_len; /* the label is line[0..label_len) */
	size_t rest;      /* start of the heading or text after the label */
	char num[16];     /* normalised number ("4", "a", "ii") */
	char alt[16];     /* a letter that is also a roman numeral (i, v, x): as a sub-point */
	int style;        /* how it is written: '(' "(a)", ')' "a)", '.' "a.", 'q' "’1’",
	                     'n' "1." or "1 -", 'h' "一、" */
};

/*
 * A chapter, section, title or article heading line: 0 and *h filled (rest ==
 * len when the line holds no heading text), or -1.
 */
int corpus_head_structure(const struct corpus_lang *lang, const char *s, size_t len,
                          struct corpus_head *h);

/* A numbered paragraph, point or sub-point label at the start of the line: 0 or -1. */
int corpus_head_item(const struct corpus_lang *lang, const char *s, size_t len,
                     struct corpus_head *h);

/* Length of the preamble's label word starting the line ("Preamble"), or 0. */
size_t corpus_head_preamble(const struct corpus_lang *lang, const char *s, size_t len);

/* Nonzero when the line starts the final formula ("IN WITNESS WHEREOF"). */
int corpus_head_conclusions(const struct corpus_lang *lang, const char *s, size_t len);

#endif
