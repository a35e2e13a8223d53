/*
 * The search analysis chain: folding, golden token streams (own sentences in
 * every language, and real sentences read from $CORPUS_SRC), offsets that
 * round-trip to the source bytes, the ASCII fast path against ICU, hostile
 * bytes, and FTS5 end to end (MATCH, prefix, highlight).
 */
#include "i18n/analysis.h"
#include "i18n/i18n.h"
#include "tests/tap.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>

/* ---- Collecting tokens ------------------------------------------------ */

struct token {
	char text[I18N_TOKEN_MAX + 1];
	int n, start, end, colocated;
};

struct stream {
	struct token *t;
	size_t n, cap;
	int bad; /* a token broke an invariant (empty, too long, bad offsets) */
	int len; /* of the source */
};

static int collect(void *ctx, int flags, const char *tok, int n, int start, int end)
{
	struct stream *s = ctx;
	if (n <= 0 || n > I18N_TOKEN_MAX || start < 0 || end > s->len || start >= end)
		s->bad = 1;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->t = realloc(s->t, s->cap * sizeof *s->t);
	}
	struct token *t = &s->t[s->n++];
	t->n = n > 0 && n <= I18N_TOKEN_MAX ? n : 0;
	memcpy(t->text, tok, (size_t)t->n);
	t->text[t->n] = '\0';
	t->start = start, t->end = end, t->colocated = flags & I18N_TOK_COLOCATED;
	return 0;
}

static struct stream run(struct i18n_tok *tok, const char *text, size_t len, int flags)
{
	struct stream s = {0};
	s.len = (int)len;
	if (i18n_tok_run(tok, text, (int)len, flags, collect, &s) != 0)
		s.bad = 1;
	return s;
}

/* Tokens joined by spaces (caller frees). */
static char *joined(const struct stream *s)
{
	size_t len = 1;
	for (size_t i = 0; i < s->n; i++)
		len += (size_t)s->t[i].n + 1;
	char *j = calloc(1, len), *p = j;
	for (size_t i = 0; i < s->n; i++) {
		if (i)
			*p++ = ' ';
		memcpy(p, s->t[i].text, (size_t)s->t[i].n);
		p += s->t[i].n;
	}
	*p = '\0';
	return j;
}

/* The source with each token's bytes in [ ] (caller frees). */
static char *marked(const struct stream *s, const char *text, size_t len)
{
	char *m = malloc(len + 2 * s->n + 1), *p = m;
	size_t pos = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (s->t[i].colocated || (size_t)s->t[i].start < pos)
			continue;
		memcpy(p, text + pos, (size_t)s->t[i].start - pos), p += s->t[i].start - pos;
		*p++ = '[';
		memcpy(p, text + s->t[i].start, (size_t)(s->t[i].end - s->t[i].start));
		p += s->t[i].end - s->t[i].start;
		*p++ = ']';
		pos = (size_t)s->t[i].end;
	}
	memcpy(p, text + pos, len - pos), p += len - pos;
	*p = '\0';
	return m;
}

static uint64_t fnv64(const char *s)
{
	uint64_t h = 14695981039346656037ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

static int same_streams(const struct stream *a, const struct stream *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->t[i].text, b->t[i].text) || a->t[i].start != b->t[i].start ||
		    a->t[i].end != b->t[i].end)
			return 0;
	return 1;
}

static struct i18n_tok *tokenizer(const char *lang)
{
	static struct i18n_tok *open[8];
	static const char *langs[8] = {"en", "fr", "es", "ru", "ar", "zh", "nl", "und"};
	for (int i = 0; i < 8; i++)
		if (!strcmp(lang, langs[i]))
			return open[i] ? open[i] : (open[i] = i18n_tok_new(lang, NULL, 0));
	return NULL;
}

/*
 * Offsets round-trip: each token's source bytes, tokenized alone, give that
 * very token, and tokens come in order without overlapping.
 */
