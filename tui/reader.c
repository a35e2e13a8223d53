/*
 * reader.c — the full-screen reader.  Until it lands, say what works.
 */
#include "tui/tui.h"

int tui_reader(int argc, char **argv)
{
	(void)argc, (void)argv;
	fprintf(stderr, "treaty: the reader is not built yet; use treaty list, show and search "
			"(treaty --help)\n");
	return TUI_USAGE;
}
