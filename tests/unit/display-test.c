/*
 * Display: widths, wrapping, sanitising, bidi layout and the byte offsets
 * that tie each drawn glyph to its source.  The Arabic, Chinese, Russian and
 * other sentences here are test text written for these tests, not treaty text.
 */
#include "i18n/display-internal.h"
#include "i18n/i18n.h"
#include "tests/tap.h"

#include <locale.h>
#include <stdlib.h>
#include <unicode/uchar.h>
#include <wchar.h>

/* ---- widths ---------------------------------------------------------- */

static const struct {
	const char *s, *name;
	int narrow, wide; /* ambiguous narrow (default), ambiguous wide */
} widths[] = {
	{"abc", "ASCII", 3, 3},
	{"\xC3\xA9", "é composed", 1, 1},
	{"e\xCC\x81", "é decomposed (e + U+0301)", 1, 1},
	{"a\xCC\x88\xCC\xB1", "a with two combining marks", 1, 1},
	{"\xE4\xB8\xAD", "中", 2, 2},
	{"\xE4\xB8\xAD\xE6\x96\x87", "中文", 4, 4},
	{"\xEF\xBC\xA1", "fullwidth A", 2, 2},
	{"\xF0\x9F\x98\x80", "emoji U+1F600 (wide)", 2, 2},
	{"\xE2\x98\xBA\xEF\xB8\x8F", "U+263A + VS16: as wcwidth, 1", 1, 1},
	{"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7",
	 "ZWJ family: three wide emoji", 6, 6},
	{"\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", "flag: two regional indicators", 2, 2},
	{"\xD9\x83\xD9\x8E\xD8\xAA\xD9\x8E\xD8\xA8\xD9\x8E", "Arabic with harakat", 3, 3},
	{"a\xE2\x80\x8B" "b", "ZWSP takes no cell", 2, 2},
	{"a\xE2\x80\x8F" "b", "RLM takes no cell", 2, 2},
	{"\xCC\x81", "lone combining mark on a dotted circle", 1, 1},
	{"\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8", "conjoining jamo L V T", 2, 2},
	{"\xC2\xB1", "± is East Asian ambiguous", 1, 2},
	{"co\xC2\xAD" "op", "soft hyphen: nothing inside a line", 4, 4},
	{"\x1B[31m", "ESC [31m: ␛ and four", 5, 5},
	{"\xE2\x80\xAE", "U+202E as <U+202E>", 8, 8},
	{"\xC2\x9B", "C1 CSI as <U+009B>", 8, 8},
	{"a\xFF" "b", "a byte that is not UTF-8: U+FFFD", 3, 3},
	{"a\tb", "tab to column 8", 9, 9},
	{"", "empty", 0, 0},
};

static void width_cases(void)
{
	for (size_t i = 0; i < sizeof widths / sizeof *widths; i++) {
		tap_is_int(i18n_width(widths[i].s, strlen(widths[i].s)), widths[i].narrow,
			   widths[i].name);
		i18n_set_ambiguous_wide(1);
		int wide = i18n_width(widths[i].s, strlen(widths[i].s));
		i18n_set_ambiguous_wide(0);
		if (widths[i].wide != widths[i].narrow)
			tap_is_int(wide, widths[i].wide, "ambiguous wide");
	}
	tap_is_int(i18n_width("a\0b", 3), 3, "NUL counts as ␀");
	tap_is_int(i18n_width("a\nb", 3), 3, "\\n inside a line counts as ␊");
}

/*
 * Each code point counts what the C library's wcwidth() gives it, which is
 * what ncursesw uses.  Not compared: what wcwidth() refuses (-1: controls,
 * unassigned, and the 4491 code points new in Unicode 15 that glibc 2.36
 * does not know yet), what the display shows as a stand-in, and the soft
 * hyphen, which the display does not draw (wcwidth 1).
 */
static void wcwidth_agreement(void)
{
	if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "en_US.UTF-8")) {
		tap_skip("no UTF-8 locale for wcwidth()");
		return;
	}
	long compared = 0, differ = 0;
	for (UChar32 c = 0; c < 0x110000; c++) {
		if (U_IS_SURROGATE(c) || c == 0xAD || dsp_is_control(c))
			continue;
		int w = wcwidth((wchar_t)c);
		if (w < 0)
			continue;
		compared++;
		if (w != dsp_cp_width(c) && differ++ < 5)
			tap_diag("U+%04X: wcwidth %d, display %d", (unsigned)c, w, dsp_cp_width(c));
	}
	setlocale(LC_CTYPE, "C");
	tap_diag("%ld code points compared with wcwidth()", compared);
	tap_ok(compared > 100000 && differ == 0, "widths agree with wcwidth() (%ld differ)",
	       differ);
}

