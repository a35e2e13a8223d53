#!/usr/bin/env python3
"""mkhtml.py TEXT HTML [LANG] -- publish a plain text (a paragraph per line) as a
web page the way a treaty site does: a site header, navigation, a search form,
scripts and a footer around the text, which sits in <main> as headings and
paragraphs with entities and wrapped lines.  Written at test time, not committed."""
import sys
from xml.sax.saxutils import escape

src, out = sys.argv[1], sys.argv[2]
lang = sys.argv[3] if len(sys.argv) > 3 else 'en'
with open(src, encoding='utf-8') as f:
    lines = [l.strip() for l in f if l.strip()]
parts = []
for i, line in enumerate(lines):
    text = escape(line).replace('"', '&quot;')
    # Wrap long paragraphs in the source as an editor would.
    words = text.split(' ')
    text = '\n    '.join(' '.join(words[k:k + 12]) for k in range(0, len(words), 12))
    tag = 'h1' if i == 0 else 'h2' if len(line) < 60 and not line.endswith(('.', ';', ':', ',')) else 'p'
    parts.append('<%s>%s</%s>' % (tag, text, tag))
page = '''<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8"><title>%s - Treaty Office</title>
<style>body { font-family: serif } nav li { display: inline }</style>
<script>window.analytics = { page: "Article 99 Convention" };</script></head>
<body><header><a href="/">Treaty Office</a><form><input name="q"><button>Search</button></form></header>
<nav><ul><li><a href="/list">Full list</a></li><li><a href="/sig">Signatures and ratifications</a></li></ul></nav>
<main>
%s
</main>
<aside>Related: Article 1 of another treaty</aside>
<footer>&copy; Treaty Office. All rights reserved. Article 100 of the site rules.</footer>
<script>track();</script></body></html>
''' % (lang, escape(lines[0]), '\n'.join(parts))
with open(out, 'w', encoding='utf-8') as f:
    f.write(page)
