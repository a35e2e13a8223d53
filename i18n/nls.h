/*
 * nls.h — the language of the interface (gettext): marking messages, and
 * choosing the catalogue at start-up.
 *
 * Mark a message shown to the user with _("…") where it is used, N_("…") in a
 * static table (translate it with _() where it is printed), and P_(one, many, n)
 * when it holds a count.  Every file that marks messages is listed in
 * po/POTFILES.in.  English is the source language; the catalogues are in po/.
 * Messages are looked up in treaty's own domain, so this works in any module
 * whatever textdomain() says, and returns the English text until
 * i18n_ui_init() has run (unit tests never see a translation).
 */
#ifndef TREATY_I18N_NLS_H
#define TREATY_I18N_NLS_H

#include "config.h" /* ENABLE_NLS, PACKAGE */

#include <stddef.h>

#if ENABLE_NLS
#include <libintl.h>
#define _(msgid) dgettext(PACKAGE, msgid)
#define P_(one, many, n) dngettext(PACKAGE, one, many, n)
#else
#define _(msgid) ((const char *)(msgid))
#define P_(one, many, n) ((n) == 1 ? (const char *)(one) : (const char *)(many))
#endif
#define N_(msgid) msgid

/*
 * Set the locale from the environment and choose the language of the
 * interface: ui_lang (a language code such as "fr" or "zh_CN", from
 * --ui-lang) when not NULL, otherwise LANGUAGE, LC_ALL, LC_MESSAGES and LANG
 * as gettext reads them.  Catalogues come from po/locale beside the program
 * when it runs from its build tree, else from LOCALEDIR; translations are
 * always UTF-8.  Returns 0, or -1 with a message in err when ui_lang is not a
 * language of the interface (or cannot be shown): the interface is then
 * English.  Call it once, first thing in main().
 */
int i18n_ui_init(const char *ui_lang, char *err, size_t errlen);

#endif