/* ---- wrapping -------------------------------------------------------- */

/* The lines of s at width w, joined with '|'. */
static char *wrapped(const char *s, int w)
{
	static char out[4096];
	struct i18n_span *lines;
	size_t n;
	char err[128];
	if (i18n_wrap(s, strlen(s), w, &lines, &n, err, sizeof err) < 0) {
		snprintf(out, sizeof out, "error: %s", err);
		return out;
	}
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%.*s", i ? "|" : "",
					(int)(lines[i].end - lines[i].start), s + lines[i].start);
	out[len] = '\0';
	free(lines);
	return out;
}

static const struct {
	const char *s;
	int width;
	const char *want, *name;
} wraps[] = {
	{"The quick brown fox jumps", 10, "The quick |brown fox |jumps", "Latin at spaces"},
	{"abcde fghij", 5, "abcde |fghij", "exact fit, the space hangs"},
	{"abc    def", 3, "abc    |def", "several spaces hang"},
	{"\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xB2\xD1\x81\xD0\xB5\xD0\xBC "
	 "\xD0\xB4\xD1\x80\xD1\x83\xD0\xB7\xD1\x8C\xD1\x8F\xD0\xBC",
	 12,
	 "\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\xB2\xD1\x81\xD0\xB5\xD0\xBC "
	 "|\xD0\xB4\xD1\x80\xD1\x83\xD0\xB7\xD1\x8C\xD1\x8F\xD0\xBC",
	 "Cyrillic at spaces"},
	/* 我们是朋友。他们也是。: 。 may not start a line, so 友 goes down with it. */
	{"\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\xAF\xE6\x9C\x8B\xE5\x8F\x8B\xE3\x80\x82\xE4\xBB\x96"
	 "\xE4\xBB\xAC\xE4\xB9\x9F\xE6\x98\xAF\xE3\x80\x82",
	 10,
	 "\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\xAF\xE6\x9C\x8B|\xE5\x8F\x8B\xE3\x80\x82\xE4\xBB\x96"
	 "\xE4\xBB\xAC\xE4\xB9\x9F|\xE6\x98\xAF\xE3\x80\x82",
	 "Chinese between characters, never before 。"},
	/* 他说「你好」，对。 at 6 cells: 「 stays with 你, 」 and ， with 好. */
	{"\xE4\xBB\x96\xE8\xAF\xB4\xE3\x80\x8C\xE4\xBD\xA0\xE5\xA5\xBD\xE3\x80\x8D\xEF\xBC\x8C"
	 "\xE5\xAF\xB9\xE3\x80\x82",
	 6,
	 "\xE4\xBB\x96\xE8\xAF\xB4|\xE3\x80\x8C\xE4\xBD\xA0|\xE5\xA5\xBD\xE3\x80\x8D\xEF\xBC\x8C|"
	 "\xE5\xAF\xB9\xE3\x80\x82",
	 "Chinese: not after 「, not before 」 or ，"},
	/* （草案）： not before ）. */
	{"\xEF\xBC\x88\xE8\x8D\x89\xE6\xA1\x88\xEF\xBC\x89", 4,
	 "\xEF\xBC\x88\xE8\x8D\x89|\xE6\xA1\x88\xEF\xBC\x89", "Chinese: not before ）"},
	{"internationalisation", 8, "internat|ionalisa|tion", "a long word cut between clusters"},
	{"e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2, "e\xCC\x81" "e\xCC\x81|e\xCC\x81",
	 "never inside a cluster"},
	{"\xE4\xB8\xAD\xE4\xB8\xAD", 1, "\xE4\xB8\xAD|\xE4\xB8\xAD",
	 "a cluster wider than the line"},
	{"ab\ncd", 80, "ab|cd", "hard break at \\n"},
	{"ab\r\ncd", 80, "ab|cd", "hard break at \\r\\n"},
	{"a\n\nb", 80, "a||b", "an empty line"},
	{"a\n", 80, "a", "a final \\n starts no line"},
	{"inter\xC2\xAD" "national", 6, "inter\xC2\xAD|nation|al",
	 "soft hyphen counts 1 at a break"},
	{"a\xE2\x80\xA8" "b", 80, "a\xE2\x80\xA8|b", "U+2028 breaks and stays"},
	{"\xD9\x86\xD8\xB5 \xD9\x82\xD8\xB5\xD9\x8A\xD8\xB1 \xD8\xAC\xD8\xAF\xD8\xA7", 7,
	 "\xD9\x86\xD8\xB5 \xD9\x82\xD8\xB5\xD9\x8A\xD8\xB1 |\xD8\xAC\xD8\xAF\xD8\xA7",
	 "Arabic at spaces"},
};

