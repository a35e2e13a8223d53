/*
 * options.c — the command line's options, shared by every command: long
 * options anywhere, everything else an argument, so that a query word such
 * as "-excluded" is never mistaken for an option.
 */
#include "config.h"
#include "i18n/nls.h"
#include "tui/tui.h"

#include <stdlib.h>
#include <string.h>

int tui_usage_error(const char *cmd, const char *msg)
{
	fprintf(stderr, "treaty %s: %s\n%s\n", cmd, msg, _("Try 'treaty --help'."));
	return TUI_USAGE;
}

static const char **option_slot(struct tui_options *o, const char *name)
{
	static const char *const names[] = {
	    "lang",         "doc",     "format",      "id",        "kind", "title",
	    "manifest",     "src",     "out",         "symbol",    "date", "delegation",
	    "on-behalf-of", "meeting", "agenda-item", "refers-to", NULL};
	const char **slots[] = {&o->lang,         &o->doc,     &o->format,      &o->id,
	                        &o->kind,         &o->title,   &o->manifest,    &o->src,
	                        &o->out,          &o->symbol,  &o->date,        &o->delegation,
	                        &o->on_behalf_of, &o->meeting, &o->agenda_item, &o->refers_to};
	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return slots[i];
	return NULL;
}

/* A flag: an option that takes no value. */
static int *flag_slot(struct tui_options *o, const char *name)
{
	return strcmp(name, "stats") == 0 ? &o->stats : NULL;
}

int tui_parse_options(const char *cmd, int argc, char **argv, struct tui_options *o)
{
	char msg[256];
	int only_args = 0;
	memset(o, 0, sizeof *o);
	o->args = calloc((size_t)argc + 1, sizeof *o->args);
	if (!o->args)
		return tui_usage_error(cmd, _("out of memory"));
	for (int i = 1; i < argc; i++) {
		char *a = argv[i];
		if (only_args || strncmp(a, "--", 2) != 0) {
			o->args[o->nargs++] = a;
			continue;
		}
		if (a[2] == '\0') {
			only_args = 1;
			continue;
		}
		char name[32];
		const char *value = strchr(a, '=');
		size_t nl = value ? (size_t)(value - a - 2) : strlen(a + 2);
		snprintf(name, sizeof name, "%.*s", (int)(nl < sizeof name ? nl : sizeof name - 1),
		         a + 2);
		int *flag = flag_slot(o, name);
		if (flag && !value) {
			*flag = 1;
			continue;
		}
		if (value)
			value++;
		else if (i + 1 < argc)
			value = argv[++i];
		const char **slot = option_slot(o, name);
		if (!slot && strcmp(name, "limit") != 0) {
			snprintf(msg, sizeof msg, _("unknown option --%s"), name);
			return tui_usage_error(cmd, msg);
		}
		if (!value) {
			snprintf(msg, sizeof msg, _("--%s needs a value"), name);
			return tui_usage_error(cmd, msg);
		}
		if (slot) {
			*slot = value;
			continue;
		}
		char *end;
		long v = strtol(value, &end, 10);
		if (*end || end == value || v < 1 || v > 10000)
			return tui_usage_error(cmd, _("--limit takes a number from 1 to 10000"));
		o->limit = (int)v;
	}
	if (o->format && strcmp(o->format, "json") != 0 && strcmp(o->format, "text") != 0)
		return tui_usage_error(cmd, _("--format is text or json"));
	o->json = o->format && strcmp(o->format, "json") == 0;
	return TUI_OK;
}

char *tui_join_args(const struct tui_options *o, int from)
{
	size_t len = 1;
	for (int i = from; i < o->nargs; i++)
		len += strlen(o->args[i]) + 1;
	char *s = calloc(1, len);
	for (int i = from; s && i < o->nargs; i++) {
		if (i > from)
			strcat(s, " ");
		strcat(s, o->args[i]);
	}
	return s;
}

int tui_provision_arg(const struct tui_options *o, int from, char **eid)
{
	char err[512];
	*eid = NULL;
	if (from >= o->nargs)
		return TUI_OK;
	char *spec = tui_join_args(o, from);
	*eid = spec ? corpus_eid_parse(spec, err, sizeof err) : NULL;
	free(spec);
	if (*eid)
		return TUI_OK;
	fprintf(stderr, "treaty: %s\n", err);
	return TUI_USAGE;
}

int tui_with_options(const char *cmd, int argc, char **argv,
                     int (*run)(const struct tui_options *o))
{
	struct tui_options o;
	int rc = tui_parse_options(cmd, argc, argv, &o);
	if (rc == TUI_OK)
		rc = run(&o);
	free(o.args);
	return rc;
}