static int round_trips(const char *lang, const struct stream *s, const char *text, char *why,
                       size_t whylen)
{
	int prev_end = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct token *t = &s->t[i];
		if (t->colocated)
			continue;
		if (t->start < prev_end) {
			snprintf(why, whylen, "token %zu overlaps the previous one", i);
			return 0;
		}
		prev_end = t->end;
		struct stream alone =
		    run(tokenizer(lang), text + t->start, (size_t)(t->end - t->start), 0);
		int ok = alone.n == 1 && !strcmp(alone.t[0].text, t->text) &&
		         alone.t[0].start == 0 && alone.t[0].end == t->end - t->start;
		free(alone.t);
		if (!ok) {
			snprintf(why, whylen,
			         "token %zu \"%.40s\" from bytes %d–%d does not come back", i,
			         t->text, t->start, t->end);
			return 0;
		}
	}
	return 1;
}

/* ---- Folding ---------------------------------------------------------- */

static const struct {
	const char *lang, *in, *folded, *stemmed;
} folds[] = {
    {"en", "Procédure", "procedure", "procedur"},
    {"en", "PROCEDURES", "procedures", "procedur"},
    {"en", "ÉLÉMENTS naïve", "elements naive", "element naiv"},
    {"en", "Straße ÆTHER", "strasse aether", "strass aether"},
    {"en",
     "infor\xC2\xAD"
     "mation",
     "information", "inform"},
    {"en", "ｆｕｌｌ－ｗｉｄｔｈ １２３", "full width 123", "full width 123"},
    {"en", "ﬁnal", "final", "final"},
    {"en", "Łódź Øresund", "lodz oresund", "lodz oresund"},
    {"en", "cafe\xCC\x81", "cafe", "cafe"},
    {"en", "O’Neill's", "o'neill's", "o'neil"},
    {"fr", "L'accès", "acces", "acce"},
    {"fr", "l’accès", "acces", "acce"},
    {"fr", "qu’il jusqu'à", "il a", "il a"},
    {"fr", "données donnees", "donnees donnees", "donne donne"},
    {"fr", "Œuvre", "oeuvre", "oeuvr"},
    {"en", "l'accès", "l'acces", "l'acc"},
    {"nl", "l'ambassade m'n", "ambassade m'n", "ambassad m'n"},
    {"es", "Información NIÑO", "informacion nino", "informacion nin"},
    {"ru", "Ёлка ЁЖ", "елка еж", "елк еж"},
    {"ru", "й", "й", "й"},
    {"ru", "до\xCC\x81ма", "дома", "дом"},
    {"ar", "أحكام إحكام آمن", "احكام احكام امن", "احكام احكام امن"},
    {"ar", "مدى", "مدي", "مد"},
    {"ar", "الدولة", "الدوله", "دول"},
    {"ar", "الاتفاقيةُ", "الاتفاقيه", "اتفاق"},
    {"ar", "مجلّـــة", "مجله", "مجل"},
    {"ar", "١٢٣ ۴۵", "123 45", "123 45"},
    {"zh", "联合国", "联 合 国", "联 合 国"},
    {"zh", "豈", "豈", "豈"},
    {"zh", "ａｂｃ", "abc", "abc"},
    {"und", "Systems", "systems", "systems"},
    {"und", "e.g. 3,5 a:b __ _", "e.g 3,5 a b __", "e.g 3,5 a b __"},
};

