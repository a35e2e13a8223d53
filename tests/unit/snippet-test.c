/*
 * treaty_snippet(), the excerpt of a hit in a results list (corpus/snippet.c),
 * on made-up test text: which window it shows, where the marks go, and that
 * with its marks and ellipses taken out it is always a piece of the stored
 * text, byte for byte, at most the tokens asked for, holding a hit when the
 * column has one, every hit in it marked.  And treaty_marks(), the words of
 * the hits, against FTS5's highlight().
 */
#include "corpus/store-internal.h"
#include "i18n/i18n.h"
#include "tests/tap.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static sqlite3 *db;

static int exec(const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static void put(const char *heading, const char *text)
{
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db, "INSERT INTO t(heading, text) VALUES (?1, ?2)", -1, &st, NULL);
	sqlite3_bind_text(st, 1, heading, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	sqlite3_step(st);
	sqlite3_finalize(st);
}

/* The snippet of the one row: column col, want tokens; "error: …" on an error. */
static const char *snip(const char *match, int col, int want)
{
	static char out[8192];
	char sql[256];
	sqlite3_stmt *st;
	snprintf(sql, sizeof sql,
	         "SELECT treaty_snippet(t, %d, '[', ']', '…', %d) FROM t WHERE t MATCH ?1", col,
	         want);
	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		snprintf(out, sizeof out, "error: %s", sqlite3_errmsg(db));
		return out;
	}
	sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
	else
		snprintf(out, sizeof out, "error: %s",
		         rc == SQLITE_DONE ? "no row" : sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return out;
}

static void one_row(const char *heading, const char *text)
{
	exec("DELETE FROM t");
	put(heading, text);
}

static const char sentences[] =
    "Alpha bravo carbo delta ember fjord. Gamma hotel indigo jolly kilo lumen mango. "
    "Nadir omega pluto quark rover sigma tango umbra; vigor waltz xenon yodel zebra amber "
    "basil cedar dingo egret fable gusto hazel ionic joule koala llama maple noble.";

static void cases(void)
{
	one_row("Heading words", "Short text, with its full stop.");
	tap_is_str(snip("short", 1, 24), "[Short] text, with its full stop.",
	           "a text shorter than the window: all of it, its full stop too");
	tap_is_str(snip("heading", 0, 8), "[Heading] words", "the heading's column");
	tap_is_str(snip("heading", 1, 24), "Short text, with its full stop.",
	           "a column without a hit: its beginning, nothing marked");

	one_row("", sentences);
	tap_is_str(snip("carbo", 1, 6), "Alpha bravo [carbo] delta ember fjord…",
	           "a hit near the start: the text from its beginning");
	tap_is_str(snip("quark", 1, 6), "…Nadir omega pluto [quark] rover sigma…",
	           "a hit inside: from the start of its sentence");
	tap_is_str(snip("dingo", 1, 5), "…basil cedar [dingo] egret fable…",
	           "a sentence too long to start at: the window centred on the hit");
	tap_is_str(snip("noble", 1, 4), "…koala llama maple [noble].",
	           "a hit at the end: the last tokens and what follows them");
	tap_is_str(snip("\"omega pluto\"", 1, 6), "…Nadir [omega pluto] quark rover sigma…",
	           "a phrase of two words: one mark around both");
	tap_is_str(snip("alpha zebra", 1, 30),
	           "[Alpha] bravo carbo delta ember fjord. Gamma hotel indigo jolly kilo lumen "
	           "mango. Nadir omega pluto quark rover sigma tango umbra; vigor waltz xenon "
	           "yodel [zebra] amber basil cedar dingo…",
	           "two words: the window holding both");

	one_row("", "Kilo one. Kilo two. Kilo three. Kilo four. Then mango kilo and more words "
	            "after it here.");
	tap_is_str(snip("kilo mango", 1, 6), "…[Kilo] three. [Kilo] four. Then [mango]…",
	           "both words rather than one word many times");
	tap_is_str(snip("kilo", 1, 4), "[Kilo] one. [Kilo] two…",
	           "repeats of one word: from the beginning, each marked");

	one_row("", "前言。第一条数据保护。第二条系统安全。");
	tap_is_str(snip("系统", 1, 5), "…第二条[系统]…",
	           "Han text: characters as tokens, 。 ends a sentence");
	tap_is_str(snip("系统", 1, 4), "…条[系统]安…",
	           "Han text: centred when its sentence is too long");
	const char *bad = snip("系统", 2, 4);
	tap_ok(strncmp(bad, "error", 5) == 0 && !strstr(bad, "no row"),
	       "a column that does not exist is an error: %s", bad);

	one_row("", "كلمة أولى؛ ثم جملة ثانية فيها البيانات هنا والمزيد من الكلمات بعدها");
	tap_is_str(snip("البيانات", 1, 6), "…ثم جملة ثانية فيها [البيانات] هنا…",
	           "Arabic text: ؛ ends a sentence");
}

/* The hits treaty_marks() gives in column col of the one row, each followed by '|'. */
static const char *marks(const char *match, int col)
{
	static char out[8192];
	char sql[128];
	sqlite3_stmt *st;
	snprintf(sql, sizeof sql, "SELECT treaty_marks(t, %d) FROM t WHERE t MATCH ?1", col);
	snprintf(out, sizeof out, "error");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return out;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, sizeof out, "%s", (const char *)sqlite3_column_text(st, 0));
		for (char *p = out; (p = strchr(p, '\xFF')) != NULL;)
			*p = '|';
	}
	sqlite3_finalize(st);
	return out;
}

