/*
 * refs-read.c — references as readers ask for them: what a provision cites,
 * who cites it (back-links, with the citing sentence and what kind of
 * document it is: a statement names its delegation), and how many
 * references of each document version were found and resolved.
 */
#include "corpus/refs.h"
#include "corpus/store-internal.h"

#include <stdlib.h>
#include <string.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids of the provision asked about and its parts (chapters do not prefix theirs). */
static int subtree(struct corpus_store *s, const char *doc, const char *lang, const char *eid,
                   char ***ids, size_t *nids, char *err, size_t errlen)
{
	struct corpus_entry *e;
	size_t n;
	int rc = corpus_get(s, doc, lang, eid, &e, &n, err, errlen);
	*ids = NULL, *nids = 0;
	if (rc != 0)
		return rc;
	*ids = calloc(n ? n : 1, sizeof **ids);
	if (!*ids) {
		corpus_entry_free(e, n);
		corpus_set_error(err, errlen, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		(*ids)[i] = e[i].eid;
		e[i].eid = NULL;
	}
	*nids = n;
	corpus_entry_free(e, n);
	qsort(*ids, n, sizeof **ids, cmp_str);
	return 0;
}

static int member(char **ids, size_t n, const char *eid)
{
	return eid && bsearch(&eid, ids, n, sizeof *ids, cmp_str) != NULL;
}

/* Is c a byte that ends a sentence or clause: ". ", ";", "؛", "。"? */
static size_t stop_at(const char *t, size_t i, size_t len)
{
	if ((t[i] == '.' || t[i] == ';' || t[i] == '!' || t[i] == '?') &&
	    (i + 1 == len || t[i + 1] == ' ' || t[i + 1] == '\n'))
		return 1;
	if (i + 1 < len && !memcmp(t + i, "\xD8\x9B", 2)) /* ؛ */
		return 2;
	if (i + 2 < len && !memcmp(t + i, "\xE3\x80\x82", 3)) /* 。 */
		return 3;
	return 0;
}

/* The sentence of text around [start, end): from after the last stop to the next. */
static char *sentence(const char *text, size_t start, size_t end)
{
	size_t len = strlen(text), a = 0, b = len, k;
	if (end > len || start > end)
		return corpus_strdup(text);
	for (size_t i = 0; i < start; i += k ? k : 1)
		if ((k = stop_at(text, i, len)) > 0)
			a = i + k;
	for (size_t i = end; i < len; i++)
		if ((k = stop_at(text, i, len)) > 0) {
			b = i + k;
			break;
		}
	while (a < b && (text[a] == ' ' || text[a] == '\n'))
		a++;
	char *s = malloc(b - a + 1);
	if (s) {
		memcpy(s, text + a, b - a);
		s[b - a] = '\0';
	}
	return s;
}

/*
 * One database's links (corpus_store_each_db), ordered by document, language,
 * provision and place in it (columns 1, 2, 15, 16).  %s is r.doc (references
 * out of a document) or r.target_doc (into it): a CASE choosing between them
 * would keep SQLite from either index and make it read every reference.
 */
static const char links_arm[] =
    "SELECT r.doc, r.lang, r.eid, r.span_start, r.span_end, r.text, r.target_doc,"
    " r.target_eid, r.resolved, r.external, p.text, r.draft, d.kind, d.delegation,"
    " p.seq, r.seq"
    " FROM {db}.reference r JOIN {db}.provision p ON p.doc=r.doc"
    "  AND p.lang=r.lang AND p.eid=r.eid"
    " JOIN {db}.document d ON d.id=r.doc AND d.lang=r.lang"
    " WHERE %s=?2 AND (?3 IS NULL OR r.lang=?3)";

static int add_link(sqlite3_stmt *st, int incoming, struct corpus_link **out, size_t *n,
                    size_t *cap)
{
	if (*n == *cap) {
		size_t nc = *cap ? *cap * 2 : 32;
		struct corpus_link *l = realloc(*out, nc * sizeof *l);
		if (!l)
			return -1;
		*out = l, *cap = nc;
	}
	struct corpus_link *l = &(*out)[*n];
	memset(l, 0, sizeof *l);
	(*n)++;
	l->incoming = incoming;
	l->doc = corpus_column_dup(st, 0);
	l->lang = corpus_column_dup(st, 1);
	l->eid = corpus_column_dup(st, 2);
	l->start = (size_t)sqlite3_column_int64(st, 3);
	l->end = (size_t)sqlite3_column_int64(st, 4);
	l->text = corpus_column_dup(st, 5);
	l->target_doc = corpus_column_dup(st, 6);
	l->target_eid = corpus_column_dup(st, 7);
	l->resolved = sqlite3_column_int(st, 8);
	l->external = sqlite3_column_int(st, 9);
	const char *ptext = (const char *)sqlite3_column_text(st, 10);
	l->sentence = sentence(ptext ? ptext : "", l->start, l->end);
	l->draft = sqlite3_column_int(st, 11);
	l->kind = corpus_column_dup(st, 12);
	l->delegation = corpus_column_dup(st, 13);
	return l->doc && l->lang && l->eid && l->text && l->sentence && l->kind &&
	               (l->delegation || sqlite3_column_type(st, 13) == SQLITE_NULL)
	           ? 0
	           : -1;
}

/* One direction: references from the subtree (out) or into it from elsewhere (in). */
static int collect(struct corpus_store *s, int incoming, const char *doc, const char *lang,
                   const char *eid, char **ids, size_t nids, struct corpus_link **out, size_t *n,
                   size_t *cap, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = 0;
	char *arm = sqlite3_mprintf(links_arm, incoming ? "r.target_doc" : "r.doc");
	if (!arm) {
		corpus_set_error(err, errlen, "out of memory");
		return -1;
	}
	st = corpus_store_each_db(s, arm, "1, 2, 15, 16", err, errlen);
	sqlite3_free(arm);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 2, doc, -1, SQLITE_STATIC);
	if (lang)
		sqlite3_bind_text(st, 3, lang, -1, SQLITE_STATIC);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		const char *from_doc = (const char *)sqlite3_column_text(st, 0);
		const char *from = (const char *)sqlite3_column_text(st, 2);
		const char *to = (const char *)sqlite3_column_text(st, 7);
		int inside = strcmp(from_doc, doc) == 0 && (!eid || member(ids, nids, from));
		if (incoming ? inside || (eid && !member(ids, nids, to)) : !inside)
			continue;
		if (add_link(st, incoming, out, n, cap) < 0) {
			corpus_set_error(err, errlen, "out of memory");
			rc = -1;
		}
	}
	sqlite3_finalize(st);
	return rc;
}