static void fold_cases(void)
{
	char out[256];
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++) {
		const char *l = folds[i].lang, *in = folds[i].in;
		int n = i18n_fold_word(l, in, strlen(in), 0, out, sizeof out);
		tap_ok(n == (int)strlen(out), "fold %s %s: length returned", l, in);
		tap_is_str(out, folds[i].folded, "  folded");
		i18n_fold_word(l, in, strlen(in), I18N_FOLD_STEM, out, sizeof out);
		tap_is_str(out, folds[i].stemmed, "  stemmed");
	}
	tap_is_int(i18n_fold_word("xx", "a", 1, 0, out, sizeof out), -1, "unknown language: -1");
	tap_is_int(i18n_fold_word("en", "procedure", 9, 0, out, 5), -1, "out too small: -1");
	tap_is_int(i18n_fold_word("en", "", 0, 0, out, sizeof out), 0, "empty text: 0");

	struct i18n_folder *f = i18n_folder_new("fr", NULL, 0);
	tap_ok(f && i18n_folder_fold(f, "Données", 8, I18N_FOLD_STEM, out, sizeof out) > 0 &&
	           !strcmp(out, "donne"),
	       "a folder folds like i18n_fold_word");
	i18n_folder_free(f);
	char err[256] = "";
	tap_ok(!i18n_folder_new("klingon", err, sizeof err) && strstr(err, "klingon"),
	       "unknown language named: %s", err);
}

/* ---- Goldens ---------------------------------------------------------- */

static char *fixture_path(const char *name)
{
	const char *top = getenv("top_srcdir");
	static char path[4096];
	snprintf(path, sizeof path, "%s/tests/fixtures/%s", top ? top : ".", name);
	return path;
}

static int check_stream(const char *what, const char *got, const char *want)
{
	return tap_is_str(got, want, what);
}

/*
 * The goldens are what the analysis gives; their "analysis VERSION HASH" line
 * ties them to I18N_ANALYSIS_VERSION.  When the tokens change, the goldens
 * change, and so must the version (databases made by another analysis are
 * indexed again when opened) and the recorded hash of the golden lines.
 */
static void analysis_version(void)
{
	FILE *f = fopen(fixture_path("tokenizer-golden.txt"), "r");
	if (!tap_ok(f != NULL, "golden fixture opens"))
		return;
	char line[8192], *all = calloc(1, 1), recorded[32] = "", got[32];
	size_t len = 0;
	int version = -1;
	while (all && fgets(line, sizeof line, f)) {
		if (sscanf(line, "analysis %d %31s", &version, recorded) == 2 || line[0] == '#')
			continue;
		size_t n = strlen(line);
		char *more = realloc(all, len + n + 1);
		if (!more)
			break;
		all = more;
		memcpy(all + len, line, n + 1);
		len += n;
	}
	fclose(f);
	snprintf(got, sizeof got, "%016llx", (unsigned long long)(all ? fnv64(all) : 0));
	tap_is_int(version, I18N_ANALYSIS_VERSION,
	           "the goldens are those of this analysis version (I18N_ANALYSIS_VERSION)");
	if (!tap_is_str(got, recorded, "the goldens are unchanged since that version was recorded"))
		tap_diag("tokens changed? raise I18N_ANALYSIS_VERSION and write \"analysis %d %s\"",
		         I18N_ANALYSIS_VERSION + 1, got);
	free(all);
}

static void own_goldens(void)
{
	FILE *f = fopen(fixture_path("tokenizer-golden.txt"), "r");
	if (!tap_ok(f != NULL, "golden fixture opens"))
		return;
	char line[8192], lang[8] = "", text[8192] = "";
	struct stream st = {0}, fo = {0};
	int texts = 0;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "text ", 5)) {
			free(st.t), free(fo.t);
			if (sscanf(line + 5, "%7s", lang) != 1)
				continue;
			snprintf(text, sizeof text, "%s", line + 6 + strlen(lang));
			st = run(tokenizer(lang), text, strlen(text), 0);
			fo = run(tokenizer(lang), text, strlen(text), I18N_TOK_NOSTEM);
			texts++;
			char why[256] = "";
			tap_ok(!st.bad && round_trips(lang, &st, text, why, sizeof why),
			       "%s golden: offsets round-trip %s", lang, why);
		} else if (!strncmp(line, "stem ", 5) || !strncmp(line, "fold ", 5)) {
			char *got = joined(line[0] == 's' ? &st : &fo);
			char name[64];
			snprintf(name, sizeof name, "%s golden: %.4s", lang, line);
			check_stream(name, got, line + 5);
			free(got);
		} else if (!strncmp(line, "mark ", 5)) {
			char *got = marked(&st, text, strlen(text));
			char name[64];
			snprintf(name, sizeof name, "%s golden: offsets mark the words", lang);
			check_stream(name, got, line + 5);
			free(got);
		}
	}
	free(st.t), free(fo.t);
	fclose(f);
	tap_ok(texts >= 7, "goldens in %d languages' sentences", texts);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *b = NULL;
	size_t cap = 0, n = 0, r;
	do {
		if (n + 4096 > cap)
			b = realloc(b, cap = cap ? cap * 2 : 65536);
		r = fread(b + n, 1, cap - n - 1, f);
		n += r;
	} while (r > 0);
	fclose(f);
	b[n] = '\0';
	*len = n;
	return b;
}

