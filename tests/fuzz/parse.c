/*
 * Fuzz target: the plain-text structure recogniser.  The first byte chooses
 * the language, whether articles are required, and whether the bytes go
 * through the whole loading path (charset detection, language guess) or
 * straight to corpus_parse_text().  Whatever is accepted must be a faithful,
 * well-formed tree: that is what the store and the reader rely on.
 */
#include "corpus/corpus.h"
#include "tests/fuzz/fuzz.h"

#include <string.h>

static const char *const langs[] = {"en", "fr", "es", "ru", "ar", "zh", "nl", NULL};

/* What corpus_store_import() and the reader assume of an accepted document. */
static void check_tree(const struct corpus_document *doc, int need_articles)
{
	int articles = 0;
	if (doc->n == 0)
		fuzz_fail("accepted with no provisions");
	for (size_t i = 0; i < doc->n; i++) {
		const struct corpus_provision *p = &doc->prov[i];
		if (!p->eid || !corpus_eid_valid(p->eid))
			fuzz_fail("provision %zu has a bad eid \"%s\"", i,
			          p->eid ? p->eid : "(null)");
		if (p->parent < -1 || p->parent >= (int)i)
			fuzz_fail("provision %s has parent %d", p->eid, p->parent);
		if (!p->text)
			fuzz_fail("provision %s has NULL text", p->eid);
		articles += p->kind == CORPUS_ARTICLE;
		/* The store keeps (doc, lang, eid) unique: a duplicate would fail the import. */
		for (size_t j = 0; j < i; j++)
			if (strcmp(doc->prov[j].eid, p->eid) == 0)
				fuzz_fail("eid %s appears twice (%zu and %zu)", p->eid, j, i);
		free(corpus_eid_cite(p->eid, doc->lang ? doc->lang : "en"));
	}
	if (need_articles && articles == 0)
		fuzz_fail("a treaty accepted without articles");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus_document doc;
	char err[512];
	if (size < 1)
		return 0;
	unsigned mode = data[0];
	const char *lang = langs[mode % 8];
	int need_articles = !(mode & 0x10);
	char *text = fuzz_bytes(data + 1, size - 1);
	err[0] = '\0';
	if (mode & 0x20) {
		/* The whole loading path: what `treaty import` does with a file's bytes. */
		struct corpus_load_options o = {0};
		o.id = "fuzz", o.lang = lang, o.kind = need_articles ? NULL : "press";
		if (corpus_load_text("fuzz.txt", text, size - 1, &o, &doc, err, sizeof err) == 0) {
			check_tree(&doc, need_articles);
			corpus_document_free(&doc);
		} else if (!*err) {
			fuzz_fail("refused without a message");
		}
		free(text);
		return 0;
	}
	if (!lang)
		lang = "en";
	memset(&doc, 0, sizeof doc);
	if (corpus_parse_text("fuzz.txt", text, size - 1, lang, need_articles, &doc, err,
	                      sizeof err) == 0) {
		check_tree(&doc, need_articles);
		if (corpus_check_fidelity("fuzz.txt", text, size - 1, &doc, err, sizeof err) < 0)
			fuzz_fail("accepted but unfaithful: %s", err);
		corpus_document_free(&doc);
	} else {
		if (!*err)
			fuzz_fail("refused without a message");
		if (doc.prov || doc.n)
			fuzz_fail("refused but left %zu provisions", doc.n);
	}
	free(text);
	return 0;
}
