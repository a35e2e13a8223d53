/*
 * Fuzz target: the reference recogniser, one language and one place per
 * input (refs-fuzz.c, the recogniser's own target, tries all seven on every
 * input; this one runs fourteen times as many inputs in the same time).  The
 * first byte chooses the language, the second what the place holds.
 * Promises checked (refs.h): every language has a grammar; each record's span
 * lies in the text and its text is a copy of those bytes; records come in
 * text order; their number is bounded by a small multiple of the length;
 * targets are well-formed ids; an external reference has no target in the
 * corpus and is not resolved.
 */
#include "corpus/corpus.h"
#include "corpus/refs.h"
#include "tests/fuzz/fuzz.h"

#include <string.h>

static const char *const langs[] = {"en", "fr", "es", "ru", "ar", "zh", "nl"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct corpus_ref *r;
	size_t n;
	char err[256];
	if (size < 2)
		return 0;
	unsigned where = data[1];
	struct corpus_ref_ctx ctx = {
	    .lang = langs[data[0] % 7],
	    .doc = where & 1 ? "budapest-p1" : "uncc",
	    .parent = where & 1 ? "budapest" : NULL,
	    .eid = where & 2   ? "art_5__para_2__point_b__subpoint_ii"
	           : where & 4 ? "art_3"
	                       : NULL,
	    .chapter = where & 8 ? "chp_2" : NULL,
	    .refers_to = where & 16 ? "uncc" : NULL,
	    .commentary = !!(where & 32),
	};
	size_t len = size - 2;
	char *text = fuzz_bytes(data + 2, len);
	int rc = corpus_refs_find(text, len, &ctx, &r, &n, err, sizeof err);
	if (rc != 0)
		fuzz_fail("corpus_refs_find returned %d for %s: %s", rc, ctx.lang,
		          rc > 0 ? err : "");
	if (n > 64 + 8 * len)
		fuzz_fail("%zu records for %zu bytes", n, len);
	for (size_t i = 0; i < n; i++) {
		const struct corpus_ref *x = &r[i];
		if (x->start >= x->end || x->end > len)
			fuzz_fail("record %zu: span [%zu, %zu) in %zu bytes", i, x->start, x->end,
			          len);
		if (i > 0 && x->start < r[i - 1].start)
			fuzz_fail("record %zu starts at %zu, before record %zu at %zu", i, x->start,
			          i - 1, r[i - 1].start);
		if (!x->text || memcmp(x->text, text + x->start, x->end - x->start) != 0 ||
		    x->text[x->end - x->start] != '\0')
			fuzz_fail("record %zu: text is not a copy of its span", i);
		if (x->target_eid && !corpus_eid_valid(x->target_eid))
			fuzz_fail("record %zu: target \"%s\" is not an id", i, x->target_eid);
		if (x->external && (x->target_doc || x->resolved))
			fuzz_fail("record %zu: external, yet target %s, resolved %d", i,
			          x->target_doc ? x->target_doc : "(none)", x->resolved);
	}
	corpus_refs_free(r, n);
	free(text);
	return 0;
}
