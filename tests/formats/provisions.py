#!/usr/bin/env python3
"""provisions.py < show.json -- what two imports of one document must share:
each provision's language, id, kind, number, label and heading (whitespace
collapsed), then every word of the document in order, one a line."""
import json
import sys

words = []
for line in sys.stdin:
    p = json.loads(line)
    norm = lambda s: ' '.join((s or '').split())
    print('\t'.join([p['lang'], p['eid'], p['kind'], norm(p.get('num')), norm(p['label']),
                     norm(p['heading'])]))
    for field in ('label', 'heading', 'text'):
        words.extend((p.get(field) or '').split())
print('--- words')
print('\n'.join(words))
