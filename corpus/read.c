/*
 * read.c — reading documents and provisions back from the store: the list
 * of documents and a provision with its descendants.
 */
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char *err, size_t errlen)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) == SQLITE_OK)
		return 0;
	corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
	return -1;
}

/* Grow *arr (of *cap elements of size sz) to hold n+1. */
static int grow(void *arr, size_t *cap, size_t n, size_t sz)
{
	void **a = arr;
	if (n < *cap)
		return 0;
	size_t ncap = *cap ? *cap * 2 : 16;
	void *p = realloc(*a, ncap * sz);
	if (!p)
		return -1;
	*a = p;
	*cap = ncap;
	return 0;
}

int corpus_list(struct corpus_store *store, struct corpus_docinfo **docs, size_t *n, char *err,
                size_t errlen)
{
	static const char sql[] =
	    "SELECT d.id, d.kind, d.lang, d.title, d.symbol, d.date, d.parent, d.authentic,"
	    " d.partial, {user}, d.delegation, d.on_behalf_of, d.meeting, d.agenda_item,"
	    " d.refers_to,"
	    " (SELECT count(*) FROM {db}.provision p WHERE p.doc=d.id AND p.lang=d.lang"
	    "  AND p.kind='article'),"
	    " (SELECT count(*) FROM {db}.provision p WHERE p.doc=d.id AND p.lang=d.lang),"
	    " (SELECT min(CAST(num AS INTEGER)) FROM {db}.provision p WHERE p.doc=d.id"
	    "  AND p.lang=d.lang AND p.kind='article'),"
	    " (SELECT max(CAST(num AS INTEGER)) FROM {db}.provision p WHERE p.doc=d.id"
	    "  AND p.lang=d.lang AND p.kind='article')"
	    " FROM {db}.document d";
	sqlite3_stmt *st;
	size_t cap = 0;
	*docs = NULL;
	*n = 0;
	if (!(st = corpus_store_each_db(store, sql, "10, 1 COLLATE natural_order, 3", err, errlen)))
		return -1;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow(docs, &cap, *n, sizeof **docs) < 0) {
			sqlite3_finalize(st);
			corpus_set_error(err, errlen, _("out of memory"));
			return -1;
		}
		struct corpus_docinfo *d = &(*docs)[(*n)++];
		d->id = corpus_column_dup(st, 0);
		d->kind = corpus_column_dup(st, 1);
		d->lang = corpus_column_dup(st, 2);
		d->title = corpus_column_dup(st, 3);
		d->symbol = corpus_column_dup(st, 4);
		d->date = corpus_column_dup(st, 5);
		d->parent = corpus_column_dup(st, 6);
		d->authentic = sqlite3_column_int(st, 7);
		d->partial = sqlite3_column_int(st, 8);
		d->user = sqlite3_column_int(st, 9);
		d->delegation = corpus_column_dup(st, 10);
		d->on_behalf_of = corpus_column_dup(st, 11);
		d->meeting = corpus_column_dup(st, 12);
		d->agenda_item = corpus_column_dup(st, 13);
		d->refers_to = corpus_column_dup(st, 14);
		d->articles = sqlite3_column_int(st, 15);
		d->provisions = sqlite3_column_int(st, 16);
		d->first_article = sqlite3_column_int(st, 17);
		d->last_article = sqlite3_column_int(st, 18);
	}
	if (step != SQLITE_DONE) { /* a damaged database: not "no documents" */
		corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(store->db));
		sqlite3_finalize(st);
		corpus_docinfo_free(*docs, *n);
		*docs = NULL;
		*n = 0;
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

void corpus_docinfo_free(struct corpus_docinfo *docs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct corpus_docinfo *d = &docs[i];
		free(d->id), free(d->kind), free(d->lang), free(d->title);
		free(d->symbol), free(d->date), free(d->parent);
		free(d->delegation), free(d->on_behalf_of), free(d->meeting);
		free(d->agenda_item), free(d->refers_to);
	}
	free(docs);
}

char *corpus_languages(struct corpus_store *store, const char *doc)
{
	sqlite3_stmt *st;
	char *langs = NULL;
	if (corpus_store_need(store, doc, NULL, 0) < 0)
		return NULL;
	char *sql = sqlite3_mprintf("SELECT group_concat(lang, ',') FROM (SELECT DISTINCT lang"
	                            " FROM %s WHERE id=? ORDER BY authentic DESC, lang)",
	                            corpus_store_documents(store));
	int rc = sql ? prepare(store->db, sql, &st, NULL, 0) : -1;
	sqlite3_free(sql);
	if (rc < 0)
		return NULL;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		langs = corpus_column_dup(st, 0);
	sqlite3_finalize(st);
	return langs;
}

