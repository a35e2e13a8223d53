/*
 * snippet.c — a search snippet as the results list draws it: the store's
 * marks taken out, and where they were.
 */
#include "tui/reader.h"

#include <stdlib.h>
#include <string.h>

char *tui_snippet_plain(const char *snippet, struct tui_range **ranges, size_t *n)
{
	size_t len = strlen(snippet), o = 0, cap = 0;
	char *plain = malloc(len + 1);
	*ranges = NULL;
	*n = 0;
	if (!plain)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (snippet[i] == CORPUS_MARK_START[0]) {
			if (*n == cap) {
				cap = cap ? cap * 2 : 8;
				struct tui_range *p = realloc(*ranges, cap * sizeof *p);
				if (!p)
					break;
				*ranges = p;
			}
			(*ranges)[(*n)++] = (struct tui_range){o, o};
		} else if (snippet[i] == CORPUS_MARK_END[0]) {
			if (*n)
				(*ranges)[*n - 1].end = o;
		} else {
			plain[o++] = snippet[i];
		}
	}
	plain[o] = '\0';
	return plain;
}
