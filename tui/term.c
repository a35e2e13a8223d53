/*
 * term.c — the terminal: curses set up and given back, attributes for each
 * style, the bidi mode of the terminal, and signals.
 *
 * Signal handlers only write the signal's number into a pipe; the event loop
 * reads it and acts, so nothing unsafe runs inside a handler, and a poll()
 * on the keyboard and the pipe wakes for either.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <term.h> /* setupterm(): vetting $TERM before newterm() */

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static const int caught[] = {SIGWINCH, SIGTSTP, SIGCONT, SIGTERM, SIGHUP, SIGINT};

static SCREEN *screen;
static int fresh; /* nothing refreshed yet */
static int sigpipe[2] = {-1, -1};
static int colors;
static enum i18n_bidi_mode mode;
static attr_t attrs[TUI_NSTYLES];
static short pairs[TUI_NSTYLES];

static void put_raw(const char *s)
{
	ssize_t n = write(STDOUT_FILENO, s, strlen(s));
	(void)n; /* a terminal that refuses a mode change leaves nothing to do */
}

/* SIGTERM, SIGHUP or SIGINT caught: a long step in the store gives way to it. */
static volatile sig_atomic_t quitting;

static void on_signal(int sig)
{
	int saved = errno;
	if (sig == SIGTERM || sig == SIGHUP || sig == SIGINT)
		quitting = 1;
	unsigned char c = (unsigned char)sig;
	ssize_t n = write(sigpipe[1], &c, 1);
	(void)n; /* a full pipe already holds a wake-up */
	errno = saved;
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		sigaction(caught[i], &sa, NULL);
}

static void release_signals(void)
{
	for (size_t i = 0; i < sizeof caught / sizeof caught[0]; i++)
		signal(caught[i], SIG_DFL);
}

/* Monochrome first: bold, underline and reverse alone must tell the styles apart. */
static void set_styles(void)
{
	static const struct {
		enum tui_style s;
		attr_t mono, color;
		short fg, bg;
	} table[] = {
	    {TUI_HEADING, A_BOLD, A_BOLD, COLOR_YELLOW, -1},
	    {TUI_LINK, A_UNDERLINE, A_UNDERLINE, COLOR_CYAN, -1},
	    {TUI_HIT, A_REVERSE, 0, COLOR_BLACK, COLOR_YELLOW},
	    {TUI_HIT_NOW, A_REVERSE | A_BOLD | A_UNDERLINE, A_BOLD, COLOR_BLACK, COLOR_GREEN},
	    {TUI_MARK, A_REVERSE | A_DIM, A_BOLD, COLOR_MAGENTA, -1},
	    {TUI_HEADER, A_REVERSE | A_BOLD, A_BOLD, COLOR_WHITE, COLOR_BLUE},
	    {TUI_STATUS, A_REVERSE, A_REVERSE, -1, -1},
	    {TUI_ERROR, A_BOLD | A_UNDERLINE, A_BOLD, COLOR_WHITE, COLOR_RED},
	    {TUI_SELECT, A_REVERSE, 0, COLOR_BLACK, COLOR_CYAN},
	    {TUI_CURRENT, A_BOLD, A_BOLD, COLOR_GREEN, -1},
	    {TUI_DIM, A_DIM, A_DIM, -1, -1},
	    {TUI_TERM, A_ITALIC, A_ITALIC, COLOR_GREEN, -1},
	};
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		enum tui_style s = table[i].s;
		attrs[s] = colors ? table[i].color : table[i].mono;
		if (colors && (table[i].fg >= 0 || table[i].bg >= 0)) {
			pairs[s] = (short)(i + 1);
			init_pair(pairs[s], table[i].fg, table[i].bg);
		}
	}
}

