/*
 * cli.c — the command line: list, show, search, import, library, remove, and
 * the build's build-corpus.  Others script against these names and formats,
 * so they change only with care.  Errors go to stderr as "treaty: message".
 */
#include "config.h"
#include "corpus/refs.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"
#include "tui/tui.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- list ------------------------------------------------------------ */

static void list_json(const struct corpus_docinfo *d)
{
	printf("{\"doc\":");
	tui_put_json_string(stdout, d->id);
	printf(",\"lang\":");
	tui_put_json_string(stdout, d->lang);
	printf(",\"kind\":");
	tui_put_json_string(stdout, d->kind);
	printf(",\"title\":");
	tui_put_json_string(stdout, d->title);
	printf(",\"symbol\":");
	tui_put_json_string(stdout, d->symbol);
	printf(",\"date\":");
	tui_put_json_string(stdout, d->date);
	printf(",\"parent\":");
	tui_put_json_string(stdout, d->parent);
	if (d->delegation || d->on_behalf_of || d->meeting || d->agenda_item || d->refers_to) {
		printf(",\"delegation\":");
		tui_put_json_string(stdout, d->delegation);
		printf(",\"on_behalf_of\":");
		tui_put_json_string(stdout, d->on_behalf_of);
		printf(",\"meeting\":");
		tui_put_json_string(stdout, d->meeting);
		printf(",\"agenda_item\":");
		tui_put_json_string(stdout, d->agenda_item);
		printf(",\"refers_to\":");
		tui_put_json_string(stdout, d->refers_to);
	}
	printf(",\"authentic\":%s,\"partial\":%s,\"source\":\"%s\",\"articles\":%d,"
	       "\"provisions\":%d}\n",
	       d->authentic ? "true" : "false", d->partial ? "true" : "false",
	       d->user ? "library" : "bundled", d->articles, d->provisions);
}

/* s and then spaces up to cells terminal cells, since a translation's bytes are not cells. */
static void put_padded(const char *s, int cells)
{
	int w = i18n_width(s, strlen(s));
	printf("%s%*s ", s, w >= 0 && w < cells ? cells - w : 0, "");
}

static void list_text(const struct corpus_docinfo *d)
{
	char counts[128];
	if (d->articles)
		snprintf(counts, sizeof counts,
		         P_("%d article (%d-%d)", "%d articles (%d-%d)", d->articles), d->articles,
		         d->first_article, d->last_article);
	else
		snprintf(counts, sizeof counts, P_("%d paragraph", "%d paragraphs", d->provisions),
		         d->provisions);
	printf("%-18s %-3s %-10s ", d->id, d->lang, d->kind);
	put_padded(counts, 22);
	/* TRANSLATORS: a document of which only some articles are available */
	put_padded(d->partial ? _("PARTIAL") : _("complete"), 8);
	if (d->authentic)
		printf("%s ", _("authentic"));
	if (d->user)
		/* TRANSLATORS: a tag for the documents the user imported */
		printf("[%s] ", _("library"));
	tui_put_text(stdout, d->title ? d->title : "");
	putchar('\n');
}

static int run_list(const struct tui_options *op)
{
	const struct tui_options o = *op;
	struct corpus_docinfo *docs;
	size_t n;
	char err[512];
	if (o.nargs)
		return tui_usage_error("list", _("takes no arguments"));
	struct corpus_store *s = tui_open_store();
	if (!s)
		return TUI_USAGE;
	if (corpus_list(s, &docs, &n, err, sizeof err) < 0) {
		fprintf(stderr, "treaty: %s\n", err);
		corpus_store_close(s);
		return TUI_USAGE;
	}
	if (n == 0)
		fprintf(stderr, "treaty: %s\n",
		        _("no documents yet; add one with: treaty import FILE --lang L"));
	for (size_t i = 0; i < n; i++)
		(o.json ? list_json : list_text)(&docs[i]);
	corpus_docinfo_free(docs, n);
	corpus_store_close(s);
	return n ? TUI_OK : TUI_NOTHING;
}

/* ---- show ------------------------------------------------------------ */

