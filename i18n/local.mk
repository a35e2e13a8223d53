# i18n/: the language layer (ICU, libstemmer).
noinst_LIBRARIES += i18n/libi18n.a
i18n_libi18n_a_SOURCES = \
	i18n/i18n.h \
	i18n/nls.h \
	i18n/nls.c \
	i18n/text.c \
	i18n/langid.c \
	i18n/visible.c \
	i18n/analysis.h \
	i18n/fold.c \
	i18n/stem.c \
	i18n/tokenizer.c \
	i18n/fts.c \
	i18n/display-internal.h \
	i18n/segment.c \
	i18n/width.c \
	i18n/sanitize.c \
	i18n/wrap.c \
	i18n/bidi.c \
	i18n/shape.c \
	i18n/layout.c
