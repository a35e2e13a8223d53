/*
 * nls.c — choosing the language of the interface at start-up.
 *
 * --ui-lang works through LANGUAGE, which gettext reads before LC_ALL,
 * LC_MESSAGES and LANG.  glibc ignores LANGUAGE while the locale of messages is
 * "C" or "POSIX" (by POSIX, such programs must speak the default language), so
 * under those, and only when the user asked for a language, LC_MESSAGES alone
 * moves to C.UTF-8: it is still the C locale for everything else, but its name
 * lets LANGUAGE through.  Catalogues are bound with UTF-8 output, because the
 * whole program writes UTF-8 even when LC_CTYPE is ASCII.
 */
#include "i18n/nls.h"

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * "fr", "FR", "zh-CN" → "fr", "fr", "zh_CN" in out; -1 when s cannot be a
 * language code (which also keeps path separators out of the lookups below).
 */
static int normalise(const char *s, char out[16])
{
	size_t n = strlen(s), lang = strcspn(s, "_-");
	if (lang < 2 || lang > 3 || n >= 16 || n == lang + 1)
		return -1;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i == lang)
			out[i] = '_';
		else if (isalpha(c) && c < 0x80)
			out[i] = (char)(i < lang ? tolower(c) : c);
		else
			return -1;
	}
	out[n] = '\0';
	return 0;
}

#if ENABLE_NLS

/*
 * Catalogues built into po/locale beside the program (po/local.mk) when it
 * runs from its build tree, the way tui/paths.c finds corpus.db; otherwise
 * the installed ones.  Static storage.
 */
static const char *catalogue_dir(void)
{
	static char dir[PATH_MAX];
	struct stat sb;
	ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 16);
	if (n > 0) {
		dir[n] = '\0';
		char *slash = strrchr(dir, '/');
		if (slash) {
			strcpy(slash + 1, "po/locale");
			if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
				return dir;
		}
	}
	return LOCALEDIR;
}

static int has_catalogue(const char *dir, const char *lang)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/%s.mo", dir, lang, PACKAGE);
	return n > 0 && (size_t)n < sizeof path && access(path, R_OK) == 0;
}

/* What gettext will find for lang: "zh_CN" falls back to "zh", as gettext does. */
static int speaks(const char *dir, const char *lang)
{
	char base[16];
	if (strncmp(lang, "en", 2) == 0 && (!lang[2] || lang[2] == '_'))
		return 1; /* the source language needs no catalogue */
	if (has_catalogue(dir, lang))
		return 1;
	snprintf(base, sizeof base, "%.*s", (int)strcspn(lang, "_"), lang);
	return has_catalogue(dir, base);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "en" and every language with a catalogue in dir, sorted, into out. */
static void list_languages(const char *dir, char *out, size_t outlen)
{
	char *names[64];
	size_t n = 0;
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && n < sizeof names / sizeof names[0] && (e = readdir(d)))
		if (e->d_name[0] != '.' && strcmp(e->d_name, "en") != 0 &&
		    has_catalogue(dir, e->d_name) && (names[n] = strdup(e->d_name)))
			n++;
	if (d)
		closedir(d);
	qsort(names, n, sizeof names[0], by_name);
	snprintf(out, outlen, "en");
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(out);
		snprintf(out + used, outlen - used, " %s", names[i]);
		free(names[i]);
	}
}

/* Let LANGUAGE through: under "C" or "POSIX", messages alone move to a UTF-8 C locale. */
static int messages_follow_language(void)
{
	static const char *const utf8[] = {"C.UTF-8", "C.utf8", "en_US.UTF-8"};
	const char *now = setlocale(LC_MESSAGES, NULL);
	if (now && strcmp(now, "C") != 0 && strcmp(now, "POSIX") != 0)
		return 0;
	for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
		if (setlocale(LC_MESSAGES, utf8[i]))
			return 0;
	return -1;
}

/*
 * The user's locale, for the two categories the program uses: the character
 * set (curses' UTF-8, ctype) and the messages.  The others stay "C", as
 * nothing formats numbers, dates or sorts by them, and each is a file to load
 * at every start.
 */
static void user_locale(void)
{
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
}

int i18n_ui_init(const char *ui_lang, char *err, size_t errlen)
{
	char lang[16], known[256];
	user_locale();
	const char *dir = catalogue_dir();
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	if (!ui_lang)
		return 0;
	if (normalise(ui_lang, lang) < 0 || !speaks(dir, lang)) {
		setenv("LANGUAGE", "en", 1);
		list_languages(dir, known, sizeof known);
		snprintf(err, errlen,
		         "--ui-lang %s: no such interface language (there are: %s); "
		         "using English",
		         ui_lang, known);
		return -1;
	}
	setenv("LANGUAGE", lang, 1);
	if (messages_follow_language() < 0) {
		snprintf(err, errlen,
		         "--ui-lang %s: no UTF-8 locale (C.UTF-8) to show it in; "
		         "using English",
		         ui_lang);
		return -1;
	}
	return 0;
}

#else /* built with --disable-nls */

int i18n_ui_init(const char *ui_lang, char *err, size_t errlen)
{
	char lang[16];
	setlocale(LC_CTYPE, ""); /* as user_locale(): messages are not translated here */
	if (!ui_lang || (normalise(ui_lang, lang) == 0 && strncmp(lang, "en", 2) == 0 &&
	                 (!lang[2] || lang[2] == '_')))
		return 0;
	snprintf(err, errlen,
	         "--ui-lang %s: this build has no translations (configured with "
	         "--disable-nls); using English",
	         ui_lang);
	return -1;
}

#endif
