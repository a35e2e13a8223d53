/*
 * fuzz.h — what every fuzz target shares.  A target is one function,
 * LLVMFuzzerTestOneInput(), linked either with libFuzzer (make fuzz, clang)
 * or with driver.c, which replays seeds and regressions under gcc in make
 * check.  A target checks the module's documented promises, not only that it
 * does not crash: a broken promise calls fuzz_fail(), which aborts so that
 * both libFuzzer and the driver record the input.
 */
#ifndef TREATY_FUZZ_H
#define TREATY_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define fuzz_fail(...)                                                                             \
	do {                                                                                       \
		fprintf(stderr, "%s:%d: broken promise: ", __FILE__, __LINE__);                    \
		fprintf(stderr, __VA_ARGS__);                                                      \
		fputc('\n', stderr);                                                               \
		abort();                                                                           \
	} while (0)

/* The input as a string of exactly size bytes, no terminator: overreads are caught. */
static inline char *fuzz_bytes(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1);
	if (!s)
		abort();
	for (size_t i = 0; i < size; i++)
		s[i] = (char)data[i];
	return s;
}

/* The input as a NUL-terminated string (bytes after a NUL are unreachable, as for callers). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	for (size_t i = 0; i < size; i++)
		s[i] = (char)data[i];
	s[size] = '\0';
	return s;
}

#endif
