/* main.c — the treaty command: the command line, and the reader with no arguments. */
#include "config.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("treaty %s\n", PACKAGE_VERSION);
		return 0;
	}
	fprintf(stderr, "treaty: not yet\n");
	return 2;
}
