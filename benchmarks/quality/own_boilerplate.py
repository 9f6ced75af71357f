"""Boilerplate on chrome blocks written for the project: recall per kind, and findings outside the blocks.

    .venv/bin/python benchmarks/quality/own_boilerplate.py [--half dev|held|all] [--show misses|alarms]
    .venv/bin/python benchmarks/quality/own_boilerplate.py --data benchmarks/quality/own/boilerplate-variants-2.toml --half all
    .venv/bin/python benchmarks/quality/own_boilerplate.py --data benchmarks/quality/own/boilerplate-variants-3.toml --half dev

The blocks are data (benchmarks/quality/own/boilerplate-variants.toml), written by hand in layouts and wordings
of our own, not taken from either split, from the forms of build.py or from ../shared/data. Entries at even
positions are the development half; odd positions are the held-back half, scored only at the end of a session.
A second batch (own/boilerplate-variants-2.toml, ``--data``) is held back whole; a third
(own/boilerplate-variants-3.toml, 40 blocks of the kinds the test split finds least) is split into halves like the
first.

Each block is planted into a host of ../shared/corpus/clean (public-domain essays and news, and the project's
own papers for blocks in Markdown syntax): at the top, at the bottom, or between two paragraphs half-way
(``where``). A block counts as found when a boilerplate diagnostic overlaps it; a diagnostic that touches no
planted block is an alarm (the clean hosts alone have none: tests/test_clean_corpus.py).
"""

from __future__ import annotations

import argparse
import collections
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
DATA = ROOT / "benchmarks" / "quality" / "own" / "boilerplate-variants.toml"
HOSTS = ROOT.parent / "shared" / "corpus" / "clean"
TEXT_HOSTS = [f"essay0{i}.txt" for i in range(1, 9)] + [f"news0{i}.txt" for i in range(1, 7)]
MARKDOWN_HOSTS = [f"paper0{i}.md" for i in range(1, 8)]


def plant(host: str, block: str, where: str) -> tuple[str, int, int]:
    """The document and the block's character span in it."""
    paras = [p for p in host.strip().split("\n\n") if p.strip()]
    if where == "top":
        at = 0
    elif where == "bottom":
        at = len(paras)
    else:
        at = max(1, len(paras) // 2)
    before = "\n\n".join(paras[:at])
    start = len(before) + (2 if before else 0)
    text = "\n\n".join(paras[:at] + [block] + paras[at:]) + "\n"
    return text, start, start + len(block)


def cases(half: str, data: Path = DATA) -> list[dict]:
    blocks = tomllib.loads(data.read_text(encoding="utf-8"))["block"]
    out = []
    for k, b in enumerate(blocks):
        if half == "dev" and k % 2 or half == "held" and not k % 2:
            continue
        md = "](" in b["text"]
        pool = MARKDOWN_HOSTS if md else TEXT_HOSTS
        name = pool[k % len(pool)]
        text, s, e = plant((HOSTS / name).read_text(encoding="utf-8"), b["text"], b["where"])
        out.append({**b, "n": k, "host": name, "doc": text, "span": (s, e), "suffix": ".md" if md else ".txt"})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--half", choices=("dev", "held", "all"), default="dev")
    ap.add_argument("--show", choices=("misses", "alarms"))
    ap.add_argument("--data", type=Path, default=DATA, help="the blocks (default: the first batch)")
    args = ap.parse_args()
    from prose_lint.config import Settings
    from prose_lint.engine import Linter
    from prose_lint.source import Source

    linter = Linter(Settings(no_grammar=True, select=["boilerplate"]))
    per = collections.defaultdict(lambda: [0, 0])
    alarms = 0
    for c in cases(args.half, args.data):
        result = linter.lint_source(Source(f"own-{c['n']}{c['suffix']}", c["doc"]))
        s, e = c["span"]
        hits = [d for d in result.diagnostics if d.rule.startswith("boilerplate") and d.start < e and s < d.end]
        off = [d for d in result.diagnostics if d.rule.startswith("boilerplate") and not (d.start < e and s < d.end)]
        per[c["kind"]][0] += bool(hits)
        per[c["kind"]][1] += 1
        alarms += len(off)
        if args.show == "misses" and not hits:
            print(f"MISS #{c['n']} {c['kind']} ({c['where']}, {c['host']}): {c['text']!r}")
        if args.show == "alarms":
            for d in off:
                print(f"ALARM #{c['n']} {d.rule}: {c['doc'][d.start:d.end][:160]!r}")
    found = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    print(f"{args.half} half: found {found} of {total} blocks; {alarms} findings outside them")
    for kind, (f, n) in sorted(per.items()):
        print(f"  {kind:14s} {f} / {n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
