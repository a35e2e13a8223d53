/*
 * convert_html.c — a web page (a Council of Europe treaty page, say) becomes
 * the paragraphs of its main content, without the site around it.
 *
 * The main content is <main> (or role="main"), else the page's only
 * <article>, else the body narrowed down to a container that holds nearly all
 * of its text after nothing but links: that sheds wrappers and menus but never
 * a heading above the text.  Inside
 * it, scripts, styles, forms, navigation and hidden elements are skipped; on
 * a page with no such landmark the site's header and footer are too.  Text is
 * laid out as a browser would: whitespace collapsed (not in <pre>), a
 * paragraph per block element, numbers in front of ordered list items.
 */
#include "corpus/convert.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"
#include "i18n/i18n.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A child holding at least this share of its parent's text is where the content is. */
#define NARROW_SHARE 0.85

static int name_is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static int name_in(xmlNodePtr n, const char *const *names)
{
	for (; *names; names++)
		if (name_is(n, *names))
			return 1;
	return 0;
}

static int attr_is(xmlNodePtr n, const char *attr, const char *value)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	int is = v && strcasecmp((const char *)v, value) == 0;
	xmlFree(v);
	return is;
}

static int attr_has(xmlNodePtr n, const char *attr, const char *needle)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
	int has = 0;
	if (v) {
		char *s = (char *)v;
		for (char *p = s; *p; p++)
			if (*p != ' ')
				*(s++) = (char)tolower((unsigned char)*p);
		*s = '\0';
		has = strstr((const char *)v, needle) != NULL;
	}
	xmlFree(v);
	return has;
}

static const char *const never[] = {"script", "style",  "noscript", "template", "nav",    "aside",
                                    "form",   "button", "select",   "textarea", "iframe", "svg",
                                    "canvas", "object", "embed",    "head",     "menu",   "dialog",
                                    "input",  "label",  NULL};
static const char *const site_frame[] = {"header", "footer", NULL};

/* Elements that never hold the text: code, navigation, controls, hidden things. */
static int skipped(xmlNodePtr n, int in_landmark)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (name_in(n, never) || (!in_landmark && name_in(n, site_frame)))
		return 1;
	xmlChar *hidden = xmlGetProp(n, (const xmlChar *)"hidden");
	int is_hidden = hidden != NULL;
	xmlFree(hidden);
	return is_hidden || attr_is(n, "aria-hidden", "true") ||
	       attr_has(n, "style", "display:none") || attr_is(n, "role", "navigation") ||
	       attr_is(n, "role", "banner") || attr_is(n, "role", "contentinfo") ||
	       attr_is(n, "role", "search") || attr_is(n, "role", "complementary");
}

/* Bytes of visible text (whitespace not counted) under n. */
static size_t text_weight(xmlNodePtr n, int in_landmark)
{
	size_t w = 0;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		for (const xmlChar *p = n->content; p && *p; p++)
			w += !isspace(*p);
		return w;
	}
	if (skipped(n, in_landmark))
		return 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		w += text_weight(c, in_landmark);
	return w;
}

static xmlNodePtr find_first(xmlNodePtr n, int (*match)(xmlNodePtr), int *count)
{
	xmlNodePtr found = NULL;
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || skipped(c, 1))
			continue;
		if (match(c)) {
			++*count;
			if (!found)
				found = c;
			continue;
		}
		xmlNodePtr f = find_first(c, match, count);
		if (!found)
			found = f;
	}
	return found;
}

static int is_main(xmlNodePtr n)
{
	return name_is(n, "main") || attr_is(n, "role", "main");
}

static int is_article(xmlNodePtr n)
{
	return name_is(n, "article");
}

/* Bytes of visible text under n that sit inside links. */
static size_t link_weight(xmlNodePtr n, int in_link)
{
	if (n->type == XML_TEXT_NODE)
		return in_link ? text_weight(n, 0) : 0;
	if (n->type != XML_ELEMENT_NODE || skipped(n, 0))
		return 0;
	size_t w = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		w += link_weight(c, in_link || name_is(n, "a"));
	return w;
}

static const char *const containers[] = {"div", "section", "article", "main", "table", "tbody",
                                         "tr",  "td",      "center",  "body", NULL};

