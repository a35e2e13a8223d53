/*
 * place.c — places, the history of places, and the place kept between
 * sessions, so that a reader never loses where they were.
 */
#include "tui/reader.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void tui_place_set(struct tui_place *p, const char *doc, const char *lang, const char *eid)
{
	snprintf(p->doc, sizeof p->doc, "%s", doc ? doc : "");
	snprintf(p->lang, sizeof p->lang, "%s", lang ? lang : "");
	snprintf(p->eid, sizeof p->eid, "%s", eid ? eid : "");
	p->part = 0;
	p->byte = 0;
}

int tui_history_init(struct tui_history *h, const struct tui_place *start)
{
	h->cap = 16;
	h->at = malloc(h->cap * sizeof *h->at);
	if (!h->at)
		return -1;
	h->at[0] = *start;
	h->n = 1;
	h->pos = 0;
	return 0;
}

void tui_history_free(struct tui_history *h)
{
	free(h->at);
	memset(h, 0, sizeof *h);
}

int tui_history_push(struct tui_history *h, const struct tui_place *here,
                     const struct tui_place *to)
{
	if (h->pos + 2 > h->cap) {
		struct tui_place *p = realloc(h->at, h->cap * 2 * sizeof *p);
		if (!p)
			return -1;
		h->at = p;
		h->cap *= 2;
	}
	h->at[h->pos] = *here;
	h->at[++h->pos] = *to;
	h->n = h->pos + 1;
	return 0;
}

int tui_history_back(struct tui_history *h, const struct tui_place *here, struct tui_place *to)
{
	if (h->pos == 0)
		return 1;
	h->at[h->pos--] = *here;
	*to = h->at[h->pos];
	return 0;
}

int tui_history_forward(struct tui_history *h, const struct tui_place *here, struct tui_place *to)
{
	if (h->pos + 1 >= h->n)
		return 1;
	h->at[h->pos++] = *here;
	*to = h->at[h->pos];
	return 0;
}

/* The file holds one line: doc, language, eid, part and byte, separated by tabs. */
int tui_place_load(const char *path, struct tui_place *p)
{
	char line[512];
	FILE *f = path ? fopen(path, "r") : NULL;
	if (!f)
		return 1;
	char *ok = fgets(line, sizeof line, f);
	fclose(f);
	if (!ok)
		return 1;
	line[strcspn(line, "\n")] = '\0';
	char *doc = strtok(line, "\t"), *lang = strtok(NULL, "\t"), *eid = strtok(NULL, "\t");
	char *part = strtok(NULL, "\t"), *byte = strtok(NULL, "\t");
	if (!doc || !lang || !eid || !part || !byte)
		return 1;
	tui_place_set(p, doc, lang, strcmp(eid, "-") == 0 ? "" : eid);
	p->part = atoi(part);
	p->byte = atoi(byte);
	return 0;
}

int tui_place_save(const char *path, const struct tui_place *p, char *err, size_t errlen)
{
	char tmp[4096];
	if (!path || !*p->doc)
		return 0;
	/* The directory is the library's, which may not exist yet when nothing was imported. */
	snprintf(tmp, sizeof tmp, "%s", path);
	char *slash = strrchr(tmp, '/');
	if (slash && slash != tmp) {
		*slash = '\0';
		if (mkdir(tmp, 0700) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
			return -1;
		}
	}
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "w");
	if (!f) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		return -1;
	}
	fprintf(f, "%s\t%s\t%s\t%d\t%d\n", p->doc, p->lang, *p->eid ? p->eid : "-", p->part,
	        p->byte);
	if (fclose(f) != 0 || rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		remove(tmp);
		return -1;
	}
	return 0;
}
