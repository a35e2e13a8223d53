/*
 * main.c — the treaty command: dispatches to a command of the command line,
 * or opens the reader when there is none.
 */
#include "config.h"
#include "i18n/nls.h"
#include "tui/tui.h"

#include <stdio.h>
#include <string.h>

/*
 * The help, one message per piece so that a change to one command leaves the
 * others' translations intact.  Synopses are never translated: they are what
 * the user types.
 */
struct usage {
	const char *synopsis, *what;
};

static const struct usage usages[] = {
    {"list [--format json]", N_("documents, languages and counts")},
    {"show DOC [PROVISION] [--lang L] [--format json]",
     N_("a provision with its parts, or a whole document;\n"
        "PROVISION: 2, art 2, 2(1)(a), art. 2, para. 1 (a),\n"
        "or an identifier such as art_2__para_1")},
    {"search QUERY [--doc D] [--lang L] [--limit N] [--format json]",
     N_("ranked hits with citation and snippet")},
    {"import FILE... [--id ID] [--lang L] [--kind K] [--title T] [--symbol S] [--date D]",
     N_("add documents to your library: plain text,\n"
        "PDF, Word (.docx) or HTML, told by content")},
    {"import FILE... [--delegation D] [--on-behalf-of G] [--meeting M]\n"
     "[--agenda-item N] [--refers-to DOC]",
     N_("a delegation's statement; these options\n"
        "imply --kind statement")},
    {"library [--format json]", N_("the documents you imported")},
    {"remove ID", N_("remove a document from your library")},
    {"refs DOC [PROVISION] [--lang L] [--format json]",
     N_("what a provision cites and what cites it")},
    {"refs --stats [--format json]", N_("references found and resolved, per document")},
    {"define [TERM] [--doc D] [--lang L] [--format json]",
     N_("a defined term's definition, or the terms")},
};

/*
 * "  synopsis" (its further lines indented more), then what it does from
 * column 44, each line of it indented alike.
 */
static void put_usage(const struct usage *u)
{
	enum { COLUMN = 44 };
	int used = 0;
	for (const char *line = u->synopsis; *line;) {
		int len = (int)strcspn(line, "\n");
		used = printf("%s%.*s", line == u->synopsis ? "  " : "\n      ", len, line) -
		       (line != u->synopsis);
		line += len + (line[len] == '\n');
	}
	if (used > COLUMN - 2) {
		putchar('\n');
		used = 0;
	}
	for (const char *line = _(u->what); *line;) {
		int len = (int)strcspn(line, "\n");
		printf("%*s%.*s\n", COLUMN - used, "", len, line);
		used = 0;
		line += len + (line[len] == '\n');
	}
}

static void put_help(void)
{
	fputs(
	    _("Usage: treaty [--ui-lang LANG] [COMMAND] [ARGS]\n"
	      "A terminal reader for the law of cybercrime. With no command, opens the reader.\n"),
	    stdout);
	printf("\n%s\n", _("Commands:"));
	for (size_t i = 0; i < sizeof usages / sizeof usages[0]; i++)
		put_usage(&usages[i]);
	printf("\n");
	fputs(_("Query language: words, \"exact phrase\", prefix*, -excluded, OR,\n"
	        "and filters doc:budapest lang:nl art:5.\n"),
	      stdout);
	printf("\n");
	fputs(_("Reader options: --goto=PLACE, --lang=CODE, --bidi=app|terminal|off,\n"
	        "--no-mouse, --ambiguous-wide; in the reader, ? lists the keys.\n"),
	      stdout);
	printf("\n");
	fputs(
	    _("Options: --help, --version, --ui-lang LANG (the language of the interface:\n"
	      "en, fr, es, ru, ar or zh; by default from LANGUAGE, LC_ALL, LC_MESSAGES, LANG).\n"),
	    stdout);
	fputs(_("Exit status: 0 success, 1 nothing found, 2 bad usage or input.\n"), stdout);
}

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
    {"list", tui_cmd_list},
    {"show", tui_cmd_show},
    {"search", tui_cmd_search},
    {"import", tui_cmd_import},
    {"library", tui_cmd_library},
    {"remove", tui_cmd_remove},
    {"build-corpus", tui_cmd_build_corpus},
    {"refs", tui_cmd_refs},
    {"define", tui_cmd_define},
};

/*
 * Take the global option --ui-lang LANG (or --ui-lang=LANG) out of argv:
 * before the command, or anywhere when there is no command, since the reader's
 * own options may come first.  Returns the last value given (NULL: none);
 * *missing is set when the option ends the line without its value.
 */
static const char *take_ui_lang(int *argc, char **argv, int *missing)
{
	const char *lang = NULL;
	int kept = 1;
	for (int i = 1; i < *argc; i++) {
		char *a = argv[i];
		int global = kept == 1 || argv[1][0] == '-';
		if (global && strcmp(a, "--ui-lang") == 0) {
			if (i + 1 < *argc)
				lang = argv[++i];
			else
				*missing = 1;
		} else if (global && strncmp(a, "--ui-lang=", 10) == 0) {
			lang = a + 10;
		} else {
			argv[kept++] = a;
		}
	}
	argv[kept] = NULL;
	*argc = kept;
	return lang;
}

int main(int argc, char **argv)
{
	char err[512];
	int missing = 0;
	const char *ui_lang = take_ui_lang(&argc, argv, &missing);
	/* The warning is in English, as the interface then is. */
	if (i18n_ui_init(ui_lang, err, sizeof err) < 0)
		fprintf(stderr, "treaty: warning: %s\n", err);
	if (missing) {
		fprintf(stderr, "treaty: %s\n", _("--ui-lang needs a language, e.g. --ui-lang fr"));
		return TUI_USAGE;
	}
	if (argc < 2)
		return tui_reader(argc, argv);
	if (strcmp(argv[1], "--version") == 0) {
		printf("treaty %s\n", PACKAGE_VERSION);
		return TUI_OK;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		put_help();
		return TUI_OK;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].run(argc - 1, argv + 1);
	if (argv[1][0] == '-')
		return tui_reader(argc, argv);
	fprintf(stderr, "treaty: ");
	fprintf(stderr, _("unknown command '%s'"), argv[1]);
	fprintf(stderr, "\n%s\n", _("Try 'treaty --help'."));
	return TUI_USAGE;
}
