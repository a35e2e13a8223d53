/*
 * load.c — from a file on disk to a checked document: read, tell the format
 * and convert to UTF-8 paragraphs (convert*.c), recognise the structure,
 * prove fidelity to the text the structure was recognised in.  The bundled corpus is
 * built through the same path, after its hash is checked against the manifest.
 */
#include "corpus/convert.h"
#include "corpus/store-internal.h"
#include "i18n/i18n.h"
#include "i18n/nls.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Larger files are not treaty texts; refusing them keeps memory bounded. */
#define MAX_SOURCE_BYTES (64u << 20)

int corpus_read_file(const char *path, char **data, size_t *len, char *err, size_t errlen)
{
	struct stat sb;
	FILE *f = NULL;
	*data = NULL;
	*len = 0;
	if (stat(path, &sb) != 0) {
		corpus_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(sb.st_mode)) {
		corpus_set_error(err, errlen, _("%s: is a directory, not a document"), path);
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) { /* opening a pipe would wait for a writer, for ever */
		corpus_set_error(err, errlen,
		                 _("%s: not a regular file (a pipe or a device), not a document"),
		                 path);
		return -1;
	}
	if ((unsigned long long)sb.st_size > MAX_SOURCE_BYTES) {
		corpus_set_error(err, errlen, _("%s: too large (%lld bytes; the limit is %u MB)"),
		                 path, (long long)sb.st_size, MAX_SOURCE_BYTES >> 20);
		return -1;
	}
	if (!(f = fopen(path, "rb"))) {
		corpus_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	*data = malloc((size_t)sb.st_size + 1);
	if (!*data) {
		fclose(f);
		corpus_set_error(err, errlen, _("%s: out of memory"), path);
		return -1;
	}
	*len = fread(*data, 1, (size_t)sb.st_size, f);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(*data);
		*data = NULL;
		corpus_set_error(err, errlen, _("%s: read error"), path);
		return -1;
	}
	(*data)[*len] = '\0';
	return 0;
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Nonzero when text has nothing but whitespace. */
static int blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

static int nul_line(const char *s, size_t len)
{
	int line = 1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\0')
			return line;
		line += s[i] == '\n';
	}
	return 0;
}

/*
 * The steps every format shares once it is UTF-8 text: language, structure,
 * fidelity to that text.  shown names the text in messages; hex is the
 * SHA-256 of the source file's bytes; lang_hint is what the file declared.
 */
static int load_utf8(const char *path, const char *shown, const char *text, size_t tlen,
                     const char *hex, const char *lang_hint, const struct corpus_load_options *o,
                     struct corpus_document *doc, char *err, size_t errlen)
{
	const char *lang = o->lang ? o->lang : i18n_guess_language(text, tlen);
	if (!lang)
		lang = lang_hint;
	if (!lang) {
		corpus_set_error(
		    err, errlen,
		    _("%s:1: cannot tell the language of the text; give it with --lang"), shown);
		return -1;
	}
	int need_articles =
	    !o->kind || (strcmp(o->kind, "press") != 0 && strcmp(o->kind, "statement") != 0);
	if (corpus_parse_text(shown, text, tlen, lang, need_articles, doc, err, errlen) < 0 ||
	    corpus_check_fidelity(shown, text, tlen, doc, err, errlen) < 0) {
		corpus_document_free(doc);
		memset(doc, 0, sizeof *doc);
		return -1;
	}
	doc->sha256 = corpus_strdup(hex);
	doc->source = corpus_strdup(base_name(path));
	doc->lang = corpus_strdup(lang);
	if (o->id)
		doc->id = corpus_strdup(o->id);
	doc->kind = corpus_strdup(o->kind ? o->kind : "document");
	if (o->title) {
		free(doc->title);
		doc->title = corpus_strdup(o->title);
	}
	return 0;
}