/* The language to show doc in when none is asked for: an authentic one first. */
static char *default_lang(struct corpus_store *store, const char *doc)
{
	char *langs = corpus_languages(store, doc);
	if (langs) {
		char *comma = strchr(langs, ',');
		if (comma)
			*comma = '\0';
	}
	return langs;
}

/* "budapest has no article 99; it has articles 1–48" and its kin. */
static void explain_missing(struct corpus_store *store, const char *doc, const char *lang,
                            const char *eid, char *err, size_t errlen)
{
	struct corpus_docinfo *docs;
	size_t n;
	char *cite = corpus_eid_cite(eid, "en");
	if (corpus_list(store, &docs, &n, NULL, 0) == 0) {
		for (size_t i = 0; i < n; i++) {
			if (strcmp(docs[i].id, doc) != 0 || strcmp(docs[i].lang, lang) != 0)
				continue;
			if (strncmp(eid, "art_", 4) == 0 && !strstr(eid, "__") &&
			    docs[i].articles) {
				/* An inserted article, "art_2quater", is article "2 quater". */
				char num[64];
				size_t digits = strspn(eid + 4, "0123456789");
				snprintf(num, sizeof num, "%.*s%s%s", (int)digits, eid + 4,
				         eid[4 + digits] && digits ? " " : "", eid + 4 + digits);
				corpus_set_error(
				    err, errlen, _("%s has no article %s; it has articles %d–%d"),
				    doc, num, docs[i].first_article, docs[i].last_article);
			} else
				/* TRANSLATORS: document (language) has no citation (identifier) */
				corpus_set_error(err, errlen, _("%s (%s) has no %s (%s)"), doc,
				                 lang, cite ? cite : eid, eid);
			break;
		}
		corpus_docinfo_free(docs, n);
	}
	free(cite);
}

static enum corpus_kind kind_from_name(const char *name)
{
	for (int k = CORPUS_LONGTITLE; k <= CORPUS_BLOCK; k++)
		if (name && strcmp(corpus_kind_name((enum corpus_kind)k), name) == 0)
			return (enum corpus_kind)k;
	return CORPUS_BLOCK;
}

static int fetch_entries(sqlite3_stmt *st, struct corpus_entry **out, size_t *n, char *err,
                         size_t errlen)
{
	size_t cap = 0;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (grow(out, &cap, *n, sizeof **out) < 0) {
			corpus_set_error(err, errlen, _("out of memory"));
			return -1;
		}
		struct corpus_entry *e = &(*out)[(*n)++];
		e->doc = corpus_column_dup(st, 0);
		e->lang = corpus_column_dup(st, 1);
		e->eid = corpus_column_dup(st, 2);
		e->parent_eid = corpus_column_dup(st, 3);
		e->kind = kind_from_name((const char *)sqlite3_column_text(st, 4));
		e->num = corpus_column_dup(st, 5);
		e->label = corpus_column_dup(st, 6);
		e->heading = corpus_column_dup(st, 7);
		e->text = corpus_column_dup(st, 8);
		e->seq = sqlite3_column_int(st, 9);
		e->depth = sqlite3_column_int(st, 10);
	}
	if (step != SQLITE_DONE) { /* a damaged database: never a provision cut short */
		corpus_set_error(err, errlen, "database: %s",
		                 sqlite3_errmsg(sqlite3_db_handle(st)));
		return -1;
	}
	return 0;
}

/* Which of the two databases holds doc in lang: the library wins over the bundle. */
static int source_of(struct corpus_store *store, const char *doc, const char *lang)
{
	sqlite3_stmt *st;
	int user = -1;
	if (corpus_store_need(store, doc, NULL, 0) < 0)
		return -1;
	char *sql = sqlite3_mprintf("SELECT max(user) FROM %s WHERE id=? AND lang=?",
	                            corpus_store_documents(store));
	int rc = sql ? prepare(store->db, sql, &st, NULL, 0) : -1;
	sqlite3_free(sql);
	if (rc < 0)
		return -1;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
		user = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return user;
}

