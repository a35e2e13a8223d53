# tui/: the command line and the ncurses reader.
noinst_LIBRARIES += tui/libtui.a
tui_libtui_a_SOURCES = \
	tui/tui.h \
	tui/paths.c \
	tui/options.c \
	tui/output.c \
	tui/cli.c \
	tui/cli_refs.c \
	tui/reader.h \
	tui/screen.h \
	tui/place.c \
	tui/snippet.c \
	tui/links.c \
	tui/doc.c \
	tui/goto.c \
	tui/term.c \
	tui/draw.c \
	tui/view-contents.c \
	tui/view-text.c \
	tui/view-search.c \
	tui/view-backlinks.c \
	tui/view-define.c \
	tui/view-prompt.c \
	tui/view-help.c \
	tui/reader.c

bin_PROGRAMS += treaty
treaty_SOURCES = tui/main.c
treaty_LDADD = tui/libtui.a corpus/libcorpus.a i18n/libi18n.a $(READER_LIBS) $(LIBINTL) -lm

# The bundled corpus, built from the official texts outside the repository.
# It depends on the manifest and the program; the sources are checked by hash.
pkgdata_DATA += corpus.db
CLEANFILES += corpus.db corpus.db.tmp
corpus.db: treaty$(EXEEXT) $(srcdir)/corpus/manifest.tsv
	$(AM_V_GEN)./treaty$(EXEEXT) build-corpus --manifest $(srcdir)/corpus/manifest.tsv \
		--src '$(CORPUS_SRC)' --out $@

# treaty refuses a corpus.db damaged after it was built (exit status 2) and
# says "rebuild it with make": the next make does, although the file is newer
# than what it is made from.
all-local: corpus-vetted
corpus-vetted: corpus.db
	@env -u HOME -u XDG_DATA_HOME TREATY_CORPUS=corpus.db ./treaty$(EXEEXT) list \
		>/dev/null 2>&1; \
	if test $$? -eq 2; then \
		echo "corpus.db is damaged: making it again"; \
		rm -f corpus.db && $(MAKE) $(AM_MAKEFLAGS) corpus.db; \
	fi
.PHONY: corpus-vetted
