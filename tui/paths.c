/*
 * paths.c — where treaty finds its databases and its converter.
 *
 * The program must work from a build tree without installing, so the bundled
 * corpus and treaty-convert are looked for beside the executable before the
 * installed location.
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

/*
 * name beside the executable (libtool-free builds put the programs and the
 * corpus at the top of the build tree) when it is there, else in dir.
 */
static const char *beside_program(char path[PATH_MAX], const char *name, const char *dir)
{
	ssize_t n = readlink("/proc/self/exe", path, PATH_MAX - 32);
	if (n > 0) {
		path[n] = '\0';
		char *slash = strrchr(path, '/');
		if (slash) {
			snprintf(slash + 1, 32, "%s", name);
			if (exists(path))
				return path;
		}
	}
	snprintf(path, PATH_MAX, "%s/%s", dir, name);
	return path;
}

const char *tui_corpus_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("TREATY_CORPUS");
	return env && *env ? env : beside_program(path, "corpus.db", PKGDATADIR);
}

const char *tui_converter_path(void)
{
	static char path[PATH_MAX];
	const char *env = getenv("TREATY_CONVERT");
	return env && *env ? env : beside_program(path, "treaty-convert", PKGLIBEXECDIR);
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

/* Before the screen is the reader's, or for a command: why nothing moves, on stderr. */
static void tell_upgrade(void *unused)
{
	(void)unused;
	fputs(_("treaty: updating your library for this version (once; a large library takes a"
	        " while)\n"),
	      stderr);
}

struct corpus_store *tui_open_store(void)
{
	char err[1024];
	corpus_set_upgrade_notice(tell_upgrade, NULL, NULL);
	struct corpus_store *s =
	    corpus_store_open(tui_corpus_path(), tui_library_path(), err, sizeof err);
	if (!s)
		fprintf(stderr, "treaty: %s\n", err);
	else if (tui_library_unusable(s)) /* its documents would vanish without a word */
		fprintf(stderr, _("treaty: warning: your library is not in use: %s\n"),
		        corpus_store_library_error(s));
	return s;
}

struct corpus_store *tui_open_store_deferred(void)
{
	char err[1024];
	const char *lib = tui_library_path();
	corpus_set_upgrade_notice(tell_upgrade, NULL, NULL);
	struct corpus_store *s =
	    corpus_store_open_deferred(tui_corpus_path(), lib, err, sizeof err);
	if (!s)
		fprintf(stderr, "treaty: %s\n", err);
	return s;
}
