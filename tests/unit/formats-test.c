/*
 * formats-test.c — the format readers on their own: telling formats apart,
 * UN symbols, rejoining words broken at line ends, the PDF cleaner on page
 * layouts written here (as pdftotext would), and the HTML reader.  The text
 * is invented test text.  Importing real PDFs and Word files made at test
 * time is the job of the shell tests in tests/formats/.
 */
#include "corpus/convert.h"
#include "corpus/dehyphen.h"
#include "tests/tap.h"

#include <stdlib.h>
#include <string.h>

/* ---- Sniffing ----------------------------------------------------------- */

static void test_sniff(void)
{
	static const struct {
		const char *path, *bytes;
		size_t len;
		int fmt; /* -1: refused */
	} cases[] = {
	    {"a.pdf", "%PDF-1.7\n", 9, CORPUS_FORMAT_PDF},
	    {"noext", "junk%PDF-1.4\n", 13, CORPUS_FORMAT_PDF},
	    {"a.docx", "PK\x03\x04....word/document.xml", 29, CORPUS_FORMAT_DOCX},
	    {"a.zip", "PK\x03\x04....other.xml", 21, -1},
	    {"a.odt", "PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.text", 53, -1},
	    {"a.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8, -1},
	    {"a.rtf", "{\\rtf1 hello", 12, -1},
	    {"page", "  <!DOCTYPE html><p>x", 21, CORPUS_FORMAT_HTML},
	    {"page.txt", "<HTML><BODY>x", 13, CORPUS_FORMAT_HTML},
	    {"a.txt", "Article 1\n", 10, CORPUS_FORMAT_TEXT},
	    {"a.txt", "<not html> Article 1", 20, CORPUS_FORMAT_TEXT},
	    {"a.pdf", "Article 1\n", 10, -1},
	    {"a.DOCX", "Article 1\n", 10, -1},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		enum corpus_format f;
		char err[256] = "";
		int rc =
		    corpus_sniff(cases[i].path, cases[i].bytes, cases[i].len, &f, err, sizeof err);
		if (cases[i].fmt < 0)
			tap_ok(rc < 0 && strstr(err, cases[i].path), "sniff %s %zu refused: %s",
			       cases[i].path, i, err);
		else
			tap_ok(rc == 0 && (int)f == cases[i].fmt, "sniff %s %zu is %s",
			       cases[i].path, i,
			       corpus_format_name((enum corpus_format)cases[i].fmt));
	}
}

static void test_symbols(void)
{
	static const char *const yes[] = {
	    "A/RES/79/243",      "A/AC.291/L.15", "E/CN.15/2024/L.3/Rev.1",
	    "S/RES/2719 (2023)", "A/79/L.2",      "CTOC/COP/2020/10"};
	static const char *const no[] = {
	    "and/or", "A/RES",    "a/res/79/243", "24-24403", "S/RES/2719 (20x3)",
	    "A//79",  "Article 5"};
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		tap_ok(corpus_is_un_symbol(yes[i], strlen(yes[i])), "symbol: %s", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		tap_ok(!corpus_is_un_symbol(no[i], strlen(no[i])), "no symbol: %s", no[i]);
}

/* ---- Line-end hyphens ------------------------------------------------------ */

static void test_line_join(void)
{
	/* What the rest of the document says (halves of broken words left out). */
	static const char *const vocabulary[] = {
	    "the legislation of each Party and cross-border co-operation",
	    "communication between authorities of the Parties concerned",
	    "criminal offences and co-ordinate measures against crime",
	};
	static const struct {
		const char *a, *b;
		enum corpus_join want;
	} cases[] = {
	    {"adopt such legisla-", "tion as may be", CORPUS_JOIN_DROP_HYPHEN},
	    {"in the field of cross-", "border exchange", CORPUS_JOIN_KEEP_HYPHEN},
	    {"an unknown compu-", "ter system", CORPUS_JOIN_DROP_HYPHEN},
	    {"with non-", "European States", CORPUS_JOIN_KEEP_HYPHEN},
	    {"by e-", "mail or post", CORPUS_JOIN_KEEP_HYPHEN},
	    {"a seven-day-a-", "week basis", CORPUS_JOIN_KEEP_HYPHEN},
	    {"a seven-", "day-a-week basis", CORPUS_JOIN_KEEP_HYPHEN},
	    {"for non-", "governmental bodies", CORPUS_JOIN_KEEP_HYPHEN},
	    {"the non-crimi-", "nal sanctions", CORPUS_JOIN_DROP_HYPHEN},
	    {"to co-", "ordinate measures", CORPUS_JOIN_KEEP_HYPHEN},
	    {"of the com-", "munication", CORPUS_JOIN_DROP_HYPHEN},
	    {"OFFENCES AGAINST THE AVAILABILI-", "TY OF DATA", CORPUS_JOIN_DROP_HYPHEN},
	    {"in 1990-", "2000 it was", CORPUS_JOIN_SPACE},
	    {"words and \xE2\x80\x94", "a dash", CORPUS_JOIN_SPACE},
	    {"no hyphen", "here", CORPUS_JOIN_SPACE},
	    {"soft legisla\xC2\xAD", "ture", CORPUS_JOIN_DROP_HYPHEN},
	    {"the leg\xE2\x80\x90", "islation", CORPUS_JOIN_DROP_HYPHEN},
	};
	struct corpus_words *w = corpus_words_new();
	for (size_t i = 0; w && i < sizeof vocabulary / sizeof *vocabulary; i++)
		corpus_words_add_line(w, vocabulary[i], 0, 0);
	tap_ok(w && corpus_words_count(w, "Legislation,", 12) == 1,
	       "vocabulary counts words without case or punctuation");
	tap_ok(w && corpus_words_count(w, "border", 6) == 1, "and the parts of compounds");
	for (size_t i = 0; w && i < sizeof cases / sizeof *cases; i++) {
		enum corpus_join j = corpus_line_join(cases[i].a, cases[i].b, w);
		tap_ok(j == cases[i].want, "join \"%s\" + \"%s\" -> %d (want %d)", cases[i].a,
		       cases[i].b, j, cases[i].want);
	}
	corpus_words_free(w);
}

/* ---- The PDF cleaner ---------------------------------------------------------- */

/* A layout written the way pdftotext -bbox-layout writes one. */
struct doc {
	char *s;
	size_t len;
	int in_page, in_block;
};

static void put(struct doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct doc *d, const char *fmt, ...)
{
	va_list ap;
	char buf[4096];
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	d->s = realloc(d->s, d->len + (size_t)n + 1);
	memcpy(d->s + d->len, buf, (size_t)n + 1);
	d->len += (size_t)n;
}

static void end_block(struct doc *d)
{
	if (d->in_block)
		put(d, "</block></flow>\n");
	d->in_block = 0;
}

static void page(struct doc *d)
{
	end_block(d);
	if (d->in_page)
		put(d, "</page>\n");
	put(d, "<page width=\"595\" height=\"842\">\n");
	d->in_page = 1;
}

static void block(struct doc *d)
{
	end_block(d);
	put(d, "<flow><block>\n");
	d->in_block = 1;
}

/*
 * One line at height y from x0, 5.5 points a letter; right > 0: justified to
 * end there (its spaces stretched), as the full lines of a paragraph are.
 */
static void line_to(struct doc *d, double y, double x0, const char *text, double right)
{
	char *copy = strdup(text), *save = NULL;
	size_t spaces = 0;
	for (const char *p = text; *p; p++)
		spaces += *p == ' ';
	double natural = 5.5 * (double)strlen(text);
	double gap = right > 0 && spaces ? (right - x0 - natural) / (double)spaces + 5.5 : 5.5;
	double x = x0;
	put(d, "<line xMin=\"%.1f\" yMin=\"%.1f\" xMax=\"%.1f\" yMax=\"%.1f\">", x0, y,
	    right > 0 ? right : x0 + natural, y + 10);
	for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
		double w1 = x + 5.5 * (double)strlen(w);
		put(d, "<word xMin=\"%.1f\" yMin=\"%.1f\" xMax=\"%.1f\" yMax=\"%.1f\">%s</word>", x,
		    y, w1, y + 10, w);
		x = w1 + gap;
	}
	put(d, "</line>\n");
	free(copy);
}

static void line(struct doc *d, double y, double x0, const char *text)
{
	line_to(d, y, x0, text, 0);
}

/* A full line of a paragraph: from 80 to 450. */
static void full(struct doc *d, double y, const char *text)
{
	line_to(d, y, 80, text, 450);
}

static char *finish(struct doc *d)
{
	end_block(d);
	put(d, "</page></doc></body></html>\n");
	return d->s;
}

/*
 * Three pages of a UN-style document: masthead, running heads in two columns,
 * job-number footers; a paragraph over a page break; hyphens of both kinds.
 */
static char *un_layout(void)
{
	struct doc d = {0};
	put(&d, "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
	        "<title>A/RES/99/1</title></head><body><doc>\n");
	page(&d);
	block(&d), line(&d, 40, 80, "United Nations"), line(&d, 40, 400, "A/RES/99/1");
	block(&d), line(&d, 55, 80, "General Assembly"), line(&d, 55, 400, "Distr.: General");
	block(&d), line(&d, 70, 400, "1 January 2030");
	block(&d), line(&d, 120, 150, "Test Convention on Layouts");
	block(&d), line(&d, 150, 150, "Article 1");
	block(&d);
	full(&d, 180, "1. Each Party shall adopt the legislation and the cross-");
	full(&d, 193, "border measures necessary to establish non-European and");
	full(&d, 206, "other offences, whether committed by e-mail or by post, legisla-");
	line(&d, 219, 80, "tion permitting.");
	block(&d);
	full(&d, 240, "2. Parties shall co-operate in the field of cross-border traffic");
	full(&d, 253, "data and shall preserve it for a period set by the Party that");
	block(&d), line(&d, 790, 80, "30-12345 (E) 020130"), line(&d, 790, 400, "*3012345*");
	block(&d), line(&d, 803, 80, "Please recycle");
	page(&d);
	block(&d), line(&d, 40, 80, "A/RES/99/1"), line(&d, 40, 400, "2/3");
	block(&d), line(&d, 90, 80, "requested it, unless the e-");
	line(&d, 103, 80, "mail rules apply.");
	block(&d), line(&d, 130, 80, "3. Each Party may decide that its domestic law shall apply.");
	block(&d), line(&d, 790, 80, "30-12345");
	page(&d);
	block(&d), line(&d, 40, 80, "3/3"), line(&d, 40, 400, "A/RES/99/1");
	block(&d), line(&d, 90, 150, "Article 2");
	block(&d), line(&d, 120, 80, "The legislation of ﬁles is ﬂexible.");
	block(&d), line(&d, 790, 80, "30-12345");
	page(&d);
	return finish(&d);
}

static void test_pdf_layout(void)
{
	char *xhtml = un_layout(), err[512] = "";
	struct corpus_converted c;
	int rc = corpus_pdf_layout_to_text("un.pdf", xhtml, strlen(xhtml), &c, err, sizeof err);
	if (!tap_ok(rc == 0, "a UN-style layout converts: %s", err)) {
		free(xhtml);
		return;
	}
	tap_is_str(c.text,
	           "Test Convention on Layouts\n\nArticle 1\n\n"
	           "1. Each Party shall adopt the legislation and the cross-border measures"
	           " necessary to establish non-European and other offences, whether committed"
	           " by e-mail or by post, legislation permitting.\n\n"
	           "2. Parties shall co-operate in the field of cross-border traffic data and"
	           " shall preserve it for a period set by the Party that requested it, unless"
	           " the e-mail rules apply.\n\n"
	           "3. Each Party may decide that its domestic law shall apply.\n\n"
	           "Article 2\n\nThe legislation of files is flexible.\n",
	           "furniture gone, paragraphs rebuilt, hyphens decided, ligatures undone");
	tap_is_str(c.symbol, "A/RES/99/1", "symbol from the masthead");
	tap_is_str(c.date, "2030-01-01", "date from the masthead");
	tap_ok(c.title == NULL, "a symbol as PDF title is no title");
	tap_is_int(c.furniture, 8 + 3 + 3, "fourteen lines of furniture");
	tap_is_int(c.rejoined, 1, "one word rejoined");
	corpus_converted_free(&c);
	free(xhtml);
}

/* A running head without a known form is still furniture on most pages, "Article 5" is not. */
static void test_running_heads(void)
{
	struct doc d = {0};
	put(&d, "<html><head><title>Handbook of Tests</title></head><body><doc>\n");
	for (int p = 1; p <= 4; p++) {
		char num[32];
		page(&d);
		block(&d), line(&d, 40, 80, "Handbook of Tests, second edition");
		snprintf(num, sizeof num, "Article %d", p);
		block(&d), line(&d, 90, 150, num);
		snprintf(num, sizeof num, "Text of article %d.", p);
		block(&d), line(&d, 120, 80, num);
		snprintf(num, sizeof num, "- %d -", p);
		block(&d), line(&d, 790, 250, num);
	}
	char *xhtml = finish(&d), err[256];
	struct corpus_converted c;
	int rc = corpus_pdf_layout_to_text("h.pdf", xhtml, strlen(xhtml), &c, err, sizeof err);
	tap_ok(rc == 0, "running heads: converts");
	if (rc == 0) {
		tap_is_str(c.text,
		           "Article 1\n\nText of article 1.\n\nArticle 2\n\nText of article 2.\n\n"
		           "Article 3\n\nText of article 3.\n\nArticle 4\n\nText of article 4.\n",
		           "a repeated head goes, article headings stay");
		tap_is_str(c.title, "Handbook of Tests", "title from the PDF info");
		corpus_converted_free(&c);
	}
	free(xhtml);
	const char *empty = "<html><body><doc><page width=\"595\" height=\"842\"></page></doc>"
	                    "</body></html>";
	rc = corpus_pdf_layout_to_text("scan.pdf", empty, strlen(empty), &c, err, sizeof err);
	tap_ok(rc < 0 && strstr(err, "no text"), "a PDF without text: %s", err);
}

/* ---- HTML ------------------------------------------------------------------------ */

static void test_html(void)
{
	static const char page[] =
	    "<!DOCTYPE html><html lang=\"en-GB\"><head><title>Test Treaty | Site</title>"
	    "<style>p { color: red }</style><script>var x = 'Article 9';</script></head>"
	    "<body><header><a href=\"/\">Home</a> Site name</header>"
	    "<nav><ul><li>Treaties</li><li>Article 7 search</li></ul></nav>"
	    "<main><h1>Test Treaty</h1><p>Article 1</p><p>Some\n   words &amp; more"
	    "<br>next line</p><ol type=\"a\"><li>first;</li><li>second.</li></ol>"
	    "<div hidden>secret</div><aside>related links</aside></main>"
	    "<footer>Copyright</footer></body></html>";
	struct corpus_converted c;
	char err[256];
	int rc = corpus_convert_html("t.html", page, sizeof page - 1, &c, err, sizeof err);
	if (tap_ok(rc == 0, "HTML converts: %s", rc ? err : "")) {
		tap_is_str(c.text,
		           "Test Treaty\n\nArticle 1\n\nSome words & more\nnext line\n\n"
		           "a. first;\n\nb. second.\n",
		           "HTML: the main content only, as a browser lays it out");
		tap_is_str(c.title, "Test Treaty | Site", "HTML: <title>");
		tap_is_str(c.lang, "en", "HTML: <html lang>");
		corpus_converted_free(&c);
	}
	static const char no_main[] =
	    "<html><body><div id=\"top\"><a>Home</a><a>News</a></div>"
	    "<div class=\"wrap\"><div class=\"content\"><p>Article 1</p><p>The text of the"
	    " article, long enough to outweigh the menu around it by far, and then some more"
	    " words.</p></div></div>"
	    "<div id=\"bottom\">Contact</div></body></html>";
	rc = corpus_convert_html("n.html", no_main, sizeof no_main - 1, &c, err, sizeof err);
	if (tap_ok(rc == 0, "HTML without landmarks converts")) {
		tap_is_str(c.text,
		           "Article 1\n\nThe text of the article, long enough to outweigh the menu"
		           " around it by far, and then some more words.\n",
		           "HTML: the heaviest block, not the menu");
		corpus_converted_free(&c);
	}
	static const char headless[] = "<html><head><title>Nothing</title></head></html>";
	rc = corpus_convert_html("h.html", headless, sizeof headless - 1, &c, err, sizeof err);
	tap_ok(rc < 0 && strstr(err, "h.html") && strstr(err, "body"), "HTML with no body: %s",
	       err);
	static const char only_nav[] =
	    "<html><body><nav>Home</nav><script>x</script></body></html>";
	rc = corpus_convert_html("v.html", only_nav, sizeof only_nav - 1, &c, err, sizeof err);
	tap_ok(rc < 0 && strstr(err, "no text"), "HTML with nothing but navigation: %s", err);
}

/* ---- What passes from treaty-convert to treaty ------------------------ */

static void test_records(void)
{
	char text[] = "Article 1\n\nA line\nwith \"symbol 3\\n\" inside.\n";
	char title[] = "A title\nover two lines";
	struct corpus_converted c = {.text = text,
	                             .len = sizeof text - 1,
	                             .title = title,
	                             .lang = "fr",
	                             .furniture = 12,
	                             .rejoined = 3},
	                        d;
	size_t len;
	char *rec = corpus_converted_encode(&c, &len);
	tap_ok(rec != NULL, "records: encoded");
	tap_is_int(corpus_converted_decode(rec, len, &d), 0, "records: decoded");
	tap_is_str(d.text, text, "records: the text comes back byte for byte");
	tap_is_int((long)d.len, (long)(sizeof text - 1), "records: and its length");
	tap_is_str(d.title, title, "records: a title holding a newline");
	tap_is_str(d.lang, "fr", "records: the language");
	tap_ok(!d.symbol && !d.date, "records: absent fields stay absent");
	tap_is_int(d.furniture * 100 + d.rejoined, 1203, "records: the counts");
	corpus_converted_free(&d);
	/* Every cut short of the whole is refused, never read as a shorter text. */
	int refused = 0;
	for (size_t n = 0; n < len; n++)
		refused += corpus_converted_decode(rec, n, &d) < 0;
	tap_is_int(refused, (long)len, "records: every truncation refused");
	free(rec);
	static const char *const bad[] = {
	    "text 3\nabc",                       /* no closing newline */
	    "text 3\nabc\ntext 1\nx\nend 0\n\n", /* a field twice */
	    "title 1\nx\nend 0\n\n",             /* no text */
	    "text 1\nx\nwho 1\nx\nend 0\n\n",    /* unknown field */
	    "text 1\nx\nrejoined 2\n-1\nend 0\n\n",
	    "text 1\nx\nend 0\n\ntitle 1\nx\n", /* after the end */
	    "text 99999999999999999999\nx\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		tap_is_int(corpus_converted_decode(bad[i], strlen(bad[i]), &d), -1,
		           "records: damaged output refused");
}

int main(void)
{
	test_sniff();
	test_symbols();
	test_line_join();
	test_pdf_layout();
	test_running_heads();
	test_html();
	test_records();
	return tap_done();
}