/* Line number line (1-based) of text, into out. */
static int nth_line(const char *text, int line, char *out, size_t outlen)
{
	const char *p = text;
	for (int i = 1; i < line && p; i++)
		if ((p = strchr(p, '\n')) != NULL)
			p++;
	if (!p)
		return 0;
	size_t n = strcspn(p, "\n");
	if (n >= outlen)
		return 0;
	memcpy(out, p, n);
	out[n] = '\0';
	return 1;
}

static void source_goldens(const char *src)
{
	FILE *f = fopen(fixture_path("tokenizer-golden.txt"), "r");
	char line[1024];
	while (f && fgets(line, sizeof line, f)) {
		char lang[8], file[256], hash[32], got_hash[32];
		int lineno, count;
		if (sscanf(line, "source %7s %255s %d %d %31s", lang, file, &lineno, &count,
		           hash) != 5)
			continue;
		if (!src) {
			tap_skip("no $CORPUS_SRC: real sentence not checked");
			continue;
		}
		char path[4096], sentence[16384];
		size_t len;
		snprintf(path, sizeof path, "%s/%s", src, file);
		char *text = slurp(path, &len);
		if (!tap_ok(text && nth_line(text, lineno, sentence, sizeof sentence),
		            "%s:%d readable", file, lineno)) {
			free(text);
			continue;
		}
		struct stream st = run(tokenizer(lang), sentence, strlen(sentence), 0);
		char *got = joined(&st);
		snprintf(got_hash, sizeof got_hash, "%016llx", (unsigned long long)fnv64(got));
		int ok = tap_ok((int)st.n == count && !strcmp(got_hash, hash),
		                "%s:%d gives its %d golden tokens", file, lineno, count);
		if (!ok) /* shown from the local copy only, never stored */
			tap_diag("got %zu tokens, hash %s: %s", st.n, got_hash, got);
		free(got);
		free(st.t);
		free(text);
	}
	if (f)
		fclose(f);
}

