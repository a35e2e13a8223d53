/*
 * main.c — the treaty command: dispatches to a command of the command line,
 * or opens the reader when there is none.
 */
#include "config.h"
#include "tui/tui.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

static const char help[] =
	"Usage: treaty [COMMAND] [ARGS]\n"
	"A terminal reader for the law of cybercrime. With no command, opens the reader.\n"
	"\n"
	"Commands:\n"
	"  list [--format json]                      documents, languages and counts\n"
	"  show DOC [PROVISION] [--lang L] [--format json]\n"
	"                                            a provision with its parts, or a whole document;\n"
	"                                            PROVISION: 2, art 2, 2(1)(a), art. 2, para. 1 (a),\n"
	"                                            or an identifier such as art_2__para_1\n"
	"  search QUERY [--doc D] [--lang L] [--limit N] [--format json]\n"
	"                                            ranked hits with citation and snippet\n"
	"  import FILE... [--id ID] [--lang L] [--kind K] [--title T] [--symbol S] [--date D]\n"
	"                                            add documents to your library: plain text,\n"
	"                                            PDF, Word (.docx) or HTML, told by content\n"
	"         statements: [--delegation D] [--on-behalf-of G] [--meeting M]\n"
	"                     [--agenda-item N] [--refers-to DOC]   (imply --kind statement)\n"
	"  library [--format json]                   the documents you imported\n"
	"  remove ID                                 remove a document from your library\n"
	"  refs DOC [PROVISION] [--lang L] [--format json]\n"
	"                                            what a provision cites and what cites it\n"
	"  refs --stats [--format json]              references found and resolved, per document\n"
	"  define [TERM] [--doc D] [--lang L] [--format json]\n"
	"                                            a defined term's definition, or the terms\n"
	"\n"
	"Query language: words, \"exact phrase\", prefix*, -excluded, OR,\n"
	"and filters doc:budapest lang:nl art:5.\n"
	"\n"
	"Options: --help, --version.\n"
	"Exit status: 0 success, 1 nothing found, 2 bad usage or input.\n";

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
	{"list", tui_cmd_list},       {"show", tui_cmd_show},
	{"search", tui_cmd_search},   {"import", tui_cmd_import},
	{"library", tui_cmd_library}, {"remove", tui_cmd_remove},
	{"build-corpus", tui_cmd_build_corpus}, {"refs", tui_cmd_refs}, {"define", tui_cmd_define},
};

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc < 2)
		return tui_reader(argc, argv);
	if (strcmp(argv[1], "--version") == 0) {
		printf("treaty %s\n", PACKAGE_VERSION);
		return TUI_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		fputs(help, stdout);
		return TUI_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return tui_reader(argc, argv);
	fprintf(stderr, "treaty: unknown command '%s'\nTry 'treaty --help'.\n", argv[1]);
	return TUI_USAGE;
}
