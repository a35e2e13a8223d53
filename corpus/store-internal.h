/*
 * store-internal.h — what the files of corpus/ share and nobody else sees:
 * the store's innards and small helpers for strings and messages.
 */
#ifndef TREATY_STORE_INTERNAL_H
#define TREATY_STORE_INTERNAL_H

#include "corpus/corpus.h"

#include <sqlite3.h>

struct corpus_store {
	sqlite3 *db;  /* main: the library (or an in-memory stand-in); "bundled" attached */
	int bundled;  /* a bundled corpus is attached */
	int library;  /* main is the user's library on disk */
	char library_error[512];
};

/* printf into err[errlen] when err is not NULL. */
void corpus_set_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* strdup that accepts NULL (returns NULL).  Caller frees. */
char *corpus_strdup(const char *s);

/* A copy of a text column, NULL for SQL NULL.  Caller frees. */
char *corpus_column_dup(sqlite3_stmt *st, int col);

/* Nonzero for a plausible ISO 639 code: 2 or 3 lowercase ASCII letters. */
int corpus_lang_ok(const char *lang);

#endif