static void show_json(const struct corpus_entry *e)
{
	char *cite = corpus_eid_cite(e->eid, e->lang);
	printf("{\"doc\":");
	tui_put_json_string(stdout, e->doc);
	printf(",\"lang\":");
	tui_put_json_string(stdout, e->lang);
	printf(",\"eid\":");
	tui_put_json_string(stdout, e->eid);
	printf(",\"parent\":");
	tui_put_json_string(stdout, e->parent_eid);
	printf(",\"kind\":\"%s\",\"citation\":", corpus_kind_name(e->kind));
	tui_put_json_string(stdout, cite);
	printf(",\"num\":");
	tui_put_json_string(stdout, e->num);
	printf(",\"label\":");
	tui_put_json_string(stdout, e->label);
	printf(",\"heading\":");
	tui_put_json_string(stdout, e->heading);
	printf(",\"text\":");
	tui_put_json_string(stdout, e->text);
	printf("}\n");
	free(cite);
}

/* Headings stand on their own lines; numbered parts start with their label. */
static void show_text(const struct corpus_entry *e, int base_depth)
{
	int indent = e->depth - base_depth;
	int block = e->kind <= CORPUS_ARTICLE || e->kind == CORPUS_CONCLUSIONS;
	if (indent < 0)
		indent = 0;
	if (block) {
		if (e->seq)
			putchar('\n');
		if (e->label) {
			tui_put_text(stdout, e->label);
			putchar('\n');
		}
		if (e->heading) {
			tui_put_text(stdout, e->heading);
			putchar('\n');
		}
		if (e->text && *e->text) {
			tui_put_text(stdout, e->text);
			putchar('\n');
		}
		return;
	}
	indent = e->kind >= CORPUS_POINT && e->kind <= CORPUS_SUBPOINT
	             ? (e->kind - CORPUS_PARAGRAPH) * 4
	             : 0;
	printf("%*s", indent, "");
	if (e->label) {
		tui_put_text(stdout, e->label);
		if (e->text && *e->text)
			putchar(' ');
	}
	tui_put_text(stdout, e->text ? e->text : "");
	putchar('\n');
}

static int run_show(const struct tui_options *op)
{
	const struct tui_options o = *op;
	struct corpus_entry *e;
	size_t n;
	char err[512];
	char *eid = NULL;
	int rc = TUI_OK;
	if (!o.nargs)
		return tui_usage_error("show", _("which document? e.g. treaty show budapest 2"));
	const char *doc = o.args[0];
	if (tui_provision_arg(&o, 1, &eid) != TUI_OK)
		return TUI_USAGE;
	struct corpus_store *s = tui_open_store();
	if (!s) {
		free(eid);
		return TUI_USAGE;
	}
	rc = corpus_get(s, doc, o.lang, eid, &e, &n, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "treaty: %s\n", err);
		rc = rc < 0 ? TUI_USAGE : TUI_NOTHING;
	} else {
		for (size_t i = 0; i < n; i++)
			o.json ? show_json(&e[i]) : show_text(&e[i], e[0].depth);
		corpus_entry_free(e, n);
	}
	corpus_store_close(s);
	free(eid);
	return rc;
}

/* ---- search ---------------------------------------------------------- */

/* The snippet without marks, and the byte ranges the marks enclosed, as JSON. */
static void snippet_json(const char *snip)
{
	size_t len = strlen(snip), o = 0;
	char *plain = malloc(len + 1);
	printf(",\"highlights\":[");
	int first = 1;
	size_t start = 0;
	for (size_t i = 0; plain && i < len; i++) {
		if (snip[i] == CORPUS_MARK_START[0]) {
			start = o;
		} else if (snip[i] == CORPUS_MARK_END[0]) {
			printf("%s[%zu,%zu]", first ? "" : ",", start, o);
			first = 0;
		} else {
			plain[o++] = snip[i];
		}
	}
	printf("],\"snippet\":");
	if (plain) {
		plain[o] = '\0';
		tui_put_json_string(stdout, plain);
	} else {
		fputs("null", stdout);
	}
	free(plain);
}

