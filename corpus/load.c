/*
 * load.c — from a file on disk to a checked document: read, convert to
 * UTF-8, recognise the structure, prove fidelity.  The bundled corpus is
 * built through the same path, after its hash is checked against the manifest.
 */
#include "corpus/store-internal.h"
#include "i18n/i18n.h"

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
		corpus_set_error(err, errlen, "%s: is a directory, not a document", path);
		return -1;
	}
	if ((unsigned long long)sb.st_size > MAX_SOURCE_BYTES) {
		corpus_set_error(err, errlen, "%s: too large (%lld bytes; the limit is %u MB)", path,
				 (long long)sb.st_size, MAX_SOURCE_BYTES >> 20);
		return -1;
	}
	if (!(f = fopen(path, "rb"))) {
		corpus_set_error(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	*data = malloc((size_t)sb.st_size + 1);
	if (!*data) {
		fclose(f);
		corpus_set_error(err, errlen, "%s: out of memory", path);
		return -1;
	}
	*len = fread(*data, 1, (size_t)sb.st_size, f);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(*data);
		*data = NULL;
		corpus_set_error(err, errlen, "%s: read error", path);
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

int corpus_load_text(const char *path, const char *bytes, size_t len,
		     const struct corpus_load_options *o, struct corpus_document *doc, char *err,
		     size_t errlen)
{
	char *text = NULL, why[512];
	size_t tlen = 0;
	const char *charset = NULL;
	int line;
	memset(doc, 0, sizeof *doc);
	if (blank(bytes, len)) {
		corpus_set_error(err, errlen, "%s:1: the file is empty", path);
		return -1;
	}
	if ((line = nul_line(bytes, len)) > 0) {
		corpus_set_error(err, errlen, "%s:%d: NUL byte: this is not a text file", path,
				 line);
		return -1;
	}
	if (i18n_to_utf8(bytes, len, &text, &tlen, &charset, why, sizeof why) < 0) {
		corpus_set_error(err, errlen, "%s:%s", path, why);
		return -1;
	}
	const char *lang = o->lang ? o->lang : i18n_guess_language(text, tlen);
	if (!lang) {
		corpus_set_error(err, errlen,
				 "%s:1: cannot tell the language of the text; give it with --lang",
				 path);
		goto fail;
	}
	int need_articles = !o->kind || (strcmp(o->kind, "press") != 0 &&
					 strcmp(o->kind, "statement") != 0);
	if (corpus_parse_text(path, text, tlen, lang, need_articles, doc, err, errlen) < 0 ||
	    corpus_check_fidelity(path, text, tlen, doc, err, errlen) < 0)
		goto fail;
	char hex[65];
	corpus_sha256_hex(bytes, len, hex);
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
	free(text);
	return 0;
fail:
	free(text);
	corpus_document_free(doc);
	memset(doc, 0, sizeof *doc);
	return -1;
}

int corpus_load_file(const char *path, const struct corpus_load_options *o,
		     struct corpus_document *doc, char *err, size_t errlen)
{
	char *bytes;
	size_t len;
	if (corpus_read_file(path, &bytes, &len, err, errlen) < 0)
		return -1;
	int rc = corpus_load_text(path, bytes, len, o, doc, err, errlen);
	free(bytes);
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
	struct corpus_load_options o = {m->id, m->lang, m->kind, m->title};
	int rc = corpus_load_text(path, bytes, len, &o, doc, err, errlen);
	free(bytes);
	if (rc < 0)
		return -1;
	if (article_count(doc) != m->articles) {
		corpus_set_error(err, errlen, "%s: found %d articles, the manifest expects %d", path,
				 article_count(doc), m->articles);
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
			corpus_set_error(err, errlen, "out of memory");
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
