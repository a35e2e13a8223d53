/*
 * cli_refs.c — the command line's cross-references and defined terms:
 * `treaty refs DOC [PROVISION]` (what a provision cites and what cites it,
 * with the citing sentence), `treaty refs --stats` (found and resolved, per
 * document and language) and `treaty define [TERM]`.
 */
#include "config.h"
#include "corpus/refs.h"
#include "corpus/terms.h"
#include "i18n/nls.h"
#include "tui/tui.h"

#include <stdlib.h>
#include <string.h>

/* ---- treaty refs DOC [PROVISION] ----------------------------------------- */

static void put_target(const struct corpus_link *l)
{
	char *cite = l->target_eid ? corpus_eid_cite(l->target_eid, l->lang) : NULL;
	if (l->external)
		fputs(_("another treaty"), stdout);
	else if (!l->target_doc || strcmp(l->target_doc, l->doc) != 0)
		printf("%s", l->target_doc ? l->target_doc : "?");
	if (cite || l->target_eid)
		printf("%s%s",
		       l->external || !l->target_doc || strcmp(l->target_doc, l->doc) ? " " : "",
		       cite ? cite : l->target_eid);
	if (l->draft)
		/* TRANSLATORS: after a target of a reference to a draft: "Art. 17 (as numbered in a
		   draft)" */
		printf(" (%s)", _("as numbered in a draft"));
	if (!l->resolved && !l->external)
		printf(" (%s)", _("unresolved"));
	free(cite);
}

/* A back-link from what discusses a text rather than is one: "[statement, Freedonia]". */
static void put_source(const struct corpus_link *l)
{
	if (!strcmp(l->kind, "convention") || !strcmp(l->kind, "protocol"))
		return;
	fputs(" [", stdout);
	tui_put_text(stdout, l->kind);
	if (l->delegation) {
		fputs(", ", stdout);
		tui_put_text(stdout, l->delegation);
	}
	putchar(']');
}

static int same_span(const struct corpus_link *a, const struct corpus_link *b)
{
	return a->incoming == b->incoming && a->start == b->start && a->end == b->end &&
	       !strcmp(a->doc, b->doc) && !strcmp(a->lang, b->lang) && !strcmp(a->eid, b->eid);
}

/* One line per reference as written, its targets after the arrow. Returns links used. */
static size_t link_text(const struct corpus_link *l, size_t n)
{
	char *cite = corpus_eid_cite(l->eid, l->lang);
	size_t k = 0;
	printf("  %s %s%s%s", l->lang, l->incoming ? l->doc : "", l->incoming ? " " : "",
	       cite ? cite : l->eid);
	if (l->incoming)
		put_source(l);
	fputs("  \"", stdout);
	tui_put_text(stdout, l->text);
	fputs("\" -> ", stdout);
	for (; k < n && same_span(&l[0], &l[k]); k++) {
		if (k)
			fputs(", ", stdout);
		put_target(&l[k]);
	}
	putchar('\n');
	if (l->incoming) {
		fputs("      ", stdout);
		tui_put_text(stdout, l->sentence);
		putchar('\n');
	}
	free(cite);
	return k;
}

static void link_json(const struct corpus_link *l)
{
	char *cite = corpus_eid_cite(l->eid, l->lang);
	char *tcite = l->target_eid ? corpus_eid_cite(l->target_eid, l->lang) : NULL;
	printf("{\"direction\":\"%s\",\"doc\":", l->incoming ? "in" : "out");
	tui_put_json_string(stdout, l->doc);
	printf(",\"lang\":");
	tui_put_json_string(stdout, l->lang);
	printf(",\"eid\":");
	tui_put_json_string(stdout, l->eid);
	printf(",\"citation\":");
	tui_put_json_string(stdout, cite);
	printf(",\"target_doc\":");
	tui_put_json_string(stdout, l->target_doc);
	printf(",\"target_eid\":");
	tui_put_json_string(stdout, l->target_eid);
	printf(",\"target_citation\":");
	tui_put_json_string(stdout, tcite);
	printf(",\"text\":");
	tui_put_json_string(stdout, l->text);
	printf(",\"start\":%zu,\"end\":%zu,\"resolved\":%s,\"external\":%s,\"sentence\":", l->start,
	       l->end, l->resolved ? "true" : "false", l->external ? "true" : "false");
	tui_put_json_string(stdout, l->sentence);
	printf(",\"draft\":%s,\"kind\":", l->draft ? "true" : "false");
	tui_put_json_string(stdout, l->kind);
	printf(",\"delegation\":");
	tui_put_json_string(stdout, l->delegation);
	printf("}\n");
	free(cite);
	free(tcite);
}

