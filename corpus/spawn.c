/*
 * spawn.c — run a helper program (pdftotext, treaty-convert) without a
 * shell: an argument vector, the bytes to convert on its standard input, its
 * output collected with a size cap and a time limit, so that a hostile file
 * can neither inject a command nor hang or flood the import.
 */
#include "corpus/convert.h"
#include "corpus/store-internal.h"
#include "i18n/nls.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

struct sink {
	int fd;
	struct corpus_buf buf;
	size_t max;
	int overflow;
};

/* Read what is there; 0 at end of file. */
static int drain(struct sink *k)
{
	char chunk[65536];
	ssize_t n = read(k->fd, chunk, sizeof chunk);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (n == 0)
		return 0;
	if (k->buf.len + (size_t)n > k->max)
		k->overflow = 1;
	else
		corpus_buf_add(&k->buf, chunk, (size_t)n);
	return 1;
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/*
 * Writing to a child that has stopped reading raises SIGPIPE, which would end
 * treaty itself: block it while feeding, and swallow one left pending.
 */
static void feed(int *fd, const char *input, size_t inlen, size_t *sent)
{
	sigset_t pipe_set, old;
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	ssize_t n = write(*fd, input + *sent, inlen - *sent > 65536 ? 65536 : inlen - *sent);
	if (n > 0)
		*sent += (size_t)n;
	if ((n < 0 && errno != EINTR && errno != EAGAIN) || *sent == inlen)
		close_fd(fd);
	sigset_t pending;
	sigpending(&pending);
	if (sigismember(&pending, SIGPIPE) && !sigismember(&old, SIGPIPE)) {
		int sig;
		sigwait(&pipe_set, &sig);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* A pipe whose ends the child does not inherit (it gets them through dup2). */
static int make_pipe(int fd[2])
{
	if (pipe(fd) < 0)
		return -1;
	fcntl(fd[0], F_SETFD, FD_CLOEXEC);
	fcntl(fd[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static int start(char *const argv[], int in[2], int out[2], int errp[2], pid_t *pid, char *err,
                 size_t errlen)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, in[0], 0);
	posix_spawn_file_actions_adddup2(&fa, out[1], 1);
	posix_spawn_file_actions_adddup2(&fa, errp[1], 2);
	int rc = posix_spawnp(pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc == ENOENT && strcmp(argv[0], "pdftotext") == 0) {
		corpus_set_error(err, errlen, _("%s is not installed (Debian package %s)"), argv[0],
		                 "poppler-utils");
		return -1;
	}
	if (rc != 0) {
		corpus_set_error(err, errlen, _("cannot run %s: %s"), argv[0], strerror(rc));
		return -1;
	}
	return 0;
}

int corpus_run(char *const argv[], const char *input, size_t inlen, size_t max_out, int timeout_s,
               char **out, size_t *outlen, char **errtext, int *status, char *err, size_t errlen)
{
	int in[2] = {-1, -1}, po[2] = {-1, -1}, pe[2] = {-1, -1};
	struct sink so = {.fd = -1, .max = max_out}, se = {.fd = -1, .max = max_out};
	size_t sent = 0;
	pid_t pid = -1;
	int rc = -1, killed = 0;
	*out = *errtext = NULL;
	*outlen = 0;
	*status = -1;
	if (make_pipe(in) < 0 || make_pipe(po) < 0 || make_pipe(pe) < 0) {
		corpus_set_error(err, errlen, _("cannot run %s: %s"), argv[0], strerror(errno));
		goto done;
	}
	if (start(argv, in, po, pe, &pid, err, errlen) < 0)
		goto done;
	close_fd(&in[0]);
	close_fd(&po[1]);
	close_fd(&pe[1]);
	fcntl(in[1], F_SETFL, O_NONBLOCK);
	so.fd = po[0];
	se.fd = pe[0];
	po[0] = pe[0] = -1;
	if (inlen == 0)
		close_fd(&in[1]);
	time_t deadline = time(NULL) + timeout_s;
	while (so.fd >= 0 || se.fd >= 0) {
		struct pollfd p[3] = {{so.fd, POLLIN, 0}, {se.fd, POLLIN, 0}, {in[1], POLLOUT, 0}};
		long left = (long)(deadline - time(NULL));
		if (left <= 0 || so.overflow || se.overflow) {
			kill(pid, SIGKILL);
			killed = 1;
			break;
		}
		if (poll(p, 3, (int)(left * 1000)) < 0 && errno != EINTR)
			break;
		if (p[2].revents)
			feed(&in[1], input, inlen, &sent);
		if (p[0].revents && !drain(&so))
			close_fd(&so.fd);
		if (p[1].revents && !drain(&se))
			close_fd(&se.fd);
	}
	close_fd(&in[1]);
	int ws;
	while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
		;
	pid = -1;
	if (killed) {
		corpus_set_error(err, errlen,
		                 so.overflow || se.overflow
		                     ? _("%s wrote more than the limit; the file was not read")
		                     : _("%s took too long; the file was not read"),
		                 argv[0]);
		goto done;
	}
	if (so.buf.oom || se.buf.oom) {
		corpus_set_error(err, errlen, _("out of memory reading the output of %s"), argv[0]);
		goto done;
	}
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	corpus_buf_add(&so.buf, "", 0);
	corpus_buf_add(&se.buf, "", 0);
	*out = so.buf.s;
	*outlen = so.buf.len;
	*errtext = se.buf.s;
	so.buf.s = se.buf.s = NULL;
	rc = 0;
done:
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	close_fd(&in[0]);
	close_fd(&in[1]);
	close_fd(&po[0]);
	close_fd(&po[1]);
	close_fd(&pe[0]);
	close_fd(&pe[1]);
	close_fd(&so.fd);
	close_fd(&se.fd);
	free(so.buf.s);
	free(se.buf.s);
	return rc;
}