/* The words FTS5's highlight() marks in column col of the one row, each followed by '|'. */
static const char *highlighted(const char *match, int col)
{
	static char out[8192];
	char sql[128];
	sqlite3_stmt *st;
	size_t n = 0;
	snprintf(sql, sizeof sql, "SELECT highlight(t, %d, '[', ']') FROM t WHERE t MATCH ?1", col);
	snprintf(out, sizeof out, "error");
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return out;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *h = (const char *)sqlite3_column_text(st, 0), *a, *b;
		out[0] = '\0';
		for (a = strchr(h, '['); a && (b = strchr(a, ']')) != NULL; a = strchr(b, '['))
			n += (size_t)snprintf(out + n, sizeof out - n, "%.*s|", (int)(b - a - 1),
			                      a + 1);
	}
	sqlite3_finalize(st);
	return out;
}

static void marks_cases(void)
{
	one_row("", "Kilo one. Kilo two. Kilo three. Kilo four. Then mango kilo and more words "
	            "after it here.");
	tap_is_str(marks("kilo", 1), "Kilo|Kilo|Kilo|Kilo|kilo|",
	           "marks: every hit, as written, in order");
	tap_is_str(marks("kilo", 0), "", "marks: a column without a hit gives nothing");
	one_row("Extradition", "It may extradite; persons extradited before.");
	tap_is_str(marks("extraditions", 1), "extradite|extradited|",
	           "marks: the forms of one stem, each as written");
	tap_is_str(marks("extraditions", 0), "Extradition|", "marks: the heading's column");
	one_row("", "كلمة أولى؛ ثم جملة ثانية فيها البيانات هنا والمزيد من الكلمات بعدها");
	tap_is_str(marks("البيانات", 1), "البيانات|", "marks: Arabic text");
}

/* ---- Properties on generated text -------------------------------------- */

static const char *const vocab[] = {"alpha", "bravo", "carbo", "delta",  "ember",
                                    "fjord", "gamma", "hotel", "indigo", "jolly"};
static const char *const gaps[] = {" ", " ", " ", ", ", ". ", "; ", " (", ") ", ": ", " — "};

static unsigned long rng = 42;

static unsigned draw(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

/* Strip the marks into plain; the words marked, space-separated, into marked. */
static int unmark(const char *s, char *plain, char *marked)
{
	int depth = 0;
	size_t o = 0, m = 0;
	for (; *s; s++) {
		if (*s == '[' || *s == ']') {
			depth += *s == '[' ? 1 : -1;
			if (depth < 0 || depth > 1)
				return -1;
			if (*s == ']')
				marked[m++] = ' ';
			continue;
		}
		plain[o++] = *s;
		if (depth)
			marked[m++] = *s;
	}
	plain[o] = marked[m] = '\0';
	return depth == 0 ? 0 : -1;
}

/* Occurrences of word as a whole word in s[0..n). */
static int words_in(const char *s, size_t n, const char *word)
{
	int count = 0;
	size_t w = strlen(word);
	for (size_t i = 0; i + w <= n; i++)
		if (strncmp(s + i, word, w) == 0 &&
		    (i == 0 || s[i - 1] == ' ' || s[i - 1] == '(') &&
		    (i + w == n || strchr(" ,.;:)", s[i + w])))
			count++;
	return count;
}

static int tokens_in(const char *s, size_t n)
{
	int count = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] >= 'a' && s[i] <= 'z' && (i == 0 || !(s[i - 1] >= 'a' && s[i - 1] <= 'z')))
			count++;
	return count;
}