/* Every line of every source: offsets round-trip, and ASCII equals ICU. */
static void whole_sources(const char *src)
{
	static const char *const files[][2] = {
	    {"budapest-ets185.en.txt", "en"},
	    {"budapest-ets185.nl.txt", "nl"},
	    {"budapest-ets189.en.txt", "en"},
	    {"budapest-ets189.nl.txt", "nl"},
	    {"un-cybercrime-convention.ar.partial.txt", "ar"},
	    {"press-2024-01-newsweek-russia-un-treaty.en.txt", "en"},
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		if (!src) {
			tap_skip("no $CORPUS_SRC: sources not tokenized");
			continue;
		}
		char path[4096], why[256] = "";
		size_t len;
		snprintf(path, sizeof path, "%s/%s", src, files[i][0]);
		char *text = slurp(path, &len);
		if (!tap_ok(text != NULL, "%s readable", files[i][0]))
			continue;
		const char *lang = files[i][1];
		struct stream st = run(tokenizer(lang), text, len, 0);
		struct stream icu = run(tokenizer(lang), text, len, I18N_TOK_ICU_ONLY);
		struct stream aux = run(tokenizer(lang), text, len, I18N_TOK_AUX);
		tap_ok(!st.bad && st.n > 1000 / (i + 1) &&
		           round_trips(lang, &st, text, why, sizeof why),
		       "%s: %zu tokens, offsets round-trip %s", files[i][0], st.n, why);
		tap_ok(same_streams(&st, &icu), "%s: the fast paths give what ICU gives",
		       files[i][0]);
		int same_offsets = aux.n == st.n;
		for (size_t k = 0; same_offsets && k < st.n; k++)
			same_offsets =
			    aux.t[k].start == st.t[k].start && aux.t[k].end == st.t[k].end;
		tap_ok(same_offsets, "%s: highlighting sees the same tokens at the same offsets",
		       files[i][0]);
		free(st.t), free(icu.t), free(aux.t), free(text);
	}
}

/* ---- Hostile and random input ----------------------------------------- */

static uint32_t rnd(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	return *seed >> 8;
}

/* The fast paths (bytes for ASCII, table-driven below U+0800) against ICU alone. */
static void fast_against_icu(void)
{
	static const char *const atoms[] = {
	    "a",
	    "Z",
	    "9",
	    "0",
	    "_",
	    ".",
	    ",",
	    ";",
	    ":",
	    "'",
	    "\"",
	    "-",
	    " ",
	    "\t",
	    "\n",
	    "!",
	    "(",
	    "e",
	    "A",
	    "l'",
	    "qu'",
	    "@",
	    "#",
	    "/",
	    "$",
	    "%",
	    "&",
	    "+",
	    "=",
	    "*",
	    "\xC3\xA9",
	    "\xC3\x89",
	    "\xC3\x9F",
	    "\xD0\x96",
	    "\xD1\x91",
	    "\xD8\xA8",
	    "\xD8\xA9",
	    "\xD9\xA3",
	    "\xD8\x8C",
	    "\xC2\xB7",
	    "\xC2\xAD",
	    "\xCC\x81",
	    "\xE2\x80\x99",
	    "\xE2\x80\x9C",
	    "\xD9\x80",
	    "\xC3\x97",
	    "\xD7\x90",
	    "\xCE\xA9",
	    "\xC7\x85",
	    "\xE2\x85\xAB",
	    "\xE8\x81\x94",
	    "\xEF\xBD\xB1",
	    "\xD9\x8E",
	    "\xC2\xA0",
	    "\xFF",
	    "\xD8",
	};
	uint32_t seed = 7;
	int differ = 0;
	char s[256];
	for (int round = 0; round < 20000 && differ < 3; round++) {
		size_t n = 0, atoms_n = 1 + rnd(&seed) % 40;
		for (size_t i = 0; i < atoms_n; i++) {
			const char *at = atoms[rnd(&seed) % (sizeof atoms / sizeof atoms[0])];
			memcpy(s + n, at, strlen(at));
			n += strlen(at);
		}
		const char *lang = round % 3 == 0 ? "fr" : round % 3 == 1 ? "ar" : "und";
		struct stream a = run(tokenizer(lang), s, n, 0);
		struct stream b = run(tokenizer(lang), s, n, I18N_TOK_ICU_ONLY);
		if (!same_streams(&a, &b)) {
			differ++;
			char *ja = joined(&a), *jb = joined(&b);
			for (size_t i = 0; i < n; i++)
				s[i] = (unsigned char)s[i] < ' ' ? '?' : s[i];
			tap_diag("[%.*s]: fast \"%s\", ICU \"%s\"", (int)n, s, ja, jb);
			free(ja), free(jb);
		}
		free(a.t), free(b.t);
	}
	tap_is_int(differ, 0, "20000 random strings: the fast paths segment as ICU does");
}

