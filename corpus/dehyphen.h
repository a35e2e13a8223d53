/*
 * dehyphen.h — private to corpus/: whether a hyphen at the end of a line is
 * the typesetter's (drop it: "legisla-" + "tion") or the author's (keep it:
 * "cross-" + "border"), decided from the document's own vocabulary.  Used on
 * text that has lost its line structure to a layout, such as a PDF's.
 */
#ifndef TREATY_DEHYPHEN_H
#define TREATY_DEHYPHEN_H

#include <stddef.h>
#include <stdint.h>

/* The words of a document, case-folded, with their counts. */
struct corpus_words;

struct corpus_words *corpus_words_new(void);
void corpus_words_free(struct corpus_words *w);

/*
 * Count the words of one line (separated by spaces); a hyphenated word also
 * counts its parts.  skip_first, skip_last: leave out the first or last word,
 * halves of a word broken across lines.  -1 when out of memory.
 */
int corpus_words_add_line(struct corpus_words *w, const char *line, int skip_first, int skip_last);

/* How many times the word s[0..len) occurred (edge punctuation and case aside). */
int corpus_words_count(const struct corpus_words *w, const char *s, size_t len);

/* Bytes of a line-end hyphen ending s[0..len) (0 if none); *soft for U+00AD. */
size_t corpus_end_hyphen(const char *s, size_t len, int *soft);

enum corpus_join {
	CORPUS_JOIN_SPACE,       /* no broken word: a space between the lines */
	CORPUS_JOIN_DROP_HYPHEN, /* "legisla-" + "tion" → "legislation" */
	CORPUS_JOIN_KEEP_HYPHEN  /* "cross-" + "border" → "cross-border" */
};

/* How line a goes on into line b of the same paragraph, given the document's words. */
enum corpus_join corpus_line_join(const char *a, const char *b, const struct corpus_words *w);

/* UTF-8 helpers shared by the PDF reader. */
int32_t corpus_utf8_decode(const char *s, size_t len, size_t *used);
/* A lowercase letter of an alphabet that hyphenates (Latin, Greek, Cyrillic). */
int corpus_is_lower(int32_t c);

#endif