/*
 * The child of root that holds nearly all of its text, when what comes before
 * it is only links (a menu): then the text is there.  A title or anything
 * else of substance before it keeps root whole.
 */
static xmlNodePtr heavy_child(xmlNodePtr root)
{
	size_t total = text_weight(root, 0);
	for (xmlNodePtr c = root->children; c && total; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		size_t w = text_weight(c, 0);
		if ((double)w >= NARROW_SHARE * (double)total)
			return name_in(c, containers) ? c : NULL;
		if (w && link_weight(c, 0) * 2 < w)
			return NULL;
	}
	return NULL;
}

/* Where the content is, and whether it is a landmark the author marked. */
static xmlNodePtr content_root(xmlNodePtr body, int *landmark)
{
	int count = 0;
	xmlNodePtr root = find_first(body, is_main, &count);
	*landmark = 1;
	if (root)
		return root;
	count = 0;
	root = find_first(body, is_article, &count);
	if (root && count == 1)
		return root;
	*landmark = 0;
	root = body;
	for (xmlNodePtr c; (c = heavy_child(root));)
		root = c;
	return root;
}

/* ---- Layout ------------------------------------------------------------------ */

static const char *const blocks[] = {
    "p",      "div",    "section", "article", "main",    "h1",         "h2",     "h3",         "h4",
    "h5",     "h6",     "li",      "dt",      "dd",      "blockquote", "pre",    "table",      "tr",
    "td",     "th",     "ul",      "ol",      "dl",      "address",    "figure", "figcaption", "hr",
    "header", "footer", "center",  "details", "summary", "caption",    "body",   NULL};

struct layout_state {
	struct corpus_buf *out;
	int pre;   /* inside <pre>: whitespace kept */
	int space; /* a collapsed space is pending */
	int in_landmark;
};

static void add_text(struct layout_state *st, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (!st->pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
			st->space = 1;
			continue;
		}
		if (st->space && st->out->len && st->out->s[st->out->len - 1] != '\n')
			corpus_buf_add(st->out, " ", 1);
		st->space = 0;
		corpus_buf_add(st->out, s, 1);
	}
}

static void list_marker(xmlNodePtr li, int n, struct layout_state *st)
{
	xmlChar *type = li->parent ? xmlGetProp(li->parent, (const xmlChar *)"type") : NULL;
	char mark[32];
	const char *t = type ? (const char *)type : "1";
	if ((*t == 'a' || *t == 'A') && n >= 1 && n <= 26)
		snprintf(mark, sizeof mark, "%c.", (*t == 'a' ? 'a' : 'A') + n - 1);
	else if ((*t == 'i' || *t == 'I') && n >= 1 && n <= 39) {
		static const char *const r[] = {"",  "i",  "ii",  "iii",  "iv",
		                                "v", "vi", "vii", "viii", "ix"};
		static const char *const x[] = {"", "x", "xx", "xxx"};
		snprintf(mark, sizeof mark, "%s%s.", x[n / 10], r[n % 10]);
		if (*t == 'I')
			for (char *p = mark; *p; p++)
				*p = (char)toupper((unsigned char)*p);
	} else
		snprintf(mark, sizeof mark, "%d.", n);
	xmlFree(type);
	corpus_buf_adds(st->out, mark);
	corpus_buf_add(st->out, " ", 1);
}

static void walk(xmlNodePtr n, struct layout_state *st, int depth);

static void walk_list(xmlNodePtr ol, struct layout_state *st, int depth)
{
	xmlChar *start = xmlGetProp(ol, (const xmlChar *)"start");
	int n = start ? atoi((const char *)start) : 1;
	xmlFree(start);
	corpus_buf_paragraph(st->out);
	for (xmlNodePtr c = ol->children; c; c = c->next) {
		if (!name_is(c, "li")) {
			walk(c, st, depth + 1);
			continue;
		}
		if (skipped(c, st->in_landmark))
			continue;
		xmlChar *value = xmlGetProp(c, (const xmlChar *)"value");
		if (value)
			n = atoi((const char *)value);
		xmlFree(value);
		corpus_buf_paragraph(st->out);
		st->space = 0;
		list_marker(c, n++, st);
		for (xmlNodePtr k = c->children; k; k = k->next)
			walk(k, st, depth + 1);
		corpus_buf_paragraph(st->out);
	}
}