int corpus_get(struct corpus_store *store, const char *doc, const char *lang, const char *eid,
               struct corpus_entry **out, size_t *n, char *err, size_t errlen)
{
	/*
	 * A provision's subtree is the run of rows after it in document order
	 * that are deeper than it: chapters do not prefix their articles' ids.
	 * %s is the database that holds the document (source_of).
	 */
	static const char sql[] =
	    "WITH me AS (SELECT seq AS first, depth AS top FROM %s.provision WHERE"
	    "  doc=?2 AND lang=?3 AND (?4 IS NULL OR eid=?4) ORDER BY seq LIMIT 1),"
	    " stop AS (SELECT coalesce((SELECT min(p.seq) FROM %s.provision p, me"
	    "  WHERE p.doc=?2 AND p.lang=?3 AND p.seq > me.first"
	    "  AND p.depth <= me.top AND ?4 IS NOT NULL), 1 << 62) AS last)"
	    " SELECT doc, lang, eid, parent_eid, kind, num, label, heading, text, seq, depth"
	    " FROM %s.provision, me, stop WHERE doc=?2 AND lang=?3"
	    " AND seq >= me.first AND seq < stop.last ORDER BY seq";
	/* A whole document, as the reader opens one: the above would copy it once more. */
	static const char whole[] =
	    "SELECT doc, lang, eid, parent_eid, kind, num, label, heading, text, seq, depth"
	    " FROM %s.provision WHERE doc=?2 AND lang=?3 ORDER BY seq";
	char *chosen = lang ? corpus_strdup(lang) : default_lang(store, doc);
	sqlite3_stmt *st = NULL;
	int rc = -1;
	*out = NULL;
	*n = 0;
	if (!chosen) {
		corpus_set_error(err, errlen, _("no document '%s'; try: treaty list"), doc);
		return 1;
	}
	int user = source_of(store, doc, chosen);
	if (user < 0) {
		char *langs = corpus_languages(store, doc);
		if (langs)
			corpus_set_error(err, errlen,
			                 _("%s is not available in '%s'; it is in: %s"), doc,
			                 chosen, langs);
		else
			corpus_set_error(err, errlen, _("no document '%s'; try: treaty list"), doc);
		free(langs);
		free(chosen);
		return 1;
	}
	const char *schema = user ? "main" : "bundled";
	char *text =
	    eid ? sqlite3_mprintf(sql, schema, schema, schema) : sqlite3_mprintf(whole, schema);
	int prepared = text ? prepare(store->db, text, &st, err, errlen) : -1;
	sqlite3_free(text);
	if (prepared < 0) {
		if (!text)
			corpus_set_error(err, errlen, _("out of memory"));
		goto done;
	}
	sqlite3_bind_text(st, 2, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, chosen, -1, SQLITE_STATIC);
	if (eid)
		sqlite3_bind_text(st, 4, eid, -1, SQLITE_STATIC);
	if (fetch_entries(st, out, n, err, errlen) < 0) {
		corpus_entry_free(*out, *n);
		*out = NULL;
		*n = 0;
		goto done;
	}
	rc = 0;
	if (*n == 0) {
		explain_missing(store, doc, chosen, eid ? eid : "", err, errlen);
		rc = 1;
	}
done:
	sqlite3_finalize(st);
	free(chosen);
	return rc;
}

/*
 * The articles of doc (or, in a document without any, its provisions of
 * depth 0), all and those before seq: the table's kinds are read, no text.
 */
static int count_units(sqlite3 *db, const char *schema, const char *doc, const char *lang, int seq,
                       struct corpus_window *w, char *err, size_t errlen)
{
	static const char *const which[] = {"kind='article'", "depth=0"};
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st;
		char *sql = sqlite3_mprintf("SELECT count(*), coalesce(sum(seq < ?3), 0) FROM"
		                            " %s.provision WHERE doc=?1 AND lang=?2 AND %s",
		                            schema, which[i]);
		int rc = sql ? prepare(db, sql, &st, err, errlen) : -1;
		sqlite3_free(sql);
		if (rc < 0)
			return -1;
		sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, seq);
		rc = sqlite3_step(st);
		int all = sqlite3_column_int(st, 0), before = sqlite3_column_int(st, 1);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW) {
			corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
			return -1;
		}
		if (i == 0) {
			w->articles = all, w->articles_before = before;
			if (all)
				return 0;
		} else {
			w->tops = all, w->tops_before = before;
		}
	}
	return 0;
}

static void clear_entry(struct corpus_entry *e)
{
	free(e->doc), free(e->lang), free(e->eid), free(e->parent_eid);
	free(e->num), free(e->label), free(e->heading), free(e->text);
}

#define ENTRY_COLUMNS "doc, lang, eid, parent_eid, kind, num, label, heading, text, seq, depth"