static void wrap_cases(void)
{
	for (size_t i = 0; i < sizeof wraps / sizeof *wraps; i++)
		tap_is_str(wrapped(wraps[i].s, wraps[i].width), wraps[i].want, wraps[i].name);

	struct i18n_span *lines = (void *)1;
	size_t n = 9;
	tap_ok(i18n_wrap("", 0, 10, &lines, &n, NULL, 0) == 0 && n == 0, "empty text: no lines");
	free(lines);
}

/* ---- layout helpers --------------------------------------------------- */

static int lay(const char *s, size_t len, enum i18n_bidi_mode mode, struct i18n_layout *out)
{
	char err[128];
	int rc = i18n_layout_line(s, len, (struct i18n_span){0, len}, mode, out, err, sizeof err);
	if (rc < 0)
		tap_diag("layout: %s", err);
	return rc;
}

/* Nothing a terminal would act on: no C0, DEL or C1 in the bytes drawn. */
static int inert(const char *text)
{
	const unsigned char *p = (const unsigned char *)text;
	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return 0;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 0;
	}
	return 1;
}

/* ---- sanitising ------------------------------------------------------- */

static const struct {
	const char *s;
	size_t len;
	const char *want, *name;
	int marks;
} sanitised[] = {
	{"\x1B[31mred", 8, "\xE2\x90\x9B[31mred", "ESC [31m shows as ␛[31m", 1},
	{"a\xE2\x80\xAE" "b", 5, "a<U+202E>b", "RLO shows as <U+202E>, does not reorder", 1},
	{"a\0b", 3, "a\xE2\x90\x80" "b", "NUL shows as ␀", 1},
	{"a\xC2\x9B" "1m", 5, "a<U+009B>1m", "C1 CSI shows as <U+009B>", 1},
	{"\x7F", 1, "\xE2\x90\xA1", "DEL shows as ␡", 1},
	{"a\xFF", 2, "a\xEF\xBF\xBD", "a bad byte shows as U+FFFD", 1},
	{"\xE2\x81\xA6x\xE2\x81\xA9", 7, "<U+2066>x<U+2069>", "isolates show", 2},
	{"a\rb", 3, "a\xE2\x90\x8D" "b", "CR shows as ␍", 1},
	{"\xCD\xB8", 2, "<U+0378>", "an unassigned code point shows", 1},
	{"a\tb", 3, "a       b", "a tab becomes spaces to column 8", 0},
	{"x\xE2\x80\x8F" "y", 5, "xy", "RLM is kept but not drawn", 0},
	{"\xCC\x81", 2, "\xE2\x97\x8C\xCC\x81", "a lone mark gets a dotted circle", 0},
};