static void hostile_bytes(void)
{
	uint32_t seed = 99;
	int bad = 0;
	static const char *const langs[] = {"en", "fr", "ru", "ar", "zh", "nl", "und"};
	unsigned char s[300];
	for (int round = 0; round < 7000; round++) {
		size_t n = rnd(&seed) % sizeof s;
		for (size_t i = 0; i < n; i++) {
			uint32_t r = rnd(&seed);
			/* Bias towards UTF-8 lead and continuation bytes and spaces. */
			s[i] = (unsigned char)(r % 4 == 0   ? 0x80 | (r >> 8 & 0x7F)
			                       : r % 4 == 1 ? 0xC0 | (r >> 8 & 0x3F)
			                       : r % 4 == 2 ? ' '
			                                    : r >> 8);
		}
		const char *lang = langs[round % 7];
		struct stream a =
		    run(tokenizer(lang), (char *)s, n, round % 2 ? I18N_TOK_PREFIX : 0);
		struct stream b = run(tokenizer(lang), (char *)s, n, I18N_TOK_AUX);
		size_t normal = 0;
		for (size_t k = 0; k < a.n; k++)
			normal += !a.t[k].colocated;
		bad += a.bad || b.bad || normal != b.n;
		free(a.t), free(b.t);
	}
	tap_is_int(bad, 0, "7000 random byte strings: tokens non-empty, offsets in bounds");

	size_t big = 1 << 20;
	char *w = malloc(big);
	memset(w, 'a', big);
	memcpy(w, "\xC3\xA9", 2);
	struct stream st = run(tokenizer("fr"), w, big, I18N_TOK_NOSTEM);
	tap_ok(st.n == 1 && st.t[0].n == I18N_TOKEN_MAX && st.t[0].end == (int)big && !st.bad,
	       "a 1 MB word: one token cut to %d bytes, offsets cover it all", I18N_TOKEN_MAX);
	free(st.t);
	memset(w, ' ', big);
	for (size_t i = 0; i + 4 < big; i += 5)
		memcpy(w + i, "\xE5\x9B\xBD", 3);
	st = run(tokenizer("zh"), w, big, 0);
	tap_ok(st.n == big / 5 && !st.bad, "1 MB of Han: one token per character (%zu)", st.n);
	free(st.t);
	free(w);
	st = run(tokenizer("en"), "", 0, 0);
	tap_ok(st.n == 0 && !st.bad, "empty text: no tokens");
	free(st.t);
}

static void prefix_tokens(void)
{
	struct stream st = run(tokenizer("en"), "computer systems", 16, I18N_TOK_PREFIX);
	tap_ok(st.n == 3 && !strcmp(st.t[0].text, "comput") && !strcmp(st.t[1].text, "systems") &&
	           !st.t[1].colocated && !strcmp(st.t[2].text, "system") && st.t[2].colocated,
	       "prefix query: earlier words stemmed, the last as typed plus its stem");
	free(st.t);
	st = run(tokenizer("en"), "data", 4, I18N_TOK_PREFIX);
	tap_ok(st.n == 1 && !strcmp(st.t[0].text, "data"), "prefix equal to its stem: no synonym");
	free(st.t);
}

/* ---- FTS5 end to end -------------------------------------------------- */

static sqlite3 *db;

static int exec(const char *sql)
{
	char *err = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &err);
	if (rc != SQLITE_OK)
		tap_diag("%s: %s", sql, err);
	sqlite3_free(err);
	return rc;
}

/* The first column of the first row of sql with ?1 = arg, or "" (static). */
static const char *one(const char *sql, const char *arg)
{
	static char out[4096];
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(out, sizeof out, "error: %s", sqlite3_errmsg(db));
		return out;
	}
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
	else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		snprintf(out, sizeof out, "error: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return out;
}

