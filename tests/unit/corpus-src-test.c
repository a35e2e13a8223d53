/*
 * corpus-src-test.c — every bundled official text, read from $CORPUS_SRC at
 * test time (never copied here): it parses with the article count the
 * manifest expects, passes the fidelity check, has the ids other code relies
 * on, keeps the known quirks of the sources, and gives the same ids in each
 * of its languages.  Skipped when $CORPUS_SRC is unset.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/corpus.h"
#include "tests/tap.h"

struct row {
	char id[64], kind[32], lang[8], file[256];
	int articles;
};

/* The manifest's rows (id, kind, lang, articles, file); -1 when unreadable. */
static int read_manifest(const char *path, struct row *rows, int max)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	int n = 0;

	if (!f)
		return -1;
	while (n < max && fgets(line, sizeof line, f)) {
		char *col[12];
		int c = 0;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		line[strcspn(line, "\n")] = '\0';
		for (char *p = line; c < 12 && p; c++) {
			col[c] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (c < 11)
			continue;
		snprintf(rows[n].id, sizeof rows[n].id, "%s", col[0]);
		snprintf(rows[n].kind, sizeof rows[n].kind, "%s", col[1]);
		snprintf(rows[n].lang, sizeof rows[n].lang, "%s", col[2]);
		rows[n].articles = atoi(col[5]);
		snprintf(rows[n].file, sizeof rows[n].file, "%s", col[9]);
		n++;
	}
	fclose(f);
	return n;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n) {
		buf[n] = '\0';
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static const struct corpus_provision *find(const struct corpus_document *d, const char *eid)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->prov[i].eid, eid) == 0)
			return &d->prov[i];
	return NULL;
}

/* Ids that must exist, per document and language ("*": every language). */
static const struct {
	const char *id, *lang, *eid;
} must[] = {
    {"budapest", "*", "longtitle"},
    {"budapest", "*", "preamble"},
    {"budapest", "*", "chp_1"},
    {"budapest", "*", "chp_2__sec_1__title_1"},
    {"budapest", "*", "chp_3__sec_2__title_3"},
    {"budapest", "*", "chp_4"},
    {"budapest", "*", "art_1__point_c__subpoint_ii"},
    {"budapest", "*", "art_1__point_d"},
    {"budapest", "*", "art_6__para_1__point_a__subpoint_ii"},
    {"budapest", "*", "art_14__para_3__point_b__subpoint_ii"},
    {"budapest", "*", "art_15__para_2"},
    {"budapest", "*", "art_24__para_1__point_a"},
    {"budapest", "*", "art_27__para_9__point_e"},
    {"budapest", "*", "art_48__point_e"},
    {"budapest", "*", "conclusions"},
    {"budapest-p1", "*", "preamble"},
    {"budapest-p1", "*", "chp_4"},
    {"budapest-p1", "*", "art_5__para_2__point_b"},
    {"budapest-p1", "*", "art_9__para_1__point_b"},
    {"budapest-p1", "*", "art_16__point_d"},
    {"budapest-p1", "*", "conclusions"},
    {"uncc", "ar", "longtitle"},
    {"uncc", "ar", "art_1__point_c"},
    {"uncc", "ar", "art_2__point_o"},
    {"uncc", "ar", "art_2__point_e__subpoint_ii"},
    {"uncc", "ar", "art_2__point_f__subpoint_iii"},
    {"uncc", "ar", "art_4__para_2"},
    {"uncc", "ar", "art_11__para_1__point_a__subpoint_ii"},
    {"uncc", "ar", "art_11__para_1__point_a__wrap"},
    {"uncc", "ar", "art_13__wrap"},
    {"uncc", "ar", "art_14__para_5"},
    {"uncc", "ar", "art_15__para_4"},
    {"uncc", "ar", "chp_2"},
    {"newsweek-2024-01", "en", "longtitle"},
    {"newsweek-2024-01", "en", "block_1"},
    {"newsweek-2024-01", "en", "block_40"},
};

/* Quirks of the sources that must survive: a few words of a provision, as found. */
static const struct {
	const char *id, *lang, *eid;
	int field; /* 0 label, 1 heading, 2 text */
	const char *has;
} quirks[] = {
    {"budapest", "en", "art_9__para_1", 2, "law,when"},
    {"budapest", "en", "preamble", 2, "cybercrime,inter"},
    {"budapest", "en", "preamble", 0, "Preamble"},
    {"budapest", "en", "art_1__point_d", 2, "com-munication's"},
    {"budapest", "en", "art_15__para_2", 0, "2."},
    {"budapest", "en", "art_15__para_2", 2, "2 Such"},
    {"budapest", "en", "art_14__para_3__point_a", 0, "a)"},
    {"budapest", "en", "art_2", 1, "Illegal access"},
    {"budapest", "en", "chp_1", 1, "USE OF TERMS"},
    {"budapest", "en", "conclusions", 2, "IN WITNESS WHEREOF"},
    {"budapest", "nl", "preamble", 0, "Preambule"},
    {"budapest", "nl", "art_1__point_d", 2, "\n–"},
    {"budapest", "nl", "art_1__point_c__subpoint_i", 0, "i."},
    {"budapest", "nl", "conclusions", 2, "TEN BLIJKE WAARVAN"},
    {"uncc", "ar", "art_1", 0, "المادة 1:"},
    {"uncc", "ar", "art_2__point_o", 0, "(س)"},
    {"uncc", "ar", "art_2__point_e__subpoint_ii", 0, "’2’"},
    {"uncc", "ar", "art_4__para_1", 0, "1 -"},
    {"uncc", "ar", "chp_2", 1, "التجريم"},
};