static void sanitise_cases(void)
{
	for (size_t i = 0; i < sizeof sanitised / sizeof *sanitised; i++) {
		struct i18n_layout l;
		if (lay(sanitised[i].s, sanitised[i].len, I18N_BIDI_APP, &l) < 0) {
			tap_ok(0, "%s", sanitised[i].name);
			continue;
		}
		int marks = 0;
		for (size_t g = 0; g < l.n; g++)
			marks += l.glyphs[g].mark != 0;
		tap_is_str(l.text, sanitised[i].want, sanitised[i].name);
		tap_is_int(marks, sanitised[i].marks, "  glyphs flagged as marks");
		i18n_layout_free(&l);
	}

	/* Every code point U+0000–U+00FF and every byte 0x80–0xFF alone. */
	char all[256 * 2 + 128];
	size_t len = 0;
	for (unsigned c = 0; c < 256; c++) {
		if (c == '\n') {
			continue; /* a paragraph break: lines never hold one */
		} else if (c < 0x80) {
			all[len++] = (char)c;
		} else {
			all[len++] = (char)(0xC0 | c >> 6);
			all[len++] = (char)(0x80 | (c & 0x3F));
		}
	}
	for (unsigned c = 0x80; c < 0x100; c++)
		all[len++] = (char)c;
	const enum i18n_bidi_mode modes[] = {I18N_BIDI_APP, I18N_BIDI_TERMINAL, I18N_BIDI_OFF};
	for (int m = 0; m < 3; m++) {
		struct i18n_layout l;
		int ok = lay(all, len, modes[m], &l) == 0 && inert(l.text);
		tap_ok(ok, "no control reaches the terminal (mode %d)", m);
		i18n_layout_free(&l);
	}

	/* The screen shows the same stand-ins as the command line. */
	const char in[] = "a\x1B[1mb\x01" "c\xC2\x9B\xE2\x80\xAE\xFF";
	char *visible = i18n_visible(in, sizeof in - 1);
	struct i18n_layout l;
	if (visible && lay(in, sizeof in - 1, I18N_BIDI_OFF, &l) == 0) {
		tap_is_str(l.text, visible, "stand-ins as i18n_visible() prints them");
		tap_ok(inert(visible), "  and i18n_visible() lets no control through");
		i18n_layout_free(&l);
	}
	free(visible);
}

/* ---- bidi ------------------------------------------------------------- */

/*
 * نص 12 و ICU (أ).  Worked by hand with UAX #9: the paragraph is RTL (first
 * strong is Arabic); "12" after Arabic letters is AN (W2), level 2; "ICU"
 * is L, level 2; the brackets enclose R so become R (N0); the spaces and
 * the final stop resolve to R (N1, N2).  Glyphs, logically:
 *   0 ن 1 ص 2 ␠ 3 1 4 2 5 ␠ 6 و 7 ␠ 8 I 9 C 10 U 11 ␠ 12 ( 13 أ 14 ) 15 .
 * Reversing all (level 1) then the level-2 runs gives, left to right:
 *   15 14 13 12 11 8 9 10 7 6 5 3 4 2 1 0
 * and the brackets, at level 1, are drawn mirrored.
 */
static const char arabic[] = "\xD9\x86\xD8\xB5 12 \xD9\x88 ICU (\xD8\xA3).";