static const struct {
	const char *lang, *match, *want; /* want: the rows found, as ids "1,3" */
} searches[] = {
    {"fr", "procédure", "1"},
    {"fr", "procedure", "1"},
    {"fr", "\"données\"", "2"},
    {"fr", "\"donnees\"", "2"},
    {"fr", "\"accès\"", "3"},
    {"fr", "proc*", "1"},
    {"fr", "\"procéd\"*", "1"},
    {"en", "\"systems\"", "1"},
    {"en", "\"system\"", "1"},
    {"en", "\"crimin\"*", "2,3"},
    {"en", "\"computer\"*", "1,4"},
    {"en", "\"computers\"*", "1,4"},
    {"en", "\"computer system\"", "1"},
    {"en", "\"e-mail\"", "4"},
    {"und", "\"systems\"", ""},
    {"und", "\"system\"", "1"},
    {"zh", "\"联合国\"", "1,2"},
    {"zh", "\"合国\"", "1,2"},
    {"zh", "\"国联\"", ""},
    {"zh", "\"联合国大会\"", "1"},
    {"zh", "\"公约\"", "2"},
    {"ar", "\"أحكام\"", "1,2"},
    {"ar", "\"احكام\"", "1,2"},
    {"ar", "\"إحكام\"", "1,2"},
    {"ar", "\"الاتفاقية\"", "3"},
    {"ar", "\"اتفاقية\"", "3"},
    /* ة typed as ه, and the other way round: either spelling finds both */
    {"ar", "\"الاتفاقيه\"", "3"},
    {"ar", "\"الجديده\"", "3"},
    {"ar", "\"نص الاتفاقيه الجديده\"", "3"},
    {"ar", "\"الدولة\"", "4"},
    {"ar", "\"الدوله\"", "4"},
    {"ar", "\"بالدوله\"", "4"},
    {"ar", "\"الاتفاقيه\" \"السنوي\"", ""},
    /* and as prefixes */
    {"ar", "\"الاتفاقية\"*", "3"},
    {"ar", "\"الاتفاقيه\"*", "3"},
    {"ar", "\"الجديده\"*", "3"},
    {"ru", "\"елка\"", "1"},
    {"ru", "\"ЁЛКИ\"", "1"},
    {"nl", "\"ambassade\"", "1"},
    /*
     * A term as the index holds it (I18N_INDEXED_TERM) is matched as it is:
     * not stemmed ("computer" is no index term), and not as a prefix
     * ("crimin", Criminal, is not "criminalis", Criminalisation).
     */
    {"en", "\"" I18N_INDEXED_TERM "comput\"", "1,4"},
    {"en", "\"" I18N_INDEXED_TERM "computer\"", ""},
    {"en", "\"" I18N_INDEXED_TERM "criminalis\"", "3"},
    {"en", "\"" I18N_INDEXED_TERM "crimin\"", "2"},
};

static const struct {
	const char *lang, *match;
	int row;
	const char *want;
} highlights[] = {
    {"fr", "\"acces\"", 3, "Le droit d'[accès] illégal."},
    {"zh", "\"联合国\"", 1, "[联合国]大会通过了决议。"},
    {"ar", "\"الاتفاقية\"", 3, "نص [الاتفاقيةُ] الجديدة"},
    {"ar", "\"الاتفاقيه\"", 3, "نص [الاتفاقيةُ] الجديدة"},
    {"ar", "\"الدولة\"", 4, "تقرير [الدوله] السنوي"},
    {"en", "\"computer\"*", 4, "Sales of [computers] and [computer]-related goods, e-mail."},
    {"ru", "\"елка\"", 1, "Новая [Ёлка] стоит."},
    {"nl", "\"ambassade\"", 1, "Bij l'[ambassade]."},
    {"en", "\"" I18N_INDEXED_TERM "comput\"", 4,
     "Sales of [computers] and [computer]-related goods, e-mail."},
};

