/*
 * convert_docx.c — a Word document (.docx) becomes paragraphs.
 *
 * A .docx is a zip of XML parts.  The text is word/document.xml; paragraph
 * numbers that Word generates ("1.", "(a)", "Article 3") live apart from it,
 * in word/numbering.xml and the styles of word/styles.xml, so they are
 * counted here the way Word counts them and put in front of their paragraph:
 * the numbering the author sees is part of the text.  Deleted revisions,
 * hidden text, field codes and footnote marks are not.
 *
 * The zip is untrusted: a part may claim a small size and inflate to
 * gigabytes, so sizes and compression ratios are checked before and while
 * reading, and the XML is parsed without DTDs, entities or network.
 */
#include "corpus/convert.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* No Word part that holds a treaty comes near these. */
#define MAX_PART_BYTES (64u << 20)
#define MAX_RATIO 100 /* uncompressed / compressed, above a megabyte */
#define MAX_LEVELS 9

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/* ---- The zip ----------------------------------------------------------------- */

/* Read a part into *out; 1 when the archive has no such part. */
static int read_part(zip_t *za, const char *name, char **out, size_t *outlen, const char *path,
                     char *err, size_t errlen)
{
	zip_stat_t st;
	zip_int64_t ix = zip_name_locate(za, name, 0);
	*out = NULL;
	*outlen = 0;
	if (ix < 0)
		return 1;
	zip_stat_init(&st);
	if (zip_stat_index(za, (zip_uint64_t)ix, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    !(st.valid & ZIP_STAT_COMP_SIZE)) {
		corpus_set_error(err, errlen, _("%s: cannot read %s in the archive"), path, name);
		return -1;
	}
	if (st.size > MAX_PART_BYTES ||
	    (st.size > (1u << 20) && st.size / (st.comp_size ? st.comp_size : 1) > MAX_RATIO)) {
		corpus_set_error(
		    err, errlen,
		    _("%s: refused: %s would unpack to %llu bytes from %llu (a zip bomb?);"
		      " the limit is %u MB at most %d times the packed size"),
		    path, name, (unsigned long long)st.size, (unsigned long long)st.comp_size,
		    MAX_PART_BYTES >> 20, MAX_RATIO);
		return -1;
	}
	zip_file_t *f = zip_fopen_index(za, (zip_uint64_t)ix, 0);
	if (!f) {
		corpus_set_error(err, errlen, _("%s: cannot open %s: %s"), path, name,
		                 zip_strerror(za));
		return -1;
	}
	/* The declared size may lie; never read more than it, nor past the limit. */
	char *buf = malloc((size_t)st.size + 1);
	zip_int64_t n = buf ? zip_fread(f, buf, st.size) : -1;
	char extra;
	int longer = n >= 0 && zip_fread(f, &extra, 1) > 0;
	zip_fclose(f);
	if (!buf || n < 0 || (zip_uint64_t)n != st.size || longer) {
		free(buf);
		corpus_set_error(err, errlen, _("%s: %s is damaged in the archive"), path, name);
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	*outlen = (size_t)n;
	return 0;
}

static xmlDocPtr parse_part(zip_t *za, const char *name, int required, const char *path, char *err,
                            size_t errlen, int *failed)
{
	char *xml;
	size_t len;
	int rc = read_part(za, name, &xml, &len, path, err, errlen);
	*failed = rc < 0;
	if (rc != 0) {
		if (rc > 0 && required) {
			corpus_set_error(err, errlen, _("%s: not a Word document (no %s)"), path,
			                 name);
			*failed = 1;
		}
		return NULL;
	}
	xmlDocPtr doc = xmlReadMemory(xml, (int)len, name, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(xml);
	/* Word never writes a DTD; one here could only be there to expand entities. */
	if (!doc || doc->intSubset) {
		corpus_set_error(err, errlen, _("%s: %s is not well-formed Word XML"), path, name);
		xmlFreeDoc(doc);
		*failed = 1;
		return NULL;
	}
	return doc;
}

/* ---- XML helpers -------------------------------------------------------------- */

static int is_w(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       (strcmp((const char *)n->ns->href, W_NS) == 0 ||
	        strcmp((const char *)n->ns->href, W_NS_STRICT) == 0) &&
	       strcmp((const char *)n->name, name) == 0;
}

static xmlNodePtr child_w(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (is_w(c, name))
			return c;
	return NULL;
}

/* The w:val (or other w: attribute) of n; caller frees with xmlFree. */
static char *w_attr(xmlNodePtr n, const char *name)
{
	if (!n)
		return NULL;
	xmlChar *v = xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)W_NS);
	if (!v)
		v = xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)W_NS_STRICT);
	return (char *)v;
}

