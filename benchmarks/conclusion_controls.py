"""More single-conclusion controls for duplicated-conclusion, made from the tune split's unmodified hosts and
shared/corpus/clean (never the test split): each host gets a "Conclusion" section, or an appended
"In conclusion, ..." paragraph, made of the first sentences of its lead and two other paragraphs with a few
synonyms swapped. Prints each flag and the count of flagged documents.

    .venv/bin/python benchmarks/conclusion_controls.py

A host that already concludes (its own "Conclusion" section or "To conclude") is flagged for a reason: read the
flags, do not only count them.
"""
import random
import re
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import paraphrase_eval as pe  # noqa: E402
from prose_lint.config import Settings  # noqa: E402
from prose_lint.engine import Linter  # noqa: E402
from prose_lint.source import Source  # noqa: E402

linter=Linter(Settings(no_grammar=True, select=['duplicated-conclusion']))
flag=n=0
for path in pe.hosts(500):
    text=path.read_text()
    paras=pe._prose_paragraphs(text)
    if len(paras)<4: continue
    for variant in ('heading','marked'):
        rng=random.Random(zlib.crc32(f'{path.name}/{variant}'.encode()))
        picks=[0]+sorted(rng.sample(range(1,len(paras)), min(2,len(paras)-1)))
        sents=[]
        for k in picks:
            s,e=paras[k]; first=re.match(r'[^.!?]*[.!?]', text[s:e])
            if first and len(first.group(0).split())>=6: sents.append(pe._swap(rng, first.group(0).strip(), 0.3))
        if len(sents)<2: continue
        body=' '.join(sents)
        if variant=='heading':
            add = ('\n\n## Conclusion\n\n' if path.suffix=='.md' else '\n\nConclusion\n\n') + body + '\n'
        else:
            add = '\n\nIn conclusion, ' + body[0].lower() + body[1:] + '\n'
        t=text.rstrip()+add
        r=linter.lint_source(Source(path.name, t))
        n+=1
        if r.diagnostics:
            flag+=1
            for d in r.diagnostics: print('FLAG', variant, path.name, d.properties.get('kind'), repr(t[d.start:d.end][:80]), '|', d.message[:140])
print('flagged', flag, 'of', n)