static void bidi_cases(void)
{
	static const int want[] = {15, 14, 13, 12, 11, 8, 9, 10, 7, 6, 5, 3, 4, 2, 1, 0};
	size_t start[16], k = 0; /* byte offset of each logical glyph */
	for (size_t i = 0; i < sizeof arabic - 1; i++)
		if (((unsigned char)arabic[i] & 0xC0) != 0x80)
			start[k++] = i;
	struct i18n_layout l;
	if (lay(arabic, sizeof arabic - 1, I18N_BIDI_APP, &l) < 0 || l.n != 16) {
		tap_ok(0, "Arabic sentence laid out in 16 glyphs");
		return;
	}
	int order_ok = 1;
	for (size_t v = 0; v < l.n; v++)
		order_ok &= l.glyphs[v].src == start[want[v]];
	tap_ok(order_ok, "visual order of an Arabic sentence with numbers and Latin");
	tap_ok(l.rtl, "  the paragraph is right-to-left");
	/* . ( ﺃ ) ␠ ICU ␠ ﻭ ␠ 12 ␠ ﺺ ﻧ : shaped, brackets mirrored. */
	tap_is_str(l.text,
		   ".(\xEF\xBA\x83) ICU \xEF\xBB\xAD 12 \xEF\xBA\xBA\xEF\xBB\xA7",
		   "  brackets mirrored, letters in presentation forms");
	tap_is_int(l.width, 16, "  width");
	i18n_layout_free(&l);

	if (lay(arabic, sizeof arabic - 1, I18N_BIDI_TERMINAL, &l) == 0) {
		tap_is_str(l.text, "\xEF\xBB\xA7\xEF\xBA\xBA 12 \xEF\xBB\xAD ICU (\xEF\xBA\x83).",
			   "terminal mode: logical order, shaped, not mirrored");
		i18n_layout_free(&l);
	}
	if (lay(arabic, sizeof arabic - 1, I18N_BIDI_OFF, &l) == 0) {
		tap_is_str(l.text, arabic, "off: the text as stored");
		tap_ok(l.rtl, "  still knows the direction");
		i18n_layout_free(&l);
	}

	/* لا: lam-alef is one ligature glyph covering both letters. */
	const char la[] = "\xD9\x84\xD8\xA7";
	if (lay(la, 4, I18N_BIDI_APP, &l) == 0) {
		tap_ok(l.n == 1 && l.glyphs[0].src == 0 && l.glyphs[0].src_len == 4 &&
			       l.glyphs[0].width == 1,
		       "lam-alef: one glyph, one cell, both letters");
		tap_is_str(l.text, "\xEF\xBB\xBB", "  U+FEFB");
		i18n_layout_free(&l);
	}
	/* بلا with fatha on the lam: final ligature, the mark kept combining. */
	const char bla[] = "\xD8\xA8\xD9\x84\xD9\x8E\xD8\xA7";
	if (lay(bla, sizeof bla - 1, I18N_BIDI_APP, &l) == 0) {
		tap_is_str(l.text, "\xEF\xBB\xBC\xD9\x8E\xEF\xBA\x91",
			   "lam-alef after a joining letter: final form, harakat kept");
		i18n_layout_free(&l);
	}

	/* A Latin paragraph with an Arabic word: only that word runs RTL. */
	const char mixed[] = "see \xD9\x86\xD8\xB5 (x)";
	if (lay(mixed, sizeof mixed - 1, I18N_BIDI_APP, &l) == 0) {
		tap_is_str(l.text, "see \xEF\xBA\xBA\xEF\xBB\xA7 (x)", "LTR paragraph, RTL word");
		tap_ok(!l.rtl, "  left-to-right paragraph");
		i18n_layout_free(&l);
	}

	/* The line of the second paragraph takes that paragraph's direction. */
	const char two[] = "abc\n\xD9\x86\xD8\xB5 d";
	char err[128];
	struct i18n_span second = {4, sizeof two - 1};
	int rc = i18n_layout_line(two, sizeof two - 1, second, I18N_BIDI_APP, &l, err, sizeof err);
	if (rc == 0) {
		tap_ok(l.rtl, "each paragraph has its own direction");
		tap_is_str(l.text, "d \xEF\xBA\xBA\xEF\xBB\xA7", "  and is reordered alone");
		i18n_layout_free(&l);
	}
	struct i18n_span bad = {0, 5};
	tap_ok(i18n_layout_line(two, sizeof two - 1, bad, I18N_BIDI_APP, &l, err, sizeof err) < 0,
	       "a span across a paragraph break is refused (%s)", err);
	/* A text without right-to-left letters skips the UBA, and says the same. */
	const char latin[] = "abc\n(d) e";
	tap_ok(i18n_layout_line(latin, sizeof latin - 1, bad, I18N_BIDI_APP, &l, err, sizeof err) < 0,
	       "so is one in a text without right-to-left letters (%s)", err);
	struct i18n_span last = {4, sizeof latin - 1};
	if (i18n_layout_line(latin, sizeof latin - 1, last, I18N_BIDI_APP, &l, err, sizeof err) ==
	    0) {
		tap_ok(!l.rtl && strcmp(l.text, "(d) e") == 0 && l.n == 5,
		       "  its lines in logical order, brackets as they are: %s", l.text);
		i18n_layout_free(&l);
	}
	struct i18n_span inside = {5, 6};
	tap_ok(i18n_layout_line(two, sizeof two - 1, inside, I18N_BIDI_OFF, &l, err, sizeof err) <
		       0,
	       "a span inside a character is refused");

	/* Paragraphs laid out in turn (two columns, then more than are kept). */
	const char *paras[] = {arabic, mixed, "abc", "\xD8\xA8 (x)", "\xD8\xA8 [y]", arabic};
	char first[6][128];
	int same = 1;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 6; i++) {
			if (lay(paras[i], strlen(paras[i]), I18N_BIDI_APP, &l) < 0) {
				same = 0;
				continue;
			}
			if (round == 0)
				snprintf(first[i], sizeof first[i], "%s", l.text);
			else
				same &= strcmp(first[i], l.text) == 0;
			i18n_layout_free(&l);
		}
	}
	tap_ok(same, "paragraphs laid out in turn come out the same");
	tap_is_str(first[3], "(x) \xEF\xBA\x8F", "  each with its own bidi");

	tap_is_str(i18n_bidi_terminal_prelude(I18N_BIDI_APP), "\033[8l", "app: CSI 8 l on start");
	tap_is_str(i18n_bidi_terminal_restore(I18N_BIDI_APP), "\033[8h", "app: CSI 8 h on exit");
	tap_is_str(i18n_bidi_terminal_prelude(I18N_BIDI_OFF), "", "off: nothing");
}

