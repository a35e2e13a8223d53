/*
 * utf8.h — private to corpus/: the few code-point facts the structure
 * recogniser and the identifier parser need (decoding, whitespace, a simple
 * case folding).  Kept here rather than in i18n/ because they must be cheap
 * and identical in the parser and the fidelity check, and need no ICU.
 */
#ifndef TREATY_CORPUS_UTF8_H
#define TREATY_CORPUS_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode the code point at s[*i] (i < len) and advance *i past it.  A byte
 * that does not start a well-formed sequence decodes as U+FFFD and advances
 * by one, so that arbitrary input never stalls or overruns.
 */
static inline uint32_t corpus_u8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i;
	uint32_t c = p[0];
	size_t n;
	uint32_t min;

	if (c < 0x80) {
		(*i)++;
		return c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		(*i)++;
		return 0xfffd;
	}
	if (left < n) {
		(*i)++;
		return 0xfffd;
	}
	for (size_t k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80) {
			(*i)++;
			return 0xfffd;
		}
		c = (c << 6) | (p[k] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		(*i)++;
		return 0xfffd;
	}
	*i += n;
	return c;
}

/* The code point that ends at s[end) (end > 0), with *start set to where it begins. */
static inline uint32_t corpus_u8_prev(const char *s, size_t end, size_t *start)
{
	size_t b = end - 1;
	size_t k = 0;

	while (b > 0 && k < 3 && ((unsigned char)s[b] & 0xc0) == 0x80)
		b--, k++;
	size_t i = b;
	uint32_t c = corpus_u8_next(s, end, &i);
	if (i != end) { /* not a whole sequence: take the last byte alone */
		*start = end - 1;
		return 0xfffd;
	}
	*start = b;
	return c;
}

/* Unicode White_Space: what the fidelity check ignores and lines are trimmed of. */
static inline int corpus_u_space(uint32_t c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680 ||
	       (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
	       c == 0x205f || c == 0x3000;
}

/* Lower case for the scripts whose heading words have case (Latin-1, Cyrillic). */
static inline uint32_t corpus_u_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xc0 && c <= 0xde && c != 0xd7)
		return c + 32;
	if (c >= 0x410 && c <= 0x42f)
		return c + 32;
	if (c >= 0x400 && c <= 0x40f)
		return c + 80;
	return c;
}

/* Han ideographs and CJK punctuation: lines of these join without a space. */
static inline int corpus_u_cjk(uint32_t c)
{
	return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
	       (c >= 0xff00 && c <= 0xffef) || (c >= 0x20000 && c <= 0x3ffff);
}

#endif
