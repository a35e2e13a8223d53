#!/bin/sh
# mkpdf.sh TEXT PDF [SYMBOL] [JOB] — typeset a plain text (a paragraph per
# line) with groff into a PDF laid out like a UN document: a masthead on the
# first page with the symbol and date, running heads with the symbol and the
# page number in two columns (alternating sides), a footer with the job
# number, a barcode and "Please recycle", justified and hyphenated lines.
# MKPDF_WIDTH sets the line length (default 15c).  The tests import what this
# makes; nothing it makes is committed.
set -eu
text=$1 pdf=$2 symbol=${3:-A/RES/79/243} job=${4:-24-24403}
barcode="*$(printf '%s' "$job" | tr -d -)*"
{
	printf '.ds SY %s\n.ds JN %s\n.ds BC %s\n.ll %s\n' "$symbol" "$job" "$barcode" \
		"${MKPDF_WIDTH:-15c}"
	cat <<'TROFF'
.pl 29.7c
.po 3c
.lt \n(.lu
.de HD
.ie \\n%>1 \{\
'sp 1.5c
.ie o .tl '\\n%/40''\\*(SY'
.el .tl '\\*(SY''\\n%/40'
'sp 1c
.\}
.el 'sp 1.5c
..
.de FO
'sp 0.8c
.tl '\\*(JN (E)''\\*(BC'
.if \\n%=1 .tl 'Please recycle'''
'bp
..
.wh 0 HD
.wh -3c FO
.hy 1
.ad b
.ps 11
.vs 13
.tl 'United Nations''\*(SY'
.tl 'General Assembly''Distr.: General'
.tl '''24 December 2024'
.sp 1c
TROFF
	# Escape what troff would read as requests or escapes; keep straight
	# quotes straight and no-break spaces unbreakable.  Like TeX and word
	# processors, break a word that has a hyphen only at that hyphen (\%).
	# Headings (short lines, or capitals) are centred.
	LC_ALL=C awk '
	/^[ \t]*$/ { next }
	{
		gsub(/\\/, "\\e")
		gsub(/\047/, "\\(aq")
		gsub(/`/, "\\(ga")
		gsub(/\302\240/, "\\~")
		n = split($0, w, " ")
		line = ""
		for (i = 1; i <= n; i++)
			line = line (i > 1 ? " " : "") (w[i] ~ /[a-zA-Z]-[a-zA-Z]/ ? "\\%" : "") w[i]
		$0 = line
		if ($0 ~ /^[.\047]/) $0 = "\\&" $0
		print ".sp 0.5v"
		heading = (length($0) < 50 && $0 !~ /[.;:,]$/ && $0 !~ /^[0-9a-z(]+[.)] /) ||
			$0 !~ /[a-z]/
		if (heading) print ".ad c"
		print
		if (heading) print ".br\n.ad b"
	}' "$text"
} | groff -k -Tpdf -P-pa4 >"$pdf"
