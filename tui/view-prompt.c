/*
 * view-prompt.c — the go-to prompt, on the status line, and the line editing
 * it shares with the search line.
 */
#include "i18n/nls.h"
#include "tui/screen.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static void delete_char(char *buf)
{
	size_t len = strlen(buf);
	while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	buf[len] = '\0';
}

static void delete_word(char *buf)
{
	size_t len = strlen(buf);
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	while (len > 0 && buf[len - 1] != ' ')
		len--;
	buf[len] = '\0';
}

int tui_edit_key(char *buf, size_t size, int key)
{
	switch (key) {
	case TUI_KEY(KEY_BACKSPACE):
	case 127:
	case TUI_CTRL('h'):
		delete_char(buf);
		return 1;
	case TUI_CTRL('u'):
		buf[0] = '\0';
		return 1;
	case TUI_CTRL('w'):
		delete_word(buf);
		return 1;
	}
	if (key < 0x20 || key == 127 || key >= TUI_KEY(0))
		return 0;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(mb, (wchar_t)key, &st), len = strlen(buf);
	if (n == (size_t)-1)
		return 1;
	if (len + n < size) {
		memcpy(buf + len, mb, n);
		buf[len + n] = '\0';
	}
	return 1;
}

void tui_prompt_draw(struct tui_app *app)
{
	int y = app->rows - 1;
	tui_fill(y, 0, app->cols, TUI_BODY);
	const char *ask = app->prompt_kind == TUI_PROMPT_LINK ? _("Follow link:")
	                  : app->prompt_kind == TUI_PROMPT_SIDE
	                      ? _("Beside (Enter: another language):")
	                      : _("Go to:");
	int used = tui_draw_str(y, 0, app->cols, ask, TUI_HEADING) + 1;
	used += tui_draw_str(y, used, app->cols - used - 1, app->prompt, TUI_BODY);
	app->cursor_y = y;
	app->cursor_x = used < app->cols ? used : app->cols - 1;
}

int tui_prompt_key(struct tui_app *app, int key)
{
	switch (key) {
	case TUI_ESC:
		app->overlay = TUI_NO_OVERLAY;
		return 1;
	case '\r':
	case '\n':
	case TUI_KEY(KEY_ENTER):
		app->overlay = TUI_NO_OVERLAY;
		if (app->prompt_kind == TUI_PROMPT_LINK)
			tui_text_follow(app, strtol(app->prompt, NULL, 10));
		else if (app->prompt_kind == TUI_PROMPT_SIDE)
			tui_text_open_side(app, app->prompt);
		else
			tui_app_goto(app, app->prompt);
		return 1;
	case TUI_KEY(KEY_BACKSPACE):
	case 127:
	case TUI_CTRL('h'):
		if (!app->prompt[0]) {
			app->overlay = TUI_NO_OVERLAY;
			return 1;
		}
		break;
	}
	tui_edit_key(app->prompt, sizeof app->prompt, key);
	return 1;
}
