/* Input text: UTF-8 validation and conversion of legacy encodings. */
#include "i18n/i18n.h"
#include "tests/tap.h"

#include <stdlib.h>

static void valid_cases(void)
{
	size_t bad = 99;
	tap_ok(i18n_utf8_valid("abc", 3, &bad), "ASCII is valid");
	tap_ok(i18n_utf8_valid("\xD8\xA7\xD9\x84", 4, &bad), "Arabic is valid");
	tap_ok(i18n_utf8_valid("\xE6\x9D\xA1", 3, &bad), "Han is valid");
	tap_ok(!i18n_utf8_valid("ab\xC3", 3, &bad) && bad == 2, "truncated sequence at 2");
	tap_ok(!i18n_utf8_valid("\xC0\xAF", 2, &bad) && bad == 0, "overlong form refused");
	tap_ok(!i18n_utf8_valid("\xED\xA0\x80", 3, &bad), "surrogate refused");
	tap_ok(!i18n_utf8_valid("\xF4\x90\x80\x80", 4, &bad), "beyond U+10FFFF refused");
	tap_ok(!i18n_utf8_valid("x\xFFy", 3, &bad) && bad == 1, "0xFF refused at 1");
}

static void conversion_cases(void)
{
	char *out = NULL, err[256];
	size_t n = 0;
	const char *cs = NULL;

	tap_ok(i18n_to_utf8("\xEF\xBB\xBF"
	                    "Article 1",
	                    12, &out, &n, &cs, err, sizeof err) == 0,
	       "BOM input accepted");
	tap_is_str(out, "Article 1", "BOM dropped");
	free(out);

	/* Latin-1 French, long enough for the detector to be sure. */
	const char *latin1 = "Article premier\n\nAux fins de la pr\xE9sente Convention, "
	                     "l'expression \xAB syst\xE8me informatique \xBB d\xE9signe tout "
	                     "dispositif isol\xE9 ou ensemble de dispositifs interconnect\xE9s "
	                     "ou apparent\xE9s, qui assure ou dont un ou plusieurs \xE9l\xE9ments "
	                     "assurent un traitement automatis\xE9 de donn\xE9\x65s.\n";
	int rc = i18n_to_utf8(latin1, strlen(latin1), &out, &n, &cs, err, sizeof err);
	tap_ok(rc == 0, "Latin-1 text converted (%s)", rc == 0 ? cs : err);
	if (rc == 0) {
		tap_ok(strstr(out, "pr\xC3\xA9sente") != NULL, "é became U+00E9 in UTF-8");
		tap_ok(i18n_utf8_valid(out, n, NULL), "result is valid UTF-8");
		free(out);
	}

	const char noise[] = "Article 1\n\x01\x9f\xff\xfe\x80\x81";
	rc = i18n_to_utf8(noise, sizeof noise - 1, &out, &n, &cs, err, sizeof err);
	tap_ok(rc != 0 || i18n_utf8_valid(out, n, NULL), "binary noise refused or made valid");
	if (rc != 0)
		tap_ok(strncmp(err, "2:", 2) == 0, "error names line 2: %s", err);
	else
		free(out);
}

int main(void)
{
	valid_cases();
	conversion_cases();
	return tap_done();
}