static void links_text(const char *doc, const char *eid, const struct corpus_link *l, size_t n)
{
	char *cite = eid ? corpus_eid_cite(eid, NULL) : NULL;
	const char *what = cite ? cite : eid;
	for (int in = 0; in <= 1; in++) {
		size_t count = 0;
		for (size_t i = 0; i < n; i++)
			count += l[i].incoming == in;
		char place[256];
		snprintf(place, sizeof place, "%s%s%s", doc, what ? " " : "", what ? what : "");
		if (in)
			putchar('\n');
		printf(in ? P_("%s is cited by (%zu target):\n", "%s is cited by (%zu targets):\n",
		               count)
		          : P_("%s cites (%zu target):\n", "%s cites (%zu targets):\n", count),
		       place, count);
		for (size_t i = 0; i < n;)
			i += l[i].incoming == in ? link_text(&l[i], n - i) : 1;
	}
	free(cite);
}

static int run_links(const struct tui_options *o)
{
	struct corpus_link *l;
	size_t n;
	char err[512];
	char *eid = NULL;
	if (tui_provision_arg(o, 1, &eid) != TUI_OK)
		return TUI_USAGE;
	struct corpus_store *s = tui_open_store();
	if (!s) {
		free(eid);
		return TUI_USAGE;
	}
	int rc = corpus_links(s, o->args[0], eid, o->lang, &l, &n, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "treaty: %s\n", err);
		rc = rc < 0 ? TUI_USAGE : TUI_NOTHING;
	} else {
		if (o->json)
			for (size_t i = 0; i < n; i++)
				link_json(&l[i]);
		else
			links_text(o->args[0], eid, l, n);
		rc = n ? TUI_OK : TUI_NOTHING;
		corpus_link_free(l, n);
	}
	corpus_store_close(s);
	free(eid);
	return rc;
}

/* ---- treaty refs --stats ----------------------------------------------- */

/* Resolved among the references into the corpus; other treaties cannot resolve. */
static double rate(const struct corpus_refstat *r)
{
	int in_corpus = r->found - r->external;
	return in_corpus > 0 ? 100.0 * r->resolved / in_corpus : -1;
}

static int run_stats(const struct tui_options *o)
{
	struct corpus_refstat *r;
	size_t n;
	char err[512];
	struct corpus_store *s = tui_open_store();
	if (!s)
		return TUI_USAGE;
	if (corpus_refs_stats(s, &r, &n, err, sizeof err) < 0) {
		fprintf(stderr, "treaty: %s\n", err);
		corpus_store_close(s);
		return TUI_USAGE;
	}
	if (!o->json)
		printf("%-18s %-4s %6s %9s %9s %11s %7s\n", "doc", "lang", "found", "resolved",
		       "external", "unresolved", "rate");
	for (size_t i = 0; i < n; i++) {
		int unresolved = r[i].found - r[i].resolved - r[i].external;
		double pct = rate(&r[i]);
		if (o->json) {
			printf("{\"doc\":");
			tui_put_json_string(stdout, r[i].doc);
			printf(",\"lang\":");
			tui_put_json_string(stdout, r[i].lang);
			printf(",\"found\":%d,\"resolved\":%d,\"external\":%d,\"unresolved\":%d,"
			       "\"rate\":",
			       r[i].found, r[i].resolved, r[i].external, unresolved);
			pct < 0 ? printf("null") : printf("%.1f", pct);
			printf(",\"partial\":%s}\n", r[i].partial ? "true" : "false");
			continue;
		}
		printf("%-18s %-4s %6d %9d %9d %11d ", r[i].doc, r[i].lang, r[i].found,
		       r[i].resolved, r[i].external, unresolved);
		pct < 0 ? printf("%7s", "-") : printf("%6.1f%%", pct);
		printf("%s%s\n", r[i].partial && unresolved ? "  " : "",
		       r[i].partial && unresolved ? _("partial source") : "");
	}
	if (!o->json)
		printf("%s\n", _("rate: resolved among references into the corpus (external: other"
		                 " treaties)"));
	corpus_refstat_free(r, n);
	corpus_store_close(s);
	return n ? TUI_OK : TUI_NOTHING;
}

