/*
 * library-ids.h — a small file beside the user's library listing the ids of
 * its documents, so that a reader can tell whether a document is in the
 * library without opening it (SQLite's open, the schema, WAL's files).
 *
 * The list is trusted only while the library file is the one it describes:
 * it is stamped with library.db's device, inode, size and modification time
 * (nanoseconds), and only a library without a -wal file can match, since in
 * WAL mode committed writes sit in that file until the last connection
 * checkpoints them into library.db and deletes it.
 */
#ifndef TREATY_LIBRARY_IDS_H
#define TREATY_LIBRARY_IDS_H

#include <stddef.h>

/* The cache's path for a library: "library.db" gives "library.ids".  Caller frees. */
char *corpus_ids_path(const char *library);

/*
 * The stamp of library as it is now, "dev ino size sec nsec", into
 * out[outlen]; -1 when it cannot be stat'ed, is not a regular file, or has a
 * -wal file beside it (its state is then not all in library.db).
 */
int corpus_ids_stamp(const char *library, char *out, size_t outlen);

/*
 * The ids listed in cache, sorted by strcmp() (*ids and each string: caller
 * frees with corpus_ids_free) when its stamp is library's present one; -1
 * (nothing allocated) when the cache is missing, unreadable, malformed or stale.
 */
int corpus_ids_read(const char *cache, const char *library, char ***ids, size_t *n);

/*
 * Write ids[0..n) as library's cache, stamped with its present state, by a
 * temporary file synced and renamed over the old one; -1 when library has no
 * stamp (a -wal file) or writing fails.  A cache already saying the same is
 * left alone.
 */
int corpus_ids_write(const char *cache, const char *library, char *const *ids, size_t n);

/* Nonzero when id is among ids[0..n), sorted by strcmp() as corpus_ids_read() gives them. */
int corpus_ids_has(char *const *ids, size_t n, const char *id);

void corpus_ids_free(char **ids, size_t n);

#endif