int tui_term_start(enum i18n_bidi_mode bidi, int mouse, int color, char *err, size_t errlen)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen,
		         _("the reader needs a terminal; for a pipe, use treaty show or treaty "
		           "search"));
		return -1;
	}
	/* Outside UTF-8 curses would draw every letter beyond ASCII as a blank. */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		snprintf(err, errlen,
		         _("the reader needs a UTF-8 locale to show the texts as they are (this one "
		           "uses %s); try: LC_ALL=C.UTF-8 treaty"),
		         nl_langinfo(CODESET));
		return -1;
	}
	/*
	 * Vet $TERM before newterm(), which leaks its half-made screen when the
	 * terminal is unknown.  A terminal that cannot place the cursor (dumb, a
	 * printer) would get the screens as one scroll of junk.
	 */
	int known = 0;
	if (setupterm(NULL, STDOUT_FILENO, &known) != OK) {
		snprintf(err, errlen, _("cannot use the terminal '%s'"),
		         getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	const char *cup = tigetstr("cup");
	int places = cup && cup != (char *)-1;
	del_curterm(cur_term);
	if (!places) {
		snprintf(err, errlen,
		         _("the terminal '%s' cannot place the cursor; the reader needs one that can "
		           "(or use treaty show and treaty search)"),
		         getenv("TERM") ? getenv("TERM") : "");
		return -1;
	}
	if (pipe(sigpipe) != 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	for (int i = 0; i < 2; i++) {
		fcntl(sigpipe[i], F_SETFL, fcntl(sigpipe[i], F_GETFL) | O_NONBLOCK);
		fcntl(sigpipe[i], F_SETFD, FD_CLOEXEC);
	}
	mode = bidi;
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		snprintf(err, errlen, _("cannot use the terminal '%s'"),
		         getenv("TERM") ? getenv("TERM") : "");
		close(sigpipe[0]), close(sigpipe[1]);
		return -1;
	}
	fresh = 1;
	put_raw(i18n_bidi_terminal_prelude(mode));
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	colors = color && has_colors() && start_color() == OK;
	if (colors)
		use_default_colors();
	set_styles();
	if (mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	/* After newterm, so that these replace what curses installs for itself. */
	catch_signals();
	/* A resize between newterm and now reached no handler of ours: look again. */
	tui_term_resize();
	return 0;
}

void tui_term_stop(void)
{
	if (!screen)
		return;
	endwin();
	put_raw(i18n_bidi_terminal_restore(mode));
	release_signals();
	delscreen(screen);
	screen = NULL;
	close(sigpipe[0]), close(sigpipe[1]);
	sigpipe[0] = sigpipe[1] = -1;
}

void tui_term_refresh(void)
{
	/*
	 * Until its first endwin(), ncurses writes out every cursor movement at
	 * once (for programs that only use terminfo), so that a screen would go
	 * out in one write() per line.  Leaving just before the first refresh,
	 * which resumes, has every screen go out in one write().
	 */
	if (fresh) {
		fresh = 0;
		endwin();
	}
	refresh();
}

void tui_term_style(enum tui_style style)
{
	attr_set(attrs[style], pairs[style], NULL);
}

int tui_term_key(int *key)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return 0;
	*key = r == KEY_CODE_YES ? TUI_KEY((int)wc) : (int)wc;
	return 1;
}

int tui_term_quitting(void)
{
	return quitting;
}

int tui_term_signal(void)
{
	unsigned char c;
	return read(sigpipe[0], &c, 1) == 1 ? c : 0;
}

static int poll_input(int timeout_ms)
{
	struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {sigpipe[0], POLLIN, 0}};
	return poll(fds, 2, timeout_ms) > 0;
}

int tui_term_pending(void)
{
	return poll_input(0);
}

void tui_term_wait(int timeout_ms)
{
	poll_input(timeout_ms);
}

void tui_term_resize(void)
{
	struct winsize ws;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
}

void tui_term_suspend(void)
{
	endwin();
	put_raw(i18n_bidi_terminal_restore(mode));
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	/* Stopped here until continued; the SIGCONT that continues us makes the loop resume. */
	catch_signals();
}

void tui_term_resume(void)
{
	/* A shell may have changed the terminal's modes while we were stopped. */
	reset_prog_mode();
	put_raw(i18n_bidi_terminal_prelude(mode));
	tui_term_resize();
	clearok(curscr, TRUE);
}