static int run_refs(const struct tui_options *o)
{
	if (o->stats && o->nargs)
		return tui_usage_error("refs", _("--stats takes no document"));
	if (o->stats)
		return run_stats(o);
	if (!o->nargs)
		return tui_usage_error("refs", _("which provision? e.g. treaty refs budapest 24"));
	return run_links(o);
}

int tui_cmd_refs(int argc, char **argv)
{
	return tui_with_options("refs", argc, argv, run_refs);
}

/* ---- treaty define [TERM] ---------------------------------------------- */

/* The defining provision and its parts, one string: "c) … means:\n(i) …". Caller frees. */
static char *definition(struct corpus_store *s, const struct corpus_term *t)
{
	struct corpus_entry *e;
	size_t n, len = 1;
	char err[256];
	if (corpus_get(s, t->doc, t->lang, t->eid, &e, &n, err, sizeof err) != 0)
		return NULL;
	for (size_t i = 0; i < n; i++)
		len += (e[i].label ? strlen(e[i].label) + 1 : 0) + strlen(e[i].text) + 1;
	char *d = calloc(1, len);
	for (size_t i = 0; d && i < n; i++) {
		if (i)
			strcat(d, "\n");
		if (e[i].label)
			strcat(strcat(d, e[i].label), *e[i].text ? " " : "");
		strcat(d, e[i].text);
	}
	corpus_entry_free(e, n);
	return d;
}

static void define_one(struct corpus_store *s, const struct corpus_term *t, int json)
{
	char *cite = corpus_eid_cite(t->eid, t->lang), *d = definition(s, t);
	if (json) {
		printf("{\"term\":");
		tui_put_json_string(stdout, t->term);
		printf(",\"doc\":");
		tui_put_json_string(stdout, t->doc);
		printf(",\"lang\":");
		tui_put_json_string(stdout, t->lang);
		printf(",\"eid\":");
		tui_put_json_string(stdout, t->eid);
		printf(",\"citation\":");
		tui_put_json_string(stdout, cite);
		printf(",\"definition\":");
		tui_put_json_string(stdout, d);
		printf("}\n");
	} else {
		putchar('"');
		tui_put_text(stdout, t->term);
		printf("\"  %s %s [%s]\n", t->doc, cite ? cite : t->eid, t->lang);
		if (d) {
			tui_put_text(stdout, d);
			printf("\n\n");
		}
	}
	free(cite);
	free(d);
}

static int run_define(const struct tui_options *o)
{
	struct corpus_term *t;
	size_t n;
	char err[512];
	struct corpus_store *s = tui_open_store();
	if (!s)
		return TUI_USAGE;
	int rc = o->nargs ? corpus_define(s, o->args[0], o->doc, o->lang, &t, &n, err, sizeof err)
	                  : corpus_terms(s, o->doc, o->lang, &t, &n, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "treaty: %s\n", err);
		rc = rc < 0 ? TUI_USAGE : TUI_NOTHING;
	} else if (!o->nargs && !o->json) {
		/* no term asked: the list of them */
		for (size_t i = 0; i < n; i++) {
			char *cite = corpus_eid_cite(t[i].eid, t[i].lang);
			printf("%-18s %-3s %-12s ", t[i].doc, t[i].lang, cite ? cite : t[i].eid);
			tui_put_text(stdout, t[i].term);
			putchar('\n');
			free(cite);
		}
		rc = n ? TUI_OK : TUI_NOTHING;
	} else {
		for (size_t i = 0; i < n; i++)
			define_one(s, &t[i], o->json);
		rc = n ? TUI_OK : TUI_NOTHING;
	}
	corpus_term_free(t, n); /* NULL and 0 when nothing was found */
	corpus_store_close(s);
	return rc;
}

static int run_define_checked(const struct tui_options *o)
{
	if (o->stats)
		return tui_usage_error("define", _("unknown option --stats"));
	if (o->nargs > 1)
		return tui_usage_error(
			"define", _("one term at a time; quote it: treaty define \"computer system\""));
	return run_define(o);
}

int tui_cmd_define(int argc, char **argv)
{
	return tui_with_options("define", argc, argv, run_define_checked);
}
