/*
 * refs-store.c — references in the database: found in the provisions of a
 * document as it is written (in the writer's transaction), then checked
 * against what the corpus holds, so that "article 99" is kept but marked
 * unresolved.  A statement's citations point into the document it discusses.
 */
#include "corpus/refs.h"
#include "corpus/store-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int db_error(sqlite3 *db, char *err, size_t errlen)
{
	corpus_set_error(err, errlen, "database: %s", sqlite3_errmsg(db));
	return -1;
}

/* What a document version's references resolve against. */
struct doc_place {
	char *parent;    /* the convention a protocol belongs to */
	char *refers_to; /* the document a statement discusses */
	int commentary;  /* no articles of its own: a statement, a press report */
};

static int place_of(sqlite3 *db, const char *doc, const char *lang, struct doc_place *pl)
{
	sqlite3_stmt *st;
	int rc = 0;
	memset(pl, 0, sizeof *pl);
	if (sqlite3_prepare_v2(db,
	                       "SELECT parent, refers_to, NOT EXISTS(SELECT 1 FROM main.provision p"
	                       "  WHERE p.doc=d.id AND p.lang=d.lang AND p.kind='article')"
	                       " FROM main.document d WHERE id=? AND lang=?",
	                       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		pl->parent = corpus_column_dup(st, 0);
		pl->refers_to = corpus_column_dup(st, 1);
		pl->commentary = sqlite3_column_int(st, 2);
		if ((!pl->parent && sqlite3_column_type(st, 0) != SQLITE_NULL) ||
		    (!pl->refers_to && sqlite3_column_type(st, 1) != SQLITE_NULL))
			rc = -1;
	}
	sqlite3_finalize(st);
	return rc;
}

static int insert_refs(sqlite3_stmt *ins, const struct corpus_ref_ctx *ctx,
                       const struct corpus_ref *r, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(ins, 1, ctx->doc, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 2, ctx->lang, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, ctx->eid, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins, 4, (sqlite3_int64)i);
		sqlite3_bind_int64(ins, 5, (sqlite3_int64)r[i].start);
		sqlite3_bind_int64(ins, 6, (sqlite3_int64)r[i].end);
		sqlite3_bind_text(ins, 7, r[i].text, -1, SQLITE_STATIC);
		if (r[i].target_doc)
			sqlite3_bind_text(ins, 8, r[i].target_doc, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 8);
		if (r[i].target_eid)
			sqlite3_bind_text(ins, 9, r[i].target_eid, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 9);
		sqlite3_bind_int(ins, 10, r[i].resolved);
		sqlite3_bind_int(ins, 11, r[i].external);
		sqlite3_bind_int(ins, 12, r[i].draft);
		if (sqlite3_step(ins) != SQLITE_DONE)
			return -1;
		sqlite3_reset(ins);
	}
	return 0;
}