static int w_int(xmlNodePtr n, const char *name, int dflt)
{
	char *v = w_attr(n, name);
	int i = v ? atoi(v) : dflt;
	xmlFree(v);
	return i;
}

/* A switch such as <w:vanish/>: on unless w:val says 0, false or off. */
static int w_flag(xmlNodePtr n)
{
	if (!n)
		return 0;
	char *v = w_attr(n, "val");
	int on = !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
	xmlFree(v);
	return on;
}

/* ---- Numbering ------------------------------------------------------------------ */

struct level {
	int start;
	char fmt[24];
	char *text; /* w:lvlText, "%1.%2." */
	char suff;  /* 't' tab, 's' space, 'n' nothing */
	int legal;  /* w:isLgl: every number decimal */
};

struct abstract {
	int id;
	struct level lvl[MAX_LEVELS];
	int count[MAX_LEVELS];
	int used[MAX_LEVELS];
};

struct num {
	int id, abstract;
	int override[MAX_LEVELS]; /* start override, -1 for none */
	int applied;
};

struct style {
	char *id, *based_on;
	int num_id, ilvl; /* -1: not set */
};

struct numbering {
	struct abstract *abs;
	size_t nabs;
	struct num *nums;
	size_t nnums;
	struct style *styles;
	size_t nstyles;
};

static void numbering_free(struct numbering *nb)
{
	for (size_t i = 0; i < nb->nabs; i++)
		for (int k = 0; k < MAX_LEVELS; k++)
			free(nb->abs[i].lvl[k].text);
	for (size_t i = 0; i < nb->nstyles; i++) {
		free(nb->styles[i].id);
		free(nb->styles[i].based_on);
	}
	free(nb->abs);
	free(nb->nums);
	free(nb->styles);
}

static size_t count_children(xmlNodePtr n, const char *name)
{
	size_t k = 0;
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		k += is_w(c, name);
	return k;
}

static void read_level(xmlNodePtr lv, struct level *l)
{
	char *v;
	l->start = w_int(child_w(lv, "start"), "val", 1);
	v = w_attr(child_w(lv, "numFmt"), "val");
	snprintf(l->fmt, sizeof l->fmt, "%s", v ? v : "decimal");
	xmlFree(v);
	v = w_attr(child_w(lv, "lvlText"), "val");
	free(l->text);
	l->text = corpus_strdup(v ? v : "");
	xmlFree(v);
	v = w_attr(child_w(lv, "suff"), "val");
	l->suff = v ? v[0] : 't';
	xmlFree(v);
	l->legal = w_flag(child_w(lv, "isLgl"));
}

static int read_numbering(xmlDocPtr doc, struct numbering *nb)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	nb->abs = calloc(count_children(root, "abstractNum") + 1, sizeof *nb->abs);
	nb->nums = calloc(count_children(root, "num") + 1, sizeof *nb->nums);
	if (!nb->abs || !nb->nums)
		return -1;
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
		if (is_w(c, "abstractNum")) {
			struct abstract *a = &nb->abs[nb->nabs++];
			a->id = w_int(c, "abstractNumId", -1);
			for (xmlNodePtr lv = c->children; lv; lv = lv->next) {
				int k = is_w(lv, "lvl") ? w_int(lv, "ilvl", -1) : -1;
				if (k >= 0 && k < MAX_LEVELS)
					read_level(lv, &a->lvl[k]);
			}
		} else if (is_w(c, "num")) {
			struct num *n = &nb->nums[nb->nnums++];
			n->id = w_int(c, "numId", -1);
			n->abstract = w_int(child_w(c, "abstractNumId"), "val", -1);
			for (int k = 0; k < MAX_LEVELS; k++)
				n->override[k] = -1;
			for (xmlNodePtr o = c->children; o; o = o->next) {
				int k = is_w(o, "lvlOverride") ? w_int(o, "ilvl", -1) : -1;
				xmlNodePtr so = child_w(o, "startOverride");
				if (k >= 0 && k < MAX_LEVELS && so)
					n->override[k] = w_int(so, "val", 1);
			}
		}
	}
	return 0;
}