/* ---- offsets: every glyph maps back to its bytes ----------------------- */

static const char *round_trip[] = {
	arabic,
	"\xD9\x84\xD9\x8E\xD8\xA7 \xD8\xA7\xD9\x84\xD8\xA7\xD8\xAA\xD9\x81\xD8\xA7\xD9\x82 "
	"(\xD9\x85\xD8\xAB\xD9\x84\xD8\xA7\xD9\x8B) 2024\xD8\x8C \xD9\x88 ABC",
	"\xE6\x88\x91\xE4\xBB\xAC\xE6\x98\xAF\xE6\x9C\x8B\xE5\x8F\x8B\xE3\x80\x82 The fox, "
	"\xD0\xBB\xD0\xB8\xD1\x81\xD0\xB0.",
	"ctl \x1B[31m\xE2\x80\xAE rev \xE2\x80\xAC \xC2\x9B bad \xFF\xFE end\t tab",
	"e\xCC\x81t\xC3\xA9 \xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9 co\xC2\xAD" "op "
	"\xEF\xBB\xBB kept presentation form",
};

/* Glyph sources tile [start, end) once; outs tile the text; widths add up. */
static int check_layout(const char *s, struct i18n_span line, const struct i18n_layout *l,
			int limit, char *why, size_t whylen)
{
	unsigned char *seen = calloc(line.end - line.start + 1, 1);
	size_t out = 0;
	int width = 0, ok = 1, drawn = 0;
	for (size_t g = 0; g < l->n && ok; g++) {
		const struct i18n_glyph *gl = &l->glyphs[g];
		if (gl->src < line.start || gl->src + gl->src_len > line.end || gl->src_len == 0)
			ok = 0, snprintf(why, whylen, "glyph %zu outside the line", g);
		for (size_t b = gl->src; ok && b < gl->src + gl->src_len; b++)
			if (seen[b - line.start]++)
				ok = 0, snprintf(why, whylen, "byte %zu in two glyphs", b);
		if (ok && gl->out != out)
			ok = 0, snprintf(why, whylen, "glyph %zu out of sequence", g);
		out += gl->out_len;
		width += gl->width;
		drawn += gl->width > 0;
	}
	for (size_t b = line.start; ok && b < line.end; b++)
		if (!seen[b - line.start])
			ok = 0, snprintf(why, whylen, "byte %zu in no glyph", b);
	free(seen);
	if (ok && (out != strlen(l->text) || width != l->width))
		ok = 0, snprintf(why, whylen, "text or width does not add up");
	if (ok && l->width > limit && drawn > 1) /* one cluster wider than a line may be alone */
		ok = 0, snprintf(why, whylen, "%d cells on a line of %d", l->width, limit);
	if (ok && !inert(l->text))
		ok = 0, snprintf(why, whylen, "a control in the text");
	(void)s;
	return ok;
}

static void offset_cases(void)
{
	const enum i18n_bidi_mode modes[] = {I18N_BIDI_APP, I18N_BIDI_TERMINAL, I18N_BIDI_OFF};
	const int widths_to_try[] = {80, 12, 5, 1};
	for (size_t i = 0; i < sizeof round_trip / sizeof *round_trip; i++) {
		const char *s = round_trip[i];
		size_t len = strlen(s);
		int ok = 1, logical_ok = 1;
		char why[160] = "";
		for (int w = 0; w < 4 && ok; w++) {
			struct i18n_span *lines;
			size_t n;
			if (i18n_wrap(s, len, widths_to_try[w], &lines, &n, why, sizeof why) < 0) {
				ok = 0;
				break;
			}
			size_t covered = 0;
			for (size_t k = 0; k < n && ok; k++) {
				ok = lines[k].start == covered;
				covered = lines[k].end;
				for (int m = 0; m < 3 && ok; m++) {
					struct i18n_layout l;
					ok = i18n_layout_line(s, len, lines[k], modes[m], &l, why,
							      sizeof why) == 0 &&
					     check_layout(s, lines[k], &l, widths_to_try[w], why,
							  sizeof why);
					/* Logical modes: glyphs in source order. */
					for (size_t g = 1; ok && m > 0 && g < l.n; g++)
						logical_ok &= l.glyphs[g].src > l.glyphs[g - 1].src;
					i18n_layout_free(&l);
				}
			}
			ok &= covered == len;
			free(lines);
		}
		tap_ok(ok && logical_ok, "offsets round-trip, text %zu%s%s", i, *why ? ": " : "",
		       why);
	}
}