int corpus_refs_write(sqlite3 *db, const char *doc, const char *lang, char *err, size_t errlen)
{
	sqlite3_stmt *sel = NULL, *ins = NULL;
	struct doc_place pl;
	char *chapter = NULL;
	int rc = -1;
	if (place_of(db, doc, lang, &pl) < 0) {
		db_error(db, err, errlen);
		goto done;
	}
	if (sqlite3_prepare_v2(db,
	                       "SELECT eid, kind, text FROM main.provision WHERE doc=? AND lang=?"
	                       " ORDER BY seq",
	                       -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(
	        db,
	        "INSERT INTO main.reference(doc, lang, eid, seq, span_start, span_end,"
	        " text, target_doc, target_eid, determined, resolved, external, draft)"
	        " VALUES(?,?,?,?,?,?,?,?,?,?,?10,?11,?12)",
	        -1, &ins, NULL) != SQLITE_OK) {
		db_error(db, err, errlen);
		goto done;
	}
	sqlite3_bind_text(sel, 1, doc, -1, SQLITE_STATIC);
	sqlite3_bind_text(sel, 2, lang, -1, SQLITE_STATIC);
	while (sqlite3_step(sel) == SQLITE_ROW) {
		const char *eid = (const char *)sqlite3_column_text(sel, 0);
		const char *kind = (const char *)sqlite3_column_text(sel, 1);
		const char *text = (const char *)sqlite3_column_text(sel, 2);
		struct corpus_ref *r;
		size_t n;
		/* provisions follow their chapter in document order, up to the next one */
		if (strcmp(kind, "chapter") == 0 || strcmp(kind, "conclusions") == 0) {
			free(chapter);
			chapter = strcmp(kind, "chapter") == 0 ? corpus_strdup(eid) : NULL;
		}
		struct corpus_ref_ctx ctx = {lang,    doc,          pl.parent,    eid,
		                             chapter, pl.refers_to, pl.commentary};
		int found = corpus_refs_find(text, (size_t)sqlite3_column_bytes(sel, 2), &ctx, &r,
		                             &n, err, errlen);
		if (found == 1) { /* no grammar for this language: no references, no error */
			rc = 0;
			goto done;
		}
		if (found < 0)
			goto done;
		int w = insert_refs(ins, &ctx, r, n);
		corpus_refs_free(r, n);
		if (w < 0) {
			db_error(db, err, errlen);
			goto done;
		}
	}
	rc = 0;
done:
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	free(pl.parent);
	free(pl.refers_to);
	free(chapter);
	return rc;
}

int corpus_refs_check(sqlite3 *db, const char *doc, int with_bundled, char *err, size_t errlen)
{
	/* a provision exists when some language version has it; a document, when it is there */
	char *sql = sqlite3_mprintf(
	    "UPDATE main.reference SET resolved = determined AND CASE"
	    " WHEN target_eid IS NULL THEN"
	    "  EXISTS(SELECT 1 FROM main.document d WHERE d.id=target_doc)%s"
	    " ELSE"
	    "  EXISTS(SELECT 1 FROM main.provision p WHERE p.doc=target_doc AND p.eid=target_eid)%s"
	    " END%s",
	    with_bundled ? " OR EXISTS(SELECT 1 FROM bundled.document d WHERE d.id=target_doc)"
	                 : "",
	    with_bundled ? " OR EXISTS(SELECT 1 FROM bundled.provision p"
	                   " WHERE p.doc=target_doc AND p.eid=target_eid)"
	                 : "",
	    /* "?1 IS NULL OR …" would make SQLite scan every reference at every import */
	    doc ? " WHERE doc=?1 OR target_doc=?1" : "");
	sqlite3_stmt *st = NULL;
	int rc = -1;
	if (sql && sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (doc)
			sqlite3_bind_text(st, 1, doc, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	if (rc < 0)
		db_error(db, err, errlen);
	sqlite3_finalize(st);
	sqlite3_free(sql);
	return rc;
}

int corpus_refs_migrate(sqlite3 *db, int version, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;
	char *msg = NULL, pragma[64];
	/* found again from the provisions: the recogniser may have learnt since */
	if (sqlite3_exec(db, "BEGIN; DROP TABLE IF EXISTS main.reference;" CORPUS_REFS_SCHEMA, NULL,
	                 NULL, &msg) != SQLITE_OK) {
		corpus_set_error(err, errlen, "database: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	if (sqlite3_prepare_v2(db, "SELECT id, lang FROM main.document", -1, &st, NULL) !=
	    SQLITE_OK)
		rc = db_error(db, err, errlen);
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		char *id = corpus_column_dup(st, 0), *lang = corpus_column_dup(st, 1);
		rc = id && lang ? corpus_refs_write(db, id, lang, err, errlen) : -1;
		free(id);
		free(lang);
	}
	sqlite3_finalize(st);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d; COMMIT", version);
	if (rc == 0 && sqlite3_exec(db, pragma, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}