static int read_styles(xmlDocPtr doc, struct numbering *nb)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);
	nb->styles = calloc(count_children(root, "style") + 1, sizeof *nb->styles);
	if (!nb->styles)
		return -1;
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
		if (!is_w(c, "style"))
			continue;
		struct style *s = &nb->styles[nb->nstyles++];
		char *id = w_attr(c, "styleId"), *base = w_attr(child_w(c, "basedOn"), "val");
		s->id = corpus_strdup(id ? id : "");
		s->based_on = corpus_strdup(base);
		xmlFree(id);
		xmlFree(base);
		xmlNodePtr np = child_w(child_w(c, "pPr"), "numPr");
		s->num_id =
		    np && child_w(np, "numId") ? w_int(child_w(np, "numId"), "val", -1) : -1;
		s->ilvl = np && child_w(np, "ilvl") ? w_int(child_w(np, "ilvl"), "val", -1) : -1;
	}
	return 0;
}

static const struct style *find_style(const struct numbering *nb, const char *id)
{
	for (size_t i = 0; id && i < nb->nstyles; i++)
		if (nb->styles[i].id && strcmp(nb->styles[i].id, id) == 0)
			return &nb->styles[i];
	return NULL;
}

static void roman(int n, int upper, char *out, size_t outlen)
{
	static const int val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
	static const char *const sym[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
	                                  "xl", "x",  "ix", "v",  "iv", "i"};
	size_t o = 0;
	out[0] = '\0';
	for (int i = 0; i < 13 && n > 0 && n < 4000; i++)
		while (n >= val[i] && o + 3 < outlen) {
			for (const char *s = sym[i]; *s; s++)
				out[o++] = upper ? (char)toupper((unsigned char)*s) : *s;
			n -= val[i];
		}
	out[o] = '\0';
}

/* Word's letters: a … z, then aa … zz, aaa …  */
static void letters(int n, int upper, char *out, size_t outlen)
{
	int reps = n > 0 ? (n - 1) / 26 + 1 : 0;
	size_t o = 0;
	char c = (char)((upper ? 'A' : 'a') + (n > 0 ? (n - 1) % 26 : 0));
	for (int i = 0; i < reps && o + 1 < outlen; i++)
		out[o++] = c;
	out[o] = '\0';
}

static void format_number(int n, const char *fmt, char *out, size_t outlen)
{
	if (strcmp(fmt, "lowerLetter") == 0 || strcmp(fmt, "upperLetter") == 0)
		letters(n, fmt[0] == 'u', out, outlen);
	else if (strcmp(fmt, "lowerRoman") == 0 || strcmp(fmt, "upperRoman") == 0)
		roman(n, fmt[0] == 'u', out, outlen);
	else if (strcmp(fmt, "decimalZero") == 0)
		snprintf(out, outlen, "%02d", n);
	else if (strcmp(fmt, "none") == 0 || strcmp(fmt, "bullet") == 0)
		out[0] = '\0';
	else
		snprintf(out, outlen, "%d", n);
}

static struct num *find_num(struct numbering *nb, int id)
{
	for (size_t i = 0; i < nb->nnums; i++)
		if (nb->nums[i].id == id)
			return &nb->nums[i];
	return NULL;
}

static struct abstract *find_abstract(struct numbering *nb, int id)
{
	for (size_t i = 0; i < nb->nabs; i++)
		if (nb->abs[i].id == id)
			return &nb->abs[i];
	return NULL;
}

/* Bullets are often private-use glyphs of a symbol font: show a bullet. */
static void add_bullet(struct corpus_buf *b, const char *glyph)
{
	const unsigned char *u = (const unsigned char *)glyph;
	int private_use = u[0] == 0xEF && u[1] >= 0x80 && u[1] <= 0xA3;
	corpus_buf_adds(b, !*glyph || private_use ? "\xE2\x80\xA2" : glyph);
}