/*
 * eid and its ancestors, up parent_eid (each a lookup in the unique index),
 * into *out from the end of the array of cap entries: (*out)[cap - *n …].
 * Depths are counted along parent_eid, so the ancestors are the last entries
 * before eid of each smaller depth.
 */
static int fetch_ancestry(sqlite3 *db, const char *schema, const char *doc, const char *lang,
                          const char *eid, struct corpus_entry *out, size_t cap, size_t *n,
                          char *err, size_t errlen)
{
	sqlite3_stmt *st;
	char *sql = sqlite3_mprintf("SELECT " ENTRY_COLUMNS " FROM %s.provision"
	                            " WHERE doc=?1 AND lang=?2 AND eid=?3",
	                            schema);
	int rc = sql ? prepare(db, sql, &st, err, errlen) : -1;
	sqlite3_free(sql);
	if (rc < 0)
		return -1;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, eid, -1, SQLITE_TRANSIENT);
	for (*n = 0; *n < cap;) {
		struct corpus_entry *e = NULL;
		size_t got = 0;
		if (fetch_entries(st, &e, &got, err, errlen) < 0) {
			corpus_entry_free(e, got);
			rc = -1;
			break;
		}
		if (!got)
			break;
		out[cap - ++*n] = e[0];
		free(e);
		if (!out[cap - *n].parent_eid)
			break;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 3, out[cap - *n].parent_eid, -1, SQLITE_STATIC);
	}
	sqlite3_finalize(st);
	return rc;
}

int corpus_get_window(struct corpus_store *store, const char *doc, const char *lang,
                      const char *eid, size_t count, struct corpus_entry **out, size_t *n,
                      struct corpus_window *w, char *err, size_t errlen)
{
	enum { MAX_DEPTH = 64 };
	struct corpus_entry up[MAX_DEPTH];
	char *chosen = lang ? corpus_strdup(lang) : default_lang(store, doc);
	sqlite3_stmt *st = NULL;
	size_t nup = 0;
	int rc = 1;
	*out = NULL;
	*n = 0;
	memset(w, 0, sizeof *w);
	int user = chosen ? source_of(store, doc, chosen) : -1;
	if (user < 0)
		goto done;
	const char *schema = user ? "main" : "bundled";
	rc = -1;
	if (fetch_ancestry(store->db, schema, doc, chosen, eid, up, MAX_DEPTH, &nup, err, errlen) <
	    0)
		goto done;
	/* No such provision; or a chain of parents that does not end at the top in order. */
	rc = 1;
	if (!nup || up[MAX_DEPTH - nup].parent_eid)
		goto done;
	for (size_t i = MAX_DEPTH - nup; i + 1 < MAX_DEPTH; i++)
		if (up[i].seq >= up[i + 1].seq)
			goto done;
	rc = -1;
	char *sql = sqlite3_mprintf("SELECT " ENTRY_COLUMNS " FROM %s.provision"
	                            " WHERE doc=?1 AND lang=?2 AND seq > ?3 ORDER BY seq LIMIT ?4",
	                            schema);
	int prepared = sql ? prepare(store->db, sql, &st, err, errlen) : -1;
	sqlite3_free(sql);
	if (prepared < 0)
		goto done;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, chosen, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, up[MAX_DEPTH - 1].seq);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)count);
	struct corpus_entry *after = NULL;
	size_t nafter = 0;
	if (fetch_entries(st, &after, &nafter, err, errlen) < 0) {
		corpus_entry_free(after, nafter);
		goto done;
	}
	*out = malloc((nup + nafter) * sizeof **out);
	if (!*out) {
		corpus_entry_free(after, nafter);
		corpus_set_error(err, errlen, _("out of memory"));
		goto done;
	}
	memcpy(*out, up + MAX_DEPTH - nup, nup * sizeof **out);
	if (nafter)
		memcpy(*out + nup, after, nafter * sizeof **out);
	free(after);
	*n = nup + nafter;
	nup = 0; /* now in *out */
	rc = count_units(store->db, schema, doc, chosen, (*out)[*n - nafter - 1].seq, w, err,
	                 errlen);
done:
	for (size_t i = MAX_DEPTH - nup; i < MAX_DEPTH; i++)
		clear_entry(&up[i]);
	if (rc != 0) {
		corpus_entry_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	sqlite3_finalize(st);
	free(chosen);
	return rc;
}

void corpus_entry_free(struct corpus_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		clear_entry(&e[i]);
	free(e);
}
