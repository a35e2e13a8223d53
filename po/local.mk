# po/: the catalogues, as bindtextdomain() wants them, in the build tree
# (po/locale/LANG/LC_MESSAGES/treaty.mo), so that ./treaty speaks every
# language before "make install" (i18n/nls.c looks there first).  gettext's
# po/Makefile builds the .gmo files (in the source tree, since they are
# distributed) and installs them into $(localedir).  The build tree's
# catalogues are compiled from the .po files themselves: gettext's .gmo rule
# first merges them with treaty.pot, and a treaty.pot left from before a
# message was added would drop its translation without a word.
all-local: po-build-tree-catalogues
po-build-tree-catalogues:
	@test "$(USE_NLS)" = yes || exit 0; \
	for lang in `sed -e 's/#.*//' $(srcdir)/po/LINGUAS`; do \
	  po=$(srcdir)/po/$$lang.po; mo=po/locale/$$lang/LC_MESSAGES/$(PACKAGE).mo; \
	  test -f "$$mo" && test ! "$$po" -nt "$$mo" && continue; \
	  $(MKDIR_P) po/locale/$$lang/LC_MESSAGES && \
	    $(GMSGFMT) -c -o "$$mo" "$$po" || exit 1; \
	done
clean-local: po-build-tree-clean
po-build-tree-clean:
	-rm -rf po/locale
.PHONY: po-build-tree-catalogues po-build-tree-clean

# After "make install" (distcheck runs this), the installed program finds the
# installed catalogues in $(localedir).
installcheck-local: po-installcheck
po-installcheck:
	@if test "$(USE_NLS)" = yes; then \
	  $(DESTDIR)$(bindir)/treaty$(EXEEXT) --ui-lang fr --help | grep '^Utilisation' >/dev/null \
	    && echo "installed treaty speaks French from $(localedir)" \
	    || { echo "installed treaty does not find its catalogues in $(localedir)" >&2; exit 1; }; \
	fi
.PHONY: po-installcheck
