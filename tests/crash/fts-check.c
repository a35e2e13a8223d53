/*
 * fts-check DB — PRAGMA integrity_check, then FTS5's own integrity-check of
 * every full-text table, with the "treaty" tokenizer registered (the sqlite3
 * shell does not have it).  Prints "ok", or what is wrong; exits 0 or 1.
 */
#include "i18n/i18n.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

static int report(sqlite3 *db, const char *what)
{
	printf("%s: %s\n", what, sqlite3_errmsg(db));
	sqlite3_close(db);
	return 1;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char err[256];
	if (argc != 2) {
		fprintf(stderr, "usage: fts-check DB\n");
		return 2;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		return report(db, argv[1]);
	if (i18n_fts5_register(db, err, sizeof err) < 0) {
		printf("tokenizer: %s\n", err);
		return 1;
	}
	if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return report(db, "integrity_check");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(r, "ok") != 0) {
			printf("integrity_check: %s\n", r);
			sqlite3_finalize(st);
			sqlite3_close(db);
			return 1;
		}
	}
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(db,
	                       "SELECT name FROM sqlite_master WHERE type='table'"
	                       " AND name GLOB 'fts_*' AND name NOT GLOB 'fts_*_*'",
	                       -1, &st, NULL) != SQLITE_OK)
		return report(db, "tables");
	int bad = 0;
	while (!bad && sqlite3_step(st) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("INSERT INTO \"%w\"(\"%w\") VALUES('integrity-check')",
		                            sqlite3_column_text(st, 0), sqlite3_column_text(st, 0));
		if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
			printf("%s: %s\n", (const char *)sqlite3_column_text(st, 0),
			       sqlite3_errmsg(db));
			bad = 1;
		}
		sqlite3_free(sql);
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	if (!bad)
		printf("ok\n");
	return bad;
}
