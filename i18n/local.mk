# i18n/: the language layer (ICU, libstemmer).
noinst_LIBRARIES += i18n/libi18n.a
i18n_libi18n_a_SOURCES = \
	i18n/i18n.h \
	i18n/text.c \
	i18n/langid.c \
	i18n/visible.c \
	i18n/analysis.h \
	i18n/fold.c \
	i18n/stem.c \
	i18n/tokenizer.c \
	i18n/fts.c