static const char *const rows[][5] = {
    /* lang, then rows 1..4 (NULL: none); test text, not treaty text */
    {"fr", "La procédure pénale.", "Les données du système.", "Le droit d'accès illégal.", NULL},
    {"en", "Every computer system.", "Criminal law.", "Criminalisation of acts.",
     "Sales of computers and computer-related goods, e-mail."},
    {"und", "Every computer system.", NULL, NULL, NULL},
    {"zh", "联合国大会通过了决议。", "联合国公约。", NULL, NULL},
    {"ar", "أحكام عامة", "احكام خاصة", "نص الاتفاقيةُ الجديدة", "تقرير الدوله السنوي"},
    {"ru", "Новая Ёлка стоит.", NULL, NULL, NULL},
    {"nl", "Bij l'ambassade.", NULL, NULL, NULL},
};

static void fts5_end_to_end(void)
{
	char err[256], sql[512];
	tap_ok(sqlite3_open(":memory:", &db) == SQLITE_OK &&
	           i18n_fts5_register(db, err, sizeof err) == 0,
	       "tokenizer registered");
	tap_is_str(i18n_fts5_tokenize_spec("fr"), "treaty fr", "spec for fr");
	tap_is_str(i18n_fts5_tokenize_spec("xx"), "treaty und", "spec for an unknown language");
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		snprintf(sql, sizeof sql, "CREATE VIRTUAL TABLE t_%s USING fts5(x, tokenize='%s');",
		         rows[i][0], i18n_fts5_tokenize_spec(rows[i][0]));
		exec(sql);
		for (int r = 1; r <= 4 && rows[i][r]; r++) {
			char *q = sqlite3_mprintf("INSERT INTO t_%s(rowid, x) VALUES (%d, %Q);",
			                          rows[i][0], r, rows[i][r]);
			exec(q);
			sqlite3_free(q);
		}
	}
	tap_ok(exec("CREATE VIRTUAL TABLE bad USING fts5(x, tokenize='treaty xx');") != SQLITE_OK,
	       "an unknown language is refused when the table is made");

	for (size_t i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		snprintf(sql, sizeof sql,
		         "SELECT coalesce(group_concat(rowid, ','), '') FROM "
		         "(SELECT rowid FROM t_%s WHERE t_%s MATCH ?1 ORDER BY rowid)",
		         searches[i].lang, searches[i].lang);
		char name[128];
		snprintf(name, sizeof name, "%s MATCH %s", searches[i].lang, searches[i].match);
		tap_is_str(one(sql, searches[i].match), searches[i].want, name);
	}
	for (size_t i = 0; i < sizeof highlights / sizeof highlights[0]; i++) {
		const char *l = highlights[i].lang;
		snprintf(sql, sizeof sql,
		         "SELECT highlight(t_%s, 0, '[', ']') FROM t_%s WHERE t_%s MATCH ?1 "
		         "AND rowid = %d",
		         l, l, l, highlights[i].row);
		char name[128];
		snprintf(name, sizeof name, "highlight %s %s", l, highlights[i].match);
		tap_is_str(one(sql, highlights[i].match), highlights[i].want, name);
	}
	tap_is_str(one("SELECT snippet(t_en, 0, '[', ']', '…', 3) FROM t_en WHERE t_en MATCH ?1",
	               "\"criminalisation\""),
	           "[Criminalisation] of acts.", "snippet marks the word");
	sqlite3_close(db);
}

int main(void)
{
	const char *src = getenv("CORPUS_SRC");
	if (src && !*src)
		src = NULL;
	fold_cases();
	analysis_version();
	own_goldens();
	source_goldens(src);
	whole_sources(src);
	fast_against_icu();
	hostile_bytes();
	prefix_tokens();
	fts5_end_to_end();
	static const char *langs[8] = {"en", "fr", "es", "ru", "ar", "zh", "nl", "und"};
	for (int i = 0; i < 8; i++)
		i18n_tok_free(tokenizer(langs[i]));
	return tap_done();
}
