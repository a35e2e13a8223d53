/*
 * goto.c — what the go-to prompt understands: an optional document id, then
 * a provision as the command line takes it (the same parser, corpus_eid_parse).
 */
#include "i18n/nls.h"
#include "tui/reader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *skip_space(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

int tui_goto_parse(const char *spec, tui_is_doc is_doc, void *ctx, const char *cur_doc,
                   char doc[64], char eid[192], char *err, size_t errlen)
{
	const char *p = skip_space(spec);
	size_t wl = strcspn(p, " \t");
	char word[64], why[256];
	int named = 0;
	if (!*p) {
		snprintf(err, errlen, _("go to what? e.g. art 5(2)(b), budapest 2, uncc 7"));
		return -1;
	}
	if (wl < sizeof word) {
		/* Document ids are lowercase; people type "Budapest". */
		for (size_t i = 0; i < wl; i++)
			word[i] = (char)tolower((unsigned char)p[i]);
		word[wl] = '\0';
		named = is_doc(ctx, word);
	}
	if (named) {
		p = skip_space(p + wl);
	} else if (!cur_doc) {
		snprintf(err, errlen, _("which document? name it first, e.g. budapest 2"));
		return -1;
	}
	snprintf(doc, 64, "%s", named ? word : cur_doc);
	eid[0] = '\0';
	if (!*p)
		return 0;
	char *parsed = corpus_eid_parse(p, why, sizeof why);
	if (!parsed) {
		if (named)
			snprintf(err, errlen, "%s", why);
		else
			snprintf(err, errlen, _("%s (or name a document first: budapest 2)"), why);
		return -1;
	}
	snprintf(eid, 192, "%s", parsed);
	free(parsed);
	return 0;
}
