/*
 * paths.c — where treaty finds its databases.
 *
 * The program must work from a build tree without installing, so the bundled
 * corpus is looked for beside the executable before the installed location.
 */
#include "config.h"
#include "tui/tui.h"
#include "i18n/nls.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

const char *tui_corpus_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("TREATY_CORPUS");
	if (env && *env)
		return env;
	ssize_t n = readlink("/proc/self/exe", path, sizeof path - 16);
	if (n > 0) {
		path[n] = '\0';
		char *slash = strrchr(path, '/');
		if (slash) {
			/* libtool-free builds put the binary at the top of the build tree */
			strcpy(slash + 1, "corpus.db");
			if (exists(path))
				return path;
		}
	}
	snprintf(path, sizeof path, "%s/corpus.db", PKGDATADIR);
	return path;
}

const char *tui_library_path(void)
{
	static char path[PATH_MAX];
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && *data == '/')
		snprintf(path, sizeof path, "%s/treaty/library.db", data);
	else if (home && *home)
		snprintf(path, sizeof path, "%s/.local/share/treaty/library.db", home);
	else
		return NULL;
	return path;
}

int tui_library_unusable(struct corpus_store *s)
{
	const char *path = tui_library_path();
	return corpus_store_library_error(s) && path && exists(path);
}

struct corpus_store *tui_open_store(void)
{
	char err[1024];
	struct corpus_store *s =
	    corpus_store_open(tui_corpus_path(), tui_library_path(), err, sizeof err);
	if (!s)
		fprintf(stderr, "treaty: %s\n", err);
	else if (tui_library_unusable(s)) /* its documents would vanish without a word */
		fprintf(stderr, _("treaty: warning: your library is not in use: %s\n"),
		        corpus_store_library_error(s));
	return s;
}