static int check(const char *text, const char *word, int want, const char **why)
{
	static char plain[8192], marked[8192];
	const char *s = snip(word, 1, want);
	size_t ell = strlen("…");
	if (strncmp(s, "error", 5) == 0)
		return *why = s, 0;
	if (unmark(s, plain, marked) < 0)
		return *why = "marks not paired", 0;
	char *p = plain;
	size_t n = strlen(p);
	int lead = strncmp(p, "…", ell) == 0;
	if (lead)
		p += ell, n -= ell;
	int trail = n >= ell && strcmp(p + n - ell, "…") == 0;
	if (trail)
		n -= ell;
	size_t tn = strlen(text);
	if (!lead && strncmp(text, p, n) != 0)
		return *why = "no ellipsis, yet not from the beginning", 0;
	if (!trail && (tn < n || memcmp(text + tn - n, p, n) != 0))
		return *why = "no ellipsis, yet not to the end", 0;
	int piece = 0;
	for (size_t i = 0; i + n <= tn && !piece; i++)
		piece = memcmp(text + i, p, n) == 0;
	if (!piece)
		return *why = "not a piece of the text", 0;
	if (tokens_in(p, n) > want)
		return *why = "more tokens than asked for", 0;
	int hits = words_in(p, n, word);
	if (hits == 0)
		return *why = "no hit shown", 0;
	if (words_in(marked, strlen(marked), word) != hits)
		return *why = "a hit not marked, or a mark not on a hit", 0;
	return 1;
}

static void properties(void)
{
	char text[8192];
	int bad = 0, runs = 0, marked_bad = 0, marked_runs = 0;
	const char *why = NULL, *bad_text = NULL;
	static char kept[8192];
	for (int r = 0; r < 400; r++) {
		size_t len = 0;
		int nwords = 1 + (int)draw(120);
		for (int i = 0; i < nwords; i++)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%s",
			                        i ? gaps[draw(10)] : "", vocab[draw(10)]);
		if (draw(2))
			len += (size_t)snprintf(text + len, sizeof text - len, ".");
		one_row("", text);
		const char *word = vocab[draw(10)];
		if (!words_in(text, len, word))
			continue;
		marked_runs++;
		if (strcmp(marks(word, 1), highlighted(word, 1)) != 0 && !marked_bad++)
			tap_diag("marks %s, highlight() %s, in: %s", marks(word, 1),
			         highlighted(word, 1), text);
		for (int w = 1; w <= 25; w += 6) {
			runs++;
			if (!check(text, word, w, &why) && !bad++) {
				snprintf(kept, sizeof kept, "%s | %s | %d | %s", why, word, w,
				         text);
				bad_text = kept;
			}
		}
	}
	tap_ok(bad == 0 && runs > 500,
	       "%d generated snippets are pieces of their text with every hit marked", runs);
	if (bad_text)
		tap_diag("%d bad; first: %s", bad, bad_text);
	tap_ok(marked_bad == 0 && marked_runs > 100,
	       "on %d generated texts, treaty_marks() gives the words highlight() marks",
	       marked_runs);
}

int main(void)
{
	char err[256];
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    i18n_fts5_register(db, err, sizeof err) < 0 ||
	    corpus_snippet_register(db, err, sizeof err) < 0 ||
	    exec("CREATE VIRTUAL TABLE t USING fts5(heading, text, tokenize='treaty en')") !=
	        SQLITE_OK) {
		printf("Bail out! %s\n", sqlite3_errmsg(db));
		return 1;
	}
	cases();
	marks_cases();
	properties();
	sqlite3_close(db);
	return tap_done();
}