static void search_json(const struct corpus_hit *h)
{
	char *cite = corpus_eid_cite(h->eid, h->lang);
	printf("{\"doc\":");
	tui_put_json_string(stdout, h->doc);
	printf(",\"lang\":");
	tui_put_json_string(stdout, h->lang);
	printf(",\"langs\":");
	tui_put_json_string(stdout, h->langs);
	printf(",\"eid\":");
	tui_put_json_string(stdout, h->eid);
	printf(",\"citation\":");
	tui_put_json_string(stdout, cite);
	printf(",\"heading\":");
	tui_put_json_string(stdout, h->heading);
	snippet_json(h->snippet ? h->snippet : "");
	printf(",\"score\":%.4f}\n", h->score);
	free(cite);
}

/* Hits in bold on a terminal; elsewhere the marks are simply dropped. */
static void put_snippet(const char *snip, int tty)
{
	char *copy = strdup(snip);
	if (!copy)
		return;
	char *p = copy;
	for (;;) {
		size_t run = strcspn(p, CORPUS_MARK_START CORPUS_MARK_END);
		char c = p[run];
		p[run] = '\0';
		tui_put_text(stdout, p);
		if (!c)
			break;
		if (tty)
			fputs(c == CORPUS_MARK_START[0] ? "\033[1m" : "\033[0m", stdout);
		p += run + 1;
	}
	free(copy);
}

static void search_text(const struct corpus_hit *h, int tty)
{
	char *cite = corpus_eid_cite(h->eid, h->lang);
	printf("%s %s [%s]", h->doc, cite ? cite : h->eid, h->langs);
	if (h->heading) {
		printf(" ");
		tui_put_text(stdout, h->heading);
	}
	printf("\n    ");
	put_snippet(h->snippet ? h->snippet : "", tty);
	printf("\n");
	free(cite);
}

static int run_search(const struct tui_options *op)
{
	const struct tui_options o = *op;
	struct corpus_hit *hits;
	size_t n;
	char err[1024];
	int rc = TUI_OK;
	if (!o.nargs)
		return tui_usage_error(
		    "search", _("what to search for? e.g. treaty search \"illegal access\""));
	char *text = tui_join_args(&o, 0);
	struct corpus_store *s = text ? tui_open_store() : NULL;
	if (!s) {
		free(text);
		return TUI_USAGE;
	}
	struct corpus_query q = {text, o.doc, o.lang, o.limit, NULL};
	char *notice = corpus_query_notice(text);
	if (notice)
		fprintf(stderr, _("treaty: note: %s\n"), notice);
	free(notice);
	rc = corpus_search(s, &q, &hits, &n, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "treaty: %s\n", err);
		rc = rc < 0 ? TUI_USAGE : TUI_NOTHING;
	} else {
		int tty = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
		for (size_t i = 0; i < n; i++)
			o.json ? search_json(&hits[i]) : search_text(&hits[i], tty);
		corpus_hit_free(hits, n);
	}
	corpus_store_close(s);
	free(text);
	return rc;
}

/* ---- import, library, remove ----------------------------------------- */

/* What converting the file involved, after "imported …". */
static void print_report(const struct corpus_load_report *r)
{
	if (!r->format || strcmp(r->format, "text") == 0) {
		putchar('\n');
		return;
	}
	printf(" (%s", r->format);
	if (r->furniture) {
		fputs("; ", stdout);
		printf(P_("%d line of page furniture left out",
		          "%d lines of page furniture left out", r->furniture),
		       r->furniture);
	}
	if (r->rejoined) {
		fputs("; ", stdout);
		printf(P_("%d word rejoined across line ends", "%d words rejoined across line ends",
		          r->rejoined),
		       r->rejoined);
	}
	printf(")\n");
}

/* Statement options describe a statement: they imply --kind statement. */
static int statement_kind(const struct tui_options *o, const char **kind)
{
	int statement =
	    o->delegation || o->on_behalf_of || o->meeting || o->agenda_item || o->refers_to;
	*kind = o->kind;
	if (!statement)
		return 0;
	if (o->kind && strcmp(o->kind, "statement") != 0)
		return -1;
	*kind = "statement";
	return 0;
}

/*
 * A document that cites a draft ("draft article 17") is linked to what it
 * discusses, whose articles may since have been renumbered: say so once.
 */
