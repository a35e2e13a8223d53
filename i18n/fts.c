/*
 * fts.c — the search analysis chain for FTS5.
 *
 * Until the ICU tokenizer lands, every FTS table uses SQLite's unicode61 with
 * diacritics removed.  The store asks this file for the tokenize= option, so
 * the switch happens here and nowhere else.
 */
#include "i18n/i18n.h"

#include <sqlite3.h>

int i18n_fts5_register(struct sqlite3 *db, char *err, size_t errlen)
{
	(void)db, (void)err, (void)errlen;
	return 0;
}

const char *i18n_fts5_tokenize_spec(const char *lang)
{
	(void)lang;
	return "unicode61 remove_diacritics 2";
}