/* Count the paragraph in its list and write its label, as Word shows it. */
static void add_label(struct numbering *nb, int num_id, int ilvl, struct corpus_buf *b)
{
	struct num *n = find_num(nb, num_id);
	struct abstract *a = n ? find_abstract(nb, n->abstract) : NULL;
	if (!a || ilvl < 0 || ilvl >= MAX_LEVELS)
		return;
	if (!n->applied) {
		for (int k = 0; k < MAX_LEVELS; k++)
			if (n->override[k] >= 0) {
				a->count[k] = n->override[k] - 1;
				a->used[k] = 1;
			}
		n->applied = 1;
	}
	a->count[ilvl] = a->used[ilvl] ? a->count[ilvl] + 1 : a->lvl[ilvl].start;
	a->used[ilvl] = 1;
	for (int k = ilvl + 1; k < MAX_LEVELS; k++)
		a->used[k] = 0;
	const struct level *lv = &a->lvl[ilvl];
	if (strcmp(lv->fmt, "bullet") == 0) {
		add_bullet(b, lv->text ? lv->text : "");
	} else {
		for (const char *t = lv->text ? lv->text : ""; *t; t++) {
			if (t[0] == '%' && t[1] >= '1' && t[1] <= '9') {
				int k = t[1] - '1';
				char num[32];
				int v = a->used[k] ? a->count[k] : a->lvl[k].start;
				format_number(v, lv->legal ? "decimal" : a->lvl[k].fmt, num,
				              sizeof num);
				corpus_buf_adds(b, num);
				t++;
			} else {
				corpus_buf_add(b, t, 1);
			}
		}
	}
	if (lv->suff != 'n')
		corpus_buf_add(b, " ", 1);
}

/* The numbering of a paragraph: its own, else its style's (through basedOn). */
static void paragraph_numbering(struct numbering *nb, xmlNodePtr ppr, int *num_id, int *ilvl)
{
	xmlNodePtr np = child_w(ppr, "numPr");
	*num_id = np && child_w(np, "numId") ? w_int(child_w(np, "numId"), "val", -1) : -1;
	*ilvl = np && child_w(np, "ilvl") ? w_int(child_w(np, "ilvl"), "val", -1) : -1;
	char *sid = w_attr(child_w(ppr, "pStyle"), "val");
	const struct style *s = find_style(nb, sid);
	xmlFree(sid);
	for (int depth = 0; s && depth < 16 && (*num_id < 0 || *ilvl < 0); depth++) {
		if (*num_id < 0)
			*num_id = s->num_id;
		if (*ilvl < 0)
			*ilvl = s->ilvl;
		s = find_style(nb, s->based_on);
	}
	if (*ilvl < 0)
		*ilvl = 0;
}

/* ---- Text --------------------------------------------------------------------------- */

static void add_run_text(xmlNodePtr r, struct corpus_buf *b)
{
	if (w_flag(child_w(child_w(r, "rPr"), "vanish")))
		return;
	for (xmlNodePtr c = r->children; c; c = c->next) {
		if (is_w(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t)
				corpus_buf_adds(b, (const char *)t);
			xmlFree(t);
		} else if (is_w(c, "tab") || is_w(c, "ptab")) {
			corpus_buf_add(b, " ", 1);
		} else if (is_w(c, "br") || is_w(c, "cr")) {
			corpus_buf_add(b, "\n", 1);
		} else if (is_w(c, "noBreakHyphen")) {
			corpus_buf_add(b, "-", 1);
		}
	}
}

/* Runs inside a paragraph, through the containers that hold them. */
static void add_inline(xmlNodePtr n, struct corpus_buf *b)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is_w(c, "r"))
			add_run_text(c, b);
		else if (is_w(c, "hyperlink") || is_w(c, "ins") || is_w(c, "smartTag") ||
		         is_w(c, "customXml") || is_w(c, "fldSimple") || is_w(c, "sdt") ||
		         is_w(c, "sdtContent") || is_w(c, "dir") || is_w(c, "bdo") ||
		         is_w(c, "moveTo"))
			add_inline(c, b);
	}
}

/* Nonzero when s has something besides whitespace. */
static int has_text(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)s[i]))
			return 1;
	return 0;
}

static void add_paragraph(xmlNodePtr p, struct numbering *nb, struct corpus_buf *out)
{
	struct corpus_buf text = {0}, label = {0};
	int num_id, ilvl;
	add_inline(p, &text);
	if (!text.s || !has_text(text.s, text.len)) {
		free(text.s);
		return;
	}
	paragraph_numbering(nb, child_w(p, "pPr"), &num_id, &ilvl);
	if (num_id > 0)
		add_label(nb, num_id, ilvl, &label);
	corpus_buf_paragraph(out);
	if (label.s)
		corpus_buf_adds(out, label.s);
	corpus_buf_add(out, text.s, text.len);
	out->oom |= text.oom | label.oom;
	free(text.s);
	free(label.s);
}