static void draft_warning(struct corpus_store *s, const struct corpus_document *d)
{
	struct corpus_link *l;
	size_t n, drafts = 0, first = 0;
	char err[256];
	if (corpus_links(s, d->id, NULL, d->lang, &l, &n, err, sizeof err) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (l[i].incoming || !l[i].draft)
			continue;
		/* one reference as written, whatever number of targets it has */
		if (i && l[i - 1].draft && l[i - 1].start == l[i].start &&
		    !strcmp(l[i - 1].eid, l[i].eid))
			continue;
		if (!drafts++)
			first = i;
	}
	char *ex = drafts ? i18n_visible(l[first].text, strlen(l[first].text)) : NULL;
	if (ex && d->refers_to)
		fprintf(
		    stderr,
		    /* TRANSLATORS: a statement cites articles of a draft ("draft article
		       17"); the last %s is the document they are linked to */
		    P_("treaty: warning: %s speaks of a draft (%zu reference: \"%s\"); it is linked"
		       " to %s, whose numbering may differ from the draft's\n",
		       "treaty: warning: %s speaks of a draft (%zu references, such as \"%s\");"
		       " they are linked to %s, whose numbering may differ from the draft's\n",
		       drafts),
		    d->id, drafts, ex, d->refers_to);
	else if (ex)
		fprintf(
		    stderr,
		    P_("treaty: warning: %s speaks of a draft (%zu reference: \"%s\"); it stays"
		       " unresolved, since no --refers-to names the document discussed\n",
		       "treaty: warning: %s speaks of a draft (%zu references, such as \"%s\");"
		       " they stay unresolved, since no --refers-to names the document discussed\n",
		       drafts),
		    d->id, drafts, ex);
	free(ex);
	corpus_link_free(l, n);
}

/* What the recogniser kept as text though it looked like structure, a line each. */
static void put_warnings(const char *w)
{
	while (w && *w) {
		size_t n = strcspn(w, "\n");
		char *one = strndup(w, n);
		fputs("treaty: ", stderr);
		if (one)
			tui_put_text(stderr, one);
		fputc('\n', stderr);
		free(one);
		w += n + (w[n] == '\n');
	}
}

static int import_one(struct corpus_store *s, const char *file, const struct tui_options *o,
                      const char *kind)
{
	struct corpus_document doc;
	struct corpus_load_report report;
	char err[1024];
	char id[256];
	struct corpus_load_options lo = {
	    .id = o->id,
	    .lang = o->lang,
	    .kind = kind,
	    .title = o->title,
	    .symbol = o->symbol,
	    .date = o->date,
	    .delegation = o->delegation,
	    .on_behalf_of = o->on_behalf_of,
	    .meeting = o->meeting,
	    .agenda_item = o->agenda_item,
	    .refers_to = o->refers_to,
	    .converter = tui_converter_path(),
	};
	/* File names, and so messages naming them, may hold controls: shown visibly. */
	if (corpus_load_any(file, &lo, &doc, &report, err, sizeof err) < 0) {
		fputs("treaty: ", stderr);
		tui_put_text(stderr, err);
		fputc('\n', stderr);
		return TUI_USAGE;
	}
	if (!doc.id) {
		/* The file's base name without extensions: "un-cybercrime.fr.txt" →
		 * "un-cybercrime". */
		const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
		snprintf(id, sizeof id, "%s", base);
		id[strcspn(id, ".")] = '\0';
		doc.id = strdup(id);
	}
	int rc = corpus_store_import(s, &doc, err, sizeof err);
	char *shown = i18n_visible(file, strlen(file));

	if (rc < 0) {
		fputs("treaty: ", stderr);
		tui_put_text(stderr, file);
		fputs(": ", stderr);
		tui_put_text(stderr, err);
		fputc('\n', stderr);
	} else {
		printf(P_("imported %s (%s): %zu provision from %s",
		          "imported %s (%s): %zu provisions from %s", doc.n),
		       doc.id, doc.lang, doc.n, shown ? shown : "");
		print_report(&report);
		fflush(stdout);
		put_warnings(doc.warnings);
		draft_warning(s, &doc);
	}
	free(shown);
	corpus_document_free(&doc);
	return rc < 0 ? TUI_USAGE : TUI_OK;
}

