# corpus/: the model, the store and search.
noinst_LIBRARIES += corpus/libcorpus.a
corpus_libcorpus_a_SOURCES = \
	corpus/corpus.h \
	corpus/store-internal.h \
	corpus/query.h \
	corpus/query.c \
	corpus/utf8.h \
	corpus/grammar.h \
	corpus/grammar.c \
	corpus/parse.c \
	corpus/eid.c \
	corpus/sha256.c \
	corpus/manifest.c \
	corpus/load.c \
	corpus/convert.h \
	corpus/convert.c \
	corpus/convert_run.c \
	corpus/spawn.c \
	corpus/store.c \
	corpus/fts-merge.c \
	corpus/library-ids.h \
	corpus/library-ids.c \
	corpus/read.c \
	corpus/search-int.h \
	corpus/search.c \
	corpus/search-lists.c \
	corpus/search-cache.c \
	corpus/highlight.c \
	corpus/snippet.c \
	corpus/suggest.c \
	corpus/rank.h \
	corpus/rank.c \
	corpus/refs.h \
	corpus/refs-int.h \
	corpus/refs.c \
	corpus/refs-lex.c \
	corpus/refs-emit.c \
	corpus/refs-zh.c \
	corpus/refs-store.c \
	corpus/refs-read.c \
	corpus/terms.h \
	corpus/terms.c
dist_pkgdata_DATA += corpus/manifest.tsv

# The format readers, and the process they run in (convert.h says why apart).
noinst_LIBRARIES += corpus/libconvert.a
corpus_libconvert_a_SOURCES = \
	corpus/convert_pdf.c \
	corpus/pdf.h \
	corpus/pdf_layout.c \
	corpus/pdf_furniture.c \
	corpus/dehyphen.h \
	corpus/dehyphen.c \
	corpus/convert_docx.c \
	corpus/convert_html.c
corpus_libconvert_a_CFLAGS = $(AM_CFLAGS) $(XML_CFLAGS) $(LIBZIP_CFLAGS)
CONVERT_LIBS = corpus/libconvert.a corpus/libcorpus.a i18n/libi18n.a $(BASE_LIBS) \
	$(XML_LIBS) $(LIBZIP_LIBS)

pkglibexec_PROGRAMS = treaty-convert
treaty_convert_SOURCES = corpus/convert_main.c
treaty_convert_LDADD = $(CONVERT_LIBS)

# After "make install" (distcheck runs this): the installed treaty finds the
# installed treaty-convert, and an HTML page is imported through it.
installcheck-local: convert-installcheck
convert-installcheck:
	@home=`mktemp -d` && \
	printf '<html><body><p>Article 1</p><p>Test text.</p></body></html>\n' >"$$home/page.html" && \
	env -u TREATY_CONVERT XDG_DATA_HOME="$$home" \
	  $(DESTDIR)$(bindir)/treaty$(EXEEXT) import "$$home/page.html" --id installcheck --lang en \
	  >/dev/null && rm -rf "$$home" \
	  && echo "installed treaty imports HTML through $(pkglibexecdir)/treaty-convert" \
	  || { echo "installed treaty cannot use its converter in $(pkglibexecdir)" >&2; \
	       rm -rf "$$home"; exit 1; }
.PHONY: convert-installcheck
