/*
 * tui.h — what the files of tui/ share: where the databases are, output
 * helpers for the command line, the commands themselves, and the reader.
 *
 * Exit statuses of commands: 0 success, 1 nothing found, 2 bad usage or input.
 */
#ifndef TREATY_TUI_H
#define TREATY_TUI_H

#include <stdio.h>

#include "corpus/corpus.h"

enum { TUI_OK = 0, TUI_NOTHING = 1, TUI_USAGE = 2 };

/* ---- Paths (paths.c) --------------------------------------------------- */

/*
 * The bundled corpus: $TREATY_CORPUS, else corpus.db beside the program (a
 * build tree), else $(pkgdatadir)/corpus.db.  Static storage.
 */
const char *tui_corpus_path(void);

/* The user's library: $XDG_DATA_HOME/treaty/library.db (or ~/.local/share/…). Static. */
const char *tui_library_path(void);

/* Open both databases, printing the reason to stderr on failure. */
struct corpus_store *tui_open_store(void);

/* ---- Output (output.c) ------------------------------------------------- */

/* Print text with unsafe code points made visible (never raw control bytes). */
void tui_put_text(FILE *f, const char *s);

/* Print s as a JSON string literal, quotes included (NULL prints null). */
void tui_put_json_string(FILE *f, const char *s);

/* ---- Commands (cli.c) -------------------------------------------------- */

int tui_cmd_list(int argc, char **argv);
int tui_cmd_show(int argc, char **argv);
int tui_cmd_search(int argc, char **argv);
int tui_cmd_import(int argc, char **argv);
int tui_cmd_library(int argc, char **argv);
int tui_cmd_remove(int argc, char **argv);
int tui_cmd_build_corpus(int argc, char **argv);

/* cli_refs.c */
int tui_cmd_refs(int argc, char **argv);
int tui_cmd_define(int argc, char **argv);

/* ---- The reader -------------------------------------------------------- */

/* Run the full-screen reader until the user quits. Returns an exit status. */
int tui_reader(int argc, char **argv);

#endif