static const char *field(const struct corpus_provision *p, int f)
{
	const char *s = f == 0 ? p->label : f == 1 ? p->heading : p->text;
	return s ? s : "";
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void check_document(const struct row *r, const struct corpus_document *d)
{
	int arts = 0, blocks = 0, empty = 0, unique = 1, valid = 1, order = 1, headed = 1;
	char name[128];

	snprintf(name, sizeof name, "%s %s", r->id, r->lang);
	for (size_t i = 0; i < d->n; i++) {
		const struct corpus_provision *p = &d->prov[i];
		arts += p->kind == CORPUS_ARTICLE;
		blocks += p->kind == CORPUS_BLOCK;
		if (p->kind == CORPUS_ARTICLE && (!p->heading || !p->heading[0]))
			headed = 0;
		if (!corpus_eid_valid(p->eid))
			valid = 0;
		if (p->parent >= (int)i)
			order = 0;
		/* an empty text is right only for a provision whose text is all in its children */
		if (p->text[0] == '\0' && !(i + 1 < d->n && d->prov[i + 1].parent == (int)i)) {
			empty++;
			tap_diag("%s: %s has no text and no children", name, p->eid);
		}
	}
	/* unique ids: sort the pointers and look at neighbours */
	const char **ids = malloc(d->n * sizeof *ids);
	for (size_t i = 0; i < d->n; i++)
		ids[i] = d->prov[i].eid;
	qsort(ids, d->n, sizeof *ids, cmp_str);
	for (size_t i = 1; i < d->n; i++)
		if (strcmp(ids[i - 1], ids[i]) == 0) {
			unique = 0;
			tap_diag("%s: id %s twice", name, ids[i]);
		}
	free(ids);
	tap_is_int(arts, r->articles, name);
	if (r->articles == 0)
		tap_ok(blocks > 10, "%s: paragraphs became blocks (%d)", name, blocks);
	else
		tap_ok(headed, "%s: every article has its heading", name);
	tap_ok(empty == 0, "%s: no provision is empty where the source has text", name);
	tap_ok(unique && valid, "%s: ids are valid and unique", name);
	tap_ok(order, "%s: parents come before their children", name);
	for (size_t k = 0; k < sizeof must / sizeof *must; k++)
		if (strcmp(must[k].id, r->id) == 0 &&
		    (strcmp(must[k].lang, "*") == 0 || strcmp(must[k].lang, r->lang) == 0))
			tap_ok(find(d, must[k].eid) != NULL, "%s has %s", name, must[k].eid);
	for (size_t k = 0; k < sizeof quirks / sizeof *quirks; k++) {
		if (strcmp(quirks[k].id, r->id) != 0 || strcmp(quirks[k].lang, r->lang) != 0)
			continue;
		const struct corpus_provision *p = find(d, quirks[k].eid);
		char shown[64];
		size_t o = 0;
		for (const char *c = quirks[k].has; *c && o + 3 < sizeof shown; c++)
			if (*c == '\n')
				shown[o++] = '\\', shown[o++] = 'n';
			else
				shown[o++] = *c;
		shown[o] = '\0';
		tap_ok(p && strstr(field(p, quirks[k].field), quirks[k].has), "%s %s keeps \"%s\"",
		       name, quirks[k].eid, shown);
	}
}

/* The same document in two languages has the same ids in the same order. */
static void same_ids(const char *id, const struct corpus_document *a,
                     const struct corpus_document *b)
{
	int same = a->n == b->n;

	for (size_t i = 0; same && i < a->n; i++)
		if (strcmp(a->prov[i].eid, b->prov[i].eid) != 0 ||
		    a->prov[i].parent != b->prov[i].parent) {
			same = 0;
			tap_diag("%s: %s (%s) against %s (%s)", id, a->prov[i].eid, a->lang,
			         b->prov[i].eid, b->lang);
		}
	tap_ok(same, "%s: %s and %s have the same %zu ids", id, a->lang, b->lang, a->n);
}

int main(void)
{
	const char *src = getenv("CORPUS_SRC"), *top = getenv("top_srcdir");
	char path[1024];
	struct row rows[32];
	struct corpus_document docs[32];
	int n;

	if (!src || !*src) {
		tap_skip("CORPUS_SRC is not set: no official texts to check");
		return tap_done();
	}
	snprintf(path, sizeof path, "%s/corpus/manifest.tsv", top && *top ? top : ".");
	n = read_manifest(path, rows, 32);
	if (!tap_ok(n > 0, "manifest %s read (%d documents)", path, n))
		return tap_done();
	memset(docs, 0, sizeof docs);
	for (int i = 0; i < n; i++) {
		size_t len = 0;
		char err[512];
		snprintf(path, sizeof path, "%s/%s", src, rows[i].file);
		char *text = slurp(path, &len);
		if (!tap_ok(text != NULL, "%s readable", rows[i].file))
			continue;
		int rc = corpus_parse_text(rows[i].file, text, len, rows[i].lang,
		                           rows[i].articles > 0, &docs[i], err, sizeof err);
		if (tap_ok(rc == 0, "%s parses", rows[i].file)) {
			docs[i].lang = strdup(rows[i].lang);
			rc = corpus_check_fidelity(rows[i].file, text, len, &docs[i], err,
			                           sizeof err);
			if (!tap_ok(rc == 0, "%s: fidelity", rows[i].file))
				tap_diag("%s", err);
			check_document(&rows[i], &docs[i]);
		} else {
			tap_diag("%s", err);
		}
		free(text);
	}
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (strcmp(rows[i].id, rows[j].id) == 0 && docs[i].n && docs[j].n)
				same_ids(rows[i].id, &docs[i], &docs[j]);
	for (int i = 0; i < n; i++)
		corpus_document_free(&docs[i]);
	return tap_done();
}