int corpus_links(struct corpus_store *s, const char *doc, const char *eid, const char *lang,
                 struct corpus_link **out, size_t *n, char *err, size_t errlen)
{
	char **ids;
	size_t nids, cap = 0;
	*out = NULL, *n = 0;
	int rc = subtree(s, doc, lang, eid, &ids, &nids, err, errlen);
	if (rc != 0)
		return rc;
	rc = collect(s, 0, doc, lang, eid, ids, nids, out, n, &cap, err, errlen);
	if (rc == 0)
		rc = collect(s, 1, doc, lang, eid, ids, nids, out, n, &cap, err, errlen);
	for (size_t i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
	if (rc < 0) {
		corpus_link_free(*out, *n);
		*out = NULL, *n = 0;
	}
	return rc;
}

void corpus_link_free(struct corpus_link *l, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(l[i].doc);
		free(l[i].lang);
		free(l[i].eid);
		free(l[i].text);
		free(l[i].sentence);
		free(l[i].target_doc);
		free(l[i].target_eid);
		free(l[i].kind);
		free(l[i].delegation);
	}
	free(l);
}

int corpus_refs_stats(struct corpus_store *s, struct corpus_refstat **out, size_t *n, char *err,
                      size_t errlen)
{
	static const char arm[] =
	    "SELECT d.id, d.lang, d.partial, count(r.rowid), coalesce(sum(r.resolved), 0),"
	    " coalesce(sum(r.external), 0), {user}"
	    " FROM {db}.document d LEFT JOIN {db}.reference r"
	    "  ON r.doc=d.id AND r.lang=d.lang"
	    " GROUP BY d.id, d.lang";
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = 0;
	*out = NULL, *n = 0;
	if (!(st = corpus_store_each_db(s, arm, "1, 2, 7", err, errlen)))
		return -1;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		if (*n == cap) {
			size_t nc = cap ? cap * 2 : 16;
			struct corpus_refstat *r = realloc(*out, nc * sizeof *r);
			if (!r) {
				rc = -1;
				break;
			}
			*out = r, cap = nc;
		}
		struct corpus_refstat *r = &(*out)[(*n)++];
		r->doc = corpus_column_dup(st, 0);
		r->lang = corpus_column_dup(st, 1);
		r->partial = sqlite3_column_int(st, 2);
		r->found = sqlite3_column_int(st, 3);
		r->resolved = sqlite3_column_int(st, 4);
		r->external = sqlite3_column_int(st, 5);
		if (!r->doc || !r->lang)
			rc = -1;
	}
	sqlite3_finalize(st);
	if (rc < 0) {
		corpus_set_error(err, errlen, "out of memory");
		corpus_refstat_free(*out, *n);
		*out = NULL, *n = 0;
	}
	return rc;
}

void corpus_refstat_free(struct corpus_refstat *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(r[i].doc);
		free(r[i].lang);
	}
	free(r);
}
