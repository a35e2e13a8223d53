/*
 * links.c — the cross-references of a document, numbered for following as
 * in lynx and w3m: each reference is shown with "[n]" before it, and typing
 * n follows it.  The numbers are drawn by the reader beside the text; the
 * stored text is not changed.
 */
#include "tui/reader.h"
#include "corpus/refs.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tui_links_free(struct tui_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(l[i].text);
		free(l[i].doc);
		free(l[i].eid);
	}
	free(l);
}

/* The entry holding eid; links come in document order, so the search starts at hint. */
static int entry_of(const struct tui_doc *d, const char *eid, size_t *hint)
{
	for (size_t k = 0; k < d->n; k++) {
		size_t i = (*hint + k) % d->n;
		if (strcmp(d->e[i].eid, eid) == 0) {
			*hint = i;
			return (int)i;
		}
	}
	return -1;
}

static int by_place(const void *a, const void *b)
{
	const struct tui_link *x = a, *y = b;
	if (x->entry != y->entry)
		return x->entry < y->entry ? -1 : 1;
	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Keep one link per span (a range names several targets), and none that overlaps another. */
static size_t one_per_span(struct tui_link *l, size_t n)
{
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		struct tui_link *prev = out ? &l[out - 1] : NULL;
		if (prev && prev->entry == l[i].entry && l[i].at < prev->end) {
			if (l[i].at == prev->at && l[i].end == prev->end)
				prev->targets++;
			free(l[i].text), free(l[i].doc), free(l[i].eid);
			continue;
		}
		l[out++] = l[i];
	}
	return out;
}

int tui_links_load(struct tui_doc *d, struct corpus_store *s, char *err, size_t errlen)
{
	struct corpus_link *cl;
	size_t n, hint = 0;
	d->link = NULL;
	d->nlink = 0;
	if (corpus_links(s, d->id, NULL, d->lang, &cl, &n, err, errlen) != 0)
		return 0; /* a document without references reads as well */
	d->link = calloc(n ? n : 1, sizeof *d->link);
	if (!d->link) {
		corpus_link_free(cl, n);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct corpus_link *c = &cl[i];
		int entry;
		if (c->incoming || strcmp(c->doc, d->id) != 0 || strcmp(c->lang, d->lang) != 0 ||
		    (entry = entry_of(d, c->eid, &hint)) < 0 || !d->e[entry].text ||
		    c->end > strlen(d->e[entry].text) || c->start >= c->end)
			continue;
		struct tui_link *l = &d->link[d->nlink++];
		l->entry = entry;
		l->at = c->start;
		l->end = c->end;
		l->text = c->text ? strdup(c->text) : NULL;
		l->doc = c->target_doc ? strdup(c->target_doc) : NULL;
		l->eid = c->target_eid ? strdup(c->target_eid) : NULL;
		l->targets = 1;
		l->resolved = c->resolved;
		l->external = c->external;
		l->para = -1;
	}
	corpus_link_free(cl, n);
	qsort(d->link, d->nlink, sizeof *d->link, by_place);
	d->nlink = one_per_span(d->link, d->nlink);
	return 0;
}

char *tui_links_compose(const char *label, const char *text, struct tui_link *l, size_t n, int para,
                        int first_number, size_t *len)
{
	size_t ll = label ? strlen(label) : 0, lt = text ? strlen(text) : 0, o = 0, pos = 0;
	char *out = malloc(ll + 1 + lt + n * 24 + 1);
	if (!out)
		return NULL;
	memcpy(out, label ? label : "", ll);
	o = ll;
	if (ll && lt)
		out[o++] = ' ';
	for (size_t k = 0; k < n; k++) {
		memcpy(out + o, text + pos, l[k].at - pos);
		o += l[k].at - pos;
		l[k].number.start = o;
		o += (size_t)sprintf(out + o, "[%d]", first_number + (int)k);
		l[k].number.end = o;
		l[k].shown = (struct tui_range){o, o + (l[k].end - l[k].at)};
		l[k].para = para;
		pos = l[k].at;
	}
	if (text) {
		memcpy(out + o, text + pos, lt - pos);
		o += lt - pos;
	}
	out[o] = '\0';
	*len = o;
	return out;
}
