/*
 * driver.c — runs a fuzz target without libFuzzer, so that make check keeps
 * every target compiling and passing under gcc (and under the sanitizers in
 * the --enable-sanitizers build) on machines without clang.
 *
 *   TARGET-replay                 its seeds and regressions (FUZZ_DIR), plus a
 *                                 fixed number of deterministic mutations of each
 *   TARGET-replay [-m N] PATH...  the given files or directories, N mutations each
 *
 * Each input runs in a child process, so an abort or a sanitizer report
 * becomes one "not ok" naming the input; a failing mutation is saved to a file
 * for replay.  Output is TAP.
 */
#include "tests/fuzz/fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define INPUT_MAX (1u << 20)
#define DEFAULT_MUTATIONS 300

static int tap_n, tap_failed;

struct input {
	char *path;
	uint8_t *data;
	size_t size;
};

static struct input *inputs;
static size_t ninputs;

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static int read_input(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	uint8_t *buf = malloc(INPUT_MAX);
	size_t n = buf ? fread(buf, 1, INPUT_MAX, f) : 0;
	fclose(f);
	if (!buf)
		return -1;
	struct input *more = realloc(inputs, (ninputs + 1) * sizeof *inputs);
	if (!more) {
		free(buf);
		return -1;
	}
	inputs = more;
	inputs[ninputs++] = (struct input){strdup(path), buf, n};
	return 0;
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file, or every regular file of a directory in name order (the run must not vary). */
static int add_path(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(sb.st_mode))
		return read_input(path);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char **more = realloc(names, (n + 1) * sizeof *names);
		if (!more)
			break;
		names = more;
		names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
		sprintf(names[n++], "%s/%s", path, e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_path);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && read_input(names[i]) < 0)
			rc = -1;
		free(names[i]);
	}
	free(names);
	return rc;
}

/* Bytes that steer parsers: quotes, stars, controls, bidi overrides, bad UTF-8. */
static const char *const tokens[] = {
    "\n",
    "\n\n",
    " ",
    "\"",
    "*",
    "-",
    "(",
    ")",
    ":",
    "OR",
    "NOT",
    "Article 1",
    "1.",
    "a)",
    "(i)",
    "\x1b[31m",
    "\xe2\x80\xae",
    "\xc3",
    "\xff",
    "\0",
    "\xd8\xa3",
    "\xe4\xb8\x80",
    "\xcc\x81",
    "\t",
    "\r\n",
    "doc:",
    "lang:",
    "art:",
    "\xef\xbb\xbf",
    "\xf0\x9f\x98\x80",
};

static size_t mutate(const struct input *in, uint8_t *out)
{
	size_t n = in->size < INPUT_MAX / 2 ? in->size : INPUT_MAX / 2;
	memcpy(out, in->data, n);
	for (int rounds = 1 + (int)(next_rand() % 4); rounds > 0; rounds--) {
		size_t at = n ? next_rand() % (n + 1) : 0;
		switch (next_rand() % 5) {
		case 0: /* flip a bit */
			if (at < n)
				out[at] ^= (uint8_t)(1u << (next_rand() % 8));
			break;
		case 1: { /* insert a token */
			const char *t = tokens[next_rand() % (sizeof tokens / sizeof *tokens)];
			size_t tl = t[0] ? strlen(t) : 1;
			if (n + tl >= INPUT_MAX)
				break;
			memmove(out + at + tl, out + at, n - at);
			memcpy(out + at, t, tl);
			n += tl;
			break;
		}
		case 2: { /* delete a run */
			size_t len = next_rand() % 16;
			if (at + len > n)
				len = n - at;
			memmove(out + at, out + at + len, n - at - len);
			n -= len;
			break;
		}
		case 3: { /* splice a piece of another input */
			const struct input *o = &inputs[next_rand() % ninputs];
			size_t from = o->size ? next_rand() % o->size : 0;
			size_t len = next_rand() % 64;
			if (from + len > o->size)
				len = o->size - from;
			if (n + len >= INPUT_MAX)
				break;
			memmove(out + at + len, out + at, n - at);
			memcpy(out + at, o->data + from, len);
			n += len;
			break;
		}
		default: /* a random byte */
			if (at < n)
				out[at] = (uint8_t)next_rand();
			break;
		}
	}
	return n;
}

static void save(const char *path, const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(data, 1, size, f);
		fclose(f);
	}
}

/* Run one input (and its mutations) in a child; report one TAP line. */
static void run(size_t idx, int mutations, const char *self)
{
	const struct input *in = &inputs[idx];
	char keep[256];
	/* In the build tree's tests/fuzz (ignored by git) when run from the top, as make check
	 * does. */
	const char *dir = access("tests/fuzz", W_OK) == 0 ? "tests/fuzz/" : "";
	snprintf(keep, sizeof keep, "%sfuzz-failure-%s-%ld-%zu", dir, self, (long)getpid(), idx);
	static uint8_t buf[INPUT_MAX];
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		LLVMFuzzerTestOneInput(in->data, in->size);
		for (int m = 0; m < mutations; m++) {
			size_t n = mutate(in, buf);
			save(keep, buf, n);
			LLVMFuzzerTestOneInput(buf, n);
		}
		unlink(keep);
		exit(0); /* not _exit: LeakSanitizer runs at exit */
	}
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		status = -1;
	/* the generator must advance as the child's did, so the next input is the same run */
	for (int m = 0; m < mutations; m++)
		mutate(in, buf);
	int good = status == 0;
	printf("%s %d - %s", good ? "ok" : "not ok", ++tap_n, in->path);
	if (mutations)
		printf(" and %d mutations", mutations);
	printf("\n");
	if (!good) {
		tap_failed++;
		if (access(keep, F_OK) == 0)
			printf("#   a mutation failed; it is saved in %s\n", keep);
		else
			printf("#   the input itself failed (status %d)\n", status);
	}
}

int main(int argc, char **argv)
{
	int mutations = DEFAULT_MUTATIONS, given = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) {
			mutations = atoi(argv[++i]);
			continue;
		}
		given = 1;
		if (add_path(argv[i]) < 0) {
			fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
			return 2;
		}
	}
	if (!given) {
		add_path(FUZZ_DIR "/seeds");
		add_path(FUZZ_DIR "/regressions");
	}
	if (ninputs == 0) {
		printf("1..0 # SKIP no inputs\n");
		return 0;
	}
	const char *self = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	for (size_t i = 0; i < ninputs; i++)
		run(i, mutations, self);
	printf("1..%d\n", tap_n);
	for (size_t i = 0; i < ninputs; i++)
		free(inputs[i].path), free(inputs[i].data);
	free(inputs);
	return tap_failed ? 1 : 0;
}
