# Importing PDF, Word and HTML: files made at test time, round trips and bad files.
TESTS += tests/formats/formats.sh tests/formats/bad-files.sh
EXTRA_DIST += tests/formats/formats.sh tests/formats/bad-files.sh tests/formats/mkpdf.sh \
	tests/formats/mkdocx.py tests/formats/mkhtml.py tests/formats/provisions.py \
	tests/fixtures/test-resolution.en.txt