/*
 * Random texts from pieces that stress the display (a fixed seed, so a
 * failure repeats): every line of every wrap, in every mode, must keep the
 * invariants of check_layout(), and the lines must cover the text but for
 * the '\n' (or "\r\n") that ends a line.
 */
static const char *pieces[] = {
	"a", "word ", " ", "  ", "\t", "\n", "\r\n", "\r", "\x1B[2J", "\x7F", "\xC2\x9B", "\xFF",
	"\xE2\x80\xAE", "\xE2\x81\xA7", "\xE2\x80\x8F", "\xE2\x80\x8B", "\xC2\xAD",
	"\xCC\x81", "e\xCC\x81", "\xE4\xB8\xAD", "\xE3\x80\x82", "\xE3\x80\x8C", "(", ")", "[",
	"\xD9\x84", "\xD8\xA7", "\xD8\xA3", "\xD9\x8E", "\xD8\xA8", "\xD9\x80", "\xD9\xA1",
	"12", "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", "\xF0\x9F\x87\xAB",
	"\xEF\xBB\xBB", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xCD\xB8", "\xD7\x90",
};

static unsigned long rnd_state = 12345;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rnd_state >> 33) % n;
}

static int random_text_ok(const char *s, size_t len, int width, char *why, size_t whylen)
{
	const enum i18n_bidi_mode modes[] = {I18N_BIDI_APP, I18N_BIDI_TERMINAL, I18N_BIDI_OFF};
	struct i18n_span *lines;
	size_t n, covered = 0;
	if (i18n_wrap(s, len, width, &lines, &n, why, whylen) < 0)
		return 0;
	int ok = 1;
	for (size_t k = 0; k < n && ok; k++) {
		size_t gap = lines[k].start - covered;
		const char *g = s + covered;
		ok = gap == 0 || (gap == 1 && g[0] == '\n') || (gap == 2 && !memcmp(g, "\r\n", 2));
		if (!ok)
			snprintf(why, whylen, "line %zu does not follow the one before", k);
		covered = lines[k].end;
		for (int m = 0; m < 3 && ok; m++) {
			struct i18n_layout l;
			ok = i18n_layout_line(s, len, lines[k], modes[m], &l, why, whylen) == 0 &&
			     check_layout(s, lines[k], &l, width, why, whylen);
			i18n_layout_free(&l);
		}
	}
	size_t rest = len - covered;
	if (ok && !(rest == 0 || (rest == 1 && s[covered] == '\n') ||
		    (rest == 2 && !memcmp(s + covered, "\r\n", 2))))
		ok = 0, snprintf(why, whylen, "the lines stop at %zu of %zu", covered, len);
	free(lines);
	return ok;
}

static void random_cases(void)
{
	char s[512], why[160] = "";
	int failed = 0, cases = 2000;
	for (int c = 0; c < cases && !failed; c++) {
		size_t len = 0;
		for (unsigned p = rnd(40); p > 0; p--) {
			const char *piece = pieces[rnd(sizeof pieces / sizeof *pieces)];
			size_t n = strlen(piece);
			if (len + n >= sizeof s)
				break;
			memcpy(s + len, piece, n);
			len += n;
		}
		if (!random_text_ok(s, len, 1 + (int)rnd(20), why, sizeof why)) {
			failed = 1;
			tap_diag("case %d (%zu bytes): %s", c, len, why);
		}
	}
	tap_ok(!failed, "%d random texts keep the layout invariants", cases);
}

int main(void)
{
	width_cases();
	wcwidth_agreement();
	wrap_cases();
	sanitise_cases();
	bidi_cases();
	offset_cases();
	random_cases();
	return tap_done();
}