int corpus_load_text(const char *path, const char *bytes, size_t len,
                     const struct corpus_load_options *o, struct corpus_document *doc, char *err,
                     size_t errlen)
{
	char *text = NULL, why[512], hex[65];
	size_t tlen = 0;
	const char *charset = NULL;
	int line;
	memset(doc, 0, sizeof *doc);
	if (blank(bytes, len)) {
		corpus_set_error(err, errlen, _("%s:1: the file is empty"), path);
		return -1;
	}
	if ((line = nul_line(bytes, len)) > 0) {
		corpus_set_error(err, errlen, _("%s:%d: NUL byte: this is not a text file"), path,
		                 line);
		return -1;
	}
	if (i18n_to_utf8(bytes, len, &text, &tlen, &charset, why, sizeof why) < 0) {
		corpus_set_error(err, errlen, "%s:%s", path, why);
		return -1;
	}
	corpus_sha256_hex(bytes, len, hex);
	int rc = load_utf8(path, path, text, tlen, hex, NULL, o, doc, err, errlen);
	free(text);
	return rc;
}

int corpus_load_file(const char *path, const struct corpus_load_options *o,
                     struct corpus_document *doc, char *err, size_t errlen)
{
	return corpus_load_any(path, o, doc, NULL, err, errlen);
}

/* A PDF, .docx or HTML file: converted, then checked against the converted text. */
static int load_converted(const char *path, enum corpus_format fmt, const char *bytes, size_t len,
                          const struct corpus_load_options *o, struct corpus_document *doc,
                          struct corpus_load_report *report, char *err, size_t errlen)
{
	struct corpus_converted c;
	char shown[4096], hex[65];
	size_t bad;
	int rc;
	rc = corpus_convert_run(o->converter, fmt, path, bytes, len, &c, err, errlen);
	if (rc < 0)
		return -1;
	if (!i18n_utf8_valid(c.text, c.len, &bad)) {
		corpus_set_error(err, errlen, _("%s: the %s converter produced invalid UTF-8"),
		                 path, corpus_format_name(fmt));
		corpus_converted_free(&c);
		return -1;
	}
	snprintf(shown, sizeof shown, "%s (as text from %s)", path, corpus_format_name(fmt));
	corpus_sha256_hex(bytes, len, hex);
	rc = load_utf8(path, shown, c.text, c.len, hex, c.lang, o, doc, err, errlen);
	if (rc == 0) {
		if (!o->title && c.title) {
			free(doc->title);
			doc->title = c.title;
			c.title = NULL;
		}
		doc->symbol = c.symbol;
		doc->date = c.date;
		c.symbol = c.date = NULL;
	}
	if (report) {
		report->furniture = c.furniture;
		report->rejoined = c.rejoined;
	}
	corpus_converted_free(&c);
	return rc;
}

