/*
 * manifest.c — the list of documents the build knows (corpus/manifest.tsv).
 *
 * The manifest holds facts about each source, never its text: the hash pins
 * the exact bytes that were checked, so an altered text is refused rather
 * than indexed.
 */
#include "corpus/store-internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
	F_ID,
	F_KIND,
	F_LANG,
	F_AUTH,
	F_PARTIAL,
	F_ARTICLES,
	F_PARENT,
	F_SYMBOL,
	F_DATE,
	F_FILE,
	F_SHA,
	F_TITLE,
	NFIELDS
};

static char *field(char *s)
{
	return strcmp(s, "-") == 0 ? NULL : corpus_strdup(s);
}

static int parse_line(char *line, struct corpus_manifest_entry *e)
{
	char *f[NFIELDS];
	int n = 0;
	for (char *p = line; n < NFIELDS; n++) {
		f[n] = p;
		char *tab = strchr(p, '\t');
		if (!tab) {
			n++;
			break;
		}
		*tab = '\0';
		p = tab + 1;
	}
	if (n != NFIELDS || strlen(f[F_SHA]) != 64 || !corpus_lang_ok(f[F_LANG]))
		return -1;
	memset(e, 0, sizeof *e);
	e->id = field(f[F_ID]);
	e->kind = field(f[F_KIND]);
	e->lang = field(f[F_LANG]);
	e->authentic = atoi(f[F_AUTH]);
	e->partial = atoi(f[F_PARTIAL]);
	e->articles = atoi(f[F_ARTICLES]);
	e->parent = field(f[F_PARENT]);
	e->symbol = field(f[F_SYMBOL]);
	e->date = field(f[F_DATE]);
	e->file = field(f[F_FILE]);
	e->sha256 = field(f[F_SHA]);
	e->title = field(f[F_TITLE]);
	return e->id && e->file ? 0 : -1;
}

int corpus_manifest_read(const char *path, struct corpus_manifest_entry **out, size_t *n, char *err,
                         size_t errlen)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	int lineno = 0;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (!f) {
		corpus_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f)) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			void *p = realloc(*out, cap * sizeof **out);
			if (!p)
				goto fail_mem;
			*out = p;
		}
		if (parse_line(line, &(*out)[*n]) < 0) {
			corpus_set_error(err, errlen,
			                 "%s:%d: expected %d tab-separated fields with a language"
			                 " code and a SHA-256",
			                 path, lineno, NFIELDS);
			fclose(f);
			corpus_manifest_free(*out, *n);
			*out = NULL;
			*n = 0;
			return -1;
		}
		(*n)++;
	}
	fclose(f);
	return 0;
fail_mem:
	fclose(f);
	corpus_set_error(err, errlen, "out of memory");
	return -1;
}

void corpus_manifest_free(struct corpus_manifest_entry *m, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(m[i].id), free(m[i].kind), free(m[i].lang), free(m[i].title);
		free(m[i].symbol), free(m[i].date), free(m[i].parent), free(m[i].file);
		free(m[i].sha256);
	}
	free(m);
}
