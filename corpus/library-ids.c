/*
 * library-ids.c — the cache of the library's document ids (library-ids.h).
 *
 * The file is one header line, "treaty-library-ids 1 " and the library's
 * stamp, then one id a line: ids are plain text (the store refuses any with a
 * control character), so a newline cannot be part of one.
 */
#include "corpus/library-ids.h"
#include "corpus/store-internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAGIC "treaty-library-ids 1 "

/* A cache larger than this is not one this program wrote. */
enum { MAX_CACHE = 1 << 20 };

char *corpus_ids_path(const char *library)
{
	size_t n = strlen(library);
	if (n > 3 && strcmp(library + n - 3, ".db") == 0)
		n -= 3;
	char *path = malloc(n + sizeof ".ids");
	if (path)
		snprintf(path, n + sizeof ".ids", "%.*s.ids", (int)n, library);
	return path;
}

int corpus_ids_stamp(const char *library, char *out, size_t outlen)
{
	struct stat sb, wal;
	char *walpath = malloc(strlen(library) + sizeof "-wal");
	if (!walpath)
		return -1;
	sprintf(walpath, "%s-wal", library);
	int has_wal = lstat(walpath, &wal) == 0 || errno != ENOENT;
	free(walpath);
	if (has_wal || stat(library, &sb) != 0 || !S_ISREG(sb.st_mode))
		return -1;
	int w = snprintf(out, outlen, "%llu %llu %lld %lld %ld", (unsigned long long)sb.st_dev,
	                 (unsigned long long)sb.st_ino, (long long)sb.st_size,
	                 (long long)sb.st_mtim.tv_sec, (long)sb.st_mtim.tv_nsec);
	return w > 0 && (size_t)w < outlen ? 0 : -1;
}

/* The whole of a small file, NUL-terminated (caller frees); NULL when it cannot be had. */
static char *slurp(const char *path, size_t *len)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	char *buf = NULL;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size <= MAX_CACHE &&
	    (buf = malloc((size_t)sb.st_size + 1)) &&
	    read(fd, buf, (size_t)sb.st_size) == (ssize_t)sb.st_size) {
		buf[sb.st_size] = '\0';
		*len = (size_t)sb.st_size;
	} else {
		free(buf);
		buf = NULL;
	}
	close(fd);
	return buf;
}

/* The file's contents for ids under stamp (caller frees); NULL when out of memory. */
static char *render(const char *stamp, char *const *ids, size_t n, size_t *len)
{
	size_t size = sizeof MAGIC + strlen(stamp) + 1;
	for (size_t i = 0; i < n; i++)
		size += strlen(ids[i]) + 1;
	char *buf = malloc(size);
	if (!buf)
		return NULL;
	size_t at = (size_t)sprintf(buf, MAGIC "%s\n", stamp);
	for (size_t i = 0; i < n; i++)
		at += (size_t)sprintf(buf + at, "%s\n", ids[i]);
	*len = at;
	return buf;
}

static int by_id(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int corpus_ids_read(const char *cache, const char *library, char ***ids, size_t *n)
{
	char stamp[128];
	size_t len = 0, count = 0;
	*ids = NULL;
	*n = 0;
	if (corpus_ids_stamp(library, stamp, sizeof stamp) < 0)
		return -1;
	char *buf = slurp(cache, &len);
	size_t head = strlen(MAGIC) + strlen(stamp);
	if (!buf || len <= head || strncmp(buf, MAGIC, strlen(MAGIC)) != 0 ||
	    strncmp(buf + strlen(MAGIC), stamp, strlen(stamp)) != 0 || buf[head] != '\n' ||
	    buf[len - 1] != '\n' || strlen(buf) != len) {
		free(buf);
		return -1;
	}
	for (size_t i = head + 1; i < len; i++)
		count += buf[i] == '\n';
	char **out = calloc(count ? count : 1, sizeof *out);
	int rc = out ? 0 : -1;
	for (char *line = buf + head + 1; rc == 0 && *line;) {
		char *end = strchr(line, '\n');
		*end = '\0';
		if (!*line || !(out[*n] = corpus_strdup(line)))
			rc = -1;
		else
			(*n)++;
		line = end + 1;
	}
	free(buf);
	if (rc < 0) {
		corpus_ids_free(out, *n);
		*n = 0;
		return -1;
	}
	/* Written sorted (by the library's ORDER BY id); sorted again, since it is only a file. */
	qsort(out, *n, sizeof *out, by_id);
	*ids = out;
	return 0;
}

/* Write data[0..len) to path by a synced temporary file renamed over it. */
static int replace_file(const char *path, const char *data, size_t len)
{
	char *tmp = malloc(strlen(path) + sizeof ".XXXXXX");
	if (!tmp)
		return -1;
	sprintf(tmp, "%s.XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return -1;
	}
	int ok = write(fd, data, len) == (ssize_t)len && fchmod(fd, 0600) == 0 && fsync(fd) == 0;
	ok = close(fd) == 0 && ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok ? 0 : -1;
}

int corpus_ids_write(const char *cache, const char *library, char *const *ids, size_t n)
{
	char stamp[128];
	size_t len, oldlen = 0;
	if (corpus_ids_stamp(library, stamp, sizeof stamp) < 0)
		return -1;
	char *data = render(stamp, ids, n, &len);
	if (!data)
		return -1;
	char *old = slurp(cache, &oldlen);
	int rc = old && oldlen == len && memcmp(old, data, len) == 0
	             ? 0
	             : replace_file(cache, data, len);
	free(old);
	free(data);
	return rc;
}

int corpus_ids_has(char *const *ids, size_t n, const char *id)
{
	return n && bsearch(&id, ids, n, sizeof *ids, by_id) != NULL;
}

void corpus_ids_free(char **ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}