/* YYYY, YYYY-MM or YYYY-MM-DD. */
static int iso_date(const char *s)
{
	static const char pattern[] = "dddd-dd-dd";
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (pattern[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
			return 0;
	return 1;
}

static int set_option(char **field, const char *value)
{
	if (!value)
		return 0;
	free(*field);
	*field = corpus_strdup(value);
	return *field ? 0 : -1;
}

/* What the user said overrides what the file said. */
static int apply_options(const struct corpus_load_options *o, struct corpus_document *doc)
{
	return set_option(&doc->symbol, o->symbol) | set_option(&doc->date, o->date) |
	       set_option(&doc->delegation, o->delegation) |
	       set_option(&doc->on_behalf_of, o->on_behalf_of) |
	       set_option(&doc->meeting, o->meeting) |
	       set_option(&doc->agenda_item, o->agenda_item) |
	       set_option(&doc->refers_to, o->refers_to);
}

int corpus_load_any(const char *path, const struct corpus_load_options *o,
                    struct corpus_document *doc, struct corpus_load_report *report, char *err,
                    size_t errlen)
{
	char *bytes;
	size_t len;
	enum corpus_format fmt;
	struct corpus_load_report ignored;
	if (!report)
		report = &ignored;
	memset(report, 0, sizeof *report);
	memset(doc, 0, sizeof *doc);
	if (o->date && !iso_date(o->date)) {
		corpus_set_error(err, errlen,
		                 _("the date '%s' is not YYYY-MM-DD (or YYYY-MM, YYYY)"), o->date);
		return -1;
	}
	if (corpus_read_file(path, &bytes, &len, err, errlen) < 0)
		return -1;
	if (len == 0) {
		corpus_set_error(err, errlen, _("%s:1: the file is empty (0 bytes)"), path);
		free(bytes);
		return -1;
	}
	int rc = corpus_sniff(path, bytes, len, &fmt, err, errlen);
	if (rc == 0) {
		report->format = corpus_format_name(fmt);
		rc = fmt == CORPUS_FORMAT_TEXT
		         ? corpus_load_text(path, bytes, len, o, doc, err, errlen)
		         : load_converted(path, fmt, bytes, len, o, doc, report, err, errlen);
	}
	free(bytes);
	if (rc == 0 && apply_options(o, doc) < 0) {
		corpus_set_error(err, errlen, _("%s: out of memory"), path);
		corpus_document_free(doc);
		rc = -1;
	}
	return rc;
}

static int article_count(const struct corpus_document *d)
{
	int n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->prov[i].kind == CORPUS_ARTICLE;
	return n;
}

/* Read, check and recognise one manifest entry from src_dir. */
static int load_entry(const char *src_dir, const struct corpus_manifest_entry *m,
                      struct corpus_document *doc, char *err, size_t errlen)
{
	char path[4096], hex[65];
	char *bytes;
	size_t len;
	snprintf(path, sizeof path, "%s/%s", src_dir, m->file);
	if (corpus_read_file(path, &bytes, &len, err, errlen) < 0)
		return -1;
	corpus_sha256_hex(bytes, len, hex);
	if (strcmp(hex, m->sha256) != 0) {
		corpus_set_error(err, errlen,
		                 "%s: refused: its SHA-256 is %s but the manifest expects %s;"
		                 " the text may have been altered",
		                 path, hex, m->sha256);
		free(bytes);
		return -1;
	}
	struct corpus_load_options o = {
	    .id = m->id, .lang = m->lang, .kind = m->kind, .title = m->title};
	int rc = corpus_load_text(path, bytes, len, &o, doc, err, errlen);
	free(bytes);
	if (rc < 0)
		return -1;
	if (article_count(doc) != m->articles) {
		corpus_set_error(err, errlen, "%s: found %d articles, the manifest expects %d",
		                 path, article_count(doc), m->articles);
		corpus_document_free(doc);
		return -1;
	}
	doc->authentic = m->authentic;
	doc->partial = m->partial;
	doc->symbol = corpus_strdup(m->symbol);
	doc->date = corpus_strdup(m->date);
	doc->parent = corpus_strdup(m->parent);
	return 0;
}

int corpus_build_bundled(const char *manifest, const char *src_dir, const char *out, char *err,
                         size_t errlen)
{
	struct corpus_manifest_entry *m = NULL;
	struct corpus_document *docs = NULL;
	size_t n = 0, loaded = 0;
	int rc = -1;
	if (src_dir && *src_dir) {
		if (corpus_manifest_read(manifest, &m, &n, err, errlen) < 0)
			return -1;
		docs = calloc(n ? n : 1, sizeof *docs);
		if (!docs) {
			corpus_set_error(err, errlen, _("out of memory"));
			goto done;
		}
		for (; loaded < n; loaded++)
			if (load_entry(src_dir, &m[loaded], &docs[loaded], err, errlen) < 0)
				goto done;
	}
	rc = corpus_store_build(out, docs, loaded, err, errlen);
done:
	for (size_t i = 0; i < loaded; i++)
		corpus_document_free(&docs[i]);
	free(docs);
	corpus_manifest_free(m, n);
	return rc;
}