static int run_import(const struct tui_options *op)
{
	const struct tui_options o = *op;
	int rc = TUI_OK;
	if (!o.nargs)
		return tui_usage_error(
		    "import", _("which files? e.g. treaty import convention.fr.txt --lang fr"));
	if (o.id && o.nargs > 1)
		return tui_usage_error("import",
		                       _("--id names one document; import files one by one"));
	const char *kind;
	if (statement_kind(&o, &kind) < 0)
		return tui_usage_error("import",
		                       _("--delegation, --on-behalf-of, --meeting, --agenda-item"
		                         " and --refers-to describe a statement: use --kind"
		                         " statement"));
	struct corpus_store *s = tui_open_store();
	if (!s)
		return TUI_USAGE;
	if (o.refers_to) {
		char *langs = corpus_languages(s, o.refers_to);
		if (!langs)
			fprintf(stderr,
			        _("treaty: warning: --refers-to %s: no such document (yet);"
			          " stored as given\n"),
			        o.refers_to);
		free(langs);
	}
	for (int i = 0; i < o.nargs; i++)
		if (import_one(s, o.args[i], &o, kind) != TUI_OK)
			rc = TUI_USAGE;
	/* What was imported stays; a failed merge leaves its index as it was. */
	char err[512];
	if (corpus_store_optimize(s, err, sizeof err) < 0) {
		fputs("treaty: ", stderr);
		tui_put_text(stderr, err);
		fputc('\n', stderr);
	}
	corpus_store_close(s);
	return rc;
}

static int run_library(const struct tui_options *op)
{
	const struct tui_options o = *op;
	struct corpus_docinfo *docs;
	size_t n, shown = 0;
	char err[512];
	struct corpus_store *s = tui_open_store();
	if (!s)
		return TUI_USAGE;
	if (corpus_list(s, &docs, &n, err, sizeof err) < 0) {
		fprintf(stderr, "treaty: %s\n", err);
		corpus_store_close(s);
		return TUI_USAGE;
	}
	for (size_t i = 0; i < n; i++) {
		if (!docs[i].user)
			continue;
		(o.json ? list_json : list_text)(&docs[i]);
		shown++;
	}
	if (!shown && !tui_library_unusable(s))
		fprintf(stderr, "treaty: %s\n",
		        _("your library is empty; add documents with: treaty import FILE"));
	corpus_docinfo_free(docs, n);
	corpus_store_close(s);
	return shown ? TUI_OK : TUI_NOTHING;
}

static int run_remove(const struct tui_options *op)
{
	const struct tui_options o = *op;
	char err[512];
	int rc = TUI_OK;
	if (o.nargs != 1)
		return tui_usage_error("remove", _("which document? e.g. treaty remove ID"));
	struct corpus_store *s = tui_open_store();
	if (!s)
		return TUI_USAGE;
	rc = corpus_store_remove(s, o.args[0], err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "treaty: %s\n", err);
	else
		printf(_("removed %s\n"), o.args[0]);
	corpus_store_close(s);
	return rc == 0 ? TUI_OK : rc > 0 ? TUI_NOTHING : TUI_USAGE;
}

static int run_build_corpus(const struct tui_options *op)
{
	const struct tui_options o = *op;
	char err[1024];
	if (!o.manifest || !o.out)
		return tui_usage_error("build-corpus",
		                       "needs --manifest FILE --out DB [--src DIR]");
	if (corpus_build_bundled(o.manifest, o.src, o.out, err, sizeof err) < 0) {
		fprintf(stderr, "treaty: %s\n", err);
		return TUI_USAGE;
	}
	return TUI_OK;
}

int tui_cmd_list(int argc, char **argv)
{
	return tui_with_options("list", argc, argv, run_list);
}

int tui_cmd_show(int argc, char **argv)
{
	return tui_with_options("show", argc, argv, run_show);
}

int tui_cmd_search(int argc, char **argv)
{
	return tui_with_options("search", argc, argv, run_search);
}

int tui_cmd_import(int argc, char **argv)
{
	return tui_with_options("import", argc, argv, run_import);
}

int tui_cmd_library(int argc, char **argv)
{
	return tui_with_options("library", argc, argv, run_library);
}

int tui_cmd_remove(int argc, char **argv)
{
	return tui_with_options("remove", argc, argv, run_remove);
}

int tui_cmd_build_corpus(int argc, char **argv)
{
	return tui_with_options("build-corpus", argc, argv, run_build_corpus);
}