static void walk(xmlNodePtr n, struct layout_state *st, int depth)
{
	if (depth > 256)
		return;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		add_text(st, (const char *)n->content);
		return;
	}
	if (n->type != XML_ELEMENT_NODE || skipped(n, st->in_landmark))
		return;
	if (name_is(n, "br")) {
		corpus_buf_add(st->out, "\n", 1);
		st->space = 0;
		return;
	}
	if (name_is(n, "ol")) {
		walk_list(n, st, depth);
		return;
	}
	int block = name_in(n, blocks), pre = name_is(n, "pre");
	if (block) {
		corpus_buf_paragraph(st->out);
		st->space = 0;
	}
	st->pre += pre;
	for (xmlNodePtr c = n->children; c; c = c->next)
		walk(c, st, depth + 1);
	st->pre -= pre;
	if (block) {
		corpus_buf_paragraph(st->out);
		st->space = 0;
	}
}

/* ---- The page ------------------------------------------------------------------------ */

static xmlNodePtr find_element(xmlNodePtr n, const char *name, int depth)
{
	for (xmlNodePtr c = n; c && depth < 64; c = c->next) {
		if (name_is(c, name))
			return c;
		xmlNodePtr f = find_element(c->children, name, depth + 1);
		if (f)
			return f;
	}
	return NULL;
}

static char *collapsed_text(xmlNodePtr n)
{
	struct corpus_buf b = {0};
	struct layout_state st = {&b, 0, 0, 1};
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
	if (t)
		add_text(&st, (const char *)t);
	xmlFree(t);
	if (b.oom || !b.len) {
		free(b.s);
		return NULL;
	}
	return b.s;
}

/* The encoding to read with: the page's own declaration, else UTF-8 when valid. */
static const char *encoding_for(const char *bytes, size_t len)
{
	size_t n = len < 4096 ? len : 4096, bad;
	for (size_t i = 0; i + 8 <= n; i++)
		if (strncasecmp(bytes + i, "charset=", 8) == 0)
			return NULL;
	return i18n_utf8_valid(bytes, len, &bad) ? "UTF-8" : "windows-1252";
}

static char *page_lang(xmlNodePtr html)
{
	xmlChar *v = html ? xmlGetProp(html, (const xmlChar *)"lang") : NULL;
	char *code = NULL;
	if (v) {
		size_t n = strcspn((const char *)v, "-_");
		code = strndup((const char *)v, n);
		for (char *p = code; p && *p; p++)
			*p = (char)tolower((unsigned char)*p);
		if (code && !corpus_lang_ok(code)) {
			free(code);
			code = NULL;
		}
	}
	xmlFree(v);
	return code;
}

int corpus_convert_html(const char *path, const char *bytes, size_t len,
                        struct corpus_converted *out, char *err, size_t errlen)
{
	struct corpus_buf b = {0};
	int landmark;
	memset(out, 0, sizeof *out);
	htmlDocPtr doc = htmlReadMemory(bytes, (int)len, NULL, encoding_for(bytes, len),
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                    HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	xmlNodePtr html = doc ? xmlDocGetRootElement(doc) : NULL;
	xmlNodePtr body = html ? find_element(html, "body", 0) : NULL;
	if (!body) {
		corpus_set_error(err, errlen, _("%s: the HTML page has no body"), path);
		xmlFreeDoc(doc);
		return -1;
	}
	xmlNodePtr root = content_root(body, &landmark);
	struct layout_state st = {&b, 0, 0, landmark};
	walk(root, &st, 0);
	int oom = b.oom;
	corpus_buf_finish(&b, &out->text, &out->len);
	if (oom || !out->text) {
		corpus_set_error(err, errlen,
		                 oom ? _("%s: out of memory")
		                     : _("%s: the HTML page has no text in its body"),
		                 path);
		xmlFreeDoc(doc);
		corpus_converted_free(out);
		return -1;
	}
	out->title = collapsed_text(find_element(html, "title", 0));
	out->lang = page_lang(html);
	xmlFreeDoc(doc);
	return 0;
}
