/*
 * refs-fuzz.c — a fuzz target for the reference recogniser.  Any bytes, in
 * every language, with and without a place, and as a statement discussing a
 * draft: no crash, no read outside the text, every record's text equal to
 * its span, and output bounded.
 *
 * With libFuzzer:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DREFS_LIBFUZZER -I. -I.. \
 *     tests/fuzz/refs-fuzz.c corpus/refs.c corpus/refs-lex.c corpus/refs-emit.c \
 *     corpus/refs-zh.c corpus/eid.c -o refs-fuzz && ./refs-fuzz
 * Without it (make check), the target runs on generated texts: pieces of
 * references in every language, spliced at random with a fixed seed.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus/refs.h"

static const char *const langs[] = {"en", "fr", "es", "ru", "ar", "zh", "nl"};

/* Check one run; 0 when the invariants hold.  No eid: a statement's text, about uncc. */
static int one(const uint8_t *data, size_t size, const char *lang, const char *eid)
{
	struct corpus_ref_ctx ctx = {
	    lang, eid ? "uncc" : "stmt", eid ? "budapest" : NULL, eid, "chp_2", eid ? NULL : "uncc",
	    !eid};
	struct corpus_ref *r;
	size_t n;
	char err[128];
	if (corpus_refs_find((const char *)data, size, &ctx, &r, &n, err, sizeof err) != 0)
		return 1;
	int bad = n > 65536 + 8 * size;
	for (size_t i = 0; i < n && !bad; i++)
		bad = r[i].start >= r[i].end || r[i].end > size ||
		      memcmp(r[i].text, data + r[i].start, r[i].end - r[i].start) != 0 ||
		      r[i].text[r[i].end - r[i].start] != '\0';
	corpus_refs_free(r, n);
	return bad;
}

static int all(const uint8_t *data, size_t size)
{
	int bad = 0;
	for (size_t k = 0; k < sizeof langs / sizeof langs[0]; k++)
		bad |= one(data, size, langs[k], "art_5__para_2__point_b__subpoint_ii") |
		       one(data, size, langs[k], NULL);
	return bad;
}

#ifdef REFS_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (all(data, size))
		abort();
	return 0;
}
#else
#include "tests/tap.h"

static const char *const pieces[] = {
    "Article",
    "Articles",
    "article",
    "paragraph",
    "paragraphs",
    "sub-paragraph",
    "of",
    "this",
    "the",
    "Convention",
    "Protocol",
    "and",
    "or",
    "through",
    "to",
    ",",
    ".",
    "(",
    ")",
    "1",
    "2",
    "9",
    "0",
    "99999999999999999999",
    "a",
    "b",
    "i",
    "ii",
    "c.",
    "9.1.a",
    "1.b",
    "(a)",
    "(ii)",
    "b)",
    "above",
    "preceding",
    "two",
    "Chapter",
    "II",
    "ETS",
    "No.",
    "185",
    "the Budapest",
    "artikel",
    "artikelen",
    "lid",
    "eerste",
    "tweede",
    "tot en met",
    "het",
    "onderdeel",
    "van",
    "dit",
    "article premier",
    "paragraphe",
    "alinéa",
    "du présent",
    "de l'",
    "à",
    "artículo",
    "párrafo",
    "apartado",
    "del",
    "presente",
    "статья",
    "статьи",
    "пункта",
    "подпункт",
    "с",
    "по",
    "настоящей",
    "Конвенции",
    "«б»",
    "–",
    "المادة",
    "المادتين",
    "للمواد",
    "الفقرة",
    "الفرعية",
    "من",
    "هذه",
    "الاتفاقية",
    "إلى",
    "و",
    "أو",
    "(أ)",
    "’1‘",
    "الأولى",
    "الحادية",
    "عشرة",
    "٣٥",
    "第",
    "条",
    "款",
    "项",
    "目",
    "至",
    "、",
    "和",
    "本",
    "公约",
    "十",
    "二十九",
    "（b）",
    "《",
    "》",
    "\xff",
    "\xe2\x80",
    "\xd8",
    "\n",
    "\"",
    "\xe2\x80\x9c",
    "draft",
    "Draft articles",
    "revised",
    "text's",
    "'s",
    "projet d'article",
    "du projet de",
    "proyecto de artículo",
    "del proyecto",
    "проект статьи",
    "проекта конвенции",
    "مشروع",
    "ومشروع المادة",
    "المنقح",
    "草案",
    "公约草案",
    "案文草案第",
    "修订",
    "ontwerpverdrag",
    "Budapest conventions",
};

int main(void)
{
	static uint8_t buf[1 << 16];
	uint32_t seed = 2024;
	int bad = 0, runs = 3000;
	for (int r = 0; r < runs; r++) {
		size_t len = 0, count = 1 + (seed >> 8) % 200;
		for (size_t k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *p = pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])];
			size_t m = strlen(p);
			/* sometimes no space, sometimes a piece cut short */
			if ((seed >> 20) % 7 == 0 && m > 1)
				m = 1 + (seed >> 24) % (m - 1);
			if (len + m + 1 >= sizeof buf)
				break;
			memcpy(buf + len, p, m);
			len += m;
			if ((seed >> 16) % 5)
				buf[len++] = ' ';
		}
		if (all(buf, len)) {
			bad++;
			tap_diag("run %d fails: %.*s", r, (int)len, (const char *)buf);
			break;
		}
	}
	tap_ok(!bad, "%d generated texts, 7 languages, in a provision and in a statement", runs);
	return tap_done();
}
#endif