/* Paragraphs, in tables, content controls and other block containers too. */
static void add_blocks(xmlNodePtr n, struct numbering *nb, struct corpus_buf *out, int depth)
{
	if (depth > 64)
		return;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is_w(c, "p"))
			add_paragraph(c, nb, out);
		else if (is_w(c, "tbl") || is_w(c, "tr") || is_w(c, "tc") || is_w(c, "sdt") ||
		         is_w(c, "sdtContent") || is_w(c, "customXml") || is_w(c, "ins") ||
		         is_w(c, "moveTo"))
			add_blocks(c, nb, out, depth + 1);
	}
}

/* ---- Metadata ------------------------------------------------------------------------ */

static char *core_value(xmlDocPtr core, const char *name)
{
	xmlNodePtr root = core ? xmlDocGetRootElement(core) : NULL;
	for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, name) != 0)
			continue;
		xmlChar *v = xmlNodeGetContent(c);
		char *s = v && has_text((const char *)v, strlen((const char *)v))
		              ? corpus_strdup((const char *)v)
		              : NULL;
		xmlFree(v);
		return s;
	}
	return NULL;
}

/* "en-GB" → "en". */
static char *lang_code(char *tag)
{
	if (!tag)
		return NULL;
	size_t n = strcspn(tag, "-_");
	tag[n] = '\0';
	for (size_t i = 0; i < n; i++)
		tag[i] = (char)tolower((unsigned char)tag[i]);
	if (!corpus_lang_ok(tag)) {
		free(tag);
		return NULL;
	}
	return tag;
}

/* ---- The document ------------------------------------------------------------------------ */

static zip_t *open_zip(const char *path, const char *bytes, size_t len, char *err, size_t errlen)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	if (!za) {
		corpus_set_error(err, errlen, _("%s: not a readable Word document: %s"), path,
		                 zip_error_strerror(&ze));
		zip_source_free(src);
	}
	zip_error_fini(&ze);
	return za;
}

int corpus_convert_docx(const char *path, const char *bytes, size_t len,
                        struct corpus_converted *out, char *err, size_t errlen)
{
	struct numbering nb = {0};
	struct corpus_buf b = {0};
	xmlDocPtr doc = NULL, numbering = NULL, styles = NULL, core = NULL;
	int failed = 0, rc = -1;
	memset(out, 0, sizeof *out);
	zip_t *za = open_zip(path, bytes, len, err, errlen);
	if (!za)
		return -1;
	doc = parse_part(za, "word/document.xml", 1, path, err, errlen, &failed);
	if (!failed)
		numbering = parse_part(za, "word/numbering.xml", 0, path, err, errlen, &failed);
	if (!failed)
		styles = parse_part(za, "word/styles.xml", 0, path, err, errlen, &failed);
	if (!failed)
		core = parse_part(za, "docProps/core.xml", 0, path, err, errlen, &failed);
	if (failed)
		goto done;
	if ((numbering && read_numbering(numbering, &nb) < 0) ||
	    (styles && read_styles(styles, &nb) < 0)) {
		corpus_set_error(err, errlen, _("%s: out of memory"), path);
		goto done;
	}
	xmlNodePtr body = child_w(xmlDocGetRootElement(doc), "body");
	if (body)
		add_blocks(body, &nb, &b, 0);
	int oom = b.oom;
	corpus_buf_finish(&b, &out->text, &out->len);
	if (oom || !out->text) {
		corpus_set_error(err, errlen,
		                 oom ? _("%s: out of memory") : _("%s: the document has no text"),
		                 path);
		goto done;
	}
	out->title = core_value(core, "title");
	out->lang = lang_code(core_value(core, "language"));
	rc = 0;
done:
	if (rc < 0)
		corpus_converted_free(out);
	free(b.s);
	numbering_free(&nb);
	xmlFreeDoc(doc);
	xmlFreeDoc(numbering);
	xmlFreeDoc(styles);
	xmlFreeDoc(core);
	zip_discard(za);
	return rc;
}
