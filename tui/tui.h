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

/*
 * The converter of PDF, Word and HTML: $TREATY_CONVERT, else treaty-convert
 * beside the program, else $(pkglibexecdir)/treaty-convert.  Static storage.
 */
const char *tui_converter_path(void);

/* The user's library: $XDG_DATA_HOME/treaty/library.db (or ~/.local/share/…). Static. */
const char *tui_library_path(void);

/*
 * Nonzero when the user's library exists but cannot be used (damaged, of a
 * newer version): tui_open_store() has warned, and it is not "empty".
 */
int tui_library_unusable(struct corpus_store *s);

/* Open both databases, printing the reason to stderr on failure. */
struct corpus_store *tui_open_store(void);

/*
 * The reader's: the same, but the library may be left for later
 * (corpus_store_open_deferred), and a library that cannot be used is told by
 * the reader, whose screen would hide a warning written now.
 */
struct corpus_store *tui_open_store_deferred(void);

/* ---- Output (output.c) ------------------------------------------------- */

/* Print text with unsafe code points made visible (never raw control bytes). */
void tui_put_text(FILE *f, const char *s);

/* Print s as a JSON string literal, quotes included (NULL prints null). */
void tui_put_json_string(FILE *f, const char *s);

/* ---- Options (options.c) ----------------------------------------------- */

/* The options of every command; each command reads the ones it takes. */
struct tui_options {
	const char *lang, *doc, *format, *id, *kind, *title, *manifest, *src, *out;
	const char *symbol, *date; /* import: metadata the file does not carry */
	const char *delegation, *on_behalf_of, *meeting, *agenda_item, *refers_to; /* statements */
	int limit;
	int json;    /* --format json */
	int stats;   /* --stats */
	char **args; /* the arguments that are not options, in order (points into argv) */
	int nargs;
};

/*
 * Long options ("--lang nl" or "--lang=nl") anywhere; everything else is an
 * argument, so a query word like "-excluded" is never taken for an option.
 * "--" ends the options.  Release o->args with free().  Returns TUI_OK or
 * TUI_USAGE after printing why.
 */
int tui_parse_options(const char *cmd, int argc, char **argv, struct tui_options *o);

/* Parse the options, run the command with them, release them. */
int tui_with_options(const char *cmd, int argc, char **argv,
		     int (*run)(const struct tui_options *o));

/* Print "treaty CMD: msg" and a pointer to --help; returns TUI_USAGE. */
int tui_usage_error(const char *cmd, const char *msg);

/* The arguments from index from on, joined with spaces. Caller frees. */
char *tui_join_args(const struct tui_options *o, int from);

/*
 * The provision named by the arguments from index from on ("art. 2, para. 1")
 * as an eid into *eid (NULL when there are none; caller frees).  TUI_USAGE,
 * with the reason printed, when they do not name a provision.
 */
int tui_provision_arg(const struct tui_options *o, int from, char **eid);

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
