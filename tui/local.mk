# tui/: the command line and the ncurses reader.
bin_PROGRAMS += treaty
treaty_SOURCES = \
	tui/main.c
treaty_LDADD = corpus/libcorpus.a i18n/libi18n.a $(NCURSES_LIBS) $(BASE_LIBS)
